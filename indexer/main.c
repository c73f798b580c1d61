/*
 * main.c: the `indexer` program.
 *
 *   indexer --db PATH [--shards N] [--rebuild] [--data DIR] [--batch N] [--quiet] PATH...
 *
 * Reads top to bottom as a run does: options, data files, the files to
 * index, the database, then one pass over the files (unchanged ones are
 * recognised by their stamp and left alone), the removal of reports whose
 * file is gone, and the summary.  Exit codes: 0 everything indexed, 1 some
 * file had a problem (reported, and skipped or indexed without the bad
 * field), 2 usage or fatal error.
 */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "datadir.h"
#include "docbuild.h"
#include "extract.h"
#include "gazetteer.h"
#include "ingest.h"
#include "progress.h"
#include "rebuild.h"
#include "scan.h"
#include "schema.h"
#include "shards.h"
#include "speakers_corpus.h"
#include "strvec.h"
#include "synonyms.h"
#include "text.h"
#include "themes.h"
#include "xapian_c.h"

/* Bumped whenever extraction or the document layout changes: it is part of
 * every document's stamp, so an existing database is re-extracted even
 * though no report changed. */
#define VP_EXTRACTOR_VERSION "1"

enum { EXIT_PROBLEMS = 1, EXIT_FATAL = 2 };

typedef struct options {
    const char *db;
    const char *data_dir;
    bool rebuild, quiet;
    bool errors_json;   /* problems as JSON lines (--errors-json) */
    unsigned batch;
    unsigned shards;    /* 0: one database, or the shard set already at db */
    char **paths;
    int n_paths;
} options;

typedef struct data {
    vp_gazetteer *gazetteer;
    vp_themes *themes;
    vp_synonyms synonyms;
    char hash[17];      /* of the data files and VP_EXTRACTOR_VERSION */
} data;

typedef struct counts {
    size_t indexed, unchanged, removed, skipped, warned;
} counts;

/* ---- options ------------------------------------------------------------ */

static void usage(FILE *out)
{
    fprintf(out,
        "usage: indexer --db PATH [--shards N] [--rebuild] [--data DIR] [--batch N]\n"
        "               [--quiet] PATH...\n"
        "\n"
        "Indexes the Markdown reports (*.md) under each PATH into the Xapian\n"
        "database at --db.  Unchanged reports are left alone, changed ones are\n"
        "replaced, and reports whose file is gone are removed.\n"
        "\n"
        "  --db PATH     the database folder (created when missing)\n"
        "  --shards N    make PATH a folder of N shards and a stub file (see README)\n"
        "  --rebuild     start from an empty database\n"
        "  --data DIR    gazetteer, themes and synonyms (default %s)\n"
        "  --batch N     commit every N changed reports (default 1000)\n"
        "  --quiet       no progress and no summary (problems are still reported)\n"
        "  --errors-json each problem as one JSON object per line on stderr:\n"
        "                path, line, message, action (skipped or indexed)\n"
        "  --help, --version\n"
        "\n"
        "Exit status: 0 all indexed, 1 some files had problems (one line each on\n"
        "stderr), 2 usage or fatal error.\n", vp_default_data_dir());
}

static int parse_options(int argc, char **argv, options *o)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'},   {"data", required_argument, NULL, 'D'},
        {"rebuild", no_argument, NULL, 'r'},    {"quiet", no_argument, NULL, 'q'},
        {"batch", required_argument, NULL, 'b'}, {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},    {"errors-json", no_argument, NULL, 'J'},
        {"shards", required_argument, NULL, 's'}, {NULL, 0, NULL, 0}};
    *o = (options){.data_dir = vp_default_data_dir(), .batch = 1000};
    int c;
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': o->db = optarg; break;
        case 'D': o->data_dir = optarg; break;
        case 'r': o->rebuild = true; break;
        case 'q': o->quiet = true; break;
        case 'J': o->errors_json = true; break;
        case 'b': {
            char *end;
            long n = strtol(optarg, &end, 10);
            if (*end || n < 1 || n > 1000000) {
                fprintf(stderr, "indexer: --batch wants a number from 1 to 1000000\n");
                return EXIT_FATAL;
            }
            o->batch = (unsigned)n;
            break;
        }
        case 's': {
            char *end;
            long n = strtol(optarg, &end, 10);
            if (*end || n < 1 || n > VP_SHARDS_MAX) {
                fprintf(stderr, "indexer: --shards wants a number from 1 to %d\n", VP_SHARDS_MAX);
                return EXIT_FATAL;
            }
            o->shards = (unsigned)n;
            break;
        }
        case 'h': usage(stdout); exit(0);
        case 'V': printf("indexer (Vindplaats) %s, Xapian %s\n", VINDPLAATS_VERSION, xapc_version()); exit(0);
        default: usage(stderr); return EXIT_FATAL;
        }
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

static char *data_path(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", dir, name);
    return p;
}

/* Reads a whole file; NULL with errno set on failure. */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t cap = 0, n = 0;
    for (;;) {
        if (n + 65536 + 1 > cap) {
            cap = (n + 65536 + 1) * 2;
            char *grown = realloc(buf, cap);
            if (!grown) {
                free(buf);
                fclose(f);
                errno = ENOMEM;
                return NULL;
            }
            buf = grown;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
    }
    int failed = ferror(f);
    fclose(f);
    if (failed) {
        free(buf);
        errno = EIO;
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

static int load_data(const char *dir, data *d)
{
    static const char *names[] = {"gemeenten.tsv", "themes.tsv", "synonyms.tsv"};
    char err[512] = "";
    char *paths[3];
    uint64_t h = vp_fnv1a(VP_FNV1A_INIT, VP_EXTRACTOR_VERSION VP_SCHEMA_VERSION,
                       strlen(VP_EXTRACTOR_VERSION VP_SCHEMA_VERSION));
    for (int i = 0; i < 3; i++)
        paths[i] = data_path(dir, names[i]);
    int rc = 0;
    for (int i = 0; i < 3 && rc == 0; i++) {
        size_t len;
        char *content = paths[i] ? read_file(paths[i], &len) : NULL;
        if (!content) {
            fprintf(stderr, "indexer: %s: %s\n", paths[i] ? paths[i] : names[i], strerror(errno));
            rc = -1;
        }
        h = vp_fnv1a(h, content ? content : "", content ? len : 0);
        free(content);
    }
    if (rc == 0 && !(d->gazetteer = vp_gazetteer_load(paths[0], err, sizeof err)))
        rc = -1;
    if (rc == 0 && !(d->themes = vp_themes_load(paths[1], err, sizeof err)))
        rc = -1;
    if (rc == 0 && vp_synonyms_load(paths[2], &d->synonyms, err, sizeof err) != 0)
        rc = -1;
    if (rc != 0 && err[0])
        fprintf(stderr, "indexer: %s\n", err);
    snprintf(d->hash, sizeof d->hash, "%016llx", (unsigned long long)h);
    for (int i = 0; i < 3; i++)
        free(paths[i]);
    return rc;
}

static void free_data(data *d)
{
    vp_gazetteer_free(d->gazetteer);
    vp_themes_free(d->themes);
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

typedef struct run {
    const options *opt;
    data *data;
    vp_shards *shards;   /* documents by id; metadata, spelling, synonyms in meta */
    vp_docbuilder *builder;
    vp_extract_ctx ctx;
    bool data_changed;   /* synonyms to store, data hash to record */
    unsigned pending;    /* changes since the last commit */
    counts n;
    vp_progress progress;
} run;

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
    vp_progress_clear(&r->progress);
    if (r->opt->errors_json)
        report_problem_json(src, line, msg, skipped);
    else if (line > 0)
        fprintf(stderr, "%s:%d: %s\n", src->abs_path, line, msg);
    else
        fprintf(stderr, "%s: %s\n", src->abs_path, msg);
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

static int commit_if_due(run *r, bool force)
{
    if (r->pending == 0 || (!force && r->pending < r->opt->batch))
        return 0;
    xapc_error err;
    if (vp_shards_commit(r->shards, write_schema, &err) != XAPC_OK) {
        fprintf(stderr, "indexer: %s: commit failed: %s\n", r->opt->db, err.message);
        return -1;
    }
    r->pending = 0;
    return 0;
}

static int store_document(run *r, const vp_document *d, const char *idterm,
                          const char *stamp)
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
        rc = store_document(r, &d, idterm, stamp);
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
    char *content = read_file(src->abs_path, &len);
    if (!content) {
        report_problem(r, src, 0, strerror(errno), true);
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

static int collect_sources(const options *o, vp_sources *sources)
{
    for (int i = 0; i < o->n_paths; i++) {
        char err[512];
        if (vp_scan_path(sources, o->paths[i], err, sizeof err) != 0) {
            fprintf(stderr, "indexer: %s\n", err);
            return -1;
        }
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

static int index_all(run *r, const vp_sources *sources)
{
    vp_progress_start(&r->progress, sources->len, r->opt->quiet);
    for (size_t i = 0; i < sources->len; i++) {
        if (duplicate_id(sources, i)) {
            report_problem(r, &sources->items[i], 0,
                           "same relative path as an earlier file; skipped", true);
            r->n.skipped++;
        } else if (index_file(r, &sources->items[i]) != 0) {
            return -1;
        }
        vp_progress_tick(&r->progress);
    }
    vp_progress_clear(&r->progress);
    return 0;
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

static int finish(run *r)
{
    xapc_error err;
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
    double started = vp_now();
    run r = {.opt = &opt, .data = &d,
             .ctx = {.gazetteer = d.gazetteer, .themes = d.themes}};
    vp_shards *live = NULL;
    vp_rebuild rebuild = {0};
    r.shards = open_database(&opt, &live, &rebuild);
    xapc_error err;
    if (r.shards) {
        r.data_changed = !data_unchanged(vp_shards_meta(r.shards), &d);
        r.builder = vp_docbuilder_new(VP_DEFAULT_STEMMER, d.gazetteer,
                                      vp_shards_meta(r.shards), &err);
        if (!r.builder)
            fprintf(stderr, "indexer: %s\n", err.message);
    }
    bool done = r.builder && index_all(&r, &sources) == 0 &&
                remove_missing(&r, &sources) == 0 &&
                resolve_speakers(&r) == 0 && finish(&r) == 0;
    vp_docbuilder_free(r.builder);
    vp_shards_free(r.shards); /* an unfinished run keeps its last commit */
    if (opt.rebuild && done)
        done = swap_in_rebuild(&live, &rebuild) == 0;
    vp_shards_free(live);
    vp_rebuild_finish(&rebuild); /* the old index, or the unfinished new one */
    rc = EXIT_FATAL;
    if (done) {
        rc = r.n.skipped + r.n.warned > 0 ? EXIT_PROBLEMS : 0;
        if (!opt.quiet)
            printf("indexed %zu, unchanged %zu, removed %zu, skipped %zu, with problems %zu"
                   " (%zu files) in %.2f s\n", r.n.indexed, r.n.unchanged, r.n.removed,
                   r.n.skipped, r.n.warned, sources.len, vp_now() - started);
    }
    free_data(&d);
    vp_sources_clear(&sources);
    return rc;
}
