/*
 * strvec.h: a growable vector of owned strings, and the facet list encoding
 * stored in value slots (see VP_LIST_SEP in schema.h).
 */
#ifndef VP_STRVEC_H
#define VP_STRVEC_H

#include <stdbool.h>
#include <stddef.h>

typedef struct vp_strvec {
    char **items;   /* owned */
    size_t len;
    size_t cap;
} vp_strvec;

#define VP_STRVEC_INIT {NULL, 0, 0}

/* Appends a copy of s (NULL: "").  Returns true: out of memory aborts
 * (mem.h); the bool stays for the callers that still test it. */
bool vp_strvec_push(vp_strvec *v, const char *s);
/* Appends a copy of s unless an equal string (vp_fold_equal) is present.
 * Returns true. */
bool vp_strvec_push_unique(vp_strvec *v, const char *s);
/* True when v holds a string equal to s by vp_fold_equal. */
bool vp_strvec_contains(const vp_strvec *v, const char *s);
/* Sorts by folded form, then bytes (stable, locale-free). */
void vp_strvec_sort(vp_strvec *v);
/* Frees the strings and the vector; v is empty again. */
void vp_strvec_clear(vp_strvec *v);

/* Joins the (already sorted) values with VP_LIST_SEP; caller frees (never
 * NULL).  Values containing VP_LIST_SEP have it replaced by a space. */
char *vp_list_encode(const vp_strvec *v);
/* Splits an encoded list into v (appending; empty values are skipped).
 * Returns true. */
bool vp_list_decode(const char *s, size_t len, vp_strvec *v);

#endif /* VP_STRVEC_H */
