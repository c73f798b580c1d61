/*
 * spelling.h: the spelling suggestion of a query text, with the
 * suggestions for single words remembered per searcher.
 *
 * Xapian's QueryParser asks the spelling table about every word of a query
 * (Database::get_spelling_suggestion merges the word's trigram lists: it
 * cost more than the match itself: 100 ms for one long word on 2,000
 * generated reports).  A plain query (words of ASCII and Latin-1 letters,
 * "coördinatie" too, between spaces) is corrected word by word, as the
 * parser does it, and each word's answer is kept until the index changes;
 * any other query goes to the parser whole, as before.
 *
 * In a plain query a word the spelling table holds is taken as typed (the
 * reports use it, so it is a word), as Lucene's spell checker does by
 * default (SUGGEST_WHEN_NOT_IN_INDEX).  Xapian would offer a more frequent
 * neighbour ("gemeente" for "gemeenten", which stemming finds anyway), and
 * finding it merges the word's trigram lists: tens of millions of
 * instructions a word on a large index, for a query that only found few
 * reports because its words rarely meet.
 */
#ifndef VP_SPELLING_H
#define VP_SPELLING_H

#include "xapian_c.h"

typedef struct vp_spell_cache vp_spell_cache;

/* An empty cache (never NULL: mem.h). */
vp_spell_cache *vp_spell_cache_new(void);
void vp_spell_cache_free(vp_spell_cache *c);
/* Forgets every answer (the index has changed). */
void vp_spell_cache_clear(vp_spell_cache *c);

/* text with Xapian's spelling corrections (parsed with flags plus
 * XAPC_QP_SPELLING_CORRECTION) of the words lexicon's spelling table does
 * not hold, or NULL when there is none or it equals text.  lexicon is the
 * database qp reads.  c may be NULL (nothing remembered).  Caller frees. */
char *vp_spelling_of(vp_spell_cache *c, const xapc_db *lexicon, xapc_qp *qp,
                     const char *text, unsigned flags);

#endif /* VP_SPELLING_H */
