/*
 * queryloop.c: the query mix through Vindplaats's query layer in-process
 * (vp_search, the code searchd and vind run), for bench/run.
 *
 *   queryloop --db DB --mix FILE [--threads T] [--data DIR] [--slowest N]
 *             [--answer tree|dumped|text]
 *
 * Each line of FILE is a /search query string; it is parsed by searchd's own
 * parameter parser and run by vp_search with one searcher per thread (as
 * searchd has one per worker).  The JSON result is built but not serialised:
 * that is HTTP's share; with --answer dumped it is also dumped as HTTP did
 * before searchd wrote answers as text, with --answer text it is
 * vp_search_text, the text searchd sends (query.h).  Prints "queries qps
 * p50_ms p99_ms errors queries_per_cpu_second"; with --slowest N, then the N slowest queries
 * on stderr ("ms total query"), to see what makes the tail.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "mem.h"
#include "mixrun.h"
#include "params.h"
#include "query.h"
#include "strvec.h"

typedef struct mix {
    vp_searcher_config cfg;
    vp_strvec lines;
    long long *totals;   /* each query's total (-1: failed) */
} mix;

/* How an answer is made: vp_search's tree (default), that tree dumped
 * as HTTP once sent it, or vp_search_text as searchd sends it now. */
typedef enum answer_form { ANSWER_TREE, ANSWER_DUMPED, ANSWER_TEXT } answer_form;
static answer_form form = ANSWER_TREE;

static bool run_line(vp_searcher *s, const char *line, long long *total)
{
    vp_params p = {0};
    vp_request r;
    vp_request_init(&r);
    vp_qerror e = {0};
    bool ok = vp_params_parse(line, &p, &e) == 0 &&
              vp_request_from_params(&p, &r, NULL, &e) == 0 && vp_request_validate(&r, &e) == 0;
    *total = -1;
    if (ok && form == ANSWER_TEXT) {
        size_t len;
        char *text = vp_search_text(s, &r, &len, NULL, &e);
        const char *at = text ? strstr(text, ",\"total\":") : NULL;
        if (at)
            *total = strtoll(at + strlen(",\"total\":"), NULL, 10);
        ok = text != NULL;
        free(text);
    } else if (ok) {
        json_t *out = vp_search(s, &r, &e);
        if (out)
            *total = json_integer_value(json_object_get(out, "total"));
        if (out && form == ANSWER_DUMPED)
            free(json_dumps(out, VP_JSON_FLAGS));
        ok = out != NULL;
        json_decref(out);
    }
    if (!ok)
        fprintf(stderr, "queryloop: %s: %s\n", line, e.message);
    vp_request_clear(&r);
    vp_params_clear(&p);
    return ok;
}

/* A thread's searcher, as searchd has one per worker (mixrun.h). */
static void *open_searcher(void *arg)
{
    return vp_searcher_new(&((mix *)arg)->cfg);
}

static bool run_query(void *searcher, size_t i, void *arg)
{
    mix *mx = arg;
    return run_line(searcher, mx->lines.items[i], &mx->totals[i]);
}

static void close_searcher(void *searcher)
{
    vp_searcher_free(searcher);
}

/* The n slowest queries, slowest first, on stderr. */
static void print_slowest(const mix *mx, const double *latencies, size_t n)
{
    size_t len = mx->lines.len;
    size_t *order = vp_xmalloc(len * sizeof *order);
    for (size_t i = 0; i < len; i++)
        order[i] = i;
    for (size_t k = 0; k < n && k < len; k++) {   /* selection: n is small */
        size_t max = k;
        for (size_t i = k + 1; i < len; i++)
            if (latencies[order[i]] > latencies[order[max]])
                max = i;
        size_t t = order[k];
        order[k] = order[max];
        order[max] = t;
        fprintf(stderr, "%.1f %lld %s\n", latencies[order[k]], mx->totals[order[k]],
                mx->lines.items[order[k]]);
    }
    free(order);
}

int main(int argc, char **argv)
{
    const char *db = NULL, *mix_path = NULL, *data = NULL;
    unsigned threads = 1, slowest = 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--db")) db = argv[i + 1];
        else if (!strcmp(argv[i], "--mix")) mix_path = argv[i + 1];
        else if (!strcmp(argv[i], "--data")) data = argv[i + 1];
        else if (!strcmp(argv[i], "--threads")) threads = (unsigned)atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--slowest")) slowest = (unsigned)atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--answer"))
            form = !strcmp(argv[i + 1], "text") ? ANSWER_TEXT
                   : !strcmp(argv[i + 1], "dumped") ? ANSWER_DUMPED
                   : !strcmp(argv[i + 1], "tree") ? ANSWER_TREE : (answer_form)-1;
    }
    if (!db || !mix_path || threads == 0 || threads > VP_MIXRUN_MAX_THREADS ||
        (int)form < 0) {
        fputs("usage: queryloop --db DB --mix FILE [--threads T] [--data DIR] [--slowest N]\n"
              "                 [--answer tree|dumped|text]\n", stderr);
        return 2;
    }
    mix mx = {.lines = VP_STRVEC_INIT};
    if (vp_mixrun_read(mix_path, &mx.lines) != 0) {
        fprintf(stderr, "queryloop: %s: no queries\n", mix_path);
        return 2;
    }
    vp_data d;
    if (vp_data_load("queryloop", data, &d) != 0)
        return 2;
    mx.cfg = (vp_searcher_config){.db_path = db, .gazetteer = d.gazetteer, .themes = d.themes,
                                  .reopen_interval_ms = 200};
    mx.totals = vp_xcalloc(mx.lines.len, sizeof *mx.totals);
    vp_mixrun run = {.n = mx.lines.len, .arg = &mx, .open = open_searcher,
                     .run = run_query, .close = close_searcher};
    vp_mixrun_run(&run, threads);
    print_slowest(&mx, run.latencies, slowest);
    vp_mixrun_report(&run);
    free(mx.totals);
    vp_strvec_clear(&mx.lines);
    vp_data_free(&d);
    return 0;
}
