/*
 * dbset.c: opens a database, a shard folder or a stub file (see dbset.h),
 * as model/layout.h lays them out.
 */
#include "dbset.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "layout.h"

static vp_stub_id identify(const char *stub)
{
    struct stat st;
    vp_stub_id id = {0};
    if (stub && stat(stub, &st) == 0)
        id = (vp_stub_id){true, (uint64_t)st.st_dev, (uint64_t)st.st_ino, (uint64_t)st.st_size,
                          (uint64_t)st.st_mtim.tv_sec * 1000000000u + (uint64_t)st.st_mtim.tv_nsec};
    return id;
}

/* ---- one stub line ------------------------------------------------------- */

static xapc_db *open_remote(const char *where, xapc_error *xe)
{
    const char *colon = strrchr(where, ':');
    char *end = NULL;
    long port = colon ? strtol(colon + 1, &end, 10) : 0;
    if (!colon || colon == where || !end || *end || port < 1 || port > 65535) {
        xe->status = XAPC_ERR_INVALID;
        snprintf(xe->message, sizeof xe->message, "want `remote HOST:PORT`");
        return NULL;
    }
    char host[256];
    snprintf(host, sizeof host, "%.*s", (int)(colon - where), where);
    return xapc_db_open_remote(host, (unsigned)port, VP_REMOTE_TIMEOUT_MS,
                               VP_REMOTE_CONNECT_TIMEOUT_MS, xe);
}

static xapc_db *open_local(const char *stub, const vp_stub_entry *e, xapc_error *xe)
{
    char *p = vp_stub_entry_path(stub, e);
    xapc_db *db = xapc_db_open(p, xe);
    free(p);
    return db;
}

/* Opens the shard one stub entry names. */
static xapc_db *open_entry(const char *stub, const vp_stub_entry *e, xapc_error *xe)
{
    if (!strcmp(e->type, "remote"))
        return open_remote(e->where, xe);
    if (!strcmp(e->type, "auto") || !strcmp(e->type, "glass") || !strcmp(e->type, "chert") ||
        !strcmp(e->type, "honey"))
        return open_local(stub, e, xe);
    xe->status = XAPC_ERR_INVALID;
    snprintf(xe->message, sizeof xe->message,
             "unknown entry type (want auto, glass or remote HOST:PORT)");
    return NULL;
}

/* Adds every shard of the stub to set->db. */
static int open_stub(vp_dbset *set, const char *stub, char *errbuf, size_t errlen)
{
    vp_stub entries = VP_STUB_INIT;
    if (vp_stub_read(stub, &entries) != 0) {
        snprintf(errbuf, errlen, "%s: %s", stub, strerror(errno));
        return -1;
    }
    int rc = 0;
    xapc_error xe;
    xapc_error_clear(&xe);
    for (size_t i = 0; rc == 0 && i < entries.len; i++) {
        const vp_stub_entry *e = &entries.entries[i];
        xapc_db *shard = open_entry(stub, e, &xe);
        set->remote = set->remote || !strcmp(e->type, "remote");
        if (!shard || xapc_db_add(set->db, shard, &xe) != XAPC_OK) {
            snprintf(errbuf, errlen, "%s:%d: shard `%s %s` is unavailable: %s", stub, e->line,
                     e->type, e->where, xe.message);
            rc = -1;
        }
        xapc_db_free(shard);
    }
    vp_stub_clear(&entries);
    return rc;
}

/* ---- the set ----------------------------------------------------------------- */

static int open_meta(vp_dbset *set, const char *stub, char *errbuf, size_t errlen)
{
    char *p = vp_stub_meta(stub);
    if (!p)
        return 0;   /* a hand-written stub: no spelling or synonyms, default stemmer */
    xapc_error xe;
    xapc_error_clear(&xe);
    xapc_db *meta = xapc_db_open(p, &xe);
    set->lexicon = meta ? xapc_db_new_empty(&xe) : NULL;
    bool ok = set->lexicon && xapc_db_add(set->lexicon, meta, &xe) == XAPC_OK &&
              xapc_db_add(set->lexicon, set->db, &xe) == XAPC_OK;
    if (!ok)
        snprintf(errbuf, errlen, "%s: %s", p, xe.message);
    xapc_db_free(meta);
    free(p);
    return ok ? 0 : -1;
}

int vp_dbset_open(vp_dbset *set, const char *path, char *errbuf, size_t errlen)
{
    memset(set, 0, sizeof *set);
    xapc_error xe;
    xapc_error_clear(&xe);
    char *stub = vp_stub_find(path);
    if (!stub) {
        set->db = xapc_db_open(path, &xe);
        if (!set->db)
            snprintf(errbuf, errlen, "%s", xe.message);
        return set->db ? 0 : -1;
    }
    set->stub = identify(stub);   /* before reading: a newer stub is seen next time */
    set->db = xapc_db_new_empty(&xe);
    int rc = set->db ? open_stub(set, stub, errbuf, errlen) : -1;
    if (!set->db)
        snprintf(errbuf, errlen, "%s", xe.message);
    if (rc == 0)
        rc = open_meta(set, stub, errbuf, errlen);
    free(stub);
    if (rc != 0)
        vp_dbset_close(set);
    return rc;
}

bool vp_dbset_stub_changed(const vp_dbset *set, const char *path)
{
    char *stub = vp_stub_find(path);
    vp_stub_id now = identify(stub);
    free(stub);
    const vp_stub_id *was = &set->stub;
    return now.present != was->present ||
           (now.present && (now.dev != was->dev || now.ino != was->ino ||
                            now.size != was->size || now.mtime_ns != was->mtime_ns));
}

const xapc_db *vp_dbset_meta(const vp_dbset *set)
{
    return set->lexicon ? set->lexicon : set->db;
}

void vp_dbset_close(vp_dbset *set)
{
    xapc_db_free(set->lexicon);
    xapc_db_free(set->db);
    memset(set, 0, sizeof *set);
}
