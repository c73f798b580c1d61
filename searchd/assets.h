/*
 * assets.h: the files of the members' page (searchd/web/) compiled into
 * searchd, so that no run-time file path is ever opened or traversed.  The
 * table is generated at build time by searchd/web/embed.cmake.
 */
#ifndef VP_ASSETS_H
#define VP_ASSETS_H

#include <stddef.h>

typedef struct vp_asset {
    const char *name;          /* "index.html", "app.js": served at /static/NAME;
                                  index.html is the template of the page routes */
    const char *content_type;
    const unsigned char *data; /* len bytes, followed by a NUL */
    size_t len;
    const char *etag;          /* quoted, from the file's SHA-256 */
} vp_asset;

/* The asset with that exact name, or NULL. */
const vp_asset *vp_asset_find(const char *name);

#endif /* VP_ASSETS_H */
