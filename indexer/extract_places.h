/*
 * extract_places.h: what the files of the places stage share
 * (extract_places.c: mentions and the municipalities; extract_host.c: the
 * host; extract_host_context.c: what the sentences around a place tell the
 * host).  Private to them.
 */
#ifndef VP_EXTRACT_PLACES_H
#define VP_EXTRACT_PLACES_H

#include "extract_stages.h"
#include "strset.h"

typedef struct mention {
    size_t start, end;
    const vp_municipality *named;   /* the municipality written, or NULL */
    const vp_place *place;          /* the place written, or NULL */
    const vp_municipality *m;       /* what it was in the report's year; NULL:
                                       not known */
    bool ambiguous;                 /* the name wants support */
    bool plausible, accepted;
    bool carries;                   /* rejected for its context ("Hogeschool van
                                       Arnhem", "buslijnen naar Zwolle"): so
                                       are the names listed right after it */
    bool government;                /* "richting Den Haag": the government */
} mention;

typedef struct mention_list {
    mention *items;
    size_t len, cap;
} mention_list;

/* What the stage knows while it reads one report. */
typedef struct places_ctx {
    const vp_gazetteer *g;
    int year;                       /* of the report; 0 when not known */
    const char *province;           /* most of the report's municipalities */
    const vp_strset *surnames;      /* folded names the report gives a person
                                       ("Karin Goes"): its bare "Goes" wants
                                       support; NULL: none */
} places_ctx;

/* Where a text stands in the report. */
typedef enum { IN_BODY, IN_HEADING, IN_TITLE } text_kind;

/* The judged mentions of text t, in l (the caller frees l->items): what
 * each stood for in the report's year, and whether it counts. */
void vp_places_mentions(const places_ctx *pc, const char *t, text_kind kind, mention_list *l);

/* What kind of text block b is in the report (the title block, a heading
 * or body). */
text_kind vp_places_kind(const vp_parsed *p, const vp_document *d, const vp_block *b);

/* The host named in an invitation's look-back on the day the report is
 * dated (d->date): it beats the announced day's place, in the text or as
 * the front matter's location; NULL when there is none. */
const vp_municipality *vp_places_look_back_host(const places_ctx *pc, const vp_parsed *p,
                                                const vp_document *d);

/* The host from the text (after the look-back's); NULL when the report
 * does not say where it was. */
const vp_municipality *vp_places_host(const places_ctx *pc, const vp_parsed *p,
                                      const vp_document *d);

/* Is mention m of text t about another day than the report's (day,
 * "YYYY-MM-DD"; NULL: not known)?  The date its clause names nearest to it
 * lies more than a week before day (extract_host_context.c). */
bool vp_host_about_an_earlier_day(const char *t, size_t len, const mention *m, int year,
                                  const char *day);

/* The municipality whose mayor or alderman welcomed the participants or
 * opened the day in text t ("Welkom door de X wethouder", "de burgemeester
 * van X opende de dag"), not as the association's chair nor on another
 * day; NULL when there is none (extract_host_context.c). */
const vp_municipality *vp_host_welcomed_by(const places_ctx *pc, const char *t, text_kind kind,
                                           const char *day);

/* Does the report's text name its own day (d->date)?  Only then do the
 * dates of its clauses tell that day's place from other days' (a report
 * dated by its front matter alone may be dated by publication). */
bool vp_host_names_its_day(const places_ctx *pc, const vp_parsed *p, const vp_document *d);

/* A front matter value ("Purmerend, Stadhuis", "DRU Industriepark, Ulft",
 * "online (vanuit Oss)") as the one municipality it names, in the report's
 * year; NULL, with an issue unless the value says online, when it names
 * none or several. */
const vp_municipality *vp_places_lookup(const places_ctx *pc, const char *value, int line,
                                        vp_extract_issue *issue);

#endif /* VP_EXTRACT_PLACES_H */
