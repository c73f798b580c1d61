/*
 * buf.h: a growing byte buffer, the one string builder of the tree (as
 * cmark has cmark_strbuf and redis sds): JSON lines, CSV rows, HTML pages,
 * query strings and keys are all written into one.
 *
 * Owns its bytes; s is NUL-terminated once anything was written (NULL
 * before, so that a zeroed buffer is an empty one).  Appends never fail
 * (mem.h: out of memory aborts).
 */
#ifndef VP_BUF_H
#define VP_BUF_H

#include <stddef.h>

typedef struct vp_buf {
    char *s;        /* owned; NULL until the first append */
    size_t len, cap;
} vp_buf;

#define VP_BUF_INIT {NULL, 0, 0}

/* Appends n bytes of s (NULs included), a string, a byte, or printf's
 * output (a format error appends nothing). */
void vp_buf_append(vp_buf *b, const char *s, size_t n);
void vp_buf_puts(vp_buf *b, const char *s);
void vp_buf_putc(vp_buf *b, char c);
void vp_buf_printf(vp_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The content, "" for an empty buffer: never NULL, valid until the next
 * append. */
const char *vp_buf_str(const vp_buf *b);

/* Hands the content to the caller (who frees it; never NULL) and leaves b
 * empty. */
char *vp_buf_detach(vp_buf *b);

/* Empties b and keeps its memory for the next use. */
void vp_buf_reset(vp_buf *b);
/* Frees the memory; b is an empty buffer again. */
void vp_buf_free(vp_buf *b);

#endif /* VP_BUF_H */
