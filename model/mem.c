/* mem.c: see mem.h. */
#include "mem.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Noreturn void vp_oom(size_t bytes)
{
    fprintf(stderr, "vindplaats: out of memory (asked for %zu bytes)\n", bytes);
    abort();
}

void *vp_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        vp_oom(n);
    return p;
}

void *vp_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        vp_oom(n * size);
    return p;
}

void *vp_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        vp_oom(n);
    return q;
}

char *vp_xstrdup(const char *s)
{
    return vp_xstrndup(s, strlen(s));
}

char *vp_xstrndup(const char *s, size_t len)
{
    char *p = vp_xmalloc(len + 1);
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

void *vp_grow(void *items, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return items;
    size_t ncap = *cap < 8 ? 8 : *cap;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2)
            vp_oom(SIZE_MAX);
        ncap *= 2;
    }
    if (ncap > SIZE_MAX / size)
        vp_oom(SIZE_MAX);
    items = vp_xrealloc(items, ncap * size);
    *cap = ncap;
    return items;
}
