/*
 * assets.c: the compiled-in files (see assets.h).  For now one placeholder
 * page; issue 5 brings the real one.
 */
#include "assets.h"

#include <string.h>

static const char index_html[] =
    "<!doctype html>\n<html lang=\"nl\">\n<head><meta charset=\"utf-8\">"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    "<title>Vindplaats</title></head>\n<body>\n<h1>Vindplaats</h1>\n"
    "<form action=\"/search\" method=\"get\"><label for=\"q\">Zoeken in verslagen</label> "
    "<input id=\"q\" name=\"q\" type=\"search\"> <button>Zoeken</button></form>\n"
    "<p>De zoekpagina volgt; de JSON-API staat op <code>/search</code>.</p>\n"
    "</body>\n</html>\n";

static const vp_asset assets[] = {
    {"index.html", "text/html; charset=utf-8", (const unsigned char *)index_html,
     sizeof index_html - 1},
};

const vp_asset *vp_asset_find(const char *name)
{
    for (size_t i = 0; i < sizeof assets / sizeof *assets; i++)
        if (strcmp(assets[i].name, name) == 0)
            return &assets[i];
    return NULL;
}
