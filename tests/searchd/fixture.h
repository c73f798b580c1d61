/*
 * fixture.h: test indexes for the query layer, written exactly as the
 * indexer lays out a report (schema.h; see indexer/docbuild.c), so the
 * searchd tests do not depend on the extractor:
 *   - data = vp_document_to_json(), unique term Q<id>;
 *   - free text with positions, stemmer from VP_META_STEMMER, strategy SOME,
 *     body unprefixed, title unprefixed (wdf 5) and S, headings unprefixed
 *     (wdf 3) and XH, speakers + organisations unprefixed and A,
 *     municipalities unprefixed and XP, a position gap between fields;
 *   - XM (each municipality and its successors), XO, XS, XT, XY terms;
 *   - slots 0..5; spelling data from the body text.
 */
#ifndef VP_TEST_FIXTURE_H
#define VP_TEST_FIXTURE_H

#include <stdbool.h>
#include <stddef.h>

#include "document.h"
#include "gazetteer.h"

/* Writes (or with append, adds/replaces) docs in the database at path.
 * 0, or -1 with a message in why. */
int vp_fixture_write(const char *path, const vp_document *docs, size_t n,
                     const vp_gazetteer *gazetteer, bool append, char *why,
                     size_t whylen);

/* A small hand-written set of reports with known facets (see fixture.c);
 * returns how many, docs owned by the caller (vp_fixture_free_docs). */
size_t vp_fixture_small(vp_document **docs);

/* n generated reports with random facet values from fixed pools (seeded,
 * reproducible); the body of each holds the words "kleur<k>" for a few k in
 * 0..9, so a query's matches can be computed in plain C. */
vp_document *vp_fixture_generate(size_t n, unsigned seed);

void vp_fixture_free_docs(vp_document *docs, size_t n);

/* The gazetteer of data/ (VP_DATA_DIR); aborts the test run when missing. */
vp_gazetteer *vp_fixture_gazetteer(void);

#endif /* VP_TEST_FIXTURE_H */
