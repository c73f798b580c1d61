/*
 * layout.h: the on-disk layout of an index, the one place that knows it.
 * The indexer writes it (indexer/shards.h), the query layer reads it
 * (searchd/dbset.h); both go through the functions below.
 *
 *   PATH               one Xapian database (a folder with an iamglass file),
 *                      or a shard set:
 *   PATH/XAPIANDB      a Xapian stub file, one `auto shard-NNN` line per
 *                      shard (relative to PATH), so every Xapian reader
 *                      opens PATH as one database;
 *   PATH/shard-NNN     the shard databases (documents only, plus the schema
 *                      metadata so that each also stands alone);
 *   PATH/meta          a small database beside the stub that is NOT listed
 *                      in it: metadata (stemmer, schema, data hash),
 *                      spelling and synonyms.  Remote shards carry none of
 *                      these, so the query layer reads them from here.
 *
 * A report goes to shard vp_fnv1a(id) mod N (hash.h), so every run puts it
 * back in the same shard.
 *
 * A stub file has one entry a line, `TYPE WHERE`: TYPE is auto, glass,
 * chert, honey (WHERE a path, relative to the stub's folder, as Xapian
 * reads it) or remote (WHERE is HOST:PORT).  Blank lines and lines whose
 * first non-blank character is '#' are no entries.  A hand-written stub
 * may name remote shards (docs: scaling out).
 */
#ifndef VP_LAYOUT_H
#define VP_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#define VP_SHARDS_MAX 256
#define VP_LAYOUT_STUB "XAPIANDB"   /* the stub file in a shard folder */
#define VP_LAYOUT_META "meta"       /* the meta database beside it */

/* The shard (0..n-1) a report id belongs to. */
unsigned vp_shard_of(const char *id, unsigned n);

/* "shard-NNN", the folder of shard i in a shard set. */
void vp_shard_name(unsigned i, char name[32]);

/* True when dir is a database of its own (a single database, not a shard
 * folder). */
bool vp_layout_is_database(const char *dir);

/* The stub file path names: path itself when it is a file, PATH/XAPIANDB
 * for a folder that is not a database of its own and holds one.  Caller
 * frees; NULL when path names no stub. */
char *vp_stub_find(const char *path);

typedef struct vp_stub_entry {
    char *type;       /* auto, glass, chert, honey, remote ... as written */
    char *where;      /* a path or HOST:PORT; "" when the line has none */
    int line;         /* in the stub file, from 1 */
} vp_stub_entry;

typedef struct vp_stub {
    vp_stub_entry *entries;   /* owned, in the order of the file */
    size_t len, cap;
} vp_stub;

#define VP_STUB_INIT {NULL, 0, 0}

/* Reads the entries of the stub file at path into stub (emptied first).
 * 0, or -1 with errno set when the file cannot be read. */
int vp_stub_read(const char *path, vp_stub *stub);
/* Frees the entries; stub is empty again. */
void vp_stub_clear(vp_stub *stub);

/* The folder a stub file lies in ("." for a bare name).  Caller frees. */
char *vp_stub_dir(const char *stub_path);

/* The database a local entry names: its path as written when absolute,
 * else relative to the stub's folder, as Xapian reads it.  Caller frees. */
char *vp_stub_entry_path(const char *stub_path, const vp_stub_entry *e);

/* The meta database beside a stub file (PATH/meta), or NULL when there is
 * none (a hand-written stub: default stemmer, no spelling or synonyms).
 * Caller frees. */
char *vp_stub_meta(const char *stub_path);

/* Makes dir/XAPIANDB list the shards 0..n-1 (`auto shard-NNN`), written
 * atomically (a reader never sees half a file) and only when its content
 * changes (so that searchd does not reopen for nothing).  0, or -1 with
 * "path: why" in errbuf. */
int vp_stub_write(const char *dir, unsigned n, char *errbuf, size_t errlen);

#endif /* VP_LAYOUT_H */
