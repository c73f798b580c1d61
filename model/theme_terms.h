/*
 * theme_terms.h: the descriptors that are evidence of a theme, and the
 * matcher that finds them among the words of folded text.
 *
 * A descriptor is a folded word or phrase with the theme it speaks of and a
 * weight (how surely it does).  Its form says how it matches a word:
 *
 *   word      the whole word ("krimp", not "krimpen")
 *   word*     the start of a word: inflections, and compounds whose first
 *             part it is ("woningbouw*" = woningbouwopgave)
 *   *word     the end of a word, or the whole word: compounds whose head it
 *             is ("*leegstand" = winkelleegstand, leegstand)
 *   phrase    words separated by spaces, each whole; the last may end in
 *             '*' ("sociale huur*" = sociale huurwoningen)
 *
 * A hyphenated word ("woon-werkverkeer") is matched as a whole and part by
 * part.  Matching walks one trie of word starts and one of reversed word
 * ends, so a word costs its own length whatever the number of descriptors;
 * a "word" longer than VP_THEME_WORD_MAX bytes is no word and matches
 * nothing, which keeps a report of one 10 MB token linear.
 *
 * The words of a text are cut by vp_theme_next_word(), the same way for the
 * descriptors and for the reports.
 */
#ifndef VP_THEME_TERMS_H
#define VP_THEME_TERMS_H

#include <stdbool.h>
#include <stddef.h>

#define VP_THEME_WORD_MAX 64      /* bytes; a longer token is no word */
#define VP_THEME_PHRASE_MAX 6     /* words in one descriptor */

typedef struct vp_theme_term {
    size_t theme;        /* the caller's theme index */
    double weight;       /* > 0 */
    char *text;          /* as given, folded ("sociale huur*") */
    size_t n_words;      /* 1 for a single word */
} vp_theme_term;

typedef struct vp_theme_terms vp_theme_terms;

/* A word of the text: s[0..len), folded. */
typedef struct vp_word {
    const char *s;
    size_t len;
} vp_word;

/* A descriptor found at a word: which one, how many words it covers, and
 * whether it is only a part of a longer word: its start (a modifier,
 * "woning*" in woninginbraak) or its end (the head, "*inbraak"). */
typedef struct vp_term_match {
    size_t term;
    size_t words;
    bool modifier;
    bool head;
} vp_term_match;

/* An empty set of descriptors (never NULL: mem.h). */
vp_theme_terms *vp_theme_terms_new(void);
void vp_theme_terms_free(vp_theme_terms *tt);

/* Adds a descriptor (folded, with its '*' marks) for theme.  Returns 0, or
 * 1 with the reason in why when the descriptor is malformed ('*' inside a
 * word, on both ends, inside a phrase, too many words, no word) or already
 * there for the same theme. */
int vp_theme_terms_add(vp_theme_terms *tt, const char *descriptor, size_t theme,
                       double weight, char *why, size_t whylen);

size_t vp_theme_terms_count(const vp_theme_terms *tt);
const vp_theme_term *vp_theme_terms_at(const vp_theme_terms *tt, size_t i);

/* The next word of folded text t[*pos..len): letters and digits (any
 * non-ASCII character but typographic punctuation) with inner hyphens.
 * Returns false at the end; else sets *word and moves *pos past it. */
bool vp_theme_next_word(const char *t, size_t len, size_t *pos, vp_word *word);

/* The descriptors that match at words[i] of words[0..n): single words
 * against words[i] (and its hyphenated parts), phrases starting there.
 * Writes at most cap matches to out and returns how many. */
size_t vp_theme_terms_match(const vp_theme_terms *tt, const vp_word *words, size_t n,
                            size_t i, vp_term_match *out, size_t cap);

#endif /* VP_THEME_TERMS_H */
