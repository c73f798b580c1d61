/*
 * test_expand.c: the query widening of searchd/expand.c (multi-word
 * synonyms as phrases, compound words by their parts, advanced queries
 * taken as typed) and the spelling correction of the query layer (a query
 * that finds nothing runs as corrected, and says so), and that correcting a
 * plain query word by word (remembering words) gives the parser's answer.
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

#include "document.h"
#include "expand.h"
#include "hit_record.h"
#include "query.h"
#include "schema.h"
#include "spelling.h"
#include "xapian_c.h"

static char db_path[1024];
static xapc_db *db;
static xapc_qp *qp;
static xapc_stem *stem;

static const unsigned flags = XAPC_QP_DEFAULT | XAPC_QP_AUTO_SYNONYMS |
                              XAPC_QP_AUTO_MULTIWORD_SYNONYMS;

static const char *const bodies[] = {
    "De regionale samenwerking tussen gemeenten in de regio.",      /* Q1 */
    "Een visie op de binnenstad en de winkels.",                     /* Q2 */
    "Jeugdzorg en jeugdhulp in het sociaal domein.",                 /* Q3 */
    "Samen werken in verband met de werking van het verkeer.",       /* Q4 */
};

static const char *stem_word(void *ctx, const char *word, size_t *len)
{
    static char out[128];
    (void)ctx;
    *len = xapc_stem_into(stem, word, strlen(word), out, sizeof out, NULL);
    return *len ? out : NULL;
}

static void add_doc(xapc_wdb *w, xapc_termgen *tg, int i)
{
    xapc_error err;
    char id[24];
    snprintf(id, sizeof id, "Q%d", i + 1);
    xapc_doc *doc = xapc_doc_new(&err);
    assert_int_equal(xapc_termgen_set_document(tg, doc, &err), XAPC_OK);
    assert_int_equal(xapc_termgen_index_text(tg, bodies[i], strlen(bodies[i]), 1, "", &err),
                     XAPC_OK);
    xapc_doc_add_boolean_term(doc, id, &err);
    vp_document d = {.id = id, .title = id, .text = (char *)bodies[i]};
    char *json = vp_document_to_json(&d);
    assert_non_null(json);
    xapc_doc_set_data(doc, json, strlen(json), &err);
    free(json);
    size_t len;   /* what a hit shows (model/hit_record.h) */
    char *record = vp_hit_record_build(&d, stem_word, NULL, &len);
    xapc_doc_add_value(doc, VP_SLOT_HIT, record, len, &err);
    free(record);
    assert_true(xapc_wdb_replace_by_term(w, id, doc, &err) > 0);
    xapc_doc_free(doc);
}

static int setup(void **state)
{
    (void)state;
    xapc_error err;
    const char *tmp = getenv("VP_TEST_TMP");
    mkdir(tmp ? tmp : "/tmp/vp-test-expand", 0755);
    snprintf(db_path, sizeof db_path, "%s/expand.db", tmp ? tmp : "/tmp/vp-test-expand");
    xapc_wdb *w = xapc_wdb_open(db_path, XAPC_WDB_CREATE_OR_OVERWRITE, &err);
    stem = xapc_stem_new("dutch", &err);
    xapc_termgen *tg = xapc_termgen_new(&err);
    if (!w || !stem || !tg)
        return -1;
    xapc_termgen_set_stemmer(tg, stem, &err);
    xapc_termgen_set_stemming_strategy(tg, XAPC_STEM_SOME, &err);
    xapc_termgen_set_spelling_db(tg, w, &err);
    for (int i = 0; i < 4; i++)
        add_doc(w, tg, i);
    /* as indexer/synonyms.c stores a line: folded keys, folded values */
    xapc_wdb_add_synonym(w, "regional collaboration", "regionale samenwerking", &err);
    xapc_wdb_add_synonym(w, "regionale samenwerking", "regional collaboration", &err);
    xapc_wdb_add_synonym(w, "city centre", "binnenstad", &err);
    /* a word and a more frequent neighbour: Xapian suggests the neighbour */
    xapc_wdb_add_spelling(w, "gemeente", 50, &err);
    xapc_wdb_add_spelling(w, "gemeenten", 2, &err);
    xapc_wdb_set_metadata(w, VP_META_STEMMER, "dutch", &err);
    if (xapc_wdb_commit(w, &err) != XAPC_OK)
        return -1;
    xapc_termgen_free(tg);
    xapc_wdb_free(w);
    db = xapc_db_open(db_path, &err);
    qp = xapc_qp_new(&err);
    xapc_qp_set_stemmer(qp, stem, &err);
    xapc_qp_set_stemming_strategy(qp, XAPC_STEM_SOME, &err);
    xapc_qp_set_database(qp, db, &err);
    xapc_qp_set_default_op(qp, XAPC_OP_AND, &err);
    return db && qp ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    xapc_qp_free(qp);
    xapc_db_free(db);
    xapc_stem_free(stem);
    return 0;
}

/* The ids ("Q1 Q3") matched by q, in docid order; "" for none. */
static const char *matches(const xapc_query *q)
{
    static char out[64];
    xapc_error err;
    xapc_enquire *enq = xapc_enquire_new(db, &err);
    xapc_enquire_set_query(enq, q, &err);
    xapc_enquire_sort_by_value(enq, 99, false, false, &err);  /* no value: docid order */
    xapc_mset *m = xapc_enquire_get_mset(enq, 0, 10, 10, &err);
    assert_non_null(m);
    out[0] = '\0';
    for (uint32_t i = 0; i < xapc_mset_size(m); i++) {
        char id[24];
        snprintf(id, sizeof id, "%sQ%u", i ? " " : "", (unsigned)xapc_mset_docid(m, i, &err));
        strcat(out, id);
    }
    xapc_mset_free(m);
    xapc_enquire_free(enq);
    return out;
}

static const char *expanded(const char *text)
{
    xapc_error err;
    xapc_error_clear(&err);
    xapc_query *q = vp_expand_query(qp, db, text, flags, &err);
    assert_int_equal(err.status, XAPC_OK);
    assert_non_null(q);
    const char *out = matches(q);
    xapc_query_free(q);
    return out;
}

static const char *parsed(const char *text)
{
    xapc_error err;
    xapc_query *q = xapc_qp_parse(qp, text, flags, "", &err);
    assert_non_null(q);
    const char *out = matches(q);
    xapc_query_free(q);
    return out;
}

static void test_multiword_synonyms(void **state)
{
    (void)state;
    assert_string_equal(parsed("regional collaboration"), "");
    assert_string_equal(expanded("regional collaboration"), "Q1");
    assert_string_equal(expanded("Regional Collaboration"), "Q1");
    /* with another word: the synonym group AND'ed with it */
    assert_string_equal(expanded("regional collaboration gemeenten"), "Q1");
    assert_string_equal(expanded("regional collaboration winkels"), "");
    /* a multi-word key with a one-word synonym (Xapian's own, kept) */
    assert_string_equal(expanded("city centre"), "Q2");
}

static void test_compounds(void **state)
{
    (void)state;
    /* absent compound: found by its first part, the others only rank
     * (Q4 says "verband" but nothing of samenwerking) */
    assert_string_equal(parsed("samenwerkingsverband"), "");
    assert_string_equal(expanded("samenwerkingsverband"), "Q1");
    assert_string_equal(expanded("binnenstadsvisie"), "Q2");
    /* a word that is indexed as such is not split */
    assert_string_equal(expanded("jeugdzorg"), "Q3");
    /* nothing to split into */
    assert_string_equal(expanded("fietsenstalling"), "");
}

static void test_advanced_queries_taken_as_typed(void **state)
{
    (void)state;
    const char *typed[] = {"\"regional collaboration\"", "titel:regio", "samen*",
                           "regio -verkeer", "regio OR verkeer", "(regio)", "+regio"};
    for (size_t i = 0; i < sizeof typed / sizeof *typed; i++) {
        xapc_error err;
        xapc_error_clear(&err);
        assert_null(vp_expand_query(qp, db, typed[i], flags, &err));
        assert_int_equal(err.status, XAPC_OK);
    }
}

static json_t *search(const char *q)
{
    vp_searcher_config cfg = {db_path, NULL, NULL, 0};
    vp_searcher *s = vp_searcher_new(&cfg);
    vp_request r;
    vp_request_init(&r);
    vp_qerror e;
    assert_int_equal(vp_request_set(&r, "q", q, &e), 0);
    json_t *out = vp_search(s, &r, &e);
    if (!out)
        fail_msg("%s", e.message);
    vp_request_clear(&r);
    vp_searcher_free(s);
    assert_non_null(out);
    return out;
}

static const char *first_id(const json_t *out)
{
    json_t *hit = json_array_get(json_object_get(out, "hits"), 0);
    return hit ? json_string_value(json_object_get(hit, "id")) : "";
}

/* (samenwerking is rare in this index, so it also finds Q4 by its parts,
 * samen + werking, below the report that says it.) */
static void test_spelling_correction_applied(void **state)
{
    (void)state;
    json_t *out = search("samenwerkng");
    assert_string_equal(json_string_value(json_object_get(out, "query")), "samenwerkng");
    assert_string_equal(json_string_value(json_object_get(out, "suggestion")), "samenwerking");
    assert_true(json_is_true(json_object_get(out, "corrected")));
    assert_string_equal(first_id(out), "Q1");
    json_decref(out);

    /* a query that finds something is run as typed, even with a suggestion */
    out = search("samenwerking");
    assert_true(json_is_false(json_object_get(out, "corrected")));
    assert_string_equal(first_id(out), "Q1");
    json_decref(out);

    /* nothing to correct to: nothing found, not corrected */
    out = search("qqqxyz");
    assert_true(json_is_false(json_object_get(out, "corrected")));
    assert_int_equal(json_integer_value(json_object_get(out, "total")), 0);
    json_decref(out);
}

/* The parser's correction of the whole text ("" for none), as the query
 * layer asked for it before it corrected plain queries word by word. */
static char *whole_correction(const char *text)
{
    xapc_error err;
    xapc_error_clear(&err);
    xapc_query *q = xapc_qp_parse(qp, text, flags | XAPC_QP_SPELLING_CORRECTION, "", &err);
    char *c = q ? xapc_qp_corrected_query(qp, NULL) : NULL;
    xapc_query_free(q);
    if (c && strcmp(c, text) == 0)
        *c = '\0';
    return c ? c : strdup("");
}

static void test_word_by_word_spelling_equals_parser(void **state)
{
    (void)state;
    const char *texts[] = {
        "samenwerkng", "Samenwerkng", "samenwerking", "regionale samenwerkng",
        "regional collaboraton", "regionale  samenwerkng\tgemeentn", "binnenstd winkls",
        "city centre", "citty centre", "qqqxyz", "jeugdzrg and jeugdhulp", "de DE de",
        "visi op binnenstad", " samenwerkng ", "samenwerkng AND regio", "samenwerkng-regio",
        "samenwerkng2", "\"samenwerkng\"", "\"regionale samenwerkng\" gemeentn",
        " \"samenwerkng  regio\"\t\"binnenstd\" ", "samen\"werkng\"", "\"samenwerkng", "\"\" samenwerkng",
        "titel:samenwerkng", "a", "",
    };
    vp_spell_cache *cache = vp_spell_cache_new();
    assert_non_null(cache);
    int corrected = 0;
    for (int round = 0; round < 3; round++) {   /* 0: fresh, 1: remembered, 2: cleared */
        if (round == 2)
            vp_spell_cache_clear(cache);
        for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
            char *want = whole_correction(texts[i]);
            char *got = vp_spelling_of(cache, db, qp, texts[i], flags);
            char *uncached = vp_spelling_of(NULL, db, qp, texts[i], flags);
            assert_string_equal(got ? got : "", want);
            assert_string_equal(uncached ? uncached : "", want);
            corrected += *want != '\0';
            free(want);
            free(got);
            free(uncached);
        }
    }
    assert_true(corrected >= 3 * 5);   /* the list does exercise corrections */
    vp_spell_cache_free(cache);
}

/* A word the index holds is taken as typed, where Xapian would offer its
 * more frequent neighbour; an unknown word next to it is still corrected. */
static void test_known_words_are_not_corrected(void **state)
{
    (void)state;
    char *xapian = whole_correction("gemeenten");
    assert_string_equal(xapian, "gemeente");     /* what the check avoids */
    free(xapian);
    vp_spell_cache *cache = vp_spell_cache_new();
    for (int round = 0; round < 2; round++) {    /* fresh, then remembered */
        assert_null(vp_spelling_of(cache, db, qp, "gemeenten", flags));
        assert_null(vp_spelling_of(cache, db, qp, "Gemeenten", flags));
        char *fixed = vp_spelling_of(cache, db, qp, "gemeenten samenwerkng", flags);
        assert_string_equal(fixed, "gemeenten samenwerking");
        free(fixed);
    }
    assert_null(vp_spelling_of(NULL, db, qp, "gemeenten", flags));
    vp_spell_cache_free(cache);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_multiword_synonyms),
        cmocka_unit_test(test_compounds),
        cmocka_unit_test(test_advanced_queries_taken_as_typed),
        cmocka_unit_test(test_spelling_correction_applied),
        cmocka_unit_test(test_word_by_word_spelling_equals_parser),
        cmocka_unit_test(test_known_words_are_not_corrected),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
