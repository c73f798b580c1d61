/*
 * Unit tests of the bounds on one report (issue 21): the cap on token
 * length (ingest.c), the front matter's size, depth and anchors
 * (frontmatter.c), the chunked cmark parse (markdown.c) and the sections
 * (ingest.c).  What they check is the result; the time and memory these
 * bounds buy are measured by tests/hardening/test_inputs.py on the real
 * program.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frontmatter.h"
#include "ingest.h"
#include "markdown.h"
#include "text.h"

/* ---- helpers ------------------------------------------------------------ */

typedef struct buf {
    char *s;
    size_t len, cap;
} buf;

static void put(buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->s = realloc(b->s, b->cap);
        assert_non_null(b->s);
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void puts_(buf *b, const char *s)
{
    put(b, s, strlen(s));
}

static void repeat(buf *b, const char *s, size_t times)
{
    for (size_t i = 0; i < times; i++)
        puts_(b, s);
}

/* Occurrences of needle in s (not strstr in a loop: ASan's strstr takes
 * the haystack's strlen on every call). */
static size_t count(const char *s, const char *needle)
{
    size_t n = 0, len = strlen(needle), slen = strlen(s);
    for (size_t i = 0; i + len <= slen;)
        if (!memcmp(s + i, needle, len)) {
            n++;
            i += len;
        } else {
            i++;
        }
    return n;
}

/* The longest run of non-space bytes in s. */
static size_t longest_run(const char *s)
{
    size_t best = 0, run = 0;
    for (; *s; s++) {
        run = strchr(" \t\n\r\f\v", *s) ? 0 : run + 1;
        if (run > best)
            best = run;
    }
    return best;
}

static vp_gazetteer *gaz;
static vp_themes *themes;

static int load_data(void **state)
{
    (void)state;
    char err[256];
    gaz = vp_gazetteer_load(VP_DATA_DIR "/gemeenten.tsv", err, sizeof err);
    themes = vp_themes_load(VP_DATA_DIR "/themes.tsv", err, sizeof err);
    return gaz && themes ? 0 : -1;
}

static int free_data(void **state)
{
    (void)state;
    vp_gazetteer_free(gaz);
    vp_themes_free(themes);
    return 0;
}

static vp_ingest_result ingest(const char *src, size_t len, vp_document *d,
                               vp_ingest_problem *problem)
{
    vp_extract_ctx ctx = {.gazetteer = gaz, .themes = themes};
    vp_document_init(d);
    return vp_ingest_buffer(&ctx, "x.md", src, len, d, problem);
}

static int fm_parse(const char *src, size_t len, vp_fm_error *err)
{
    vp_parsed p;
    vp_parsed_init(&p);
    size_t off;
    int line;
    int rc = vp_frontmatter_parse(src, len, &p.fm, &off, &line, err);
    vp_parsed_clear(&p);
    return rc;
}

/* ---- the cap on token length -------------------------------------------- */

static void test_cap_keeps_ordinary_text(void **state)
{
    (void)state;
    char s[] = "Wethouder Jan de Vries (gemeente Súdwest-Fryslân) opende de dag.";
    char copy[sizeof s];
    memcpy(copy, s, sizeof s);
    assert_int_equal(vp_ingest_cap_tokens(s), strlen(copy));
    assert_string_equal(s, copy);
}

static void test_cap_cuts_long_runs(void **state)
{
    (void)state;
    buf b = {0};
    puts_(&b, "voor ");
    repeat(&b, "q", 1000);
    puts_(&b, " na\n");
    repeat(&b, "b-", 200);
    puts_(&b, "\tklaar");
    size_t n = vp_ingest_cap_tokens(b.s);
    assert_int_equal(n, strlen(b.s));
    assert_int_equal(longest_run(b.s), VP_INGEST_TOKEN_MAX);
    assert_int_equal(count(b.s, "q"), VP_INGEST_TOKEN_MAX);
    assert_non_null(strstr(b.s, "voor qqq"));
    assert_non_null(strstr(b.s, "q na\nb-b-"));
    assert_non_null(strstr(b.s, "\tklaar"));
    free(b.s);
}

static void test_cap_cuts_at_a_character(void **state)
{
    (void)state;
    /* 255 bytes, then "é" (2 bytes) straddles the cut: it goes whole. */
    for (size_t lead = VP_INGEST_TOKEN_MAX - 3; lead <= VP_INGEST_TOKEN_MAX; lead++) {
        buf b = {0};
        repeat(&b, "a", lead);
        repeat(&b, "\xc3\xa9", 50);
        repeat(&b, "\xe2\x82\xac", 50); /* € */
        puts_(&b, " x");
        vp_ingest_cap_tokens(b.s);
        size_t bad;
        assert_true(vp_utf8_valid(b.s, strlen(b.s), &bad));
        assert_true(longest_run(b.s) <= VP_INGEST_TOKEN_MAX);
        assert_true(longest_run(b.s) >= VP_INGEST_TOKEN_MAX - 1);
        assert_non_null(strstr(b.s, " x"));
        free(b.s);
    }
}

static void test_ingest_caps_every_field(void **state)
{
    (void)state;
    buf b = {0};
    puts_(&b, "---\ntitle: ");
    repeat(&b, "t", 5000);
    puts_(&b, "\nthemes:\n  - ");
    repeat(&b, "w", 5000);
    puts_(&b, "\n---\n# Kop\n\n");
    repeat(&b, "x", 100000);
    puts_(&b, "\n\n| ");
    repeat(&b, "y", 5000);
    puts_(&b, " |\n| a |\n");
    vp_document d;
    vp_ingest_problem problem;
    vp_ingest_result r = ingest(b.s, b.len, &d, &problem);
    assert_true(r == VP_INGEST_OK || r == VP_INGEST_WARNING);
    assert_int_equal(longest_run(d.title), VP_INGEST_TOKEN_MAX);
    assert_true(longest_run(d.text) <= VP_INGEST_TOKEN_MAX);
    assert_non_null(strstr(d.text, "yyy"));
    /* the stored Markdown is the report as written */
    assert_int_equal(count(d.markdown, "x"), 100000);
    vp_document_clear(&d);
    free(b.s);
}

/* ---- front matter ------------------------------------------------------- */

static void test_front_matter_size_is_capped(void **state)
{
    (void)state;
    buf b = {0};
    puts_(&b, "---\ntitle: Kennisdag\nnotes: |\n");
    while (b.len < VP_FM_MAX_BYTES - 100)
        puts_(&b, "  een regel eigen aantekeningen\n");
    puts_(&b, "---\n# Kop\n");
    vp_fm_error err = {0};
    assert_int_equal(fm_parse(b.s, b.len, &err), 0);

    b.len = 0;
    puts_(&b, "---\ntitle: Kennisdag\nnotes: |\n");
    while (b.len < VP_FM_MAX_BYTES + 100)
        puts_(&b, "  een regel eigen aantekeningen\n");
    puts_(&b, "---\n# Kop\n");
    assert_int_equal(fm_parse(b.s, b.len, &err), -1);
    assert_string_equal(err.message, "front matter longer than 64 KiB");
    assert_int_equal(err.line, 1);
    free(b.s);
}

static void test_front_matter_depth_is_capped(void **state)
{
    (void)state;
    const struct { size_t depth; int rc; } cases[] = {{31, 0}, {32, -1}, {20000, -1}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        buf b = {0};
        puts_(&b, "---\ntitle: Diep\nx: ");
        repeat(&b, "[", cases[i].depth);
        repeat(&b, "]", cases[i].depth);
        puts_(&b, "\n---\n# Kop\n");
        vp_fm_error err = {0};
        assert_int_equal(fm_parse(b.s, b.len, &err), cases[i].rc);
        if (cases[i].rc)
            assert_string_equal(err.message, "front matter nested more than 32 levels deep");
        free(b.s);
    }
    /* block nesting counts the same */
    buf b = {0};
    puts_(&b, "---\n");
    for (int i = 0; i < 40; i++) {
        repeat(&b, " ", (size_t)i);
        puts_(&b, "k:\n");
    }
    puts_(&b, "---\n");
    vp_fm_error err = {0};
    assert_int_equal(fm_parse(b.s, b.len, &err), -1);
    assert_non_null(strstr(err.message, "nested more than"));
    free(b.s);
}

static void test_front_matter_anchors_are_capped(void **state)
{
    (void)state;
    buf b = {0};
    puts_(&b, "---\ntitle: Ankers\nx:\n");
    for (int i = 0; i < 300; i++) {
        char line[64];
        snprintf(line, sizeof line, "  - &a%d w\n  - *a%d\n", i, i);
        puts_(&b, line);
    }
    puts_(&b, "---\n");
    vp_fm_error err = {0};
    assert_int_equal(fm_parse(b.s, b.len, &err), -1);
    assert_string_equal(err.message, "front matter with more than 256 anchors and aliases");
    free(b.s);
}

/* ---- the chunked cmark parse -------------------------------------------- */

static vp_parsed md_parse(const char *md, size_t len)
{
    vp_parsed p;
    vp_parsed_init(&p);
    assert_int_equal(vp_markdown_parse(md, len, 3, &p), 0);
    return p;
}

/* A long report cut where top-level blocks start: the blocks and their
 * lines are those of the report, and a fenced code block with blank lines
 * is never cut. */
static void test_long_report_keeps_its_blocks(void **state)
{
    (void)state;
    buf b = {0};
    int line = 3, fence_line = 0;
    size_t sections = 0;
    while (b.len < 300 * 1024) {
        char s[128];
        if (sections % 40 == 39 && !fence_line) {
            fence_line = line;
            puts_(&b, "```\n");
            for (int i = 0; i < 3000; i++)
                puts_(&b, i % 3 ? "code regel\n" : "\n");
            puts_(&b, "```\n\n");
            line += 3000 + 3;
        }
        snprintf(s, sizeof s, "## Kop %zu\n\nTekst %zu van de dag.\n\n- punt %zu\n\n  vervolg\n\n",
                 sections, sections, sections);
        puts_(&b, s);
        sections++;
        line += 8;
    }
    vp_parsed p = md_parse(b.s, b.len);
    size_t heads = 0, code = 0;
    for (size_t i = 0; i < p.n_blocks; i++) {
        const vp_block *bl = &p.blocks[i];
        if (bl->kind == VP_BLOCK_HEADING) {
            char want[64];
            snprintf(want, sizeof want, "Kop %zu", heads);
            assert_string_equal(bl->text, want);
            assert_int_equal(p.blocks[i + 1].kind, VP_BLOCK_PARAGRAPH);
            assert_int_equal(p.blocks[i + 2].kind, VP_BLOCK_ITEM);
            assert_int_equal(p.blocks[i + 3].kind, VP_BLOCK_ITEM);
            assert_string_equal(p.blocks[i + 3].text, "vervolg");
            heads++;
        } else if (bl->kind == VP_BLOCK_CODE) {
            assert_int_equal(bl->line, fence_line);
            assert_int_equal(count(bl->text, "code regel"), 2000);
            code++;
        }
    }
    assert_int_equal(heads, sections);
    assert_int_equal(code, 1);
    /* the last heading's line counts every line before it */
    const vp_block *last = &p.blocks[p.n_blocks - 4];
    assert_int_equal(last->kind, VP_BLOCK_HEADING);
    assert_int_equal(last->line, line - 8);
    vp_parsed_clear(&p);
    free(b.s);
}

static size_t total(const vp_parsed *p, const char *needle)
{
    size_t n = 0;
    for (size_t i = 0; i < p->n_blocks; i++)
        n += count(p->blocks[i].text, needle);
    return n;
}

/* No place to cut between blocks: cut at a line end, a space or a
 * character, and lose nothing. */
static void test_one_huge_block_is_cut_without_loss(void **state)
{
    (void)state;
    buf b = {0};
    repeat(&b, "a\n", 200000);   /* one paragraph of 200,000 lines */
    vp_parsed p = md_parse(b.s, b.len);
    assert_true(p.n_blocks > 1);
    assert_int_equal(total(&p, "a"), 200000);
    vp_parsed_clear(&p);

    b.len = 0;
    repeat(&b, "[", 300000);     /* one line, no space */
    p = md_parse(b.s, b.len);
    assert_int_equal(total(&p, "["), 300000);
    vp_parsed_clear(&p);

    b.len = 0;
    repeat(&b, "\xc3\xa9", 150000); /* one line of two-byte characters */
    p = md_parse(b.s, b.len);
    assert_int_equal(total(&p, "\xc3\xa9"), 150000);
    for (size_t i = 0; i < p.n_blocks; i++) {
        size_t bad;
        assert_true(vp_utf8_valid(p.blocks[i].text, strlen(p.blocks[i].text), &bad));
    }
    vp_parsed_clear(&p);

    b.len = 0;
    repeat(&b, "woord ", 50000); /* one line of words: cut at a space */
    p = md_parse(b.s, b.len);
    assert_int_equal(total(&p, "woord"), 50000);
    vp_parsed_clear(&p);
    free(b.s);
}

/* ---- sections ----------------------------------------------------------- */

static void test_anchors_are_unique(void **state)
{
    (void)state;
    const char *src = "# Dag\n\n## Kop 2\n\na\n\n## Kop\n\nb\n\n## Kop\n\nc\n\n## Kop\n\nd\n\n"
                      "## !!!\n\ne\n\n## ???\n\nf\n";
    vp_document d;
    vp_ingest_problem problem;
    vp_ingest_result r = ingest(src, strlen(src), &d, &problem);
    assert_true(r == VP_INGEST_OK || r == VP_INGEST_WARNING);
    const char *want[] = {"kop-2", "kop", "kop-3", "kop-4", "sectie", "sectie-2"};
    assert_int_equal(d.n_sections, 6);
    for (size_t i = 0; i < 6; i++)
        assert_string_equal(d.sections[i].anchor, want[i]);
    vp_document_clear(&d);
}

static void test_sections_are_capped(void **state)
{
    (void)state;
    buf b = {0};
    puts_(&b, "# Dag\n\n");
    for (int i = 0; i < VP_INGEST_MAX_SECTIONS + 500; i++) {
        char s[64];
        snprintf(s, sizeof s, "## Kop\n\ntekst%d\n\n", i);
        puts_(&b, s);
    }
    vp_document d;
    vp_ingest_problem problem;
    vp_ingest_result r = ingest(b.s, b.len, &d, &problem);
    assert_true(r == VP_INGEST_OK || r == VP_INGEST_WARNING);
    assert_int_equal(d.n_sections, VP_INGEST_MAX_SECTIONS);
    assert_string_equal(d.sections[VP_INGEST_MAX_SECTIONS - 1].anchor, "kop-1000");
    char last[32];
    snprintf(last, sizeof last, "tekst%d", VP_INGEST_MAX_SECTIONS + 499);
    assert_non_null(strstr(d.text, last)); /* still searchable */
    vp_document_clear(&d);
    free(b.s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cap_keeps_ordinary_text),
        cmocka_unit_test(test_cap_cuts_long_runs),
        cmocka_unit_test(test_cap_cuts_at_a_character),
        cmocka_unit_test(test_ingest_caps_every_field),
        cmocka_unit_test(test_front_matter_size_is_capped),
        cmocka_unit_test(test_front_matter_depth_is_capped),
        cmocka_unit_test(test_front_matter_anchors_are_capped),
        cmocka_unit_test(test_long_report_keeps_its_blocks),
        cmocka_unit_test(test_one_huge_block_is_cut_without_loss),
        cmocka_unit_test(test_anchors_are_unique),
        cmocka_unit_test(test_sections_are_capped),
    };
    return cmocka_run_group_tests(tests, load_data, free_data);
}
