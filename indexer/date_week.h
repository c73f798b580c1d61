/*
 * date_week.h: a day named by its ISO week ("week 42", "donderdag (week
 * 42)", "week 22, vrijdag") or by its place in the month ("de eerste
 * donderdag van oktober"), for the date stage (extract_date.c).  Private
 * to indexer/.
 *
 * A week number names a day only with a weekday next to it.  Alone it
 * names seven; extract_date.c then takes the association's usual day (see
 * VP_DATE_USUAL_WEEKDAY) and only when the report gives no other date.  A
 * week of something else ("Stageblog week 5") is not told apart here: the
 * caller reads weeks last, when no date was found.
 */
#ifndef VP_DATE_WEEK_H
#define VP_DATE_WEEK_H

#include <stdbool.h>
#include <stddef.h>

#include "date_parse.h"

/* The day the platform's meetings fall on most: Friday (144 of the 292
 * labelled reports of all sets in December 2026; Thursday 124, the week's
 * first day 8).  A bare "week 42" is taken to mean that day of the week. */
enum { VP_DATE_USUAL_WEEKDAY = 4 };

/* Monday of ISO week `week` of ISO year y, as a day number
 * (vp_date_day_number). */
long vp_date_iso_week_monday(int y, int week);

/* The first "week N" (1-53) in t[0..len) with its weekday (-1 when none
 * stands next to it): fills *week and *weekday, false when none. */
bool vp_date_find_week(const char *t, size_t len, int *week, int *weekday);

/* The first day named by its place in a month in t[0..len): "de eerste
 * donderdag van oktober", "de eerste donderdag en vrijdag van oktober"
 * (its first day), "the last Friday of May 2019"; the year written after
 * the month, else `year` (0: none, no day); not in a sentence about the
 * next meeting ("de volgende bijeenkomst is op de eerste donderdag van
 * maart").  Fills *y, *m, *d; false when there is none. */
bool vp_date_find_nth_weekday(const char *t, size_t len, int year, int *y, int *m, int *d);

#endif /* VP_DATE_WEEK_H */
