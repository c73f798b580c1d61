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

#include "layout.h"
#include "sys.h"

typedef struct fixture { char dir[64]; } fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    strcpy(f->dir, "/tmp/vp_test_layout_XXXXXX");
    if (!mkdtemp(f->dir))
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    int rc = system(cmd);
    free(f);
    return rc == 0 ? 0 : -1;
}

static char *path_in(const fixture *f, const char *name)
{
    return vp_path_join(f->dir, name);
}

static void write_text(const char *path, const char *text)
{
    FILE *out = fopen(path, "w");
    assert_non_null(out);
    fputs(text, out);
    fclose(out);
}

/* The rule that places every report on disk may never change: an index
 * built before would lose its reports to other shards. */
static void test_shard_rule(void **state)
{
    (void)state;
    assert_int_equal(vp_shard_of("2017-04-21-gorinchem", 1), 0);
    for (unsigned n = 1; n <= 16; n++)
        assert_true(vp_shard_of("2017-04-21-gorinchem", n) < n);
    /* FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c */
    assert_int_equal(vp_shard_of("a", 7), (unsigned)(0xaf63dc4c8601ec8cULL % 7));
    char name[32];
    vp_shard_name(7, name);
    assert_string_equal(name, "shard-007");
    vp_shard_name(255, name);
    assert_string_equal(name, "shard-255");
}

static void test_stub_read(void **state)
{
    fixture *f = *state;
    char *stub = path_in(f, VP_LAYOUT_STUB);
    char long_path[3000];
    memset(long_path, 'x', sizeof long_path - 1);
    long_path[sizeof long_path - 1] = '\0';
    char *text = malloc(4000);
    snprintf(text, 4000, "# made by hand\n\nauto shard-000\r\n  glass\t/srv/shard-001  \n"
             "   # indented comment\nremote 10.0.0.5:33333\nauto %s\nhoney", long_path);
    write_text(stub, text);
    vp_stub s = VP_STUB_INIT;
    assert_int_equal(vp_stub_read(stub, &s), 0);
    assert_int_equal(s.len, 5);
    assert_string_equal(s.entries[0].type, "auto");
    assert_string_equal(s.entries[0].where, "shard-000");
    assert_int_equal(s.entries[0].line, 3);
    assert_string_equal(s.entries[1].type, "glass");
    assert_string_equal(s.entries[1].where, "/srv/shard-001");
    assert_string_equal(s.entries[2].where, "10.0.0.5:33333");
    assert_int_equal(s.entries[2].line, 6);
    assert_string_equal(s.entries[3].where, long_path);   /* one line, however long */
    assert_string_equal(s.entries[4].type, "honey");      /* no final newline */
    assert_string_equal(s.entries[4].where, "");

    char *p = vp_stub_entry_path(stub, &s.entries[0]);
    char *want = path_in(f, "shard-000");
    assert_string_equal(p, want);
    free(p);
    free(want);
    p = vp_stub_entry_path(stub, &s.entries[1]);
    assert_string_equal(p, "/srv/shard-001");
    free(p);
    p = vp_stub_entry_path("XAPIANDB", &s.entries[0]);
    assert_string_equal(p, "./shard-000");
    free(p);

    vp_stub_clear(&s);
    assert_int_equal(s.len, 0);
    char *missing = path_in(f, "nothing-here");
    assert_int_equal(vp_stub_read(missing, &s), -1);
    free(missing);
    free(text);
    free(stub);
}

static void test_stub_write_only_on_change(void **state)
{
    fixture *f = *state;
    char why[300] = "";
    assert_int_equal(vp_stub_write(f->dir, 3, why, sizeof why), 0);
    char *stub = path_in(f, VP_LAYOUT_STUB);
    char *text = vp_read_file(stub, NULL);
    assert_string_equal(text, "auto shard-000\nauto shard-001\nauto shard-002\n");
    free(text);
    struct stat before, after;
    assert_int_equal(stat(stub, &before), 0);
    assert_int_equal(vp_stub_write(f->dir, 3, why, sizeof why), 0);
    assert_int_equal(stat(stub, &after), 0);
    assert_true(before.st_ino == after.st_ino);    /* the same file: not rewritten */
    assert_int_equal(vp_stub_write(f->dir, 2, why, sizeof why), 0);
    assert_int_equal(stat(stub, &after), 0);
    assert_true(before.st_ino != after.st_ino);    /* renamed into place */
    vp_stub s = VP_STUB_INIT;
    assert_int_equal(vp_stub_read(stub, &s), 0);
    assert_int_equal(s.len, 2);
    vp_stub_clear(&s);
    char *tmp = path_in(f, VP_LAYOUT_STUB ".tmp");
    assert_int_not_equal(access(tmp, F_OK), 0);    /* no temporary left behind */
    free(tmp);
    free(stub);

    assert_int_equal(vp_stub_write("/nonexistent/folder", 1, why, sizeof why), -1);
    assert_non_null(strstr(why, "/nonexistent/folder/XAPIANDB"));
}

static void test_find_and_meta(void **state)
{
    fixture *f = *state;
    /* a folder without a stub, then with one */
    assert_null(vp_stub_find(f->dir));
    char *stub = path_in(f, VP_LAYOUT_STUB);
    write_text(stub, "auto shard-000\n");
    char *found = vp_stub_find(f->dir);
    assert_string_equal(found, stub);
    free(found);
    found = vp_stub_find(stub);            /* the stub file itself */
    assert_string_equal(found, stub);
    free(found);
    assert_null(vp_stub_meta(stub));       /* no meta: a hand-written stub */
    char *meta = path_in(f, VP_LAYOUT_META);
    assert_int_equal(mkdir(meta, 0777), 0);
    found = vp_stub_meta(stub);
    assert_string_equal(found, meta);
    free(found);
    /* a database of its own is no shard folder, whatever it holds */
    char *marker = path_in(f, "iamglass");
    write_text(marker, "");
    assert_true(vp_layout_is_database(f->dir));
    assert_null(vp_stub_find(f->dir));
    free(marker);
    free(meta);
    free(stub);
    char *missing = path_in(f, "gone");
    assert_null(vp_stub_find(missing));
    free(missing);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shard_rule),
        cmocka_unit_test_setup_teardown(test_stub_read, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stub_write_only_on_change, setup, teardown),
        cmocka_unit_test_setup_teardown(test_find_and_meta, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
