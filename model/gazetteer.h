/*
 * gazetteer.h: Dutch municipalities, present and past, and finding their
 * names in text.
 *
 * Loaded from data/gemeenten.tsv (see data/README.md for the format): every
 * current municipality with its official spelling, province and aliases,
 * and every former one with the year it ended and its successor.  Lookups
 * are case-, accent-, hyphen- and apostrophe-insensitive (vp_fold_key).
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

/* A mention of a municipality in text. */
typedef struct vp_gaz_match {
    size_t start, end;              /* byte offsets in the scanned text */
    const vp_municipality *m;       /* borrowed */
} vp_gaz_match;

/* Finds every mention in text[0..len): longest match first, at word
 * boundaries, names with hyphens, apostrophes and inner words ("Peel en
 * Maas", "Alphen aan den Rijn") included.  Calls fn for each in text
 * order; stops when fn returns false. */
typedef bool (*vp_gaz_fn)(const vp_gaz_match *match, void *ctx);
void vp_gazetteer_scan(const vp_gazetteer *g, const char *text, size_t len,
                       vp_gaz_fn fn, void *ctx);

#endif /* VP_GAZETTEER_H */
