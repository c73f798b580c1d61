/*
 * test_facets.c: facet counts and totals against a brute-force count.
 *
 * A generated index of a few thousand reports with random facet values; for
 * many queries and filter combinations (every single facet value, random
 * pairs and triples, date ranges, with and without free text) the counts of
 * vp_search() must equal what plain C computes from every document read
 * back: exact, multi-valued and disjunctive.  Twice: counted from the facet
 * column (the counting path), then, with the column removed, by Xapian's
 * match spies.
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

#include "facet_column.h"
#include "facets.h"
#include "fixture.h"
#include "query.h"
#include "schema.h"
#include "text.h"
#include "xapian_c.h"

#define N_DOCS 3000

static vp_gazetteer *gaz;
static vp_searcher *searcher;
static vp_document *docs;       /* read back from the index */
static size_t n_docs;
static unsigned long checks;
static bool with_column;   /* the group being run */

static void read_back(const char *db_path)
{
    xapc_error xe;
    xapc_error_clear(&xe);
    xapc_db *db = xapc_db_open(db_path, &xe);
    assert_non_null(db);
    n_docs = xapc_db_doccount(db, &xe);
    assert_int_equal(n_docs, N_DOCS);
    docs = calloc(n_docs, sizeof *docs);
    for (size_t i = 0; i < n_docs; i++) {
        size_t len;
        char *data = xapc_db_document_data_len(db, (xapc_docid)(i + 1), &len, &xe), why[256];
        assert_non_null(data);
        vp_document_init(&docs[i]);
        assert_int_equal(vp_document_from_json(data, len, &docs[i], why, sizeof why), 0);
        free(data);
    }
    xapc_db_free(db);
}

static int setup(void **state)
{
    (void)state;
    const char *tmp = getenv("VP_TEST_TMP");
    char db[1024], why[600];
    mkdir(tmp ? tmp : "/tmp/vp-test-facets", 0755);
    snprintf(db, sizeof db, "%s/generated.db", tmp ? tmp : "/tmp/vp-test-facets");
    gaz = vp_fixture_gazetteer();
    vp_document *gen = vp_fixture_generate(N_DOCS, 42);
    if (vp_fixture_write(db, gen, N_DOCS, gaz, false, why, sizeof why) != 0)
        fail_msg("%s", why);
    vp_fixture_free_docs(gen, N_DOCS);
    read_back(db);
    if (!with_column) {
        char column[1100];
        snprintf(column, sizeof column, "%s/%s", db, VP_FCOL_FILE);
        assert_int_equal(unlink(column), 0);
    }
    vp_searcher_config cfg = {db, gaz, NULL, 0};
    searcher = vp_searcher_new(&cfg);
    /* Counts are compared here, not time: without the column a broad query
     * is counted by the matcher, which under ASan on a loaded machine
     * outlasted the default 2 s deadline (test_budget.c tests the budget). */
    vp_budget_limits no_deadline = vp_budget_defaults();
    no_deadline.deadline_ms = 0;
    vp_searcher_set_limits(searcher, &no_deadline);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    fprintf(stderr, "facet comparisons: %lu\n", checks);
    vp_fixture_free_docs(docs, n_docs);
    vp_searcher_free(searcher);
    vp_gazetteer_free(gaz);
    return 0;
}

/* ---- the brute force ----------------------------------------------------------- */

typedef struct filters {
    const char *q_word[2];              /* words that must all occur, or NULL */
    const char *values[3][4];           /* municipality, speaker, theme; NULL-ended */
    const char *from, *to;
} filters;

static bool has_word(const vp_document *d, const char *w)
{
    size_t n = strlen(w);
    for (const char *p = d->text; (p = strstr(p, w)) != NULL; p += n)
        if ((p == d->text || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
            return true;
    return false;
}

static bool municipality_matches(const char *name, const char *wanted)
{
    const vp_municipality *w = vp_gazetteer_lookup(gaz, wanted);
    const char *target = w ? w->name : wanted;
    const vp_municipality *m = vp_gazetteer_lookup(gaz, name);
    if (vp_fold_equal(name, target))
        return true;
    for (int hops = 0; m && m->successor && hops < 16; hops++) {
        if (vp_fold_equal(m->successor, target))
            return true;
        m = vp_gazetteer_lookup(gaz, m->successor);
    }
    return false;
}

static bool facet_matches(const vp_document *d, int f, const char *const *values)
{
    if (!values[0])
        return true;
    for (size_t v = 0; v < 4 && values[v]; v++) {
        if (f == 0)
            for (size_t i = 0; i < d->municipalities.len; i++)
                if (municipality_matches(d->municipalities.items[i], values[v]))
                    return true;
        if (f == 1)
            for (size_t i = 0; i < d->n_speakers; i++)
                if (vp_fold_equal(d->speakers[i].name, values[v]))
                    return true;
        if (f == 2 && vp_strvec_contains(&d->themes, values[v]))
            return true;
    }
    return false;
}

static bool date_matches(const vp_document *d, const filters *fl)
{
    char lo[9], hi[9], date[9];
    if (!fl->from && !fl->to)
        return true;
    if (!d->date)
        return false;
    snprintf(date, sizeof date, "%.4s%.2s%.2s", d->date, d->date + 5, d->date + 8);
    if (fl->from && vp_date_bound(fl->from, false, lo) && strcmp(date, lo) < 0)
        return false;
    return !(fl->to && vp_date_bound(fl->to, true, hi) && strcmp(date, hi) > 0);
}

/* Whether d matches every filter except facet skip's own (skip 4: all). */
static bool matches(const vp_document *d, const filters *fl, int skip)
{
    for (int w = 0; w < 2; w++)
        if (fl->q_word[w] && !has_word(d, fl->q_word[w]))
            return false;
    for (int f = 0; f < 3; f++)
        if (f != skip && !facet_matches(d, f, fl->values[f]))
            return false;
    return skip == 3 || date_matches(d, fl);
}

/* The facet values of d for facet f (distinct). */
static void values_of(const vp_document *d, int f, vp_strvec *out)
{
    if (f == 0)
        for (size_t i = 0; i < d->municipalities.len; i++)
            vp_strvec_push_unique(out, d->municipalities.items[i]);
    if (f == 1)
        for (size_t i = 0; i < d->n_speakers; i++)
            vp_strvec_push_unique(out, d->speakers[i].name);
    if (f == 2)
        for (size_t i = 0; i < d->themes.len; i++)
            vp_strvec_push_unique(out, d->themes.items[i]);
    if (f == 3 && d->date) {
        char year[5];
        snprintf(year, sizeof year, "%.4s", d->date);
        vp_strvec_push(out, year);
    }
}

/* The count of value in a facet list from the result, 0 when absent. */
static json_int_t listed_count(const json_t *list, const char *value)
{
    size_t i;
    const json_t *e;
    json_array_foreach(list, i, e)
        if (strcmp(json_string_value(json_object_get(e, "value")), value) == 0)
            return json_integer_value(json_object_get(e, "count"));
    return 0;
}

static void check_facet(const json_t *result, const filters *fl, int f)
{
    const char *name = vp_facet_name((vp_facet)f);
    const json_t *list = json_object_get(json_object_get(result, "facets"), name);
    /* Expected: every value of every document matching all filters but f's own. */
    vp_strvec seen = VP_STRVEC_INIT;
    json_int_t *counts = NULL;
    for (size_t i = 0; i < n_docs; i++) {
        if (!matches(&docs[i], fl, f))
            continue;
        vp_strvec vals = VP_STRVEC_INIT;
        values_of(&docs[i], f, &vals);
        for (size_t v = 0; v < vals.len; v++) {
            size_t k;
            for (k = 0; k < seen.len && strcmp(seen.items[k], vals.items[v]) != 0; k++)
                ;
            if (k == seen.len) {
                vp_strvec_push(&seen, vals.items[v]);
                counts = realloc(counts, seen.len * sizeof *counts);
                counts[k] = 0;
            }
            counts[k]++;
        }
        vp_strvec_clear(&vals);
    }
    if (json_array_size(list) != seen.len)
        fail_msg("facet %s: %zu values listed, %zu expected", name, json_array_size(list), seen.len);
    for (size_t k = 0; k < seen.len; k++)
        if (listed_count(list, seen.items[k]) != counts[k])
            fail_msg("facet %s value %s: count %lld, expected %lld", name, seen.items[k],
                     (long long)listed_count(list, seen.items[k]), (long long)counts[k]);
    /* sorted by count, then name */
    for (size_t i = 1; i < json_array_size(list); i++)
        assert_true(json_integer_value(json_object_get(json_array_get(list, i - 1), "count")) >=
                    json_integer_value(json_object_get(json_array_get(list, i), "count")));
    vp_strvec_clear(&seen);
    free(counts);
    checks++;
}

static void check(const filters *fl)
{
    vp_request r;
    vp_qerror e = {0};
    vp_request_init(&r);
    char q[64] = "";
    for (int w = 0; w < 2 && fl->q_word[w]; w++)
        snprintf(q + strlen(q), sizeof q - strlen(q), "%s%s", w ? " " : "", fl->q_word[w]);
    if (*q)
        vp_request_set(&r, "q", q, &e);
    for (int f = 0; f < 3; f++)
        for (size_t v = 0; v < 4 && fl->values[f][v]; v++)
            assert_int_equal(vp_request_set(&r, vp_facet_name((vp_facet)f), fl->values[f][v], &e), 0);
    if (fl->from)
        vp_request_set(&r, "from", fl->from, &e);
    if (fl->to)
        vp_request_set(&r, "to", fl->to, &e);
    vp_request_set(&r, "facet_limit", "0", &e);
    vp_request_set(&r, "per_page", "1", &e);
    json_t *res = vp_search(searcher, &r, &e);
    if (!res)
        fail_msg("search failed: %s", e.message);
    assert_int_equal(vp_searcher_counts_by_column(searcher), with_column);
    json_int_t expected = 0;
    for (size_t i = 0; i < n_docs; i++)
        expected += matches(&docs[i], fl, 4);
    if (json_integer_value(json_object_get(res, "total")) != expected)
        fail_msg("total %lld, expected %lld (q=%s)",
                 (long long)json_integer_value(json_object_get(res, "total")), (long long)expected, q);
    for (int f = 0; f < 4; f++)
        check_facet(res, fl, f);
    json_decref(res);
    vp_request_clear(&r);
}

/* ---- the cases ---------------------------------------------------------------- */

/* Every value that occurs in facet f, from the documents. */
static void all_values(int f, vp_strvec *out)
{
    for (size_t i = 0; i < n_docs; i++)
        values_of(&docs[i], f, out);
}

static void no_filter(void **state)
{
    (void)state;
    check(&(filters){.from = NULL});
    check(&(filters){.q_word = {"kleur3", NULL}});
    check(&(filters){.q_word = {"kleur1", "kleur7"}});
}

static void every_single_value(void **state)
{
    (void)state;
    for (int f = 0; f < 3; f++) {
        vp_strvec vals = VP_STRVEC_INIT;
        all_values(f, &vals);
        assert_true(vals.len >= 10);
        for (size_t v = 0; v < vals.len; v++) {
            filters fl = {.from = NULL};
            fl.values[f][0] = vals.items[v];
            check(&fl);
            fl.q_word[0] = "kleur5";
            check(&fl);
        }
        vp_strvec_clear(&vals);
    }
}

static void successors_and_aliases(void **state)
{
    (void)state;
    check(&(filters){.values = {{"Meierijstad"}}});
    check(&(filters){.values = {{"Den Bosch", "veghel"}}});
    check(&(filters){.values = {{"sudwest fryslan"}, {NULL}, {"wonen-leefomgeving"}}});
}

static void date_ranges(void **state)
{
    (void)state;
    static const char *const bounds[][2] = {
        {"2015", NULL}, {NULL, "2016-06"}, {"2017-03-01", "2019-02-28"}, {"2020", "2020"},
        {"2014-02", "2014-02"}};
    for (size_t i = 0; i < sizeof bounds / sizeof *bounds; i++) {
        check(&(filters){.from = bounds[i][0], .to = bounds[i][1]});
        check(&(filters){.q_word = {"kleur2"}, .values = {{"Gorinchem"}},
                         .from = bounds[i][0], .to = bounds[i][1]});
    }
}

static unsigned rnd_state = 7;
static unsigned rnd(unsigned n)
{
    rnd_state = rnd_state * 1103515245u + 12345u;
    return ((rnd_state >> 8) & 0xffffff) % n;
}

static void random_pairs_and_triples(void **state)
{
    (void)state;
    vp_strvec vals[3] = {VP_STRVEC_INIT, VP_STRVEC_INIT, VP_STRVEC_INIT};
    for (int f = 0; f < 3; f++)
        all_values(f, &vals[f]);
    static const char *const words[] = {NULL, "kleur0", "kleur4", "kleur9"};
    static const char *const years[] = {NULL, "2014", "2016", "2018", "2021"};
    for (int round = 0; round < 150; round++) {
        filters fl = {.q_word = {words[rnd(4)], NULL}};
        int n = 2 + (round % 2);          /* pairs, then triples */
        for (int k = 0; k < n; k++) {
            int f = (int)rnd(4);
            if (f == 3) {
                fl.from = years[rnd(5)];
                continue;
            }
            size_t slot = 0;
            while (slot < 3 && fl.values[f][slot])
                slot++;
            fl.values[f][slot] = vals[f].items[rnd((unsigned)vals[f].len)];
        }
        check(&fl);
    }
    for (int f = 0; f < 3; f++)
        vp_strvec_clear(&vals[f]);
}

/* The counter's own rules: a list counts each member once, however often
 * it repeats it (one document); lists count separately; ties by name. */
static void value_lists_count_each_document_once(void **state)
{
    (void)state;
    vp_facet_counts *c = vp_facet_counts_new();
    assert_non_null(c);
    const char sep = VP_LIST_SEP;
    char a[64], b[64];
    int la = snprintf(a, sizeof a, "Ede%cArnhem%cEde%cEde", sep, sep, sep);
    int lb = snprintf(b, sizeof b, "Arnhem%cZeist%cArnhem", sep, sep);
    vp_facet_counts_add_list(c, a, (size_t)la, 2);   /* two documents */
    vp_facet_counts_add_list(c, b, (size_t)lb, 1);
    vp_facet_counts_add_list(c, "Ede", 3, 1);
    assert_int_equal(vp_facet_counts_size(c), 3);
    json_t *j = vp_facet_counts_to_json(c, 0, NULL, NULL);
    char *text = json_dumps(j, JSON_COMPACT);
    assert_string_equal(text, "[{\"value\":\"Arnhem\",\"count\":3},"
                              "{\"value\":\"Ede\",\"count\":3},"
                              "{\"value\":\"Zeist\",\"count\":1}]");
    free(text);
    json_decref(j);
    vp_facet_counts_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(value_lists_count_each_document_once),
        cmocka_unit_test(no_filter),
        cmocka_unit_test(every_single_value),
        cmocka_unit_test(successors_and_aliases),
        cmocka_unit_test(date_ranges),
        cmocka_unit_test(random_pairs_and_triples),
    };
    with_column = true;
    int failed = cmocka_run_group_tests_name("counted from the facet column", tests, setup,
                                             teardown);
    with_column = false;
    return failed + cmocka_run_group_tests_name("counted by match spies", tests, setup,
                                                teardown);
}
