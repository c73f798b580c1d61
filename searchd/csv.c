/*
 * csv.c: see csv.h.
 */
#include "csv.h"

#include <string.h>

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
