/*
 * http_head.c: the checks of a request head, made on the first call of the
 * access handler (see http_server.c): the request line, the header limits
 * (VP_HTTP_MAX_HEADER_FIELDS and _BYTES), one Host, unambiguous framing, GET
 * and HEAD without a body, and the client's address for the log.
 *
 * What is wrong here is answered at once, and libmicrohttpd then closes the
 * connection: for a request whose framing is in doubt that is the only safe
 * thing.
 */
#include "http_internal.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static enum MHD_Result scan_field(void *cls, enum MHD_ValueKind kind, const char *key,
                                  size_t key_size, const char *value, size_t value_size)
{
    (void)kind;
    vp_http_head *h = cls;
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

void vp_http_scan_head(struct MHD_Connection *conn, vp_http_head *h)
{
    MHD_get_connection_values_n(conn, MHD_HEADER_KIND, scan_field, h);
}

/* The client as the log names it: the peer, or, when the peer is the
 * trusted proxy, the last address of its X-Forwarded-For (the one the proxy
 * added; those before it are whatever the client claimed). */
void vp_http_client_of(const vp_server *srv, const vp_http_ctx *ctx, const vp_http_head *h,
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
bool vp_http_refuse_head(struct MHD_Connection *conn, vp_http_ctx *ctx, const vp_http_head *h,
                         const char *method, const char *version, enum MHD_Result *rc)
{
    char msg[200];
    bool http11 = strcmp(version, "HTTP/1.1") == 0;
    /* MHD reads a request line cut short by a NUL byte as HTTP/0.9 with an
     * empty version: refuse it rather than answer the truncated target. */
    if (strncmp(version, "HTTP/1.", 7) != 0)
        *rc = vp_http_send_error(conn, ctx, 400, "bad_request", "malformed request line "
                                 "(expected HTTP/1.0 or HTTP/1.1)", NULL);
    else if (h->fields > VP_HTTP_MAX_HEADER_FIELDS || h->bytes > VP_HTTP_MAX_HEADER_BYTES) {
        snprintf(msg, sizeof msg, "the request header fields are too large (%zu fields, "
                 "%zu bytes; at most %d fields and %d bytes)", h->fields, h->bytes,
                 VP_HTTP_MAX_HEADER_FIELDS, VP_HTTP_MAX_HEADER_BYTES);
        *rc = vp_http_send_error(conn, ctx, 431, "headers_too_large", msg, NULL);
    } else if (!target_is_clean(ctx->raw_uri))
        *rc = vp_http_send_error(conn, ctx, 400, "bad_request", "the request target "
                                 "contains a space or a control character", NULL);
    else if (h->hosts > 1 || (http11 && h->hosts == 0))
        *rc = vp_http_send_error(conn, ctx, 400, "bad_request",
                                 h->hosts ? "more than one Host header"
                                          : "an HTTP/1.1 request needs a Host header", NULL);
    else if (h->content_lengths > 1 ||
             (h->content_lengths &&
              MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Transfer-Encoding")))
        *rc = vp_http_send_error(conn, ctx, 400, "bad_request", "the request's length is "
                                 "ambiguous (more than one Content-Length, or one with "
                                 "Transfer-Encoding)", NULL);
    else if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
        *rc = vp_http_send_error(conn, ctx, 405, "method_not_allowed",
                                 "only GET and HEAD are allowed", "GET, HEAD");
    else {
        const char *clen = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
        if ((clen && strcmp(clen, "0") != 0) ||
            MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Transfer-Encoding"))
            *rc = vp_http_send_error(conn, ctx, 413, "payload_too_large",
                                     "a GET request takes no body", NULL);
        else
            return false;
    }
    return true;
}
