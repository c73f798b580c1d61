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
    if (!f)
        return false;
    for (size_t i = 0; i < v->len && !found; i++) {
        char *g = vp_fold(v->items[i]);
        if (g && strcmp(f, g) == 0)
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
    struct sort_item *it;
    size_t i;
    if (v->len < 2)
        return;
    it = malloc(v->len * sizeof *it);
    if (!it)
        goto fallback;
    for (i = 0; i < v->len; i++) {
        it[i].s = v->items[i];
        it[i].pos = i;
        it[i].folded = vp_fold(v->items[i]);
        if (!it[i].folded) {
            while (i-- > 0)
                free(it[i].folded);
            free(it);
            goto fallback;
        }
    }
    qsort(it, v->len, sizeof *it, sort_cmp);
    for (i = 0; i < v->len; i++) {
        v->items[i] = it[i].s;
        free(it[i].folded);
    }
    free(it);
    return;
fallback:
    /* out of memory: insertion sort comparing folds pairwise is impossible
     * without memory either, so sort by bytes (still deterministic) */
    for (i = 1; i < v->len; i++) {
        char *x = v->items[i];
        size_t j = i;
        while (j > 0 && strcmp(v->items[j - 1], x) > 0) {
            v->items[j] = v->items[j - 1];
            j--;
        }
        v->items[j] = x;
    }
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
    out = malloc(total);
    if (!out)
        return NULL;
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
                char *item = vp_strndup(s + start, i - start);
                bool ok;
                if (!item)
                    return false;
                ok = vp_strvec_push(v, item);
                free(item);
                if (!ok)
                    return false;
            }
            start = i + 1;
        }
    }
    return true;
}
