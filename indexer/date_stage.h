/*
 * date_stage.h: what the files of the date stage share (extract_date.c,
 * date_announce.c, date_update.c): the anchor that dates a report and the
 * event its text names, the limits in blocks and days they are read
 * within, and the walk for the first date of a block or a report that fits
 * what the caller looks for.  Private to indexer/.
 *
 * extract_date.c chooses between the anchor and the event; date_announce.c
 * reads a text written before its day (a press release, an invitation
 * looking back on the previous day), date_update.c one written around it
 * (an interview with an update after the day, a memo of several days).
 */
#ifndef VP_DATE_STAGE_H
#define VP_DATE_STAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "date_parse.h"
#include "extract.h"
#include "parsed.h"

/* How many blocks after the title count as the opening of a report. */
enum { OPENING_BLOCKS = 8 };
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
    bool stated;             /* "vond plaats op ..." (date_statement.h) */
    int y, m, d;
} event;

/* Is b a heading, or a line that stands as one ("**Programma**")? */
bool vp_date_block_is_heading(const vp_block *b);

/* Does the date h of t[0..len) fit what the caller looks for?  arg is the
 * caller's (an anchor, or NULL). */
typedef bool (*date_fits)(const char *t, size_t len, const date_hit *h, const void *arg);

/* The first date of t (a date without a year takes year; 0: skipped) that
 * fits: into *h, false when none does. */
bool vp_date_first(const char *t, int year, date_fits fits, const void *arg, date_hit *h);

/* The first date of the report's text (code left out) that fits. */
bool vp_date_first_of_text(const vp_parsed *p, int year, date_fits fits, const void *arg,
                           date_hit *h);

/* Fits: a date about an event (date_cues.h), a date with its year. */
bool vp_date_fits_event(const char *t, size_t len, const date_hit *h, const void *arg);
bool vp_date_fits_full(const char *t, size_t len, const date_hit *h, const void *arg);

/* Does match (with its arg) find what it looks for in the title (b NULL),
 * else in a block b of the opening?  It is tried on each in turn until it
 * says so. */
typedef bool (*text_match)(const char *t, size_t len, const vp_block *b, void *arg);
bool vp_date_in_title_or_opening(const vp_parsed *p, const vp_document *d, text_match match,
                                 void *arg);

#endif /* VP_DATE_STAGE_H */
