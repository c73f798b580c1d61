/*
 * compound_split.h: splitting a Dutch compound word into the words it is made of
 * ("samenwerkingsverband" -> samenwerking + verband, "binnenstadsvisie" ->
 * binnenstad + visie), against any lexicon the caller supplies.
 *
 * Shared by the indexer (lexicon: the Dutch word list and the corpus) and
 * the query layer (lexicon: the terms of the index), so that both split the
 * same way.  The rules: every part is a lexicon word of at least
 * VP_COMPOUND_MIN_PART bytes; a part may be followed by the linking
 * morphemes -s-, -en- or -e- (dropped from the part); the longest first part
 * wins; at most VP_COMPOUND_MAX_PARTS parts.  No allocation.
 */
#ifndef VP_COMPOUND_SPLIT_H
#define VP_COMPOUND_SPLIT_H

#include <stdbool.h>
#include <stddef.h>

#define VP_COMPOUND_MIN_PART  4
#define VP_COMPOUND_MIN_WORD  8
#define VP_COMPOUND_MAX_WORD  64
#define VP_COMPOUND_MAX_PARTS 4

/* Whether s[0..len) is a word of the lexicon. */
typedef bool (*vp_is_word_fn)(const char *s, size_t len, void *ctx);

typedef struct vp_span {
    size_t start, len;
} vp_span;

/* Splits the lower-case UTF-8 word w[0..len) into parts (spans of w);
 * returns the number of parts, 0 when w is no compound of the lexicon. */
size_t vp_compound_split(const char *w, size_t len, vp_is_word_fn is_word, void *ctx,
                         vp_span parts[VP_COMPOUND_MAX_PARTS]);

#endif /* VP_COMPOUND_SPLIT_H */
