/*
 * themes.c: data/themes.tsv.
 */
#include "themes.h"
#include "datafile.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct vp_themes {
    vp_theme *t;
    char **folded_label;     /* vp_fold(label), parallel to t */
    size_t n, cap;
};

static bool slug_ok(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
            return false;
    return true;
}

/* One line of the file (a vp_datafile_line_fn). */
static int parse_line(char *line, size_t lineno, const char *path, void *ctx,
                      char *errbuf, size_t errlen)
{
    vp_themes *th = ctx;
    char empty1[1] = "", empty2[1] = "";
    char *col[3] = {NULL, empty1, empty2};
    char *p = line, *tab;
    size_t ncol = 0;
    vp_theme t = {NULL, NULL, VP_STRVEC_INIT};
    char *flabel = NULL;

    while (ncol < 3) {
        col[ncol++] = p;
        tab = strchr(p, '\t');
        if (!tab)
            break;
        *tab = '\0';
        p = tab + 1;
        if (ncol == 3) {
            vp_errorf(errbuf, errlen, "%s:%zu: more than 3 columns", path, lineno);
            return -1;
        }
    }
    for (size_t i = 0; i < 3; i++)
        vp_trim(col[i]);
    if (!slug_ok(col[0])) {
        vp_errorf(errbuf, errlen, "%s:%zu: slug '%s' must be non-empty and only [a-z0-9-]",
             path, lineno, col[0]);
        return -1;
    }
    if (!*col[1]) {
        vp_errorf(errbuf, errlen, "%s:%zu: theme '%s' has no label", path, lineno, col[0]);
        return -1;
    }
    flabel = vp_fold(col[1]);
    if (!flabel)
        goto oom;
    for (size_t i = 0; i < th->n; i++) {
        if (strcmp(th->t[i].slug, col[0]) == 0) {
            vp_errorf(errbuf, errlen, "%s:%zu: duplicate slug '%s'", path, lineno, col[0]);
            free(flabel);
            return -1;
        }
        if (strcmp(th->folded_label[i], flabel) == 0) {
            vp_errorf(errbuf, errlen, "%s:%zu: duplicate label '%s' (also theme '%s')", path,
                 lineno, col[1], th->t[i].slug);
            free(flabel);
            return -1;
        }
    }
    char *save = NULL;
    for (char *k = strtok_r(col[2], ",", &save); k; k = strtok_r(NULL, ",", &save)) {
        char *f, *star;
        vp_trim(k);
        if (!*k)
            continue;
        f = vp_fold(k);
        if (!f)
            goto oom;
        star = strchr(f, '*');
        if (star && (star[1] != '\0' || star == f)) {
            vp_errorf(errbuf, errlen, "%s:%zu: keyword '%s': '*' only at the end of a word",
                 path, lineno, k);
            free(f);
            goto fail;
        }
        if (star && star > f && star[-1] == ' ') {
            vp_errorf(errbuf, errlen, "%s:%zu: keyword '%s': '*' only at the end of a word",
                 path, lineno, k);
            free(f);
            goto fail;
        }
        bool ok = vp_strvec_push_unique(&t.keywords, f);
        free(f);
        if (!ok)
            goto oom;
    }
    if (t.keywords.len == 0) {
        vp_errorf(errbuf, errlen, "%s:%zu: theme '%s' has no keywords", path, lineno, col[0]);
        goto fail;
    }
    t.slug = strdup(col[0]);
    t.label = strdup(col[1]);
    if (!t.slug || !t.label)
        goto oom;
    if (th->n == th->cap) {
        size_t ncap = th->cap ? th->cap * 2 : 32;
        vp_theme *nt = realloc(th->t, ncap * sizeof *nt);
        if (!nt)
            goto oom;
        th->t = nt;
        char **nf = realloc(th->folded_label, ncap * sizeof *nf);
        if (!nf)
            goto oom;
        th->folded_label = nf;
        th->cap = ncap;
    }
    th->t[th->n] = t;
    th->folded_label[th->n] = flabel;
    th->n++;
    return 0;
oom:
    vp_errorf(errbuf, errlen, "%s:%zu: out of memory", path, lineno);
fail:
    free(t.slug);
    free(t.label);
    vp_strvec_clear(&t.keywords);
    free(flabel);
    return -1;
}

vp_themes *vp_themes_load(const char *path, char *errbuf, size_t errlen)
{
    vp_themes *th = calloc(1, sizeof *th);
    if (!th) {
        vp_errorf(errbuf, errlen, "%s: out of memory", path);
        return NULL;
    }
    if (vp_datafile_each_line(path, parse_line, th, errbuf, errlen) != 0) {
        vp_themes_free(th);
        return NULL;
    }
    return th;
}

void vp_themes_free(vp_themes *th)
{
    if (!th)
        return;
    for (size_t i = 0; i < th->n; i++) {
        free(th->t[i].slug);
        free(th->t[i].label);
        vp_strvec_clear(&th->t[i].keywords);
        free(th->folded_label[i]);
    }
    free(th->t);
    free(th->folded_label);
    free(th);
}

size_t vp_themes_count(const vp_themes *th)
{
    return th ? th->n : 0;
}

const vp_theme *vp_themes_at(const vp_themes *th, size_t i)
{
    return th && i < th->n ? &th->t[i] : NULL;
}

const vp_theme *vp_themes_lookup(const vp_themes *th, const char *name)
{
    const vp_theme *r = NULL;
    char *f;
    if (!th || !name)
        return NULL;
    f = vp_fold(name);
    if (!f)
        return NULL;
    for (size_t i = 0; i < th->n && !r; i++)
        if (strcmp(th->t[i].slug, f) == 0)
            r = &th->t[i];
    for (size_t i = 0; i < th->n && !r; i++)
        if (strcmp(th->folded_label[i], f) == 0)
            r = &th->t[i];
    free(f);
    return r;
}
