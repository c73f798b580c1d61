/*
 * theme_terms.c: theme descriptors and their matcher (see theme_terms.h).
 *
 * Two byte tries hold the descriptors: the forward one is walked along a
 * word from its first byte and holds whole words, phrases (by their first
 * word) and word starts; the backward one is walked from the word's last
 * byte and holds word ends.  A node lists the descriptors that end on it,
 * through the descriptors' own `next` links, so a node costs no list.
 */
#include "theme_terms.h"
#include "mem.h"
#include "text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum form { WHOLE, START, END };

typedef struct term {
    vp_theme_term pub;
    enum form form;
    bool last_is_start;        /* a phrase whose last word ends in '*' */
    vp_word words[VP_THEME_PHRASE_MAX];   /* into pub.text, '*' left out */
    uint32_t next;             /* next descriptor on the same node list, +1 */
} term;

typedef struct node {
    uint32_t child, sibling;   /* node indexes; 0: none (0 is the root) */
    uint32_t whole, start, end;/* descriptor lists, index+1; 0: empty */
    unsigned char byte;
} node;

typedef struct trie {
    node *nodes;
    size_t n, cap;
} trie;

struct vp_theme_terms {
    term *terms;
    size_t n, cap;
    trie fwd, bwd;
};

/* ---- words -------------------------------------------------------------- */

/* Is the character at t[i] (folded text) part of a word? */
static size_t word_char(const char *t, size_t len, size_t i)
{
    unsigned char c = (unsigned char)t[i];
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               (c >= 'A' && c <= 'Z');
    unsigned cp;
    size_t n = vp_utf8_decode(t + i, len - i, &cp);
    if (n == 0)
        return 0;
    if ((cp >= 0x2000 && cp <= 0x206F) || cp == 0xA0 || cp == 0xAB || cp == 0xBB ||
        cp == 0xB7 || cp == 0xD7 || cp == 0xF7 || cp == 0xFFFD)
        return 0;
    return n;
}

bool vp_theme_next_word(const char *t, size_t len, size_t *pos, vp_word *word)
{
    size_t i = *pos, n;
    while (i < len && (n = word_char(t, len, i)) == 0)
        i++;
    if (i >= len) {
        *pos = len;
        return false;
    }
    size_t start = i;
    for (;;) {
        while (i < len && (n = word_char(t, len, i)) > 0)
            i += n;
        if (i + 1 < len && t[i] == '-' && word_char(t, len, i + 1) > 0)
            i++;                 /* an inner hyphen: the word goes on */
        else
            break;
    }
    *word = (vp_word){t + start, i - start};
    *pos = i;
    return true;
}

/* ---- tries -------------------------------------------------------------- */

static void trie_init(trie *tr)
{
    tr->cap = 256;
    tr->nodes = vp_xcalloc(tr->cap, sizeof *tr->nodes);
    tr->n = 1;                   /* the root */
}

/* The child of parent for byte c; 0 when there is none. */
static uint32_t trie_child(const trie *tr, uint32_t parent, unsigned char c)
{
    for (uint32_t k = tr->nodes[parent].child; k; k = tr->nodes[k].sibling)
        if (tr->nodes[k].byte == c)
            return k;
    return 0;
}

/* The child of parent for byte c, made if missing. */
static uint32_t trie_make_child(trie *tr, uint32_t parent, unsigned char c)
{
    uint32_t found = trie_child(tr, parent, c);
    if (found)
        return found;
    VP_GROW(tr->nodes, tr->cap, tr->n + 1);
    uint32_t k = (uint32_t)tr->n++;
    tr->nodes[k] = (node){.sibling = tr->nodes[parent].child, .byte = c};
    tr->nodes[parent].child = k;
    return k;
}

/* The node of key (read backwards when reverse), made if missing. */
static uint32_t trie_insert(trie *tr, const char *key, size_t len, bool reverse)
{
    uint32_t at = 0;
    for (size_t i = 0; i < len; i++)
        at = trie_make_child(tr, at, (unsigned char)key[reverse ? len - 1 - i : i]);
    return at;
}

/* ---- loading ------------------------------------------------------------ */

vp_theme_terms *vp_theme_terms_new(void)
{
    vp_theme_terms *tt = vp_xcalloc(1, sizeof *tt);
    trie_init(&tt->fwd);
    trie_init(&tt->bwd);
    return tt;
}

void vp_theme_terms_free(vp_theme_terms *tt)
{
    if (!tt)
        return;
    for (size_t i = 0; i < tt->n; i++)
        free(tt->terms[i].pub.text);
    free(tt->terms);
    free(tt->fwd.nodes);
    free(tt->bwd.nodes);
    free(tt);
}

size_t vp_theme_terms_count(const vp_theme_terms *tt)
{
    return tt ? tt->n : 0;
}

const vp_theme_term *vp_theme_terms_at(const vp_theme_terms *tt, size_t i)
{
    return tt && i < tt->n ? &tt->terms[i].pub : NULL;
}

/* Cuts t->pub.text into words and reads the '*' marks; 0, or 1 with why. */
static int parse_form(term *t, char *why, size_t whylen)
{
    const char *s = t->pub.text;
    size_t len = strlen(s), pos = 0;
    bool lead = len > 0 && s[0] == '*', trail = len > 1 && s[len - 1] == '*';
    vp_word w;
    for (size_t i = lead; i < len - trail; i++) {
        if (s[i] == '*') {
            snprintf(why, whylen, "'*' only at the start or the end");
            return 1;
        }
    }
    while (vp_theme_next_word(s, len - trail, &pos, &w)) {
        if (t->pub.n_words == VP_THEME_PHRASE_MAX) {
            snprintf(why, whylen, "more than %d words", VP_THEME_PHRASE_MAX);
            return 1;
        }
        if (w.len > VP_THEME_WORD_MAX) {
            snprintf(why, whylen, "a word longer than %d bytes", VP_THEME_WORD_MAX);
            return 1;
        }
        t->words[t->pub.n_words++] = w;
    }
    if (t->pub.n_words == 0) {
        snprintf(why, whylen, "no word");
        return 1;
    }
    if (lead && (trail || t->pub.n_words > 1)) {
        snprintf(why, whylen, "a leading '*' only on a single word without a trailing one");
        return 1;
    }
    /* the '*' must touch a letter: "ov-*" would silently be "ov*" */
    if ((trail && !word_char(s, len, len - 2)) || (lead && !word_char(s, len, 1))) {
        snprintf(why, whylen, "'*' only next to a letter or digit");
        return 1;
    }
    t->form = lead ? END : trail && t->pub.n_words == 1 ? START : WHOLE;
    t->last_is_start = trail && t->pub.n_words > 1;
    return 0;
}

int vp_theme_terms_add(vp_theme_terms *tt, const char *descriptor, size_t theme,
                       double weight, char *why, size_t whylen)
{
    VP_GROW(tt->terms, tt->cap, tt->n + 1);
    term *t = &tt->terms[tt->n];
    *t = (term){.pub = {theme, weight, vp_xstrdup(descriptor), 0}};
    int rc = parse_form(t, why, whylen);
    if (rc != 0) {
        free(t->pub.text);
        return rc;
    }
    /* the key: the word (first word of a phrase), backwards for an end */
    const vp_word *key = &t->words[0];
    trie *tr = t->form == END ? &tt->bwd : &tt->fwd;
    uint32_t at = trie_insert(tr, key->s, key->len, t->form == END);
    node *nd = &tr->nodes[at];
    uint32_t *list = t->form == END ? &nd->end : t->form == START ? &nd->start : &nd->whole;
    for (uint32_t x = *list; x; x = tt->terms[x - 1].next) {
        if (tt->terms[x - 1].pub.theme == theme && !strcmp(tt->terms[x - 1].pub.text, t->pub.text)) {
            snprintf(why, whylen, "given twice for the same theme");
            free(t->pub.text);
            return 1;
        }
    }
    t->next = *list;
    *list = (uint32_t)(tt->n + 1);
    tt->n++;
    return 0;
}

/* ---- matching ----------------------------------------------------------- */

typedef struct sink {
    vp_term_match *out;
    size_t n, cap;
} sink;

static void emit(sink *k, size_t term, size_t words, bool modifier, bool head)
{
    if (k->n < k->cap)
        k->out[k->n++] = (vp_term_match){term, words, modifier, head};
}

/* Do the words after a phrase's first one follow at words[i+1..n)? */
static bool phrase_follows(const term *t, const vp_word *words, size_t n, size_t i)
{
    if (i + t->pub.n_words > n)
        return false;
    for (size_t k = 1; k < t->pub.n_words; k++) {
        const vp_word *want = &t->words[k], *got = &words[i + k];
        bool start = t->last_is_start && k + 1 == t->pub.n_words;
        if (got->len < want->len || (!start && got->len != want->len) ||
            memcmp(got->s, want->s, want->len) != 0)
            return false;
    }
    return true;
}

/* Single-word descriptors matching w (whole, start, end); phrases only when
 * w is words[i] itself (not a hyphenated part). */
static void match_one(const vp_theme_terms *tt, vp_word w, const vp_word *words, size_t n,
                      size_t i, bool phrases, sink *k)
{
    if (w.len == 0 || w.len > VP_THEME_WORD_MAX)
        return;
    const trie *f = &tt->fwd, *b = &tt->bwd;
    uint32_t at = 0;
    for (size_t j = 0; j < w.len; j++) {
        at = trie_child(f, at, (unsigned char)w.s[j]);
        if (!at)
            break;
        for (uint32_t x = f->nodes[at].start; x; x = tt->terms[x - 1].next)
            emit(k, x - 1, 1, j + 1 < w.len, false);
        if (j + 1 == w.len) {
            for (uint32_t x = f->nodes[at].whole; x; x = tt->terms[x - 1].next) {
                const term *t = &tt->terms[x - 1];
                if (t->pub.n_words == 1)
                    emit(k, x - 1, 1, false, false);
                else if (phrases && phrase_follows(t, words, n, i))
                    emit(k, x - 1, t->pub.n_words, false, false);
            }
        }
    }
    at = 0;
    for (size_t j = w.len; j-- > 0;) {
        at = trie_child(b, at, (unsigned char)w.s[j]);
        if (!at)
            break;
        for (uint32_t x = b->nodes[at].end; x; x = tt->terms[x - 1].next)
            emit(k, x - 1, 1, false, j > 0);
    }
}

size_t vp_theme_terms_match(const vp_theme_terms *tt, const vp_word *words, size_t n,
                            size_t i, vp_term_match *out, size_t cap)
{
    sink k = {out, 0, cap};
    if (!tt || i >= n)
        return 0;
    vp_word w = words[i];
    match_one(tt, w, words, n, i, true, &k);
    if (w.len > VP_THEME_WORD_MAX || !memchr(w.s, '-', w.len))
        return k.n;
    for (size_t s = 0, e; s < w.len; s = e + 1) {      /* the parts */
        const char *dash = memchr(w.s + s, '-', w.len - s);
        e = dash ? (size_t)(dash - w.s) : w.len;
        match_one(tt, (vp_word){w.s + s, e - s}, words, n, i, false, &k);
    }
    return k.n;
}
