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

typedef struct vp_speaker_words vp_speaker_words;   /* speaker_words.h */

typedef struct vp_extract_ctx {
    const vp_gazetteer *gazetteer;
    const vp_themes *themes;
    const vp_speaker_words *speaker_words;   /* NULL: no speakers extracted */
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

/* Sorts d->speakers by folded name (the order vp_extract_speakers leaves). */
void vp_speakers_sort(vp_document *d);

/* Splits a front matter speaker string ("Marloes Hoogerbrugge (Platform31)",
 * "burgemeester Govert Veldhuijzen (Gorinchem)") into name, organisation,
 * role.  Returns false when no name is found.  Outputs are malloc'd (NULL
 * when absent); caller frees. */
bool vp_parse_speaker(const vp_speaker_words *w, const char *s, char **name,
                      char **org, char **role);

/* ---- themes ---- */

/* Fills d->themes (slugs, sorted). */
void vp_extract_themes(const vp_extract_ctx *ctx, const vp_parsed *p,
                       vp_document *d, vp_extract_issue *issue);

/* Runs all four extractors and the title; issue gets the first problem. */
void vp_extract_all(const vp_extract_ctx *ctx, const vp_parsed *p,
                    vp_document *d, vp_extract_issue *issue);


/* ---- helpers shared by the extractors (extract.c); not a public API ---- */

/* Records a problem unless one is already recorded (the first one wins). */
void vp_extract_note(vp_extract_issue *issue, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Byte length of the UTF-8 character at s (1 for an invalid byte). */
size_t vp_ex_charlen(const char *s, size_t len);
/* A letter or digit: ASCII alnum or any non-ASCII character except the
 * typographic punctuation block U+2000-U+206F (dashes, quotes). */
bool vp_ex_is_wordchar(const char *s, size_t len);
/* An upper-case / lower-case letter (ASCII, Latin-1, Latin Extended-A). */
bool vp_ex_is_upper(const char *s, size_t len);
bool vp_ex_is_lower(const char *s, size_t len);
/* An apostrophe: ' or U+2019; returns its byte length, 0 when none. */
size_t vp_ex_apostrophe(const char *s, size_t len);
/* s[0..n) equals the lower-case ASCII word w, ignoring ASCII case. */
bool vp_ex_eq(const char *s, size_t n, const char *w);
/* The word that ends right before pos (only spaces in between); false when
 * there is none or punctuation comes first. */
bool vp_ex_prev_word(const char *t, size_t pos, size_t *ws, size_t *we);
/* The word that starts right after pos (only spaces in between). */
bool vp_ex_next_word(const char *t, size_t len, size_t pos, size_t *ws,
                     size_t *we);
/* Lower-cases (ASCII) t[a..b) into buf, at most cap-1 bytes; returns buf. */
char *vp_ex_lower(const char *t, size_t a, size_t b, char *buf, size_t cap);
/* "van", "de", "der", "den", "ter", "ten", "te", "'t", "in", "op", "el" ...:
 * the lower-case particles inside Dutch surnames. */
bool vp_ex_is_particle(const char *s, size_t n);
/* The report title as vp_extract_all chooses it (front matter title, first
 * heading, first line); malloc'd, NULL when the report is empty. */
char *vp_extract_title(const vp_parsed *p);

#endif /* VP_EXTRACT_H */
