/*
 * build_file.c: one file of a run (see build.h): its stamp against the
 * indexed one, ingestion, storing, the commits that keep the run within
 * --batch and --memory, problems on stderr, and the removal of reports
 * whose file is gone.
 */
#include "build_internal.h"

#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ingest.h"
#include "mem.h"
#include "schema.h"
#include "spelling_sync.h"
#include "stamp.h"
#include "strvec.h"
#include "sys.h"
#include "terms.h"

/* Xapian holds a stored report's postings, positions, spelling and data in
 * memory until the commit: about 36 bytes per byte of Markdown in batches
 * of 300 to 1500 bench/gencorpus reports (RSS before and after commits;
 * fewer per byte in larger batches, where reports share terms). */
#define BUFFERED_PER_BYTE 40

vp_run *vp_run_whole(vp_run *r)
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
void vp_run_report_scan_problems(const vp_build_options *o, const vp_sources *sources)
{
    for (size_t i = 0; i < sources->n_problems; i++) {
        const vp_scan_problem *p = &sources->problems[i];
        if (o->errors_json)
            report_problem_json(&(vp_source){.abs_path = p->path}, 0, p->message, true);
        else
            fprintf(stderr, "%s: %s\n", p->path, p->message);
    }
}

static void report_problem(vp_run *r, const vp_source *src, int line, const char *msg,
                           bool skipped)
{
    vp_run *w = vp_run_whole(r);
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

static void tick(vp_run *r)
{
    vp_run *w = vp_run_whole(r);
    pthread_mutex_lock(&w->lock);
    vp_progress_tick(&w->progress);
    pthread_mutex_unlock(&w->lock);
}

/* The shard a report lives in (the one database without shards). */
static xapc_wdb *home_of(vp_run *r, const char *idterm)
{
    return vp_shards_for_id(r->shards, idterm + strlen(VP_PREFIX_ID));
}

/* The stamp of the indexed version of id, or NULL when it is not indexed. */
static char *indexed_stamp(vp_run *r, const char *idterm, xapc_error *err)
{
    const xapc_db *db = xapc_wdb_reader(home_of(r, idterm));
    xapc_docid docid = xapc_db_find_term(db, idterm, err);
    return docid ? xapc_db_document_value(db, docid, VP_SLOT_STAMP, err) : NULL;
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
 * an interrupted re-extraction resumes where it stopped.  Every commit
 * records its time (a feed's updated: searchd/feed.c). */
static bool write_schema(xapc_wdb *wdb, xapc_error *err)
{
    char now[32];
    time_t t = time(NULL);
    struct tm tm;
    strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&t, &tm));
    return xapc_wdb_set_metadata(wdb, VP_META_UPDATED, now, err) == XAPC_OK &&
           xapc_wdb_set_metadata(wdb, VP_META_SCHEMA, VP_SCHEMA_VERSION, err) == XAPC_OK &&
           xapc_wdb_set_metadata(wdb, VP_META_STEMMER, VP_DEFAULT_STEMMER, err) == XAPC_OK &&
           xapc_wdb_set_metadata(wdb, VP_META_PREFIXES, prefix_map_json(), err) == XAPC_OK;
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
static bool near_budget(const vp_run *r)
{
    size_t budget = (size_t)r->opt->memory << 20;
    return resident_bytes() >= budget - budget / 8;
}

bool vp_run_gives_back(size_t resident, size_t budget)
{
    return resident >= budget / 2;
}

/* Every --batch changes, or sooner when the buffered changes near the
 * memory budget.  A job of a shard set commits its own shards only. */
int vp_run_commit(vp_run *r, bool force)
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
    /* Give the freed buffers back once they matter: without it the heap
     * keeps the peak, and a budget would only hold for the first batch's
     * size. */
    if (vp_run_gives_back(resident_bytes(), (size_t)r->opt->memory << 20))
        vp_give_back_memory();
    r->pending = 0;
    r->buffered = 0;
    return 0;
}

static int store_document(vp_run *r, const vp_document *d, const char *idterm,
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
    return vp_run_commit(r, false);
}

/* Ingests one file and stores it.  Returns -1 only for fatal errors. */
static int index_content(vp_run *r, const vp_source *src, const char *content, size_t len,
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

static int index_file(vp_run *r, const vp_source *src)
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
    char quick[VP_STAMP_QUICK_MAX], hash[VP_STAMP_HASH_LEN], stamp[VP_STAMP_MAX];
    vp_stamp_quick(&st, quick, sizeof quick);
    xapc_error err = {0};
    char *old = indexed_stamp(r, idterm, &err);
    int rc = 0;
    if (vp_stamp_same(old, r->data->hash, quick, NULL)) {
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
    vp_stamp_content(content, len, hash);
    snprintf(stamp, sizeof stamp, "%s|%s|%s", r->data->hash, quick, hash);
    if (vp_stamp_same(old, r->data->hash, quick, hash))
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
static int remove_missing_from(vp_run *r, xapc_wdb *wdb, char **seen, size_t n_seen)
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
int vp_run_remove_missing(vp_run *r, const vp_sources *sources)
{
    char **seen = vp_xmalloc((sources->len + 1) * sizeof *seen);
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

/* Two roots can hold the same relative path; the second would overwrite the
 * first, so it is reported and skipped instead. */
static bool duplicate_id(const vp_sources *s, size_t i)
{
    return i > 0 && !strcmp(s->items[i].rel_path, s->items[i - 1].rel_path);
}

/* Whether this job indexes src: all of its range, or in a shard set shared
 * out by step, the reports of its own shards. */
static bool mine(const vp_run *r, const vp_source *src)
{
    if (r->step <= 1)
        return true;
    char *id = vp_ingest_id_for_path(src->rel_path);
    bool yes = id && vp_shard_of(id, vp_shards_count(r->shards)) % r->step == r->first;
    free(id);
    return yes;
}

int vp_run_index_range(vp_run *r)
{
    const vp_sources *sources = r->sources;
    for (size_t i = r->begin; i < r->end; i++) {
        if (atomic_load(&vp_run_whole(r)->failed))
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
size_t vp_run_flush_threshold(const vp_build_options *o, unsigned jobs)
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

size_t vp_run_spelling_step(const vp_build_options *o)
{
    size_t budget = (size_t)o->memory << 20, used = resident_bytes();
    size_t step = used < budget ? (budget - used) / VP_SPELLING_BYTES_PER_WORD : 0;
    return step > 10000 ? step : 10000;
}

int vp_run_index_all(vp_run *r)
{
    r->flush_at = vp_run_flush_threshold(r->opt, 1);
    r->begin = 0;
    r->end = r->sources->len;
    vp_progress_start(&r->progress, r->sources->len, r->opt->quiet);
    int rc = vp_run_index_range(r);
    vp_progress_clear(&r->progress);
    return rc;
}
