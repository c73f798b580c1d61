/*
 * test_params.c: query-string parsing: percent-decoding, UTF-8, repeated
 * and unknown parameters.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "params.h"

static void decodes_percent_and_plus(void **state)
{
    (void)state;
    const char *why = NULL;
    char *s = vp_percent_decode("a+b%20c%C3%BA", 13, &why);
    assert_string_equal(s, "a b cú");
    free(s);
    s = vp_percent_decode_path("a+b", 3, &why);
    assert_string_equal(s, "a+b");
    free(s);
    assert_null(vp_percent_decode("%zz", 3, &why));
    assert_null(vp_percent_decode("abc%4", 5, &why));
    assert_null(vp_percent_decode("%", 1, &why));
    assert_null(vp_percent_decode("%FF", 3, &why));      /* invalid UTF-8 */
    assert_null(vp_percent_decode("%00", 3, &why));      /* NUL */
    assert_non_null(strstr(why, "UTF-8"));
}

static int request_from(const char *qs, vp_request *r, vp_qerror *e)
{
    vp_params p;
    vp_request_init(r);
    if (vp_params_parse(qs, &p, e) != 0)
        return -1;
    int rc = vp_request_from_params(&p, r, NULL, e);
    vp_params_clear(&p);
    return rc;
}

static void builds_requests(void **state)
{
    (void)state;
    vp_request r;
    vp_qerror e = {0};
    assert_int_equal(request_from("q=wonen&&municipality=Den+Bosch&municipality=Emmen&"
                                  "from=2017&page=2&per_page=20&sort=date_asc", &r, &e), 0);
    assert_string_equal(r.q, "wonen");
    assert_int_equal(r.filters[VP_FACET_MUNICIPALITY].len, 2);
    assert_string_equal(r.filters[VP_FACET_MUNICIPALITY].items[0], "Den Bosch");
    assert_int_equal(r.page, 2);
    assert_int_equal(r.per_page, 20);
    assert_int_equal(r.sort, VP_SORT_DATE_ASC);
    vp_request_clear(&r);
    assert_int_equal(request_from("", &r, &e), 0);
    assert_int_equal(r.page, 1);
    vp_request_clear(&r);
}

static void rejects_bad_parameters(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "q=a&q=b", "page=2&page=3", "color=red", "q=%E2%82", "page=abc", "per_page=1000",
        "from=2017-02-30", "to=20", "q=%zz", "sort=best", "facet_limit=99999",
        "from=2019&to=2018"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        vp_request r;
        vp_qerror e = {0};
        if (request_from(bad[i], &r, &e) == 0)
            fail_msg("accepted %s", bad[i]);
        assert_int_equal(e.kind, VP_QERR_BAD_PARAMETER);
        assert_int_equal(vp_qerr_http_status(e.kind), 400);
        assert_true(strlen(e.message) > 10);
        vp_request_clear(&r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(decodes_percent_and_plus),
        cmocka_unit_test(builds_requests),
        cmocka_unit_test(rejects_bad_parameters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
