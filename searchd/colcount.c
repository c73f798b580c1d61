/*
 * colcount.c: counting and ordering over the facet column (see colcount.h).
 */
#include "colcount.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facets.h"
#include "mem.h"
#include "text.h"

enum { BATCH = 256 };

struct vp_colcount {
    vp_fcol *col;
    uint32_t *everywhere[VP_N_FACETS];   /* counts over every report, made when first asked */
    char **folded[VP_N_FACETS];          /* vp_fold of each value, the same */
};

vp_colcount *vp_colcount_open(const char *db_dir, const xapc_db *db,
                              const uint32_t slots[VP_N_FACETS], char *why, size_t whylen)
{
    xapc_error xe;
    xapc_error_clear(&xe);
    char *uuid = xapc_db_uuid(db, &xe);
    uint64_t revision = uuid ? xapc_db_revision(db, &xe) : 0;
    if (!uuid || xe.status != XAPC_OK) {
        snprintf(why, whylen, "%s", xe.message);
        free(uuid);
        return NULL;
    }
    vp_fcol *col = vp_fcol_open(db_dir, uuid, revision, why, whylen);
    free(uuid);
    if (!col)
        return NULL;
    bool fits = vp_fcol_facets(col) == VP_N_FACETS;
    for (size_t f = 0; fits && f < VP_N_FACETS; f++)
        fits = vp_fcol_facet_slot(col, f) == slots[f];
    if (!fits) {
        snprintf(why, whylen, "the facet column holds other facets");
        vp_fcol_close(col);
        return NULL;
    }
    vp_colcount *cc = vp_xcalloc(1, sizeof *cc);
    cc->col = col;
    return cc;
}

void vp_colcount_free(vp_colcount *cc)
{
    if (!cc)
        return;
    for (size_t f = 0; f < VP_N_FACETS; f++) {
        free(cc->everywhere[f]);
        for (uint32_t i = 0; cc->folded[f] && i < vp_fcol_values(cc->col, f); i++)
            free(cc->folded[f][i]);
        free(cc->folded[f]);
    }
    vp_fcol_close(cc->col);
    free(cc);
}

const vp_fcol *vp_colcount_column(const vp_colcount *cc)
{
    return cc->col;
}

uint32_t vp_colcount_values(const vp_colcount *cc, vp_facet f)
{
    return vp_fcol_values(cc->col, f);
}

/* ---- counting --------------------------------------------------------------- */

/* Every document's ordinals, all at once: the counts over every report. */
static const uint32_t *everywhere(vp_colcount *cc, size_t f)
{
    if (!cc->everywhere[f]) {
        uint32_t n = vp_fcol_values(cc->col, f);
        uint32_t *counts = vp_xcalloc(n ? n : 1, sizeof *counts);
        const uint32_t *off = vp_fcol_offsets(cc->col, f), *ords = vp_fcol_ords(cc->col, f);
        uint32_t total = off[vp_fcol_lastdocid(cc->col) + 1];
        for (uint32_t i = 0; i < total; i++)
            counts[ords[i]]++;
        cc->everywhere[f] = counts;
    }
    return cc->everywhere[f];
}

/* Adds one for each ordinal of each document of set. */
static void walk(const vp_colcount *cc, const roaring_bitmap_t *set, const bool want[VP_N_FACETS],
                 uint32_t *counts[VP_N_FACETS])
{
    const uint32_t *off[VP_N_FACETS], *ords[VP_N_FACETS];
    size_t facets[VP_N_FACETS], n_facets = 0;
    for (size_t f = 0; f < VP_N_FACETS; f++)
        if (want[f]) {
            facets[n_facets++] = f;
            off[f] = vp_fcol_offsets(cc->col, f);
            ords[f] = vp_fcol_ords(cc->col, f);
        }
    uint32_t last = vp_fcol_lastdocid(cc->col), buf[BATCH], n;
    roaring_uint32_iterator_t it;
    roaring_init_iterator(set, &it);
    while ((n = roaring_read_uint32_iterator(&it, buf, BATCH)) > 0)
        for (size_t k = 0; k < n_facets; k++) {
            size_t f = facets[k];
            uint32_t *c = counts[f];
            const uint32_t *o = off[f], *v = ords[f];
            for (uint32_t i = 0; i < n; i++) {
                uint32_t d = buf[i];
                if (d > last)
                    continue;   /* not in the column: cannot happen at one revision */
                for (uint32_t j = o[d]; j < o[d + 1]; j++)
                    c[v[j]]++;
            }
        }
}

void vp_colcount_count(vp_colcount *cc, const roaring_bitmap_t *set, const roaring_bitmap_t *all,
                       const bool want[VP_N_FACETS], uint32_t *counts[VP_N_FACETS])
{
    uint64_t size = roaring_bitmap_get_cardinality(set), docs = roaring_bitmap_get_cardinality(all);
    if (size * 2 <= docs) {
        walk(cc, set, want, counts);
        return;
    }
    /* more than half of the reports: count the others, and subtract */
    roaring_bitmap_t *rest = roaring_bitmap_andnot(all, set);
    if (!rest)
        vp_oom(0);
    walk(cc, rest, want, counts);
    roaring_bitmap_free(rest);
    for (size_t f = 0; f < VP_N_FACETS; f++) {
        if (!want[f])
            continue;
        const uint32_t *every = everywhere(cc, f);
        for (uint32_t v = 0; v < vp_fcol_values(cc->col, f); v++)
            counts[f][v] = every[v] - counts[f][v];
    }
}

/* The facet's values with a count (the whole index's when counts is NULL),
 * into entries (n of them; caller frees). */
static vp_facet_entry *counted_entries(vp_colcount *cc, vp_facet f, const uint32_t *counts,
                                       size_t *k)
{
    uint32_t n = vp_fcol_values(cc->col, f);
    if (!counts)
        counts = everywhere(cc, f);
    if (!cc->folded[f])
        cc->folded[f] = vp_xcalloc(n ? n : 1, sizeof *cc->folded[f]);
    vp_facet_entry *entries = vp_xmalloc((n ? n : 1) * sizeof *entries);
    *k = 0;
    for (uint32_t v = 0; v < n; v++) {
        if (counts[v] == 0)
            continue;
        vp_facet_entry *e = &entries[(*k)++];
        e->value = vp_fcol_value(cc->col, f, v, &e->len);
        if (!cc->folded[f][v])
            cc->folded[f][v] = vp_fold(e->value);
        e->folded = cc->folded[f][v];
        e->count = counts[v];
    }
    return entries;
}

json_t *vp_colcount_json(vp_colcount *cc, vp_facet f, const uint32_t *counts, unsigned limit,
                         const char *prefix, const vp_themes *themes)
{
    size_t k;
    vp_facet_entry *entries = counted_entries(cc, f, counts, &k);
    json_t *out = vp_facet_entries_json(entries, k, limit, prefix,
                                        f == VP_FACET_THEME ? themes : NULL);
    free(entries);
    return out;
}

bool vp_colcount_write(vp_buf *out, vp_colcount *cc, vp_facet f, const uint32_t *counts,
                       unsigned limit, const vp_themes *themes)
{
    size_t k;
    vp_facet_entry *entries = counted_entries(cc, f, counts, &k);
    bool ok = vp_facet_entries_write(out, entries, k, limit, NULL,
                                     f == VP_FACET_THEME ? themes : NULL);
    free(entries);
    return ok;
}

/* ---- date order --------------------------------------------------------------- */

bool vp_colcount_has_order(const vp_colcount *cc, uint32_t key_slot)
{
    uint32_t slot;
    return vp_fcol_order(cc->col, &slot) != NULL && slot == key_slot;
}

/* Walks the order from the end (descending) or the start, keeping members. */
static size_t page_by_walking(const vp_colcount *cc, const roaring_bitmap_t *set,
                              bool descending, uint32_t offset, uint32_t count, uint32_t *out)
{
    const uint32_t *order = vp_fcol_order(cc->col, NULL);
    uint32_t n = vp_fcol_doccount(cc->col), seen = 0;
    size_t got = 0;
    for (uint32_t i = 0; i < n && got < count; i++) {
        uint32_t d = order[descending ? n - 1 - i : i];
        if (!roaring_bitmap_contains(set, d))
            continue;
        if (seen++ >= offset)
            out[got++] = d;
    }
    return got;
}

static int by_place(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Sorts the set's members by their places (a set much smaller than the
 * index: cheaper than walking the order past everything else). */
static size_t page_by_sorting(const vp_colcount *cc, const roaring_bitmap_t *set,
                              bool descending, uint32_t offset, uint32_t count, uint32_t *out)
{
    const uint32_t *places = vp_fcol_places(cc->col);
    uint64_t size = roaring_bitmap_get_cardinality(set);
    uint64_t *keyed = vp_xmalloc((size ? size : 1) * sizeof *keyed);
    uint32_t buf[BATCH], n, last = vp_fcol_lastdocid(cc->col);
    size_t k = 0;
    roaring_uint32_iterator_t it;
    roaring_init_iterator(set, &it);
    while ((n = roaring_read_uint32_iterator(&it, buf, BATCH)) > 0)
        for (uint32_t i = 0; i < n; i++)
            if (buf[i] <= last && places[buf[i]]) {
                uint64_t place = places[buf[i]];
                keyed[k++] = (descending ? UINT32_MAX - place : place) << 32 | buf[i];
            }
    qsort(keyed, k, sizeof *keyed, by_place);
    size_t got = 0;
    for (size_t i = offset; i < k && got < count; i++)
        out[got++] = (uint32_t)keyed[i];
    free(keyed);
    return got;
}

size_t vp_colcount_page(const vp_colcount *cc, const roaring_bitmap_t *set, bool descending,
                        uint32_t offset, uint32_t count, uint32_t *out)
{
    uint64_t size = roaring_bitmap_get_cardinality(set);
    if (size <= offset || count == 0)
        return 0;
    /* walking reads about (offset + count) * docs / size entries; sorting
     * reads size entries and sorts them */
    uint64_t walk_cost = ((uint64_t)offset + count) * vp_fcol_doccount(cc->col) / size;
    if (walk_cost <= size * 4)
        return page_by_walking(cc, set, descending, offset, count, out);
    return page_by_sorting(cc, set, descending, offset, count, out);
}
