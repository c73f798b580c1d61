/*
 * test_xapian_c.c: unit tests of the C wrapper over libxapian (xapian_c.h).
 *
 * Every test gets a fresh temporary directory under /tmp (see setup/
 * teardown) and builds the small databases it needs there, so the tests
 * are independent and can run in any order.
 */
/* nftw() is XSI. */
#define _XOPEN_SOURCE 700

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <ftw.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xapian_c.h"

/* ---- fixture: one temp dir per test ------------------------------------ */

typedef struct {
    char dir[64];
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    strcpy(f->dir, "/tmp/xapc-test-XXXXXX");
    if (!mkdtemp(f->dir)) {
        free(f);
        return -1;
    }
    *state = f;
    return 0;
}

static int rm_entry(const char *path, const struct stat *sb, int flag,
                    struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static int teardown(void **state)
{
    fixture *f = *state;
    nftw(f->dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
    free(f);
    return 0;
}

/* path = dir/name, in a static rotating buffer (tests use a few at once). */
static const char *path_in(void **state, const char *name)
{
    static char bufs[4][256];
    static int next;
    char *b = bufs[next++ % 4];
    snprintf(b, sizeof bufs[0], "%s/%s", ((fixture *)*state)->dir, name);
    return b;
}

#define ASSERT_OK(err) \
    do { \
        if ((err).status != XAPC_OK) \
            fail_msg("status %s: %s", xapc_status_name((err).status), \
                     (err).message); \
    } while (0)

/* ---- helpers ---------------------------------------------------------- */

/* Adds (or replaces) a document with unique term Q<id>, free text indexed
 * with the dutch stemmer, data = text, and an optional value in slot 0. */
static void put_doc(xapc_wdb *w, xapc_termgen *tg, const char *id,
                    const char *text, const char *value)
{
    xapc_error err;
    char qterm[64];
    xapc_doc *doc = xapc_doc_new(&err);
    assert_non_null(doc);
    snprintf(qterm, sizeof qterm, "Q%s", id);
    assert_int_equal(xapc_doc_add_boolean_term(doc, qterm, &err), XAPC_OK);
    assert_int_equal(xapc_doc_set_data(doc, text, strlen(text), &err), XAPC_OK);
    if (value)
        assert_int_equal(xapc_doc_add_value(doc, 0, value, strlen(value), &err),
                         XAPC_OK);
    assert_int_equal(xapc_termgen_set_document(tg, doc, &err), XAPC_OK);
    assert_int_equal(xapc_termgen_index_text(tg, text, strlen(text), 1, "", &err),
                     XAPC_OK);
    assert_int_not_equal(xapc_wdb_replace_by_term(w, qterm, doc, &err), 0);
    ASSERT_OK(err);
    xapc_doc_free(doc);
}

static xapc_termgen *dutch_termgen(void)
{
    xapc_error err;
    xapc_stem *stem = xapc_stem_new("dutch", &err);
    assert_non_null(stem);
    xapc_termgen *tg = xapc_termgen_new(&err);
    assert_non_null(tg);
    assert_int_equal(xapc_termgen_set_stemmer(tg, stem, &err), XAPC_OK);
    xapc_stem_free(stem); /* the generator keeps a copy */
    return tg;
}

/* Creates a committed database at path with the given (id, text, value)
 * triples. */
static void make_db(const char *path, const char *const rows[][3], size_t n)
{
    xapc_error err;
    xapc_wdb *w = xapc_wdb_open(path, XAPC_WDB_CREATE_OR_OVERWRITE, &err);
    assert_non_null(w);
    xapc_termgen *tg = dutch_termgen();
    for (size_t i = 0; i < n; i++)
        put_doc(w, tg, rows[i][0], rows[i][1], rows[i][2]);
    assert_int_equal(xapc_wdb_commit(w, &err), XAPC_OK);
    xapc_termgen_free(tg);
    xapc_wdb_free(w);
}

/* Runs q on db and returns the docids in mset order in ids (up to max). */
static uint32_t search_ids(const xapc_db *db, const xapc_query *q,
                           xapc_docid *ids, uint32_t max)
{
    xapc_error err;
    xapc_enquire *enq = xapc_enquire_new(db, &err);
    assert_non_null(enq);
    assert_int_equal(xapc_enquire_set_query(enq, q, &err), XAPC_OK);
    xapc_mset *m = xapc_enquire_get_mset(enq, 0, max, 0, &err);
    assert_non_null(m);
    uint32_t n = xapc_mset_size(m);
    for (uint32_t i = 0; i < n; i++)
        ids[i] = xapc_mset_docid(m, i, &err);
    xapc_mset_free(m);
    xapc_enquire_free(enq);
    return n;
}

/* Parses text with qp and returns the number of matches on db (-1 when
 * the parse fails; *status gets its status when not NULL). */
static int count_matches(xapc_qp *qp, const xapc_db *db, const char *text,
                         unsigned flags)
{
    xapc_error err;
    xapc_docid ids[64];
    xapc_query *q = xapc_qp_parse(qp, text, flags, "", &err);
    if (!q)
        return -1;
    int n = (int)search_ids(db, q, ids, 64);
    xapc_query_free(q);
    return n;
}

/* Data of the mset entries, comma-joined, for order checks. */
static void mset_values(const xapc_db *db, xapc_enquire *enq, char *out,
                        size_t outlen)
{
    xapc_error err;
    (void)db;
    xapc_mset *m = xapc_enquire_get_mset(enq, 0, 10, 0, &err);
    assert_non_null(m);
    out[0] = '\0';
    for (uint32_t i = 0; i < xapc_mset_size(m); i++) {
        char *v = xapc_mset_document_value(m, i, 0, &err);
        assert_non_null(v);
        if (i)
            strncat(out, ",", outlen - strlen(out) - 1);
        strncat(out, v, outlen - strlen(out) - 1);
        free(v);
    }
    xapc_mset_free(m);
}

static const char *const ROWS[][3] = {
    {"1", "De rode fiets staat bij het station.", "b"},
    {"2", "Fietsen in de regen, de lucht is rood.", "a"},
    {"3", "Een verslag over de gemeenteraad en de begroting.", "c"},
};

/* ---- tests -------------------------------------------------------------- */

static void test_version_and_names(void **state)
{
    (void)state;
    assert_string_equal(xapc_version(), "1.4.22");
    assert_string_equal(xapc_status_name(XAPC_OK), "ok");
    assert_string_equal(xapc_status_name(XAPC_ERR_LOCKED), "locked");
    assert_string_equal(xapc_status_name(XAPC_ERR_MODIFIED), "modified");
    xapc_error err = {XAPC_ERR_IO, "x"};
    xapc_error_clear(&err);
    assert_int_equal(err.status, XAPC_OK);
    assert_string_equal(err.message, "");
    xapc_error_clear(NULL);
}

static void test_round_trip(void **state)
{
    xapc_error err;
    const char *dbp = path_in(state, "db");
    make_db(dbp, ROWS, 3);

    xapc_db *db = xapc_db_open(dbp, &err);
    assert_non_null(db);
    ASSERT_OK(err);
    assert_int_equal(xapc_db_doccount(db, &err), 3);
    ASSERT_OK(err);
    assert_true(xapc_db_revision(db, &err) >= 1);
    ASSERT_OK(err);

    /* "rode" and "rood" both stem to "rod" with the dutch stemmer (while
     * "fiets" stems to "fiet" and "fietsen" to "fiets"). */
    xapc_stem *stem = xapc_stem_new("dutch", &err);
    xapc_qp *qp = xapc_qp_new(&err);
    assert_int_equal(xapc_qp_set_stemmer(qp, stem, &err), XAPC_OK);
    assert_int_equal(xapc_qp_set_stemming_strategy(qp, XAPC_STEM_SOME, &err), XAPC_OK);
    assert_int_equal(count_matches(qp, db, "rode", XAPC_QP_DEFAULT), 2);
    assert_int_equal(count_matches(qp, db, "fietsen", XAPC_QP_DEFAULT), 1);
    assert_int_equal(count_matches(qp, db, "begroting", XAPC_QP_DEFAULT), 1);
    assert_int_equal(count_matches(qp, db, "olifant", XAPC_QP_DEFAULT), 0);

    /* Document data through the mset and through the db. */
    xapc_query *q = xapc_qp_parse(qp, "gemeenteraad", XAPC_QP_DEFAULT, "", &err);
    assert_non_null(q);
    xapc_enquire *enq = xapc_enquire_new(db, &err);
    assert_int_equal(xapc_enquire_set_query(enq, q, &err), XAPC_OK);
    assert_int_equal(xapc_enquire_set_bm25(enq, 1, 0, 1, 0.5, 0.5, &err), XAPC_OK);
    xapc_mset *m = xapc_enquire_get_mset(enq, 0, 10, 3, &err);
    assert_non_null(m);
    assert_int_equal(xapc_mset_size(m), 1);
    assert_int_equal(xapc_mset_matches_estimated(m), 1);
    assert_int_equal(xapc_mset_matches_lower_bound(m), 1);
    assert_int_equal(xapc_mset_matches_upper_bound(m), 1);
    assert_true(xapc_mset_weight(m, 0, &err) > 0);
    char *data = xapc_mset_document_data(m, 0, &err);
    assert_string_equal(data, ROWS[2][1]);
    free(data);
    size_t len = 0;
    char *val = xapc_mset_document_value_len(m, 0, 0, &len, &err);
    assert_int_equal(len, 1);
    assert_string_equal(val, "c");
    free(val);
    /* Out of range index: INVALID, not a crash. */
    assert_int_equal(xapc_mset_docid(m, 1, &err), 0);
    assert_int_equal(err.status, XAPC_ERR_INVALID);
    xapc_mset_free(m);
    xapc_enquire_free(enq);
    xapc_query_free(q);

    xapc_docid id = xapc_db_find_term(db, "Q2", &err);
    assert_int_not_equal(id, 0);
    ASSERT_OK(err);
    data = xapc_db_document_data(db, id, &err);
    assert_string_equal(data, ROWS[1][1]);
    free(data);
    val = xapc_db_document_value(db, id, 0, &err);
    assert_string_equal(val, "a");
    free(val);
    assert_int_equal(xapc_db_find_term(db, "Qnope", &err), 0);
    ASSERT_OK(err);
    assert_int_equal(xapc_db_termfreq(db, "Zrod", &err), 2);
    assert_null(xapc_db_document_data(db, 999, &err));
    assert_int_equal(err.status, XAPC_ERR_NOT_FOUND);
    assert_null(xapc_db_document_data(db, 0, &err));
    assert_int_equal(err.status, XAPC_ERR_NOT_FOUND);

    /* reopen with nothing new: unchanged. */
    bool changed = true;
    assert_int_equal(xapc_db_reopen(db, &changed, &err), XAPC_OK);
    assert_false(changed);

    xapc_qp_free(qp);
    xapc_stem_free(stem);
    xapc_db_free(db);
}

static void test_reader_and_uncommitted(void **state)
{
    xapc_error err;
    const char *dbp = path_in(state, "db");
    xapc_wdb *w = xapc_wdb_open(dbp, XAPC_WDB_CREATE_OR_OPEN, &err);
    assert_non_null(w);
    xapc_termgen *tg = dutch_termgen();
    put_doc(w, tg, "1", "eerste", NULL);
    assert_int_equal(xapc_wdb_commit(w, &err), XAPC_OK);

    xapc_db *outside = xapc_db_open(dbp, &err);
    assert_non_null(outside);
    put_doc(w, tg, "2", "tweede", NULL);
    /* The borrowed reader sees the uncommitted document, others do not. */
    assert_int_equal(xapc_db_doccount(xapc_wdb_reader(w), &err), 2);
    assert_int_equal(xapc_db_doccount(outside, &err), 1);

    /* free() discards uncommitted changes (Xapian itself would commit). */
    xapc_termgen_free(tg);
    xapc_wdb_free(w);
    bool changed = true;
    assert_int_equal(xapc_db_reopen(outside, &changed, &err), XAPC_OK);
    assert_int_equal(xapc_db_doccount(outside, &err), 1);
    xapc_db_free(outside);

    /* And the lock is gone: XAPC_WDB_OPEN works again. */
    w = xapc_wdb_open(dbp, XAPC_WDB_OPEN, &err);
    assert_non_null(w);
    ASSERT_OK(err);
    assert_int_equal(xapc_db_doccount(xapc_wdb_reader(w), &err), 1);
    xapc_wdb_free(w);
}

static void test_replace_and_delete(void **state)
{
    xapc_error err;
    const char *dbp = path_in(state, "db");
    xapc_wdb *w = xapc_wdb_open(dbp, XAPC_WDB_CREATE_OR_OVERWRITE, &err);
    xapc_termgen *tg = dutch_termgen();
    put_doc(w, tg, "r1", "oude tekst", NULL);
    put_doc(w, tg, "r2", "andere tekst", NULL);
    assert_int_equal(xapc_wdb_commit(w, &err), XAPC_OK);
    put_doc(w, tg, "r1", "nieuwe tekst", NULL);
    assert_int_equal(xapc_wdb_commit(w, &err), XAPC_OK);

    const xapc_db *r = xapc_wdb_reader(w);
    assert_int_equal(xapc_db_doccount(r, &err), 2);
    char *data = xapc_db_document_data(r, xapc_db_find_term(r, "Qr1", &err), &err);
    assert_string_equal(data, "nieuwe tekst");
    free(data);
    assert_int_equal(xapc_db_termfreq(r, "oude", &err), 0);
    assert_int_equal(xapc_db_termfreq(r, "nieuwe", &err), 1);

    assert_int_equal(xapc_wdb_delete_by_term(w, "Qr1", &err), XAPC_OK);
    assert_int_equal(xapc_wdb_delete_by_term(w, "Qabsent", &err), XAPC_OK);
    assert_int_equal(xapc_wdb_commit(w, &err), XAPC_OK);
    assert_int_equal(xapc_db_doccount(r, &err), 1);
    assert_int_equal(xapc_db_find_term(r, "Qr1", &err), 0);
    xapc_termgen_free(tg);
    xapc_wdb_free(w);

    xapc_db *db = xapc_db_open(dbp, &err);
    assert_int_equal(xapc_db_doccount(db, &err), 1);
    xapc_db_free(db);
}

static void test_sort_by_value(void **state)
{
    xapc_error err;
    char got[128];
    const char *dbp = path_in(state, "db");
    make_db(dbp, ROWS, 3);
    xapc_db *db = xapc_db_open(dbp, &err);
    xapc_query *all = xapc_query_match_all(&err);
    xapc_enquire *enq = xapc_enquire_new(db, &err);
    assert_int_equal(xapc_enquire_set_query(enq, all, &err), XAPC_OK);

    assert_int_equal(xapc_enquire_sort_by_value(enq, 0, false, false, &err), XAPC_OK);
    mset_values(db, enq, got, sizeof got);
    assert_string_equal(got, "a,b,c");
    assert_int_equal(xapc_enquire_sort_by_value(enq, 0, true, true, &err), XAPC_OK);
    mset_values(db, enq, got, sizeof got);
    assert_string_equal(got, "c,b,a");
    assert_int_equal(xapc_enquire_sort_by_relevance(enq, &err), XAPC_OK);

    xapc_enquire_free(enq);
    xapc_query_free(all);
    xapc_db_free(db);
}

static void test_value_ranges(void **state)
{
    xapc_error err;
    xapc_docid ids[8];
    const char *dbp = path_in(state, "db");
    const char *const rows[][3] = {
        {"1", "een", "2001"}, {"2", "twee", "2005"},
        {"3", "drie", "2010"}, {"4", "vier zonder waarde", NULL},
    };
    make_db(dbp, rows, 4);
    xapc_db *db = xapc_db_open(dbp, &err);

    static const struct { const char *lo, *hi; uint32_t n; } cases[] = {
        {"2002", "2010", 2}, {"2005", "2005", 1}, {NULL, "2005", 2},
        {"2005", NULL, 2},   {NULL, NULL, 3},     {"2011", NULL, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        xapc_query *q = xapc_query_value_range(0, cases[i].lo, cases[i].hi, &err);
        assert_non_null(q);
        assert_int_equal(search_ids(db, q, ids, 8), cases[i].n);
        xapc_query_free(q);
    }
    xapc_db_free(db);
}

static void test_query_construction(void **state)
{
    xapc_error err;
    xapc_docid ids[8];
    const char *dbp = path_in(state, "db");
    make_db(dbp, ROWS, 3);
    xapc_db *db = xapc_db_open(dbp, &err);

    xapc_query *rode = xapc_query_term("rode", 1, 0, &err);
    xapc_query *fiets = xapc_query_term("fiets", 1, 0, &err);
    const xapc_query *pair[] = {rode, NULL, fiets}; /* NULL is skipped */
    xapc_query *phrase = xapc_query_combine(XAPC_OP_PHRASE, pair, 3, 2, &err);
    assert_non_null(phrase);
    assert_int_equal(search_ids(db, phrase, ids, 8), 1);
    const xapc_query *rev[] = {fiets, rode};
    xapc_query *wrong = xapc_query_combine(XAPC_OP_PHRASE, rev, 2, 2, &err);
    assert_int_equal(search_ids(db, wrong, ids, 8), 0);
    xapc_query *near = xapc_query_combine(XAPC_OP_NEAR, rev, 2, 2, &err);
    assert_int_equal(search_ids(db, near, ids, 8), 1);

    char *d = xapc_query_describe(phrase, &err);
    assert_non_null(strstr(d, "PHRASE"));
    free(d);

    xapc_query *scaled = xapc_query_scale(fiets, 0.0, &err);
    xapc_query *copy = xapc_query_clone(scaled, &err);
    assert_int_equal(search_ids(db, copy, ids, 8), 1);
    assert_false(xapc_query_is_empty(copy));
    xapc_query *none = xapc_query_match_nothing(&err);
    assert_true(xapc_query_is_empty(none));
    xapc_query *empty_or = xapc_query_combine(XAPC_OP_OR, NULL, 0, 0, &err);
    assert_non_null(empty_or);
    assert_true(xapc_query_is_empty(empty_or));
    assert_null(xapc_query_combine((xapc_op)99, pair, 3, 0, &err));
    assert_int_equal(err.status, XAPC_ERR_INVALID);

    xapc_query *qs[] = {rode, fiets, phrase, wrong, near, scaled, copy, none, empty_or};
    for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++)
        xapc_query_free(qs[i]);
    xapc_db_free(db);
}

/* The pieces the query layer ranks with (searchd/expand.h): a constant
 * weight AND'ed with a query adds exactly that weight to each of its
 * matches and matches nothing else, and a phrase position may be an OR of
 * words (two spellings of one word). */
static void test_constant_weight_and_phrase_alternatives(void **state)
{
    xapc_error err;
    xapc_docid ids[8];
    const char *dbp = path_in(state, "db");
    make_db(dbp, ROWS, 3);
    xapc_db *db = xapc_db_open(dbp, &err);

    xapc_query *fiets = xapc_query_term("fiets", 1, 0, &err);
    xapc_query *ten = xapc_query_constant_weight(10.0, &err);
    assert_non_null(ten);
    assert_int_equal(search_ids(db, ten, ids, 8), 3);      /* every document */
    const xapc_query *both[] = {fiets, ten};
    xapc_query *boosted = xapc_query_combine(XAPC_OP_AND, both, 2, 0, &err);
    xapc_enquire *enq = xapc_enquire_new(db, &err);
    xapc_enquire_set_query(enq, fiets, &err);
    xapc_mset *plain = xapc_enquire_get_mset(enq, 0, 8, 0, &err);
    xapc_enquire_set_query(enq, boosted, &err);
    xapc_mset *more = xapc_enquire_get_mset(enq, 0, 8, 0, &err);
    assert_non_null(plain);
    assert_non_null(more);
    assert_int_equal(xapc_mset_size(plain), xapc_mset_size(more));
    assert_true(xapc_mset_size(more) > 0);
    for (uint32_t i = 0; i < xapc_mset_size(more); i++)
        assert_float_equal(xapc_mset_weight(more, i, &err),
                           xapc_mset_weight(plain, i, &err) + 10.0, 1e-9);
    xapc_mset_free(plain);
    xapc_mset_free(more);
    xapc_enquire_free(enq);

    xapc_query *rode = xapc_query_term("rode", 1, 1, &err);
    xapc_query *rood = xapc_query_term("rood", 1, 1, &err);
    const xapc_query *forms[] = {rood, rode};
    xapc_query *either = xapc_query_combine(XAPC_OP_OR, forms, 2, 0, &err);
    xapc_query *fiets2 = xapc_query_term("fiets", 1, 2, &err);
    const xapc_query *words[] = {either, fiets2};
    xapc_query *phrase = xapc_query_combine(XAPC_OP_PHRASE, words, 2, 2, &err);
    assert_non_null(phrase);
    assert_int_equal(search_ids(db, phrase, ids, 8), 1);

    xapc_query *qs[] = {fiets, ten, boosted, rode, rood, either, fiets2, phrase};
    for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++)
        xapc_query_free(qs[i]);
    xapc_db_free(db);
}

/* Index: title with prefix S, type as boolean XT, body unprefixed. */
static xapc_db *make_prefixed_db(void **state)
{
    xapc_error err;
    const char *dbp = path_in(state, "db");
    static const char *const docs[][3] = {
        {"Rode fiets gevonden", "report", "De rode fiets stond bij de brug."},
        {"Vergadering", "note", "Over de fiets rode verf en fietsers."},
        {"Fietspad", "report", "Fietspaden en fietsenstallingen."},
        {"Begroting", "note", "Geld."},
    };
    xapc_wdb *w = xapc_wdb_open(dbp, XAPC_WDB_CREATE_OR_OVERWRITE, &err);
    xapc_termgen *tg = dutch_termgen();
    for (size_t i = 0; i < 4; i++) {
        xapc_doc *doc = xapc_doc_new(&err);
        char type[32];
        snprintf(type, sizeof type, "XT%s", docs[i][1]);
        xapc_doc_add_boolean_term(doc, type, &err);
        xapc_termgen_set_document(tg, doc, &err);
        xapc_termgen_index_text(tg, docs[i][0], strlen(docs[i][0]), 1, "S", &err);
        assert_true(xapc_termgen_get_termpos(tg) > 0);
        /* A gap so that a phrase cannot run from the title into the body. */
        assert_int_equal(xapc_termgen_increase_termpos(tg, 100, &err), XAPC_OK);
        xapc_termgen_index_text(tg, docs[i][0], strlen(docs[i][0]), 1, "", &err);
        xapc_termgen_index_text(tg, docs[i][2], strlen(docs[i][2]), 1, "", &err);
        char q[8];
        snprintf(q, sizeof q, "Q%zu", i);
        xapc_wdb_replace_by_term(w, q, doc, &err);
        ASSERT_OK(err);
        xapc_doc_free(doc);
    }
    xapc_wdb_commit(w, &err);
    xapc_termgen_free(tg);
    xapc_wdb_free(w);
    return xapc_db_open(dbp, &err);
}

static void test_query_parser(void **state)
{
    xapc_error err;
    xapc_db *db = make_prefixed_db(state);
    assert_non_null(db);
    xapc_qp *qp = xapc_qp_new(&err);
    xapc_stem *stem = xapc_stem_new("dutch", &err);
    xapc_qp_set_stemmer(qp, stem, &err);
    xapc_qp_set_stemming_strategy(qp, XAPC_STEM_SOME, &err);
    assert_int_equal(xapc_qp_set_database(qp, db, &err), XAPC_OK);
    assert_int_equal(xapc_qp_add_prefix(qp, "title", "S", &err), XAPC_OK);
    assert_int_equal(xapc_qp_add_boolean_prefix(qp, "type", "XT", &err), XAPC_OK);
    assert_int_equal(xapc_qp_set_default_op(qp, XAPC_OP_AND, &err), XAPC_OK);
    unsigned fl = XAPC_QP_DEFAULT | XAPC_QP_WILDCARD;

    assert_int_equal(count_matches(qp, db, "fiets", fl), 2);
    assert_int_equal(count_matches(qp, db, "title:fiets", fl), 1);
    assert_int_equal(count_matches(qp, db, "title:vergadering", fl), 1);
    assert_int_equal(count_matches(qp, db, "type:note", fl), 2);
    assert_int_equal(count_matches(qp, db, "fiets type:note", fl), 1);
    assert_int_equal(count_matches(qp, db, "rode fiets", fl), 2);     /* AND */
    assert_int_equal(count_matches(qp, db, "\"rode fiets\"", fl), 1); /* phrase */
    assert_int_equal(count_matches(qp, db, "fiets -type:note", fl), 1);
    assert_int_equal(count_matches(qp, db, "fiets OR geld", fl), 3);
    assert_int_equal(count_matches(qp, db, "fietsp*", fl), 1);

    /* Wildcard limit: "fiets*" expands to fiets, fietsen..., fietser, fietspad...
     * In 1.4 the parse succeeds and get_mset throws WildcardError. */
    assert_int_equal(xapc_qp_set_max_wildcard_expansion(qp, 1, XAPC_WILDCARD_LIMIT_ERROR, &err),
                     XAPC_OK);
    xapc_query *q = xapc_qp_parse(qp, "fiets*", fl, "", &err);
    assert_non_null(q);
    ASSERT_OK(err);
    xapc_enquire *enq = xapc_enquire_new(db, &err);
    xapc_enquire_set_query(enq, q, &err);
    assert_null(xapc_enquire_get_mset(enq, 0, 10, 0, &err));
    assert_int_equal(err.status, XAPC_ERR_QUERY);
    assert_non_null(strstr(err.message, "WildcardError"));
    xapc_enquire_free(enq);
    xapc_query_free(q);
    /* One term is within the limit; 0 lifts it. */
    assert_int_equal(count_matches(qp, db, "vergader*", fl), 1);
    /* Or it keeps the most frequent terms: "fiets" is in two documents. */
    assert_int_equal(xapc_qp_set_max_wildcard_expansion(qp, 1, XAPC_WILDCARD_LIMIT_MOST_FREQUENT,
                                                        &err), XAPC_OK);
    assert_int_equal(count_matches(qp, db, "fiets*", fl), 2);
    assert_int_equal(xapc_qp_set_max_wildcard_expansion(qp, 0, XAPC_WILDCARD_LIMIT_ERROR, &err),
                     XAPC_OK);
    assert_int_equal(count_matches(qp, db, "fiets*", fl), 3);

    /* Malformed: Xapian forgives "(foo" and "\"foo", not a dangling AND. */
    assert_null(xapc_qp_parse(qp, "fiets AND", fl, "", &err));
    assert_int_equal(err.status, XAPC_ERR_QUERY);
    assert_non_null(strstr(err.message, "QueryParserError"));
    assert_null(xapc_qp_parse(qp, "AND", fl, "", &err));
    assert_int_equal(err.status, XAPC_ERR_QUERY);
    q = xapc_qp_parse(qp, "\"fiets", fl, "", &err);
    assert_non_null(q);
    xapc_query_free(q);
    /* Unknown flag bits are refused rather than passed on. */
    assert_null(xapc_qp_parse(qp, "fiets", 1u << 30, "", &err));
    assert_int_equal(err.status, XAPC_ERR_INVALID);

    xapc_stem_free(stem);
    xapc_qp_free(qp);
    xapc_db_free(db);
}

static void test_spelling(void **state)
{
    xapc_error err;
    const char *dbp = path_in(state, "db");
    xapc_wdb *w = xapc_wdb_open(dbp, XAPC_WDB_CREATE_OR_OVERWRITE, &err);
    xapc_termgen *tg = xapc_termgen_new(&err);
    assert_int_equal(xapc_termgen_set_spelling_db(tg, w, &err), XAPC_OK);
    xapc_doc *doc = xapc_doc_new(&err);
    xapc_termgen_set_document(tg, doc, &err);
    const char *text = "gemeenteraad vergadert over de begroting";
    xapc_termgen_index_text(tg, text, strlen(text), 1, "", &err);
    xapc_wdb_replace_by_term(w, "Q1", doc, &err);
    assert_int_equal(xapc_wdb_add_spelling(w, "fietsenstalling", 1, &err), XAPC_OK);
    assert_int_equal(xapc_termgen_set_spelling_db(tg, NULL, &err), XAPC_OK);
    assert_int_equal(xapc_wdb_commit(w, &err), XAPC_OK);
    xapc_doc_free(doc);
    xapc_termgen_free(tg);
    xapc_wdb_free(w);

    xapc_db *db = xapc_db_open(dbp, &err);
    char *s = xapc_db_spelling_suggestion(db, "gemeenteraat", 2, &err);
    assert_non_null(s);
    assert_string_equal(s, "gemeenteraad");
    free(s);
    s = xapc_db_spelling_suggestion(db, "fietsenstaling", 2, &err);
    assert_string_equal(s, "fietsenstalling");
    free(s);
    assert_null(xapc_db_spelling_suggestion(db, "xyzzyplugh", 2, &err));
    ASSERT_OK(err);
    assert_int_equal(xapc_db_spelling_frequency(db, "fietsenstalling", &err), 1);
    assert_int_equal(xapc_db_spelling_frequency(db, "gemeenteraat", &err), 0);
    ASSERT_OK(err);

    xapc_qp *qp = xapc_qp_new(&err);
    xapc_qp_set_database(qp, db, &err);
    xapc_query *q = xapc_qp_parse(qp, "begrotnig gemeenteraat",
                                  XAPC_QP_DEFAULT | XAPC_QP_SPELLING_CORRECTION,
                                  "", &err);
    assert_non_null(q);
    s = xapc_qp_corrected_query(qp, &err);
    assert_string_equal(s, "begroting gemeenteraad");
    free(s);
    xapc_query_free(q);
    q = xapc_qp_parse(qp, "begroting", XAPC_QP_SPELLING_CORRECTION, "", &err);
    s = xapc_qp_corrected_query(qp, &err);
    assert_string_equal(s, "");
    free(s);
    xapc_query_free(q);
    xapc_qp_free(qp);
    xapc_db_free(db);
}

static void test_synonyms(void **state)
{
    xapc_error err;
    const char *dbp = path_in(state, "db");
    const char *const rows[][3] = {{"1", "een oude wagen", NULL},
                                   {"2", "een fiets", NULL}};
    make_db(dbp, rows, 2);
    xapc_wdb *w = xapc_wdb_open(dbp, XAPC_WDB_OPEN, &err);
    assert_int_equal(xapc_wdb_add_synonym(w, "auto", "wagen", &err), XAPC_OK);
    xapc_wdb_commit(w, &err);

    xapc_qp *qp = xapc_qp_new(&err);
    xapc_qp_set_database(qp, xapc_wdb_reader(w), &err);
    const xapc_db *r = xapc_wdb_reader(w);
    assert_int_equal(count_matches(qp, r, "auto", XAPC_QP_DEFAULT), 0);
    assert_int_equal(count_matches(qp, r, "auto",
                                   XAPC_QP_DEFAULT | XAPC_QP_AUTO_SYNONYMS), 1);
    assert_int_equal(count_matches(qp, r, "~auto",
                                   XAPC_QP_DEFAULT | XAPC_QP_SYNONYM), 1);

    assert_int_equal(xapc_wdb_add_synonym(w, "auto", "oude wagen", &err), XAPC_OK);
    xapc_termiter *it = xapc_db_synonyms(r, "auto", &err);
    const char *syn;
    assert_non_null(it);
    assert_true(xapc_termiter_next(it, &syn, NULL, &err));
    assert_string_equal(syn, "oude wagen");
    assert_true(xapc_termiter_next(it, &syn, NULL, &err));
    assert_string_equal(syn, "wagen");
    assert_false(xapc_termiter_next(it, &syn, NULL, &err));
    xapc_termiter_free(it);
    it = xapc_db_synonyms(r, "fiets", &err);
    assert_false(xapc_termiter_next(it, &syn, NULL, &err));
    xapc_termiter_free(it);

    assert_int_equal(xapc_wdb_clear_synonyms(w, "auto", &err), XAPC_OK);
    xapc_wdb_commit(w, &err);
    assert_int_equal(count_matches(qp, r, "auto",
                                   XAPC_QP_DEFAULT | XAPC_QP_AUTO_SYNONYMS), 0);
    xapc_qp_free(qp);
    xapc_wdb_free(w);
}

static void test_doc_termlist_and_positions(void **state)
{
    (void)state;
    xapc_error err;
    xapc_doc *doc = xapc_doc_new(&err);
    xapc_doc_add_posting(doc, "b", 3, 1, &err);
    xapc_doc_add_posting(doc, "b", 7, 2, &err);
    xapc_doc_add_term(doc, "Zb", 1, &err);
    xapc_doc_add_posting(doc, "a", 1, 1, &err);
    xapc_doc_add_posting(doc, "XPc", 9, 1, &err);

    xapc_termiter *it = xapc_doc_termlist(doc, "", &err);
    const char *term;
    uint32_t wdf;
    const char *want[] = {"XPc", "Zb", "a", "b"};
    for (size_t i = 0; i < 4; i++) {
        assert_true(xapc_termiter_next(it, &term, &wdf, &err));
        assert_string_equal(term, want[i]);
    }
    assert_int_equal(wdf, 3);
    uint32_t at[4];
    assert_int_equal(xapc_termiter_positions(it, at, 4, &err), 2);   /* "b" */
    assert_int_equal(at[0], 3);
    assert_int_equal(at[1], 7);
    assert_false(xapc_termiter_next(it, &term, &wdf, &err));
    assert_int_equal(xapc_termiter_positions(it, at, 4, &err), 0);   /* at the end */
    xapc_termiter_free(it);

    it = xapc_doc_termlist(doc, "Z", &err);
    assert_true(xapc_termiter_next(it, &term, &wdf, &err));
    assert_string_equal(term, "Zb");
    assert_false(xapc_termiter_next(it, &term, &wdf, &err));
    xapc_termiter_free(it);

    uint32_t pos[4];
    assert_int_equal(xapc_doc_positions(doc, "b", pos, 4, &err), 2);
    assert_int_equal(pos[0], 3);
    assert_int_equal(pos[1], 7);
    assert_int_equal(xapc_doc_positions(doc, "b", pos, 1, &err), 2);
    assert_int_equal(xapc_doc_positions(doc, "Zb", pos, 4, &err), 0);
    assert_int_equal(xapc_doc_positions(doc, "nothere", pos, 4, &err), 0);
    assert_int_equal(err.status, XAPC_OK);
    xapc_doc_free(doc);
}

typedef struct {
    char seen[8][8];
    uint32_t counts[8];
    int n;
} spy_result;

static bool collect(const char *value, size_t len, uint32_t count, void *ctx)
{
    spy_result *r = ctx;
    assert_true(len < 8);
    memcpy(r->seen[r->n], value, len);
    r->seen[r->n][len] = '\0';
    r->counts[r->n++] = count;
    return true;
}

static bool first_only(const char *value, size_t len, uint32_t count, void *ctx)
{
    (void)value;
    (void)len;
    (void)count;
    ++*(int *)ctx;
    return false;
}

static void test_value_count_spy(void **state)
{
    xapc_error err;
    const char *dbp = path_in(state, "db");
    xapc_wdb *w = xapc_wdb_open(dbp, XAPC_WDB_CREATE_OR_OVERWRITE, &err);
    xapc_termgen *tg = dutch_termgen();
    for (int i = 0; i < 30; i++) {
        char id[8];
        snprintf(id, sizeof id, "%d", i);
        put_doc(w, tg, id, "tekst", i % 3 == 0 ? "a" : "b"); /* 10 a, 20 b */
    }
    xapc_wdb_commit(w, &err);
    xapc_termgen_free(tg);

    const xapc_db *r = xapc_wdb_reader(w);
    xapc_enquire *enq = xapc_enquire_new(r, &err);
    xapc_query *q = xapc_query_term("tekst", 1, 0, &err);
    xapc_enquire_set_query(enq, q, &err);
    xapc_spy *spy = xapc_enquire_add_value_count_spy(enq, 0, &err);
    assert_non_null(spy);
    /* Only 2 results wanted, but every match is looked at. */
    xapc_mset *m = xapc_enquire_get_mset(enq, 0, 2, xapc_db_doccount(r, &err), &err);
    assert_non_null(m);
    assert_int_equal(xapc_mset_size(m), 2);
    assert_int_equal(xapc_mset_matches_estimated(m), 30);
    assert_int_equal(xapc_spy_total(spy), 30);
    spy_result res = {0};
    assert_int_equal(xapc_spy_foreach(spy, collect, &res, &err), XAPC_OK);
    assert_int_equal(res.n, 2);
    assert_string_equal(res.seen[0], "a");
    assert_int_equal(res.counts[0], 10);
    assert_string_equal(res.seen[1], "b");
    assert_int_equal(res.counts[1], 20);
    int calls = 0;
    xapc_spy_foreach(spy, first_only, &calls, &err);
    assert_int_equal(calls, 1);
    xapc_mset_free(m);

    assert_int_equal(xapc_enquire_clear_spies(enq, &err), XAPC_OK);
    xapc_spy *spy2 = xapc_enquire_add_value_count_spy(enq, 0, &err);
    m = xapc_enquire_get_mset(enq, 0, 0, 30, &err);
    assert_int_equal(xapc_spy_total(spy2), 30);
    xapc_mset_free(m);

    xapc_query_free(q);
    xapc_enquire_free(enq);
    xapc_wdb_free(w);
}

/* The list spy counts members, once per document: lists "a|b", "a", "b|b|c"
 * (a repeat), "" and "|c|" (empty members) over 5 documents. */
static void test_value_list_spy(void **state)
{
    xapc_error err;
    const char *dbp = path_in(state, "db");
    xapc_wdb *w = xapc_wdb_open(dbp, XAPC_WDB_CREATE_OR_OVERWRITE, &err);
    xapc_termgen *tg = dutch_termgen();
    static const char *const lists[] = {"a|b", "a", "b|b|c", "", "|c|"};
    for (int i = 0; i < 5; i++) {
        char id[8];
        snprintf(id, sizeof id, "%d", i);
        put_doc(w, tg, id, "tekst", lists[i]);
    }
    xapc_wdb_commit(w, &err);
    xapc_termgen_free(tg);

    xapc_enquire *enq = xapc_enquire_new(xapc_wdb_reader(w), &err);
    xapc_query *q = xapc_query_term("tekst", 1, 0, &err);
    xapc_enquire_set_query(enq, q, &err);
    xapc_spy *spy = xapc_enquire_add_value_list_spy(enq, 0, '|', &err);
    assert_non_null(spy);
    xapc_mset *m = xapc_enquire_get_mset(enq, 0, 1, 5, &err);
    assert_non_null(m);
    assert_int_equal(xapc_spy_total(spy), 5);
    spy_result res = {0};
    assert_int_equal(xapc_spy_foreach(spy, collect, &res, &err), XAPC_OK);
    assert_int_equal(res.n, 3);
    static const char *const want[] = {"a", "b", "c"};
    static const uint32_t counts[] = {2, 2, 2};
    for (int i = 0; i < 3; i++) {
        assert_string_equal(res.seen[i], want[i]);
        assert_int_equal(res.counts[i], counts[i]);
    }
    int calls = 0;
    xapc_spy_foreach(spy, first_only, &calls, &err);
    assert_int_equal(calls, 1);
    xapc_mset_free(m);
    xapc_query_free(q);
    xapc_enquire_free(enq);
    xapc_wdb_free(w);
}

static void test_snippet(void **state)
{
    xapc_error err;
    const char *dbp = path_in(state, "db");
    const char *text = "Pas op: <script>alert(1)</script> & de fiets is rood.";
    const char *const rows[][3] = {{"1", text, NULL}};
    make_db(dbp, rows, 1);
    xapc_db *db = xapc_db_open(dbp, &err);
    xapc_stem *stem = xapc_stem_new("dutch", &err);
    xapc_qp *qp = xapc_qp_new(&err);
    xapc_qp_set_stemmer(qp, stem, &err);
    xapc_qp_set_stemming_strategy(qp, XAPC_STEM_SOME, &err);
    xapc_query *q = xapc_qp_parse(qp, "fiets rode", XAPC_QP_DEFAULT, "", &err);
    xapc_enquire *enq = xapc_enquire_new(db, &err);
    xapc_enquire_set_query(enq, q, &err);
    xapc_mset *m = xapc_enquire_get_mset(enq, 0, 10, 0, &err);
    assert_int_equal(xapc_mset_size(m), 1);

    char *s = xapc_mset_snippet(m, text, strlen(text), 200, stem, 0, "<mark>",
                                "</mark>", "…", &err);
    assert_non_null(s);
    ASSERT_OK(err);
    assert_null(strstr(s, "<script>"));
    assert_non_null(strstr(s, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert_non_null(strstr(s, "&amp;"));
    assert_non_null(strstr(s, "<mark>fiets</mark>"));
    /* "rood" is marked through the stem of the query's "rode". */
    assert_non_null(strstr(s, "<mark>rood</mark>"));
    free(s);

    /* NULL markers mean Xapian's defaults, <b> and </b>. */
    s = xapc_mset_snippet(m, text, strlen(text), 200, stem,
                          XAPC_SNIPPET_EXHAUSTIVE, NULL, NULL, NULL, &err);
    assert_non_null(strstr(s, "<b>fiets</b>"));
    free(s);
    /* Without the stemmer the Z-prefixed stems of the query match nothing. */
    s = xapc_mset_snippet(m, text, strlen(text), 200, NULL, 0, NULL, NULL,
                          NULL, &err);
    assert_null(strstr(s, "<b>"));
    free(s);
    const char *other = "niets relevants hier";
    s = xapc_mset_snippet(m, other, strlen(other), 200, stem,
                          XAPC_SNIPPET_EMPTY_WITHOUT_MATCH, NULL, NULL, NULL, &err);
    assert_string_equal(s, "");
    free(s);

    xapc_mset_free(m);
    xapc_enquire_free(enq);
    xapc_query_free(q);
    xapc_qp_free(qp);
    xapc_stem_free(stem);
    xapc_db_free(db);
}

static void test_metadata(void **state)
{
    xapc_error err;
    const char *dbp = path_in(state, "db");
    xapc_wdb *w = xapc_wdb_open(dbp, XAPC_WDB_CREATE_OR_OVERWRITE, &err);
    assert_int_equal(xapc_wdb_set_metadata(w, "schema", "3", &err), XAPC_OK);
    assert_int_equal(xapc_wdb_commit(w, &err), XAPC_OK);
    xapc_wdb_free(w);
    xapc_db *db = xapc_db_open(dbp, &err);
    char *v = xapc_db_get_metadata(db, "schema", &err);
    assert_string_equal(v, "3");
    free(v);
    v = xapc_db_get_metadata(db, "unset", &err);
    assert_string_equal(v, "");
    free(v);
    xapc_db_free(db);
}

static void test_termiters(void **state)
{
    xapc_error err;
    const char *dbp = path_in(state, "db");
    make_db(dbp, ROWS, 3);
    xapc_db *db = xapc_db_open(dbp, &err);

    xapc_termiter *it = xapc_db_allterms(db, "Q", &err);
    assert_non_null(it);
    const char *term;
    uint32_t freq;
    const char *want[] = {"Q1", "Q2", "Q3"};
    int n = 0;
    while (xapc_termiter_next(it, &term, &freq, &err)) {
        assert_true(n < 3);
        assert_string_equal(term, want[n]);
        assert_int_equal(freq, 1);
        n++;
    }
    ASSERT_OK(err);
    assert_int_equal(n, 3);
    assert_false(xapc_termiter_next(it, &term, &freq, &err)); /* stays at end */
    xapc_termiter_free(it);

    /* termlist: sorted, wdf for "de" (twice in doc 3). */
    it = xapc_db_termlist(db, xapc_db_find_term(db, "Q3", &err), &err);
    assert_non_null(it);
    char prev[64] = "";
    uint32_t de_wdf = 0;
    n = 0;
    while (xapc_termiter_next(it, &term, &freq, &err)) {
        assert_true(strcmp(prev, term) < 0);
        snprintf(prev, sizeof prev, "%s", term);
        if (strcmp(term, "de") == 0)
            de_wdf = freq;
        n++;
    }
    assert_true(n > 5);
    assert_int_equal(de_wdf, 2);
    xapc_termiter_free(it);

    assert_null(xapc_db_termlist(db, 42, &err));
    assert_int_equal(err.status, XAPC_ERR_NOT_FOUND);
    xapc_db_free(db);
}

static void test_stub_and_shards(void **state)
{
    xapc_error err;
    xapc_docid ids[8];
    const char *s1 = path_in(state, "shard1");
    const char *s2 = path_in(state, "shard2");
    const char *const r1[][3] = {{"a", "fiets in amsterdam", "x"}};
    const char *const r2[][3] = {{"b", "fiets in utrecht", "y"},
                                 {"c", "trein naar utrecht", "y"}};
    make_db(s1, r1, 1);
    make_db(s2, r2, 2);

    const char *stub = path_in(state, "all.stub");
    FILE *f = fopen(stub, "w");
    assert_non_null(f);
    fprintf(f, "auto %s\nauto %s\n", s1, s2);
    fclose(f);

    xapc_db *db = xapc_db_open(stub, &err);
    assert_non_null(db);
    ASSERT_OK(err);
    assert_int_equal(xapc_db_doccount(db, &err), 3);
    xapc_query *q = xapc_query_term("fiets", 1, 0, &err);
    assert_int_equal(search_ids(db, q, ids, 8), 2);
    /* Docids interleave: shard1's doc 1 is 1, shard2's doc 1 is 2. */
    char *data = xapc_db_document_data(db, 2, &err);
    assert_string_equal(data, "fiets in utrecht");
    free(data);
    assert_int_equal(xapc_db_revision(db, &err), 0);
    assert_int_equal(err.status, XAPC_ERR_INVALID);

    /* The same built by hand. */
    xapc_db *built = xapc_db_new_empty(&err);
    assert_int_equal(xapc_db_doccount(built, &err), 0);
    xapc_db *d1 = xapc_db_open(s1, &err), *d2 = xapc_db_open(s2, &err);
    assert_int_equal(xapc_db_add(built, d1, &err), XAPC_OK);
    assert_int_equal(xapc_db_add(built, d2, &err), XAPC_OK);
    xapc_db_free(d1);
    xapc_db_free(d2);
    assert_int_equal(search_ids(built, q, ids, 8), 2);
    assert_int_equal(xapc_db_termfreq(built, "utrecht", &err), 2);

    xapc_query_free(q);
    xapc_db_free(built);
    xapc_db_free(db);
}

/* ---- the counting path's reads (added for issue 17) -------------------------- */

static void collect_docids(const uint32_t *ids, size_t n, void *ctx)
{
    uint32_t *got = ctx;
    for (size_t i = 0; i < n; i++)
        got[++got[0]] = ids[i];
}

static void test_postlists_and_value_streams(void **state)
{
    xapc_error err;
    const char *path = path_in(state, "db");
    const char *const rows[][3] = {{"a", "fiets in amsterdam", "20170101"},
                                   {"b", "fiets in utrecht", NULL},
                                   {"c", "trein naar utrecht", "20190505"}};
    make_db(path, rows, 3);
    xapc_db *db = xapc_db_open(path, &err);
    assert_non_null(db);
    char *uuid = xapc_db_uuid(db, &err);
    assert_int_equal(strlen(uuid), 36);
    free(uuid);
    assert_int_equal(xapc_db_lastdocid(db, &err), 3);
    assert_int_equal(xapc_db_shard_count(db, &err), 1);

    uint32_t ids[8];
    xapc_postiter *it = xapc_db_postlist(db, "utrecht", 7, &err);
    assert_non_null(it);
    assert_int_equal(xapc_postiter_termfreq(it), 2);
    assert_int_equal(xapc_postiter_next_batch(it, ids, 1, &err), 1);
    assert_int_equal(ids[0], 2);
    assert_int_equal(xapc_postiter_next_batch(it, ids, 8, &err), 1);
    assert_int_equal(ids[0], 3);
    assert_int_equal(xapc_postiter_next_batch(it, ids, 8, &err), 0);
    ASSERT_OK(err);
    xapc_postiter_free(it);
    it = xapc_db_postlist(db, "", 0, &err);   /* every document */
    assert_int_equal(xapc_postiter_next_batch(it, ids, 8, &err), 3);
    xapc_postiter_free(it);

    xapc_valueiter *vi = xapc_db_valuestream(db, 0, &err);
    xapc_docid did;
    const char *v;
    size_t len;
    assert_true(xapc_valueiter_next(vi, &did, &v, &len, &err));
    assert_int_equal(did, 1);
    assert_memory_equal(v, "20170101", 8);
    assert_true(xapc_valueiter_next(vi, &did, &v, &len, &err));
    assert_int_equal(did, 3);   /* document 2 has no value */
    assert_false(xapc_valueiter_next(vi, &did, &v, &len, &err));
    ASSERT_OK(err);
    xapc_valueiter_free(vi);

    /* the matcher with weights off: a phrase */
    xapc_qp *qp = xapc_qp_new(&err);
    xapc_query *phrase = xapc_qp_parse(qp, "\"fiets in\"", XAPC_QP_DEFAULT, "", &err);
    uint32_t got[8] = {0};
    assert_int_equal(xapc_db_match_docids(db, phrase, 0, collect_docids, got, &err), XAPC_OK);
    assert_int_equal(got[0], 2);
    assert_int_equal(got[1], 1);
    assert_int_equal(got[2], 2);

    /* a filter to given documents */
    uint32_t want[] = {1, 3};
    xapc_query *only = xapc_query_docids(want, 2, &err);
    xapc_query *all = xapc_query_match_all(&err);
    const xapc_query *both[2] = {all, only};
    xapc_query *filtered = xapc_query_combine(XAPC_OP_FILTER, both, 2, 0, &err);
    xapc_docid found[8];
    assert_int_equal(search_ids(db, filtered, found, 8), 2);
    uint32_t bad[] = {3, 1};
    assert_null(xapc_query_docids(bad, 2, &err));
    assert_int_equal(err.status, XAPC_ERR_INVALID);

    xapc_query_free(filtered);
    xapc_query_free(all);
    xapc_query_free(only);
    xapc_query_free(phrase);
    xapc_qp_free(qp);
    xapc_db_free(db);
}

static void test_query_inside(void **state)
{
    (void)state;
    xapc_error err;
    xapc_qp *qp = xapc_qp_new(&err);
    xapc_query *q = xapc_qp_parse(qp, "fiets AND NOT trein", XAPC_QP_DEFAULT, "", &err);
    assert_int_equal(xapc_query_get_kind(q), XAPC_QK_AND_NOT);
    assert_int_equal(xapc_query_subquery_count(q), 2);
    xapc_query *left = xapc_query_subquery(q, 0, &err);
    assert_int_equal(xapc_query_get_kind(left), XAPC_QK_TERM);
    size_t len;
    char *term = xapc_query_term_name(left, &len, &err);
    assert_string_equal(term, "fiets");
    assert_int_equal(len, 5);
    free(term);
    assert_null(xapc_query_subquery(q, 2, &err));
    assert_int_equal(err.status, XAPC_ERR_INVALID);

    xapc_query *range = xapc_query_value_range(20, "2017", "2019", &err);
    xapc_slot slot;
    char *lo, *hi;
    size_t lo_len, hi_len;
    assert_int_equal(xapc_query_value_bounds(range, &slot, &lo, &lo_len, &hi, &hi_len, &err),
                     XAPC_OK);
    assert_int_equal(slot, 20);
    assert_string_equal(lo, "2017");
    assert_string_equal(hi, "2019");
    free(lo);
    free(hi);
    xapc_query *ge = xapc_query_value_range(3, "x", NULL, &err);
    assert_int_equal(xapc_query_get_kind(ge), XAPC_QK_VALUE_GE);
    assert_int_equal(xapc_query_value_bounds(ge, &slot, &lo, &lo_len, &hi, &hi_len, &err),
                     XAPC_OK);
    assert_string_equal(lo, "x");
    assert_null(hi);
    free(lo);
    assert_int_not_equal(xapc_query_value_bounds(q, &slot, &lo, &lo_len, &hi, &hi_len, &err),
                         XAPC_OK);

    xapc_query *scaled = xapc_query_scale(left, 0.5, &err);
    assert_int_equal(xapc_query_get_kind(scaled), XAPC_QK_SCALE_WEIGHT);
    assert_int_equal(xapc_query_subquery_count(scaled), 1);
    size_t n1, n2;
    char *k1 = xapc_query_serialise(q, &n1, &err), *k2 = xapc_query_serialise(scaled, &n2, &err);
    assert_true(n1 != n2 || memcmp(k1, k2, n1) != 0);
    free(k1);
    free(k2);

    xapc_query_free(scaled);
    xapc_query_free(ge);
    xapc_query_free(range);
    xapc_query_free(left);
    xapc_query_free(q);
    xapc_qp_free(qp);
}

/* A wildcard expanded against the whole of a sharded collection: the terms
 * of every shard, the limit's most frequent by their total frequency. */
static void test_expand_wildcards(void **state)
{
    xapc_error err;
    const char *s1 = path_in(state, "s1"), *s2 = path_in(state, "s2");
    const char *const r1[][3] = {{"a", "wonen wonen woning", NULL},
                                 {"b", "woningbouw", NULL}};
    const char *const r2[][3] = {{"c", "woning woonwijk", NULL}, {"d", "woning", NULL}};
    make_db(s1, r1, 2);
    make_db(s2, r2, 2);
    xapc_db *db = xapc_db_new_empty(&err);
    xapc_db *d1 = xapc_db_open(s1, &err), *d2 = xapc_db_open(s2, &err);
    xapc_db_add(db, d1, &err);
    xapc_db_add(db, d2, &err);

    xapc_qp *qp = xapc_qp_new(&err);
    xapc_qp_set_database(qp, db, &err);
    /* at most 2 terms: the two most frequent over both shards (woning in
     * 3 documents, then wonen or woningbouw or woonwijk: 1 each, by name) */
    xapc_qp_set_max_wildcard_expansion(qp, 2, XAPC_WILDCARD_LIMIT_MOST_FREQUENT, &err);
    xapc_query *q = xapc_qp_parse(qp, "wo* OR trein", XAPC_QP_DEFAULT | XAPC_QP_WILDCARD, "", &err);
    xapc_query *x = xapc_query_expand_wildcards(q, db, &err);
    ASSERT_OK(err);
    char *d = xapc_query_describe(x, &err);
    assert_non_null(strstr(d, "(wonen SYNONYM woning)"));
    assert_null(strstr(d, "WILDCARD"));
    free(d);
    xapc_docid ids[8];
    assert_int_equal(search_ids(db, x, ids, 8), 3);   /* woning or wonen: a, c, d */
    xapc_query_free(x);

    /* no wildcard: the same query */
    xapc_query *plain = xapc_qp_parse(qp, "\"woning woonwijk\"", XAPC_QP_DEFAULT, "", &err);
    x = xapc_query_expand_wildcards(plain, db, &err);
    char *a = xapc_query_describe(plain, &err), *b = xapc_query_describe(x, &err);
    assert_string_equal(a, b);
    free(a);
    free(b);
    xapc_query_free(x);
    xapc_query_free(plain);

    /* over the limit with the error mode: a query error */
    xapc_qp_set_max_wildcard_expansion(qp, 2, XAPC_WILDCARD_LIMIT_ERROR, &err);
    xapc_query *strict = xapc_qp_parse(qp, "wo*", XAPC_QP_DEFAULT | XAPC_QP_WILDCARD, "", &err);
    assert_null(xapc_query_expand_wildcards(strict, db, &err));
    assert_int_equal(err.status, XAPC_ERR_QUERY);

    xapc_query_free(strict);
    xapc_query_free(q);
    xapc_qp_free(qp);
    xapc_db_free(d1);
    xapc_db_free(d2);
    xapc_db_free(db);
}

static void test_stem_into(void **state)
{
    (void)state;
    xapc_error err;
    xapc_stem *stem = xapc_stem_new_memo("dutch", &err);
    char out[32];
    char *want = xapc_stem_word(stem, "samenwerkingen", &err);
    assert_int_equal(xapc_stem_into(stem, "samenwerkingen", 14, out, sizeof out, &err),
                     strlen(want));
    assert_string_equal(out, want);
    assert_int_equal(xapc_stem_into(stem, "samenwerkingen", 14, out, 4, &err), 0);
    free(want);
    xapc_stem_free(stem);
}

static void test_compact(void **state)
{
    xapc_error err;
    const char *s1 = path_in(state, "c1");
    const char *s2 = path_in(state, "c2");
    const char *dest = path_in(state, "compacted");
    const char *const r1[][3] = {{"a", "een", NULL}, {"b", "twee", NULL}};
    const char *const r2[][3] = {{"c", "drie", NULL}};
    make_db(s1, r1, 2);
    make_db(s2, r2, 1);
    const char *srcs[] = {s1, s2};
    assert_int_equal(xapc_compact(srcs, 2, dest, &err), XAPC_OK);
    ASSERT_OK(err);
    xapc_db *db = xapc_db_open(dest, &err);
    assert_non_null(db);
    assert_int_equal(xapc_db_doccount(db, &err), 3);
    assert_int_not_equal(xapc_db_find_term(db, "Qc", &err), 0);
    xapc_db_free(db);

    assert_int_equal(xapc_compact(srcs, 0, dest, &err), XAPC_ERR_INVALID);
    const char *missing[] = {path_in(state, "nope")};
    assert_int_equal(xapc_compact(missing, 1, path_in(state, "out"), &err),
                     XAPC_ERR_NOT_FOUND);
}

static void test_errors(void **state)
{
    xapc_error err;
    const char *dbp = path_in(state, "db");

    assert_null(xapc_db_open(path_in(state, "missing"), &err));
    assert_int_equal(err.status, XAPC_ERR_NOT_FOUND);
    assert_non_null(strstr(err.message, "DatabaseNotFoundError"));
    assert_null(xapc_wdb_open(path_in(state, "missing"), XAPC_WDB_OPEN, &err));
    assert_int_equal(err.status, XAPC_ERR_NOT_FOUND);

    /* Xapian locks through a child process, so even a second writer in the
     * same process is refused. */
    xapc_wdb *w = xapc_wdb_open(dbp, XAPC_WDB_CREATE_OR_OPEN, &err);
    assert_non_null(w);
    assert_null(xapc_wdb_open(dbp, XAPC_WDB_CREATE_OR_OPEN, &err));
    assert_int_equal(err.status, XAPC_ERR_LOCKED);
    assert_non_null(strstr(err.message, "DatabaseLockError"));
    xapc_wdb_free(w);
    w = xapc_wdb_open(dbp, XAPC_WDB_OPEN, &err); /* released by free */
    assert_non_null(w);
    xapc_wdb_free(w);
    assert_null(xapc_wdb_open(dbp, (xapc_wdb_mode)7, &err));
    assert_int_equal(err.status, XAPC_ERR_INVALID);

    /* A file that is no database at all. */
    const char *junk = path_in(state, "junk");
    FILE *f = fopen(junk, "w");
    fputs("this is not a stub\n", f);
    fclose(f);
    assert_null(xapc_db_open(junk, &err));
    assert_int_not_equal(err.status, XAPC_OK);

    xapc_stem *stem = xapc_stem_new("dutch", &err);
    assert_non_null(stem);
    char *s = xapc_stem_word(stem, "fietsen", &err);
    assert_string_equal(s, "fiets");
    free(s);
    xapc_stem_free(stem);
    stem = xapc_stem_new("kraaij_pohlmann", &err);
    assert_non_null(stem);
    xapc_stem_free(stem);
    assert_null(xapc_stem_new("klingon", &err));
    assert_int_equal(err.status, XAPC_ERR_INVALID);
    assert_non_null(strstr(err.message, "InvalidArgumentError"));

    /* NULL handles and arguments are INVALID, never a crash. */
    assert_int_equal(xapc_db_doccount(NULL, &err), 0);
    assert_int_equal(err.status, XAPC_ERR_INVALID);
    assert_int_equal(xapc_doc_add_term(NULL, "x", 1, &err), XAPC_ERR_INVALID);
    assert_null(xapc_query_term(NULL, 1, 0, &err));
    assert_int_equal(err.status, XAPC_ERR_INVALID);
    xapc_termgen *tg = xapc_termgen_new(&err);
    assert_int_equal(xapc_termgen_index_text(tg, NULL, 3, 1, "", &err),
                     XAPC_ERR_INVALID);
    assert_int_equal(xapc_termgen_set_stemming_strategy(tg, (xapc_stem_strategy)9,
                                                        &err), XAPC_ERR_INVALID);
    xapc_termgen_free(tg);

    /* The free functions accept NULL. */
    xapc_db_free(NULL);
    xapc_wdb_free(NULL);
    xapc_doc_free(NULL);
    xapc_query_free(NULL);
    xapc_mset_free(NULL);
    xapc_termiter_free(NULL);
}

/* A loopback socket with a kernel-chosen port; listening or not. */
static int loopback_socket(bool listening, unsigned *port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof a;
    assert_true(fd >= 0);
    assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
    assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &len), 0);
    if (listening)
        assert_int_equal(listen(fd, 4), 0);
    *port = ntohs(a.sin_port);
    return fd;
}

/* A refused connection is a network error; a server that accepts but never
 * answers (one that is stopped: the kernel still completes the handshake)
 * is a timeout, which callers treat differently (no immediate retry). */
static void test_remote_errors(void **state)
{
    (void)state;
    xapc_error err;
    unsigned port;
    int closed = loopback_socket(false, &port);   /* bound, not listening */
    assert_null(xapc_db_open_remote("127.0.0.1", port, 200, 200, &err));
    assert_int_equal(err.status, XAPC_ERR_NETWORK);
    close(closed);

    int silent = loopback_socket(true, &port);
    assert_null(xapc_db_open_remote("127.0.0.1", port, 200, 200, &err));
    assert_int_equal(err.status, XAPC_ERR_TIMEOUT);
    assert_non_null(strstr(err.message, "NetworkTimeoutError"));
    assert_string_equal(xapc_status_name(err.status), "timeout");
    close(silent);
}

static void test_null_err_pointers(void **state)
{
    /* Failures with err == NULL must just return the failure value. */
    assert_null(xapc_db_open(path_in(state, "missing"), NULL));
    assert_null(xapc_stem_new("klingon", NULL));
    assert_int_equal(xapc_db_doccount(NULL, NULL), 0);
    assert_int_equal(xapc_wdb_commit(NULL, NULL), XAPC_ERR_INVALID);
    xapc_qp *qp = xapc_qp_new(NULL);
    assert_null(xapc_qp_parse(qp, "foo AND", XAPC_QP_DEFAULT, "", NULL));
    xapc_qp_free(qp);

    /* And successes too. */
    const char *dbp = path_in(state, "db");
    make_db(dbp, ROWS, 3);
    xapc_db *db = xapc_db_open(dbp, NULL);
    assert_non_null(db);
    assert_int_equal(xapc_db_doccount(db, NULL), 3);
    xapc_termiter *it = xapc_db_allterms(db, "", NULL);
    const char *t;
    assert_true(xapc_termiter_next(it, &t, NULL, NULL));
    xapc_termiter_free(it);
    xapc_db_free(db);
}

/* A reader at revision N, a writer rewriting every document and committing
 * twice: glass recycles the blocks of revision N, and the reader gets
 * DatabaseModifiedError.  Deterministic (single process, fixed sizes). */
enum { MOD_N = 2000 };

/* Replaces all MOD_N documents (term "abc" plus one per round, 200 bytes of
 * data) and commits. */
static void rewrite_all(xapc_wdb *w, int round)
{
    xapc_error err;
    char big[200];
    memset(big, 'x', sizeof big);
    for (int i = 0; i < MOD_N; i++) {
        char q[32], t[32];
        snprintf(q, sizeof q, "Q%d", i);
        snprintf(t, sizeof t, "r%d_%d", round, i);
        xapc_doc *doc = xapc_doc_new(&err);
        xapc_doc_add_boolean_term(doc, q, &err);
        xapc_doc_add_term(doc, "abc", 1, &err);
        xapc_doc_add_term(doc, t, 1, &err);
        xapc_doc_set_data(doc, big, sizeof big, &err);
        assert_int_not_equal(xapc_wdb_replace_by_term(w, q, doc, &err), 0);
        xapc_doc_free(doc);
    }
    assert_int_equal(xapc_wdb_commit(w, &err), XAPC_OK);
}

static void test_database_modified(void **state)
{
    xapc_error err;
    const int N = MOD_N;
    const char *dbp = path_in(state, "db");
    xapc_wdb *w = xapc_wdb_open(dbp, XAPC_WDB_CREATE_OR_OVERWRITE, &err);
    rewrite_all(w, 0);
    xapc_db *r = xapc_db_open(dbp, &err); /* pinned at revision 1 */
    assert_non_null(r);
    rewrite_all(w, 1);
    rewrite_all(w, 2);

    xapc_query *q = xapc_query_term("abc", 1, 0, &err);
    xapc_enquire *enq = xapc_enquire_new(r, &err);
    xapc_enquire_set_query(enq, q, &err);
    xapc_mset *m = xapc_enquire_get_mset(enq, 0, N, 0, &err);
    xapc_status st = err.status;
    for (uint32_t i = 0; m && st == XAPC_OK && i < xapc_mset_size(m); i++) {
        free(xapc_mset_document_data(m, i, &err));
        st = err.status;
    }
    assert_int_equal(st, XAPC_ERR_MODIFIED);
    assert_non_null(strstr(err.message, "DatabaseModifiedError"));
    xapc_mset_free(m);
    xapc_enquire_free(enq);

    /* The documented recovery: reopen and retry. */
    bool changed = false;
    assert_int_equal(xapc_db_reopen(r, &changed, &err), XAPC_OK);
    assert_true(changed);
    enq = xapc_enquire_new(r, &err);
    xapc_enquire_set_query(enq, q, &err);
    m = xapc_enquire_get_mset(enq, 0, 10, 0, &err);
    assert_non_null(m);
    assert_int_equal(xapc_mset_matches_estimated(m), N);
    xapc_mset_free(m);
    xapc_enquire_free(enq);
    xapc_query_free(q);
    xapc_db_free(r);
    xapc_wdb_free(w);
}

/* The remembering stemmer answers as the plain one: first sight, repeats,
 * words evicted by more words than it has slots, words too long to keep. */
static void test_memo_stem(void **state)
{
    (void)state;
    xapc_error err;
    xapc_stem *plain = xapc_stem_new("dutch", &err), *memo = xapc_stem_new_memo("dutch", &err);
    assert_non_null(plain);
    assert_non_null(memo);
    static const char *const suffixes[] = {"en", "ingen", "heden", "s", "e", "baarheid", ""};
    for (int round = 0; round < 2; round++)
        for (int i = 0; i < 3 * XAPC_STEM_MEMO_WORDS; i += 7)
            for (size_t k = 0; k < sizeof suffixes / sizeof *suffixes; k++) {
                char word[96];
                snprintf(word, sizeof word, "%sgemeente%d%s", i % 5 ? "" :
                         "arbeidsongeschiktheidsverzekering", i, suffixes[k]);
                char *want = xapc_stem_word(plain, word, &err), *got = xapc_stem_word(memo, word, &err);
                assert_non_null(want);
                assert_non_null(got);
                assert_string_equal(got, want);
                free(want);
                free(got);
            }
    char *s = xapc_stem_word(memo, "fietsen", &err);
    assert_string_equal(s, "fiets");
    free(s);
    s = xapc_stem_term(memo, "fietsen", &err);    /* as STEM_SOME indexes it */
    assert_string_equal(s, "Zfiets");
    free(s);
    xapc_stem_free(memo);
    xapc_stem_free(plain);
    memo = xapc_stem_new_memo("none", &err);
    assert_non_null(memo);
    s = xapc_stem_word(memo, "fietsen", &err);
    assert_string_equal(s, "fietsen");
    free(s);
    xapc_stem_free(memo);
    assert_null(xapc_stem_new_memo("klingon", &err));
    assert_int_equal(err.status, XAPC_ERR_INVALID);
}

/* ---- relevance feedback --------------------------------------------------- */

typedef struct decider_ctx {
    unsigned calls;
} decider_ctx;

/* Keeps the unprefixed words of four letters or more. */
static bool keep_long_words(const char *term, size_t len, void *ctx)
{
    ((decider_ctx *)ctx)->calls++;
    return len >= 4 && term[0] >= 'a' && term[0] <= 'z';
}

static bool eset_has(const xapc_eset *e, const char *term)
{
    for (uint32_t i = 0; i < xapc_eset_size(e); i++)
        if (strcmp(xapc_eset_term(e, i, NULL), term) == 0)
            return true;
    return false;
}

static void test_expand_set(void **state)
{
    static const char *const rows[][3] = {
        {"1", "De haven en de container: de haven van de stad, de douane bij de haven.", NULL},
        {"2", "Haven, container en douane tegen smokkel.", NULL},
        {"3", "De fiets bij het station en de trein.", NULL},
        {"4", "De fiets in de regen.", NULL},
        {"5", "Het station van de stad.", NULL},
    };
    const char *path = path_in(state, "eset.db");
    make_db(path, rows, 5);
    xapc_error err;
    xapc_db *db = xapc_db_open(path, &err);
    assert_non_null(db);
    xapc_docid one = xapc_db_find_term(db, "Q1", &err);
    assert_int_not_equal(one, 0);
    xapc_enquire *enq = xapc_enquire_new(db, &err);
    assert_non_null(enq);

    /* Without a decider, prefixed (stemmed Z) terms and short words come too. */
    xapc_eset *all = xapc_enquire_get_eset(enq, 100, &one, 1, 0, NULL, NULL, &err);
    assert_non_null(all);
    ASSERT_OK(err);
    assert_true(eset_has(all, "haven"));
    bool stemmed = false;
    for (uint32_t i = 0; i < xapc_eset_size(all); i++)
        stemmed |= xapc_eset_term(all, i, NULL)[0] == 'Z';
    assert_true(stemmed);
    assert_true(eset_has(all, "Q1"));   /* the unique term tells doc 1 apart best */

    /* With one: only what it keeps, best first, at most max. */
    decider_ctx ctx = {0};
    xapc_eset *e = xapc_enquire_get_eset(enq, 3, &one, 1, XAPC_ESET_EXACT_TERMFREQ,
                                         keep_long_words, &ctx, &err);
    assert_non_null(e);
    ASSERT_OK(err);
    assert_true(ctx.calls > 0);
    assert_int_equal(xapc_eset_size(e), 3);
    for (uint32_t i = 0; i < xapc_eset_size(e); i++) {
        size_t len = 0;
        const char *t = xapc_eset_term(e, i, &len);
        assert_non_null(t);
        assert_int_equal(len, strlen(t));
        assert_true(len >= 4 && t[0] >= 'a' && t[0] <= 'z');
        assert_true(xapc_eset_weight(e, i) > 0);
        if (i > 0)
            assert_true(xapc_eset_weight(e, i) <= xapc_eset_weight(e, i - 1));
    }
    /* "haven" occurs three times in doc 1 and once elsewhere: the best. */
    assert_string_equal(xapc_eset_term(e, 0, NULL), "haven");
    assert_false(eset_has(e, "fiets"));   /* not in the relevance set */
    assert_null(xapc_eset_term(e, 3, NULL));
    assert_true(xapc_eset_weight(e, 3) == 0.0);
    xapc_eset_free(e);

    /* The query's own terms are left out unless asked for. */
    xapc_query *q = xapc_query_term("haven", 1, 0, &err);
    assert_int_equal(xapc_enquire_set_query(enq, q, &err), XAPC_OK);
    ctx.calls = 0;
    e = xapc_enquire_get_eset(enq, 10, &one, 1, 0, keep_long_words, &ctx, &err);
    assert_non_null(e);
    assert_false(eset_has(e, "haven"));
    assert_true(eset_has(e, "container"));
    xapc_eset_free(e);
    e = xapc_enquire_get_eset(enq, 10, &one, 1, XAPC_ESET_INCLUDE_QUERY_TERMS,
                              keep_long_words, &ctx, &err);
    assert_non_null(e);
    assert_true(eset_has(e, "haven"));
    xapc_eset_free(e);
    xapc_query_free(q);

    /* No relevance set: no terms.  Bad arguments are errors, not crashes. */
    e = xapc_enquire_get_eset(enq, 10, NULL, 0, 0, NULL, NULL, &err);
    assert_non_null(e);
    assert_int_equal(xapc_eset_size(e), 0);
    xapc_eset_free(e);
    xapc_docid zero = 0;
    assert_null(xapc_enquire_get_eset(enq, 10, &zero, 1, 0, NULL, NULL, &err));
    assert_int_equal(err.status, XAPC_ERR_INVALID);
    assert_null(xapc_enquire_get_eset(enq, 10, &one, 1, 64, NULL, NULL, &err));
    assert_int_equal(err.status, XAPC_ERR_INVALID);
    assert_null(xapc_enquire_get_eset(NULL, 10, &one, 1, 0, NULL, NULL, &err));
    assert_int_equal(err.status, XAPC_ERR_INVALID);
    assert_null(xapc_enquire_get_eset(enq, 10, NULL, 1, 0, NULL, NULL, &err));
    assert_int_equal(err.status, XAPC_ERR_INVALID);
    xapc_docid gone = 999;
    assert_null(xapc_enquire_get_eset(enq, 10, &gone, 1, 0, NULL, NULL, &err));
    assert_int_equal(err.status, XAPC_ERR_NOT_FOUND);
    assert_int_equal(xapc_eset_size(NULL), 0);
    assert_null(xapc_eset_term(NULL, 0, NULL));
    xapc_eset_free(NULL);

    xapc_eset_free(all);
    xapc_enquire_free(enq);
    xapc_db_free(db);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_version_and_names),
        T(test_round_trip),
        T(test_reader_and_uncommitted),
        T(test_replace_and_delete),
        T(test_sort_by_value),
        T(test_value_ranges),
        T(test_query_construction),
        T(test_constant_weight_and_phrase_alternatives),
        T(test_query_parser),
        T(test_spelling),
        T(test_synonyms),
        T(test_doc_termlist_and_positions),
        T(test_value_count_spy),
        T(test_value_list_spy),
        T(test_snippet),
        T(test_memo_stem),
        T(test_metadata),
        T(test_termiters),
        T(test_stub_and_shards),
        T(test_compact),
        T(test_postlists_and_value_streams),
        T(test_query_inside),
        T(test_expand_wildcards),
        T(test_stem_into),
        T(test_errors),
        T(test_remote_errors),
        T(test_null_err_pointers),
        T(test_database_modified),
        T(test_expand_set),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
