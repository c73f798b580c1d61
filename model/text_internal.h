/*
 * text_internal.h: code point helpers that text.c shares with the other
 * model sources (the gazetteer's scanner folds word by word).  Private to
 * model/; not part of the public contract.
 */
#ifndef VP_TEXT_INTERNAL_H
#define VP_TEXT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

/* White space as vp_fold() sees it: ASCII space and controls \t..\r, NEL,
 * NBSP and the other Unicode space separators. */
bool vp_text_is_space(unsigned cp);
/* ' ` U+2018 U+2019 U+02BC */
bool vp_text_is_apostrophe(unsigned cp);
/* - U+2010 U+2011 U+2013 U+2014 */
bool vp_text_is_hyphen(unsigned cp);
/* The folded form of one code point, as vp_fold() writes it (before white
 * space is collapsed): a pointer to *outlen bytes, either static or in tmp. */
const char *vp_text_fold_cp(unsigned cp, char tmp[8], size_t *outlen);

#endif
