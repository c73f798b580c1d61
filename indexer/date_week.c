/* date_week.c: see date_week.h. */
#include "date_week.h"

#include "extract_text.h"

long vp_date_iso_week_monday(int y, int week)
{
    /* 4 January is always in week 1 */
    long jan4 = vp_date_day_number(y, 1, 4);
    long monday1 = jan4 - vp_date_weekday_of(y, 1, 4);
    return monday1 + 7L * (week - 1);
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* The weekday word right before ws ("donderdag (week 42)", "dinsdag in
 * week 11", "donderdag van week 42") or right after the number ("week 22,
 * vrijdag"); -1 if none. */
static int weekday_next_to(const char *t, size_t len, size_t ws, size_t ne)
{
    size_t ps, pe, ns, nen;
    size_t at = ws;
    while (at > 0 && (t[at - 1] == '(' || t[at - 1] == ' ' || t[at - 1] == ','))
        at--;
    if (vp_ex_prev_word(t, at, &ps, &pe)) {
        static const char *const OF[] = {"in", "van", "of", NULL};
        size_t qs, qe;   /* "dinsdag in week 11" */
        if (vp_ex_eq_any(t + ps, pe - ps, OF) && vp_ex_prev_word(t, ps, &qs, &qe)) {
            ps = qs;
            pe = qe;
        }
        int wd = vp_date_weekday_from_word(t + ps, pe - ps);
        if (wd >= 0)
            return wd;
    }
    size_t after = ne;
    while (after < len && (t[after] == ',' || t[after] == ')' || t[after] == ':'))
        after++;
    if (vp_ex_next_word(t, len, after, &ns, &nen))
        return vp_date_weekday_from_word(t + ns, nen - ns);
    return -1;
}

bool vp_date_find_week(const char *t, size_t len, int *week, int *weekday)
{
    size_t pos = 0, ws, we, ns, ne;
    while (vp_ex_step_word(t, len, &pos, &ws, &we)) {
        if (!vp_ex_eq(t + ws, we - ws, "week") || !vp_ex_next_word(t, len, we, &ns, &ne))
            continue;
        int n = 0;
        size_t k = ns;
        while (k < ne && is_digit(t[k]) && k - ns < 2)
            n = n * 10 + (t[k++] - '0');
        if (k != ne || n < 1 || n > 53)
            continue;
        *week = n;
        *weekday = weekday_next_to(t, len, ws, ne);
        return true;
    }
    return false;
}

/* The n-th (1-4; -1: the last) weekday wd of month m of year y, as a day
 * number; -1 when the month has no such day. */
static long nth_weekday(int y, int m, int n, int wd)
{
    if (n < 0) {
        int last = 31;
        while (!vp_date_valid(y, m, last))
            last--;
        long day = vp_date_day_number(y, m, last);
        return day - (vp_date_weekday_of(y, m, last) - wd + 7) % 7;
    }
    long day = vp_date_day_number(y, m, 1) + (wd - vp_date_weekday_of(y, m, 1) + 7) % 7 +
               7L * (n - 1);
    int yy, mm, dd;
    vp_date_from_day_number(day, &yy, &mm, &dd);
    return mm == m ? day : -1;
}

/* The place in the month an ordinal word gives: 1-4, -1 for the last, 0
 * for none. */
static int ordinal_of(const char *s, size_t n)
{
    static const char *const ORDINALS[][2] = {
        {"eerste", "first"}, {"tweede", "second"}, {"derde", "third"}, {"vierde", "fourth"}};
    for (int k = 0; k < 4; k++)
        if (vp_ex_eq(s, n, ORDINALS[k][0]) || vp_ex_eq(s, n, ORDINALS[k][1]))
            return k + 1;
    return vp_ex_eq(s, n, "laatste") || vp_ex_eq(s, n, "last") ? -1 : 0;
}

/* Past "en vrijdag" / "and Friday" / "t/m zaterdag" after the first
 * weekday of a pair or a run. */
static size_t past_second_weekday(const char *t, size_t len, size_t pos)
{
    static const char *const AND[] = {"en", "and", "tot", NULL};
    size_t as, ae, ws, we;
    if (!vp_ex_next_word(t, len, pos, &as, &ae))
        return pos;
    /* "t/m" is no word of its own to vp_ex_next_word: "t", then "m" */
    if (ae - as == 1 && (t[as] == 't' || t[as] == 'T') && ae + 2 <= len && t[ae] == '/' &&
        (t[ae + 1] == 'm' || t[ae + 1] == 'M'))
        ae += 2;
    else if (!vp_ex_eq_any(t + as, ae - as, AND))
        return pos;
    if (vp_ex_next_word(t, len, ae, &ws, &we) && vp_date_weekday_from_word(t + ws, we - ws) >= 0)
        return we;
    return pos;
}

bool vp_date_find_nth_weekday(const char *t, size_t len, int year, int *y, int *m, int *d)
{
    static const char *const OF[] = {"van", "in", "of", NULL};
    size_t pos = 0, ws, we, s1, e1, s2, e2, s3, e3;
    while (vp_ex_step_word(t, len, &pos, &ws, &we)) {
        int n = ordinal_of(t + ws, we - ws);
        if (!n || !vp_ex_next_word(t, len, we, &s1, &e1))
            continue;
        int wd = vp_date_weekday_from_word(t + s1, e1 - s1);
        size_t after = past_second_weekday(t, len, e1);
        if (wd < 0 || !vp_ex_next_word(t, len, after, &s2, &e2) ||
            !vp_ex_eq_any(t + s2, e2 - s2, OF) || !vp_ex_next_word(t, len, e2, &s3, &e3))
            continue;
        int month = vp_date_month_from_word(t + s3, e3 - s3);
        if (!month || vp_ex_about_next_meeting(t, len, ws, e3))
            continue;
        size_t ys, ye;
        int in_year = vp_ex_next_word(t, len, e3, &ys, &ye) ? vp_date_find_year_in(t + ys, ye - ys)
                                                            : 0;
        if (!in_year)
            in_year = year;
        long day = in_year > 0 ? nth_weekday(in_year, month, n, wd) : -1;
        if (day < 0)
            continue;
        vp_date_from_day_number(day, y, m, d);
        return true;
    }
    return false;
}
