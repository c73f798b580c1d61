/*
 * accesslog.c: see accesslog.h.
 */
#include "accesslog.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "query.h"

size_t vp_log_escape(const char *s, bool with_query, char *out, size_t outlen)
{
    static const char hex[] = "0123456789abcdef";
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '?' && !with_query)
            break;
        bool plain = *p > 0x20 && *p < 0x7f && *p != '"' && *p != '\\';
        size_t need = plain ? 1 : 4;
        if (n + need >= outlen)
            break;
        if (plain) {
            out[n++] = (char)*p;
        } else {
            out[n++] = '\\';
            out[n++] = 'x';
            out[n++] = hex[*p >> 4];
            out[n++] = hex[*p & 15];
        }
    }
    out[n] = '\0';
    return n;
}

/* 127.0.0.1 - - [27/Nov/2026:22:46:32 +0000] "GET /search HTTP/1.1" 200 1234 */
static void log_clf(const vp_access *a, const char *method, const char *target,
                    const char *version, const struct tm *tm)
{
    static const char months[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    fprintf(stderr, "%s - - [%02d/%s/%04d:%02d:%02d:%02d +0000] \"%s %s %s\" %d %zu\n",
            a->client, tm->tm_mday, months[tm->tm_mon], tm->tm_year + 1900, tm->tm_hour,
            tm->tm_min, tm->tm_sec, method, target, version, a->status, a->bytes);
}

static void log_json(const vp_access *a, const char *method, const char *target,
                     const struct tm *tm)
{
    char when[32];
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", tm);
    json_t *line = json_pack("{s:s,s:s,s:s,s:s,s:s,s:i,s:I,s:f}", "time", when,
                             "client", a->client, "method", method,
                             "route", vp_route_name(a->route), "path", target,
                             "status", a->status, "bytes", (json_int_t)a->bytes,
                             "latency_ms", (double)(long long)(a->seconds * 1e6) / 1e3);
    if (line && a->results >= 0)
        json_object_set_new(line, "results", json_integer(a->results));
    char *text = line ? json_dumps(line, VP_JSON_FLAGS) : NULL;
    if (text)
        fprintf(stderr, "%s\n", text);
    free(text);
    json_decref(line);
}

void vp_access_log(vp_log_format format, bool with_query, const vp_access *a)
{
    char method[64], target[1024], version[64];
    vp_log_escape(a->method && a->method[0] ? a->method : "-", true, method, sizeof method);
    vp_log_escape(a->target ? a->target : "-", with_query, target, sizeof target);
    vp_log_escape(a->version && a->version[0] ? a->version : "HTTP/1.1", true, version,
                  sizeof version);
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    if (format == VP_LOG_JSON)
        log_json(a, method, target, &tm);
    else
        log_clf(a, method, target, version, &tm);
}
