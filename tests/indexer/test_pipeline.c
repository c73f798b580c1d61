/*
 * Unit tests of the extraction pipeline (indexer/extract.c): the stage
 * table, the status a stage returns, and the extractor version
 * (indexer/extract_version.c).
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

#include "extract_stages.h"

/* Every field a stage reads is filled by a stage before it (or by the
 * caller: the path), and no two stages fill the same field. */
static void test_stages_read_only_earlier_fields(void **state)
{
    (void)state;
    size_t n;
    const vp_extract_stage *st = vp_extract_stages(&n);
    unsigned filled = VP_FIELD_PATH;
    assert_true(n >= 5);
    for (size_t i = 0; i < n; i++) {
        if (st[i].reads & ~filled)
            fail_msg("stage %s reads a field no earlier stage fills", st[i].name);
        assert_int_equal(st[i].fills & filled, 0);
        filled |= st[i].fills;
    }
    assert_string_equal(st[0].name, "title");
    assert_string_equal(st[n - 1].name, "themes");
}

/* A later stage reads the title the title stage chose (d->title), not the
 * report's first heading: here the year of a date without one. */
static void test_later_stages_read_the_title_field(void **state)
{
    (void)state;
    vp_parsed p;
    vp_parsed_init(&p);
    assert_true(vp_parsed_add_block(&p, VP_BLOCK_HEADING, 1, false, 1, "Kennisdag"));
    assert_true(vp_parsed_add_block(&p, VP_BLOCK_PARAGRAPH, 0, false, 3,
                                    "Een dag op vrijdag 21 april."));
    vp_document d;
    vp_document_init(&d);
    d.title = strdup("Kennisdag 2017");   /* as if the title stage chose it */
    vp_extract_ctx ctx = {0};
    assert_int_equal(vp_extract_date(&ctx, &p, &d, NULL), VP_EXTRACT_OK);
    assert_non_null(d.date);
    assert_string_equal(d.date, "2017-04-21");
    vp_document_clear(&d);
    vp_parsed_clear(&p);
}

static void test_extract_all_runs_every_stage(void **state)
{
    (void)state;
    vp_parsed p;
    vp_parsed_init(&p);
    assert_true(vp_parsed_add_block(&p, VP_BLOCK_HEADING, 1, false, 1,
                                    "Kennisdag 21 april 2017"));
    vp_document d;
    vp_document_init(&d);
    vp_extract_ctx ctx = {0};
    vp_extract_issue issue = {0};
    assert_int_equal(vp_extract_all(&ctx, &p, &d, &issue), VP_EXTRACT_OK);
    assert_string_equal(d.title, "Kennisdag 21 april 2017");
    assert_string_equal(d.date, "2017-04-21");
    assert_null(d.host);
    vp_document_clear(&d);
    vp_parsed_clear(&p);
}

/* ---- the extractor version ---- */

static char dir[64];

static void write_file(const char *name, const char *content)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(content, f);
    fclose(f);
}

static void version(char out[VP_EXTRACT_VERSION_LEN])
{
    char err[256] = "";
    if (!vp_extract_version(dir, out, err, sizeof err))
        fail_msg("%s", err);
    assert_int_equal(strlen(out), 16);
}

static void test_version_follows_every_data_file(void **state)
{
    (void)state;
    char a[VP_EXTRACT_VERSION_LEN], b[VP_EXTRACT_VERSION_LEN];
    snprintf(dir, sizeof dir, "/tmp/vp-version-XXXXXX");
    assert_non_null(mkdtemp(dir));
    version(a);                                /* an empty folder has one too */
    write_file("gemeenten.tsv", "Zeist\tUtrecht\n");
    version(b);
    assert_string_not_equal(a, b);
    version(a);
    version(b);
    assert_string_equal(a, b);                 /* stable */

    write_file("README.md", "# about the data\n");
    version(b);
    assert_string_equal(a, b);                 /* documentation does not count */

    write_file("roles.txt", "wethouder\n");   /* a file nobody listed */
    version(b);
    assert_string_not_equal(a, b);

    char sub[128];
    snprintf(sub, sizeof sub, "%s/lists", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    write_file("lists/titles.txt", "dr\n");    /* and one in a folder */
    version(a);
    assert_string_not_equal(a, b);

    write_file("roles.txt", "wethouders\n");  /* a changed byte */
    version(b);
    assert_string_not_equal(a, b);

    char err[256] = "";
    char out[VP_EXTRACT_VERSION_LEN];
    assert_false(vp_extract_version("/nonexistent/vp-data", out, err, sizeof err));
    assert_non_null(strstr(err, "/nonexistent/vp-data"));

    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -r %s", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stages_read_only_earlier_fields),
        cmocka_unit_test(test_later_stages_read_the_title_field),
        cmocka_unit_test(test_extract_all_runs_every_stage),
        cmocka_unit_test(test_version_follows_every_data_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
