#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "document.h"

static void fill(vp_document *d)
{
    vp_document_init(d);
    d->id = strdup("2023/leiden-binnenstad");
    d->path = strdup("2023/leiden-binnenstad.md");
    d->title = strdup("Concept binnenstad \"Leiden\" — één\tavond\n");
    d->date = strdup("2023-05-17");
    d->host = NULL;
    vp_strvec_push(&d->municipalities, "Leiden");
    vp_strvec_push(&d->municipalities, "'s-Hertogenbosch");
    vp_strvec_push(&d->themes, "binnenstad");
    vp_strvec_push(&d->themes, "wonen-leefomgeving");
    d->theme_levels = calloc(2, 1);
    d->theme_levels[0] = 4;
    d->theme_levels[1] = 1;
    vp_strvec_push(&d->tags, "city centre");
    assert_true(vp_document_add_speaker(d, "Marloes Hoogerbrugge", "Platform31", NULL));
    assert_true(vp_document_add_speaker(d, "Jan de Vries", NULL, "burgemeester"));
    assert_true(vp_document_add_section(d, "A. Concept binnenstad", "a-concept-binnenstad",
                                        "Tekst met \\ backslash en \x1f unit sep."));
    d->text = strdup("Alle tekst. 😀");
    d->markdown = strdup("# Titel\n\nAlle tekst. 😀\n");
}

static void assert_same(const vp_document *a, const vp_document *b)
{
#define SAME_OPT(x, y) do { if ((x) == NULL) assert_null(y); \
        else { assert_non_null(y); assert_string_equal(x, y); } } while (0)
    SAME_OPT(a->id, b->id);
    SAME_OPT(a->path, b->path);
    SAME_OPT(a->title, b->title);
    SAME_OPT(a->date, b->date);
    SAME_OPT(a->host, b->host);
    SAME_OPT(a->text, b->text);
    SAME_OPT(a->markdown, b->markdown);
    assert_int_equal(a->municipalities.len, b->municipalities.len);
    for (size_t i = 0; i < a->municipalities.len; i++)
        assert_string_equal(a->municipalities.items[i], b->municipalities.items[i]);
    assert_int_equal(a->themes.len, b->themes.len);
    for (size_t i = 0; i < a->themes.len; i++)
        assert_string_equal(a->themes.items[i], b->themes.items[i]);
    assert_int_equal(a->theme_levels == NULL, b->theme_levels == NULL);
    for (size_t i = 0; a->theme_levels && i < a->themes.len; i++)
        assert_int_equal(a->theme_levels[i], b->theme_levels[i]);
    assert_int_equal(a->tags.len, b->tags.len);
    for (size_t i = 0; i < a->tags.len; i++)
        assert_string_equal(a->tags.items[i], b->tags.items[i]);
    assert_int_equal(a->n_speakers, b->n_speakers);
    for (size_t i = 0; i < a->n_speakers; i++) {
        SAME_OPT(a->speakers[i].name, b->speakers[i].name);
        SAME_OPT(a->speakers[i].organisation, b->speakers[i].organisation);
        SAME_OPT(a->speakers[i].role, b->speakers[i].role);
    }
    assert_int_equal(a->n_sections, b->n_sections);
    for (size_t i = 0; i < a->n_sections; i++) {
        SAME_OPT(a->sections[i].heading, b->sections[i].heading);
        SAME_OPT(a->sections[i].anchor, b->sections[i].anchor);
        SAME_OPT(a->sections[i].text, b->sections[i].text);
    }
}

static void test_roundtrip(void **state)
{
    vp_document d, e;
    char err[256] = "";
    char *json, *json2;
    (void)state;
    fill(&d);
    json = vp_document_to_json(&d);
    assert_non_null(json);
    assert_null(strchr(json, '\n'));   /* compact */
    assert_non_null(strstr(json, "\"host\":null"));
    assert_non_null(strstr(json, "\"organisation\":null"));
    vp_document_init(&e);
    assert_int_equal(vp_document_from_json(json, strlen(json), &e, err, sizeof err), 0);
    assert_same(&d, &e);
    json2 = vp_document_to_json(&e);
    assert_string_equal(json, json2);
    /* parsing into a filled document replaces its contents */
    assert_int_equal(vp_document_from_json(json, strlen(json), &e, err, sizeof err), 0);
    assert_same(&d, &e);
    free(json);
    free(json2);
    vp_document_clear(&d);
    vp_document_clear(&e);
    assert_null(e.id);
    assert_int_equal(e.n_speakers, 0);
}

static void test_empty_document(void **state)
{
    vp_document d, e;
    char err[256];
    char *json;
    (void)state;
    vp_document_init(&d);
    d.id = strdup("x");
    d.path = strdup("");
    d.title = strdup("");
    d.text = strdup("");
    d.markdown = strdup("");
    json = vp_document_to_json(&d);
    assert_string_equal(json, "{\"id\":\"x\",\"path\":\"\",\"title\":\"\",\"date\":null,"
                              "\"host\":null,\"municipalities\":[],\"speakers\":[],"
                              "\"themes\":[],\"tags\":[],\"sections\":[],\"text\":\"\",\"markdown\":\"\"}");
    vp_document_init(&e);
    assert_int_equal(vp_document_from_json(json, strlen(json), &e, err, sizeof err), 0);
    assert_same(&d, &e);
    free(json);
    vp_document_clear(&d);
    vp_document_clear(&e);
}

static void test_missing_optional(void **state)
{
    vp_document d;
    char err[256];
    const char *j = "{\"id\":\"a/b\",\"speakers\":[{\"name\":\"X\"}],"
                    "\"sections\":[{\"heading\":\"H\"}],\"future_key\":42}";
    (void)state;
    vp_document_init(&d);
    assert_int_equal(vp_document_from_json(j, strlen(j), &d, err, sizeof err), 0);
    assert_string_equal(d.id, "a/b");
    assert_string_equal(d.title, "");
    assert_string_equal(d.path, "");
    assert_string_equal(d.text, "");
    assert_string_equal(d.markdown, "");
    assert_null(d.date);
    assert_null(d.host);
    assert_int_equal(d.municipalities.len, 0);
    assert_int_equal(d.themes.len, 0);
    assert_int_equal(d.n_speakers, 1);
    assert_null(d.speakers[0].organisation);
    assert_null(d.speakers[0].role);
    assert_int_equal(d.n_sections, 1);
    assert_string_equal(d.sections[0].anchor, "");
    vp_document_clear(&d);
}

static void expect_error(const char *json, const char *msg_part)
{
    vp_document d;
    char err[256] = "";
    vp_document_init(&d);
    d.id = strdup("keep");
    assert_int_equal(vp_document_from_json(json, strlen(json), &d, err, sizeof err), -1);
    if (!strstr(err, msg_part))
        fail_msg("error \"%s\" does not mention \"%s\"", err, msg_part);
    assert_string_equal(d.id, "keep");   /* untouched on error */
    vp_document_clear(&d);
}

static void test_errors(void **state)
{
    (void)state;
    expect_error("", "invalid JSON");
    expect_error("{\"id\":", "invalid JSON");
    expect_error("[1,2]", "expected a JSON object");
    expect_error("{}", "id: missing");
    expect_error("{\"id\":null}", "id: expected a string");
    expect_error("{\"id\":5}", "id: expected a string");
    expect_error("{\"id\":\"a\",\"title\":[]}", "title: expected a string");
    expect_error("{\"id\":\"a\",\"date\":20230101}", "date: expected a string");
    expect_error("{\"id\":\"a\",\"host\":true}", "host: expected a string");
    expect_error("{\"id\":\"a\",\"municipalities\":\"Leiden\"}", "municipalities: expected an array");
    expect_error("{\"id\":\"a\",\"themes\":[\"x\",1]}", "themes[1]: expected a string");
    expect_error("{\"id\":\"a\",\"themes\":[\"x\"],\"theme_levels\":[1,2]}",
                 "theme_levels: expected an array of 1 levels");
    expect_error("{\"id\":\"a\",\"themes\":[\"x\"],\"theme_levels\":[9]}",
                 "theme_levels[0]: expected 0 to 4");
    expect_error("{\"id\":\"a\",\"speakers\":{}}", "speakers: expected an array");
    expect_error("{\"id\":\"a\",\"speakers\":[\"X\"]}", "speakers[0]: expected an object");
    expect_error("{\"id\":\"a\",\"speakers\":[{\"name\":\"X\"},{\"role\":\"r\"}]}",
                 "speakers[1].name: missing");
    expect_error("{\"id\":\"a\",\"speakers\":[{\"name\":\"X\",\"role\":3}]}",
                 "speakers[0].role: expected a string");
    expect_error("{\"id\":\"a\",\"sections\":[{\"heading\":\"h\",\"text\":{}}]}",
                 "sections[0].text: expected a string");
    expect_error("{\"id\":\"a\",\"sections\":5}", "sections: expected an array");
    expect_error("{\"id\":\"a\",\"sections\":[null]}", "sections[0]: expected an object");
    expect_error("{\"id\":\"a\",\"text\":\"\\u0000\"}", "invalid JSON");
    expect_error("{\"id\":\"a\",\"id\":\"b\"}", "invalid JSON");
    /* errbuf may be NULL */
    vp_document d;
    vp_document_init(&d);
    assert_int_equal(vp_document_from_json("{}", 2, &d, NULL, 0), -1);
}

/* JSON strings must be UTF-8: to_json refuses rather than store garbage */
static void test_invalid_utf8(void **state)
{
    vp_document d;
    (void)state;
    vp_document_init(&d);
    d.id = strdup("x");
    d.title = strdup("bad \xff byte");
    assert_null(vp_document_to_json(&d));
    vp_document_clear(&d);
}

static void test_len_respected(void **state)
{
    vp_document d;
    char err[128];
    const char *j = "{\"id\":\"a\"}garbage";
    (void)state;
    vp_document_init(&d);
    assert_int_equal(vp_document_from_json(j, 10, &d, err, sizeof err), 0);
    assert_string_equal(d.id, "a");
    vp_document_clear(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_roundtrip),
        cmocka_unit_test(test_empty_document),
        cmocka_unit_test(test_missing_optional),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_len_respected),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
