/*
 * accesslog.h: searchd's access log on stderr, one line per request.
 *
 * CLF: the common log format (host ident user [time] "request" status
 * bytes).  JSON: one object per line with time, client, method, route,
 * path, status, bytes, latency_ms and results (the total of a search, the
 * values of a facet).  The query string is left out unless with_query: it
 * is what a member searched for.
 *
 * Whatever the client sent (method, target, version) is written escaped:
 * printable ASCII as it is, except '"' and '\', and every other byte (the
 * space too) as \xHH, so that a line cannot be broken, forged or turned
 * into terminal escape codes, its request splits into three fields at its
 * spaces, and a JSON line is always valid UTF-8.
 */
#ifndef VP_ACCESSLOG_H
#define VP_ACCESSLOG_H

#include <stdbool.h>
#include <stddef.h>

#include "metrics.h"

typedef enum { VP_LOG_CLF, VP_LOG_JSON } vp_log_format;

typedef struct vp_access {
    const char *client;        /* the client's address */
    const char *method;        /* as sent; NULL or "": "-" */
    const char *target;        /* the raw request target; NULL: "-" */
    const char *version;       /* as sent; NULL or "": "HTTP/1.1" */
    vp_route route;
    int status;
    size_t bytes;              /* body bytes sent */
    double seconds;            /* from the request line to the end of the answer */
    long long results;         /* -1: none */
} vp_access;

/* Writes one line for a on stderr. */
void vp_access_log(vp_log_format format, bool with_query, const vp_access *a);

/* s escaped as above into out (always NUL-terminated, cut short rather than
 * overflow); stops at '?' unless with_query.  Returns strlen(out). */
size_t vp_log_escape(const char *s, bool with_query, char *out, size_t outlen);

#endif /* VP_ACCESSLOG_H */
