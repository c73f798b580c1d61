/*
 * stamp.h: how the indexer knows a report is unchanged without indexing it
 * again.
 *
 * Every document carries a stamp (value slot VP_SLOT_STAMP):
 * "version|size:mtime|contenthash".  The version is the extractor version
 * (extract.h: the extraction's code and every data file), so a change to
 * either re-extracts every report;
 * size and mtime recognise an untouched file without reading it; the
 * content hash (FNV-1a, hash.h) recognises a file that was merely touched
 * (a fresh git checkout).
 */
#ifndef VP_STAMP_H
#define VP_STAMP_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

enum { VP_STAMP_QUICK_MAX = 64, VP_STAMP_HASH_LEN = 17, VP_STAMP_MAX = 128 };

/* "size:mtime" of a file as stat() saw it, into buf. */
void vp_stamp_quick(const struct stat *st, char *buf, size_t len);

/* The content hash of a report: 16 hex digits and a NUL. */
void vp_stamp_content(const char *content, size_t len, char hash[VP_STAMP_HASH_LEN]);

/* True when old (a stored stamp; may be NULL) stands for the same report:
 * extracted with the same data, and either with the same size and mtime
 * or (hash not NULL) with the same content. */
bool vp_stamp_same(const char *old, const char *datahash, const char *quick,
                   const char *hash);

#endif /* VP_STAMP_H */
