/*
 * ingest.h: one report file's bytes to a vp_document: the input checks
 * (empty, binary, invalid UTF-8), front matter, Markdown, extraction, and the
 * derived fields (id, plain text, sections).  No Xapian here: docbuild.c
 * turns the result into a Xapian document.
 */
#ifndef VP_INGEST_H
#define VP_INGEST_H

#include <stddef.h>
#include "document.h"
#include "extract.h"

typedef enum {
    VP_INGEST_OK = 0,    /* indexed, nothing to report */
    VP_INGEST_WARNING,   /* indexed without a bad field; problem says which */
    VP_INGEST_SKIPPED,   /* not indexed; problem says why */
    VP_INGEST_NO_MEMORY
} vp_ingest_result;

typedef struct vp_ingest_problem {
    int line;            /* 1-based, 0 when the whole file is the problem */
    char message[256];
} vp_ingest_problem;

/* Reads src[0..len), the content of the file at rel_path (relative to the
 * indexed root, '/'-separated), into doc (initialised by the caller). */
vp_ingest_result vp_ingest_buffer(const vp_extract_ctx *ctx, const char *rel_path,
                                  const char *src, size_t len, vp_document *doc,
                                  vp_ingest_problem *problem);

/* The document id for a relative path: the path without its ".md". Caller frees. */
char *vp_ingest_id_for_path(const char *rel_path);

#endif /* VP_INGEST_H */
