/*
 * extract_themes.c: the themes stage (see extract.c's table and
 * extract_themes.h): the themes of the taxonomy a reader sees in a report.
 *
 * A reader sees a theme when the day was about it, not when it is named in
 * passing.  So the stage gathers evidence and weighs it:
 *
 * 1. Descriptors (data/themes.tsv and data/theme_terms.tsv, matched by
 *    model/theme_terms.h over whole words, word starts and compound heads)
 *    are found in every zone of the report: the title and the front matter
 *    tags, headings (workshop titles in capitals and programme rows
 *    included), and the running text.  At one word each theme takes only
 *    its weightiest descriptor, and a phrase claims its words for every
 *    theme ("circulaire economie" is sustainability, not economy).
 * 2. Per theme the hits become five features (model/theme_model.h): what
 *    the title and the headings say, how much the body says with each
 *    descriptor's repeats counting less and less (one word said ten times
 *    is one subject, not ten) and counting more in a short report than in
 *    a long one, how many different descriptors, and how the theme stands
 *    against the strongest theme of the report.  (Sections about the
 *    theme, being the strongest theme and the report's length were tried
 *    as features too and added nothing in cross-validation.)
 * 3. One logistic model shared by all themes (data/theme_model.tsv, fitted
 *    by bench/themes_fit on the labelled reports) turns the features into
 *    a probability; the themes above its threshold are assigned, at least
 *    the likeliest when it reaches the fallback, at most max_themes.
 *
 * A front matter tag that is a theme's slug or label is the author's own
 * classification and assigns it outright; any other tag ("economy",
 * "wonen", "retail") is read as words of the title.  Every step is linear
 * in the text: words are cut once, each word is matched in time of its
 * own length (capped), and the per-theme work is a constant per word.
 */
#include "extract_stages.h"
#include "extract_themes.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "text.h"

enum zone { ZONE_TITLE, ZONE_HEADING, ZONE_BODY };

enum {
    MAX_MATCHES = 32,        /* descriptors looked at per word */
};

/* A descriptor's repeats in the body saturate the way BM25's term
 * frequency does, and a repeat counts for more in a short report than in a
 * long one: k1 and b are BM25's usual values, AVG_WORDS a report's usual
 * length.  A news item of 150 words that names a subject twice is about it
 * as much as an essay of 1,500 words that names it five times. */
#define BM25_K1 1.2
#define BM25_B 0.75
#define AVG_WORDS 500.0
/* The title's evidence counts up to this much. */
#define TITLE_CAP 6.0
/* A "title" of more words is a paragraph taken for one (a report without
 * headings); it is read as body text only. */
#define TITLE_MAX_WORDS 30

/* The counts of one report while its text is read. */
typedef struct tally {
    const vp_theme_terms *terms;
    size_t n_themes, n_terms;
    unsigned *head_count, *body_count;  /* per descriptor */
    bool *in_title;                     /* per descriptor */
    double *title;                      /* per theme: distinct weights */
    size_t words;                       /* outside the title */
    /* per word, reused */
    vp_word *w;
    size_t w_cap;
    size_t *best;                       /* per theme: descriptor+1 at this word */
} tally;

static void tally_free(tally *t)
{
    free(t->head_count);
    free(t->body_count);
    free(t->in_title);
    free(t->title);
    free(t->w);
    free(t->best);
}

static void tally_init(tally *t, const vp_themes *th)
{
    *t = (tally){.terms = vp_themes_terms(th), .n_themes = vp_themes_count(th)};
    t->n_terms = vp_theme_terms_count(t->terms);
    t->head_count = vp_xcalloc(t->n_terms, sizeof *t->head_count);
    t->body_count = vp_xcalloc(t->n_terms, sizeof *t->body_count);
    t->in_title = vp_xcalloc(t->n_terms, sizeof *t->in_title);
    t->title = vp_xcalloc(t->n_themes, sizeof *t->title);
    t->best = vp_xcalloc(t->n_themes, sizeof *t->best);
}

/* Cuts folded text into t->w; returns the number of words. */
static size_t cut_words(tally *t, const char *f, size_t len)
{
    size_t n = 0, pos = 0;
    vp_word w;
    while (vp_theme_next_word(f, len, &pos, &w)) {
        VP_GROW(t->w, t->w_cap, n + 1);
        t->w[n++] = w;
    }
    return n;
}

/* Counts one descriptor hit in its zone. */
static void count_hit(tally *t, size_t term, enum zone z)
{
    const vp_theme_term *d = vp_theme_terms_at(t->terms, term);
    switch (z) {
    case ZONE_TITLE:
        if (!t->in_title[term]) {
            t->in_title[term] = true;
            t->title[d->theme] += d->weight;
        }
        break;
    case ZONE_HEADING:
        t->head_count[term]++;
        break;
    case ZONE_BODY:
        t->body_count[term]++;
        break;
    }
}

/* Marks (words = 0) the matches at one word that a stronger reading of it
 * outweighs, for every theme: a phrase starting here outweighs single
 * words ("circulaire economie" is not the economy), and a compound's head
 * outweighs another theme's modifier, since a Dutch compound is what its
 * last part is ("woninginbraak" is a burglary, not housing). */
static void drop_outweighed(const tally *t, vp_term_match *m, size_t k)
{
    bool phrase = false, head = false;
    for (size_t j = 0; j < k; j++) {
        phrase |= m[j].words > 1;
        head |= m[j].head;
    }
    for (size_t j = 0; j < k && (phrase || head); j++) {
        if (phrase && m[j].words == 1) {
            m[j].words = 0;
        } else if (head && m[j].modifier) {
            size_t theme = vp_theme_terms_at(t->terms, m[j].term)->theme;
            bool own_head = false;
            for (size_t i = 0; i < k; i++)
                own_head |= m[i].head &&
                            vp_theme_terms_at(t->terms, m[i].term)->theme == theme;
            if (!own_head)
                m[j].words = 0;
        }
    }
}

/* Counts the matches at one word: each theme its weightiest descriptor
 * (the first of equal ones).  Returns how many words the word's longest
 * match covers. */
static size_t count_word(tally *t, vp_term_match *m, size_t k, enum zone z)
{
    size_t longest = 1;
    drop_outweighed(t, m, k);
    for (size_t j = 0; j < k; j++) {
        const vp_theme_term *d = vp_theme_terms_at(t->terms, m[j].term);
        size_t *b = &t->best[d->theme];
        if (m[j].words > longest)
            longest = m[j].words;
        if (m[j].words > 0 && (!*b || vp_theme_terms_at(t->terms, *b - 1)->weight < d->weight))
            *b = m[j].term + 1;
    }
    for (size_t j = 0; j < k; j++) {
        size_t *b = &t->best[vp_theme_terms_at(t->terms, m[j].term)->theme];
        if (*b == m[j].term + 1) {
            count_hit(t, m[j].term, z);
            *b = 0;  /* once, though a hyphenated word may match it twice */
        }
    }
    for (size_t j = 0; j < k; j++)   /* best[] clean for the next word */
        t->best[vp_theme_terms_at(t->terms, m[j].term)->theme] = 0;
    return longest;
}

/* Reads one piece of text in a zone. */
static void read_text(tally *t, const char *text, enum zone z)
{
    char *f = vp_fold(text);
    if (!f)
        vp_oom(strlen(text));
    size_t n = cut_words(t, f, strlen(f));
    if (z == ZONE_TITLE && n > TITLE_MAX_WORDS) {
        free(f);
        return;
    }
    if (z != ZONE_TITLE)
        t->words += n;
    vp_term_match m[MAX_MATCHES];
    for (size_t i = 0; i < n;) {
        size_t k = vp_theme_terms_match(t->terms, t->w, n, i, m, MAX_MATCHES);
        i += k ? count_word(t, m, k, z) : 1;   /* a phrase claims its words */
    }
    free(f);
}

/* tag with "&" read as "en"; caller frees. */
static char *spell_ampersand(const char *tag)
{
    size_t n = strlen(tag);
    char *out = vp_xmalloc(4 * n + 1), *o = out;
    for (const char *c = tag; *c; c++) {
        if (*c == '&') {
            memcpy(o, " en ", 4);
            o += 4;
        } else {
            *o++ = *c;
        }
    }
    *o = '\0';
    return out;
}

/* Tags: a slug or label names its theme; any other tag is title text. */
static void read_tags(tally *t, const vp_themes *th, const vp_parsed *p, bool *named)
{
    for (size_t i = 0; i < p->fm.themes.len; i++) {
        const char *tag = p->fm.themes.items[i];
        const vp_theme *theme = vp_themes_lookup(th, tag);
        if (theme) {
            named[theme - vp_themes_at(th, 0)] = true;
            continue;
        }
        char *spelled = spell_ampersand(tag);
        read_text(t, spelled, ZONE_TITLE);
        free(spelled);
    }
}

/* Reads the whole report into t. */
static void read_report(tally *t, const vp_themes *th, const vp_parsed *p, const char *title,
                        bool *named)
{
    if (title)
        read_text(t, title, ZONE_TITLE);
    read_tags(t, th, p, named);
    for (size_t i = 0; i < p->n_blocks; i++) {
        const vp_block *b = &p->blocks[i];
        if (b->kind == VP_BLOCK_CODE)
            continue;
        if (title && i == 0 && b->kind == VP_BLOCK_HEADING && !p->fm.title)
            continue;   /* it is the title */
        bool heading = b->kind == VP_BLOCK_HEADING || b->pseudo_heading ||
                       b->kind == VP_BLOCK_TABLE_ROW;
        read_text(t, b->text, heading ? ZONE_HEADING : ZONE_BODY);
    }
}

/* The features of every theme from the counts. */
static void features(const tally *t, vp_theme_evidence *ev)
{
    double *head = vp_xcalloc(t->n_themes, sizeof *head);
    double *body = vp_xcalloc(t->n_themes, sizeof *body);
    double *distinct = vp_xcalloc(t->n_themes, sizeof *distinct);
    double *total = vp_xcalloc(t->n_themes, sizeof *total);
    double norm = BM25_K1 * (1 - BM25_B + BM25_B * (double)t->words / AVG_WORDS);
    for (size_t k = 0; k < t->n_terms; k++) {
        const vp_theme_term *d = vp_theme_terms_at(t->terms, k);
        double tf = t->body_count[k];
        head[d->theme] += d->weight * log2(1.0 + t->head_count[k]);
        body[d->theme] += d->weight * tf * (BM25_K1 + 1) / (tf + norm);
        distinct[d->theme] += t->head_count[k] || t->body_count[k] || t->in_title[k];
    }
    double best = 0;
    for (size_t i = 0; i < t->n_themes; i++) {
        double title = t->title[i] < TITLE_CAP ? t->title[i] : TITLE_CAP;
        total[i] = 3 * title + 2 * head[i] + body[i];
        if (total[i] > best)
            best = total[i];
    }
    for (size_t i = 0; i < t->n_themes; i++) {
        double *x = ev->x[i];
        double title = t->title[i] < TITLE_CAP ? t->title[i] : TITLE_CAP;
        x[VP_TF_TITLE] = title / VP_THEME_KEYWORD_WEIGHT;
        x[VP_TF_HEADING] = log1p(head[i]);
        x[VP_TF_BODY] = log1p(body[i]);
        x[VP_TF_DISTINCT] = log1p(distinct[i]);
        x[VP_TF_SHARE] = best > 0 ? total[i] / best : 0;
    }
    free(head);
    free(body);
    free(distinct);
    free(total);
}

void vp_theme_evidence_clear(vp_theme_evidence *ev)
{
    free(ev->x);
    free(ev->named);
    *ev = (vp_theme_evidence){0};
}

void vp_theme_evidence_of(const vp_themes *th, const vp_parsed *p, const char *title,
                          vp_theme_evidence *ev)
{
    tally t;
    *ev = (vp_theme_evidence){.n = vp_themes_count(th)};
    ev->x = vp_xcalloc(ev->n, sizeof *ev->x);
    ev->named = vp_xcalloc(ev->n, sizeof *ev->named);
    tally_init(&t, th);
    read_report(&t, th, p, title, ev->named);
    features(&t, ev);
    tally_free(&t);
}

typedef struct ranked {
    size_t theme;
    double p;
} ranked;

static int by_p(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->p != y->p)
        return x->p < y->p ? 1 : -1;
    return x->theme < y->theme ? -1 : x->theme > y->theme;
}

size_t vp_theme_decide(const vp_theme_model *m, const vp_theme_evidence *ev, size_t *out)
{
    size_t n = 0, named = 0;
    for (size_t i = 0; i < ev->n; i++)
        if (ev->named[i])
            out[n++] = i;
    named = n;
    if (!m || ev->n == 0)
        return n;
    ranked *r = vp_xmalloc(ev->n * sizeof *r);
    for (size_t i = 0; i < ev->n; i++)
        r[i] = (ranked){i, vp_theme_model_p(m, ev->x[i])};
    qsort(r, ev->n, sizeof *r, by_p);
    for (size_t i = 0; i < ev->n && n - named < m->max_themes; i++) {
        bool first = i == 0 && named == 0;
        if (ev->named[r[i].theme])
            continue;
        if (r[i].p >= m->threshold || (first && r[i].p >= m->fallback))
            out[n++] = r[i].theme;
        else
            break;
    }
    free(r);
    return n;
}

vp_extract_status vp_extract_themes(const vp_extract_ctx *ctx, const vp_parsed *p,
                                    vp_document *d, vp_extract_issue *issue)
{
    (void)issue;   /* tags are free-form: one that names no theme is no problem */
    vp_theme_evidence ev;
    size_t *chosen = vp_xmalloc((vp_themes_count(ctx->themes) + 1) * sizeof *chosen);
    vp_theme_evidence_of(ctx->themes, p, d->title, &ev);
    size_t n = vp_theme_decide(vp_themes_model(ctx->themes), &ev, chosen);
    vp_strvec_clear(&d->themes);
    for (size_t i = 0; i < n; i++)
        vp_strvec_push_unique(&d->themes, vp_themes_at(ctx->themes, chosen[i])->slug);
    vp_strvec_sort(&d->themes);
    vp_theme_evidence_clear(&ev);
    free(chosen);
    return VP_EXTRACT_OK;
}
