/*
 * fuzz_http.c: the part of HTTP request handling that is ours: the raw
 * request target as libmicrohttpd hands it over, split into path and query
 * string, the path percent-decoded, the route found (vp_http_route_of), the
 * query string parsed into a request, and the target escaped for the access
 * log.  (MHD itself parses the request line
 * and headers; the hostile-request tests cover it against a live server.)
 */
#include <stdlib.h>
#include <string.h>

#include "accesslog.h"
#include "fuzz_common.h"
#include "http.h"
#include "params.h"

static void parse_query_string(const char *query)
{
    vp_params params;
    vp_request r;
    vp_qerror e = {0};
    vp_request_init(&r);
    if (vp_params_parse(query, &params, &e) == 0) {
        if (vp_request_from_params(&params, &r, NULL, &e) == 0 &&
            vp_request_validate(&r, &e) == 0) {
            char *again = vp_request_to_query_string(&r);
            if (!again)
                abort();
            free(again);
        }
        vp_params_clear(&params);
    }
    vp_request_clear(&r);
}

/* The access log's escaping (accesslog.h): printable ASCII only, no quote,
 * no space, and every backslash the start of a \xHH. */
static void check_log_escape(const char *raw)
{
    char out[256];
    size_t n = vp_log_escape(raw, true, out, sizeof out);
    if (n >= sizeof out || out[n] != '\0')
        abort();
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)out[i];
        if (c <= 0x20 || c >= 0x7f || c == '"')
            abort();
        if (c == '\\' && (i + 3 >= n || out[i + 1] != 'x'))
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *raw = fuzz_cstring(data, size);
    check_log_escape(raw);
    size_t path_len = strcspn(raw, "?");
    const char *why = NULL;
    char *path = vp_percent_decode_path(raw, path_len, &why);
    if (path) {
        const char *rest = NULL;
        vp_route route = vp_http_route_of(path, &rest);
        if (route != VP_ROUTE_OTHER && (!rest || rest < path || rest > path + strlen(path)))
            abort();
        free(path);
    } else if (!why) {
        abort();    /* a refusal must say why */
    }
    if (raw[path_len] == '?')
        parse_query_string(raw + path_len + 1);
    free(raw);
    return 0;
}
