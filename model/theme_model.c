/*
 * theme_model.c: data/theme_model.tsv (see theme_model.h).
 */
#include "theme_model.h"
#include "datafile.h"
#include "text.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const vp_theme_feature_names[VP_THEME_FEATURES] = {
    "title", "heading", "body", "distinct", "share",
};

/* The values of the file, in the order they are read into: the features,
 * then the four settings. */
enum { SLOT_BIAS = VP_THEME_FEATURES, SLOT_THRESHOLD, SLOT_FALLBACK, SLOT_MAX, SLOTS };
static const char *const setting_names[] = {"bias", "threshold", "fallback", "max_themes"};

typedef struct loading {
    double value[SLOTS];
    bool seen[SLOTS];
} loading;

static const char *slot_name(size_t i)
{
    return i < VP_THEME_FEATURES ? vp_theme_feature_names[i]
                                 : setting_names[i - VP_THEME_FEATURES];
}

static int parse_line(char *line, size_t lineno, const char *path, void *ctx,
                      char *errbuf, size_t errlen)
{
    loading *l = ctx;
    char *tab = strchr(line, '\t');
    if (!tab) {
        vp_errorf(errbuf, errlen, "%s:%zu: want `name <TAB> value`", path, lineno);
        return -1;
    }
    *tab = '\0';
    char *name = vp_trim(line), *value = vp_trim(tab + 1), *end;
    size_t slot = SLOTS;
    for (size_t i = 0; i < SLOTS; i++)
        if (!strcmp(name, slot_name(i)))
            slot = i;
    if (slot == SLOTS) {
        vp_errorf(errbuf, errlen, "%s:%zu: unknown name '%s'", path, lineno, name);
        return -1;
    }
    if (l->seen[slot]) {
        vp_errorf(errbuf, errlen, "%s:%zu: '%s' given twice", path, lineno, name);
        return -1;
    }
    errno = 0;
    double v = strtod(value, &end);
    if (!*value || *end || errno || !isfinite(v)) {
        vp_errorf(errbuf, errlen, "%s:%zu: '%s': '%s' is not a number", path, lineno, name,
                  value);
        return -1;
    }
    bool probability = slot == SLOT_THRESHOLD || slot == SLOT_FALLBACK;
    if ((probability && (v <= 0 || v >= 1)) ||
        (slot == SLOT_MAX && (v < 1 || v > 12 || v != floor(v)))) {
        vp_errorf(errbuf, errlen, "%s:%zu: '%s' out of range: %s", path, lineno, name, value);
        return -1;
    }
    l->value[slot] = v;
    l->seen[slot] = true;
    return 0;
}

int vp_theme_model_load(const char *path, vp_theme_model *m, char *errbuf, size_t errlen)
{
    loading l = {0};
    if (vp_datafile_each_line(path, parse_line, &l, errbuf, errlen) != 0)
        return -1;
    for (size_t i = 0; i < SLOTS; i++) {
        if (!l.seen[i]) {
            vp_errorf(errbuf, errlen, "%s: no '%s'", path, slot_name(i));
            return -1;
        }
    }
    for (size_t i = 0; i < VP_THEME_FEATURES; i++)
        m->weight[i] = l.value[i];
    m->bias = l.value[SLOT_BIAS];
    m->threshold = l.value[SLOT_THRESHOLD];
    m->fallback = l.value[SLOT_FALLBACK];
    m->max_themes = (size_t)l.value[SLOT_MAX];
    return 0;
}

double vp_theme_model_p(const vp_theme_model *m, const double x[VP_THEME_FEATURES])
{
    double z = m->bias;
    for (size_t i = 0; i < VP_THEME_FEATURES; i++)
        z += m->weight[i] * x[i];
    return 1.0 / (1.0 + exp(-z));
}

void vp_theme_model_write(const vp_theme_model *m, FILE *fp)
{
    fprintf(fp, "bias\t%.6f\n", m->bias);
    for (size_t i = 0; i < VP_THEME_FEATURES; i++)
        fprintf(fp, "%s\t%.6f\n", vp_theme_feature_names[i], m->weight[i]);
    fprintf(fp, "threshold\t%.4f\nfallback\t%.4f\nmax_themes\t%zu\n", m->threshold,
            m->fallback, m->max_themes);
}
