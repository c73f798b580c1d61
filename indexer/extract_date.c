/*
 * extract_date.c: the date stage (see extract.c).
 *
 * Order of trust: the front matter date, a full date in the title, then the
 * first date in the text that is about the event itself.  Reports mention
 * other dates too: the next meeting ("de volgende bijeenkomst is op ..."),
 * laws and publications ("sinds 1 januari 2015"); those are skipped by
 * looking at the words around the date within its sentence and at the
 * heading of its section.  A date without a year ("op vrijdag 21 april")
 * takes the year of the title, the front matter or the report's other dates.
 */
#include "extract_stages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract_text.h"

typedef struct date_hit {
    size_t start, end;   /* byte range of the expression (weekday excluded) */
    int y, m, d;
    bool has_year;
    bool has_weekday;    /* "vrijdag 21 april": a strong event signal */
} date_hit;

static const struct { const char *name; int month; } MONTHS[] = {
    {"januari", 1}, {"jan", 1}, {"februari", 2}, {"feb", 2}, {"febr", 2},
    {"maart", 3}, {"mrt", 3}, {"mar", 3}, {"march", 3}, {"april", 4},
    {"apr", 4}, {"mei", 5}, {"may", 5}, {"juni", 6}, {"jun", 6},
    {"june", 6}, {"juli", 7}, {"jul", 7}, {"july", 7}, {"augustus", 8},
    {"aug", 8}, {"september", 9}, {"sep", 9}, {"sept", 9}, {"oktober", 10},
    {"okt", 10}, {"oct", 10}, {"october", 10}, {"november", 11},
    {"nov", 11}, {"december", 12}, {"dec", 12}, {"january", 1},
    {"february", 2}, {"august", 8},
};

static const char *const WEEKDAYS[] = {
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag",
    "zondag", "ma", "di", "wo", "do", "vr", "za", "zo", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", NULL,
};

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

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

/* Reads up to maxd digits at t[*i]; returns the count and the value. */
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

static int month_from_word(const char *s, size_t n)
{
    for (size_t k = 0; k < sizeof MONTHS / sizeof MONTHS[0]; k++)
        if (vp_ex_eq(s, n, MONTHS[k].name))
            return MONTHS[k].month;
    return 0;
}

static bool has_weekday_before(const char *t, size_t pos)
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
        return false;
    for (size_t k = 0; WEEKDAYS[k]; k++)
        if (vp_ex_eq(t + i, end - i, WEEKDAYS[k]))
            return true;
    return false;
}

/* A four-digit year at t[*i], after optional spaces/comma. */
static bool read_year(const char *t, size_t len, size_t *i, int *year)
{
    size_t j = *i;
    while (j < len && (t[j] == ' ' || t[j] == ','))
        j++;
    int y;
    size_t k = j;
    if (read_number(t, len, &k, 4, &y) != 4)
        return false;
    if (k < len && vp_ex_is_wordchar(t + k, len - k))
        return false;
    *year = y;
    *i = k;
    return true;
}

/* "2017-04-21" */
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
    if (nd < 1 || nd > 2 || (k < len && vp_ex_is_wordchar(t + k, len - k)))
        return false;
    *h = (date_hit){.start = i, .end = k, .y = y, .m = m, .d = d,
                    .has_year = true};
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
    if (k < len && (vp_ex_is_wordchar(t + k, len - k) ||
                    (t[k] == sep && k + 1 < len && is_digit(t[k + 1]))))
        return false;
    *h = (date_hit){.start = i, .end = k, .y = y, .m = m, .d = d,
                    .has_year = true};
    return true;
}

/* Skips an ordinal suffix ("1e", "1ste", "2de") right after a day number. */
static void skip_ordinal(const char *t, size_t len, size_t *k)
{
    static const char *const suffixes[] = {"ste", "de", "e", NULL};
    for (size_t s = 0; suffixes[s]; s++) {
        size_t n = strlen(suffixes[s]);
        if (*k + n <= len && vp_ex_eq(t + *k, n, suffixes[s]) &&
            (*k + n == len || !vp_ex_is_wordchar(t + *k + n, len - *k - n))) {
            *k += n;
            return;
        }
    }
}

/* Skips the second day of a range: "21 en 22 april", "21-22 april",
 * "21 t/m 23 april"; the event date is the first day. */
static void skip_day_range(const char *t, size_t len, size_t *k)
{
    size_t j = *k;
    while (j < len && t[j] == ' ')
        j++;
    if (j + 2 < len && vp_ex_eq(t + j, 2, "en") && t[j + 2] == ' ')
        j += 3;
    else if (j + 3 < len && vp_ex_eq(t + j, 3, "t/m") && t[j + 3] == ' ')
        j += 4;
    else if (j < len && (t[j] == '-' || t[j] == '&'))
        j++;
    else if (j + 2 < len && (unsigned char)t[j] == 0xE2 &&
             (unsigned char)t[j + 1] == 0x80 && (unsigned char)t[j + 2] == 0x93)
        j += 3;   /* en dash */
    else
        return;
    while (j < len && t[j] == ' ')
        j++;
    int d2;
    size_t e = j;
    int n = read_number(t, len, &e, 2, &d2);
    if (n < 1 || n > 2 || d2 < 1 || d2 > 31)
        return;
    skip_ordinal(t, len, &e);
    *k = e;
}

/* "21 april 2017", "21 apr. 2017", "1e mei", "21 en 22 april" */
static bool match_prose(const char *t, size_t len, size_t i, int default_year,
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
    while (k < len && t[k] == ' ')
        k++;
    size_t ms = k;
    while (k < len && is_alpha(t[k]))
        k++;
    if (k < len && vp_ex_is_wordchar(t + k, len - k))
        return false;
    int m = month_from_word(t + ms, k - ms);
    if (!m)
        return false;
    if (k < len && t[k] == '.')
        k++;
    int y = default_year;
    bool has_year = read_year(t, len, &k, &y);
    if (!has_year && !default_year)
        return false;
    *h = (date_hit){.start = i, .end = k, .y = y, .m = m, .d = d,
                    .has_year = has_year};
    return true;
}

/* The next valid date at or after *from in t[0..len). */
static bool next_date(const char *t, size_t len, size_t *from, int default_year,
                      date_hit *h)
{
    for (size_t i = *from; i < len; i++) {
        if (!is_digit(t[i]) || (i > 0 && vp_ex_is_wordchar(t + i - 1, 1)) ||
            (i > 0 && (t[i - 1] == '-' || t[i - 1] == '/' || t[i - 1] == '.') &&
             i > 1 && is_digit(t[i - 2])))
            continue;
        bool found = match_iso(t, len, i, h) || match_numeric(t, len, i, h) ||
                     match_prose(t, len, i, default_year, h);
        if (found && valid_date(h->y, h->m, h->d)) {
            h->has_weekday = has_weekday_before(t, i);
            *from = h->end;
            return true;
        }
        while (i + 1 < len && is_digit(t[i + 1]))
            i++;
    }
    *from = len;
    return false;
}

static void format_date(const date_hit *h, char out[11])
{
    /* y, m and d are validated: 1900-2099, 1-12, 1-31 */
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)h->y % 10000u,
             (unsigned)h->m % 100u, (unsigned)h->d % 100u);
}

bool vp_parse_date(const char *text, int default_year, char out[11])
{
    if (!text)
        return false;
    size_t from = 0;
    date_hit h;
    if (!next_date(text, strlen(text), &from, default_year, &h))
        return false;
    format_date(&h, out);
    return true;
}

/* ---- context ---- */

/* How far around a date its sentence is read. */
enum { SENTENCE_REACH = 120 };

static bool contains_any(const char *lower, const char *const *cues)
{
    for (size_t k = 0; cues[k]; k++)
        if (strstr(lower, cues[k]))
            return true;
    return false;
}

/* Words that make a date the one of a later meeting. */
static const char *const NEXT_CUES[] = {
    "volgende", "save the date", "noteer", "in uw agenda", "in je agenda",
    "in de agenda", "agenda alvast", "komende bijeenkomst", "komende kennisdag",
    "staat gepland", "gepland op", "zal plaatsvinden", "zal worden gehouden",
    NULL,
};

/* Words right before a date that make it the date of a law, a publication
 * or a deadline. */
static const char *const PAST_CUES[] = {
    "sinds ", "per ", "vanaf ", "sedert ", "uiterlijk ", "tot ", "t/m ",
    "voor ", "na ", "d.d. ", "rapport van ", "publicatie van ", "brief van ",
    "wet van ", "besluit van ", "in werking", "ingegaan op ", "verschenen op ",
    "gepubliceerd op ", "verschenen ", "gepubliceerd ", "deadline ",
    "ingaande ", "met ingang van ", "geboren ", "overleden ", "opgericht ",
    NULL,
};

/* Does the text right before [ctx_start..pos) end with a cue? */
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

/* True when the date in t is about something other than the event. */
static bool is_distractor(const char *t, size_t len, const date_hit *h)
{
    char before[160], after[160];
    size_t ss = vp_ex_sentence_start(t, h->start, SENTENCE_REACH);
    size_t se = vp_ex_sentence_end(t, len, h->end, SENTENCE_REACH);
    /* the weekday belongs to the date; look before it */
    vp_ex_lower(t, ss, h->start, before, sizeof before);
    vp_ex_lower(t, h->end, se, after, sizeof after);
    if (contains_any(before, NEXT_CUES) || contains_any(after, NEXT_CUES))
        return true;
    /* strip a weekday before the date, then test the words before */
    size_t n = strlen(before);
    while (n > 0 && (before[n - 1] == ' ' || before[n - 1] == ','))
        n--;
    size_t w = n;
    while (w > 0 && is_alpha(before[w - 1]))
        w--;
    for (size_t k = 0; WEEKDAYS[k]; k++)
        if (n - w == strlen(WEEKDAYS[k]) && memcmp(before + w, WEEKDAYS[k], n - w) == 0) {
            before[w] = '\0';
            break;
        }
    if (!h->has_weekday && ends_with_cue(before, PAST_CUES))
        return true;
    const char *tail = strstr(before, "in werking");
    return tail != NULL;
}

static bool heading_is_next_meeting(const vp_block *b)
{
    char lower[160];
    vp_ex_lower(b->text, 0, strlen(b->text), lower, sizeof lower);
    return contains_any(lower, NEXT_CUES);
}

static bool is_heading(const vp_block *b)
{
    return b->kind == VP_BLOCK_HEADING || b->pseudo_heading;
}

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
        if (read_number(s, len, &k, 4, &y) == 4 && y >= 1990 && y <= 2099 &&
            (k == len || !vp_ex_is_wordchar(s + k, len - k)))
            return y;
        while (i + 1 < len && is_digit(s[i + 1]))
            i++;
    }
    return 0;
}

/* The year of the first full date in the text that is no distractor. */
static int year_from_text(const vp_parsed *p)
{
    for (size_t bi = 0; bi < p->n_blocks; bi++) {
        const vp_block *b = &p->blocks[bi];
        if (b->kind == VP_BLOCK_CODE)
            continue;
        size_t len = strlen(b->text), from = 0;
        date_hit h;
        while (next_date(b->text, len, &from, 0, &h))
            if (h.has_year && !is_distractor(b->text, len, &h))
                return h.y;
    }
    return 0;
}

/* The date in the path's file name: "2017-04-21-gorinchem.md". */
static bool date_from_path(const char *path, char out[11])
{
    if (!path)
        return false;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    date_hit h;
    size_t len = strlen(base);
    if (len >= 10 && match_iso(base, len, 0, &h) && valid_date(h.y, h.m, h.d)) {
        format_date(&h, out);
        return true;
    }
    return false;
}

/* How many blocks after the title count as the opening of a report. */
enum { OPENING_BLOCKS = 8 };

/* The first event date in the text; a date with a weekday in the opening
 * wins over an earlier one without. */
static bool date_from_text(const vp_parsed *p, int default_year, char out[11])
{
    bool next_section = false;
    date_hit first = {0};
    bool have_first = false;
    size_t seen = 0;
    for (size_t bi = 0; bi < p->n_blocks; bi++) {
        const vp_block *b = &p->blocks[bi];
        if (b->kind == VP_BLOCK_CODE)
            continue;
        if (is_heading(b))
            next_section = heading_is_next_meeting(b);
        if (next_section)
            continue;
        if (!is_heading(b))
            seen++;
        size_t len = strlen(b->text), from = 0;
        date_hit h;
        while (next_date(b->text, len, &from, default_year, &h)) {
            if (is_distractor(b->text, len, &h))
                continue;
            if (h.has_weekday && seen <= OPENING_BLOCKS) {
                format_date(&h, out);
                return true;
            }
            if (!have_first) {
                first = h;
                have_first = true;
            }
        }
    }
    if (have_first)
        format_date(&first, out);
    return have_first;
}

static vp_extract_status set_date(vp_document *d, const char *value)
{
    free(d->date);
    d->date = value ? strdup(value) : NULL;
    return value && !d->date ? VP_EXTRACT_NO_MEMORY : VP_EXTRACT_OK;
}

vp_extract_status vp_extract_date(const vp_extract_ctx *ctx, const vp_parsed *p,
                                  vp_document *d, vp_extract_issue *issue)
{
    (void)ctx;
    char out[11];
    const char *fm = p->fm.date;
    if (fm && *fm) {
        if (vp_parse_date(fm, find_year(fm), out))
            return set_date(d, out);
        vp_extract_note(issue, p->fm.date_line, "unrecognised date '%s'", fm);
    }
    const char *title = d->title;
    bool found = title && vp_parse_date(title, 0, out);
    if (!found) {
        int year = find_year(title);
        if (!year)
            year = find_year(fm);
        if (!year)
            year = year_from_text(p);
        if (!year && d->path && date_from_path(d->path, out))
            year = atoi(out);
        found = date_from_text(p, year, out) || date_from_path(d->path, out);
    }
    return set_date(d, found ? out : NULL);
}
