/*
 * Unit tests of scan.c (issue 21): the scan never leaves its root, ends on
 * link loops, reports each skipped link once, and vp_source_read refuses
 * what is too large or has been swapped for a link out of the root since
 * the scan.  Each test builds its own tree under a fresh temporary folder.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scan.h"

static char tmp[256];  /* short, so that every path made from it fits PATH_MAX */

static void path_of(char *out, const char *rel)
{
    snprintf(out, PATH_MAX, "%s/%s", tmp, rel);
}

static void mk(const char *rel)
{
    char p[PATH_MAX];
    path_of(p, rel);
    assert_int_equal(mkdir(p, 0777), 0);
}

static void write_file(const char *rel, const char *text)
{
    char p[PATH_MAX];
    path_of(p, rel);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void link_(const char *target, const char *rel)
{
    char p[PATH_MAX];
    path_of(p, rel);
    assert_int_equal(symlink(target, p), 0);
}

static int setup(void **state)
{
    (void)state;
    const char *base = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    snprintf(tmp, sizeof tmp, "%s/vp-scan-XXXXXX", base);
    if (!mkdtemp(tmp))
        return -1;
    mk("outside");
    write_file("outside/secret.md", "# Geheim\n");
    write_file("outside/passwd", "root:x:0:0:root:/root:/bin/bash\n");
    mk("r");
    write_file("r/a.md", "# A\n");
    mk("r/sub");
    write_file("r/sub/b.md", "# B\n");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[PATH_MAX + 16];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    return system(cmd) == 0 ? 0 : -1;
}

/* Scans tmp/r: the relative paths found (sorted, joined by spaces) and the
 * problems ("name: message" with name relative to tmp/r). */
static void scan_r(vp_sources *s, char *found, size_t flen)
{
    char root[PATH_MAX], err[PATH_MAX + 100];
    path_of(root, "r");
    memset(s, 0, sizeof *s);
    assert_int_equal(vp_scan_path(s, root, err, sizeof err), 0);
    vp_sources_sort(s);
    found[0] = '\0';
    for (size_t i = 0; i < s->len; i++)
        snprintf(found + strlen(found), flen - strlen(found), "%s%s", i ? " " : "",
                 s->items[i].rel_path);
}

/* The problem about the entry rel (under tmp/r), or NULL. */
static const char *problem_for(const vp_sources *s, const char *rel)
{
    char p[PATH_MAX];
    path_of(p, "r");
    snprintf(p + strlen(p), sizeof p - strlen(p), "/%s", rel);
    for (size_t i = 0; i < s->n_problems; i++)
        if (!strcmp(s->problems[i].path, p))
            return s->problems[i].message;
    return NULL;
}

/* Scans tmp/r: it finds exactly `found`, and one problem for each of the
 * links named, which says `why` and that the link was skipped. */
static void expect_scan(const char *found, const char *const *names, const char *why)
{
    vp_sources s;
    char got[1024];
    scan_r(&s, got, sizeof got);
    assert_string_equal(got, found);
    size_t n = 0;
    for (; names[n]; n++) {
        const char *m = problem_for(&s, names[n]);
        assert_non_null(m);
        assert_non_null(strstr(m, why));
        assert_non_null(strstr(m, "; skipped"));
    }
    assert_int_equal(s.n_problems, n);
    vp_sources_clear(&s);
}

static void test_plain_tree(void **state)
{
    (void)state;
    vp_sources s;
    char found[1024];
    scan_r(&s, found, sizeof found);
    assert_string_equal(found, "a.md sub/b.md");
    assert_int_equal(s.n_problems, 0);
    vp_sources_clear(&s);
}

static void test_links_out_of_the_root_are_skipped(void **state)
{
    (void)state;
    char target[PATH_MAX];
    path_of(target, "outside/passwd");
    link_(target, "r/passwd.md");           /* ln -s /etc/passwd r/passwd.md */
    link_("../outside/secret.md", "r/secret.md");
    link_("../outside", "r/elsewhere");      /* a folder out of the root */
    link_("..", "r/up");                     /* the root's parent */
    link_("/", "r/slash");
    const char *names[] = {"passwd.md", "secret.md", "elsewhere", "up", "slash", NULL};
    expect_scan("a.md sub/b.md", names, ", outside ");
}

static void test_loops_end_and_count_once(void **state)
{
    (void)state;
    link_(".", "r/a");                     /* ln -s . a */
    link_(".", "r/b");                     /* and a second one */
    link_("..", "r/sub/parent");           /* back up to the root */
    mk("r/x");
    mk("r/y");
    link_("../y", "r/x/to-y");             /* x -> y -> x */
    link_("../x", "r/y/to-x");
    write_file("r/y/c.md", "# C\n");
    const char *names[] = {"a", "b", "sub/parent", "x/to-y", "y/to-x", NULL};
    expect_scan("a.md sub/b.md y/c.md", names, "a folder already scanned");
}

static void test_links_inside_the_root(void **state)
{
    (void)state;
    mk("r/.drafts");                        /* hidden: not scanned itself */
    write_file("r/.drafts/d.md", "# D\n");
    link_(".drafts", "r/drafts");           /* ... but named by a link */
    link_("a.md", "r/alias.md");            /* a second way to a.md */
    link_("sub/b.md", "r/sub-b.md");
    link_("nowhere.md", "r/gone.md");       /* broken */
    link_("nowhere", "r/gone");             /* broken, names no report */
    write_file("r/notes.txt", "x\n");
    link_("notes.txt", "r/notes.md");       /* a report by its link's name */
    link_("notes.txt", "r/notes");          /* names no report: passed over */
    vp_sources s;
    char found[1024];
    scan_r(&s, found, sizeof found);
    assert_string_equal(found, "a.md drafts/d.md notes.md sub/b.md");
    assert_int_equal(s.n_problems, 3);
    assert_non_null(strstr(problem_for(&s, "alias.md"), "a report already indexed"));
    assert_non_null(strstr(problem_for(&s, "sub-b.md"), "a report already indexed"));
    assert_non_null(strstr(problem_for(&s, "gone.md"), "missing"));
    vp_sources_clear(&s);
}

static void test_root_named_through_a_link(void **state)
{
    (void)state;
    link_("r", "r-link");
    char root[PATH_MAX], err[PATH_MAX + 100];
    path_of(root, "r-link/");
    vp_sources s = {0};
    assert_int_equal(vp_scan_path(&s, root, err, sizeof err), 0);
    assert_int_equal(s.len, 2);
    assert_int_equal(s.n_problems, 0);
    for (size_t i = 0; i < s.len; i++) {
        char *buf;
        size_t len;
        char why[256];
        assert_int_equal(vp_source_read(&s, &s.items[i], 1024, &buf, &len, why, sizeof why),
                         VP_READ_OK);
        free(buf);
    }
    vp_sources_clear(&s);
}

static void test_missing_root_is_an_error(void **state)
{
    (void)state;
    char root[PATH_MAX], err[PATH_MAX + 100];
    path_of(root, "nope");
    vp_sources s = {0};
    assert_int_equal(vp_scan_path(&s, root, err, sizeof err), -1);
    assert_non_null(strstr(err, "No such file"));
    vp_sources_clear(&s);
}

static vp_read_result read_one(const vp_sources *s, const char *rel, size_t max, char *why,
                               size_t whylen, size_t *len)
{
    for (size_t i = 0; i < s->len; i++)
        if (!strcmp(s->items[i].rel_path, rel)) {
            char *buf = NULL;
            vp_read_result r = vp_source_read(s, &s->items[i], max, &buf, len, why, whylen);
            if (r == VP_READ_OK)
                assert_int_equal(strlen(buf), *len);
            free(buf);
            return r;
        }
    fail_msg("%s not scanned", rel);
    return VP_READ_PROBLEM;
}

static void test_read_limits_the_size(void **state)
{
    (void)state;
    write_file("r/ten.md", "123456789\n");  /* 10 bytes */
    vp_sources s;
    char found[1024], why[256];
    size_t len;
    scan_r(&s, found, sizeof found);
    assert_int_equal(read_one(&s, "ten.md", 10, why, sizeof why, &len), VP_READ_OK);
    assert_int_equal(len, 10);
    assert_int_equal(read_one(&s, "ten.md", 9, why, sizeof why, &len), VP_READ_PROBLEM);
    assert_string_equal(why, "too large (10 bytes, more than the limit of 9 bytes)");
    vp_sources_clear(&s);
}

static void test_read_refuses_what_was_swapped_in(void **state)
{
    (void)state;
    vp_sources s;
    char found[1024], why[256], p[PATH_MAX], target[PATH_MAX];
    size_t len;
    scan_r(&s, found, sizeof found);
    /* after the scan, a.md becomes a link out of the root ... */
    path_of(p, "r/a.md");
    path_of(target, "outside/passwd");
    assert_int_equal(unlink(p), 0);
    assert_int_equal(symlink(target, p), 0);
    assert_int_equal(read_one(&s, "a.md", 1024, why, sizeof why, &len), VP_READ_PROBLEM);
    assert_non_null(strstr(why, "now outside"));
    /* ... and the folder sub a link to a folder out of it */
    char sub[PATH_MAX], out[PATH_MAX];
    path_of(sub, "r/sub");
    path_of(out, "outside");
    write_file("outside/b.md", "# niet deze\n");
    char moved[PATH_MAX];
    path_of(moved, "sub-moved");
    assert_int_equal(rename(sub, moved), 0);
    assert_int_equal(symlink(out, sub), 0);
    assert_int_equal(read_one(&s, "sub/b.md", 1024, why, sizeof why, &len), VP_READ_PROBLEM);
    assert_non_null(strstr(why, "now outside"));
    vp_sources_clear(&s);
}

static void test_read_refuses_a_fifo(void **state)
{
    (void)state;
    vp_sources s;
    char found[1024], why[256], p[PATH_MAX];
    size_t len;
    scan_r(&s, found, sizeof found);
    path_of(p, "r/a.md");
    assert_int_equal(unlink(p), 0);
    assert_int_equal(mkfifo(p, 0666), 0);   /* open must not wait for a writer */
    assert_int_equal(read_one(&s, "a.md", 1024, why, sizeof why, &len), VP_READ_PROBLEM);
    assert_string_equal(why, "not a regular file");
    vp_sources_clear(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_plain_tree, setup, teardown),
        cmocka_unit_test_setup_teardown(test_links_out_of_the_root_are_skipped, setup, teardown),
        cmocka_unit_test_setup_teardown(test_loops_end_and_count_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_links_inside_the_root, setup, teardown),
        cmocka_unit_test_setup_teardown(test_root_named_through_a_link, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_root_is_an_error, setup, teardown),
        cmocka_unit_test_setup_teardown(test_read_limits_the_size, setup, teardown),
        cmocka_unit_test_setup_teardown(test_read_refuses_what_was_swapped_in, setup, teardown),
        cmocka_unit_test_setup_teardown(test_read_refuses_a_fifo, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
