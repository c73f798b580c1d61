/*
 * query_build.c: how a request becomes a Xapian query:
 *   text    = QueryParser(q) with the stemmer named in the metadata, or
 *             MatchAll when q is empty; a plain q read by expand.h (its
 *             groups AND'ed, each with its synonyms and forms), run as
 *             corrected when it finds nothing and the correction does
 *             (spelling.h), relaxed when every word finds fewer than
 *             VP_EXPAND_RELAX_BELOW reports under the filters, and ranked
 *             up for a theme it names;
 *   filters = AND over facets of (OR over that facet's values of a boolean
 *             term), plus a value range on the date slot;
 *   query   = text FILTER filters (filters never change the weights).
 */
#include "query_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expand.h"
#include "mem.h"
#include "schema.h"
#include "spelling.h"
#include "terms.h"

/* ---- building the query -------------------------------------------------- */

/* Spelling correction is not among them: asking for it costs more than the
 * match itself (it looks up every word's neighbours in the spelling table),
 * so it is asked for only when a query finds few reports (see
 * add_spelling). */
const unsigned vp_parse_flags =
    XAPC_QP_DEFAULT | XAPC_QP_WILDCARD | XAPC_QP_PURE_NOT |
    XAPC_QP_AUTO_SYNONYMS | XAPC_QP_AUTO_MULTIWORD_SYNONYMS;

/* A query finding fewer reports than this gets a spelling suggestion. */
enum { VP_SUGGEST_BELOW = 3 };

/* Field names a user can type, in Dutch and in English. */
static const struct { const char *field, *prefix; bool boolean; } user_fields[] = {
    {"titel", VP_PREFIX_TITLE, false},     {"title", VP_PREFIX_TITLE, false},
    {"spreker", VP_PREFIX_SPEAKER_TEXT, false}, {"speaker", VP_PREFIX_SPEAKER_TEXT, false},
    {"gemeente", VP_PREFIX_PLACE_TEXT, false},  {"municipality", VP_PREFIX_PLACE_TEXT, false},
    {"kop", VP_PREFIX_HEADING, false},
    {"thema", VP_PREFIX_THEME, true},      {"theme", VP_PREFIX_THEME, true},
};

static xapc_qp *make_parser(vp_searcher *s, vp_qerror *e)
{
    xapc_error xe;
    xapc_error_clear(&xe);
    xapc_qp *qp = xapc_qp_new(&xe);
    bool ok = qp && xapc_qp_set_stemmer(qp, s->stem, &xe) == XAPC_OK &&
              xapc_qp_set_stemming_strategy(qp, XAPC_STEM_SOME, &xe) == XAPC_OK &&
              xapc_qp_set_database(qp, vp_searcher_lexicon(s), &xe) == XAPC_OK &&
              /* AND: every word must occur, so totals and facets stay meaningful. */
              xapc_qp_set_default_op(qp, XAPC_OP_AND, &xe) == XAPC_OK &&
              /* A broad wildcard (krimp* in 100k reports) means its
               * commonest words, not an error. */
              xapc_qp_set_max_wildcard_expansion(qp, VP_MAX_WILDCARD_TERMS,
                                                 XAPC_WILDCARD_LIMIT_MOST_FREQUENT,
                                                 &xe) == XAPC_OK;
    for (size_t i = 0; ok && i < sizeof user_fields / sizeof *user_fields; i++)
        ok = (user_fields[i].boolean
                  ? xapc_qp_add_boolean_prefix(qp, user_fields[i].field, user_fields[i].prefix, &xe)
                  : xapc_qp_add_prefix(qp, user_fields[i].field, user_fields[i].prefix, &xe)) == XAPC_OK;
    if (!ok) {
        vp_searcher_fail(s, &xe, e, "setting up the query parser");
        xapc_qp_free(qp);
        return NULL;
    }
    return qp;
}

bool vp_query_blank(const char *q)
{
    return !q || q[strspn(q, " \t\r\n")] == '\0';
}

/* The free-text part; MatchAll for an empty q.  A query that asks for more
 * than a request may cost (budget.h) is refused here, before any match. */
static xapc_query *parse_text(vp_searcher *s, xapc_qp *qp, const char *q, vp_qerror *e)
{
    xapc_error xe;
    xapc_error_clear(&xe);
    xapc_query *text = vp_query_blank(q) ? xapc_query_match_all(&xe)
                                : xapc_qp_parse(qp, q, vp_parse_flags, "", &xe);
    if (!text) {
        vp_searcher_fail(s, &xe, e, "parsing the query");
    } else if (vp_budget_check_query(&s->limits, text, vp_searcher_lexicon(s), &xe, e) != 0) {
        if (xe.status != XAPC_OK)
            vp_searcher_fail(s, &xe, e, "counting the query's terms");
        xapc_query_free(text);
        return NULL;
    }
    return text;
}

/* The boolean term a filter value stands for: canonical names through the
 * gazetteer (alias -> official name; the indexer adds XM terms for each
 * successor, so a successor's term finds its predecessors' reports) and the
 * themes taxonomy (label -> slug); folded like the indexer folds. */
static char *filter_term(const vp_searcher *s, vp_facet f, const char *value)
{
    if (f == VP_FACET_MUNICIPALITY) {
        const vp_municipality *m = s->gazetteer ? vp_gazetteer_lookup(s->gazetteer, value) : NULL;
        return vp_filter_term(VP_PREFIX_MUNICIPALITY, m ? m->name : value);
    }
    if (f == VP_FACET_SPEAKER)
        return vp_filter_term(VP_PREFIX_SPEAKER, value);
    const vp_theme *t = s->themes ? vp_themes_lookup(s->themes, value) : NULL;
    return vp_filter_term(VP_PREFIX_THEME, t ? t->slug : value);
}

static xapc_query *facet_filter(vp_searcher *s, vp_facet f, const vp_strvec *values,
                                vp_qerror *e)
{
    xapc_error xe;
    xapc_error_clear(&xe);
    xapc_query **terms = vp_xcalloc(values->len, sizeof *terms);
    xapc_query *any = NULL;
    bool ok = true;
    for (size_t i = 0; ok && i < values->len; i++) {
        char *term = filter_term(s, f, values->items[i]);
        ok = (terms[i] = xapc_query_term(term, 1, 0, &xe)) != NULL;
        free(term);
    }
    if (ok)
        any = xapc_query_combine(XAPC_OP_OR, (const xapc_query *const *)terms,
                                 values->len, 0, &xe);
    if (!any)
        vp_searcher_fail(s, &xe, e, "building a filter");
    for (size_t i = 0; i < values->len; i++)
        xapc_query_free(terms[i]);
    free(terms);
    return any;
}

static xapc_query *date_filter(vp_searcher *s, const vp_request *r, vp_qerror *e)
{
    char lo[9], hi[9];
    bool has_lo = r->from && vp_date_bound(r->from, false, lo);
    bool has_hi = r->to && vp_date_bound(r->to, true, hi);
    xapc_error xe;
    xapc_error_clear(&xe);
    xapc_query *q = xapc_query_value_range(VP_SLOT_DATE, has_lo ? lo : NULL,
                                           has_hi ? hi : NULL, &xe);
    if (!q)
        vp_searcher_fail(s, &xe, e, "building the date range");
    return q;
}

bool vp_has_own_filter(const vp_request *r, vp_facet f)
{
    if (f == VP_FACET_YEAR)
        return r->from || r->to;
    return r->filters[f].len > 0;
}

/* text FILTER (every filter but skip's own); skip = VP_N_FACETS keeps all. */
xapc_query *vp_build_query(vp_searcher *s, const vp_request *r, vp_facet skip,
                           const xapc_query *text, vp_qerror *e)
{
    xapc_query *parts[1 + VP_N_FACETS] = {0};
    size_t n = 0;
    bool ok = true;
    for (int f = 0; ok && f < VP_N_FACETS; f++) {
        if ((vp_facet)f == skip || !vp_has_own_filter(r, (vp_facet)f))
            continue;
        parts[1 + n] = f == VP_FACET_YEAR ? date_filter(s, r, e)
                                          : facet_filter(s, (vp_facet)f, &r->filters[f], e);
        ok = parts[1 + n++] != NULL;
    }
    xapc_error xe;
    xapc_error_clear(&xe);
    xapc_query *q = NULL;
    if (ok) {
        parts[0] = (xapc_query *)text;   /* not freed below */
        q = n == 0 ? xapc_query_clone(text, &xe)
                   : xapc_query_combine(XAPC_OP_FILTER, (const xapc_query *const *)parts,
                                        n + 1, 0, &xe);
        if (!q)
            vp_searcher_fail(s, &xe, e, "combining the query");
    }
    for (size_t i = 1; i <= n; i++)
        xapc_query_free(parts[i]);
    return q;
}

/* An enquire over q with sorting, or NULL with e set. */
xapc_enquire *vp_make_enquire(vp_searcher *s, const xapc_query *q, vp_sort sort,
                              vp_qerror *e)
{
    xapc_error xe;
    xapc_error_clear(&xe);
    xapc_enquire *enq = xapc_enquire_new(s->db, &xe);
    bool ok = enq && xapc_enquire_set_query(enq, q, &xe) == XAPC_OK;
    /* Xapian's BM25 but for k1 (expand.h), in every order: an export in
     * date order gives each report the score /search gives it. */
    if (ok)
        ok = xapc_enquire_set_bm25(enq, VP_EXPAND_BM25_K1, 0, 1, 0.5, 0.5, &xe) == XAPC_OK;
    /* The key is unique (date, then id): ties on a date come in id order,
     * the same in /search and in /export's key ranges. */
    if (ok && sort == VP_SORT_DATE)
        ok = xapc_enquire_sort_by_value(enq, VP_SLOT_SORTKEY, true, false, &xe) == XAPC_OK;
    if (ok && sort == VP_SORT_DATE_ASC)
        ok = xapc_enquire_sort_by_value(enq, VP_SLOT_SORTKEY, false, false, &xe) == XAPC_OK;
    if (!ok)
        vp_searcher_fail(s, &xe, e, "preparing the match");
    if (!ok || vp_searcher_arm(s, enq, e) != 0) {
        xapc_enquire_free(enq);
        return NULL;
    }
    return enq;
}


/* A plain query read by expand.h: x->all replaces *query.  Otherwise (not
 * plain) *query stays the parser's.  false with e set on failure. */
static bool widen(vp_searcher *s, xapc_qp *qp, const char *text, xapc_query **query,
                  vp_expansion *x, vp_qerror *e)
{
    xapc_error xe;
    const vp_host_names *hosts = vp_searcher_host_names(s, &xe);
    if (!hosts) {
        vp_searcher_fail(s, &xe, e, "reading the host places");
        return false;
    }
    vp_expand_ctx ctx = {qp, vp_parse_flags, vp_searcher_lexicon(s), s->stem, s->themes,
                         hosts};
    vp_expansion_clear(x);
    int rc = vp_expand(&ctx, text, x, &xe);
    if (rc < 0) {
        vp_searcher_fail(s, &xe, e, "expanding the query");
        return false;
    }
    if (rc == 1) {
        xapc_query_free(*query);
        *query = xapc_query_clone(x->all, &xe);
        if (!*query) {
            vp_searcher_fail(s, &xe, e, "expanding the query");
            return false;
        }
    }
    return true;
}

/* q's matches from the counting path (docset.h), its wildcards expanded
 * as the search will expand them, so that the sets of its parts are the
 * ones the search's count then finds cached; exact, and the request's
 * deadline bounds it. */
static bool matches_counted(vp_searcher *s, vp_colcount *cc, const xapc_query *q, uint32_t *n,
                            vp_qerror *e)
{
    xapc_error xe;
    xapc_error_clear(&xe);
    xapc_query *expanded = xapc_query_expand_wildcards(q, s->db, &xe);
    roaring_bitmap_t *set = expanded
        ? vp_docsets_eval(s->cache->sets, s->db, vp_colcount_column(cc), expanded, s->deadline,
                          &xe)
        : NULL;
    xapc_query_free(expanded);
    if (!set)
        return vp_searcher_fail(s, &xe, e, "counting the matches") == 0;
    uint64_t found = roaring_bitmap_get_cardinality(set);
    *n = found > UINT32_MAX ? UINT32_MAX : (uint32_t)found;
    vp_docset_free(set);
    return true;
}

/* The number of reports q matches, counted up to at least limit; false
 * with e set when the index fails (the search itself would fail the same
 * way).  Where the search counts over the facet column the count is the
 * counting path's (the search reuses its sets); elsewhere Xapian's
 * matcher stops at limit. */
static bool matches_up_to(vp_searcher *s, const xapc_query *q, uint32_t limit,
                          uint32_t *n, vp_qerror *e)
{
    vp_colcount *cc = vp_searcher_column(s);
    if (cc)
        return matches_counted(s, cc, q, n, e);
    xapc_error xe;
    xapc_error_clear(&xe);
    xapc_enquire *enq = xapc_enquire_new(s->db, &xe);
    if (enq && vp_searcher_arm(s, enq, e) != 0) {
        xapc_enquire_free(enq);
        return false;
    }
    xapc_mset *mset = enq && xapc_enquire_set_query(enq, q, &xe) == XAPC_OK
                          ? xapc_enquire_get_mset(enq, 0, 0, limit, &xe) : NULL;
    if (mset)
        *n = xapc_mset_matches_lower_bound(mset);
    else
        vp_searcher_fail(s, &xe, e, "counting the matches");
    xapc_mset_free(mset);
    xapc_enquire_free(enq);
    return mset != NULL;
}


/* A query that finds few reports gets the suggestion the spelling table
 * offers; one that finds nothing ("samenwerkng") is run as corrected when
 * the correction finds something: a member who mistypes gets the reports,
 * and the response says so (corrected, suggestion).  A correction that
 * finds nothing either ("hoe houdt de raad grip op ...", its words unknown
 * to a small index) is dropped: the query is relaxed instead (relax()). */
static bool add_spelling(vp_searcher *s, xapc_qp *qp, const char *text,
                         vp_parsed_text *pt, vp_qerror *e)
{
    uint32_t found = 0;
    if (!matches_up_to(s, pt->query, VP_SUGGEST_BELOW, &found, e))
        return false;
    if (found >= VP_SUGGEST_BELOW)
        return true;
    pt->suggestion = vp_spelling_of(s->spell, vp_searcher_lexicon(s), qp, text, vp_parse_flags,
                                     !s->remote);
    if (!pt->suggestion || found > 0)
        return true;
    vp_expansion x = {0};
    xapc_query *fixed = parse_text(s, qp, pt->suggestion, e);
    bool ok = fixed && widen(s, qp, pt->suggestion, &fixed, &x, e) &&
              matches_up_to(s, fixed, 1, &found, e);
    if (ok && found > 0) {
        xapc_query_free(pt->query);
        vp_expansion_clear(&pt->x);
        pt->query = fixed;
        pt->x = x;
        pt->corrected = true;
        return true;
    }
    if (ok) {
        free(pt->suggestion);
        pt->suggestion = NULL;
    }
    xapc_query_free(fixed);
    vp_expansion_clear(&x);
    return ok;
}

/* A plain query whose groups all match fewer than VP_EXPAND_RELAX_BELOW
 * reports under the request's filters runs relaxed: every report with any
 * of its words, in tiers by how many (expand.h).  Only in relevance order:
 * the tiers are the point, and a list in date order lists every match, as
 * an export does. */
static bool relax(vp_searcher *s, const vp_request *r, vp_parsed_text *pt, vp_qerror *e)
{
    if (!pt->x.some || r->sort == VP_SORT_DATE || r->sort == VP_SORT_DATE_ASC)
        return true;
    xapc_query *filtered = vp_build_query(s, r, VP_N_FACETS, pt->query, e);
    uint32_t found = 0;
    bool ok = filtered && matches_up_to(s, filtered, VP_EXPAND_RELAX_BELOW, &found, e);
    xapc_query_free(filtered);
    if (!ok || found >= VP_EXPAND_RELAX_BELOW)
        return ok;
    xapc_error xe;
    xapc_query *some = xapc_query_clone(pt->x.some, &xe);
    if (!some)
        return vp_searcher_fail(s, &xe, e, "relaxing the query") == 0;
    xapc_query_free(pt->query);
    pt->query = some;
    pt->relaxed = true;
    return true;
}

/* Wildcards expanded once against every shard together: Xapian expands a
 * wildcard on each shard by that shard's own terms and frequencies, so a
 * sharded index ranked participatie* otherwise than one database (issue
 * 17).  The counting path then reads the terms' posting lists too. */
static bool expand_wildcards(vp_searcher *s, xapc_query **query, vp_qerror *e)
{
    xapc_error xe;
    xapc_error_clear(&xe);
    xapc_query *expanded = xapc_query_expand_wildcards(*query, s->db, &xe);
    if (!expanded) {
        vp_searcher_fail(s, &xe, e, "expanding a wildcard");
        return false;
    }
    xapc_query_free(*query);
    *query = expanded;
    return true;
}

/* The reports of the themes a plain query names ranked up (expand.h). */
static bool boost_themes(vp_searcher *s, vp_parsed_text *pt, vp_qerror *e)
{
    if (!pt->x.boost)
        return true;
    xapc_error xe;
    const xapc_query *both[2] = {pt->query, pt->x.boost};
    xapc_query *boosted = xapc_query_combine(XAPC_OP_AND_MAYBE, both, 2, 0, &xe);
    if (!boosted)
        return vp_searcher_fail(s, &xe, e, "ranking by theme") == 0;
    xapc_query_free(pt->query);
    pt->query = boosted;
    return true;
}

int vp_parse_request_text(vp_searcher *s, const vp_request *r, vp_reading reading,
                          vp_parsed_text *pt, vp_qerror *e)
{
    memset(pt, 0, sizeof *pt);
    xapc_qp *qp = make_parser(s, e);
    if (!qp)
        return -1;
    pt->query = parse_text(s, qp, r->q, e);
    if (pt->query && !vp_query_blank(r->q) &&
        (!widen(s, qp, r->q, &pt->query, &pt->x, e) || !add_spelling(s, qp, r->q, pt, e) ||
         (reading == VP_READ_RANKED && !relax(s, r, pt, e)) || !boost_themes(s, pt, e) ||
         !expand_wildcards(s, &pt->query, e))) {
        xapc_query_free(pt->query);
        pt->query = NULL;
    }
    xapc_qp_free(qp);
    return pt->query ? 0 : -1;
}

void vp_parsed_text_clear(vp_parsed_text *pt)
{
    xapc_query_free(pt->query);
    free(pt->suggestion);
    vp_expansion_clear(&pt->x);
}
