/*
 * colcount.h: facet counts and date order read from the facet column
 * (model/facet_column.h) for sets of documents (docset.h): a searcher's
 * view of one revision's column, with what it derives from it once (the
 * values folded for sorting, the counts over every report).
 *
 * Counting a set reads each member's ordinals (a few integers a document
 * per facet) into an array per facet; a set larger than half the index is
 * counted through its complement, subtracted from the counts over every
 * report, so no count reads more than half the documents.  Date order is
 * the column's: the page of a set in key order is read from the order
 * array (broad sets) or by selecting among the set's places (narrow ones).
 */
#ifndef VP_COLCOUNT_H
#define VP_COLCOUNT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <jansson.h>
#include <roaring/roaring.h>

#include "buf.h"
#include "facet_column.h"
#include "query.h"
#include "themes.h"
#include "xapian_c.h"

typedef struct vp_colcount vp_colcount;

/* The column of database db_dir (open as db) at db's revision, whose
 * facets are the slots given in facet order; NULL with why when there is
 * none fit for use. */
vp_colcount *vp_colcount_open(const char *db_dir, const xapc_db *db,
                              const uint32_t slots[VP_N_FACETS], char *why, size_t whylen);
void vp_colcount_free(vp_colcount *cc);
const vp_fcol *vp_colcount_column(const vp_colcount *cc);

/* counts[f] (zeroed by the caller, vp_colcount_values(f) entries) for the
 * facets with want[f], over set; all is every document. */
void vp_colcount_count(vp_colcount *cc, const roaring_bitmap_t *set, const roaring_bitmap_t *all,
                       const bool want[VP_N_FACETS], uint32_t *counts[VP_N_FACETS]);
uint32_t vp_colcount_values(const vp_colcount *cc, vp_facet f);

/* The facet's list as /search shows it (facets.h), from counts. */
json_t *vp_colcount_json(vp_colcount *cc, vp_facet f, const uint32_t *counts, unsigned limit,
                         const char *prefix, const vp_themes *themes);
/* The same list (no prefix) written as JSON text onto out
 * (vp_facet_entries_write); false when out of memory or not UTF-8. */
bool vp_colcount_write(vp_buf *out, vp_colcount *cc, vp_facet f, const uint32_t *counts,
                       unsigned limit, const vp_themes *themes);

/* Whether the column orders by the date key slot. */
bool vp_colcount_has_order(const vp_colcount *cc, uint32_t key_slot);
/* Up to `count` documents of set from place `offset` in key order
 * (descending: newest first) into out; how many. */
size_t vp_colcount_page(const vp_colcount *cc, const roaring_bitmap_t *set, bool descending,
                        uint32_t offset, uint32_t count, uint32_t *out);

#endif /* VP_COLCOUNT_H */
