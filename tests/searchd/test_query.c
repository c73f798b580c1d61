/*
 * test_query.c: the query layer on the small fixture (fixture.c): each
 * filter, combinations, disjunctive counts, date bounds, sorting, pagination
 * edges, snippets and sections, spelling, documents and bad input.
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

#include "fixture.h"
#include "params.h"
#include "query.h"
#include "report_json.h"

static vp_gazetteer *gaz;
static vp_themes *themes;
static vp_searcher *searcher;

static int setup(void **state)
{
    (void)state;
    const char *tmp = getenv("VP_TEST_TMP");
    char db[1024], why[600];
    mkdir(tmp ? tmp : "/tmp/vp-test-query", 0755);
    snprintf(db, sizeof db, "%s/small.db", tmp ? tmp : "/tmp/vp-test-query");
    gaz = vp_fixture_gazetteer();
    themes = vp_themes_load(VP_DATA_DIR "/themes.tsv", why, sizeof why);
    assert_non_null(themes);
    vp_document *docs;
    size_t n = vp_fixture_small(&docs);
    if (vp_fixture_write(db, docs, n, gaz, false, why, sizeof why) != 0)
        fail_msg("%s", why);
    vp_fixture_free_docs(docs, n);
    vp_searcher_config cfg = {db, gaz, themes, 0};
    searcher = vp_searcher_new(&cfg);
    return searcher ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    vp_searcher_free(searcher);
    vp_themes_free(themes);
    vp_gazetteer_free(gaz);
    return 0;
}

/* Builds a request from "key=value" strings, NULL-terminated. */
static void make_request(vp_request *r, const char *first, va_list ap)
{
    vp_qerror e = {0};
    vp_request_init(r);
    for (const char *kv = first; kv; kv = va_arg(ap, const char *)) {
        char key[64];
        const char *eq = strchr(kv, '=');
        snprintf(key, sizeof key, "%.*s", (int)(eq - kv), kv);
        if (vp_request_set(r, key, eq + 1, &e) != 0)
            fail_msg("setting %s: %s", kv, e.message);
    }
}

static json_t *vsearch_on(vp_searcher *s, const char *first, va_list ap)
{
    vp_request r;
    make_request(&r, first, ap);
    vp_qerror e = {0};
    json_t *res = vp_search(s, &r, &e);
    vp_request_clear(&r);
    if (!res)
        fail_msg("search failed: %s", e.message);
    return res;
}

/* vp_search on the shared searcher with the "key=value" pairs, NULL-ended. */
static json_t *search(const char *first, ...)
{
    va_list ap;
    va_start(ap, first);
    json_t *res = vsearch_on(searcher, first, ap);
    va_end(ap);
    return res;
}

/* The same on searcher s. */
static json_t *search_on(vp_searcher *s, const char *first, ...)
{
    va_list ap;
    va_start(ap, first);
    json_t *res = vsearch_on(s, first, ap);
    va_end(ap);
    return res;
}

/* The kind of error a search gives (VP_QERR_NONE when it succeeds). */
static vp_qerr_kind search_error(const char *first, ...)
{
    vp_request r;
    vp_qerror e = {0};
    va_list ap;
    va_start(ap, first);
    vp_request_init(&r);
    for (const char *kv = first; kv; kv = va_arg(ap, const char *)) {
        char key[64];
        const char *eq = strchr(kv, '=');
        snprintf(key, sizeof key, "%.*s", (int)(eq - kv), kv);
        if (vp_request_set(&r, key, eq + 1, &e) != 0) {
            va_end(ap);
            vp_request_clear(&r);
            return e.kind;
        }
    }
    va_end(ap);
    json_t *res = vp_search(searcher, &r, &e);
    vp_request_clear(&r);
    if (res) {
        json_decref(res);
        return VP_QERR_NONE;
    }
    assert_true(strlen(e.message) > 10);
    return e.kind;
}

/* The hit ids joined by ',' in result order. */
static const char *ids(json_t *res)
{
    static char buf[2048];
    buf[0] = '\0';
    size_t i;
    json_t *hit;
    json_array_foreach(json_object_get(res, "hits"), i, hit) {
        if (i)
            strcat(buf, ",");
        strcat(buf, json_string_value(json_object_get(hit, "id")));
    }
    return buf;
}

static json_int_t total(json_t *res)
{
    return json_integer_value(json_object_get(res, "total"));
}

/* Count of value in facet f, -1 when absent. */
static json_int_t facet_count(json_t *res, const char *f, const char *value)
{
    size_t i;
    json_t *e;
    json_array_foreach(json_object_get(json_object_get(res, "facets"), f), i, e)
        if (strcmp(json_string_value(json_object_get(e, "value")), value) == 0)
            return json_integer_value(json_object_get(e, "count"));
    return -1;
}

#define D0 "2016-05-12-veghel"
#define D1 "2017-04-21-gorinchem"
#define D2 "2018-02-16-den-bosch"
#define D3 "2019-11-21-sudwest-fryslan"
#define D4 "undated-emmen"

static void empty_query_lists_everything_newest_first(void **state)
{
    (void)state;
    json_t *res = search(NULL);
    assert_int_equal(total(res), 5);
    assert_string_equal(ids(res), D3 "," D2 "," D1 "," D0 "," D4);
    assert_true(json_is_null(json_object_get(res, "suggestion")));
    assert_string_equal(json_string_value(json_object_get(res, "query")), "");
    assert_int_equal(facet_count(res, "municipality", "Gorinchem"), 2);
    assert_int_equal(facet_count(res, "municipality", "Súdwest-Fryslân"), 2);
    assert_int_equal(facet_count(res, "speaker", "Marloes Hoogerbrugge"), 2);
    assert_int_equal(facet_count(res, "theme", "wonen-leefomgeving"), 2);
    assert_int_equal(facet_count(res, "year", "2017"), 1);
    json_decref(res);
}

static void free_text_stems_and_ranks(void **state)
{
    (void)state;
    json_t *res = search("q=samenwerking", NULL);
    assert_int_equal(total(res), 2);   /* D0 in a section, D1 in the body */
    json_decref(res);
    res = search("q=binnenstad", NULL);
    assert_string_equal(ids(res), D0);
    json_t *hit = json_array_get(json_object_get(res, "hits"), 0);
    assert_non_null(strstr(json_string_value(json_object_get(hit, "snippet")), "<mark>"));
    json_t *section = json_object_get(hit, "section");
    assert_string_equal(json_string_value(json_object_get(section, "heading")), "A. Concept binnenstad");
    assert_string_equal(json_string_value(json_object_get(section, "anchor")), "a-concept-binnenstad");
    assert_true(json_real_value(json_object_get(hit, "score")) > 0);
    json_decref(res);
}

static void query_syntax(void **state)
{
    (void)state;
    json_t *res = search("q=\"regionale samenwerking\"", "sort=date", NULL);
    assert_string_equal(ids(res), D1 "," D0);   /* D0 has it as a heading */
    json_decref(res);
    res = search("q=\"samenwerking regionale\"", NULL);
    assert_int_equal(total(res), 0);
    json_decref(res);
    res = search("q=samenwerking -economische", NULL);
    assert_string_equal(ids(res), D0);
    json_decref(res);
    res = search("q=woningbouw OR digitalisering", "sort=date", NULL);
    assert_string_equal(ids(res), D2 "," D4);
    json_decref(res);
    res = search("q=energietrans*", NULL);
    assert_string_equal(ids(res), D3);
    json_decref(res);
    res = search("q=titel:binnenstad", NULL);
    assert_string_equal(ids(res), D0);
    json_decref(res);
    res = search("q=spreker:jansen", NULL);
    assert_string_equal(ids(res), D3);
    json_decref(res);
    res = search("q=gemeente:nieuwegein", NULL);
    assert_string_equal(ids(res), D1);
    json_decref(res);
    res = search("q=thema:binnenstad", NULL);
    assert_string_equal(ids(res), D0);
    json_decref(res);
    res = search("q=NOT binnenstad", "sort=date", NULL);
    assert_int_equal(total(res), 4);
    json_decref(res);
}

static void municipality_filter_aliases_and_successors(void **state)
{
    (void)state;
    json_t *res = search("municipality=Meierijstad", NULL);
    assert_string_equal(ids(res), D1 "," D0);   /* D0 names Veghel, now Meierijstad */
    json_decref(res);
    res = search("municipality=veghel", NULL);
    assert_string_equal(ids(res), D0);
    json_decref(res);
    res = search("municipality=Den Bosch", NULL);
    assert_string_equal(ids(res), D2);
    json_decref(res);
    res = search("municipality=SUDWEST-FRYSLAN", NULL);
    assert_string_equal(ids(res), D3 "," D2);
    json_decref(res);
    res = search("municipality=Nergenshuizen", NULL);
    assert_int_equal(total(res), 0);
    json_decref(res);
}

static void values_of_one_facet_or_facets_and(void **state)
{
    (void)state;
    json_t *res = search("municipality=Veghel", "municipality=Emmen", NULL);
    assert_string_equal(ids(res), D0 "," D4);
    json_decref(res);
    res = search("municipality=Gorinchem", "theme=binnenstad", NULL);
    assert_string_equal(ids(res), D0);
    json_decref(res);
    res = search("speaker=marloes hoogerbrugge", NULL);
    assert_string_equal(ids(res), D1 "," D0);
    json_decref(res);
    res = search("theme=Wonen en leefomgeving", NULL);   /* a label, not the slug */
    assert_string_equal(ids(res), D3 "," D2);
    json_decref(res);
    res = search("speaker=Jan de Vries", "theme=duurzaamheid-energie", NULL);
    assert_int_equal(total(res), 0);
    json_decref(res);
}

static void facet_counts_are_disjunctive(void **state)
{
    (void)state;
    json_t *res = search("municipality=Veghel", NULL);
    /* municipality counted without its own filter: every value still shows */
    assert_int_equal(facet_count(res, "municipality", "Gorinchem"), 2);
    assert_int_equal(facet_count(res, "municipality", "Emmen"), 1);
    /* other facets counted under the filter */
    assert_int_equal(facet_count(res, "theme", "binnenstad"), 1);
    assert_int_equal(facet_count(res, "theme", "wonen-leefomgeving"), -1);
    assert_int_equal(facet_count(res, "year", "2016"), 1);
    assert_int_equal(facet_count(res, "year", "2017"), -1);
    json_decref(res);
    res = search("from=2018", NULL);
    assert_int_equal(total(res), 2);
    assert_int_equal(facet_count(res, "year", "2016"), 1);   /* from/to: the year's own */
    assert_int_equal(facet_count(res, "municipality", "Gorinchem"), -1);
    json_t *themes_list = json_object_get(json_object_get(res, "facets"), "theme");
    json_t *first = json_array_get(themes_list, 0);
    assert_string_equal(json_string_value(json_object_get(first, "value")), "wonen-leefomgeving");
    assert_string_equal(json_string_value(json_object_get(first, "label")), "Wonen en leefomgeving");
    json_decref(res);
}

static void facet_order_and_limit(void **state)
{
    (void)state;
    json_t *res = search("facet_limit=2", NULL);
    json_t *m = json_object_get(json_object_get(res, "facets"), "municipality");
    assert_int_equal(json_array_size(m), 2);
    /* count 2 each, then by folded name: Gorinchem before Súdwest-Fryslân */
    assert_string_equal(json_string_value(json_object_get(json_array_get(m, 0), "value")), "Gorinchem");
    assert_string_equal(json_string_value(json_object_get(json_array_get(m, 1), "value")), "Súdwest-Fryslân");
    json_decref(res);
    res = search("facet_limit=0", NULL);
    m = json_object_get(json_object_get(res, "facets"), "municipality");
    assert_int_equal(json_array_size(m), 8);
    json_decref(res);
}

static void date_bounds(void **state)
{
    (void)state;
    json_t *res = search("from=2017", NULL);
    assert_string_equal(ids(res), D3 "," D2 "," D1);
    json_decref(res);
    res = search("to=2017-04", NULL);
    assert_string_equal(ids(res), D1 "," D0);
    json_decref(res);
    res = search("from=2017-04-21", "to=2017-04-21", NULL);
    assert_string_equal(ids(res), D1);
    json_decref(res);
    res = search("from=2017-04-22", "to=2018-02-16", NULL);
    assert_string_equal(ids(res), D2);
    json_decref(res);
    res = search("to=2016", NULL);
    assert_string_equal(ids(res), D0);
    json_decref(res);
    assert_int_equal(search_error("from=2018", "to=2017", NULL), VP_QERR_BAD_PARAMETER);
    assert_int_equal(search_error("from=2017-13", NULL), VP_QERR_BAD_PARAMETER);
    assert_int_equal(search_error("to=2019-02-29", NULL), VP_QERR_BAD_PARAMETER);
    assert_int_equal(search_error("from=17", NULL), VP_QERR_BAD_PARAMETER);
    assert_int_equal(search_error("from=2020-02-29", NULL), VP_QERR_NONE);
}

static void sorting(void **state)
{
    (void)state;
    json_t *res = search("sort=date_asc", "from=2000", NULL);
    assert_string_equal(ids(res), D0 "," D1 "," D2 "," D3);
    json_decref(res);
    res = search("q=samenwerking", "sort=date", NULL);
    assert_string_equal(ids(res), D1 "," D0);
    json_decref(res);
    res = search("q=samenwerking", "sort=date_asc", NULL);
    assert_string_equal(ids(res), D0 "," D1);
    json_decref(res);
    assert_int_equal(search_error("sort=newest", NULL), VP_QERR_BAD_PARAMETER);
}

static void pagination_edges(void **state)
{
    (void)state;
    json_t *res = search("per_page=2", "page=3", NULL);
    assert_string_equal(ids(res), D4);
    assert_int_equal(total(res), 5);
    assert_int_equal(json_integer_value(json_object_get(res, "page")), 3);
    json_decref(res);
    res = search("per_page=2", "page=4", NULL);
    assert_string_equal(ids(res), "");
    assert_int_equal(total(res), 5);
    json_decref(res);
    assert_int_equal(search_error("page=0", NULL), VP_QERR_BAD_PARAMETER);
    assert_int_equal(search_error("per_page=0", NULL), VP_QERR_BAD_PARAMETER);
    assert_int_equal(search_error("per_page=101", NULL), VP_QERR_BAD_PARAMETER);
    assert_int_equal(search_error("per_page=100", NULL), VP_QERR_NONE);
    assert_int_equal(search_error("page=101", "per_page=100", NULL), VP_QERR_BAD_PARAMETER);
    assert_int_equal(search_error("page=-1", NULL), VP_QERR_BAD_PARAMETER);
    assert_int_equal(search_error("page=1x", NULL), VP_QERR_BAD_PARAMETER);
    assert_int_equal(search_error("facet_limit=-3", NULL), VP_QERR_BAD_PARAMETER);
}

static void bad_input(void **state)
{
    (void)state;
    char long_q[VP_MAX_Q_BYTES + 8];
    memset(long_q, 'a', sizeof long_q - 1);
    long_q[sizeof long_q - 1] = '\0';
    memcpy(long_q, "q=", 2);
    assert_int_equal(search_error(long_q, NULL), VP_QERR_BAD_PARAMETER);
    assert_int_equal(search_error("q=\xff\xfe", NULL), VP_QERR_BAD_PARAMETER);
    assert_int_equal(search_error("colour=red", NULL), VP_QERR_BAD_PARAMETER);
    assert_int_equal(search_error("municipality=", NULL), VP_QERR_NONE);  /* empty: no filter */
    /* odd but parseable queries never fail */
    assert_int_equal(search_error("q=\"unbalanced", NULL), VP_QERR_NONE);
    assert_int_equal(search_error("q=AND OR NOT", NULL), VP_QERR_BAD_QUERY);
    assert_int_equal(search_error("q=***", NULL), VP_QERR_NONE);
    assert_int_equal(search_error("q=titel:", NULL), VP_QERR_NONE);
}

static void spelling_suggestion(void **state)
{
    (void)state;
    json_t *res = search("q=energietransitei", NULL);
    assert_string_equal(json_string_value(json_object_get(res, "suggestion")), "energietransitie");
    json_decref(res);
}

static void escaping(void **state)
{
    (void)state;
    json_t *res = search("q=woningbouw", NULL);
    json_t *hit = json_array_get(json_object_get(res, "hits"), 0);
    const char *snippet = json_string_value(json_object_get(hit, "snippet"));
    assert_non_null(strstr(snippet, "&lt;b&gt;"));
    assert_null(strstr(snippet, "<b>"));
    json_decref(res);
    res = search("q=energietransitie", NULL);
    hit = json_array_get(json_object_get(res, "hits"), 0);
    /* plain text fields stay plain: the client escapes them */
    assert_string_equal(json_string_value(json_object_get(hit, "title")),
                        "Energietransitie in Súdwest-Fryslân <script>");
    assert_true(json_is_null(json_object_get(hit, "section")));
    json_decref(res);
}

static void documents(void **state)
{
    (void)state;
    vp_qerror e = {0};
    json_t *doc = vp_document_get(searcher, D2, &e);
    assert_non_null(doc);
    const char *html = json_string_value(json_object_get(doc, "html"));
    assert_null(strstr(html, "<script"));
    assert_null(strstr(html, "<img"));
    json_t *sp = json_array_get(json_object_get(doc, "speakers"), 0);
    assert_string_equal(json_string_value(json_object_get(sp, "name")), "Jan de Vries");
    assert_string_equal(json_string_value(json_object_get(sp, "role")), "wethouder");
    assert_string_equal(json_string_value(json_object_get(doc, "date")), "2018-02-16");
    json_decref(doc);
    doc = vp_document_get(searcher, D4, &e);
    assert_true(json_is_null(json_object_get(doc, "date")));
    assert_true(json_is_null(json_object_get(doc, "host")));
    json_decref(doc);
    assert_null(vp_document_get(searcher, "no-such-report", &e));
    assert_int_equal(e.kind, VP_QERR_NOT_FOUND);
    assert_int_equal(vp_qerr_http_status(e.kind), 404);
}

static void facet_values_with_prefix(void **state)
{
    (void)state;
    vp_request r;
    vp_qerror e = {0};
    vp_request_init(&r);
    assert_int_equal(vp_request_set(&r, "prefix", "su", &e), 0);
    assert_int_equal(vp_request_set(&r, "municipality", "Emmen", &e), 0);
    json_t *res = vp_facet_values(searcher, VP_FACET_MUNICIPALITY, &r, &e);
    assert_non_null(res);
    json_t *values = json_object_get(res, "values");
    assert_int_equal(json_array_size(values), 1);
    assert_string_equal(json_string_value(json_object_get(json_array_get(values, 0), "value")),
                        "Súdwest-Fryslân");
    json_decref(res);
    vp_request_clear(&r);
    vp_request_init(&r);
    assert_int_equal(vp_request_set(&r, "prefix", "wonen", &e), 0);  /* a theme label */
    res = vp_facet_values(searcher, VP_FACET_THEME, &r, &e);
    values = json_object_get(res, "values");
    assert_int_equal(json_array_size(values), 1);
    assert_int_equal(json_integer_value(json_object_get(json_array_get(values, 0), "count")), 2);
    json_decref(res);
    vp_request_clear(&r);
}

static void unavailable_database(void **state)
{
    (void)state;
    vp_searcher_config cfg = {"/nonexistent/vindplaats.db", gaz, themes, 0};
    vp_searcher *s = vp_searcher_new(&cfg);
    vp_request r;
    vp_qerror e = {0};
    vp_request_init(&r);
    assert_null(vp_search(s, &r, &e));
    assert_int_equal(e.kind, VP_QERR_UNAVAILABLE);
    assert_int_equal(vp_qerr_http_status(e.kind), 503);
    vp_searcher_free(s);
}

/* Each theme's count when browsing (kept per revision) against the total
 * of a search filtered to it (a match of its own); returns the sum.  Themes,
 * because a municipality filter also finds its predecessors. */
static json_int_t check_browse_counts(vp_searcher *s)
{
    json_t *browse = search_on(s, "facet_limit=0", NULL);
    json_t *list = json_object_get(json_object_get(browse, "facets"), "theme");
    json_int_t sum = 0;
    size_t i;
    json_t *entry;
    assert_true(json_array_size(list) > 3);
    json_array_foreach(list, i, entry) {
        const char *value = json_string_value(json_object_get(entry, "value"));
        char theme[300];
        snprintf(theme, sizeof theme, "theme=%s", value);
        json_t *one = search_on(s, theme, "per_page=1", "facet_limit=0", NULL);
        assert_int_equal(json_integer_value(json_object_get(one, "total")),
                         json_integer_value(json_object_get(entry, "count")));
        /* that facet, counted without its own filter, is the browsing list */
        assert_true(json_equal(json_object_get(json_object_get(one, "facets"), "theme"), list));
        json_decref(one);
        sum += json_integer_value(json_object_get(entry, "count"));
    }
    json_decref(browse);
    return sum;
}

static void counts_over_all_reports_follow_the_revision(void **state)
{
    (void)state;
    const char *tmp = getenv("VP_TEST_TMP");
    char db[1024], why[600];
    snprintf(db, sizeof db, "%s/revisions.db", tmp ? tmp : "/tmp/vp-test-query");
    vp_document *docs = vp_fixture_generate(60, 1);
    if (vp_fixture_write(db, docs, 60, gaz, false, why, sizeof why) != 0)
        fail_msg("%s", why);
    vp_fixture_free_docs(docs, 60);
    vp_searcher_config cfg = {db, gaz, themes, 0};
    vp_searcher *s = vp_searcher_new(&cfg);
    json_int_t before = check_browse_counts(s);

    /* The 60 again with other facets, and 40 more: a new revision. */
    docs = vp_fixture_generate(100, 2);
    if (vp_fixture_write(db, docs, 100, gaz, true, why, sizeof why) != 0)
        fail_msg("%s", why);
    vp_fixture_free_docs(docs, 100);
    json_int_t after = check_browse_counts(s);
    assert_true(after > before);
    json_t *all = search_on(s, "per_page=1", NULL);
    assert_int_equal(json_integer_value(json_object_get(all, "total")), 100);
    json_decref(all);
    vp_searcher_free(s);
}

/* The answer's text without its took_ms value (which differs per run). */
static void drop_took_ms(char *s)
{
    char *t = strstr(s, "\"took_ms\":");
    assert_non_null(t);
    t += strlen("\"took_ms\":");
    char *end = t + strcspn(t, ",");
    memmove(t, end, strlen(end) + 1);
}

/* vp_search_text (what searchd sends) writes, byte for byte, what
 * json_dumps writes of vp_search's answer: the hits from their records,
 * the facets from the column, the fields around them. */
static void answer_text_is_the_dumped_answer(void **state)
{
    (void)state;
    const char *lines[] = {
        "q=wonen", "q=", "q=&sort=date", "q=&sort=date_asc&page=2&per_page=2",
        "q=energie&theme=duurzaamheid-energie", "q=wonen&municipality=Veghel",
        "q=netwerkdag&from=2017&to=2018", "q=%22kennis+en+netwerkdag%22",
        "q=won*", "q=woonen", "q=a%22b%5C%01c", "q=Hoogerbrugge&speaker=Koos+van+Dijken",
        "q=wonen&sort=date&facet_limit=1", "q=script", "q=datum",
    };
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
        vp_params p = {0};
        vp_request r;
        vp_request_init(&r);
        vp_qerror e = {0};
        if (vp_params_parse(lines[i], &p, &e) != 0 ||
            vp_request_from_params(&p, &r, NULL, &e) != 0)
            fail_msg("%s: %s", lines[i], e.message);
        json_t *answer = vp_search(searcher, &r, &e);
        if (!answer)
            fail_msg("%s: %s", lines[i], e.message);
        char *want = json_dumps(answer, VP_JSON_FLAGS);
        size_t len = 0;
        char *text = vp_search_text(searcher, &r, &len, NULL, &e);
        if (!text)
            fail_msg("%s: %s", lines[i], e.message);
        assert_int_equal(len, strlen(text));
        drop_took_ms(want);
        drop_took_ms(text);
        if (strcmp(text, want) != 0)
            fail_msg("%s:\n text %s\n json %s", lines[i], text, want);
        free(text);
        free(want);
        json_decref(answer);
        vp_request_clear(&r);
        vp_params_clear(&p);
    }
}

static void query_string_round_trip(void **state)
{
    (void)state;
    vp_request r;
    vp_qerror e = {0};
    vp_request_init(&r);
    vp_request_set(&r, "q", "wonen & werken", &e);
    vp_request_set(&r, "municipality", "'s-Hertogenbosch", &e);
    vp_request_set(&r, "municipality", "Súdwest-Fryslân", &e);
    vp_request_set(&r, "from", "2017", &e);
    vp_request_set(&r, "sort", "date", &e);
    char *qs = vp_request_to_query_string(&r);
    assert_string_equal(qs, "q=wonen%20%26%20werken&municipality=%27s-Hertogenbosch&"
                            "municipality=S%C3%BAdwest-Frysl%C3%A2n&from=2017&sort=date&"
                            "page=1&per_page=10&facet_limit=20");
    free(qs);
    vp_request_clear(&r);
}

/* (NULL when unchanged) */
static char *without(const char *json, const char *key)
{
    size_t n = 0;
    char *out = vp_json_without_member(json, strlen(json), key, &n);
    if (out)
        assert_int_equal(n, strlen(out));
    return out;
}

static void json_member_removed(void **state)
{
    (void)state;
    static const struct { const char *in, *key, *out; } cases[] = {
        {"{\"a\":1,\"markdown\":\"x\"}", "markdown", "{\"a\":1}"},
        {"{\"markdown\":\"x\",\"a\":1}", "markdown", "{\"a\":1}"},
        {"{\"markdown\":\"x\"}", "markdown", "{}"},
        {"{\"a\":{\"markdown\":1},\"markdown\":\"}\\\"{\",\"b\":[1,{\"c\":\"]\"}]}", "markdown",
         "{\"a\":{\"markdown\":1},\"b\":[1,{\"c\":\"]\"}]}"},
        {"{ \"a\" : [ ] , \"markdown\" : null , \"b\" : true }", "markdown",
         "{ \"a\" : [ ]  , \"b\" : true }"},
        {"{\"a\":\"\\\\\",\"markdown\":-1.5e3}", "markdown", "{\"a\":\"\\\\\"}"},
        {"{\"markdowns\":1}", "markdown", NULL},
        {"{\"a\":\"\\\"markdown\\\":1\"}", "markdown", NULL},
        {"[\"markdown\"]", "markdown", NULL},
        {"{\"a\":\"unterminated", "markdown", NULL},
        {"", "markdown", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *got = without(cases[i].in, cases[i].key);
        if (!cases[i].out)
            assert_null(got);
        else
            assert_string_equal(got, cases[i].out);
        free(got);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(empty_query_lists_everything_newest_first),
        cmocka_unit_test(free_text_stems_and_ranks),
        cmocka_unit_test(query_syntax),
        cmocka_unit_test(municipality_filter_aliases_and_successors),
        cmocka_unit_test(values_of_one_facet_or_facets_and),
        cmocka_unit_test(facet_counts_are_disjunctive),
        cmocka_unit_test(facet_order_and_limit),
        cmocka_unit_test(date_bounds),
        cmocka_unit_test(sorting),
        cmocka_unit_test(pagination_edges),
        cmocka_unit_test(bad_input),
        cmocka_unit_test(spelling_suggestion),
        cmocka_unit_test(json_member_removed),
        cmocka_unit_test(escaping),
        cmocka_unit_test(documents),
        cmocka_unit_test(facet_values_with_prefix),
        cmocka_unit_test(unavailable_database),
        cmocka_unit_test(query_string_round_trip),
        cmocka_unit_test(answer_text_is_the_dumped_answer),
        cmocka_unit_test(counts_over_all_reports_follow_the_revision),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
