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
 *    theme ("circulaire economie" is sustainability, not economy).  A
 *    sentence that lists the day's subjects ("de drie thema's: wonen,
 *    bereikbaarheid en de regionale economie") counts as the title for
 *    the themes it names, and assigns them (below).  What a block says
 *    from a sentence that announces a later meeting on is that meeting's
 *    subject and counts for nothing (NEXT_MEETING).
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
 * "wonen", "retail") is read as words of the title, and so is a hashtag
 * in the text ("#wonen": a post's tags), whose run-together words may
 * spell a phrase ("#regionalesamenwerking").  A list of the day's
 * subjects (see LIST_MAX_WORDS) is the author's own classification too:
 * the themes it names by strong descriptors are assigned outright.  A
 * short page names each of its subjects once, in such a list, and says
 * little more of any, so weighing that list as one title among the body's
 * words left most of them below the threshold.  Every step is linear
 * in the text: words are cut once, each word is matched in time of its
 * own length (capped), and the per-theme work is a constant per word.
 */
#include "extract_stages.h"
#include "extract_themes.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "schema.h"
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
/* A sentence of at most this many words that holds a word announcing a
 * list (data/theme_cues.tsv: thema's, onderwerpen, topics ...) and names
 * LIST_MIN_THEMES themes or more by descriptors of LIST_MIN_WEIGHT or
 * more lists the subjects of the day ("the three themes: housing,
 * accessibility and the regional economy").  The themes it names are
 * assigned, as a tag's are: a news item of 200 words names each of its
 * subjects once, in such a list, where a long report comes back to it.
 * (Words that introduce examples, "zoals", "opgaven", are no cue: see
 * theme_cues.tsv.)  A sentence with a cue that ends in a colon goes on in
 * the list items after it ("four topical issues:" and a bullet a theme);
 * a heading with a cue ("Drie thema's: wonen, ...") may name one theme;
 * a sentence with a cue that lists nothing hands its cue to the next
 * sentence, once ("They spoke of shared subjects. Housing for ..."). */
#define LIST_MAX_WORDS 40
#define LIST_MIN_THEMES 2
#define LIST_MIN_WEIGHT 2.0
/* Hashtags a report may have looked up as run-together phrases (each
 * costs a pass over the descriptors; a post has a handful). */
#define HASHTAG_MAX 64

/* The counts of one report while its text is read. */
typedef struct tally {
    const vp_themes *th;
    const vp_theme_terms *terms;
    size_t n_themes, n_terms;
    unsigned *head_count, *body_count;  /* per descriptor */
    bool *in_title;                     /* per descriptor */
    double *title;                      /* per theme: distinct weights */
    bool *listed;                       /* per theme: in a list of subjects */
    size_t words;                       /* outside the title */
    /* the sentence being read (see LIST_MAX_WORDS) */
    size_t *sent_terms, sent_n, sent_cap;   /* its strong descriptors */
    size_t sent_words;
    bool sent_cue;
    bool cue_carried;                       /* its cue is the last sentence's */
    bool sent_heading;                      /* it is a heading */
    bool list_open;                         /* it goes on in list items */
    /* per word, reused */
    vp_word *w;
    size_t w_cap;
    size_t *best;                       /* per theme: descriptor+1 at this word */
    size_t hashtags;                    /* looked up as phrases (HASHTAG_MAX) */
} tally;

static void tally_free(tally *t)
{
    free(t->head_count);
    free(t->body_count);
    free(t->in_title);
    free(t->title);
    free(t->listed);
    free(t->w);
    free(t->best);
    free(t->sent_terms);
}

static void tally_init(tally *t, const vp_themes *th)
{
    *t = (tally){.th = th, .terms = vp_themes_terms(th), .n_themes = vp_themes_count(th)};
    t->n_terms = vp_theme_terms_count(t->terms);
    t->head_count = vp_xcalloc(t->n_terms, sizeof *t->head_count);
    t->body_count = vp_xcalloc(t->n_terms, sizeof *t->body_count);
    t->in_title = vp_xcalloc(t->n_terms, sizeof *t->in_title);
    t->title = vp_xcalloc(t->n_themes, sizeof *t->title);
    t->listed = vp_xcalloc(t->n_themes, sizeof *t->listed);
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

static void count_hit(tally *t, size_t term, enum zone z);

/* How many themes the sentence's descriptors name (at most LIST_MAX_WORDS
 * of them, so the double loop is a constant). */
static size_t sentence_themes(const tally *t)
{
    size_t themes = 0;
    for (size_t i = 0; i < t->sent_n; i++) {
        size_t theme = vp_theme_terms_at(t->terms, t->sent_terms[i])->theme;
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = vp_theme_terms_at(t->terms, t->sent_terms[j])->theme == theme;
        themes += !seen;
    }
    return themes;
}

/* Ends the sentence: when it lists the subjects of the day, the themes it
 * names are listed, and their descriptors count as the title's too (see
 * LIST_MAX_WORDS). */
static void close_sentence(tally *t)
{
    size_t min_themes = t->sent_heading ? 1 : LIST_MIN_THEMES;
    bool short_cue = t->sent_cue && t->sent_words <= LIST_MAX_WORDS;
    bool lists = short_cue && sentence_themes(t) >= min_themes;
    if (lists)
        for (size_t i = 0; i < t->sent_n; i++) {
            count_hit(t, t->sent_terms[i], ZONE_TITLE);
            t->listed[vp_theme_terms_at(t->terms, t->sent_terms[i])->theme] = true;
        }
    /* "They spoke of four subjects. Housing, ...": the list comes next. */
    bool carry = short_cue && !lists && !t->sent_heading && !t->cue_carried;
    t->sent_n = t->sent_words = 0;
    t->sent_cue = t->cue_carried = carry;
    t->list_open = false;
}

/* Is the word at w, in the folded text that ends at end, a word of
 * theme_cues.tsv?  The words are cut at an apostrophe, so a plural in 's
 * ("thema's", "agenda's") is looked up with it: the singular may be no
 * cue ("het thema van de dag" names one subject). */
static bool cue_at(const tally *t, const vp_word *w, const char *end)
{
    char buf[64];
    const char *after = w->s + w->len;
    size_t apos = end - after >= 2 && after[0] == '\'' ? 1
                : end - after >= 4 && !memcmp(after, "\xe2\x80\x99", 3) ? 3 : 0;
    bool plural = apos && after[apos] == 's' &&
                  (after + apos + 1 == end || !isalnum((unsigned char)after[apos + 1]));
    if (plural && w->len + 2 <= sizeof buf) {
        memcpy(buf, w->s, w->len);
        memcpy(buf + w->len, "'s", 2);
        return vp_themes_is_list_cue(t->th, buf, w->len + 2);
    }
    return vp_themes_is_list_cue(t->th, w->s, w->len);
}

/* Does the text between two words end a sentence? */
static bool sentence_ends(const vp_word *prev, const vp_word *next)
{
    for (const char *c = prev->s + prev->len; c < next->s; c++)
        if (*c == '.' || *c == '!' || *c == '?')
            return true;
    return false;
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
    if (z != ZONE_TITLE && d->weight >= LIST_MIN_WEIGHT && t->sent_words <= LIST_MAX_WORDS) {
        VP_GROW(t->sent_terms, t->sent_cap, t->sent_n + 1);
        t->sent_terms[t->sent_n++] = term;
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

/* Does the folded text end in a colon (an introduction to a list)? */
static bool ends_in_colon(const char *f, const char *end)
{
    while (end > f && (end[-1] == ' ' || end[-1] == '\n' || end[-1] == '\t'))
        end--;
    return end > f && end[-1] == ':';
}

/* Words that announce a later meeting, or what comes next week or month.
 * What comes after them in the block is that meeting's programme, not this
 * one's ("De voorjaarsdag staat gepland in maart. Thema: de binnenstad.",
 * "Volgende week in de raad: de begroting."), as its date and place are
 * not this report's (extract_text.h).  Longer than the dates' cues: a
 * bare "volgende" ("de volgende stap") is said of this day's subjects too. */
static const char *const NEXT_MEETING[] = {
    "volgende bijeenkomst", "volgende kennis", "volgende netwerkdag", "volgende editie",
    "volgende keer", "volgende pmg", "volgende platformdag", "volgende voorjaarsdag",
    "volgende najaarsdag", "volgende week", "volgende maand", "komende bijeenkomst",
    "staat gepland", "save the date",
    "next meeting", "next edition", "next network", NULL,
};

/* Where in the folded text f the sentence that first announces a later
 * meeting starts, or end when none does. */
static const char *next_meeting_from(const char *f, const char *end)
{
    const char *first = end;
    for (size_t k = 0; NEXT_MEETING[k]; k++) {
        const char *hit = strstr(f, NEXT_MEETING[k]);
        if (hit && hit < first)
            first = hit;
    }
    while (first > f && first < end && !strchr(".!?\n", first[-1]))
        first--;
    return first;
}

/* Is the word w of the folded text f a hashtag ("#wonen")?  A post's
 * hashtags are its author's tags, as the front matter's are a page's. */
static bool is_hashtag(const char *f, const vp_word *w)
{
    return w->s > f && w->s[-1] == '#' &&
           (w->s - 1 == f || isspace((unsigned char)w->s[-2]));
}

/* Does the hashtag w spell descriptor d's phrase without its spaces
 * ("#regionalesamenwerking", "#sociaaldomein"; a last word's '*' is a
 * word start, "#socialehuurwoningen")? */
static bool spells_phrase(const vp_theme_term *d, const vp_word *w)
{
    size_t at = 0;
    for (const char *c = d->text; *c; c++) {
        if (*c == ' ')
            continue;
        if (*c == '*')
            return true;
        if (at == w->len || w->s[at] != *c)
            return false;
        at++;
    }
    return at == w->len;
}

/* A hashtag that spells a phrase descriptor whole counts as the title
 * does: the words of a phrase run together in a tag.  Returns whether one
 * did.  Each descriptor is looked at, so only the first HASHTAG_MAX
 * hashtags of a report are. */
static bool count_hashtag_phrases(tally *t, const vp_word *w)
{
    bool found = false;
    if (t->hashtags++ >= HASHTAG_MAX)
        return false;
    for (size_t k = 0; k < t->n_terms; k++) {
        const vp_theme_term *d = vp_theme_terms_at(t->terms, k);
        if (d->n_words > 1 && spells_phrase(d, w)) {
            count_hit(t, k, ZONE_TITLE);
            found = true;
        }
    }
    return found;
}

/* Reads one piece of text in a zone; item: it is a list item. */
static void read_text(tally *t, const char *text, enum zone z, bool item)
{
    char *f = vp_fold(text);
    const char *end = f + strlen(f);
    const char *later = z == ZONE_TITLE ? end : next_meeting_from(f, end);
    size_t n = cut_words(t, f, (size_t)(end - f));
    if (z == ZONE_TITLE && n > TITLE_MAX_WORDS) {
        free(f);
        return;
    }
    if (z != ZONE_TITLE)
        t->words += n;
    vp_term_match m[MAX_MATCHES];
    bool sentences = z != ZONE_TITLE;
    bool in_list = sentences && item && t->list_open;   /* the items go on */
    if (sentences && !in_list && t->list_open)
        close_sentence(t);
    if (sentences && !in_list)
        t->sent_heading = z == ZONE_HEADING;
    if (t->sent_heading && t->cue_carried)    /* a heading is its own list */
        t->sent_cue = t->cue_carried = false;
    for (size_t i = 0; i < n;) {
        if (sentences && !in_list && i > 0 && sentence_ends(&t->w[i - 1], &t->w[i]))
            close_sentence(t);
        if (sentences)
            t->sent_cue |= cue_at(t, &t->w[i], end);
        size_t k = t->w[i].s >= later ? 0   /* the later meeting's */
                   : vp_theme_terms_match(t->terms, t->w, n, i, m, MAX_MATCHES);
        bool tag = z == ZONE_BODY && t->w[i].s < later && is_hashtag(f, &t->w[i]);
        if (tag && count_hashtag_phrases(t, &t->w[i]))
            k = 0;      /* the phrase outweighs its first word's start */
        size_t step = k ? count_word(t, m, k, tag ? ZONE_TITLE : z) : 1;   /* a phrase claims its words */
        t->sent_words += sentences ? step : 0;
        i += step;
    }
    if (sentences && !in_list) {
        if (t->sent_cue && ends_in_colon(f, end)) {
            t->list_open = true;        /* the items after it are the list */
            t->sent_words = 0;
        } else {
            close_sentence(t);          /* a block ends its sentence */
        }
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
        read_text(t, spelled, ZONE_TITLE, false);
        free(spelled);
    }
}

/* Is the block a list item: Markdown's, or lines that start with a
 * typographic bullet (a page converted to text keeps "•" as a paragraph)? */
static bool is_item(const vp_block *b)
{
    static const char *const bullets[] = {"\xe2\x80\xa2", "\xc2\xb7", "\xe2\x96\xaa"};
    const char *s = b->text + strspn(b->text, " \t");
    if (b->kind == VP_BLOCK_ITEM)
        return true;
    for (size_t i = 0; i < sizeof bullets / sizeof *bullets; i++)
        if (!strncmp(s, bullets[i], strlen(bullets[i])))
            return true;
    return false;
}

/* Reads the whole report into t. */
static void read_report(tally *t, const vp_themes *th, const vp_parsed *p, const char *title,
                        bool *named)
{
    if (title)
        read_text(t, title, ZONE_TITLE, false);
    read_tags(t, th, p, named);
    for (size_t i = 0; i < p->n_blocks; i++) {
        const vp_block *b = &p->blocks[i];
        if (b->kind == VP_BLOCK_CODE)
            continue;
        if (title && i == 0 && b->kind == VP_BLOCK_HEADING && !p->fm.title)
            continue;   /* it is the title */
        bool heading = b->kind == VP_BLOCK_HEADING || b->pseudo_heading ||
                       b->kind == VP_BLOCK_TABLE_ROW;
        read_text(t, b->text, heading ? ZONE_HEADING : ZONE_BODY, is_item(b));
    }
    close_sentence(t);
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
    for (size_t i = 0; i < ev->n; i++)
        ev->named[i] |= t.listed[i];
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

/* How strongly the report carries theme i, 1..VP_THEME_LEVELS, for
 * ranking (a query that names a theme ranks the reports mainly about it
 * above those where it is a side strand: searchd/expand.c).  The measure
 * is the theme's share, its evidence against that of the report's
 * strongest theme (VP_TF_SHARE), not the model's probability: the
 * probability says whether a reader sees the theme at all, and is near 1
 * for a side strand that is plainly there, where the share says how much
 * of the report is about it.  A theme the author names (a tag, a list of
 * the day's subjects) is at least half as strong as the strongest: the
 * author put it among the subjects.  Levels, not the share itself, so
 * that the index holds a few boolean terms per theme (schema.h). */
static unsigned char theme_level(const vp_theme_evidence *ev, size_t i)
{
    double share = ev->x[i][VP_TF_SHARE];
    if (ev->named[i] && share < 0.5)
        share = 0.5;
    long level = lround(share * VP_THEME_LEVELS);
    return (unsigned char)(level < 1 ? 1 : level > VP_THEME_LEVELS ? VP_THEME_LEVELS : level);
}

/* d->theme_levels for d->themes (sorted), from the evidence. */
static void set_levels(const vp_themes *th, const vp_theme_evidence *ev, vp_document *d)
{
    free(d->theme_levels);
    d->theme_levels = vp_xcalloc(d->themes.len + 1, 1);
    for (size_t k = 0; k < d->themes.len; k++)
        for (size_t i = 0; i < ev->n; i++)
            if (strcmp(vp_themes_at(th, i)->slug, d->themes.items[k]) == 0)
                d->theme_levels[k] = theme_level(ev, i);
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
    set_levels(ctx->themes, &ev, d);
    vp_theme_evidence_clear(&ev);
    free(chosen);
    return VP_EXTRACT_OK;
}
