/*
 * report_json.h: one stored report as the API shows it: a search hit (with
 * its snippet and best-matching section) and the whole report of
 * /documents/{id} (with its Markdown rendered by cmark in safe mode).
 *
 * Text fields are plain text (clients escape them); only "snippet" and
 * "html" are HTML, and in both every character from the report is escaped.
 */
#ifndef VP_REPORT_JSON_H
#define VP_REPORT_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

#include "buf.h"
#include "query.h"
#include "snippet.h"
#include "xapian_c.h"

/* Length of a snippet in bytes, as Xapian counts it. */
#define VP_SNIPPET_BYTES 300

/* A hit from its stored hit record (model/hit_record.h), read in place: no
 * stored JSON is decoded.  With terms (the query's words, snippet.h; NULL
 * for a query without text) the snippet highlights them and "section"
 * names the section the snippet comes from; without, the snippet is the
 * start of the report and "section" null.  NULL with e set. */
json_t *vp_hit_from_record(const char *record, size_t len, double score,
                           const vp_snip_terms *terms, const xapc_stem *stem, vp_qerror *e);

/* The same hit written as JSON text onto out, byte for byte what
 * json_dumps writes of vp_hit_from_record's object (VP_JSON_FLAGS), with no
 * json_t between; scratch is a buffer the caller keeps across hits (it
 * holds the snippet).  0, or -1 with e set and nothing written. */
int vp_hit_write(vp_buf *out, vp_buf *scratch, const char *record, size_t len, double score,
                 const vp_snip_terms *terms, const xapc_stem *stem, vp_qerror *e);

/* The hit at index i of mset, or document did of db with its score.  NULL
 * on failure, with xe set for a Xapian error (so the caller can reopen and
 * retry) or else e. */
json_t *vp_hit_json(const xapc_mset *mset, uint32_t i, const vp_snip_terms *terms,
                    const xapc_stem *stem, xapc_error *xe, vp_qerror *e);
json_t *vp_hit_json_doc(const xapc_db *db, xapc_docid did, double score,
                        const vp_snip_terms *terms, const xapc_stem *stem, xapc_error *xe,
                        vp_qerror *e);

/* The whole report from its stored JSON.  Its "html" carries the section
 * anchors as ids on the headings (and pseudo-heading paragraphs) where each
 * section starts, so "#anchor" in a link lands on the section. */
json_t *vp_document_json(const char *data, size_t len, vp_qerror *e);

/* The JSON object data without its top-level member key (the first such),
 * in a new buffer of *out_len bytes (NUL-terminated; caller frees); NULL
 * when data has no such member or is not an object this scanner follows
 * (then read data whole).  An export reads a stored report's speakers
 * without its "markdown", a third of the bytes jansson would decode. */
char *vp_json_without_member(const char *data, size_t len, const char *key,
                             size_t *out_len);

#endif /* VP_REPORT_JSON_H */
