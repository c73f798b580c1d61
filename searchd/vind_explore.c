/*
 * vind_explore.c: vind related, municipality, speaker and feed (see
 * vind_explore.h).
 */
#include "vind_explore.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "httpget.h"
#include "vind_print.h"

enum { EXIT_RESULTS = 0, EXIT_NONE = 1, EXIT_ERROR = 2 };

/* What the command answers: the JSON, or for a feed its XML. */
typedef struct answer {
    json_t *json;
    char *xml;
} answer;

/* ---- local ------------------------------------------------------------------ */

static int run_local(const vind_explore *x, answer *a, vp_qerror *e)
{
    vp_data data;
    if (vp_data_load("vind", x->data, &data) != 0)
        return vp_qfail(e, VP_QERR_INTERNAL, "data/ cannot be loaded");
    vp_searcher_config cfg = {x->db, data.gazetteer, data.themes, 0};
    vp_searcher *s = vp_searcher_new(&cfg);
    if (!s) {
        vp_qfail(e, VP_QERR_INTERNAL, "out of memory");
    } else if (x->what == VIND_FEED) {
        char *self = vp_request_to_query_string(x->req);
        a->xml = vp_feed_atom(s, x->req, self, e);
        free(self);
    } else {
        a->json = x->what == VIND_RELATED ? vp_related(s, x->name, x->limit, e)
                  : x->what == VIND_MUNICIPALITY ? vp_municipality_page(s, x->name, &x->page, e)
                                                 : vp_speaker_page(s, x->name, &x->page, e);
    }
    vp_searcher_free(s);
    vp_data_free(&data);
    return a->json || a->xml ? 0 : -1;
}

/* ---- remote ----------------------------------------------------------------- */

static void put_part(vp_buf *b, const char *s, bool keep_slash)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("-._~", *p) || (keep_slash && *p == '/'))
            vp_buf_putc(b, (char)*p);
        else
            vp_buf_printf(b, "%%%c%c", hex[*p >> 4], hex[*p & 15]);
    }
}

/* The API target of the command. */
static char *target_of(const vind_explore *x)
{
    vp_buf b = VP_BUF_INIT;
    switch (x->what) {
    case VIND_RELATED:
        vp_buf_puts(&b, "/documents/");
        put_part(&b, x->name, true);
        vp_buf_printf(&b, "/related?limit=%u", x->limit);
        break;
    case VIND_MUNICIPALITY:
    case VIND_SPEAKER:
        vp_buf_puts(&b, x->what == VIND_MUNICIPALITY ? "/municipalities/" : "/speakers/");
        put_part(&b, x->name, false);
        vp_buf_printf(&b, "?page=%u&per_page=%u", x->page.page, x->page.per_page);
        break;
    case VIND_FEED: {
        char *qs = vp_request_to_query_string(x->req);
        vp_buf_printf(&b, "/feed?%s", qs);
        free(qs);
        break;
    }
    }
    return vp_buf_detach(&b);
}

static int run_remote(const vind_explore *x, answer *a, vp_qerror *e)
{
    char *target = target_of(x), *body = NULL, why[512];
    size_t len = 0;
    int status = 0;
    if (vp_http_get(x->server, target, &status, &body, &len, why, sizeof why) != 0) {
        vp_qfail(e, VP_QERR_UNAVAILABLE, "%s", why);
    } else if (status == 200 && x->what == VIND_FEED) {
        a->xml = body;
        body = NULL;
    } else if (!(a->json = json_loadb(body, len, 0, NULL))) {
        vp_qfail(e, VP_QERR_INTERNAL, "the server sent something that is not JSON (HTTP %d)", status);
    } else if (status != 200) {
        const char *msg = json_string_value(json_object_get(json_object_get(a->json, "error"), "message"));
        vp_qfail(e, status == 404 ? VP_QERR_NOT_FOUND : status == 400 ? VP_QERR_BAD_PARAMETER
                                                                      : VP_QERR_UNAVAILABLE,
                 "%s (HTTP %d)", msg ? msg : "error", status);
        json_decref(a->json);
        a->json = NULL;
    }
    free(body);
    free(target);
    return a->json || a->xml ? 0 : -1;
}

/* ---- output ----------------------------------------------------------------- */

static int print_answer(const vind_explore *x, const answer *a)
{
    if (a->xml) {
        fputs(a->xml, stdout);
        return strstr(a->xml, "<entry>") ? EXIT_RESULTS : EXIT_NONE;
    }
    bool tty = isatty(STDOUT_FILENO);
    if (x->json) {
        char *text = json_dumps(a->json, VP_JSON_FLAGS);
        if (text)
            puts(text);
        free(text);
    } else if (x->what == VIND_RELATED) {
        vind_print_related(stdout, a->json, tty);
    } else {
        vind_print_entity(stdout, a->json, x->what == VIND_MUNICIPALITY, tty);
    }
    if (x->what == VIND_RELATED)
        return json_array_size(json_object_get(a->json, "related")) > 0 ? EXIT_RESULTS : EXIT_NONE;
    return json_integer_value(json_object_get(a->json, "total")) > 0 ? EXIT_RESULTS : EXIT_NONE;
}

int vind_explore_run(const vind_explore *x)
{
    answer a = {0};
    vp_qerror e = {0};
    int rc;
    if ((x->server ? run_remote(x, &a, &e) : run_local(x, &a, &e)) != 0) {
        fprintf(stderr, "vind: %s\n", e.message);
        rc = e.kind == VP_QERR_NOT_FOUND ? EXIT_NONE : EXIT_ERROR;
    } else {
        rc = print_answer(x, &a);
    }
    json_decref(a.json);
    free(a.xml);
    return rc;
}
