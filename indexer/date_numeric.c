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

/* "4/10" or "13-6" at t[i] standing alone, in default_year: the position
 * after it, 0 when there is none. */
static size_t day_month_alone(const char *t, size_t len, size_t i, int default_year,
                              int *d, int *m)
{
    char sep;
    size_t k = day_and_month(t, len, i, d, m, &sep);
    if (!k || !default_year || sep == '.')
        return 0;
    /* "4/10/2022" is a full date, "4/10-ish" no date; "4/10." ends a
     * sentence */
    bool sentence_end = k < len && t[k] == '.' &&
                        (k + 1 == len || t[k + 1] == ' ' || t[k + 1] == '\n');
    if (k < len && !sentence_end && (is_separator(t[k]) || vp_ex_is_wordchar(t + k, len - k)))
        return 0;
    return k;
}

bool vp_date_match_weekday_day_month(const char *t, size_t len, size_t i, int weekday,
                                     int default_year, date_hit *h)
{
    int d, m;
    size_t k = weekday >= 0 ? day_month_alone(t, len, i, default_year, &d, &m) : 0;
    if (!k)
        return false;
    *h = (date_hit){.start = i, .end = k, .y = default_year, .m = m, .d = d,
                    .has_year = false, .weekday = weekday};
    return true;
}

/* Is the word right before t[i] "op" ("Op 15/3 bezocht ik")? */
static bool after_op(const char *t, size_t i)
{
    while (i > 0 && t[i - 1] == ' ')
        i--;
    return i >= 2 && (t[i - 2] == 'o' || t[i - 2] == 'O') && t[i - 1] == 'p' &&
           (i == 2 || !vp_ex_is_wordchar(t + i - 3, 1));
}

bool vp_date_match_on_day_month(const char *t, size_t len, size_t i, int default_year,
                                date_hit *h)
{
    int d, m;
    size_t k = after_op(t, i) ? day_month_alone(t, len, i, default_year, &d, &m) : 0;
    /* "op 2/3 van de scholen" is a share */
    if (!k || (len - k >= 4 && vp_ex_eq(t + k, 4, " van")))
        return false;
    *h = (date_hit){.start = i, .end = k, .y = default_year, .m = m, .d = d,
                    .has_year = false, .weekday = -1};
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
