/*
 * date_mail.h: the header of an e-mail pasted into a report ("Van: ...",
 * "Verzonden: vrijdag 19 maart 2010 11:15", "Date: Wed, 27 May 2026"), for
 * the date stage.  Private to indexer/.
 *
 * The date of a header's Date, Verzonden or Sent line is the day the
 * mail was sent, never the event, whatever weekday it names; a forward
 * quotes the mails before it with their own headers, and a relative day
 * ("gisteren") in a quoted mail counts from that mail's (extract_date.c).
 */
#ifndef VP_DATE_MAIL_H
#define VP_DATE_MAIL_H

#include <stdbool.h>
#include <stddef.h>

#include "date_parse.h"

/* Is the date h of the block t[0..len) on the sent line of a mail header
 * (a block with a From, To or Cc line, or Van, Aan), or on the Datum line
 * of a memo's head (a block with both a Van and an Aan line)? */
bool vp_date_in_mail_header(const char *t, size_t len, const date_hit *h);

#endif /* VP_DATE_MAIL_H */
