/*
 * facets.h: turning what Xapian's built-in ValueCountMatchSpy saw into exact
 * multi-valued facet counts.
 *
 * A multi-valued facet is stored as one list-encoded value per document
 * (schema.h): the spy counts each distinct list once per matching document,
 * so splitting every list and adding its count to each member gives the exact
 * number of matching documents per value.  Only the built-in spy is used, so
 * this works unchanged on remote shards (issue 7).
 */
#ifndef VP_FACETS_H
#define VP_FACETS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

#include "buf.h"
#include "themes.h"

typedef struct vp_facet_counts vp_facet_counts;

/* An empty count (never NULL: mem.h). */
vp_facet_counts *vp_facet_counts_new(void);
void vp_facet_counts_free(vp_facet_counts *c);

/* Adds count to every distinct member of a list-encoded value (a plain value
 * is a list of one). */
void vp_facet_counts_add_list(vp_facet_counts *c, const char *value, size_t len,
                              uint32_t count);

/* Number of distinct values. */
size_t vp_facet_counts_size(const vp_facet_counts *c);

/* [{"value","count"}] sorted by count (descending), then folded name, then
 * bytes; at most limit entries (0: all); only values whose folded form starts
 * with the folded prefix when prefix is not NULL.  With themes, each entry
 * also gets "label" (and the prefix matches the label too).  NULL when out
 * of memory. */
json_t *vp_facet_counts_to_json(const vp_facet_counts *c, unsigned limit,
                                const char *prefix, const vp_themes *themes);

/* One value with its count, as the JSON lists sort it. */
typedef struct vp_facet_entry {
    const char *value;     /* NUL-ended */
    size_t len;
    const char *folded;    /* vp_fold(value) */
    uint32_t count;
} vp_facet_entry;

/* The same list from entries counted elsewhere (the facet column): the
 * entries are reordered.  NULL when out of memory. */
json_t *vp_facet_entries_json(vp_facet_entry *entries, size_t n, unsigned limit,
                              const char *prefix, const vp_themes *themes);
/* The same list written as JSON text onto out, byte for byte what
 * json_dumps writes of it (VP_JSON_FLAGS); false when a value is not UTF-8
 * or out of memory. */
bool vp_facet_entries_write(vp_buf *out, vp_facet_entry *entries, size_t n, unsigned limit,
                            const char *prefix, const vp_themes *themes);

#endif /* VP_FACETS_H */
