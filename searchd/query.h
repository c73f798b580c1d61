/*
 * query.h: THE query layer of Vindplaats, shared by searchd (HTTP) and vind
 * (command line), and later by the exporter, the fuzzers and the benches.
 *
 * It owns: the search request (what a user may ask, and its validation), the
 * translation of a request into a Xapian query (QueryParser with the stemmer
 * named in the database metadata, user prefixes, facet filters resolved
 * through the gazetteer, date bounds), running it with exact totals and exact,
 * multi-valued, disjunctive facet counts, snippets and the best-matching
 * section, the spelling suggestion, and the JSON of /search, /documents/{id}
 * and /facets/{name}.
 *
 * The result of a search is a jansson object with exactly the shape of the
 * HTTP API.  vind prints that same object (from the local database or from a
 * server), so there is one result type and one renderer for both programs.
 *
 * A vp_searcher wraps one database handle and is used by one thread at a
 * time (Xapian's rule); searchd keeps one per worker thread.
 *
 * The files: request.c (the request), searcher.c (the searcher's life),
 * query_build.c (a request as a Xapian query), search.c (/search, /facets,
 * /documents), match_iter.c (every match, for /export), value_counts.c
 * (/trends' counts); query_internal.h is what they share.
 */
#ifndef VP_QUERY_H
#define VP_QUERY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

#include "budget.h"
#include "problem.h"
#include "strvec.h"
#include "gazetteer.h"
#include "themes.h"
#include "xapian_c.h"

/* ---- limits that protect the server (and are documented to users) ---- */
#define VP_MAX_Q_BYTES        1000   /* longer q: 400 */
#define VP_MAX_PER_PAGE       100
#define VP_DEFAULT_PER_PAGE   10
#define VP_MAX_DEPTH          10000  /* page * per_page may not exceed this */
#define VP_DEFAULT_FACET_LIMIT 20
#define VP_MAX_FACET_LIMIT    10000
#define VP_MAX_FILTER_VALUES  50     /* values of one facet filter */
#define VP_MAX_VALUE_BYTES    200    /* one filter value */
#define VP_MAX_WILDCARD_TERMS 500    /* trailing wildcard expansion */

/* ---- errors a caller can cause or meet -------------------------------- */
typedef enum {
    VP_QERR_NONE = 0,
    VP_QERR_BAD_PARAMETER,   /* 400 bad_parameter */
    VP_QERR_BAD_QUERY,       /* 400 bad_query: the query parser refused q */
    VP_QERR_NOT_FOUND,       /* 404 not_found: no such document or facet */
    VP_QERR_UNAVAILABLE,     /* 503 unavailable: database cannot be opened/read */
    VP_QERR_INTERNAL,        /* 500 internal */
    VP_QERR_TOO_EXPENSIVE,   /* 400 query_too_expensive: over a limit of budget.h */
    VP_QERR_OVER_DEADLINE    /* 503 query_too_expensive: stopped at its deadline */
} vp_qerr_kind;

/* A request's problem: kind is a vp_qerr_kind (problem.h), no line. */
typedef vp_problem vp_qerror;

/* HTTP status and the stable error code string ("bad_parameter") of kind. */
int vp_qerr_http_status(vp_qerr_kind kind);
const char *vp_qerr_code(vp_qerr_kind kind);
/* {"error": {"code": ..., "message": ...}}; caller decrefs. */
json_t *vp_qerror_to_json(const vp_qerror *e);
/* Fills e (printf style) and returns -1, for `return vp_qfail(...)`. */
int vp_qfail(vp_qerror *e, vp_qerr_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ---- the request ------------------------------------------------------- */
typedef enum {
    VP_FACET_MUNICIPALITY = 0,
    VP_FACET_SPEAKER,
    VP_FACET_THEME,
    VP_FACET_YEAR,
    VP_N_FACETS
} vp_facet;

/* Public names: "municipality", "speaker", "theme", "year". */
const char *vp_facet_name(vp_facet f);
/* -1 when name is not a facet. */
int vp_facet_from_name(const char *name);

typedef enum {
    VP_SORT_DEFAULT = 0,     /* relevance with q, date without */
    VP_SORT_RELEVANCE,
    VP_SORT_DATE,            /* newest first */
    VP_SORT_DATE_ASC
} vp_sort;

/* "relevance", "date", "date_asc"; -1 when unknown. */
int vp_sort_from_name(const char *name);

typedef struct vp_request {
    char *q;                          /* NULL or "" matches every report */
    vp_strvec filters[VP_FACET_YEAR]; /* municipality, speaker, theme values */
    char *from, *to;                  /* YYYY | YYYY-MM | YYYY-MM-DD or NULL */
    vp_sort sort;
    unsigned page;                    /* from 1 */
    unsigned per_page;                /* 1..VP_MAX_PER_PAGE */
    unsigned facet_limit;             /* 0 = all */
    char *prefix;                     /* /facets/{name}: value prefix, or NULL */
} vp_request;

/* Defaults: page 1, per_page 10, facet_limit 20, no filters. */
void vp_request_init(vp_request *r);
void vp_request_clear(vp_request *r);

/* Setters used by the parameter parser and by vind; each validates its value
 * and copies the strings.  0, or -1 with a message in e. */
int vp_request_set(vp_request *r, const char *key, const char *value, vp_qerror *e);
/* Whole-request checks (depth limit, from <= to); call once after setting. */
int vp_request_validate(const vp_request *r, vp_qerror *e);

/* The request as URL query parameters (percent-encoded, repeated keys for
 * multiple filter values): what vind sends to a server.  Caller frees
 * (never NULL). */
char *vp_request_to_query_string(const vp_request *r);

/* Expands a date bound: YYYY / YYYY-MM / YYYY-MM-DD into an inclusive
 * "YYYYMMDD" (first day for a lower bound, last possible day for an upper
 * one).  false for a malformed or impossible date. */
bool vp_date_bound(const char *s, bool upper, char out[9]);

/* ---- the searcher ------------------------------------------------------ */
typedef struct vp_searcher vp_searcher;

typedef struct vp_searcher_config {
    const char *db_path;               /* directory or stub file */
    const vp_gazetteer *gazetteer;     /* borrowed; may be NULL (no aliases) */
    const vp_themes *themes;           /* borrowed; may be NULL */
    unsigned reopen_interval_ms;       /* check for a new revision at most this
                                          often (0: before every request) */
} vp_searcher_config;

/* Creates a searcher; the database is opened lazily (and again after a
 * failure), so a searcher exists even while the database cannot be opened.
 * Caller frees (never NULL). */
vp_searcher *vp_searcher_new(const vp_searcher_config *cfg);
void vp_searcher_free(vp_searcher *s);

/* Starts a request's clock: its deadline (budget.h) runs from now, for
 * every match until the next call.  vp_search, vp_facet_values,
 * vp_match_iter_new and vp_trends call it themselves. */
void vp_searcher_start_request(vp_searcher *s);
/* -1 with e set (503 query_too_expensive) when the request's deadline has
 * passed, else 0: for work between matches. */
int vp_searcher_check_deadline(const vp_searcher *s, vp_qerror *e);
/* What a request may cost (budget.h): vp_budget_defaults() until set. */
void vp_searcher_set_limits(vp_searcher *s, const vp_budget_limits *limits);
const vp_budget_limits *vp_searcher_limits(const vp_searcher *s);

/* Opens the database if needed and, when the reopen interval has passed,
 * moves to the latest revision.  0, or -1 (VP_QERR_UNAVAILABLE). */
int vp_searcher_refresh(vp_searcher *s, vp_qerror *e);

/* Documents and revision of the open database (after a refresh). */
int vp_searcher_stats(vp_searcher *s, unsigned *documents,
                      unsigned long long *revision, vp_qerror *e);

/* Whether the revision the searcher has open is counted from its facet
 * column (the counting path) rather than by Xapian's match spies; for
 * tests and /healthz.  False before the database is opened. */
bool vp_searcher_counts_by_column(vp_searcher *s);

/* GET /search: the result object (see issue 3), or NULL with e set. */
json_t *vp_search(vp_searcher *s, const vp_request *r, vp_qerror *e);
/* The same answer as JSON text, byte for byte what json_dumps writes of
 * vp_search's object with VP_JSON_FLAGS, *len bytes (NUL-ended; caller
 * frees); the hits are written straight from their stored records, with no
 * json_t between (report_json.h); *total (unless NULL) is its "total".
 * NULL with e set. */
char *vp_search_text(vp_searcher *s, const vp_request *r, size_t *len, uint64_t *total,
                     vp_qerror *e);

/* GET /facets/{name}: {"facet", "prefix", "values": [{"value","count"}]}:
 * the facet's values starting with r->prefix (folded), counted under the
 * query and every filter but the facet's own. */
json_t *vp_facet_values(vp_searcher *s, vp_facet f, const vp_request *r,
                        vp_qerror *e);

/* GET /documents/{id}: the whole report with html rendered by cmark in safe
 * mode; NULL with VP_QERR_NOT_FOUND for an unknown id. */
json_t *vp_document_get(vp_searcher *s, const char *id, vp_qerror *e);

/* ---- every match, in batches (GET /export, vind --export) ----------------- */
#define VP_MATCH_BATCH 500   /* matches fetched from Xapian at a time (VP_EXPORT_BATCH) */

/* Why an export refuses sort=relevance (a 400, exit status 2 in vind). */
#define VP_EXPORT_SORT_MESSAGE "an export lists every match in date order (newest first, " \
    "or oldest first with sort date_asc); relevance order cannot be streamed: sort " \
    "the exported score column instead"

typedef struct vp_match_iter vp_match_iter;

/* Every match of r (page and per_page ignored), with the query and filters
 * of vp_search, in date order: newest first, oldest first for
 * VP_SORT_DATE_ASC, ties by id, exactly as vp_search sorts by date;
 * VP_SORT_RELEVANCE is a VP_QERR_BAD_PARAMETER (see match_iter.c: relevance
 * order cannot be paged in constant memory).  Fetched VP_MATCH_BATCH at a time by
 * key ranges, in memory that does not grow with the match.  Runs the first
 * batch here, so a bad query or an unavailable index is reported before
 * anything is sent.  The searcher is borrowed and must not be refreshed
 * while the iterator lives (every batch must see the same revision): give
 * an export a searcher of its own.  NULL with e set. */
vp_match_iter *vp_match_iter_new(vp_searcher *s, const vp_request *r, vp_qerror *e);
/* The next match as (mset, index): valid until the next call.  NULL at the
 * end (e->kind == VP_QERR_NONE) or on an error (e set). */
const xapc_mset *vp_match_iter_next(vp_match_iter *it, uint32_t *index, vp_qerror *e);
uint32_t vp_match_iter_total(const vp_match_iter *it);     /* exact */
const xapc_stem *vp_match_iter_stem(const vp_match_iter *it);
bool vp_match_iter_has_text(const vp_match_iter *it);      /* q was not empty */
/* The query's words (snippet.h), NULL without text: what chooses a
 * record's section. */
typedef struct vp_snip_terms vp_snip_terms;
const vp_snip_terms *vp_match_iter_terms(const vp_match_iter *it);
/* The batches fetched from now on stop at deadline (vp_now_ms(); 0: none):
 * the first ran under the request's deadline, the others run under the
 * budget of the whole export (export.c). */
void vp_match_iter_set_deadline(vp_match_iter *it, double deadline);
/* The matching all the batches are expected to take, in milliseconds,
 * from the time the first took: batch k looks at the matches left after
 * the k - 1 before it, so B batches take about (B + 1) / 2 first ones. */
double vp_match_iter_projected_ms(const vp_match_iter *it);
void vp_match_iter_free(vp_match_iter *it);

/* ---- counting by value slots (GET /trends) ------------------------------- */

/* Gets every distinct value of slots[slot_index] with its number of matches. */
typedef bool (*vp_count_fn)(size_t slot_index, const char *value, size_t len,
                            uint32_t count, void *ctx);

/* Counts the dated matches of r (every filter applied) whose date lies in
 * [lo, hi] ("YYYYMMDD", inclusive; NULL: open) with Xapian's built-in
 * ValueCountMatchSpy on each slot, so it also works on remote shards.  Opens
 * the database if needed but never moves to a newer revision, so that a
 * series of counts sees one revision (call vp_searcher_refresh first).
 * Every match stops at the deadline of the request that
 * vp_searcher_start_request began.  0, or -1 with e set. */
int vp_count_values(vp_searcher *s, const vp_request *r, const char *lo, const char *hi,
                    const xapc_slot *slots, size_t n_slots, vp_count_fn fn, void *ctx,
                    vp_qerror *e);

/* jansson flags for every JSON we print, so vind --json and searchd agree. */
#define VP_JSON_FLAGS (JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6))

#endif /* VP_QUERY_H */
