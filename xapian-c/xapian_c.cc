// xapian_c.cc: the C interface of xapian_c.h over libxapian 1.4.
//
// Every extern "C" function runs its body through guard() / guard_status(),
// which catch everything and turn it into an xapc_status and a message, so no
// C++ exception ever unwinds into C frames (that would be undefined
// behaviour).  Handles are plain structs holding the Xapian objects by value:
// Xapian's classes are themselves reference-counted handles, so copying them
// is cheap and shares the underlying state.

#include "xapian_c.h"

#include <xapian.h>

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

// ---- handle definitions -------------------------------------------------

struct xapc_db {
    Xapian::Database db;
};

struct xapc_wdb {
    Xapian::WritableDatabase wdb;
    // The borrowed read handle of xapc_wdb_reader(): a Database copy shares
    // the writable internals, so it sees uncommitted changes.
    xapc_db reader;
    // Xapian's destructor and close() commit pending changes, while our
    // contract says free() discards them.  The only way to discard in 1.4 is
    // cancel_transaction(), so we always keep an unflushed transaction open
    // between commits.  (Side effect: no automatic flush every 10000 docs;
    // callers must commit periodically, which the indexer does anyway.)
    bool in_txn = false;
};

struct xapc_doc {
    Xapian::Document doc;
};

struct xapc_stem {
    Xapian::Stem stem;
};

struct xapc_termgen {
    Xapian::TermGenerator tg;
};

struct xapc_query {
    Xapian::Query q;
};

struct xapc_qp {
    Xapian::QueryParser qp;
};

// Counts every member of a separated list held in one value slot.  Xapian's
// ValueCountMatchSpy counts whole values: over lists that are nearly all
// distinct it builds a map with an entry per matching document (100k
// entries, tens of MiB, for a match-all query on 100k reports) where the
// members are a few thousand.  A custom spy cannot run on a remote server
// (xapian-tcpsrv does not know it), so the caller picks it for local
// databases only.
//
// A member is counted through a hash of its bytes to a number (one hash and
// one comparison, where a sorted map compared a dozen strings per member:
// the spy was a quarter of a query's instructions); members() sorts them
// once, for the caller's value order.
class ListCountSpy : public Xapian::MatchSpy {
  public:
    ListCountSpy(Xapian::valueno slot, char sep) : slot_(slot), sep_(sep) {}

    void operator()(const Xapian::Document &doc, double) override
    {
        ++total_;
        const std::string list = doc.get_value(slot_);
        std::string_view rest(list), previous;
        while (!rest.empty()) {
            size_t end = rest.find(sep_);
            std::string_view member = rest.substr(0, end);
            rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
            if (member.empty() || member == previous)
                continue;   // lists are sorted: a repeated member is adjacent
            previous = member;
            ++counts_[number_of(member)];
        }
    }

    Xapian::doccount total() const { return total_; }

    // (member, count) pairs in member order.
    std::vector<std::pair<std::string_view, Xapian::doccount>> members() const
    {
        std::vector<std::pair<std::string_view, Xapian::doccount>> out;
        out.reserve(names_.size());
        for (size_t i = 0; i < names_.size(); i++)
            out.emplace_back(names_[i], counts_[i]);
        std::sort(out.begin(), out.end());
        return out;
    }

  private:
    size_t number_of(std::string_view member)
    {
        auto it = numbers_.find(member);
        if (it != numbers_.end())
            return it->second;
        names_.emplace_back(member);   // a deque: the views stay valid
        counts_.push_back(0);
        numbers_.emplace(names_.back(), names_.size() - 1);
        return names_.size() - 1;
    }

    Xapian::valueno slot_;
    char sep_;
    Xapian::doccount total_ = 0;
    std::deque<std::string> names_;
    std::vector<Xapian::doccount> counts_;
    std::unordered_map<std::string_view, size_t> numbers_;
};

// One of the two spies: the built-in one, or a list spy when sep was given.
struct xapc_spy {
    explicit xapc_spy(xapc_slot slot) : builtin(new Xapian::ValueCountMatchSpy(slot)) {}
    xapc_spy(xapc_slot slot, char sep) : list(new ListCountSpy(slot, sep)) {}
    Xapian::MatchSpy *get() const
    {
        return builtin ? static_cast<Xapian::MatchSpy *>(builtin.get()) : list.get();
    }
    std::unique_ptr<Xapian::ValueCountMatchSpy> builtin;
    std::unique_ptr<ListCountSpy> list;
};

// Milliseconds on CLOCK_MONOTONIC (the clock of xapc_enquire_set_deadline).
static double monotonic_ms() noexcept
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// Thrown by DeadlineDecider through Xapian's matcher, which lets a match
// decider's exceptions pass (it holds its state in RAII objects), and
// turned into XAPC_ERR_DEADLINE at the boundary.
struct DeadlinePassed : std::runtime_error {
    DeadlinePassed() : std::runtime_error("the match ran past its deadline") {}
};

// A match decider that accepts every document and stops the match once the
// deadline has passed.  With check_at_least at the doccount (exact counts)
// the matcher asks it about every candidate, so a long match is stopped
// within a few documents of the deadline; the clock is read every 16th
// (a vDSO call, tens of nanoseconds, against microseconds per candidate).
class DeadlineDecider : public Xapian::MatchDecider {
  public:
    explicit DeadlineDecider(double deadline_ms) : deadline_ms_(deadline_ms) {}
    bool operator()(const Xapian::Document &) const override
    {
        if ((++calls_ & 15) == 0 && monotonic_ms() > deadline_ms_)
            throw DeadlinePassed();
        return true;
    }

  private:
    double deadline_ms_;
    mutable unsigned calls_ = 0;
};

struct xapc_enquire {
    explicit xapc_enquire(const Xapian::Database &db) : enq(db) {}
    // Declared before enq so they are destroyed after it: Enquire only keeps
    // raw pointers to them.
    std::vector<std::unique_ptr<xapc_spy>> spies;
    Xapian::Enquire enq;
    double deadline_ms = 0;    // 0: none (xapc_enquire_set_deadline)
    bool stop_matcher = false;
};

struct xapc_mset {
    // An MSet keeps its Enquire's internals alive, so it may outlive the
    // enquire handle (snippet() needs the query).
    Xapian::MSet mset;
};

struct xapc_postiter {
    Xapian::PostingIterator it, end;
    uint32_t termfreq = 0;
};

struct xapc_valueiter {
    Xapian::ValueIterator it, end;
    std::string current;    // backs the borrowed value of xapc_valueiter_next()
    bool started = false;
};

struct xapc_termiter {
    Xapian::TermIterator it, end;
    std::string current;    // backs the borrowed *term of xapc_termiter_next()
    bool started = false;
    bool wdf = false;       // termlist: report wdf; allterms: termfreq
    std::string prefix;     // a document's termlist stops after these terms
    bool positions = false; // a termlist: positions of the current term
};

// ---- error plumbing -----------------------------------------------------

namespace {

void set_error(xapc_error *err, xapc_status status, const char *type,
               const char *msg, const char *detail = nullptr) noexcept
{
    if (!err)
        return;
    err->status = status;
    if (detail && *detail)
        std::snprintf(err->message, sizeof err->message, "%s: %s (%s)", type,
                      msg, detail);
    else
        std::snprintf(err->message, sizeof err->message, "%s: %s", type, msg);
}

xapc_status report(xapc_error *err, xapc_status st, const Xapian::Error &e) noexcept
{
    set_error(err, st, e.get_type(), e.get_msg().c_str(), e.get_error_string());
    return st;
}

// Called only from a catch block: classifies the exception in flight.
// Xapian::Error has no virtual functions in 1.4 (so no dynamic_cast), hence
// ordered catch clauses, most derived first: DatabaseNotFoundError and
// DatabaseVersionError derive from DatabaseOpeningError, which like the
// lock, modified and corrupt errors derives from DatabaseError.
xapc_status report_current_exception(xapc_error *err) noexcept
{
#define XAPC_MAP(type, status) \
    catch (const Xapian::type &e) { return report(err, status, e); }
    try {
        throw;
    }
    XAPC_MAP(DatabaseNotFoundError, XAPC_ERR_NOT_FOUND)
    XAPC_MAP(DocNotFoundError, XAPC_ERR_NOT_FOUND)
    XAPC_MAP(DatabaseOpeningError, XAPC_ERR_OPENING)   // and DatabaseVersionError
    XAPC_MAP(DatabaseLockError, XAPC_ERR_LOCKED)
    XAPC_MAP(DatabaseModifiedError, XAPC_ERR_MODIFIED)
    XAPC_MAP(DatabaseCorruptError, XAPC_ERR_CORRUPT)
    XAPC_MAP(DatabaseError, XAPC_ERR_IO)
    XAPC_MAP(QueryParserError, XAPC_ERR_QUERY)
    // 1.4 expands wildcards lazily, so a WILDCARD_LIMIT_ERROR overflow is a
    // WildcardError thrown by get_mset(), not a QueryParserError from parse.
    XAPC_MAP(WildcardError, XAPC_ERR_QUERY)
    XAPC_MAP(NetworkTimeoutError, XAPC_ERR_TIMEOUT)
    XAPC_MAP(NetworkError, XAPC_ERR_NETWORK)
    XAPC_MAP(InvalidArgumentError, XAPC_ERR_INVALID)
    XAPC_MAP(InvalidOperationError, XAPC_ERR_INVALID)
    XAPC_MAP(RangeError, XAPC_ERR_INVALID)
    XAPC_MAP(Error, XAPC_ERR_OTHER)
#undef XAPC_MAP
    catch (const DeadlinePassed &e) {
        set_error(err, XAPC_ERR_DEADLINE, "DeadlinePassed", e.what());
        return XAPC_ERR_DEADLINE;
    } catch (const std::bad_alloc &) {
        set_error(err, XAPC_ERR_NO_MEMORY, "std::bad_alloc", "out of memory");
        return XAPC_ERR_NO_MEMORY;
    } catch (const std::exception &e) {
        set_error(err, XAPC_ERR_OTHER, "std::exception", e.what());
        return XAPC_ERR_OTHER;
    } catch (...) {
        set_error(err, XAPC_ERR_OTHER, "unknown", "unknown C++ exception");
        return XAPC_ERR_OTHER;
    }
}

// Runs body; on any exception fills err and returns on_fail instead.
template <typename R, typename F>
R guard(xapc_error *err, R on_fail, F &&body) noexcept
{
    xapc_error_clear(err);
    try {
        return body();
    } catch (...) {
        report_current_exception(err);
        return on_fail;
    }
}

// The same for functions returning xapc_status.
template <typename F> xapc_status guard_status(xapc_error *err, F &&body) noexcept
{
    xapc_error_clear(err);
    try {
        body();
        return XAPC_OK;
    } catch (...) {
        return report_current_exception(err);
    }
}

// Argument checks throw, so that they share the guard's reporting.
void need(const void *p, const char *what)
{
    if (!p)
        throw Xapian::InvalidArgumentError(std::string(what) + " is NULL");
}

// Steps an iterator handle: the first call looks at the first item, later
// calls advance; true while there is an item.
template <typename H> bool advance(H *h)
{
    if (h->started && h->it != h->end)
        ++h->it;
    h->started = true;
    return h->it != h->end;
}

// One read of a database handle, guarded.
template <typename R, typename F>
R db_read(const xapc_db *db, xapc_error *err, R on_fail, F &&read) noexcept
{
    return guard(err, on_fail, [&] {
        need(db, "db");
        return read(db->db);
    });
}

std::string str(const char *s) { return s ? std::string(s) : std::string(); }

std::string bytes(const char *s, size_t len, const char *what)
{
    if (!s && len)
        throw Xapian::InvalidArgumentError(std::string(what) + " is NULL");
    return s ? std::string(s, len) : std::string();
}

// A malloc'd, NUL-terminated copy the C caller releases with free().
char *dup_string(const std::string &s, size_t *len = nullptr)
{
    char *p = static_cast<char *>(std::malloc(s.size() + 1));
    if (!p)
        throw std::bad_alloc();
    std::memcpy(p, s.data(), s.size());
    p[s.size()] = '\0';
    if (len)
        *len = s.size();
    return p;
}

// C may hand us any int in an enum parameter, but in C++ loading a value
// outside an unfixed enum's range is undefined (UBSan flags it).  So read
// the bits as the int they are in the C ABI, and switch on that.
template <typename E> int enum_value(const E &e) noexcept
{
    static_assert(sizeof(E) == sizeof(int), "C enums are int-sized here");
    int v;
    std::memcpy(&v, &e, sizeof v);
    return v;
}

Xapian::Query::op to_op(const xapc_op &op)
{
    switch (enum_value(op)) {
    case XAPC_OP_AND: return Xapian::Query::OP_AND;
    case XAPC_OP_OR: return Xapian::Query::OP_OR;
    case XAPC_OP_AND_NOT: return Xapian::Query::OP_AND_NOT;
    case XAPC_OP_XOR: return Xapian::Query::OP_XOR;
    case XAPC_OP_AND_MAYBE: return Xapian::Query::OP_AND_MAYBE;
    case XAPC_OP_FILTER: return Xapian::Query::OP_FILTER;
    case XAPC_OP_NEAR: return Xapian::Query::OP_NEAR;
    case XAPC_OP_PHRASE: return Xapian::Query::OP_PHRASE;
    case XAPC_OP_ELITE_SET: return Xapian::Query::OP_ELITE_SET;
    case XAPC_OP_SYNONYM: return Xapian::Query::OP_SYNONYM;
    case XAPC_OP_MAX: return Xapian::Query::OP_MAX;
    }
    throw Xapian::InvalidArgumentError("unknown xapc_op");
}

// TermGenerator and QueryParser have separate but identical enums.
template <typename C> typename C::stem_strategy to_strategy(const xapc_stem_strategy &s)
{
    switch (enum_value(s)) {
    case XAPC_STEM_NONE: return C::STEM_NONE;
    case XAPC_STEM_SOME: return C::STEM_SOME;
    case XAPC_STEM_ALL: return C::STEM_ALL;
    case XAPC_STEM_ALL_Z: return C::STEM_ALL_Z;
    }
    throw Xapian::InvalidArgumentError("unknown xapc_stem_strategy");
}

unsigned to_qp_flags(unsigned flags)
{
    using QP = Xapian::QueryParser;
    static const struct { unsigned ours, theirs; } map[] = {
        {XAPC_QP_BOOLEAN, QP::FLAG_BOOLEAN},
        {XAPC_QP_PHRASE, QP::FLAG_PHRASE},
        {XAPC_QP_LOVEHATE, QP::FLAG_LOVEHATE},
        {XAPC_QP_BOOLEAN_ANY_CASE, QP::FLAG_BOOLEAN_ANY_CASE},
        {XAPC_QP_WILDCARD, QP::FLAG_WILDCARD},
        {XAPC_QP_PURE_NOT, QP::FLAG_PURE_NOT},
        {XAPC_QP_SPELLING_CORRECTION, QP::FLAG_SPELLING_CORRECTION},
        {XAPC_QP_SYNONYM, QP::FLAG_SYNONYM},
        {XAPC_QP_AUTO_SYNONYMS, QP::FLAG_AUTO_SYNONYMS},
        {XAPC_QP_AUTO_MULTIWORD_SYNONYMS, QP::FLAG_AUTO_MULTIWORD_SYNONYMS},
    };
    unsigned out = 0;
    for (const auto &m : map) {
        if (flags & m.ours)
            out |= m.theirs;
        flags &= ~m.ours;
    }
    if (flags)
        throw Xapian::InvalidArgumentError("unknown XAPC_QP_* flag bits");
    return out;
}

Xapian::Document document_of(const xapc_db *db, xapc_docid id)
{
    need(db, "db");
    // Xapian calls docid 0 an invalid argument; for us 0 means "none".
    if (id == 0)
        throw Xapian::DocNotFoundError("docid 0 does not exist");
    return db->db.get_document(id);
}

Xapian::MSetIterator mset_item(const xapc_mset *m, uint32_t i)
{
    need(m, "mset");
    if (i >= m->mset.size())
        throw Xapian::RangeError("mset index " + std::to_string(i) +
                                 " out of range");
    return m->mset[i];
}

void wdb_begin(xapc_wdb *w)
{
    w->wdb.begin_transaction(false);
    w->in_txn = true;
}

xapc_query *new_query(Xapian::Query q) { return new xapc_query{std::move(q)}; }

// ---- reading Xapian's query serialisation -----------------------------------
// Query 1.4 hides the parameters of some nodes (a value range's slot and
// bounds, a posting source's name, a wildcard's pattern) behind its public
// API, but serialises every node in a documented, stable format (it is the
// remote protocol's): these read the few leaves we need from it.

// Xapian's encode_length(): one byte below 255, else 0xff and 7-bit groups.
size_t decode_length(const char *&p, const char *end)
{
    if (p == end)
        throw Xapian::SerialisationError("query serialisation: no length");
    size_t len = static_cast<unsigned char>(*p++);
    if (len != 0xff)
        return len;
    len = 0;
    unsigned shift = 0;
    unsigned char ch;
    do {
        if (p == end || shift > 56)
            throw Xapian::SerialisationError("query serialisation: bad length");
        ch = static_cast<unsigned char>(*p++);
        len |= size_t(ch & 0x7f) << shift;
        shift += 7;
    } while ((ch & 0x80) == 0);
    return len + 255;
}

std::string decode_string(const char *&p, const char *end)
{
    size_t len = decode_length(p, end);
    if (len > size_t(end - p))
        throw Xapian::SerialisationError("query serialisation: short string");
    std::string out(p, len);
    p += len;
    return out;
}

struct value_leaf {
    Xapian::valueno slot = 0;
    std::string lo, hi;
    bool has_lo = false, has_hi = false;
};

// A VALUE_RANGE, VALUE_GE or VALUE_LE leaf: 001tssss, the slot, the bounds.
value_leaf read_value_leaf(const Xapian::Query &q)
{
    const std::string s = q.serialise();
    const char *p = s.data(), *end = p + s.size();
    if (p == end || (static_cast<unsigned char>(*p) >> 5) != 1)
        throw Xapian::InvalidArgumentError("not a value range query");
    unsigned char ch = static_cast<unsigned char>(*p++);
    value_leaf v;
    v.slot = ch & 15;
    if (v.slot == 15)
        v.slot = Xapian::valueno(decode_length(p, end) + 15);
    v.lo = decode_string(p, end);
    if (ch & 0x10) {           // VALUE_GE: one bound
        v.has_lo = true;
        return v;
    }
    v.hi = decode_string(p, end);
    v.has_hi = true;
    v.has_lo = !v.lo.empty();  // an empty start is VALUE_LE
    return v;
}

struct wildcard_leaf {
    Xapian::termcount max_expansion = 0;
    int max_type = 0;
    Xapian::Query::op combiner = Xapian::Query::OP_SYNONYM;
    std::string pattern;
};

// A WILDCARD leaf: 0x0b, the limit, its mode, the combiner, the pattern.
wildcard_leaf read_wildcard_leaf(const Xapian::Query &q)
{
    const std::string s = q.serialise();
    const char *p = s.data(), *end = p + s.size();
    if (p == end || *p++ != 0x0b)
        throw Xapian::InvalidArgumentError("not a wildcard query");
    wildcard_leaf w;
    w.max_expansion = Xapian::termcount(decode_length(p, end));
    if (end - p < 2)
        throw Xapian::SerialisationError("query serialisation: short wildcard");
    w.max_type = static_cast<unsigned char>(*p++);
    w.combiner = static_cast<Xapian::Query::op>(static_cast<unsigned char>(*p++));
    w.pattern = decode_string(p, end);
    return w;
}

// What Xapian 1.4 does with a wildcard at match time (QueryWildcard::
// postlist), once against db: the terms starting with the pattern, at most
// max_expansion of them (0: no limit), by the limit's mode, under combiner.
Xapian::Query expand_wildcard(const wildcard_leaf &w, const Xapian::Database &db)
{
    std::vector<std::pair<Xapian::doccount, std::string>> terms;
    const bool most_frequent = w.max_type == Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT;
    for (auto t = db.allterms_begin(w.pattern); t != db.allterms_end(w.pattern); ++t) {
        if (!most_frequent && w.max_expansion && terms.size() == w.max_expansion) {
            if (w.max_type == Xapian::Query::WILDCARD_LIMIT_FIRST)
                break;
            throw Xapian::WildcardError("Wildcard " + w.pattern + "* expands to more than " +
                                        std::to_string(w.max_expansion) + " terms");
        }
        terms.emplace_back(most_frequent ? t.get_termfreq() : 0, *t);
    }
    if (most_frequent && w.max_expansion && terms.size() > w.max_expansion) {
        // The most frequent; Xapian breaks ties arbitrarily, we by term.
        std::stable_sort(terms.begin(), terms.end(),
                         [](const auto &a, const auto &b) { return a.first > b.first; });
        terms.resize(w.max_expansion);
        std::sort(terms.begin(), terms.end(),
                  [](const auto &a, const auto &b) { return a.second < b.second; });
    }
    std::vector<Xapian::Query> subs;
    subs.reserve(terms.size());
    for (const auto &t : terms)
        subs.emplace_back(t.second);
    return Xapian::Query(w.combiner, subs.begin(), subs.end());
}

// The window of NEAR/PHRASE or the size of ELITE_SET: the parameter in a
// multi-way node's header (1ccccnnn, the count beyond 7, the parameter).
Xapian::termcount branch_parameter(const Xapian::Query &q)
{
    const std::string s = q.serialise();
    const char *p = s.data(), *end = p + s.size();
    if (p == end)
        return 0;
    unsigned char ch = static_cast<unsigned char>(*p++);
    if ((ch & 0x80) == 0 || ((ch >> 3) & 0x0f) < 13)
        return 0;
    if ((ch & 0x07) == 0)
        decode_length(p, end);
    return Xapian::termcount(decode_length(p, end));
}

// q with its wildcards expanded; q itself when it has none (*changed
// false).  A node is rebuilt only when a subquery changed: through its
// public constructor, or for OP_SCALE_WEIGHT (whose factor the API hides)
// from its own serialisation with the new subquery's in place of the old.
Xapian::Query expand_wildcards(const Xapian::Query &q, const Xapian::Database &db,
                               bool *changed)
{
    using Q = Xapian::Query;
    const Q::op type = q.get_type();
    if (type == Q::OP_WILDCARD) {
        *changed = true;
        return expand_wildcard(read_wildcard_leaf(q), db);
    }
    const size_t n = q.get_num_subqueries();
    *changed = false;
    if (n == 0)
        return q;
    std::vector<Q> subs;
    subs.reserve(n);
    for (size_t i = 0; i < n; i++) {
        bool sub_changed;
        subs.push_back(expand_wildcards(q.get_subquery(i), db, &sub_changed));
        *changed = *changed || sub_changed;
    }
    if (!*changed)
        return q;
    switch (type) {
    case Q::OP_SCALE_WEIGHT: {
        if (subs[0].empty())
            return Q();
        const std::string whole = q.serialise(), old_sub = q.get_subquery(0).serialise();
        std::string head = whole.substr(0, whole.size() - old_sub.size());
        return Q::unserialise(head + subs[0].serialise());
    }
    case Q::OP_NEAR: case Q::OP_PHRASE: case Q::OP_ELITE_SET:
        return Q(type, subs.begin(), subs.end(), branch_parameter(q));
    case Q::OP_AND: case Q::OP_OR: case Q::OP_AND_NOT: case Q::OP_XOR:
    case Q::OP_AND_MAYBE: case Q::OP_FILTER: case Q::OP_SYNONYM: case Q::OP_MAX:
        return Q(type, subs.begin(), subs.end());
    default:
        throw Xapian::InvalidArgumentError("cannot rebuild a query node of type " +
                                           std::to_string(int(type)));
    }
}

// Exactly the given documents, weight 0 (xapc_query_docids).
class DocidsSource : public Xapian::PostingSource {
  public:
    explicit DocidsSource(std::vector<Xapian::docid> ids) : ids_(std::move(ids)) {}

    Xapian::doccount get_termfreq_min() const override { return Xapian::doccount(ids_.size()); }
    Xapian::doccount get_termfreq_est() const override { return Xapian::doccount(ids_.size()); }
    Xapian::doccount get_termfreq_max() const override { return Xapian::doccount(ids_.size()); }
    void init(const Xapian::Database &) override { pos_ = npos; }
    void next(double) override { pos_ = pos_ == npos ? 0 : pos_ + 1; }
    void skip_to(Xapian::docid did, double) override
    {
        size_t from = pos_ == npos ? 0 : pos_;
        pos_ = size_t(std::lower_bound(ids_.begin() + from, ids_.end(), did) - ids_.begin());
    }
    bool at_end() const override { return pos_ != npos && pos_ >= ids_.size(); }
    Xapian::docid get_docid() const override { return ids_[pos_]; }
    Xapian::PostingSource *clone() const override { return new DocidsSource(ids_); }

  private:
    static constexpr size_t npos = size_t(-1);
    std::vector<Xapian::docid> ids_;
    size_t pos_ = npos;
};

// Hands every matching docid to a C callback, in batches.
class DocidsSpy : public Xapian::MatchSpy {
  public:
    DocidsSpy(xapc_docids_fn fn, void *ctx) : fn_(fn), ctx_(ctx) { buf_.reserve(1024); }
    void operator()(const Xapian::Document &doc, double) override
    {
        buf_.push_back(doc.get_docid());
        if (buf_.size() == 1024)
            flush();
    }
    void flush()
    {
        if (!buf_.empty())
            fn_(buf_.data(), buf_.size(), ctx_);
        buf_.clear();
    }

  private:
    xapc_docids_fn fn_;
    void *ctx_;
    std::vector<uint32_t> buf_;
};

} // namespace

// ---- errors -------------------------------------------------------------

extern "C" {

const char *xapc_status_name(xapc_status status)
{
    switch (enum_value(status)) {
    case XAPC_OK: return "ok";
    case XAPC_ERR_NOT_FOUND: return "not found";
    case XAPC_ERR_OPENING: return "opening";
    case XAPC_ERR_LOCKED: return "locked";
    case XAPC_ERR_MODIFIED: return "modified";
    case XAPC_ERR_CORRUPT: return "corrupt";
    case XAPC_ERR_QUERY: return "query";
    case XAPC_ERR_NETWORK: return "network";
    case XAPC_ERR_INVALID: return "invalid";
    case XAPC_ERR_IO: return "io";
    case XAPC_ERR_NO_MEMORY: return "no memory";
    case XAPC_ERR_OTHER: return "other";
    case XAPC_ERR_TIMEOUT: return "timeout";
    case XAPC_ERR_DEADLINE: return "deadline";
    }
    return "unknown status";
}

void xapc_error_clear(xapc_error *err)
{
    if (err) {
        err->status = XAPC_OK;
        err->message[0] = '\0';
    }
}

const char *xapc_version(void)
{
    return Xapian::version_string();
}

// ---- read-only databases --------------------------------------------------

xapc_db *xapc_db_open(const char *path, xapc_error *err)
{
    return guard(err, static_cast<xapc_db *>(nullptr), [&] {
        need(path, "path");
        return new xapc_db{Xapian::Database(path)};
    });
}

xapc_db *xapc_db_open_remote(const char *host, unsigned port, unsigned timeout_ms,
                             unsigned connect_timeout_ms, xapc_error *err)
{
    return guard(err, static_cast<xapc_db *>(nullptr), [&] {
        need(host, "host");
        // Despite the useconds_t parameter type, 1.4 takes milliseconds.
        return new xapc_db{Xapian::Remote::open(host, port, timeout_ms,
                                                connect_timeout_ms)};
    });
}

xapc_db *xapc_db_new_empty(xapc_error *err)
{
    return guard(err, static_cast<xapc_db *>(nullptr),
                 [&] { return new xapc_db{Xapian::Database()}; });
}

xapc_status xapc_db_add(xapc_db *db, const xapc_db *other, xapc_error *err)
{
    return guard_status(err, [&] {
        need(db, "db");
        need(other, "other");
        db->db.add_database(other->db);
    });
}

xapc_status xapc_db_reopen(xapc_db *db, bool *changed, xapc_error *err)
{
    return guard_status(err, [&] {
        need(db, "db");
        bool c = db->db.reopen();
        if (changed)
            *changed = c;
    });
}

void xapc_db_free(xapc_db *db)
{
    delete db;
}

uint32_t xapc_db_doccount(const xapc_db *db, xapc_error *err)
{
    return db_read(db, err, uint32_t(0), [](const Xapian::Database &d) {
        return uint32_t(d.get_doccount());
    });
}

uint64_t xapc_db_revision(const xapc_db *db, xapc_error *err)
{
    // get_revision() throws InvalidOperationError for several shards.
    return db_read(db, err, uint64_t(0), [](const Xapian::Database &d) {
        return uint64_t(d.get_revision());
    });
}

char *xapc_db_uuid(const xapc_db *db, xapc_error *err)
{
    return db_read(db, err, static_cast<char *>(nullptr), [](const Xapian::Database &d) {
        return dup_string(d.get_uuid());
    });
}

xapc_docid xapc_db_lastdocid(const xapc_db *db, xapc_error *err)
{
    return db_read(db, err, xapc_docid(0), [](const Xapian::Database &d) {
        return xapc_docid(d.get_lastdocid());
    });
}

size_t xapc_db_shard_count(const xapc_db *db, xapc_error *err)
{
    return db_read(db, err, size_t(0), [](const Xapian::Database &d) { return d.size(); });
}

char *xapc_db_get_metadata(const xapc_db *db, const char *key, xapc_error *err)
{
    return guard(err, static_cast<char *>(nullptr), [&] {
        need(db, "db");
        need(key, "key");
        return dup_string(db->db.get_metadata(key));
    });
}

uint32_t xapc_db_termfreq(const xapc_db *db, const char *term, xapc_error *err)
{
    return guard(err, uint32_t(0), [&] {
        need(db, "db");
        need(term, "term");
        return uint32_t(db->db.get_termfreq(term));
    });
}

xapc_docid xapc_db_find_term(const xapc_db *db, const char *term, xapc_error *err)
{
    return guard(err, xapc_docid(0), [&] {
        need(db, "db");
        need(term, "term");
        // An empty term would iterate every document: not a lookup.
        if (!*term)
            throw Xapian::InvalidArgumentError("empty term");
        Xapian::PostingIterator p = db->db.postlist_begin(term);
        return p == db->db.postlist_end(term) ? xapc_docid(0) : xapc_docid(*p);
    });
}

char *xapc_db_document_data_len(const xapc_db *db, xapc_docid id, size_t *len,
                                xapc_error *err)
{
    return guard(err, static_cast<char *>(nullptr), [&] {
        return dup_string(document_of(db, id).get_data(), len);
    });
}

char *xapc_db_document_value_len(const xapc_db *db, xapc_docid id,
                                 xapc_slot slot, size_t *len, xapc_error *err)
{
    return guard(err, static_cast<char *>(nullptr), [&] {
        return dup_string(document_of(db, id).get_value(slot), len);
    });
}

char *xapc_db_document_data(const xapc_db *db, xapc_docid id, xapc_error *err)
{
    return xapc_db_document_data_len(db, id, nullptr, err);
}

char *xapc_db_document_value(const xapc_db *db, xapc_docid id, xapc_slot slot,
                             xapc_error *err)
{
    return xapc_db_document_value_len(db, id, slot, nullptr, err);
}

char *xapc_db_spelling_suggestion(const xapc_db *db, const char *word,
                                  unsigned max_edit_distance, xapc_error *err)
{
    return guard(err, static_cast<char *>(nullptr), [&]() -> char * {
        need(db, "db");
        need(word, "word");
        std::string s = db->db.get_spelling_suggestion(word, max_edit_distance);
        return s.empty() ? nullptr : dup_string(s);
    });
}

uint32_t xapc_db_spelling_frequency(const xapc_db *db, const char *word, xapc_error *err)
{
    return guard(err, uint32_t(0), [&]() -> uint32_t {
        need(db, "db");
        need(word, "word");
        // 1.4 has no direct lookup: a cursor skipped to the word is one
        // B-tree search, where a suggestion merges trigram lists.
        Xapian::TermIterator it = db->db.spellings_begin();
        it.skip_to(word);
        return it != db->db.spellings_end() && *it == word ? it.get_termfreq() : 0;
    });
}

xapc_termiter *xapc_db_allterms(const xapc_db *db, const char *prefix,
                                xapc_error *err)
{
    return guard(err, static_cast<xapc_termiter *>(nullptr), [&] {
        need(db, "db");
        std::string p = str(prefix);
        auto *ti = new xapc_termiter;
        ti->it = db->db.allterms_begin(p);
        ti->end = db->db.allterms_end(p);
        return ti;
    });
}

xapc_termiter *xapc_db_termlist(const xapc_db *db, xapc_docid id, xapc_error *err)
{
    return guard(err, static_cast<xapc_termiter *>(nullptr), [&] {
        need(db, "db");
        if (id == 0)
            throw Xapian::DocNotFoundError("docid 0 does not exist");
        std::unique_ptr<xapc_termiter> ti(new xapc_termiter);
        ti->it = db->db.termlist_begin(id);
        ti->end = db->db.termlist_end(id);
        ti->wdf = true;
        ti->positions = true;
        return ti.release();
    });
}

bool xapc_termiter_next(xapc_termiter *it, const char **term, uint32_t *freq,
                        xapc_error *err)
{
    return guard(err, false, [&] {
        need(it, "iterator");
        if (!advance(it))
            return false;
        it->current = *it->it;
        if (!it->prefix.empty() && it->current.compare(0, it->prefix.size(), it->prefix) != 0)
            return false;
        if (term)
            *term = it->current.c_str();
        if (freq)
            *freq = it->wdf ? uint32_t(it->it.get_wdf())
                            : uint32_t(it->it.get_termfreq());
        return true;
    });
}

void xapc_termiter_free(xapc_termiter *it)
{
    delete it;
}

size_t xapc_termiter_positions(const xapc_termiter *it, uint32_t *out, size_t max,
                               xapc_error *err)
{
    return guard(err, size_t(0), [&] {
        need(it, "iterator");
        if (!it->started || it->it == it->end || !it->positions)
            return size_t(0);
        size_t n = 0;
        for (auto p = it->it.positionlist_begin(); p != it->it.positionlist_end(); ++p, ++n)
            if (n < max)
                out[n] = *p;
        return n;
    });
}

// ---- posting lists and value streams ---------------------------------------

xapc_postiter *xapc_db_postlist(const xapc_db *db, const char *term, size_t len,
                                xapc_error *err)
{
    return guard(err, static_cast<xapc_postiter *>(nullptr), [&] {
        need(db, "db");
        const std::string t = bytes(term, len, "term");
        std::unique_ptr<xapc_postiter> pi(new xapc_postiter);
        pi->it = db->db.postlist_begin(t);
        pi->end = db->db.postlist_end(t);
        pi->termfreq = t.empty() ? db->db.get_doccount() : db->db.get_termfreq(t);
        return pi.release();
    });
}

uint32_t xapc_postiter_termfreq(const xapc_postiter *it)
{
    return it ? it->termfreq : 0;
}

size_t xapc_postiter_next_batch(xapc_postiter *it, uint32_t *out, size_t max,
                                xapc_error *err)
{
    return guard(err, size_t(0), [&] {
        need(it, "iterator");
        size_t n = 0;
        for (; n < max && it->it != it->end; ++it->it)
            out[n++] = *it->it;
        return n;
    });
}

void xapc_postiter_free(xapc_postiter *it)
{
    delete it;
}

xapc_valueiter *xapc_db_valuestream(const xapc_db *db, xapc_slot slot, xapc_error *err)
{
    return guard(err, static_cast<xapc_valueiter *>(nullptr), [&] {
        need(db, "db");
        std::unique_ptr<xapc_valueiter> vi(new xapc_valueiter);
        vi->it = db->db.valuestream_begin(slot);
        vi->end = db->db.valuestream_end(slot);
        return vi.release();
    });
}

bool xapc_valueiter_next(xapc_valueiter *it, xapc_docid *did, const char **value,
                         size_t *len, xapc_error *err)
{
    return guard(err, false, [&] {
        need(it, "iterator");
        if (!advance(it))
            return false;
        it->current = *it->it;
        if (did)
            *did = it->it.get_docid();
        if (value)
            *value = it->current.data();
        if (len)
            *len = it->current.size();
        return true;
    });
}

void xapc_valueiter_free(xapc_valueiter *it)
{
    delete it;
}

xapc_termiter *xapc_db_synonyms(const xapc_db *db, const char *key, xapc_error *err)
{
    return guard(err, static_cast<xapc_termiter *>(nullptr), [&] {
        need(db, "db");
        need(key, "key");
        auto *ti = new xapc_termiter;
        ti->it = db->db.synonyms_begin(key);
        ti->end = db->db.synonyms_end(key);
        ti->wdf = true;   // a synonym iterator has no termfreq; wdf reads 0
        return ti;
    });
}

xapc_termiter *xapc_db_spellings(const xapc_db *db, xapc_error *err)
{
    return guard(err, static_cast<xapc_termiter *>(nullptr), [&] {
        need(db, "db");
        auto *ti = new xapc_termiter;
        ti->it = db->db.spellings_begin();
        ti->end = db->db.spellings_end();   // termfreq is the spelling frequency
        return ti;
    });
}

// ---- writable databases ---------------------------------------------------

xapc_wdb *xapc_wdb_open(const char *path, xapc_wdb_mode mode, xapc_error *err)
{
    return guard(err, static_cast<xapc_wdb *>(nullptr), [&] {
        need(path, "path");
        int action;
        switch (enum_value(mode)) {
        case XAPC_WDB_CREATE_OR_OPEN: action = Xapian::DB_CREATE_OR_OPEN; break;
        case XAPC_WDB_CREATE_OR_OVERWRITE: action = Xapian::DB_CREATE_OR_OVERWRITE; break;
        case XAPC_WDB_OPEN: action = Xapian::DB_OPEN; break;
        default: throw Xapian::InvalidArgumentError("unknown xapc_wdb_mode");
        }
        std::unique_ptr<xapc_wdb> w(new xapc_wdb);
        w->wdb = Xapian::WritableDatabase(path, action);
        w->reader.db = w->wdb;
        wdb_begin(w.get());
        return w.release();
    });
}

void xapc_wdb_free(xapc_wdb *wdb)
{
    if (!wdb)
        return;
    try {
        if (wdb->in_txn)
            wdb->wdb.cancel_transaction();
        // close() releases the lock now, even if a termgen, parser or
        // enquire still holds a reference to the database internals (they
        // then get DatabaseClosedError instead of silently keeping it).
        wdb->wdb.close();
    } catch (...) {
        // Nothing useful to report from a free(); the lock goes with the
        // handle in any case.
    }
    delete wdb;
}

const xapc_db *xapc_wdb_reader(xapc_wdb *wdb)
{
    return wdb ? &wdb->reader : nullptr;
}

xapc_docid xapc_wdb_replace_by_term(xapc_wdb *wdb, const char *unique_term,
                                    const xapc_doc *doc, xapc_error *err)
{
    return guard(err, xapc_docid(0), [&] {
        need(wdb, "wdb");
        need(unique_term, "unique_term");
        need(doc, "doc");
        return xapc_docid(wdb->wdb.replace_document(unique_term, doc->doc));
    });
}

xapc_status xapc_wdb_delete_by_term(xapc_wdb *wdb, const char *term, xapc_error *err)
{
    return guard_status(err, [&] {
        need(wdb, "wdb");
        need(term, "term");
        wdb->wdb.delete_document(term);
    });
}

xapc_status xapc_wdb_commit(xapc_wdb *wdb, xapc_error *err)
{
    return guard_status(err, [&] {
        need(wdb, "wdb");
        try {
            if (wdb->in_txn) {
                wdb->in_txn = false;
                wdb->wdb.commit_transaction();
            }
            wdb->wdb.commit();
            wdb_begin(wdb);
        } catch (...) {
            // Get back into a transaction so that free() still discards
            // (cancelling an unflushed transaction also drops changes that
            // were pending before it began).
            if (!wdb->in_txn) {
                try {
                    wdb_begin(wdb);
                } catch (...) {
                }
            }
            throw;
        }
    });
}

xapc_status xapc_wdb_set_metadata(xapc_wdb *wdb, const char *key,
                                  const char *value, xapc_error *err)
{
    return guard_status(err, [&] {
        need(wdb, "wdb");
        need(key, "key");
        wdb->wdb.set_metadata(key, str(value));
    });
}

xapc_status xapc_wdb_add_spelling(xapc_wdb *wdb, const char *word,
                                  uint32_t freq_inc, xapc_error *err)
{
    return guard_status(err, [&] {
        need(wdb, "wdb");
        need(word, "word");
        wdb->wdb.add_spelling(word, freq_inc);
    });
}

xapc_status xapc_wdb_remove_spelling(xapc_wdb *wdb, const char *word,
                                     uint32_t freq_dec, xapc_error *err)
{
    return guard_status(err, [&] {
        need(wdb, "wdb");
        need(word, "word");
        wdb->wdb.remove_spelling(word, freq_dec);
    });
}

xapc_status xapc_wdb_add_synonym(xapc_wdb *wdb, const char *term,
                                 const char *synonym, xapc_error *err)
{
    return guard_status(err, [&] {
        need(wdb, "wdb");
        need(term, "term");
        need(synonym, "synonym");
        wdb->wdb.add_synonym(term, synonym);
    });
}

xapc_status xapc_wdb_clear_synonyms(xapc_wdb *wdb, const char *term, xapc_error *err)
{
    return guard_status(err, [&] {
        need(wdb, "wdb");
        need(term, "term");
        wdb->wdb.clear_synonyms(term);
    });
}

xapc_status xapc_compact(const char *const *sources, size_t n_sources,
                         const char *dest, xapc_error *err)
{
    return guard_status(err, [&] {
        need(dest, "dest");
        if (n_sources == 0 || !sources)
            throw Xapian::InvalidArgumentError("no sources to compact");
        // Compacting a multi-shard Database merges the shards (renumbering
        // docids), as `xapian-compact src1 src2 dest` does.
        Xapian::Database all;
        for (size_t i = 0; i < n_sources; ++i) {
            need(sources[i], "source");
            all.add_database(Xapian::Database(sources[i]));
        }
        all.compact(dest, Xapian::Compactor::FULL);
    });
}

// ---- documents ------------------------------------------------------------

xapc_doc *xapc_doc_new(xapc_error *err)
{
    return guard(err, static_cast<xapc_doc *>(nullptr), [&] { return new xapc_doc; });
}

void xapc_doc_free(xapc_doc *doc)
{
    delete doc;
}

xapc_status xapc_doc_set_data(xapc_doc *doc, const char *data, size_t len,
                              xapc_error *err)
{
    return guard_status(err, [&] {
        need(doc, "doc");
        doc->doc.set_data(bytes(data, len, "data"));
    });
}

xapc_status xapc_doc_add_term(xapc_doc *doc, const char *term, uint32_t wdf_inc,
                              xapc_error *err)
{
    return guard_status(err, [&] {
        need(doc, "doc");
        need(term, "term");
        doc->doc.add_term(term, wdf_inc);
    });
}

xapc_status xapc_doc_add_boolean_term(xapc_doc *doc, const char *term,
                                      xapc_error *err)
{
    return guard_status(err, [&] {
        need(doc, "doc");
        need(term, "term");
        doc->doc.add_boolean_term(term);
    });
}

xapc_status xapc_doc_add_posting(xapc_doc *doc, const char *term, uint32_t pos,
                                 uint32_t wdf_inc, xapc_error *err)
{
    return guard_status(err, [&] {
        need(doc, "doc");
        need(term, "term");
        doc->doc.add_posting(term, pos, wdf_inc);
    });
}

xapc_termiter *xapc_doc_termlist(const xapc_doc *doc, const char *prefix,
                                 xapc_error *err)
{
    return guard(err, static_cast<xapc_termiter *>(nullptr), [&] {
        need(doc, "doc");
        std::unique_ptr<xapc_termiter> ti(new xapc_termiter);
        ti->it = doc->doc.termlist_begin();
        ti->end = doc->doc.termlist_end();
        std::string p = str(prefix);
        if (!p.empty())
            ti->it.skip_to(p);
        ti->wdf = true;
        ti->positions = true;
        ti->prefix = p;
        return ti.release();
    });
}

size_t xapc_doc_positions(const xapc_doc *doc, const char *term, uint32_t *out,
                          size_t max, xapc_error *err)
{
    return guard(err, size_t(0), [&] {
        need(doc, "doc");
        need(term, "term");
        Xapian::TermIterator t = doc->doc.termlist_begin();
        t.skip_to(term);
        if (t == doc->doc.termlist_end() || *t != term)
            return size_t(0);
        size_t n = 0;
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p, ++n)
            if (n < max)
                out[n] = *p;
        return n;
    });
}

xapc_status xapc_doc_add_value(xapc_doc *doc, xapc_slot slot, const char *value,
                               size_t len, xapc_error *err)
{
    return guard_status(err, [&] {
        need(doc, "doc");
        doc->doc.add_value(slot, bytes(value, len, "value"));
    });
}

// ---- stemming ---------------------------------------------------------------

xapc_stem *xapc_stem_new(const char *language, xapc_error *err)
{
    // An unknown name is an InvalidArgumentError from Xapian::Stem.
    return guard(err, static_cast<xapc_stem *>(nullptr), [&] {
        need(language, "language");
        return new xapc_stem{Xapian::Stem(language)};
    });
}

} // extern "C"

namespace {

// See xapc_stem_new_memo() in xapian_c.h.  A direct-mapped table of short
// words and their stems stored inline: no allocation, one cache line per
// lookup (a node-based map missed the cache often enough to cost what it
// saved).  Longer words, and words whose slot holds another, are stemmed.
class MemoStem : public Xapian::StemImplementation {
    static constexpr size_t MAX = 29;   // bytes of a word or stem kept
    struct Slot {
        uint32_t hash;
        uint8_t word_len, stem_len;   // word_len 0: empty
        char word[MAX], stem[MAX];
    };
    Xapian::Stem inner;
    std::string language;
    std::vector<Slot> slots;   // a power of two of them

  public:
    MemoStem(const char *lang, size_t words) : inner(lang), language(lang), slots(words) {}

    std::string operator()(const std::string &word) override
    {
        if (word.empty() || word.size() > MAX)
            return inner(word);
        uint32_t h = uint32_t(std::hash<std::string>{}(word));
        Slot &slot = slots[h & (slots.size() - 1)];
        if (slot.hash == h && slot.word_len == word.size() &&
            std::memcmp(slot.word, word.data(), word.size()) == 0)
            return std::string(slot.stem, slot.stem_len);
        std::string stem = inner(word);
        if (stem.size() <= MAX) {
            slot.hash = h;
            slot.word_len = uint8_t(word.size());
            slot.stem_len = uint8_t(stem.size());
            std::memcpy(slot.word, word.data(), word.size());
            std::memcpy(slot.stem, stem.data(), stem.size());
        }
        return stem;
    }

    std::string get_description() const override { return language; }
};

} // namespace

extern "C" {

xapc_stem *xapc_stem_new_memo_sized(const char *language, size_t words, xapc_error *err)
{
    return guard(err, static_cast<xapc_stem *>(nullptr), [&] {
        need(language, "language");
        if (words == 0 || (words & (words - 1)) != 0)
            throw Xapian::InvalidArgumentError("a memo's size is a power of two");
        Xapian::Stem plain(language);   // "none" stays none: nothing to remember
        if (plain.is_none())
            return new xapc_stem{plain};
        return new xapc_stem{Xapian::Stem(new MemoStem(language, words))};
    });
}

xapc_stem *xapc_stem_new_memo(const char *language, xapc_error *err)
{
    return xapc_stem_new_memo_sized(language, XAPC_STEM_MEMO_WORDS, err);
}

void xapc_stem_free(xapc_stem *stem)
{
    delete stem;
}

char *xapc_stem_word(const xapc_stem *stem, const char *word, xapc_error *err)
{
    return guard(err, static_cast<char *>(nullptr), [&] {
        need(stem, "stem");
        need(word, "word");
        return dup_string(stem->stem(word));
    });
}

size_t xapc_stem_into(const xapc_stem *stem, const char *word, size_t len, char *out,
                      size_t cap, xapc_error *err)
{
    return guard(err, size_t(0), [&] {
        need(stem, "stem");
        const std::string st = stem->stem(bytes(word, len, "word"));
        if (st.size() + 1 > cap)
            return size_t(0);
        std::memcpy(out, st.data(), st.size());
        out[st.size()] = '\0';
        return st.size();
    });
}

char *xapc_stem_term(const xapc_stem *stem, const char *word, xapc_error *err)
{
    return guard(err, static_cast<char *>(nullptr), [&] {
        need(stem, "stem");
        need(word, "word");
        return dup_string("Z" + stem->stem(word));
    });
}

// ---- term generation --------------------------------------------------------

xapc_termgen *xapc_termgen_new(xapc_error *err)
{
    return guard(err, static_cast<xapc_termgen *>(nullptr),
                 [&] { return new xapc_termgen; });
}

void xapc_termgen_free(xapc_termgen *tg)
{
    delete tg;
}

xapc_status xapc_termgen_set_stemmer(xapc_termgen *tg, const xapc_stem *stem,
                                     xapc_error *err)
{
    return guard_status(err, [&] {
        need(tg, "termgen");
        need(stem, "stem");
        tg->tg.set_stemmer(stem->stem);
    });
}

xapc_status xapc_termgen_set_stemming_strategy(xapc_termgen *tg,
                                               xapc_stem_strategy strategy,
                                               xapc_error *err)
{
    return guard_status(err, [&] {
        need(tg, "termgen");
        tg->tg.set_stemming_strategy(
            to_strategy<Xapian::TermGenerator>(strategy));
    });
}

xapc_status xapc_termgen_set_spelling_db(xapc_termgen *tg, xapc_wdb *wdb,
                                         xapc_error *err)
{
    using TG = Xapian::TermGenerator;
    return guard_status(err, [&] {
        need(tg, "termgen");
        if (wdb) {
            tg->tg.set_database(wdb->wdb);
            tg->tg.set_flags(TG::FLAG_SPELLING, TG::flags(~TG::FLAG_SPELLING));
        } else {
            // Also drop the reference, so the generator does not keep the
            // writable database's internals alive.
            tg->tg.set_flags(TG::flags(0), TG::flags(~TG::FLAG_SPELLING));
            tg->tg.set_database(Xapian::WritableDatabase());
        }
    });
}

xapc_status xapc_termgen_set_document(xapc_termgen *tg, xapc_doc *doc,
                                      xapc_error *err)
{
    return guard_status(err, [&] {
        need(tg, "termgen");
        need(doc, "doc");
        // Document is a shared handle: terms added through the copy inside
        // the generator land in doc.
        tg->tg.set_document(doc->doc);
        tg->tg.set_termpos(0);
    });
}

xapc_status xapc_termgen_index_text(xapc_termgen *tg, const char *text,
                                    size_t len, uint32_t wdf_inc,
                                    const char *prefix, xapc_error *err)
{
    return guard_status(err, [&] {
        need(tg, "termgen");
        tg->tg.index_text(bytes(text, len, "text"), wdf_inc, str(prefix));
    });
}

xapc_status xapc_termgen_index_text_without_positions(xapc_termgen *tg,
                                    const char *text, size_t len,
                                    uint32_t wdf_inc, const char *prefix,
                                    xapc_error *err)
{
    return guard_status(err, [&] {
        need(tg, "termgen");
        tg->tg.index_text_without_positions(bytes(text, len, "text"), wdf_inc,
                                            str(prefix));
    });
}

uint32_t xapc_termgen_get_termpos(const xapc_termgen *tg)
{
    return guard(nullptr, uint32_t(0), [&] {
        need(tg, "termgen");
        return uint32_t(tg->tg.get_termpos());
    });
}

xapc_status xapc_termgen_set_termpos(xapc_termgen *tg, uint32_t pos, xapc_error *err)
{
    return guard_status(err, [&] {
        need(tg, "termgen");
        tg->tg.set_termpos(pos);
    });
}

xapc_status xapc_termgen_increase_termpos(xapc_termgen *tg, uint32_t delta,
                                          xapc_error *err)
{
    return guard_status(err, [&] {
        need(tg, "termgen");
        tg->tg.increase_termpos(delta);
    });
}

// ---- queries ----------------------------------------------------------------

xapc_query *xapc_query_term(const char *term, uint32_t wqf, uint32_t pos,
                            xapc_error *err)
{
    return guard(err, static_cast<xapc_query *>(nullptr), [&] {
        need(term, "term");
        return new_query(Xapian::Query(term, wqf, pos));
    });
}

/* Not a copy of Xapian::Query::MatchAll: that is one global object whose
 * reference count is not atomic, so copying it from several threads at once
 * corrupts it (a use-after-free seen under ASan with searchd's workers).  An
 * empty term is Xapian's own spelling of "every document", in a fresh object. */
xapc_query *xapc_query_match_all(xapc_error *err)
{
    return guard(err, static_cast<xapc_query *>(nullptr),
                 [&] { return new_query(Xapian::Query(std::string())); });
}

xapc_query *xapc_query_match_nothing(xapc_error *err)
{
    return guard(err, static_cast<xapc_query *>(nullptr),
                 [&] { return new_query(Xapian::Query()); }); /* no shared global */
}

xapc_query *xapc_query_combine(xapc_op op, const xapc_query *const *subqueries,
                               size_t n, uint32_t parameter, xapc_error *err)
{
    return guard(err, static_cast<xapc_query *>(nullptr), [&] {
        if (n)
            need(subqueries, "subqueries");
        std::vector<Xapian::Query> subs;
        subs.reserve(n);
        for (size_t i = 0; i < n; ++i)
            if (subqueries[i])
                subs.push_back(subqueries[i]->q);
        return new_query(
            Xapian::Query(to_op(op), subs.begin(), subs.end(), parameter));
    });
}

xapc_query *xapc_query_value_range(xapc_slot slot, const char *lo, const char *hi,
                                   xapc_error *err)
{
    using Q = Xapian::Query;
    return guard(err, static_cast<xapc_query *>(nullptr), [&] {
        // Xapian treats an empty value as no value, and turns VALUE_GE ""
        // into "all documents", documents without a value included.  The
        // smallest non-empty string, a single NUL byte, keeps those out.
        std::string low = (lo && *lo) ? std::string(lo) : std::string(1, '\0');
        if (hi)
            return new_query(Q(Q::OP_VALUE_RANGE, slot, low, hi));
        return new_query(Q(Q::OP_VALUE_GE, slot, low));
    });
}

xapc_query *xapc_query_constant_weight(double wt, xapc_error *err)
{
    return guard(err, static_cast<xapc_query *>(nullptr), [&] {
        // release(): the query owns the source and frees it with itself.
        return new_query(Xapian::Query((new Xapian::FixedWeightPostingSource(wt))->release()));
    });
}

xapc_query *xapc_query_scale(const xapc_query *q, double factor, xapc_error *err)
{
    return guard(err, static_cast<xapc_query *>(nullptr), [&] {
        need(q, "query");
        return new_query(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q->q, factor));
    });
}

xapc_query *xapc_query_clone(const xapc_query *q, xapc_error *err)
{
    return guard(err, static_cast<xapc_query *>(nullptr), [&] {
        need(q, "query");
        return new_query(q->q);
    });
}

bool xapc_query_is_empty(const xapc_query *q)
{
    return guard(nullptr, true, [&] { return !q || q->q.empty(); });
}

// ---- looking inside a query --------------------------------------------------

xapc_query_kind xapc_query_get_kind(const xapc_query *q)
{
    using Q = Xapian::Query;
    if (!q)
        return XAPC_QK_MATCH_NOTHING;
    switch (q->q.get_type()) {
    case Q::LEAF_MATCH_NOTHING: return XAPC_QK_MATCH_NOTHING;
    case Q::LEAF_MATCH_ALL: return XAPC_QK_MATCH_ALL;
    case Q::LEAF_TERM: return XAPC_QK_TERM;
    case Q::LEAF_POSTING_SOURCE: return XAPC_QK_POSTING_SOURCE;
    case Q::OP_AND: return XAPC_QK_AND;
    case Q::OP_OR: return XAPC_QK_OR;
    case Q::OP_AND_NOT: return XAPC_QK_AND_NOT;
    case Q::OP_XOR: return XAPC_QK_XOR;
    case Q::OP_AND_MAYBE: return XAPC_QK_AND_MAYBE;
    case Q::OP_FILTER: return XAPC_QK_FILTER;
    case Q::OP_NEAR: return XAPC_QK_NEAR;
    case Q::OP_PHRASE: return XAPC_QK_PHRASE;
    case Q::OP_ELITE_SET: return XAPC_QK_ELITE_SET;
    case Q::OP_SYNONYM: return XAPC_QK_SYNONYM;
    case Q::OP_MAX: return XAPC_QK_MAX;
    case Q::OP_SCALE_WEIGHT: return XAPC_QK_SCALE_WEIGHT;
    case Q::OP_VALUE_RANGE: return XAPC_QK_VALUE_RANGE;
    case Q::OP_VALUE_GE: return XAPC_QK_VALUE_GE;
    case Q::OP_VALUE_LE: return XAPC_QK_VALUE_LE;
    case Q::OP_WILDCARD: return XAPC_QK_WILDCARD;
    default: return XAPC_QK_OTHER;
    }
}

size_t xapc_query_subquery_count(const xapc_query *q)
{
    return q ? q->q.get_num_subqueries() : 0;
}

xapc_query *xapc_query_subquery(const xapc_query *q, size_t i, xapc_error *err)
{
    return guard(err, static_cast<xapc_query *>(nullptr), [&] {
        need(q, "query");
        if (i >= q->q.get_num_subqueries())
            throw Xapian::RangeError("subquery index out of range");
        return new_query(q->q.get_subquery(i));
    });
}

char *xapc_query_term_name(const xapc_query *q, size_t *len, xapc_error *err)
{
    return guard(err, static_cast<char *>(nullptr), [&] {
        need(q, "query");
        if (q->q.get_type() != Xapian::Query::LEAF_TERM)
            throw Xapian::InvalidArgumentError("not a term query");
        return dup_string(*q->q.get_terms_begin(), len);
    });
}

xapc_status xapc_query_value_bounds(const xapc_query *q, xapc_slot *slot,
                                    char **lo, size_t *lo_len, char **hi,
                                    size_t *hi_len, xapc_error *err)
{
    *lo = *hi = nullptr;
    return guard_status(err, [&] {
        need(q, "query");
        value_leaf v = read_value_leaf(q->q);
        std::unique_ptr<char, decltype(&std::free)> l(v.has_lo ? dup_string(v.lo, lo_len) : nullptr,
                                                      &std::free);
        char *h = v.has_hi ? dup_string(v.hi, hi_len) : nullptr;
        *slot = v.slot;
        *lo = l.release();
        *hi = h;
    });
}

char *xapc_query_posting_source_name(const xapc_query *q, xapc_error *err)
{
    return guard(err, static_cast<char *>(nullptr), [&] {
        need(q, "query");
        if (q->q.get_type() != Xapian::Query::LEAF_POSTING_SOURCE)
            throw Xapian::InvalidArgumentError("not a posting source query");
        try {
            const std::string s = q->q.serialise();
            const char *p = s.data(), *end = p + s.size();
            if (p == end || *p++ != 0x0c)
                return dup_string(std::string());
            return dup_string(decode_string(p, end));
        } catch (const Xapian::UnimplementedError &) {
            return dup_string(std::string());   // a source without a name
        }
    });
}

xapc_status xapc_query_count_leaves(const xapc_query *q, size_t *terms, size_t *wildcards,
                                    xapc_error *err)
{
    return guard_status(err, [&] {
        need(q, "query");
        need(terms, "terms");
        need(wildcards, "wildcards");
        *terms = *wildcards = 0;
        // Depth first with a stack of our own: a parsed query nests as deep
        // as its brackets.
        std::vector<Xapian::Query> todo{q->q};
        while (!todo.empty()) {
            Xapian::Query node = std::move(todo.back());
            todo.pop_back();
            const Xapian::Query::op type = node.get_type();
            if (type == Xapian::Query::LEAF_TERM)
                ++*terms;
            else if (type == Xapian::Query::OP_WILDCARD)
                ++*wildcards;
            for (size_t i = 0, n = node.get_num_subqueries(); i < n; i++)
                todo.push_back(node.get_subquery(i));
        }
    });
}

char *xapc_query_serialise(const xapc_query *q, size_t *len, xapc_error *err)
{
    return guard(err, static_cast<char *>(nullptr), [&] {
        need(q, "query");
        return dup_string(q->q.serialise(), len);
    });
}

xapc_query *xapc_query_expand_wildcards(const xapc_query *q, const xapc_db *db,
                                        xapc_error *err)
{
    return guard(err, static_cast<xapc_query *>(nullptr), [&] {
        need(q, "query");
        need(db, "db");
        bool changed;
        return new_query(expand_wildcards(q->q, db->db, &changed));
    });
}

xapc_query *xapc_query_docids(const uint32_t *ids, size_t n, xapc_error *err)
{
    return guard(err, static_cast<xapc_query *>(nullptr), [&] {
        if (n)
            need(ids, "ids");
        std::vector<Xapian::docid> v(ids, ids + n);
        for (size_t i = 1; i < n; i++)
            if (v[i] <= v[i - 1])
                throw Xapian::InvalidArgumentError("docids must ascend");
        // release(): the query owns the source and frees it with itself.
        return new_query(Xapian::Query((new DocidsSource(std::move(v)))->release()));
    });
}

xapc_status xapc_db_match_docids(const xapc_db *db, const xapc_query *q, double deadline_ms,
                                 xapc_docids_fn fn, void *ctx, xapc_error *err)
{
    return guard_status(err, [&] {
        need(db, "db");
        need(q, "query");
        if (!fn)
            throw Xapian::InvalidArgumentError("fn is NULL");
        Xapian::Enquire enq(db->db);
        enq.set_query(q->q);
        enq.set_weighting_scheme(Xapian::BoolWeight());
        enq.set_docid_order(Xapian::Enquire::ASCENDING);
        DocidsSpy spy(fn, ctx);
        enq.add_matchspy(&spy);
        if (deadline_ms > 0 && monotonic_ms() > deadline_ms)
            throw DeadlinePassed();
        DeadlineDecider decider(deadline_ms);
        enq.get_mset(0, 0, db->db.get_doccount(), nullptr,
                     deadline_ms > 0 ? &decider : nullptr);
        spy.flush();
    });
}

xapc_status xapc_query_wildcard_terms(const xapc_query *q, const xapc_db *db,
                                      uint64_t stop_after, uint64_t *terms,
                                      xapc_error *err)
{
    return guard_status(err, [&] {
        need(q, "query");
        need(db, "db");
        need(terms, "terms");
        *terms = 0;
        std::vector<Xapian::Query> todo{q->q};
        while (!todo.empty() && (!stop_after || *terms <= stop_after)) {
            Xapian::Query node = std::move(todo.back());
            todo.pop_back();
            for (size_t i = 0, n = node.get_num_subqueries(); i < n; i++)
                todo.push_back(node.get_subquery(i));
            if (node.get_type() != Xapian::Query::OP_WILDCARD)
                continue;
            // Whatever its mode (fail, the first or the most frequent
            // terms), a wildcard that runs matches at most its limit.
            const wildcard_leaf w = read_wildcard_leaf(node);
            Xapian::termcount here = 0;
            auto t = db->db.allterms_begin(w.pattern);
            const auto end = db->db.allterms_end(w.pattern);
            while (t != end && (!w.max_expansion || here < w.max_expansion) &&
                   (!stop_after || *terms <= stop_after)) {
                ++t;
                ++here;
                ++*terms;
            }
        }
    });
}

char *xapc_query_describe(const xapc_query *q, xapc_error *err)
{
    return guard(err, static_cast<char *>(nullptr), [&] {
        need(q, "query");
        return dup_string(q->q.get_description());
    });
}

void xapc_query_free(xapc_query *q)
{
    delete q;
}

// ---- query parser -------------------------------------------------------------

xapc_qp *xapc_qp_new(xapc_error *err)
{
    return guard(err, static_cast<xapc_qp *>(nullptr), [&] { return new xapc_qp; });
}

void xapc_qp_free(xapc_qp *qp)
{
    delete qp;
}

xapc_status xapc_qp_set_stemmer(xapc_qp *qp, const xapc_stem *stem, xapc_error *err)
{
    return guard_status(err, [&] {
        need(qp, "qp");
        need(stem, "stem");
        qp->qp.set_stemmer(stem->stem);
    });
}

xapc_status xapc_qp_set_stemming_strategy(xapc_qp *qp, xapc_stem_strategy strategy,
                                          xapc_error *err)
{
    return guard_status(err, [&] {
        need(qp, "qp");
        qp->qp.set_stemming_strategy(to_strategy<Xapian::QueryParser>(strategy));
    });
}

xapc_status xapc_qp_set_database(xapc_qp *qp, const xapc_db *db, xapc_error *err)
{
    return guard_status(err, [&] {
        need(qp, "qp");
        need(db, "db");
        qp->qp.set_database(db->db);
    });
}

xapc_status xapc_qp_set_default_op(xapc_qp *qp, xapc_op op, xapc_error *err)
{
    return guard_status(err, [&] {
        need(qp, "qp");
        qp->qp.set_default_op(to_op(op));
    });
}

xapc_status xapc_qp_add_prefix(xapc_qp *qp, const char *field, const char *prefix,
                               xapc_error *err)
{
    return guard_status(err, [&] {
        need(qp, "qp");
        need(field, "field");
        need(prefix, "prefix");
        qp->qp.add_prefix(field, prefix);
    });
}

xapc_status xapc_qp_add_boolean_prefix(xapc_qp *qp, const char *field,
                                       const char *prefix, xapc_error *err)
{
    return guard_status(err, [&] {
        need(qp, "qp");
        need(field, "field");
        need(prefix, "prefix");
        qp->qp.add_boolean_prefix(field, prefix);
    });
}

xapc_status xapc_qp_set_max_wildcard_expansion(xapc_qp *qp, uint32_t max_terms,
                                               xapc_wildcard_limit limit,
                                               xapc_error *err)
{
    return guard_status(err, [&] {
        need(qp, "qp");
        int type = limit == XAPC_WILDCARD_LIMIT_MOST_FREQUENT
                       ? Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT
                       : Xapian::Query::WILDCARD_LIMIT_ERROR;
        // Wildcards only: partial terms keep Xapian's own default.
        qp->qp.set_max_expansion(max_terms, type, Xapian::QueryParser::FLAG_WILDCARD);
    });
}

xapc_query *xapc_qp_parse(xapc_qp *qp, const char *text, unsigned flags,
                          const char *default_prefix, xapc_error *err)
{
    return guard(err, static_cast<xapc_query *>(nullptr), [&] {
        need(qp, "qp");
        need(text, "text");
        return new_query(
            qp->qp.parse_query(text, to_qp_flags(flags), str(default_prefix)));
    });
}

char *xapc_qp_corrected_query(const xapc_qp *qp, xapc_error *err)
{
    return guard(err, static_cast<char *>(nullptr), [&] {
        need(qp, "qp");
        return dup_string(qp->qp.get_corrected_query_string());
    });
}

// ---- enquire, match spies, result sets -------------------------------------

xapc_enquire *xapc_enquire_new(const xapc_db *db, xapc_error *err)
{
    return guard(err, static_cast<xapc_enquire *>(nullptr), [&] {
        need(db, "db");
        return new xapc_enquire(db->db);
    });
}

void xapc_enquire_free(xapc_enquire *enq)
{
    delete enq;
}

xapc_status xapc_enquire_set_query(xapc_enquire *enq, const xapc_query *q,
                                   xapc_error *err)
{
    return guard_status(err, [&] {
        need(enq, "enquire");
        need(q, "query");
        enq->enq.set_query(q->q);
    });
}

xapc_status xapc_enquire_set_bm25(xapc_enquire *enq, double k1, double k2,
                                  double k3, double b, double min_normlen,
                                  xapc_error *err)
{
    return guard_status(err, [&] {
        need(enq, "enquire");
        enq->enq.set_weighting_scheme(Xapian::BM25Weight(k1, k2, k3, b, min_normlen));
    });
}

xapc_status xapc_enquire_sort_by_relevance(xapc_enquire *enq, xapc_error *err)
{
    return guard_status(err, [&] {
        need(enq, "enquire");
        enq->enq.set_sort_by_relevance();
    });
}

xapc_status xapc_enquire_sort_by_value(xapc_enquire *enq, xapc_slot slot,
                                       bool reverse, bool then_relevance,
                                       xapc_error *err)
{
    return guard_status(err, [&] {
        need(enq, "enquire");
        if (then_relevance)
            enq->enq.set_sort_by_value_then_relevance(slot, reverse);
        else
            enq->enq.set_sort_by_value(slot, reverse);
    });
}

static xapc_spy *add_spy(xapc_enquire *enq, std::unique_ptr<xapc_spy> spy)
{
    // Reserve first so that push_back cannot throw after Enquire already
    // holds a pointer to the spy.
    enq->spies.reserve(enq->spies.size() + 1);
    enq->enq.add_matchspy(spy->get());
    enq->spies.push_back(std::move(spy));
    return enq->spies.back().get();
}

xapc_spy *xapc_enquire_add_value_count_spy(xapc_enquire *enq, xapc_slot slot,
                                           xapc_error *err)
{
    return guard(err, static_cast<xapc_spy *>(nullptr), [&] {
        need(enq, "enquire");
        return add_spy(enq, std::unique_ptr<xapc_spy>(new xapc_spy(slot)));
    });
}

xapc_spy *xapc_enquire_add_value_list_spy(xapc_enquire *enq, xapc_slot slot, char sep,
                                          xapc_error *err)
{
    return guard(err, static_cast<xapc_spy *>(nullptr), [&] {
        need(enq, "enquire");
        return add_spy(enq, std::unique_ptr<xapc_spy>(new xapc_spy(slot, sep)));
    });
}

xapc_status xapc_enquire_clear_spies(xapc_enquire *enq, xapc_error *err)
{
    return guard_status(err, [&] {
        need(enq, "enquire");
        enq->enq.clear_matchspies();
        enq->spies.clear();
    });
}

xapc_mset *xapc_enquire_get_mset(xapc_enquire *enq, uint32_t first, uint32_t max,
                                 uint32_t check_at_least, xapc_error *err)
{
    // Wildcard limit overflows surface here (WildcardError -> XAPC_ERR_QUERY).
    return guard(err, static_cast<xapc_mset *>(nullptr), [&] {
        need(enq, "enquire");
        if (enq->deadline_ms <= 0)
            return new xapc_mset{enq->enq.get_mset(first, max, check_at_least)};
        const double left_ms = enq->deadline_ms - monotonic_ms();
        if (left_ms <= 0)
            throw DeadlinePassed();
        Xapian::MSet mset;
        if (enq->stop_matcher) {
            DeadlineDecider decider(enq->deadline_ms);
            mset = enq->enq.get_mset(first, max, check_at_least, nullptr, &decider);
        } else {
            // Three quarters: Xapian 1.4's timer sets its flag from a thread
            // of its own, which may still run after get_mset() has returned;
            // firing well before the answer comes keeps that out of reach.
            enq->enq.set_time_limit(left_ms * 0.75 / 1e3);
            mset = enq->enq.get_mset(first, max, check_at_least);
            enq->enq.set_time_limit(0);
        }
        if (monotonic_ms() > enq->deadline_ms)
            throw DeadlinePassed();
        return new xapc_mset{std::move(mset)};
    });
}

xapc_status xapc_enquire_set_deadline(xapc_enquire *enq, double deadline_ms,
                                      bool stop_matcher, xapc_error *err)
{
    return guard_status(err, [&] {
        need(enq, "enquire");
        enq->deadline_ms = deadline_ms > 0 ? deadline_ms : 0;
        enq->stop_matcher = stop_matcher;
        enq->enq.set_time_limit(0);
    });
}

uint32_t xapc_spy_total(const xapc_spy *spy)
{
    if (!spy)
        return 0;
    return uint32_t(spy->builtin ? spy->builtin->get_total() : spy->list->total());
}

xapc_status xapc_spy_foreach(const xapc_spy *spy, xapc_spy_fn fn, void *ctx,
                             xapc_error *err)
{
    return guard_status(err, [&] {
        need(spy, "spy");
        if (!fn)
            throw Xapian::InvalidArgumentError("fn is NULL");
        if (spy->list) {
            for (const auto &[value, count] : spy->list->members())
                if (!fn(value.data(), value.size(), uint32_t(count), ctx))
                    break;
            return;
        }
        for (auto it = spy->builtin->values_begin(); it != spy->builtin->values_end(); ++it) {
            const std::string value = *it;
            if (!fn(value.c_str(), value.size(), uint32_t(it.get_termfreq()), ctx))
                break;
        }
    });
}

void xapc_mset_free(xapc_mset *mset)
{
    delete mset;
}

uint32_t xapc_mset_size(const xapc_mset *mset)
{
    return mset ? uint32_t(mset->mset.size()) : 0;
}

uint32_t xapc_mset_matches_estimated(const xapc_mset *mset)
{
    return mset ? uint32_t(mset->mset.get_matches_estimated()) : 0;
}

uint32_t xapc_mset_matches_lower_bound(const xapc_mset *mset)
{
    return mset ? uint32_t(mset->mset.get_matches_lower_bound()) : 0;
}

uint32_t xapc_mset_matches_upper_bound(const xapc_mset *mset)
{
    return mset ? uint32_t(mset->mset.get_matches_upper_bound()) : 0;
}

xapc_docid xapc_mset_docid(const xapc_mset *mset, uint32_t i, xapc_error *err)
{
    return guard(err, xapc_docid(0), [&] { return xapc_docid(*mset_item(mset, i)); });
}

double xapc_mset_weight(const xapc_mset *mset, uint32_t i, xapc_error *err)
{
    return guard(err, 0.0, [&] { return double(mset_item(mset, i).get_weight()); });
}

char *xapc_mset_document_data_len(const xapc_mset *mset, uint32_t i,
                                  size_t *len, xapc_error *err)
{
    return guard(err, static_cast<char *>(nullptr), [&] {
        return dup_string(mset_item(mset, i).get_document().get_data(), len);
    });
}

char *xapc_mset_document_value_len(const xapc_mset *mset, uint32_t i,
                                   xapc_slot slot, size_t *len, xapc_error *err)
{
    return guard(err, static_cast<char *>(nullptr), [&] {
        return dup_string(mset_item(mset, i).get_document().get_value(slot), len);
    });
}

char *xapc_mset_document_data(const xapc_mset *mset, uint32_t i, xapc_error *err)
{
    return xapc_mset_document_data_len(mset, i, nullptr, err);
}

char *xapc_mset_document_value(const xapc_mset *mset, uint32_t i, xapc_slot slot,
                               xapc_error *err)
{
    return xapc_mset_document_value_len(mset, i, slot, nullptr, err);
}

char *xapc_mset_snippet(const xapc_mset *mset, const char *text, size_t len,
                        size_t length, const xapc_stem *stem, unsigned flags,
                        const char *hi_start, const char *hi_end,
                        const char *omit, xapc_error *err)
{
    using M = Xapian::MSet;
    return guard(err, static_cast<char *>(nullptr), [&] {
        need(mset, "mset");
        unsigned xflags = 0;
        if (flags & XAPC_SNIPPET_BACKGROUND_MODEL) xflags |= M::SNIPPET_BACKGROUND_MODEL;
        if (flags & XAPC_SNIPPET_EXHAUSTIVE) xflags |= M::SNIPPET_EXHAUSTIVE;
        if (flags & XAPC_SNIPPET_EMPTY_WITHOUT_MATCH) xflags |= M::SNIPPET_EMPTY_WITHOUT_MATCH;
        // NULL markers mean Xapian's defaults.
        return dup_string(mset->mset.snippet(
            bytes(text, len, "text"), length,
            stem ? stem->stem : Xapian::Stem(), xflags,
            hi_start ? hi_start : "<b>", hi_end ? hi_end : "</b>",
            omit ? omit : "..."));
    });
}

// ---- relevance feedback: expand sets ----------------------------------------

} // extern "C"

namespace {

// A C predicate as Xapian's ExpandDecider.  The predicate is C: it cannot
// throw, so nothing but Xapian's own exceptions crosses get_eset().
class CallbackDecider : public Xapian::ExpandDecider {
  public:
    CallbackDecider(xapc_expand_fn fn, void *ctx) : fn_(fn), ctx_(ctx) {}
    bool operator()(const std::string &term) const override
    {
        return fn_(term.c_str(), term.size(), ctx_);
    }

  private:
    xapc_expand_fn fn_;
    void *ctx_;
};

} // namespace

// The terms are copied out of the ESet, so that a borrowed term stays valid
// as long as the handle (an ESetIterator hands out temporaries).
struct xapc_eset {
    std::vector<std::pair<std::string, double>> terms;
};

extern "C" {

xapc_eset *xapc_enquire_get_eset(xapc_enquire *enq, uint32_t max, const xapc_docid *rel,
                                 size_t n_rel, unsigned flags, xapc_expand_fn keep,
                                 void *ctx, xapc_error *err)
{
    return guard(err, static_cast<xapc_eset *>(nullptr), [&] {
        need(enq, "enquire");
        if (n_rel)
            need(rel, "rel");
        if (flags & ~unsigned(XAPC_ESET_INCLUDE_QUERY_TERMS | XAPC_ESET_EXACT_TERMFREQ))
            throw Xapian::InvalidArgumentError("unknown XAPC_ESET_* flag bits");
        Xapian::RSet rset;
        for (size_t i = 0; i < n_rel; i++) {
            if (rel[i] == 0)
                throw Xapian::InvalidArgumentError("docid 0 in the relevance set");
            rset.add_document(rel[i]);
        }
        int xflags = 0;
        if (flags & XAPC_ESET_INCLUDE_QUERY_TERMS) xflags |= Xapian::Enquire::INCLUDE_QUERY_TERMS;
        if (flags & XAPC_ESET_EXACT_TERMFREQ) xflags |= Xapian::Enquire::USE_EXACT_TERMFREQ;
        std::unique_ptr<xapc_eset> out(new xapc_eset);
        if (n_rel == 0 || max == 0)
            return out.release();
        CallbackDecider decider(keep, ctx);
        Xapian::ESet eset = enq->enq.get_eset(max, rset, xflags, keep ? &decider : nullptr);
        out->terms.reserve(eset.size());
        for (auto it = eset.begin(); it != eset.end(); ++it)
            out->terms.emplace_back(*it, it.get_weight());
        return out.release();
    });
}

void xapc_eset_free(xapc_eset *eset)
{
    delete eset;
}

uint32_t xapc_eset_size(const xapc_eset *eset)
{
    return eset ? uint32_t(eset->terms.size()) : 0;
}

const char *xapc_eset_term(const xapc_eset *eset, uint32_t i, size_t *len)
{
    if (!eset || i >= eset->terms.size())
        return nullptr;
    if (len)
        *len = eset->terms[i].first.size();
    return eset->terms[i].first.c_str();
}

double xapc_eset_weight(const xapc_eset *eset, uint32_t i)
{
    return eset && i < eset->terms.size() ? eset->terms[i].second : 0.0;
}

} // extern "C"
