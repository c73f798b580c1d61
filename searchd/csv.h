/*
 * csv.h: RFC 4180 CSV fields written into a vp_buf (buf.h), for the exports
 * (/export, /trends and vind): a field is quoted when it holds a quote,
 * comma, CR or LF, quotes are doubled, rows end with CRLF.
 */
#ifndef VP_CSV_H
#define VP_CSV_H

#include <stdbool.h>

#include "buf.h"

/* Appends s as a CSV field, preceded by a comma unless first (NULL: empty). */
void vp_csv_field(vp_buf *b, const char *s, bool first);
/* Ends a row: CRLF. */
void vp_csv_end_row(vp_buf *b);

#endif /* VP_CSV_H */
