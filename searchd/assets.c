/*
 * assets.c: the compiled-in files (see assets.h); the table itself is
 * generated from searchd/web/ into the build folder.
 */
#include "assets.h"

#include <string.h>

#include "web_assets.inc"

const vp_asset *vp_asset_find(const char *name)
{
    for (size_t i = 0; i < sizeof web_assets / sizeof *web_assets; i++)
        if (strcmp(web_assets[i].name, name) == 0)
            return &web_assets[i];
    return NULL;
}
