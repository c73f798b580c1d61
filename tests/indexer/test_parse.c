/*
 * Unit tests of the parsing half of the indexer: the cmark walk
 * (markdown.c), front matter (frontmatter.c) and the input checks and
 * derived fields of ingest.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "frontmatter.h"
#include "ingest.h"
#include "markdown.h"

static vp_parsed parse(const char *md)
{
    vp_parsed p;
    vp_parsed_init(&p);
    assert_int_equal(vp_markdown_parse(md, strlen(md), 1, &p), 0);
    return p;
}

static void test_atx_and_setext_headings(void **state)
{
    (void)state;
    vp_parsed p = parse("# Titel\n\nTekst.\n\nWorkshops\n---------\n\nMeer *tekst*.\n");
    assert_int_equal(p.n_blocks, 4);
    assert_int_equal(p.blocks[0].kind, VP_BLOCK_HEADING);
    assert_int_equal(p.blocks[0].level, 1);
    assert_string_equal(p.blocks[2].text, "Workshops");
    assert_int_equal(p.blocks[2].level, 2);
    assert_int_equal(p.blocks[2].line, 5);
    assert_string_equal(p.blocks[3].text, "Meer tekst.");
    vp_parsed_clear(&p);
}

static void test_caps_line_is_a_pseudo_heading(void **state)
{
    (void)state;
    vp_parsed p = parse("A. CONCEPT BINNENSTAD\nMariska Kastelic (Leidschendam-Voorburg)\n\n"
                        "AFSLUITING\n\nU10 en PMG.\n");
    assert_int_equal(p.n_blocks, 4);
    assert_true(p.blocks[0].pseudo_heading);
    assert_string_equal(p.blocks[0].text, "A. CONCEPT BINNENSTAD");
    assert_false(p.blocks[1].pseudo_heading);
    assert_string_equal(p.blocks[1].text, "Mariska Kastelic (Leidschendam-Voorburg)");
    assert_int_equal(p.blocks[1].line, 2);
    assert_true(p.blocks[2].pseudo_heading);
    assert_false(p.blocks[3].pseudo_heading); /* too few letters to be a heading */
    vp_parsed_clear(&p);
}

static void test_bold_line_is_a_pseudo_heading(void **state)
{
    (void)state;
    vp_parsed p = parse("**Workshop 1: Wonen in de kern**\nDoor Jan de Vries.\n");
    assert_int_equal(p.n_blocks, 2);
    assert_true(p.blocks[0].pseudo_heading);
    assert_string_equal(p.blocks[0].text, "Workshop 1: Wonen in de kern");
    assert_string_equal(p.blocks[1].text, "Door Jan de Vries.");
    vp_parsed_clear(&p);
}

/* A converted document opens with its title, a dateline and the text with
 * no blank line between: the title line is a block of its own, so that it
 * is the title rather than the whole text.  Prose wrapped at 72 columns
 * (its next line goes on in lower case) stays one paragraph. */
static void test_first_line_of_a_converted_document(void **state)
{
    (void)state;
    vp_parsed p = parse("Verslag regiodag \"Zorg dichtbij\"\nKampen, 3 maart 2016\n"
                        "Ruim dertig deelnemers kwamen bijeen.\n");
    assert_int_equal(p.n_blocks, 2);
    assert_string_equal(p.blocks[0].text, "Verslag regiodag \"Zorg dichtbij\"");
    assert_string_equal(p.blocks[1].text,
                        "Kampen, 3 maart 2016\nRuim dertig deelnemers kwamen bijeen.");
    assert_int_equal(p.blocks[1].line, 2);
    vp_parsed_clear(&p);

    p = parse("Op vrijdag kwamen ruim dertig wethouders uit de regio\nbijeen in het "
              "stadhuis.\n");
    assert_int_equal(p.n_blocks, 1);
    vp_parsed_clear(&p);
    /* only the first paragraph of a document */
    p = parse("# Titel\n\nEen regel\nEen tweede regel\n");
    assert_int_equal(p.n_blocks, 2);
    vp_parsed_clear(&p);
}

static void test_pipe_table_rows(void **state)
{
    (void)state;
    vp_parsed p = parse("| Tijd | Spreker |\n|------|:-------:|\n| 10.00 | Jan de Vries (VNG) |\n");
    assert_int_equal(p.n_blocks, 2);
    assert_int_equal(p.blocks[0].kind, VP_BLOCK_TABLE_ROW);
    assert_string_equal(p.blocks[0].text, "Tijd | Spreker");
    assert_string_equal(p.blocks[1].text, "10.00 | Jan de Vries (VNG)");
    assert_int_equal(p.blocks[1].line, 3);
    vp_parsed_clear(&p);
}

static void test_list_items_and_code(void **state)
{
    (void)state;
    vp_parsed p = parse("- Zwolle\n- Deventer\n\n```\ncode blok\n```\n");
    assert_int_equal(p.n_blocks, 3);
    assert_int_equal(p.blocks[0].kind, VP_BLOCK_ITEM);
    assert_string_equal(p.blocks[1].text, "Deventer");
    assert_int_equal(p.blocks[2].kind, VP_BLOCK_CODE);
    vp_parsed_clear(&p);
}

static void test_front_matter_fields(void **state)
{
    (void)state;
    const char *src = "---\ntitle: Kennisdag\ndate: 2017-04-21\nlocation: Gorinchem\n"
                      "speakers:\n  - Marloes Hoogerbrugge (Platform31)\n"
                      "  - name: Koos Janssen\n    role: voorzitter\n    organisation: PMG\n"
                      "tags: binnenstad, wonen\n---\n# Kop\n";
    vp_frontmatter fm = {0};
    size_t off;
    int line;
    vp_fm_error err = {0};
    assert_int_equal(vp_frontmatter_parse(src, strlen(src), &fm, &off, &line, &err), 0);
    assert_true(fm.present);
    assert_string_equal(fm.title, "Kennisdag");
    assert_string_equal(fm.date, "2017-04-21");
    assert_int_equal(fm.date_line, 3);
    assert_string_equal(fm.host, "Gorinchem");
    assert_int_equal(fm.speakers.len, 2);
    assert_string_equal(fm.speakers.items[1], "voorzitter Koos Janssen (PMG)");
    assert_int_equal(fm.themes.len, 2);
    assert_string_equal(src + off, "# Kop\n");
    assert_int_equal(line, 12);
    vp_parsed p;
    vp_parsed_init(&p);
    p.fm = fm;
    vp_parsed_clear(&p);

    /* Dutch keys: "plaats" names where the day was */
    const char *nl = "---\ndatum: 2018-10-08\nplaats: Sappemeer\n---\nTekst\n";
    vp_frontmatter fm2 = {0};
    assert_int_equal(vp_frontmatter_parse(nl, strlen(nl), &fm2, &off, &line, &err), 0);
    assert_string_equal(fm2.date, "2018-10-08");
    assert_non_null(fm2.host);
    assert_string_equal(fm2.host, "Sappemeer");
    vp_parsed_init(&p);
    p.fm = fm2;
    vp_parsed_clear(&p);

    /* "publicatiedatum": the day it was published, not the event's */
    const char *pub = "---\npublicatiedatum: 2022-10-14T08:00:00+02:00\n---\nTekst\n";
    vp_frontmatter fm3 = {0};
    assert_int_equal(vp_frontmatter_parse(pub, strlen(pub), &fm3, &off, &line, &err), 0);
    assert_null(fm3.date);
    assert_non_null(fm3.published);
    assert_string_equal(fm3.published, "2022-10-14T08:00:00+02:00");
    assert_int_equal(fm3.date_line, 2);
    vp_parsed_init(&p);
    p.fm = fm3;
    vp_parsed_clear(&p);
}

static void test_front_matter_errors(void **state)
{
    (void)state;
    const char *cases[][2] = {
        {"---\ntitle: [open\n---\n", "invalid YAML"},
        {"---\ntitle: nooit dicht\n", "never closed"},
        {"---\n- a\n- b\n---\n", "key: value"},
        {"---\nspeakers:\n  a: b\n---\n", "must be a list"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        vp_frontmatter fm = {0};
        size_t off;
        int line;
        vp_fm_error err = {0};
        assert_int_equal(vp_frontmatter_parse(cases[i][0], strlen(cases[i][0]), &fm, &off,
                                              &line, &err), -1);
        assert_non_null(strstr(err.message, cases[i][1]));
        assert_true(err.line >= 1);
        vp_parsed p;
        vp_parsed_init(&p);
        p.fm = fm;
        vp_parsed_clear(&p);
    }
}

static void test_no_front_matter(void **state)
{
    (void)state;
    vp_frontmatter fm = {0};
    size_t off;
    int line;
    vp_fm_error err = {0};
    const char *src = "# Titel\n---\n";
    assert_int_equal(vp_frontmatter_parse(src, strlen(src), &fm, &off, &line, &err), 0);
    assert_false(fm.present);
    assert_int_equal(off, 0);
    assert_int_equal(line, 1);
}

static void test_ingest_rejects_bad_bytes(void **state)
{
    (void)state;
    vp_extract_ctx ctx = {0};
    struct { const char *src; size_t len; const char *msg; int line; } cases[] = {
        {"", 0, "empty file", 0},
        {" \n\t\n", 4, "empty file", 0},
        {"# a\n\0b", 6, "binary file", 2},
        {"# a\n\nb\xff", 7, "invalid UTF-8", 3},
        {"# a\n\xc0\xaf", 6, "invalid UTF-8", 2}, /* an overlong '/' */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        vp_document d;
        vp_document_init(&d);
        vp_ingest_problem problem;
        assert_int_equal(vp_ingest_buffer(&ctx, "x.md", cases[i].src, cases[i].len, &d, &problem),
                         VP_INGEST_SKIPPED);
        assert_non_null(strstr(problem.message, cases[i].msg));
        assert_int_equal(problem.line, cases[i].line);
        vp_document_clear(&d);
    }
}

static void test_id_for_path(void **state)
{
    (void)state;
    char *id = vp_ingest_id_for_path("2017/2017-04-21-gorinchem.md");
    assert_string_equal(id, "2017/2017-04-21-gorinchem");
    free(id);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_atx_and_setext_headings),
        cmocka_unit_test(test_caps_line_is_a_pseudo_heading),
        cmocka_unit_test(test_bold_line_is_a_pseudo_heading),
        cmocka_unit_test(test_first_line_of_a_converted_document),
        cmocka_unit_test(test_pipe_table_rows),
        cmocka_unit_test(test_list_items_and_code),
        cmocka_unit_test(test_front_matter_fields),
        cmocka_unit_test(test_front_matter_errors),
        cmocka_unit_test(test_no_front_matter),
        cmocka_unit_test(test_ingest_rejects_bad_bytes),
        cmocka_unit_test(test_id_for_path),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
