/*
 * cli.h: what searchd and vind share on the command line: loading data/
 * (gazetteer and themes, for aliases and labels) with clear messages.
 */
#ifndef VP_CLI_H
#define VP_CLI_H

#include "gazetteer.h"
#include "themes.h"

typedef struct vp_data {
    vp_gazetteer *gazetteer;
    vp_themes *themes;
} vp_data;

/* Loads DIR/gemeenten.tsv and DIR/themes.tsv (dir NULL: the default,
 * vp_default_data_dir()).  0, or -1 after printing "PROG: what is wrong" to stderr. */
int vp_data_load(const char *prog, const char *dir, vp_data *out);
void vp_data_free(vp_data *d);

#endif /* VP_CLI_H */
