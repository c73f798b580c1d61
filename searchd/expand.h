/*
 * expand.h: a plain query widened before it runs, so that it finds what the
 * words mean and not only the words:
 *
 *  - multi-word synonyms: a run of up to four words that is a key of the
 *    synonym table (data/synonyms.tsv, folded) is OR'ed with each of its
 *    multi-word synonyms as a phrase ("regional collaboration" also finds
 *    "regionale samenwerking").  Xapian's own auto-synonyms only handle
 *    single-term synonyms, which the parser still adds;
 *  - compound words: a word the index holds in fewer than
 *    VP_EXPAND_RARE_COMPOUND reports and that splits into indexed words
 *    (model/compound_split.h) also finds its first part, ranked up by the
 *    others ("samenwerkingsverband" also finds samenwerking).
 *
 * A query with quotes, brackets, fields, wildcards, +/- or operators is
 * taken as typed: whoever writes those means exactly them.
 */
#ifndef VP_EXPAND_H
#define VP_EXPAND_H

#include "xapian_c.h"

#define VP_EXPAND_MAX_WORDS     16   /* longer plain queries are taken as typed */
#define VP_EXPAND_MAX_SPAN       4   /* words in one synonym key */
#define VP_EXPAND_RARE_COMPOUND  3

/* The widened query for q (the words AND'ed, as the parser would), parsed
 * with qp and flags; db (the index) answers synonyms and term counts.
 * Returns NULL with err->status XAPC_OK when q is not plain.  Caller frees. */
xapc_query *vp_expand_query(xapc_qp *qp, const xapc_db *db, const char *q,
                            unsigned flags, xapc_error *err);

#endif /* VP_EXPAND_H */
