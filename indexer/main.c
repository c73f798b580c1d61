/*
 * main.c: the `indexer` program.
 *
 *   indexer --db PATH [--shards N] [--rebuild] [--jobs N] [--memory MiB]
 *           [--max-size MiB] [--data DIR] [--batch N] [--quiet] PATH...
 *
 * Reads top to bottom as a run does: options, data files, the files to
 * index, the database, then one pass over the files (unchanged ones are
 * recognised by their stamp and left alone), the removal of reports whose
 * file is gone, and the summary.  Exit codes: 0 everything indexed, 1 some
 * file had a problem (reported, and skipped or indexed without the bad
 * field), 2 usage or fatal error.
 *
 * --jobs N writes N Xapian databases side by side, one thread each (Xapian's
 * term generation and flushing are the cost, so threads that share one
 * writer would gain little): the shards of a shard set, or for a full build
 * of one database part databases over consecutive runs of the sorted files
 * (at least N; more for a large build, even on one thread: see
 * PART_BYTES_DEFAULT), merged by Xapian's compactor in their order, so
 * every report gets the document id a one-thread build gives it.
 */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <limits.h>
#include <malloc.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "datadir.h"
#include "docbuild.h"
#include "extract.h"
#include "facet_column_write.h"
#include "gazetteer.h"
#include "ingest.h"
#include "layout.h"
#include "progress.h"
#include "rebuild.h"
#include "scan.h"
#include "schema.h"
#include "shards.h"
#include "speakers_corpus.h"
#include "spelling_sync.h"
#include "strvec.h"
#include "synonyms.h"
#include "sys.h"
#include "text.h"
#include "speaker_words.h"
#include "themes.h"
#include "xapian_c.h"

enum { EXIT_PROBLEMS = 1, EXIT_FATAL = 2 };
enum { JOBS_MAX = 64, MEMORY_MIN_MIB = 64, MEMORY_MAX_MIB = 1 << 20,
       MEMORY_DEFAULT_MIB = 512, MAX_SIZE_DEFAULT_MIB = 4, MAX_SIZE_MAX_MIB = 1024 };

/* Xapian holds a stored report's postings, positions, spelling and data in
 * memory until the commit: about 36 bytes per byte of Markdown in batches
 * of 300 to 1500 bench/gencorpus reports (RSS before and after commits;
 * fewer per byte in larger batches, where reports share terms). */
#define BUFFERED_PER_BYTE 40

typedef struct options {
    const char *db;
    const char *data_dir;
    bool rebuild, quiet;
    bool errors_json;   /* problems as JSON lines (--errors-json) */
    unsigned batch;
    unsigned shards;    /* 0: one database, or the shard set already at db */
    unsigned jobs;      /* threads, each writing its own database */
    unsigned memory;    /* MiB the run may use; commits keep under it */
    unsigned max_size;  /* MiB: a larger report is skipped, unread */
    char **paths;
    int n_paths;
} options;

typedef struct data {
    vp_gazetteer *gazetteer;
    vp_themes *themes;
    vp_speaker_words *speaker_words;
    vp_synonyms synonyms;
    char hash[VP_EXTRACT_VERSION_LEN];   /* vp_extract_version(): code and data */
} data;

typedef struct counts {
    size_t indexed, unchanged, removed, skipped, warned;
} counts;

/* ---- options ------------------------------------------------------------ */

static void usage(FILE *out)
{
    fprintf(out,
        "usage: indexer --db PATH [--shards N] [--rebuild] [--jobs N] [--memory MiB]\n"
        "               [--max-size MiB] [--data DIR] [--batch N] [--quiet] PATH...\n"
        "\n"
        "Indexes the Markdown reports (*.md) under each PATH into the Xapian\n"
        "database at --db.  Unchanged reports are left alone, changed ones are\n"
        "replaced, and reports whose file is gone are removed.\n"
        "\n"
        "  --db PATH     the database folder (created when missing)\n"
        "  --shards N    make PATH a folder of N shards and a stub file (see README)\n"
        "  --rebuild     start from an empty database\n"
        "  --jobs N      index on N threads, each writing its own database: the\n"
        "                shards, or for a full build of one database N parts\n"
        "                merged at the end (default 1; see README)\n"
        "  --memory MiB  commit before buffered changes outgrow this much memory,\n"
        "                shared by the jobs (64 to 1048576, default 512)\n"
        "  --max-size MiB\n"
        "                skip larger reports unread (1 to 1024, default 4)\n"
        "  --data DIR    gazetteer, themes, synonyms, speaker words (default %s)\n"
        "  --batch N     commit every N changed reports (default 1000)\n"
        "  --quiet       no progress and no summary (problems are still reported)\n"
        "  --errors-json each problem as one JSON object per line on stderr:\n"
        "                path, line, message, action (skipped or indexed)\n"
        "  --help, --version\n"
        "\n"
        "Exit status: 0 all indexed, 1 some files had problems (one line each on\n"
        "stderr), 2 usage or fatal error.\n", vp_default_data_dir());
}

/* optarg as a whole number from min to max, or false (reported). */
static bool number_option(const char *name, long min, long max, unsigned *out)
{
    char *end;
    errno = 0;
    long n = strtol(optarg, &end, 10);
    if (errno || end == optarg || *end || n < min || n > max) {
        fprintf(stderr, "indexer: %s wants a number from %ld to %ld\n", name, min, max);
        return false;
    }
    *out = (unsigned)n;
    return true;
}

static int parse_options(int argc, char **argv, options *o)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'},   {"data", required_argument, NULL, 'D'},
        {"rebuild", no_argument, NULL, 'r'},    {"quiet", no_argument, NULL, 'q'},
        {"batch", required_argument, NULL, 'b'}, {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},    {"errors-json", no_argument, NULL, 'J'},
        {"shards", required_argument, NULL, 's'}, {"jobs", required_argument, NULL, 'j'},
        {"memory", required_argument, NULL, 'm'},
        {"max-size", required_argument, NULL, 'M'}, {NULL, 0, NULL, 0}};
    *o = (options){.data_dir = vp_default_data_dir(), .batch = 1000, .jobs = 1,
                   .memory = MEMORY_DEFAULT_MIB, .max_size = MAX_SIZE_DEFAULT_MIB};
    int c;
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        bool ok = true;
        switch (c) {
        case 'd': o->db = optarg; break;
        case 'D': o->data_dir = optarg; break;
        case 'r': o->rebuild = true; break;
        case 'q': o->quiet = true; break;
        case 'J': o->errors_json = true; break;
        case 'b': ok = number_option("--batch", 1, 1000000, &o->batch); break;
        case 's': ok = number_option("--shards", 1, VP_SHARDS_MAX, &o->shards); break;
        case 'j': ok = number_option("--jobs", 1, JOBS_MAX, &o->jobs); break;
        case 'm': ok = number_option("--memory", MEMORY_MIN_MIB, MEMORY_MAX_MIB, &o->memory); break;
        case 'M': ok = number_option("--max-size", 1, MAX_SIZE_MAX_MIB, &o->max_size); break;
        case 'h': usage(stdout); exit(0);
        case 'V': printf("indexer (Vindplaats) %s, Xapian %s\n", VINDPLAATS_VERSION, xapc_version()); exit(0);
        default: usage(stderr); return EXIT_FATAL;
        }
        if (!ok)
            return EXIT_FATAL;
    }
    if (!o->db || optind >= argc) {
        fprintf(stderr, "indexer: %s\n", !o->db ? "--db PATH is required" : "no PATH to index");
        usage(stderr);
        return EXIT_FATAL;
    }
    o->paths = argv + optind;
    o->n_paths = argc - optind;
    return 0;
}

/* ---- data files --------------------------------------------------------- */

static int load_data(const char *dir, data *d)
{
    static const char *names[] = {"gemeenten.tsv", "themes.tsv", "synonyms.tsv",
                                  "speakers.tsv"};
    enum { N_FILES = sizeof names / sizeof *names };
    char err[512] = "";
    char *paths[N_FILES];
    for (int i = 0; i < N_FILES; i++)
        paths[i] = vp_path_join(dir, names[i]);
    int rc = 0;
    for (int i = 0; i < N_FILES && rc == 0; i++)
        if (!paths[i]) {
            fprintf(stderr, "indexer: %s: %s\n", names[i], strerror(ENOMEM));
            rc = -1;
        }
    if (rc == 0 && !vp_extract_version(dir, d->hash, err, sizeof err))
        rc = -1;
    if (rc == 0 && !(d->gazetteer = vp_gazetteer_load(paths[0], err, sizeof err)))
        rc = -1;
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
    if (rc != 0 && err[0])
        fprintf(stderr, "indexer: %s\n", err);
    for (int i = 0; i < N_FILES; i++)
        free(paths[i]);
    return rc;
}

static void free_data(data *d)
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
static vp_shards *open_database(const options *o, vp_shards **live, vp_rebuild *rb)
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
static bool data_unchanged(xapc_wdb *wdb, const data *d)
{
    char *have = xapc_db_get_metadata(xapc_wdb_reader(wdb), VP_META_DATA_HASH, NULL);
    bool same = have && !strcmp(have, d->hash);
    free(have);
    return same;
}

static const char *prefix_map_json(void)
{
    return "{\"title\":\"" VP_PREFIX_TITLE "\",\"heading\":\"" VP_PREFIX_HEADING
           "\",\"speaker_text\":\"" VP_PREFIX_SPEAKER_TEXT "\",\"place_text\":\""
           VP_PREFIX_PLACE_TEXT "\",\"id\":\"" VP_PREFIX_ID "\",\"municipality\":\""
           VP_PREFIX_MUNICIPALITY "\",\"host\":\"" VP_PREFIX_HOST "\",\"speaker\":\""
           VP_PREFIX_SPEAKER "\",\"theme\":\"" VP_PREFIX_THEME "\",\"year\":\""
           VP_PREFIX_YEAR "\"}";
}

/* Schema and stemmer go in with the first commit: a reader must never see
 * documents without them.  Each document's stamp carries the data hash, so
 * an interrupted re-extraction resumes where it stopped. */
static bool write_schema(xapc_wdb *wdb, xapc_error *err)
{
    return xapc_wdb_set_metadata(wdb, VP_META_SCHEMA, VP_SCHEMA_VERSION, err) == XAPC_OK &&
           xapc_wdb_set_metadata(wdb, VP_META_STEMMER, VP_DEFAULT_STEMMER, err) == XAPC_OK &&
           xapc_wdb_set_metadata(wdb, VP_META_PREFIXES, prefix_map_json(), err) == XAPC_OK;
}

/* ---- one file ----------------------------------------------------------- */

/* A run, or one of its jobs (--jobs): a job has its own builder, counts
 * and commits, and reaches the progress line and stderr through `all`. */
typedef struct run {
    const options *opt;
    data *data;
    const vp_sources *sources;
    vp_shards *shards;   /* documents by id; metadata, spelling, synonyms in meta */
    vp_docbuilder *builder;
    vp_extract_ctx ctx;
    bool data_changed;   /* synonyms to store, data hash to record */
    bool swap;           /* built beside the live index: swap it in at the end */
    unsigned pending;    /* changes since the last commit */
    size_t buffered;     /* bytes of reports stored since the last commit */
    size_t flush_at;     /* commit when buffered reaches this (--memory) */
    counts n;
    vp_progress progress;
    /* the jobs' side */
    struct run *all;     /* the whole run, for a job; NULL for the run itself */
    size_t begin, end;   /* the sources this job looks at */
    unsigned first, step; /* step > 1: of those, the shards first, first + step... */
    struct parts_plan *plan; /* a build in parts: the parts this job takes in turn */
    pthread_mutex_t lock; /* the run's: progress line and stderr */
    atomic_bool failed;  /* the run's: a job hit a fatal error, the others stop */
} run;

static run *whole(run *r)
{
    return r->all ? r->all : r;
}

/* A problem as one JSON object for log collectors:
 * {"path","line" (null: the whole file),"message","action":"skipped"|"indexed"}. */
static void report_problem_json(const vp_source *src, int line, const char *msg, bool skipped)
{
    json_t *o = json_pack("{s:s,s:o,s:s,s:s}", "path", src->abs_path,
                          "line", line > 0 ? json_integer(line) : json_null(),
                          "message", msg, "action", skipped ? "skipped" : "indexed");
    char *text = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
    if (text)
        fprintf(stderr, "%s\n", text);
    else    /* a path that is not UTF-8: say it the plain way rather than not at all */
        fprintf(stderr, "%s:%d: %s\n", src->abs_path, line, msg);
    free(text);
    json_decref(o);
}

/* One line per problem, "path:line: message", on a clean terminal line;
 * skipped: the file was left out (else indexed without the bad part). */
static void report_problem(run *r, const vp_source *src, int line, const char *msg,
                           bool skipped)
{
    run *w = whole(r);
    pthread_mutex_lock(&w->lock);
    vp_progress_clear(&w->progress);
    if (r->opt->errors_json)
        report_problem_json(src, line, msg, skipped);
    else if (line > 0)
        fprintf(stderr, "%s:%d: %s\n", src->abs_path, line, msg);
    else
        fprintf(stderr, "%s: %s\n", src->abs_path, msg);
    pthread_mutex_unlock(&w->lock);
}

static void tick(run *r)
{
    run *w = whole(r);
    pthread_mutex_lock(&w->lock);
    vp_progress_tick(&w->progress);
    pthread_mutex_unlock(&w->lock);
}

/* "size:mtime" identifies an untouched file without reading it. */
static void quick_stamp(const struct stat *st, char *buf, size_t len)
{
    snprintf(buf, len, "%lld:%lld.%09ld", (long long)st->st_size,
             (long long)st->st_mtim.tv_sec, st->st_mtim.tv_nsec);
}

/* The shard a report lives in (the one database without shards). */
static xapc_wdb *home_of(run *r, const char *idterm)
{
    return vp_shards_for_id(r->shards, idterm + strlen(VP_PREFIX_ID));
}

/* The stamp of the indexed version of id, or NULL when it is not indexed. */
static char *indexed_stamp(run *r, const char *idterm, xapc_error *err)
{
    const xapc_db *db = xapc_wdb_reader(home_of(r, idterm));
    xapc_docid docid = xapc_db_find_term(db, idterm, err);
    return docid ? xapc_db_document_value(db, docid, VP_SLOT_STAMP, err) : NULL;
}

/* A stamp is "datahash|size:mtime|contenthash".  The same report when it was
 * extracted with the same data and either size and mtime match or, for a
 * file merely touched (a fresh git checkout), the content hash does. */
static bool same_stamp(const char *old, const char *datahash, const char *quick,
                       const char *hash)
{
    size_t d = strlen(datahash), q = strlen(quick);
    if (!old || strncmp(old, datahash, d) != 0 || old[d] != '|')
        return false;
    old += d + 1;
    if (!strncmp(old, quick, q) && old[q] == '|')
        return true;
    const char *old_hash = strrchr(old, '|');
    return hash && old_hash && !strcmp(old_hash + 1, hash);
}

/* The process's resident memory (0 when /proc cannot tell). */
static size_t resident_bytes(void)
{
    unsigned long pages_total = 0, pages_resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f && fscanf(f, "%lu %lu", &pages_total, &pages_resident) != 2)
        pages_resident = 0;
    if (f)
        fclose(f);
    return (size_t)pages_resident * (size_t)sysconf(_SC_PAGESIZE);
}

/* The estimate of flush_at aside, the process itself: past seven eighths
 * of the budget (the rest is for the commit and the next report), every
 * job commits.  Reports vary, and so does what Xapian buffers for them. */
static bool near_budget(const run *r)
{
    size_t budget = (size_t)r->opt->memory << 20;
    return resident_bytes() >= budget - budget / 8;
}

/* Every --batch changes, or sooner when the buffered changes near the
 * memory budget.  A job of a shard set commits its own shards only. */
static int commit_if_due(run *r, bool force)
{
    if (r->pending == 0 || (!force && r->pending < r->opt->batch &&
                            r->buffered < r->flush_at && !near_budget(r)))
        return 0;
    xapc_error err;
    xapc_status st = r->step > 1
        ? vp_shards_commit_some(r->shards, r->first, r->step, write_schema, &err)
        : vp_shards_commit(r->shards, write_schema, &err);
    if (st != XAPC_OK) {
        fprintf(stderr, "indexer: %s: commit failed: %s\n", r->opt->db, err.message);
        return -1;
    }
    /* Give the freed buffers back: without it the heap keeps the peak, and
     * a budget would only hold for the first batch's size. */
    malloc_trim(0);
    r->pending = 0;
    r->buffered = 0;
    return 0;
}

static int store_document(run *r, const vp_document *d, const char *idterm,
                          const char *stamp, size_t len)
{
    xapc_error err;
    xapc_doc *doc = vp_docbuilder_build(r->builder, d, stamp, &err);
    if (!doc || !xapc_wdb_replace_by_term(home_of(r, idterm), idterm, doc, &err)) {
        fprintf(stderr, "indexer: %s: cannot store %s: %s\n", r->opt->db, d->id, err.message);
        xapc_doc_free(doc);
        return -1;
    }
    xapc_doc_free(doc);
    r->pending++;
    r->buffered += len;
    return commit_if_due(r, false);
}

/* Ingests one file and stores it.  Returns -1 only for fatal errors. */
static int index_content(run *r, const vp_source *src, const char *content, size_t len,
                         const char *idterm, const char *stamp)
{
    vp_document d;
    vp_document_init(&d);
    vp_ingest_problem problem;
    vp_ingest_result res = vp_ingest_buffer(&r->ctx, src->rel_path, content, len, &d, &problem);
    int rc = 0;
    if (res == VP_INGEST_NO_MEMORY) {
        fprintf(stderr, "indexer: out of memory on %s\n", src->abs_path);
        rc = -1;
    } else if (res == VP_INGEST_SKIPPED) {
        report_problem(r, src, problem.line, problem.message, true);
        r->n.skipped++;
    } else {
        if (res == VP_INGEST_WARNING) {
            report_problem(r, src, problem.line, problem.message, false);
            r->n.warned++;
        }
        rc = store_document(r, &d, idterm, stamp, len);
        if (rc == 0)
            r->n.indexed++;
    }
    vp_document_clear(&d);
    return rc;
}

static int index_file(run *r, const vp_source *src)
{
    struct stat st;
    if (stat(src->abs_path, &st) != 0) {
        report_problem(r, src, 0, strerror(errno), true);
        r->n.skipped++;
        return 0;
    }
    char *id = vp_ingest_id_for_path(src->rel_path), *idterm = id ? vp_id_term(id) : NULL;
    free(id);
    if (!idterm)
        return -1;
    char quick[64], hash[17], stamp[128];
    quick_stamp(&st, quick, sizeof quick);
    xapc_error err = {0};
    char *old = indexed_stamp(r, idterm, &err);
    int rc = 0;
    if (same_stamp(old, r->data->hash, quick, NULL)) {
        r->n.unchanged++;
        goto done;
    }
    size_t len;
    char *content, why[PATH_MAX + 100];
    vp_read_result got = vp_source_read(r->sources, src, (size_t)r->opt->max_size << 20,
                                        &content, &len, why, sizeof why);
    if (got != VP_READ_OK) {
        report_problem(r, src, 0, why, true);
        r->n.skipped++;
        goto done;
    }
    snprintf(hash, sizeof hash, "%016llx",
             (unsigned long long)vp_fnv1a(VP_FNV1A_INIT, content, len));
    snprintf(stamp, sizeof stamp, "%s|%s|%s", r->data->hash, quick, hash);
    if (same_stamp(old, r->data->hash, quick, hash))
        r->n.unchanged++;
    else
        rc = index_content(r, src, content, len, idterm, stamp);
    free(content);
done:
    free(old);
    free(idterm);
    return rc;
}

/* ---- removals ----------------------------------------------------------- */

static int by_string(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Deletes from one database every report whose id is not in seen (sorted). */
static int remove_missing_from(run *r, xapc_wdb *wdb, char **seen, size_t n_seen)
{
    vp_strvec gone = VP_STRVEC_INIT;
    xapc_error err = {0};
    xapc_termiter *it = xapc_db_allterms(xapc_wdb_reader(wdb), VP_PREFIX_ID, &err);
    const char *term;
    while (it && xapc_termiter_next(it, &term, NULL, &err)) {
        const char *id = term + strlen(VP_PREFIX_ID);
        if (!bsearch(&id, seen, n_seen, sizeof *seen, by_string))
            vp_strvec_push(&gone, term);
    }
    xapc_termiter_free(it);
    int rc = err.status == XAPC_OK ? 0 : -1;
    for (size_t i = 0; i < gone.len && rc == 0; i++) {
        if (xapc_wdb_delete_by_term(wdb, gone.items[i], &err) != XAPC_OK)
            rc = -1;
        r->n.removed++;
        r->pending++;
    }
    if (rc != 0)
        fprintf(stderr, "indexer: %s: cannot remove deleted reports: %s\n", r->opt->db, err.message);
    vp_strvec_clear(&gone);
    return rc;
}

/* Deletes every report whose id is not among the files seen in this run,
 * from every shard (a report found in a shard it does not hash to, after a
 * hand-made change of the set, is removed too). */
static int remove_missing(run *r, const vp_sources *sources)
{
    char **seen = malloc((sources->len + 1) * sizeof *seen);
    if (!seen)
        return -1;
    for (size_t i = 0; i < sources->len; i++)
        seen[i] = vp_ingest_id_for_path(sources->items[i].rel_path);
    qsort(seen, sources->len, sizeof *seen, by_string);
    int rc = 0;
    for (unsigned i = 0; rc == 0 && i < vp_shards_count(r->shards); i++)
        rc = remove_missing_from(r, vp_shards_at(r->shards, i), seen, sources->len);
    for (size_t i = 0; i < sources->len; i++)
        free(seen[i]);
    free(seen);
    return rc;
}

/* ---- the run ------------------------------------------------------------ */

/* The files under the PATHs; what the scan skipped (links that leave a
 * root or loop) is reported here, and counted as skipped by main. */
static int collect_sources(const options *o, vp_sources *sources)
{
    for (int i = 0; i < o->n_paths; i++) {
        char err[PATH_MAX + 100];
        if (vp_scan_path(sources, o->paths[i], err, sizeof err) != 0) {
            fprintf(stderr, "indexer: %s\n", err);
            return -1;
        }
    }
    for (size_t i = 0; i < sources->n_problems; i++) {
        const vp_scan_problem *p = &sources->problems[i];
        if (o->errors_json)
            report_problem_json(&(vp_source){.abs_path = p->path}, 0, p->message, true);
        else
            fprintf(stderr, "%s: %s\n", p->path, p->message);
    }
    vp_sources_sort(sources);
    return 0;
}

/* Two roots can hold the same relative path; the second would overwrite the
 * first, so it is reported and skipped instead. */
static bool duplicate_id(const vp_sources *s, size_t i)
{
    return i > 0 && !strcmp(s->items[i].rel_path, s->items[i - 1].rel_path);
}

/* Whether this job indexes src: all of its range, or in a shard set shared
 * out by step, the reports of its own shards. */
static bool mine(const run *r, const vp_source *src)
{
    if (r->step <= 1)
        return true;
    char *id = vp_ingest_id_for_path(src->rel_path);
    bool yes = id && vp_shard_of(id, vp_shards_count(r->shards)) % r->step == r->first;
    free(id);
    return yes;
}

static int index_range(run *r)
{
    const vp_sources *sources = r->sources;
    for (size_t i = r->begin; i < r->end; i++) {
        if (atomic_load(&whole(r)->failed))
            return -1;
        if (!mine(r, &sources->items[i]))
            continue;
        if (duplicate_id(sources, i)) {
            report_problem(r, &sources->items[i], 0,
                           "same relative path as an earlier file; skipped", true);
            r->n.skipped++;
        } else if (index_file(r, &sources->items[i]) != 0) {
            return -1;
        }
        tick(r);
    }
    return 0;
}

/* The report bytes a job may buffer: its share of what the budget leaves
 * beyond the memory already in use (the data files, the word lists of every
 * job's builder).  A budget that leaves nothing still commits every report,
 * and says so. */
static size_t flush_threshold(const options *o, unsigned jobs)
{
    size_t budget = (size_t)o->memory << 20, used = resident_bytes();
    if (used >= budget) {
        fprintf(stderr, "indexer: warning: --memory %u: %zu MiB are in use before "
                "indexing; committing after every report\n", o->memory, used >> 20);
        return 1;
    }
    size_t share = (budget - used) / jobs / BUFFERED_PER_BYTE;
    return share ? share : 1;
}

static int index_all(run *r)
{
    r->flush_at = flush_threshold(r->opt, 1);
    r->begin = 0;
    r->end = r->sources->len;
    vp_progress_start(&r->progress, r->sources->len, r->opt->quiet);
    int rc = index_range(r);
    vp_progress_clear(&r->progress);
    return rc;
}

/* ---- jobs (--jobs) ------------------------------------------------------- */

/* A job over the whole run's sources, writing into shards. */
static int job_init(run *j, run *all, vp_shards *shards)
{
    *j = (run){.opt = all->opt, .data = all->data, .sources = all->sources,
               .shards = shards, .ctx = all->ctx, .all = all, .end = all->sources->len};
    xapc_error err;
    j->builder = vp_docbuilder_new(VP_DEFAULT_STEMMER, all->data->gazetteer, &err);
    if (!j->builder)
        fprintf(stderr, "indexer: %s\n", err.message);
    return j->builder ? 0 : -1;
}

static void *job_main(void *arg)
{
    run *j = arg;
    if (index_range(j) != 0 || commit_if_due(j, true) != 0)
        atomic_store(&whole(j)->failed, true);
    return NULL;
}

/* Runs the jobs on a thread each and adds up their counts; 0 or -1 when a
 * job failed (reported). */
static int run_jobs(run *r, run *jobs, unsigned n, void *(*job_fn)(void *))
{
    pthread_t threads[JOBS_MAX];
    unsigned started = 0;
    size_t flush_at = flush_threshold(r->opt, n);
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

static char *numbered_path(const char *dir, const char *name, unsigned i)
{
    char leaf[64];
    snprintf(leaf, sizeof leaf, "%s-%03u", name, i);
    return vp_path_join(dir, leaf);
}

/* The folder for the jobs' own databases, emptied. */
static int make_parts_dir(const char *dir)
{
    if (!dir || vp_remove_tree(dir) != 0 || mkdir(dir, 0777) != 0) {
        fprintf(stderr, "indexer: %s: cannot make the folder: %s\n", dir ? dir : "parts",
                dir ? strerror(errno) : "out of memory");
        return -1;
    }
    return 0;
}

/* A shard set: job i writes the shards i, i + n, ...  (The spelling table
 * in meta is filled once the jobs are done: sync_spelling.) */
static int index_shards_in_jobs(run *r, unsigned n)
{
    run jobs[JOBS_MAX];
    unsigned made = 0;
    int rc = 0;
    for (; made < n; made++) {
        if (job_init(&jobs[made], r, r->shards) != 0) {
            rc = -1;
            break;
        }
        jobs[made].first = made;
        jobs[made].step = n;
    }
    if (rc == 0)
        rc = run_jobs(r, jobs, n, job_main);
    for (unsigned i = 0; i < made; i++)
        vp_docbuilder_free(jobs[i].builder);
    return rc;
}

/* ---- a full build in parts --------------------------------------------- */

/* A full build of one database is written as parts of about PART_BYTES of
 * reports each, every part a database of its own, then merged in order by
 * Xapian's compactor.  Xapian's commit merges a batch into the database's
 * B-trees, which costs more as they grow (the position and posting lists of
 * a vocabulary that keeps growing); a part stays small, and the merge is
 * one linear pass.  VP_PART_BYTES sets the size, for tests. */
enum { PART_BYTES_DEFAULT = 64 << 20, PARTS_MAX = 100000 };

typedef struct parts_plan {
    const char *dir;
    size_t *bounds;      /* part k indexes sources bounds[k] .. bounds[k + 1] */
    unsigned count;
    atomic_uint next;    /* the next part a job takes */
} parts_plan;

static size_t part_bytes(void)
{
    const char *env = getenv("VP_PART_BYTES");
    char *end;
    unsigned long long n = env ? strtoull(env, &end, 10) : 0;
    return env && *env && !*end && n > 0 ? (size_t)n : PART_BYTES_DEFAULT;
}

/* The size of each source (0 when it cannot be read: reported later). */
static size_t *source_sizes(const vp_sources *sources, size_t *total)
{
    size_t *size = calloc(sources->len ? sources->len : 1, sizeof *size);
    *total = 0;
    for (size_t i = 0; size && i < sources->len; i++) {
        struct stat st;
        size[i] = stat(sources->items[i].abs_path, &st) == 0 ? (size_t)st.st_size : 0;
        *total += size[i] + 1;
    }
    return size;
}

/* Splits the sorted sources into the parts of plan: at least min_parts (one
 * per job, so the jobs finish together), more when the reports outgrow
 * part_bytes(); consecutive runs of about equal bytes.  One part means a
 * direct build.  -1 out of memory (reported). */
static int plan_parts(parts_plan *plan, const vp_sources *sources, unsigned min_parts)
{
    size_t total = 0;
    size_t *size = source_sizes(sources, &total);
    if (!size) {
        fputs("indexer: out of memory\n", stderr);
        return -1;
    }
    size_t n = (total + part_bytes() - 1) / part_bytes();
    n = n < min_parts ? min_parts : n > PARTS_MAX ? PARTS_MAX : n;
    if (sources->len && n > sources->len)
        n = sources->len > min_parts ? sources->len : min_parts;
    plan->bounds = malloc((n + 1) * sizeof *plan->bounds);
    if (!plan->bounds) {
        free(size);
        fputs("indexer: out of memory\n", stderr);
        return -1;
    }
    plan->count = (unsigned)n;
    size_t i = 0, sum = 0;
    plan->bounds[0] = 0;
    for (size_t k = 1; k < n; k++) {
        size_t target = (size_t)((double)total * k / n);
        while (i < sources->len && sum < target)
            sum += size[i++] + 1;
        plan->bounds[k] = i;
    }
    plan->bounds[n] = sources->len;
    free(size);
    return 0;
}

/* Writes part k of the plan: its own database, committed and closed. */
static int write_part(run *j, unsigned k)
{
    parts_plan *plan = j->plan;
    char msg[1024] = "out of memory";
    char *path = numbered_path(plan->dir, "part", k);
    vp_shards *part = path ? vp_shards_open(path, 0, true, msg, sizeof msg) : NULL;
    free(path);
    if (!part) {
        fprintf(stderr, "indexer: %s\n", msg);
        return -1;
    }
    j->shards = part;
    j->begin = plan->bounds[k];
    j->end = plan->bounds[k + 1];
    int rc = index_range(j) == 0 && commit_if_due(j, true) == 0 ? 0 : -1;
    vp_shards_free(part);
    j->shards = NULL;
    return rc;
}

static void *parts_job_main(void *arg)
{
    run *j = arg;
    for (;;) {
        unsigned k = atomic_fetch_add(&j->plan->next, 1);
        if (k >= j->plan->count || atomic_load(&whole(j)->failed))
            break;
        if (write_part(j, k) != 0) {
            atomic_store(&whole(j)->failed, true);
            break;
        }
    }
    return NULL;
}

/* Merges the parts, in order, into a new database at dest (emptied first). */
static int compact_parts(run *r, const parts_plan *plan, const char *dest)
{
    char **paths = calloc(plan->count, sizeof *paths);
    int rc = paths && vp_remove_tree(dest) == 0 ? 0 : -1;
    for (unsigned k = 0; rc == 0 && k < plan->count; k++)
        if (!(paths[k] = numbered_path(plan->dir, "part", k)))
            rc = -1;
    xapc_error err = {.message = "out of memory"};
    if (rc == 0 && xapc_compact((const char *const *)paths, plan->count, dest, &err) != XAPC_OK)
        rc = -1;
    if (rc != 0)
        fprintf(stderr, "indexer: %s: cannot merge the parts: %s\n", r->opt->db, err.message);
    for (unsigned k = 0; paths && k < plan->count; k++)
        free(paths[k]);
    free(paths);
    return rc;
}

/* The jobs write the plan's parts, each taking the next part not taken. */
static int write_parts(run *r, parts_plan *plan, unsigned n)
{
    run jobs[JOBS_MAX];
    unsigned made = 0;
    int rc = 0;
    for (; made < n; made++) {
        if (job_init(&jobs[made], r, NULL) != 0) {
            rc = -1;
            break;
        }
        jobs[made].plan = plan;
    }
    if (rc == 0)
        rc = run_jobs(r, jobs, n, parts_job_main);
    for (unsigned i = 0; i < made; i++)
        vp_docbuilder_free(jobs[i].builder);
    return rc;
}

/* A full build of one database in the parts of plan (see
 * PART_BYTES_DEFAULT) on n jobs, beside it: merged into the fresh folder of
 * a rebuild, which then serves the rest of the run and is swapped in at the
 * end (an empty database is rebuilt the same way).  The live database stays
 * open meanwhile: its lock. */
static int index_parts(run *r, parts_plan *plan, unsigned n, vp_shards **live,
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
    int rc = make_parts_dir(rb->parts);
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

/* True when the database holds no report: nothing to keep, so --jobs may
 * build it from parts. */
static bool empty_database(run *r)
{
    xapc_error err;
    return xapc_db_doccount(xapc_wdb_reader(vp_shards_meta(r->shards)), &err) == 0 &&
           err.status == XAPC_OK;
}

static int make_builder(run *r)
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
static int index_sources(run *r, vp_shards **live, vp_rebuild *rb)
{
    unsigned jobs = r->opt->jobs;
    if (vp_shards_is_set(r->shards)) {
        unsigned n = vp_shards_count(r->shards) < jobs ? vp_shards_count(r->shards) : jobs;
        return n > 1 ? (make_builder(r) == 0 ? index_shards_in_jobs(r, n) : -1)
                     : (make_builder(r) == 0 ? index_all(r) : -1);
    }
    if (r->opt->rebuild || empty_database(r)) {
        parts_plan plan = {0};
        if (plan_parts(&plan, r->sources, jobs) != 0)
            return -1;
        bool in_parts = plan.count > 1;   /* with jobs, or beyond one part */
        int rc = in_parts ? index_parts(r, &plan, jobs, live, rb) : 0;
        free(plan.bounds);
        if (in_parts)
            return rc == 0 && make_builder(r) == 0 ? 0 : -1;
    }
    if (jobs > 1)
        fprintf(stderr, "indexer: note: --jobs %u: updating an existing database runs on "
                "one thread (--rebuild builds it on %u)\n", jobs, jobs);
    return make_builder(r) == 0 ? index_all(r) : -1;
}

/* Corpus-wide canonical speaker names (speakers_corpus.h), over the whole
 * database so that earlier reports get a full name a new one brings. */
static int resolve_speakers(run *r)
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
static int sync_spelling(run *r)
{
    if (r->n.indexed + r->n.removed == 0 && r->pending == 0)
        return 0;
    xapc_error err;
    xapc_error_clear(&err);
    xapc_db *all = xapc_db_new_empty(&err);
    for (unsigned i = 0; all && i < vp_shards_count(r->shards); i++)
        if (xapc_db_add(all, xapc_wdb_reader(vp_shards_at(r->shards, i)), &err) != XAPC_OK)
            break;
    if (err.status == XAPC_OK)
        vp_spelling_sync(vp_shards_meta(r->shards), all, NULL, &err);
    xapc_db_free(all);
    if (err.status != XAPC_OK) {
        fprintf(stderr, "indexer: %s: cannot update the spelling table: %s\n", r->opt->db,
                err.message);
        return -1;
    }
    r->pending++;
    return 0;
}

static int finish(run *r)
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
    return commit_if_due(r, true);
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

int main(int argc, char **argv)
{
    options opt;
    int rc = parse_options(argc, argv, &opt);
    if (rc != 0)
        return rc;
    data d = {0};
    vp_sources sources = {0};
    if (load_data(opt.data_dir, &d) != 0 || collect_sources(&opt, &sources) != 0) {
        free_data(&d);
        vp_sources_clear(&sources);
        return EXIT_FATAL;
    }
    double started = vp_now_ms();
    run r = {.opt = &opt, .data = &d, .sources = &sources,
             .ctx = {.gazetteer = d.gazetteer, .themes = d.themes,
                     .speaker_words = d.speaker_words},
             .n = {.skipped = sources.n_problems},
             .lock = PTHREAD_MUTEX_INITIALIZER};
    vp_shards *live = NULL;
    vp_rebuild rebuild = {0};
    r.shards = open_database(&opt, &live, &rebuild);
    if (r.shards)
        r.data_changed = !data_unchanged(vp_shards_meta(r.shards), &d);
    bool done = r.shards && index_sources(&r, &live, &rebuild) == 0 &&
                remove_missing(&r, &sources) == 0 &&
                resolve_speakers(&r) == 0 && finish(&r) == 0;
    if (done)
        write_facet_column((opt.rebuild || r.swap) ? rebuild.fresh : opt.db);
    vp_docbuilder_free(r.builder);
    vp_shards_free(r.shards); /* an unfinished run keeps its last commit */
    if ((opt.rebuild || r.swap) && done)
        done = swap_in_rebuild(&live, &rebuild) == 0;
    vp_shards_free(live);
    vp_rebuild_finish(&rebuild); /* the old index, or the unfinished new one */
    rc = EXIT_FATAL;
    if (done) {
        rc = r.n.skipped + r.n.warned > 0 ? EXIT_PROBLEMS : 0;
        if (!opt.quiet)
            printf("indexed %zu, unchanged %zu, removed %zu, skipped %zu, with problems %zu"
                   " (%zu files) in %.2f s\n", r.n.indexed, r.n.unchanged, r.n.removed,
                   r.n.skipped, r.n.warned, sources.len, (vp_now_ms() - started) / 1e3);
    }
    free_data(&d);
    vp_sources_clear(&sources);
    return rc;
}
