/*
 * extract_themes.c: the themes stage, themes from the taxonomy (see
 * extract.c).
 *
 * Each keyword hit adds the weight of where it stands (title 5, heading 3,
 * body 1) to its theme.  A theme is assigned when its score is clearly
 * significant: above an absolute floor that grows slowly with the length of
 * the report, and a fair share of the top theme's score; or, for a
 * secondary theme, when BROAD_KEYWORDS different keywords of it occur: one
 * word repeated may be said in passing, several different words of one
 * theme mean the report is partly about it.  The keywords are
 * put in a hash table once per call, so the text is read once, word by word:
 * exact words and phrases by their first word, prefixes ("woningbouw*") by
 * every prefix of the word.
 */
#include "extract_stages.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

enum {
    WEIGHT_TITLE = 5,
    WEIGHT_HEADING = 3,
    WEIGHT_BODY = 1,
    MAX_THEMES = 4,
    KEYWORD_CAP = 4,     /* most one keyword adds to its theme */
    BROAD_KEYWORDS = 4,  /* different keywords that make a secondary theme */
    BROAD_MIN_SCORE = 3,
};

typedef struct keyword {
    const char *text;    /* folded, '*' removed (not NUL-terminated when prefix) */
    size_t len;
    size_t first_len;    /* length of its first word */
    bool prefix;
    size_t theme;
} keyword;

typedef struct kw_index {
    keyword *kws;
    size_t n;
    size_t *slots;       /* open addressing on the first word: index+1, 0 empty */
    size_t cap;
} kw_index;

static size_t hash_bytes(const char *s, size_t n)
{
    size_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static bool index_build(kw_index *ix, const vp_themes *themes)
{
    size_t total = 0;
    for (size_t t = 0; t < vp_themes_count(themes); t++)
        total += vp_themes_at(themes, t)->keywords.len;
    ix->kws = calloc(total ? total : 1, sizeof *ix->kws);
    ix->cap = 16;
    while (ix->cap < total * 2 + 16)
        ix->cap *= 2;
    ix->slots = calloc(ix->cap, sizeof *ix->slots);
    if (!ix->kws || !ix->slots)
        return false;
    for (size_t t = 0; t < vp_themes_count(themes); t++) {
        const vp_strvec *kw = &vp_themes_at(themes, t)->keywords;
        for (size_t i = 0; i < kw->len; i++) {
            const char *s = kw->items[i];
            size_t len = strlen(s);
            bool prefix = len > 0 && s[len - 1] == '*';
            if (prefix)
                len--;
            if (len == 0)
                continue;
            keyword *k = &ix->kws[ix->n];
            *k = (keyword){s, len, strcspn(s, " "), prefix, t};
            if (k->first_len > len)
                k->first_len = len;
            size_t h = hash_bytes(s, k->first_len) & (ix->cap - 1);
            while (ix->slots[h])
                h = (h + 1) & (ix->cap - 1);
            ix->slots[h] = ++ix->n;
        }
    }
    return true;
}

static void index_free(kw_index *ix)
{
    free(ix->kws);
    free(ix->slots);
}

/* A word of folded text: letters, digits and inner hyphens. */
static bool word_byte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           (unsigned char)c >= 0x80;
}

/* Does the rest of a phrase keyword match the folded text after the first
 * word (at pos, right after it)? */
static bool phrase_rest(const keyword *k, const char *t, size_t len, size_t pos)
{
    size_t rest = k->len - k->first_len;
    if (pos + rest > len || memcmp(t + pos, k->text + k->first_len, rest) != 0)
        return false;
    size_t end = pos + rest;
    return k->prefix || end == len || !word_byte(t[end]);
}

/* Every keyword whose first word is w (exactly, or as a prefix of w). */
static void match_word(const kw_index *ix, const char *t, size_t len,
                       size_t ws, size_t we, int weight, int *scores)
{
    size_t wlen = we - ws;
    /* lengths of w to try: all of it, and for prefixes every shorter prefix */
    for (size_t l = wlen; l >= 3; l--) {
        size_t h = hash_bytes(t + ws, l) & (ix->cap - 1);
        for (; ix->slots[h]; h = (h + 1) & (ix->cap - 1)) {
            const keyword *k = &ix->kws[ix->slots[h] - 1];
            if (k->first_len != l || memcmp(k->text, t + ws, l) != 0)
                continue;
            bool single = k->first_len == k->len;
            if (single) {
                if (l == wlen || k->prefix)
                    scores[k - ix->kws] += weight;
            } else if (l == wlen && phrase_rest(k, t, len, we)) {
                scores[k - ix->kws] += weight;
            }
        }
    }
}

static void score_text(const kw_index *ix, const char *text, int weight,
                       int *scores, size_t *words)
{
    char *t = vp_fold(text);
    if (!t)
        return;
    size_t len = strlen(t), i = 0;
    while (i < len) {
        while (i < len && !word_byte(t[i]))
            i++;
        size_t ws = i;
        while (i < len && (word_byte(t[i]) ||
                           (t[i] == '-' && i + 1 < len && word_byte(t[i + 1]))))
            i++;
        if (i > ws) {
            match_word(ix, t, len, ws, i, weight, scores);
            (*words)++;
        }
    }
    free(t);
}

typedef struct ranked {
    size_t theme;
    int score;
} ranked;

static int by_score(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->score != y->score)
        return y->score - x->score;
    return x->theme < y->theme ? -1 : x->theme > y->theme;
}

/* The floor a theme's score must reach: a few solid hits, more in a long
 * report where a keyword in passing is likelier. */
static double score_floor(size_t words)
{
    size_t root = 0;
    while ((root + 1) * (root + 1) <= words)
        root++;
    return 3.0 + (double)root / 8.0;
}

/* False when out of memory. */
static bool themes_from_text(const vp_themes *themes, const vp_parsed *p,
                             const char *title, vp_strvec *out)
{
    size_t n = vp_themes_count(themes);
    if (n == 0)
        return true;
    bool ok = false;
    kw_index ix = {0};
    int *scores = calloc(n, sizeof *scores);
    int *kw_scores = NULL;
    ranked *rank = calloc(n, sizeof *rank);
    int *distinct = calloc(n, sizeof *distinct);
    if (!scores || !rank || !distinct || !index_build(&ix, themes))
        goto done;
    kw_scores = calloc(ix.n ? ix.n : 1, sizeof *kw_scores);
    if (!kw_scores)
        goto done;
    size_t words = 0;
    if (title)
        score_text(&ix, title, WEIGHT_TITLE, kw_scores, &words);
    for (size_t i = 0; i < p->n_blocks; i++) {
        const vp_block *b = &p->blocks[i];
        if (b->kind == VP_BLOCK_CODE)
            continue;
        if (title && i == 0 && b->kind == VP_BLOCK_HEADING && !p->fm.title)
            continue;   /* already counted as the title */
        bool heading = b->kind == VP_BLOCK_HEADING || b->pseudo_heading;
        score_text(&ix, b->text, heading ? WEIGHT_HEADING : WEIGHT_BODY,
                   kw_scores, &words);
    }
    /* one keyword cannot carry a theme: "wethouder" stands in every report */
    for (size_t k = 0; k < ix.n; k++) {
        scores[ix.kws[k].theme] +=
            kw_scores[k] < KEYWORD_CAP ? kw_scores[k] : KEYWORD_CAP;
        distinct[ix.kws[k].theme] += kw_scores[k] > 0;
    }
    for (size_t t = 0; t < n; t++)
        rank[t] = (ranked){t, scores[t]};
    qsort(rank, n, sizeof *rank, by_score);
    double floor = score_floor(words);
    for (size_t r = 0; r < n && r < MAX_THEMES; r++) {
        bool solid = rank[r].score >= floor && rank[r].score * 3 >= rank[0].score;
        bool broad = distinct[rank[r].theme] >= BROAD_KEYWORDS &&
                     rank[r].score >= BROAD_MIN_SCORE;
        if (!solid && !broad)
            break;
        if (!vp_strvec_push_unique(out, vp_themes_at(themes, rank[r].theme)->slug))
            goto done;
    }
    ok = true;
done:
    index_free(&ix);
    free(scores);
    free(distinct);
    free(kw_scores);
    free(rank);
    return ok;
}

/* True when word-boundary prefix `head` starts `text` ("bestuur" starts
 * "bestuur en financien"). */
static bool starts_with_words(const char *text, const char *head)
{
    size_t n = strlen(head);
    return n > 0 && !strncmp(text, head, n) && (text[n] == '\0' || text[n] == ' ');
}

/* vp_fold(tag) with "&" read as "en". Caller frees. */
static char *fold_ampersand(const char *tag)
{
    size_t n = strlen(tag);
    char *spelled = malloc(2 * n + 1), *o = spelled;
    if (!spelled)
        return NULL;
    for (const char *c = tag; *c; c++) {
        if (*c == '&') {
            *o++ = 'e';
            *o++ = 'n';
        } else {
            *o++ = *c;
        }
    }
    *o = '\0';
    char *folded = vp_fold(spelled);
    free(spelled);
    return folded;
}

static bool keyword_matches(const char *keyword, const char *tag)
{
    size_t n = strlen(keyword);
    if (n > 1 && keyword[n - 1] == '*')
        return !strncmp(tag, keyword, n - 1);
    return !strcmp(tag, keyword);
}

/* A front matter tag to a theme: by slug or label, else by the start of a
 * label ("sociaal domein", "economie & arbeidsmarkt") or by one of the
 * theme's keywords ("energietransitie").  Tags are free-form, so one that
 * names no theme is simply not a theme. */
static const vp_theme *theme_for_tag(const vp_themes *themes, const char *tag)
{
    const vp_theme *t = vp_themes_lookup(themes, tag);
    char *folded = t ? NULL : fold_ampersand(tag);
    if (!folded)
        return t;
    for (size_t i = 0; i < vp_themes_count(themes) && !t; i++) {
        const vp_theme *cand = vp_themes_at(themes, i);
        char *label = vp_fold(cand->label);
        if (label && starts_with_words(label, folded))
            t = cand;
        free(label);
        for (size_t k = 0; k < cand->keywords.len && !t; k++)
            if (keyword_matches(cand->keywords.items[k], folded))
                t = cand;
    }
    free(folded);
    return t;
}

vp_extract_status vp_extract_themes(const vp_extract_ctx *ctx, const vp_parsed *p,
                                    vp_document *d, vp_extract_issue *issue)
{
    (void)issue;
    vp_strvec slugs = VP_STRVEC_INIT;
    bool ok = true;
    for (size_t i = 0; ok && i < p->fm.themes.len; i++) {
        const vp_theme *t = theme_for_tag(ctx->themes, p->fm.themes.items[i]);
        if (t)
            ok = vp_strvec_push_unique(&slugs, t->slug);
    }
    if (ok && slugs.len == 0)
        ok = themes_from_text(ctx->themes, p, d->title, &slugs);
    vp_strvec_sort(&slugs);
    vp_strvec_clear(&d->themes);
    d->themes = slugs;
    return ok ? VP_EXTRACT_OK : VP_EXTRACT_NO_MEMORY;
}
