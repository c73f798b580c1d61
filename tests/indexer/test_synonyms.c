/*
 * test_synonyms.c: data/synonyms.tsv into the synonym table
 * (indexer/synonyms.c): keys folded as the query layer looks them up,
 * values as the term generator indexes them (accents kept, so that a
 * phrase from the glossary matches the text), one-word members also under
 * their Z stems, and a line removed from the file removed from the table.
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

#include "synonyms.h"
#include "xapian_c.h"

static char dir[512];

static const char *write_file(const char *name, const char *text)
{
    static char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

/* The synonyms of key, joined by '|', in Xapian's (sorted) order. */
static const char *synonyms(const xapc_db *db, const char *key)
{
    static char out[1024];
    xapc_error err;
    xapc_termiter *it = xapc_db_synonyms(db, key, &err);
    assert_non_null(it);
    const char *syn;
    out[0] = '\0';
    while (xapc_termiter_next(it, &syn, NULL, &err)) {
        if (out[0])
            strcat(out, "|");
        strcat(out, syn);
    }
    xapc_termiter_free(it);
    return out;
}

static void store(const char *tsv, xapc_wdb *w)
{
    vp_synonyms syn;
    char msg[300];
    xapc_error err;
    assert_int_equal(vp_synonyms_load(write_file("synonyms.tsv", tsv), &syn, msg, sizeof msg), 0);
    assert_int_equal(vp_synonyms_store(&syn, w, "dutch", &err), XAPC_OK);
    assert_int_equal(xapc_wdb_commit(w, &err), XAPC_OK);
    vp_synonyms_clear(&syn);
}

static void keys_folded_values_as_indexed(void **state)
{
    (void)state;
    char db_path[600];
    snprintf(db_path, sizeof db_path, "%s/db", dir);
    xapc_error err;
    xapc_wdb *w = xapc_wdb_open(db_path, XAPC_WDB_CREATE_OR_OVERWRITE, &err);
    assert_non_null(w);
    store("# a comment\n"
          "Gemeentefinanciën\tMunicipal  Finances; financiële positie\n"
          "wijk\tneighbourhood\n", w);
    const xapc_db *db = xapc_wdb_reader(w);
    /* keys folded (case and accents), values as written, lower-cased */
    assert_string_equal(synonyms(db, "municipal finances"),
                        "financiële positie|gemeentefinanciën");
    assert_string_equal(synonyms(db, "gemeentefinancien"),
                        "financiële positie|municipal finances");
    assert_string_equal(synonyms(db, "financiele positie"),
                        "gemeentefinanciën|municipal finances");
    /* one-word members under their stems too, for Xapian's own lookup */
    assert_string_equal(synonyms(db, "Zwijk"), "Zneighbourhod");   /* the Dutch stem */
    assert_string_equal(synonyms(db, "Zneighbourhod"), "Zwijk");

    /* a line removed from the file leaves the table */
    store("wijk\tbuurt\n", w);
    assert_string_equal(synonyms(db, "municipal finances"), "");
    assert_string_equal(synonyms(db, "wijk"), "buurt");
    xapc_wdb_free(w);
}

static void malformed_line(void **state)
{
    (void)state;
    vp_synonyms syn;
    char msg[300];
    assert_int_equal(vp_synonyms_load(write_file("bad.tsv", "wijk\n"), &syn, msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "bad.tsv:1:"));
}

int main(void)
{
    const char *tmp = getenv("VP_TEST_TMP");
    snprintf(dir, sizeof dir, "%s", tmp ? tmp : "/tmp/vp-test-synonyms");
    mkdir(dir, 0755);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(keys_folded_values_as_indexed),
        cmocka_unit_test(malformed_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
