/*
 * spelling_sync.h: the spelling table, brought in line with the index's own
 * term list once per run.
 *
 * Xapian's term generator, given a spelling database, adds every word it
 * indexes as it goes: a lookup in a std::map per word, and for every word
 * it has not seen its fragments into std::sets, merged into the table's
 * B-tree at every commit.  With a vocabulary that keeps growing, as an
 * archive's does (names, places, typos, compounds), that was the largest
 * part of indexing (issue 17).  Instead the indexer indexes without it and,
 * once a run has changed something, makes the table hold each word that
 * VP_SPELLING_MIN_REPORTS reports or more use (an unprefixed term, as the
 * term generator spells it; the compound parts too) with the number of
 * reports using it as its frequency, and no other word: one pass over two
 * sorted lists, each word touched once.
 *
 * The words of one report are most of a growing archive's vocabulary
 * (names, places, typos, compounds; 69% of the words of six letters or
 * more on 600 of the peers' generated reports): leaving them out of the
 * table took a quarter of the indexer's CPU time at 2,000 of those reports
 * (issue 17).  searchd still knows them: it reads the index's term list to
 * tell a word from a typo and to find the words one edit away from a typo
 * (searchd/spelling.h); the table serves the words two edits away.
 */
#ifndef VP_SPELLING_SYNC_H
#define VP_SPELLING_SYNC_H

#include <stdbool.h>
#include <stddef.h>

#include "xapian_c.h"

/* Xapian holds a table's uncommitted spelling changes in memory, about
 * 850 bytes per word measured (each word under each of its fragments), and
 * writes them only at a commit: a first run over a large archive adds
 * millions of words at once (1.6 GB at 100,000 reports).  So the changes
 * go in steps that fit the run's memory budget at this much per word (the
 * commit's merge needs about as much again), each step but the last
 * committed here.  Not smaller than need be: a table written in steps takes
 * more room on disk (2.5 times at 10,000 reports in steps of 50,000 words),
 * as its blocks are rewritten by each step. */
#define VP_SPELLING_BYTES_PER_WORD 2048

/* A word goes in the table when at least this many reports use it. */
#define VP_SPELLING_MIN_REPORTS 2

/* Metadata set while the table is part-way: a run that stopped between two
 * steps left it so, and the next run syncs again though no report changed. */
#define VP_META_SPELLING_UNFINISHED "vindplaats.spellingunfinished"

/* Makes spelling's table hold every word term of terms that at least
 * VP_SPELLING_MIN_REPORTS reports use, with its term frequency: words
 * added, frequencies corrected, words gone or grown rarer removed, in steps
 * of at most step words (0: one step), every step but the last committed;
 * the last is left uncommitted for the caller's commit.
 * *changed (may be NULL) counts the words touched.  XAPC_OK or the failure
 * (err set). */
xapc_status vp_spelling_sync(xapc_wdb *spelling, const xapc_db *terms, size_t step,
                             size_t *changed, xapc_error *err);

/* True when an earlier sync of spelling stopped part-way. */
bool vp_spelling_unfinished(xapc_wdb *spelling);

#endif /* VP_SPELLING_SYNC_H */
