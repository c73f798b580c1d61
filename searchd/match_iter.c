/*
 * match_iter.c: every match of a request in date order, in batches (the
 * iterator behind /export and vind --export; see query.h).
 */
#include "query_internal.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "schema.h"
#include "snippet.h"
#include "sys.h"

/* ---- every match, in batches (/export) ------------------------------------------
 * Keyset paging: the match is sorted by the unique VP_SLOT_SORTKEY, and each
 * batch is the query FILTER a value range starting at the last key sent
 * (VALUE_LE for newest first, VALUE_GE for oldest first), fetched as
 * get_mset(0, batch).  Xapian then keeps at most `batch` candidates, however
 * far into the match the export is, and we hold one batch of documents, so
 * memory does not grow with what has been sent.  The range is inclusive: the
 * one document with the last key comes again first and is skipped.  Each
 * batch still visits every remaining match, so a larger batch means fewer
 * passes (about N^2 / (2 * batch) visits in all). */

struct vp_match_iter {
    vp_searcher *s;
    xapc_query *query;        /* text FILTER filters */
    xapc_enquire *enq;        /* sorted by the key; its query changes per batch */
    xapc_mset *mset;          /* the current batch */
    bool descending;
    uint32_t batch;           /* matches asked for per batch */
    uint32_t next;            /* index in the current batch */
    uint32_t total;
    char *last_key;           /* of the last match of the current batch */
    xapc_docid last_docid;    /* the same match: skipped when it comes again */
    bool has_text;
    vp_snip_terms *terms;     /* the query's words, for the records' sections */
    double deadline;          /* of the batches (0: none), see set_deadline */
    double first_ms;          /* what the first batch took */
};

/* VP_EXPORT_BATCH (2..100000) overrides the batch size: the tests use it to
 * put many batch boundaries in a small index, the benchmarks to compare. */
static uint32_t batch_size(void)
{
    const char *env = getenv("VP_EXPORT_BATCH");
    char *end;
    unsigned long n = env ? strtoul(env, &end, 10) : 0;
    return env && *env && !*end && n >= 2 && n <= 100000 ? (uint32_t)n : VP_MATCH_BATCH;
}

/* Remembers the key and docid of the batch's last match.  A match without a
 * key (an index half re-indexed from an older schema) cannot be paged past. */
static int remember_last(vp_match_iter *it, vp_qerror *e)
{
    uint32_t n = xapc_mset_size(it->mset);
    if (n == 0)
        return 0;
    xapc_error xe;
    xapc_error_clear(&xe);
    free(it->last_key);
    it->last_key = xapc_mset_document_value(it->mset, n - 1, VP_SLOT_SORTKEY, &xe);
    it->last_docid = xapc_mset_docid(it->mset, n - 1, &xe);
    if (xe.status != XAPC_OK)
        return vp_searcher_fail(it->s, &xe, e, "reading the matches");
    if (!it->last_key || !*it->last_key)
        return vp_qfail(e, VP_QERR_UNAVAILABLE, "a report in the index has no sort key: "
                        "the index is being re-indexed; export again when the indexer "
                        "has finished");
    return 0;
}

/* The query with the range from the last key on (the whole query at first). */
static xapc_query *batch_query(const vp_match_iter *it, xapc_error *xe)
{
    if (!it->last_key)
        return xapc_query_clone(it->query, xe);
    xapc_query *range = xapc_query_value_range(VP_SLOT_SORTKEY,
                                               it->descending ? NULL : it->last_key,
                                               it->descending ? it->last_key : NULL, xe);
    const xapc_query *both[2] = {it->query, range};
    xapc_query *q = range ? xapc_query_combine(XAPC_OP_FILTER, both, 2, 0, xe) : NULL;
    xapc_query_free(range);
    return q;
}

/* The next batch; check_at_least = the doccount on the first makes its
 * total exact (that pass visits every match anyway). */
static int fetch_batch(vp_match_iter *it, uint32_t check_at_least, vp_qerror *e)
{
    xapc_error xe;
    xapc_error_clear(&xe);
    xapc_mset_free(it->mset);
    it->mset = NULL;
    xapc_query *q = batch_query(it, &xe);
    if (q && vp_budget_arm(it->enq, it->deadline, it->s->remote, e) != 0) {
        xapc_query_free(q);
        return -1;
    }
    if (q && xapc_enquire_set_query(it->enq, q, &xe) == XAPC_OK)
        it->mset = xapc_enquire_get_mset(it->enq, 0, it->batch, check_at_least, &xe);
    xapc_query_free(q);
    if (!it->mset)
        return vp_searcher_fail(it->s, &xe, e, "reading the matches");
    it->next = 0;
    if (it->last_key && xapc_mset_size(it->mset) > 0) {
        xapc_docid first = xapc_mset_docid(it->mset, 0, &xe);
        if (xe.status != XAPC_OK)
            return vp_searcher_fail(it->s, &xe, e, "reading the matches");
        it->next = first == it->last_docid;
    }
    return remember_last(it, e);
}

static void match_iter_reset(vp_match_iter *it)
{
    xapc_mset_free(it->mset);
    xapc_enquire_free(it->enq);
    xapc_query_free(it->query);
    free(it->last_key);
    vp_snip_terms_free(it->terms);
    it->mset = NULL;
    it->enq = NULL;
    it->query = NULL;
    it->last_key = NULL;
    it->terms = NULL;
}

typedef struct iter_arg { vp_match_iter *it; const vp_request *r; } iter_arg;

/* The query, the sorted enquire and the first batch (with an exact total);
 * json_true() on success, so that with_retry can reopen and retry a
 * modified database. */
static json_t *start_match_iter(vp_searcher *s, const void *arg, vp_qerror *e)
{
    const iter_arg *a = arg;
    vp_match_iter *it = a->it;
    match_iter_reset(it);
    vp_parsed_text pt;
    uint32_t all;
    bool ok = vp_searcher_doccount(s, &all, e) == 0;
    if (ok && vp_parse_request_text(s, a->r, VP_READ_EVERY_MATCH, &pt, e) == 0) {
        it->query = vp_build_query(s, a->r, VP_N_FACETS, pt.query, e);
        if (it->has_text)
            it->terms = vp_snip_terms_new(pt.query, s->db, s->stem);
    }
    if (ok)
        vp_parsed_text_clear(&pt);
    it->enq = it->query ? vp_make_enquire(s, it->query, it->descending ? VP_SORT_DATE
                                                                    : VP_SORT_DATE_ASC, e)
                        : NULL;
    it->deadline = s->deadline;
    double t0 = vp_now_ms();
    if (!it->enq || fetch_batch(it, all, e) != 0)
        return NULL;
    it->first_ms = vp_now_ms() - t0;
    it->total = xapc_mset_matches_estimated(it->mset);
    return json_true();
}

vp_match_iter *vp_match_iter_new(vp_searcher *s, const vp_request *r, vp_qerror *e)
{
    vp_problem_clear(e);
    if (vp_request_validate(r, e) != 0)
        return NULL;
    if (r->sort == VP_SORT_RELEVANCE) {
        vp_qfail(e, VP_QERR_BAD_PARAMETER, VP_EXPORT_SORT_MESSAGE);
        return NULL;
    }
    vp_match_iter *it = vp_xcalloc(1, sizeof *it);
    it->s = s;
    it->has_text = !vp_query_blank(r->q);
    it->descending = r->sort != VP_SORT_DATE_ASC;
    it->batch = batch_size();
    iter_arg a = {it, r};
    vp_searcher_start_request(s);
    json_t *ok = vp_searcher_with_retry(s, start_match_iter, &a, e);
    if (!ok) {
        vp_match_iter_free(it);
        return NULL;
    }
    json_decref(ok);
    return it;
}

const xapc_mset *vp_match_iter_next(vp_match_iter *it, uint32_t *index, vp_qerror *e)
{
    e->kind = VP_QERR_NONE;
    if (it->next >= xapc_mset_size(it->mset)) {
        if (xapc_mset_size(it->mset) < it->batch)
            return NULL;   /* that batch reached the end of the match */
        if (fetch_batch(it, 0, e) != 0 || it->next >= xapc_mset_size(it->mset))
            return NULL;
    }
    *index = it->next++;
    return it->mset;
}

uint32_t vp_match_iter_total(const vp_match_iter *it) { return it->total; }
const xapc_stem *vp_match_iter_stem(const vp_match_iter *it) { return it->s->stem; }
bool vp_match_iter_has_text(const vp_match_iter *it) { return it->has_text; }
const vp_snip_terms *vp_match_iter_terms(const vp_match_iter *it) { return it->terms; }
void vp_match_iter_set_deadline(vp_match_iter *it, double deadline) { it->deadline = deadline; }

double vp_match_iter_projected_ms(const vp_match_iter *it)
{
    double batches = it->total / it->batch + (it->total % it->batch != 0);
    return it->first_ms * (batches + 1) / 2;
}

void vp_match_iter_free(vp_match_iter *it)
{
    if (!it)
        return;
    match_iter_reset(it);
    free(it);
}
