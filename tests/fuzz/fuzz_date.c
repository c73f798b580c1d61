/*
 * fuzz_date.c: the date parser (vp_parse_date).  The first byte picks the
 * default year (none, or 1990..2044); the rest is the text.  Oracle: a
 * date it returns is a real calendar date written as YYYY-MM-DD.
 */
#include <stdlib.h>

#include "extract.h"
#include "fuzz_common.h"

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

static void check_date(const char out[11])
{
    for (int i = 0; i < 10; i++) {
        bool dash = i == 4 || i == 7;
        if (dash ? out[i] != '-' : (out[i] < '0' || out[i] > '9'))
            abort();
    }
    if (out[10] != '\0')
        abort();
    int y = atoi(out), m = atoi(out + 5), d = atoi(out + 8);
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    int default_year = data[0] < 200 ? 0 : 1990 + (data[0] - 200);
    char *text = fuzz_cstring(data + 1, size - 1);
    char out[11] = {0};
    if (vp_parse_date(text, default_year, out))
        check_date(out);
    free(text);
    return 0;
}
