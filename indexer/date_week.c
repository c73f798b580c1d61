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
