/* expand.c: see expand.h. */
#include "expand.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compound_split.h"
#include "mem.h"
#include "strvec.h"
#include "text.h"

typedef struct words {
    vp_strvec typed;     /* as the user typed them */
    vp_strvec folded;    /* folded, surrounding punctuation removed */
} words;

static void words_clear(words *w)
{
    vp_strvec_clear(&w->typed);
    vp_strvec_clear(&w->folded);
}

static bool is_operator(const char *t)
{
    static const char *const ops[] = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
    for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
        if (strcmp(t, ops[i]) == 0)
            return true;
    return false;
}

static char *fold_word(const char *t)
{
    char *f = vp_fold(t);
    if (!f)
        return NULL;
    size_t start = strspn(f, ",.;:!?'");
    size_t len = strlen(f + start);
    while (len > 0 && strchr(",.;:!?'", f[start + len - 1]))
        len--;
    memmove(f, f + start, len);
    f[len] = '\0';
    return f;
}

/* Splits q into words; false when q is not plain. */
static bool plain_words(const char *q, words *w)
{
    if (strpbrk(q, "\"():*+~"))
        return false;
    char *copy = vp_xstrdup(q);
    bool ok = true;
    for (char *save = NULL, *t = strtok_r(copy, " \t\r\n", &save);
         ok && t; t = strtok_r(NULL, " \t\r\n", &save)) {
        char *f = fold_word(t);
        ok = t[0] != '-' && !is_operator(t) && f && *f &&
             w->typed.len < VP_EXPAND_MAX_WORDS &&
             vp_strvec_push(&w->typed, t) && vp_strvec_push(&w->folded, f);
        free(f);
    }
    free(copy);
    return ok && w->typed.len > 0;
}

/* v->items[from..from+n) joined by single spaces; caller frees. */
static char *join(const vp_strvec *v, size_t from, size_t n)
{
    size_t len = 1;
    for (size_t i = 0; i < n; i++)
        len += strlen(v->items[from + i]) + 1;
    char *out = vp_xmalloc(len);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i)
            strcat(out, " ");
        strcat(out, v->items[from + i]);
    }
    return out;
}

/* The synonyms of key; returns whether it has any, multi-word ones into
 * phrases. */
static bool synonyms_of(const xapc_db *db, const char *key, vp_strvec *phrases,
                        xapc_error *err)
{
    xapc_termiter *it = xapc_db_synonyms(db, key, err);
    if (!it)
        return false;
    const char *syn;
    bool any = false;
    while (xapc_termiter_next(it, &syn, NULL, err)) {
        any = true;
        if (strchr(syn, ' '))
            vp_strvec_push(phrases, syn);
    }
    xapc_termiter_free(it);
    return any;
}

static xapc_query *parse(xapc_qp *qp, const char *text, unsigned flags, xapc_error *err)
{
    return xapc_qp_parse(qp, text, flags, "", err);
}

/* OR of first and the queries of texts (each quoted when asked). */
static xapc_query *or_with(xapc_qp *qp, xapc_query *first, const vp_strvec *texts,
                           bool quote, unsigned flags, xapc_error *err)
{
    size_t n = 1 + texts->len;
    xapc_query **qs = vp_xcalloc(n, sizeof *qs);
    xapc_query *out = NULL;
    bool ok = true;
    qs[0] = first;
    for (size_t i = 0; ok && i < texts->len; i++) {
        char buf[512];
        snprintf(buf, sizeof buf, quote ? "\"%s\"" : "%s", texts->items[i]);
        ok = (qs[1 + i] = parse(qp, buf, flags, err)) != NULL;
    }
    if (ok)
        out = xapc_query_combine(XAPC_OP_OR, (const xapc_query *const *)qs, n, 0, err);
    for (size_t i = 1; i < n; i++)
        xapc_query_free(qs[i]);
    free(qs);
    return out;
}

/* ---- compounds ------------------------------------------------------------- */

typedef struct term_lexicon { const xapc_db *db; xapc_error *err; } term_lexicon;

static bool indexed_word(const char *s, size_t len, void *ctx)
{
    term_lexicon *lex = ctx;
    char term[VP_COMPOUND_MAX_WORD + 1];
    /* After one failed lookup the rest would fail too, and on a remote
     * shard that stopped answering each would wait out the timeout. */
    if (len > VP_COMPOUND_MAX_WORD || lex->err->status != XAPC_OK)
        return false;
    memcpy(term, s, len);
    term[len] = '\0';
    return xapc_db_termfreq(lex->db, term, lex->err) > 0;
}

/* The parts of a rare compound word, or none. */
static void compound_parts(const xapc_db *db, const char *typed, vp_strvec *parts,
                           xapc_error *err)
{
    char word[VP_COMPOUND_MAX_WORD + 1];
    size_t len = strlen(typed);
    if (len > VP_COMPOUND_MAX_WORD)
        return;
    for (size_t i = 0; i <= len; i++)
        word[i] = typed[i] >= 'A' && typed[i] <= 'Z' ? (char)(typed[i] - 'A' + 'a') : typed[i];
    if (xapc_db_termfreq(db, word, err) >= VP_EXPAND_RARE_COMPOUND || err->status != XAPC_OK)
        return;
    term_lexicon lex = {db, err};
    vp_span spans[VP_COMPOUND_MAX_PARTS];
    size_t n = vp_compound_split(word, len, indexed_word, &lex, spans);
    for (size_t i = 0; i < n; i++) {
        word[spans[i].start + spans[i].len] = '\0';
        vp_strvec_push(parts, word + spans[i].start);
    }
}

/* word OR (first part AND_MAYBE the other parts). */
static xapc_query *word_query(xapc_qp *qp, const xapc_db *db, const char *typed,
                              unsigned flags, xapc_error *err)
{
    xapc_query *word = parse(qp, typed, flags, err);
    vp_strvec parts = VP_STRVEC_INIT;
    if (word)
        compound_parts(db, typed, &parts, err);
    if (word && err->status != XAPC_OK) {     /* the lexicon failed: so does the query */
        xapc_query_free(word);
        word = NULL;
    }
    if (!word || parts.len == 0) {
        vp_strvec_clear(&parts);
        return word;
    }
    xapc_query *qs[VP_COMPOUND_MAX_PARTS] = {0};
    bool ok = true;
    for (size_t i = 0; ok && i < parts.len; i++)
        ok = (qs[i] = parse(qp, parts.items[i], flags, err)) != NULL;
    xapc_query *by_parts = ok ? xapc_query_combine(XAPC_OP_AND_MAYBE,
                                                   (const xapc_query *const *)qs,
                                                   parts.len, 0, err) : NULL;
    const xapc_query *both[2] = {word, by_parts};
    xapc_query *out = by_parts ? xapc_query_combine(XAPC_OP_OR, both, 2, 0, err) : NULL;
    for (size_t i = 0; i < parts.len; i++)
        xapc_query_free(qs[i]);
    xapc_query_free(by_parts);
    xapc_query_free(word);
    vp_strvec_clear(&parts);
    return out;
}

/* ---- the groups of a query ------------------------------------------------- */

/* The query for the words from i on that form one group; *used = how many. */
static xapc_query *group_query(xapc_qp *qp, const xapc_db *db, const words *w, size_t i,
                               unsigned flags, size_t *used, xapc_error *err)
{
    size_t max = w->typed.len - i < VP_EXPAND_MAX_SPAN ? w->typed.len - i
                                                        : VP_EXPAND_MAX_SPAN;
    for (size_t n = max; n >= 2; n--) {
        char *key = join(&w->folded, i, n);
        vp_strvec phrases = VP_STRVEC_INIT;
        bool any = synonyms_of(db, key, &phrases, err);
        free(key);
        xapc_query *q = NULL;
        if (any) {
            char *span = join(&w->typed, i, n);
            xapc_query *typed = parse(qp, span, flags, err);
            q = typed ? or_with(qp, typed, &phrases, true, flags, err) : NULL;
            xapc_query_free(typed);
            free(span);
        }
        vp_strvec_clear(&phrases);
        if (any || err->status != XAPC_OK) {
            *used = n;
            return q;
        }
    }
    *used = 1;
    vp_strvec phrases = VP_STRVEC_INIT;
    synonyms_of(db, w->folded.items[i], &phrases, err);
    xapc_query *word = err->status == XAPC_OK
                           ? word_query(qp, db, w->typed.items[i], flags, err) : NULL;
    xapc_query *q = word && phrases.len ? or_with(qp, word, &phrases, true, flags, err)
                                        : NULL;
    if (q || !word)
        xapc_query_free(word);
    vp_strvec_clear(&phrases);
    return q ? q : word;
}

xapc_query *vp_expand_query(xapc_qp *qp, const xapc_db *db, const char *q,
                            unsigned flags, xapc_error *err)
{
    words w = {VP_STRVEC_INIT, VP_STRVEC_INIT};
    if (!plain_words(q, &w)) {
        words_clear(&w);
        return NULL;
    }
    xapc_query *groups[VP_EXPAND_MAX_WORDS] = {0};
    size_t n = 0;
    bool ok = true;
    for (size_t i = 0, used = 0; ok && i < w.typed.len; i += used)
        ok = (groups[n++] = group_query(qp, db, &w, i, flags, &used, err)) != NULL;
    xapc_query *out = ok ? xapc_query_combine(XAPC_OP_AND, (const xapc_query *const *)groups,
                                              n, 0, err) : NULL;
    for (size_t i = 0; i < n; i++)
        xapc_query_free(groups[i]);
    words_clear(&w);
    return out;
}
