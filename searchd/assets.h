/*
 * assets.h: files served by searchd that are compiled into the binary (no
 * runtime file paths to traverse).  The page of issue 5 replaces the
 * placeholder: generate a table like the one in assets.c from web/ files.
 */
#ifndef VP_ASSETS_H
#define VP_ASSETS_H

#include <stddef.h>

typedef struct vp_asset {
    const char *name;          /* "index.html", "app.js": served at /static/NAME
                                  (and index.html at /) */
    const char *content_type;
    const unsigned char *data;
    size_t len;
} vp_asset;

/* The asset with that exact name, or NULL. */
const vp_asset *vp_asset_find(const char *name);

#endif /* VP_ASSETS_H */
