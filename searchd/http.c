/*
 * http.c: the HTTP server (see http.h).
 *
 * libmicrohttpd runs a thread pool; each worker thread lazily creates its own
 * vp_searcher (so its own Xapian handle, Xapian handles being single-thread)
 * and checks for a new revision at most every VP_REOPEN_INTERVAL_MS.  The
 * searchers are also kept in a list so that vp_server_stop() frees them.
 *
 * We parse the raw request target ourselves (captured by MHD's URI log
 * callback) so that a bad percent-encoding or invalid UTF-8 is a 400 rather
 * than something MHD silently passes on.
 *
 * libmicrohttpd calls the access handler twice for a request without a body:
 * once when the headers are in, and again when the (empty) body is.  A
 * response queued on the first call is an "early" one, after which it
 * closes the connection; so the first call only checks the request head
 * (version, method, Host, header limits, body framing), answering at once
 * (and closing) what is wrong there, and the answer proper is queued on the
 * second call, which keeps the connection open for the next request
 * (keep-alive and pipelining).
 */
#include "http.h"

#include <arpa/inet.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <microhttpd.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <stdarg.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>

#include "accesslog.h"
#include "assets.h"
#include "conns.h"
#include "page.h"
#include "metrics.h"
#include "params.h"
#include "query.h"
#include "sys.h"
#include "explore.h"
#include "export.h"
#include "trends.h"

struct vp_server {
    struct MHD_Daemon *daemon;
    vp_searcher_config searcher_cfg;
    char *db_path;
    pthread_mutex_t lock;            /* guards searchers */
    vp_searcher **searchers;
    size_t n_searchers;
    vp_log_format log_format;
    bool log_queries;
    vp_conns *conns;                 /* every connection, the header deadline */
    vp_budget_limits limits;         /* what a request may cost (budget.h) */
    char trusted_proxy[INET6_ADDRSTRLEN];   /* "": none */
};

/* Per request: made by the URI log callback, freed when the request ends. */
typedef struct request_ctx {
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
} request_ctx;

static _Thread_local vp_searcher *thread_searcher;

static vp_searcher *worker_searcher(vp_server *srv)
{
    if (thread_searcher)
        return thread_searcher;
    vp_searcher *s = vp_searcher_new(&srv->searcher_cfg);
    if (!s)
        return NULL;
    vp_searcher_set_limits(s, &srv->limits);
    pthread_mutex_lock(&srv->lock);
    vp_searcher **list = realloc(srv->searchers, (srv->n_searchers + 1) * sizeof *list);
    if (list) {
        srv->searchers = list;
        srv->searchers[srv->n_searchers++] = s;
    }
    pthread_mutex_unlock(&srv->lock);
    if (!list) {
        vp_searcher_free(s);
        return NULL;
    }
    return thread_searcher = s;
}

/* Memory a long request freed goes back to the system.  glibc keeps what a
 * thread freed in that thread's arena for its next allocations, so after a
 * match over many posting lists searchd's RSS stayed where the peak had
 * been (issue 21: 9 MB before, 455 MB after, for good); malloc_trim()
 * hands the free pages of every arena back.  It takes each arena's lock
 * for about a millisecond, so only after requests that took long enough
 * to have used much (or were stopped for their cost), and after exports. */
#define VP_TRIM_AFTER_S 0.25

static void give_back_memory(void)
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

/* ---- responses ----------------------------------------------------------- */

/* On every answer: the page's scripts, styles and images only from searchd
 * itself (no inline script, nothing from outside), no plugins, no framing. */
static const char csp[] =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/* The headers of every answer.  Everything but the compiled-in files
 * follows the index (or the moment, /metrics): no-store. */
static void common_headers(struct MHD_Response *resp, const char *content_type,
                           const char *cache_control)
{
    MHD_add_response_header(resp, "Content-Type", content_type);
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "Content-Security-Policy", csp);
    MHD_add_response_header(resp, "Cache-Control", cache_control);
}

/* Queues resp and records what the log says of it. */
static enum MHD_Result queue(struct MHD_Connection *conn, request_ctx *ctx, int status,
                             struct MHD_Response *resp, size_t body_len)
{
    ctx->status = status;
    ctx->bytes = ctx->head ? 0 : body_len;
    if (ctx->close_after)
        MHD_add_response_header(resp, "Connection", "close");
    enum MHD_Result rc = MHD_queue_response(conn, (unsigned)status, resp);
    MHD_destroy_response(resp);
    return rc;
}

static enum MHD_Result send_body(struct MHD_Connection *conn, request_ctx *ctx,
                                 int status, const char *content_type, char *body,
                                 size_t len, bool owned, const char *allow)
{
    struct MHD_Response *resp = MHD_create_response_from_buffer(
        len, body, owned ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
    if (!resp) {
        if (owned)
            free(body);
        return MHD_NO;
    }
    common_headers(resp, content_type, "no-store");
    if (allow)
        MHD_add_response_header(resp, "Allow", allow);
    if (status == 503) {
        char retry[16];
        snprintf(retry, sizeof retry, "%u", ctx->retry_after_s ? ctx->retry_after_s
                                                               : VP_RETRY_AFTER_S);
        MHD_add_response_header(resp, "Retry-After", retry);
    }
    return queue(conn, ctx, status, resp, len);
}

static enum MHD_Result send_json(struct MHD_Connection *conn, request_ctx *ctx,
                                 int status, json_t *body, const char *allow)
{
    char *text = body ? json_dumps(body, VP_JSON_FLAGS) : NULL;
    json_decref(body);
    if (!text) {
        static char oom[] = "{\"error\":{\"code\":\"internal\",\"message\":\"out of memory\"}}";
        return send_body(conn, ctx, 500, "application/json; charset=utf-8", oom,
                         sizeof oom - 1, false, NULL);
    }
    return send_body(conn, ctx, status, "application/json; charset=utf-8", text,
                     strlen(text), true, allow);
}

static enum MHD_Result send_error(struct MHD_Connection *conn, request_ctx *ctx,
                                  int status, const char *code, const char *message,
                                  const char *allow)
{
    json_t *body = json_pack("{s:{s:s,s:s}}", "error", "code", code, "message", message);
    return send_json(conn, ctx, status, body, allow);
}

static enum MHD_Result send_qerror(struct MHD_Connection *conn, request_ctx *ctx,
                                   const vp_qerror *e)
{
    /* Too expensive now: an immediate retry would be too. */
    if (e->kind == VP_QERR_OVER_DEADLINE)
        ctx->retry_after_s = VP_RETRY_AFTER_EXPENSIVE_S;
    ctx->expensive = e->kind == VP_QERR_OVER_DEADLINE || e->kind == VP_QERR_TOO_EXPENSIVE;
    return send_json(conn, ctx, vp_qerr_http_status(e->kind), vp_qerror_to_json(e), NULL);
}

/* What the access log counts: a search's total, a facet's values. */
static long long result_count(const json_t *result)
{
    const json_t *total = json_object_get(result, "total");
    if (json_is_integer(total))
        return json_integer_value(total);
    const json_t *values = json_object_get(result, "values");
    return json_is_array(values) ? (long long)json_array_size(values) : -1;
}

static enum MHD_Result send_result(struct MHD_Connection *conn, request_ctx *ctx,
                                   json_t *result, const vp_qerror *e)
{
    if (result)
        ctx->results = result_count(result);
    return result ? send_json(conn, ctx, 200, result, NULL) : send_qerror(conn, ctx, e);
}

/* ---- routes ------------------------------------------------------------------ */

typedef struct route_call {
    vp_server *srv;
    struct MHD_Connection *conn;
    request_ctx *ctx;
    const char *rest;          /* path after the route's prefix, decoded */
    const char *query;         /* raw query string (may be "") */
} route_call;

static enum MHD_Result unavailable(const route_call *c)
{
    return send_error(c->conn, c->ctx, 503, "unavailable",
                      "the server is out of memory or cannot open the index", NULL);
}

/* Parses the query string into a request; on failure answers 400 itself. */
static bool parse_request(const route_call *c, vp_request *r, enum MHD_Result *rc)
{
    vp_params params;
    vp_qerror e = {0};
    vp_request_init(r);
    if (vp_params_parse(c->query, &params, &e) != 0 ||
        vp_request_from_params(&params, r, NULL, &e) != 0) {
        vp_params_clear(&params);
        vp_request_clear(r);
        *rc = send_qerror(c->conn, c->ctx, &e);
        return false;
    }
    vp_params_clear(&params);
    return true;
}

static enum MHD_Result route_search(const route_call *c)
{
    vp_request r;
    enum MHD_Result rc;
    if (!parse_request(c, &r, &rc))
        return rc;
    vp_searcher *s = worker_searcher(c->srv);
    vp_qerror e = {0};
    rc = s ? send_result(c->conn, c->ctx, vp_search(s, &r, &e), &e) : unavailable(c);
    vp_request_clear(&r);
    return rc;
}

static enum MHD_Result route_facets(const route_call *c)
{
    int f = vp_facet_from_name(c->rest);
    if (f < 0) {
        char msg[300];
        snprintf(msg, sizeof msg, "no facet '%.100s' (facets: municipality, speaker, "
                 "theme, year)", c->rest);
        return send_error(c->conn, c->ctx, 404, "not_found", msg, NULL);
    }
    vp_request r;
    enum MHD_Result rc;
    if (!parse_request(c, &r, &rc))
        return rc;
    vp_searcher *s = worker_searcher(c->srv);
    vp_qerror e = {0};
    rc = s ? send_result(c->conn, c->ctx, vp_facet_values(s, (vp_facet)f, &r, &e), &e)
           : unavailable(c);
    vp_request_clear(&r);
    return rc;
}

/* /documents/{id}/related: the reports most like one (explore.h).  An id
 * may hold slashes, so "/related" at the end names this route only when a
 * report has the id before it; else the whole rest is an id. */
static enum MHD_Result route_related(const route_call *c, vp_searcher *s, size_t id_len)
{
    unsigned limit;
    vp_qerror e = {0};
    char *id = strndup(c->rest, id_len);
    if (!id)
        return unavailable(c);
    json_t *out = NULL;
    if (vp_related_params(c->query, &limit, &e) == 0)
        out = vp_related(s, id, limit, &e);
    free(id);
    if (!out && e.kind == VP_QERR_NOT_FOUND) {
        vp_qerror doc_e = {0};
        json_t *doc = vp_document_get(s, c->rest, &doc_e);
        if (doc)
            return send_result(c->conn, c->ctx, doc, &doc_e);
    }
    c->ctx->route = VP_ROUTE_RELATED;
    return send_result(c->conn, c->ctx, out, &e);
}

static enum MHD_Result route_document(const route_call *c)
{
    static const char related[] = "/related";
    vp_searcher *s = worker_searcher(c->srv);
    if (!s)
        return unavailable(c);
    size_t n = strlen(c->rest), k = sizeof related - 1;
    if (n > k && strcmp(c->rest + n - k, related) == 0)
        return route_related(c, s, n - k);
    vp_qerror e = {0};
    return send_result(c->conn, c->ctx, vp_document_get(s, c->rest, &e), &e);
}

/* /municipalities/{name} and /speakers/{name} (explore.h). */
static enum MHD_Result route_entity(const route_call *c,
                                    json_t *(*read)(vp_searcher *, const char *,
                                                    const vp_entity_request *, vp_qerror *))
{
    vp_entity_request r;
    vp_qerror e = {0};
    if (vp_entity_params(c->query, &r, &e) != 0)
        return send_qerror(c->conn, c->ctx, &e);
    vp_searcher *s = worker_searcher(c->srv);
    return s ? send_result(c->conn, c->ctx, read(s, c->rest, &r, &e), &e) : unavailable(c);
}

static enum MHD_Result route_municipality(const route_call *c)
{
    return route_entity(c, vp_municipality_page);
}

static enum MHD_Result route_speaker(const route_call *c)
{
    return route_entity(c, vp_speaker_page);
}

/* /feed: a search as Atom (explore.h); sort is the feed's own (newest first). */
static enum MHD_Result route_feed(const route_call *c)
{
    static const char *const ignored[] = {"sort", NULL};
    vp_params params;
    vp_request r;
    vp_qerror e = {0};
    vp_request_init(&r);
    if (vp_params_parse(c->query, &params, &e) != 0 ||
        vp_request_from_params(&params, &r, ignored, &e) != 0) {
        vp_params_clear(&params);
        vp_request_clear(&r);
        return send_qerror(c->conn, c->ctx, &e);
    }
    vp_params_clear(&params);
    vp_searcher *s = worker_searcher(c->srv);
    char *xml = s ? vp_feed_atom(s, &r, c->query, &e) : NULL;
    vp_request_clear(&r);
    if (!s)
        return unavailable(c);
    if (!xml)
        return send_qerror(c->conn, c->ctx, &e);
    return send_body(c->conn, c->ctx, 200, "application/atom+xml; charset=utf-8", xml,
                     strlen(xml), true, NULL);
}

static enum MHD_Result route_healthz(const route_call *c)
{
    vp_searcher *s = worker_searcher(c->srv);
    vp_qerror e = {0};
    unsigned docs;
    unsigned long long rev;
    if (!s)
        return unavailable(c);
    if (vp_searcher_stats(s, &docs, &rev, &e) != 0)
        return send_qerror(c->conn, c->ctx, &e);
    return send_json(c->conn, c->ctx, 200,
                     json_pack("{s:s,s:I,s:I,s:b}", "status", "ok", "documents", (json_int_t)docs,
                               "revision", (json_int_t)rev,
                               "counts_by_column", vp_searcher_counts_by_column(s)), NULL);
}

static enum MHD_Result route_metrics(const route_call *c)
{
    vp_searcher *s = worker_searcher(c->srv);
    vp_qerror e = {0};
    unsigned docs = 0;
    unsigned long long rev = 0;
    bool up = s && vp_searcher_stats(s, &docs, &rev, &e) == 0;
    char *text = vp_metrics_render(up ? (long long)docs : -1, rev);
    if (!text)
        return unavailable(c);
    return send_body(c->conn, c->ctx, 200, "text/plain; version=0.0.4; charset=utf-8",
                     text, strlen(text), true, NULL);
}

/* A compiled-in file: revalidated on every use (no-cache) against its
 * ETag, so a new searchd never meets an old app.js in a browser cache. */
static enum MHD_Result route_asset(const route_call *c, const char *name)
{
    const vp_asset *a = vp_asset_find(name);
    if (!a)
        return send_error(c->conn, c->ctx, 404, "not_found", "no such file", NULL);
    const char *inm = MHD_lookup_connection_value(c->conn, MHD_HEADER_KIND, "If-None-Match");
    bool fresh = inm && strstr(inm, a->etag);
    struct MHD_Response *resp = MHD_create_response_from_buffer(
        fresh ? 0 : a->len, fresh ? NULL : (void *)a->data, MHD_RESPMEM_PERSISTENT);
    if (!resp)
        return MHD_NO;
    common_headers(resp, a->content_type, "no-cache");
    MHD_add_response_header(resp, "ETag", a->etag);
    return queue(c->conn, c->ctx, fresh ? 304 : 200, resp, fresh ? 0 : a->len);
}

/* The members' page, filled in on the server (page.h). */
static enum MHD_Result send_page(const route_call *c, vp_page page)
{
    if (!page.html)
        return unavailable(c);
    return send_body(c->conn, c->ctx, page.status, "text/html; charset=utf-8", page.html,
                     page.len, true, NULL);
}

static enum MHD_Result route_index(const route_call *c)
{
    vp_searcher *s = worker_searcher(c->srv);
    return s ? send_page(c, vp_page_search(s, c->query)) : unavailable(c);
}

/* index.html is the page's template: served filled in, like "/". */
static enum MHD_Result route_static(const route_call *c)
{
    if (strcmp(c->rest, "index.html") != 0)
        return route_asset(c, c->rest);
    vp_searcher *s = worker_searcher(c->srv);
    return s ? send_page(c, vp_page_search(s, "")) : unavailable(c);
}

static enum MHD_Result route_report(const route_call *c)
{
    vp_searcher *s = worker_searcher(c->srv);
    return s ? send_page(c, vp_page_report(s, c->rest, c->query)) : unavailable(c);
}

static enum MHD_Result route_municipality_page(const route_call *c)
{
    vp_searcher *s = worker_searcher(c->srv);
    return s ? send_page(c, vp_page_municipality(s, c->rest, c->query)) : unavailable(c);
}

static enum MHD_Result route_speaker_page(const route_call *c)
{
    vp_searcher *s = worker_searcher(c->srv);
    return s ? send_page(c, vp_page_speaker(s, c->rest, c->query)) : unavailable(c);
}

/* ---- /export and /trends ----------------------------------------------------------
 * An export streams (chunked) from a searcher of its own, so that the worker
 * thread's searcher may move to a new revision meanwhile while every batch of
 * the export reads one revision; at most VP_EXPORT_MAX_RUNNING run at once.
 * Parameters of /search that mean nothing here (page, per_page, facet_limit,
 * prefix; sort for /trends) are a 400 rather than silently ignored. */

static atomic_uint exports_running;

/* Keys a route knows but that mean nothing there: a 400 rather than silence. */
static int reject_keys(const vp_params *p, const char *const *keys, const char *route,
                       vp_qerror *e)
{
    for (size_t i = 0; keys[i]; i++)
        if (vp_params_get(p, keys[i]))
            return vp_qfail(e, VP_QERR_BAD_PARAMETER, "parameter '%s' does not apply "
                            "to %s", keys[i], route);
    return 0;
}

/* A route's own single-valued parameters given twice: a 400, as for /search. */
static int own_given_twice(const vp_params *p, const char *const *own, vp_qerror *e)
{
    for (size_t k = 0; own[k]; k++) {
        unsigned n = 0;
        for (size_t i = 0; i < p->len; i++)
            n += strcmp(p->items[i].key, own[k]) == 0;
        if (n > 1)
            return vp_qfail(e, VP_QERR_BAD_PARAMETER, "parameter '%s' is given more than "
                            "once", own[k]);
    }
    return 0;
}

static bool parse_export_request(const route_call *c, vp_request *r, vp_export_format *f,
                                 enum MHD_Result *rc)
{
    static const char *const own[] = {"format", NULL};
    static const char *const rejected[] = {"page", "per_page", "facet_limit", "prefix", NULL};
    vp_params params;
    vp_qerror e = {0};
    vp_request_init(r);
    int fmt = 0;
    bool ok = vp_params_parse(c->query, &params, &e) == 0;
    if (ok && (ok = own_given_twice(&params, own, &e) == 0)) {
        fmt = vp_export_format_from_name(vp_params_get(&params, "format"));
        ok = (fmt >= 0 || vp_qfail(&e, VP_QERR_BAD_PARAMETER, "format must be jsonl or csv, "
                                   "not '%.40s'", vp_params_get(&params, "format")) == 0) &&
             reject_keys(&params, rejected, "/export", &e) == 0 &&
             vp_request_from_params(&params, r, own, &e) == 0;
        vp_params_clear(&params);
    }
    if (!ok) {
        vp_request_clear(r);
        *rc = send_qerror(c->conn, c->ctx, &e);
    }
    *f = (vp_export_format)fmt;
    return ok;
}

typedef struct export_stream { vp_searcher *s; vp_export *x; } export_stream;

static void export_stream_free(void *cls)
{
    export_stream *st = cls;
    vp_export_free(st->x);
    vp_searcher_free(st->s);
    free(st);
    atomic_fetch_sub(&exports_running, 1);
    give_back_memory();
}

static ssize_t export_stream_read(void *cls, uint64_t pos, char *buf, size_t max)
{
    (void)pos;
    export_stream *st = cls;
    vp_qerror e;
    ssize_t n = vp_export_read(st->x, buf, max, &e);
    if (n > 0)
        return n;
    if (n == 0)
        return MHD_CONTENT_READER_END_OF_STREAM;
    /* The status line is gone: all we can do is cut the chunked stream short,
     * which a client sees as an incomplete transfer. */
    fprintf(stderr, "searchd: an export stopped early: %s\n", e.message);
    return MHD_CONTENT_READER_END_WITH_ERROR;
}

/* An export to a client that stops reading waits in three buffers: ours (one
 * record), libmicrohttpd's (the free part of the 512 kB connection pool) and
 * the kernel's.  Fixing the kernel's keeps it from growing to megabytes by
 * autotuning, so a stalled export pins well under a megabyte and keeps its
 * slot, which is what bounds concurrent exports; 128 kB (the kernel
 * doubles it) still fills a 5 MB/s link at 50 ms. */
#define VP_EXPORT_SNDBUF (128 * 1024)

static void bound_send_buffer(struct MHD_Connection *conn)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
    int size = VP_EXPORT_SNDBUF;
    if (ci)   /* best effort: without it the export only buffers more */
        (void)setsockopt(ci->connect_fd, SOL_SOCKET, SO_SNDBUF, &size, sizeof size);
}

/* The answer to HEAD /export: the headers a GET gets, and nothing after
 * them.  libmicrohttpd 0.9.75 ends a chunked answer to HEAD with the
 * chunked terminator all the same (a stray "0\r\n\r\n" that a kept-alive
 * client would read as the start of the next answer), and a Content-Length
 * would have to be the export's size, which only making it tells.  So
 * neither: no framing, and the connection is closed after the headers. */
static ssize_t no_body(void *cls, uint64_t pos, char *buf, size_t max)
{
    (void)cls, (void)pos, (void)buf, (void)max;
    return MHD_CONTENT_READER_END_OF_STREAM;
}

static struct MHD_Response *head_response(void)
{
    struct MHD_Response *resp =
        MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 1024, no_body, NULL, NULL);
    if (resp)
        MHD_set_response_options(resp, MHD_RF_HTTP_1_0_COMPATIBLE_STRICT, MHD_RO_END);
    return resp;
}

static enum MHD_Result start_export(const route_call *c, const vp_request *r,
                                    vp_export_format f)
{
    export_stream *st = calloc(1, sizeof *st);
    vp_qerror e = {0};
    if (st && (st->s = vp_searcher_new(&c->srv->searcher_cfg)) != NULL) {
        vp_searcher_set_limits(st->s, &c->srv->limits);
        st->x = vp_export_new(st->s, r, f, &e);
    }
    if (!st || !st->x) {
        if (st)
            vp_searcher_free(st->s);
        free(st);
        atomic_fetch_sub(&exports_running, 1);
        return e.kind != VP_QERR_NONE ? send_qerror(c->conn, c->ctx, &e) : unavailable(c);
    }
    char total[24];
    snprintf(total, sizeof total, "%u", vp_export_total(st->x));
    struct MHD_Response *resp;
    if (c->ctx->head) {
        export_stream_free(st);
        resp = head_response();
    } else {
        bound_send_buffer(c->conn);
        resp = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 64 * 1024,
                                                 export_stream_read, st, export_stream_free);
        if (!resp)
            export_stream_free(st);
    }
    if (!resp)
        return MHD_NO;
    common_headers(resp, vp_export_content_type(f), "no-store");
    MHD_add_response_header(resp, "Content-Disposition", f == VP_EXPORT_CSV
                                ? "attachment; filename=\"vindplaats.csv\""
                                : "attachment; filename=\"vindplaats.jsonl\"");
    MHD_add_response_header(resp, "X-Total-Count", total);
    return queue(c->conn, c->ctx, 200, resp, 0);
}

static enum MHD_Result route_export(const route_call *c)
{
    vp_request r;
    vp_export_format f;
    enum MHD_Result rc;
    if (!parse_export_request(c, &r, &f, &rc))
        return rc;
    if (atomic_fetch_add(&exports_running, 1) >= VP_EXPORT_MAX_RUNNING) {
        atomic_fetch_sub(&exports_running, 1);
        rc = send_error(c->conn, c->ctx, 503, "too_many_exports", "too many exports are "
                        "running; try again in a moment", NULL);
    } else {
        rc = start_export(c, &r, f);
    }
    vp_request_clear(&r);
    return rc;
}

static bool parse_trends_request(const route_call *c, vp_request *r, vp_trends_options *o,
                                 enum MHD_Result *rc)
{
    static const char *const own[] = {"by", "interval", "limit", "format", NULL};
    static const char *const rejected[] = {"page", "per_page", "facet_limit", "prefix",
                                           "sort", NULL};
    vp_params params;
    vp_qerror e = {0};
    vp_request_init(r);
    vp_trends_options_init(o);
    bool ok = vp_params_parse(c->query, &params, &e) == 0;
    if (ok && (ok = own_given_twice(&params, own, &e) == 0)) {
        for (size_t i = 0; ok && own[i]; i++) {
            const char *v = vp_params_get(&params, own[i]);
            ok = !v || vp_trends_option_set(o, own[i], v, &e) == 0;
        }
        ok = ok && reject_keys(&params, rejected, "/trends", &e) == 0 &&
             vp_request_from_params(&params, r, own, &e) == 0;
        vp_params_clear(&params);
    }
    if (!ok) {
        vp_request_clear(r);
        *rc = send_qerror(c->conn, c->ctx, &e);
    }
    return ok;
}

static enum MHD_Result route_trends(const route_call *c)
{
    vp_request r;
    vp_trends_options o;
    enum MHD_Result rc;
    if (!parse_trends_request(c, &r, &o, &rc))
        return rc;
    vp_searcher *s = worker_searcher(c->srv);
    vp_qerror e = {0};
    json_t *trends = s ? vp_trends(s, &r, &o, c->srv->searcher_cfg.themes, &e) : NULL;
    char *csv = trends && o.csv ? vp_trends_csv(trends) : NULL;
    if (!s)
        rc = unavailable(c);
    else if (!trends || !o.csv)
        rc = send_result(c->conn, c->ctx, trends, &e);
    else if (!csv)
        rc = unavailable(c);
    else
        rc = send_body(c->conn, c->ctx, 200, "text/csv; charset=utf-8; header=present", csv,
                       strlen(csv), true, NULL);
    if (o.csv)
        json_decref(trends);
    vp_request_clear(&r);
    return rc;
}

typedef struct route {
    const char *path;          /* exact path, or a prefix ending in '/' */
    vp_route id;
    enum MHD_Result (*handler)(const route_call *c);
} route;


static const route routes[] = {
    {"/", VP_ROUTE_INDEX, route_index},
    {"/search", VP_ROUTE_SEARCH, route_search},
    {"/healthz", VP_ROUTE_HEALTHZ, route_healthz},
    {"/metrics", VP_ROUTE_METRICS, route_metrics},
    {"/facets/", VP_ROUTE_FACETS, route_facets},
    {"/documents/", VP_ROUTE_DOCUMENTS, route_document},
    {"/static/", VP_ROUTE_STATIC, route_static},
    {"/r/", VP_ROUTE_INDEX, route_report},
    {"/gemeente/", VP_ROUTE_INDEX, route_municipality_page},
    {"/spreker/", VP_ROUTE_INDEX, route_speaker_page},
    {"/municipalities/", VP_ROUTE_MUNICIPALITIES, route_municipality},
    {"/speakers/", VP_ROUTE_SPEAKERS, route_speaker},
    {"/feed", VP_ROUTE_FEED, route_feed},
    {"/export", VP_ROUTE_EXPORT, route_export},
    {"/trends", VP_ROUTE_TRENDS, route_trends},
};

/* The route for a decoded path; *rest points after a prefix route. */
static const route *find_route(const char *path, const char **rest)
{
    for (size_t i = 0; i < sizeof routes / sizeof *routes; i++) {
        const char *p = routes[i].path;
        size_t n = strlen(p);
        bool prefix = n > 1 && p[n - 1] == '/';
        if (prefix ? strncmp(path, p, n) == 0 && path[n] != '\0' : strcmp(path, p) == 0) {
            *rest = path + (prefix ? n : strlen(path));
            return &routes[i];
        }
    }
    return NULL;
}

vp_route vp_http_route_of(const char *path, const char **rest)
{
    const route *rt = find_route(path, rest);
    return rt ? rt->id : VP_ROUTE_OTHER;
}

/* ---- the request head -------------------------------------------------------- */

/* What the first call learns from the header fields. */
typedef struct head_scan {
    size_t fields, bytes;          /* bytes: "Name: value\r\n" each */
    unsigned hosts, content_lengths;
    const char *forwarded_for;     /* the last X-Forwarded-For field, or NULL */
} head_scan;

static enum MHD_Result scan_field(void *cls, enum MHD_ValueKind kind, const char *key,
                                  size_t key_size, const char *value, size_t value_size)
{
    (void)kind;
    head_scan *h = cls;
    h->fields++;
    h->bytes += key_size + value_size + 4;
    if (key_size == 4 && strncasecmp(key, "Host", 4) == 0)
        h->hosts++;
    else if (key_size == 14 && strncasecmp(key, "Content-Length", 14) == 0)
        h->content_lengths++;
    else if (key_size == 15 && strncasecmp(key, "X-Forwarded-For", 15) == 0)
        h->forwarded_for = value;
    return MHD_YES;
}

/* The client as the log names it: the peer, or, when the peer is the
 * trusted proxy, the last address of its X-Forwarded-For (the one the proxy
 * added; those before it are whatever the client claimed). */
static void client_of(const vp_server *srv, const request_ctx *ctx, const head_scan *h,
                      char *out, size_t len)
{
    snprintf(out, len, "%s", ctx->conn ? ctx->conn->peer : "-");
    if (!srv->trusted_proxy[0] || !ctx->conn || !h->forwarded_for ||
        strcmp(ctx->conn->peer, srv->trusted_proxy) != 0)
        return;
    const char *last = strrchr(h->forwarded_for, ',');
    last = last ? last + 1 : h->forwarded_for;
    last += strspn(last, " \t");
    char addr[INET6_ADDRSTRLEN];
    size_t n = strcspn(last, " \t");
    unsigned char bin[sizeof(struct in6_addr)];
    if (n == 0 || n >= sizeof addr)
        return;
    memcpy(addr, last, n);
    addr[n] = '\0';
    if (inet_pton(AF_INET, addr, bin) == 1 || inet_pton(AF_INET6, addr, bin) == 1)
        snprintf(out, len, "%s", addr);
}

/* A request target with a space or a control character: libmicrohttpd
 * takes "GET /a b HTTP/1.1" as the target "/a b". */
static bool target_is_clean(const char *raw)
{
    for (const unsigned char *p = (const unsigned char *)raw; *p; p++)
        if (*p <= 0x20 || *p == 0x7f)
            return false;
    return true;
}

/* The first call: whatever is wrong with the request head is answered at
 * once, and libmicrohttpd then closes the connection, which for a request
 * whose framing is in doubt (two lengths, a body) is the only safe thing.
 * Returns true when it answered (*rc). */
static bool refuse_head(struct MHD_Connection *conn, request_ctx *ctx, const head_scan *h,
                        const char *method, const char *version, enum MHD_Result *rc)
{
    char msg[200];
    bool http11 = strcmp(version, "HTTP/1.1") == 0;
    /* MHD reads a request line cut short by a NUL byte as HTTP/0.9 with an
     * empty version: refuse it rather than answer the truncated target. */
    if (strncmp(version, "HTTP/1.", 7) != 0)
        *rc = send_error(conn, ctx, 400, "bad_request",
                         "malformed request line (expected HTTP/1.0 or HTTP/1.1)", NULL);
    else if (h->fields > VP_HTTP_MAX_HEADER_FIELDS || h->bytes > VP_HTTP_MAX_HEADER_BYTES) {
        snprintf(msg, sizeof msg, "the request header fields are too large (%zu fields, "
                 "%zu bytes; at most %d fields and %d bytes)", h->fields, h->bytes,
                 VP_HTTP_MAX_HEADER_FIELDS, VP_HTTP_MAX_HEADER_BYTES);
        *rc = send_error(conn, ctx, 431, "headers_too_large", msg, NULL);
    } else if (!target_is_clean(ctx->raw_uri))
        *rc = send_error(conn, ctx, 400, "bad_request", "the request target contains a "
                         "space or a control character", NULL);
    else if (h->hosts > 1 || (http11 && h->hosts == 0))
        *rc = send_error(conn, ctx, 400, "bad_request", h->hosts ? "more than one Host "
                         "header" : "an HTTP/1.1 request needs a Host header", NULL);
    else if (h->content_lengths > 1 ||
             (h->content_lengths &&
              MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Transfer-Encoding")))
        *rc = send_error(conn, ctx, 400, "bad_request", "the request's length is ambiguous "
                         "(more than one Content-Length, or one with Transfer-Encoding)", NULL);
    else if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
        *rc = send_error(conn, ctx, 405, "method_not_allowed",
                         "only GET and HEAD are allowed", "GET, HEAD");
    else {
        const char *clen = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
        if ((clen && strcmp(clen, "0") != 0) ||
            MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Transfer-Encoding"))
            *rc = send_error(conn, ctx, 413, "payload_too_large",
                             "a GET request takes no body", NULL);
        else
            return false;
    }
    return true;
}

/* ---- the MHD callbacks -------------------------------------------------------- */

static void free_ctx(request_ctx *ctx)
{
    if (ctx)
        free(ctx->raw_uri);
    free(ctx);
}

/* Each connection is registered with the header deadline (conns.h) and
 * keeps its current request's context, so that closing the connection
 * frees what is left: libmicrohttpd reports a request as completed only
 * after the access handler has seen it, and one it refuses by itself (more
 * query arguments than its pool holds) would leak the context on_uri made. */
static void on_connection(void *cls, struct MHD_Connection *conn, void **socket_context,
                          enum MHD_ConnectionNotificationCode code)
{
    vp_server *srv = cls;
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        const union MHD_ConnectionInfo *fd =
            MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
        const union MHD_ConnectionInfo *addr =
            MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
        *socket_context = vp_conns_add(srv->conns, fd ? fd->connect_fd : -1,
                                       addr ? addr->client_addr : NULL);
        vp_metrics_connection_opened();
        return;
    }
    vp_conn *vc = *socket_context;
    if (vc) {
        free_ctx(vc->request);
        vp_conns_remove(srv->conns, vc);
    }
    *socket_context = NULL;
}

static vp_conn *connection_state(struct MHD_Connection *conn)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return ci ? ci->socket_context : NULL;
}

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *conn)
{
    vp_server *srv = cls;
    request_ctx *ctx = calloc(1, sizeof *ctx);
    if (ctx && !(ctx->raw_uri = strdup(uri))) {
        free(ctx);
        ctx = NULL;
    }
    vp_conn *vc = connection_state(conn);
    if (ctx) {
        ctx->start = vp_now_ms();
        ctx->route = VP_ROUTE_OTHER;
        ctx->results = -1;
        ctx->conn = vc;
    }
    if (vc) {
        free_ctx(vc->request);    /* a request MHD dropped on this connection */
        vc->request = ctx;
        vp_conn_request_line(srv->conns, vc);
    }
    return ctx;
}

static enum MHD_Result dispatch(vp_server *srv, struct MHD_Connection *conn,
                                request_ctx *ctx)
{
    const char *raw = ctx->raw_uri;
    if (strlen(raw) > VP_HTTP_MAX_URI)
        return send_error(conn, ctx, 414, "uri_too_long",
                          "the request URL is too long (at most 8192 bytes)", NULL);
    size_t path_len = strcspn(raw, "?");
    const char *why = NULL;
    char *path = vp_percent_decode_path(raw, path_len, &why);
    if (!path)
        return send_error(conn, ctx, 400, "bad_parameter", "the URL path is not "
                          "valid percent-encoded UTF-8", NULL);
    const char *rest = NULL;
    const route *rt = find_route(path, &rest);
    enum MHD_Result rc;
    if (!rt) {
        rc = send_error(conn, ctx, 404, "not_found", "no such page or API route "
                        "(routes: /search, /facets/NAME, /documents/ID, /documents/ID/related, "
                        "/municipalities/NAME, /speakers/NAME, /feed, /export, /trends, "
                        "/healthz, /metrics)",
                        NULL);
    } else {
        ctx->route = rt->id;
        route_call c = {srv, conn, ctx, rest, raw[path_len] == '?' ? raw + path_len + 1 : ""};
        rc = rt->handler(&c);
    }
    free(path);
    return rc;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_data_size,
                                  void **con_cls)
{
    (void)url;
    (void)upload_data;
    vp_server *srv = cls;
    request_ctx *ctx = *con_cls;
    if (!ctx)
        return MHD_NO;
    if (ctx->status || *upload_data_size)   /* answered, or a body (refused): swallow */
        return *upload_data_size = 0, MHD_YES;
    if (ctx->head_checked)
        return dispatch(srv, conn, ctx);     /* the second call: the answer */
    ctx->head_checked = true;
    snprintf(ctx->method, sizeof ctx->method, "%s", method);
    snprintf(ctx->version, sizeof ctx->version, "%s", version);
    ctx->head = strcmp(method, "HEAD") == 0;
    head_scan h = {0};
    MHD_get_connection_values_n(conn, MHD_HEADER_KIND, scan_field, &h);
    client_of(srv, ctx, &h, ctx->client, sizeof ctx->client);
    ctx->close_after = vp_conns_open(srv->conns) > VP_HTTP_KEEP_ALIVE_MAX;
    vp_conn_request_started(srv->conns, ctx->conn);
    enum MHD_Result rc;
    return refuse_head(conn, ctx, &h, method, version, &rc) ? rc : MHD_YES;
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    (void)conn;
    (void)toe;
    vp_server *srv = cls;
    request_ctx *ctx = *con_cls;
    if (!ctx)
        return;
    double seconds = (vp_now_ms() - ctx->start) / 1e3;
    if (ctx->status) {
        vp_metrics_record(ctx->route, ctx->status, seconds);
        vp_access a = {ctx->client[0] ? ctx->client : "-", ctx->method, ctx->raw_uri,
                       ctx->version, ctx->route, ctx->status, ctx->bytes, seconds,
                       ctx->results};
        vp_access_log(srv->log_format, srv->log_queries, &a);
    }
    if (ctx->conn) {
        vp_conn_request_done(srv->conns, ctx->conn);
        if (ctx->conn->request == ctx)
            ctx->conn->request = NULL;
    }
    bool trim = seconds >= VP_TRIM_AFTER_S || ctx->expensive;
    free_ctx(ctx);
    *con_cls = NULL;
    if (trim)
        give_back_memory();
}

/* libmicrohttpd's own messages (requests it refuses by itself, connections
 * it drops, resources running out), as searchd's other lines on stderr, one
 * line each.  Under attack it writes one per refused or dropped connection:
 * at most MHD_LOG_PER_S lines a second, then one line saying how many were
 * left out. */
#define MHD_LOG_PER_S 10

static void mhd_log(void *cls, const char *fmt, va_list ap)
{
    (void)cls;
    static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    static time_t second;
    static unsigned lines, dropped;
    char msg[600];
    vsnprintf(msg, sizeof msg, fmt, ap);
    for (char *p = msg; *p; p++)
        if ((unsigned char)*p < 0x20)
            *p = ' ';
    size_t n = strlen(msg);
    while (n && msg[n - 1] == ' ')
        msg[--n] = '\0';
    time_t now = time(NULL);
    pthread_mutex_lock(&lock);
    if (now != second) {
        if (dropped)
            fprintf(stderr, "searchd: libmicrohttpd: %u more messages left out\n", dropped);
        second = now;
        lines = dropped = 0;
    }
    if (lines++ < MHD_LOG_PER_S)
        fprintf(stderr, "searchd: libmicrohttpd: %s\n", msg);
    else
        dropped++;
    pthread_mutex_unlock(&lock);
}

/* ---- start and stop ------------------------------------------------------------- */

/* Room for max_connections sockets plus the index files: the usual soft
 * limit of 1024 descriptors is below the default. */
static void raise_fd_limit(unsigned max_connections)
{
    struct rlimit rl;
    rlim_t want = (rlim_t)max_connections + 256;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < want) {
        rl.rlim_cur = rl.rlim_max == RLIM_INFINITY || rl.rlim_max > want ? want : rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
}

/* An address as inet_ntop writes it (the form peers are compared in), or
 * false when text is not an IP address.  An IPv4-mapped IPv6 address is
 * written as IPv4, as peers on the IPv4 listening socket are. */
static bool canonical_address(const char *text, char *out, size_t len)
{
    struct in6_addr a6;
    struct in_addr a4;
    if (inet_pton(AF_INET, text, &a4) == 1)
        return inet_ntop(AF_INET, &a4, out, (socklen_t)len) != NULL;
    if (inet_pton(AF_INET6, text, &a6) != 1)
        return false;
    if (IN6_IS_ADDR_V4MAPPED(&a6)) {
        memcpy(&a4, &a6.s6_addr[12], 4);
        return inet_ntop(AF_INET, &a4, out, (socklen_t)len) != NULL;
    }
    return inet_ntop(AF_INET6, &a6, out, (socklen_t)len) != NULL;
}

vp_server *vp_server_start(const vp_server_config *cfg, char *errbuf, size_t errlen)
{
    unsigned max_conns = cfg->max_connections ? cfg->max_connections
                                              : VP_HTTP_CONNECTION_LIMIT;
    unsigned per_address = cfg->max_per_address ? cfg->max_per_address : VP_HTTP_PER_IP_LIMIT;
    unsigned header_timeout = cfg->header_timeout_s ? cfg->header_timeout_s
                                                    : VP_HTTP_HEADER_TIMEOUT_S;
    raise_fd_limit(max_conns);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(cfg->port)};
    if (inet_pton(AF_INET, cfg->host, &addr.sin_addr) != 1) {
        snprintf(errbuf, errlen, "cannot listen on '%s': not an IPv4 address", cfg->host);
        return NULL;
    }
    vp_server *srv = calloc(1, sizeof *srv);
    if (!srv || !(srv->db_path = strdup(cfg->db_path)) ||
        !(srv->conns = vp_conns_start(header_timeout))) {
        if (srv)
            free(srv->db_path);
        free(srv);
        snprintf(errbuf, errlen, "out of memory");
        return NULL;
    }
    if (cfg->trusted_proxy && !canonical_address(cfg->trusted_proxy, srv->trusted_proxy,
                                                 sizeof srv->trusted_proxy)) {
        snprintf(errbuf, errlen, "--trusted-proxy: '%s' is not an IP address",
                 cfg->trusted_proxy);
        vp_conns_stop(srv->conns);
        free(srv->db_path);
        free(srv);
        return NULL;
    }
    pthread_mutex_init(&srv->lock, NULL);
    srv->searcher_cfg = (vp_searcher_config){srv->db_path, cfg->gazetteer, cfg->themes,
                                             VP_REOPEN_INTERVAL_MS};
    srv->log_format = cfg->log_format;
    srv->log_queries = cfg->log_queries;
    srv->limits = cfg->limits ? *cfg->limits : vp_budget_defaults();
    /* One thread: MHD's own polling thread does the work (a pool of one is
     * refused with a warning), so the pool size goes last and is optional. */
    struct MHD_OptionItem pool[] = {
        {MHD_OPTION_THREAD_POOL_SIZE, (intptr_t)cfg->threads, NULL},
        {MHD_OPTION_END, 0, NULL}};
    srv->daemon = MHD_start_daemon(
        MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG, 0, NULL, NULL,
        on_request, srv,
        MHD_OPTION_EXTERNAL_LOGGER, mhd_log, NULL,    /* first, or MHD warns */
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
        MHD_OPTION_CONNECTION_LIMIT, max_conns,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, per_address,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)VP_HTTP_TIMEOUT_S,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)VP_HTTP_MEMORY_LIMIT,
        /* Not strict: its checks (a Host header, no space in the target)
         * are ours (refuse_head), because libmicrohttpd 0.9.75 sends its
         * own answer to a missing Host with the status line and headers
         * twice. */
        MHD_OPTION_STRICT_FOR_CLIENT, 0,
        MHD_OPTION_URI_LOG_CALLBACK, on_uri, srv,
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, srv,
        MHD_OPTION_NOTIFY_CONNECTION, on_connection, srv,
        MHD_OPTION_ARRAY, cfg->threads > 1 ? pool : pool + 1,
        MHD_OPTION_END);
    if (!srv->daemon) {
        snprintf(errbuf, errlen, "cannot listen on %s:%u (address in use or not allowed?)",
                 cfg->host, (unsigned)cfg->port);
        vp_conns_stop(srv->conns);
        pthread_mutex_destroy(&srv->lock);
        free(srv->db_path);
        free(srv);
        return NULL;
    }
    return srv;
}

uint16_t vp_server_port(const vp_server *srv)
{
    const union MHD_DaemonInfo *info =
        MHD_get_daemon_info(srv->daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info ? info->port : 0;
}

void vp_server_stop(vp_server *srv, unsigned grace_ms)
{
    if (!srv)
        return;
    MHD_quiesce_daemon(srv->daemon);
    /* Kept-alive connections between requests need not wait for their
     * deadline; requests in flight finish before the workers are stopped. */
    vp_conns_cut_idle(srv->conns);
    for (unsigned waited = 0; waited < grace_ms; waited += 10) {
        const union MHD_DaemonInfo *info =
            MHD_get_daemon_info(srv->daemon, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
        if (!info || info->num_connections == 0)
            break;
        nanosleep(&(struct timespec){0, 10 * 1000 * 1000}, NULL);
    }
    MHD_stop_daemon(srv->daemon);
    vp_conns_stop(srv->conns);
    for (size_t i = 0; i < srv->n_searchers; i++)
        vp_searcher_free(srv->searchers[i]);
    free(srv->searchers);
    pthread_mutex_destroy(&srv->lock);
    free(srv->db_path);
    free(srv);
}
