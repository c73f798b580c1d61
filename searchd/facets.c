/*
 * facets.c: exact multi-valued facet counts from the spy's value lists (see
 * facets.h).  A small open-addressing hash table keeps the distinct values;
 * sorting happens once, when the counts are turned into JSON.
 */
#include "facets.h"

#include <stdlib.h>
#include <string.h>

#include "schema.h"
#include "text.h"

typedef struct entry {
    char *value;      /* owned; NULL for an empty bucket */
    char *folded;     /* vp_fold(value), for sorting and prefixes: made only
                       * when the counts become JSON (folding every value as
                       * it is first seen cost more than the counting) */
    uint64_t hash;    /* of value: a probe compares strings only on a hit */
    size_t len;       /* strlen(value) */
    uint64_t last_list;   /* the list that counted it last (see add_list) */
    uint32_t count;
} entry;

struct vp_facet_counts {
    entry *buckets;
    size_t cap;       /* power of two */
    size_t size;
    uint64_t lists;   /* value lists added so far */
};

vp_facet_counts *vp_facet_counts_new(void)
{
    vp_facet_counts *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->cap = 64;
    c->buckets = calloc(c->cap, sizeof *c->buckets);
    if (!c->buckets) {
        free(c);
        return NULL;
    }
    return c;
}

void vp_facet_counts_free(vp_facet_counts *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->cap; i++) {
        free(c->buckets[i].value);
        free(c->buckets[i].folded);
    }
    free(c->buckets);
    free(c);
}

size_t vp_facet_counts_size(const vp_facet_counts *c) { return c->size; }

static uint64_t hash_bytes(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ULL;          /* FNV-1a */
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

static entry *find_slot(entry *buckets, size_t cap, const char *v, size_t len,
                        uint64_t hash)
{
    size_t i = hash & (cap - 1);
    while (buckets[i].value &&
           !(buckets[i].hash == hash && buckets[i].len == len &&
             memcmp(buckets[i].value, v, len) == 0))
        i = (i + 1) & (cap - 1);
    return &buckets[i];
}

static bool grow(vp_facet_counts *c)
{
    size_t cap = c->cap * 2;
    entry *buckets = calloc(cap, sizeof *buckets);
    if (!buckets)
        return false;
    for (size_t i = 0; i < c->cap; i++) {
        entry *old = &c->buckets[i];
        if (old->value)
            *find_slot(buckets, cap, old->value, old->len, old->hash) = *old;
    }
    free(c->buckets);
    c->buckets = buckets;
    c->cap = cap;
    return true;
}

/* Counts v for the current list, once however often the list repeats it (a
 * list stands for one document; the entry remembers the last list that
 * counted it, which costs nothing where comparing the members did). */
static bool add_one(vp_facet_counts *c, const char *v, size_t len, uint32_t count)
{
    if ((c->size + 1) * 2 > c->cap && !grow(c))
        return false;
    uint64_t hash = hash_bytes(v, len);
    entry *e = find_slot(c->buckets, c->cap, v, len, hash);
    if (!e->value) {
        if (!(e->value = vp_strndup(v, len)))
            return false;
        e->hash = hash;
        e->len = len;
        c->size++;
    }
    if (e->last_list != c->lists) {
        e->last_list = c->lists;
        e->count += count;
    }
    return true;
}

bool vp_facet_counts_add_list(vp_facet_counts *c, const char *value, size_t len,
                              uint32_t count)
{
    const char *p = value, *end = value + len;
    c->lists++;
    while (p < end) {
        const char *sep = memchr(p, VP_LIST_SEP, (size_t)(end - p));
        size_t n = sep ? (size_t)(sep - p) : (size_t)(end - p);
        if (n > 0 && !add_one(c, p, n, count))
            return false;
        p += n + 1;
    }
    return true;
}

static int by_count_then_name(const void *a, const void *b)
{
    const entry *x = *(const entry *const *)a, *y = *(const entry *const *)b;
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
    const entry **sorted = malloc((c->size ? c->size : 1) * sizeof *sorted);
    char *folded_prefix = prefix && *prefix ? vp_fold(prefix) : NULL;
    json_t *arr = json_array();
    if (!sorted || !arr || (prefix && *prefix && !folded_prefix))
        goto fail;
    size_t n = 0;
    for (size_t i = 0; i < c->cap; i++) {
        entry *e = &c->buckets[i];
        if (e->value && !e->folded && !(e->folded = vp_fold(e->value)))
            goto fail;
        if (e->value)
            sorted[n++] = e;
    }
    qsort(sorted, n, sizeof *sorted, by_count_then_name);
    for (size_t i = 0; i < n && (limit == 0 || json_array_size(arr) < limit); i++) {
        const vp_theme *theme = themes ? vp_themes_lookup(themes, sorted[i]->value) : NULL;
        if (!matches_prefix(sorted[i], folded_prefix, theme))
            continue;
        if (json_array_append_new(arr, entry_json(sorted[i], theme)) != 0)
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
