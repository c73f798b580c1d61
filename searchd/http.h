/*
 * http.h: searchd's HTTP server on libmicrohttpd: routes, status codes, JSON
 * errors, limits, keep-alive, one database handle per worker thread, the
 * access log (accesslog.h) and the connections' deadline (conns.h).
 * Made in three files: http.c (the answers and the routes), http_head.c
 * (the checks of a request head), http_server.c (the daemon, its callbacks,
 * start and stop); http_internal.h is what they share.
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

#include "accesslog.h"
#include "budget.h"
#include "gazetteer.h"
#include "metrics.h"
#include "themes.h"

/* Limits that protect the server (docs/api.md, "Limits"). */
#define VP_HTTP_MAX_URI         8192   /* longer request target: 414 */
/* The header fields of a request, counted as "Name: value" CRLF each: more
 * is a 431 (nginx and Apache stop at 8 kB a field or about 100 fields). */
#define VP_HTTP_MAX_HEADER_BYTES  16384
#define VP_HTTP_MAX_HEADER_FIELDS 100
/* Idle connections cost a file descriptor and little else (epoll), and behind
 * a reverse proxy every client is 127.0.0.1: 500 idle connections from one
 * address must not lock others out (tests/hardening).  Defaults of
 * --max-connections and --max-per-address. */
#define VP_HTTP_CONNECTION_LIMIT 2000
#define VP_HTTP_PER_IP_LIMIT     1000
#define VP_HTTP_TIMEOUT_S        15    /* idle or slow connection */
/* The request line and headers must be in within this many seconds of the
 * accept or of the end of the previous answer (conns.h): a client that
 * trickles them holds a slot no longer.  Default of --header-timeout. */
#define VP_HTTP_HEADER_TIMEOUT_S 10
/* Per connection: headers, URI and libmicrohttpd's record of every argument
 * (about 48 bytes each).  A URI within VP_HTTP_MAX_URI can hold 4096
 * arguments ("a&a&..."); when their record does not fit, libmicrohttpd
 * 0.9.75 neither answers nor closes until the timeout.  The pool is mmap'ed,
 * so only the pages a request touches become resident. */
#define VP_HTTP_MEMORY_LIMIT     (512 * 1024)
/* Keep-alive is offered while at most this many connections are open;
 * beyond, every answer closes its connection.  libmicrohttpd 0.9.75 zeroes
 * a kept-alive connection's whole pool between two requests, so each one
 * holds VP_HTTP_MEMORY_LIMIT resident: 32 hold 16 MB (searchd itself needs
 * about as much), where 2000 would hold 1 GB.  A closed connection's pool
 * was only touched where used.  32 is more than a browser (6) or a proxy's
 * pool of idle connections (nginx's keepalive 16) opens. */
#define VP_HTTP_KEEP_ALIVE_MAX   32
#define VP_REOPEN_INTERVAL_MS    200   /* how often a worker checks for a commit */
#define VP_RETRY_AFTER_S         1     /* Retry-After of a 503 (but budget.h's) */

typedef struct vp_server_config {
    const char *db_path;
    const char *host;          /* IPv4 address to listen on */
    uint16_t port;             /* 0: any free port (see vp_server_port) */
    unsigned threads;          /* worker threads */
    const vp_gazetteer *gazetteer;   /* borrowed, outlives the server */
    const vp_themes *themes;         /* borrowed, outlives the server */
    vp_log_format log_format;        /* the access log (accesslog.h) */
    bool log_queries;                /* log the query string too */
    unsigned max_connections;        /* 0: VP_HTTP_CONNECTION_LIMIT */
    unsigned max_per_address;        /* 0: VP_HTTP_PER_IP_LIMIT */
    unsigned header_timeout_s;       /* 0: VP_HTTP_HEADER_TIMEOUT_S */
    /* A reverse proxy's address (NULL: none): for requests from it, the
     * access log names the client its X-Forwarded-For names last. */
    const char *trusted_proxy;
    /* What a request may cost (budget.h); NULL: vp_budget_defaults(). */
    const vp_budget_limits *limits;
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
