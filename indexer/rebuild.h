/*
 * rebuild.h: `indexer --rebuild` without pulling the index from under its
 * readers.
 *
 * Overwriting a Xapian database in place while searchd reads it makes
 * readers fail mid-request ("EOF reading block").  So a rebuild writes a
 * fresh database (or shard set) in a sibling folder, and only when it is
 * complete exchanges the two folders in one atomic rename (renameat2 with
 * RENAME_EXCHANGE).  Readers keep their open files until they reopen, then
 * see the new index; an interrupted rebuild leaves the old index untouched.
 */
#ifndef VP_REBUILD_H
#define VP_REBUILD_H

#include <stdbool.h>
#include <stddef.h>

typedef struct vp_rebuild {
    char *live;      /* the --db path */
    char *fresh;     /* the sibling folder the rebuild writes */
    char *parts;     /* the sibling folder of indexer --jobs' part databases */
} vp_rebuild;

/* Prepares a rebuild of the database at live: removes the fresh and parts
 * folders left by an interrupted earlier run.  Returns 0, or -1 with errbuf. */
int vp_rebuild_begin(vp_rebuild *r, const char *live, char *errbuf, size_t errlen);

/* Exchanges fresh and live (or renames fresh to live when there was none):
 * the rebuilt index is live and the old one sits in the fresh folder.
 * Returns 0, or -1 with errbuf (the old index is then still live). */
int vp_rebuild_swap(vp_rebuild *r, char *errbuf, size_t errlen);

/* Removes the fresh folder (the old index after a swap, the unfinished new
 * one after a failure) and the parts folder, and frees what r holds. */
void vp_rebuild_finish(vp_rebuild *r);

/* path with suffix appended (trailing slashes dropped first).  Caller frees. */
char *vp_sibling_path(const char *path, const char *suffix);

/* Removes a folder and everything below it; 0 or -1 with errno. */
int vp_remove_tree(const char *path);

#endif /* VP_REBUILD_H */
