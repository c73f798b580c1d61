/*
 * text.h: UTF-8 text helpers shared by the indexer and the query layer:
 * validation, folding for matching (case and accents), slugs and anchors.
 *
 * Folding is what makes "Súdwest-Fryslân", "SUDWEST-FRYSLAN" and
 * "sudwest-fryslan" the same facet value and the same filter term.
 */
#ifndef VP_TEXT_H
#define VP_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* True when s[0..len) is valid UTF-8 without NUL bytes.  On false, *bad_offset
 * (may be NULL) is the byte offset of the first invalid sequence. */
bool vp_utf8_valid(const char *s, size_t len, size_t *bad_offset);

/* Lower case, accents removed (é→e, ë→e, ĳ→ij, ß→ss ...), typographic
 * apostrophes and quotes made ASCII, runs of white space made one space,
 * leading and trailing space removed.  Hyphens are kept.  Caller frees;
 * never NULL (out of memory aborts, mem.h). */
char *vp_fold(const char *s);

/* vp_fold() and also hyphens and dots made spaces: the key under which a
 * name is looked up ("Leidschendam-Voorburg" = "leidschendam voorburg").
 * Caller frees; never NULL, as vp_fold. */
char *vp_fold_key(const char *s);

/* A URL-safe anchor from a heading: folded, [a-z0-9] runs joined by '-',
 * at most 64 bytes ("A. CONCEPT BINNENSTAD" -> "a-concept-binnenstad").
 * Caller frees. */
char *vp_anchor(const char *heading);

/* True when the folded forms of a and b are equal. */
bool vp_fold_equal(const char *a, const char *b);

/* Decodes one UTF-8 code point at s (len bytes available); returns its
 * length in bytes (0 at end or for an invalid sequence) and sets *cp. */
size_t vp_utf8_decode(const char *s, size_t len, unsigned *cp);

/* Trims ASCII white space in place at both ends; returns s. */
char *vp_trim(char *s);

/* A copy of s[0..len), NUL-terminated; caller frees; never NULL (mem.h). */
char *vp_strndup(const char *s, size_t len);

#endif /* VP_TEXT_H */
