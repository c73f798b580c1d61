/*
 * facets.c: exact multi-valued facet counts from the spy's value lists (see
 * facets.h).  A vp_strset keeps the distinct values, an array by their id
 * the counts; sorting happens once, when the counts are turned into JSON.
 */
#include "facets.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "schema.h"
#include "strset.h"
#include "text.h"

typedef struct tally {
    uint64_t last_list;   /* the list that counted it last (see add_one) */
    uint32_t count;
    char *folded;         /* vp_fold(value), for sorting and prefixes: made
                           * only when the counts become JSON (folding every
                           * value as it was first seen cost more than the
                           * counting), then kept for the next time */
} tally;

struct vp_facet_counts {
    vp_strset *values;    /* the distinct values; an id indexes tallies */
    tally *tallies;
    size_t cap;
    uint64_t lists;       /* value lists added so far */
};

/* One value as it is sorted for the JSON. */
typedef struct entry {
    const char *value;
    size_t len;
    const char *folded;
    uint32_t count;
} entry;

vp_facet_counts *vp_facet_counts_new(void)
{
    vp_facet_counts *c = vp_xcalloc(1, sizeof *c);
    c->values = vp_strset_new();
    return c;
}

void vp_facet_counts_free(vp_facet_counts *c)
{
    if (!c)
        return;
    for (size_t id = 0; id < vp_strset_size(c->values); id++)
        free(c->tallies[id].folded);
    vp_strset_free(c->values);
    free(c->tallies);
    free(c);
}

size_t vp_facet_counts_size(const vp_facet_counts *c) { return vp_strset_size(c->values); }

/* Counts v for the current list, once however often the list repeats it (a
 * list stands for one document; the tally remembers the last list that
 * counted it, which costs nothing where comparing the members did). */
static void add_one(vp_facet_counts *c, const char *v, size_t len, uint32_t count)
{
    bool added;
    size_t id = vp_strset_add(c->values, v, len, &added);
    if (added) {
        VP_GROW(c->tallies, c->cap, id + 1);
        c->tallies[id] = (tally){0, 0, NULL};
    }
    tally *t = &c->tallies[id];
    if (t->last_list != c->lists) {
        t->last_list = c->lists;
        t->count += count;
    }
}

void vp_facet_counts_add_list(vp_facet_counts *c, const char *value, size_t len,
                              uint32_t count)
{
    const char *p = value, *end = value + len;
    c->lists++;
    while (p < end) {
        const char *sep = memchr(p, VP_LIST_SEP, (size_t)(end - p));
        size_t n = sep ? (size_t)(sep - p) : (size_t)(end - p);
        if (n > 0)
            add_one(c, p, n, count);
        p += n + 1;
    }
}

static int by_count_then_name(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    int c = strcmp(x->folded, y->folded);
    return c ? c : strcmp(x->value, y->value);
}

static bool starts_with_folded(const char *folded, const char *prefix)
{
    return strncmp(folded, prefix, strlen(prefix)) == 0;
}

static bool matches_prefix(const entry *e, const char *prefix, const vp_theme *theme)
{
    if (!prefix || starts_with_folded(e->folded, prefix))
        return true;
    if (!theme)
        return false;
    char *label = vp_fold(theme->label);
    bool ok = label && starts_with_folded(label, prefix);
    free(label);
    return ok;
}

static json_t *entry_json(const entry *e, const vp_theme *theme)
{
    /* not json_pack: parsing its format per value showed in profiles of
     * facets with thousands of values */
    json_t *o = json_object();
    if (!o || json_object_set_new_nocheck(o, "value", json_stringn(e->value, e->len)) != 0 ||
        json_object_set_new_nocheck(o, "count", json_integer((json_int_t)e->count)) != 0 ||
        (theme && json_object_set_new_nocheck(o, "label", json_string(theme->label)) != 0)) {
        json_decref(o);
        return NULL;
    }
    return o;
}

json_t *vp_facet_counts_to_json(const vp_facet_counts *c, unsigned limit,
                                const char *prefix, const vp_themes *themes)
{
    size_t n = vp_strset_size(c->values);
    entry *sorted = vp_xmalloc((n ? n : 1) * sizeof *sorted);
    char *folded_prefix = prefix && *prefix ? vp_fold(prefix) : NULL;
    json_t *arr = json_array();
    if (!arr || (prefix && *prefix && !folded_prefix))
        goto fail;
    for (size_t id = 0; id < n; id++) {
        tally *t = &c->tallies[id];
        entry *e = &sorted[id];
        e->value = vp_strset_key(c->values, id, &e->len);
        if (!t->folded && !(t->folded = vp_fold(e->value)))
            goto fail;
        e->folded = t->folded;
        e->count = t->count;
    }
    qsort(sorted, n, sizeof *sorted, by_count_then_name);
    for (size_t i = 0; i < n && (limit == 0 || json_array_size(arr) < limit); i++) {
        const vp_theme *theme = themes ? vp_themes_lookup(themes, sorted[i].value) : NULL;
        if (!matches_prefix(&sorted[i], folded_prefix, theme))
            continue;
        if (json_array_append_new(arr, entry_json(&sorted[i], theme)) != 0)
            goto fail;
    }
    free(sorted);
    free(folded_prefix);
    return arr;
fail:
    free(sorted);
    free(folded_prefix);
    json_decref(arr);
    return NULL;
}
