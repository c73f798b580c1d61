/*
 * test_json_text.c: JSON written straight into a buffer (json_text.h) is
 * byte for byte what jansson's json_dumps writes with VP_JSON_FLAGS, for
 * strings with every kind of escape, reals of every size and integers.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "json_text.h"
#include "query.h"

/* What jansson writes of v (stolen). */
static char *dumped(json_t *v)
{
    assert_non_null(v);
    char *s = json_dumps(v, VP_JSON_FLAGS | JSON_ENCODE_ANY);
    json_decref(v);
    assert_non_null(s);
    return s;
}

static void string_as_jansson(const char *s, size_t len)
{
    vp_buf b = VP_BUF_INIT;
    assert_true(vp_json_put_string(&b, s, len));
    char *want = dumped(json_stringn(s, len));
    assert_string_equal(vp_buf_str(&b), want);
    free(want);
    vp_buf_free(&b);
}

static void strings_escape_as_jansson_does(void **state)
{
    (void)state;
    const char *cases[] = {
        "", "gewoon", "aanhalings\"teken", "schuine\\streep", "regel\neen\rtwee\tdrie",
        "\b\f", "bel\x07 en \x1f", "\xc3\xa9\xc3\xa9n caf\xc3\xa9", "\xe2\x80\xa8 lijn",
        "a/b", "\x7f", "<mark>woord</mark> & \"x\"", "\\\"\n",
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        string_as_jansson(cases[i], strlen(cases[i]));
    string_as_jansson("nul\0byte", 8);
}

static void invalid_utf8_is_refused_unwritten(void **state)
{
    (void)state;
    vp_buf b = VP_BUF_INIT;
    assert_false(vp_json_put_string(&b, "caf\xe9", 4));
    assert_false(vp_json_put_string(&b, "\xc3", 1));
    assert_int_equal(b.len, 0);
    assert_null(json_stringn("caf\xe9", 4));   /* as jansson refuses it */
    vp_buf_free(&b);
}

static void real_as_jansson(double x)
{
    vp_buf b = VP_BUF_INIT;
    vp_json_put_real(&b, x);
    char *want = dumped(json_real(x));
    if (strcmp(vp_buf_str(&b), want) != 0)
        fail_msg("%.17g: wrote %s, jansson %s", x, vp_buf_str(&b), want);
    free(want);
    vp_buf_free(&b);
}

static void reals_as_jansson(void **state)
{
    (void)state;
    const double fixed[] = {0, -0.0, 1, -1, 10, 100000, 1000000, 1e7, 1e21, 1e-5, 1e-4,
                            1.5e-10, 123456.5, 11.4965, 0.859214, 2.5, -3.25e100,
                            4.9e-324, 1.7976931348623157e308, 0.000123456789};
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        real_as_jansson(fixed[i]);
    srand(17);
    for (int i = 0; i < 20000; i++) {
        double mant = (double)rand() / RAND_MAX * (rand() % 2 ? 1 : -1);
        real_as_jansson(ldexp(mant, rand() % 200 - 100));
    }
}

static void integers_as_jansson(void **state)
{
    (void)state;
    const unsigned long long cases[] = {0, 7, 10, 99, 4294967295ULL, 9223372036854775807ULL};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        vp_buf b = VP_BUF_INIT;
        vp_json_put_uint(&b, cases[i]);
        char *want = dumped(json_integer((json_int_t)cases[i]));
        assert_string_equal(vp_buf_str(&b), want);
        free(want);
        vp_buf_free(&b);
    }
}

static void values_as_json_dumps(void **state)
{
    (void)state;
    json_t *v = json_pack("{s:[{s:s,s:i}],s:o,s:f}", "lijst", "value", "Den \"Bosch\"",
                          "count", 3, "leeg", json_null(), "r", 0.5);
    vp_buf b = VP_BUF_INIT;
    vp_buf_puts(&b, "x:");
    assert_true(vp_json_put_value(&b, v));
    char *want = dumped(v);
    assert_string_equal(vp_buf_str(&b) + 2, want);
    free(want);
    vp_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(strings_escape_as_jansson_does),
        cmocka_unit_test(invalid_utf8_is_refused_unwritten),
        cmocka_unit_test(reals_as_jansson),
        cmocka_unit_test(integers_as_jansson),
        cmocka_unit_test(values_as_json_dumps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
