/*
 * http_internal.h: what the files of searchd's HTTP server share (http.c:
 * the answers and the routes; http_head.c: the checks of a request head;
 * http_server.c: libmicrohttpd's callbacks, the worker threads' searchers,
 * start and stop).  Private to them; the public contract is http.h.
 */
#ifndef VP_HTTP_INTERNAL_H
#define VP_HTTP_INTERNAL_H

#include <arpa/inet.h>
#include <microhttpd.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

#include "conns.h"
#include "http.h"
#include "query.h"

struct vp_server {
    struct MHD_Daemon *daemon;
    vp_searcher_config searcher_cfg;
    char *db_path;
    pthread_mutex_t lock;            /* guards searchers */
    vp_searcher **searchers;
    size_t n_searchers, cap_searchers;
    vp_log_format log_format;
    bool log_queries;
    vp_conns *conns;                 /* every connection, the header deadline */
    vp_budget_limits limits;         /* what a request may cost (budget.h) */
    char trusted_proxy[INET6_ADDRSTRLEN];   /* "": none */
};

/* Per request: made by the URI log callback, freed when the request ends. */
typedef struct vp_http_ctx {
    char *raw_uri;
    char method[16];
    char version[16];
    char client[INET6_ADDRSTRLEN];   /* for the log (the proxy's client, if trusted) */
    long long results;         /* for the log: hits or facet values, -1: none */
    double start;              /* vp_now_ms() */
    int status;
    vp_route route;
    size_t bytes;
    bool head_checked;         /* the first call of the access handler is done */
    bool head;                 /* a HEAD request: the headers, no body */
    bool close_after;          /* too many connections to keep this one alive */
    unsigned retry_after_s;    /* of a 503 (0: VP_RETRY_AFTER_S) */
    bool expensive;            /* answered query_too_expensive */
    vp_conn *conn;
} vp_http_ctx;

/* ---- http.c ---------------------------------------------------------------- */

/* Queues a JSON error {"error":{"code","message"}} with status (and an
 * Allow header when allow is not NULL); MHD_NO when it could not. */
enum MHD_Result vp_http_send_error(struct MHD_Connection *conn, vp_http_ctx *ctx,
                                   int status, const char *code, const char *message,
                                   const char *allow);
/* The second call of the access handler: finds the route of ctx's request
 * target and answers it (a 414, 400 or 404 when there is none). */
enum MHD_Result vp_http_dispatch(vp_server *srv, struct MHD_Connection *conn,
                                 vp_http_ctx *ctx);

/* ---- http_head.c ----------------------------------------------------------- */

/* What the first call learns from the header fields. */
typedef struct vp_http_head {
    size_t fields, bytes;          /* bytes: "Name: value\r\n" each */
    unsigned hosts, content_lengths;
    const char *forwarded_for;     /* the last X-Forwarded-For field, or NULL */
} vp_http_head;

/* Counts and notes the header fields of conn's request into *h. */
void vp_http_scan_head(struct MHD_Connection *conn, vp_http_head *h);
/* The client as the log names it, into out (see http_head.c). */
void vp_http_client_of(const vp_server *srv, const vp_http_ctx *ctx, const vp_http_head *h,
                       char *out, size_t len);
/* Answers at once what is wrong with the request head (*rc); true when it
 * answered, false when the request may go on. */
bool vp_http_refuse_head(struct MHD_Connection *conn, vp_http_ctx *ctx, const vp_http_head *h,
                         const char *method, const char *version, enum MHD_Result *rc);

/* ---- http_server.c --------------------------------------------------------- */

/* The calling worker thread's searcher, made on first use and freed by
 * vp_server_stop(); NULL when the index cannot be opened. */
vp_searcher *vp_http_worker_searcher(vp_server *srv);

#endif /* VP_HTTP_INTERNAL_H */
