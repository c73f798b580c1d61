/* compound.c: see compound.h. */
#include "compound.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compound_split.h"

typedef struct compound {
    uint32_t wdf;
    size_t first_position, n_positions;   /* into vp_lexicon.positions */
} compound;

/* Open addressing over offsets into one arena of NUL-terminated words: no
 * allocation per word, one hash and usually one compare per lookup. */
typedef struct slot {
    uint32_t offset;   /* into arena; UINT32_MAX: empty */
    uint32_t hash;
} slot;

struct vp_lexicon {
    char *arena;
    size_t arena_len, arena_cap;
    slot *slots;
    size_t n_slots, n_words;      /* n_slots: a power of two */
    /* scratch for vp_compound_index_doc, reused across documents */
    char *terms;                  /* NUL-separated compound terms of one doc */
    size_t terms_len, terms_cap;
    compound *found;              /* per compound term: wdf, its positions */
    size_t n_found, found_cap;
    uint32_t *positions;          /* the positions of all of them */
    size_t n_positions, positions_cap;
};

static uint32_t hash_bytes(const char *s, size_t len)
{
    uint32_t h = 2166136261u;          /* FNV-1a */
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

vp_lexicon *vp_lexicon_new(void)
{
    vp_lexicon *lex = calloc(1, sizeof *lex);
    if (!lex)
        return NULL;
    lex->n_slots = 1024;
    lex->slots = malloc(lex->n_slots * sizeof *lex->slots);
    if (!lex->slots) {
        free(lex);
        return NULL;
    }
    memset(lex->slots, 0xFF, lex->n_slots * sizeof *lex->slots);
    return lex;
}

void vp_lexicon_free(vp_lexicon *lex)
{
    if (!lex)
        return;
    free(lex->arena);
    free(lex->slots);
    free(lex->terms);
    free(lex->found);
    free(lex->positions);
    free(lex);
}

size_t vp_lexicon_size(const vp_lexicon *lex)
{
    return lex->n_words;
}

/* The slot holding word, or the empty slot where it belongs. */
static slot *find_slot(const vp_lexicon *lex, const char *word, size_t len, uint32_t h)
{
    size_t mask = lex->n_slots - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        slot *s = &lex->slots[i];
        if (s->offset == UINT32_MAX)
            return s;
        const char *w = lex->arena + s->offset;
        if (s->hash == h && strncmp(w, word, len) == 0 && w[len] == '\0')
            return s;
    }
}

bool vp_lexicon_contains(const vp_lexicon *lex, const char *word, size_t len)
{
    return find_slot(lex, word, len, hash_bytes(word, len))->offset != UINT32_MAX;
}

static bool grow_slots(vp_lexicon *lex)
{
    slot *old = lex->slots;
    size_t n_old = lex->n_slots;
    lex->n_slots *= 2;
    lex->slots = malloc(lex->n_slots * sizeof *lex->slots);
    if (!lex->slots) {
        lex->slots = old;
        lex->n_slots = n_old;
        return false;
    }
    memset(lex->slots, 0xFF, lex->n_slots * sizeof *lex->slots);
    for (size_t i = 0; i < n_old; i++)
        if (old[i].offset != UINT32_MAX) {
            const char *w = lex->arena + old[i].offset;
            *find_slot(lex, w, strlen(w), old[i].hash) = old[i];
        }
    free(old);
    return true;
}

static bool arena_append(vp_lexicon *lex, const char *word, size_t len)
{
    if (lex->arena_len + len + 1 > lex->arena_cap) {
        size_t cap = lex->arena_cap ? lex->arena_cap * 2 : 1 << 16;
        while (cap < lex->arena_len + len + 1)
            cap *= 2;
        if (cap > UINT32_MAX)   /* offsets are 32 bits: 4 GB of words is no word list */
            return false;
        char *grown = realloc(lex->arena, cap);
        if (!grown)
            return false;
        lex->arena = grown;
        lex->arena_cap = cap;
    }
    memcpy(lex->arena + lex->arena_len, word, len);
    lex->arena[lex->arena_len + len] = '\0';
    return true;
}

bool vp_lexicon_add(vp_lexicon *lex, const char *word, size_t len)
{
    if (len == 0 || memchr(word, '\0', len))
        return true;
    if ((lex->n_words + 1) * 2 > lex->n_slots && !grow_slots(lex))
        return false;
    uint32_t h = hash_bytes(word, len);
    slot *s = find_slot(lex, word, len, h);
    if (s->offset != UINT32_MAX)
        return true;
    if (!arena_append(lex, word, len))
        return false;
    *s = (slot){(uint32_t)lex->arena_len, h};
    lex->arena_len += len + 1;
    lex->n_words++;
    return true;
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
    bool ok = true;
    while (ok && fgets(line, sizeof line, f)) {
        size_t len = strcspn(line, "\r\n");
        lower_ascii(line, len);
        /* words shorter than a part can never be one */
        ok = len < VP_COMPOUND_MIN_PART || vp_lexicon_add(lex, line, len);
    }
    if (!ok || ferror(f)) {
        snprintf(errbuf, errlen, "%s: %s", path, ok ? "read error" : "out of memory");
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

/* An unprefixed word term long enough to be a compound. */
static bool candidate(const char *term)
{
    unsigned char c = (unsigned char)term[0];
    return !(c >= 'A' && c <= 'Z') && strlen(term) >= VP_COMPOUND_MIN_WORD;
}

static bool grow(void **buf, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return true;
    size_t cap2 = *cap ? *cap : 64;
    while (cap2 < need)
        cap2 *= 2;
    void *grown = realloc(*buf, cap2 * size);
    if (!grown)
        return false;
    *buf = grown;
    *cap = cap2;
    return true;
}

/* Keeps the iterator's current term (a compound), its wdf and positions. */
static bool remember(vp_lexicon *lex, const xapc_termiter *it, const char *term,
                     uint32_t wdf, xapc_error *err)
{
    size_t len = strlen(term) + 1;
    if (!grow((void **)&lex->terms, &lex->terms_cap, lex->terms_len + len, 1) ||
        !grow((void **)&lex->found, &lex->found_cap, lex->n_found + 1, sizeof *lex->found))
        return false;
    size_t room = lex->positions_cap - lex->n_positions;
    size_t n = xapc_termiter_positions(it, lex->positions + lex->n_positions, room, err);
    if (n > room) {
        if (!grow((void **)&lex->positions, &lex->positions_cap, lex->n_positions + n,
                  sizeof *lex->positions))
            return false;
        xapc_termiter_positions(it, lex->positions + lex->n_positions, n, err);
    }
    memcpy(lex->terms + lex->terms_len, term, len);
    lex->terms_len += len;
    lex->found[lex->n_found++] = (compound){wdf, lex->n_positions, n};
    lex->n_positions += n;
    return true;
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
    vp_span parts[VP_COMPOUND_MAX_PARTS];
    bool ok = true;
    while (ok && xapc_termiter_next(it, &term, &wdf, err))
        if (candidate(term) &&
            vp_compound_split(term, strlen(term), is_word, lex, parts) > 0)
            ok = remember(lex, it, term, wdf, err);
    xapc_termiter_free(it);
    if (!ok && err->status == XAPC_OK) {
        err->status = XAPC_ERR_NO_MEMORY;
        snprintf(err->message, sizeof err->message, "out of memory splitting compounds");
    }
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
    char *stemmed = xapc_stem_word(stem, part, err);
    if (!stemmed)
        return err->status;
    char z[VP_COMPOUND_MAX_WORD + 2];
    snprintf(z, sizeof z, "Z%s", stemmed);
    free(stemmed);
    return xapc_doc_add_term(doc, z, wdf, err);
}

static xapc_status add_parts(vp_lexicon *lex, xapc_doc *doc, const char *term,
                             const compound *c, const xapc_stem *stem, xapc_error *err)
{
    vp_span parts[VP_COMPOUND_MAX_PARTS];
    size_t n = vp_compound_split(term, strlen(term), is_word, lex, parts);
    for (size_t i = 0; i < n; i++) {
        char part[VP_COMPOUND_MAX_WORD + 1];
        memcpy(part, term + parts[i].start, parts[i].len);
        part[parts[i].len] = '\0';
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
