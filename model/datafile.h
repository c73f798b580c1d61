/*
 * datafile.h: reading the editable data files (the .tsv files in data/) line by line.
 *
 * One reader for every loader, so that they agree on what a data file is:
 * UTF-8 (a byte order mark is allowed), LF or CRLF line ends, `#` comments
 * and blank lines skipped, and every error "path:line: what is wrong".
 */
#ifndef VP_DATAFILE_H
#define VP_DATAFILE_H

#include <stddef.h>

#include "problem.h"   /* vp_errorf */

/* Called for each content line (end of line removed; the line may be
 * modified in place).  Returns 0 to go on, non-zero (after filling errbuf)
 * to stop. */
typedef int (*vp_datafile_line_fn)(char *line, size_t lineno, const char *path,
                                   void *ctx, char *errbuf, size_t errlen);

/* Calls fn for every content line of path.  Returns 0, or -1 with the
 * message in errbuf (a missing file, invalid UTF-8, a read error, or what
 * fn reported). */
int vp_datafile_each_line(const char *path, vp_datafile_line_fn fn, void *ctx,
                          char *errbuf, size_t errlen);

#endif /* VP_DATAFILE_H */
