#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "strset.h"

/* Published FNV-1a 64 test vectors: the shard of every report on disk
 * depends on these numbers never changing. */
static void test_fnv1a_vectors(void **state)
{
    (void)state;
    assert_true(vp_fnv1a(VP_FNV1A_INIT, "", 0) == 0xcbf29ce484222325ULL);
    assert_true(vp_fnv1a(VP_FNV1A_INIT, "a", 1) == 0xaf63dc4c8601ec8cULL);
    assert_true(vp_fnv1a(VP_FNV1A_INIT, "foobar", 6) == 0x85944171f73967e8ULL);
    /* continued hashing equals hashing the concatenation */
    assert_true(vp_fnv1a(vp_fnv1a(VP_FNV1A_INIT, "foo", 3), "bar", 3) ==
                vp_fnv1a(VP_FNV1A_INIT, "foobar", 6));
}

static void test_ids_in_insertion_order(void **state)
{
    (void)state;
    vp_strset *s = vp_strset_new();
    bool added;
    assert_int_equal(vp_strset_size(s), 0);
    assert_true(vp_strset_find(s, "Emmen", 5) == VP_STRSET_NONE);
    assert_int_equal(vp_strset_add(s, "Emmen", 5, &added), 0);
    assert_true(added);
    assert_int_equal(vp_strset_add(s, "Assen", 5, &added), 1);
    assert_true(added);
    assert_int_equal(vp_strset_add(s, "Emmen", 5, &added), 0);
    assert_false(added);
    assert_int_equal(vp_strset_add(s, "Emmen2", 5, NULL), 0);  /* by length */
    assert_int_equal(vp_strset_size(s), 2);
    assert_int_equal(vp_strset_find(s, "Assen", 5), 1);
    assert_true(vp_strset_find(s, "assen", 5) == VP_STRSET_NONE);  /* bytes */
    size_t len;
    assert_string_equal(vp_strset_key(s, 1, &len), "Assen");
    assert_int_equal(len, 5);
    vp_strset_free(s);
    vp_strset_free(NULL);
}

static void test_empty_and_binary_keys(void **state)
{
    (void)state;
    vp_strset *s = vp_strset_new();
    assert_int_equal(vp_strset_add(s, "", 0, NULL), 0);
    assert_int_equal(vp_strset_add(s, "a\0b", 3, NULL), 1);
    assert_int_equal(vp_strset_add(s, "a\0c", 3, NULL), 2);
    assert_int_equal(vp_strset_find(s, "", 0), 0);
    assert_int_equal(vp_strset_find(s, "a\0b", 3), 1);
    assert_true(vp_strset_find(s, "a", 1) == VP_STRSET_NONE);
    size_t len;
    assert_memory_equal(vp_strset_key(s, 2, &len), "a\0c", 4);
    assert_int_equal(len, 3);
    vp_strset_free(s);
}

/* Many keys: the table grows many times and loses none. */
static void test_many_and_clear(void **state)
{
    (void)state;
    vp_strset *s = vp_strset_new();
    char key[32];
    enum { N = 50000 };
    for (int round = 0; round < 2; round++) {
        for (int i = 0; i < N; i++) {
            int n = snprintf(key, sizeof key, "woord-%d", i * 7919);
            assert_int_equal(vp_strset_add(s, key, (size_t)n, NULL), i);
        }
        assert_int_equal(vp_strset_size(s), N);
        for (int i = N - 1; i >= 0; i--) {
            int n = snprintf(key, sizeof key, "woord-%d", i * 7919);
            assert_int_equal(vp_strset_find(s, key, (size_t)n), i);
            assert_string_equal(vp_strset_key(s, (size_t)i, NULL), key);
        }
        assert_true(vp_strset_find(s, "woord-1", 7) == VP_STRSET_NONE);
        vp_strset_clear(s);             /* and again, in the memory kept */
        assert_int_equal(vp_strset_size(s), 0);
        assert_true(vp_strset_find(s, "woord-0", 7) == VP_STRSET_NONE);
    }
    vp_strset_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fnv1a_vectors),
        cmocka_unit_test(test_ids_in_insertion_order),
        cmocka_unit_test(test_empty_and_binary_keys),
        cmocka_unit_test(test_many_and_clear),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
