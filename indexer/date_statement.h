/*
 * date_statement.h: a sentence that states on which day the event took
 * place ("De dag vond plaats op 8 oktober 2026", "die op donderdag 9 juni
 * plaatsvond", "The meeting was held on 3 May", "Op 22 november 2012
 * organiseerde de gemeente een kennisdag"), for the date stage
 * (extract_date.c).  Private to indexer/.
 *
 * Such a statement is the text's own word on the event's day: it beats a
 * publication date in the front matter, however long after the day the
 * report was published (a year report, a podcast's show notes).  The
 * present tense ("vindt plaats op") announces the next meeting and is not
 * one.
 */
#ifndef VP_DATE_STATEMENT_H
#define VP_DATE_STATEMENT_H

#include <stdbool.h>
#include <stddef.h>

#include "date_parse.h"

/* Does the sentence of the date h in t[0..len) say the event took place
 * that day? */
bool vp_date_stated_as_event(const char *t, size_t len, const date_hit *h);

/* A month and year the text says the event took place in ("de kennisdag
 * die in maart 2016 in Helmond plaatsvond"): fills *y and *m, false when
 * t[0..len) says none.  The day may stand elsewhere (a footnote). */
bool vp_date_stated_month(const char *t, size_t len, int *y, int *m);

#endif /* VP_DATE_STATEMENT_H */
