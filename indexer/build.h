/*
 * build.h: the build engine of the indexer: Markdown files in, a Xapian
 * database (or shard set) out, as `indexer` runs it.  The program parses
 * its options into vp_build_options and calls vp_build(); the tests call
 * it the same way.
 *
 * A run reads the data files, scans the paths for reports, opens the
 * database, makes one pass over the files (an unchanged file is recognised
 * by its stamp, stamp.h, and left alone), removes the reports whose file is
 * gone, resolves speaker names over the whole corpus and commits.  A bad
 * file is reported on stderr ("path:line: message") and skipped or indexed
 * without the bad part; only a fatal error (a data file, the database)
 * stops the run, and then the database keeps its last commit.
 *
 * --jobs N writes N Xapian databases side by side, one thread each (Xapian's
 * term generation and flushing are the cost, so threads that share one
 * writer would gain little): the shards of a shard set (build_jobs.c), or
 * for a full build of one database part databases over consecutive runs of
 * the sorted files (at least N; more for a large build, even on one
 * thread: parts.h), merged by Xapian's compactor in their order, so every
 * report gets the document id a one-thread build gives it (build_parts.c).
 */
#ifndef VP_BUILD_H
#define VP_BUILD_H

#include <stdbool.h>
#include <stddef.h>

/* The limits of the options, as `indexer --help` states them. */
enum { VP_BUILD_JOBS_MAX = 64, VP_BUILD_MEMORY_MIN_MIB = 64,
       VP_BUILD_MEMORY_MAX_MIB = 1 << 20, VP_BUILD_MEMORY_DEFAULT_MIB = 512,
       VP_BUILD_MAX_SIZE_DEFAULT_MIB = 4, VP_BUILD_MAX_SIZE_MAX_MIB = 1024 };

/* Reports a batch: Xapian buffers a batch's postings in std::maps whose
 * lookups miss the cache more the larger they grow, and past a few hundred
 * reports that costs more than the commits saved (indexer.1.scd). */
enum { VP_BUILD_BATCH_DEFAULT = 250 };

typedef struct vp_build_options {
    const char *db;         /* the database folder (created when missing) */
    const char *data_dir;   /* gazetteer, themes and synonyms */
    bool rebuild;           /* start from an empty database (built beside it) */
    bool quiet;             /* no progress line */
    bool errors_json;       /* problems as JSON lines (--errors-json) */
    unsigned batch;         /* commit every batch changed reports */
    unsigned shards;        /* 0: one database, or the shard set already at db */
    unsigned jobs;          /* threads, each writing its own database */
    unsigned memory;        /* MiB the run may use; commits keep under it */
    unsigned max_size;      /* MiB: a larger report is skipped, unread */
    char **paths;           /* what to index: folders or files */
    int n_paths;
} vp_build_options;

typedef struct vp_build_counts {
    size_t indexed, unchanged, removed, skipped, warned;
    size_t files;           /* reports found under the paths */
    double seconds;         /* from opening the database to the end */
} vp_build_counts;

/* Runs one build as o says, filling *counts.  0 when the run completed
 * (some files may have had problems: counts->skipped, counts->warned), -1
 * after a fatal error, which is reported on stderr. */
int vp_build(const vp_build_options *o, vp_build_counts *counts);

#endif /* VP_BUILD_H */
