/*
 * httpget.h: the smallest HTTP client vind needs for --server: one GET over
 * a TCP socket, HTTP/1.1 with "Connection: close", http:// only.  No new
 * dependency (libcurl would bring TLS, redirects, proxies: nothing vind
 * needs to talk to a searchd on the same network).
 */
#ifndef VP_HTTPGET_H
#define VP_HTTPGET_H

#include <stddef.h>

/* GETs base_url + path_and_query ("http://HOST[:PORT][/PREFIX]" + "/search?...").
 * Returns 0 with *status and *body (malloc'd, NUL-terminated, caller frees),
 * or -1 with a message in errbuf (cannot connect, timeout, not http://). */
int vp_http_get(const char *base_url, const char *path_and_query, int *status,
                char **body, size_t *body_len, char *errbuf, size_t errlen);

#endif /* VP_HTTPGET_H */
