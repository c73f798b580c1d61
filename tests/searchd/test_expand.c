/*
 * test_expand.c: how searchd/expand.c reads a plain query, on reports
 * written for the test: glossary synonyms (multi-word keys, phrases, words),
 * Dutch inflection inside phrases and of words, compound words by their
 * parts, stopwords that decide nothing, the relaxed query with its
 * coordination tiers, the theme a query names ranked first, and advanced
 * queries taken as typed; then through the query layer: relaxation only
 * when every word finds too little ("relaxed"), the theme boost, and the
 * spelling correction (a query that finds nothing runs as corrected, and
 * says so), and that correcting a plain query word by word (remembering
 * words) gives the parser's answer.
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
#include "terms.h"
#include "themes.h"
#include "xapian_c.h"

static char db_path[1024];
static xapc_db *db;
static xapc_qp *qp;
static xapc_stem *stem;
static vp_themes *themes;

static const unsigned flags = XAPC_QP_DEFAULT | XAPC_QP_AUTO_SYNONYMS |
                              XAPC_QP_AUTO_MULTIWORD_SYNONYMS;

/* Each body, the theme the indexer would have given it (or NULL), how
 * strongly the report carries it (its level, schema.h) and its host. */
static const struct { const char *body, *theme; unsigned level; const char *host; } bodies[] = {
    {"De regionale samenwerking tussen gemeenten in de regio.", NULL, 0, NULL},          /* Q1 */
    {"Een visie op de binnenstad en de winkel; de leegstand groeit.", NULL, 0, NULL},   /* Q2 */
    {"Jeugdzorg en jeugdhulp in het sociale domein.", NULL, 0, NULL},                    /* Q3 */
    {"Samen werken in verband met de werking van het verkeer.", NULL, 0, NULL},          /* Q4 */
    {"Verkeer en jeugdzorg: de kosten van het vervoer.", NULL, 0, NULL},                 /* Q5 */
    {"Wonen in de wijk.", "wonen-leefomgeving", 1, NULL},                                /* Q6 */
    {"Wonen, wonen en nog eens wonen: een enkel woord over wonen.", NULL, 0, NULL},      /* Q7 */
    {"Een middag in het stadhuis.", "wonen-leefomgeving", VP_THEME_LEVELS, NULL},        /* Q8 */
    {"Een dag over de haven en de kade.", NULL, 0, "Emmen"},                     /* Q9 */
    {"Hoogwater: de evacuatie achter de dijk.", NULL, 0, "Hengelo (O.)"},               /* Q10 */
    {"Een middag over de trambaan.", NULL, 0, "Leidschendam-Voorburg"},                /* Q11 */
};
#define N_BODIES (sizeof bodies / sizeof *bodies)

static const char *stem_word(void *ctx, const char *word, size_t *len)
{
    static char out[128];
    (void)ctx;
    *len = xapc_stem_into(stem, word, strlen(word), out, sizeof out, NULL);
    return *len ? out : NULL;
}

static void add_doc(xapc_wdb *w, xapc_termgen *tg, size_t i)
{
    xapc_error err;
    char id[24], theme[64];
    snprintf(id, sizeof id, "Q%zu", i + 1);
    xapc_doc *doc = xapc_doc_new(&err);
    assert_int_equal(xapc_termgen_set_document(tg, doc, &err), XAPC_OK);
    assert_int_equal(xapc_termgen_index_text(tg, bodies[i].body, strlen(bodies[i].body), 1,
                                             "", &err), XAPC_OK);
    xapc_doc_add_boolean_term(doc, id, &err);
    char *key = vp_sort_key(NULL, id);     /* what an export pages by */
    xapc_doc_add_value(doc, VP_SLOT_SORTKEY, key, strlen(key), &err);
    free(key);
    if (bodies[i].theme) {
        snprintf(theme, sizeof theme, "%s%s", VP_PREFIX_THEME, bodies[i].theme);
        xapc_doc_add_boolean_term(doc, theme, &err);
        xapc_doc_add_value(doc, VP_SLOT_THEMES, bodies[i].theme, strlen(bodies[i].theme),
                           &err);
    }
    for (unsigned k = 1; k <= bodies[i].level; k++) {
        snprintf(theme, sizeof theme, "%s%u%s", VP_PREFIX_THEME_LEVEL, k, bodies[i].theme);
        xapc_doc_add_boolean_term(doc, theme, &err);
    }
    if (bodies[i].host) {
        char *host = vp_filter_term(VP_PREFIX_HOST, bodies[i].host);
        xapc_doc_add_boolean_term(doc, host, &err);
        free(host);
    }
    vp_document d = {.id = id, .title = id, .text = (char *)bodies[i].body};
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
    for (size_t i = 0; i < N_BODIES; i++)
        add_doc(w, tg, i);
    /* as indexer/synonyms.c stores a line: folded keys, values as indexed */
    static const char *const lines[][3] = {
        {"regional collaboration", "regionale samenwerking", NULL},
        {"city centre", "binnenstad", NULL},
        {"social domain", "sociaal domein", NULL},
        {"retail vacancy", "winkelleegstand", NULL},
        {"wonen", "housing", NULL},
        {"intermunicipal cooperation", "samenwerking tussen de gemeenten", NULL},
        {"centre vision", "visie op binnenstad", NULL},
        {"flood risk for the people behind the dike", "hoogwater", NULL},
    };
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
        xapc_wdb_add_synonym(w, lines[i][0], lines[i][1], &err);
        xapc_wdb_add_synonym(w, lines[i][1], lines[i][0], &err);
    }
    /* a word and a more frequent neighbour: Xapian suggests the neighbour */
    xapc_wdb_add_spelling(w, "gemeente", 50, &err);
    xapc_wdb_add_spelling(w, "gemeenten", 2, &err);
    /* accented words, which a plain query may hold too */
    xapc_wdb_add_spelling(w, "coördinatie", 5, &err);
    xapc_wdb_add_spelling(w, "financiële", 4, &err);
    xapc_wdb_add_spelling(w, "café", 3, &err);
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
    char why[300];
    themes = vp_themes_load(VP_DATA_DIR "/themes.tsv", why, sizeof why);
    return db && qp && themes ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    xapc_qp_free(qp);
    xapc_db_free(db);
    xapc_stem_free(stem);
    vp_themes_free(themes);
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

/* The ids matched by q best first (ties in docid order). */
static const char *ranked(const xapc_query *q)
{
    static char out[64];
    xapc_error err;
    xapc_enquire *enq = xapc_enquire_new(db, &err);
    xapc_enquire_set_query(enq, q, &err);
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

static void expand(const char *text, vp_expansion *x)
{
    xapc_error err;
    vp_expand_ctx ctx = {qp, flags, db, stem, themes, NULL};
    assert_int_equal(vp_expand(&ctx, text, x, &err), 1);
    assert_int_equal(err.status, XAPC_OK);
    assert_non_null(x->all);
}

/* The reports every group of text matches, in docid order. */
static const char *expanded(const char *text)
{
    vp_expansion x;
    expand(text, &x);
    const char *out = matches(x.all);
    vp_expansion_clear(&x);
    return out;
}

/* The reports of text's relaxed query, best first. */
static const char *relaxed(const char *text)
{
    vp_expansion x;
    expand(text, &x);
    assert_non_null(x.some);
    const char *out = ranked(x.some);
    vp_expansion_clear(&x);
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
    /* a multi-word key with a one-word synonym */
    assert_string_equal(expanded("city centre"), "Q2");
    /* a key of more than four words, alone and after another word */
    assert_string_equal(expanded("flood risk for the people behind the dike"), "Q10");
    assert_string_equal(expanded("evacuatie flood risk for the people behind the dike"),
                        "Q10");
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
    assert_string_equal(expanded("jeugdzorg"), "Q3 Q5");
    /* nothing to split into */
    assert_string_equal(expanded("fietsenstalling"), "");
    /* a glossary word is taken as written, never split: Q2 has winkel and
     * leegstand, not winkelleegstand */
    assert_string_equal(expanded("retail vacancy"), "");
}

/* Phrases, typed or from the glossary, find the words in every form the
 * index holds; so do words. */
static void test_inflection(void **state)
{
    (void)state;
    assert_string_equal(parsed("\"sociaal domein\""), "");
    assert_string_equal(expanded("\"sociaal domein\""), "Q3");
    assert_string_equal(expanded("\"sociale domein\""), "Q3");
    assert_string_equal(expanded("sociaal domein"), "Q3");
    assert_string_equal(expanded("social domain"), "Q3");   /* glossary phrase */
    assert_string_equal(expanded("\"domein sociaal\""), ""); /* still a phrase */
    assert_string_equal(expanded("\"regionale samenwerking\" regio"), "Q1");
    /* a phrase's stopwords are left to its window: "de" is not in Q1 */
    assert_string_equal(expanded("intermunicipal cooperation"), "Q1");
    /* a glossary phrase may have one more word between its own (Q2:
     * "visie op de binnenstad") */
    assert_string_equal(expanded("centre vision"), "Q2");
    assert_string_equal(expanded("\"visie binnenstad\""), "");
    /* a typed phrase the index lacks finds nothing, even beside a word
     * that finds something */
    assert_string_equal(expanded("\"sociaal verkeer\" jeugdzorg"), "");
    assert_string_equal(relaxed("\"sociaal verkeer\" jeugdzorg"), "Q3 Q5");
}

/* The function words of a question decide nothing; a query of nothing
 * else keeps them. */
static void test_stopwords(void **state)
{
    (void)state;
    assert_true(vp_expand_is_stopword("welke"));
    assert_true(vp_expand_is_stopword("about"));
    assert_false(vp_expand_is_stopword("jeugdzorg"));
    const char *q = "Wat is er gezegd over jeugdzorg?";
    assert_string_equal(parsed(q), "");
    assert_string_equal(expanded(q), "Q3 Q5");
    assert_string_equal(expanded("what did they say about youth care"), "");
    assert_string_equal(expanded("what did they say about jeugdzorg"), "Q3 Q5");
    vp_expansion x;
    expand("wat is er", &x);          /* stopwords only: as asked */
    assert_int_equal(x.groups, 3);
    vp_expansion_clear(&x);
}

/* The relaxed query: every report with any word, those with more of the
 * words first, BM25 within a tier; a glossary run counts its words. */
static void test_relaxed_query_tiers(void **state)
{
    (void)state;
    assert_string_equal(expanded("jeugdzorg verkeer kosten"), "Q5");
    const char *order = relaxed("jeugdzorg verkeer kosten");
    assert_int_equal(strlen(order), strlen("Q5 Q3 Q4"));
    assert_memory_equal(order, "Q5 ", 3);          /* three words, then one each */
    assert_non_null(strstr(order, "Q3"));
    assert_non_null(strstr(order, "Q4"));
    /* one word: nothing to relax */
    vp_expansion x;
    expand("jeugdzorg", &x);
    assert_null(x.some);
    vp_expansion_clear(&x);
    /* stopwords do not count: one word left */
    expand("de jeugdzorg", &x);
    assert_null(x.some);
    vp_expansion_clear(&x);
    /* "social domain" is a glossary run of two words: Q3, which has it,
     * matches two words of three, Q4 and Q5 one (verkeer) */
    order = relaxed("social domain verkeer");
    assert_int_equal(strlen(order), strlen("Q3 Q4 Q5"));
    assert_memory_equal(order, "Q3 ", 3);
}

/* A run that names a theme (label, part of it, slug, or a synonym of one
 * of those) boosts that theme's reports; other queries boost nothing. */
static void test_theme_named(void **state)
{
    (void)state;
    const char *named[] = {"wonen", "housing", "Wonen en leefomgeving", "wonen-leefomgeving",
                           "leefomgeving", "betaalbaar wonen"};
    for (size_t i = 0; i < sizeof named / sizeof *named; i++) {
        vp_expansion x;
        expand(named[i], &x);
        assert_non_null(x.boost);
        assert_string_equal(matches(x.boost), "Q6 Q8");
        vp_expansion_clear(&x);
    }
    const char *not_named[] = {"jeugdzorg", "woning", "wonenx", "\"sociaal\""};
    for (size_t i = 0; i < sizeof not_named / sizeof *not_named; i++) {
        vp_expansion x;
        expand(not_named[i], &x);
        assert_null(x.boost);
        vp_expansion_clear(&x);
    }
}

/* The boost is graded: a report mainly about the theme (Q8, at the top
 * level) weighs more than one where it is a side strand (Q6, level 1), and
 * a side strand still weighs something. */
static void test_theme_boost_graded(void **state)
{
    (void)state;
    vp_expansion x;
    expand("wonen", &x);
    assert_string_equal(ranked(x.boost), "Q8 Q6");
    vp_expansion_clear(&x);
    assert_true(VP_EXPAND_THEME_FLOOR > 0 && VP_EXPAND_THEME_FLOOR < 1);
}

/* The reports q's boost matches, in docid order; "" for no boost.  The
 * hosts read for the query and those the query layer keeps per revision
 * (vp_host_names_load) boost the same reports. */
static const char *boosted(const char *q)
{
    vp_expansion x;
    expand(q, &x);
    static char read[64];
    snprintf(read, sizeof read, "%s", x.boost ? matches(x.boost) : "");
    vp_expansion_clear(&x);
    xapc_error err;
    vp_host_names *kept = vp_host_names_load(db, &err);
    assert_non_null(kept);
    vp_expand_ctx ctx = {qp, flags, db, stem, themes, kept};
    assert_int_equal(vp_expand(&ctx, q, &x, &err), 1);
    const char *out = x.boost ? matches(x.boost) : "";
    assert_string_equal(out, read);
    vp_expansion_clear(&x);
    vp_host_names_free(kept);
    return out;
}

/* A run that is a host place of the index boosts the reports it hosted,
 * however it is typed; a place no report was hosted in boosts nothing.  A
 * host the gazetteer names with a CBS suffix is named without it, a
 * hyphenated one with a space too; a part of a name is no name. */
static void test_host_named(void **state)
{
    (void)state;
    static const char *const named[][2] = {
        {"kennisdag Emmen", "Q9"}, {"emmen", "Q9"}, {"haven in \"Emmen\"", "Q9"},
        {"kennisdag Assen", ""},
        {"kennisdag Hengelo", "Q10"}, {"hengelo", "Q10"}, {"kennisdag Hengel", ""},
        {"trambaan Leidschendam Voorburg", "Q11"}, {"Leidschendam-Voorburg", "Q11"},
    };
    for (size_t i = 0; i < sizeof named / sizeof *named; i++)
        assert_string_equal(boosted(named[i][0]), named[i][1]);
}

static void test_advanced_queries_taken_as_typed(void **state)
{
    (void)state;
    const char *typed[] = {"titel:regio", "samen*", "regio -verkeer", "regio OR verkeer",
                           "(regio)", "+regio", "\"open quote", "regio ~verkeer"};
    for (size_t i = 0; i < sizeof typed / sizeof *typed; i++) {
        xapc_error err;
        vp_expansion x;
        assert_int_equal(vp_expand(&(vp_expand_ctx){qp, flags, db, stem, themes, NULL}, typed[i],
                                   &x, &err), 0);
        assert_null(x.all);
        assert_int_equal(err.status, XAPC_OK);
    }
    /* a colon before a space is punctuation, not a field */
    const char *plain[] = {"verkeer: jeugdzorg", "jeugdzorg en verkeer:"};
    for (size_t i = 0; i < sizeof plain / sizeof *plain; i++) {
        vp_expansion x;
        expand(plain[i], &x);
        assert_string_equal(matches(x.all), "Q5");
        vp_expansion_clear(&x);
    }
}

static json_t *search_with(const char *q, const char *key, const char *value)
{
    vp_searcher_config cfg = {db_path, NULL, themes, 0};
    vp_searcher *s = vp_searcher_new(&cfg);
    vp_request r;
    vp_request_init(&r);
    vp_qerror e;
    assert_int_equal(vp_request_set(&r, "q", q, &e), 0);
    if (key)
        assert_int_equal(vp_request_set(&r, key, value, &e), 0);
    json_t *out = vp_search(s, &r, &e);
    if (!out)
        fail_msg("%s", e.message);
    vp_request_clear(&r);
    vp_searcher_free(s);
    assert_non_null(out);
    return out;
}

static json_t *search(const char *q)
{
    return search_with(q, NULL, NULL);
}

static const char *id_at(const json_t *out, size_t i)
{
    json_t *hit = json_array_get(json_object_get(out, "hits"), i);
    return hit ? json_string_value(json_object_get(hit, "id")) : "";
}

static const char *first_id(const json_t *out)
{
    return id_at(out, 0);
}

static json_int_t total(const json_t *out)
{
    return json_integer_value(json_object_get(out, "total"));
}

/* Through the query layer: a query whose words all match fewer than ten
 * reports runs relaxed, and says so; one word never does. */
static void test_search_relaxes(void **state)
{
    (void)state;
    json_t *out = search("jeugdzorg verkeer kosten");
    assert_true(json_is_true(json_object_get(out, "relaxed")));
    assert_int_equal(total(out), 3);
    assert_string_equal(first_id(out), "Q5");
    json_decref(out);

    out = search("jeugdzorg");
    assert_true(json_is_false(json_object_get(out, "relaxed")));
    assert_int_equal(total(out), 2);
    json_decref(out);

    /* the filters count: relaxed within them */
    out = search_with("jeugdzorg wonen", "theme", "wonen-leefomgeving");
    assert_true(json_is_true(json_object_get(out, "relaxed")));
    assert_int_equal(total(out), 1);
    assert_string_equal(first_id(out), "Q6");
    json_decref(out);

    /* in date order a search lists every match: what has every word */
    out = search_with("jeugdzorg verkeer kosten", "sort", "date");
    assert_true(json_is_false(json_object_get(out, "relaxed")));
    assert_int_equal(total(out), 1);
    json_decref(out);

    /* an export lists every match: what has every word, never relaxed */
    vp_searcher_config cfg = {db_path, NULL, themes, 0};
    vp_searcher *searcher = vp_searcher_new(&cfg);
    vp_request r;
    vp_request_init(&r);
    vp_qerror e;
    assert_int_equal(vp_request_set(&r, "q", "jeugdzorg verkeer kosten", &e), 0);
    assert_int_equal(vp_request_set(&r, "sort", "date", &e), 0);
    vp_match_iter *it = vp_match_iter_new(searcher, &r, &e);
    assert_non_null(it);
    assert_int_equal(vp_match_iter_total(it), 1);
    vp_match_iter_free(it);
    /* the facet values under a query count what /search shows: relaxed
     * (no report has jeugdzorg and wonen; Q6, on the theme, has wonen) */
    vp_request_clear(&r);
    vp_request_init(&r);
    assert_int_equal(vp_request_set(&r, "q", "jeugdzorg wonen", &e), 0);
    json_t *values = vp_facet_values(searcher, VP_FACET_THEME, &r, &e);
    assert_non_null(values);
    json_t *first = json_array_get(json_object_get(values, "values"), 0);
    assert_non_null(first);
    assert_string_equal(json_string_value(json_object_get(first, "value")),
                        "wonen-leefomgeving");
    json_decref(values);
    vp_request_clear(&r);
    vp_searcher_free(searcher);

    /* advanced queries are never relaxed */
    out = search("jeugdzorg AND verkeer AND kosten AND wonen");
    assert_true(json_is_false(json_object_get(out, "relaxed")));
    assert_int_equal(total(out), 0);
    json_decref(out);
}

/* A query that names a theme ranks its reports first, and keeps the
 * others: Q7 says wonen four times, Q6 once but is on the theme. */
static void test_search_theme_first(void **state)
{
    (void)state;
    const char *queries[] = {"wonen", "housing"};
    for (size_t i = 0; i < 2; i++) {
        json_t *out = search(queries[i]);
        assert_int_equal(total(out), 2);
        assert_string_equal(id_at(out, 0), "Q6");
        assert_string_equal(id_at(out, 1), "Q7");
        json_decref(out);
    }
    /* without the boost Q7 comes first: the boost is what decides */
    vp_expansion x;
    expand("wonen", &x);
    assert_string_equal(ranked(x.all), "Q7 Q6");
    vp_expansion_clear(&x);
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

    /* several words, one mistyped: the correction finds them all */
    out = search("regionale samenwerkng");
    assert_true(json_is_true(json_object_get(out, "corrected")));
    assert_string_equal(first_id(out), "Q1");
    json_decref(out);

    /* a correction that finds nothing with every word is no help: the
     * query runs relaxed as typed, and no suggestion is offered */
    char *offered = vp_spelling_of(NULL, db, qp, "jeugdzorg gemeentx", flags, true);
    assert_string_equal(offered, "jeugdzorg gemeente");
    free(offered);
    out = search("jeugdzorg gemeentx");
    assert_true(json_is_false(json_object_get(out, "corrected")));
    assert_true(json_is_true(json_object_get(out, "relaxed")));
    assert_true(json_is_null(json_object_get(out, "suggestion")));
    assert_int_equal(json_integer_value(json_object_get(out, "total")), 2);
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
        "\"samenwerkng\"", "\"regionale samenwerkng\" gemeentn",
        " \"samenwerkng  regio\"\t\"binnenstd\" ", "\"samenwerkng", "\"\" samenwerkng",
        "titel:samenwerkng", "a", "",
        "coördinatei", "Coördinatei", "COÖRDINATEI", "financiëel", "financiele coordinatie",
        "cafe samenwerkng", "\"financiëlle coördinatei\"", "coördinatie×regio", "coördinatie÷",
        "ﬁnanciële", "regionale café", "éénmalige samenwerkng", "Ærø samenwerkng",
    };
    vp_spell_cache *cache = vp_spell_cache_new();
    assert_non_null(cache);
    int corrected = 0;
    for (int round = 0; round < 3; round++) {   /* 0: fresh, 1: remembered, 2: cleared */
        if (round == 2)
            vp_spell_cache_clear(cache);
        for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
            char *want = whole_correction(texts[i]);
            char *got = vp_spelling_of(cache, db, qp, texts[i], flags, false);
            char *uncached = vp_spelling_of(NULL, db, qp, texts[i], flags, false);
            assert_string_equal(got ? got : "", want);
            assert_string_equal(uncached ? uncached : "", want);
            corrected += *want != '\0';
            free(want);
            free(got);
            free(uncached);
        }
    }
    assert_true(corrected >= 3 * 5);   /* the list does exercise corrections */
    /* A quote inside a word: the parser's whole-text correction changes
     * "samen", a word a report uses, into "haven"; word by word keeps it. */
    char *quoted = vp_spelling_of(cache, db, qp, "samen\"werkng\"", flags, false);
    assert_string_equal(quoted, "samen\"werking\"");
    free(quoted);
    char *accented = vp_spelling_of(cache, db, qp, "financiële coördinatei", flags, false);
    assert_string_equal(accented, "financiële coördinatie");   /* and of accented words */
    free(accented);
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
        assert_null(vp_spelling_of(cache, db, qp, "gemeenten", flags, true));
        assert_null(vp_spelling_of(cache, db, qp, "Gemeenten", flags, true));
        char *fixed = vp_spelling_of(cache, db, qp, "gemeenten samenwerkng", flags, true);
        assert_string_equal(fixed, "gemeenten samenwerking");
        free(fixed);
    }
    assert_null(vp_spelling_of(NULL, db, qp, "gemeenten", flags, true));
    vp_spell_cache_free(cache);
}

/* An unknown word of a plain query becomes the word one edit away that most
 * reports use, looked up in the term list.  Here "gemeentn" is one edit
 * from "gemeente" and "gemeenten"; the fixture's spelling table holds both,
 * and Xapian's offers "gemeente", which no report has as an unprefixed term
 * (a plain query would not find it); the term list has "gemeenten" only.
 * Three letters are too few to guess from: the table answers alone. */
static void test_one_edit_away_by_reports(void **state)
{
    (void)state;
    xapc_error err;
    assert_int_equal(xapc_db_termfreq(db, "gemeente", &err), 0);
    assert_true(xapc_db_termfreq(db, "gemeenten", &err) > 0);
    char *xapian = whole_correction("gemeentn");
    assert_string_equal(xapian, "gemeente");
    free(xapian);
    vp_spell_cache *cache = vp_spell_cache_new();
    for (int round = 0; round < 2; round++) {    /* fresh, then remembered */
        char *fixed = vp_spelling_of(cache, db, qp, "regionale gemeentn", flags, true);
        assert_non_null(fixed);
        assert_string_equal(fixed, "regionale gemeenten");
        free(fixed);
    }
    vp_spell_cache_free(cache);
    char *short_word = vp_spelling_of(NULL, db, qp, "reg", flags, true);
    char *table = whole_correction("reg");
    assert_string_equal(short_word ? short_word : "", table);
    free(short_word);
    free(table);
}

/* Every query is checked word by word, whatever its structure: operators,
 * field names, digits, wildcards and quotes stay as typed, and only the
 * words are corrected.  The parser's whole-text correction (what a query
 * with operators got before) offers "gemeente" for "gemeenten", a word the
 * reports use. */
static void test_structure_is_kept_and_words_checked(void **state)
{
    (void)state;
    char *xapian = whole_correction("gemeenten AND samenwerking");
    assert_string_equal(xapian, "gemeente AND samenwerking");   /* what is avoided */
    free(xapian);
    static const char *const cases[][2] = {
        {"gemeenten AND samenwerking", NULL},
        {"(regionale OR gemeenten) NOT \"regionale samenwerking\"", NULL},
        {"(regionale OR gemeentn) NOT samenwerkng", "(regionale OR gemeenten) NOT samenwerking"},
        {"titel:samenwerkng", "titel:samenwerking"},
        {"gemeentn:samenwerkng", "gemeentn:samenwerking"},          /* a field name */
        {"+regionale -samenwerkng \"gemeentn\"", "+regionale -samenwerking \"gemeenten\""},
        {"samenwerkng2 gemeentn 2019", "samenwerkng2 gemeenten 2019"},   /* digits */
        {"samenwerkng* gemeentn", "samenwerkng* gemeenten"},             /* a wildcard */
        {"regionale NEAR/3 samenwerkng", "regionale NEAR/3 samenwerking"},
        {"Regionale samenwerkng-gemeentn?", "Regionale samenwerking-gemeenten?"},
        {"thema:sociaal-domien gemeentn", "thema:sociaal-domien gemeenten"},  /* a slug */
        {"2019 AND 2020", NULL},
    };
    vp_spell_cache *cache = vp_spell_cache_new();
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *got = vp_spelling_of(cache, db, qp, cases[i][0], flags, true);
        if (cases[i][1])
            assert_string_equal(got ? got : "(none)", cases[i][1]);
        else
            assert_null(got);
        free(got);
    }
    vp_spell_cache_free(cache);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_multiword_synonyms),
        cmocka_unit_test(test_compounds),
        cmocka_unit_test(test_inflection),
        cmocka_unit_test(test_stopwords),
        cmocka_unit_test(test_relaxed_query_tiers),
        cmocka_unit_test(test_theme_named),
        cmocka_unit_test(test_theme_boost_graded),
        cmocka_unit_test(test_host_named),
        cmocka_unit_test(test_advanced_queries_taken_as_typed),
        cmocka_unit_test(test_search_relaxes),
        cmocka_unit_test(test_search_theme_first),
        cmocka_unit_test(test_spelling_correction_applied),
        cmocka_unit_test(test_word_by_word_spelling_equals_parser),
        cmocka_unit_test(test_known_words_are_not_corrected),
        cmocka_unit_test(test_one_edit_away_by_reports),
        cmocka_unit_test(test_structure_is_kept_and_words_checked),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
