/* spelling.c: see spelling.h. */
#include "spelling.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text.h"

/* Words remembered per searcher before the table starts afresh. */
enum { SPELL_CACHE_CAP = 4096, SPELL_MAX_WORD = 64 };

typedef struct spell_entry {
    char *word;          /* as typed; NULL for an empty bucket */
    char *correction;    /* Xapian's, or NULL when it has none */
} spell_entry;

struct vp_spell_cache {
    spell_entry buckets[SPELL_CACHE_CAP * 2];
    size_t size;
};

vp_spell_cache *vp_spell_cache_new(void)
{
    return calloc(1, sizeof(vp_spell_cache));
}

void vp_spell_cache_clear(vp_spell_cache *c)
{
    if (!c || c->size == 0)
        return;
    for (size_t i = 0; i < sizeof c->buckets / sizeof *c->buckets; i++) {
        free(c->buckets[i].word);
        free(c->buckets[i].correction);
    }
    memset(c->buckets, 0, sizeof c->buckets);
    c->size = 0;
}

void vp_spell_cache_free(vp_spell_cache *c)
{
    vp_spell_cache_clear(c);
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

static spell_entry *find_entry(vp_spell_cache *c, const char *word, size_t len)
{
    uint64_t h = 1469598103934665603ULL;          /* FNV-1a */
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)word[i]) * 1099511628211ULL;
    size_t cap = sizeof c->buckets / sizeof *c->buckets, i = h & (cap - 1);
    while (c->buckets[i].word &&
           !(strlen(c->buckets[i].word) == len && memcmp(c->buckets[i].word, word, len) == 0))
        i = (i + 1) & (cap - 1);
    return &c->buckets[i];
}

/* True when the spelling table holds word, which the parser would look
 * up in lower case.  A failed lookup counts as unknown: the parser then
 * answers as before. */
static bool known_word(const xapc_db *lexicon, const char *typed)
{
    char lower[SPELL_MAX_WORD + 1];
    size_t i = 0;
    for (; typed[i]; i++)
        lower[i] = (char)tolower((unsigned char)typed[i]);
    lower[i] = '\0';
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

/* The correction of one word (NULL: none), remembered in c.  *ok = false
 * when out of memory. */
static const char *word_correction(vp_spell_cache *c, const xapc_db *lexicon, xapc_qp *qp,
                                   const char *word, size_t len, unsigned flags,
                                   char **scratch, bool *ok)
{
    char typed[SPELL_MAX_WORD + 1];
    memcpy(typed, word, len);
    typed[len] = '\0';
    if (!c) {
        free(*scratch);
        return *scratch = fresh_correction(lexicon, qp, typed, flags);
    }
    spell_entry *e = find_entry(c, word, len);
    if (e->word)
        return e->correction;
    if (c->size >= SPELL_CACHE_CAP) {
        vp_spell_cache_clear(c);
        e = find_entry(c, word, len);
    }
    e->correction = fresh_correction(lexicon, qp, typed, flags);
    if (!(e->word = strdup(typed))) {
        free(e->correction);
        e->correction = NULL;
        *ok = false;
        return NULL;
    }
    c->size++;
    return e->correction;
}

static bool is_operator(const char *w, size_t len)
{
    static const char *const ops[] = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
    for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
        if (strlen(ops[i]) == len && strncasecmp(w, ops[i], len) == 0)
            return true;
    return false;
}

static bool ascii_letter(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
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

/* True when text is words of ASCII letters between spaces and tabs, some
 * perhaps in "phrases": the parser reads each such word as one term on its
 * own, and corrects it the same wherever it stands.  Anything else
 * (prefixes, hyphens, digits, accents, operators, a quote inside a word or
 * left open) goes to the parser whole. */
static bool plain_text(const char *text)
{
    bool any = false;
    size_t quotes = 0;
    for (const char *p = text; *p;) {
        size_t n = 0;
        while (ascii_letter(p[n]))
            n++;
        if (n > SPELL_MAX_WORD || is_operator(p, n) ||
            (p[n] && !blank(p[n]) && !phrase_quote(text, p + n)))
            return false;
        any = any || n > 0;
        for (p += n; blank(*p) || phrase_quote(text, p); p++)
            quotes += *p == '"';
    }
    return any && quotes % 2 == 0;
}

/* text with each word replaced by its correction. */
static char *corrected_words(vp_spell_cache *c, const xapc_db *lexicon, xapc_qp *qp,
                             const char *text, unsigned flags)
{
    size_t cap = strlen(text) + 1, len = 0;
    char *out = malloc(cap), *scratch = NULL;
    bool ok = out != NULL, changed = false;
    for (const char *p = text; ok && *p;) {
        size_t n = strspn(p, " \t\"");
        if (n == 0)
            while (ascii_letter(p[n]))
                n++;
        const char *fix = n && ascii_letter(*p) ? word_correction(c, lexicon, qp, p, n, flags, &scratch, &ok)
                                                : NULL;
        const char *piece = fix ? fix : p;
        size_t piece_len = fix ? strlen(fix) : n;
        changed = changed || fix;
        if (ok && len + piece_len + 1 > cap) {
            char *bigger = realloc(out, cap = 2 * (len + piece_len + 1));
            if (bigger)
                out = bigger;
            else
                ok = false;
        }
        if (ok) {
            memcpy(out + len, piece, piece_len);
            len += piece_len;
        }
        p += n;
    }
    free(scratch);
    if (!ok || !changed) {
        free(out);
        return NULL;
    }
    out[len] = '\0';
    return out;
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
