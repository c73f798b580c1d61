/*
 * progress.h: the indexer's progress line on a terminal (files done/total,
 * rate, ETA), redrawn at most ten times a second, and nothing at all when
 * stderr is not a terminal or --quiet is given.
 */
#ifndef VP_PROGRESS_H
#define VP_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct vp_progress {
    bool enabled;
    size_t total, done;
    double started, last_draw;   /* vp_now_ms() */
} vp_progress;

/* Starts the count of total files; quiet (or stderr not a terminal) draws
 * nothing. */
void vp_progress_start(vp_progress *p, size_t total, bool quiet);
/* One more file done; redraws the line at most ten times a second. */
void vp_progress_tick(vp_progress *p);
/* Erases the line so that messages and the summary start clean. */
void vp_progress_clear(vp_progress *p);

#endif /* VP_PROGRESS_H */
