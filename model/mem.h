/*
 * mem.h: how every Vindplaats program allocates, and the one grow helper.
 *
 * Out of memory is not a condition the indexer or the daemon recovers from
 * (the choice redis and cmark make): every allocation of ours goes through
 * these wrappers, which print one line on stderr and abort() when the system
 * says no.  So they never return NULL, no caller checks, and no branch
 * quietly drops a facet, a term or a report because one malloc failed.
 * The libraries we call (Xapian, jansson, cmark, libyaml) keep their own
 * rules; where they return NULL for want of memory, vp_oom() is the answer.
 */
#ifndef VP_MEM_H
#define VP_MEM_H

#include <stddef.h>

/* Says "out of memory" (and how much was asked for) on stderr and aborts. */
_Noreturn void vp_oom(size_t bytes);

/* malloc, calloc, realloc, strdup and strndup that never return NULL (a
 * request for 0 bytes gets a unique pointer, as glibc gives). */
void *vp_xmalloc(size_t n);
void *vp_xcalloc(size_t n, size_t size);
void *vp_xrealloc(void *p, size_t n);
char *vp_xstrdup(const char *s);
char *vp_xstrndup(const char *s, size_t len);

/* items, reallocated so that it holds at least need elements of size bytes;
 * *cap (in elements) at least doubles, so appending one at a time costs
 * amortised O(1).  Returns items unchanged when *cap >= need already. */
void *vp_grow(void *items, size_t *cap, size_t need, size_t size);

/* VP_GROW(v, cap, n): the array v (cap elements, a size_t lvalue) holds at
 * least n elements afterwards.  The one way an array of ours grows:
 *     VP_GROW(list->items, list->cap, list->len + 1);
 *     list->items[list->len++] = item;                                      */
#define VP_GROW(items, cap, need) \
    ((items) = vp_grow((items), &(cap), (need), sizeof *(items)))

#endif /* VP_MEM_H */
