#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "themes.h"

static char tmpdir[64];
static int file_no;

static const char *write_tsv(const char *content)
{
    static char path[128];
    FILE *fp;
    snprintf(path, sizeof path, "%s/t%d.tsv", tmpdir, file_no++);
    fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(content, fp);
    fclose(fp);
    return path;
}

static int setup(void **state)
{
    (void)state;
    strcpy(tmpdir, "/tmp/vp_themes_XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    char path[128];
    (void)state;
    for (int i = 0; i < file_no; i++) {
        snprintf(path, sizeof path, "%s/t%d.tsv", tmpdir, i);
        unlink(path);
    }
    rmdir(tmpdir);
    return 0;
}

static void test_load(void **state)
{
    char err[256] = "";
    const char *path = write_tsv(
        "# slug\tlabel\tkeywords\n"
        "\n"
        "regionale-samenwerking\tRegionale samenwerking\tregionale samenwerking, "
        "Samenwerk*, REGIONALE  COÖPERATIE,,regio-deal\r\n"
        "energie\tEnergietransitie\twarmtenet,zon op dak,  windmolen* ,warmtenet\n"
        "wonen2030\tWonen & bouwen\twoningbouw\n");
    vp_themes *t = vp_themes_load(path, err, sizeof err);
    const vp_theme *th;
    (void)state;
    if (!t)
        fail_msg("%s", err);
    assert_int_equal(vp_themes_count(t), 3);
    th = vp_themes_at(t, 0);
    assert_string_equal(th->slug, "regionale-samenwerking");
    assert_string_equal(th->label, "Regionale samenwerking");
    assert_int_equal(th->keywords.len, 4);
    assert_string_equal(th->keywords.items[0], "regionale samenwerking");
    assert_string_equal(th->keywords.items[1], "samenwerk*");
    assert_string_equal(th->keywords.items[2], "regionale cooperatie");
    assert_string_equal(th->keywords.items[3], "regio-deal");
    th = vp_themes_at(t, 1);
    assert_int_equal(th->keywords.len, 3);   /* duplicate dropped */
    assert_string_equal(th->keywords.items[2], "windmolen*");
    assert_null(vp_themes_at(t, 3));

    assert_ptr_equal(vp_themes_lookup(t, "energie"), vp_themes_at(t, 1));
    assert_ptr_equal(vp_themes_lookup(t, "ENERGIETRANSITIE"), vp_themes_at(t, 1));
    assert_ptr_equal(vp_themes_lookup(t, " regionale  samenwerking "), vp_themes_at(t, 0));
    assert_ptr_equal(vp_themes_lookup(t, "Regionale-Samenwerking"), vp_themes_at(t, 0));
    assert_ptr_equal(vp_themes_lookup(t, "wonen & bouwen"), vp_themes_at(t, 2));
    assert_null(vp_themes_lookup(t, "wonen"));
    assert_null(vp_themes_lookup(t, ""));
    vp_themes_free(t);
    vp_themes_free(NULL);

    t = vp_themes_load(write_tsv("# nothing\n"), err, sizeof err);
    assert_non_null(t);
    assert_int_equal(vp_themes_count(t), 0);
    vp_themes_free(t);
}

static void expect_load_error(const char *content, const char *msg)
{
    char err[512] = "";
    char want[256];
    const char *path = write_tsv(content);
    vp_themes *t = vp_themes_load(path, err, sizeof err);
    if (t)
        fail_msg("loaded, expected error \"%s\"", msg);
    snprintf(want, sizeof want, "%s:%s", path, msg);
    if (strcmp(err, want) != 0)
        fail_msg("error \"%s\"\n  expected \"%s\"", err, want);
}

static void test_errors(void **state)
{
    char err[256];
    (void)state;
    assert_null(vp_themes_load("/nonexistent/themes.tsv", err, sizeof err));
    assert_string_equal(err, "/nonexistent/themes.tsv: No such file or directory");
    expect_load_error("a\tA\tx\tmore\n", "1: more than 3 columns");
    expect_load_error("\tA\tx\n", "1: slug '' must be non-empty and only [a-z0-9-]");
    expect_load_error("Wonen\tA\tx\n", "1: slug 'Wonen' must be non-empty and only [a-z0-9-]");
    expect_load_error("wo_nen\tA\tx\n", "1: slug 'wo_nen' must be non-empty and only [a-z0-9-]");
    expect_load_error("wonen\n", "1: theme 'wonen' has no label");
    expect_load_error("wonen\t \tx\n", "1: theme 'wonen' has no label");
    expect_load_error("wonen\tWonen\n", "1: theme 'wonen' has no keywords");
    expect_load_error("wonen\tWonen\t , ,\n", "1: theme 'wonen' has no keywords");
    expect_load_error("a\tA\tx\n#\nb\tB\ty\na\tC\tz\n", "4: duplicate slug 'a'");
    expect_load_error("a\tWonen\tx\nb\tWÓNEN\ty\n", "2: duplicate label 'WÓNEN' (also theme 'a')");
    expect_load_error("a\tA\tx*y\n", "1: keyword 'x*y': '*' only at the end of a word");
    expect_load_error("a\tA\t*\n", "1: keyword '*': '*' only at the end of a word");
    expect_load_error("a\tA\tfoo *\n", "1: keyword 'foo *': '*' only at the end of a word");
    expect_load_error("a\tA\tx\nb\tB\t\xFFy\n", "2: invalid UTF-8 (or NUL) at byte 5");
}

/* The real data file, when it is there: it must load. */
static void test_real_file(void **state)
{
    char err[512] = "";
    char path[512];
    (void)state;
    snprintf(path, sizeof path, "%s/themes.tsv", VP_DATA_DIR);
    if (access(path, R_OK) != 0)
        skip();
    vp_themes *t = vp_themes_load(path, err, sizeof err);
    if (!t)
        fail_msg("%s", err);
    assert_true(vp_themes_count(t) > 0);
    vp_themes_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_real_file),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
