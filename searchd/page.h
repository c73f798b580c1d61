/*
 * page.h: the members' page as searchd serves it at "/", "/r/{id}",
 * "/gemeente/{name}" and "/spreker/{name}": the
 * compiled-in template (searchd/web/index.html) filled in on the server, so
 * that a member without JavaScript gets a working search (a plain GET form,
 * the first page of results with links for facets, suggestion and pages)
 * and a readable report.  With JavaScript, app.js takes the page over from
 * the same URL.
 *
 * Owns the one HTML escaping helper of the server side: everything from the
 * index goes through it, except "snippet" and "html", which the query layer
 * makes safe (report_json.h).
 */
#ifndef VP_PAGE_H
#define VP_PAGE_H

#include <stddef.h>

#include "query.h"

typedef struct vp_page {
    char *html;      /* malloc'd (never NULL: mem.h) */
    size_t len;
    int status;      /* HTTP status: 200, 400 for a bad parameter, 404, 503 ... */
} vp_page;

/* "/" with the raw query string (may be ""): the search page, with the
 * results of the query rendered in when there is one. */
vp_page vp_page_search(vp_searcher *s, const char *query);

/* "/r/{id}": the report page; query may carry q (kept in the back link). */
vp_page vp_page_report(vp_searcher *s, const char *id, const char *query);

/* "/gemeente/{name}" and "/spreker/{name}": a municipality's or a speaker's
 * page (explore.h); query may carry page and per_page. */
vp_page vp_page_municipality(vp_searcher *s, const char *name, const char *query);
vp_page vp_page_speaker(vp_searcher *s, const char *name, const char *query);

#endif /* VP_PAGE_H */
