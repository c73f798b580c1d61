/*
 * hit_record.h: what a search hit shows of a report, stored beside it in
 * the index (value slot VP_SLOT_HIT, schema.h) in a compact binary form
 * the query layer reads in place: no JSON to parse, no Markdown to skip.
 *
 *   - the fields of a hit: id, title, date, host, path, municipalities,
 *     speaker names, themes, and the sections' headings and anchors;
 *   - the plain text, cut into blocks of at most VP_HIT_BLOCK_BYTES that
 *     never straddle a section, each with the section it belongs to and a
 *     Bloom filter of the stems of its words.
 *
 * The blocks are what keeps a snippet's cost bounded by the hit and not by
 * the report: the query layer scores every block by the query's stems in
 * its filter (a few bit tests each), takes the best block and builds the
 * snippet from that block's text alone (searchd/snippet.h).  The section
 * of the best block is the hit's section.
 *
 * The indexer builds records (with its stemmer, given as a function: model
 * knows no Xapian); the same word splitting (vp_next_word) serves the
 * query layer's snippets, so both sides see the same words.
 */
#ifndef VP_HIT_RECORD_H
#define VP_HIT_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "document.h"

enum { VP_HIT_BLOCK_BYTES = 1024, VP_HIT_BLOOM_BYTES = 128, VP_HIT_BLOOM_PROBES = 4,
       VP_HIT_MAX_WORD = 64 };

/* ---- words --------------------------------------------------------------- */

/* The next word of text at or after *pos: [*start, *end), and *pos moves
 * past it; false when there is none.  A word is a run of ASCII letters and
 * digits and of non-ASCII characters that are not punctuation or spaces
 * (U+00A0-U+00BF, U+2000-U+206F), with an apostrophe kept between letters
 * ("auto's"); hyphens and every other ASCII character split words, as
 * Xapian's term generator splits them. */
bool vp_next_word(const char *text, size_t len, size_t *pos, size_t *start, size_t *end);

/* The word in lower case (ASCII and the Latin-1 capitals À-Þ) into out
 * (at most cap - 1 bytes, NUL-ended); its length, 0 when it does not fit. */
size_t vp_word_lower(const char *word, size_t len, char *out, size_t cap);

/* A stemmer: the stem of a lower-case word, NUL-ended, valid until the next
 * call; NULL when it has none. */
typedef const char *(*vp_stem_fn)(void *ctx, const char *word, size_t *stem_len);

/* The Bloom probe positions of a stem (VP_HIT_BLOOM_PROBES of them). */
void vp_hit_bloom_probes(const char *stem, size_t len, uint32_t probes[VP_HIT_BLOOM_PROBES]);
/* True when every probe's bit is set in bloom (VP_HIT_BLOOM_BYTES). */
bool vp_hit_bloom_has(const unsigned char *bloom, const uint32_t probes[VP_HIT_BLOOM_PROBES]);

/* ---- building (the indexer) ------------------------------------------------ */

/* The record of d; *len its length; caller frees.  stem (with ctx) stems
 * the text's words for the blocks' filters. */
char *vp_hit_record_build(const vp_document *d, vp_stem_fn stem, void *ctx, size_t *len);

/* ---- reading (the query layer) ------------------------------------------------ */

typedef struct vp_hit_str {
    const char *s;   /* not NUL-ended; NULL for a missing value */
    size_t len;
} vp_hit_str;

typedef struct vp_hit_block {
    size_t start, len;       /* in the text */
    int section;             /* index into sections, -1 for none */
    const unsigned char *bloom;
} vp_hit_block;

enum { VP_HIT_MAX_LIST = 4096 };

typedef struct vp_hit_view {
    vp_hit_str id, title, date, host, path;
    /* lists: n items, read with vp_hit_list_item */
    const char *municipalities, *speakers, *themes, *sections;
    size_t n_municipalities, n_speakers, n_themes, n_sections;
    const char *text;
    size_t text_len;
    const char *blocks;      /* n_blocks encoded blocks, read with vp_hit_block_at */
    size_t n_blocks;
    const char *end;
} vp_hit_view;

/* Reads a record in place (v points into data, which must outlive it).
 * false for a record that is damaged or of another version. */
bool vp_hit_view_read(const char *data, size_t len, vp_hit_view *v);

/* Item i of a list: walks from *cursor (start with the list pointer, call
 * for i = 0, 1, ... in order).  false past the end. */
bool vp_hit_list_next(const vp_hit_view *v, const char **cursor, vp_hit_str *item);
/* A section: heading and anchor, the same way. */
bool vp_hit_section_next(const vp_hit_view *v, const char **cursor, vp_hit_str *heading,
                         vp_hit_str *anchor);
/* The blocks, the same way. */
bool vp_hit_block_next(const vp_hit_view *v, const char **cursor, vp_hit_block *b);

#endif /* VP_HIT_RECORD_H */
