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
    expect_load_error("a\tA\tx*y\n", "1: keyword 'x*y': '*' only at the start or the end");
    expect_load_error("a\tA\t*\n", "1: keyword '*': no word");
    expect_load_error("a\tA\tfoo *\n", "1: keyword 'foo *': '*' only next to a letter or digit");
    expect_load_error("a\tA\t*foo bar\n",
                      "1: keyword '*foo bar': a leading '*' only on a single word without a "
                      "trailing one");
    expect_load_error("a\tA\tx\nb\tB\t\xFFy\n", "2: invalid UTF-8 (or NUL) at byte 5");
}

/* ---- the companions: theme_terms.tsv and theme_model.tsv ---- */

static const char *const taxonomy =
    "wonen\tWonen\twoningbouw*\n"
    "krimp\tDemografie\tkrimp\n";

static const char *const model =
    "bias\t-3\ntitle\t1\nheading\t1\nbody\t1\ndistinct\t1\n"
    "share\t-0.5\nthreshold\t0.5\nfallback\t0.25\nmax_themes\t3\n";

/* Writes dir/name (dir made if missing); returns the path. */
static const char *put(const char *sub, const char *name, const char *content)
{
    static char path[192];
    char dir[160];
    snprintf(dir, sizeof dir, "%s/%s", tmpdir, sub);
    mkdir(dir, 0700);
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(content, fp);
    fclose(fp);
    return path;
}

static void remove_dir(const char *sub)
{
    char path[192];
    static const char *const names[] = {"themes.tsv", "theme_terms.tsv", "theme_model.tsv"};
    for (size_t i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s/%s", tmpdir, sub, names[i]);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s/%s", tmpdir, sub);
    rmdir(path);
}

static void test_companions(void **state)
{
    char err[256] = "";
    (void)state;
    put("c", "theme_terms.tsv",
        "# slug\tweight\tdescriptors\n"
        "wonen\t2\thuurwoning*, *woningen ,sociale huur*\n"
        "krimp\t1.5\tvergrijzing\n");
    put("c", "theme_model.tsv", model);
    vp_themes *t = vp_themes_load(put("c", "themes.tsv", taxonomy), err, sizeof err);
    if (!t)
        fail_msg("%s", err);
    const vp_theme_terms *tt = vp_themes_terms(t);
    /* the own words (weight 3) first, then the file's, in order */
    assert_int_equal(vp_theme_terms_count(tt), 6);
    assert_string_equal(vp_theme_terms_at(tt, 0)->text, "woningbouw*");
    assert_true(vp_theme_terms_at(tt, 0)->weight == VP_THEME_KEYWORD_WEIGHT);
    assert_string_equal(vp_theme_terms_at(tt, 3)->text, "*woningen");
    assert_int_equal(vp_theme_terms_at(tt, 4)->n_words, 2);
    assert_int_equal(vp_theme_terms_at(tt, 5)->theme, 1);
    assert_true(vp_theme_terms_at(tt, 5)->weight == 1.5);
    const vp_theme_model *m = vp_themes_model(t);
    assert_non_null(m);
    assert_true(m->bias == -3 && m->weight[VP_TF_SHARE] == -0.5);
    assert_true(m->threshold == 0.5 && m->fallback == 0.25 && m->max_themes == 3);
    vp_themes_free(t);
    remove_dir("c");

    /* without companions: the taxonomy's own words, no model */
    t = vp_themes_load(put("bare", "themes.tsv", taxonomy), err, sizeof err);
    assert_non_null(t);
    assert_int_equal(vp_theme_terms_count(vp_themes_terms(t)), 2);
    assert_null(vp_themes_model(t));
    vp_themes_free(t);
    remove_dir("bare");
}

static void expect_companion_error(const char *name, const char *content, const char *msg)
{
    char err[512] = "", want[512];
    put("e", name, content);
    const char *path = put("e", "themes.tsv", taxonomy);
    vp_themes *t = vp_themes_load(path, err, sizeof err);
    if (t)
        fail_msg("loaded, expected error \"%s\"", msg);
    snprintf(want, sizeof want, "%s/e/%s%s", tmpdir, name, msg);
    if (strcmp(err, want) != 0)
        fail_msg("error \"%s\"\n  expected \"%s\"", err, want);
    remove_dir("e");
}

static void test_companion_errors(void **state)
{
    (void)state;
    expect_companion_error("theme_terms.tsv", "wonen\t2\n",
                           ":1: want slug <TAB> weight <TAB> descriptors");
    expect_companion_error("theme_terms.tsv", "bouwen\t2\tx\n", ":1: unknown theme 'bouwen'");
    expect_companion_error("theme_terms.tsv", "wonen\tzwaar\tx\n",
                           ":1: weight 'zwaar' is not a number in (0, 10]");
    expect_companion_error("theme_terms.tsv", "wonen\t0\tx\n",
                           ":1: weight '0' is not a number in (0, 10]");
    expect_companion_error("theme_terms.tsv", "wonen\t1\tov-*\n",
                           ":1: 'ov-*': '*' only next to a letter or digit");
    expect_companion_error("theme_terms.tsv", "wonen\t1\tx\nwonen\t2\tX\n",
                           ":2: 'X': given twice for the same theme");
    expect_companion_error("theme_terms.tsv", "wonen\t1\twoningbouw*\n",
                           ":1: 'woningbouw*': given twice for the same theme");
    expect_companion_error("theme_model.tsv", "bias\t1\n", ": no 'title'");
    expect_companion_error("theme_model.tsv", "bias 1\n", ":1: want `name <TAB> value`");
    expect_companion_error("theme_model.tsv", "tilte\t1\n", ":1: unknown name 'tilte'");
    expect_companion_error("theme_model.tsv", "bias\t1\nbias\t2\n", ":2: 'bias' given twice");
    expect_companion_error("theme_model.tsv", "bias\tveel\n", ":1: 'bias': 'veel' is not a number");
    expect_companion_error("theme_model.tsv", "threshold\t1.5\n",
                           ":1: 'threshold' out of range: 1.5");
    expect_companion_error("theme_model.tsv", "max_themes\t2.5\n",
                           ":1: 'max_themes' out of range: 2.5");
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
    assert_true(vp_theme_terms_count(vp_themes_terms(t)) > 12 * 20);
    assert_non_null(vp_themes_model(t));
    vp_themes_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_companions),
        cmocka_unit_test(test_companion_errors),
        cmocka_unit_test(test_real_file),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
