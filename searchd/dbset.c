/*
 * dbset.c: opens a database, a shard folder or a stub file (see dbset.h).
 */
#include "dbset.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sys.h"

#define STUB_NAME "XAPIANDB"
#define META_NAME "meta"

static bool is_file_in(const char *dir, const char *name, bool want_dir)
{
    char *p = vp_path_join(dir, name);
    struct stat st;
    bool yes = p && stat(p, &st) == 0 && (want_dir ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode));
    free(p);
    return yes;
}

/* The stub file path names (itself, or PATH/XAPIANDB in a folder that is not
 * a database of its own); NULL when path names no stub.  Caller frees. */
static char *stub_file(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return NULL;
    if (S_ISREG(st.st_mode))
        return strdup(path);
    if (S_ISDIR(st.st_mode) && !is_file_in(path, "iamglass", false) &&
        is_file_in(path, STUB_NAME, false))
        return vp_path_join(path, STUB_NAME);
    return NULL;
}

static vp_stub_id identify(const char *stub)
{
    struct stat st;
    vp_stub_id id = {0};
    if (stub && stat(stub, &st) == 0)
        id = (vp_stub_id){true, (uint64_t)st.st_dev, (uint64_t)st.st_ino, (uint64_t)st.st_size,
                          (uint64_t)st.st_mtim.tv_sec * 1000000000u + (uint64_t)st.st_mtim.tv_nsec};
    return id;
}

/* The folder of the stub file, where its relative paths start. */
static void stub_dir(const char *stub, char *dir, size_t len)
{
    const char *slash = strrchr(stub, '/');
    snprintf(dir, len, "%.*s", slash ? (int)(slash - stub) : 1, slash ? stub : ".");
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

static xapc_db *open_local(const char *dir, const char *where, xapc_error *xe)
{
    char *p = where[0] == '/' ? strdup(where) : vp_path_join(dir, where);
    xapc_db *db = p ? xapc_db_open(p, xe) : NULL;
    free(p);
    return db;
}

/* Opens the shard one stub line names; "" type for a blank line. */
static xapc_db *open_entry(const char *dir, const char *type, const char *where,
                           xapc_error *xe)
{
    if (!strcmp(type, "remote"))
        return open_remote(where, xe);
    if (!strcmp(type, "auto") || !strcmp(type, "glass") || !strcmp(type, "chert") ||
        !strcmp(type, "honey"))
        return open_local(dir, where, xe);
    xe->status = XAPC_ERR_INVALID;
    snprintf(xe->message, sizeof xe->message,
             "unknown entry type (want auto, glass or remote HOST:PORT)");
    return NULL;
}

/* Splits "type where" in place; false for a blank or comment line. */
static bool split_line(char *line, char **type, char **where)
{
    line[strcspn(line, "\r\n")] = '\0';
    char *t = line + strspn(line, " \t");
    if (!*t || *t == '#')
        return false;
    char *w = t + strcspn(t, " \t");
    if (*w)
        *w++ = '\0';
    w += strspn(w, " \t");
    w[strcspn(w, " \t")] = '\0';
    *type = t;
    *where = w;
    return true;
}

/* Adds every shard of the stub to set->db. */
static int open_stub(vp_dbset *set, const char *stub, char *msg, size_t msglen)
{
    FILE *f = fopen(stub, "r");
    if (!f) {
        snprintf(msg, msglen, "%s: %s", stub, strerror(errno));
        return -1;
    }
    char dir[4096];
    stub_dir(stub, dir, sizeof dir);
    char line[4096], *type, *where;
    int lineno = 0, rc = 0;
    xapc_error xe;
    xapc_error_clear(&xe);
    while (rc == 0 && fgets(line, sizeof line, f)) {
        lineno++;
        if (!split_line(line, &type, &where))
            continue;
        xapc_db *shard = open_entry(dir, type, where, &xe);
        set->remote = set->remote || !strcmp(type, "remote");
        if (!shard || xapc_db_add(set->db, shard, &xe) != XAPC_OK) {
            snprintf(msg, msglen, "%s:%d: shard `%s %s` is unavailable: %s", stub, lineno,
                     type, where, xe.message);
            rc = -1;
        }
        xapc_db_free(shard);
    }
    fclose(f);
    return rc;
}

/* ---- the set ----------------------------------------------------------------- */

static int open_meta(vp_dbset *set, const char *stub, char *msg, size_t msglen)
{
    char dir[4096];
    stub_dir(stub, dir, sizeof dir);
    if (!is_file_in(dir, META_NAME, true))
        return 0;   /* a hand-written stub: no spelling or synonyms, default stemmer */
    char *p = vp_path_join(dir, META_NAME);
    xapc_error xe;
    xapc_error_clear(&xe);
    xapc_db *meta = p ? xapc_db_open(p, &xe) : NULL;
    set->lexicon = meta ? xapc_db_new_empty(&xe) : NULL;
    bool ok = set->lexicon && xapc_db_add(set->lexicon, meta, &xe) == XAPC_OK &&
              xapc_db_add(set->lexicon, set->db, &xe) == XAPC_OK;
    if (!ok)
        snprintf(msg, msglen, "%s: %s", p ? p : META_NAME, xe.message);
    xapc_db_free(meta);
    free(p);
    return ok ? 0 : -1;
}

int vp_dbset_open(vp_dbset *set, const char *path, char *msg, size_t msglen)
{
    memset(set, 0, sizeof *set);
    xapc_error xe;
    xapc_error_clear(&xe);
    char *stub = stub_file(path);
    if (!stub) {
        set->db = xapc_db_open(path, &xe);
        if (!set->db)
            snprintf(msg, msglen, "%s", xe.message);
        return set->db ? 0 : -1;
    }
    set->stub = identify(stub);   /* before reading: a newer stub is seen next time */
    set->db = xapc_db_new_empty(&xe);
    int rc = set->db ? open_stub(set, stub, msg, msglen) : -1;
    if (!set->db)
        snprintf(msg, msglen, "%s", xe.message);
    if (rc == 0)
        rc = open_meta(set, stub, msg, msglen);
    free(stub);
    if (rc != 0)
        vp_dbset_close(set);
    return rc;
}

bool vp_dbset_stub_changed(const vp_dbset *set, const char *path)
{
    char *stub = stub_file(path);
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
