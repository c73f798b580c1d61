/*
 * evaluate.c: how good are the facets and the ranking?
 *
 *   evaluate --db DB --gold GOLD.json [--queries QUERIES.json]
 *            [--baseline FTS5.sqlite] [--data DIR] [--json]
 *
 * Facets: every report of the gold file is read back through the query layer
 * (the stored document) and compared with the gold by exact match on
 * canonical names (dates exact): precision, recall and F1 per facet over all
 * reports, micro-averaged, with every miss and false hit; for the
 * single-valued host and date also the accuracy (a report without one in the
 * gold is right only when none is found).  The scoring rules of the
 * development sets written by other hands (shared/devset/README.md) apply to
 * every gold file: the values a gold entry lists under
 * "municipalities_optional" or "themes_optional" are removed from both sides
 * before counting, and a municipality's CBS suffix counts as the bare name
 * ("Hengelo (O.)" = "Hengelo"), but for Bergen, which keeps it (with or
 * without dots: "Bergen (NH)" = "Bergen (NH.)").
 *
 * Queries: each judged query runs through the real query layer (vp_search,
 * the code searchd and vind run) and, with --baseline, through the SQLite
 * FTS5 baseline; nDCG@10, recall@10 and MRR@10 per query and averaged, both
 * systems side by side.  The baseline has no facets of its own: a query's
 * filters are applied to its ranking afterwards as the set of reports
 * Vindplaats's stored facets admit (so the comparison measures text ranking,
 * not extraction), and a query without words gets that set in Vindplaats's
 * own order (newest first).  --bm25 adds plain Xapian BM25 over the same
 * index as a second baseline, the one the development sets report: the
 * Dutch stemmer, Xapian's query parser with its default flags, the words
 * OR'ed, the same filters applied the same way.
 *
 * Everything is gathered into one JSON object; --json prints it, otherwise
 * it is printed as text.  Exit status: 0 done, 2 usage or error.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "cli.h"
#include "bm25.h"
#include "fts5.h"
#include "mem.h"
#include "metrics.h"
#include "query.h"

#define TOP_K 10
#define PAGE_MAX VP_MAX_PER_PAGE

typedef struct options {
    const char *db, *gold, *queries, *baseline, *data;
    bool json, bm25;
} options;

typedef struct context {
    vp_searcher *searcher;
    vp_fts5 *fts5;             /* NULL without --baseline */
    vp_bm25 *bm25;             /* NULL without --bm25 */
} context;

static const char *const FACETS[] = {"municipalities", "speakers", "themes", "host", "date"};
#define N_FACETS (sizeof FACETS / sizeof *FACETS)

static int die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("evaluate: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return -1;
}

/* ---- options --------------------------------------------------------- */

static int usage(void)
{
    fprintf(stderr, "usage: evaluate --db DB --gold GOLD.json [--queries QUERIES.json]\n"
                    "                [--baseline FTS5.sqlite] [--bm25] [--data DIR] [--json]\n");
    return 2;
}

static int parse_options(int argc, char **argv, options *o)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char **slot = strcmp(a, "--db") == 0         ? &o->db
                            : strcmp(a, "--gold") == 0     ? &o->gold
                            : strcmp(a, "--queries") == 0  ? &o->queries
                            : strcmp(a, "--baseline") == 0 ? &o->baseline
                            : strcmp(a, "--data") == 0     ? &o->data
                                                           : NULL;
        if (strcmp(a, "--json") == 0)
            o->json = true;
        else if (strcmp(a, "--bm25") == 0)
            o->bm25 = true;
        else if (slot && i + 1 < argc)
            *slot = argv[++i];
        else
            return die("unknown or incomplete option '%s'", a);
    }
    if (!o->db || !o->gold)
        return die("--db and --gold are required");
    return 0;
}

static json_t *load_json_array(const char *path)
{
    json_error_t je;
    json_t *j = json_load_file(path, 0, &je);
    if (!j)
        die("%s:%d: %s", path, je.line, je.text);
    else if (!json_is_array(j)) {
        die("%s: expected a JSON array", path);
        json_decref(j);
        j = NULL;
    }
    return j;
}

/* ---- facets ---------------------------------------------------------- */

/* A municipality as the development sets score it: "Hengelo (O.)" and
 * "Hengelo" are one, and so are "Bergen (NH)" and "Bergen (NH.)", but
 * "Bergen (L.)" and "Bergen (NH.)" stay two.  Caller frees. */
static char *scored_place(const char *name)
{
    const char *open = strstr(name, " (");
    size_t n = strlen(name);
    if (!open || name[n - 1] != ')')
        return vp_xstrdup(name);
    size_t bare = (size_t)(open - name);
    if (!(bare == 6 && strncmp(name, "Bergen", 6) == 0))
        return vp_xstrndup(name, bare);
    char *out = vp_xmalloc(n + 2), *w = out;
    for (const char *r = name; *r; r++)
        if (*r != '.')
            *w++ = *r;
    w[-1] = '.';                /* "(NH)" -> "(NH." + ")" */
    *w++ = ')';
    *w = '\0';
    return out;
}

static bool is_place_facet(const char *facet)
{
    return strcmp(facet, "municipalities") == 0 || strcmp(facet, "host") == 0;
}

static void push_scored(vp_strvec *out, const char *facet, const char *value)
{
    if (!is_place_facet(facet)) {
        vp_strvec_push(out, value);
        return;
    }
    char *place = scored_place(value);
    vp_strvec_push(out, place);
    free(place);
}

/* The values of one facet of a gold entry or stored report: a list of
 * strings, a list of speaker objects (their "name") or one string. */
static void facet_values(const json_t *obj, const char *facet, vp_strvec *out)
{
    const json_t *v = json_object_get(obj, facet);
    if (json_is_string(v))
        push_scored(out, facet, json_string_value(v));
    size_t i;
    const json_t *item;
    json_array_foreach(v, i, item) {
        const json_t *name = json_is_object(item) ? json_object_get(item, "name") : item;
        if (json_is_string(name))
            push_scored(out, facet, json_string_value(name));
    }
}

static bool has_exact(const vp_strvec *v, const char *s)
{
    for (size_t i = 0; i < v->len; i++)
        if (strcmp(v->items[i], s) == 0)
            return true;
    return false;
}

/* Drops from v every value listed as debatable ("<facet>_optional"). */
static void drop_optional(vp_strvec *v, const vp_strvec *optional)
{
    size_t kept = 0;
    for (size_t i = 0; i < v->len; i++) {
        if (has_exact(optional, v->items[i]))
            free(v->items[i]);
        else
            v->items[kept++] = v->items[i];
    }
    v->len = kept;
}

static void list_differences(const char *report, const vp_strvec *from, const vp_strvec *other,
                             json_t *out)
{
    for (size_t i = 0; i < from->len; i++)
        if (!has_exact(other, from->items[i]))
            json_array_append_new(out, json_pack("{s:s,s:s}", "report", report,
                                                 "value", from->items[i]));
}

typedef struct facet_score {
    vp_prf_counts counts;
    long long reports, right;   /* accuracy of a single-valued facet */
    json_t *misses, *false_hits;
} facet_score;

static bool single_valued(const char *facet)
{
    return strcmp(facet, "host") == 0 || strcmp(facet, "date") == 0;
}

static bool same_values(const vp_strvec *a, const vp_strvec *b)
{
    if (a->len != b->len)
        return false;
    for (size_t i = 0; i < a->len; i++)
        if (!has_exact(b, a->items[i]))
            return false;
    return true;
}

static void score_facet(const char *report, const json_t *gold, const json_t *doc,
                        const char *facet, facet_score *fs)
{
    vp_strvec want = VP_STRVEC_INIT, got = VP_STRVEC_INIT, optional = VP_STRVEC_INIT;
    char optional_key[64];
    snprintf(optional_key, sizeof optional_key, "%s_optional", facet);
    facet_values(gold, facet, &want);
    facet_values(gold, optional_key, &optional);
    if (doc)
        facet_values(doc, facet, &got);
    drop_optional(&want, &optional);
    drop_optional(&got, &optional);
    for (size_t i = 0; i < got.len; i++)
        fs->counts.correct += has_exact(&want, got.items[i]);
    fs->counts.found += got.len;
    fs->counts.gold += want.len;
    fs->reports++;
    fs->right += same_values(&want, &got);
    list_differences(report, &want, &got, fs->misses);
    list_differences(report, &got, &want, fs->false_hits);
    vp_strvec_clear(&want);
    vp_strvec_clear(&got);
    vp_strvec_clear(&optional);
}

/* The stored report for a gold entry ("file" without ".md"); NULL when it is
 * not in the index (counted as all misses), -1 in *status on a real error. */
static json_t *stored_report(context *c, const char *id, int *status)
{
    vp_qerror e = {0};
    json_t *doc = vp_document_get(c->searcher, id, &e);
    if (!doc && e.kind != VP_QERR_NOT_FOUND)
        *status = die("%s: %s", id, e.message);
    return doc;
}

static json_t *facet_json(const char *facet, const facet_score *fs)
{
    json_t *out = json_pack("{s:f,s:f,s:f,s:I,s:I,s:I,s:o,s:o}",
                            "precision", vp_precision(&fs->counts), "recall",
                            vp_recall(&fs->counts), "f1", vp_f1(&fs->counts), "correct",
                            (json_int_t)fs->counts.correct, "found",
                            (json_int_t)fs->counts.found, "gold", (json_int_t)fs->counts.gold,
                            "misses", fs->misses, "false_hits", fs->false_hits);
    if (single_valued(facet))
        json_object_set_new(out, "accuracy",
                            json_real(fs->reports ? (double)fs->right / (double)fs->reports : 0));
    return out;
}

static char *report_id(const json_t *gold)
{
    const char *file = json_string_value(json_object_get(gold, "file"));
    if (!file)
        return NULL;
    size_t n = strlen(file);
    return vp_xstrndup(file, n > 3 && strcmp(file + n - 3, ".md") == 0 ? n - 3 : n);
}

static json_t *evaluate_facets(context *c, const json_t *gold, json_t *not_indexed)
{
    facet_score fs[N_FACETS];
    for (size_t f = 0; f < N_FACETS; f++)
        fs[f] = (facet_score){{0, 0, 0}, 0, 0, json_array(), json_array()};
    int status = 0;
    size_t i;
    const json_t *g;
    json_array_foreach(gold, i, g) {
        char *id = report_id(g);
        if (!id) {
            status = die("gold entry %zu has no \"file\"", i + 1);
            break;
        }
        json_t *doc = stored_report(c, id, &status);
        if (!doc && status == 0)
            json_array_append_new(not_indexed, json_string(id));
        for (size_t f = 0; f < N_FACETS && status == 0; f++)
            score_facet(id, g, doc, FACETS[f], &fs[f]);
        json_decref(doc);
        free(id);
        if (status != 0)
            break;
    }
    json_t *out = json_object();
    for (size_t f = 0; f < N_FACETS; f++)
        json_object_set_new(out, FACETS[f], facet_json(FACETS[f], &fs[f]));
    if (status != 0) {
        json_decref(out);
        return NULL;
    }
    return out;
}

/* ---- queries --------------------------------------------------------- */

/* Sets one filter of a judged query on r: a string or a list of strings. */
static int set_filter(vp_request *r, const char *key, const json_t *v, vp_qerror *e)
{
    if (json_is_string(v))
        return vp_request_set(r, key, json_string_value(v), e);
    size_t i;
    const json_t *item;
    json_array_foreach(v, i, item) {
        if (!json_is_string(item))
            return vp_qfail(e, VP_QERR_BAD_PARAMETER, "filter %s: values must be strings", key);
        if (vp_request_set(r, key, json_string_value(item), e) != 0)
            return -1;
    }
    return json_is_array(v) ? 0 : vp_qfail(e, VP_QERR_BAD_PARAMETER, "filter %s: a string or a list", key);
}

/* Filter names in queries.json and the request keys they map to (sets
 * name the date range either way). */
static const char *request_key(const char *filter)
{
    static const char *const map[][2] = {{"municipality", "municipality"}, {"speaker", "speaker"},
                                         {"theme", "theme"}, {"date_from", "from"},
                                         {"date_to", "to"}, {"from", "from"}, {"to", "to"}};
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (strcmp(filter, map[i][0]) == 0)
            return map[i][1];
    return NULL;
}

static int build_request(const json_t *query, const char *q, vp_request *r, vp_qerror *e)
{
    vp_request_init(r);
    if (vp_request_set(r, "q", q, e) != 0)
        return -1;
    const char *name;
    const json_t *v;
    json_object_foreach((json_t *)json_object_get(query, "filters"), name, v) {
        const char *key = request_key(name);
        if (!key)
            return vp_qfail(e, VP_QERR_BAD_PARAMETER, "unknown filter '%s'", name);
        if (set_filter(r, key, v, e) != 0)
            return -1;
    }
    return vp_request_validate(r, e);
}

/* Appends the ids of one page of results of r to ids; the total in *total. */
static int search_ids(vp_searcher *s, const vp_request *r, vp_strvec *ids, long long *total,
                      vp_qerror *e)
{
    json_t *res = vp_search(s, r, e);
    if (!res)
        return -1;
    *total = json_integer_value(json_object_get(res, "total"));
    size_t i;
    const json_t *hit;
    json_array_foreach(json_object_get(res, "hits"), i, hit)
        vp_strvec_push(ids, json_string_value(json_object_get(hit, "id")));
    json_decref(res);
    return 0;
}

/* Every report the filters of r admit, newest first (r's q is ignored). */
static int filtered_set(vp_searcher *s, const vp_request *r, vp_strvec *ids, vp_qerror *e)
{
    vp_request all = *r;
    all.q = NULL;
    all.per_page = PAGE_MAX;
    long long total = 0;
    for (all.page = 1; all.page * PAGE_MAX <= VP_MAX_DEPTH; all.page++) {
        if (search_ids(s, &all, ids, &total, e) != 0)
            return -1;
        if ((long long)ids->len >= total)
            break;
    }
    return 0;
}

static bool has_filters(const vp_request *r)
{
    for (int f = 0; f < VP_FACET_YEAR; f++)
        if (r->filters[f].len)
            return true;
    return r->from || r->to;
}

typedef enum { SYSTEM_VINDPLAATS, SYSTEM_FTS5, SYSTEM_BM25, N_SYSTEMS } system_kind;
static const char *const SYSTEM_NAMES[N_SYSTEMS] = {"vindplaats", "fts5", "bm25"};

static bool has_system(const context *c, system_kind k)
{
    return k == SYSTEM_VINDPLAATS || (k == SYSTEM_FTS5 && c->fts5) || (k == SYSTEM_BM25 && c->bm25);
}

/* A baseline's ranking of q: every match, best first. */
static int baseline_ranking(context *c, system_kind k, const char *q, vp_strvec *ranked,
                            vp_qerror *e)
{
    char err[512];
    int rc = k == SYSTEM_FTS5 ? vp_fts5_query(c->fts5, q, 0, ranked, err, sizeof err)
                              : vp_bm25_query(c->bm25, q, 0, ranked, err, sizeof err);
    return rc == 0 ? 0 : vp_qfail(e, VP_QERR_INTERNAL, "%s", err);
}

/* A baseline's first TOP_K: its ranking restricted to what the filters
 * admit, or the admitted set itself for a query without words. */
static int baseline_top(context *c, system_kind k, const vp_request *r, vp_strvec *top,
                        vp_qerror *e)
{
    const char *q = r->q ? r->q : "";
    char *expr = vp_fts5_match_expr(q);
    if (!expr)
        return vp_qfail(e, VP_QERR_INTERNAL, "out of memory");
    bool words = *expr != '\0', filtered = has_filters(r);
    free(expr);
    vp_strvec admitted = VP_STRVEC_INIT, ranked = VP_STRVEC_INIT;
    int rc = filtered ? filtered_set(c->searcher, r, &admitted, e) : 0;
    if (rc == 0 && words)
        rc = baseline_ranking(c, k, q, &ranked, e);
    const vp_strvec *source = words ? &ranked : &admitted;
    for (size_t i = 0; rc == 0 && i < source->len && top->len < TOP_K; i++)
        if (!words || !filtered || has_exact(&admitted, source->items[i]))
            vp_strvec_push(top, source->items[i]);
    vp_strvec_clear(&admitted);
    vp_strvec_clear(&ranked);
    return rc;
}

static json_t *ranking_json(const json_t *relevant, const vp_strvec *top)
{
    int grades[TOP_K] = {0}, ideal[256];
    size_t n_ideal = 0;
    const char *id;
    const json_t *grade;
    json_object_foreach((json_t *)relevant, id, grade)
        if (n_ideal < sizeof ideal / sizeof *ideal && json_integer_value(grade) > 0)
            ideal[n_ideal++] = (int)json_integer_value(grade);
    json_t *ids = json_array();
    for (size_t i = 0; i < top->len && i < TOP_K; i++) {
        grades[i] = (int)json_integer_value(json_object_get(relevant, top->items[i]));
        json_array_append_new(ids, json_pack("{s:s,s:i}", "id", top->items[i], "grade", grades[i]));
    }
    size_t n = top->len < TOP_K ? top->len : TOP_K;
    return json_pack("{s:f,s:f,s:f,s:o}", "ndcg10", vp_ndcg_at(grades, n, ideal, n_ideal, TOP_K),
                     "recall10", vp_recall_at(grades, n, n_ideal, TOP_K),
                     "mrr", vp_reciprocal_rank_at(grades, n, TOP_K), "top", ids);
}

static json_t *run_system(context *c, system_kind k, const vp_request *r,
                          const json_t *relevant, vp_qerror *e)
{
    vp_strvec top = VP_STRVEC_INIT;
    long long total;
    int rc = k != SYSTEM_VINDPLAATS ? baseline_top(c, k, r, &top, e)
                                    : search_ids(c->searcher, r, &top, &total, e);
    json_t *out = rc == 0 ? ranking_json(relevant, &top) : NULL;
    vp_strvec_clear(&top);
    return out;
}

static json_t *evaluate_query(context *c, const json_t *query, size_t index)
{
    const char *id = json_string_value(json_object_get(query, "id"));
    const char *q = json_string_value(json_object_get(query, "q"));
    const json_t *relevant = json_object_get(query, "relevant");
    if (!id || !q || !json_is_object(relevant) || json_object_size(relevant) == 0) {
        die("query %zu: needs \"id\", \"q\" and a non-empty \"relevant\"", index + 1);
        return NULL;
    }
    vp_request r;
    vp_qerror e = {0};
    json_t *out = NULL;
    if (build_request(query, q, &r, &e) == 0) {
        out = json_pack("{s:s,s:s}", "id", id, "q", q);
        for (system_kind k = 0; out && k < N_SYSTEMS; k++) {
            json_t *one = has_system(c, k) ? run_system(c, k, &r, relevant, &e) : NULL;
            if (one)
                json_object_set_new(out, SYSTEM_NAMES[k], one);
            else if (has_system(c, k)) {
                json_decref(out);
                out = NULL;
            }
        }
    }
    if (!out)
        die("query %s: %s", id, e.message);
    vp_request_clear(&r);
    return out;
}

static json_t *mean_of(const json_t *per_query, const char *system)
{
    static const char *const measures[] = {"ndcg10", "recall10", "mrr"};
    json_t *out = json_object();
    for (size_t m = 0; m < 3; m++) {
        double sum = 0;
        size_t i, n = json_array_size(per_query);
        const json_t *q;
        json_array_foreach(per_query, i, q)
            sum += json_real_value(json_object_get(json_object_get(q, system), measures[m]));
        json_object_set_new(out, measures[m], json_real(n ? sum / (double)n : 0));
    }
    return out;
}

static json_t *evaluate_queries(context *c, const json_t *queries)
{
    json_t *per_query = json_array();
    size_t i;
    const json_t *query;
    json_array_foreach(queries, i, query) {
        json_t *one = evaluate_query(c, query, i);
        if (!one) {
            json_decref(per_query);
            return NULL;
        }
        json_array_append_new(per_query, one);
    }
    json_t *mean = json_object();
    for (system_kind k = 0; k < N_SYSTEMS; k++)
        if (has_system(c, k))
            json_object_set_new(mean, SYSTEM_NAMES[k], mean_of(per_query, SYSTEM_NAMES[k]));
    return json_pack("{s:I,s:o,s:o}", "count", (json_int_t)json_array_size(per_query),
                     "mean", mean, "per_query", per_query);
}

/* ---- text output ----------------------------------------------------- */

static double num(const json_t *obj, const char *a, const char *b)
{
    return json_real_value(json_object_get(json_object_get(obj, a), b));
}

static void print_differences(const char *facet, const json_t *fs)
{
    static const char *const kinds[][2] = {{"misses", "missed"}, {"false_hits", "false"}};
    for (size_t k = 0; k < 2; k++) {
        size_t i;
        const json_t *d;
        json_array_foreach(json_object_get(fs, kinds[k][0]), i, d)
            printf("  %s: %s %s %s\n", json_string_value(json_object_get(d, "report")), facet,
                   kinds[k][1], json_string_value(json_object_get(d, "value")));
    }
}

static void print_facets(const json_t *result)
{
    const json_t *facets = json_object_get(result, "facets");
    printf("Facets over %lld reports (micro-averaged, exact match)\n",
           json_integer_value(json_object_get(result, "reports")));
    printf("  %-15s %9s %7s %7s %8s %6s %5s %9s\n", "facet", "precision", "recall", "F1",
           "correct", "found", "gold", "accuracy");
    for (size_t f = 0; f < N_FACETS; f++) {
        const json_t *fs = json_object_get(facets, FACETS[f]);
        printf("  %-15s %9.3f %7.3f %7.3f %8lld %6lld %5lld", FACETS[f],
               json_real_value(json_object_get(fs, "precision")),
               json_real_value(json_object_get(fs, "recall")),
               json_real_value(json_object_get(fs, "f1")),
               json_integer_value(json_object_get(fs, "correct")),
               json_integer_value(json_object_get(fs, "found")),
               json_integer_value(json_object_get(fs, "gold")));
        if (json_object_get(fs, "accuracy"))
            printf(" %9.3f", json_real_value(json_object_get(fs, "accuracy")));
        putchar('\n');
    }
    size_t i;
    const json_t *id;
    json_array_foreach(json_object_get(result, "not_indexed"), i, id)
        printf("  not in the index: %s\n", json_string_value(id));
    printf("Misses and false hits:\n");
    for (size_t f = 0; f < N_FACETS; f++)
        print_differences(FACETS[f], json_object_get(facets, FACETS[f]));
}

static void print_scores(const json_t *q, const char *system)
{
    if (json_object_get(q, system))
        printf("  %6.3f %6.3f %6.3f", num(q, system, "ndcg10"), num(q, system, "recall10"),
               num(q, system, "mrr"));
}

static void print_queries(const json_t *queries)
{
    const json_t *mean = json_object_get(queries, "mean");
    printf("\nQueries: %lld (nDCG@10, recall@10, MRR@10)\n",
           json_integer_value(json_object_get(queries, "count")));
    printf("  %-28s  %-20s%s%s\n", "query", "  vindplaats",
           json_object_get(mean, "fts5") ? "  fts5 baseline       " : "",
           json_object_get(mean, "bm25") ? "  bm25 baseline" : "");
    size_t i;
    const json_t *q;
    json_array_foreach(json_object_get(queries, "per_query"), i, q) {
        printf("  %-28.28s", json_string_value(json_object_get(q, "id")));
        for (system_kind k = 0; k < N_SYSTEMS; k++)
            print_scores(q, SYSTEM_NAMES[k]);
        printf("   %s\n", json_string_value(json_object_get(q, "q")));
    }
    printf("  %-28s", "MEAN");
    for (system_kind k = 0; k < N_SYSTEMS; k++)
        print_scores(mean, SYSTEM_NAMES[k]);
    printf("\n");
}

/* ---- main ------------------------------------------------------------ */

static json_t *evaluate(context *c, const options *o)
{
    json_t *gold = load_json_array(o->gold);
    json_t *queries = o->queries ? load_json_array(o->queries) : NULL;
    json_t *not_indexed = json_array();
    json_t *facets = gold && (queries || !o->queries) ? evaluate_facets(c, gold, not_indexed) : NULL;
    json_t *result = NULL;
    if (facets)
        result = json_pack("{s:I,s:o,s:O}", "reports", (json_int_t)json_array_size(gold),
                           "facets", facets, "not_indexed", not_indexed);
    if (result && queries) {
        json_t *q = evaluate_queries(c, queries);
        if (q)
            json_object_set_new(result, "queries", q);
        else {
            json_decref(result);
            result = NULL;
        }
    }
    json_decref(not_indexed);
    json_decref(queries);
    json_decref(gold);
    return result;
}

static int open_context(const options *o, vp_data *data, context *c)
{
    char err[512];
    if (vp_data_load("evaluate", o->data, data) != 0)
        return -1;
    vp_searcher_config cfg = {o->db, data->gazetteer, data->themes, 0};
    c->searcher = vp_searcher_new(&cfg);
    vp_qerror e = {0};
    if (!c->searcher || vp_searcher_refresh(c->searcher, &e) != 0)
        return die("%s: %s", o->db, c->searcher ? e.message : "out of memory");
    if (o->baseline && !(c->fts5 = vp_fts5_open(o->baseline, err, sizeof err)))
        return die("%s", err);
    if (o->bm25 && !(c->bm25 = vp_bm25_open(o->db, err, sizeof err)))
        return die("%s", err);
    return 0;
}

int main(int argc, char **argv)
{
    options o = {0};
    if (parse_options(argc, argv, &o) != 0)
        return usage();
    vp_data data = {0};
    context c = {0};
    json_t *result = open_context(&o, &data, &c) == 0 ? evaluate(&c, &o) : NULL;
    if (result && o.json) {
        json_dumpf(result, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
        putchar('\n');
    } else if (result) {
        print_facets(result);
        if (json_object_get(result, "queries"))
            print_queries(json_object_get(result, "queries"));
    }
    json_decref(result);
    vp_fts5_close(c.fts5);
    vp_bm25_close(c.bm25);
    vp_searcher_free(c.searcher);
    vp_data_free(&data);
    return result ? 0 : 2;
}
