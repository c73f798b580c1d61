/*
 * facets.c: exact multi-valued facet counts from the spy's value lists (see
 * facets.h).  A vp_strset keeps the distinct values, an array by their id
 * the counts; sorting happens once, when the counts are turned into JSON.
 */
#include "facets.h"

#include <stdlib.h>
#include <string.h>

#include "json_text.h"
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
    const vp_facet_entry *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    int c = strcmp(x->folded, y->folded);
    return c ? c : strcmp(x->value, y->value);
}

static bool starts_with_folded(const char *folded, const char *prefix)
{
    return strncmp(folded, prefix, strlen(prefix)) == 0;
}

static bool matches_prefix(const vp_facet_entry *e, const char *prefix, const vp_theme *theme)
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

static json_t *entry_json(const vp_facet_entry *e, const vp_theme *theme)
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

/* Moves the `limit` first entries in JSON order to the front, in order: a
 * heap of `limit` entries over the rest, then a sort of those. */
static void select_first(vp_facet_entry *e, size_t n, size_t limit)
{
    if (limit == 0 || n <= 2 * limit) {
        qsort(e, n, sizeof *e, by_count_then_name);
        return;
    }
    /* max-heap on "comes later" of the first limit entries */
    for (size_t i = limit / 2; i-- > 0;) {
        for (size_t at = i;;) {
            size_t l = 2 * at + 1, r = l + 1, worst = at;
            if (l < limit && by_count_then_name(&e[l], &e[worst]) > 0) worst = l;
            if (r < limit && by_count_then_name(&e[r], &e[worst]) > 0) worst = r;
            if (worst == at) break;
            vp_facet_entry t = e[at]; e[at] = e[worst]; e[worst] = t;
            at = worst;
        }
    }
    for (size_t i = limit; i < n; i++) {
        if (by_count_then_name(&e[i], &e[0]) >= 0)
            continue;
        vp_facet_entry t = e[0]; e[0] = e[i]; e[i] = t;
        for (size_t at = 0;;) {
            size_t l = 2 * at + 1, r = l + 1, worst = at;
            if (l < limit && by_count_then_name(&e[l], &e[worst]) > 0) worst = l;
            if (r < limit && by_count_then_name(&e[r], &e[worst]) > 0) worst = r;
            if (worst == at) break;
            t = e[at]; e[at] = e[worst]; e[worst] = t;
            at = worst;
        }
    }
    qsort(e, limit, sizeof *e, by_count_then_name);
}

/* Moves the entries shown to the front, in order; how many, or -1 when
 * out of memory. */
static long choose_entries(vp_facet_entry *entries, size_t n, unsigned limit,
                           const char *prefix, const vp_themes *themes)
{
    char *folded_prefix = prefix && *prefix ? vp_fold(prefix) : NULL;
    if (prefix && *prefix && !folded_prefix)
        return -1;
    /* the prefix first, so that the limit counts what is shown */
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        const vp_theme *theme = themes && folded_prefix
                                    ? vp_themes_lookup(themes, entries[i].value) : NULL;
        if (matches_prefix(&entries[i], folded_prefix, theme))
            entries[kept++] = entries[i];
    }
    free(folded_prefix);
    select_first(entries, kept, limit);
    return (long)(limit == 0 || kept < limit ? kept : limit);
}

json_t *vp_facet_entries_json(vp_facet_entry *entries, size_t n, unsigned limit,
                              const char *prefix, const vp_themes *themes)
{
    long shown = choose_entries(entries, n, limit, prefix, themes);
    json_t *arr = shown < 0 ? NULL : json_array();
    for (long i = 0; arr && i < shown; i++) {
        const vp_theme *theme = themes ? vp_themes_lookup(themes, entries[i].value) : NULL;
        if (json_array_append_new(arr, entry_json(&entries[i], theme)) != 0) {
            json_decref(arr);
            arr = NULL;
        }
    }
    return arr;
}

bool vp_facet_entries_write(vp_buf *out, vp_facet_entry *entries, size_t n, unsigned limit,
                            const char *prefix, const vp_themes *themes)
{
    long shown = choose_entries(entries, n, limit, prefix, themes);
    bool ok = shown >= 0;
    vp_buf_putc(out, '[');
    for (long i = 0; ok && i < shown; i++) {
        const vp_theme *theme = themes ? vp_themes_lookup(themes, entries[i].value) : NULL;
        vp_buf_puts(out, i ? ",{\"value\":" : "{\"value\":");
        ok = vp_json_put_string(out, entries[i].value, entries[i].len);
        vp_buf_puts(out, ",\"count\":");
        vp_json_put_uint(out, entries[i].count);
        if (theme) {
            vp_buf_puts(out, ",\"label\":");
            ok = ok && vp_json_put_string(out, theme->label, strlen(theme->label));
        }
        vp_buf_putc(out, '}');
    }
    vp_buf_putc(out, ']');
    return ok;
}

json_t *vp_facet_counts_to_json(const vp_facet_counts *c, unsigned limit,
                                const char *prefix, const vp_themes *themes)
{
    size_t n = vp_strset_size(c->values);
    vp_facet_entry *entries = vp_xmalloc((n ? n : 1) * sizeof *entries);
    for (size_t id = 0; id < n; id++) {
        tally *t = &c->tallies[id];
        vp_facet_entry *e = &entries[id];
        e->value = vp_strset_key(c->values, id, &e->len);
        if (!t->folded)
            t->folded = vp_fold(e->value);
        e->folded = t->folded;
        e->count = t->count;
    }
    json_t *out = vp_facet_entries_json(entries, n, limit, prefix, themes);
    free(entries);
    return out;
}
