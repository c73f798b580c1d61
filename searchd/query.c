/*
 * query.c: the searcher: one database handle, kept at the latest revision,
 * and the three reads of the API (search, facet values, one document).
 *
 * How a request becomes a Xapian query:
 *   text    = QueryParser(q) with the stemmer named in the metadata, or
 *             MatchAll when q is empty;
 *   filters = AND over facets of (OR over that facet's values of a boolean
 *             term), plus a value range on the date slot;
 *   query   = text FILTER filters (filters never change the weights).
 * Facet counts are disjunctive: a facet that has a filter of its own is
 * counted in an extra match without that filter (from/to are the year
 * facet's own filter); the other facets are counted by spies on the main
 * match.  Every match looks at all documents (check_at_least = doccount), so
 * totals and counts are exact.  A facet counted with no text and no filter
 * but its own (browsing, or one filter) is counted over every report: that
 * match is run once per revision and its counts kept (revision_cache).
 */
#include "query.h"

#include <cmark.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dbset.h"
#include "document.h"
#include "expand.h"
#include "facets.h"
#include "schema.h"
#include "spelling.h"
#include "sys.h"
#include "terms.h"
#include "report_json.h"
#include "text.h"
#include "xapian_c.h"

/* What one revision of the index answers the same way every time; emptied
 * when the handle moves to another revision.  Allocated once, so that a
 * copy of the searcher (replace_db) shares it. */
typedef struct revision_cache {
    vp_facet_counts *everywhere[VP_N_FACETS];   /* each facet over all reports */
} revision_cache;

struct vp_searcher {
    char *db_path;
    const vp_gazetteer *gazetteer;
    const vp_themes *themes;
    unsigned reopen_interval_ms;
    xapc_db *db;              /* NULL until opened (or after a failure) */
    xapc_db *lexicon;         /* beside a stub: meta + shards (see dbset.h) */
    vp_stub_id stub;          /* the stub file db was opened from, if any */
    bool remote;              /* some shard is remote */
    xapc_stem *stem;          /* the stemmer the index was built with */
    vp_spell_cache *spell;    /* words' spelling suggestions at this revision */
    revision_cache *cache;
    double last_check_ms;
    bool modified;            /* the last failure was DatabaseModifiedError */
    bool broken;              /* a shard failed (network): open afresh next time */
    bool timed_out;           /* ... by not answering: retrying now would wait again */
};

/* Turns a wrapper error into a request error; remembers whether a reopen
 * and retry may help. */
static int xfail(vp_searcher *s, const xapc_error *xe, vp_qerror *e, const char *what)
{
    s->modified = xe->status == XAPC_ERR_MODIFIED;
    s->timed_out = xe->status == XAPC_ERR_TIMEOUT;
    s->broken = s->broken || s->timed_out || xe->status == XAPC_ERR_NETWORK;
    switch (xe->status) {
    case XAPC_ERR_QUERY:
        return vp_qfail(e, VP_QERR_BAD_QUERY, "the query cannot be understood: %s",
                        xe->message);
    case XAPC_ERR_NOT_FOUND: case XAPC_ERR_OPENING: case XAPC_ERR_MODIFIED:
    case XAPC_ERR_CORRUPT: case XAPC_ERR_NETWORK: case XAPC_ERR_TIMEOUT: case XAPC_ERR_IO:
    case XAPC_ERR_LOCKED:
        return vp_qfail(e, VP_QERR_UNAVAILABLE, "the index is unavailable (%s: %s)",
                        what, xe->message);
    default:
        return vp_qfail(e, VP_QERR_INTERNAL, "%s failed: %s", what, xe->message);
    }
}

/* ---- opening and reopening --------------------------------------------- */

vp_searcher *vp_searcher_new(const vp_searcher_config *cfg)
{
    vp_searcher *s = calloc(1, sizeof *s);
    if (!s || !(s->db_path = strdup(cfg->db_path))) {
        free(s);
        return NULL;
    }
    s->spell = vp_spell_cache_new();
    s->cache = calloc(1, sizeof *s->cache);
    if (!s->spell || !s->cache) {
        vp_spell_cache_free(s->spell);
        free(s->cache);
        free(s->db_path);
        free(s);
        return NULL;
    }
    s->gazetteer = cfg->gazetteer;
    s->themes = cfg->themes;
    s->reopen_interval_ms = cfg->reopen_interval_ms;
    return s;
}

static void forget_counts(vp_searcher *s)
{
    for (int f = 0; f < VP_N_FACETS; f++) {
        vp_facet_counts_free(s->cache->everywhere[f]);
        s->cache->everywhere[f] = NULL;
    }
}

/* A new revision may spell otherwise and count otherwise. */
static void forget_revision(vp_searcher *s)
{
    vp_spell_cache_clear(s->spell);
    forget_counts(s);
}

static void close_db(vp_searcher *s)
{
    xapc_stem_free(s->stem);
    vp_dbset set = {s->db, s->lexicon, s->stub, s->remote};
    vp_dbset_close(&set);
    s->stem = NULL;
    s->db = s->lexicon = NULL;
    s->broken = false;
}

/* Metadata, spelling, synonyms and term counts: the lexicon beside a stub
 * (remote shards carry none of the first three), else db. */
static const xapc_db *lexicon(const vp_searcher *s)
{
    return s->lexicon ? s->lexicon : s->db;
}

void vp_searcher_free(vp_searcher *s)
{
    if (!s)
        return;
    close_db(s);
    forget_counts(s);
    vp_spell_cache_free(s->spell);
    free(s->cache);
    free(s->db_path);
    free(s);
}

/* The stemmer named in the metadata (meta's, beside a stub); a hand-made
 * stub of remote shards has none, and there the schema's default is all we
 * can know. */
static int load_stemmer(vp_searcher *s, vp_qerror *e)
{
    xapc_error xe;
    xapc_error_clear(&xe);
    char *name = xapc_db_get_metadata(lexicon(s), VP_META_STEMMER, &xe);
    if (!name && xe.status != XAPC_OK)
        return xfail(s, &xe, e, "reading the stemmer name");
    xapc_stem *stem = xapc_stem_new_memo(name && *name ? name : VP_DEFAULT_STEMMER, &xe);
    free(name);
    if (!stem)
        return vp_qfail(e, VP_QERR_UNAVAILABLE, "the index names a stemmer this "
                        "Xapian does not know: %s", xe.message);
    xapc_stem_free(s->stem);
    s->stem = stem;
    return 0;
}

/* The handle is at a revision this searcher has not seen. */
static int new_revision(vp_searcher *s, vp_qerror *e)
{
    forget_revision(s);
    return load_stemmer(s, e);
}

/* An index written for another schema (an older indexer: no sort keys) is
 * refused until the indexer has re-indexed it, which its next normal run
 * does (the schema version is part of the data hash).  A hand-made stub of
 * remote shards records no version: nothing to check. */
static int check_schema(vp_searcher *s, vp_qerror *e)
{
    xapc_error xe;
    xapc_error_clear(&xe);
    char *version = xapc_db_get_metadata(lexicon(s), VP_META_SCHEMA, &xe);
    if (!version && xe.status != XAPC_OK)
        return xfail(s, &xe, e, "reading the schema version");
    int rc = 0;
    if (version && *version && strcmp(version, VP_SCHEMA_VERSION) != 0)
        rc = vp_qfail(e, VP_QERR_UNAVAILABLE, "the index at %s has schema version %.20s "
                      "and this program reads version " VP_SCHEMA_VERSION ": run the "
                      "indexer on it (a normal run re-indexes every report)",
                      s->db_path, version);
    free(version);
    return rc;
}

static int open_db(vp_searcher *s, vp_qerror *e)
{
    vp_dbset set;
    char msg[400];
    if (vp_dbset_open(&set, s->db_path, msg, sizeof msg) != 0)
        return vp_qfail(e, VP_QERR_UNAVAILABLE, "the index at %s cannot be opened: %s",
                        s->db_path, msg);
    s->db = set.db;
    s->lexicon = set.lexicon;
    s->stub = set.stub;
    s->remote = set.remote;
    s->last_check_ms = vp_now_ms();
    if (check_schema(s, e) != 0 || new_revision(s, e) != 0) {
        close_db(s);
        return -1;
    }
    return 0;
}

/* Opens the index afresh beside the open one and swaps it in.  When that
 * fails and the old set still works (a new stub naming a shard that is not
 * up yet), the old set stays in use and no request fails. */
static int replace_db(vp_searcher *s, vp_qerror *e)
{
    vp_searcher old = *s;
    s->db = s->lexicon = NULL;
    s->stem = NULL;
    if (open_db(s, e) == 0 || old.broken) {
        close_db(&old);
        return s->db ? 0 : -1;
    }
    *s = old;
    s->last_check_ms = vp_now_ms();
    return 0;
}

static int reopen_db(vp_searcher *s, vp_qerror *e)
{
    xapc_error xe;
    xapc_error_clear(&xe);
    bool changed = false;
    s->last_check_ms = vp_now_ms();
    /* Xapian's reopen() does not re-read a stub: a new stub is a new set. */
    if (vp_dbset_stub_changed(&(vp_dbset){.stub = s->stub}, s->db_path))
        return replace_db(s, e);
    if (xapc_db_reopen(s->db, &changed, &xe) != XAPC_OK ||
        (s->lexicon && xapc_db_reopen(s->lexicon, NULL, &xe) != XAPC_OK)) {
        /* A shard that does not answer would make opening afresh wait out
         * the timeout again: fail now, reconnect on the next request. */
        if (xe.status == XAPC_ERR_TIMEOUT)
            return xfail(s, &xe, e, "reopening the index");
        /* The database may have been replaced under us: start afresh. */
        close_db(s);
        return open_db(s, e);
    }
    return changed ? new_revision(s, e) : 0;
}

int vp_searcher_refresh(vp_searcher *s, vp_qerror *e)
{
    if (!s->db)
        return open_db(s, e);
    if (s->broken)      /* a shard failed: reconnect (a clear 503 while it is down) */
        return replace_db(s, e);
    if (vp_now_ms() - s->last_check_ms >= s->reopen_interval_ms)
        return reopen_db(s, e);
    return 0;
}

int vp_searcher_stats(vp_searcher *s, unsigned *documents,
                      unsigned long long *revision, vp_qerror *e)
{
    if (vp_searcher_refresh(s, e) != 0)
        return -1;
    xapc_error xe;
    xapc_error_clear(&xe);
    *documents = xapc_db_doccount(s->db, &xe);
    if (xe.status != XAPC_OK)
        return xfail(s, &xe, e, "counting documents");
    *revision = xapc_db_revision(s->db, &xe);  /* 0 for shards: not an error */
    return 0;
}

/* Runs fn; after a DatabaseModifiedError reopens and runs it once more. */
typedef json_t *(*read_fn)(vp_searcher *s, const void *arg, vp_qerror *e);

static json_t *with_retry(vp_searcher *s, read_fn fn, const void *arg, vp_qerror *e)
{
    if (vp_searcher_refresh(s, e) != 0)
        return NULL;
    s->modified = s->timed_out = false;
    json_t *out = fn(s, arg, e);
    if (out || (!s->modified && !s->broken) || s->timed_out)
        return out;
    /* A shard server that restarted closed our connection to it: one
     * reconnection answers this request (a shard still down fails fast).
     * Not after a timeout: a shard that is alive but not answering would
     * make this request wait out the timeout once more; the next request
     * reconnects. */
    if ((s->broken ? replace_db(s, e) : reopen_db(s, e)) != 0)
        return NULL;
    s->modified = false;
    return fn(s, arg, e);
}

/* ---- building the query -------------------------------------------------- */

/* Spelling correction is not among them: asking for it costs more than the
 * match itself (it looks up every word's neighbours in the spelling table),
 * so it is asked for only when a query finds few reports (see
 * add_spelling). */
static const unsigned parse_flags =
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
              xapc_qp_set_database(qp, lexicon(s), &xe) == XAPC_OK &&
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
        xfail(s, &xe, e, "setting up the query parser");
        xapc_qp_free(qp);
        return NULL;
    }
    return qp;
}

static bool blank(const char *q)
{
    return !q || q[strspn(q, " \t\r\n")] == '\0';
}

/* The free-text part; MatchAll for an empty q. */
static xapc_query *parse_text(vp_searcher *s, xapc_qp *qp, const char *q, vp_qerror *e)
{
    xapc_error xe;
    xapc_error_clear(&xe);
    xapc_query *text = blank(q) ? xapc_query_match_all(&xe)
                                : xapc_qp_parse(qp, q, parse_flags, "", &xe);
    if (!text)
        xfail(s, &xe, e, "parsing the query");
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
    xapc_query **terms = calloc(values->len, sizeof *terms);
    xapc_query *any = NULL;
    bool ok = terms != NULL;
    for (size_t i = 0; ok && i < values->len; i++) {
        char *term = filter_term(s, f, values->items[i]);
        ok = term && (terms[i] = xapc_query_term(term, 1, 0, &xe)) != NULL;
        free(term);
    }
    if (ok)
        any = xapc_query_combine(XAPC_OP_OR, (const xapc_query *const *)terms,
                                 values->len, 0, &xe);
    if (!any)
        xe.status != XAPC_OK ? xfail(s, &xe, e, "building a filter")
                             : vp_qfail(e, VP_QERR_INTERNAL, "out of memory");
    for (size_t i = 0; terms && i < values->len; i++)
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
        xfail(s, &xe, e, "building the date range");
    return q;
}

static bool has_own_filter(const vp_request *r, vp_facet f)
{
    if (f == VP_FACET_YEAR)
        return r->from || r->to;
    return r->filters[f].len > 0;
}

/* text FILTER (every filter but skip's own); skip = VP_N_FACETS keeps all. */
static xapc_query *build_query(vp_searcher *s, const vp_request *r, vp_facet skip,
                               const xapc_query *text, vp_qerror *e)
{
    xapc_query *parts[1 + VP_N_FACETS] = {0};
    size_t n = 0;
    bool ok = true;
    for (int f = 0; ok && f < VP_N_FACETS; f++) {
        if ((vp_facet)f == skip || !has_own_filter(r, (vp_facet)f))
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
            xfail(s, &xe, e, "combining the query");
    }
    for (size_t i = 1; i <= n; i++)
        xapc_query_free(parts[i]);
    return q;
}

/* ---- running it ------------------------------------------------------------ */

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
    xfail(s, &xe, e, "counting facets");
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

/* An enquire over q with sorting, or NULL with e set. */
static xapc_enquire *make_enquire(vp_searcher *s, const xapc_query *q, vp_sort sort,
                                  vp_qerror *e)
{
    xapc_error xe;
    xapc_error_clear(&xe);
    xapc_enquire *enq = xapc_enquire_new(s->db, &xe);
    bool ok = enq && xapc_enquire_set_query(enq, q, &xe) == XAPC_OK;
    /* The key is unique (date, then id): ties on a date come in id order,
     * the same in /search and in /export's key ranges. */
    if (ok && sort == VP_SORT_DATE)
        ok = xapc_enquire_sort_by_value(enq, VP_SLOT_SORTKEY, true, false, &xe) == XAPC_OK;
    if (ok && sort == VP_SORT_DATE_ASC)
        ok = xapc_enquire_sort_by_value(enq, VP_SLOT_SORTKEY, false, false, &xe) == XAPC_OK;
    if (!ok) {
        xfail(s, &xe, e, "preparing the match");
        xapc_enquire_free(enq);
        return NULL;
    }
    return enq;
}

static uint32_t doccount(vp_searcher *s, vp_qerror *e, bool *ok)
{
    xapc_error xe;
    xapc_error_clear(&xe);
    uint32_t n = xapc_db_doccount(s->db, &xe);
    *ok = xe.status == XAPC_OK;
    if (!*ok)
        xfail(s, &xe, e, "counting documents");
    return n;
}

/* ---- counts over every report ----------------------------------------------- */

/* Whether facet f is counted over every report: no text, and no filter but
 * f's own (which its disjunctive count leaves out).  That is what browsing
 * shows, and the filtered facet of a search by one filter: at 100k reports
 * a match over all of them for each such request. */
static bool counted_everywhere(const vp_request *r, vp_facet f)
{
    if (!blank(r->q))
        return false;
    for (int g = 0; g < VP_N_FACETS; g++)
        if ((vp_facet)g != f && has_own_filter(r, (vp_facet)g))
            return false;
    return true;
}

/* Counts every facet over all reports into the revision cache: one match
 * (relevance order, which remote shards count exactly) with a spy each. */
static int count_everywhere(vp_searcher *s, vp_qerror *e)
{
    bool ok;
    uint32_t all = doccount(s, e, &ok);
    if (!ok)
        return -1;
    xapc_error xe;
    xapc_error_clear(&xe);
    xapc_query *q = xapc_query_match_all(&xe);
    if (!q)
        return xfail(s, &xe, e, "counting facets");
    forget_counts(s);
    xapc_enquire *enq = make_enquire(s, q, VP_SORT_RELEVANCE, e);
    xapc_query_free(q);
    if (!enq)
        return -1;
    xapc_spy *spies[VP_N_FACETS] = {0};
    for (int f = 0; ok && f < VP_N_FACETS; f++)
        ok = (spies[f] = add_facet_spy(s, enq, (vp_facet)f, &xe)) != NULL;
    xapc_mset *mset = ok ? xapc_enquire_get_mset(enq, 0, 0, all, &xe) : NULL;
    int rc = mset ? 0 : xfail(s, &xe, e, "counting facets over all reports");
    for (int f = 0; rc == 0 && f < VP_N_FACETS; f++)
        if (!(s->cache->everywhere[f] = spy_counts(s, spies[f], e)))
            rc = -1;
    if (rc != 0)
        forget_counts(s);
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
    bool ok;
    uint32_t all = doccount(s, e, &ok);
    xapc_query *q = ok ? build_query(s, r, f, text, e) : NULL;
    xapc_enquire *enq = q ? make_enquire(s, q, VP_SORT_RELEVANCE, e) : NULL;
    xapc_error xe;
    xapc_error_clear(&xe);
    xapc_spy *spy = enq ? add_facet_spy(s, enq, f, &xe) : NULL;
    xapc_mset *mset = spy ? xapc_enquire_get_mset(enq, 0, 0, all, &xe) : NULL;
    json_t *out = NULL;
    if (mset)
        out = spy_json(s, spy, f, r->facet_limit, prefix, e);
    else if (enq)
        xfail(s, &xe, e, "counting a facet");
    xapc_mset_free(mset);
    xapc_enquire_free(enq);
    xapc_query_free(q);
    return out;
}

static vp_sort effective_sort(const vp_request *r)
{
    if (r->sort != VP_SORT_DEFAULT)
        return r->sort;
    return blank(r->q) ? VP_SORT_DATE : VP_SORT_RELEVANCE;
}

/* The parsed text query, the spelling suggestion (NULL when none),
 * whether the query run is the suggestion's (corrected), and whether it is
 * the relaxed one, which does not ask for every word (expand.h). */
typedef struct parsed_text {
    xapc_query *query;
    char *suggestion;
    bool corrected;
    bool relaxed;
    vp_expansion x;           /* a plain query's reading (all NULL otherwise) */
} parsed_text;

/* A plain query read by expand.h: x->all replaces *query.  Otherwise (not
 * plain) *query stays the parser's.  false with e set on failure. */
static bool widen(vp_searcher *s, xapc_qp *qp, const char *text, xapc_query **query,
                  vp_expansion *x, vp_qerror *e)
{
    xapc_error xe;
    vp_expand_ctx ctx = {qp, parse_flags, lexicon(s), s->stem, s->themes};
    vp_expansion_clear(x);
    int rc = vp_expand(&ctx, text, x, &xe);
    if (rc < 0) {
        xfail(s, &xe, e, "expanding the query");
        return false;
    }
    if (rc == 1) {
        xapc_query_free(*query);
        *query = xapc_query_clone(x->all, &xe);
        if (!*query) {
            xfail(s, &xe, e, "expanding the query");
            return false;
        }
    }
    return true;
}

/* The number of reports q matches, counted up to at most limit; false with
 * e set when the index fails (the search itself would fail the same way). */
static bool matches_up_to(vp_searcher *s, const xapc_query *q, uint32_t limit,
                          uint32_t *n, vp_qerror *e)
{
    xapc_error xe;
    xapc_error_clear(&xe);
    xapc_enquire *enq = xapc_enquire_new(s->db, &xe);
    xapc_mset *mset = enq && xapc_enquire_set_query(enq, q, &xe) == XAPC_OK
                          ? xapc_enquire_get_mset(enq, 0, 0, limit, &xe) : NULL;
    if (mset)
        *n = xapc_mset_matches_lower_bound(mset);
    else
        xfail(s, &xe, e, "counting the matches");
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
                         parsed_text *pt, vp_qerror *e)
{
    uint32_t found = 0;
    if (!matches_up_to(s, pt->query, VP_SUGGEST_BELOW, &found, e))
        return false;
    if (found >= VP_SUGGEST_BELOW || !(pt->suggestion = vp_spelling_of(s->spell, lexicon(s), qp, text, parse_flags)))
        return true;
    if (found > 0)
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
 * reports under the request's filters runs relaxed: the groups tiered by
 * how many of them a report matches (expand.h). */
static bool relax(vp_searcher *s, const vp_request *r, parsed_text *pt, vp_qerror *e)
{
    if (!pt->x.some)
        return true;
    xapc_query *filtered = build_query(s, r, VP_N_FACETS, pt->query, e);
    uint32_t found = 0;
    bool ok = filtered && matches_up_to(s, filtered, VP_EXPAND_RELAX_BELOW, &found, e);
    xapc_query_free(filtered);
    if (!ok || found >= VP_EXPAND_RELAX_BELOW)
        return ok;
    xapc_error xe;
    xapc_query *some = xapc_query_clone(pt->x.some, &xe);
    if (!some)
        return xfail(s, &xe, e, "relaxing the query") == 0;
    xapc_query_free(pt->query);
    pt->query = some;
    pt->relaxed = true;
    return true;
}

/* The reports of the themes a plain query names ranked up (expand.h). */
static bool boost_themes(vp_searcher *s, parsed_text *pt, vp_qerror *e)
{
    if (!pt->x.themes)
        return true;
    xapc_error xe;
    const xapc_query *both[2] = {pt->query, pt->x.themes};
    xapc_query *boosted = xapc_query_combine(XAPC_OP_AND_MAYBE, both, 2, 0, &xe);
    if (!boosted)
        return xfail(s, &xe, e, "ranking by theme") == 0;
    xapc_query_free(pt->query);
    pt->query = boosted;
    return true;
}

static int parse_request_text(vp_searcher *s, const vp_request *r, parsed_text *pt,
                              vp_qerror *e)
{
    memset(pt, 0, sizeof *pt);
    xapc_qp *qp = make_parser(s, e);
    if (!qp)
        return -1;
    pt->query = parse_text(s, qp, r->q, e);
    if (pt->query && !blank(r->q) &&
        (!widen(s, qp, r->q, &pt->query, &pt->x, e) || !add_spelling(s, qp, r->q, pt, e) ||
         !relax(s, r, pt, e) || !boost_themes(s, pt, e))) {
        xapc_query_free(pt->query);
        pt->query = NULL;
    }
    xapc_qp_free(qp);
    return pt->query ? 0 : -1;
}

static void parsed_text_clear(parsed_text *pt)
{
    xapc_query_free(pt->query);
    free(pt->suggestion);
    vp_expansion_clear(&pt->x);
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
    bool ok;
    uint32_t all = doccount(s, e, &ok);
    xapc_query *q = ok ? build_query(s, r, VP_N_FACETS, text, e) : NULL;
    m->enq = q ? make_enquire(s, q, effective_sort(r), e) : NULL;
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
        if (has_own_filter(r, (vp_facet)f) || !spies_exact ||
            (counted_everywhere(r, (vp_facet)f) && s->cache->everywhere[f]))
            continue;   /* counted in a match of its own, or known at this revision */
        m->spies[f] = add_facet_spy(s, m->enq, (vp_facet)f, &xe);
        if (!m->spies[f])
            return xfail(s, &xe, e, "adding a facet counter");
    }
    m->mset = xapc_enquire_get_mset(m->enq, (r->page - 1) * r->per_page, r->per_page,
                                    all, &xe);
    return m->mset ? 0 : xfail(s, &xe, e, "running the search");
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
                xfail(s, &xe, e, "reading a result");
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
    parsed_text pt;
    main_match m;
    json_t *out = NULL, *hits = NULL, *facets = NULL;
    if (parse_request_text(s, r, &pt, e) != 0) {
        parsed_text_clear(&pt);
        return NULL;
    }
    if (run_main_match(s, r, pt.query, &m, e) == 0 &&
        (hits = hits_json(s, &m, !blank(r->q), e)) != NULL &&
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
    parsed_text_clear(&pt);
    return out;
}

json_t *vp_search(vp_searcher *s, const vp_request *r, vp_qerror *e)
{
    e->kind = VP_QERR_NONE;
    e->message[0] = '\0';
    if (vp_request_validate(r, e) != 0)
        return NULL;
    return with_retry(s, do_search, r, e);
}

/* ---- /facets/{name} ------------------------------------------------------------ */

typedef struct facet_arg { vp_facet f; const vp_request *r; } facet_arg;

static json_t *do_facet_values(vp_searcher *s, const void *arg, vp_qerror *e)
{
    const facet_arg *a = arg;
    parsed_text pt;
    json_t *values = NULL;
    if (parse_request_text(s, a->r, &pt, e) == 0)
        values = counted_everywhere(a->r, a->f)
                     ? everywhere_json(s, a->f, a->r->facet_limit, a->r->prefix, e)
                     : count_facet_alone(s, a->r, a->f, pt.query, a->r->prefix, e);
    parsed_text_clear(&pt);
    if (!values)
        return NULL;
    return json_pack("{s:s,s:s,s:o}", "facet", vp_facet_name(a->f),
                     "prefix", a->r->prefix ? a->r->prefix : "", "values", values);
}

json_t *vp_facet_values(vp_searcher *s, vp_facet f, const vp_request *r, vp_qerror *e)
{
    e->kind = VP_QERR_NONE;
    e->message[0] = '\0';
    if (vp_request_validate(r, e) != 0)
        return NULL;
    facet_arg a = {f, r};
    return with_retry(s, do_facet_values, &a, e);
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
            xfail(s, &xe, e, "looking up the document");
        else
            vp_qfail(e, VP_QERR_NOT_FOUND, "no report with id '%.200s'", id);
        return NULL;
    }
    size_t len = 0;
    char *data = xapc_db_document_data_len(s->db, did, &len, &xe);
    if (!data) {
        xfail(s, &xe, e, "reading the document");
        return NULL;
    }
    json_t *out = vp_document_json(data, len, e);
    free(data);
    return out;
}

json_t *vp_document_get(vp_searcher *s, const char *id, vp_qerror *e)
{
    e->kind = VP_QERR_NONE;
    e->message[0] = '\0';
    if (!*id || !vp_utf8_valid(id, strlen(id), NULL) || strlen(id) > 1000) {
        vp_qfail(e, VP_QERR_NOT_FOUND, "no report with that id");
        return NULL;
    }
    return with_retry(s, do_document, id, e);
}

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
        return xfail(it->s, &xe, e, "reading the matches");
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
    if (q && xapc_enquire_set_query(it->enq, q, &xe) == XAPC_OK)
        it->mset = xapc_enquire_get_mset(it->enq, 0, it->batch, check_at_least, &xe);
    xapc_query_free(q);
    if (!it->mset)
        return xfail(it->s, &xe, e, "reading the matches");
    it->next = 0;
    if (it->last_key && xapc_mset_size(it->mset) > 0) {
        xapc_docid first = xapc_mset_docid(it->mset, 0, &xe);
        if (xe.status != XAPC_OK)
            return xfail(it->s, &xe, e, "reading the matches");
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
    it->mset = NULL;
    it->enq = NULL;
    it->query = NULL;
    it->last_key = NULL;
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
    parsed_text pt;
    bool ok;
    uint32_t all = doccount(s, e, &ok);
    if (ok && parse_request_text(s, a->r, &pt, e) == 0)
        it->query = build_query(s, a->r, VP_N_FACETS, pt.query, e);
    if (ok)
        parsed_text_clear(&pt);
    it->enq = it->query ? make_enquire(s, it->query, it->descending ? VP_SORT_DATE
                                                                    : VP_SORT_DATE_ASC, e)
                        : NULL;
    if (!it->enq || fetch_batch(it, all, e) != 0)
        return NULL;
    it->total = xapc_mset_matches_estimated(it->mset);
    return json_true();
}

vp_match_iter *vp_match_iter_new(vp_searcher *s, const vp_request *r, vp_qerror *e)
{
    e->kind = VP_QERR_NONE;
    e->message[0] = '\0';
    if (vp_request_validate(r, e) != 0)
        return NULL;
    if (r->sort == VP_SORT_RELEVANCE) {
        vp_qfail(e, VP_QERR_BAD_PARAMETER, VP_EXPORT_SORT_MESSAGE);
        return NULL;
    }
    vp_match_iter *it = calloc(1, sizeof *it);
    if (!it) {
        vp_qfail(e, VP_QERR_INTERNAL, "out of memory");
        return NULL;
    }
    it->s = s;
    it->has_text = !blank(r->q);
    it->descending = r->sort != VP_SORT_DATE_ASC;
    it->batch = batch_size();
    iter_arg a = {it, r};
    json_t *ok = with_retry(s, start_match_iter, &a, e);
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

void vp_match_iter_free(vp_match_iter *it)
{
    if (!it)
        return;
    match_iter_reset(it);
    free(it);
}

/* ---- counting by value slots (/trends) -------------------------------------------- */

/* text FILTER filters FILTER date in [lo, hi] (dated reports only). */
static xapc_query *dated_query(vp_searcher *s, const vp_request *r, const char *lo,
                               const char *hi, vp_qerror *e)
{
    parsed_text pt;
    if (parse_request_text(s, r, &pt, e) != 0) {
        parsed_text_clear(&pt);
        return NULL;
    }
    xapc_query *filtered = build_query(s, r, VP_N_FACETS, pt.query, e);
    parsed_text_clear(&pt);
    xapc_error xe;
    xapc_error_clear(&xe);
    xapc_query *range = filtered ? xapc_query_value_range(VP_SLOT_DATE, lo, hi, &xe) : NULL;
    const xapc_query *both[2] = {filtered, range};
    xapc_query *q = range ? xapc_query_combine(XAPC_OP_FILTER, both, 2, 0, &xe) : NULL;
    if (!q && filtered)
        xfail(s, &xe, e, "building the date range");
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
    bool ok;
    uint32_t all = doccount(s, e, &ok);
    if (!ok)
        return -1;
    xapc_error xe;
    xapc_error_clear(&xe);
    for (size_t i = 0; i < n_slots; i++)
        if (!(spies[i] = xapc_enquire_add_value_count_spy(enq, slots[i], &xe)))
            return xfail(s, &xe, e, "adding a value counter");
    xapc_mset *mset = xapc_enquire_get_mset(enq, 0, 0, all, &xe);
    if (!mset)
        return xfail(s, &xe, e, "counting");
    xapc_mset_free(mset);
    for (size_t i = 0; i < n_slots; i++) {
        count_forward f = {fn, ctx, i};
        if (xapc_spy_foreach(spies[i], forward_count, &f, &xe) != XAPC_OK)
            return xe.status != XAPC_OK ? xfail(s, &xe, e, "reading a value counter")
                                        : vp_qfail(e, VP_QERR_INTERNAL, "out of memory");
    }
    return 0;
}

int vp_count_values(vp_searcher *s, const vp_request *r, const char *lo, const char *hi,
                    const xapc_slot *slots, size_t n_slots, vp_count_fn fn, void *ctx,
                    vp_qerror *e)
{
    e->kind = VP_QERR_NONE;
    e->message[0] = '\0';
    if (vp_request_validate(r, e) != 0 || (!s->db && open_db(s, e) != 0))
        return -1;
    xapc_query *q = dated_query(s, r, lo, hi, e);
    xapc_enquire *enq = q ? make_enquire(s, q, VP_SORT_RELEVANCE, e) : NULL;
    int rc = enq ? run_spies(s, enq, slots, n_slots, fn, ctx, e) : -1;
    xapc_enquire_free(enq);
    xapc_query_free(q);
    return rc;
}
