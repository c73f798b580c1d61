/*
 * build_jobs.c: a run on several threads (--jobs): each job writes
 * databases of its own, so that no two threads share a Xapian writer.  For
 * a shard set job i writes the shards i, i + n, ...  (The spelling table in
 * meta is filled once at the end of the run: spelling_sync.h.)  The threads
 * of a full build in parts are started here too (build_parts.c).
 */
#include "build_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "schema.h"
#include "sys.h"

/* A job over the whole run's sources, writing into shards. */
static int job_init(vp_run *j, vp_run *all, vp_shards *shards)
{
    *j = (vp_run){.opt = all->opt, .data = all->data, .sources = all->sources,
               .shards = shards, .ctx = all->ctx, .all = all, .end = all->sources->len};
    xapc_error err;
    j->builder = vp_docbuilder_new(VP_DEFAULT_STEMMER, all->data->gazetteer, &err);
    if (!j->builder)
        fprintf(stderr, "indexer: %s\n", err.message);
    return j->builder ? 0 : -1;
}

int vp_run_jobs_init(vp_run *jobs, unsigned n, vp_run *all, vp_shards *shards)
{
    for (unsigned made = 0; made < n; made++) {
        if (job_init(&jobs[made], all, shards) != 0) {
            vp_run_jobs_free(jobs, made);
            return -1;
        }
    }
    return 0;
}

void vp_run_jobs_free(vp_run *jobs, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        vp_docbuilder_free(jobs[i].builder);
}

static void *job_main(void *arg)
{
    vp_run *j = arg;
    if (vp_run_index_range(j) != 0 || vp_run_commit(j, true) != 0)
        atomic_store(&vp_run_whole(j)->failed, true);
    return NULL;
}

/* Runs the jobs on a thread each and adds up their counts; 0 or -1 when a
 * job failed (reported). */
int vp_run_jobs(vp_run *r, vp_run *jobs, unsigned n, void *(*job_fn)(void *))
{
    pthread_t threads[VP_BUILD_JOBS_MAX];
    unsigned started = 0;
    size_t flush_at = vp_run_flush_threshold(r->opt, n);
    vp_progress_start(&r->progress, r->sources->len, r->opt->quiet);
    for (; started < n; started++) {
        jobs[started].flush_at = flush_at;
        int e = pthread_create(&threads[started], NULL, job_fn, &jobs[started]);
        if (e != 0) {
            fprintf(stderr, "indexer: cannot start a thread: %s\n", strerror(e));
            atomic_store(&r->failed, true);
            break;
        }
    }
    for (unsigned i = 0; i < started; i++) {
        pthread_join(threads[i], NULL);
        r->n.indexed += jobs[i].n.indexed;
        r->n.unchanged += jobs[i].n.unchanged;
        r->n.skipped += jobs[i].n.skipped;
        r->n.warned += jobs[i].n.warned;
    }
    vp_progress_clear(&r->progress);
    return atomic_load(&r->failed) ? -1 : 0;
}

char *vp_numbered_path(const char *dir, const char *name, unsigned i)
{
    char leaf[64];
    snprintf(leaf, sizeof leaf, "%s-%03u", name, i);
    return vp_path_join(dir, leaf);
}

/* The folder for the jobs' own databases, emptied. */
int vp_make_parts_dir(const char *dir)
{
    if (vp_remove_tree(dir) != 0 || mkdir(dir, 0777) != 0) {
        fprintf(stderr, "indexer: %s: cannot make the folder: %s\n", dir, strerror(errno));
        return -1;
    }
    return 0;
}

/* A shard set: job i writes the shards i, i + n, ... */
int vp_run_index_shards_in_jobs(vp_run *r, unsigned n)
{
    vp_run jobs[VP_BUILD_JOBS_MAX];
    if (vp_run_jobs_init(jobs, n, r, r->shards) != 0)
        return -1;
    for (unsigned i = 0; i < n; i++) {
        jobs[i].first = i;
        jobs[i].step = n;
    }
    int rc = vp_run_jobs(r, jobs, n, job_main);
    vp_run_jobs_free(jobs, n);
    return rc;
}
