/*
 * csv.c: see csv.h.
 */
#include "csv.h"

#include <stdlib.h>
#include <string.h>

void vp_buf_append(vp_buf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p) {
            b->failed = true;
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void vp_buf_puts(vp_buf *b, const char *s)
{
    vp_buf_append(b, s, strlen(s));
}

void vp_buf_reset(vp_buf *b)
{
    b->len = 0;
    b->failed = false;
    if (b->s)
        b->s[0] = '\0';
}

void vp_buf_free(vp_buf *b)
{
    free(b->s);
    *b = (vp_buf)VP_BUF_INIT;
}

bool vp_csv_needs_guard(const char *s)
{
    s += strspn(s, "'");
    return *s && strchr("=+-@\t\r", *s);
}

void vp_csv_field(vp_buf *b, const char *s, bool first)
{
    if (!first)
        vp_buf_append(b, ",", 1);
    s = s ? s : "";
    bool guard = vp_csv_needs_guard(s);
    if (!guard && !s[strcspn(s, "\",\r\n")]) {
        vp_buf_puts(b, s);
        return;
    }
    vp_buf_append(b, guard ? "\"'" : "\"", guard ? 2 : 1);
    for (const char *p = s; *p; ) {
        size_t n = strcspn(p, "\"");
        vp_buf_append(b, p, n);
        p += n;
        if (*p == '"') {
            vp_buf_append(b, "\"\"", 2);
            p++;
        }
    }
    vp_buf_append(b, "\"", 1);
}

void vp_csv_end_row(vp_buf *b)
{
    vp_buf_append(b, "\r\n", 2);
}
