/* spelling.c: see spelling.h. */
#include "spelling.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "hit_record.h"
#include "mem.h"
#include "strset.h"
#include "text.h"

/* Words remembered per searcher before the table starts afresh. */
enum { SPELL_CACHE_CAP = 4096, SPELL_MAX_WORD = 64 };
/* Bytes a word has before its neighbours one edit away are looked up. */
enum { SPELL_MIN_ONE_EDIT = 4 };

struct vp_spell_cache {
    vp_strset *words;    /* as typed; an id indexes corrections */
    char **corrections;  /* Xapian's, or NULL when it has none */
    size_t cap;
};

vp_spell_cache *vp_spell_cache_new(void)
{
    vp_spell_cache *c = vp_xcalloc(1, sizeof *c);
    c->words = vp_strset_new();
    return c;
}

void vp_spell_cache_clear(vp_spell_cache *c)
{
    if (!c)
        return;
    for (size_t id = 0; id < vp_strset_size(c->words); id++)
        free(c->corrections[id]);
    vp_strset_clear(c->words);
}

void vp_spell_cache_free(vp_spell_cache *c)
{
    if (!c)
        return;
    vp_spell_cache_clear(c);
    vp_strset_free(c->words);
    free(c->corrections);
    free(c);
}

/* The length of the letter at p: 1 for an ASCII letter, 2 for a letter of
 * Latin-1 (U+00C0-U+00FF but the signs x and /: "coördinatie",
 * "financiële", "café"), which the parser reads as a word character and
 * lower-cases as vp_word_lower does; 0 for anything else. */
static size_t letter_len(const char *p)
{
    char ch = *p;
    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'))
        return 1;
    if ((unsigned char)ch != 0xC3)
        return 0;   /* p[1] is there: a NUL ends the text, not 0xC3 */
    unsigned char next = (unsigned char)p[1];
    return next >= 0x80 && next <= 0xBF && next != 0x97 && next != 0xB7 ? 2 : 0;
}

/* Xapian's whole corrected text, or NULL. */
static char *parser_correction(xapc_qp *qp, const char *text, unsigned flags)
{
    xapc_error xe;
    xapc_error_clear(&xe);
    xapc_query *q = xapc_qp_parse(qp, text, flags | XAPC_QP_SPELLING_CORRECTION, "", &xe);
    char *corrected = q ? xapc_qp_corrected_query(qp, NULL) : NULL;
    xapc_query_free(q);
    if (corrected && !*corrected) {
        free(corrected);
        corrected = NULL;
    }
    return corrected;
}

/* How many reports use word (lower case) as the index's term list says; 0
 * when none does, and on a failed lookup (*failed set). */
static uint32_t reports_using(const xapc_db *lexicon, const char *word, bool *failed)
{
    xapc_error xe;
    xapc_error_clear(&xe);
    uint32_t freq = xapc_db_termfreq(lexicon, word, &xe);
    *failed = *failed || xe.status != XAPC_OK;
    return freq;
}

/* ---- words one letter away --------------------------------------------- */

/* The letters a typo may have dropped or changed: the term generator's words
 * are in lower case, and Dutch writes these accented letters. */
static const char *const ALPHABET[] = {
    "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n",
    "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z", "\xc3\xa0",
    "\xc3\xa1", "\xc3\xa4", "\xc3\xa7", "\xc3\xa8", "\xc3\xa9", "\xc3\xaa", "\xc3\xab",
    "\xc3\xad", "\xc3\xaf", "\xc3\xb3", "\xc3\xb6", "\xc3\xba", "\xc3\xbc"};
enum { ALPHABET_LEN = sizeof ALPHABET / sizeof *ALPHABET };

/* The best word found so far: the one most reports use, the first in byte
 * order of those. */
typedef struct nearest {
    const xapc_db *lexicon;
    char best[SPELL_MAX_WORD + 1];
    uint32_t best_reports;
    bool failed;            /* a lookup failed: look no further */
} nearest;

/* Weighs the candidate made of a, b and c one after the other. */
static void weigh(nearest *n, const char *a, size_t alen, const char *b, size_t blen,
                  const char *c)
{
    size_t clen = strlen(c);
    if (n->failed || alen + blen + clen == 0 || alen + blen + clen > SPELL_MAX_WORD)
        return;
    char candidate[SPELL_MAX_WORD + 1];
    memcpy(candidate, a, alen);
    memcpy(candidate + alen, b, blen);
    memcpy(candidate + alen + blen, c, clen + 1);
    uint32_t reports = reports_using(n->lexicon, candidate, &n->failed);
    if (reports > n->best_reports ||
        (reports && reports == n->best_reports && strcmp(candidate, n->best) < 0)) {
        n->best_reports = reports;
        memcpy(n->best, candidate, alen + blen + clen + 1);
    }
}

/* Weighs every word one edit from word (lower case, letters as letter_len
 * reads them): a letter dropped, two neighbours swapped, a letter changed,
 * a letter added (Damerau's edits, the typos people make most). */
static void weigh_one_edit(nearest *n, const char *word)
{
    size_t len = strlen(word);
    for (size_t at = 0;; ) {
        size_t k = at < len ? letter_len(word + at) : 0;
        const char *rest = word + at + k;
        for (size_t i = 0; i < ALPHABET_LEN; i++) {
            weigh(n, word, at, ALPHABET[i], strlen(ALPHABET[i]), word + at);
            if (k && !(strlen(ALPHABET[i]) == k && memcmp(ALPHABET[i], word + at, k) == 0))
                weigh(n, word, at, ALPHABET[i], strlen(ALPHABET[i]), rest);
        }
        if (!k)
            return;
        weigh(n, word, at, "", 0, rest);
        size_t k2 = letter_len(rest);
        if (k2 && !(k2 == k && memcmp(rest, word + at, k) == 0)) {
            char swapped[4];
            memcpy(swapped, rest, k2);
            memcpy(swapped + k2, word + at, k);
            weigh(n, word, at, swapped, k + k2, rest + k2);
        }
        at += k;
    }
}

/* The word one edit from word that most reports use (caller frees), or
 * NULL when the index has none, a lookup failed, or word is too short to
 * guess from (a word of three letters has dozens of words one edit away). */
static char *one_edit_away(const xapc_db *lexicon, const char *word)
{
    if (strlen(word) < SPELL_MIN_ONE_EDIT)
        return NULL;
    nearest n = {.lexicon = lexicon};
    weigh_one_edit(&n, word);
    return n.best_reports && !n.failed ? vp_xstrdup(n.best) : NULL;
}

/* ---- one word's correction ---------------------------------------------- */

/* The correction of one word: none for a word some report uses; else (when
 * nearby) the word one edit away that most reports use; else the parser's
 * (the spelling table's words up to two edits away).  A failed lookup
 * leaves it to the parser, as before. */
static char *fresh_correction(const xapc_db *lexicon, xapc_qp *qp, const char *typed,
                              unsigned flags, bool nearby)
{
    char lower[SPELL_MAX_WORD + 1];
    bool failed = false;
    if (!vp_word_lower(typed, strlen(typed), lower, sizeof lower))
        return parser_correction(qp, typed, flags);
    if (reports_using(lexicon, lower, &failed) > 0)
        return NULL;
    char *near = failed || !nearby ? NULL : one_edit_away(lexicon, lower);
    return near ? near : parser_correction(qp, typed, flags);
}

/* The correction of one word (NULL: none), remembered in c. */
static const char *word_correction(vp_spell_cache *c, const xapc_db *lexicon, xapc_qp *qp,
                                   const char *word, size_t len, unsigned flags,
                                   bool nearby, char **scratch)
{
    char typed[SPELL_MAX_WORD + 1];
    memcpy(typed, word, len);
    typed[len] = '\0';
    if (!c) {
        free(*scratch);
        return *scratch = fresh_correction(lexicon, qp, typed, flags, nearby);
    }
    size_t id = vp_strset_find(c->words, word, len);
    if (id != VP_STRSET_NONE)
        return c->corrections[id];
    if (vp_strset_size(c->words) >= SPELL_CACHE_CAP)
        vp_spell_cache_clear(c);
    id = vp_strset_add(c->words, word, len, NULL);
    VP_GROW(c->corrections, c->cap, id + 1);
    return c->corrections[id] = fresh_correction(lexicon, qp, typed, flags, nearby);
}

static bool is_operator(const char *w, size_t len)
{
    static const char *const ops[] = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
    for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
        if (strlen(ops[i]) == len && strncasecmp(w, ops[i], len) == 0)
            return true;
    return false;
}

/* The length of the run of letters at p. */
static size_t letters(const char *p)
{
    size_t n = 0;
    for (size_t k; (k = letter_len(p + n)) > 0;)
        n += k;
    return n;
}

static bool blank(char ch)
{
    return ch == ' ' || ch == '\t';
}

/* True at a mark that ends a word of a sentence ("... met België?", "wonen,
 * zorg"): a natural-language question is still words, which the index is
 * asked about one by one; the parser's whole-text correction knows only the
 * spelling table, which leaves out one report's words. */
static bool sentence_mark(const char *p)
{
    return *p && strchr(",.;:?!", *p) && (!p[1] || blank(p[1]));
}

/* A double quote that opens or closes a phrase: blank (or the text's end)
 * on one side.  The parser corrects a phrase's words as it does loose ones. */
static bool phrase_quote(const char *text, const char *p)
{
    return *p == '"' && (p == text || blank(p[-1]) || !p[1] || blank(p[1]));
}

/* True when text is words of letters (letter_len) between spaces and tabs,
 * some perhaps in "phrases": the parser reads each such word as one term on
 * its own, and corrects it the same wherever it stands.  Anything else
 * (prefixes, hyphens, digits, other scripts, operators, a quote inside a
 * word or left open) goes to the parser whole. */
static bool plain_text(const char *text)
{
    bool any = false;
    size_t quotes = 0;
    for (const char *p = text; *p;) {
        size_t n = letters(p);
        if (n > SPELL_MAX_WORD || is_operator(p, n) ||
            (p[n] && !blank(p[n]) && !phrase_quote(text, p + n) && !sentence_mark(p + n)))
            return false;
        any = any || n > 0;
        for (p += n; blank(*p) || phrase_quote(text, p) || sentence_mark(p); p++)
            quotes += *p == '"';
    }
    return any && quotes % 2 == 0;
}

/* text with each word replaced by its correction; NULL when none changed. */
static char *corrected_words(vp_spell_cache *c, const xapc_db *lexicon, xapc_qp *qp,
                             const char *text, unsigned flags, bool nearby)
{
    vp_buf out = VP_BUF_INIT;
    char *scratch = NULL;
    bool changed = false;
    for (const char *p = text; *p;) {
        size_t n = strspn(p, " \t\"");
        if (n == 0 && sentence_mark(p))
            n = 1;
        bool word = n == 0;
        if (word)
            n = letters(p);
        const char *fix = word ? word_correction(c, lexicon, qp, p, n, flags, nearby, &scratch) : NULL;
        changed = changed || fix;
        if (fix)
            vp_buf_puts(&out, fix);
        else
            vp_buf_append(&out, p, n);
        p += n;
    }
    free(scratch);
    if (!changed) {
        vp_buf_free(&out);
        return NULL;
    }
    return vp_buf_detach(&out);
}

char *vp_spelling_of(vp_spell_cache *c, const xapc_db *lexicon, xapc_qp *qp,
                     const char *text, unsigned flags, bool nearby)
{
    char *corrected = plain_text(text) ? corrected_words(c, lexicon, qp, text, flags, nearby)
                                       : parser_correction(qp, text, flags);
    if (corrected && strcmp(corrected, text) == 0) {
        free(corrected);
        corrected = NULL;
    }
    return corrected;
}
