/*
 * shards.h: the indexer's writable side of a database, one Xapian database
 * or a set of shards, in the layout that model/layout.h owns (PATH/XAPIANDB,
 * PATH/shard-NNN, PATH/meta; a report in shard vp_shard_of(id, N)).
 *
 * Each shard (and meta) is opened with its own writer lock.  Without
 * --shards the layout is the single database at PATH, and every accessor
 * returns that one database.
 */
#ifndef VP_SHARDS_H
#define VP_SHARDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hash.h"          /* vp_fnv1a, the hash of the shard rule */
#include "layout.h"
#include "xapian_c.h"

typedef struct vp_shards vp_shards;

/* Opens the database(s) at path for writing.  n_shards 0: a single database,
 * or the existing shard set when path holds one.  n_shards > 0: a shard set
 * of that size; a different existing number is refused unless rebuild.
 * rebuild starts every database empty.  NULL with a message for the user in
 * errbuf (locked, unwritable, wrong number of shards). */
vp_shards *vp_shards_open(const char *path, unsigned n_shards, bool rebuild,
                          char *errbuf, size_t errlen);
/* Frees every handle and releases the locks; uncommitted changes are lost. */
void vp_shards_free(vp_shards *s);

/* True for a shard set (a stub and meta), false for a single database. */
bool vp_shards_is_set(const vp_shards *s);
/* Number of document databases (1 for the single layout). */
unsigned vp_shards_count(const vp_shards *s);
/* The i-th document database; borrowed. */
xapc_wdb *vp_shards_at(vp_shards *s, unsigned i);
/* The document database report id belongs in; borrowed. */
xapc_wdb *vp_shards_for_id(vp_shards *s, const char *id);
/* Where metadata, spelling and synonyms go; borrowed. */
xapc_wdb *vp_shards_meta(vp_shards *s);

/* Calls prepare (may be NULL) on every database, then commits each.  The
 * first failure stops it: XAPC_OK or the failing status with err set. */
typedef bool (*vp_shards_prepare_fn)(xapc_wdb *wdb, xapc_error *err);
xapc_status vp_shards_commit(vp_shards *s, vp_shards_prepare_fn prepare,
                             xapc_error *err);
/* The same for the document databases first, first + step, ... only (not
 * meta): what one of several threads that share the set out commits. */
xapc_status vp_shards_commit_some(vp_shards *s, unsigned first, unsigned step,
                                  vp_shards_prepare_fn prepare, xapc_error *err);

#endif /* VP_SHARDS_H */
