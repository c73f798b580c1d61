#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "problem.h"

enum { KIND_BAD = 3 };

static int fails_with(vp_problem *p)
{
    return vp_problem_set(p, KIND_BAD, 12, "%s: expected %d columns", "gemeenten.tsv", 6);
}

static void test_set_and_clear(void **state)
{
    (void)state;
    vp_problem p = VP_PROBLEM_INIT;
    assert_int_equal(p.kind, 0);
    assert_int_equal(fails_with(&p), -1);      /* for `return vp_problem_set(...)` */
    assert_int_equal(p.kind, KIND_BAD);
    assert_int_equal(p.line, 12);
    assert_string_equal(p.message, "gemeenten.tsv: expected 6 columns");
    vp_problem_clear(&p);
    assert_int_equal(p.kind, 0);
    assert_int_equal(p.line, 0);
    assert_string_equal(p.message, "");
    assert_int_equal(fails_with(NULL), -1);    /* a caller that does not want it */
}

static void test_long_message_is_cut(void **state)
{
    (void)state;
    vp_problem p;
    char word[2000];
    memset(word, 'x', sizeof word - 1);
    word[sizeof word - 1] = '\0';
    vp_problem_set(&p, 1, 0, "%s", word);
    assert_int_equal(strlen(p.message), sizeof p.message - 1);
}

static void test_errorf(void **state)
{
    (void)state;
    char buf[16];
    vp_errorf(buf, sizeof buf, "%s:%d: %s", "a.md", 3, "a long message that is cut");
    assert_int_equal(strlen(buf), sizeof buf - 1);
    assert_memory_equal(buf, "a.md:3: a long ", 15);
    vp_errorf(NULL, 0, "nobody listens");       /* a NULL buffer is fine */
    vp_errorf(buf, 0, "no room");               /* and so is no room */
    assert_memory_equal(buf, "a.md:3: a long ", 15);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_set_and_clear),
        cmocka_unit_test(test_long_message_is_cut),
        cmocka_unit_test(test_errorf),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
