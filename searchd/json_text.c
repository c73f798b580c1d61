/*
 * json_text.c: JSON written straight into a vp_buf.  See json_text.h.
 */
#include "json_text.h"

#include <stdio.h>
#include <string.h>

#include "query.h"
#include "text.h"

/* The escape jansson writes for byte c, or NULL when c stands for itself
 * (non-ASCII bytes too: no JSON_ENSURE_ASCII). */
static const char *escape_of(unsigned char c, char seq[7])
{
    switch (c) {
    case '\\': return "\\\\";
    case '"': return "\\\"";
    case '\b': return "\\b";
    case '\f': return "\\f";
    case '\n': return "\\n";
    case '\r': return "\\r";
    case '\t': return "\\t";
    default:
        if (c >= 0x20)
            return NULL;
        snprintf(seq, 7, "\\u%04X", c);
        return seq;
    }
}

/* Valid UTF-8, NUL bytes allowed (jansson writes them as \u0000). */
static bool utf8_valid(const char *s, size_t len)
{
    size_t at = 0, bad;
    while (!vp_utf8_valid(s + at, len - at, &bad)) {
        if (s[at + bad] != '\0')
            return false;
        at += bad + 1;
    }
    return true;
}

bool vp_json_put_string(vp_buf *b, const char *s, size_t len)
{
    if (!utf8_valid(s, len))
        return false;
    vp_buf_putc(b, '"');
    size_t run = 0;   /* bytes copied as they are, written in one append */
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        char seq[7];
        vp_buf_append(b, s + run, i - run);
        vp_buf_puts(b, escape_of(c, seq));
        run = i + 1;
    }
    vp_buf_append(b, s + run, len - run);
    vp_buf_putc(b, '"');
    return true;
}

void vp_json_put_uint(vp_buf *b, unsigned long long n)
{
    char digits[24];
    size_t at = sizeof digits;
    do
        digits[--at] = (char)('0' + n % 10);
    while ((n /= 10) != 0);
    vp_buf_append(b, digits + at, sizeof digits - at);
}

void vp_json_put_real(vp_buf *b, double x)
{
    char text[40];
    int n = snprintf(text, sizeof text - 3, "%.6g", x);
    if (n < 0 || (size_t)n >= sizeof text - 3)
        return;
    if (!strchr(text, '.') && !strchr(text, 'e')) {
        memcpy(text + n, ".0", 3);
        n += 2;
    }
    char *exp = strchr(text, 'e');
    if (exp) {
        char *start = exp + 1, *digits = start + 1;
        if (*start == '-')
            start++;
        while (*digits == '0')
            digits++;
        memmove(start, digits, (size_t)(text + n - digits) + 1);
        n -= (int)(digits - start);
    }
    vp_buf_append(b, text, (size_t)n);
}

static int append_cb(const char *chunk, size_t size, void *b)
{
    vp_buf_append(b, chunk, size);
    return 0;
}

bool vp_json_put_value(vp_buf *b, const json_t *v)
{
    return json_dump_callback(v, append_cb, b, VP_JSON_FLAGS | JSON_ENCODE_ANY) == 0;
}
