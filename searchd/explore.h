/*
 * explore.h: the reads that follow a thread from what a search found
 * (issue 20), part of the one query layer of searchd and vind (query.h):
 *
 *   related.c  GET /documents/{id}/related  reports most like one report
 *   entity.c   GET /municipalities/{name}   a municipality and its reports
 *              GET /speakers/{name}         a speaker and their reports
 *   feed.c     GET /feed                    a search as an Atom 1.0 feed
 *
 * Each returns the JSON (or, for the feed, the XML) that searchd sends and
 * vind prints, or NULL with e set: a bad parameter is VP_QERR_BAD_PARAMETER
 * (400), an unknown report, municipality or speaker VP_QERR_NOT_FOUND (404).
 */
#ifndef VP_EXPLORE_H
#define VP_EXPLORE_H

#include <stdbool.h>
#include <jansson.h>

#include "query.h"

/* ---- related reports (related.c) ----------------------------------------- */

#define VP_RELATED_DEFAULT 5
#define VP_RELATED_MAX     20

/* Parses a limit ("1" .. "VP_RELATED_MAX"); NULL gives the default.
 * 0, or -1 with e set. */
int vp_related_limit(const char *text, unsigned *limit, vp_qerror *e);
/* The query string of /documents/{id}/related: limit only.  0, or -1 with
 * e set. */
int vp_related_params(const char *query, unsigned *limit, vp_qerror *e);

/* The at most limit reports most like report id, best first:
 *   {"id", "title", "related": [{"id", "title", "date", "host",
 *     "municipalities", "speakers", "themes", "score", "reason",
 *     "shared": {"themes", "municipalities", "speakers", "words"}}]}
 * Likeness is Xapian's relevance feedback (the report as the relevance set;
 * its best expand terms, names, places and stopwords left out, as a
 * weighted query) combined with the facets the reports share: themes,
 * municipalities (a former one as its successor) and speakers.  "reason"
 * says in one Dutch line why ("zelfde thema's: ...; 3 gemeenten
 * gemeenschappelijk; ...").  Never the report itself, nor a near-duplicate
 * of it (a copy under another id), nor two near-duplicates of each other.
 * Returns the answer (caller decrefs), or NULL with e set: not_found when
 * there is no report id, or a failure of the index. */
json_t *vp_related(vp_searcher *s, const char *id, unsigned limit, vp_qerror *e);

/* ---- municipality and speaker pages (entity.c) ----------------------------- */

#define VP_ENTITY_DEFAULT_PER_PAGE 20

/* Which page of an entity's reports (newest first); page 1, per_page 20 by
 * default, within the limits of /search. */
typedef struct vp_entity_request {
    unsigned page, per_page;
} vp_entity_request;

void vp_entity_request_init(vp_entity_request *r);
/* Sets "page" or "per_page" from a query parameter; any other key is a
 * VP_QERR_BAD_PARAMETER.  0, or -1 with e set. */
int vp_entity_request_set(vp_entity_request *r, const char *key, const char *value,
                          vp_qerror *e);

/* The query string of an entity page: page and per_page only.  0, or -1
 * with e set. */
int vp_entity_params(const char *query, vp_entity_request *r, vp_qerror *e);

/* A municipality by any name the municipality filter takes (official name,
 * alias, a former municipality): its official name and province, the
 * mergers it came from or went into (said in words: "Veghel, sinds 2017
 * Meierijstad"), and the reports the filter municipality=name finds (a
 * merged municipality's include its predecessors'): "total" is exactly the
 * total of /search?municipality=name, with the reports it hosted, a count
 * per year, its themes, the speakers from it (whose organisation names it
 * or a predecessor) and a page of its reports, newest first.  404 when no
 * report names it and the gazetteer does not know it. */
json_t *vp_municipality_page(vp_searcher *s, const char *name, const vp_entity_request *r,
                             vp_qerror *e);

/* A speaker by canonical name: the reports of /search?speaker=name (its
 * "total" exactly that total), the organisations and roles they spoke for
 * over time, a count per year, their themes, the municipalities they spoke
 * in (the host of each report) and a page of their reports, newest first.
 * 404 when no report has them. */
json_t *vp_speaker_page(vp_searcher *s, const char *name, const vp_entity_request *r,
                        vp_qerror *e);

/* ---- feeds (feed.c) ---------------------------------------------------------- */

/* The Atom 1.0 feed of a search: the hits of vp_search(r) sorted by date,
 * newest first (r->sort is not looked at), as entries with stable ids (the
 * report id in a tag: URI) and the feed's "updated" the time the index
 * revision was committed.  self_query is the request's raw query string
 * (for the self and alternate links and the feed id).  The XML (caller
 * frees), or NULL with e set. */
char *vp_feed_atom(vp_searcher *s, const vp_request *r, const char *self_query,
                   vp_qerror *e);

#endif /* VP_EXPLORE_H */
