/*
 * extract_themes.h: the evidence of each theme in one report, and the
 * decision the model makes from it.  Shared by the themes stage
 * (extract_themes.c) and the tool that fits the model on labelled reports
 * (bench/themes_fit.c), so that the tool learns from exactly what the
 * stage sees.  Not part of the public extract.h.
 */
#ifndef VP_EXTRACT_THEMES_H
#define VP_EXTRACT_THEMES_H

#include <stdbool.h>
#include <stddef.h>

#include "parsed.h"
#include "themes.h"

typedef struct vp_theme_evidence {
    size_t n;                           /* themes of the taxonomy */
    double (*x)[VP_THEME_FEATURES];     /* the features of each theme */
    bool *named;                        /* the author names it: a front matter tag
                                           is its slug or label, or a list of the
                                           day's subjects holds it */
} vp_theme_evidence;

/* The evidence of every theme in p, whose title is title (may be NULL).
 * Linear in the size of the report.  Clear ev with
 * vp_theme_evidence_clear(). */
void vp_theme_evidence_of(const vp_themes *th, const vp_parsed *p, const char *title,
                          vp_theme_evidence *ev);
void vp_theme_evidence_clear(vp_theme_evidence *ev);

/* The themes to assign (indexes, likeliest first) into out[ev->n]: those
 * the author names (a tag, a list of subjects), then those the model finds
 * likely enough (m may be NULL: named ones only), at most m->max_themes in
 * all but the named.  Returns how many. */
size_t vp_theme_decide(const vp_theme_model *m, const vp_theme_evidence *ev, size_t *out);

#endif /* VP_EXTRACT_THEMES_H */
