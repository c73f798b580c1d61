/*
 * strvec.c: growable vector of owned strings; facet list encoding.
 */
#include "strvec.h"
#include "mem.h"
#include "schema.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

bool vp_strvec_push(vp_strvec *v, const char *s)
{
    if (!s)
        s = "";
    VP_GROW(v->items, v->cap, v->len + 1);
    v->items[v->len++] = vp_xstrdup(s);
    return true;
}

bool vp_strvec_contains(const vp_strvec *v, const char *s)
{
    char *f = vp_fold(s ? s : "");
    bool found = false;
    for (size_t i = 0; i < v->len && !found; i++) {
        char *g = vp_fold(v->items[i]);
        if (strcmp(f, g) == 0)
            found = true;
        free(g);
    }
    free(f);
    return found;
}

bool vp_strvec_push_unique(vp_strvec *v, const char *s)
{
    if (vp_strvec_contains(v, s))
        return true;
    return vp_strvec_push(v, s);
}

struct sort_item {
    char *folded;
    char *s;
    size_t pos;
};

static int sort_cmp(const void *pa, const void *pb)
{
    const struct sort_item *a = pa, *b = pb;
    int c = strcmp(a->folded, b->folded);
    if (c == 0)
        c = strcmp(a->s, b->s);
    if (c == 0)
        c = (a->pos > b->pos) - (a->pos < b->pos);   /* stable */
    return c;
}

void vp_strvec_sort(vp_strvec *v)
{
    if (v->len < 2)
        return;
    struct sort_item *it = vp_xmalloc(v->len * sizeof *it);
    for (size_t i = 0; i < v->len; i++) {
        it[i].s = v->items[i];
        it[i].pos = i;
        it[i].folded = vp_fold(v->items[i]);
    }
    qsort(it, v->len, sizeof *it, sort_cmp);
    for (size_t i = 0; i < v->len; i++) {
        v->items[i] = it[i].s;
        free(it[i].folded);
    }
    free(it);
}

void vp_strvec_clear(vp_strvec *v)
{
    for (size_t i = 0; i < v->len; i++)
        free(v->items[i]);
    free(v->items);
    v->items = NULL;
    v->len = v->cap = 0;
}

char *vp_list_encode(const vp_strvec *v)
{
    size_t total = 1, o = 0;
    char *out;
    for (size_t i = 0; i < v->len; i++)
        total += strlen(v->items[i]) + 1;
    out = vp_xmalloc(total);
    for (size_t i = 0; i < v->len; i++) {
        const char *s = v->items[i];
        if (i > 0)
            out[o++] = VP_LIST_SEP;
        for (; *s; s++)
            out[o++] = (*s == VP_LIST_SEP) ? ' ' : *s;
    }
    out[o] = '\0';
    return out;
}

bool vp_list_decode(const char *s, size_t len, vp_strvec *v)
{
    size_t start = 0;
    if (!s)
        return true;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || s[i] == VP_LIST_SEP) {
            if (i > start) {            /* empty values are skipped */
                VP_GROW(v->items, v->cap, v->len + 1);
                v->items[v->len++] = vp_xstrndup(s + start, i - start);
            }
            start = i + 1;
        }
    }
    return true;
}
