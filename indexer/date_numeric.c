/* date_numeric.c: see date_numeric.h. */
#include "date_numeric.h"

#include "extract_text.h"

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* One or two digits at t[*i]: their value, 0 when there are none or more. */
static int one_or_two_digits(const char *t, size_t len, size_t *i)
{
    int v = 0, n = 0;
    while (*i < len && is_digit(t[*i])) {
        if (++n > 2)
            return 0;
        v = v * 10 + (t[*i] - '0');
        (*i)++;
    }
    return v;
}

static bool is_separator(char c) { return c == '-' || c == '/' || c == '.'; }

/* The day and month at t[i] with one separator between them: the position
 * after the month, 0 when there are none.  *sep is the separator. */
static size_t day_and_month(const char *t, size_t len, size_t i, int *d, int *m, char *sep)
{
    size_t k = i;
    *d = one_or_two_digits(t, len, &k);
    if (!*d || *d > 31 || k >= len || !is_separator(t[k]))
        return 0;
    *sep = t[k++];
    *m = one_or_two_digits(t, len, &k);
    return *m && *m <= 12 ? k : 0;
}

bool vp_date_match_weekday_day_month(const char *t, size_t len, size_t i, int weekday,
                                     int default_year, date_hit *h)
{
    int d, m;
    char sep;
    size_t k = day_and_month(t, len, i, &d, &m, &sep);
    if (!k || weekday < 0 || !default_year || sep == '.')
        return false;
    /* "4/10/2022" is a full date, "4/10-ish" no date */
    if (k < len && (is_separator(t[k]) || vp_ex_is_wordchar(t + k, len - k)))
        return false;
    *h = (date_hit){.start = i, .end = k, .y = default_year, .m = m, .d = d,
                    .has_year = false, .weekday = weekday};
    return true;
}

bool vp_date_match_numeric_short_year(const char *t, size_t len, size_t i, date_hit *h)
{
    int d, m;
    char sep;
    size_t k = day_and_month(t, len, i, &d, &m, &sep);
    if (!k || k >= len || t[k] != sep)
        return false;
    k++;
    size_t ap = vp_ex_apostrophe(t + k, len - k);
    if (!ap)
        return false;
    k += ap;
    if (k + 2 > len || !is_digit(t[k]) || !is_digit(t[k + 1]))
        return false;
    int y = (t[k] - '0') * 10 + (t[k + 1] - '0');
    k += 2;
    if (k < len && vp_ex_is_wordchar(t + k, len - k))
        return false;
    *h = (date_hit){.start = i, .end = k, .y = y + (y < 70 ? 2000 : 1900), .m = m, .d = d,
                    .has_year = true, .weekday = -1};
    return true;
}
