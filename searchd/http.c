/*
 * http.c: searchd's answers (see http.h): how a response is made (the
 * headers every answer carries, JSON bodies and errors, what the access log
 * records of it), the routes and their handlers, and the dispatch of a
 * request target to its route.
 *
 * The request head has been checked before a route is called (http_head.c),
 * and each route gets the worker thread's own searcher (http_server.c).
 * A handler answers every error it meets itself: a JSON error with its HTTP
 * status, or a 503 when the index cannot be opened.
 */
#include "http_internal.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "assets.h"
#include "explore.h"
#include "export.h"
#include "mem.h"
#include "metrics.h"
#include "page.h"
#include "params.h"
#include "sys.h"
#include "trends.h"

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
static enum MHD_Result queue(struct MHD_Connection *conn, vp_http_ctx *ctx, int status,
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

static enum MHD_Result send_body(struct MHD_Connection *conn, vp_http_ctx *ctx,
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

static enum MHD_Result send_json(struct MHD_Connection *conn, vp_http_ctx *ctx,
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

enum MHD_Result vp_http_send_error(struct MHD_Connection *conn, vp_http_ctx *ctx,
                                   int status, const char *code, const char *message,
                                  const char *allow)
{
    json_t *body = json_pack("{s:{s:s,s:s}}", "error", "code", code, "message", message);
    return send_json(conn, ctx, status, body, allow);
}

static enum MHD_Result send_qerror(struct MHD_Connection *conn, vp_http_ctx *ctx,
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

static enum MHD_Result send_result(struct MHD_Connection *conn, vp_http_ctx *ctx,
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
    vp_http_ctx *ctx;
    const char *rest;          /* path after the route's prefix, decoded */
    const char *query;         /* raw query string (may be "") */
} route_call;

static enum MHD_Result unavailable(const route_call *c)
{
    return vp_http_send_error(c->conn, c->ctx, 503, "unavailable",
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

/* The answer's text as vp_search_text writes it: no json_t to dump. */
static enum MHD_Result send_search_text(const route_call *c, vp_searcher *s,
                                        const vp_request *r, vp_qerror *e)
{
    size_t len = 0;
    uint64_t total = 0;
    char *text = vp_search_text(s, r, &len, &total, e);
    if (!text)
        return send_qerror(c->conn, c->ctx, e);
    c->ctx->results = (long long)total;
    return send_body(c->conn, c->ctx, 200, "application/json; charset=utf-8", text, len, true,
                     NULL);
}

static enum MHD_Result route_search(const route_call *c)
{
    vp_request r;
    enum MHD_Result rc;
    if (!parse_request(c, &r, &rc))
        return rc;
    vp_searcher *s = vp_http_worker_searcher(c->srv);
    vp_qerror e = {0};
    rc = s ? send_search_text(c, s, &r, &e) : unavailable(c);
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
        return vp_http_send_error(c->conn, c->ctx, 404, "not_found", msg, NULL);
    }
    vp_request r;
    enum MHD_Result rc;
    if (!parse_request(c, &r, &rc))
        return rc;
    vp_searcher *s = vp_http_worker_searcher(c->srv);
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
    char *id = vp_xstrndup(c->rest, id_len);
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
    vp_searcher *s = vp_http_worker_searcher(c->srv);
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
    vp_searcher *s = vp_http_worker_searcher(c->srv);
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
    vp_searcher *s = vp_http_worker_searcher(c->srv);
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
    vp_searcher *s = vp_http_worker_searcher(c->srv);
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
    vp_searcher *s = vp_http_worker_searcher(c->srv);
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
        return vp_http_send_error(c->conn, c->ctx, 404, "not_found", "no such file", NULL);
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
    vp_searcher *s = vp_http_worker_searcher(c->srv);
    return s ? send_page(c, vp_page_search(s, c->query)) : unavailable(c);
}

/* index.html is the page's template: served filled in, like "/". */
static enum MHD_Result route_static(const route_call *c)
{
    if (strcmp(c->rest, "index.html") != 0)
        return route_asset(c, c->rest);
    vp_searcher *s = vp_http_worker_searcher(c->srv);
    return s ? send_page(c, vp_page_search(s, "")) : unavailable(c);
}

static enum MHD_Result route_report(const route_call *c)
{
    vp_searcher *s = vp_http_worker_searcher(c->srv);
    return s ? send_page(c, vp_page_report(s, c->rest, c->query)) : unavailable(c);
}

static enum MHD_Result route_municipality_page(const route_call *c)
{
    vp_searcher *s = vp_http_worker_searcher(c->srv);
    return s ? send_page(c, vp_page_municipality(s, c->rest, c->query)) : unavailable(c);
}

static enum MHD_Result route_speaker_page(const route_call *c)
{
    vp_searcher *s = vp_http_worker_searcher(c->srv);
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

/* The parameters of a route beside /search's (/export, /trends): its own
 * (single-valued, read by read into the route's options, not the
 * request's) and those of /search that mean nothing there (a 400). */
typedef struct route_params {
    const char *route;                  /* for messages: "/export" */
    const char *const *own;
    int (*read)(const vp_params *p, void *options, vp_qerror *e);
    const char *const *rejected;
} route_params;

/* Parses the query string into a request and the route's own parameters
 * into options; on failure answers 400 itself. */
static bool parse_route_request(const route_call *c, const route_params *rp, void *options,
                                vp_request *r, enum MHD_Result *rc)
{
    vp_params params;
    vp_qerror e = {0};
    vp_request_init(r);
    bool ok = vp_params_parse(c->query, &params, &e) == 0 &&
              own_given_twice(&params, rp->own, &e) == 0 &&
              rp->read(&params, options, &e) == 0 &&
              reject_keys(&params, rp->rejected, rp->route, &e) == 0 &&
              vp_request_from_params(&params, r, rp->own, &e) == 0;
    vp_params_clear(&params);
    if (!ok) {
        vp_request_clear(r);
        *rc = send_qerror(c->conn, c->ctx, &e);
    }
    return ok;
}

static int read_export_format(const vp_params *p, void *options, vp_qerror *e)
{
    const char *name = vp_params_get(p, "format");
    int fmt = vp_export_format_from_name(name);
    if (fmt < 0)
        return vp_qfail(e, VP_QERR_BAD_PARAMETER, "format must be jsonl or csv, not '%.40s'",
                        name);
    *(vp_export_format *)options = (vp_export_format)fmt;
    return 0;
}

static const char *const export_own[] = {"format", NULL};
static const char *const export_rejected[] = {"page", "per_page", "facet_limit", "prefix", NULL};
static const route_params export_params = {"/export", export_own, read_export_format,
                                           export_rejected};

typedef struct export_stream { vp_searcher *s; vp_export *x; } export_stream;

static void export_stream_free(void *cls)
{
    export_stream *st = cls;
    vp_export_free(st->x);
    vp_searcher_free(st->s);
    free(st);
    atomic_fetch_sub(&exports_running, 1);
    vp_give_back_memory();
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
    export_stream *st = vp_xcalloc(1, sizeof *st);
    vp_qerror e = {0};
    if ((st->s = vp_searcher_new(&c->srv->searcher_cfg)) != NULL) {
        vp_searcher_set_limits(st->s, &c->srv->limits);
        st->x = vp_export_new(st->s, r, f, &e);
    }
    if (!st->x) {
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
    if (!parse_route_request(c, &export_params, &f, &r, &rc))
        return rc;
    if (atomic_fetch_add(&exports_running, 1) >= VP_EXPORT_MAX_RUNNING) {
        atomic_fetch_sub(&exports_running, 1);
        rc = vp_http_send_error(c->conn, c->ctx, 503, "too_many_exports",
                                "too many exports are running; try again in a moment", NULL);
    } else {
        rc = start_export(c, &r, f);
    }
    vp_request_clear(&r);
    return rc;
}

static const char *const trends_own[] = {"by", "interval", "limit", "format", NULL};
static const char *const trends_rejected[] = {"page", "per_page", "facet_limit", "prefix",
                                              "sort", NULL};

static int read_trends_options(const vp_params *p, void *options, vp_qerror *e)
{
    vp_trends_options *o = options;
    vp_trends_options_init(o);
    for (size_t i = 0; trends_own[i]; i++) {
        const char *v = vp_params_get(p, trends_own[i]);
        if (v && vp_trends_option_set(o, trends_own[i], v, e) != 0)
            return -1;
    }
    return 0;
}

static const route_params trends_params = {"/trends", trends_own, read_trends_options,
                                           trends_rejected};

static enum MHD_Result route_trends(const route_call *c)
{
    vp_request r;
    vp_trends_options o;
    enum MHD_Result rc;
    if (!parse_route_request(c, &trends_params, &o, &r, &rc))
        return rc;
    vp_searcher *s = vp_http_worker_searcher(c->srv);
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

/* ---- dispatch ----------------------------------------------------------------- */

enum MHD_Result vp_http_dispatch(vp_server *srv, struct MHD_Connection *conn,
                                 vp_http_ctx *ctx)
{
    const char *raw = ctx->raw_uri;
    if (strlen(raw) > VP_HTTP_MAX_URI)
        return vp_http_send_error(conn, ctx, 414, "uri_too_long",
                                  "the request URL is too long (at most 8192 bytes)", NULL);
    size_t path_len = strcspn(raw, "?");
    const char *why = NULL;
    char *path = vp_percent_decode_path(raw, path_len, &why);
    if (!path)
        return vp_http_send_error(conn, ctx, 400, "bad_parameter", "the URL path is not "
                                  "valid percent-encoded UTF-8", NULL);
    const char *rest = NULL;
    const route *rt = find_route(path, &rest);
    enum MHD_Result rc;
    if (!rt) {
        rc = vp_http_send_error(conn, ctx, 404, "not_found",
                                "no such page or API route (routes: /search, /facets/NAME, "
                                "/documents/ID, /documents/ID/related, /municipalities/NAME, "
                                "/speakers/NAME, /feed, /export, /trends, /healthz, /metrics)",
                                NULL);
    } else {
        ctx->route = rt->id;
        route_call c = {srv, conn, ctx, rest, raw[path_len] == '?' ? raw + path_len + 1 : ""};
        rc = rt->handler(&c);
    }
    free(path);
    return rc;
}

