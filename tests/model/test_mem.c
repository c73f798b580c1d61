#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mem.h"

static void test_grow_doubles_and_keeps(void **state)
{
    (void)state;
    int *v = NULL;
    size_t cap = 0;
    for (int i = 0; i < 1000; i++) {
        size_t before = cap;
        VP_GROW(v, cap, (size_t)i + 1);
        assert_true(cap >= (size_t)i + 1);
        if (cap != before)           /* it grows rarely: at least doubling */
            assert_true(cap >= 2 * before);
        v[i] = i;
    }
    for (int i = 0; i < 1000; i++)
        assert_int_equal(v[i], i);
    free(v);
}

static void test_grow_leaves_enough_alone(void **state)
{
    (void)state;
    char *p = vp_xmalloc(10);
    size_t cap = 10;
    char *same = vp_grow(p, &cap, 10, 1);
    assert_ptr_equal(same, p);
    assert_int_equal(cap, 10);
    VP_GROW(p, cap, 11);
    assert_int_equal(cap, 20);
    free(p);
}

static void test_strdup_and_zero(void **state)
{
    (void)state;
    char *s = vp_xstrdup("Súdwest-Fryslân");
    assert_string_equal(s, "Súdwest-Fryslân");
    free(s);
    s = vp_xstrndup("abc\0def", 5);
    assert_memory_equal(s, "abc\0d", 6);
    free(s);
    void *z = vp_xmalloc(0);           /* never NULL, not even for 0 bytes */
    assert_non_null(z);
    free(z);
    int *c = vp_xcalloc(4, sizeof *c);
    for (int i = 0; i < 4; i++)
        assert_int_equal(c[i], 0);
    free(c);
}

/* The policy itself: a request that cannot be met says so and aborts (here
 * one whose size overflows, so that no allocator, ASan's included, is
 * asked). */
static void test_overflow_aborts(void **state)
{
    (void)state;
    int err[2];
    assert_int_equal(pipe(err), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        dup2(err[1], STDERR_FILENO);
        size_t cap = 0;
        vp_grow(NULL, &cap, SIZE_MAX / 2, 4);
        _exit(0);                     /* not reached */
    }
    close(err[1]);
    char said[256] = "";
    ssize_t n = read(err[0], said, sizeof said - 1);
    said[n > 0 ? n : 0] = '\0';
    close(err[0]);
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFSIGNALED(status));
    assert_int_equal(WTERMSIG(status), SIGABRT);
    assert_non_null(strstr(said, "out of memory"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grow_doubles_and_keeps),
        cmocka_unit_test(test_grow_leaves_enough_alone),
        cmocka_unit_test(test_strdup_and_zero),
        cmocka_unit_test(test_overflow_aborts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
