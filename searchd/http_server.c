/*
 * http_server.c: searchd's HTTP server on libmicrohttpd (see http.h): the
 * daemon's start and stop, its callbacks, the context of each request, the
 * worker threads' searchers and the access log.
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
 * (version, method, Host, header limits, body framing: http_head.c),
 * answering at once (and closing) what is wrong there, and the answer proper
 * is queued on the second call (http.c), which keeps the connection open for
 * the next request (keep-alive and pipelining).
 */
#include "http_internal.h"

#ifdef __GLIBC__
#endif
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "accesslog.h"
#include "mem.h"
#include "metrics.h"
#include "sys.h"

/* ---- the worker threads' searchers ------------------------------------------ */

static _Thread_local vp_searcher *thread_searcher;

vp_searcher *vp_http_worker_searcher(vp_server *srv)
{
    if (thread_searcher)
        return thread_searcher;
    vp_searcher *s = vp_searcher_new(&srv->searcher_cfg);
    if (!s)
        return NULL;
    vp_searcher_set_limits(s, &srv->limits);
    pthread_mutex_lock(&srv->lock);
    VP_GROW(srv->searchers, srv->cap_searchers, srv->n_searchers + 1);
    srv->searchers[srv->n_searchers++] = s;
    pthread_mutex_unlock(&srv->lock);
    return thread_searcher = s;
}

/* Memory a long request freed goes back to the system.  glibc keeps what a
 * thread freed in that thread's arena for its next allocations, so after a
 * match over many posting lists searchd's RSS stayed where the peak had
 * been (issue 21: 9 MB before, 455 MB after, for good); malloc_trim()
 * (vp_give_back_memory) hands the free pages of every arena back.  It
 * takes each arena's lock for about a millisecond, so only after requests
 * that took long enough to have used much (or were stopped for their
 * cost), and after exports. */
#define VP_TRIM_AFTER_S 0.25

/* ---- the MHD callbacks -------------------------------------------------------- */

static void free_ctx(vp_http_ctx *ctx)
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
    vp_http_ctx *ctx = vp_xcalloc(1, sizeof *ctx);
    vp_conn *vc = connection_state(conn);
    ctx->raw_uri = vp_xstrdup(uri);
    ctx->start = vp_now_ms();
    ctx->route = VP_ROUTE_OTHER;
    ctx->results = -1;
    ctx->conn = vc;
    if (vc) {
        free_ctx(vc->request);    /* a request MHD dropped on this connection */
        vc->request = ctx;
        vp_conn_request_line(srv->conns, vc);
    }
    return ctx;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_data_size,
                                  void **con_cls)
{
    (void)url;
    (void)upload_data;
    vp_server *srv = cls;
    vp_http_ctx *ctx = *con_cls;
    if (!ctx)
        return MHD_NO;
    if (ctx->status || *upload_data_size)   /* answered, or a body (refused): swallow */
        return *upload_data_size = 0, MHD_YES;
    if (ctx->head_checked)
        return vp_http_dispatch(srv, conn, ctx);     /* the second call: the answer */
    ctx->head_checked = true;
    snprintf(ctx->method, sizeof ctx->method, "%s", method);
    snprintf(ctx->version, sizeof ctx->version, "%s", version);
    ctx->head = strcmp(method, "HEAD") == 0;
    vp_http_head h = {0};
    vp_http_scan_head(conn, &h);
    vp_http_client_of(srv, ctx, &h, ctx->client, sizeof ctx->client);
    ctx->close_after = vp_conns_open(srv->conns) > VP_HTTP_KEEP_ALIVE_MAX;
    vp_conn_request_started(srv->conns, ctx->conn);
    enum MHD_Result rc;
    return vp_http_refuse_head(conn, ctx, &h, method, version, &rc) ? rc : MHD_YES;
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    (void)conn;
    (void)toe;
    vp_server *srv = cls;
    vp_http_ctx *ctx = *con_cls;
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
        vp_give_back_memory();
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
    vp_server *srv = vp_xcalloc(1, sizeof *srv);
    srv->db_path = vp_xstrdup(cfg->db_path);
    if (!(srv->conns = vp_conns_start(header_timeout))) {
        free(srv->db_path);
        free(srv);
        snprintf(errbuf, errlen, "cannot start the connections' deadline thread");
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
         * are ours (http_head.c), because libmicrohttpd 0.9.75 sends its
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
