/*
 * compound.h: Dutch compound words at index time.
 *
 * Owns the lexicon (a hash set of the words of Debian's wdutch list,
 * /usr/share/dict/dutch, and of any word a caller adds) and the step that
 * gives a document the parts of its compounds: for every unprefixed term
 * that model/compound_split.h splits against the lexicon, each part is added at
 * every position of the compound (so phrases over parts work) and as its
 * Z-stem, with half the compound's wdf (rounded up), so that a report that
 * says "samenwerking" ranks above one that only says
 * "samenwerkingsverband" for the query samenwerking.
 */
#ifndef VP_INDEXER_COMPOUND_H
#define VP_INDEXER_COMPOUND_H

#include <stdbool.h>
#include <stddef.h>

#include "xapian_c.h"

#define VP_WORDLIST_PATH "/usr/share/dict/dutch"

typedef struct vp_lexicon vp_lexicon;

/* An empty lexicon (never NULL: mem.h).  Free with vp_lexicon_free(). */
vp_lexicon *vp_lexicon_new(void);
void vp_lexicon_free(vp_lexicon *lex);

/* Adds every line of a word list (UTF-8, one word a line, lower-cased on
 * the way in).  Returns 0, or -1 with "path: why" in errbuf. */
int vp_lexicon_load(vp_lexicon *lex, const char *path, char *errbuf, size_t errlen);

/* Adds one word (any case is kept as given; an empty word or one with a NUL
 * is ignored). */
void vp_lexicon_add(vp_lexicon *lex, const char *word, size_t len);
bool vp_lexicon_contains(const vp_lexicon *lex, const char *word, size_t len);
size_t vp_lexicon_size(const vp_lexicon *lex);

/* Adds the compound parts of doc's unprefixed terms (see above); stem makes
 * the Z terms.  Reuses buffers kept in lex, so one lexicon serves one thread.
 * XAPC_OK, or the failing status with err set. */
xapc_status vp_compound_index_doc(vp_lexicon *lex, xapc_doc *doc, const xapc_stem *stem,
                                  xapc_error *err);

#endif /* VP_INDEXER_COMPOUND_H */
