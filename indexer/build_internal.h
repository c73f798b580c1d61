/*
 * build_internal.h: what the files of the build engine share and nobody
 * else sees: a run and what it holds, and the steps that more than one of
 * build.c (the run), build_file.c (one file, commits, removals),
 * build_jobs.c (--jobs over a shard set) and build_parts.c (a full build in
 * parts) take.  The public contract is build.h.
 */
#ifndef VP_BUILD_INTERNAL_H
#define VP_BUILD_INTERNAL_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "build.h"
#include "docbuild.h"
#include "extract.h"
#include "gazetteer.h"
#include "progress.h"
#include "rebuild.h"
#include "scan.h"
#include "shards.h"
#include "speaker_words.h"
#include "synonyms.h"
#include "themes.h"
#include "xapian_c.h"

/* The data files a run extracts with, and the extractor version that every
 * stamp carries (stamp.h). */
typedef struct vp_build_data {
    vp_gazetteer *gazetteer;
    vp_themes *themes;
    vp_speaker_words *speaker_words;
    vp_synonyms synonyms;
    char hash[VP_EXTRACT_VERSION_LEN];   /* vp_extract_version(): code and data */
} vp_build_data;

/* Loads gemeenten.tsv, themes.tsv, synonyms.tsv and speakers.tsv from dir, and the
 * extractor version of this code with those files (extract.h).  0, or -1
 * (reported on stderr); free with vp_build_data_free() either way. */
int vp_build_data_load(const char *dir, vp_build_data *d);
void vp_build_data_free(vp_build_data *d);

/* A full build's parts (parts.h), as the jobs take them in turn. */
typedef struct vp_parts_plan {
    const char *dir;     /* where the part databases go */
    size_t *bounds;      /* part k indexes sources bounds[k] .. bounds[k + 1] */
    unsigned count;
    atomic_uint next;    /* the next part a job takes */
} vp_parts_plan;

/* A run, or one of its jobs (--jobs): a job has its own builder, counts
 * and commits, and reaches the progress line and stderr through `all`. */
typedef struct vp_run {
    const vp_build_options *opt;
    vp_build_data *data;
    const vp_sources *sources;
    vp_shards *shards;   /* documents by id; metadata, spelling, synonyms in meta */
    vp_docbuilder *builder;
    vp_extract_ctx ctx;
    bool data_changed;   /* synonyms to store, data hash to record */
    bool swap;           /* built beside the live index: swap it in at the end */
    bool full;           /* every report written anew (an empty database, --rebuild) */
    unsigned pending;    /* changes since the last commit */
    size_t buffered;     /* bytes of reports stored since the last commit */
    size_t flush_at;     /* commit when buffered reaches this (--memory) */
    vp_build_counts n;
    vp_progress progress;
    /* the jobs' side */
    struct vp_run *all;  /* the whole run, for a job; NULL for the run itself */
    size_t begin, end;   /* the sources this job looks at */
    unsigned first, step; /* step > 1: of those, the shards first, first + step... */
    vp_parts_plan *plan; /* a build in parts: the parts this job takes in turn */
    pthread_mutex_t lock; /* the run's: progress line and stderr */
    atomic_bool failed;  /* the run's: a job hit a fatal error, the others stop */
} vp_run;

/* ---- build_file.c ------------------------------------------------------- */

/* The whole run r belongs to (r itself for the run). */
vp_run *vp_run_whole(vp_run *r);

/* Reports what the scan of the paths skipped (links that leave a root or
 * loop, folders that cannot be read), as the problems of files are. */
void vp_run_report_scan_problems(const vp_build_options *o, const vp_sources *sources);

/* Indexes the sources r->begin .. r->end - 1 that are r's (all of them, or
 * in a shard set shared out by step, those of its own shards).  0, or -1
 * after a fatal error (reported); a bad file is reported and counted. */
int vp_run_index_range(vp_run *r);

/* Commits every --batch changes, or sooner when the buffered changes near
 * the memory budget; force: whatever is pending.  A job of a shard set
 * commits its own shards only.  0, or -1 (reported). */
int vp_run_commit(vp_run *r, bool force);

/* Whether a commit hands the heap's free pages back to the system
 * (vp_give_back_memory): only once resident memory has reached half the
 * budget.  Handing them back after every commit made the next batch fault
 * the same pages in again: at 50 reports a batch, 2.9 times the page
 * faults and a tenth of the indexer's CPU time (issue 17).  Below half, the
 * heap kept at a batch's peak is what the next batch reuses, and the 7/8
 * mark that forces a commit stays out of reach of a batch like it. */
bool vp_run_gives_back(size_t resident, size_t budget);

/* The report bytes a job may buffer before it commits: its share of what
 * --memory leaves beyond the memory in use now (at least 1). */
size_t vp_run_flush_threshold(const vp_build_options *o, unsigned jobs);

/* The words the spelling table may take in one step (spelling_sync.h):
 * what --memory leaves beyond the memory in use now, at
 * VP_SPELLING_BYTES_PER_WORD a word (at least 10,000). */
size_t vp_run_spelling_step(const vp_build_options *o);

/* Every source on this thread.  0, or -1 (reported). */
int vp_run_index_all(vp_run *r);

/* Deletes every report whose file was not among the sources, from every
 * shard.  0, or -1 (reported). */
int vp_run_remove_missing(vp_run *r, const vp_sources *sources);

/* ---- build_jobs.c ------------------------------------------------------- */

/* Makes jobs[0..n) jobs of the run `all`, writing into shards (may be
 * NULL).  0, or -1 (reported) with none left to free. */
int vp_run_jobs_init(vp_run *jobs, unsigned n, vp_run *all, vp_shards *shards);

/* Frees what vp_run_jobs_init made for jobs[0..n). */
void vp_run_jobs_free(vp_run *jobs, unsigned n);

/* Runs job_fn on each of the n jobs on a thread of its own and adds up
 * their counts into r.  0, or -1 when a job failed (reported). */
int vp_run_jobs(vp_run *r, vp_run *jobs, unsigned n, void *(*job_fn)(void *));

/* dir/name-NNN.  Caller frees. */
char *vp_numbered_path(const char *dir, const char *name, unsigned i);

/* Empties (or makes) the folder for the jobs' own databases.  0, or -1
 * (reported). */
int vp_make_parts_dir(const char *dir);

/* A shard set on n jobs: job i writes the shards i, i + n, ...  0, or -1
 * (reported). */
int vp_run_index_shards_in_jobs(vp_run *r, unsigned n);

/* ---- build_parts.c ------------------------------------------------------ */

/* A full build of one database in the parts of plan on n jobs, beside it
 * (see build_parts.c); afterwards r->shards is the merged database, to be
 * swapped in at the end.  0, or -1 (reported). */
int vp_run_index_parts(vp_run *r, vp_parts_plan *plan, unsigned n, vp_shards **live,
                       vp_rebuild *rb);

/* Compacts the finished database at from into rb's fresh folder (through
 * its parts folder, which a later run clears if this one stops), so that
 * a full build is as small as Xapian's compactor makes it: its B-trees were
 * filled by commits in batches, the spelling table and the speakers'
 * rewrites after the merge.  from may be the fresh folder itself (closed
 * by then): it is replaced.  0, or -1 (reported as a warning: the index
 * at from is whole, only larger). */
int vp_run_compact_to_fresh(vp_run *r, const char *from, vp_rebuild *rb);

/* Plans the parts of r's sources for min_parts jobs (parts.h).  Fills
 * plan; free plan->bounds. */
void vp_run_plan_parts(const vp_run *r, vp_parts_plan *plan, unsigned min_parts);

#endif /* VP_BUILD_INTERNAL_H */
