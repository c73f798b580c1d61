/*
 * frontmatter.h: YAML front matter (between a leading `---` line and a
 * closing `---` or `...` line), parsed with libyaml into vp_frontmatter.
 */
#ifndef VP_FRONTMATTER_H
#define VP_FRONTMATTER_H

#include <stddef.h>
#include "parsed.h"
#include "problem.h"

/* The tree's one problem type (problem.h): line is the 1-based file line of
 * the problem, message what is wrong. */
typedef vp_problem vp_fm_error;

/* Front matter longer than this is an error: what libyaml is given stays
 * small, whatever the report. */
#define VP_FM_MAX_BYTES (64 * 1024)

/* Splits src[0..len): when it starts with front matter, *body_offset is the
 * byte offset of the Markdown body and *body_line its 1-based line, and the
 * front matter is parsed into fm (which must be zeroed; fm->present set).
 * Without front matter: *body_offset 0, *body_line 1, fm untouched.
 * Returns 0, or -1 with err filled for unclosed or invalid YAML, front
 * matter longer than VP_FM_MAX_BYTES, nested more than 32 levels deep or
 * with more than 256 anchors and aliases, or a field of the wrong shape. */
int vp_frontmatter_parse(const char *src, size_t len, vp_frontmatter *fm,
                         size_t *body_offset, int *body_line, vp_fm_error *err);

#endif /* VP_FRONTMATTER_H */
