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

/* The parser's operators; in any case, for "and" in lower case, a word to
 * the parser, is no typo to correct either. */
static bool is_operator(const char *w, size_t len)
{
    static const char *const ops[] = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
    for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
        if (strlen(ops[i]) == len && strncasecmp(w, ops[i], len) == 0)
            return true;
    return false;
}

/* The length of the character of a word at p: a letter (letter_len), or a
 * character beyond Latin-1 that is not punctuation (U+2000-U+206F), which
 * the parser also reads as part of a word ("\xef\xac\x81" the ligature fi,
 * a Greek or Cyrillic letter); 0 for anything else. */
static size_t word_char_len(const char *p)
{
    size_t k = letter_len(p);
    unsigned char lead = (unsigned char)*p;
    if (k || lead < 0xC4 || lead > 0xF4 || (lead == 0xE2 && ((unsigned char)p[1] & 0xFE) == 0x80))
        return k;
    size_t len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    for (size_t i = 1; i < len; i++)
        if (((unsigned char)p[i] & 0xC0) != 0x80)
            return 0;   /* not UTF-8: a NUL ends the text before p + len */
    return len;
}

/* The length of the run of word characters at p. */
static size_t letters(const char *p)
{
    size_t n = 0;
    for (size_t k; (k = word_char_len(p + n)) > 0;)
        n += k;
    return n;
}

static bool blank(char ch)
{
    return ch == ' ' || ch == '\t';
}

/* True at a mark that ends a word of a sentence ("... met België?", "wonen,
 * zorg"): a natural-language question is still words. */
static bool sentence_mark(const char *p)
{
    return *p && strchr(",.;:?!", *p) && (!p[1] || blank(p[1]));
}

/* True when what stands before the run of letters at p lets the parser read
 * the run as a word of its own: the text's start, a blank, a quote or
 * parenthesis that opens, the + or - of love and hate, the hyphen inside
 * "sociaal-domein" (a phrase of two words), the colon after a field name
 * ("titel:wonen").  A digit, an apostrophe or a letter of another script
 * makes it part of a longer token, which is left as typed. */
static bool opens_word(const char *text, const char *p)
{
    return p == text || blank(p[-1]) || strchr("\"(+-:", p[-1]);
}

/* The same for what stands after the run: the text's end, a blank, a quote
 * or parenthesis, a mark that ends a sentence, a hyphen before another
 * word.  Not a colon before a word (a field name: "titel:"), a '*' (a
 * wildcard), a digit, a '/' ("NEAR/3"). */
static bool closes_word(const char *p)
{
    return !*p || blank(*p) || *p == '"' || *p == ')' || sentence_mark(p) ||
           (*p == '-' && word_char_len(p + 1));
}

/* Where the value of the field that p stands in starts ("titel:wonen": at
 * "wonen"), or NULL when p is in no field's value. */
static const char *field_value(const char *text, const char *p)
{
    for (const char *q = p; q > text && !blank(q[-1]) && !strchr("\"(", q[-1]); q--)
        if (q[-1] == ':')
            return q;
    return NULL;
}

/* True when the n letters at p are a word to check: a word the parser reads
 * as a term, neither an operator (AND, OR, NOT, NEAR ...) nor a field name.
 * A field's value is checked when it is one word ("titel:wonign"); a value
 * of words joined by hyphens is a theme's slug ("thema:sociaal-domein"), a
 * filter to take as typed. */
static bool word_to_check(const char *text, const char *p, size_t n)
{
    if (n == 0 || n > SPELL_MAX_WORD || is_operator(p, n) || !opens_word(text, p) ||
        !closes_word(p + n))
        return false;
    const char *value = field_value(text, p);
    return !value || !memchr(value, '-', strcspn(value, " \t\")"));
}

/* The length of what follows p up to the next letter, at least one byte. */
static size_t up_to_letter(const char *p)
{
    size_t n = 1;
    while (p[n] && !word_char_len(p + n))
        n++;
    return n;
}

/* text with each word to check (word_to_check) replaced by its correction
 * and all else as typed: operators, field names, digits, quotes and
 * parentheses keep the query's structure.  NULL when no word changed. */
static char *corrected_words(vp_spell_cache *c, const xapc_db *lexicon, xapc_qp *qp,
                             const char *text, unsigned flags, bool nearby)
{
    vp_buf out = VP_BUF_INIT;
    char *scratch = NULL;
    bool changed = false;
    for (const char *p = text; *p;) {
        size_t n = letters(p);
        const char *fix = word_to_check(text, p, n)
                              ? word_correction(c, lexicon, qp, p, n, flags, nearby, &scratch)
                              : NULL;
        if (n == 0)
            n = up_to_letter(p);
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
    char *corrected = corrected_words(c, lexicon, qp, text, flags, nearby);
    if (corrected && strcmp(corrected, text) == 0) {
        free(corrected);
        corrected = NULL;
    }
    return corrected;
}
