/*
 * value_counts.c: the matches of a request counted by value slots with
 * Xapian's built-in spies (behind /trends; see query.h).
 */
#include "query_internal.h"

#include <stdlib.h>

#include "schema.h"

/* ---- counting by value slots (/trends) -------------------------------------------- */

/* text FILTER filters FILTER date in [lo, hi] (dated reports only). */
static xapc_query *dated_query(vp_searcher *s, const vp_request *r, const char *lo,
                               const char *hi, vp_qerror *e)
{
    vp_parsed_text pt;
    if (vp_parse_request_text(s, r, VP_READ_EVERY_MATCH, &pt, e) != 0) {
        vp_parsed_text_clear(&pt);
        return NULL;
    }
    xapc_query *filtered = vp_build_query(s, r, VP_N_FACETS, pt.query, e);
    vp_parsed_text_clear(&pt);
    xapc_error xe;
    xapc_error_clear(&xe);
    xapc_query *range = filtered ? xapc_query_value_range(VP_SLOT_DATE, lo, hi, &xe) : NULL;
    const xapc_query *both[2] = {filtered, range};
    xapc_query *q = range ? xapc_query_combine(XAPC_OP_FILTER, both, 2, 0, &xe) : NULL;
    if (!q && filtered)
        vp_searcher_fail(s, &xe, e, "building the date range");
    xapc_query_free(range);
    xapc_query_free(filtered);
    return q;
}

typedef struct count_forward { vp_count_fn fn; void *ctx; size_t slot_index; } count_forward;

static bool forward_count(const char *value, size_t len, uint32_t count, void *ctx)
{
    count_forward *f = ctx;
    return f->fn(f->slot_index, value, len, count, f->ctx);
}

static int run_spies(vp_searcher *s, xapc_enquire *enq, const xapc_slot *slots,
                     size_t n_slots, vp_count_fn fn, void *ctx, vp_qerror *e)
{
    xapc_spy *spies[8];
    if (n_slots > sizeof spies / sizeof *spies)
        return vp_qfail(e, VP_QERR_INTERNAL, "too many value counters");
    uint32_t all;
    if (vp_searcher_doccount(s, &all, e) != 0)
        return -1;
    xapc_error xe;
    xapc_error_clear(&xe);
    for (size_t i = 0; i < n_slots; i++)
        if (!(spies[i] = xapc_enquire_add_value_count_spy(enq, slots[i], &xe)))
            return vp_searcher_fail(s, &xe, e, "adding a value counter");
    xapc_mset *mset = xapc_enquire_get_mset(enq, 0, 0, all, &xe);
    if (!mset)
        return vp_searcher_fail(s, &xe, e, "counting");
    xapc_mset_free(mset);
    for (size_t i = 0; i < n_slots; i++) {
        count_forward f = {fn, ctx, i};
        if (xapc_spy_foreach(spies[i], forward_count, &f, &xe) != XAPC_OK)
            return xe.status != XAPC_OK ? vp_searcher_fail(s, &xe, e, "reading a value counter")
                                        : vp_qfail(e, VP_QERR_INTERNAL, "out of memory");
    }
    return 0;
}

int vp_count_values(vp_searcher *s, const vp_request *r, const char *lo, const char *hi,
                    const xapc_slot *slots, size_t n_slots, vp_count_fn fn, void *ctx,
                    vp_qerror *e)
{
    vp_problem_clear(e);
    if (vp_request_validate(r, e) != 0 || (!s->db && vp_searcher_open(s, e) != 0))
        return -1;
    xapc_query *q = dated_query(s, r, lo, hi, e);
    xapc_enquire *enq = q ? vp_make_enquire(s, q, VP_SORT_RELEVANCE, e) : NULL;
    int rc = enq ? run_spies(s, enq, slots, n_slots, fn, ctx, e) : -1;
    xapc_enquire_free(enq);
    xapc_query_free(q);
    return rc;
}
