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
 *   /healthz, /metrics
 */
#ifndef VP_HTTP_H
#define VP_HTTP_H

#include <stddef.h>
#include <stdint.h>

#include "gazetteer.h"
#include "themes.h"

/* Limits that protect the server. */
#define VP_HTTP_MAX_URI         8192   /* longer request target: 414 */
#define VP_HTTP_CONNECTION_LIMIT 256
#define VP_HTTP_PER_IP_LIMIT     64
#define VP_HTTP_TIMEOUT_S        15    /* idle or slow connection */
#define VP_HTTP_MEMORY_LIMIT     (64 * 1024)  /* per connection: headers + URI */
#define VP_REOPEN_INTERVAL_MS    200   /* how often a worker checks for a commit */

typedef struct vp_server_config {
    const char *db_path;
    const char *host;          /* IPv4 address to listen on */
    uint16_t port;             /* 0: any free port (see vp_server_port) */
    unsigned threads;          /* worker threads */
    const vp_gazetteer *gazetteer;   /* borrowed, outlives the server */
    const vp_themes *themes;         /* borrowed, outlives the server */
} vp_server_config;

typedef struct vp_server vp_server;

/* Starts listening and serving.  NULL with a message in errbuf. */
vp_server *vp_server_start(const vp_server_config *cfg, char *errbuf, size_t errlen);
/* The port actually bound. */
uint16_t vp_server_port(const vp_server *srv);
/* Stops accepting, lets requests in flight finish (up to grace_ms), stops
 * the workers and frees everything. */
void vp_server_stop(vp_server *srv, unsigned grace_ms);

#endif /* VP_HTTP_H */
