/*
 * extract.h: the facet extractors.  Each reads a vp_parsed (and the shared
 * gazetteer/taxonomy) and fills part of a vp_document.  Front matter fields
 * win where present; the extractors fill in what front matter leaves out.
 *
 *  extract_date.c    the event date: Dutch prose ("vrijdag 21 april 2017",
 *                    "21 april" with the year only in the title), numeric
 *                    forms (21-04-2017, 21/4/2017, 2017-04-21); not the date
 *                    of a next meeting or a publication mentioned in passing.
 *  extract_places.c  municipalities (official names, aliases, merged ones,
 *                    lists "..., Waalwijk en Zeist") and the host; no hits on
 *                    provinces, regions ("regio Utrecht"), or person names.
 *  extract_speakers.c persons who present/open/lead/close, with organisation
 *                    and role; tussenvoegsels; initials resolved within the
 *                    report.
 *  extract_themes.c  themes from the taxonomy by keywords and headings.
 */
#ifndef VP_EXTRACT_H
#define VP_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>
#include "parsed.h"
#include "document.h"
#include "gazetteer.h"
#include "themes.h"

typedef struct vp_extract_ctx {
    const vp_gazetteer *gazetteer;
    const vp_themes *themes;
} vp_extract_ctx;

/* A problem worth one line on stderr ("path:line: message"); the first one
 * found in a file is reported. */
typedef struct vp_extract_issue {
    int line;            /* 0 when none */
    char message[256];
} vp_extract_issue;

/* ---- dates ---- */

/* Parses one date expression at the start of or anywhere inside text:
 * "vrijdag 21 april 2017", "21 april 2017", "21-04-2017", "21/4/2017",
 * "2017-04-21", "21 apr. 2017".  When the text has no year, default_year is
 * used (0: no date).  Writes "YYYY-MM-DD" into out and returns true when a
 * valid calendar date was found. */
bool vp_parse_date(const char *text, int default_year, char out[11]);

/* The event date of the report into d->date (NULL when none is found).
 * A front matter date that cannot be parsed becomes an issue and the
 * extractor falls back to the text. */
void vp_extract_date(const vp_extract_ctx *ctx, const vp_parsed *p,
                     vp_document *d, vp_extract_issue *issue);

/* ---- municipalities ---- */

/* Fills d->municipalities (official names as the report uses them, sorted,
 * unique) and d->host. */
void vp_extract_places(const vp_extract_ctx *ctx, const vp_parsed *p,
                       vp_document *d, vp_extract_issue *issue);

/* ---- speakers ---- */

/* Fills d->speakers (sorted by name, unique). */
void vp_extract_speakers(const vp_extract_ctx *ctx, const vp_parsed *p,
                         vp_document *d, vp_extract_issue *issue);

/* Splits a front matter speaker string ("Marloes Hoogerbrugge (Platform31)",
 * "burgemeester Govert Veldhuijzen (Gorinchem)") into name, organisation,
 * role.  Returns false when no name is found.  Outputs are malloc'd (NULL
 * when absent); caller frees. */
bool vp_parse_speaker(const char *s, char **name, char **org, char **role);

/* ---- themes ---- */

/* Fills d->themes (slugs, sorted). */
void vp_extract_themes(const vp_extract_ctx *ctx, const vp_parsed *p,
                       vp_document *d, vp_extract_issue *issue);

/* Runs all four extractors and the title; issue gets the first problem. */
void vp_extract_all(const vp_extract_ctx *ctx, const vp_parsed *p,
                    vp_document *d, vp_extract_issue *issue);

#endif /* VP_EXTRACT_H */
