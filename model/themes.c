/*
 * themes.c: data/themes.tsv and its companions theme_terms.tsv,
 * theme_cues.tsv and
 * theme_model.tsv (see themes.h).
 */
#include "themes.h"
#include "strset.h"
#include "datafile.h"
#include "mem.h"
#include "sys.h"
#include "text.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define TERMS_FILE "theme_terms.tsv"
#define MODEL_FILE "theme_model.tsv"
#define CUES_FILE "theme_cues.tsv"

struct vp_themes {
    vp_theme *t;
    char **folded_label;     /* vp_fold(label), parallel to t */
    size_t n, cap;
    vp_theme_terms *terms;   /* keywords and theme_terms.tsv */
    vp_theme_model model;
    bool has_model;
    vp_strset *cues;         /* theme_cues.tsv, folded */
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
    vp_theme t = {NULL, NULL, VP_STRVEC_INIT, NULL, NULL};
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
        char *f;
        vp_trim(k);
        if (!*k)
            continue;
        f = vp_fold(k);
        if (vp_strvec_contains(&t.keywords, f)) {
            free(f);
            continue;
        }
        char why[96];
        int rc = vp_theme_terms_add(th->terms, f, th->n, VP_THEME_KEYWORD_WEIGHT, why,
                                    sizeof why);
        if (rc != 0) {
            vp_errorf(errbuf, errlen, "%s:%zu: keyword '%s': %s", path, lineno, k, why);
            free(f);
            goto fail;
        }
        vp_strvec_push(&t.keywords, f);
        free(f);
    }
    if (t.keywords.len == 0) {
        vp_errorf(errbuf, errlen, "%s:%zu: theme '%s' has no keywords", path, lineno, col[0]);
        goto fail;
    }
    t.slug = vp_xstrdup(col[0]);
    t.label = vp_xstrdup(col[1]);
    t.slug_key = vp_fold_key(t.slug);
    t.label_key = vp_fold_key(t.label);
    size_t labels_cap = th->cap;   /* folded_label runs parallel to t */
    VP_GROW(th->t, th->cap, th->n + 1);
    VP_GROW(th->folded_label, labels_cap, th->n + 1);
    th->t[th->n] = t;
    th->folded_label[th->n] = flabel;
    th->n++;
    return 0;
fail:
    free(t.slug);
    free(t.label);
    free(t.slug_key);
    free(t.label_key);
    vp_strvec_clear(&t.keywords);
    free(flabel);
    return -1;
}

/* One line of theme_terms.tsv: slug <TAB> weight <TAB> descriptors. */
static int parse_terms_line(char *line, size_t lineno, const char *path, void *ctx,
                            char *errbuf, size_t errlen)
{
    vp_themes *th = ctx;
    char *weight = strchr(line, '\t'), *list = weight ? strchr(weight + 1, '\t') : NULL;
    if (!list || strchr(list + 1, '\t')) {
        vp_errorf(errbuf, errlen, "%s:%zu: want slug <TAB> weight <TAB> descriptors", path,
                  lineno);
        return -1;
    }
    *weight++ = '\0';
    *list++ = '\0';
    const char *slug = vp_trim(line);
    size_t theme = th->n;
    for (size_t i = 0; i < th->n; i++)
        if (!strcmp(th->t[i].slug, slug))
            theme = i;
    if (theme == th->n) {
        vp_errorf(errbuf, errlen, "%s:%zu: unknown theme '%s'", path, lineno, slug);
        return -1;
    }
    char *end;
    errno = 0;
    double w = strtod(vp_trim(weight), &end);
    if (!*weight || *end || errno || !(w > 0 && w <= 10)) {
        vp_errorf(errbuf, errlen, "%s:%zu: weight '%s' is not a number in (0, 10]", path,
                  lineno, weight);
        return -1;
    }
    char *save = NULL;
    for (char *k = strtok_r(list, ",", &save); k; k = strtok_r(NULL, ",", &save)) {
        vp_trim(k);
        if (!*k)
            continue;
        char *f = vp_fold(k), why[96];
        int rc = vp_theme_terms_add(th->terms, f, theme, w, why, sizeof why);
        free(f);
        if (rc != 0) {
            vp_errorf(errbuf, errlen, "%s:%zu: '%s': %s", path, lineno, k, why);
            return -1;
        }
    }
    return 0;
}

/* One line of theme_cues.tsv: a word. */
static int parse_cue_line(char *line, size_t lineno, const char *path, void *ctx,
                          char *errbuf, size_t errlen)
{
    vp_themes *th = ctx;
    char *w = vp_fold(vp_trim(line));
    int rc = 0;
    if (!*w || strpbrk(w, " \t")) {
        vp_errorf(errbuf, errlen, "%s:%zu: want one word", path, lineno);
        rc = -1;
    } else {
        vp_strset_add(th->cues, w, strlen(w), NULL);
    }
    free(w);
    return rc;
}

/* The file `name` in path's folder; caller frees. */
static char *beside(const char *path, const char *name)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? vp_xstrndup(path, (size_t)(slash - path)) : vp_xstrdup(".");
    char *p = vp_path_join(dir, name);
    free(dir);
    return p;
}

/* Loads the companion file `name` beside path when it is there: 0 when
 * loaded or absent (*present tells), -1 on an error. */
static int load_companion(vp_themes *th, const char *path, const char *name, bool *present,
                          char *errbuf, size_t errlen)
{
    char *p = beside(path, name);
    int rc = 0;
    *present = false;
    if (access(p, F_OK) == 0) {
        *present = true;
        if (!strcmp(name, TERMS_FILE))
            rc = vp_datafile_each_line(p, parse_terms_line, th, errbuf, errlen);
        else if (!strcmp(name, CUES_FILE))
            rc = vp_datafile_each_line(p, parse_cue_line, th, errbuf, errlen);
        else
            rc = vp_theme_model_load(p, &th->model, errbuf, errlen);
    } else if (errno != ENOENT) {
        vp_errorf(errbuf, errlen, "%s: %s", p, strerror(errno));
        rc = -1;
    }
    free(p);
    return rc;
}

static vp_themes *load(const char *path, bool with_model, char *errbuf, size_t errlen)
{
    vp_themes *th = vp_xcalloc(1, sizeof *th);
    bool present;
    th->terms = vp_theme_terms_new();
    th->cues = vp_strset_new();
    if (vp_datafile_each_line(path, parse_line, th, errbuf, errlen) != 0 ||
        load_companion(th, path, TERMS_FILE, &present, errbuf, errlen) != 0 ||
        load_companion(th, path, CUES_FILE, &present, errbuf, errlen) != 0 ||
        (with_model &&
         load_companion(th, path, MODEL_FILE, &th->has_model, errbuf, errlen) != 0)) {
        vp_themes_free(th);
        return NULL;
    }
    return th;
}

vp_themes *vp_themes_load(const char *path, char *errbuf, size_t errlen)
{
    return load(path, true, errbuf, errlen);
}

vp_themes *vp_themes_load_unfitted(const char *path, char *errbuf, size_t errlen)
{
    return load(path, false, errbuf, errlen);
}

const vp_theme_terms *vp_themes_terms(const vp_themes *th)
{
    return th ? th->terms : NULL;
}

bool vp_themes_is_list_cue(const vp_themes *th, const char *w, size_t len)
{
    return th && vp_strset_find(th->cues, w, len) != VP_STRSET_NONE;
}

const vp_theme_model *vp_themes_model(const vp_themes *th)
{
    return th && th->has_model ? &th->model : NULL;
}

void vp_themes_free(vp_themes *th)
{
    if (!th)
        return;
    for (size_t i = 0; i < th->n; i++) {
        free(th->t[i].slug);
        free(th->t[i].label);
        free(th->t[i].slug_key);
        free(th->t[i].label_key);
        vp_strvec_clear(&th->t[i].keywords);
        free(th->folded_label[i]);
    }
    free(th->t);
    free(th->folded_label);
    vp_theme_terms_free(th->terms);
    vp_strset_free(th->cues);
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
    for (size_t i = 0; i < th->n && !r; i++)
        if (strcmp(th->t[i].slug, f) == 0)
            r = &th->t[i];
    for (size_t i = 0; i < th->n && !r; i++)
        if (strcmp(th->folded_label[i], f) == 0)
            r = &th->t[i];
    free(f);
    return r;
}
