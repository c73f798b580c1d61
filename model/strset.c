/*
 * strset.c: see strset.h.
 *
 * Laid out as CPython's compact dict: the slots hold only an id and the low
 * 32 bits of the hash (8 bytes, so that probing stays in a cache line or
 * two), the keys lie in one arena in id order, each followed by a NUL, so
 * that an id needs only its key's offset (its length is the distance to
 * the next key's): 8 bytes a key besides its bytes and two slots.  The
 * word list of the compound splitter has 400,000 keys.
 */
#include "strset.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "mem.h"

typedef struct slot {
    uint32_t id1;      /* id + 1; 0: empty */
    uint32_t hash;     /* low bits of the key's hash: compared before the key */
} slot;

struct vp_strset {
    slot *slots;
    size_t n_slots;    /* 0 or a power of two */
    size_t *offsets;   /* by id: where its key starts in arena */
    size_t n, offsets_cap;
    char *arena;
    size_t arena_len, arena_cap;
};

vp_strset *vp_strset_new(void)
{
    return vp_xcalloc(1, sizeof(vp_strset));
}

void vp_strset_free(vp_strset *s)
{
    if (!s)
        return;
    free(s->slots);
    free(s->offsets);
    free(s->arena);
    free(s);
}

void vp_strset_clear(vp_strset *s)
{
    if (s->n_slots)
        memset(s->slots, 0, s->n_slots * sizeof *s->slots);
    s->n = 0;
    s->arena_len = 0;
}

size_t vp_strset_size(const vp_strset *s)
{
    return s->n;
}

static uint32_t hash_key(const char *key, size_t len)
{
    return (uint32_t)vp_fnv1a(VP_FNV1A_INIT, key, len);
}

static size_t key_len(const vp_strset *s, size_t id)
{
    size_t end = id + 1 < s->n ? s->offsets[id + 1] : s->arena_len;
    return end - s->offsets[id] - 1;
}

/* The slot holding key, or the empty slot where it belongs. */
static inline slot *probe(const vp_strset *s, const char *key, size_t len, uint32_t h)
{
    size_t mask = s->n_slots - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        slot *sl = &s->slots[i];
        if (!sl->id1)
            return sl;
        size_t id = sl->id1 - 1;
        if (sl->hash == h && key_len(s, id) == len &&
            memcmp(s->arena + s->offsets[id], key, len) == 0)
            return sl;
    }
}

size_t vp_strset_find(const vp_strset *s, const char *key, size_t len)
{
    if (!s->n)
        return VP_STRSET_NONE;
    const slot *sl = probe(s, key, len, hash_key(key, len));
    return sl->id1 ? sl->id1 - 1 : VP_STRSET_NONE;
}

/* Twice the slots, every key placed again by the hash its slot kept. */
static void grow_slots(vp_strset *s)
{
    size_t n = s->n_slots ? s->n_slots * 2 : 16;
    if (n > (size_t)UINT32_MAX + 1)
        vp_oom(n * sizeof(slot));
    slot *old = s->slots;
    size_t n_old = s->n_slots;
    s->slots = vp_xcalloc(n, sizeof *s->slots);
    s->n_slots = n;
    for (size_t j = 0; j < n_old; j++) {
        if (!old[j].id1)
            continue;
        size_t mask = n - 1, i = old[j].hash & mask;
        while (s->slots[i].id1)
            i = (i + 1) & mask;
        s->slots[i] = old[j];
    }
    free(old);
}

size_t vp_strset_add(vp_strset *s, const char *key, size_t len, bool *added)
{
    if ((s->n + 1) * 2 > s->n_slots)
        grow_slots(s);
    uint32_t h = hash_key(key, len);
    slot *sl = probe(s, key, len, h);
    if (added)
        *added = !sl->id1;
    if (sl->id1)
        return sl->id1 - 1;
    VP_GROW(s->arena, s->arena_cap, s->arena_len + len + 1);
    memcpy(s->arena + s->arena_len, key, len);
    s->arena[s->arena_len + len] = '\0';
    VP_GROW(s->offsets, s->offsets_cap, s->n + 1);
    s->offsets[s->n] = s->arena_len;
    s->arena_len += len + 1;
    *sl = (slot){(uint32_t)(s->n + 1), h};
    return s->n++;
}

const char *vp_strset_key(const vp_strset *s, size_t id, size_t *len)
{
    if (len)
        *len = key_len(s, id);
    return s->arena + s->offsets[id];
}
