/*
 * csv.h: RFC 4180 CSV fields written into a vp_buf (buf.h), for the exports
 * (/export, /trends and vind): a field is quoted when it holds a quote,
 * comma, CR or LF, quotes are doubled, rows end with CRLF.
 *
 * Spreadsheet safety (OWASP, "CSV injection"): a spreadsheet runs a cell
 * that begins with = + - or @ as a formula, and some strip a leading tab
 * or CR first.  Report titles, speakers, organisations, headings and file
 * names are anyone's text, so a field that begins with one of those six,
 * after any apostrophes, gets one apostrophe in front (and is quoted), which
 * makes it text.  Counting the apostrophes makes it reversible: a field
 * that begins with apostrophes followed by one of the six had exactly one
 * added; take it off to get the value (JSON lines are never changed).
 * "'s-Hertogenbosch" is left as it is.
 */
#ifndef VP_CSV_H
#define VP_CSV_H

#include <stdbool.h>

#include "buf.h"

/* Appends s as a CSV field, preceded by a comma unless first (NULL: empty),
 * made safe for spreadsheets as above. */
void vp_csv_field(vp_buf *b, const char *s, bool first);
/* Whether vp_csv_field puts an apostrophe in front of s. */
bool vp_csv_needs_guard(const char *s);
/* Ends a row: CRLF. */
void vp_csv_end_row(vp_buf *b);

#endif /* VP_CSV_H */
