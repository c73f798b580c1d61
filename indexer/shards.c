/*
 * shards.c: the writable database(s) of one indexer run (see shards.h), in
 * the layout that model/layout.h describes.
 */
#include "shards.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mem.h"
#include "sys.h"

struct vp_shards {
    unsigned n;
    xapc_wdb **dbs;     /* n document databases */
    xapc_wdb *meta;     /* == dbs[0] for the single layout */
};

/* ---- the layout on disk (model/layout.h) -------------------------------- */

/* Shards listed in PATH/XAPIANDB; -1 when there is no stub. */
static int stub_entries(const char *dir)
{
    char *p = vp_path_join(dir, VP_LAYOUT_STUB);
    vp_stub stub = VP_STUB_INIT;
    int n = vp_stub_read(p, &stub) == 0 ? (int)stub.len : -1;
    vp_stub_clear(&stub);
    free(p);
    return n;
}

static xapc_wdb *open_one(const char *path, bool rebuild, char *errbuf, size_t errlen)
{
    xapc_error err;
    xapc_wdb *wdb = xapc_wdb_open(path, rebuild ? XAPC_WDB_CREATE_OR_OVERWRITE
                                                : XAPC_WDB_CREATE_OR_OPEN, &err);
    if (!wdb && err.status == XAPC_ERR_LOCKED)
        snprintf(errbuf, errlen, "%s: database is locked by another indexer", path);
    else if (!wdb)
        snprintf(errbuf, errlen, "%s: cannot open the database for writing: %s", path,
                 err.message);
    return wdb;
}

/* ---- opening --------------------------------------------------------------- */

static vp_shards *alloc_shards(unsigned n)
{
    vp_shards *s = vp_xcalloc(1, sizeof *s);
    s->dbs = vp_xcalloc(n, sizeof *s->dbs);
    s->n = n;
    return s;
}

static vp_shards *open_single(const char *path, bool rebuild, char *errbuf, size_t errlen)
{
    vp_shards *s = alloc_shards(1);
    s->meta = s->dbs[0] = open_one(path, rebuild, errbuf, errlen);
    if (!s->meta) {
        vp_shards_free(s);
        return NULL;
    }
    return s;
}

/* How many shards to open, or 0 with errbuf set when the request cannot be
 * honoured without losing the user's index. */
static unsigned shard_count(const char *path, unsigned wanted, bool rebuild,
                            char *errbuf, size_t errlen)
{
    int have = stub_entries(path);
    if (vp_layout_is_database(path)) {
        snprintf(errbuf, errlen, "%s holds a single database; index the shards into a "
                 "new path (or remove this one first)", path);
        return 0;
    }
    if (wanted == 0)
        return (unsigned)have;
    if (have > 0 && (unsigned)have != wanted && !rebuild) {
        snprintf(errbuf, errlen, "%s holds %d shards, not %u: the number of shards "
                 "only changes with --rebuild", path, have, wanted);
        return 0;
    }
    return wanted;
}

static vp_shards *open_sharded(const char *path, unsigned wanted, bool rebuild,
                               char *errbuf, size_t errlen)
{
    if (mkdir(path, 0777) != 0 && errno != EEXIST) {
        snprintf(errbuf, errlen, "%s: cannot create the folder: %s", path, strerror(errno));
        return NULL;
    }
    unsigned n = shard_count(path, wanted, rebuild, errbuf, errlen);
    if (n == 0)
        return NULL;
    vp_shards *s = alloc_shards(n);
    char *meta = vp_path_join(path, VP_LAYOUT_META);
    bool ok = (s->meta = open_one(meta, rebuild, errbuf, errlen)) != NULL;
    free(meta);
    for (unsigned i = 0; ok && i < n; i++) {
        char name[32];
        vp_shard_name(i, name);
        char *p = vp_path_join(path, name);
        ok = (s->dbs[i] = open_one(p, rebuild, errbuf, errlen)) != NULL;
        free(p);
    }
    if (ok && vp_stub_write(path, n, errbuf, errlen) == 0)
        return s;
    vp_shards_free(s);
    return NULL;
}

vp_shards *vp_shards_open(const char *path, unsigned n_shards, bool rebuild,
                          char *errbuf, size_t errlen)
{
    if (n_shards > VP_SHARDS_MAX) {
        snprintf(errbuf, errlen, "at most %d shards", VP_SHARDS_MAX);
        return NULL;
    }
    if (n_shards == 0 && stub_entries(path) <= 0)
        return open_single(path, rebuild, errbuf, errlen);
    return open_sharded(path, n_shards, rebuild, errbuf, errlen);
}

void vp_shards_free(vp_shards *s)
{
    if (!s)
        return;
    for (unsigned i = 0; i < s->n; i++)
        if (s->dbs[i] != s->meta)
            xapc_wdb_free(s->dbs[i]);
    xapc_wdb_free(s->meta);
    free(s->dbs);
    free(s);
}

/* ---- use ----------------------------------------------------------------- */

bool vp_shards_is_set(const vp_shards *s)
{
    return s->meta != s->dbs[0];
}

unsigned vp_shards_count(const vp_shards *s)
{
    return s->n;
}

xapc_wdb *vp_shards_at(vp_shards *s, unsigned i)
{
    return s->dbs[i];
}

xapc_wdb *vp_shards_for_id(vp_shards *s, const char *id)
{
    return s->dbs[vp_shard_of(id, s->n)];
}

xapc_wdb *vp_shards_meta(vp_shards *s)
{
    return s->meta;
}

static xapc_status commit_one(xapc_wdb *wdb, vp_shards_prepare_fn prepare, xapc_error *err)
{
    if (prepare && !prepare(wdb, err))
        return err->status;
    return xapc_wdb_commit(wdb, err);
}

xapc_status vp_shards_commit_some(vp_shards *s, unsigned first, unsigned step,
                                  vp_shards_prepare_fn prepare, xapc_error *err)
{
    for (unsigned i = first; i < s->n; i += step ? step : 1) {
        if (s->dbs[i] == s->meta)
            continue;
        xapc_status st = commit_one(s->dbs[i], prepare, err);
        if (st != XAPC_OK)
            return st;
    }
    return XAPC_OK;
}

/* Documents first, meta last: a reader that sees the new data hash in meta
 * also sees the documents it was computed for. */
xapc_status vp_shards_commit(vp_shards *s, vp_shards_prepare_fn prepare, xapc_error *err)
{
    xapc_status st = vp_shards_commit_some(s, 0, 1, prepare, err);
    return st != XAPC_OK ? st : commit_one(s->meta, prepare, err);
}
