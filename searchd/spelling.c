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

/* True when the spelling table holds word, which the parser would look
 * up in lower case.  A failed lookup counts as unknown: the parser then
 * answers as before. */
static bool known_word(const xapc_db *lexicon, const char *typed)
{
    char lower[SPELL_MAX_WORD + 1];
    if (!vp_word_lower(typed, strlen(typed), lower, sizeof lower))
        return false;
    xapc_error xe;
    xapc_error_clear(&xe);
    return xapc_db_spelling_frequency(lexicon, lower, &xe) > 0;
}

/* The correction of one word: none for a word the table holds, else the
 * parser's. */
static char *fresh_correction(const xapc_db *lexicon, xapc_qp *qp, const char *typed,
                              unsigned flags)
{
    return known_word(lexicon, typed) ? NULL : parser_correction(qp, typed, flags);
}

/* The correction of one word (NULL: none), remembered in c. */
static const char *word_correction(vp_spell_cache *c, const xapc_db *lexicon, xapc_qp *qp,
                                   const char *word, size_t len, unsigned flags,
                                   char **scratch)
{
    char typed[SPELL_MAX_WORD + 1];
    memcpy(typed, word, len);
    typed[len] = '\0';
    if (!c) {
        free(*scratch);
        return *scratch = fresh_correction(lexicon, qp, typed, flags);
    }
    size_t id = vp_strset_find(c->words, word, len);
    if (id != VP_STRSET_NONE)
        return c->corrections[id];
    if (vp_strset_size(c->words) >= SPELL_CACHE_CAP)
        vp_spell_cache_clear(c);
    id = vp_strset_add(c->words, word, len, NULL);
    VP_GROW(c->corrections, c->cap, id + 1);
    return c->corrections[id] = fresh_correction(lexicon, qp, typed, flags);
}

static bool is_operator(const char *w, size_t len)
{
    static const char *const ops[] = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
    for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
        if (strlen(ops[i]) == len && strncasecmp(w, ops[i], len) == 0)
            return true;
    return false;
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
            (p[n] && !blank(p[n]) && !phrase_quote(text, p + n)))
            return false;
        any = any || n > 0;
        for (p += n; blank(*p) || phrase_quote(text, p); p++)
            quotes += *p == '"';
    }
    return any && quotes % 2 == 0;
}

/* text with each word replaced by its correction; NULL when none changed. */
static char *corrected_words(vp_spell_cache *c, const xapc_db *lexicon, xapc_qp *qp,
                             const char *text, unsigned flags)
{
    vp_buf out = VP_BUF_INIT;
    char *scratch = NULL;
    bool changed = false;
    for (const char *p = text; *p;) {
        size_t n = strspn(p, " \t\"");
        bool word = n == 0;
        if (word)
            n = letters(p);
        const char *fix = word ? word_correction(c, lexicon, qp, p, n, flags, &scratch) : NULL;
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
                     const char *text, unsigned flags)
{
    char *corrected = plain_text(text) ? corrected_words(c, lexicon, qp, text, flags)
                                       : parser_correction(qp, text, flags);
    if (corrected && strcmp(corrected, text) == 0) {
        free(corrected);
        corrected = NULL;
    }
    return corrected;
}
