/*
 * build.c: one run of the indexer (see build.h), top to bottom as it
 * happens: data files, the files to index, the database, the pass over the
 * files (build_file.c; on several threads, build_jobs.c and
 * build_parts.c), removals, the corpus-wide speaker names, the last commit
 * and, for a rebuild, the swap.
 */
#include "build_internal.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facet_column_write.h"
#include "layout.h"
#include "schema.h"
#include "speakers_corpus.h"
#include "spelling_sync.h"
#include "sys.h"

int vp_build_data_load(const char *dir, vp_build_data *d)
{
    static const char *names[] = {"gemeenten.tsv", "themes.tsv", "synonyms.tsv",
                                  "speakers.tsv"};
    enum { N_FILES = sizeof names / sizeof *names };
    char err[512] = "";
    char *paths[N_FILES];
    for (int i = 0; i < N_FILES; i++)
        paths[i] = vp_path_join(dir, names[i]);
    int rc = 0;
    if (!(d->gazetteer = vp_gazetteer_load(paths[0], err, sizeof err)))
        rc = -1;
    char *places = vp_path_join(dir, "woonplaatsen.tsv");
    if (rc == 0 && vp_gazetteer_load_places(d->gazetteer, places, err, sizeof err) != 0)
        rc = -1;
    free(places);
    if (rc == 0 && !(d->themes = vp_themes_load(paths[1], err, sizeof err)))
        rc = -1;
    if (rc == 0 && !vp_themes_model(d->themes)) {   /* themes from the text need it */
        snprintf(err, sizeof err, "%s: no theme_model.tsv beside it", paths[1]);
        rc = -1;
    }
    if (rc == 0 && vp_synonyms_load(paths[2], &d->synonyms, err, sizeof err) != 0)
        rc = -1;
    if (rc == 0 && !(d->speaker_words = vp_speaker_words_load(paths[3], err, sizeof err)))
        rc = -1;
    /* Hashed after loading, so that a wrong --data names the missing file. */
    if (rc == 0 && !vp_extract_version(dir, d->hash, err, sizeof err))
        rc = -1;
    if (rc != 0 && err[0])
        fprintf(stderr, "indexer: %s\n", err);
    for (int i = 0; i < N_FILES; i++)
        free(paths[i]);
    return rc;
}

void vp_build_data_free(vp_build_data *d)
{
    vp_gazetteer_free(d->gazetteer);
    vp_themes_free(d->themes);
    vp_speaker_words_free(d->speaker_words);
    vp_synonyms_clear(&d->synonyms);
}

/* ---- the database ------------------------------------------------------- */

/* --rebuild writes a fresh index beside the live one and swaps it in when
 * complete (rebuild.h), so searchd never reads a half-rewritten database.
 * The live index stays open for writing meanwhile: its lock keeps a second
 * indexer out, as for any run. */
static vp_shards *open_database(const vp_build_options *o, vp_shards **live, vp_rebuild *rb)
{
    char msg[1024];
    vp_shards *s = NULL;
    if (!o->rebuild) {
        s = vp_shards_open(o->db, o->shards, false, msg, sizeof msg);
    } else if ((*live = vp_shards_open(o->db, 0, false, msg, sizeof msg)) &&
               vp_rebuild_begin(rb, o->db, msg, sizeof msg) == 0) {
        unsigned n = o->shards ? o->shards
                   : vp_shards_is_set(*live) ? vp_shards_count(*live) : 0;
        s = vp_shards_open(rb->fresh, n, true, msg, sizeof msg);
    }
    if (!s)
        fprintf(stderr, "indexer: %s\n", msg);
    return s;
}

/* Puts the rebuilt index in place of the live one; 0 or -1 (reported). */
static int swap_in_rebuild(vp_shards **live, vp_rebuild *rb)
{
    char msg[1024];
    int rc = vp_rebuild_swap(rb, msg, sizeof msg);
    if (rc != 0)
        fprintf(stderr, "indexer: %s\n", msg);
    vp_shards_free(*live); /* the old index: now in rb->fresh, removed next */
    *live = NULL;
    return rc;
}

/* True when the database's synonyms came from these data files. */
static bool data_unchanged(xapc_wdb *wdb, const vp_build_data *d)
{
    char *have = xapc_db_get_metadata(xapc_wdb_reader(wdb), VP_META_DATA_HASH, NULL);
    bool same = have && !strcmp(have, d->hash);
    free(have);
    return same;
}

/* ---- the run ------------------------------------------------------------ */

/* The files under the PATHs; what the scan skipped is reported here, and
 * counted as skipped by vp_build. */
static int collect_sources(const vp_build_options *o, vp_sources *sources)
{
    for (int i = 0; i < o->n_paths; i++) {
        char err[PATH_MAX + 100];
        if (vp_scan_path(sources, o->paths[i], err, sizeof err) != 0) {
            fprintf(stderr, "indexer: %s\n", err);
            return -1;
        }
    }
    vp_run_report_scan_problems(o, sources);
    vp_sources_sort(sources);
    return 0;
}

/* True when the database holds no report: nothing to keep, so --jobs may
 * build it from parts. */
static bool empty_database(vp_run *r)
{
    xapc_error err;
    return xapc_db_doccount(xapc_wdb_reader(vp_shards_meta(r->shards)), &err) == 0 &&
           err.status == XAPC_OK;
}

static int make_builder(vp_run *r)
{
    xapc_error err;
    r->builder = vp_docbuilder_new(VP_DEFAULT_STEMMER, r->data->gazetteer, &err);
    if (!r->builder)
        fprintf(stderr, "indexer: %s\n", err.message);
    return r->builder ? 0 : -1;
}

/* Indexes the sources on as many threads as --jobs and the layout allow.
 * An update of an existing single database has one writer: it runs on one
 * thread (and says so), since parsing is a small part of the work. */
static int index_sources(vp_run *r, vp_shards **live, vp_rebuild *rb)
{
    unsigned jobs = r->opt->jobs;
    if (vp_shards_is_set(r->shards)) {
        unsigned n = vp_shards_count(r->shards) < jobs ? vp_shards_count(r->shards) : jobs;
        return n > 1 ? (make_builder(r) == 0 ? vp_run_index_shards_in_jobs(r, n) : -1)
                     : (make_builder(r) == 0 ? vp_run_index_all(r) : -1);
    }
    if (r->opt->rebuild || empty_database(r)) {
        r->full = true;
        vp_parts_plan plan = {0};
        vp_run_plan_parts(r, &plan, jobs);
        bool in_parts = plan.count > 1;   /* with jobs, or beyond one part */
        int rc = in_parts ? vp_run_index_parts(r, &plan, jobs, live, rb) : 0;
        free(plan.bounds);
        if (in_parts)
            return rc == 0 && make_builder(r) == 0 ? 0 : -1;
    }
    if (jobs > 1)
        fprintf(stderr, "indexer: note: --jobs %u: updating an existing database runs on "
                "one thread (--rebuild builds it on %u)\n", jobs, jobs);
    return make_builder(r) == 0 ? vp_run_index_all(r) : -1;
}

/* Corpus-wide canonical speaker names (speakers_corpus.h), over the whole
 * database so that earlier reports get a full name a new one brings. */
static int resolve_speakers(vp_run *r)
{
    xapc_error err;
    size_t rewritten = 0;
    if (vp_speakers_corpus_resolve(r->shards, r->builder, &rewritten, &err) != XAPC_OK) {
        fprintf(stderr, "indexer: %s: cannot resolve speaker names: %s\n", r->opt->db,
                err.message);
        return -1;
    }
    r->pending += (unsigned)rewritten;
    return 0;
}

/* The spelling table from the reports' words (spelling_sync.h), when the
 * run changed any report: the term generator no longer feeds it word by
 * word. */
static int sync_spelling(vp_run *r)
{
    if (r->n.indexed + r->n.removed == 0 && r->pending == 0 &&
        !vp_spelling_unfinished(vp_shards_meta(r->shards)))
        return 0;
    xapc_error err;
    xapc_error_clear(&err);
    xapc_db *all = xapc_db_new_empty(&err);
    for (unsigned i = 0; all && i < vp_shards_count(r->shards); i++)
        if (xapc_db_add(all, xapc_wdb_reader(vp_shards_at(r->shards, i)), &err) != XAPC_OK)
            break;
    if (all && err.status == XAPC_OK)
        vp_spelling_sync(vp_shards_meta(r->shards), all, vp_run_spelling_step(r->opt), NULL,
                         &err);
    xapc_db_free(all);
    if (err.status != XAPC_OK) {
        fprintf(stderr, "indexer: %s: cannot update the spelling table: %s\n", r->opt->db,
                err.message);
        return -1;
    }
    r->pending++;
    return 0;
}

static int finish(vp_run *r)
{
    xapc_error err;
    if (sync_spelling(r) != 0)
        return -1;
    bool ok = !r->data_changed ||
              (vp_synonyms_store(&r->data->synonyms, vp_shards_meta(r->shards), VP_DEFAULT_STEMMER,
                                 &err) == XAPC_OK &&
               xapc_wdb_set_metadata(vp_shards_meta(r->shards), VP_META_DATA_HASH, r->data->hash, &err) == XAPC_OK);
    if (!ok) {
        fprintf(stderr, "indexer: %s: cannot store the synonyms: %s\n", r->opt->db, err.message);
        return -1;
    }
    if (r->data_changed)
        r->pending++;
    return vp_run_commit(r, true);
}

/* The facet column of the database at its last commit (facet_column_write.h),
 * while this run still holds its lock.  searchd counts from it; without
 * one (a failure here, a shard set) it counts through Xapian, so a failure
 * is a warning, not a failed run. */
static void write_facet_column(const char *path)
{
    char why[600];
    if (vp_layout_is_database(path) && vp_facet_column_write(path, why, sizeof why) != 0)
        fprintf(stderr, "indexer: warning: no facet column written (%s): searches count "
                "more slowly until the next run\n", why);
}

/* A full build of one database, compacted (vp_run_compact_to_fresh): one
 * built beside the live index is compacted in its place; one built in
 * place (an empty database, in one part) is compacted beside it and
 * swapped in like a rebuild, so that a run stopped before then keeps what
 * it committed.  Not compacted, the index is still whole: a warning. */
static void compact_full_build(vp_run *r, vp_shards **live, vp_rebuild *rb)
{
    char msg[1024];
    if (r->opt->rebuild || r->swap) {
        vp_shards_free(r->shards);
        r->shards = NULL;
        vp_run_compact_to_fresh(r, rb->fresh, rb);
    } else if (vp_rebuild_begin(rb, r->opt->db, msg, sizeof msg) != 0) {
        fprintf(stderr, "indexer: warning: the new index is not compacted: %s\n", msg);
    } else if (vp_run_compact_to_fresh(r, r->opt->db, rb) == 0) {
        *live = r->shards;   /* holds the lock until the swap */
        r->shards = NULL;
        r->swap = true;
    }
}

int vp_build(const vp_build_options *o, vp_build_counts *counts)
{
    vp_build_data d = {0};
    vp_sources sources = {0};
    *counts = (vp_build_counts){0};
    if (vp_build_data_load(o->data_dir, &d) != 0 || collect_sources(o, &sources) != 0) {
        vp_build_data_free(&d);
        vp_sources_clear(&sources);
        return -1;
    }
    double started = vp_now_ms();
    vp_run r = {.opt = o, .data = &d, .sources = &sources,
                .ctx = {.gazetteer = d.gazetteer, .themes = d.themes,
                        .speaker_words = d.speaker_words},
                .n = {.skipped = sources.n_problems},
                .lock = PTHREAD_MUTEX_INITIALIZER};
    vp_shards *live = NULL;
    vp_rebuild rebuild = {0};
    r.shards = open_database(o, &live, &rebuild);
    if (r.shards)
        r.data_changed = !data_unchanged(vp_shards_meta(r.shards), &d);
    bool done = r.shards && index_sources(&r, &live, &rebuild) == 0 &&
                vp_run_remove_missing(&r, &sources) == 0 &&
                resolve_speakers(&r) == 0 && finish(&r) == 0;
    if (done && r.full && !vp_shards_is_set(r.shards))
        compact_full_build(&r, &live, &rebuild);
    if (done)
        write_facet_column((o->rebuild || r.swap) ? rebuild.fresh : o->db);
    vp_docbuilder_free(r.builder);
    vp_shards_free(r.shards); /* an unfinished run keeps its last commit */
    if ((o->rebuild || r.swap) && done)
        done = swap_in_rebuild(&live, &rebuild) == 0;
    vp_shards_free(live);
    vp_rebuild_finish(&rebuild); /* the old index, or the unfinished new one */
    *counts = r.n;
    counts->files = sources.len;
    counts->seconds = (vp_now_ms() - started) / 1e3;
    vp_build_data_free(&d);
    vp_sources_clear(&sources);
    return done ? 0 : -1;
}
