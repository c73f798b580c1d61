/*
 * strset.h: the one hash table of the tree: a set of byte strings, each
 * with a dense id (0, 1, 2 ... in the order they were added).
 *
 * A map is a set plus an array of the caller's, indexed by id: the facet
 * counts keep a count per id, the spelling cache a correction per id.  So
 * the table never holds a pointer of its caller's, iterating is a loop over
 * 0..size-1 in insertion order, and one implementation with one hash
 * (vp_fnv1a, hash.h) serves them all.
 *
 * Owns copies of its keys (in one arena, NUL-terminated: no allocation per
 * key).  Keys are compared as bytes and may hold NULs.  Open addressing,
 * linear probing, at most half full.  Adding never fails (mem.h).
 */
#ifndef VP_STRSET_H
#define VP_STRSET_H

#include <stdbool.h>
#include <stddef.h>

typedef struct vp_strset vp_strset;

#define VP_STRSET_NONE ((size_t)-1)

/* An empty set (never NULL: mem.h); free with vp_strset_free (NULL is
 * fine). */
vp_strset *vp_strset_new(void);
void vp_strset_free(vp_strset *s);

/* Forgets every key (ids start at 0 again) and keeps the memory. */
void vp_strset_clear(vp_strset *s);

/* Number of keys: the ids in use are 0 .. size-1. */
size_t vp_strset_size(const vp_strset *s);

/* The id of key[0..len), or VP_STRSET_NONE when the set lacks it. */
size_t vp_strset_find(const vp_strset *s, const char *key, size_t len);

/* The id of key[0..len), added (with the next id) when new; *added (may be
 * NULL) says which. */
size_t vp_strset_add(vp_strset *s, const char *key, size_t len, bool *added);

/* The key with that id, NUL-terminated, its length in *len (may be NULL).
 * Valid until the next add or clear. */
const char *vp_strset_key(const vp_strset *s, size_t id, size_t *len);

#endif /* VP_STRSET_H */
