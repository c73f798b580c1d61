/*
 * csv.h: a growing byte buffer and RFC 4180 CSV fields, for the exports
 * (/export, /trends and vind): a field is quoted when it holds a quote,
 * comma, CR or LF, quotes are doubled, rows end with CRLF.
 */
#ifndef VP_CSV_H
#define VP_CSV_H

#include <stdbool.h>
#include <stddef.h>

typedef struct vp_buf {
    char *s;        /* owned, NUL-terminated when len > 0 */
    size_t len, cap;
    bool failed;    /* an append ran out of memory: the content is incomplete */
} vp_buf;

#define VP_BUF_INIT {NULL, 0, 0, false}

void vp_buf_append(vp_buf *b, const char *s, size_t n);
void vp_buf_puts(vp_buf *b, const char *s);
void vp_buf_reset(vp_buf *b);      /* empty, memory kept */
void vp_buf_free(vp_buf *b);

/* Appends s as a CSV field, preceded by a comma unless first (NULL: empty). */
void vp_csv_field(vp_buf *b, const char *s, bool first);
/* Ends a row: CRLF. */
void vp_csv_end_row(vp_buf *b);

#endif /* VP_CSV_H */
