/* compound.c: see compound.h. */
#include "compound.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compound_split.h"
#include "mem.h"
#include "strset.h"

/* A word's split as compound_split.h gives it: n parts (0: no compound),
 * as byte offsets into the word (at most VP_COMPOUND_MAX_WORD bytes). */
typedef struct split {
    uint8_t n, start[VP_COMPOUND_MAX_PARTS], len[VP_COMPOUND_MAX_PARTS];
} split;

typedef struct compound {
    uint32_t wdf;
    size_t first_position, n_positions;   /* into vp_lexicon.positions */
    split parts;
} compound;

/* Words whose split the lexicon remembers: most of a report's words were in
 * an earlier report, and a split costs a dozen lookups or more.  Forgotten
 * all at once when full (about 6 MiB at this size). */
enum { SPLIT_CACHE_WORDS = 1 << 17 };

struct vp_lexicon {
    vp_strset *words;
    vp_strset *split_words;       /* the remembered words; their splits by id: */
    split *splits;
    size_t splits_cap;
    /* scratch for vp_compound_index_doc, reused across documents */
    char *terms;                  /* NUL-separated compound terms of one doc */
    size_t terms_len, terms_cap;
    compound *found;              /* per compound term: wdf, its positions */
    size_t n_found, found_cap;
    uint32_t *positions;          /* the positions of all of them */
    size_t n_positions, positions_cap;
};

vp_lexicon *vp_lexicon_new(void)
{
    vp_lexicon *lex = vp_xcalloc(1, sizeof *lex);
    lex->words = vp_strset_new();
    lex->split_words = vp_strset_new();
    return lex;
}

void vp_lexicon_free(vp_lexicon *lex)
{
    if (!lex)
        return;
    vp_strset_free(lex->words);
    vp_strset_free(lex->split_words);
    free(lex->splits);
    free(lex->terms);
    free(lex->found);
    free(lex->positions);
    free(lex);
}

size_t vp_lexicon_size(const vp_lexicon *lex)
{
    return vp_strset_size(lex->words);
}

bool vp_lexicon_contains(const vp_lexicon *lex, const char *word, size_t len)
{
    return vp_strset_find(lex->words, word, len) != VP_STRSET_NONE;
}

void vp_lexicon_add(vp_lexicon *lex, const char *word, size_t len)
{
    if (len > 0 && !memchr(word, '\0', len))
        vp_strset_add(lex->words, word, len, NULL);
    vp_strset_clear(lex->split_words);   /* a new word can split what did not */
}

/* ASCII lower case: the word list's capitals are ASCII (names, acronyms). */
static void lower_ascii(char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] >= 'A' && s[i] <= 'Z')
            s[i] = (char)(s[i] - 'A' + 'a');
}

int vp_lexicon_load(vp_lexicon *lex, const char *path, char *errbuf, size_t errlen)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(errbuf, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    char line[256];
    while (fgets(line, sizeof line, f)) {
        size_t len = strcspn(line, "\r\n");
        lower_ascii(line, len);
        /* words shorter than a part can never be one */
        if (len >= VP_COMPOUND_MIN_PART)
            vp_lexicon_add(lex, line, len);
    }
    if (ferror(f)) {
        snprintf(errbuf, errlen, "%s: read error", path);
        fclose(f);
        return -1;
    }
    fclose(f);
    return 0;
}

/* ---- a document's compounds --------------------------------------------- */

static bool is_word(const char *s, size_t len, void *ctx)
{
    return vp_lexicon_contains(ctx, s, len);
}

/* The split of term, from the cache or computed and remembered. */
static split split_of(vp_lexicon *lex, const char *term)
{
    size_t len = strlen(term);
    if (len > VP_COMPOUND_MAX_WORD)
        return (split){0};   /* never a compound (compound_split.h) */
    if (vp_strset_size(lex->split_words) >= SPLIT_CACHE_WORDS)
        vp_strset_clear(lex->split_words);
    bool added;
    size_t id = vp_strset_add(lex->split_words, term, len, &added);
    if (!added)
        return lex->splits[id];
    vp_span spans[VP_COMPOUND_MAX_PARTS];
    split sp = {.n = (uint8_t)vp_compound_split(term, len, is_word, lex, spans)};
    for (size_t i = 0; i < sp.n; i++) {
        sp.start[i] = (uint8_t)spans[i].start;
        sp.len[i] = (uint8_t)spans[i].len;
    }
    VP_GROW(lex->splits, lex->splits_cap, id + 1);
    lex->splits[id] = sp;
    return sp;
}

/* An unprefixed word term long enough to be a compound. */
static bool candidate(const char *term)
{
    unsigned char c = (unsigned char)term[0];
    return !(c >= 'A' && c <= 'Z') && strlen(term) >= VP_COMPOUND_MIN_WORD;
}

/* Keeps the iterator's current term (a compound), its wdf and positions. */
static void remember(vp_lexicon *lex, const xapc_termiter *it, const char *term,
                     uint32_t wdf, split parts, xapc_error *err)
{
    size_t len = strlen(term) + 1;
    VP_GROW(lex->terms, lex->terms_cap, lex->terms_len + len);
    VP_GROW(lex->found, lex->found_cap, lex->n_found + 1);
    size_t room = lex->positions_cap - lex->n_positions;
    size_t n = xapc_termiter_positions(it, lex->positions + lex->n_positions, room, err);
    if (n > room) {
        VP_GROW(lex->positions, lex->positions_cap, lex->n_positions + n);
        xapc_termiter_positions(it, lex->positions + lex->n_positions, n, err);
    }
    memcpy(lex->terms + lex->terms_len, term, len);
    lex->terms_len += len;
    lex->found[lex->n_found++] = (compound){wdf, lex->n_positions, n, parts};
    lex->n_positions += n;
}

/* The compounds among doc's terms, with their positions, in one pass over
 * the termlist (collected first: adding postings while iterating would
 * invalidate the iterator). */
static xapc_status collect_compounds(vp_lexicon *lex, const xapc_doc *doc, xapc_error *err)
{
    lex->terms_len = lex->n_found = lex->n_positions = 0;
    xapc_termiter *it = xapc_doc_termlist(doc, "", err);
    if (!it)
        return err->status;
    const char *term;
    uint32_t wdf;
    while (xapc_termiter_next(it, &term, &wdf, err)) {
        if (!candidate(term))
            continue;
        split parts = split_of(lex, term);
        if (parts.n > 0)
            remember(lex, it, term, wdf, parts, err);
    }
    xapc_termiter_free(it);
    return err->status;
}

static xapc_status add_part(xapc_doc *doc, const char *part, const uint32_t *pos,
                            size_t n_pos, uint32_t wdf, const xapc_stem *stem,
                            xapc_error *err)
{
    for (size_t i = 0; i < n_pos; i++)
        if (xapc_doc_add_posting(doc, part, pos[i], 0, err) != XAPC_OK)
            return err->status;
    if (xapc_doc_add_term(doc, part, wdf, err) != XAPC_OK)
        return err->status;
    char z[VP_COMPOUND_MAX_WORD * 2 + 2] = "Z";
    if (!xapc_stem_into(stem, part, strlen(part), z + 1, sizeof z - 1, err))
        return err->status != XAPC_OK ? err->status : XAPC_OK;   /* no stem: no Z term */
    return xapc_doc_add_term(doc, z, wdf, err);
}

static xapc_status add_parts(vp_lexicon *lex, xapc_doc *doc, const char *term,
                             const compound *c, const xapc_stem *stem, xapc_error *err)
{
    for (size_t i = 0; i < c->parts.n; i++) {
        char part[VP_COMPOUND_MAX_WORD + 1];
        memcpy(part, term + c->parts.start[i], c->parts.len[i]);
        part[c->parts.len[i]] = '\0';
        if (add_part(doc, part, lex->positions + c->first_position, c->n_positions,
                     (c->wdf + 1) / 2, stem, err) != XAPC_OK)
            return err->status;
    }
    return XAPC_OK;
}

xapc_status vp_compound_index_doc(vp_lexicon *lex, xapc_doc *doc, const xapc_stem *stem,
                                  xapc_error *err)
{
    if (collect_compounds(lex, doc, err) != XAPC_OK)
        return err->status;
    const char *term = lex->terms;
    for (size_t i = 0; i < lex->n_found; i++, term += strlen(term) + 1)
        if (add_parts(lex, doc, term, &lex->found[i], stem, err) != XAPC_OK)
            return err->status;
    return XAPC_OK;
}
