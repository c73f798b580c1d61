/* progress.c: see progress.h. */
#include "progress.h"

#include <stdio.h>
#include <unistd.h>

#include "sys.h"

void vp_progress_start(vp_progress *p, size_t total, bool quiet)
{
    p->enabled = !quiet && isatty(STDERR_FILENO);
    p->total = total;
    p->done = 0;
    p->started = vp_now_ms();
    p->last_draw = 0;
}

void vp_progress_tick(vp_progress *p)
{
    p->done++;
    if (!p->enabled)
        return;
    double now = vp_now_ms();
    if (now - p->last_draw < 100 && p->done < p->total)
        return;
    p->last_draw = now;
    double elapsed = (now - p->started) / 1e3;
    double rate = elapsed > 0 ? (double)p->done / elapsed : 0;
    long eta = rate > 0 ? (long)((double)(p->total - p->done) / rate + 0.5) : 0;
    fprintf(stderr, "\r\033[Kindexing %zu/%zu (%zu%%)  %.0f files/s  ETA %ld:%02ld",
            p->done, p->total, p->total ? p->done * 100 / p->total : 100, rate,
            eta / 60, eta % 60);
    fflush(stderr);
}

void vp_progress_clear(vp_progress *p)
{
    if (p->enabled)
        fprintf(stderr, "\r\033[K");
}
