/*
 * date_parse.c: date expressions (see date_parse.h).
 *
 * Dutch and English, day first ("21 april 2017", "vrijdag 21 april",
 * "1e mei", "12 jun. '15") and, in English, month first ("April 21st,
 * 2017"; only full month names: "Jan 12" may be a person), numeric
 * ("21-04-2017", "21/4/2017", "2017-04-21" also as a date-time).  A range
 * ("9 en 10 november", "donderdag 9 en vrijdag 10 november", "From 25 to
 * 27 January", "September 12th-13th") is its first day; a date without a
 * year takes the year of a range's end ("30 september en 1 oktober 2016")
 * or the default, and its weekday picks the year next door when it does
 * not fit.
 */
#include "date_parse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"        /* vp_parse_date */
#include "date_numeric.h"
#include "extract_text.h"

/* ---- the calendar ---- */

bool vp_date_valid(int y, int m, int d)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1)
        return false;
    int max = days[m - 1];
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        max = 29;
    return d <= max;
}

/* Days since 1970-01-01 (proleptic Gregorian; Howard Hinnant's algorithm). */
long vp_date_day_number(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void vp_date_from_day_number(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* 0 = Monday .. 6 = Sunday (1970-01-01 was a Thursday). */
int vp_date_weekday_of(int y, int m, int d)
{
    long n = vp_date_day_number(y, m, d);
    return (int)(((n % 7) + 7 + 3) % 7);
}

/* ---- words ---- */

static const struct { const char *name; int month; bool full_english; } MONTHS[] = {
    {"januari", 1, false}, {"jan", 1, false}, {"january", 1, true},
    {"februari", 2, false}, {"feb", 2, false}, {"febr", 2, false},
    {"february", 2, true}, {"maart", 3, false}, {"mrt", 3, false},
    {"mar", 3, false}, {"march", 3, true}, {"april", 4, true},
    {"apr", 4, false}, {"mei", 5, false}, {"may", 5, true}, {"juni", 6, false},
    {"jun", 6, false}, {"june", 6, true}, {"juli", 7, false}, {"jul", 7, false},
    {"july", 7, true}, {"augustus", 8, false}, {"aug", 8, false},
    {"august", 8, true}, {"september", 9, true}, {"sep", 9, false},
    {"sept", 9, false}, {"oktober", 10, false}, {"okt", 10, false},
    {"oct", 10, false}, {"october", 10, true}, {"november", 11, true},
    {"nov", 11, false}, {"december", 12, true}, {"dec", 12, false},
};

/* Index modulo 7 is the weekday, Monday first. */
static const char *const WEEKDAYS[] = {
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
    "ma", "di", "wo", "do", "vr", "za", "zo",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    NULL,
};

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Reads up to maxd+1 digits at t[*i]; returns the count and the value. */
static int read_number(const char *t, size_t len, size_t *i, int maxd, int *value)
{
    int n = 0, v = 0;
    while (*i < len && is_digit(t[*i]) && n < maxd + 1) {
        v = v * 10 + (t[*i] - '0');
        (*i)++;
        n++;
    }
    *value = v;
    return n;
}

/* The month named by t[s..e), 0 when none; *full_english for the names an
 * English date puts first ("April 21st"). */
static int month_from_word(const char *s, size_t n, bool *full_english)
{
    for (size_t k = 0; k < sizeof MONTHS / sizeof MONTHS[0]; k++)
        if (vp_ex_eq(s, n, MONTHS[k].name)) {
            if (full_english)
                *full_english = MONTHS[k].full_english;
            return MONTHS[k].month;
        }
    return 0;
}

int vp_date_month_from_word(const char *s, size_t n)
{
    return month_from_word(s, n, NULL);
}

/* A weekday, also as part of the day ("vrijdagochtend", "dinsdagavond"). */
int vp_date_weekday_from_word(const char *s, size_t n)
{
    static const char *const PARTS[] = {"ochtend", "morgen", "middag", "namiddag",
                                        "avond", NULL};
    for (size_t k = 0; WEEKDAYS[k]; k++)
        if (vp_ex_eq(s, n, WEEKDAYS[k]))
            return (int)(k % 7);
    for (size_t k = 0; k < 7; k++) {
        size_t w = strlen(WEEKDAYS[k]);
        if (n > w && vp_ex_eq(s, w, WEEKDAYS[k]) && vp_ex_eq_any(s + w, n - w, PARTS))
            return (int)k;
    }
    return -1;
}

/* The ASCII letters at t[i..): their end. */
static size_t letters_end(const char *t, size_t len, size_t i)
{
    while (i < len && is_alpha(t[i]))
        i++;
    return i;
}

static bool word_ends(const char *t, size_t len, size_t k)
{
    return k >= len || !vp_ex_is_wordchar(t + k, len - k);
}

/* ---- one date expression ---- */


/* The weekday written right before pos ("vrijdag 21", "vr. 21", "Thursday,
 * March", "vrijdag (12 april)"), -1 when none. */
static int weekday_before(const char *t, size_t pos)
{
    size_t i = pos;
    while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == ',' || t[i - 1] == '('))
        i--;
    if (i > 0 && t[i - 1] == '.')   /* "vr." */
        i--;
    size_t end = i;
    while (i > 0 && is_alpha(t[i - 1]))
        i--;
    if (i == end || (i > 0 && vp_ex_is_wordchar(t + i - 1, 1)))
        return -1;
    return vp_date_weekday_from_word(t + i, end - i);
}

/* A year at t[*i] after optional spaces and a comma: four digits, or an
 * apostrophe and two ("'15", "’17": 2000-2069, else the 1900s). */
static bool read_year(const char *t, size_t len, size_t *i, int *year)
{
    size_t j = *i;
    while (j < len && (t[j] == ' ' || t[j] == ','))
        j++;
    size_t ap = vp_ex_apostrophe(t + j, len - j);
    int y;
    size_t k = j + ap;
    int n = read_number(t, len, &k, 4, &y);
    if (!(ap == 0 && n == 4) && !(ap > 0 && n == 2))
        return false;
    if (!word_ends(t, len, k))
        return false;
    if (ap)
        y += y < 70 ? 2000 : 1900;
    *year = y;
    *i = k;
    return true;
}

/* Skips an ordinal suffix right after a day number: "1e", "1ste", "2de",
 * "21st", "22nd", "23rd", "24th". */
static void skip_ordinal(const char *t, size_t len, size_t *k)
{
    static const char *const suffixes[] = {"ste", "de", "e", "st", "nd", "rd", "th", NULL};
    for (size_t s = 0; suffixes[s]; s++) {
        size_t n = strlen(suffixes[s]);
        if (*k + n <= len && vp_ex_eq(t + *k, n, suffixes[s]) && word_ends(t, len, *k + n)) {
            *k += n;
            return;
        }
    }
}

static size_t skip_spaces(const char *t, size_t len, size_t j)
{
    while (j < len && t[j] == ' ')
        j++;
    return j;
}

/* A range separator at t[j]: "en", "and", "t/m", "tot en met", "tot", "to",
 * "through", "till", "until", "-", "&", en or em dash.  Returns the position
 * after it, or j when there is none. */
static size_t skip_range_separator(const char *t, size_t len, size_t j)
{
    static const char *const words[] = {"tot en met", "t/m", "en", "and", "tot", "to",
                                        "through", "till", "until", NULL};
    for (size_t k = 0; words[k]; k++) {
        size_t n = strlen(words[k]);
        if (j + n < len && vp_ex_eq(t + j, n, words[k]) && t[j + n] == ' ')
            return j + n + 1;
    }
    if (j < len && (t[j] == '-' || t[j] == '&' || t[j] == '+'))
        return j + 1;
    if (j + 2 < len && (unsigned char)t[j] == 0xE2 && (unsigned char)t[j + 1] == 0x80 &&
        ((unsigned char)t[j + 2] == 0x93 || (unsigned char)t[j + 2] == 0x94))
        return j + 3;
    return j;
}

/* Skips a weekday word (and a dot or comma after it) at t[j]. */
static size_t skip_weekday(const char *t, size_t len, size_t j)
{
    size_t e = letters_end(t, len, j);
    if (e == j || vp_date_weekday_from_word(t + j, e - j) < 0 || !word_ends(t, len, e))
        return j;
    if (e < len && (t[e] == '.' || t[e] == ','))
        e++;
    return skip_spaces(t, len, e);
}

/* Skips the second day of a range: "21 en 22 april", "21-22 april", "9 en
 * vrijdag 10 november", "12th–13th"; the event is the first day.  A
 * weekday names the second day only when the first has one too: "Dag 1 –
 * woensdag 12 juni" is a numbered day, not a range from the 1st. */
static void skip_day_range(const char *t, size_t len, bool first_has_weekday, size_t *k)
{
    size_t j = skip_spaces(t, len, *k);
    size_t after = skip_range_separator(t, len, j);
    if (after == j)
        return;
    size_t day = skip_spaces(t, len, after);
    j = skip_weekday(t, len, day);
    if (j != day && !first_has_weekday)
        return;
    int d2;
    size_t e = j;
    int n = read_number(t, len, &e, 2, &d2);
    if (n < 1 || n > 2 || d2 < 1 || d2 > 31)
        return;
    skip_ordinal(t, len, &e);
    *k = e;
}

/* The month word at t[*k] (with its abbreviation dot); 0 when none. */
static int read_month(const char *t, size_t len, size_t *k, bool *full_english)
{
    size_t ms = *k, me = letters_end(t, len, ms);
    if (me == ms || !word_ends(t, len, me))
        return 0;
    int m = month_from_word(t + ms, me - ms, full_english);
    if (!m)
        return 0;
    *k = me < len && t[me] == '.' ? me + 1 : me;
    return m;
}

/* After a date without a year, the year of a second date that ends the
 * range: "30 september en 1 oktober 2016". */
static bool year_of_range_end(const char *t, size_t len, size_t k, int *year)
{
    size_t j = skip_spaces(t, len, k);
    size_t after = skip_range_separator(t, len, j);
    if (after == j)
        return false;
    j = skip_weekday(t, len, skip_spaces(t, len, after));
    int d2;
    int n = read_number(t, len, &j, 2, &d2);
    if (n < 1 || n > 2)
        return false;
    skip_ordinal(t, len, &j);
    j = skip_spaces(t, len, j);
    return read_month(t, len, &j, NULL) && read_year(t, len, &j, year);
}

/* "2017-04-21", also as the date of a date-time ("2019-10-04T13:00"). */
static bool match_iso(const char *t, size_t len, size_t i, date_hit *h)
{
    int y, m, d;
    size_t k = i;
    if (read_number(t, len, &k, 4, &y) != 4 || k >= len || t[k] != '-')
        return false;
    k++;
    int nm = read_number(t, len, &k, 2, &m);
    if (nm < 1 || nm > 2 || k >= len || t[k] != '-')
        return false;
    k++;
    int nd = read_number(t, len, &k, 2, &d);
    if (nd < 1 || nd > 2)
        return false;
    bool time_follows = k + 1 < len && t[k] == 'T' && is_digit(t[k + 1]);
    if (!time_follows && !word_ends(t, len, k))
        return false;
    *h = (date_hit){.start = i, .end = k, .y = y, .m = m, .d = d, .has_year = true,
                    .weekday = -1};
    return true;
}

/* "21-04-2017", "21/4/2017", "21.04.2017" (one separator throughout) */
static bool match_numeric(const char *t, size_t len, size_t i, date_hit *h)
{
    int d, m, y;
    size_t k = i;
    int nd = read_number(t, len, &k, 2, &d);
    if (nd < 1 || nd > 2 || k >= len)
        return false;
    char sep = t[k];
    if (sep != '-' && sep != '/' && sep != '.')
        return false;
    k++;
    int nm = read_number(t, len, &k, 2, &m);
    if (nm < 1 || nm > 2 || k >= len || t[k] != sep)
        return false;
    k++;
    if (read_number(t, len, &k, 4, &y) != 4)
        return false;
    if (!word_ends(t, len, k) || (t[k] == sep && k + 1 < len && is_digit(t[k + 1])))
        return false;
    *h = (date_hit){.start = i, .end = k, .y = y, .m = m, .d = d, .has_year = true,
                    .weekday = -1};
    return true;
}

/* The year after a month, of the range's end, or the default (0: none). */
static bool finish_year(const char *t, size_t len, size_t *k, int default_year, int *y,
                        bool *has_year)
{
    *has_year = read_year(t, len, k, y) || year_of_range_end(t, len, *k, y);
    if (!*has_year)
        *y = default_year;
    return *y != 0;
}

/* "21 april 2017", "21 apr. 2017", "1e mei", "21 en 22 april", "12 jun. '15" */
static bool match_day_first(const char *t, size_t len, size_t i, int default_year,
                            date_hit *h)
{
    int d;
    size_t k = i;
    int nd = read_number(t, len, &k, 2, &d);
    if (nd < 1 || nd > 2 || d < 1 || d > 31)
        return false;
    skip_ordinal(t, len, &k);
    skip_day_range(t, len, weekday_before(t, i) >= 0, &k);
    if (k >= len || t[k] != ' ')
        return false;
    k = skip_spaces(t, len, k);
    int m = read_month(t, len, &k, NULL);
    int y;
    bool has_year;
    if (!m || !finish_year(t, len, &k, default_year, &y, &has_year))
        return false;
    *h = (date_hit){.start = i, .end = k, .y = y, .m = m, .d = d, .has_year = has_year,
                    .weekday = weekday_before(t, i)};
    return true;
}

/* English, month first: "April 21st, 2017", "March 27th", "September
 * 12th–13th, 2016".  Only full month names: "Jan 12" may be a person. */
static bool match_month_first(const char *t, size_t len, size_t i, int default_year,
                              date_hit *h)
{
    size_t k = i;
    bool full = false;
    int m = read_month(t, len, &k, &full);
    if (!m || !full || k >= len || t[k] != ' ')
        return false;
    k = skip_spaces(t, len, k);
    int d;
    int nd = read_number(t, len, &k, 2, &d);
    if (nd < 1 || nd > 2 || d < 1 || d > 31)
        return false;
    skip_ordinal(t, len, &k);
    if (!word_ends(t, len, k))
        return false;
    skip_day_range(t, len, weekday_before(t, i) >= 0, &k);
    int y;
    bool has_year;
    if (!finish_year(t, len, &k, default_year, &y, &has_year))
        return false;
    *h = (date_hit){.start = i, .end = k, .y = y, .m = m, .d = d, .has_year = has_year,
                    .weekday = weekday_before(t, i)};
    return true;
}

/* Does y-m-d exist and fall on the weekday? */
static bool on_weekday(int y, int m, int d, int weekday)
{
    return vp_date_valid(y, m, d) && vp_date_weekday_of(y, m, d) == weekday;
}

/* A date without a year whose weekday does not fit its year gets the year
 * before or after where it does ("vrijdag 27 december" in a January
 * report); failing those, the nearest year where it does, the later of two
 * as near ("do 17/3" in notes that look back on a meeting "in 2019": a
 * text names earlier years more than later ones), up to three years away.
 * Further than that the text's year is trusted over its weekday: a page
 * restated from a real one may give "dinsdag 12 juni" of a year where it
 * was a Monday. */
static void fit_weekday(date_hit *h)
{
    enum { REACH = 3 };
    if (h->has_year || h->weekday < 0 || !vp_date_valid(h->y, h->m, h->d) ||
        vp_date_weekday_of(h->y, h->m, h->d) == h->weekday)
        return;
    for (int dy = -1; dy <= 1; dy += 2)
        if (on_weekday(h->y + dy, h->m, h->d, h->weekday)) {
            h->y += dy;
            return;
        }
    for (int dy = 2; dy <= REACH; dy++)
        for (int sign = 1; sign >= -1; sign -= 2)
            if (on_weekday(h->y + sign * dy, h->m, h->d, h->weekday)) {
                h->y += sign * dy;
                return;
            }
}

/* The next valid date at or after *from in t[0..len). */
bool vp_date_next(const char *t, size_t len, size_t *from, int default_year,
                      date_hit *h)
{
    size_t i = *from;
    while (i < len) {
        bool starts_word = i == 0 || !vp_ex_is_wordchar(t + i - 1, 1);
        bool after_number = i > 1 && (t[i - 1] == '-' || t[i - 1] == '/' || t[i - 1] == '.') &&
                            is_digit(t[i - 2]);
        bool found = false;
        if (starts_word && !after_number && is_digit(t[i]))
            found = match_iso(t, len, i, h) || match_numeric(t, len, i, h) ||
                    vp_date_match_numeric_short_year(t, len, i, h) ||
                    match_day_first(t, len, i, default_year, h) ||
                    vp_date_match_weekday_day_month(t, len, i, weekday_before(t, i),
                                                    default_year, h) ||
                    vp_date_match_on_day_month(t, len, i, default_year, h);
        else if (starts_word && is_alpha(t[i]))
            found = match_month_first(t, len, i, default_year, h);
        if (found && vp_date_valid(h->y, h->m, h->d)) {
            fit_weekday(h);
            *from = h->end;
            return true;
        }
        /* on to the next word */
        if (is_digit(t[i]) || is_alpha(t[i])) {
            while (i < len && (is_digit(t[i]) || is_alpha(t[i])))
                i++;
        } else {
            i += vp_ex_charlen(t + i, len - i);
        }
    }
    *from = len;
    return false;
}

void vp_date_format(int y, int m, int d, char out[11])
{
    /* y, m and d are validated: 1900-2099, 1-12, 1-31 */
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
             (unsigned)d % 100u);
}

bool vp_parse_date(const char *text, int default_year, char out[11])
{
    if (!text)
        return false;
    size_t from = 0;
    date_hit h;
    if (!vp_date_next(text, strlen(text), &from, default_year, &h))
        return false;
    vp_date_format(h.y, h.m, h.d, out);
    return true;
}

/* ---- years ---- */

int vp_date_find_year(const char *s)
{
    return s ? vp_date_find_year_in(s, strlen(s)) : 0;
}

/* A plausible event year (a four-digit number 1990-2099) in s[0..len). */
int vp_date_find_year_in(const char *s, size_t len)
{
    for (size_t i = 0; i + 4 <= len; i++) {
        if (!is_digit(s[i]) || (i > 0 && vp_ex_is_wordchar(s + i - 1, 1)))
            continue;
        size_t k = i;
        int y;
        if (read_number(s, len, &k, 4, &y) == 4 && y >= 1990 && y <= 2099 && word_ends(s, len, k))
            return y;
        while (i + 1 < len && is_digit(s[i + 1]))
            i++;
    }
    return 0;
}

/* A month followed by a year anywhere in s ("mei 2015", "Nieuws · oktober
 * 2021", "January 2021"): the year, else 0. */
int vp_date_month_year(const char *s)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len; i++) {
        if (!is_alpha(s[i]) || (i > 0 && vp_ex_is_wordchar(s + i - 1, 1)))
            continue;
        size_t k = i;
        int y;
        if (read_month(s, len, &k, NULL) && k < len && s[k] == ' ' &&
            read_year(s, len, &k, &y))
            return y;
        i = letters_end(s, len, i);
    }
    return 0;
}

/* The date in the path's file name: "2017-04-21-gorinchem.md". */
bool vp_date_from_path(const char *path, int *y, int *m, int *d)
{
    if (!path)
        return false;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    date_hit h;
    size_t len = strlen(base);
    if (len >= 10 && match_iso(base, len, 0, &h) && vp_date_valid(h.y, h.m, h.d)) {
        *y = h.y;
        *m = h.m;
        *d = h.d;
        return true;
    }
    return false;
}
