/*
 * params.c: query-string parsing with strict percent-decoding and UTF-8
 * checks (see params.h).
 */
#include "params.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "text.h"

static int hex_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static char *decode(const char *s, size_t len, bool plus_is_space, const char **why)
{
    char *out = vp_xmalloc(len + 1);
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '+' && plus_is_space) {
            c = ' ';
        } else if (c == '%') {
            int hi = i + 2 < len ? hex_value(s[i + 1]) : -1;
            int lo = i + 2 < len ? hex_value(s[i + 2]) : -1;
            if (hi < 0 || lo < 0) {
                free(out);
                *why = "contains a '%' that is not followed by two hexadecimal digits";
                return NULL;
            }
            c = (char)(hi * 16 + lo);
            i += 2;
        }
        out[n++] = c;
    }
    out[n] = '\0';
    if (!vp_utf8_valid(out, n, NULL)) {
        free(out);
        *why = "is not valid UTF-8 (or contains a NUL byte)";
        return NULL;
    }
    return out;
}

char *vp_percent_decode(const char *s, size_t len, const char **why)
{
    return decode(s, len, true, why);
}

char *vp_percent_decode_path(const char *s, size_t len, const char **why)
{
    return decode(s, len, false, why);
}

void vp_params_clear(vp_params *p)
{
    for (size_t i = 0; i < p->len; i++) {
        free(p->items[i].key);
        free(p->items[i].value);
    }
    free(p->items);
    p->items = NULL;
    p->len = 0;
}

/* Decodes one "key=value" piece and appends it. */
static int add_piece(vp_params *out, const char *piece, size_t len, vp_qerror *e)
{
    const char *eq = memchr(piece, '=', len);
    size_t klen = eq ? (size_t)(eq - piece) : len;
    const char *why = NULL;
    char *key = vp_percent_decode(piece, klen, &why);
    if (!key)
        return vp_qfail(e, VP_QERR_BAD_PARAMETER, "a parameter name %s", why);
    char *value = eq ? vp_percent_decode(eq + 1, len - klen - 1, &why) : vp_xstrdup("");
    if (!value) {
        vp_qfail(e, VP_QERR_BAD_PARAMETER, "the value of parameter '%.40s' %s", key, why);
        free(key);
        return -1;
    }
    out->items = vp_xrealloc(out->items, (out->len + 1) * sizeof *out->items);
    out->items[out->len++] = (vp_param){key, value};
    return 0;
}

int vp_params_parse(const char *query, vp_params *out, vp_qerror *e)
{
    out->items = NULL;
    out->len = 0;
    const char *p = query ? query : "";
    while (*p) {
        size_t len = strcspn(p, "&");
        if (len > 0 && add_piece(out, p, len, e) != 0) {
            vp_params_clear(out);
            return -1;
        }
        p += len;
        if (*p == '&')
            p++;
    }
    return 0;
}

const char *vp_params_get(const vp_params *p, const char *key)
{
    for (size_t i = 0; i < p->len; i++)
        if (strcmp(p->items[i].key, key) == 0)
            return p->items[i].value;
    return NULL;
}

static bool listed(const char *const *keys, const char *key)
{
    for (size_t i = 0; keys && keys[i]; i++)
        if (strcmp(keys[i], key) == 0)
            return true;
    return false;
}

static bool repeatable(const char *key)
{
    int f = vp_facet_from_name(key);
    return f >= 0 && f != VP_FACET_YEAR;
}

int vp_request_from_params(const vp_params *p, vp_request *r,
                           const char *const *ignore, vp_qerror *e)
{
    for (size_t i = 0; i < p->len; i++) {
        const char *key = p->items[i].key;
        if (listed(ignore, key))
            continue;
        if (!repeatable(key))
            for (size_t j = 0; j < i; j++)
                if (strcmp(p->items[j].key, key) == 0)
                    return vp_qfail(e, VP_QERR_BAD_PARAMETER,
                                    "parameter '%.40s' is given more than once", key);
        if (vp_request_set(r, key, p->items[i].value, e) != 0)
            return -1;
    }
    return vp_request_validate(r, e);
}
