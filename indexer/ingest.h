/*
 * ingest.h: one report file's bytes to a vp_document: the input checks
 * (empty, binary, invalid UTF-8), front matter, Markdown, the cap on token
 * length, extraction, and the derived fields (id, plain text, sections).
 * Every step is linear in the size of the report.  No Xapian here: docbuild.c
 * turns the result into a Xapian document.
 */
#ifndef VP_INGEST_H
#define VP_INGEST_H

#include <stddef.h>
#include "document.h"
#include "problem.h"
#include "extract.h"

typedef enum {
    VP_INGEST_OK = 0,    /* indexed, nothing to report */
    VP_INGEST_WARNING,   /* indexed without a bad field; problem says which */
    VP_INGEST_SKIPPED,   /* not indexed; problem says why */
    VP_INGEST_NO_MEMORY
} vp_ingest_result;

/* problem.h's type: line is 1-based, 0 when the whole file is the problem. */
typedef vp_problem vp_ingest_problem;

/* Reads src[0..len), the content of the file at rel_path (relative to the
 * indexed root, '/'-separated), into doc (initialised by the caller). */
vp_ingest_result vp_ingest_buffer(const vp_extract_ctx *ctx, const char *rel_path,
                                  const char *src, size_t len, vp_document *doc,
                                  vp_ingest_problem *problem);

/* The longest run of non-space bytes the extractors and the term generator
 * see: a longer run (a 10 MB "word", a base64 blob) keeps its first bytes
 * up to this many, cut at a character boundary, and loses the rest.  No
 * name, keyword or date comes near it, and Xapian indexes no word longer
 * than 64 bytes anyway; what it bounds is the cost of code that looks at
 * every prefix of a word, or every word again from each of its bytes.
 * The stored Markdown keeps the text as written. */
#define VP_INGEST_TOKEN_MAX 256

/* A report with more distinct words than this is skipped (see the
 * vocabulary in ingest.c): real ones have a few thousand. */
#define VP_INGEST_MAX_WORDS 50000

/* The most sections a report is given (see add_sections in ingest.c). */
#define VP_INGEST_MAX_SECTIONS 1000

/* Cuts every run of non-space bytes in s (valid UTF-8) to at most
 * VP_INGEST_TOKEN_MAX bytes, in place; returns the new length. */
size_t vp_ingest_cap_tokens(char *s);

/* The document id for a relative path: the path without its ".md". Caller frees. */
char *vp_ingest_id_for_path(const char *rel_path);

#endif /* VP_INGEST_H */
