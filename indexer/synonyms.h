/*
 * synonyms.h: data/synonyms.tsv into the database's synonym table.
 *
 * Each line is a group of words or phrases that find the same subject
 * (the query glossary: Dutch variants and policy vocabulary, and the English
 * terms researchers type).  Every member becomes a key, folded as the query
 * layer looks it up, whose synonyms are the other members, in two forms: the
 * text as the term generator indexes it, accents kept ("regional
 * collaboration" -> "regionale samenwerking", "municipal finances" ->
 * "gemeentefinanciën"), for the query layer's phrases and words, and for
 * single words also the Z-prefixed stem Xapian's own FLAG_AUTO_SYNONYMS
 * looks up.  The keys written are recorded in metadata so that a later run
 * can remove lines deleted from the file.
 */
#ifndef VP_SYNONYMS_H
#define VP_SYNONYMS_H

#include <stddef.h>
#include "strvec.h"
#include "xapian_c.h"

#define VP_META_SYNONYM_KEYS "vindplaats.synonymkeys"

typedef struct vp_synonyms {
    vp_strvec *groups;   /* each group: folded members */
    size_t n;
} vp_synonyms;

/* Returns 0, or -1 with "path:line: what is wrong" in errbuf. */
int vp_synonyms_load(const char *path, vp_synonyms *out, char *errbuf, size_t errlen);
void vp_synonyms_clear(vp_synonyms *s);

/* Replaces the database's synonym table with s (stemmer: Xapian name).
 * XAPC_OK, or the failing status with err set. */
xapc_status vp_synonyms_store(const vp_synonyms *s, xapc_wdb *wdb,
                              const char *stemmer, xapc_error *err);

#endif /* VP_SYNONYMS_H */
