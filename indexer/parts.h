/*
 * parts.h: how a full build of one database is cut into parts.
 *
 * A full build (an empty database, or --rebuild) is written as parts of
 * about VP_PART_BYTES_DEFAULT of reports each, every part a database of its
 * own, then merged in order by Xapian's compactor (build_parts.c).  Xapian's
 * commit merges a batch into the database's B-trees, which costs more as
 * they grow (the posting and position lists of a vocabulary that keeps
 * growing); a part stays small, and the merge is one linear pass.
 */
#ifndef VP_PARTS_H
#define VP_PARTS_H

#include <stddef.h>

enum { VP_PART_BYTES_DEFAULT = 64 << 20, VP_PARTS_MAX = 100000 };

/* The part size: VP_PART_BYTES from the environment (the tests set it), else
 * VP_PART_BYTES_DEFAULT. */
size_t vp_part_bytes(void);

/* Cuts n reports of the given sizes (in their sorted order) into
 * consecutive parts of about equal bytes: at least min_parts (one per job,
 * so that the jobs finish together), more when the reports outgrow
 * part_bytes, at most VP_PARTS_MAX, and no more than there are reports
 * (unless min_parts asks for more).  *bounds (caller frees) gets count + 1
 * indices: part k holds the reports bounds[k] .. bounds[k + 1] - 1.
 * Returns count; 1 means a direct build. */
unsigned vp_plan_parts(const size_t *sizes, size_t n, size_t part_bytes,
                       unsigned min_parts, size_t **bounds);

#endif /* VP_PARTS_H */
