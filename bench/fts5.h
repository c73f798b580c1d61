/*
 * fts5.h: the plain baseline Vindplaats is measured against: SQLite FTS5
 * with its unicode61 tokenizer (diacritics removed) ranked by bm25, over the
 * same Markdown reports (title and body, front matter stripped).
 *
 * It owns the baseline database (one FTS5 table `reports(id UNINDEXED,
 * title, body)`), building it from a folder of reports, and turning a user
 * query into an FTS5 MATCH expression: words AND'ed, "quoted phrases" kept
 * as phrases, every other character a separator, so no user input is an
 * FTS5 syntax error.  No stemming, compounds, synonyms or spelling: that is
 * what makes it the baseline.  Used by bench/evaluate and the benchmarks.
 */
#ifndef VP_FTS5_H
#define VP_FTS5_H

#include <stddef.h>
#include "strvec.h"

typedef struct vp_fts5 vp_fts5;

/* (Re)creates the baseline database at db_path from every *.md file under
 * corpus_dir (hidden folders skipped; id = relative path without ".md").
 * Returns the number of reports, or -1 with a message in errbuf. */
long vp_fts5_build(const char *db_path, const char *corpus_dir, char *errbuf, size_t errlen);

/* Opens a built baseline read-only; NULL with a message in errbuf. */
vp_fts5 *vp_fts5_open(const char *db_path, char *errbuf, size_t errlen);
void vp_fts5_close(vp_fts5 *f);

/* The ids of the reports matching q, best bm25 first, at most limit (0: all),
 * appended to ids.  A q without words matches nothing.  0, or -1 with errbuf. */
int vp_fts5_query(vp_fts5 *f, const char *q, size_t limit, vp_strvec *ids,
                  char *errbuf, size_t errlen);

/* The FTS5 MATCH expression for q ("" when q holds no word); caller frees. */
char *vp_fts5_match_expr(const char *q);

#endif /* VP_FTS5_H */
