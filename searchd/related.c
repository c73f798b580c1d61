/*
 * related.c: GET /documents/{id}/related, the reports most like one report
 * (see explore.h).
 *
 * Words.  Xapian's relevance feedback (Enquire::get_eset, the report alone
 * as the relevance set) picks the body stems that best tell the report
 * apart from the rest of the index: frequent in it, rare elsewhere; names,
 * places, compound parts and stopwords kept out (related_words.c).  The
 * stems, each weighted by its expand weight, make one OR query; its best
 * matches are candidates.
 *
 * Facets.  The reports that share a theme, a municipality (a former one
 * counted as its successor) or a speaker are candidates too, ranked by the
 * same word query, and every candidate adds to its word score what it
 * shares:
 *
 *     score = 0.60 words + 0.25 themes + 0.10 municipalities + 0.05 speakers
 *
 * words is the word query's weight relative to the best candidate's, themes
 * the overlap of the two theme sets (Jaccard), municipalities and speakers
 * the shared ones weighted by their rarity, log(N/df) / log N, so that the
 * association's chair, who opens half the days, says little (saturating at
 * 2 municipalities' or 1 speaker's worth).  Words lead because a report's
 * subject is in its text; the facets break ties between reports on the
 * same subject and bring in the ones the text alone misses.  The weights
 * were set by that reasoning before the judged list of tests/explore was
 * scored, and not tuned on it.
 *
 * Near-duplicates.  Two reports whose body stems overlap by
 * VP_NEAR_DUPLICATE (Jaccard) or more are one report twice (a copy under
 * another id, a corrected version): a near-duplicate of the report is never
 * shown, and of two near-duplicates of each other only the better one.
 */
#include "explore.h"
#include "query_internal.h"
#include "related_words.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "document.h"
#include "mem.h"
#include "params.h"
#include "schema.h"
#include "strset.h"
#include "terms.h"
#include "text.h"

#define ESET_TERMS        40     /* stems of the word query */
#define CANDIDATES        50     /* matches read from each candidate query */
#define SHOWN_WORDS       4      /* shared words a result names */
#define VP_NEAR_DUPLICATE 0.7    /* Jaccard of body stems: the same report (distinct
                                    reports of corpus/ reach 0.29) */

static const double W_WORDS = 0.60, W_THEMES = 0.25, W_PLACES = 0.10, W_SPEAKERS = 0.05;

/* ---- the limit --------------------------------------------------------------------- */

int vp_related_limit(const char *text, unsigned *limit, vp_qerror *e)
{
    *limit = VP_RELATED_DEFAULT;
    if (!text)
        return 0;
    char *end = NULL;
    long n = strtol(text, &end, 10);
    if (!*text || *end || n < 1 || n > VP_RELATED_MAX || text[0] == '+' || text[0] == ' ')
        return vp_qfail(e, VP_QERR_BAD_PARAMETER, "limit must be a whole number from 1 to %d, "
                        "not '%.40s'", VP_RELATED_MAX, text);
    *limit = (unsigned)n;
    return 0;
}

int vp_related_params(const char *query, unsigned *limit, vp_qerror *e)
{
    vp_params p;
    *limit = VP_RELATED_DEFAULT;
    if (vp_params_parse(query, &p, e) != 0)
        return -1;
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < p.len; i++) {
        if (strcmp(p.items[i].key, "limit") != 0)
            rc = vp_qfail(e, VP_QERR_BAD_PARAMETER, "unknown parameter '%.60s' (related "
                          "reports take limit)", p.items[i].key);
        else if (i > 0 && vp_params_get(&p, "limit") != p.items[i].value)
            rc = vp_qfail(e, VP_QERR_BAD_PARAMETER, "parameter 'limit' is given more than once");
        else
            rc = vp_related_limit(p.items[i].value, limit, e);
    }
    vp_params_clear(&p);
    return rc;
}

static double jaccard(const vp_strset *a, const vp_strset *b)
{
    size_t na = vp_strset_size(a), nb = vp_strset_size(b), both = 0;
    if (na + nb == 0)
        return 0;
    const vp_strset *small = na <= nb ? a : b, *large = na <= nb ? b : a;
    for (size_t id = 0; id < vp_strset_size(small); id++) {
        size_t len;
        const char *key = vp_strset_key(small, id, &len);
        both += vp_strset_find(large, key, len) != VP_STRSET_NONE;
    }
    return (double)both / (double)(na + nb - both);
}

/* ---- one request's state ----------------------------------------------------------------- */

typedef struct candidate {
    xapc_docid did;
    double words;               /* the word query's weight */
    double score;
    vp_strvec themes, places, speakers;   /* shared with the report */
    double place_rarity, speaker_rarity;
} candidate;

typedef struct related_run {
    vp_searcher *s;
    unsigned limit;
    xapc_docid self;
    vp_document doc;
    vp_strvec places;           /* the report's municipalities as their current ones */
    vp_strset *self_stems;
    vp_report_words words;      /* what it is about (related_words.h) */
    candidate *cands;
    size_t n_cands, cap_cands;
    uint32_t doccount;
    xapc_error xe;
    vp_qerror *e;
} related_run;

static void candidate_clear(candidate *c)
{
    vp_strvec_clear(&c->themes);
    vp_strvec_clear(&c->places);
    vp_strvec_clear(&c->speakers);
}

static void run_clear(related_run *r)
{
    vp_document_clear(&r->doc);
    vp_strvec_clear(&r->places);
    vp_strset_free(r->self_stems);
    vp_report_words_clear(&r->words);
    for (size_t i = 0; i < r->n_cands; i++)
        candidate_clear(&r->cands[i]);
    free(r->cands);
}

static int run_fail(related_run *r, const char *what)
{
    return vp_searcher_fail(r->s, &r->xe, r->e, what);
}

/* The municipality a name stands for today: a former one's final successor,
 * else its official name, else the name as written. */
static const char *current_place(const vp_searcher *s, const char *name)
{
    const vp_municipality *m = s->gazetteer ? vp_gazetteer_lookup(s->gazetteer, name) : NULL;
    if (!m)
        return name;
    const vp_municipality *now = vp_gazetteer_final_successor(s->gazetteer, m);
    return now ? now->name : m->name;
}

static void current_places(const vp_searcher *s, const vp_strvec *names, vp_strvec *out)
{
    for (size_t i = 0; i < names->len; i++)
        vp_strvec_push_unique(out, current_place(s, names->items[i]));
}

/* Reads the report: its stored data and its body stems. */
static int read_report(related_run *r, const char *id)
{
    char *term = vp_id_term(id);
    r->self = xapc_db_find_term(r->s->db, term, &r->xe);
    free(term);
    if (!r->self)
        return r->xe.status != XAPC_OK ? run_fail(r, "looking up the report")
                                       : vp_qfail(r->e, VP_QERR_NOT_FOUND, "no report with id '%.200s'", id);
    size_t len = 0;
    char *data = xapc_db_document_data_len(r->s->db, r->self, &len, &r->xe);
    if (!data)
        return run_fail(r, "reading the report");
    char why[256];
    int rc = vp_document_from_json(data, len, &r->doc, why, sizeof why);
    free(data);
    if (rc != 0)
        return vp_qfail(r->e, VP_QERR_INTERNAL, "a stored report cannot be read: %s", why);
    current_places(r->s, &r->doc.municipalities, &r->places);
    r->self_stems = vp_strset_new();
    if (!vp_body_stems(r->s->db, r->self, r->self_stems, &r->xe))
        return run_fail(r, "reading the report's terms");
    return 0;
}

/* ---- candidates ---------------------------------------------------------------------------- */

/* OR of the expand terms, each scaled by its weight relative to the best;
 * NULL (and no error) when the report has no words worth a query. */
static xapc_query *word_query(related_run *r)
{
    uint32_t n = xapc_eset_size(r->words.eset);
    double top = n ? xapc_eset_weight(r->words.eset, 0) : 0;
    if (n == 0 || top <= 0)
        return NULL;
    xapc_query **parts = vp_xcalloc(n, sizeof *parts);
    bool ok = true;
    for (uint32_t i = 0; ok && i < n; i++) {
        xapc_query *t = xapc_query_term(xapc_eset_term(r->words.eset, i, NULL), 1, 0, &r->xe);
        parts[i] = t ? xapc_query_scale(t, xapc_eset_weight(r->words.eset, i) / top, &r->xe) : NULL;
        xapc_query_free(t);
        ok = parts[i] != NULL;
    }
    xapc_query *q = ok ? xapc_query_combine(XAPC_OP_OR, (const xapc_query *const *)parts, n, 0,
                                            &r->xe) : NULL;
    for (uint32_t i = 0; i < n; i++)
        xapc_query_free(parts[i]);
    free(parts);
    return q;
}

static xapc_query *term_query(const char *prefix, const char *value, xapc_error *xe)
{
    char *term = vp_filter_term(prefix, value);
    xapc_query *q = strlen(term) <= VP_MAX_TERM ? xapc_query_term(term, 1, 0, xe)
                                                : xapc_query_match_nothing(xe);
    free(term);
    return q;
}

/* OR of the report's facet terms: its themes, its municipalities as they
 * are today (a successor's term finds its predecessors' reports) and its
 * speakers.  NULL (and no error) when it has none. */
static xapc_query *facet_query(related_run *r)
{
    size_t n = r->doc.themes.len + r->places.len + r->doc.n_speakers, k = 0;
    if (n == 0)
        return NULL;
    xapc_query **parts = vp_xcalloc(n, sizeof *parts);
    bool ok = true;
    for (size_t i = 0; ok && i < r->doc.themes.len; i++)
        ok = (parts[k++] = term_query(VP_PREFIX_THEME, r->doc.themes.items[i], &r->xe)) != NULL;
    for (size_t i = 0; ok && i < r->places.len; i++)
        ok = (parts[k++] = term_query(VP_PREFIX_MUNICIPALITY, r->places.items[i], &r->xe)) != NULL;
    for (size_t i = 0; ok && i < r->doc.n_speakers; i++)
        ok = (parts[k++] = term_query(VP_PREFIX_SPEAKER, r->doc.speakers[i].name, &r->xe)) != NULL;
    xapc_query *q = ok ? xapc_query_combine(XAPC_OP_OR, (const xapc_query *const *)parts, k, 0,
                                            &r->xe) : NULL;
    for (size_t i = 0; i < k; i++)
        xapc_query_free(parts[i]);
    free(parts);
    return q;
}

static candidate *find_candidate(related_run *r, xapc_docid did)
{
    for (size_t i = 0; i < r->n_cands; i++)
        if (r->cands[i].did == did)
            return &r->cands[i];
    return NULL;
}

/* Adds the best CANDIDATES matches of q but the report itself. */
static int add_matches(related_run *r, const xapc_query *q)
{
    char *self_term = vp_id_term(r->doc.id);
    xapc_query *self = xapc_query_term(self_term, 1, 0, &r->xe);
    free(self_term);
    const xapc_query *parts[2] = {q, self};
    xapc_query *others = self ? xapc_query_combine(XAPC_OP_AND_NOT, parts, 2, 0, &r->xe) : NULL;
    xapc_enquire *enq = others ? xapc_enquire_new(r->s->db, &r->xe) : NULL;
    xapc_mset *m = enq && xapc_enquire_set_query(enq, others, &r->xe) == XAPC_OK
                       ? xapc_enquire_get_mset(enq, 0, CANDIDATES, 0, &r->xe) : NULL;
    for (uint32_t i = 0; m && i < xapc_mset_size(m); i++) {
        xapc_docid did = xapc_mset_docid(m, i, &r->xe);
        double w = xapc_mset_weight(m, i, &r->xe);
        if (r->xe.status != XAPC_OK)
            break;
        if (did == r->self || find_candidate(r, did))
            continue;
        VP_GROW(r->cands, r->cap_cands, r->n_cands + 1);
        r->cands[r->n_cands++] = (candidate){.did = did, .words = w};
    }
    int rc = m && r->xe.status == XAPC_OK ? 0 : run_fail(r, "finding related reports");
    xapc_mset_free(m);
    xapc_enquire_free(enq);
    xapc_query_free(others);
    xapc_query_free(self);
    return rc;
}

static int gather_candidates(related_run *r)
{
    xapc_query *words = word_query(r);
    if (!words && r->xe.status != XAPC_OK)
        return run_fail(r, "building the word query");
    xapc_query *facets = facet_query(r);
    if (!facets && r->xe.status != XAPC_OK) {
        xapc_query_free(words);
        return run_fail(r, "building the facet query");
    }
    int rc = words ? add_matches(r, words) : 0;
    if (rc == 0 && facets) {
        /* Boolean terms weigh nothing: these come in the word query's order. */
        const xapc_query *parts[2] = {facets, words};
        xapc_query *q = words ? xapc_query_combine(XAPC_OP_AND_MAYBE, parts, 2, 0, &r->xe)
                              : xapc_query_clone(facets, &r->xe);
        rc = q ? add_matches(r, q) : run_fail(r, "building the facet query");
        xapc_query_free(q);
    }
    xapc_query_free(words);
    xapc_query_free(facets);
    return rc;
}

/* ---- scores ------------------------------------------------------------------------------------- */

/* A list-valued slot of did (schema.h), decoded into out. */
static bool read_list(related_run *r, xapc_docid did, xapc_slot slot, vp_strvec *out)
{
    size_t len = 0;
    char *v = xapc_db_document_value_len(r->s->db, did, slot, &len, &r->xe);
    if (!v)
        return false;
    vp_list_decode(v, len, out);
    free(v);
    return true;
}

/* log(N/df) / log N of a facet term: 1 for a value no other report has,
 * 0 for one every report has. */
static double rarity(related_run *r, const char *prefix, const char *value)
{
    char *term = vp_filter_term(prefix, value);
    uint32_t df = strlen(term) <= VP_MAX_TERM ? xapc_db_termfreq(r->s->db, term, &r->xe) : 0;
    free(term);
    if (r->doccount < 2 || df < 1)
        return 1;
    double x = log((double)r->doccount / df) / log((double)r->doccount);
    return x < 0 ? 0 : x > 1 ? 1 : x;
}

static int score_candidate(related_run *r, candidate *c, double top_words)
{
    vp_strvec themes = VP_STRVEC_INIT, places = VP_STRVEC_INIT, names = VP_STRVEC_INIT,
              speakers = VP_STRVEC_INIT;
    bool ok = read_list(r, c->did, VP_SLOT_THEMES, &themes) &&
              read_list(r, c->did, VP_SLOT_MUNICIPALITIES, &names) &&
              read_list(r, c->did, VP_SLOT_SPEAKERS, &speakers);
    if (ok) {
        current_places(r->s, &names, &places);
        size_t in_either = r->doc.themes.len;
        for (size_t i = 0; i < themes.len; i++) {
            if (vp_strvec_contains(&r->doc.themes, themes.items[i]))
                vp_strvec_push(&c->themes, themes.items[i]);
            else
                in_either++;
        }
        for (size_t i = 0; i < places.len; i++)
            if (vp_strvec_contains(&r->places, places.items[i])) {
                vp_strvec_push(&c->places, places.items[i]);
                c->place_rarity += rarity(r, VP_PREFIX_MUNICIPALITY, places.items[i]);
            }
        for (size_t i = 0; i < speakers.len; i++)
            for (size_t j = 0; j < r->doc.n_speakers; j++)
                if (vp_fold_equal(speakers.items[i], r->doc.speakers[j].name)) {
                    vp_strvec_push(&c->speakers, speakers.items[i]);
                    c->speaker_rarity += rarity(r, VP_PREFIX_SPEAKER, speakers.items[i]);
                    break;
                }
        double theme_overlap = in_either ? (double)c->themes.len / (double)in_either : 0;
        double place = c->place_rarity / 2 > 1 ? 1 : c->place_rarity / 2;
        double speaker = c->speaker_rarity > 1 ? 1 : c->speaker_rarity;
        c->score = W_WORDS * (top_words > 0 ? c->words / top_words : 0) +
                   W_THEMES * theme_overlap + W_PLACES * place + W_SPEAKERS * speaker;
        ok = r->xe.status == XAPC_OK;
    }
    vp_strvec_clear(&themes);
    vp_strvec_clear(&places);
    vp_strvec_clear(&names);
    vp_strvec_clear(&speakers);
    return ok ? 0 : run_fail(r, "reading a related report's facets");
}

static int by_score(const void *a, const void *b)
{
    const candidate *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return x->did < y->did ? -1 : x->did > y->did;
}

/* ---- the answer ----------------------------------------------------------------------------------- */

static json_t *strvec_json(const vp_strvec *v)
{
    json_t *a = json_array();
    for (size_t i = 0; i < v->len; i++)
        json_array_append_new(a, json_string(v->items[i]));
    return a;
}

static const char *theme_label(const vp_searcher *s, const char *slug)
{
    const vp_theme *t = s->themes ? vp_themes_lookup(s->themes, slug) : NULL;
    return t ? t->label : slug;
}

static void put_list(vp_buf *b, const vp_strvec *v)
{
    for (size_t i = 0; i < v->len; i++)
        vp_buf_printf(b, "%s%s", i ? ", " : "", v->items[i]);
}

/* "zelfde thema's: Binnenstad en centrum; 3 gemeenten gemeenschappelijk;
 * zelfde spreker: Koos Janssen; woorden: leegstand, winkels". */
static char *reason_of(const vp_searcher *s, const candidate *c, const vp_strvec *words)
{
    vp_buf b = VP_BUF_INIT;
    if (c->themes.len) {
        vp_buf_puts(&b, c->themes.len == 1 ? "zelfde thema: " : "zelfde thema's: ");
        for (size_t i = 0; i < c->themes.len; i++)
            vp_buf_printf(&b, "%s%s", i ? ", " : "", theme_label(s, c->themes.items[i]));
    }
    if (c->places.len)
        vp_buf_printf(&b, "%s%zu %s gemeenschappelijk", b.len ? "; " : "", c->places.len,
                      c->places.len == 1 ? "gemeente" : "gemeenten");
    if (c->speakers.len) {
        vp_buf_puts(&b, b.len ? "; " : "");
        vp_buf_puts(&b, c->speakers.len == 1 ? "zelfde spreker: " : "zelfde sprekers: ");
        put_list(&b, &c->speakers);
    }
    if (words->len) {
        vp_buf_puts(&b, b.len ? "; woorden: " : "woorden: ");
        put_list(&b, words);
    }
    if (!b.len)
        vp_buf_puts(&b, "verwant door de tekst");
    return vp_buf_detach(&b);
}

/* The expand terms c has too, as the report writes them, best first. */
static void shared_words(const related_run *r, const vp_strset *stems, vp_strvec *out)
{
    for (uint32_t i = 0; i < xapc_eset_size(r->words.eset) && out->len < SHOWN_WORDS; i++) {
        size_t len;
        const char *t = xapc_eset_term(r->words.eset, i, &len);
        if (vp_strset_find(stems, t, len) != VP_STRSET_NONE)
            vp_strvec_push_unique(out, vp_report_words_surface(&r->words, i));
    }
}

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *result_json(related_run *r, const candidate *c, const vp_strset *stems)
{
    size_t len = 0;
    char *data = xapc_db_document_data_len(r->s->db, c->did, &len, &r->xe);
    if (!data) {
        run_fail(r, "reading a related report");
        return NULL;
    }
    vp_document d;
    char why[256];
    vp_document_init(&d);
    int rc = vp_document_from_json(data, len, &d, why, sizeof why);
    free(data);
    if (rc != 0) {
        vp_document_clear(&d);
        vp_qfail(r->e, VP_QERR_INTERNAL, "a stored report cannot be read: %s", why);
        return NULL;
    }
    vp_strvec words = VP_STRVEC_INIT, speakers = VP_STRVEC_INIT;
    shared_words(r, stems, &words);
    for (size_t i = 0; i < d.n_speakers; i++)
        vp_strvec_push_unique(&speakers, d.speakers[i].name);
    char *reason = reason_of(r->s, c, &words);
    json_t *out = json_pack("{s:s,s:s,s:o,s:o,s:o,s:o,s:o,s:f,s:s,s:{s:o,s:o,s:o,s:o}}",
                            "id", d.id ? d.id : "", "title", d.title ? d.title : "",
                            "date", str_or_null(d.date), "host", str_or_null(d.host),
                            "municipalities", strvec_json(&d.municipalities),
                            "speakers", strvec_json(&speakers), "themes", strvec_json(&d.themes),
                            "score", round(c->score * 10000) / 10000, "reason", reason,
                            "shared", "themes", strvec_json(&c->themes),
                            "municipalities", strvec_json(&c->places),
                            "speakers", strvec_json(&c->speakers), "words", strvec_json(&words));
    free(reason);
    vp_strvec_clear(&words);
    vp_strvec_clear(&speakers);
    vp_document_clear(&d);
    if (!out)
        vp_qfail(r->e, VP_QERR_INTERNAL, "out of memory");
    return out;
}

/* The best candidates in score order, near-duplicates left out. */
static json_t *choose(related_run *r)
{
    json_t *list = json_array();
    vp_strset **kept = vp_xcalloc(r->limit, sizeof *kept);
    size_t n_kept = 0;
    for (size_t i = 0; list && i < r->n_cands && n_kept < r->limit; i++) {
        vp_strset *stems = vp_strset_new();
        if (!vp_body_stems(r->s->db, r->cands[i].did, stems, &r->xe)) {
            vp_strset_free(stems);
            run_fail(r, "reading a related report's terms");
            json_decref(list);
            list = NULL;
            break;
        }
        bool twice = jaccard(stems, r->self_stems) >= VP_NEAR_DUPLICATE;
        for (size_t k = 0; !twice && k < n_kept; k++)
            twice = jaccard(stems, kept[k]) >= VP_NEAR_DUPLICATE;
        json_t *one = twice ? NULL : result_json(r, &r->cands[i], stems);
        if (!twice && (!one || json_array_append_new(list, one) != 0)) {
            json_decref(list);
            list = NULL;
        }
        if (twice || !list)
            vp_strset_free(stems);
        else
            kept[n_kept++] = stems;
    }
    for (size_t k = 0; k < n_kept; k++)
        vp_strset_free(kept[k]);
    free(kept);
    return list;
}

typedef struct related_arg {
    const char *id;
    unsigned limit;
} related_arg;

static json_t *do_related(vp_searcher *s, const void *arg, vp_qerror *e)
{
    const related_arg *a = arg;
    related_run r = {.s = s, .limit = a->limit, .e = e};
    vp_document_init(&r.doc);
    xapc_error_clear(&r.xe);
    bool ok = vp_searcher_doccount(s, &r.doccount, e) == 0;
    json_t *out = NULL;
    if (ok && read_report(&r, a->id) == 0 &&
        (vp_report_words_choose(&r.words, s, r.self, &r.doc, ESET_TERMS, &r.xe) == 0 ||
         run_fail(&r, "choosing the report's words") == 0) &&
        gather_candidates(&r) == 0) {
        double top = 0;
        for (size_t i = 0; i < r.n_cands; i++)
            top = r.cands[i].words > top ? r.cands[i].words : top;
        int rc = 0;
        for (size_t i = 0; rc == 0 && i < r.n_cands; i++)
            rc = score_candidate(&r, &r.cands[i], top);
        if (rc == 0)
            qsort(r.cands, r.n_cands, sizeof *r.cands, by_score);
        json_t *list = rc == 0 ? choose(&r) : NULL;
        if (list) {
            out = json_pack("{s:s,s:s,s:o}", "id", r.doc.id ? r.doc.id : a->id,
                            "title", r.doc.title ? r.doc.title : "", "related", list);
            if (!out)
                vp_qfail(e, VP_QERR_INTERNAL, "out of memory");
        }
    }
    run_clear(&r);
    return out;
}

json_t *vp_related(vp_searcher *s, const char *id, unsigned limit, vp_qerror *e)
{
    e->kind = VP_QERR_NONE;
    e->message[0] = '\0';
    if (!*id || strlen(id) > 1000 || !vp_utf8_valid(id, strlen(id), NULL)) {
        vp_qfail(e, VP_QERR_NOT_FOUND, "no report with that id");
        return NULL;
    }
    if (limit < 1 || limit > VP_RELATED_MAX) {
        vp_qfail(e, VP_QERR_BAD_PARAMETER, "limit must be a whole number from 1 to %d",
                 VP_RELATED_MAX);
        return NULL;
    }
    related_arg a = {id, limit};
    return vp_searcher_with_retry(s, do_related, &a, e);
}
