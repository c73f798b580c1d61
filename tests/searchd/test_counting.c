/*
 * test_counting.c: the counting path against Xapian's exhaustive match.
 *
 * On a generated index of a few thousand reports:
 *   - random query trees (terms, stems, filter terms, MatchAll, value
 *     ranges on the date slot with odd bounds, phrases, NEAR, wildcards,
 *     every operator, nested) evaluated as sets (docset.h) must be exactly
 *     the documents Xapian's matcher gives (xapc_db_match_docids, weights
 *     off, every document looked at);
 *   - random requests (text with phrases, wildcards, NOT and OR, one to
 *     three filters, date ranges, every sort, pages) must give the same
 *     answer, byte for byte but for took_ms, from a searcher that counts
 *     from the facet column and one that counts with Xapian's match spies
 *     over every match (check_at_least = all): totals, hits, scores,
 *     snippets and every facet count;
 *   - a count past the request's deadline stops with XAPC_ERR_DEADLINE,
 *     over posting lists and in the matcher alike.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "docset.h"
#include "facet_column.h"
#include "fixture.h"
#include "query.h"
#include "schema.h"
#include "sys.h"
#include "xapian_c.h"

#define N_DOCS 2500

static char db_path[1024], moved_column[1100];
static vp_gazetteer *gaz;
static xapc_db *db;
static vp_fcol *col;
static unsigned long compared;

static unsigned rnd_state = 17;
static unsigned rnd(unsigned n)
{
    rnd_state = rnd_state * 1103515245u + 12345u;
    return ((rnd_state >> 8) & 0xffffff) % n;
}

static int setup(void **state)
{
    (void)state;
    const char *tmp = getenv("VP_TEST_TMP");
    char why[600];
    mkdir(tmp ? tmp : "/tmp/vp-test-counting", 0755);
    snprintf(db_path, sizeof db_path, "%s/counting.db", tmp ? tmp : "/tmp/vp-test-counting");
    gaz = vp_fixture_gazetteer();
    vp_document *gen = vp_fixture_generate(N_DOCS, 4242);
    if (vp_fixture_write(db_path, gen, N_DOCS, gaz, false, why, sizeof why) != 0)
        fail_msg("%s", why);
    vp_fixture_free_docs(gen, N_DOCS);
    xapc_error xe;
    db = xapc_db_open(db_path, &xe);
    assert_non_null(db);
    char *uuid = xapc_db_uuid(db, &xe);
    col = vp_fcol_open(db_path, uuid, xapc_db_revision(db, &xe), why, sizeof why);
    free(uuid);
    if (!col)
        fail_msg("no facet column: %s", why);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    fprintf(stderr, "compared: %lu\n", compared);
    vp_fcol_close(col);
    xapc_db_free(db);
    vp_gazetteer_free(gaz);
    return 0;
}

/* ---- sets against the matcher ---------------------------------------------------- */

static xapc_query *leaf(void)
{
    xapc_error xe;
    char term[64];
    switch (rnd(9)) {
    case 0:
        return xapc_query_match_all(&xe);
    case 1: {
        static const char *const bounds[] = {NULL, "2014", "20160615", "2019", "2020123", "\xff",
                                             "", "20180101"};
        const char *lo = bounds[rnd(8)], *hi = bounds[rnd(8)];
        return xapc_query_value_range(rnd(4) ? VP_SLOT_DATE : VP_SLOT_YEAR, lo, hi, &xe);
    }
    case 2:
        snprintf(term, sizeof term, "XT%s",
                 (const char *[]){"binnenstad", "wonen-leefomgeving", "demografie", "nope"}[rnd(4)]);
        break;
    case 3: {   /* a phrase or NEAR of two colour words */
        xapc_query *a = NULL, *b = NULL;
        snprintf(term, sizeof term, "kleur%u", rnd(10));
        a = xapc_query_term(term, 1, 0, &xe);
        snprintf(term, sizeof term, "kleur%u", rnd(10));
        b = xapc_query_term(term, 1, 0, &xe);
        const xapc_query *two[2] = {a, b};
        xapc_query *q = xapc_query_combine(rnd(2) ? XAPC_OP_PHRASE : XAPC_OP_NEAR, two, 2,
                                           rnd(2) ? 0 : 3, &xe);
        xapc_query_free(a);
        xapc_query_free(b);
        return q;
    }
    case 4:
        snprintf(term, sizeof term, "XY%u", 2013 + rnd(10));
        break;
    default:
        snprintf(term, sizeof term, "kleur%u", rnd(12));   /* 10, 11: no such word */
    }
    return xapc_query_term(term, 1, 0, &xe);
}

static const xapc_op ops[] = {XAPC_OP_AND, XAPC_OP_OR, XAPC_OP_AND_NOT, XAPC_OP_XOR,
                              XAPC_OP_AND_MAYBE, XAPC_OP_FILTER, XAPC_OP_SYNONYM, XAPC_OP_MAX,
                              XAPC_OP_ELITE_SET};

static xapc_query *tree(int depth)
{
    if (depth == 0 || rnd(3) == 0)
        return leaf();
    xapc_error xe;
    size_t n = 1 + rnd(3);
    xapc_query *subs[3];
    for (size_t i = 0; i < n; i++)
        subs[i] = tree(depth - 1);
    xapc_op op = ops[rnd(sizeof ops / sizeof *ops)];
    xapc_query *q = xapc_query_combine(op, (const xapc_query *const *)subs, n,
                                       op == XAPC_OP_ELITE_SET ? 1 + rnd(2) : 0, &xe);
    for (size_t i = 0; i < n; i++)
        xapc_query_free(subs[i]);
    if (q && rnd(5) == 0) {
        xapc_query *scaled = xapc_query_scale(q, rnd(2) ? 0 : 2.5, &xe);
        xapc_query_free(q);
        q = scaled;
    }
    return q;
}

static void add_to(const uint32_t *ids, size_t n, void *set)
{
    roaring_bitmap_add_many(set, n, ids);
}

static void sets_equal_the_matcher(void **state)
{
    (void)state;
    vp_docsets *ds = vp_docsets_new(1u << 20);   /* small: eviction happens */
    for (int round = 0; round < 600; round++) {
        xapc_query *q = tree(3);
        assert_non_null(q);
        xapc_error xe;
        roaring_bitmap_t *got = vp_docsets_eval(ds, db, round % 3 ? col : NULL, q, 0, &xe);
        if (!got)
            fail_msg("eval: %s", xe.message);
        roaring_bitmap_t *want = roaring_bitmap_create();
        assert_int_equal(xapc_db_match_docids(db, q, 0, add_to, want, &xe), XAPC_OK);
        if (!roaring_bitmap_equals(got, want)) {
            char *d = xapc_query_describe(q, &xe);
            fail_msg("%s: %llu documents, the matcher %llu", d,
                     (unsigned long long)roaring_bitmap_get_cardinality(got),
                     (unsigned long long)roaring_bitmap_get_cardinality(want));
        }
        compared++;
        vp_docset_free(got);
        roaring_bitmap_free(want);
        xapc_query_free(q);
    }
    uint64_t hits, misses;
    vp_docsets_stats(ds, &hits, &misses);
    assert_true(hits > 0);              /* the cache was used ... */
    assert_true(vp_docsets_bytes(ds) <= (1u << 20));   /* ... within its budget */
    vp_docsets_free(ds);
}

/* A deadline already past: every kind of node stops at once, and nothing
 * half-counted is kept for the next request. */
static void counting_stops_at_the_deadline(void **state)
{
    (void)state;
    vp_docsets *ds = vp_docsets_new(1u << 20);
    xapc_error xe;
    xapc_query *all = xapc_query_match_all(&xe);
    xapc_query *a = xapc_query_term("kleur1", 1, 0, &xe), *b = xapc_query_term("kleur2", 1, 0, &xe);
    const xapc_query *two[2] = {a, b};
    xapc_query *phrase = xapc_query_combine(XAPC_OP_PHRASE, two, 2, 0, &xe);
    const xapc_query *cases[] = {all, phrase};
    double past = vp_now_ms() - 1;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        assert_null(vp_docsets_eval(ds, db, col, cases[i], past, &xe));
        assert_int_equal(xe.status, XAPC_ERR_DEADLINE);
        roaring_bitmap_t *later = vp_docsets_eval(ds, db, col, cases[i], 0, &xe);
        assert_non_null(later);
        roaring_bitmap_t *want = roaring_bitmap_create();
        assert_int_equal(xapc_db_match_docids(db, cases[i], 0, add_to, want, &xe), XAPC_OK);
        assert_true(roaring_bitmap_equals(later, want));
        roaring_bitmap_free(want);
        vp_docset_free(later);
    }
    roaring_bitmap_t *none = roaring_bitmap_create();
    assert_int_equal(xapc_db_match_docids(db, all, past, add_to, none, &xe), XAPC_ERR_DEADLINE);
    roaring_bitmap_free(none);
    xapc_query_free(all);
    xapc_query_free(a);
    xapc_query_free(b);
    xapc_query_free(phrase);
    vp_docsets_free(ds);
}

/* ---- whole requests: the column against the spies ------------------------------------ */

static json_t *search(vp_searcher *s, const char *const *kv, size_t n)
{
    vp_request r;
    vp_qerror e = {0};
    vp_request_init(&r);
    for (size_t i = 0; i + 1 < n; i += 2)
        if (vp_request_set(&r, kv[i], kv[i + 1], &e) != 0)
            fail_msg("%s=%s: %s", kv[i], kv[i + 1], e.message);
    json_t *out = vp_search(s, &r, &e);
    if (!out)
        fail_msg("search failed: %s", e.message);
    json_object_del(out, "took_ms");
    vp_request_clear(&r);
    return out;
}

static void requests_equal_the_spies(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "", "", "kleur1", "kleur2 kleur3", "kleur4 OR kleur5", "kleur6 -kleur7",
        "\"kleur1 kleur2\"", "kleur*", "kleu*", "NOT kleur8", "kleur9 OR nergens",
        "nergens", "titel:kleur3", "kleur0 AND (kleur1 OR kleur2)"};
    static const char *const munis[] = {"Gorinchem", "Meierijstad", "Den Bosch", "Veghel",
                                        "Zwolle", "Súdwest-Fryslân"};
    static const char *const themes[] = {"binnenstad", "wonen-leefomgeving", "demografie"};
    static const char *const sorts[] = {"relevance", "date", "date_asc"};
    static const char *const years[] = {"2014", "2016", "2018-06", "2021"};
    vp_searcher_config cfg = {db_path, gaz, NULL, 0};
    vp_searcher *by_column = vp_searcher_new(&cfg);
    /* a first request opens the column for this searcher ... */
    const char *warm[] = {"q", "kleur1"};
    json_decref(search(by_column, warm, 2));
    assert_true(vp_searcher_counts_by_column(by_column));
    /* ... which the other searcher then cannot find */
    snprintf(moved_column, sizeof moved_column, "%s/%s.away", db_path, VP_FCOL_FILE);
    char column[1100];
    snprintf(column, sizeof column, "%s/%s", db_path, VP_FCOL_FILE);
    assert_int_equal(rename(column, moved_column), 0);
    vp_searcher *by_spies = vp_searcher_new(&cfg);
    json_decref(search(by_spies, warm, 2));
    assert_false(vp_searcher_counts_by_column(by_spies));
    for (int round = 0; round < 400; round++) {
        const char *kv[24];
        size_t n = 0;
        char page[8], per_page[8];
        kv[n++] = "q";
        kv[n++] = texts[rnd(sizeof texts / sizeof *texts)];
        bool dated = false;
        for (int k = (int)rnd(4); k > 0; k--) {
            switch (rnd(3)) {
            case 0: kv[n++] = "municipality"; kv[n++] = munis[rnd(6)]; break;
            case 1: kv[n++] = "theme"; kv[n++] = themes[rnd(3)]; break;
            default: {
                if (dated)
                    break;
                dated = true;
                unsigned lo = rnd(4), hi = lo + rnd(4 - lo), which = rnd(3);
                if (which != 1) { kv[n++] = "from"; kv[n++] = years[lo]; }
                if (which != 0) { kv[n++] = "to"; kv[n++] = years[hi]; }
            }
            }
        }
        if (rnd(2)) {
            kv[n++] = "sort";
            kv[n++] = sorts[rnd(3)];
        }
        snprintf(page, sizeof page, "%u", 1 + rnd(3));
        snprintf(per_page, sizeof per_page, "%u", 1 + rnd(30));
        kv[n++] = "page";
        kv[n++] = page;
        kv[n++] = "per_page";
        kv[n++] = per_page;
        kv[n++] = "facet_limit";
        kv[n++] = rnd(2) ? "0" : "5";
        json_t *a = search(by_column, kv, n), *b = search(by_spies, kv, n);
        char *ja = json_dumps(a, VP_JSON_FLAGS), *jb = json_dumps(b, VP_JSON_FLAGS);
        if (strcmp(ja, jb) != 0) {
            fprintf(stderr, "column: %s\nspies:  %s\n", ja, jb);
            fail_msg("the answers differ (round %d, q=%s)", round, kv[1]);
        }
        compared++;
        free(ja);
        free(jb);
        json_decref(a);
        json_decref(b);
    }
    assert_int_equal(rename(moved_column, column), 0);
    vp_searcher_free(by_column);
    vp_searcher_free(by_spies);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sets_equal_the_matcher),
        cmocka_unit_test(requests_equal_the_spies),
        cmocka_unit_test(counting_stops_at_the_deadline),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
