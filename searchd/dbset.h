/*
 * dbset.h: what `--db PATH` names, opened for reading.
 *
 * PATH may be one database folder, a folder holding a stub file XAPIANDB,
 * or a stub file itself (model/layout.h owns the layout and reads the stub
 * file).  The stub's entries are opened here rather than by Xapian for two
 * reasons: `remote HOST:PORT` entries get explicit timeouts (Xapian 1.4's
 * stub syntax has none, so a stopped shard server would hang a worker), and
 * a failing entry is named in the error.
 *
 * Beside a stub, the folder `meta` (written by the indexer, not listed in
 * the stub) holds the metadata, spelling and synonyms that remote shards
 * cannot carry.  The query layer reads those, and term counts, from the
 * lexicon: meta followed by every shard, so that the query parser and the
 * query expansion see what they would see in one database.
 *
 * Xapian's reopen() does not re-read a stub file, so the set also remembers
 * the stub's identity (device, inode, size, mtime) to notice a new one.
 */
#ifndef VP_DBSET_H
#define VP_DBSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "xapian_c.h"

#define VP_REMOTE_TIMEOUT_MS         5000  /* any one operation on a remote shard */
#define VP_REMOTE_CONNECT_TIMEOUT_MS 2000

typedef struct vp_stub_id {
    bool present;
    uint64_t dev, ino, size, mtime_ns;
} vp_stub_id;

typedef struct vp_dbset {
    xapc_db *db;        /* the documents: one database or every shard */
    xapc_db *lexicon;   /* meta followed by db's shards: metadata, spelling,
                           synonyms and term counts together (Xapian reads
                           metadata from the first database); NULL: db */
    vp_stub_id stub;    /* the stub file read, when there is one */
    bool remote;        /* some shard is remote (see search.c on facet counts) */
} vp_dbset;

/* Opens path into set (which it overwrites).  0, or -1 with a message for
 * the user in errbuf, naming the stub line that failed. */
int vp_dbset_open(vp_dbset *set, const char *path, char *errbuf, size_t errlen);

/* True when path now resolves to a stub other than the one set was opened
 * from (replaced, rewritten, appeared or gone). */
bool vp_dbset_stub_changed(const vp_dbset *set, const char *path);

/* The database for metadata, spelling, synonyms (lexicon, else db). */
const xapc_db *vp_dbset_meta(const vp_dbset *set);

/* Frees both handles and zeroes set. */
void vp_dbset_close(vp_dbset *set);

#endif /* VP_DBSET_H */
