/*
 * gazetteer.h: Dutch municipalities, present and past, and finding their
 * names in text.
 *
 * Loaded from data/gemeenten.tsv (see data/README.md for the format): every
 * current municipality with its official spelling, province and aliases,
 * and every former one with the year it ended and its successor.  Lookups
 * are case-, accent-, hyphen- and apostrophe-insensitive (vp_fold_key).
 *
 * Optionally also the places (woonplaatsen: towns and villages) from
 * data/woonplaatsen.tsv, each with the municipality it belongs to and,
 * where known, the one it belonged to before a merger: "Emmeloord" is in
 * Noordoostpolder, "Hoogezand" in Midden-Groningen since 2018 and in
 * Hoogezand-Sappemeer before.  vp_gazetteer_in_year() and
 * vp_place_in_year() answer for the year of a report.
 */
#ifndef VP_GAZETTEER_H
#define VP_GAZETTEER_H

#include <stdbool.h>
#include <stddef.h>

typedef struct vp_gazetteer vp_gazetteer;

typedef struct vp_municipality {
    const char *name;       /* official spelling: "'s-Hertogenbosch" */
    const char *province;   /* "Noord-Brabant" */
    int ended;              /* year it ceased to exist, 0 when current */
    const char *successor;  /* official name of the successor, or NULL */
    bool ambiguous;         /* the name is also a common word, person name,
                               province or region ("Utrecht" the province,
                               "Best", "Zeist"?): the extractor wants
                               context before accepting it */
    bool seat;              /* the seat of government: its name also stands
                               for the government ("geld uit Den Haag") */
} vp_municipality;

/* Loads the gazetteer.  NULL on failure with "path:line: what is wrong" in
 * errbuf.  Caller frees with vp_gazetteer_free(). */
vp_gazetteer *vp_gazetteer_load(const char *path, char *errbuf, size_t errlen);
void vp_gazetteer_free(vp_gazetteer *g);

size_t vp_gazetteer_count(const vp_gazetteer *g);
/* The i-th municipality in file order; borrowed from g. */
const vp_municipality *vp_gazetteer_at(const vp_gazetteer *g, size_t i);

/* A municipality by official name or alias; NULL when unknown.  Borrowed. */
const vp_municipality *vp_gazetteer_lookup(const vp_gazetteer *g, const char *name);

/* The municipality that took over m (after all mergers: Veghel -> Meierijstad),
 * following the chain to a current one; NULL when m is current.  Borrowed. */
const vp_municipality *vp_gazetteer_final_successor(const vp_gazetteer *g,
                                                    const vp_municipality *m);

/* Every municipality whose successor chain leads to m (Meierijstad ->
 * Veghel, Schijndel, Sint-Oedenrode).  Fills out[0..max) and returns the
 * total number (which may exceed max). */
size_t vp_gazetteer_predecessors(const vp_gazetteer *g, const vp_municipality *m,
                                 const vp_municipality **out, size_t max);

/* The municipality m was, or was part of, in year: m itself until the
 * year it ended, then its successor of that year (Veghel in 2016 is
 * Veghel, in 2017 Meierijstad).  year 0 (not known) gives m.  Borrowed. */
const vp_municipality *vp_gazetteer_in_year(const vp_gazetteer *g, const vp_municipality *m,
                                            int year);

/* ---- places ---- */

typedef struct vp_place {
    const char *name;                    /* CBS spelling: "Emmeloord", "Haren Gn" */
    const vp_municipality *municipality; /* today's (1 January 2024) */
    int since;                           /* in it since (0: all along) */
    const vp_municipality *former;       /* before `since`; NULL when not known */
    bool ambiguous;                      /* also an ordinary word or a province
                                            ("Goor", "Enter", "Zeeland") */
    const struct vp_place *homonym;      /* the next place of the same name
                                            (Broekhuizen, Achterveld), or NULL */
} vp_place;

/* Loads data/woonplaatsen.tsv into g (whose municipalities it names).
 * A place named like a municipality is left to the municipality.  Returns
 * 0, or -1 with "path:line: what is wrong" in errbuf (g keeps no place
 * then). */
int vp_gazetteer_load_places(vp_gazetteer *g, const char *path, char *errbuf, size_t errlen);

size_t vp_gazetteer_place_count(const vp_gazetteer *g);
/* A place by name (the first of its homonyms); NULL when unknown. */
const vp_place *vp_gazetteer_lookup_place(const vp_gazetteer *g, const char *name);

/* The municipality p was in in year (0: not known, today's): NULL when the
 * year is before p's merger and the municipality before it is not known. */
const vp_municipality *vp_place_in_year(const vp_gazetteer *g, const vp_place *p, int year);

/* A mention of a municipality (or, from vp_gazetteer_scan_places, of a
 * place) in text. */
typedef struct vp_gaz_match {
    size_t start, end;              /* byte offsets in the scanned text */
    const vp_municipality *m;       /* borrowed; NULL for a place */
    const vp_place *place;          /* borrowed; NULL for a municipality */
} vp_gaz_match;

/* Finds every mention in text[0..len): longest match first, at word
 * boundaries, names with hyphens, apostrophes and inner words ("Peel en
 * Maas", "Alphen aan den Rijn") included, and a CBS suffix in parentheses
 * with or without dots ("Bergen (NH)", "Bergen (NH.)").  Calls fn for each
 * in text order; stops when fn returns false. */
typedef bool (*vp_gaz_fn)(const vp_gaz_match *match, void *ctx);
void vp_gazetteer_scan(const vp_gazetteer *g, const char *text, size_t len,
                       vp_gaz_fn fn, void *ctx);
/* The same, reporting places too (a municipality's name wins over a
 * place's; the longest name wins: "Broek op Langedijk" is one place). */
void vp_gazetteer_scan_places(const vp_gazetteer *g, const char *text, size_t len,
                              vp_gaz_fn fn, void *ctx);

#endif /* VP_GAZETTEER_H */
