/*
 * search.c: the three reads of the API: /search, /facets/{name} and
 * /documents/{id}.
 *
 * Facet counts are disjunctive: a facet that has a filter of its own is
 * counted in an extra match without that filter (from/to are the year
 * facet's own filter); the other facets are counted by spies on the main
 * match.  Every match looks at all documents (check_at_least = doccount), so
 * totals and counts are exact.  A facet counted with no text and no filter
 * but its own (browsing, or one filter) is counted over every report: that
 * match is run once per revision and its counts kept (revision_cache).
 */
#include "query_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facets.h"
#include "report_json.h"
#include "schema.h"
#include "sys.h"
#include "terms.h"
#include "text.h"

/* ---- facet counters -------------------------------------------------------- */

static const xapc_slot facet_slots[VP_N_FACETS] = {
    VP_SLOT_MUNICIPALITIES, VP_SLOT_SPEAKERS, VP_SLOT_THEMES, VP_SLOT_YEAR};

/* The counter of facet f on enq.  On local databases it counts the members
 * of each value list, so its memory follows the facet's few thousand values
 * rather than the (nearly all distinct) lists of the matching reports;
 * remote shards only run Xapian's built-in spy, which counts whole lists
 * (facets.c splits them either way). */
static xapc_spy *add_facet_spy(const vp_searcher *s, xapc_enquire *enq, vp_facet f,
                               xapc_error *xe)
{
    if (s->remote)
        return xapc_enquire_add_value_count_spy(enq, facet_slots[f], xe);
    return xapc_enquire_add_value_list_spy(enq, facet_slots[f], VP_LIST_SEP, xe);
}

static bool add_spy_value(const char *value, size_t len, uint32_t count, void *ctx)
{
    vp_facet_counts_add_list(ctx, value, len, count);
    return true;
}

/* What the spy saw, per member (see facets.h); NULL with e set. */
static vp_facet_counts *spy_counts(vp_searcher *s, const xapc_spy *spy, vp_qerror *e)
{
    vp_facet_counts *counts = vp_facet_counts_new();
    xapc_error xe;
    xapc_error_clear(&xe);
    if (xapc_spy_foreach(spy, add_spy_value, counts, &xe) == XAPC_OK)
        return counts;
    vp_searcher_fail(s, &xe, e, "counting facets");
    vp_facet_counts_free(counts);
    return NULL;
}

static json_t *counts_json(vp_searcher *s, const vp_facet_counts *counts, vp_facet f,
                           unsigned limit, const char *prefix, vp_qerror *e)
{
    json_t *out = vp_facet_counts_to_json(counts, limit, prefix,
                                          f == VP_FACET_THEME ? s->themes : NULL);
    if (!out)
        vp_qfail(e, VP_QERR_INTERNAL, "out of memory");
    return out;
}

/* The spy's counts as a facet list. */
static json_t *spy_json(vp_searcher *s, const xapc_spy *spy, vp_facet f,
                        unsigned limit, const char *prefix, vp_qerror *e)
{
    vp_facet_counts *counts = spy_counts(s, spy, e);
    json_t *out = counts ? counts_json(s, counts, f, limit, prefix, e) : NULL;
    vp_facet_counts_free(counts);
    return out;
}


/* ---- counts over every report ----------------------------------------------- */

/* Whether facet f is counted over every report: no text, and no filter but
 * f's own (which its disjunctive count leaves out).  That is what browsing
 * shows, and the filtered facet of a search by one filter: at 100k reports
 * a match over all of them for each such request. */
static bool counted_everywhere(const vp_request *r, vp_facet f)
{
    if (!vp_query_blank(r->q))
        return false;
    for (int g = 0; g < VP_N_FACETS; g++)
        if ((vp_facet)g != f && vp_has_own_filter(r, (vp_facet)g))
            return false;
    return true;
}

/* Counts every facet over all reports into the revision cache: one match
 * (relevance order, which remote shards count exactly) with a spy each. */
static int count_everywhere(vp_searcher *s, vp_qerror *e)
{
    uint32_t all;
    if (vp_searcher_doccount(s, &all, e) != 0)
        return -1;
    xapc_error xe;
    xapc_error_clear(&xe);
    xapc_query *q = xapc_query_match_all(&xe);
    if (!q)
        return vp_searcher_fail(s, &xe, e, "counting facets");
    vp_searcher_forget_counts(s);
    xapc_enquire *enq = vp_make_enquire(s, q, VP_SORT_RELEVANCE, e);
    xapc_query_free(q);
    if (!enq)
        return -1;
    xapc_spy *spies[VP_N_FACETS] = {0};
    bool ok = true;
    for (int f = 0; ok && f < VP_N_FACETS; f++)
        ok = (spies[f] = add_facet_spy(s, enq, (vp_facet)f, &xe)) != NULL;
    xapc_mset *mset = ok ? xapc_enquire_get_mset(enq, 0, 0, all, &xe) : NULL;
    int rc = mset ? 0 : vp_searcher_fail(s, &xe, e, "counting facets over all reports");
    for (int f = 0; rc == 0 && f < VP_N_FACETS; f++)
        if (!(s->cache->everywhere[f] = spy_counts(s, spies[f], e)))
            rc = -1;
    if (rc != 0)
        vp_searcher_forget_counts(s);
    xapc_mset_free(mset);
    xapc_enquire_free(enq);
    return rc;
}

/* Facet f over every report, counted at most once per revision. */
static json_t *everywhere_json(vp_searcher *s, vp_facet f, unsigned limit,
                               const char *prefix, vp_qerror *e)
{
    if (!s->cache->everywhere[f] && count_everywhere(s, e) != 0)
        return NULL;
    return counts_json(s, s->cache->everywhere[f], f, limit, prefix, e);
}

/* One facet counted in a match of its own, without its own filter. */
static json_t *count_facet_alone(vp_searcher *s, const vp_request *r, vp_facet f,
                                 const xapc_query *text, const char *prefix,
                                 vp_qerror *e)
{
    uint32_t all;
    bool ok = vp_searcher_doccount(s, &all, e) == 0;
    xapc_query *q = ok ? vp_build_query(s, r, f, text, e) : NULL;
    xapc_enquire *enq = q ? vp_make_enquire(s, q, VP_SORT_RELEVANCE, e) : NULL;
    xapc_error xe;
    xapc_error_clear(&xe);
    xapc_spy *spy = enq ? add_facet_spy(s, enq, f, &xe) : NULL;
    xapc_mset *mset = spy ? xapc_enquire_get_mset(enq, 0, 0, all, &xe) : NULL;
    json_t *out = NULL;
    if (mset)
        out = spy_json(s, spy, f, r->facet_limit, prefix, e);
    else if (enq)
        vp_searcher_fail(s, &xe, e, "counting a facet");
    xapc_mset_free(mset);
    xapc_enquire_free(enq);
    xapc_query_free(q);
    return out;
}

static vp_sort effective_sort(const vp_request *r)
{
    if (r->sort != VP_SORT_DEFAULT)
        return r->sort;
    return vp_query_blank(r->q) ? VP_SORT_DATE : VP_SORT_RELEVANCE;
}


/* ---- /search ----------------------------------------------------------------- */

typedef struct main_match {
    xapc_enquire *enq;
    xapc_spy *spies[VP_N_FACETS];
    xapc_mset *mset;
} main_match;

static void main_match_clear(main_match *m)
{
    xapc_mset_free(m->mset);
    xapc_enquire_free(m->enq);
    memset(m, 0, sizeof *m);
}

static int run_main_match(vp_searcher *s, const vp_request *r, const xapc_query *text,
                          main_match *m, vp_qerror *e)
{
    memset(m, 0, sizeof *m);
    uint32_t all;
    bool ok = vp_searcher_doccount(s, &all, e) == 0;
    xapc_query *q = ok ? vp_build_query(s, r, VP_N_FACETS, text, e) : NULL;
    m->enq = q ? vp_make_enquire(s, q, effective_sort(r), e) : NULL;
    xapc_query_free(q);
    if (!m->enq)
        return -1;
    xapc_error xe;
    xapc_error_clear(&xe);
    /* Xapian 1.4's remote backend over-counts match spies in a match sorted
     * by value that returns fewer than all matches (measured: 34 of 32
     * documents): with remote shards such a match counts no facets, and
     * facets_json counts them in relevance-ordered matches of their own. */
    bool spies_exact = !s->remote || effective_sort(r) == VP_SORT_RELEVANCE;
    for (int f = 0; f < VP_N_FACETS; f++) {
        if (vp_has_own_filter(r, (vp_facet)f) || !spies_exact ||
            (counted_everywhere(r, (vp_facet)f) && s->cache->everywhere[f]))
            continue;   /* counted in a match of its own, or known at this revision */
        m->spies[f] = add_facet_spy(s, m->enq, (vp_facet)f, &xe);
        if (!m->spies[f])
            return vp_searcher_fail(s, &xe, e, "adding a facet counter");
    }
    m->mset = xapc_enquire_get_mset(m->enq, (r->page - 1) * r->per_page, r->per_page,
                                    all, &xe);
    return m->mset ? 0 : vp_searcher_fail(s, &xe, e, "running the search");
}

static json_t *facets_json(vp_searcher *s, const vp_request *r, const xapc_query *text,
                           const main_match *m, vp_qerror *e)
{
    json_t *facets = json_object();
    for (int f = 0; facets && f < VP_N_FACETS; f++) {
        bool everywhere = counted_everywhere(r, (vp_facet)f);
        /* Browsing at a new revision: the main match counted over all. */
        if (everywhere && m->spies[f] && !s->cache->everywhere[f] &&
            !(s->cache->everywhere[f] = spy_counts(s, m->spies[f], e))) {
            json_decref(facets);
            return NULL;
        }
        json_t *list =
            everywhere ? everywhere_json(s, (vp_facet)f, r->facet_limit, NULL, e)
            : m->spies[f] ? spy_json(s, m->spies[f], (vp_facet)f, r->facet_limit, NULL, e)
                          : count_facet_alone(s, r, (vp_facet)f, text, NULL, e);
        if (!list || json_object_set_new(facets, vp_facet_name((vp_facet)f), list) != 0) {
            json_decref(facets);
            return NULL;
        }
    }
    return facets;
}

static json_t *hits_json(vp_searcher *s, const main_match *m, bool has_text,
                         vp_qerror *e)
{
    json_t *hits = json_array();
    uint32_t n = xapc_mset_size(m->mset);
    for (uint32_t i = 0; hits && i < n; i++) {
        xapc_error xe;
        xapc_error_clear(&xe);
        json_t *hit = vp_hit_json(m->mset, i, s->stem, has_text, &xe, e);
        if (!hit || json_array_append_new(hits, hit) != 0) {
            if (xe.status != XAPC_OK)
                vp_searcher_fail(s, &xe, e, "reading a result");
            else if (e->kind == VP_QERR_NONE)
                vp_qfail(e, VP_QERR_INTERNAL, "out of memory");
            json_decref(hits);
            return NULL;
        }
    }
    return hits;
}

static json_t *do_search(vp_searcher *s, const void *arg, vp_qerror *e)
{
    const vp_request *r = arg;
    double t0 = vp_now_ms();
    vp_parsed_text pt;
    main_match m;
    json_t *out = NULL, *hits = NULL, *facets = NULL;
    if (vp_parse_request_text(s, r, VP_READ_RANKED, &pt, e) != 0) {
        vp_parsed_text_clear(&pt);
        return NULL;
    }
    if (run_main_match(s, r, pt.query, &m, e) == 0 &&
        (hits = hits_json(s, &m, !vp_query_blank(r->q), e)) != NULL &&
        (facets = facets_json(s, r, pt.query, &m, e)) != NULL) {
        out = json_pack("{s:s,s:I,s:I,s:I,s:f,s:o,s:o,s:o*,s:b,s:b}",
                        "query", r->q ? r->q : "",
                        "total", (json_int_t)xapc_mset_matches_estimated(m.mset),
                        "page", (json_int_t)r->page, "per_page", (json_int_t)r->per_page,
                        "took_ms", (double)(long long)((vp_now_ms() - t0) * 1000) / 1000, "hits", hits, "facets", facets,
                        "suggestion", pt.suggestion ? json_string(pt.suggestion) : json_null(),
                        "corrected", pt.corrected, "relaxed", pt.relaxed);
        hits = facets = NULL;  /* stolen by "o" even on failure */
        if (!out)
            vp_qfail(e, VP_QERR_INTERNAL, "out of memory");
    }
    json_decref(hits);
    json_decref(facets);
    main_match_clear(&m);
    vp_parsed_text_clear(&pt);
    return out;
}

json_t *vp_search(vp_searcher *s, const vp_request *r, vp_qerror *e)
{
    vp_problem_clear(e);
    if (vp_request_validate(r, e) != 0)
        return NULL;
    vp_searcher_start_request(s);
    return vp_searcher_with_retry(s, do_search, r, e);
}

/* ---- /facets/{name} ------------------------------------------------------------ */

typedef struct facet_arg { vp_facet f; const vp_request *r; } facet_arg;

static json_t *do_facet_values(vp_searcher *s, const void *arg, vp_qerror *e)
{
    const facet_arg *a = arg;
    vp_parsed_text pt;
    json_t *values = NULL;
    if (vp_parse_request_text(s, a->r, VP_READ_RANKED, &pt, e) == 0)
        values = counted_everywhere(a->r, a->f)
                     ? everywhere_json(s, a->f, a->r->facet_limit, a->r->prefix, e)
                     : count_facet_alone(s, a->r, a->f, pt.query, a->r->prefix, e);
    vp_parsed_text_clear(&pt);
    if (!values)
        return NULL;
    return json_pack("{s:s,s:s,s:o}", "facet", vp_facet_name(a->f),
                     "prefix", a->r->prefix ? a->r->prefix : "", "values", values);
}

json_t *vp_facet_values(vp_searcher *s, vp_facet f, const vp_request *r, vp_qerror *e)
{
    vp_problem_clear(e);
    if (vp_request_validate(r, e) != 0)
        return NULL;
    facet_arg a = {f, r};
    vp_searcher_start_request(s);
    return vp_searcher_with_retry(s, do_facet_values, &a, e);
}

/* ---- /documents/{id} ------------------------------------------------------------ */

static json_t *do_document(vp_searcher *s, const void *arg, vp_qerror *e)
{
    const char *id = arg;
    char *term = vp_id_term(id);
    xapc_error xe;
    xapc_error_clear(&xe);
    xapc_docid did = term ? xapc_db_find_term(s->db, term, &xe) : 0;
    free(term);
    if (!did) {
        if (xe.status != XAPC_OK)
            vp_searcher_fail(s, &xe, e, "looking up the document");
        else
            vp_qfail(e, VP_QERR_NOT_FOUND, "no report with id '%.200s'", id);
        return NULL;
    }
    size_t len = 0;
    char *data = xapc_db_document_data_len(s->db, did, &len, &xe);
    if (!data) {
        vp_searcher_fail(s, &xe, e, "reading the document");
        return NULL;
    }
    json_t *out = vp_document_json(data, len, e);
    free(data);
    return out;
}

json_t *vp_document_get(vp_searcher *s, const char *id, vp_qerror *e)
{
    vp_problem_clear(e);
    if (!*id || !vp_utf8_valid(id, strlen(id), NULL) || strlen(id) > 1000) {
        vp_qfail(e, VP_QERR_NOT_FOUND, "no report with that id");
        return NULL;
    }
    return vp_searcher_with_retry(s, do_document, id, e);
}
