/*
 * mixrun.c: a query mix run over worker threads (see mixrun.h).
 */
#include "mixrun.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "mem.h"
#include "sys.h"

int vp_mixrun_read(const char *path, vp_strvec *mix)
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

/* CPU seconds (user + system) of the process so far: a rate per CPU second
 * holds on a machine shared with other work, where wall time does not. */
static double cpu_seconds(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
           (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

typedef struct shared {
    vp_mixrun *m;
    atomic_size_t next, errors;
} shared;

static void *worker(void *arg)
{
    shared *sh = arg;
    vp_mixrun *m = sh->m;
    void *handle = m->open(m->arg);
    for (size_t i; (i = atomic_fetch_add(&sh->next, 1)) < m->n;) {
        double t0 = vp_now_ms();
        if (!handle || !m->run(handle, i, m->arg))
            atomic_fetch_add(&sh->errors, 1);
        m->latencies[i] = vp_now_ms() - t0;
    }
    if (handle)
        m->close(handle);
    return NULL;
}

void vp_mixrun_run(vp_mixrun *m, unsigned threads)
{
    shared sh = {.m = m};
    pthread_t pool[VP_MIXRUN_MAX_THREADS];
    m->latencies = vp_xcalloc(m->n, sizeof *m->latencies);
    double t0 = vp_now_ms(), cpu0 = cpu_seconds();
    for (unsigned t = 0; t < threads; t++)
        pthread_create(&pool[t], NULL, worker, &sh);
    for (unsigned t = 0; t < threads; t++)
        pthread_join(pool[t], NULL);
    m->seconds = (vp_now_ms() - t0) / 1000;
    m->cpu_seconds = cpu_seconds() - cpu0;
    m->errors = atomic_load(&sh.errors);
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

void vp_mixrun_report(vp_mixrun *m)
{
    qsort(m->latencies, m->n, sizeof *m->latencies, by_value);
    printf("%zu %.1f %.3f %.3f %zu %.1f\n", m->n, m->n / m->seconds, m->latencies[m->n / 2],
           m->latencies[m->n * 99 / 100], m->errors, m->n / m->cpu_seconds);
    free(m->latencies);
    m->latencies = NULL;
}
