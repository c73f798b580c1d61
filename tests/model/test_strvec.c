#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "schema.h"
#include "strvec.h"

static void test_push_contains(void **state)
{
    vp_strvec v = VP_STRVEC_INIT;
    (void)state;
    for (int i = 0; i < 100; i++)
        assert_true(vp_strvec_push(&v, "x"));
    assert_int_equal(v.len, 100);
    vp_strvec_clear(&v);
    assert_null(v.items);
    assert_int_equal(v.len, 0);

    assert_true(vp_strvec_push_unique(&v, "Súdwest-Fryslân"));
    assert_true(vp_strvec_push_unique(&v, "SUDWEST-FRYSLAN"));
    assert_true(vp_strvec_push_unique(&v, "Utrecht"));
    assert_int_equal(v.len, 2);
    assert_string_equal(v.items[0], "Súdwest-Fryslân");   /* first spelling kept */
    assert_true(vp_strvec_contains(&v, "sudwest-fryslan"));
    assert_true(vp_strvec_contains(&v, " utrecht "));
    assert_false(vp_strvec_contains(&v, "Amersfoort"));
    vp_strvec_clear(&v);
    vp_strvec_clear(&v);   /* twice is harmless */
}

static void test_sort(void **state)
{
    vp_strvec v = VP_STRVEC_INIT;
    const char *in[] = {"Zwolle", "émmen", "Emmen", "amsterdam", "Ede", "Almere", "Ëde"};
    const char *out[] = {"Almere", "amsterdam", "Ede", "Ëde", "Emmen", "émmen", "Zwolle"};
    (void)state;
    for (size_t i = 0; i < 7; i++)
        vp_strvec_push(&v, in[i]);
    vp_strvec_sort(&v);
    for (size_t i = 0; i < 7; i++)
        assert_string_equal(v.items[i], out[i]);
    vp_strvec_clear(&v);
    vp_strvec_sort(&v);   /* empty */
}

static void test_list_roundtrip(void **state)
{
    vp_strvec v = VP_STRVEC_INIT, w = VP_STRVEC_INIT;
    char *enc;
    (void)state;
    enc = vp_list_encode(&v);
    assert_string_equal(enc, "");
    assert_true(vp_list_decode(enc, strlen(enc), &w));
    assert_int_equal(w.len, 0);
    free(enc);

    vp_strvec_push(&v, "Alphen aan den Rijn");
    vp_strvec_push(&v, "'s-Hertogenbosch");
    vp_strvec_push(&v, "Súdwest-Fryslân");
    enc = vp_list_encode(&v);
    assert_string_equal(enc, "Alphen aan den Rijn\x1f's-Hertogenbosch\x1fSúdwest-Fryslân");
    assert_true(vp_list_decode(enc, strlen(enc), &w));
    assert_int_equal(w.len, 3);
    for (size_t i = 0; i < 3; i++)
        assert_string_equal(w.items[i], v.items[i]);
    /* decode appends */
    assert_true(vp_list_decode(enc, strlen(enc), &w));
    assert_int_equal(w.len, 6);
    free(enc);
    vp_strvec_clear(&w);

    /* len is respected (no NUL needed) */
    assert_true(vp_list_decode("a\x1f" "bc\x1f" "d", 3, &w));
    assert_int_equal(w.len, 2);
    assert_string_equal(w.items[1], "b");
    vp_strvec_clear(&w);
    /* empty values skipped */
    assert_true(vp_list_decode("\x1f" "a\x1f\x1f" "b\x1f", 6, &w));
    assert_int_equal(w.len, 2);
    vp_strvec_clear(&w);
    vp_strvec_clear(&v);

    /* the separator inside a value becomes a space */
    vp_strvec_push(&v, "a\x1f" "b");
    vp_strvec_push(&v, "c");
    enc = vp_list_encode(&v);
    assert_string_equal(enc, "a b\x1f" "c");
    free(enc);
    vp_strvec_clear(&v);
    assert_int_equal(VP_LIST_SEP, 0x1f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_push_contains),
        cmocka_unit_test(test_sort),
        cmocka_unit_test(test_list_roundtrip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
