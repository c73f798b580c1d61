/*
 * httpget.c: one HTTP/1.1 GET (see httpget.h).
 */
#include "httpget.h"

#include <netdb.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "mem.h"

#define TIMEOUT_S 30
#define MAX_RESPONSE (64u * 1024 * 1024)

typedef struct url { char host[256], port[8], prefix[1024]; } url;

static int parse_url(const char *s, url *u, char *errbuf, size_t errlen)
{
    if (strncmp(s, "http://", 7) != 0) {
        snprintf(errbuf, errlen, "--server wants an http:// URL, not '%s'", s);
        return -1;
    }
    s += 7;
    size_t hostport = strcspn(s, "/");
    const char *colon = memchr(s, ':', hostport);
    size_t hlen = colon ? (size_t)(colon - s) : hostport;
    if (hlen == 0 || hlen >= sizeof u->host || strlen(s + hostport) >= sizeof u->prefix) {
        snprintf(errbuf, errlen, "cannot read the server URL");
        return -1;
    }
    memcpy(u->host, s, hlen);
    u->host[hlen] = '\0';
    snprintf(u->port, sizeof u->port, "%.*s", colon ? (int)(hostport - hlen - 1) : 2,
             colon ? colon + 1 : "80");
    snprintf(u->prefix, sizeof u->prefix, "%s", s + hostport);
    size_t n = strlen(u->prefix);
    if (n && u->prefix[n - 1] == '/')
        u->prefix[n - 1] = '\0';
    return 0;
}

static int connect_to(const url *u, char *errbuf, size_t errlen)
{
    struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM}, *res, *ai;
    int rc = getaddrinfo(u->host, u->port, &hints, &res);
    if (rc != 0) {
        snprintf(errbuf, errlen, "cannot resolve %s: %s", u->host, gai_strerror(rc));
        return -1;
    }
    int fd = -1;
    for (ai = res; ai && fd < 0; ai = ai->ai_next) {
        fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
        if (fd < 0)
            continue;
        struct timeval tv = {TIMEOUT_S, 0};
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
        if (connect(fd, ai->ai_addr, ai->ai_addrlen) != 0) {
            close(fd);
            fd = -1;
        }
    }
    freeaddrinfo(res);
    if (fd < 0)
        snprintf(errbuf, errlen, "cannot connect to %s:%s", u->host, u->port);
    return fd;
}

static int send_all(int fd, const char *s, size_t len)
{
    while (len) {
        ssize_t n = send(fd, s, len, MSG_NOSIGNAL);
        if (n <= 0)
            return -1;
        s += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Reads until the server closes the connection; NULL on a read error or
 * past MAX_RESPONSE bytes. */
static char *read_all(int fd, size_t *len)
{
    size_t cap = 0, n = 0;
    char *buf = NULL;
    for (;;) {
        if (n + 1 >= cap) {
            if (cap >= MAX_RESPONSE) {
                free(buf);
                return NULL;
            }
            VP_GROW(buf, cap, cap ? cap * 2 : 65536);
        }
        ssize_t got = recv(fd, buf + n, cap - n - 1, 0);
        if (got < 0) {
            free(buf);
            return NULL;
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* Joins the chunks of a chunked body (RFC 9112 7.1) in place; its new
 * length, or -1 when the body is cut short or malformed. */
static long dechunk(char *b, size_t len)
{
    size_t in = 0, out = 0;
    for (;;) {
        char *end;
        unsigned long n = strtoul(b + in, &end, 16);
        char *eol = memchr(b + in, '\n', len - in);
        if (end == b + in || !eol)
            return -1;
        in = (size_t)(eol - b) + 1;
        if (n == 0)
            return (long)out;
        if (n > len - in || len - in - n < 2)
            return -1;
        memmove(b + out, b + in, n);
        out += n;
        in += n + 2;   /* the chunk and its CRLF */
    }
}

static int split_response(char *raw, size_t len, int *status, char **body, size_t *body_len)
{
    char *end = strstr(raw, "\r\n\r\n");
    if (strncmp(raw, "HTTP/1.", 7) != 0 || !end || sscanf(raw + 8, " %d", status) != 1)
        return -1;
    /* Most answers carry a Content-Length; /export streams in chunks. */
    *end = '\0';
    bool chunked = false;
    for (const char *p = raw; *p; p++)
        chunked |= strncasecmp(p, "transfer-encoding: chunked", 26) == 0;
    size_t header = (size_t)(end - raw) + 4;
    if (chunked) {
        long n = dechunk(raw + header, len - header);
        if (n < 0)
            return -1;
        len = header + (size_t)n;
    }
    *body_len = len - header;
    *body = vp_xmalloc(*body_len + 1);
    memcpy(*body, raw + header, *body_len);
    (*body)[*body_len] = '\0';
    return 0;
}

int vp_http_get(const char *base_url, const char *path_and_query, int *status,
                char **body, size_t *body_len, char *errbuf, size_t errlen)
{
    url u;
    if (parse_url(base_url, &u, errbuf, errlen) != 0)
        return -1;
    int fd = connect_to(&u, errbuf, errlen);
    if (fd < 0)
        return -1;
    size_t reqlen = strlen(u.prefix) + strlen(path_and_query) + strlen(u.host) + 128;
    char *req = vp_xmalloc(reqlen);
    int rc = -1;
    size_t rawlen = 0;
    char *raw = NULL;
    snprintf(req, reqlen, "GET %s%s HTTP/1.1\r\nHost: %s\r\nAccept: application/json\r\n"
             "Connection: close\r\n\r\n", u.prefix, path_and_query, u.host);
    if (send_all(fd, req, strlen(req)) == 0 && (raw = read_all(fd, &rawlen)) != NULL)
        rc = split_response(raw, rawlen, status, body, body_len);
    if (rc != 0)
        snprintf(errbuf, errlen, "no valid HTTP response from %s:%s", u.host, u.port);
    free(raw);
    free(req);
    close(fd);
    return rc;
}
