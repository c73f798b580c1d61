/*
 * xapian_bare.cc: the limit Vindplaats is measured against: the least a
 * program must do to build and query the same index with Xapian itself.
 *
 *   xapian-bare index DB CORPUS [--batch N] [--no-spelling]
 *   xapian-bare query DB MIX [--threads T]
 *
 * index: for each line of CORPUS/facets.tsv (written by gencorpus) reads
 * CORPUS/<id>.md, drops the YAML front matter, and indexes title (wdf 5,
 * also under S), the rest of the file as body, speakers (A) and
 * municipalities (XP) with a TermGenerator (Dutch stemmer, STEM_SOME,
 * spelling data as the indexer adds it), the boolean terms Q XM XO XS XT XY
 * and the value slots of model/schema.h; the stored data is the Markdown.
 * No Markdown parsing, no extraction (the facets come from facets.tsv).
 * Commits every --batch documents (1000, the indexer's default).
 *
 * query: runs every line of MIX (the /search syntax of the query mix) with
 * the query layer's semantics: words AND'ed, filters AND over facets of OR
 * over values, from/to a range on the date slot, 10 hits (their data read),
 * exact totals, and exact, multi-valued, disjunctive counts of all four
 * facets with a match spy counting the members of each value list (a facet
 * with a filter of its own counted in a match without it).  Prints "queries qps p50_ms p99_ms errors
 * queries_per_cpu_second".
 */
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

extern "C" {
#include "schema.h"
#include "strvec.h"
#include "text.h"
}

using std::string;
using std::vector;

static vector<string> split(const string &s, char sep)
{
    vector<string> out;
    std::stringstream ss(s);
    string item;
    while (std::getline(ss, item, sep))
        if (!item.empty())
            out.push_back(item);
    return out;
}

static string folded(const string &s)
{
    char *f = vp_fold(s.c_str());
    string out = f ? f : "";
    free(f);
    return out;
}

static string encoded_list(vector<string> values)
{
    vp_strvec v = VP_STRVEC_INIT;
    for (const string &s : values)
        vp_strvec_push(&v, s.c_str());
    vp_strvec_sort(&v);
    char *e = vp_list_encode(&v);
    string out = e ? e : "";
    free(e);
    vp_strvec_clear(&v);
    return out;
}

/* ---- index ------------------------------------------------------------- */

static string read_file(const string &path)
{
    std::ifstream f(path, std::ios::binary);
    std::ostringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

/* The file without its front matter (if any). */
static string body_of(const string &text)
{
    if (text.compare(0, 4, "---\n") != 0)
        return text;
    size_t end = text.find("\n---\n", 3);
    return end == string::npos ? text : text.substr(end + 5);
}

static void index_field(Xapian::TermGenerator &tg, const string &text, unsigned wdf,
                        const string &prefix)
{
    tg.increase_termpos(100);
    tg.index_text(text, wdf, prefix);
}

static void index_both(Xapian::TermGenerator &tg, const string &text, unsigned wdf,
                       const string &prefix)
{
    index_field(tg, text, wdf, "");
    index_field(tg, text, 1, prefix);
}

static Xapian::Document build(Xapian::TermGenerator &tg, const string &corpus,
                              const vector<string> &f)
{
    // f: id, date, host, municipalities, speakers, themes, title
    Xapian::Document doc;
    tg.set_document(doc);
    string text = read_file(corpus + "/" + f[0] + ".md");
    vector<string> places = split(f[3], ';'), speakers = split(f[4], ';'),
                   themes = split(f[5], ';');
    doc.add_boolean_term(VP_PREFIX_ID + f[0]);
    index_both(tg, f[6], 5, VP_PREFIX_TITLE);
    index_field(tg, body_of(text), 1, "");
    for (const string &s : speakers)
        index_both(tg, s, 2, VP_PREFIX_SPEAKER_TEXT);
    for (const string &p : places) {
        index_both(tg, p, 2, VP_PREFIX_PLACE_TEXT);
        doc.add_boolean_term(VP_PREFIX_MUNICIPALITY + folded(p));
    }
    doc.add_boolean_term(VP_PREFIX_HOST + folded(f[2]));
    for (const string &s : speakers)
        doc.add_boolean_term(VP_PREFIX_SPEAKER + folded(s));
    for (const string &t : themes)
        doc.add_boolean_term(VP_PREFIX_THEME + folded(t));
    string date = f[1].substr(0, 4) + f[1].substr(5, 2) + f[1].substr(8, 2);
    doc.add_value(VP_SLOT_DATE, date);
    doc.add_value(VP_SLOT_YEAR, date.substr(0, 4));
    doc.add_boolean_term(VP_PREFIX_YEAR + date.substr(0, 4));
    doc.add_value(VP_SLOT_MUNICIPALITIES, encoded_list(places));
    doc.add_value(VP_SLOT_SPEAKERS, encoded_list(speakers));
    doc.add_value(VP_SLOT_THEMES, encoded_list(themes));
    doc.add_value(VP_SLOT_HOST, f[2]);
    doc.set_data(text);
    return doc;
}

static int run_index(const string &db_path, const string &corpus, unsigned batch,
                     bool spelling)
{
    Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem(VP_DEFAULT_STEMMER));
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    if (spelling) {
        tg.set_database(db);
        tg.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
    }
    std::ifstream facets(corpus + "/facets.tsv");
    string line;
    unsigned n = 0;
    db.begin_transaction(false);
    while (std::getline(facets, line)) {
        vector<string> f;
        std::stringstream ss(line);
        for (string field; std::getline(ss, field, '\t');)
            f.push_back(field);
        if (f.size() < 7)
            continue;
        db.replace_document(VP_PREFIX_ID + f[0], build(tg, corpus, f));
        if (++n % batch == 0) {
            db.commit_transaction();
            db.begin_transaction(false);
        }
    }
    db.commit_transaction();
    db.set_metadata(VP_META_STEMMER, VP_DEFAULT_STEMMER);
    db.commit();
    std::printf("indexed %u\n", n);
    return 0;
}

/* ---- query ------------------------------------------------------------- */

struct request {
    string q;
    vector<string> filters[3];   // municipality, speaker, theme
    string from, to;             // YYYYMMDD or ""
};

static string percent_decode(const string &s)
{
    string out;
    for (size_t i = 0; i < s.size(); i++) {
        if (s[i] == '+')
            out += ' ';
        else if (s[i] == '%' && i + 2 < s.size()) {
            out += (char)std::strtol(s.substr(i + 1, 2).c_str(), nullptr, 16);
            i += 2;
        } else
            out += s[i];
    }
    return out;
}

static request parse_request(const string &line)
{
    request r;
    for (const string &kv : split(line, '&')) {
        size_t eq = kv.find('=');
        string k = kv.substr(0, eq), v = eq == string::npos ? "" : percent_decode(kv.substr(eq + 1));
        if (k == "q") r.q = v;
        else if (k == "municipality") r.filters[0].push_back(v);
        else if (k == "speaker") r.filters[1].push_back(v);
        else if (k == "theme") r.filters[2].push_back(v);
        else if (k == "from") r.from = v + "0101";
        else if (k == "to") r.to = v + "1231";
    }
    return r;
}

static const char *const filter_prefixes[3] = {VP_PREFIX_MUNICIPALITY, VP_PREFIX_SPEAKER,
                                               VP_PREFIX_THEME};
static const Xapian::valueno facet_slots[4] = {VP_SLOT_MUNICIPALITIES, VP_SLOT_SPEAKERS,
                                               VP_SLOT_THEMES, VP_SLOT_YEAR};

/* text FILTER (every filter but facet `except`; 3 = the date range). */
static Xapian::Query filtered(const request &r, const Xapian::Query &text, int except)
{
    vector<Xapian::Query> parts;
    for (int f = 0; f < 3; f++) {
        if (f == except || r.filters[f].empty())
            continue;
        vector<Xapian::Query> values;
        for (const string &v : r.filters[f])
            values.emplace_back(filter_prefixes[f] + folded(v));
        parts.emplace_back(Xapian::Query::OP_OR, values.begin(), values.end());
    }
    if (except != 3 && (!r.from.empty() || !r.to.empty()))
        parts.emplace_back(Xapian::Query::OP_VALUE_RANGE, VP_SLOT_DATE,
                           r.from.empty() ? "00000000" : r.from, r.to.empty() ? "99999999" : r.to);
    if (parts.empty())
        return text;
    Xapian::Query filter(Xapian::Query::OP_AND, parts.begin(), parts.end());
    return Xapian::Query(Xapian::Query::OP_FILTER, text, filter);
}

static bool has_own_filter(const request &r, int f)
{
    return f < 3 ? !r.filters[f].empty() : !(r.from.empty() && r.to.empty());
}

/* Counts each member of a slot's value lists over the matches.  (Xapian's
 * ValueCountMatchSpy keeps one entry per distinct list, and at 100k reports
 * nearly every speaker or municipality list is distinct: the limit would
 * pay for a map the engine's own code avoids.) */
class MemberCountSpy : public Xapian::MatchSpy {
  public:
    explicit MemberCountSpy(Xapian::valueno slot) : slot_(slot) {}
    void operator()(const Xapian::Document &doc, double) override
    {
        const string list = doc.get_value(slot_);
        size_t start = 0;
        for (size_t i = 0; i <= list.size(); i++)
            if (i == list.size() || list[i] == VP_LIST_SEP) {
                if (i > start)
                    ++counts_[list.substr(start, i - start)];
                start = i + 1;
            }
    }
    /* The counts sorted by count, as a response lists them; how many. */
    size_t sorted() const
    {
        vector<std::pair<Xapian::doccount, string>> by_count;
        for (auto &c : counts_)
            by_count.emplace_back(c.second, c.first);
        std::sort(by_count.begin(), by_count.end(), [](const auto &a, const auto &b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        return by_count.size();
    }

  private:
    Xapian::valueno slot_;
    std::unordered_map<string, Xapian::doccount> counts_;
};

static size_t run_one(Xapian::Database &db, Xapian::QueryParser &qp, const request &r)
{
    Xapian::Query text = r.q.empty() ? Xapian::Query(std::string()) /* not the shared global: its refcount is not atomic */
        : qp.parse_query(r.q, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                                 Xapian::QueryParser::FLAG_PURE_NOT);
    Xapian::doccount all = db.get_doccount();
    Xapian::Enquire enq(db);
    enq.set_query(filtered(r, text, -1));
    if (r.q.empty())
        enq.set_sort_by_value(VP_SLOT_DATE, true);
    vector<std::unique_ptr<MemberCountSpy>> spies;
    for (int f = 0; f < 4; f++)
        if (!has_own_filter(r, f)) {
            spies.emplace_back(new MemberCountSpy(facet_slots[f]));
            enq.add_matchspy(spies.back().get());
        }
    Xapian::MSet mset = enq.get_mset(0, 10, all);
    size_t work = mset.get_matches_estimated();
    for (auto it = mset.begin(); it != mset.end(); ++it)
        work += it.get_document().get_data().size() > 0;
    for (auto &spy : spies)
        work += spy->sorted();
    for (int f = 0; f < 4; f++)
        if (has_own_filter(r, f)) {
            Xapian::Enquire alone(db);
            alone.set_query(filtered(r, text, f));
            MemberCountSpy spy(facet_slots[f]);
            alone.add_matchspy(&spy);
            alone.get_mset(0, 0, all);
            work += spy.sorted();
        }
    return work;
}

static double now_ms()
{
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

/* CPU seconds of the process: a rate per CPU second holds on a shared machine. */
static double cpu_seconds()
{
    return (double)std::clock() / CLOCKS_PER_SEC;
}

static int run_queries(const string &db_path, const string &mix_path, unsigned threads)
{
    vector<request> mix;
    std::ifstream in(mix_path);
    for (string line; std::getline(in, line);)
        if (!line.empty())
            mix.push_back(parse_request(line));
    vector<double> latencies(mix.size());
    std::atomic<size_t> next(0), errors(0);
    auto worker = [&]() {
        Xapian::Database db(db_path);
        Xapian::QueryParser qp;
        qp.set_stemmer(Xapian::Stem(VP_DEFAULT_STEMMER));
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        qp.set_default_op(Xapian::Query::OP_AND);
        qp.set_database(db);
        for (size_t i; (i = next++) < mix.size();) {
            double t0 = now_ms();
            try {
                run_one(db, qp, mix[i]);
            } catch (const Xapian::Error &e) {
                errors++;
            }
            latencies[i] = now_ms() - t0;
        }
    };
    double t0 = now_ms(), cpu0 = cpu_seconds();
    vector<std::thread> pool;
    for (unsigned t = 0; t < threads; t++)
        pool.emplace_back(worker);
    for (auto &t : pool)
        t.join();
    double seconds = (now_ms() - t0) / 1000, cpu = cpu_seconds() - cpu0;
    std::sort(latencies.begin(), latencies.end());
    std::printf("%zu %.1f %.3f %.3f %zu %.1f\n", mix.size(), mix.size() / seconds,
                latencies[latencies.size() / 2], latencies[latencies.size() * 99 / 100],
                errors.load(), mix.size() / cpu);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        std::fputs("usage: xapian-bare index DB CORPUS [--batch N] [--no-spelling]\n"
                   "       xapian-bare query DB MIX [--threads T]\n", stderr);
        return 2;
    }
    string mode = argv[1];
    unsigned batch = 1000, threads = 1;
    bool spelling = true;
    for (int i = 4; i < argc; i++) {
        if (!std::strcmp(argv[i], "--batch") && i + 1 < argc) batch = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--threads") && i + 1 < argc) threads = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--no-spelling")) spelling = false;
        else { std::fprintf(stderr, "xapian-bare: unknown option %s\n", argv[i]); return 2; }
    }
    try {
        if (mode == "index")
            return run_index(argv[2], argv[3], batch ? batch : 1000, spelling);
        if (mode == "query")
            return run_queries(argv[2], argv[3], threads ? threads : 1);
    } catch (const Xapian::Error &e) {
        std::fprintf(stderr, "xapian-bare: %s\n", e.get_description().c_str());
        return 2;
    }
    std::fprintf(stderr, "xapian-bare: unknown mode %s\n", mode.c_str());
    return 2;
}
