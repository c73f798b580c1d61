/*
 * date_announce.h: a text written before its day or looking back on one,
 * for the date stage (extract_date.c).  Private to indexer/.
 *
 * Owns the words by which a text calls itself a press release or an
 * invitation, or calls to sign up or to book a room; the day an invitation
 * looks back on ("Terugblik: Emmen, 16 november 2012"); and whether a
 * report calls itself a look-back ("Terugblik op de najaarsbijeenkomst").
 * How far before or after its anchor such a day may lie is extract_date.c's
 * choice.
 */
#ifndef VP_DATE_ANNOUNCE_H
#define VP_DATE_ANNOUNCE_H

#include <stdbool.h>

#include "date_stage.h"
#include "extract.h"

/* Does the text call itself a press release or an invitation (a heading,
 * a front matter tag), or call to sign up or to book a room? */
bool vp_date_announces(const vp_parsed *p);

/* The first date about an event in a look-back's opening line or the
 * paragraph under its heading, dates without a year taking year: into *e,
 * false when there is none. */
bool vp_date_look_back_day(const vp_parsed *p, int year, event *e);

/* Does the report call itself a look-back, in its title or a heading of
 * its opening? */
bool vp_date_looks_back(const vp_parsed *p, const vp_document *d);

#endif /* VP_DATE_ANNOUNCE_H */
