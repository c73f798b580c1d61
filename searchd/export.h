/*
 * export.h: every match of a search as a stream of records (GET /export,
 * vind --export): JSON lines or CSV (RFC 4180, UTF-8, a header line,
 * multi-valued fields joined with "; ").
 *
 * It owns the record (which fields, in which order, how a speaker and a
 * section are written) and the two encodings; the match itself comes from
 * the query layer's iterator (vp_match_iter), so the query, filters and order
 * are exactly those of /search.  Output is produced one record at a time
 * into a small buffer: memory does not depend on the number of matches.
 */
#ifndef VP_EXPORT_H
#define VP_EXPORT_H

#include <stddef.h>
#include <sys/types.h>

#include "query.h"

/* Exports searchd runs at once; one more is a 503 with Retry-After. */
#define VP_EXPORT_MAX_RUNNING 4

typedef enum { VP_EXPORT_JSONL = 0, VP_EXPORT_CSV } vp_export_format;

/* "jsonl" or "csv" (the empty string is jsonl); -1 when unknown. */
int vp_export_format_from_name(const char *name);
/* The Content-Type of a format. */
const char *vp_export_content_type(vp_export_format f);

/* The CSV columns, in order (the JSON lines carry the same keys). */
#define VP_EXPORT_CSV_HEADER \
    "id,title,date,host,municipalities,speakers,themes,path,score,section,section_anchor"

typedef struct vp_export vp_export;

/* Starts an export of r on s (borrowed; not refreshed while the export
 * lives: one revision from the first record to the last).  Runs the first
 * batch, so a bad request or query is reported here.  NULL with e set. */
vp_export *vp_export_new(vp_searcher *s, const vp_request *r, vp_export_format f,
                         vp_qerror *e);
/* Copies up to max bytes of output into buf: the number copied, 0 at the
 * end, -1 on an error (e set; the output so far is incomplete). */
ssize_t vp_export_read(vp_export *x, char *buf, size_t max, vp_qerror *e);
uint32_t vp_export_total(const vp_export *x);
void vp_export_free(vp_export *x);

#endif /* VP_EXPORT_H */
