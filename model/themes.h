/*
 * themes.h: the themes taxonomy (data/themes.tsv): a slug, a Dutch label
 * and the keywords that signal the theme.  Matching a report against it is
 * the indexer's business; this module only loads and looks up.
 */
#ifndef VP_THEMES_H
#define VP_THEMES_H

#include <stddef.h>
#include "strvec.h"

typedef struct vp_theme {
    char *slug;          /* "regionale-samenwerking" */
    char *label;         /* "Regionale samenwerking" */
    vp_strvec keywords;  /* folded keywords and phrases; a trailing '*' marks a prefix */
} vp_theme;

typedef struct vp_themes vp_themes;

/* NULL on failure with "path:line: what is wrong" in errbuf. */
vp_themes *vp_themes_load(const char *path, char *errbuf, size_t errlen);
void vp_themes_free(vp_themes *t);
size_t vp_themes_count(const vp_themes *t);
const vp_theme *vp_themes_at(const vp_themes *t, size_t i);          /* borrowed */
/* By slug or label, case/accent-insensitive; NULL when unknown. */
const vp_theme *vp_themes_lookup(const vp_themes *t, const char *name);

#endif /* VP_THEMES_H */
