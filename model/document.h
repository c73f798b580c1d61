/*
 * document.h: one report as both sides see it.
 *
 * The indexer fills a vp_document from Markdown and stores it as JSON in the
 * Xapian document data; searchd and vind read that JSON back, so a search
 * never opens the source file again.  The JSON keys are the public names of
 * the HTTP API (id, title, date, host, path, municipalities, speakers,
 * themes) plus "tags", "sections", "text" and "markdown".
 */
#ifndef VP_DOCUMENT_H
#define VP_DOCUMENT_H

#include <stddef.h>
#include "strvec.h"

typedef struct vp_speaker {
    char *name;          /* canonical "Marloes Hoogerbrugge"; owned */
    char *organisation;  /* "Platform31" or NULL */
    char *role;          /* "burgemeester", "directeur" or NULL */
} vp_speaker;

typedef struct vp_section {
    char *heading;       /* "A. Concept binnenstad" as written */
    char *anchor;        /* vp_anchor(heading), unique within the report */
    char *text;          /* plain text of the section body */
} vp_section;

typedef struct vp_document {
    char *id;            /* path relative to the indexed root, without ".md" */
    char *path;          /* path relative to the indexed root */
    char *title;
    char *date;          /* "YYYY-MM-DD" or NULL */
    char *host;          /* host municipality (official name) or NULL */
    vp_strvec municipalities;   /* names as the report uses them, sorted */
    vp_speaker *speakers;       /* sorted by name */
    size_t n_speakers;
    vp_strvec people;           /* every person the report names in full,
                                   speaker or not (attendees, thanks): the
                                   spellings the indexer's cross-report pass
                                   resolves short names with.  Kept in
                                   VP_SLOT_PEOPLE, not in the JSON. */
    vp_strvec themes;           /* slugs, sorted */
    unsigned char *theme_levels;    /* per themes entry, 0..VP_THEME_LEVELS: how
                                   strongly the report carries it against its
                                   strongest theme (extract_themes.c); NULL:
                                   not known, taken as VP_THEME_LEVELS */
    vp_strvec tags;             /* the author's own keywords for the report
                                   (front matter `tags`, `themes`,
                                   `trefwoorden`, ...), as written: found by
                                   a plain query (docbuild.c), not a facet */
    vp_section *sections;
    size_t n_sections;
    char *text;          /* plain text of the whole body (snippets) */
    char *markdown;      /* the Markdown source without front matter */
} vp_document;

/* Zero-initialises d. */
void vp_document_init(vp_document *d);
/* Frees everything d owns and zero-initialises it. */
void vp_document_clear(vp_document *d);

/* Appends a speaker (copies the strings; org and role may be NULL).
 * Returns 1, or 0 (nothing added) when name is NULL. */
int vp_document_add_speaker(vp_document *d, const char *name, const char *org,
                            const char *role);
/* Appends a section (copies the strings; NULL is taken as "").  Returns 1. */
int vp_document_add_section(vp_document *d, const char *heading,
                            const char *anchor, const char *text);

/* The stored JSON; caller frees.  NULL when jansson refuses a string (not
 * valid UTF-8). */
char *vp_document_to_json(const vp_document *d);
/* Parses stored JSON into d (which must be initialised).  Returns 0, or -1
 * with a message in errbuf. */
int vp_document_from_json(const char *json, size_t len, vp_document *d,
                          char *errbuf, size_t errlen);

#endif /* VP_DOCUMENT_H */
