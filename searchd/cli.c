/*
 * cli.c: loading data/ for the programs (see cli.h).
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>

#include "datadir.h"
#include "sys.h"

int vp_data_load(const char *prog, const char *dir, vp_data *out)
{
    char why[512];
    out->gazetteer = NULL;
    out->themes = NULL;
    dir = dir ? dir : vp_default_data_dir();
    char *path = vp_path_join(dir, "gemeenten.tsv");
    out->gazetteer = vp_gazetteer_load(path, why, sizeof why);
    free(path);
    if (!out->gazetteer) {
        fprintf(stderr, "%s: cannot load the gazetteer: %s\n", prog, why);
        return -1;
    }
    path = vp_path_join(dir, "themes.tsv");
    out->themes = vp_themes_load(path, why, sizeof why);
    free(path);
    if (!out->themes) {
        fprintf(stderr, "%s: cannot load the themes: %s\n", prog, why);
        vp_gazetteer_free(out->gazetteer);
        out->gazetteer = NULL;
        return -1;
    }
    return 0;
}

void vp_data_free(vp_data *d)
{
    vp_gazetteer_free(d->gazetteer);
    vp_themes_free(d->themes);
    d->gazetteer = NULL;
    d->themes = NULL;
}
