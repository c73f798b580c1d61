/*
 * test_reopen.c: the searcher's reopen path meets a revision the writer has
 * discarded.  Reading the new revision's metadata (its stemmer's name) may
 * then fail with "EOF reading block" (a DatabaseError: XAPC_ERR_IO), which
 * once surfaced as a 503 under load.  Xapian's timing cannot be forced, so
 * the read is made to fail here: linked with -Wl,--wrap=xapc_db_get_metadata,
 * the wrapper below fails the next reads on command and, like the writer
 * that discards a revision, may commit a newer one as it fails.
 *   - failed read, newer revision there: read again, no error;
 *   - failed read, no newer revision: the error stands (503), no loop.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "fixture.h"
#include "query.h"
#include "xapian_c.h"

char *__real_xapc_db_get_metadata(const xapc_db *db, const char *key, xapc_error *err);

static char db_path[512];
static int failures_to_inject;     /* the next reads that fail */
static bool commit_as_it_fails;    /* ... each with a newer revision committed */
static int reads;

/* A newer revision of db_path: one metadata entry changed. */
static void commit_revision(void)
{
    static int n;
    char value[32];
    snprintf(value, sizeof value, "%d", ++n);
    xapc_error xe;
    xapc_error_clear(&xe);
    xapc_wdb *w = xapc_wdb_open(db_path, XAPC_WDB_OPEN, &xe);
    assert_non_null(w);
    assert_int_equal(xapc_wdb_set_metadata(w, "test.revision", value, &xe), XAPC_OK);
    assert_int_equal(xapc_wdb_commit(w, &xe), XAPC_OK);
    xapc_wdb_free(w);
}

char *__wrap_xapc_db_get_metadata(const xapc_db *db, const char *key, xapc_error *err)
{
    reads++;
    if (failures_to_inject == 0)
        return __real_xapc_db_get_metadata(db, key, err);
    failures_to_inject--;
    if (commit_as_it_fails)
        commit_revision();
    err->status = XAPC_ERR_IO;
    snprintf(err->message, sizeof err->message, "DatabaseError: EOF reading block 7");
    return NULL;
}

static int setup(void **state)
{
    (void)state;
    const char *tmp = getenv("VP_TEST_TMP");
    tmp = tmp ? tmp : "/tmp/vp-test-reopen";
    mkdir(tmp, 0755);
    snprintf(db_path, sizeof db_path, "%s/reopen.db", tmp);
    char why[600];
    vp_document *docs = NULL;
    size_t n = vp_fixture_small(&docs);
    vp_gazetteer *gaz = vp_fixture_gazetteer();
    if (vp_fixture_write(db_path, docs, n, gaz, false, why, sizeof why) != 0)
        fail_msg("%s", why);
    vp_fixture_free_docs(docs, n);
    vp_gazetteer_free(gaz);
    return 0;
}

/* A searcher open at the current revision, checking for a new one before
 * every request. */
static vp_searcher *opened(void)
{
    failures_to_inject = 0;    /* whatever a failed test left */
    vp_searcher *s = vp_searcher_new(&(vp_searcher_config){.db_path = db_path});
    vp_qerror e = VP_PROBLEM_INIT;
    assert_int_equal(vp_searcher_refresh(s, &e), 0);
    return s;
}

/* Refreshes s after a commit, the next failures reads of metadata failing
 * (each with a newer revision committed as it fails when commit): the
 * refresh's result, e set on failure; reads counts from 0. */
static int refresh_failing(vp_searcher *s, int failures, bool commit, vp_qerror *e)
{
    commit_revision();
    failures_to_inject = failures;
    commit_as_it_fails = commit;
    reads = 0;
    return vp_searcher_refresh(s, e);
}

static void test_a_discarded_revision_is_read_again_at_the_newer(void **state)
{
    (void)state;
    vp_searcher *s = opened();
    vp_qerror e = VP_PROBLEM_INIT;
    int rc = refresh_failing(s, 3, true, &e);
    assert_int_equal(failures_to_inject, 0);
    if (rc != 0)
        fail_msg("reopening failed: %s", e.message);
    assert_int_equal(reads, 4);     /* three failed, one read the stemmer */
    unsigned docs = 0;
    unsigned long long revision = 0;
    assert_int_equal(vp_searcher_stats(s, &docs, &revision, &e), 0);
    assert_true(docs > 0);
    vp_searcher_free(s);
}

static void test_the_error_stands_without_a_newer_revision(void **state)
{
    (void)state;
    vp_searcher *s = opened();
    vp_qerror e = VP_PROBLEM_INIT;
    assert_int_equal(refresh_failing(s, 1, false, &e), -1);
    assert_int_equal(e.kind, VP_QERR_UNAVAILABLE);
    assert_non_null(strstr(e.message, "EOF reading block"));
    assert_int_equal(reads, 1);
    /* The next request reads the stemmer again, though the handle is at
     * the newest revision already. */
    vp_problem_clear(&e);
    assert_int_equal(vp_searcher_refresh(s, &e), 0);
    assert_int_equal(reads, 2);
    vp_searcher_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_discarded_revision_is_read_again_at_the_newer),
        cmocka_unit_test(test_the_error_stands_without_a_newer_revision),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
