/*
 * test_budget.c: the cost limits of a request (budget.h) on a generated
 * fixture whose bodies hold the words kleur0 .. kleur9, so that what a
 * wildcard expands to is known: kleur* is ten terms, kleur1* one.
 *   - the options and their defaults;
 *   - the term cap and the wildcard budget, through every route of the
 *     query layer (search, facets, export, trends' counts), 0 for none;
 *   - the errors' status, code and message;
 *   - the wrapper's reads behind them (leaves, wildcard expansion with a
 *     stopping point) and a match past its deadline.
 * The timing of deadlines on a real index is tests/searchd/test_budget.py.
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
#include <time.h>

#include "budget.h"
#include "fixture.h"
#include "query.h"
#include "sys.h"

static char db_path[1024];
static vp_searcher *searcher;
static xapc_db *db;

static int setup(void **state)
{
    (void)state;
    enum { REPORTS = 300 };
    const char *dir = getenv("VP_TEST_TMP");
    snprintf(db_path, sizeof db_path, "%s/budget.db", dir ? dir : "/tmp");
    if (dir)
        mkdir(dir, 0755);
    char why[600];
    vp_document *docs = vp_fixture_generate(REPORTS, 21);
    int written = vp_fixture_write(db_path, docs, REPORTS, NULL, false, why, sizeof why);
    vp_fixture_free_docs(docs, REPORTS);
    if (written != 0)
        fail_msg("%s", why);
    vp_searcher_config cfg = {db_path, NULL, NULL, 0};
    searcher = vp_searcher_new(&cfg);
    xapc_error xe;
    db = xapc_db_open(db_path, &xe);
    return searcher && db ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    vp_searcher_free(searcher);
    xapc_db_free(db);
    return 0;
}

/* The searcher's limits: the defaults with these two set. */
static void limit(unsigned max_terms, unsigned max_wildcard_terms)
{
    vp_budget_limits l = vp_budget_defaults();
    l.max_query_terms = max_terms;
    l.max_wildcard_terms = max_wildcard_terms;
    vp_searcher_set_limits(searcher, &l);
}

/* What /search answers q with: VP_QERR_NONE or the error (in *e). */
static vp_qerr_kind search_q(const char *q, vp_qerror *e)
{
    vp_request r;
    vp_request_init(&r);
    assert_int_equal(vp_request_set(&r, "q", q, e), 0);
    json_t *res = vp_search(searcher, &r, e);
    vp_request_clear(&r);
    json_decref(res);
    return res ? VP_QERR_NONE : e->kind;
}

static void test_defaults_and_options(void **state)
{
    (void)state;
    vp_budget_limits l = vp_budget_defaults();
    assert_int_equal(l.deadline_ms, VP_DEFAULT_DEADLINE_MS);
    assert_int_equal(l.export_ms, VP_DEFAULT_EXPORT_MS);
    assert_int_equal(l.max_query_terms, VP_DEFAULT_MAX_QUERY_TERMS);
    assert_int_equal(l.max_wildcard_terms, VP_DEFAULT_MAX_WILDCARD_TERMS);
    assert_int_equal(vp_budget_option(&l, "test", "deadline", "250"), 0);
    assert_int_equal(vp_budget_option(&l, "test", "export-deadline", "0"), 0);
    assert_int_equal(vp_budget_option(&l, "test", "max-query-terms", "7"), 0);
    assert_int_equal(vp_budget_option(&l, "test", "max-wildcard-terms", "9"), 0);
    assert_int_equal(l.deadline_ms, 250);
    assert_int_equal(l.export_ms, 0);
    assert_int_equal(l.max_query_terms, 7);
    assert_int_equal(l.max_wildcard_terms, 9);
    static const char *const bad[] = {"", "-1", "1x", " 5", "+5", "99999999999999"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_int_equal(vp_budget_option(&l, "test", "deadline", bad[i]), -1);
    assert_int_equal(l.deadline_ms, 250);   /* a refused value changes nothing */
    assert_int_equal(vp_budget_option(&l, "test", "threads", "2"), 1);
}

static void test_term_cap(void **state)
{
    (void)state;
    vp_qerror e = {0};
    limit(3, 0);
    assert_int_equal(search_q("kleur1 kleur2 kleur3", &e), VP_QERR_NONE);
    assert_int_equal(search_q("kleur1 kleur2 kleur3 kleur4", &e), VP_QERR_TOO_EXPENSIVE);
    assert_non_null(strstr(e.message, "4 terms"));
    assert_non_null(strstr(e.message, "the 3 a query"));
    assert_int_equal(vp_qerr_http_status(e.kind), 400);
    assert_string_equal(vp_qerr_code(e.kind), "query_too_expensive");
    /* A phrase's words count; a wildcard counts as one term here. */
    assert_int_equal(search_q("\"kleur1 kleur2 kleur3 kleur4\"", &e), VP_QERR_TOO_EXPENSIVE);
    assert_int_equal(search_q("kleur1 kleur2 kleur*", &e), VP_QERR_NONE);
    limit(0, 0);
    assert_int_equal(search_q("kleur1 kleur2 kleur3 kleur4 kleur5 kleur6", &e), VP_QERR_NONE);
    limit(VP_DEFAULT_MAX_QUERY_TERMS, VP_DEFAULT_MAX_WILDCARD_TERMS);
}

static void test_wildcard_budget(void **state)
{
    (void)state;
    vp_qerror e = {0};
    limit(0, 10);
    assert_int_equal(search_q("kleur*", &e), VP_QERR_NONE);          /* 10 terms */
    assert_int_equal(search_q("kleur1* OR kleur*", &e), VP_QERR_TOO_EXPENSIVE);   /* 11 */
    assert_non_null(strstr(e.message, "2 wildcards"));
    assert_non_null(strstr(e.message, "10 terms"));
    assert_int_equal(vp_qerr_http_status(e.kind), 400);
    assert_int_equal(search_q("kleur1* OR kleur2* OR kleur3*", &e), VP_QERR_NONE);
    /* A wildcard nothing starts with costs nothing. */
    assert_int_equal(search_q("kleur* OR zzzqqq*", &e), VP_QERR_NONE);
    limit(0, 0);
    assert_int_equal(search_q("kleur* OR kleur* OR kleur*", &e), VP_QERR_NONE);
    limit(VP_DEFAULT_MAX_QUERY_TERMS, VP_DEFAULT_MAX_WILDCARD_TERMS);
}

static bool count_nothing(size_t slot_index, const char *value, size_t len, uint32_t count,
                          void *ctx)
{
    (void)slot_index, (void)value, (void)len, (void)count, (void)ctx;
    return true;
}

/* /facets, /export and /trends' counts parse the query the same way, so
 * they refuse it the same way, before any match. */
static void test_every_route_refuses(void **state)
{
    (void)state;
    limit(0, 10);
    vp_request r;
    vp_qerror e = {0};
    vp_request_init(&r);
    assert_int_equal(vp_request_set(&r, "q", "kleur1* OR kleur*", &e), 0);
    assert_null(vp_facet_values(searcher, VP_FACET_THEME, &r, &e));
    assert_int_equal(e.kind, VP_QERR_TOO_EXPENSIVE);
    e.kind = VP_QERR_NONE;
    vp_match_iter *it = vp_match_iter_new(searcher, &r, &e);
    assert_null(it);
    assert_int_equal(e.kind, VP_QERR_TOO_EXPENSIVE);
    e.kind = VP_QERR_NONE;
    xapc_slot slot = 0;
    vp_searcher_start_request(searcher);
    assert_int_equal(vp_count_values(searcher, &r, NULL, NULL, &slot, 1, count_nothing, NULL,
                                     &e), -1);
    assert_int_equal(e.kind, VP_QERR_TOO_EXPENSIVE);
    vp_request_clear(&r);
    limit(VP_DEFAULT_MAX_QUERY_TERMS, VP_DEFAULT_MAX_WILDCARD_TERMS);
}

/* An export's batches after the first run under the export's budget, not
 * the request's deadline: with no export budget, batches fetched after
 * the request's deadline has passed still come. */
static void test_batches_outlive_the_request_deadline(void **state)
{
    (void)state;
    vp_budget_limits l = vp_budget_defaults();
    l.deadline_ms = 1000;
    vp_searcher_set_limits(searcher, &l);
    setenv("VP_EXPORT_BATCH", "7", 1);
    vp_request r;
    vp_qerror e = {0};
    vp_request_init(&r);
    assert_int_equal(vp_request_set(&r, "q", "kleur1 OR kleur2", &e), 0);
    vp_match_iter *it = vp_match_iter_new(searcher, &r, &e);
    unsetenv("VP_EXPORT_BATCH");
    assert_non_null(it);
    vp_match_iter_set_deadline(it, 0);
    struct timespec wait = {1, 200 * 1000 * 1000};
    nanosleep(&wait, NULL);
    uint32_t seen = 0, index;
    while (vp_match_iter_next(it, &index, &e))
        seen++;
    assert_int_equal(e.kind, VP_QERR_NONE);
    assert_int_equal(seen, vp_match_iter_total(it));
    assert_true(seen > 7);
    vp_match_iter_free(it);
    vp_request_clear(&r);
    limit(VP_DEFAULT_MAX_QUERY_TERMS, VP_DEFAULT_MAX_WILDCARD_TERMS);
}

static void test_deadline_error(void **state)
{
    (void)state;
    vp_budget_limits l = vp_budget_defaults();
    vp_qerror e = {0};
    assert_int_equal(vp_budget_check_deadline(&l, 0, &e), 0);
    assert_int_equal(vp_budget_check_deadline(&l, vp_now_ms() + 60000, &e), 0);
    assert_int_equal(vp_budget_check_deadline(&l, vp_now_ms() - 1, &e), -1);
    assert_int_equal(e.kind, VP_QERR_OVER_DEADLINE);
    assert_int_equal(vp_qerr_http_status(e.kind), 503);
    assert_string_equal(vp_qerr_code(e.kind), "query_too_expensive");
    assert_non_null(strstr(e.message, "2000 ms"));
    assert_int_equal(vp_budget_deadline(&l, 1000), 1000 + VP_DEFAULT_DEADLINE_MS);
    l.deadline_ms = 0;
    assert_true(vp_budget_deadline(&l, 1000) == 0);
    assert_int_equal(vp_budget_fail_export(&l, 75000, true, &e), -1);
    assert_int_equal(e.kind, VP_QERR_OVER_DEADLINE);
    assert_non_null(strstr(e.message, "about 75 s"));
}

/* ---- the wrapper's reads ------------------------------------------------------ */

static xapc_query *parse(const char *text)
{
    xapc_error xe;
    xapc_qp *qp = xapc_qp_new(&xe);
    assert_non_null(qp);
    assert_int_equal(xapc_qp_set_database(qp, db, &xe), XAPC_OK);
    assert_int_equal(xapc_qp_add_prefix(qp, "titel", "S", &xe), XAPC_OK);
    assert_int_equal(xapc_qp_set_max_wildcard_expansion(qp, 4, XAPC_WILDCARD_LIMIT_MOST_FREQUENT,
                                                        &xe), XAPC_OK);
    xapc_query *q = xapc_qp_parse(qp, text, XAPC_QP_DEFAULT | XAPC_QP_WILDCARD, "", &xe);
    xapc_qp_free(qp);
    assert_non_null(q);
    return q;
}

static void test_count_leaves(void **state)
{
    (void)state;
    static const struct { const char *text; size_t terms, wildcards; } cases[] = {
        {"kleur1", 1, 0},
        {"kleur1 kleur2 OR kleur3", 3, 0},
        {"\"kleur1 kleur2 kleur3\" -kleur4", 4, 0},
        {"kleur1* kleur2 (kleur3* OR (kleur4 AND kleur5*))", 2, 3},
        {"titel:kleur*", 0, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        xapc_query *q = parse(cases[i].text);
        size_t terms = 99, wildcards = 99;
        xapc_error xe;
        assert_int_equal(xapc_query_count_leaves(q, &terms, &wildcards, &xe), XAPC_OK);
        if (terms != cases[i].terms || wildcards != cases[i].wildcards)
            fail_msg("%s: %zu terms, %zu wildcards", cases[i].text, terms, wildcards);
        xapc_query_free(q);
    }
}

static void test_wildcard_terms(void **state)
{
    (void)state;
    xapc_error xe;
    uint64_t n = 0;
    /* The parser's limit (4 here) bounds each wildcard, as in the match. */
    xapc_query *q = parse("kleur* OR kleur1* OR nothingstartslikethis*");
    assert_int_equal(xapc_query_wildcard_terms(q, db, 0, &n, &xe), XAPC_OK);
    assert_int_equal(n, 4 + 1);
    /* Counting stops just past stop_after. */
    xapc_query_free(q);
    q = parse("kleur* OR kleur* OR kleur* OR kleur*");
    assert_int_equal(xapc_query_wildcard_terms(q, db, 0, &n, &xe), XAPC_OK);
    assert_int_equal(n, 16);
    assert_int_equal(xapc_query_wildcard_terms(q, db, 6, &n, &xe), XAPC_OK);
    assert_int_equal(n, 7);
    xapc_query_free(q);
    /* Without a limit a wildcard counts every term it starts; none here. */
    xapc_qp *qp = xapc_qp_new(&xe);
    xapc_qp_set_database(qp, db, &xe);
    q = xapc_qp_parse(qp, "kleur* kleur3", XAPC_QP_DEFAULT | XAPC_QP_WILDCARD, "", &xe);
    assert_int_equal(xapc_query_wildcard_terms(q, db, 0, &n, &xe), XAPC_OK);
    assert_int_equal(n, 10);
    xapc_query_free(q);
    q = xapc_qp_parse(qp, "kleur3", XAPC_QP_DEFAULT | XAPC_QP_WILDCARD, "", &xe);
    assert_int_equal(xapc_query_wildcard_terms(q, db, 0, &n, &xe), XAPC_OK);
    assert_int_equal(n, 0);
    xapc_query_free(q);
    xapc_qp_free(qp);
}

/* A match that starts past its deadline fails with XAPC_ERR_DEADLINE, as
 * one the decider stops does; one within it gives what no deadline gives. */
static void test_enquire_deadline(void **state)
{
    (void)state;
    xapc_error xe;
    xapc_query *q = parse("kleur1 OR kleur2");
    for (int stop = 0; stop <= 1; stop++) {
        xapc_enquire *enq = xapc_enquire_new(db, &xe);
        assert_int_equal(xapc_enquire_set_query(enq, q, &xe), XAPC_OK);
        xapc_mset *free_run = xapc_enquire_get_mset(enq, 0, 10, 300, &xe);
        assert_non_null(free_run);
        assert_int_equal(xapc_enquire_set_deadline(enq, vp_now_ms() + 60000, stop, &xe),
                         XAPC_OK);
        xapc_mset *timed = xapc_enquire_get_mset(enq, 0, 10, 300, &xe);
        assert_non_null(timed);
        assert_int_equal(xapc_mset_matches_estimated(timed),
                         xapc_mset_matches_estimated(free_run));
        assert_int_equal(xapc_mset_size(timed), xapc_mset_size(free_run));
        for (uint32_t i = 0; i < xapc_mset_size(timed); i++)
            assert_int_equal(xapc_mset_docid(timed, i, &xe), xapc_mset_docid(free_run, i, &xe));
        assert_int_equal(xapc_enquire_set_deadline(enq, vp_now_ms() - 1, stop, &xe), XAPC_OK);
        assert_null(xapc_enquire_get_mset(enq, 0, 10, 300, &xe));
        assert_int_equal(xe.status, XAPC_ERR_DEADLINE);
        assert_string_equal(xapc_status_name(xe.status), "deadline");
        /* 0 takes the deadline away again. */
        assert_int_equal(xapc_enquire_set_deadline(enq, 0, stop, &xe), XAPC_OK);
        xapc_mset *again = xapc_enquire_get_mset(enq, 0, 10, 300, &xe);
        assert_non_null(again);
        xapc_mset_free(again);
        xapc_mset_free(timed);
        xapc_mset_free(free_run);
        xapc_enquire_free(enq);
    }
    xapc_query_free(q);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults_and_options),
        cmocka_unit_test(test_term_cap),
        cmocka_unit_test(test_wildcard_budget),
        cmocka_unit_test(test_every_route_refuses),
        cmocka_unit_test(test_batches_outlive_the_request_deadline),
        cmocka_unit_test(test_deadline_error),
        cmocka_unit_test(test_count_leaves),
        cmocka_unit_test(test_wildcard_terms),
        cmocka_unit_test(test_enquire_deadline),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
