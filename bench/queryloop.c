/*
 * queryloop.c: the query mix through Vindplaats's query layer in-process
 * (vp_search, the code searchd and vind run), for bench/run.
 *
 *   queryloop --db DB --mix FILE [--threads T] [--data DIR] [--slowest N]
 *
 * Each line of FILE is a /search query string; it is parsed by searchd's own
 * parameter parser and run by vp_search with one searcher per thread (as
 * searchd has one per worker).  The JSON result is built but not serialised:
 * that is HTTP's share.  Prints "queries qps p50_ms p99_ms errors
 * queries_per_cpu_second"; with --slowest N, then the N slowest queries
 * on stderr ("ms total query"), to see what makes the tail.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "datadir.h"
#include "gazetteer.h"
#include "mem.h"
#include "params.h"
#include "query.h"
#include "strvec.h"
#include "sys.h"
#include "themes.h"

typedef struct shared {
    vp_searcher_config cfg;
    vp_strvec mix;
    double *latencies;
    long long *totals;   /* each query's total (-1: failed) */
    atomic_size_t next, errors;
} shared;

/* CPU seconds (user + system) of the process so far: a rate per CPU second
 * holds on a machine shared with other work, where wall time does not. */
static double cpu_seconds(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
           (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

static bool run_line(vp_searcher *s, const char *line, long long *total)
{
    vp_params p = {0};
    vp_request r;
    vp_request_init(&r);
    vp_qerror e = {0};
    json_t *out = NULL;
    if (vp_params_parse(line, &p, &e) == 0 && vp_request_from_params(&p, &r, NULL, &e) == 0 &&
        vp_request_validate(&r, &e) == 0)
        out = vp_search(s, &r, &e);
    if (!out)
        fprintf(stderr, "queryloop: %s: %s\n", line, e.message);
    *total = out ? json_integer_value(json_object_get(out, "total")) : -1;
    json_decref(out);
    vp_request_clear(&r);
    vp_params_clear(&p);
    return out != NULL;
}

static void *worker(void *arg)
{
    shared *sh = arg;
    vp_searcher *s = vp_searcher_new(&sh->cfg);
    for (size_t i; s && (i = atomic_fetch_add(&sh->next, 1)) < sh->mix.len;) {
        double t0 = vp_now_ms();
        if (!run_line(s, sh->mix.items[i], &sh->totals[i]))
            atomic_fetch_add(&sh->errors, 1);
        sh->latencies[i] = vp_now_ms() - t0;
    }
    vp_searcher_free(s);
    return NULL;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The n slowest queries, slowest first, on stderr. */
static void print_slowest(const shared *sh, size_t n)
{
    size_t *order = vp_xmalloc(sh->mix.len * sizeof *order);
    for (size_t i = 0; i < sh->mix.len; i++)
        order[i] = i;
    for (size_t k = 0; k < n && k < sh->mix.len; k++) {   /* selection: n is small */
        size_t max = k;
        for (size_t i = k + 1; i < sh->mix.len; i++)
            if (sh->latencies[order[i]] > sh->latencies[order[max]])
                max = i;
        size_t t = order[k];
        order[k] = order[max];
        order[max] = t;
        fprintf(stderr, "%.1f %lld %s\n", sh->latencies[order[k]], sh->totals[order[k]],
                sh->mix.items[order[k]]);
    }
    free(order);
}

static int read_mix(const char *path, vp_strvec *mix)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (*line)
            vp_strvec_push(mix, line);
    }
    fclose(f);
    return mix->len ? 0 : -1;
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
    }
    if (!db || !mix_path || threads == 0 || threads > 256) {
        fputs("usage: queryloop --db DB --mix FILE [--threads T] [--data DIR] [--slowest N]\n",
              stderr);
        return 2;
    }
    shared sh = {.mix = VP_STRVEC_INIT};
    if (read_mix(mix_path, &sh.mix) != 0) {
        fprintf(stderr, "queryloop: %s: no queries\n", mix_path);
        return 2;
    }
    char err[512], path[4096];
    const char *dir = data ? data : vp_default_data_dir();
    snprintf(path, sizeof path, "%s/gemeenten.tsv", dir);
    vp_gazetteer *gz = vp_gazetteer_load(path, err, sizeof err);
    snprintf(path, sizeof path, "%s/themes.tsv", dir);
    vp_themes *themes = gz ? vp_themes_load(path, err, sizeof err) : NULL;
    if (!gz || !themes) {
        fprintf(stderr, "queryloop: %s\n", err);
        return 2;
    }
    sh.cfg = (vp_searcher_config){.db_path = db, .gazetteer = gz, .themes = themes,
                                  .reopen_interval_ms = 200};
    sh.latencies = vp_xcalloc(sh.mix.len, sizeof *sh.latencies);
    sh.totals = vp_xcalloc(sh.mix.len, sizeof *sh.totals);
    pthread_t pool[256];
    double t0 = vp_now_ms(), cpu0 = cpu_seconds();
    for (unsigned t = 0; t < threads; t++)
        pthread_create(&pool[t], NULL, worker, &sh);
    for (unsigned t = 0; t < threads; t++)
        pthread_join(pool[t], NULL);
    double seconds = (vp_now_ms() - t0) / 1000, cpu = cpu_seconds() - cpu0;
    print_slowest(&sh, slowest);
    qsort(sh.latencies, sh.mix.len, sizeof *sh.latencies, by_value);
    printf("%zu %.1f %.3f %.3f %zu %.1f\n", sh.mix.len, sh.mix.len / seconds,
           sh.latencies[sh.mix.len / 2], sh.latencies[sh.mix.len * 99 / 100],
           (size_t)atomic_load(&sh.errors), sh.mix.len / cpu);
    free(sh.latencies);
    free(sh.totals);
    vp_strvec_clear(&sh.mix);
    vp_gazetteer_free(gz);
    vp_themes_free(themes);
    return 0;
}
