/*
 * markdown.h: Markdown body to vp_parsed blocks, through cmark's AST.
 *
 * Owns the reading of structure: headings (ATX and setext alike, since cmark
 * folds both into one node type), paragraphs, list items, block quotes, code,
 * and two things CommonMark leaves as plain paragraphs but reports use as
 * structure: pipe tables (split into rows) and pseudo-headings (a short
 * ALL-CAPS or wholly bold first line, as Word exports workshop titles).
 */
#ifndef VP_MARKDOWN_H
#define VP_MARKDOWN_H

#include <stddef.h>
#include "parsed.h"

/* Parses md[0..len) (UTF-8, front matter already removed) and appends its
 * blocks to out.  first_line is the file line where md starts, so block
 * lines point into the file.  Returns 0, or -1 when out of memory. */
int vp_markdown_parse(const char *md, size_t len, int first_line, vp_parsed *out);

/* True when line reads as a heading typed in capitals: at least three
 * letters, none of them lower case, at most 100 bytes. */
bool vp_is_caps_heading(const char *line);

#endif /* VP_MARKDOWN_H */
