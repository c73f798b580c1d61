/*
 * cli.c: loading data/ for the programs (see cli.h).
 */
#include "cli.h"

#include <stdio.h>

#include "datadir.h"

int vp_data_load(const char *prog, const char *dir, vp_data *out)
{
    char path[4096], why[512];
    out->gazetteer = NULL;
    out->themes = NULL;
    dir = dir ? dir : vp_default_data_dir();
    snprintf(path, sizeof path, "%s/gemeenten.tsv", dir);
    out->gazetteer = vp_gazetteer_load(path, why, sizeof why);
    if (!out->gazetteer) {
        fprintf(stderr, "%s: cannot load the gazetteer: %s\n", prog, why);
        return -1;
    }
    snprintf(path, sizeof path, "%s/themes.tsv", dir);
    out->themes = vp_themes_load(path, why, sizeof why);
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
