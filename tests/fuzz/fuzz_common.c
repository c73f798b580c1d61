/* fuzz_common.c: see fuzz_common.h. */
#include "fuzz_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *fuzz_cstring(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        abort();
    memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

static vp_gazetteer *gazetteer;
static vp_themes *themes;

/* Globals stay reachable until exit, so LeakSanitizer does not count them. */
const vp_gazetteer *fuzz_gazetteer(void)
{
    char err[256];
    if (!gazetteer && (!(gazetteer = vp_gazetteer_load(VP_DATA_DIR "/gemeenten.tsv",
                                                       err, sizeof err)) ||
                       vp_gazetteer_load_places(gazetteer, VP_DATA_DIR "/woonplaatsen.tsv",
                                                err, sizeof err))) {
        fprintf(stderr, "fuzz: %s\n", err);
        abort();
    }
    return gazetteer;
}

const vp_themes *fuzz_themes(void)
{
    char err[256];
    if (!themes && !(themes = vp_themes_load(VP_DATA_DIR "/themes.tsv", err, sizeof err))) {
        fprintf(stderr, "fuzz: %s\n", err);
        abort();
    }
    return themes;
}
