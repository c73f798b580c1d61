/*
 * bm25.h: plain Xapian BM25 over a Vindplaats index, the second baseline of
 * bench/evaluate and the one the development sets report
 * (shared/devset/README.md): Xapian's QueryParser with its default flags,
 * the Dutch stemmer (Xapian's default STEM_SOME), the words OR'ed over the
 * body text (no prefixes, no synonyms, compounds, spelling, facets or
 * boosts), ranked by Xapian's BM25 with its default parameters.
 */
#ifndef VP_BM25_H
#define VP_BM25_H

#include <stddef.h>
#include "strvec.h"

typedef struct vp_bm25 vp_bm25;

/* Opens the index at db_path; NULL with a message in err. */
vp_bm25 *vp_bm25_open(const char *db_path, char *err, size_t errlen);
void vp_bm25_close(vp_bm25 *b);

/* Appends the ids of the reports matching q, best first, at most limit, to
 * ids.  A q without words matches nothing.  0, or -1 with a message in err. */
int vp_bm25_query(vp_bm25 *b, const char *q, size_t limit, vp_strvec *ids, char *err,
                  size_t errlen);

#endif /* VP_BM25_H */
