/*
 * extract_text.h: the text helpers every extraction stage shares (private to
 * indexer/extract_*.c): character classes, words and sentences over UTF-8
 * bytes.
 *
 * They look at a few characters around a candidate without decoding or
 * folding whole strings, so a stage reads a report once.  Nothing here knows
 * about reports, documents or stages: the stage files depend on this one,
 * never the other way round.
 */
#ifndef VP_EXTRACT_TEXT_H
#define VP_EXTRACT_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* ---- characters ---- */

/* Byte length of the UTF-8 character at s (1 for an invalid byte). */
size_t vp_ex_charlen(const char *s, size_t len);
/* A superscript or subscript digit, the footnote mark of a word ("Smit\u00b2"). */
bool vp_ex_is_footnote_mark(const char *s, size_t len);
/* A letter or digit: ASCII alnum or any non-ASCII character except the
 * typographic punctuation block U+2000-U+206F (dashes, quotes) and
 * footnote marks. */
bool vp_ex_is_wordchar(const char *s, size_t len);
/* An upper-case / lower-case letter (ASCII, Latin-1, Latin Extended-A). */
bool vp_ex_is_upper(const char *s, size_t len);
bool vp_ex_is_lower(const char *s, size_t len);
/* All letters of s[0..n) upper case, and some letter: "NOORD-SLEEN". */
bool vp_ex_all_caps(const char *s, size_t n);
/* An apostrophe: ' or U+2019 (U+2018); returns its byte length, 0 when none. */
size_t vp_ex_apostrophe(const char *s, size_t len);

/* ---- words ---- */

/* s[0..n) equals the lower-case ASCII word w, ignoring ASCII case. */
bool vp_ex_eq(const char *s, size_t n, const char *w);
/* s[0..n) equals one of the NULL-terminated lower-case ASCII words. */
bool vp_ex_eq_any(const char *s, size_t n, const char *const *words);
/* The word that ends right before pos (only spaces in between); false when
 * there is none or punctuation comes first. */
bool vp_ex_prev_word(const char *t, size_t pos, size_t *ws, size_t *we);
/* The word that starts right after pos (only spaces in between). */
bool vp_ex_next_word(const char *t, size_t len, size_t pos, size_t *ws,
                     size_t *we);
/* Is the word right before start (right after end) one of the words? */
bool vp_ex_word_before_in(const char *t, size_t start, const char *const *words);
bool vp_ex_word_after_in(const char *t, size_t len, size_t end, const char *const *words);
/* The next word at or after *pos, over spaces and punctuation ("Zo, daar
 * ben ik weer"): for reading a text word by word; *pos moves past it. */
bool vp_ex_step_word(const char *t, size_t len, size_t *pos, size_t *ws, size_t *we);
/* Lower-cases (ASCII) t[a..b) into buf, at most cap-1 bytes; returns buf. */
char *vp_ex_lower(const char *t, size_t a, size_t b, char *buf, size_t cap);
/* "van", "de", "der", "den", "ter", "ten", "te", "'t", "in", "op", "el" ...:
 * the lower-case particles inside Dutch surnames. */
bool vp_ex_is_particle(const char *s, size_t n);

/* ---- sentences ---- */

/* The sentence around t[pos]: from after the last ". ", "! ", "? " or line
 * break before pos, to the next one at or after pos, each at most `reach`
 * bytes away (a sentence longer than that is cut there).  A full stop right
 * after a digit ("21. april", "nr. 3.") does not end a sentence before pos. */
size_t vp_ex_sentence_start(const char *t, size_t pos, size_t reach);
size_t vp_ex_sentence_end(const char *t, size_t len, size_t pos, size_t reach);

/* Does the sentence around t[start..end) speak of a later meeting ("de
 * volgende bijeenkomst is op 14 juni in Ede", "save the date", "will take
 * place")?  Dates and places there are not the report's. */
bool vp_ex_about_next_meeting(const char *t, size_t len, size_t start, size_t end);

/* Does t open a look-back on an earlier day ("Terugblik: Emmen, 16
 * november", "Terugblik op de najaarsdag", "Looking back")?  An
 * invitation's look-back is the report of the day it looks back on. */
bool vp_ex_opens_look_back(const char *t);

#endif /* VP_EXTRACT_TEXT_H */
