/*
 * test_csv.c: CSV fields (csv.h): RFC 4180 quoting, and the spreadsheet
 * guard: a field that begins, after any apostrophes, with = + - @ tab or CR
 * gets one apostrophe in front and is quoted; nothing else changes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "csv.h"

/* The field as vp_csv_field writes it, alone on its row. */
static const char *field(vp_buf *b, const char *s)
{
    vp_buf_reset(b);
    vp_csv_field(b, s, true);
    return b->len ? b->s : "";
}

static void quotes_only_what_needs_it(void **state)
{
    (void)state;
    vp_buf b = VP_BUF_INIT;
    assert_string_equal(field(&b, "Zwolle"), "Zwolle");
    assert_string_equal(field(&b, NULL), "");
    assert_string_equal(field(&b, "a,b"), "\"a,b\"");
    assert_string_equal(field(&b, "zeg \"ja\""), "\"zeg \"\"ja\"\"\"");
    assert_string_equal(field(&b, "twee\r\nregels"), "\"twee\r\nregels\"");
    assert_string_equal(field(&b, "1.25"), "1.25");          /* scores, counts */
    vp_buf_free(&b);
}

static void guards_formula_starts(void **state)
{
    (void)state;
    vp_buf b = VP_BUF_INIT;
    assert_string_equal(field(&b, "=1+1"), "\"'=1+1\"");
    assert_string_equal(field(&b, "+31 6 1234"), "\"'+31 6 1234\"");
    assert_string_equal(field(&b, "-2"), "\"'-2\"");
    assert_string_equal(field(&b, "@SUM(A1)"), "\"'@SUM(A1)\"");
    assert_string_equal(field(&b, "\tTab"), "\"'\tTab\"");
    assert_string_equal(field(&b, "\rCR"), "\"'\rCR\"");
    assert_string_equal(field(&b, "=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    /* Reversible: apostrophes already in front get one more. */
    assert_string_equal(field(&b, "'=x"), "\"''=x\"");
    assert_string_equal(field(&b, "''-x"), "\"'''-x\"");
    /* Left alone: Dutch names, a formula character later on, apostrophes alone. */
    assert_string_equal(field(&b, "'s-Hertogenbosch"), "'s-Hertogenbosch");
    assert_string_equal(field(&b, "a=b"), "a=b");
    assert_string_equal(field(&b, "'"), "'");
    assert_string_equal(field(&b, " =1"), " =1");
    assert_true(vp_csv_needs_guard("-x"));
    assert_false(vp_csv_needs_guard(""));
    vp_buf_free(&b);
}

static void not_the_first_field_of_a_row(void **state)
{
    (void)state;
    vp_buf b = VP_BUF_INIT;
    vp_csv_field(&b, "id", true);
    vp_csv_field(&b, "=x", false);
    vp_csv_end_row(&b);
    assert_string_equal(b.s, "id,\"'=x\"\r\n");
    vp_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(quotes_only_what_needs_it),
        cmocka_unit_test(guards_formula_starts),
        cmocka_unit_test(not_the_first_field_of_a_row),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
