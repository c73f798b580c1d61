/*
 * theme_model.h: the classifier that turns a theme's evidence in a report
 * into a decision (data/theme_model.tsv, written by bench/themes_fit).
 *
 * The evidence is a handful of features per theme (what they measure is
 * the indexer's business, indexer/extract_themes.c; their names are the
 * file's schema and live here).  The model is one logistic regression
 * shared by every theme: p = 1 / (1 + exp(-(bias + sum weight_i * x_i))).
 * A theme is assigned when p >= threshold; a report without one gets its
 * likeliest theme when that reaches fallback.  Shared weights keep the
 * number of fitted values small (a dozen against hundreds of report-theme
 * pairs), so what is learnt is how evidence counts, not which words.
 */
#ifndef VP_THEME_MODEL_H
#define VP_THEME_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum vp_theme_feature {
    VP_TF_TITLE,     /* descriptors in the title and the front matter tags */
    VP_TF_HEADING,   /* in headings, workshop titles, programme rows */
    VP_TF_BODY,      /* in the running text (saturating, length-normalised) */
    VP_TF_DISTINCT,  /* how many different descriptors */
    VP_TF_SHARE,     /* its evidence against the strongest theme's */
    VP_THEME_FEATURES
} vp_theme_feature;

/* The names in the file, in the order of vp_theme_feature. */
extern const char *const vp_theme_feature_names[VP_THEME_FEATURES];

typedef struct vp_theme_model {
    double bias;
    double weight[VP_THEME_FEATURES];
    double threshold;    /* p at which a theme is assigned */
    double fallback;     /* p at which the likeliest theme is assigned when none is */
    size_t max_themes;   /* at most this many themes a report (>= 1) */
} vp_theme_model;

/* Reads a model file: lines `name <TAB> value`, every feature, `bias`,
 * `threshold`, `fallback` and `max_themes` exactly once.  Returns 0, or -1
 * with "path:line: what is wrong" in errbuf. */
int vp_theme_model_load(const char *path, vp_theme_model *m, char *errbuf, size_t errlen);

/* The probability that a theme with features x is a subject of the report. */
double vp_theme_model_p(const vp_theme_model *m, const double x[VP_THEME_FEATURES]);

/* Writes m in the file's format (after the caller's header comment). */
void vp_theme_model_write(const vp_theme_model *m, FILE *fp);

#endif /* VP_THEME_MODEL_H */
