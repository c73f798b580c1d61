#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "sys.h"

static void test_path_join(void **state)
{
    (void)state;
    char *p = vp_path_join("/var/lib/vindplaats", "XAPIANDB");
    assert_string_equal(p, "/var/lib/vindplaats/XAPIANDB");
    free(p);
    p = vp_path_join("db", "");
    assert_string_equal(p, "db/");
    free(p);
    p = vp_path_join("", "meta");
    assert_string_equal(p, "/meta");
    free(p);
}

static void test_read_file(void **state)
{
    (void)state;
    char path[] = "/tmp/vp_test_sys_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    /* larger than one read, with a NUL inside */
    size_t n = 200000;
    char *data = malloc(n);
    for (size_t i = 0; i < n; i++)
        data[i] = (char)(i % 251);
    assert_int_equal(write(fd, data, n), (ssize_t)n);
    close(fd);

    size_t len = 0;
    char *got = vp_read_file(path, &len);
    assert_non_null(got);
    assert_int_equal(len, n);
    assert_memory_equal(got, data, n);
    assert_int_equal(got[n], '\0');
    free(got);

    FILE *f = fopen(path, "w");        /* empty: "" */
    fclose(f);
    got = vp_read_file(path, NULL);
    assert_string_equal(got, "");
    free(got);

    unlink(path);
    errno = 0;
    assert_null(vp_read_file(path, &len));
    assert_int_equal(errno, ENOENT);
    free(data);
}

static void test_clock_moves_forward(void **state)
{
    (void)state;
    double t0 = vp_now_ms();
    struct timespec pause = {0, 20 * 1000 * 1000};
    nanosleep(&pause, NULL);
    double t1 = vp_now_ms();
    assert_true(t1 - t0 >= 19.0);      /* milliseconds, not seconds */
    assert_true(t1 - t0 < 60000.0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_path_join),
        cmocka_unit_test(test_read_file),
        cmocka_unit_test(test_clock_moves_forward),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
