/*
 * snippet.h: the highlighted snippet of a hit and the section it comes
 * from, at a cost bounded by the hit and not by the report's length.
 *
 * The query's words are gathered once per request (their stems and an
 * idf weight each).  Per hit, every block of the stored hit record
 * (model/hit_record.h) is scored by the stems its Bloom filter holds, the
 * best block is read word by word (a word is stemmed only when its first
 * letter could start a query stem), and the snippet is the window of about
 * `length` bytes with the most weight of distinct query words, HTML-escaped,
 * matches in <mark>, cut text marked with an ellipsis.  The section of that
 * block is the hit's section: the link lands where the snippet is.
 *
 * What counts as a query word: the free-text terms of the parsed query,
 * unstemmed or stemmed ("Z"), plain or under a free-text field prefix
 * (titel:, kop:, spreker:, gemeente:); filter terms never highlight.
 */
#ifndef VP_SNIPPET_H
#define VP_SNIPPET_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "hit_record.h"
#include "xapian_c.h"

typedef struct vp_snip_terms vp_snip_terms;

/* The words of query q (NULL: none) with weights from db's term counts
 * (db NULL: all alike); stem must be the index's stemmer.  Never NULL
 * (mem.h); an index error leaves a term its default weight. */
vp_snip_terms *vp_snip_terms_new(const xapc_query *q, const xapc_db *db, const xapc_stem *stem);
void vp_snip_terms_free(vp_snip_terms *t);
size_t vp_snip_terms_count(const vp_snip_terms *t);

/* Appends the snippet of the hit v to out (at most about length bytes of
 * text); returns the index of the section it comes from, or -1 (no query
 * word in the report, or text outside every section).  t NULL: the start
 * of the text. */
int vp_snippet(const vp_snip_terms *t, const vp_hit_view *v, const xapc_stem *stem,
               size_t length, vp_buf *out);

#endif /* VP_SNIPPET_H */
