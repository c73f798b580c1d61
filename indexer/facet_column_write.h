/*
 * facet_column_write.h: writes the facet column (model/facet_column.h) of a
 * database from what it holds at its latest committed revision: the four
 * facet slots, the date and the sort key, read as Xapian value streams.
 * Called by the indexer after its last commit to a database (and by the
 * tests' fixture), while it still holds the database's write lock, so no
 * other writer moves the revision in between.
 */
#ifndef VP_FACET_COLUMN_WRITE_H
#define VP_FACET_COLUMN_WRITE_H

#include <stddef.h>

/* Writes db_dir/facets.vpcol for the database db_dir (one database, not a
 * shard folder; see vp_facet_columns_write).  0, or -1 with why. */
int vp_facet_column_write(const char *db_dir, char *why, size_t whylen);

/* The same for path as the indexer names it: one database, or every local
 * shard of a shard folder.  0, or -1 with why (the first failure). */
int vp_facet_columns_write(const char *path, char *why, size_t whylen);

#endif /* VP_FACET_COLUMN_WRITE_H */
