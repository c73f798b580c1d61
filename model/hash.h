/*
 * hash.h: the one string hash of the tree, 64-bit FNV-1a.
 *
 * Stable across runs, machines and versions, because the shard layout
 * stores its results on disk: a report lives in shard vp_fnv1a(id) mod N
 * (layout.h), and the indexer's stamps carry content hashes made with it.
 * vp_strset hashes its keys with it too.
 */
#ifndef VP_HASH_H
#define VP_HASH_H

#include <stddef.h>
#include <stdint.h>

#define VP_FNV1A_INIT 0xcbf29ce484222325ULL

/* FNV-1a of buf[0..len), continued from h (start with VP_FNV1A_INIT). */
uint64_t vp_fnv1a(uint64_t h, const void *buf, size_t len);

#endif /* VP_HASH_H */
