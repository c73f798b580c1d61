/*
 * date_cues.h: what the words and the line around one date in a report say
 * of it, for the date stage (extract_date.c).  Private to indexer/.
 *
 * Owns the cue words: those that make a date a publication line
 * ("gepubliceerd op", "uitgezonden op", "posted"), those that make it a
 * law's, a deadline's or a life's ("sinds", "uiterlijk", "geboren"), and
 * the nouns that name the event itself ("studiedag", "bijeenkomst").  It
 * reads one sentence or one block; which date of the report is the event's
 * is extract_date.c's choice, and the relative days ("gisteren") are
 * date_relative.c's.
 */
#ifndef VP_DATE_CUES_H
#define VP_DATE_CUES_H

#include <stdbool.h>
#include <stddef.h>

#include "date_parse.h"

/* How long a dateline or a publication line is at most (bytes); a line or
 * block of half that is a byline's, longer text is prose. */
enum { VP_DATELINE_MAX = 160 };

typedef enum {
    VP_DATE_ABOUT_EVENT,         /* something that happened that day */
    VP_DATE_ABOUT_PUBLICATION,   /* the day the text was published or updated */
    VP_DATE_ABOUT_OTHER,         /* the next meeting, a law, a deadline, a life */
} vp_date_about;

/* What the date h in t[0..len) is about, by the words of its sentence. */
vp_date_about vp_date_about_of(const char *t, size_t len, const date_hit *h);

/* Does the date's sentence name the event ("Opgenomen tijdens de
 * netwerkdag in Venlo, 8 februari", "na de kennisdag van 14 april"), and
 * not another one ("de vorige bijeenkomst")? */
bool vp_date_names_event(const char *t, size_t len, const date_hit *h);

/* The year named right after an event noun ("de eerste kennisdag van
 * 2026", "de netwerkdag 2019"), not after another meeting's ("de vorige
 * bijeenkomst van 2019"); 0 when t[0..len) names none. */
int vp_date_event_noun_year(const char *t, size_t len);

/* The days the sentence says lie between the date and the day the text was
 * written, in the words before the date ("Twee weken geleden, op 19
 * april"); 0 when it says none. */
long vp_date_stated_gap(const char *t, const date_hit *h);

/* A day and month in figures right after an event noun, as a memo's
 * subject line has it ("Betreft: verslag bijeenkomst 21-09"), in the given
 * year: fills *h and returns true, false when t has none. */
bool vp_date_event_noun_day(const char *t, size_t len, int year, date_hit *h);

/* Does the date open its block as a press release's dateline: at most a
 * place and a comma before it, a dash after it ("*Zeist, 5 september
 * 2017* -- Op vrijdag ...")? */
bool vp_date_leads_block(const char *t, const date_hit *h);

/* Does the date open a sentence ("Op 6 oktober hielden wij ...", "On March
 * 13th, ...")? */
bool vp_date_opens_sentence(const char *t, size_t start);

/* Does the date say when something happened rather than when the text was
 * dated: in a sentence or with its weekday, and neither a byline's nor a
 * dateline's?  block_len is the length of t. */
bool vp_date_in_a_sentence(const char *t, size_t block_len, const date_hit *h);

#endif /* VP_DATE_CUES_H */
