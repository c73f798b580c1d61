/*
 * build_parts.c: a full build of one database in parts (parts.h): the jobs
 * write the parts, each a database of its own, taking the next part not
 * taken; Xapian's compactor merges them in order into the fresh folder of
 * a rebuild, which then serves the rest of the run and is swapped in at
 * the end.  Every report gets the document id a one-thread build gives it.
 */
#include "build_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "mem.h"
#include "parts.h"

/* The size of each source (0 when it cannot be read: reported later). */
static size_t *source_sizes(const vp_sources *sources, size_t *total)
{
    size_t *size = vp_xcalloc(sources->len ? sources->len : 1, sizeof *size);
    *total = 0;
    for (size_t i = 0; i < sources->len; i++) {
        struct stat st;
        size[i] = stat(sources->items[i].abs_path, &st) == 0 ? (size_t)st.st_size : 0;
        *total += size[i] + 1;
    }
    return size;
}

void vp_run_plan_parts(const vp_run *r, vp_parts_plan *plan, unsigned min_parts)
{
    size_t total = 0;
    size_t *size = source_sizes(r->sources, &total);
    plan->count = vp_plan_parts(size, r->sources->len, vp_part_bytes(), min_parts,
                                &plan->bounds);
    free(size);
}

/* Writes part k of the plan: its own database, committed and closed. */
static int write_part(vp_run *j, unsigned k)
{
    vp_parts_plan *plan = j->plan;
    char msg[1024];
    char *path = vp_numbered_path(plan->dir, "part", k);
    vp_shards *part = vp_shards_open(path, 0, true, msg, sizeof msg);
    free(path);
    if (!part) {
        fprintf(stderr, "indexer: %s\n", msg);
        return -1;
    }
    j->shards = part;
    j->begin = plan->bounds[k];
    j->end = plan->bounds[k + 1];
    int rc = vp_run_index_range(j) == 0 && vp_run_commit(j, true) == 0 ? 0 : -1;
    vp_shards_free(part);
    j->shards = NULL;
    return rc;
}

static void *parts_job_main(void *arg)
{
    vp_run *j = arg;
    for (;;) {
        unsigned k = atomic_fetch_add(&j->plan->next, 1);
        if (k >= j->plan->count || atomic_load(&vp_run_whole(j)->failed))
            break;
        if (write_part(j, k) != 0) {
            atomic_store(&vp_run_whole(j)->failed, true);
            break;
        }
    }
    return NULL;
}

/* Merges the parts, in order, into a new database at dest (emptied first). */
static int compact_parts(vp_run *r, const vp_parts_plan *plan, const char *dest)
{
    xapc_error err;
    if (vp_remove_tree(dest) != 0) {
        fprintf(stderr, "indexer: %s: cannot merge the parts: %s\n", dest, strerror(errno));
        return -1;
    }
    char **paths = vp_xcalloc(plan->count, sizeof *paths);
    for (unsigned k = 0; k < plan->count; k++)
        paths[k] = vp_numbered_path(plan->dir, "part", k);
    int rc = xapc_compact((const char *const *)paths, plan->count, dest, &err) == XAPC_OK
             ? 0 : -1;
    if (rc != 0)
        fprintf(stderr, "indexer: %s: cannot merge the parts: %s\n", r->opt->db, err.message);
    for (unsigned k = 0; k < plan->count; k++)
        free(paths[k]);
    free(paths);
    return rc;
}

/* The jobs write the plan's parts, each taking the next part not taken. */
static int write_parts(vp_run *r, vp_parts_plan *plan, unsigned n)
{
    vp_run jobs[VP_BUILD_JOBS_MAX];
    if (vp_run_jobs_init(jobs, n, r, NULL) != 0)
        return -1;
    for (unsigned i = 0; i < n; i++)
        jobs[i].plan = plan;
    int rc = vp_run_jobs(r, jobs, n, parts_job_main);
    vp_run_jobs_free(jobs, n);
    return rc;
}

/* A full build of one database in the parts of plan (see
 * PART_BYTES_DEFAULT) on n jobs, beside it: merged into the fresh folder of
 * a rebuild, which then serves the rest of the run and is swapped in at the
 * end (an empty database is rebuilt the same way).  The live database stays
 * open meanwhile: its lock. */
int vp_run_index_parts(vp_run *r, vp_parts_plan *plan, unsigned n, vp_shards **live,
                       vp_rebuild *rb)
{
    char msg[1024];
    if (r->opt->rebuild) {
        vp_shards_free(r->shards);
    } else {
        *live = r->shards;
        if (vp_rebuild_begin(rb, r->opt->db, msg, sizeof msg) != 0) {
            fprintf(stderr, "indexer: %s\n", msg);
            r->shards = NULL;
            return -1;
        }
    }
    r->shards = NULL;
    r->swap = true;
    r->data_changed = true;   /* a new database: synonyms and data hash to store */
    plan->dir = rb->parts;
    int rc = vp_make_parts_dir(rb->parts);
    if (rc == 0)
        rc = write_parts(r, plan, n);
    if (rc == 0)
        rc = compact_parts(r, plan, rb->fresh);
    if (rc != 0)
        return -1;
    vp_remove_tree(rb->parts);
    r->shards = vp_shards_open(rb->fresh, 0, false, msg, sizeof msg);
    if (!r->shards)
        fprintf(stderr, "indexer: %s\n", msg);
    return r->shards ? 0 : -1;
}

int vp_run_compact_to_fresh(vp_run *r, const char *from, vp_rebuild *rb)
{
    xapc_error err;
    if (vp_remove_tree(rb->parts) != 0) {
        fprintf(stderr, "indexer: warning: %s: the new index is not compacted: %s\n",
                rb->parts, strerror(errno));
        return -1;
    }
    if (xapc_compact(&from, 1, rb->parts, &err) != XAPC_OK) {
        fprintf(stderr, "indexer: warning: %s: the new index is not compacted: %s\n",
                r->opt->db, err.message);
        vp_remove_tree(rb->parts);
        return -1;
    }
    if (vp_remove_tree(rb->fresh) != 0 || rename(rb->parts, rb->fresh) != 0) {
        fprintf(stderr, "indexer: %s: cannot put the compacted index in place: %s\n",
                rb->fresh, strerror(errno));
        return -1;
    }
    return 0;
}
