/*
 * mixrun.h: a query mix run over worker threads, the one way bench/run
 * times Vindplaats in-process (queryloop) and its peer (fts5peer): each
 * thread opens a handle of its own and takes the next query until none is
 * left; what is measured is each query's latency, the wall time and the
 * process's CPU time, printed as the one line bench/run reads.
 */
#ifndef VP_MIXRUN_H
#define VP_MIXRUN_H

#include <stdbool.h>
#include <stddef.h>

#include "strvec.h"

#define VP_MIXRUN_MAX_THREADS 256

typedef struct vp_mixrun {
    size_t n;                                   /* queries, numbered 0..n-1 */
    void *arg;                                  /* passed to open and run */
    /* A thread's handle; NULL when it cannot be had (each query the thread
     * takes is then an error). */
    void *(*open)(void *arg);
    bool (*run)(void *handle, size_t i, void *arg);   /* false: an error */
    void (*close)(void *handle);
    /* Filled in by vp_mixrun_run: */
    double *latencies;        /* ms, n of them, in mix order; owned */
    size_t errors;
    double seconds, cpu_seconds;
} vp_mixrun;

/* Reads a mix file into *mix, a query a line (empty lines skipped).
 * Returns 0, or -1 when the file cannot be read or holds no query. */
int vp_mixrun_read(const char *path, vp_strvec *mix);
/* Runs queries 0..n-1 of m on threads threads (1..VP_MIXRUN_MAX_THREADS). */
void vp_mixrun_run(vp_mixrun *m, unsigned threads);
/* Prints "queries qps p50_ms p99_ms errors queries_per_cpu_second" on
 * stdout (sorting m->latencies) and frees the latencies. */
void vp_mixrun_report(vp_mixrun *m);

#endif /* VP_MIXRUN_H */
