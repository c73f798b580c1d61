/*
 * date_update.h: a text written around its day, for the date stage
 * (extract_date.c).  Private to indexer/.
 *
 * Owns two shapes: an interview dated before the day with an update after
 * it ("## Update na de netwerkdag (18 november 2024)"), dated by the
 * weekday date between the two; and a memo or mail dated after several
 * days it looks back on, dated by the latest of them in the weeks before
 * its date.  When either applies is extract_date.c's choice.
 */
#ifndef VP_DATE_UPDATE_H
#define VP_DATE_UPDATE_H

#include <stdbool.h>

#include "date_stage.h"

/* The first date with a weekday above the update's heading that lies
 * after the anchor and within the write-up days before the update's date:
 * into *e, false when there is no update or no such day. */
bool vp_date_day_between_anchor_and_update(const vp_parsed *p, const anchor *a, event *e);

/* The latest day about an event within the write-up days before the
 * anchor (dates without a year taking year): into *e, false when none. */
bool vp_date_latest_day_before(const vp_parsed *p, int year, const anchor *a, event *e);

#endif /* VP_DATE_UPDATE_H */
