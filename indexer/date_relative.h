/*
 * date_relative.h: the days a relative expression names, counted back from
 * the day a text was written ("gisteren", "afgelopen donderdag", "vorige
 * week vrijdag", "donderdag vorige week", "last Thursday"), for the date
 * stage (extract_date.c).  Private to indexer/.
 *
 * Owns those words and the week they count in (Monday to Sunday).  Which
 * day the text was written, and whether a relative day beats the dates the
 * text names, is extract_date.c's choice.
 */
#ifndef VP_DATE_RELATIVE_H
#define VP_DATE_RELATIVE_H

#include <stddef.h>

/* The days back from a text written on a day of weekday written_wd (0 =
 * Monday) that the expression starting with the word t[ws..we) names; 0
 * when it names none, or stands in a quotation or a transcript's speech
 * turn ("VOORZITTER: ...") (a speaker's "gisteren" is
 * the day they spoke, not the day the text was written). */
long vp_date_days_back(const char *t, size_t len, size_t ws, size_t we, int written_wd);

#endif /* VP_DATE_RELATIVE_H */
