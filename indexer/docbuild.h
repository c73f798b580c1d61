/*
 * docbuild.h: a vp_document to a Xapian document, laid out as schema.h
 * says: free-text fields with their prefixes and weights, boolean facet
 * terms, value slots and the stored JSON.
 */
#ifndef VP_DOCBUILD_H
#define VP_DOCBUILD_H

#include "document.h"
#include "gazetteer.h"
#include "terms.h"
#include "xapian_c.h"

typedef struct vp_docbuilder vp_docbuilder;

/* stemmer: Xapian stemmer name.  gazetteer (borrowed) gives the successors
 * of merged municipalities.  The builder feeds no spelling table: the
 * indexer fills it from the term list at the end of a run
 * (spelling_sync.h).  One builder per thread.  Caller frees with
 * vp_docbuilder_free(). */
vp_docbuilder *vp_docbuilder_new(const char *stemmer, const vp_gazetteer *gazetteer,
                                 xapc_error *err);
void vp_docbuilder_free(vp_docbuilder *b);

/* The Xapian document for d; stamp goes into VP_SLOT_STAMP.  Caller frees. */
xapc_doc *vp_docbuilder_build(vp_docbuilder *b, const vp_document *d,
                              const char *stamp, xapc_error *err);

#endif /* VP_DOCBUILD_H */
