/*
 * date_numeric.h: the short numeric dates memos, mails and summaries write,
 * for date_parse.c: a day and month after a weekday without a year ("di
 * 4/10", "vr 13/6") and a day, month and two-digit year ("3-12-'20").
 * Private to indexer/.
 *
 * A bare "4/10" or "7-3" is a score, a fraction or a ratio as often as a
 * day, so it is a date only after a weekday or "op" ("Op 15/3 bezocht ik
 * ..."); the year then comes from the report (date_parse.c's default year,
 * fitted to the weekday).
 */
#ifndef VP_DATE_NUMERIC_H
#define VP_DATE_NUMERIC_H

#include <stdbool.h>
#include <stddef.h>

#include "date_parse.h"

/* "4/10" or "13-6" at t[i], the weekday (0 = Monday) named right before
 * it (-1: none, and then no date), in default_year (0: no date). */
bool vp_date_match_weekday_day_month(const char *t, size_t len, size_t i, int weekday,
                                     int default_year, date_hit *h);

/* "15/3" or "15-3" at t[i] right after "op", not a share ("op 2/3 van
 * de scholen"), in default_year (0: no date). */
bool vp_date_match_on_day_month(const char *t, size_t len, size_t i, int default_year,
                                date_hit *h);

/* "3-12-'20", "30/9/'21", "3.10.’13" at t[i] (the apostrophe's years as
 * "'15" has them: 2000-2069, else the 1900s). */
bool vp_date_match_numeric_short_year(const char *t, size_t len, size_t i, date_hit *h);

#endif /* VP_DATE_NUMERIC_H */
