/*
 * searcher.c: the searcher's life (see query.h and query_internal.h): one
 * database handle opened lazily, kept at the latest revision (reopened at
 * most every reopen_interval_ms, opened afresh when a shard failed or a
 * new stub names other shards), and the retries of a read that met a
 * revision the writer discarded: the requests' and the reads of a new
 * revision's metadata alike.
 */
#include "query_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "mem.h"
#include "schema.h"
#include "sys.h"

/* Turns a wrapper error into a request error; remembers whether a reopen
 * and retry may help. */
int vp_searcher_fail(vp_searcher *s, const xapc_error *xe, vp_qerror *e, const char *what)
{
    s->modified = xe->status == XAPC_ERR_MODIFIED;
    /* A block of a discarded revision may be reused or cut short: "EOF
     * reading block" is a DatabaseError, read as XAPC_ERR_IO. */
    s->discarded_maybe = xe->status == XAPC_ERR_CORRUPT || xe->status == XAPC_ERR_NOT_FOUND ||
                         xe->status == XAPC_ERR_IO;
    s->timed_out = xe->status == XAPC_ERR_TIMEOUT;
    s->broken = s->broken || s->timed_out || xe->status == XAPC_ERR_NETWORK;
    switch (xe->status) {
    case XAPC_ERR_DEADLINE:
        return vp_budget_fail_deadline(&s->limits, e);
    case XAPC_ERR_QUERY:
        return vp_qfail(e, VP_QERR_BAD_QUERY, "the query cannot be understood: %s",
                        xe->message);
    case XAPC_ERR_NOT_FOUND: case XAPC_ERR_OPENING: case XAPC_ERR_MODIFIED:
    case XAPC_ERR_CORRUPT: case XAPC_ERR_NETWORK: case XAPC_ERR_TIMEOUT: case XAPC_ERR_IO:
    case XAPC_ERR_LOCKED:
        return vp_qfail(e, VP_QERR_UNAVAILABLE, "the index is unavailable (%s: %s)",
                        what, xe->message);
    default:
        return vp_qfail(e, VP_QERR_INTERNAL, "%s failed: %s", what, xe->message);
    }
}

/* ---- opening and reopening --------------------------------------------- */

vp_searcher *vp_searcher_new(const vp_searcher_config *cfg)
{
    vp_searcher *s = vp_xcalloc(1, sizeof *s);
    s->db_path = vp_xstrdup(cfg->db_path);
    s->spell = vp_spell_cache_new();
    s->cache = vp_xcalloc(1, sizeof *s->cache);
    s->cache->sets = vp_docsets_new(VP_DOCSET_BUDGET);
    s->gazetteer = cfg->gazetteer;
    s->themes = cfg->themes;
    s->reopen_interval_ms = cfg->reopen_interval_ms;
    s->limits = vp_budget_defaults();
    return s;
}

/* ---- the request's budget ------------------------------------------------ */

void vp_searcher_start_request(vp_searcher *s)
{
    s->deadline = vp_budget_deadline(&s->limits, vp_now_ms());
}

int vp_searcher_check_deadline(const vp_searcher *s, vp_qerror *e)
{
    return vp_budget_check_deadline(&s->limits, s->deadline, e);
}

void vp_searcher_set_limits(vp_searcher *s, const vp_budget_limits *limits)
{
    s->limits = *limits;
}

const vp_budget_limits *vp_searcher_limits(const vp_searcher *s)
{
    return &s->limits;
}

int vp_searcher_arm(const vp_searcher *s, xapc_enquire *enq, vp_qerror *e)
{
    return vp_budget_arm(enq, s->deadline, s->remote, e);
}

void vp_searcher_forget_counts(vp_searcher *s)
{
    for (int f = 0; f < VP_N_FACETS; f++) {
        vp_facet_counts_free(s->cache->everywhere[f]);
        s->cache->everywhere[f] = NULL;
    }
}

/* A new revision may spell otherwise and count otherwise. */
static void forget_revision(vp_searcher *s)
{
    vp_spell_cache_clear(s->spell);
    vp_searcher_forget_counts(s);
    vp_colcount_free(s->cache->column);
    s->cache->column = NULL;
    s->cache->column_sought_ms = -1e9;
    vp_docsets_clear(s->cache->sets);
    vp_host_names_free(s->cache->hosts);
    s->cache->hosts = NULL;
}

const vp_host_names *vp_searcher_host_names(vp_searcher *s, xapc_error *xe)
{
    xapc_error_clear(xe);
    if (!s->cache->hosts)
        s->cache->hosts = vp_host_names_load(vp_searcher_lexicon(s), xe);
    return s->cache->hosts;
}

bool vp_searcher_counts_by_column(vp_searcher *s)
{
    return s->db && vp_searcher_column(s) != NULL;
}

vp_colcount *vp_searcher_column(vp_searcher *s)
{
    if (s->cache->column || !s->plain || s->remote || !s->db)
        return s->cache->column;
    /* The indexer writes the column just after its commit: a searcher that
     * reopened in between looks again a little later, not per request. */
    double now = vp_now_ms();
    if (now - s->cache->column_sought_ms < 250)
        return NULL;
    s->cache->column_sought_ms = now;
    uint32_t slots[VP_N_FACETS];
    for (int f = 0; f < VP_N_FACETS; f++)
        slots[f] = vp_facet_slots[f];
    char why[300];
    s->cache->column = vp_colcount_open(s->db_path, s->db, slots, why, sizeof why);
    return s->cache->column;
}

static void close_db(vp_searcher *s)
{
    xapc_stem_free(s->stem);
    vp_dbset set = {s->db, s->lexicon, s->stub, s->remote};
    vp_dbset_close(&set);
    s->stem = NULL;
    s->db = s->lexicon = NULL;
    s->broken = false;
}

/* Metadata, spelling, synonyms and term counts: the lexicon beside a stub
 * (remote shards carry none of the first three), else db. */
const xapc_db *vp_searcher_lexicon(const vp_searcher *s)
{
    return s->lexicon ? s->lexicon : s->db;
}

void vp_searcher_free(vp_searcher *s)
{
    if (!s)
        return;
    close_db(s);
    vp_searcher_forget_counts(s);
    vp_colcount_free(s->cache->column);
    vp_docsets_free(s->cache->sets);
    vp_host_names_free(s->cache->hosts);
    vp_spell_cache_free(s->spell);
    free(s->cache);
    free(s->db_path);
    free(s);
}

/* The lexicon's metadata under key into *value (NULL when it has none;
 * caller frees).  0, or -1 with e set (what: for the message). */
static int read_metadata(vp_searcher *s, const char *key, const char *what, char **value,
                         vp_qerror *e)
{
    xapc_error xe;
    xapc_error_clear(&xe);
    *value = xapc_db_get_metadata(vp_searcher_lexicon(s), key, &xe);
    return *value || xe.status == XAPC_OK ? 0 : vp_searcher_fail(s, &xe, e, what);
}

/* The stemmer named in the metadata (meta's, beside a stub); a hand-made
 * stub of remote shards has none, and there the schema's default is all we
 * can know. */
static int load_stemmer(vp_searcher *s, vp_qerror *e)
{
    char *name;
    if (read_metadata(s, VP_META_STEMMER, "reading the stemmer name", &name, e) != 0)
        return -1;
    xapc_error xe;
    xapc_error_clear(&xe);
    xapc_stem *stem = xapc_stem_new_memo(name && *name ? name : VP_DEFAULT_STEMMER, &xe);
    free(name);
    if (!stem)
        return vp_qfail(e, VP_QERR_UNAVAILABLE, "the index names a stemmer this "
                        "Xapian does not know: %s", xe.message);
    xapc_stem_free(s->stem);
    s->stem = stem;
    return 0;
}

/* The handle is at a revision this searcher has not seen. */
static int new_revision(vp_searcher *s, vp_qerror *e)
{
    forget_revision(s);
    s->metadata_unread = load_stemmer(s, e) != 0;
    return s->metadata_unread ? -1 : 0;
}

/* An index written for another schema (an older indexer: no sort keys) is
 * refused until the indexer has re-indexed it, which its next normal run
 * does (the schema version is part of the data hash).  A hand-made stub of
 * remote shards records no version: nothing to check. */
static int check_schema(vp_searcher *s, vp_qerror *e)
{
    char *version;
    if (read_metadata(s, VP_META_SCHEMA, "reading the schema version", &version, e) != 0)
        return -1;
    int rc = 0;
    if (version && *version && strcmp(version, VP_SCHEMA_VERSION) != 0)
        rc = vp_qfail(e, VP_QERR_UNAVAILABLE, "the index at %s has schema version %.20s "
                      "and this program reads version " VP_SCHEMA_VERSION ": run the "
                      "indexer on it (a normal run re-indexes every report)",
                      s->db_path, version);
    free(version);
    return rc;
}

/* True when the lexicon, whose metadata a read just failed to get, is now
 * at a newer revision: the one read may have been discarded under it.  No
 * newer revision: the error is what it says (the rule the search path has,
 * vp_searcher_with_retry). */
static bool moved_on(vp_searcher *s)
{
    xapc_db *lexicon = s->lexicon ? s->lexicon : s->db;
    bool changed = false;
    xapc_error xe;
    xapc_error_clear(&xe);
    return xapc_db_reopen(lexicon, &changed, &xe) == XAPC_OK && changed;
}

/* The metadata reads of an attempt (the stemmer's name ...): 0, or -1
 * with e set. */
typedef int (*metadata_read)(vp_searcher *s, vp_qerror *e);

/* How many times a request runs again at the newest revision when the
 * revision it read was discarded.  Xapian keeps the last two revisions
 * readable, so an indexer committing twice while a request reads (a commit
 * per report, a loaded machine) discards it; each retry reopens at the
 * newest, so a few suffice unless commits come nearly as fast as a request
 * reads: under AddressSanitizer, `indexer --batch 1` (e2e_revisions)
 * discarded one request's revision five times running, so 4 was too few.
 * The request's deadline still bounds the retries. */
enum { MODIFIED_RETRIES = 16 };

/* One attempt at opening or reopening: 0, or -1 with e set and s->modified
 * telling whether the revision read was discarded under it. */
typedef int (*db_attempt)(vp_searcher *s, vp_qerror *e);

/* Runs attempt, and again while it fails on a discarded revision, at most
 * MODIFIED_RETRIES times more.  With stop_when_broken (reopening) a shard
 * set that failed ends the retries: reopening it would wait out its timeout
 * again, and the next request reconnects.  Opening goes on: opening afresh
 * is how a failed set is replaced (replace_db). */
static int retry_while_modified(vp_searcher *s, db_attempt attempt, bool stop_when_broken,
                                vp_qerror *e)
{
    int rc = attempt(s, e);
    for (int i = 0; rc != 0 && s->modified && !(stop_when_broken && s->broken) &&
                    i < MODIFIED_RETRIES; i++) {
        s->modified = false;
        rc = attempt(s, e);
    }
    return rc;
}

/* Runs read, and again while it fails on what may be a discarded revision
 * (corrupt, missing or cut-short blocks: s->discarded_maybe) and a newer
 * one is there, at most MODIFIED_RETRIES times more; a
 * DatabaseModifiedError is retry_while_modified's. */
static int read_while_discarded(vp_searcher *s, metadata_read read, vp_qerror *e)
{
    s->discarded_maybe = false;
    int rc = read(s, e);
    for (int i = 0; rc != 0 && s->discarded_maybe && !s->modified && i < MODIFIED_RETRIES &&
                    moved_on(s); i++) {
        s->discarded_maybe = false;
        rc = read(s, e);
    }
    return rc;
}

/* What a freshly opened handle reads first. */
static int read_opened(vp_searcher *s, vp_qerror *e)
{
    return check_schema(s, e) != 0 ? -1 : new_revision(s, e);
}

static int open_db_once(vp_searcher *s, vp_qerror *e)
{
    vp_dbset set;
    char msg[400];
    if (vp_dbset_open(&set, s->db_path, msg, sizeof msg) != 0)
        return vp_qfail(e, VP_QERR_UNAVAILABLE, "the index at %s cannot be opened: %s",
                        s->db_path, msg);
    s->db = set.db;
    s->lexicon = set.lexicon;
    s->stub = set.stub;
    s->remote = set.remote;
    s->plain = !set.remote && !set.lexicon && vp_layout_is_database(s->db_path);
    s->last_check_ms = vp_now_ms();
    if (read_while_discarded(s, read_opened, e) != 0) {
        close_db(s);
        return -1;
    }
    return 0;
}

/* See MODIFIED_RETRIES: the revision just opened may be discarded before
 * its metadata is read. */
int vp_searcher_open(vp_searcher *s, vp_qerror *e)
{
    s->modified = false;
    return retry_while_modified(s, open_db_once, false, e);
}

/* Opens the index afresh beside the open one and swaps it in.  When that
 * fails and the old set still works (a new stub naming a shard that is not
 * up yet), the old set stays in use and no request fails. */
static int replace_db(vp_searcher *s, vp_qerror *e)
{
    vp_searcher old = *s;
    s->db = s->lexicon = NULL;
    s->stem = NULL;
    if (vp_searcher_open(s, e) == 0 || old.broken) {
        close_db(&old);
        return s->db ? 0 : -1;
    }
    *s = old;
    s->last_check_ms = vp_now_ms();
    return 0;
}

static int reopen_db_once(vp_searcher *s, vp_qerror *e)
{
    xapc_error xe;
    xapc_error_clear(&xe);
    bool changed = false;
    s->last_check_ms = vp_now_ms();
    /* Xapian's reopen() does not re-read a stub: a new stub is a new set. */
    if (vp_dbset_stub_changed(&(vp_dbset){.stub = s->stub}, s->db_path))
        return replace_db(s, e);
    if (xapc_db_reopen(s->db, &changed, &xe) != XAPC_OK ||
        (s->lexicon && xapc_db_reopen(s->lexicon, NULL, &xe) != XAPC_OK)) {
        /* A shard that does not answer would make opening afresh wait out
         * the timeout again: fail now, reconnect on the next request. */
        if (xe.status == XAPC_ERR_TIMEOUT)
            return vp_searcher_fail(s, &xe, e, "reopening the index");
        /* The database may have been replaced under us: start afresh. */
        close_db(s);
        return vp_searcher_open(s, e);
    }
    return changed || s->metadata_unread ? read_while_discarded(s, new_revision, e) : 0;
}

/* Reopening reads the new revision's metadata (its stemmer), and two quick
 * commits may discard that revision before the read: reopen again. */
static int reopen_db(vp_searcher *s, vp_qerror *e)
{
    int rc = retry_while_modified(s, reopen_db_once, true, e);
    if (rc != 0)
        s->last_check_ms = -1e9;   /* the next request tries again */
    return rc;
}

int vp_searcher_refresh(vp_searcher *s, vp_qerror *e)
{
    if (!s->db)
        return vp_searcher_open(s, e);
    if (s->broken)      /* a shard failed: reconnect (a clear 503 while it is down) */
        return replace_db(s, e);
    if (vp_now_ms() - s->last_check_ms >= s->reopen_interval_ms)
        return reopen_db(s, e);
    return 0;
}

int vp_searcher_stats(vp_searcher *s, unsigned *documents,
                      unsigned long long *revision, vp_qerror *e)
{
    if (vp_searcher_refresh(s, e) != 0)
        return -1;
    xapc_error xe;
    xapc_error_clear(&xe);
    *documents = xapc_db_doccount(s->db, &xe);
    if (xe.status != XAPC_OK)
        return vp_searcher_fail(s, &xe, e, "counting documents");
    *revision = xapc_db_revision(s->db, &xe);  /* 0 for shards: not an error */
    return 0;
}

json_t *vp_searcher_with_retry(vp_searcher *s, vp_read_fn fn, const void *arg,
                               vp_qerror *e)
{
    if (vp_searcher_refresh(s, e) != 0)
        return NULL;
    s->modified = s->discarded_maybe = s->timed_out = false;
    json_t *out = fn(s, arg, e);
    for (int i = 0; !out && (s->modified || s->discarded_maybe) && !s->broken &&
                    !s->timed_out && i < MODIFIED_RETRIES; i++) {
        /* Reading a revision the writer has just discarded may also end in
         * corrupt data or a missing document: that is retried only when a
         * newer revision is there, else it is what it says. */
        xapc_error xe;
        xapc_error_clear(&xe);
        uint64_t read = xapc_db_revision(s->db, &xe);
        bool maybe = !s->modified;
        if (reopen_db(s, e) != 0)
            return NULL;
        if (maybe && xapc_db_revision(s->db, &xe) == read)
            return NULL;
        s->modified = s->discarded_maybe = false;
        out = fn(s, arg, e);
    }
    if (out || !s->broken || s->timed_out)
        return out;
    /* A shard server that restarted closed our connection to it: one
     * reconnection answers this request (a shard still down fails fast).
     * Not after a timeout: a shard that is alive but not answering would
     * make this request wait out the timeout once more; the next request
     * reconnects. */
    if (replace_db(s, e) != 0)
        return NULL;
    s->modified = false;
    return fn(s, arg, e);
}

int vp_searcher_doccount(vp_searcher *s, uint32_t *n, vp_qerror *e)
{
    xapc_error xe;
    xapc_error_clear(&xe);
    *n = xapc_db_doccount(s->db, &xe);
    return xe.status == XAPC_OK ? 0 : vp_searcher_fail(s, &xe, e, "counting documents");
}
