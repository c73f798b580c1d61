/*
 * request.c: the search request: defaults, validation of each parameter with
 * a message a person understands, date bounds, and the request as a query
 * string (what vind sends to a server).  Errors and facet/sort names live
 * here too because every caller of the request needs them.
 */
#include "query.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "mem.h"
#include "text.h"

/* ---- errors ------------------------------------------------------------ */

int vp_qerr_http_status(vp_qerr_kind kind)
{
    switch (kind) {
    case VP_QERR_NONE: return 200;
    case VP_QERR_BAD_PARAMETER:
    case VP_QERR_BAD_QUERY: return 400;
    case VP_QERR_NOT_FOUND: return 404;
    case VP_QERR_UNAVAILABLE: return 503;
    case VP_QERR_TOO_EXPENSIVE: return 400;
    case VP_QERR_OVER_DEADLINE: return 503;
    case VP_QERR_INTERNAL: break;
    }
    return 500;
}

const char *vp_qerr_code(vp_qerr_kind kind)
{
    switch (kind) {
    case VP_QERR_NONE: return "ok";
    case VP_QERR_BAD_PARAMETER: return "bad_parameter";
    case VP_QERR_BAD_QUERY: return "bad_query";
    case VP_QERR_NOT_FOUND: return "not_found";
    case VP_QERR_UNAVAILABLE: return "unavailable";
    case VP_QERR_TOO_EXPENSIVE:
    case VP_QERR_OVER_DEADLINE: return "query_too_expensive";
    case VP_QERR_INTERNAL: break;
    }
    return "internal";
}

json_t *vp_qerror_to_json(const vp_qerror *e)
{
    return json_pack("{s:{s:s,s:s}}", "error", "code", vp_qerr_code(e->kind),
                     "message", e->message);
}

int vp_qfail(vp_qerror *e, vp_qerr_kind kind, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vp_problem_vset(e, (int)kind, 0, fmt, ap);
    va_end(ap);
    return -1;
}

/* ---- names ------------------------------------------------------------- */

static const char *const facet_names[VP_N_FACETS] = {
    "municipality", "speaker", "theme", "year"};

const char *vp_facet_name(vp_facet f)
{
    return (unsigned)f < VP_N_FACETS ? facet_names[f] : "?";
}

int vp_facet_from_name(const char *name)
{
    for (int f = 0; f < VP_N_FACETS; f++)
        if (strcmp(name, facet_names[f]) == 0)
            return f;
    return -1;
}

int vp_sort_from_name(const char *name)
{
    if (strcmp(name, "relevance") == 0) return VP_SORT_RELEVANCE;
    if (strcmp(name, "date") == 0) return VP_SORT_DATE;
    if (strcmp(name, "date_asc") == 0) return VP_SORT_DATE_ASC;
    return -1;
}

static const char *sort_name(vp_sort s)
{
    switch (s) {
    case VP_SORT_RELEVANCE: return "relevance";
    case VP_SORT_DATE: return "date";
    case VP_SORT_DATE_ASC: return "date_asc";
    case VP_SORT_DEFAULT: break;
    }
    return NULL;
}

/* ---- request ----------------------------------------------------------- */

void vp_request_init(vp_request *r)
{
    memset(r, 0, sizeof *r);
    r->page = 1;
    r->per_page = VP_DEFAULT_PER_PAGE;
    r->facet_limit = VP_DEFAULT_FACET_LIMIT;
}

void vp_request_clear(vp_request *r)
{
    free(r->q);
    free(r->from);
    free(r->to);
    free(r->prefix);
    for (int f = 0; f < VP_FACET_YEAR; f++)
        vp_strvec_clear(&r->filters[f]);
    vp_request_init(r);
}

/* A decimal number without sign, spaces or leading garbage. */
static int parse_uint(const char *key, const char *value, unsigned lo,
                      unsigned hi, unsigned *out, vp_qerror *e)
{
    size_t n = strlen(value);
    if (n == 0 || n > 9 || strspn(value, "0123456789") != n)
        return vp_qfail(e, VP_QERR_BAD_PARAMETER,
                        "%s must be a whole number from %u to %u, not '%.40s'",
                        key, lo, hi, value);
    unsigned long v = strtoul(value, NULL, 10);
    if (v < lo || v > hi)
        return vp_qfail(e, VP_QERR_BAD_PARAMETER,
                        "%s must be from %u to %u, not %lu", key, lo, hi, v);
    *out = (unsigned)v;
    return 0;
}

static bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    return true;
}

bool vp_date_bound(const char *s, bool upper, char out[9])
{
    size_t n = strlen(s);
    if ((n != 4 && n != 7 && n != 10) || !all_digits(s, 4))
        return false;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = upper ? 12 : 1, d;
    if (y < 1000)
        return false;
    if (n >= 7) {
        if (s[4] != '-' || !all_digits(s + 5, 2))
            return false;
        m = (s[5] - '0') * 10 + (s[6] - '0');
        if (m < 1 || m > 12)
            return false;
    }
    d = upper ? days_in_month(y, m) : 1;
    if (n == 10) {
        if (s[7] != '-' || !all_digits(s + 8, 2))
            return false;
        d = (s[8] - '0') * 10 + (s[9] - '0');
        if (d < 1 || d > days_in_month(y, m))
            return false;
    }
    memcpy(out, s, 4);
    out[4] = (char)('0' + m / 10);
    out[5] = (char)('0' + m % 10);
    out[6] = (char)('0' + d / 10);
    out[7] = (char)('0' + d % 10);
    out[8] = '\0';
    return true;
}

static int set_string(char **slot, const char *key, const char *value,
                      size_t max, vp_qerror *e)
{
    if (strlen(value) > max)
        return vp_qfail(e, VP_QERR_BAD_PARAMETER,
                        "%s is too long: at most %zu bytes", key, max);
    if (!vp_utf8_valid(value, strlen(value), NULL))
        return vp_qfail(e, VP_QERR_BAD_PARAMETER, "%s is not valid UTF-8", key);
    free(*slot);
    *slot = vp_xstrdup(value);
    return 0;
}

static int add_filter(vp_request *r, vp_facet f, const char *value, vp_qerror *e)
{
    char *trimmed = vp_xstrdup(value);
    vp_trim(trimmed);
    int rc = 0;
    if (*trimmed == '\0') {
        /* An empty form field means "no filter", not "match nothing". */
    } else if (strlen(trimmed) > VP_MAX_VALUE_BYTES) {
        rc = vp_qfail(e, VP_QERR_BAD_PARAMETER, "a %s value is too long: at most %d bytes",
                      vp_facet_name(f), VP_MAX_VALUE_BYTES);
    } else if (!vp_utf8_valid(trimmed, strlen(trimmed), NULL)) {
        rc = vp_qfail(e, VP_QERR_BAD_PARAMETER, "a %s value is not valid UTF-8",
                      vp_facet_name(f));
    } else if (r->filters[f].len >= VP_MAX_FILTER_VALUES) {
        rc = vp_qfail(e, VP_QERR_BAD_PARAMETER, "at most %d %s values may be given",
                      VP_MAX_FILTER_VALUES, vp_facet_name(f));
    } else {
        vp_strvec_push_unique(&r->filters[f], trimmed);
    }
    free(trimmed);
    return rc;
}

static int set_date(char **slot, const char *key, const char *value, bool upper,
                    vp_qerror *e)
{
    char bound[9];
    if (*value == '\0') {
        free(*slot);
        *slot = NULL;
        return 0;
    }
    if (!vp_date_bound(value, upper, bound))
        return vp_qfail(e, VP_QERR_BAD_PARAMETER,
                        "%s must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not '%.40s'",
                        key, value);
    return set_string(slot, key, value, 10, e);
}

int vp_request_set(vp_request *r, const char *key, const char *value, vp_qerror *e)
{
    int f = vp_facet_from_name(key);
    if (f >= 0 && f < VP_FACET_YEAR)
        return add_filter(r, (vp_facet)f, value, e);
    if (strcmp(key, "q") == 0)
        return set_string(&r->q, "q", value, VP_MAX_Q_BYTES, e);
    if (strcmp(key, "from") == 0)
        return set_date(&r->from, "from", value, false, e);
    if (strcmp(key, "to") == 0)
        return set_date(&r->to, "to", value, true, e);
    if (strcmp(key, "prefix") == 0)
        return set_string(&r->prefix, "prefix", value, VP_MAX_VALUE_BYTES, e);
    if (strcmp(key, "sort") == 0) {
        int s = *value ? vp_sort_from_name(value) : VP_SORT_DEFAULT;
        if (s < 0)
            return vp_qfail(e, VP_QERR_BAD_PARAMETER,
                            "sort must be relevance, date or date_asc, not '%.40s'", value);
        r->sort = (vp_sort)s;
        return 0;
    }
    if (strcmp(key, "page") == 0)
        return *value ? parse_uint("page", value, 1, VP_MAX_DEPTH, &r->page, e) : 0;
    if (strcmp(key, "per_page") == 0)
        return *value ? parse_uint("per_page", value, 1, VP_MAX_PER_PAGE, &r->per_page, e) : 0;
    if (strcmp(key, "facet_limit") == 0)
        return *value ? parse_uint("facet_limit", value, 0, VP_MAX_FACET_LIMIT,
                                   &r->facet_limit, e) : 0;
    return vp_qfail(e, VP_QERR_BAD_PARAMETER,
                    "unknown parameter '%.40s' (known: q, municipality, speaker, theme, "
                    "from, to, sort, page, per_page, facet_limit, prefix)", key);
}

int vp_request_validate(const vp_request *r, vp_qerror *e)
{
    if ((unsigned long long)r->page * r->per_page > VP_MAX_DEPTH)
        return vp_qfail(e, VP_QERR_BAD_PARAMETER,
                        "page %u with per_page %u goes deeper than the first %d results; "
                        "narrow the search instead", r->page, r->per_page, VP_MAX_DEPTH);
    if (r->from && r->to) {
        char lo[9], hi[9];
        if (vp_date_bound(r->from, false, lo) && vp_date_bound(r->to, true, hi) &&
            strcmp(lo, hi) > 0)
            return vp_qfail(e, VP_QERR_BAD_PARAMETER,
                            "from (%s) is after to (%s)", r->from, r->to);
    }
    return 0;
}

/* ---- query string -------------------------------------------------------- */

static void sb_param(vp_buf *b, const char *key, const char *value)
{
    static const char hex[] = "0123456789ABCDEF";
    if (b->len)
        vp_buf_putc(b, '&');
    vp_buf_puts(b, key);
    vp_buf_putc(b, '=');
    for (const unsigned char *v = (const unsigned char *)value; *v; v++) {
        if (isalnum(*v) || strchr("-._~", *v)) {
            vp_buf_putc(b, (char)*v);
        } else {
            vp_buf_putc(b, '%');
            vp_buf_putc(b, hex[*v >> 4]);
            vp_buf_putc(b, hex[*v & 15]);
        }
    }
}

static void sb_uint(vp_buf *b, const char *key, unsigned v)
{
    char num[16];
    snprintf(num, sizeof num, "%u", v);
    sb_param(b, key, num);
}

char *vp_request_to_query_string(const vp_request *r)
{
    vp_buf b = VP_BUF_INIT;
    if (r->q)
        sb_param(&b, "q", r->q);
    for (int f = 0; f < VP_FACET_YEAR; f++)
        for (size_t i = 0; i < r->filters[f].len; i++)
            sb_param(&b, vp_facet_name((vp_facet)f), r->filters[f].items[i]);
    if (r->from)
        sb_param(&b, "from", r->from);
    if (r->to)
        sb_param(&b, "to", r->to);
    if (sort_name(r->sort))
        sb_param(&b, "sort", sort_name(r->sort));
    sb_uint(&b, "page", r->page);
    sb_uint(&b, "per_page", r->per_page);
    sb_uint(&b, "facet_limit", r->facet_limit);
    if (r->prefix)
        sb_param(&b, "prefix", r->prefix);
    return vp_buf_detach(&b);
}
