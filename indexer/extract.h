/*
 * extract.h: the facets of one report, read out of its text: the public
 * surface of the extraction.
 *
 * vp_extract_all() runs the stages of extract.c in order over a parsed
 * report and fills the document's title, date, municipalities and host,
 * speakers and themes.  Front matter fields win where present; the stages
 * fill in what front matter leaves out.  How the stages work, and what each
 * reads from the ones before it, is told in extract.c; the files behind it
 * are private (extract_stages.h, extract_text.h).
 */
#ifndef VP_EXTRACT_H
#define VP_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>
#include "parsed.h"
#include "document.h"
#include "gazetteer.h"
#include "themes.h"
#include "problem.h"

typedef struct vp_speaker_words vp_speaker_words;   /* speaker_words.h */

typedef struct vp_extract_ctx {
    const vp_gazetteer *gazetteer;   /* may be NULL: no municipalities */
    const vp_themes *themes;         /* may be NULL: no themes */
    const vp_speaker_words *speaker_words;   /* may be NULL: no speakers */
} vp_extract_ctx;

/* A problem worth one line on stderr ("path:line: message"); the first one
 * found in a file is reported, and the report is still indexed. */
typedef vp_problem vp_extract_issue;   /* problem.h; line 0 when none */

/* What a stage, and the whole extraction, returns.  A report whose stage
 * failed must not be indexed as if its facets were complete.  Our own
 * allocations abort when memory runs out (mem.h), so a stage fails only
 * where a library it calls hands back NULL. */
typedef enum vp_extract_status {
    VP_EXTRACT_OK = 0,
    VP_EXTRACT_NO_MEMORY,    /* a facet may be incomplete: do not store */
} vp_extract_status;

/* Runs every stage over p into d (initialised by the caller; fields it fills
 * are replaced).  issue receives the first problem worth a warning.
 * Stops at the first stage that fails and returns its status. */
vp_extract_status vp_extract_all(const vp_extract_ctx *ctx, const vp_parsed *p,
                                 vp_document *d, vp_extract_issue *issue);

/* ---- the extractor version ---- */

enum { VP_EXTRACT_VERSION_LEN = 17 };   /* 16 hex digits and a NUL */

/* The version of the extraction: stored with every document, so that a
 * database whose reports were extracted by other code or other data is
 * re-extracted though no report changed.  It hashes, so that nobody has to
 * remember to bump anything:
 *   - the source of the extraction (every source file of the indexer and
 *     model libraries, hashed by the build: VP_EXTRACT_CODE_HASH),
 *   - VP_EXTRACT_VERSION in extract_version.c, bumped by hand only for
 *     what the sources do not show,
 *   - the versions of the libraries that parse the reports, and
 *   - every data file under data_dir (all files but *.md, by path and
 *     content, in name order), so a new word list is covered the day it
 *     is added.
 * Returns false with "path: reason" in errbuf when a data file cannot be
 * read. */
bool vp_extract_version(const char *data_dir, char out[VP_EXTRACT_VERSION_LEN],
                        char *errbuf, size_t errlen);

/* ---- single parsers, also used by the stages ---- */

/* The report title: front matter title, else the first heading, else the
 * first line of the first non-empty block; white space squeezed.  malloc'd,
 * NULL when the report is empty (or out of memory). */
char *vp_extract_title(const vp_parsed *p);

/* Parses one date expression at the start of or anywhere inside text:
 * "vrijdag 21 april 2017", "21 april 2017", "21-04-2017", "21/4/2017",
 * "2017-04-21", "21 apr. 2017".  When the text has no year, default_year is
 * used (0: no date).  Writes "YYYY-MM-DD" into out and returns true when a
 * valid calendar date was found. */
bool vp_parse_date(const char *text, int default_year, char out[11]);

/* Splits a front matter speaker string ("Marloes Hoogerbrugge (Platform31)",
 * "burgemeester Govert Veldhuijzen (Gorinchem)") into name, organisation,
 * role.  Returns false when no name is found.  Outputs are malloc'd (NULL
 * when absent); caller frees. */
bool vp_parse_speaker(const vp_speaker_words *w, const char *s, char **name,
                      char **org, char **role);

#endif /* VP_EXTRACT_H */
