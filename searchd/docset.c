/*
 * docset.c: queries as sets of documents, with a cache per revision (see
 * docset.h).
 */
#include "docset.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "strset.h"
#include "sys.h"

/* A node is kept when computing it read at least this many docids: a
 * short posting list is cheaper to read again than to keep. */
enum { KEEP_FROM_WORK = 512, MAX_KEYS = 50000, BATCH = 1024 };

typedef struct entry {
    roaring_bitmap_t *set;   /* NULL: not held (evicted, or never kept) */
    size_t bytes;
    uint64_t used;           /* the tick of its last use */
} entry;

struct vp_docsets {
    size_t budget, bytes;
    vp_strset *keys;         /* serialised queries; id indexes entries */
    entry *entries;
    size_t cap;
    uint64_t tick, hits, misses;
    roaring_bitmap_t *all;   /* every document */
};

static roaring_bitmap_t *new_set(void)
{
    roaring_bitmap_t *r = roaring_bitmap_create();
    if (!r)
        vp_oom(sizeof *r);
    roaring_bitmap_set_copy_on_write(r, true);
    return r;
}

static roaring_bitmap_t *copy_set(const roaring_bitmap_t *r)
{
    roaring_bitmap_t *c = roaring_bitmap_copy(r);
    if (!c)
        vp_oom(roaring_bitmap_size_in_bytes(r));
    return c;
}

void vp_docset_free(roaring_bitmap_t *set)
{
    if (set)
        roaring_bitmap_free(set);
}

vp_docsets *vp_docsets_new(size_t budget)
{
    vp_docsets *ds = vp_xcalloc(1, sizeof *ds);
    ds->budget = budget;
    ds->keys = vp_strset_new();
    return ds;
}

void vp_docsets_clear(vp_docsets *ds)
{
    for (size_t i = 0; i < vp_strset_size(ds->keys); i++)
        vp_docset_free(ds->entries[i].set);
    vp_strset_clear(ds->keys);
    ds->bytes = 0;
    vp_docset_free(ds->all);
    ds->all = NULL;
}

void vp_docsets_free(vp_docsets *ds)
{
    if (!ds)
        return;
    vp_docsets_clear(ds);
    vp_strset_free(ds->keys);
    free(ds->entries);
    free(ds);
}

size_t vp_docsets_bytes(const vp_docsets *ds)
{
    return ds->bytes;
}

void vp_docsets_stats(const vp_docsets *ds, uint64_t *hits, uint64_t *misses)
{
    *hits = ds->hits;
    *misses = ds->misses;
}

/* ---- the cache ------------------------------------------------------------- */

static const roaring_bitmap_t *lookup(vp_docsets *ds, const char *key, size_t len)
{
    size_t id = vp_strset_find(ds->keys, key, len);
    if (id == VP_STRSET_NONE || !ds->entries[id].set) {
        ds->misses++;
        return NULL;
    }
    ds->hits++;
    ds->entries[id].used = ++ds->tick;
    return ds->entries[id].set;
}

/* Drops the least recently used sets until `need` more bytes fit. */
static void make_room(vp_docsets *ds, size_t need)
{
    while (ds->bytes + need > ds->budget) {
        size_t victim = SIZE_MAX;
        for (size_t i = 0; i < vp_strset_size(ds->keys); i++)
            if (ds->entries[i].set &&
                (victim == SIZE_MAX || ds->entries[i].used < ds->entries[victim].used))
                victim = i;
        if (victim == SIZE_MAX)
            return;
        roaring_bitmap_free(ds->entries[victim].set);
        ds->entries[victim].set = NULL;
        ds->bytes -= ds->entries[victim].bytes;
    }
}

static void keep(vp_docsets *ds, const char *key, size_t len, const roaring_bitmap_t *set)
{
    size_t bytes = roaring_bitmap_size_in_bytes(set) + len + sizeof(entry);
    if (bytes > ds->budget / 4)
        return;   /* one set may not push out everything else */
    if (vp_strset_size(ds->keys) >= MAX_KEYS) {
        roaring_bitmap_t *all = ds->all;
        ds->all = NULL;
        vp_docsets_clear(ds);   /* the keys of evicted sets add up: start over */
        ds->all = all;
    }
    make_room(ds, bytes);
    bool added;
    size_t id = vp_strset_add(ds->keys, key, len, &added);
    if (added) {
        VP_GROW(ds->entries, ds->cap, id + 1);
        ds->entries[id] = (entry){NULL, 0, 0};
    }
    if (ds->entries[id].set)
        return;
    ds->entries[id] = (entry){copy_set(set), bytes, ++ds->tick};
    ds->bytes += bytes;
}

/* ---- evaluation ------------------------------------------------------------ */

typedef struct ctx {
    vp_docsets *ds;
    const xapc_db *db;
    const vp_fcol *col;
    double deadline;         /* vp_now_ms() time; 0: none */
    xapc_error *xe;
} ctx;

/* False, with the error set, once the request's deadline has passed: read
 * at every node and every batch of a posting list, so a costly count stops
 * within one batch of it. */
static bool in_time(ctx *c)
{
    if (c->deadline <= 0 || vp_now_ms() <= c->deadline)
        return true;
    c->xe->status = XAPC_ERR_DEADLINE;
    snprintf(c->xe->message, sizeof c->xe->message, "counting ran past its deadline");
    return false;
}

static roaring_bitmap_t *eval(ctx *c, const xapc_query *q, size_t *work);

static roaring_bitmap_t *postlist_set(ctx *c, const char *term, size_t len, size_t *work)
{
    xapc_postiter *it = xapc_db_postlist(c->db, term, len, c->xe);
    if (!it)
        return NULL;
    roaring_bitmap_t *r = new_set();
    uint32_t buf[BATCH];
    size_t n;
    while (in_time(c) && (n = xapc_postiter_next_batch(it, buf, BATCH, c->xe)) > 0) {
        roaring_bitmap_add_many(r, n, buf);
        *work += n;
    }
    xapc_postiter_free(it);
    if (c->xe->status != XAPC_OK) {
        roaring_bitmap_free(r);
        return NULL;
    }
    roaring_bitmap_run_optimize(r);
    return r;
}

const roaring_bitmap_t *vp_docsets_all(vp_docsets *ds, const xapc_db *db, xapc_error *xe)
{
    if (!ds->all) {
        ctx c = {ds, db, NULL, 0, xe};
        size_t work = 0;
        ds->all = postlist_set(&c, "", 0, &work);
    }
    return ds->all;
}

static void add_docids(const uint32_t *ids, size_t n, void *r)
{
    roaring_bitmap_add_many(r, n, ids);
}

/* What a posting list cannot answer, from Xapian's matcher. */
static roaring_bitmap_t *matcher_set(ctx *c, const xapc_query *q, size_t *work)
{
    roaring_bitmap_t *r = new_set();
    if (xapc_db_match_docids(c->db, q, c->deadline, add_docids, r, c->xe) != XAPC_OK) {
        roaring_bitmap_free(r);
        return NULL;
    }
    *work += (size_t)roaring_bitmap_get_cardinality(r) + KEEP_FROM_WORK;
    return r;
}

/* Xapian compares values as byte strings, a prefix first. */
static int cmp_packed(uint64_t packed, const char *bound, size_t len)
{
    unsigned char v[8];
    for (int i = 7; i >= 0; i--, packed >>= 8)
        v[i] = (unsigned char)packed;
    int c = memcmp(v, bound, len < 8 ? len : 8);
    return c ? c : (8 > len) - (8 < len);
}

/* A value range on the column's date slot; NULL when the column cannot
 * answer it (*fallback set). */
static roaring_bitmap_t *date_range_set(ctx *c, const xapc_query *q, size_t *work,
                                        bool *fallback)
{
    uint32_t date_slot;
    const uint64_t *dates = c->col ? vp_fcol_dates(c->col, &date_slot) : NULL;
    xapc_slot slot;
    char *lo = NULL, *hi = NULL;
    size_t lo_len = 0, hi_len = 0;
    *fallback = true;
    if (!dates || xapc_query_value_bounds(q, &slot, &lo, &lo_len, &hi, &hi_len, c->xe) != XAPC_OK ||
        slot != date_slot) {
        free(lo);
        free(hi);
        return NULL;
    }
    *fallback = false;
    roaring_bitmap_t *r = new_set();
    uint32_t last = vp_fcol_lastdocid(c->col), buf[BATCH];
    size_t n = 0;
    for (uint32_t d = 1; d <= last; d++) {
        uint64_t v = dates[d];
        if (v == 0 || (lo && cmp_packed(v, lo, lo_len) < 0) || (hi && cmp_packed(v, hi, hi_len) > 0))
            continue;
        buf[n++] = d;
        if (n == BATCH) {
            roaring_bitmap_add_many(r, n, buf);
            n = 0;
        }
    }
    roaring_bitmap_add_many(r, n, buf);
    roaring_bitmap_run_optimize(r);
    *work += last;
    free(lo);
    free(hi);
    return r;
}

/* The sets of q's subqueries from `from` on; NULL entries on failure. */
static bool eval_subs(ctx *c, const xapc_query *q, size_t from, roaring_bitmap_t **subs,
                      size_t n, size_t *work)
{
    for (size_t i = from; i < n; i++) {
        xapc_query *sub = xapc_query_subquery(q, i, c->xe);
        subs[i - from] = sub ? eval(c, sub, work) : NULL;
        xapc_query_free(sub);
        if (!subs[i - from]) {
            for (size_t k = 0; k < i - from; k++)
                roaring_bitmap_free(subs[k]);
            return false;
        }
    }
    return true;
}

static int by_cardinality(const void *a, const void *b)
{
    uint64_t x = roaring_bitmap_get_cardinality(*(roaring_bitmap_t *const *)a);
    uint64_t y = roaring_bitmap_get_cardinality(*(roaring_bitmap_t *const *)b);
    return (x > y) - (x < y);
}

typedef enum { ALL_OF, ANY_OF, FIRST_WITHOUT_REST, ODD_OF, FIRST_ONLY } combine;

static roaring_bitmap_t *branch_set(ctx *c, const xapc_query *q, combine how, size_t *work)
{
    size_t n = xapc_query_subquery_count(q);
    if (how == FIRST_ONLY)
        n = n ? 1 : 0;
    if (n == 0)
        return new_set();
    roaring_bitmap_t **subs = vp_xmalloc(n * sizeof *subs);
    if (!eval_subs(c, q, 0, subs, n, work)) {
        free(subs);
        return NULL;
    }
    roaring_bitmap_t *r = subs[0];
    switch (how) {
    case ALL_OF:
        qsort(subs, n, sizeof *subs, by_cardinality);   /* the smallest first */
        r = subs[0];
        for (size_t i = 1; i < n; i++) {
            if (!roaring_bitmap_is_empty(r))
                roaring_bitmap_and_inplace(r, subs[i]);
            roaring_bitmap_free(subs[i]);
        }
        break;
    case ANY_OF:
        if (n > 2) {
            r = roaring_bitmap_or_many(n, (const roaring_bitmap_t **)subs);
            if (!r)
                vp_oom(0);
            roaring_bitmap_set_copy_on_write(r, true);
            for (size_t i = 0; i < n; i++)
                roaring_bitmap_free(subs[i]);
        } else if (n == 2) {
            roaring_bitmap_or_inplace(r, subs[1]);
            roaring_bitmap_free(subs[1]);
        }
        break;
    case FIRST_WITHOUT_REST:
    case ODD_OF:
        for (size_t i = 1; i < n; i++) {
            if (how == ODD_OF)
                roaring_bitmap_xor_inplace(r, subs[i]);
            else
                roaring_bitmap_andnot_inplace(r, subs[i]);
            roaring_bitmap_free(subs[i]);
        }
        break;
    case FIRST_ONLY:
        break;
    }
    free(subs);
    return r;
}

static roaring_bitmap_t *eval_node(ctx *c, const xapc_query *q, size_t *work)
{
    switch (xapc_query_get_kind(q)) {
    case XAPC_QK_MATCH_NOTHING:
        return new_set();
    case XAPC_QK_MATCH_ALL: {
        const roaring_bitmap_t *all = vp_docsets_all(c->ds, c->db, c->xe);
        return all ? copy_set(all) : NULL;
    }
    case XAPC_QK_TERM: {
        size_t len;
        char *term = xapc_query_term_name(q, &len, c->xe);
        roaring_bitmap_t *r = term ? postlist_set(c, term, len, work) : NULL;
        free(term);
        return r;
    }
    case XAPC_QK_AND: case XAPC_QK_FILTER:
        return branch_set(c, q, ALL_OF, work);
    case XAPC_QK_OR: case XAPC_QK_SYNONYM: case XAPC_QK_MAX:
        return branch_set(c, q, ANY_OF, work);
    case XAPC_QK_AND_NOT:
        return branch_set(c, q, FIRST_WITHOUT_REST, work);
    case XAPC_QK_XOR:
        return branch_set(c, q, ODD_OF, work);
    case XAPC_QK_AND_MAYBE: case XAPC_QK_SCALE_WEIGHT:
        return branch_set(c, q, FIRST_ONLY, work);
    case XAPC_QK_VALUE_RANGE: case XAPC_QK_VALUE_GE: case XAPC_QK_VALUE_LE: {
        bool fallback;
        roaring_bitmap_t *r = date_range_set(c, q, work, &fallback);
        if (!fallback || c->xe->status != XAPC_OK)
            return r;
        return matcher_set(c, q, work);
    }
    case XAPC_QK_POSTING_SOURCE: {
        /* Xapian's FixedWeightPostingSource (a constant boost) matches
         * every document; any other source is asked of the matcher. */
        char *name = xapc_query_posting_source_name(q, c->xe);
        bool every = name && strcmp(name, "Xapian::FixedWeightPostingSource") == 0;
        free(name);
        if (c->xe->status != XAPC_OK)
            return NULL;
        if (every) {
            const roaring_bitmap_t *all = vp_docsets_all(c->ds, c->db, c->xe);
            return all ? copy_set(all) : NULL;
        }
        return matcher_set(c, q, work);
    }
    default:   /* phrases, NEAR, ELITE_SET, wildcards, what we do not know */
        return matcher_set(c, q, work);
    }
}

static roaring_bitmap_t *eval(ctx *c, const xapc_query *q, size_t *work)
{
    size_t len;
    char *key = xapc_query_serialise(q, &len, c->xe);
    if (!key)
        return NULL;
    const roaring_bitmap_t *known = lookup(c->ds, key, len);
    if (known) {
        free(key);
        return copy_set(known);
    }
    size_t mine = 0;
    roaring_bitmap_t *r = in_time(c) ? eval_node(c, q, &mine) : NULL;
    if (r && mine >= KEEP_FROM_WORK)
        keep(c->ds, key, len, r);
    *work += mine;
    free(key);
    return r;
}

roaring_bitmap_t *vp_docsets_eval(vp_docsets *ds, const xapc_db *db, const vp_fcol *col,
                                  const xapc_query *q, double deadline, xapc_error *xe)
{
    xapc_error_clear(xe);
    ctx c = {ds, db, col, deadline, xe};
    size_t work = 0;
    return eval(&c, q, &work);
}
