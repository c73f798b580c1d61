/*
 * vind_research.c: vind --export and vind trends (see vind_research.h).
 */
#include "vind_research.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "httpget.h"
#include "mem.h"

enum { EXIT_RESULTS = 0, EXIT_NONE = 1, EXIT_ERROR = 2 };

static int fail(const char *message)
{
    fprintf(stderr, "vind: %s\n", message);
    return EXIT_ERROR;
}

/* ---- local ------------------------------------------------------------------ */

static int export_local(vp_searcher *s, const vind_research *r)
{
    vp_qerror e = {0};
    vp_export *x = vp_export_new(s, r->req, (vp_export_format)r->export_format, &e);
    if (!x)
        return fail(e.message);
    static char buf[64 * 1024];
    ssize_t n;
    while ((n = vp_export_read(x, buf, sizeof buf, &e)) > 0)
        fwrite(buf, 1, (size_t)n, stdout);
    int rc = n < 0 ? fail(e.message) : vp_export_total(x) > 0 ? EXIT_RESULTS : EXIT_NONE;
    vp_export_free(x);
    return rc;
}

static int print_trends(const vind_research *r, const json_t *trends)
{
    if (r->json) {
        char *text = json_dumps(trends, VP_JSON_FLAGS);
        if (text)
            puts(text);
        free(text);
    } else if (!r->csv && isatty(STDOUT_FILENO)) {
        vind_print_trends(stdout, trends);
    } else {
        char *csv = vp_trends_csv(trends);
        fputs(csv, stdout);
        free(csv);
    }
    return json_integer_value(json_object_get(trends, "total")) > 0 ? EXIT_RESULTS : EXIT_NONE;
}

static int run_local(const vind_research *r)
{
    vp_data data;
    if (vp_data_load("vind", r->data, &data) != 0)
        return EXIT_ERROR;
    vp_searcher_config cfg = {r->db, data.gazetteer, data.themes, 0};
    vp_searcher *s = vp_searcher_new(&cfg);
    int rc;
    if (r->limits)
        vp_searcher_set_limits(s, r->limits);
    if (r->export_format >= 0) {
        rc = export_local(s, r);
    } else {
        vp_qerror e = {0};
        json_t *trends = vp_trends(s, r->req, &r->trends, data.themes, &e);
        rc = trends ? print_trends(r, trends) : fail(e.message);
        json_decref(trends);
    }
    vp_searcher_free(s);
    vp_data_free(&data);
    return rc;
}

/* ---- remote ------------------------------------------------------------------ */

/* Drops the paging parameters, which /export and /trends refuse (and sort,
 * which /trends refuses), from a /search query string, in place. */
static void drop_paging(char *qs, bool sort_too)
{
    static const char *const keys[] = {"page=", "per_page=", "facet_limit=", "sort="};
    char *w = qs;
    for (char *p = qs; *p; ) {
        size_t len = strcspn(p, "&");
        bool drop = false;
        for (size_t k = 0; k < (sort_too ? 4u : 3u); k++)
            drop |= strncmp(p, keys[k], strlen(keys[k])) == 0;
        if (!drop) {
            if (w != qs)
                *w++ = '&';
            memmove(w, p, len);
            w += len;
        }
        p += len + (p[len] == '&');
    }
    *w = '\0';
}

/* "/export?...&format=F" or "/trends?...&by=..&interval=..&limit=N&format=json". */
static char *target_of(const vind_research *r)
{
    char *qs = vp_request_to_query_string(r->req);
    drop_paging(qs, r->export_format < 0);
    char *target = vp_xmalloc(strlen(qs) + 128);
    if (r->export_format >= 0)
        sprintf(target, "/export?%s&format=%s", qs,
                r->export_format == VP_EXPORT_CSV ? "csv" : "jsonl");
    else
        sprintf(target, "/trends?%s&by=%s&interval=%s&limit=%u&format=json", qs,
                vp_facet_name(r->trends.by),
                r->trends.interval == VP_INTERVAL_QUARTER ? "quarter" : "year", r->trends.limit);
    free(qs);
    return target;
}

/* The message of an error answer, or a description of what came back. */
static int remote_error(int status, const char *body, size_t len)
{
    json_t *err = json_loadb(body, len, 0, NULL);
    const char *msg = json_string_value(json_object_get(json_object_get(err, "error"), "message"));
    fprintf(stderr, "vind: %s (HTTP %d)\n", msg ? msg : "the server answered with an error",
            status);
    json_decref(err);
    return status == 404 ? EXIT_NONE : EXIT_ERROR;
}

static int run_remote(const vind_research *r)
{
    char *target = target_of(r), *body = NULL, why[512];
    size_t len = 0;
    int status = 0, rc;
    if (vp_http_get(r->server, target, &status, &body, &len, why, sizeof why) != 0)
        rc = fail(why);
    else if (status != 200)
        rc = remote_error(status, body, len);
    else if (r->export_format >= 0) {
        size_t header = r->export_format == VP_EXPORT_CSV ? strlen(VP_EXPORT_CSV_HEADER) + 2 : 0;
        fwrite(body, 1, len, stdout);
        rc = len > header ? EXIT_RESULTS : EXIT_NONE;
    } else {
        json_t *trends = json_loadb(body, len, 0, NULL);
        rc = trends ? print_trends(r, trends) : fail("the server sent something that is not JSON");
        json_decref(trends);
    }
    free(body);
    free(target);
    return rc;
}

int vind_research_run(const vind_research *r)
{
    return r->server ? run_remote(r) : run_local(r);
}

/* ---- the table ------------------------------------------------------------------ */

/* Display width of UTF-8 text: code points (no wide characters in our data). */
static int width_of(const char *s)
{
    int w = 0;
    for (; s && *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

static void print_padded(FILE *out, const char *s, int width)
{
    fputs(s, out);
    for (int w = width_of(s); w < width; w++)
        fputc(' ', out);
}

static void print_counts(FILE *out, const json_t *counts, const json_t *total, int col)
{
    const json_t *c;
    size_t i;
    json_array_foreach(counts, i, c)
        fprintf(out, " %*lld", col, (long long)json_integer_value(c));
    fprintf(out, " %*lld\n", col + 1, (long long)json_integer_value(total));
}

void vind_print_trends(FILE *out, const json_t *trends)
{
    const json_t *values = json_object_get(trends, "values"), *v, *iv;
    const json_t *intervals = json_object_get(trends, "intervals");
    size_t i;
    int label_w = 8, col = 4;
    json_array_foreach(values, i, v) {
        const char *label = json_string_value(json_object_get(v, "label"));
        int w = width_of(label ? label : json_string_value(json_object_get(v, "value")));
        label_w = w > label_w ? w : label_w;
    }
    json_array_foreach(intervals, i, iv)
        col = width_of(json_string_value(iv)) > col ? width_of(json_string_value(iv)) : col;
    label_w = label_w > 40 ? 40 : label_w;
    print_padded(out, json_string_value(json_object_get(trends, "by")), label_w);
    json_array_foreach(intervals, i, iv)
        fprintf(out, " %*s", col, json_string_value(iv));
    fprintf(out, " %*s\n", col + 1, "total");
    json_array_foreach(values, i, v) {
        const char *label = json_string_value(json_object_get(v, "label"));
        print_padded(out, label ? label : json_string_value(json_object_get(v, "value")), label_w);
        print_counts(out, json_object_get(v, "counts"), json_object_get(v, "total"), col);
    }
    print_padded(out, "all matches", label_w);
    print_counts(out, json_object_get(trends, "totals"), json_object_get(trends, "total"), col);
}
