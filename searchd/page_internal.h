/*
 * page_internal.h: what the files of the server-rendered page share
 * (page.c: the template, the escaping, the search and report views;
 * page_explore.c: the municipality and speaker views and a report's related
 * reports).  Private to them; the public contract is page.h.
 */
#ifndef VP_PAGE_INTERNAL_H
#define VP_PAGE_INTERNAL_H

#include <jansson.h>

#include "buf.h"
#include "page.h"

/* THE escaping helper: text from the index or the user as HTML text or
 * attribute value. */
void vp_html_text(vp_buf *b, const char *s);
void vp_html_uint(vp_buf *b, unsigned long long n);
/* A URL component, percent-encoded (so also safe in an attribute). */
void vp_html_url_part(vp_buf *b, const char *s);

/* PAGE followed by name percent-encoded (NULL: ""): the address of the
 * page of a municipality or speaker (page "/gemeente/", "/spreker/"). */
void vp_page_put_name_href(vp_buf *b, const char *page, const char *name);
/* <a href="PAGE/NAME">NAME</a>: a link to that page, named by name. */
void vp_page_put_name_link(vp_buf *b, const char *page, const char *name);

/* The template's slots: <!--vp:q--> (the search box's value, escaped when
 * filled), <!--vp:head--> (links in the head), <!--vp:hidden--> (the plain
 * form's extra fields) and <!--vp:content-->; all but q are HTML. */
typedef struct vp_page_slots {
    const char *q;
    vp_buf head;
    vp_buf hidden;
    vp_buf content;
} vp_page_slots;

/* The template filled in; frees the slots' buffers. */
vp_page vp_page_fill(vp_page_slots *sl, int status);

/* "2017-04-21 · Gorinchem": a report's date and host, escaped. */
void vp_page_put_when_where(vp_buf *b, const json_t *report);
/* One search hit as a list item (links to the report keep r's q). */
void vp_page_put_hit(vp_buf *b, const vp_request *r, const json_t *hit);
/* "Dat lukte niet: ..." */
void vp_page_put_error(vp_buf *b, const vp_qerror *e);
/* The plain form's hidden filters and sort choice for r. */
void vp_page_form_extra(vp_buf *b, const vp_request *r);

/* <link rel="alternate" type="application/atom+xml"> to /feed?query
 * (query: an escaped query string, "" for every report). */
void vp_page_feed_link(vp_buf *b, const char *title, const char *query);

/* A report's related reports as a section (page_explore.c); nothing when
 * there are none or they cannot be read (the report itself is shown). */
void vp_page_put_related(vp_buf *b, vp_searcher *s, const char *id);

#endif /* VP_PAGE_INTERNAL_H */
