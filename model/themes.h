/*
 * themes.h: the themes taxonomy (data/themes.tsv): a slug, a Dutch label
 * and the theme's own words, and beside it in the same folder the evidence
 * the indexer weighs: more descriptors with their weights
 * (theme_terms.tsv, see theme_terms.h) and the fitted classifier
 * (theme_model.tsv, see theme_model.h).  Weighing a report's evidence is
 * the indexer's business; this module loads and looks up.
 */
#ifndef VP_THEMES_H
#define VP_THEMES_H

#include <stddef.h>
#include "strvec.h"
#include "theme_model.h"
#include "theme_terms.h"

/* The weight of a theme's own words (themes.tsv) as descriptors. */
#define VP_THEME_KEYWORD_WEIGHT 3.0

typedef struct vp_theme {
    char *slug;          /* "regionale-samenwerking" */
    char *label;         /* "Regionale samenwerking" */
    vp_strvec keywords;  /* folded words and phrases that name it (descriptor forms) */
    char *slug_key;      /* vp_fold_key of slug and of label: how a query names it */
    char *label_key;
} vp_theme;

typedef struct vp_themes vp_themes;

/* Loads the taxonomy at path and, when they are in the same folder,
 * theme_terms.tsv and theme_model.tsv.  NULL on failure with
 * "path:line: what is wrong" in errbuf. */
vp_themes *vp_themes_load(const char *path, char *errbuf, size_t errlen);
/* The same without theme_model.tsv: for the tool that fits it. */
vp_themes *vp_themes_load_unfitted(const char *path, char *errbuf, size_t errlen);
void vp_themes_free(vp_themes *t);
size_t vp_themes_count(const vp_themes *t);
const vp_theme *vp_themes_at(const vp_themes *t, size_t i);          /* borrowed */
/* By slug or label, case/accent-insensitive; NULL when unknown. */
const vp_theme *vp_themes_lookup(const vp_themes *t, const char *name);

/* Every descriptor: the themes' own words and theme_terms.tsv.  Never NULL
 * for a loaded taxonomy. */
const vp_theme_terms *vp_themes_terms(const vp_themes *t);
/* Is the folded word w[0..len) one that announces a list of subjects
 * (theme_cues.tsv, beside the taxonomy; none when it is absent)? */
bool vp_themes_is_list_cue(const vp_themes *t, const char *w, size_t len);
/* The classifier; NULL when theme_model.tsv was not beside the taxonomy. */
const vp_theme_model *vp_themes_model(const vp_themes *t);

#endif /* VP_THEMES_H */
