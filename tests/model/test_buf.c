#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "buf.h"

static void test_empty(void **state)
{
    (void)state;
    vp_buf b = VP_BUF_INIT;
    assert_string_equal(vp_buf_str(&b), "");
    assert_int_equal(b.len, 0);
    char *s = vp_buf_detach(&b);       /* an empty buffer detaches as "" */
    assert_string_equal(s, "");
    free(s);
    vp_buf_free(&b);
    vp_buf zeroed;
    memset(&zeroed, 0, sizeof zeroed);  /* zeroed memory is an empty buffer */
    vp_buf_puts(&zeroed, "x");
    assert_string_equal(zeroed.s, "x");
    vp_buf_free(&zeroed);
}

static void test_appends(void **state)
{
    (void)state;
    vp_buf b = VP_BUF_INIT;
    vp_buf_puts(&b, "Gorinchem");
    vp_buf_putc(&b, ',');
    vp_buf_append(&b, " 2017-04-21 and more", 11);
    vp_buf_printf(&b, " %d%%", 42);
    assert_string_equal(b.s, "Gorinchem, 2017-04-21 42%");
    assert_int_equal(b.len, strlen(b.s));
    vp_buf_append(&b, "a\0b", 3);       /* bytes, NULs included */
    assert_int_equal(b.len, strlen("Gorinchem, 2017-04-21 42%") + 3);
    assert_int_equal(b.s[b.len], '\0');

    vp_buf_reset(&b);
    assert_string_equal(vp_buf_str(&b), "");
    assert_int_equal(b.len, 0);
    assert_true(b.cap > 0);             /* memory kept */
    vp_buf_free(&b);
    assert_null(b.s);
}

static void test_grows_past_many_pages(void **state)
{
    (void)state;
    vp_buf b = VP_BUF_INIT;
    for (int i = 0; i < 100000; i++)
        vp_buf_printf(&b, "%05d", i % 100000);
    assert_int_equal(b.len, 500000);
    assert_memory_equal(b.s + 5 * 99999, "99999", 6);
    char *s = vp_buf_detach(&b);
    assert_null(b.s);
    assert_int_equal(b.len, 0);
    assert_memory_equal(s, "000000000100002", 15);
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_appends),
        cmocka_unit_test(test_grows_past_many_pages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
