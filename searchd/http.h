/*
 * http.h: searchd's HTTP server on libmicrohttpd: routes, status codes, JSON
 * errors, limits, one database handle per worker thread, access log.
 *
 * Routes (GET and HEAD only; anything else is a 405 with Allow):
 *   /                   the search page (compiled in, assets.h)
 *   /static/NAME        other compiled-in files
 *   /search             vp_search()
 *   /facets/NAME        vp_facet_values()
 *   /documents/ID       vp_document_get()
 *   /documents/ID/related, /municipalities/NAME, /speakers/NAME, /feed
 *                       explore.h
 *   /r/ID, /gemeente/NAME, /spreker/NAME   the page's views (page.h)
 *   /healthz, /metrics
 */
#ifndef VP_HTTP_H
#define VP_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gazetteer.h"
#include "metrics.h"
#include "themes.h"

/* Limits that protect the server. */
#define VP_HTTP_MAX_URI         8192   /* longer request target: 414 */
/* Idle connections cost a file descriptor and little else (epoll), and behind
 * a reverse proxy every client is 127.0.0.1: 500 idle connections from one
 * address must not lock others out (tests/hardening). */
#define VP_HTTP_CONNECTION_LIMIT 2000
#define VP_HTTP_PER_IP_LIMIT     1000
#define VP_HTTP_TIMEOUT_S        15    /* idle or slow connection */
/* Per connection: headers, URI and libmicrohttpd's record of every argument
 * (about 48 bytes each).  A URI within VP_HTTP_MAX_URI can hold 4096
 * arguments ("a&a&..."); when their record does not fit, libmicrohttpd
 * 0.9.75 neither answers nor closes until the timeout.  The pool is mmap'ed,
 * so only the pages a request touches become resident. */
#define VP_HTTP_MEMORY_LIMIT     (512 * 1024)
#define VP_REOPEN_INTERVAL_MS    200   /* how often a worker checks for a commit */

/* The access log on stderr, one line per request.  CLF: the common log
 * format (host ident user [time] "request" status bytes).  JSON: one object
 * per line with time, method, route, path, status, bytes, latency_ms and
 * results (the total of a search, the values of a facet).  The query
 * string is left out unless log_queries: it is what a member searched for. */
typedef enum { VP_LOG_CLF, VP_LOG_JSON } vp_log_format;

typedef struct vp_server_config {
    const char *db_path;
    const char *host;          /* IPv4 address to listen on */
    uint16_t port;             /* 0: any free port (see vp_server_port) */
    unsigned threads;          /* worker threads */
    const vp_gazetteer *gazetteer;   /* borrowed, outlives the server */
    const vp_themes *themes;         /* borrowed, outlives the server */
    vp_log_format log_format;
    bool log_queries;                /* log the query string too */
} vp_server_config;

typedef struct vp_server vp_server;

/* The route of a decoded URL path as the server dispatches it, VP_ROUTE_OTHER
 * (a 404) when none; *rest points after a prefix route ("/facets/theme":
 * "theme").  Pure: no server needed (the HTTP fuzzer calls it). */
vp_route vp_http_route_of(const char *path, const char **rest);

/* Starts listening and serving.  NULL with a message in errbuf. */
vp_server *vp_server_start(const vp_server_config *cfg, char *errbuf, size_t errlen);
/* The port actually bound. */
uint16_t vp_server_port(const vp_server *srv);
/* Stops accepting, lets requests in flight finish (up to grace_ms), stops
 * the workers and frees everything. */
void vp_server_stop(vp_server *srv, unsigned grace_ms);

#endif /* VP_HTTP_H */
