/*
 * The build engine (indexer/build.h) in-process, and its pieces: the plan
 * of a build in parts, the stamps, the data files' hash, the spelling
 * table a stopped run left part-way.
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

#include "build.h"
#include "build_internal.h"
#include "parts.h"
#include "spelling_sync.h"
#include "stamp.h"
#include "sys.h"
#include "xapian_c.h"

/* ---- the plan of a build in parts ---------------------------------------- */

/* Every plan covers the reports once, in order. */
static void assert_covers(const size_t *bounds, unsigned count, size_t n)
{
    assert_int_equal(bounds[0], 0);
    assert_int_equal(bounds[count], n);
    for (unsigned k = 0; k < count; k++)
        assert_true(bounds[k] <= bounds[k + 1]);
}

static void test_plan_one_part(void **state)
{
    (void)state;
    size_t sizes[10], *b;
    for (int i = 0; i < 10; i++)
        sizes[i] = 100;
    assert_int_equal(vp_plan_parts(sizes, 10, 1 << 20, 1, &b), 1);
    assert_covers(b, 1, 10);
    free(b);
}

static void test_plan_per_job_about_equal_bytes(void **state)
{
    (void)state;
    size_t sizes[10], *b;
    for (int i = 0; i < 10; i++)
        sizes[i] = 100;
    assert_int_equal(vp_plan_parts(sizes, 10, 1 << 20, 3, &b), 3);
    assert_covers(b, 3, 10);
    for (unsigned k = 0; k < 3; k++) {   /* 10 reports in 3: 3 or 4 each */
        assert_true(b[k + 1] - b[k] >= 3);
        assert_true(b[k + 1] - b[k] <= 4);
    }
    free(b);
    /* one large report and many small ones: cut by bytes, not by count (the
     * first part takes reports until it holds half of the 1609 bytes) */
    size_t skewed[9] = {800, 100, 100, 100, 100, 100, 100, 100, 100};
    assert_int_equal(vp_plan_parts(skewed, 9, 1 << 20, 2, &b), 2);
    assert_covers(b, 2, 9);
    assert_int_equal(b[1], 2);
    free(b);
}

static void test_plan_by_part_size(void **state)
{
    (void)state;
    size_t sizes[10], *b;
    for (int i = 0; i < 10; i++)
        sizes[i] = 100;
    /* 1010 bytes (a byte a report for the separator) in parts of 250 */
    assert_int_equal(vp_plan_parts(sizes, 10, 250, 1, &b), 5);
    assert_covers(b, 5, 10);
    free(b);
    /* never more parts than reports ... */
    assert_int_equal(vp_plan_parts(sizes, 3, 1, 1, &b), 3);
    assert_covers(b, 3, 3);
    free(b);
    /* ... unless there are more jobs: those parts are empty */
    assert_int_equal(vp_plan_parts(sizes, 2, 1 << 20, 4, &b), 4);
    assert_covers(b, 4, 2);
    free(b);
    assert_int_equal(vp_plan_parts(NULL, 0, 1 << 20, 2, &b), 2);
    assert_covers(b, 2, 0);
    free(b);
}

static void test_part_bytes_from_the_environment(void **state)
{
    (void)state;
    unsetenv("VP_PART_BYTES");
    assert_int_equal(vp_part_bytes(), VP_PART_BYTES_DEFAULT);
    setenv("VP_PART_BYTES", "4096", 1);
    assert_int_equal(vp_part_bytes(), 4096);
    setenv("VP_PART_BYTES", "40x", 1);
    assert_int_equal(vp_part_bytes(), VP_PART_BYTES_DEFAULT);
    setenv("VP_PART_BYTES", "0", 1);
    assert_int_equal(vp_part_bytes(), VP_PART_BYTES_DEFAULT);
    unsetenv("VP_PART_BYTES");
}

/* ---- stamps ------------------------------------------------------------- */

/* After a commit the heap's free pages go back to the system only when the
 * process holds half its memory budget or more. */
static void test_memory_given_back_past_half_the_budget(void **state)
{
    (void)state;
    const size_t mib = (size_t)1 << 20;
    assert_false(vp_run_gives_back(0, 512 * mib));
    assert_false(vp_run_gives_back(100 * mib, 512 * mib));
    assert_false(vp_run_gives_back(256 * mib - 1, 512 * mib));
    assert_true(vp_run_gives_back(256 * mib, 512 * mib));
    assert_true(vp_run_gives_back(700 * mib, 512 * mib));
    assert_true(vp_run_gives_back(40 * mib, 64 * mib));
}

static void test_stamps(void **state)
{
    (void)state;
    const char *data = "0123456789abcdef";
    char hash[VP_STAMP_HASH_LEN];
    vp_stamp_content("", 0, hash);
    assert_string_equal(hash, "cbf29ce484222325");   /* FNV-1a of nothing */
    char stamp[VP_STAMP_MAX];
    snprintf(stamp, sizeof stamp, "%s|%s|%s", data, "120:1700000000.000000000", hash);

    assert_true(vp_stamp_same(stamp, data, "120:1700000000.000000000", NULL));
    /* touched: another mtime, the same content */
    assert_false(vp_stamp_same(stamp, data, "120:1800000000.000000000", NULL));
    assert_true(vp_stamp_same(stamp, data, "120:1800000000.000000000", hash));
    assert_false(vp_stamp_same(stamp, data, "120:1800000000.000000000", "0000000000000000"));
    /* other data files: extracted again, whatever the file */
    assert_false(vp_stamp_same(stamp, "fedcba9876543210", "120:1700000000.000000000", hash));
    /* a prefix of the quick stamp is not the quick stamp */
    assert_false(vp_stamp_same(stamp, data, "120:1700000000", NULL));
    assert_false(vp_stamp_same(NULL, data, "120:1700000000.000000000", hash));

    struct stat st = {0};
    st.st_size = 120;
    st.st_mtim.tv_sec = 1700000000;
    st.st_mtim.tv_nsec = 5;
    char quick[VP_STAMP_QUICK_MAX];
    vp_stamp_quick(&st, quick, sizeof quick);
    assert_string_equal(quick, "120:1700000000.000000005");
}

/* ---- the data files ----------------------------------------------------- */

static void test_data_hash(void **state)
{
    (void)state;
    vp_build_data a = {0}, b = {0};
    assert_int_equal(vp_build_data_load(VP_DATA_DIR, &a), 0);
    assert_int_equal(vp_build_data_load(VP_DATA_DIR, &b), 0);
    assert_int_equal(strlen(a.hash), 16);
    assert_int_equal(strspn(a.hash, "0123456789abcdef"), 16);
    assert_string_equal(a.hash, b.hash);
    assert_non_null(a.gazetteer);
    assert_non_null(a.themes);
    vp_build_data_free(&a);
    vp_build_data_free(&b);
    vp_build_data c = {0};
    assert_int_equal(vp_build_data_load("/nonexistent/data", &c), -1);
    vp_build_data_free(&c);
}

/* ---- whole runs --------------------------------------------------------- */

typedef struct fixture {
    char dir[64];
    char *src, *db;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    strcpy(f->dir, "/tmp/vp_test_build_XXXXXX");
    if (!mkdtemp(f->dir))
        return -1;
    f->src = vp_path_join(f->dir, "src");
    f->db = vp_path_join(f->dir, "db");
    mkdir(f->src, 0777);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    int rc = system(cmd);
    free(f->src);
    free(f->db);
    free(f);
    return rc == 0 ? 0 : -1;
}

static void copy_report(const fixture *f, const char *name)
{
    char *from = vp_path_join(VP_SOURCE_DIR "/corpus", name);
    char *to = vp_path_join(f->src, name);
    size_t len;
    char *text = vp_read_file(from, &len);
    assert_non_null(text);
    FILE *out = fopen(to, "wb");
    assert_non_null(out);
    assert_int_equal(fwrite(text, 1, len, out), len);
    fclose(out);
    free(text);
    free(to);
    free(from);
}

static vp_build_options options_for(fixture *f)
{
    static char *paths[1];
    paths[0] = f->src;
    return (vp_build_options){.db = f->db, .data_dir = VP_DATA_DIR, .quiet = true,
                              .batch = 1000, .jobs = 1, .memory = 512, .max_size = 4,
                              .paths = paths, .n_paths = 1};
}

static const char *const reports[] = {"2013-03-15-emmen.md", "2017-04-21-gorinchem.md",
                                      "2020-11-26-venlo.md", "2023-06-15-heerlen.md"};

static void test_runs_are_incremental(void **state)
{
    fixture *f = *state;
    for (int i = 0; i < 3; i++)
        copy_report(f, reports[i]);
    vp_build_options o = options_for(f);
    vp_build_counts n;
    assert_int_equal(vp_build(&o, &n), 0);
    assert_int_equal(n.indexed, 3);
    assert_int_equal(n.files, 3);
    assert_int_equal(n.skipped + n.warned + n.removed + n.unchanged, 0);

    assert_int_equal(vp_build(&o, &n), 0);      /* nothing changed */
    assert_int_equal(n.indexed, 0);
    assert_int_equal(n.unchanged, 3);

    char *gone = vp_path_join(f->src, reports[0]);
    unlink(gone);
    free(gone);
    copy_report(f, reports[3]);
    char *empty = vp_path_join(f->src, "leeg.md");
    fclose(fopen(empty, "w"));                   /* a bad file: reported, skipped */
    free(empty);
    assert_int_equal(vp_build(&o, &n), 0);
    assert_int_equal(n.indexed, 1);
    assert_int_equal(n.unchanged, 2);
    assert_int_equal(n.removed, 1);
    assert_int_equal(n.skipped, 1);
    assert_int_equal(n.files, 4);
}

static uint32_t spelling_frequency(const char *db_path, const char *word)
{
    xapc_error err;
    xapc_db *db = xapc_db_open(db_path, &err);
    assert_non_null(db);
    uint32_t freq = xapc_db_spelling_frequency(db, word, &err);
    xapc_db_free(db);
    return freq;
}

/* A run stopped between two committed steps of the spelling table (here:
 * a word taken out and the mark set, as such a run leaves it): the next
 * run changes no report, and still brings the table in line.  Two reports
 * use the word: the table holds the words of two reports or more. */
static void test_next_run_finishes_the_spelling_table(void **state)
{
    fixture *f = *state;
    copy_report(f, reports[0]);
    copy_report(f, reports[1]);
    vp_build_options o = options_for(f);
    vp_build_counts n;
    assert_int_equal(vp_build(&o, &n), 0);
    uint32_t freq = spelling_frequency(f->db, "gemeente");
    assert_true(freq > 0);

    xapc_error err;
    xapc_wdb *w = xapc_wdb_open(f->db, XAPC_WDB_OPEN, &err);
    assert_non_null(w);
    assert_int_equal(xapc_wdb_remove_spelling(w, "gemeente", freq, &err), XAPC_OK);
    assert_int_equal(xapc_wdb_set_metadata(w, VP_META_SPELLING_UNFINISHED, "1", &err), XAPC_OK);
    assert_int_equal(xapc_wdb_commit(w, &err), XAPC_OK);
    xapc_wdb_free(w);
    assert_int_equal(spelling_frequency(f->db, "gemeente"), 0);

    assert_int_equal(vp_build(&o, &n), 0);
    assert_int_equal(n.unchanged, 2);
    assert_int_equal(spelling_frequency(f->db, "gemeente"), freq);
    w = xapc_wdb_open(f->db, XAPC_WDB_OPEN, &err);
    assert_non_null(w);
    assert_false(vp_spelling_unfinished(w));
    xapc_wdb_free(w);
}

/* --jobs and parts: the same reports, the same counts. */
static void test_jobs_and_parts(void **state)
{
    fixture *f = *state;
    for (int i = 0; i < 4; i++)
        copy_report(f, reports[i]);
    vp_build_options o = options_for(f);
    o.jobs = 2;
    vp_build_counts n;
    setenv("VP_PART_BYTES", "4096", 1);        /* several parts of a few reports */
    assert_int_equal(vp_build(&o, &n), 0);
    unsetenv("VP_PART_BYTES");
    assert_int_equal(n.indexed, 4);
    char *parts = vp_sibling_path(f->db, ".parts");
    assert_int_not_equal(access(parts, F_OK), 0);   /* the parts are merged and gone */
    free(parts);
    o.rebuild = true;
    assert_int_equal(vp_build(&o, &n), 0);
    assert_int_equal(n.indexed, 4);

    /* a shard set on two jobs */
    char *sharded = vp_path_join(f->dir, "sharded");
    o.db = sharded;
    o.rebuild = false;
    o.shards = 3;
    assert_int_equal(vp_build(&o, &n), 0);
    assert_int_equal(n.indexed, 4);
    o.shards = 0;                              /* the set already there */
    assert_int_equal(vp_build(&o, &n), 0);
    assert_int_equal(n.unchanged, 4);
    o.shards = 2;                              /* another number only with --rebuild */
    assert_int_equal(vp_build(&o, &n), -1);
    free(sharded);
}

static void test_fatal_errors(void **state)
{
    fixture *f = *state;
    copy_report(f, reports[0]);
    vp_build_options o = options_for(f);
    vp_build_counts n;
    o.data_dir = "/nonexistent/data";
    assert_int_equal(vp_build(&o, &n), -1);
    o = options_for(f);
    o.db = "/proc/vindplaats-cannot-be-here";
    assert_int_equal(vp_build(&o, &n), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plan_one_part),
        cmocka_unit_test(test_plan_per_job_about_equal_bytes),
        cmocka_unit_test(test_plan_by_part_size),
        cmocka_unit_test(test_part_bytes_from_the_environment),
        cmocka_unit_test(test_memory_given_back_past_half_the_budget),
        cmocka_unit_test(test_stamps),
        cmocka_unit_test(test_data_hash),
        cmocka_unit_test_setup_teardown(test_runs_are_incremental, setup, teardown),
        cmocka_unit_test_setup_teardown(test_jobs_and_parts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fatal_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_next_run_finishes_the_spelling_table, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
