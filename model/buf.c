/* buf.c: see buf.h. */
#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

/* Room for n more bytes and the NUL after them. */
static void reserve(vp_buf *b, size_t n)
{
    if (n > (size_t)-1 - b->len - 1)
        vp_oom((size_t)-1);
    VP_GROW(b->s, b->cap, b->len + n + 1);
}

void vp_buf_append(vp_buf *b, const char *s, size_t n)
{
    reserve(b, n);
    if (n)
        memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void vp_buf_puts(vp_buf *b, const char *s)
{
    vp_buf_append(b, s, strlen(s));
}

void vp_buf_putc(vp_buf *b, char c)
{
    reserve(b, 1);
    b->s[b->len++] = c;
    b->s[b->len] = '\0';
}

void vp_buf_printf(vp_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)          /* a format error: nothing to write */
        return;
    reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

const char *vp_buf_str(const vp_buf *b)
{
    return b->s ? b->s : "";
}

char *vp_buf_detach(vp_buf *b)
{
    char *s = b->s ? b->s : vp_xstrdup("");
    *b = (vp_buf)VP_BUF_INIT;
    return s;
}

void vp_buf_reset(vp_buf *b)
{
    b->len = 0;
    if (b->s)
        b->s[0] = '\0';
}

void vp_buf_free(vp_buf *b)
{
    free(b->s);
    *b = (vp_buf)VP_BUF_INIT;
}
