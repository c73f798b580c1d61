/*
 * extract_date.c: the date stage (see extract.c): the day the event began.
 *
 * Reports carry two kinds of dates.  Anchors date the report itself: the
 * front matter date, a full date in the title, a dateline under the title
 * ("Hoorn, 2017-09-29", "Nieuws · 20 november 2023") or a publication line
 * ("Gepubliceerd op 3 maart 2021").  Mentions in the text date what
 * happened: "Op vrijdag 16 maart kwamen ...", "From 25 to 27 January".
 * A web page or a newsletter is dated the day it was written, so an anchor
 * is not always the event: when the opening names a weekday date a few
 * weeks before the anchor and the text never names the anchor's day as
 * that of something that happened, the mention is the event and the anchor
 * the day it was written up.  "Afgelopen donderdag" counts back from the
 * anchor.
 *
 * Mentions of other things are skipped by the words around them in their
 * sentence and by their section's heading: the next meeting ("de volgende
 * bijeenkomst is op ...", "save the date"), laws and deadlines ("sinds 1
 * januari 2015"), publications ("verschenen op ...").  A date without a year
 * ("op vrijdag 21 april") takes the year of an anchor, else of a month and
 * year line ("mei 2015", "Strasbourg, January 2021"), the title, the text's
 * first full date or the file name; its weekday picks the year next to it
 * when it does not fit (a report written in January about a December day).
 * A range ("donderdag 9 en vrijdag 10 november", "September 12th-13th") is
 * its first day.
 */
#include "extract_stages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract_text.h"
#include "mem.h"

/* ---- the calendar ---- */

static bool valid_date(int y, int m, int d)
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
static long day_number(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void from_day_number(long z, int *y, int *m, int *d)
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
static int weekday_of(int y, int m, int d)
{
    long n = day_number(y, m, d);
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

/* A weekday, also as part of the day ("vrijdagochtend", "dinsdagavond"). */
static int weekday_from_word(const char *s, size_t n)
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

typedef struct date_hit {
    size_t start, end;   /* byte range of the expression (weekday excluded) */
    int y, m, d;
    bool has_year;
    int weekday;         /* named before the date ("vrijdag 21 april"), else -1 */
} date_hit;

/* The weekday written right before pos ("vrijdag 21", "vr. 21", "Thursday,
 * March"), -1 when none. */
static int weekday_before(const char *t, size_t pos)
{
    size_t i = pos;
    while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == ','))
        i--;
    if (i > 0 && t[i - 1] == '.')   /* "vr." */
        i--;
    size_t end = i;
    while (i > 0 && is_alpha(t[i - 1]))
        i--;
    if (i == end || (i > 0 && vp_ex_is_wordchar(t + i - 1, 1)))
        return -1;
    return weekday_from_word(t + i, end - i);
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
    if (j < len && (t[j] == '-' || t[j] == '&'))
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
    if (e == j || weekday_from_word(t + j, e - j) < 0 || !word_ends(t, len, e))
        return j;
    if (e < len && (t[e] == '.' || t[e] == ','))
        e++;
    return skip_spaces(t, len, e);
}

/* Skips the second day of a range: "21 en 22 april", "21-22 april", "9 en
 * vrijdag 10 november", "12th–13th"; the event is the first day. */
static void skip_day_range(const char *t, size_t len, size_t *k)
{
    size_t j = skip_spaces(t, len, *k);
    size_t after = skip_range_separator(t, len, j);
    if (after == j)
        return;
    j = skip_weekday(t, len, skip_spaces(t, len, after));
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
    skip_day_range(t, len, &k);
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
    skip_day_range(t, len, &k);
    int y;
    bool has_year;
    if (!finish_year(t, len, &k, default_year, &y, &has_year))
        return false;
    *h = (date_hit){.start = i, .end = k, .y = y, .m = m, .d = d, .has_year = has_year,
                    .weekday = weekday_before(t, i)};
    return true;
}

/* A date without a year whose weekday does not fit its year gets the year
 * before or after where it does ("vrijdag 27 december" in a January report). */
static void fit_weekday(date_hit *h)
{
    if (h->has_year || h->weekday < 0 || !valid_date(h->y, h->m, h->d) ||
        weekday_of(h->y, h->m, h->d) == h->weekday)
        return;
    for (int dy = -1; dy <= 1; dy += 2)
        if (valid_date(h->y + dy, h->m, h->d) &&
            weekday_of(h->y + dy, h->m, h->d) == h->weekday) {
            h->y += dy;
            return;
        }
}

/* The next valid date at or after *from in t[0..len). */
static bool next_date(const char *t, size_t len, size_t *from, int default_year,
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
                    match_day_first(t, len, i, default_year, h);
        else if (starts_word && is_alpha(t[i]))
            found = match_month_first(t, len, i, default_year, h);
        if (found && valid_date(h->y, h->m, h->d)) {
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

static void format_date(int y, int m, int d, char out[11])
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
    if (!next_date(text, strlen(text), &from, default_year, &h))
        return false;
    format_date(h.y, h.m, h.d, out);
    return true;
}

/* ---- what a date is about ---- */

/* How far around a date its sentence is read. */
enum { SENTENCE_REACH = 120 };

/* Words right before a date that make it the day a text was published:
 * an anchor, never the event, whatever weekday it names. */
static const char *const PUBLISHED_CUES[] = {
    "gepubliceerd op ", "gepubliceerd ", "verschenen op ", "verschenen ",
    "geplaatst op ", "bijgewerkt op ", "laatst gewijzigd op ", "publicatiedatum ",
    "datum publicatie ", "published on ", "published ", "posted on ", "posted ",
    "updated on ", "updated ", "date published ", NULL,
};

/* Words right before a date that make it the date of a law, a deadline or
 * a life: not the event, unless a weekday says it is a day out. */
static const char *const PAST_CUES[] = {
    "sinds ", "per ", "vanaf ", "sedert ", "uiterlijk ", "tot ", "t/m ",
    "voor ", "na ", "d.d. ", "rapport van ", "publicatie van ", "brief van ",
    "wet van ", "besluit van ", "in werking", "ingegaan op ", "deadline ",
    "ingaande ", "met ingang van ", "geboren ", "overleden ", "opgericht ",
    "since ", "as of ", "until ", "before ", "after ", "by ", NULL,
};

/* Does lower end with a cue (at a word start)? */
static bool ends_with_cue(const char *lower, const char *const *cues)
{
    size_t n = strlen(lower);
    for (size_t k = 0; cues[k]; k++) {
        size_t c = strlen(cues[k]);
        if (c <= n && memcmp(lower + n - c, cues[k], c) == 0 &&
            (c == n || !is_alpha(lower[n - c - 1])))
            return true;
    }
    return false;
}

typedef enum { ABOUT_EVENT, ABOUT_PUBLICATION, ABOUT_OTHER } date_about;

/* What the date in t is about, by the words of its sentence. */
static date_about about(const char *t, size_t len, const date_hit *h)
{
    char before[160], after[160];
    size_t ss = vp_ex_sentence_start(t, h->start, SENTENCE_REACH);
    size_t se = vp_ex_sentence_end(t, len, h->end, SENTENCE_REACH);
    vp_ex_lower(t, ss, h->start, before, sizeof before);
    vp_ex_lower(t, h->end, se, after, sizeof after);
    if (vp_ex_about_next_meeting(t, len, h->start, h->end))
        return ABOUT_OTHER;
    /* the weekday belongs to the date: look before it */
    size_t n = strlen(before), w = n;
    while (w > 0 && (before[w - 1] == ' ' || before[w - 1] == ',' || before[w - 1] == '.'))
        w--;
    size_t wend = w;
    while (w > 0 && is_alpha(before[w - 1]))
        w--;
    if (weekday_from_word(before + w, wend - w) >= 0)
        n = w;
    /* "Publicatiedatum: 28 januari": the cue without its colon */
    while (n > 0 && (before[n - 1] == ' ' || before[n - 1] == ':' || before[n - 1] == '*'))
        n--;
    if (n + 2 > sizeof before)
        n = sizeof before - 2;
    before[n] = ' ';
    before[n + 1] = '\0';
    if (ends_with_cue(before, PUBLISHED_CUES))
        return ABOUT_PUBLICATION;
    if (h->weekday < 0 && ends_with_cue(before, PAST_CUES))
        return ABOUT_OTHER;
    return strstr(before, "in werking") ? ABOUT_OTHER : ABOUT_EVENT;
}

static bool is_heading(const vp_block *b)
{
    return b->kind == VP_BLOCK_HEADING || b->pseudo_heading;
}

static bool heading_is_next_meeting(const vp_block *b)
{
    size_t len = strlen(b->text);
    return vp_ex_about_next_meeting(b->text, len, 0, len < 120 ? len : 120);
}

/* ---- years ---- */

/* A plausible event year (a four-digit number 1990-2099) anywhere in s. */
static int find_year(const char *s)
{
    if (!s)
        return 0;
    size_t len = strlen(s);
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
static int month_year(const char *s)
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

/* ---- the report ---- */

/* How many blocks after the title count as the opening of a report, and
 * how many of the first blocks may be a dateline. */
enum { OPENING_BLOCKS = 8, DATELINE_BLOCKS = 4, DATELINE_MAX = 160,
       LEDE_PARAGRAPHS = 2 };
/* How long after an event a report is written up, at most. */
enum { WRITE_UP_DAYS = 62 };

typedef enum { ANCHOR_NONE, ANCHOR_FRONT_MATTER, ANCHOR_TITLE, ANCHOR_DATELINE,
               ANCHOR_PUBLISHED } anchor_kind;

typedef struct anchor {
    anchor_kind kind;
    int y, m, d;
    const vp_block *block;   /* the dateline's block */
} anchor;

typedef struct event {
    bool found;
    bool strong;             /* a weekday in the opening */
    int y, m, d;
} event;

/* Is b the title block (the heading or first line the title came from)? */
static bool is_title_block(const vp_parsed *p, const vp_document *d, size_t i)
{
    return !p->fm.title && d->title && strncmp(p->blocks[i].text, d->title,
                                               strlen(d->title)) == 0;
}

/* A dateline or publication line among the first blocks: a short block
 * holding a full date ("Hoorn, 2017-09-29", "*Gepubliceerd op woensdag 3
 * maart 2021*", "euregio · 20 november 2023"). */
static anchor dateline(const vp_parsed *p, const vp_document *d)
{
    anchor a = {ANCHOR_NONE, 0, 0, 0, NULL};
    for (size_t i = 0, seen = 0; i < p->n_blocks && seen < DATELINE_BLOCKS; i++) {
        const vp_block *b = &p->blocks[i];
        if (b->kind == VP_BLOCK_CODE || is_title_block(p, d, i))
            continue;
        seen++;
        size_t len = strlen(b->text);
        if (len > DATELINE_MAX || b->kind == VP_BLOCK_TABLE_ROW)
            continue;
        size_t from = 0;
        date_hit h;
        while (next_date(b->text, len, &from, 0, &h)) {
            date_about what = h.has_year ? about(b->text, len, &h) : ABOUT_OTHER;
            if (what == ABOUT_OTHER)
                continue;
            return (anchor){what == ABOUT_PUBLICATION ? ANCHOR_PUBLISHED : ANCHOR_DATELINE,
                            h.y, h.m, h.d, b};
        }
    }
    return a;
}

/* The year a date without one takes. */
static int default_year(const vp_parsed *p, const vp_document *d, const anchor *a)
{
    if (a->kind != ANCHOR_NONE)
        return a->y;
    for (size_t i = 0, seen = 0; i < p->n_blocks && seen < DATELINE_BLOCKS; i++) {
        const vp_block *b = &p->blocks[i];
        if (b->kind == VP_BLOCK_CODE || strlen(b->text) > DATELINE_MAX)
            continue;
        seen++;
        int y = month_year(b->text);
        if (y)
            return y;
    }
    int y = find_year(d->title);
    if (y)
        return y;
    for (size_t bi = 0; bi < p->n_blocks; bi++) {
        const vp_block *b = &p->blocks[bi];
        if (b->kind == VP_BLOCK_CODE)
            continue;
        size_t len = strlen(b->text), from = 0;
        date_hit h;
        while (next_date(b->text, len, &from, 0, &h))
            if (h.has_year && about(b->text, len, &h) == ABOUT_EVENT)
                return h.y;
    }
    return 0;
}

/* "afgelopen donderdag", "vorige vrijdag", "last Thursday": the weekday
 * named, counted back from the day the text was written. */
static bool relative_weekday(const vp_parsed *p, const anchor *a, event *e)
{
    static const char *const PAST[] = {"afgelopen", "vorige", "last", "jongstleden", NULL};
    if (a->kind == ANCHOR_NONE)
        return false;
    for (size_t bi = 0, seen = 0; bi < p->n_blocks && seen < OPENING_BLOCKS; bi++) {
        const vp_block *b = &p->blocks[bi];
        if (b->kind == VP_BLOCK_CODE || is_heading(b))
            continue;
        seen++;
        const char *t = b->text;
        size_t len = strlen(t), pos = 0, ws, we, ns, ne;
        while (vp_ex_next_word(t, len, pos, &ws, &we)) {
            pos = we;
            if (!vp_ex_eq_any(t + ws, we - ws, PAST) || !vp_ex_next_word(t, len, we, &ns, &ne))
                continue;
            int wd = weekday_from_word(t + ns, ne - ns);
            if (wd < 0)
                continue;
            long anchor_day = day_number(a->y, a->m, a->d);
            int back = (weekday_of(a->y, a->m, a->d) - wd + 7) % 7;
            from_day_number(anchor_day - (back ? back : 7), &e->y, &e->m, &e->d);
            e->found = e->strong = true;
            return true;
        }
    }
    return false;
}

/* "Op 6 oktober hielden wij ...", "On March 13th, ...": a sentence that
 * opens with the date. */
static bool opens_sentence(const char *t, size_t start)
{
    size_t ws, we;
    if (!vp_ex_prev_word(t, start, &ws, &we) || !(vp_ex_eq(t + ws, we - ws, "op") ||
                                                 vp_ex_eq(t + ws, we - ws, "on")))
        return false;
    size_t i = ws;
    while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '*' || t[i - 1] == '_'))
        i--;
    return i == 0 || t[i - 1] == '.' || t[i - 1] == '!' || t[i - 1] == '?' ||
           t[i - 1] == '\n';
}

/* A date that says when something happened, not when a text was dated: in
 * a sentence, or with its weekday.  A byline ("Tekst: secretariaat, 28
 * september 2023") does not confirm an anchor. */
static bool in_a_sentence(size_t block_len, const date_hit *h)
{
    return h->weekday >= 0 || block_len > DATELINE_MAX / 2;
}

/* The event date the text gives: the first date of the opening with a
 * weekday or that opens the first sentences, else the first date about an
 * event.  *confirms is set when some date about an event (outside the
 * anchor's own line) is the anchor's day. */
static void event_from_text(const vp_parsed *p, int year, const anchor *a, event *e,
                            bool *confirms)
{
    bool next_section = false, have_first = false;
    event first = {0};
    size_t seen = 0, paragraphs = 0;
    *confirms = false;
    *e = (event){0};
    for (size_t bi = 0; bi < p->n_blocks; bi++) {
        const vp_block *b = &p->blocks[bi];
        if (b->kind == VP_BLOCK_CODE)
            continue;
        if (is_heading(b))
            next_section = heading_is_next_meeting(b);
        if (next_section)
            continue;
        size_t len = strlen(b->text), from = 0;
        if (!is_heading(b)) {
            seen++;
            paragraphs += len > DATELINE_MAX / 2;
        }
        date_hit h;
        while (next_date(b->text, len, &from, year, &h)) {
            if (about(b->text, len, &h) != ABOUT_EVENT)
                continue;
            if (b != a->block && h.y == a->y && h.m == a->m && h.d == a->d &&
                in_a_sentence(len, &h))
                *confirms = true;
            bool strong = (h.weekday >= 0 && seen <= OPENING_BLOCKS) ||
                          (paragraphs <= LEDE_PARAGRAPHS && opens_sentence(b->text, h.start));
            if (strong && !e->found)
                *e = (event){true, true, h.y, h.m, h.d};
            if (!have_first) {
                first = (event){true, false, h.y, h.m, h.d};
                have_first = true;
            }
        }
    }
    if (!e->found)
        *e = first;
}

/* The date in the path's file name: "2017-04-21-gorinchem.md". */
static bool date_from_path(const char *path, int *y, int *m, int *d)
{
    if (!path)
        return false;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    date_hit h;
    size_t len = strlen(base);
    if (len >= 10 && match_iso(base, len, 0, &h) && valid_date(h.y, h.m, h.d)) {
        *y = h.y;
        *m = h.m;
        *d = h.d;
        return true;
    }
    return false;
}

/* Was the anchor the day the report was written rather than the event? */
static bool written_after(const anchor *a, const event *e, bool confirmed)
{
    if (!e->found)
        return false;
    if (a->kind == ANCHOR_PUBLISHED)
        return true;
    long gap = day_number(a->y, a->m, a->d) - day_number(e->y, e->m, e->d);
    return e->strong && !confirmed && gap > 0 && gap <= WRITE_UP_DAYS;
}

static vp_extract_status set_date(vp_document *d, int y, int m, int day, bool found)
{
    free(d->date);
    d->date = NULL;
    if (found) {
        char out[11];
        format_date(y, m, day, out);
        d->date = vp_xstrdup(out);
    }
    return VP_EXTRACT_OK;
}

/* A date that is the whole value (front matter), with its year default. */
static bool parse_anchor(const char *s, anchor_kind kind, anchor *a)
{
    date_hit h;
    size_t from = 0;
    if (!s || !next_date(s, strlen(s), &from, find_year(s), &h))
        return false;
    *a = (anchor){kind, h.y, h.m, h.d, NULL};
    return true;
}

/* The first full date of the title that is not a publication date. */
static bool title_date(const vp_parsed *p, const vp_document *d, anchor *a)
{
    const char *title = d->title;
    if (!title)
        return false;
    size_t len = strlen(title), from = 0;
    date_hit h;
    while (next_date(title, len, &from, 0, &h))
        if (about(title, len, &h) != ABOUT_PUBLICATION) {
            *a = (anchor){ANCHOR_TITLE, h.y, h.m, h.d, NULL};
            /* the block it came from does not confirm itself */
            for (size_t i = 0; i < p->n_blocks && !a->block; i++)
                if (is_title_block(p, d, i))
                    a->block = &p->blocks[i];
            return true;
        }
    return false;
}

vp_extract_status vp_extract_date(const vp_extract_ctx *ctx, const vp_parsed *p,
                                  vp_document *d, vp_extract_issue *issue)
{
    (void)ctx;
    anchor a = {ANCHOR_NONE, 0, 0, 0, NULL};
    const char *fm = p->fm.date;
    if (fm && *fm && !parse_anchor(fm, ANCHOR_FRONT_MATTER, &a))
        vp_extract_note(issue, p->fm.date_line, "unrecognised date '%s'", fm);
    if (a.kind == ANCHOR_NONE && !title_date(p, d, &a))
        a = dateline(p, d);

    int year = default_year(p, d, &a);
    int py, pm, pd;
    if (!year && date_from_path(d->path, &py, &pm, &pd))
        year = py;
    event e;
    bool confirmed;
    event_from_text(p, year, &a, &e, &confirmed);
    if (!e.strong && a.kind != ANCHOR_NONE) {
        event rel = {0};
        if (relative_weekday(p, &a, &rel))
            e = rel;
    }
    if (a.kind != ANCHOR_NONE && !written_after(&a, &e, confirmed))
        return set_date(d, a.y, a.m, a.d, true);
    if (e.found)
        return set_date(d, e.y, e.m, e.d, true);
    bool by_path = date_from_path(d->path, &py, &pm, &pd);
    return set_date(d, py, pm, pd, by_path);
}
