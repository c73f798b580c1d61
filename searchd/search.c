/*
 * search.c: the three reads of the API: /search, /facets/{name} and
 * /documents/{id}.
 *
 * Counting is separate from ranking.  On a local database with a facet
 * column at its revision (colcount.h) the query is evaluated as a set of
 * documents over the posting lists (docset.h): its size is the exact
 * total, and the facets are counted from the column over that set, a
 * facet with a filter of its own over the set of the query without that
 * filter (drill-sideways: from/to are the year facet's own filter).  Xapian
 * then only ranks the page (check_at_least 0, no spies), and a page in date
 * order comes from the column's order, so a query without text never runs
 * Xapian's matcher at all.
 *
 * Elsewhere (remote shards, a shard folder, an index whose column the
 * indexer has not written yet) Xapian's match counts: a facet with a filter
 * of its own is counted in an extra match without that filter, the others
 * by spies on the main match, every match looking at all documents
 * (check_at_least = doccount), so totals and counts are exact there too.
 * A facet counted with no text and no filter but its own (browsing, or one
 * filter) is counted over every report: once per revision, then kept.
 */
#include "query_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facets.h"
#include "json_text.h"
#include "mem.h"
#include "report_json.h"
#include "schema.h"
#include "sys.h"
#include "terms.h"
#include "text.h"

/* ---- facet counters -------------------------------------------------------- */

const xapc_slot vp_facet_slots[VP_N_FACETS] = {
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
        return xapc_enquire_add_value_count_spy(enq, vp_facet_slots[f], xe);
    return xapc_enquire_add_value_list_spy(enq, vp_facet_slots[f], VP_LIST_SEP, xe);
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


/* ---- counting over the facet column ------------------------------------------ */

/* The documents of r's query without skip's filter (VP_N_FACETS: with
 * all), as a set; NULL with e set. */
static roaring_bitmap_t *request_set(vp_searcher *s, vp_colcount *cc, const vp_request *r,
                                     vp_facet skip, const xapc_query *text, vp_qerror *e)
{
    xapc_query *q = vp_build_query(s, r, skip, text, e);
    if (!q)
        return NULL;
    xapc_error xe;
    roaring_bitmap_t *set = vp_docsets_eval(s->cache->sets, s->db, vp_colcount_column(cc), q,
                                            s->deadline, &xe);
    xapc_query_free(q);
    if (!set)
        vp_searcher_fail(s, &xe, e, "counting the matches");
    return set;
}

static const roaring_bitmap_t *every_report(vp_searcher *s, vp_qerror *e)
{
    xapc_error xe;
    const roaring_bitmap_t *all = vp_docsets_all(s->cache->sets, s->db, &xe);
    if (!all)
        vp_searcher_fail(s, &xe, e, "counting the reports");
    return all;
}

/* Facet f's list: over every report when that is what it counts, else over
 * match (r's set; NULL: not known yet) or, for a facet with a filter of
 * its own, over the query without that filter. */
static json_t *column_facet_json(vp_searcher *s, vp_colcount *cc, const vp_request *r,
                                 vp_facet f, const xapc_query *text,
                                 const roaring_bitmap_t *match, const char *prefix, vp_qerror *e)
{
    if (counted_everywhere(r, f))
        return vp_colcount_json(cc, f, NULL, r->facet_limit, prefix, s->themes);
    roaring_bitmap_t *own = NULL;
    if (!match || vp_has_own_filter(r, f))
        if (!(match = own = request_set(s, cc, r, f, text, e)))
            return NULL;
    const roaring_bitmap_t *all = every_report(s, e);
    json_t *out = NULL;
    if (all) {
        uint32_t *counts[VP_N_FACETS] = {0};
        bool want[VP_N_FACETS] = {0};
        want[f] = true;
        counts[f] = vp_xcalloc(vp_colcount_values(cc, f) + 1, sizeof *counts[f]);
        vp_colcount_count(cc, match, all, want, counts);
        out = vp_colcount_json(cc, f, counts[f], r->facet_limit, prefix, s->themes);
        free(counts[f]);
    }
    vp_docset_free(own);
    return out;
}

/* Every facet of r: those counted over match in one pass over it. */
/* The facets from the column.  With text, written onto it as JSON text and
 * json_true() returned (the answer's text takes them from there); else the
 * object. */
static json_t *column_facets_json(vp_searcher *s, vp_colcount *cc, const vp_request *r,
                                  const xapc_query *text, const roaring_bitmap_t *match,
                                  vp_buf *out, vp_qerror *e)
{
    uint32_t *counts[VP_N_FACETS] = {0};
    bool on_match[VP_N_FACETS] = {0}, any = false;
    for (int f = 0; f < VP_N_FACETS; f++)
        if (!counted_everywhere(r, (vp_facet)f) && !vp_has_own_filter(r, (vp_facet)f)) {
            on_match[f] = any = true;
            counts[f] = vp_xcalloc(vp_colcount_values(cc, (vp_facet)f) + 1, sizeof *counts[f]);
        }
    const roaring_bitmap_t *all = any ? every_report(s, e) : NULL;
    json_t *facets = any && !all ? NULL : out ? json_true() : json_object();
    if (any && all)
        vp_colcount_count(cc, match, all, on_match, counts);
    for (int f = 0; facets && f < VP_N_FACETS; f++) {
        bool ok;
        if (out) {
            vp_buf_printf(out, "%c\"%s\":", f ? ',' : '{', vp_facet_name((vp_facet)f));
            if (on_match[f])
                ok = vp_colcount_write(out, cc, (vp_facet)f, counts[f], r->facet_limit, s->themes);
            else {
                json_t *list = column_facet_json(s, cc, r, (vp_facet)f, text, match, NULL, e);
                ok = list && vp_json_put_value(out, list);
                json_decref(list);
            }
        } else {
            json_t *list = on_match[f]
                ? vp_colcount_json(cc, (vp_facet)f, counts[f], r->facet_limit, NULL, s->themes)
                : column_facet_json(s, cc, r, (vp_facet)f, text, match, NULL, e);
            ok = list && json_object_set_new(facets, vp_facet_name((vp_facet)f), list) == 0;
        }
        if (!ok) {
            json_decref(facets);
            facets = NULL;
        }
    }
    if (facets && out)
        vp_buf_putc(out, '}');
    for (int f = 0; f < VP_N_FACETS; f++)
        free(counts[f]);
    if (!facets && e->kind == VP_QERR_NONE)
        vp_qfail(e, VP_QERR_INTERNAL, "out of memory");
    return facets;
}

/* ---- the page of hits ------------------------------------------------------------- */

/* Where a page of hits goes: a json_t array (vp_search) or JSON text
 * written straight from the hit records (vp_search_text). */
typedef struct hits_out {
    json_t *json;    /* the array, in json mode */
    vp_buf *text;    /* the array's text, in text mode */
    vp_buf scratch;  /* a hit's snippet, reused across hits */
    size_t n;
} hits_out;

static void hits_out_clear(hits_out *h)
{
    json_decref(h->json);
    h->json = NULL;
    vp_buf_free(&h->scratch);
}

/* Adds the hit of a stored record; -1 with e set. */
static int add_hit(vp_searcher *s, hits_out *h, const char *record, size_t len, double score,
                   const vp_snip_terms *terms, vp_qerror *e)
{
    if (h->text) {
        if (h->n)
            vp_buf_putc(h->text, ',');
        if (vp_hit_write(h->text, &h->scratch, record, len, score, terms, s->stem, e) != 0)
            return -1;
    } else {
        json_t *hit = vp_hit_from_record(record, len, score, terms, s->stem, e);
        if (!hit)
            return -1;
        json_array_append_new(h->json, hit);
    }
    h->n++;
    return 0;
}

static int mset_hits(vp_searcher *s, const xapc_mset *mset, const vp_snip_terms *terms,
                     hits_out *h, vp_qerror *e)
{
    uint32_t n = xapc_mset_size(mset);
    for (uint32_t i = 0; i < n; i++) {
        xapc_error xe;
        xapc_error_clear(&xe);
        size_t len = 0;
        char *record = xapc_mset_document_value_len(mset, i, VP_SLOT_HIT, &len, &xe);
        double score = record ? xapc_mset_weight(mset, i, &xe) : 0;
        int rc = record && xe.status == XAPC_OK
                     ? add_hit(s, h, record, len, score, terms, e) : -1;
        free(record);
        if (rc != 0) {
            if (xe.status != XAPC_OK)
                vp_searcher_fail(s, &xe, e, "reading a result");
            else
                /* A record that does not read may be a revision the writer
                 * discarded while we read it (CI's e2e_revisions under
                 * ASan): retried when a newer revision is there, else it
                 * is what it says. */
                s->discarded_maybe = true;
            return -1;
        }
    }
    return 0;
}

/* Xapian's page of q: ranked by relevance, or sorted by the date key. */
static int ranked_hits(vp_searcher *s, const xapc_query *q, vp_sort sort, uint32_t first,
                       uint32_t count, const vp_snip_terms *terms, hits_out *h, vp_qerror *e)
{
    xapc_enquire *enq = vp_make_enquire(s, q, sort, e);
    if (!enq)
        return -1;
    xapc_error xe;
    xapc_error_clear(&xe);
    /* check_at_least 0: the total comes from the counting path */
    xapc_mset *mset = xapc_enquire_get_mset(enq, first, count, 0, &xe);
    int rc = mset ? mset_hits(s, mset, terms, h, e) : -1;
    if (!mset)
        vp_searcher_fail(s, &xe, e, "running the search");
    xapc_mset_free(mset);
    xapc_enquire_free(enq);
    return rc;
}

static int by_docid(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* The page in date order from the column: read straight from the stored
 * hit records without text (scores are 0 then); with text, Xapian weighs
 * just these documents (the query filtered to them), for their scores. */
static int dated_hits(vp_searcher *s, vp_colcount *cc, const vp_request *r,
                      const xapc_query *full, const roaring_bitmap_t *match, vp_sort sort,
                      const vp_snip_terms *terms, hits_out *h, vp_qerror *e)
{
    uint32_t *ids = vp_xmalloc((r->per_page + 1) * sizeof *ids);
    size_t n = vp_colcount_page(cc, match, sort == VP_SORT_DATE, (r->page - 1) * r->per_page,
                                r->per_page, ids);
    int rc = 0;
    if (vp_query_blank(r->q)) {
        for (size_t i = 0; rc == 0 && i < n; i++) {
            xapc_error xe;
            xapc_error_clear(&xe);
            size_t len = 0;
            char *record = xapc_db_document_value_len(s->db, ids[i], VP_SLOT_HIT, &len, &xe);
            rc = record ? add_hit(s, h, record, len, 0, NULL, e)
                        : vp_searcher_fail(s, &xe, e, "reading a result");
            free(record);
        }
    } else {
        qsort(ids, n, sizeof *ids, by_docid);
        xapc_error xe;
        xapc_error_clear(&xe);
        xapc_query *page = xapc_query_docids(ids, n, &xe);
        const xapc_query *both[2] = {full, page};
        xapc_query *q = page ? xapc_query_combine(XAPC_OP_FILTER, both, 2, 0, &xe) : NULL;
        if (q)
            rc = ranked_hits(s, q, sort, 0, (uint32_t)n, terms, h, e);
        else
            rc = vp_searcher_fail(s, &xe, e, "reading the page");
        xapc_query_free(q);
        xapc_query_free(page);
    }
    free(ids);
    return rc;
}

typedef struct answer {
    hits_out hits;
    json_t *facets;      /* json_true() when written onto facets_text */
    vp_buf *facets_text; /* in text mode: facets counted from the column */
    uint64_t total;
} answer;

static int search_with_column(vp_searcher *s, vp_colcount *cc, const vp_request *r,
                              const xapc_query *text, const vp_snip_terms *terms, answer *a,
                              vp_qerror *e)
{
    xapc_query *full = vp_build_query(s, r, VP_N_FACETS, text, e);
    roaring_bitmap_t *match = NULL;
    if (full) {
        xapc_error xe;
        match = vp_docsets_eval(s->cache->sets, s->db, vp_colcount_column(cc), full,
                                s->deadline, &xe);
        if (!match)
            vp_searcher_fail(s, &xe, e, "counting the matches");
    }
    if (match) {
        a->total = roaring_bitmap_get_cardinality(match);
        vp_sort sort = effective_sort(r);
        int rc = sort != VP_SORT_RELEVANCE && vp_colcount_has_order(cc, VP_SLOT_SORTKEY)
                     ? dated_hits(s, cc, r, full, match, sort, terms, &a->hits, e)
                     : ranked_hits(s, full, sort, (r->page - 1) * r->per_page, r->per_page,
                                   terms, &a->hits, e);
        if (rc == 0)
            a->facets = column_facets_json(s, cc, r, text, match, a->facets_text, e);
    }
    vp_docset_free(match);
    xapc_query_free(full);
    return a->facets ? 0 : -1;
}


/* ---- counting with match spies ------------------------------------------------------ */

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

static int search_with_spies(vp_searcher *s, const vp_request *r, const xapc_query *text,
                             const vp_snip_terms *terms, answer *a, vp_qerror *e)
{
    main_match m;
    if (run_main_match(s, r, text, &m, e) == 0 && mset_hits(s, m.mset, terms, &a->hits, e) == 0)
        a->facets = facets_json(s, r, text, &m, e);
    a->total = m.mset ? xapc_mset_matches_estimated(m.mset) : 0;
    main_match_clear(&m);
    return a->facets ? 0 : -1;
}


/* ---- /search ----------------------------------------------------------------- */

typedef struct search_call {
    const vp_request *r;
    vp_buf *text;      /* NULL: the answer as a json_t */
    uint64_t *total;   /* with text: the answer's total */
} search_call;

static json_t *as_json(const vp_request *r, double took_ms, answer *a, const vp_parsed_text *pt)
{
    json_t *out = json_pack("{s:s,s:I,s:I,s:I,s:f,s:o,s:o,s:o*,s:b,s:b}",
                            "query", r->q ? r->q : "",
                            "total", (json_int_t)a->total,
                            "page", (json_int_t)r->page, "per_page", (json_int_t)r->per_page,
                            "took_ms", took_ms, "hits", a->hits.json, "facets", a->facets,
                            "suggestion", pt->suggestion ? json_string(pt->suggestion)
                                                         : json_null(),
                            "corrected", pt->corrected, "relaxed", pt->relaxed);
    a->hits.json = a->facets = NULL;  /* stolen by "o" even on failure */
    return out;
}

/* The same object as as_json writes it, with the hits' text already
 * written; false when a string of the request is not UTF-8 or out of
 * memory (as_json fails there too). */
static bool as_text(const vp_request *r, double took_ms, const answer *a,
                    const vp_parsed_text *pt, const vp_buf *hits, vp_buf *out)
{
    const char *q = r->q ? r->q : "";
    vp_buf_puts(out, "{\"query\":");
    bool ok = vp_json_put_string(out, q, strlen(q));
    vp_buf_printf(out, ",\"total\":%llu,\"page\":%lld,\"per_page\":%lld,\"took_ms\":",
                  (unsigned long long)a->total, (long long)r->page, (long long)r->per_page);
    vp_json_put_real(out, took_ms);
    vp_buf_puts(out, ",\"hits\":[");
    vp_buf_append(out, vp_buf_str(hits), hits->len);
    vp_buf_puts(out, "],\"facets\":");
    if (a->facets_text && a->facets_text->len)
        vp_buf_append(out, a->facets_text->s, a->facets_text->len);
    else
        ok = ok && vp_json_put_value(out, a->facets);
    vp_buf_puts(out, ",\"suggestion\":");
    if (pt->suggestion)
        ok = ok && vp_json_put_string(out, pt->suggestion, strlen(pt->suggestion));
    else
        vp_buf_puts(out, "null");
    vp_buf_puts(out, pt->corrected ? ",\"corrected\":true" : ",\"corrected\":false");
    vp_buf_puts(out, pt->relaxed ? ",\"relaxed\":true}" : ",\"relaxed\":false}");
    return ok;
}

static json_t *do_search(vp_searcher *s, const void *arg, vp_qerror *e)
{
    const search_call *call = arg;
    const vp_request *r = call->r;
    double t0 = vp_now_ms();
    vp_parsed_text pt;
    json_t *out = NULL;
    vp_buf hits_text = VP_BUF_INIT, facets_text = VP_BUF_INIT;
    answer a = {0};
    if (call->text) {
        a.hits.text = &hits_text;
        a.facets_text = &facets_text;
    } else
        a.hits.json = json_array();
    if (vp_parse_request_text(s, r, VP_READ_RANKED, &pt, e) != 0) {
        vp_parsed_text_clear(&pt);
        hits_out_clear(&a.hits);
        return NULL;
    }
    vp_snip_terms *terms = vp_query_blank(r->q) ? NULL
                           : vp_snip_terms_new(pt.query, s->db, s->stem);
    vp_colcount *cc = vp_searcher_column(s);
    int rc = cc ? search_with_column(s, cc, r, pt.query, terms, &a, e)
                : search_with_spies(s, r, pt.query, terms, &a, e);
    if (rc == 0) {
        double took_ms = (double)(long long)((vp_now_ms() - t0) * 1000) / 1000;
        if (!call->text)
            out = as_json(r, took_ms, &a, &pt);
        else {
            vp_buf_reset(call->text);
            out = as_text(r, took_ms, &a, &pt, &hits_text, call->text) ? json_true() : NULL;
            *call->total = a.total;
        }
        if (!out)
            vp_qfail(e, VP_QERR_INTERNAL, "out of memory");
    }
    hits_out_clear(&a.hits);
    vp_buf_free(&hits_text);
    vp_buf_free(&facets_text);
    json_decref(a.facets);
    vp_snip_terms_free(terms);
    vp_parsed_text_clear(&pt);
    return out;
}

json_t *vp_search(vp_searcher *s, const vp_request *r, vp_qerror *e)
{
    vp_problem_clear(e);
    if (vp_request_validate(r, e) != 0)
        return NULL;
    vp_searcher_start_request(s);
    search_call call = {r, NULL, NULL};
    return vp_searcher_with_retry(s, do_search, &call, e);
}

char *vp_search_text(vp_searcher *s, const vp_request *r, size_t *len, uint64_t *total,
                     vp_qerror *e)
{
    vp_problem_clear(e);
    if (vp_request_validate(r, e) != 0)
        return NULL;
    vp_searcher_start_request(s);
    vp_buf text = VP_BUF_INIT;
    uint64_t matched = 0;
    search_call call = {r, &text, &matched};
    json_t *done = vp_searcher_with_retry(s, do_search, &call, e);
    if (!done) {
        vp_buf_free(&text);
        return NULL;
    }
    json_decref(done);
    *len = text.len;
    if (total)
        *total = matched;
    return vp_buf_detach(&text);
}

/* ---- /facets/{name} ------------------------------------------------------------ */

typedef struct facet_arg { vp_facet f; const vp_request *r; } facet_arg;

static json_t *do_facet_values(vp_searcher *s, const void *arg, vp_qerror *e)
{
    const facet_arg *a = arg;
    vp_parsed_text pt;
    json_t *values = NULL;
    if (vp_parse_request_text(s, a->r, VP_READ_RANKED, &pt, e) == 0) {
        vp_colcount *cc = vp_searcher_column(s);
        if (cc)
            values = column_facet_json(s, cc, a->r, a->f, pt.query, NULL, a->r->prefix, e);
        else
            values = counted_everywhere(a->r, a->f)
                         ? everywhere_json(s, a->f, a->r->facet_limit, a->r->prefix, e)
                         : count_facet_alone(s, a->r, a->f, pt.query, a->r->prefix, e);
    }
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
