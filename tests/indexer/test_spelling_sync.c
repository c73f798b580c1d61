/*
 * test_spelling_sync.c: the spelling table brought in line with the term
 * list (indexer/spelling_sync.c): words two reports or more use are added
 * with the number of reports using them, stale frequencies corrected, words
 * no report uses any more or only one removed, words of one report never
 * added, prefixed terms never taken for words; and
 * Xapian's suggestions come from the result; a large change goes in
 * committed steps, marked unfinished until the caller's last commit.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spelling_sync.h"
#include "rebuild.h"
#include "xapian_c.h"

static void add_report(xapc_wdb *w, const char *id, const char *const *terms)
{
    xapc_error err;
    xapc_doc *doc = xapc_doc_new(&err);
    assert_non_null(doc);
    assert_int_equal(xapc_doc_add_term(doc, id, 1, &err), XAPC_OK);
    for (; *terms; terms++)
        assert_int_equal(xapc_doc_add_term(doc, *terms, 1, &err), XAPC_OK);
    assert_int_not_equal(xapc_wdb_replace_by_term(w, id, doc, &err), 0);
    xapc_doc_free(doc);
}

/* The spelling table's frequency of word; 0 when absent. */
static uint32_t spelling_freq(xapc_wdb *w, const char *word)
{
    xapc_error err;
    xapc_termiter *it = xapc_db_spellings(xapc_wdb_reader(w), &err);
    assert_non_null(it);
    const char *term;
    uint32_t freq, found = 0;
    while (xapc_termiter_next(it, &term, &freq, &err))
        if (strcmp(term, word) == 0)
            found = freq;
    assert_int_equal(err.status, XAPC_OK);
    xapc_termiter_free(it);
    return found;
}

static size_t sync(xapc_wdb *w)
{
    xapc_error err;
    size_t changed = 0;
    assert_int_equal(vp_spelling_sync(w, xapc_wdb_reader(w), 0, &changed, &err), XAPC_OK);
    assert_int_equal(xapc_wdb_commit(w, &err), XAPC_OK);
    return changed;
}

/* A new database in a new folder made from template dir. */
static xapc_wdb *new_database(char *dir)
{
    assert_non_null(mkdtemp(dir));
    xapc_error err;
    xapc_wdb *w = xapc_wdb_open(dir, XAPC_WDB_CREATE_OR_OVERWRITE, &err);
    assert_non_null(w);
    return w;
}

static void test_table_follows_the_term_list(void **state)
{
    (void)state;
    char dir[] = "/tmp/vp-spelling-XXXXXX";
    xapc_error err;
    xapc_wdb *w = new_database(dir);
    /* What an earlier run left: a word no report has, a wrong frequency. */
    assert_int_equal(xapc_wdb_add_spelling(w, "oudwoord", 3, &err), XAPC_OK);
    assert_int_equal(xapc_wdb_add_spelling(w, "begroting", 5, &err), XAPC_OK);
    add_report(w, "Q1", (const char *const[]){"gemeenteraad", "begroting", "Zbegrot",
                                              "XMzeist", "zeldzaam", NULL});
    add_report(w, "Q2", (const char *const[]){"gemeenteraad", "begroting", "2024", "Zbegrot",
                                              "XMzeist", NULL});
    add_report(w, "Q3", (const char *const[]){"gemeenteraad", "2024", NULL});
    assert_int_equal(xapc_wdb_commit(w, &err), XAPC_OK);

    assert_int_equal(sync(w), 4);   /* gemeenteraad, 2024 added; begroting, oudwoord */
    assert_int_equal(spelling_freq(w, "gemeenteraad"), 3);
    assert_int_equal(spelling_freq(w, "begroting"), 2);
    assert_int_equal(spelling_freq(w, "2024"), 2);
    assert_int_equal(spelling_freq(w, "oudwoord"), 0);
    assert_int_equal(spelling_freq(w, "zeldzaam"), 0);   /* one report's word */
    assert_int_equal(spelling_freq(w, "Zbegrot"), 0);
    assert_int_equal(spelling_freq(w, "XMzeist"), 0);
    assert_int_equal(spelling_freq(w, "Q1"), 0);
    char *s = xapc_db_spelling_suggestion(xapc_wdb_reader(w), "gemeenteraat", 2, &err);
    assert_non_null(s);
    assert_string_equal(s, "gemeenteraad");
    free(s);

    assert_int_equal(sync(w), 0);   /* in line: nothing to do */

    /* A report removed takes its words with it, and a word left to one
     * report leaves the table. */
    assert_int_equal(xapc_wdb_delete_by_term(w, "Q1", &err), XAPC_OK);
    assert_int_equal(xapc_wdb_commit(w, &err), XAPC_OK);
    assert_int_equal(sync(w), 2);
    assert_int_equal(spelling_freq(w, "begroting"), 0);
    assert_int_equal(spelling_freq(w, "gemeenteraad"), 2);
    s = xapc_db_spelling_suggestion(xapc_wdb_reader(w), "begrotin", 2, &err);
    assert_true(!s || strcmp(s, "begroting") != 0);
    free(s);

    xapc_wdb_free(w);
    assert_int_equal(vp_remove_tree(dir), 0);
}

/* How often word is in the committed table at dir, read as searchd reads. */
static uint32_t committed_freq(const char *dir, const char *word)
{
    xapc_error err;
    xapc_db *db = xapc_db_open(dir, &err);
    assert_non_null(db);
    uint32_t freq = xapc_db_spelling_frequency(db, word, &err);
    xapc_db_free(db);
    return freq;
}

static void test_large_change_goes_in_committed_steps(void **state)
{
    (void)state;
    char dir[] = "/tmp/vp-spelling-XXXXXX";
    xapc_error err;
    xapc_wdb *w = new_database(dir);
    add_report(w, "Q1", (const char *const[]){"aa", "bb", "cc", "dd", "ee", NULL});
    add_report(w, "Q2", (const char *const[]){"aa", "bb", "cc", "dd", "ee", NULL});
    assert_int_equal(xapc_wdb_commit(w, &err), XAPC_OK);
    assert_false(vp_spelling_unfinished(w));

    /* Five words in steps of two: two steps committed, the last one not,
     * and the table marked part-way for a run that would stop here. */
    size_t changed = 0;
    assert_int_equal(vp_spelling_sync(w, xapc_wdb_reader(w), 2, &changed, &err), XAPC_OK);
    assert_int_equal(changed, 5);
    assert_int_equal(committed_freq(dir, "aa"), 2);
    assert_int_equal(committed_freq(dir, "dd"), 2);
    assert_int_equal(committed_freq(dir, "ee"), 0);
    xapc_db *seen = xapc_db_open(dir, &err);
    char *mark = xapc_db_get_metadata(seen, VP_META_SPELLING_UNFINISHED, &err);
    assert_string_equal(mark, "1");
    free(mark);
    xapc_db_free(seen);

    /* The caller's commit ends it: every word in, the mark gone. */
    assert_int_equal(xapc_wdb_commit(w, &err), XAPC_OK);
    assert_int_equal(committed_freq(dir, "ee"), 2);
    assert_false(vp_spelling_unfinished(w));

    xapc_wdb_free(w);
    assert_int_equal(vp_remove_tree(dir), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table_follows_the_term_list),
        cmocka_unit_test(test_large_change_goes_in_committed_steps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
