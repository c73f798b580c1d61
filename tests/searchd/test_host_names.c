/*
 * test_host_names.c: the places reports were hosted in, which the host
 * boost matches a query against (expand.h), are read once per revision of
 * the index, and read again at a new one.  Linked with
 * -Wl,--wrap=xapc_db_allterms, the wrapper below counts the reads of the
 * host terms.
 *   - two plain queries at one revision: the host terms are read once;
 *   - a new revision with a new host: read again, and the report hosted
 *     there is ranked up by a query that names the place.
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
#include "schema.h"
#include "xapian_c.h"

xapc_termiter *__real_xapc_db_allterms(const xapc_db *db, const char *prefix,
                                       xapc_error *err);

static char db_path[512];
static int host_reads;     /* reads of every host term */

xapc_termiter *__wrap_xapc_db_allterms(const xapc_db *db, const char *prefix,
                                       xapc_error *err)
{
    if (prefix && strcmp(prefix, VP_PREFIX_HOST) == 0)
        host_reads++;
    return __real_xapc_db_allterms(db, prefix, err);
}

/* A report of one day at a harbour, hosted in host; both reports say the
 * same, so that only the host boost tells them apart. */
static vp_document *harbour_day(const char *id, const char *host)
{
    vp_document *d = calloc(1, sizeof *d);
    assert_non_null(d);
    vp_document_init(d);
    d->id = strdup(id);
    char path[64];
    snprintf(path, sizeof path, "%s.md", id);
    d->path = strdup(path);
    d->title = strdup("Kennisdag over de haven");
    d->date = strdup("2021-03-04");
    d->host = strdup(host);
    d->text = strdup("De kades van de haven bij Kraaienburg en de nieuwe loswal.");
    d->markdown = strdup("# Kennisdag over de haven\n\nDe kades van de haven bij "
                         "Kraaienburg en de nieuwe loswal.\n");
    return d;
}

/* Writes (append: adds) the report to the index: a new revision. */
static void write_report(vp_document *d, bool append)
{
    char why[600];
    vp_gazetteer *gaz = vp_fixture_gazetteer();
    if (vp_fixture_write(db_path, d, 1, gaz, append, why, sizeof why) != 0)
        fail_msg("%s", why);
    vp_fixture_free_docs(d, 1);
    vp_gazetteer_free(gaz);
}

static int setup(void **state)
{
    (void)state;
    const char *tmp = getenv("VP_TEST_TMP");
    tmp = tmp ? tmp : "/tmp/vp-test-host-names";
    mkdir(tmp, 0755);
    snprintf(db_path, sizeof db_path, "%s/hosts.db", tmp);
    write_report(harbour_day("2021-03-04-weidebroek", "Weidebroek"), false);
    return 0;
}

/* The id of q's best hit through s. */
static char *best_hit(vp_searcher *s, const char *q)
{
    vp_request r;
    vp_request_init(&r);
    vp_qerror e = VP_PROBLEM_INIT;
    assert_int_equal(vp_request_set(&r, "q", q, &e), 0);
    json_t *out = vp_search(s, &r, &e);
    if (!out)
        fail_msg("%s", e.message);
    json_t *hit = json_array_get(json_object_get(out, "hits"), 0);
    char *id = strdup(hit ? json_string_value(json_object_get(hit, "id")) : "");
    json_decref(out);
    vp_request_clear(&r);
    return id;
}

static void test_hosts_read_once_per_revision(void **state)
{
    (void)state;
    vp_searcher *s = vp_searcher_new(&(vp_searcher_config){.db_path = db_path});
    host_reads = 0;
    char *first = best_hit(s, "haven Kraaienburg");
    char *again = best_hit(s, "kades Kraaienburg");
    assert_string_equal(first, "2021-03-04-weidebroek");
    assert_string_equal(again, "2021-03-04-weidebroek");
    assert_int_equal(host_reads, 1);
    free(first);
    free(again);

    /* The same words, hosted in the place the query names: ranked first
     * once the searcher has seen the revision that holds it. */
    write_report(harbour_day("2021-03-04-kraaienburg", "Kraaienburg"), true);
    char *now = best_hit(s, "haven Kraaienburg");
    assert_string_equal(now, "2021-03-04-kraaienburg");
    assert_int_equal(host_reads, 2);
    free(now);
    vp_searcher_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hosts_read_once_per_revision),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
