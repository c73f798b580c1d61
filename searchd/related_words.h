/*
 * related_words.h: what a report is about, in the words of its own text,
 * for related.c: the body stems Xapian's relevance feedback picks with the
 * report as the relevance set (Enquire::get_eset), with the stems that say
 * nothing of a subject left out (see related_words.c), and the word the
 * report writes for each.  Private to the query layer.
 */
#ifndef VP_RELATED_WORDS_H
#define VP_RELATED_WORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "document.h"
#include "query_internal.h"
#include "strset.h"

typedef struct vp_report_words {
    xapc_eset *eset;         /* the chosen stems ("Zleegstand"), best first */
    vp_strset *words;        /* the body stems of the words the report writes */
    char **surface;          /* per id of words: the form it writes most */
    uint32_t *surface_wdf;
    size_t cap_surface, cap_surface_wdf;
} vp_report_words;

/* Chooses at most max stems of report self (d: its stored data) on s's
 * database.  0, or -1 with xe set.  Clear w either way. */
int vp_report_words_choose(vp_report_words *w, const vp_searcher *s, xapc_docid self,
                           const vp_document *d, unsigned max, xapc_error *xe);
void vp_report_words_clear(vp_report_words *w);

/* The word the report writes for chosen stem i ("leegstand"). */
const char *vp_report_words_surface(const vp_report_words *w, uint32_t i);

/* A body stem: "Z" + a stem starting with a lower-case or non-ASCII letter
 * (a field's stems are "ZS...", "ZXH..."), no digits, three bytes or more. */
bool vp_is_body_stem(const char *t, size_t len);

/* The body stems of document did, added to out.  false with xe set. */
bool vp_body_stems(const xapc_db *db, xapc_docid did, vp_strset *out, xapc_error *xe);

#endif /* VP_RELATED_WORDS_H */
