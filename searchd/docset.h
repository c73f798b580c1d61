/*
 * docset.h: the counting path's sets of documents.  A parsed query is
 * evaluated as a boolean expression straight over Xapian's posting lists
 * into a compressed bitmap (CRoaring), no weights computed: AND, FILTER,
 * OR, SYNONYM, MAX, AND_NOT, XOR, AND_MAYBE (its left side) and
 * SCALE_WEIGHT (its subquery) over terms and MatchAll; a value range on
 * the date slot is read from the facet column; what a posting list cannot
 * answer (phrases, NEAR, ELITE_SET, other value ranges, posting sources
 * other than Xapian's fixed weight source, which matches every document)
 * is evaluated by Xapian's matcher with weights off.  So the set is always
 * exactly the documents Xapian's match gives, and its size the exact total.
 *
 * Every node's set is kept in a cache per searcher and index revision,
 * keyed by the node's serialisation, up to a memory budget (least recently
 * used go first): a filter (one theme, a municipality and its aliases, a
 * date range) is a bitmap after its first use at a revision, and the
 * disjunctive counts, which evaluate the query once without each filter,
 * evaluate the text once.  Local databases only (Xapian's remote protocol
 * gives no posting lists); the caller falls back to match spies there.
 */
#ifndef VP_DOCSET_H
#define VP_DOCSET_H

#include <stddef.h>
#include <stdint.h>
#include <roaring/roaring.h>

#include "facet_column.h"
#include "xapian_c.h"

typedef struct vp_docsets vp_docsets;

/* A cache of at most budget bytes of bitmaps. */
vp_docsets *vp_docsets_new(size_t budget);
void vp_docsets_free(vp_docsets *ds);
/* Forgets every set (the index moved to another revision). */
void vp_docsets_clear(vp_docsets *ds);

/* The documents q matches in db (col: the facet column of db at the same
 * revision, or NULL), as a bitmap the caller frees with
 * roaring_bitmap_free; NULL with xe set when the index fails, or with
 * XAPC_ERR_DEADLINE once deadline (a vp_now_ms() time; 0: none) has passed. */
roaring_bitmap_t *vp_docsets_eval(vp_docsets *ds, const xapc_db *db, const vp_fcol *col,
                                  const xapc_query *q, double deadline, xapc_error *xe);

/* Frees a set; NULL is nothing (CRoaring 0.2's roaring_bitmap_free
 * dereferences it). */
void vp_docset_free(roaring_bitmap_t *set);

/* Every document of db, from the cache (the caller must not free it). */
const roaring_bitmap_t *vp_docsets_all(vp_docsets *ds, const xapc_db *db, xapc_error *xe);

/* Bytes the cache holds, and lookups answered from it / not (for tests and
 * benchmarks). */
size_t vp_docsets_bytes(const vp_docsets *ds);
void vp_docsets_stats(const vp_docsets *ds, uint64_t *hits, uint64_t *misses);

#endif /* VP_DOCSET_H */
