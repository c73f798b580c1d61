/*
 * date_parse.h: date expressions, for the date stage (extract_date.c):
 * the calendar, one date in text ("vrijdag 21 april 2017", "April 21st,
 * 2017", "2019-10-04T13:00", "12 jun. '15", ranges), and the years a text
 * names.  Private to indexer/; vp_parse_date() in extract.h is the public
 * door.
 */
#ifndef VP_DATE_PARSE_H
#define VP_DATE_PARSE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct date_hit {
    size_t start, end;   /* byte range of the expression (weekday excluded) */
    int y, m, d;
    bool has_year;
    int weekday;         /* named before the date ("vrijdag 21 april"), else -1 */
} date_hit;

/* ---- the calendar ---- */

/* y-m-d is a day of 1900-2099. */
bool vp_date_valid(int y, int m, int d);
/* Days since 1970-01-01, and back. */
long vp_date_day_number(int y, int m, int d);
void vp_date_from_day_number(long z, int *y, int *m, int *d);
/* 0 = Monday .. 6 = Sunday. */
int vp_date_weekday_of(int y, int m, int d);
/* A weekday word ("vrijdag", "vr", "Friday", "vrijdagochtend"), -1 when none. */
int vp_date_weekday_from_word(const char *s, size_t n);
/* A month word ("oktober", "okt", "October"), 1-12; 0 when none. */
int vp_date_month_from_word(const char *s, size_t n);
/* "YYYY-MM-DD" of a valid date. */
void vp_date_format(int y, int m, int d, char out[11]);

/* ---- dates and years in text ---- */

/* The next valid date at or after *from in t[0..len) (a date without a
 * year takes default_year; 0: such dates are skipped); *from moves past
 * it. */
bool vp_date_next(const char *t, size_t len, size_t *from, int default_year, date_hit *h);
/* A plausible event year (a four-digit number 1990-2099) anywhere in s, 0
 * when none. */
int vp_date_find_year(const char *s);
/* The same in s[0..len) (a word of a longer text). */
int vp_date_find_year_in(const char *s, size_t len);
/* The year of a month followed by a year anywhere in s ("mei 2015",
 * "Nieuws · oktober 2021"), 0 when none. */
int vp_date_month_year(const char *s);
/* The date in a path's file name ("2017-04-21-gorinchem.md"). */
bool vp_date_from_path(const char *path, int *y, int *m, int *d);

#endif /* VP_DATE_PARSE_H */
