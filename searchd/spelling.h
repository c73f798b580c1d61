/*
 * spelling.h: the spelling suggestion of a query text, with the
 * suggestions for single words remembered per searcher.
 *
 * Xapian's QueryParser asks the spelling table about every word of a query
 * (Database::get_spelling_suggestion merges the word's trigram lists: it
 * cost more than the match itself: 100 ms for one long word on 2,000
 * generated reports).  Every query is corrected word by word instead, and
 * each word's answer is kept until the index changes.  Only the words are
 * checked (runs of letters, "coördinatie" too, that the parser reads as
 * terms); operators (AND, OR, NOT, NEAR/3), + and -, quotes, parentheses,
 * field names ("titel:"), a theme's slug ("thema:sociaal-domein"),
 * wildcards and tokens with digits stay as typed, so the suggestion keeps
 * the query's structure.  (Sent whole to the parser, "Duitsland AND grens"
 * came back as "duiveland AND eren": the table offered each word a more
 * frequent neighbour.)
 *
 * A word some report uses (the index's term list has it)
 * is taken as typed, as Lucene's spell checker does by default
 * (SUGGEST_WHEN_NOT_IN_INDEX).  Xapian would offer a more frequent
 * neighbour ("gemeente" for "gemeenten", which stemming finds anyway), and
 * finding it merges the word's trigram lists: tens of millions of
 * instructions a word on a large index, for a query that only found few
 * reports because its words rarely meet.
 *
 * Any other word gets the word one edit away (a letter dropped, swapped,
 * changed or added: Damerau's edits, the typos people make most) that most
 * reports use, looked up in the term list (about 90 lookups a letter, a
 * few microseconds each, once per word and revision); only when there is
 * none does Xapian's spelling table answer, with words up to two edits
 * away.  The table holds only the words of two reports or more
 * (indexer/spelling_sync.h), the bulk of its cost; the term list knows
 * every word.
 */
#ifndef VP_SPELLING_H
#define VP_SPELLING_H

#include <stdbool.h>

#include "xapian_c.h"

typedef struct vp_spell_cache vp_spell_cache;

/* An empty cache (never NULL: mem.h). */
vp_spell_cache *vp_spell_cache_new(void);
void vp_spell_cache_free(vp_spell_cache *c);
/* Forgets every answer (the index has changed). */
void vp_spell_cache_clear(vp_spell_cache *c);

/* text with the corrections of the words no report in lexicon uses, as
 * above, or NULL when there is none or it equals text.  flags: the
 * parser's, for the spelling table's answer (plus
 * XAPC_QP_SPELLING_CORRECTION).  lexicon is the database qp reads.  nearby:
 * look for words one edit away in lexicon's term list; false where some
 * shard is remote (each of the hundreds of lookups a round trip: a request
 * ran out of its deadline), so only the spelling table answers there.  c
 * may be NULL (nothing remembered).  Caller frees. */
char *vp_spelling_of(vp_spell_cache *c, const xapc_db *lexicon, xapc_qp *qp,
                     const char *text, unsigned flags, bool nearby);

#endif /* VP_SPELLING_H */
