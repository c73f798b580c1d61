/*
 * themes_fit: fits the themes model (data/theme_model.tsv) on labelled
 * reports and says how well it generalises.
 *
 *   themes_fit [--data DIR] [--write FILE] [--folds K] [--repeats R]
 *              [--lambda L] [--explain] [--features] [--test SET_DIR]...
 *              SET_DIR...
 *
 * A --test set is never fitted on: the model fitted on the SET_DIRs scores
 * it at the end, set by set.
 *
 * --features is --explain with each theme's features (in the order of
 * theme_model.tsv) after its probability.
 *
 * --explain lists, under each set's leave-one-set-out line, every report
 * with the themes the model fitted without that set gives it (and their
 * probabilities), the misses and the false hits.
 *
 * Each SET_DIR holds gold.json (corpus/gold.json's shape; `themes` and the
 * optional `themes_optional`) and the reports, in reports/ or beside it.
 * Every report is read the way the indexer reads it (front matter,
 * Markdown, title) and its evidence computed by the themes stage itself
 * (indexer/extract_themes.h), so the model learns from what the stage
 * sees.  A theme the gold marks optional is left out of fitting and
 * scoring; a theme a tag names is assigned anyway and is left out of
 * fitting too.
 *
 * The model is a logistic regression (L2 penalty lambda on the weights,
 * not the bias, fitted by Newton's method) over report-theme pairs; its
 * threshold and fallback are then the ones that give the best micro F1 on
 * the reports it was fitted on.  Printed: leave-one-set-out figures (fit
 * on the other sets, score the set left out), K-fold figures over all
 * reports (averaged over R shuffles), and the fit on everything, which
 * --write saves.  Figures are micro-averaged precision, recall and F1 over
 * themes, the way bench/evaluate counts them.  Nothing here reads
 * ../shared/devset unless told to: do not fit on the development sets.
 */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "datadir.h"
#include "extract.h"
#include "extract_themes.h"
#include "frontmatter.h"
#include "markdown.h"
#include "mem.h"
#include "sys.h"
#include "themes.h"

enum { F = VP_THEME_FEATURES, P = VP_THEME_FEATURES + 1 };   /* features, + bias */

typedef struct report {
    char *file;
    size_t set;
    vp_theme_evidence ev;
    signed char *label;      /* per theme: 1 gold, 0 not, -1 optional */
} report;

typedef struct corpus {
    report *r;
    size_t n, cap;
    size_t n_themes;
    char **set_names;
    size_t n_sets, names_cap;
} corpus;

typedef struct score {
    double tp, fp, fn;
} score;

static double f1(score s)
{
    return s.tp ? 2 * s.tp / (2 * s.tp + s.fp + s.fn) : 0;
}

static double recall(score s)
{
    return s.tp + s.fn ? s.tp / (s.tp + s.fn) : 0;
}

static double precision(score s)
{
    return s.tp + s.fp ? s.tp / (s.tp + s.fp) : 0;
}

static void die(const char *fmt, const char *arg)
{
    fprintf(stderr, "themes_fit: ");
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    exit(2);
}

/* ---- reading the sets --------------------------------------------------- */

/* The report at path parsed as the indexer parses it. */
static bool parse_report(const char *path, vp_parsed *p)
{
    size_t len, off;
    int line;
    vp_fm_error err = {0};
    char *src = vp_read_file(path, &len);
    vp_parsed_init(p);
    if (!src)
        return false;
    bool ok = vp_frontmatter_parse(src, len, &p->fm, &off, &line, &err) == 0 &&
              vp_markdown_parse(src + off, len - off, line, p) == 0;
    free(src);
    return ok;
}

static size_t theme_index(const vp_themes *th, const char *slug)
{
    const vp_theme *t = vp_themes_lookup(th, slug);
    return t ? (size_t)(t - vp_themes_at(th, 0)) : (size_t)-1;
}

static void mark(const vp_themes *th, json_t *list, signed char *label, signed char value,
                 const char *file)
{
    size_t i;
    json_t *v;
    json_array_foreach(list, i, v) {
        size_t t = json_is_string(v) ? theme_index(th, json_string_value(v)) : (size_t)-1;
        if (t == (size_t)-1) {
            fprintf(stderr, "themes_fit: %s: unknown theme %s\n", file,
                    json_is_string(v) ? json_string_value(v) : "(not a string)");
            exit(2);
        }
        label[t] = value;
    }
}

static void read_set(corpus *c, const vp_themes *th, const char *dir)
{
    struct stat st;
    char *path = vp_path_join(dir, "gold.json");
    json_error_t jerr;
    json_t *gold = json_load_file(path, 0, &jerr);
    if (!json_is_array(gold))
        die("%s: not a JSON array of reports", path);
    char *reports = vp_path_join(dir, "reports");
    if (stat(reports, &st) != 0 || !S_ISDIR(st.st_mode)) {
        free(reports);
        reports = vp_xstrdup(dir);
    }
    const char *base = strrchr(dir, '/');
    VP_GROW(c->set_names, c->names_cap, c->n_sets + 1);
    c->set_names[c->n_sets] = vp_xstrdup(base && base[1] ? base + 1 : dir);
    size_t i;
    json_t *g;
    json_array_foreach(gold, i, g) {
        const char *file = json_string_value(json_object_get(g, "file"));
        if (!file)
            die("%s: an entry without \"file\"", path);
        char *rpath = vp_path_join(reports, file);
        vp_parsed p;
        if (!parse_report(rpath, &p))
            die("%s: cannot read or parse", rpath);
        VP_GROW(c->r, c->cap, c->n + 1);
        report *r = &c->r[c->n++];
        *r = (report){.file = vp_xstrdup(file), .set = c->n_sets};
        r->label = vp_xcalloc(c->n_themes, 1);
        char *title = vp_extract_title(&p);
        vp_theme_evidence_of(th, &p, title, &r->ev);
        free(title);
        vp_parsed_clear(&p);
        mark(th, json_object_get(g, "themes"), r->label, 1, rpath);
        mark(th, json_object_get(g, "themes_optional"), r->label, -1, rpath);
        free(rpath);
    }
    json_decref(gold);
    free(reports);
    free(path);
    c->n_sets++;
}

static void corpus_clear(corpus *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free(c->r[i].file);
        free(c->r[i].label);
        vp_theme_evidence_clear(&c->r[i].ev);
    }
    for (size_t s = 0; s < c->n_sets; s++)
        free(c->set_names[s]);
    free(c->set_names);
    free(c->r);
}

/* ---- fitting ------------------------------------------------------------ */

/* Solves a x = b for the P x P system a (destroyed), by Gauss-Jordan with
 * partial pivoting.  False when singular. */
static bool solve(double a[P][P], double b[P], double x[P])
{
    for (int c = 0; c < P; c++) {
        int piv = c;
        for (int r = c + 1; r < P; r++)
            if (fabs(a[r][c]) > fabs(a[piv][c]))
                piv = r;
        if (fabs(a[piv][c]) < 1e-12)
            return false;
        for (int k = 0; k < P; k++) {
            double t = a[c][k];
            a[c][k] = a[piv][k];
            a[piv][k] = t;
        }
        double t = b[c];
        b[c] = b[piv];
        b[piv] = t;
        for (int r = 0; r < P; r++) {
            if (r == c)
                continue;
            double f = a[r][c] / a[c][c];
            for (int k = c; k < P; k++)
                a[r][k] -= f * a[c][k];
            b[r] -= f * b[c];
        }
    }
    for (int c = 0; c < P; c++)
        x[c] = b[c] / a[c][c];
    return true;
}

static double dot(const double w[P], const double *x)
{
    double z = w[F];
    for (int i = 0; i < F; i++)
        z += w[i] * x[i];
    return z;
}

/* Does pair (r, t) take part in fitting? */
static bool fitted_pair(const report *r, size_t t)
{
    return r->label[t] >= 0 && !r->ev.named[t];
}

/* Logistic regression on the reports where use[] is set. */
static void fit_weights(const corpus *c, const bool *use, double lambda, double w[P])
{
    memset(w, 0, P * sizeof *w);
    for (int iter = 0; iter < 50; iter++) {
        double h[P][P] = {{0}}, g[P] = {0}, step[P];
        for (size_t i = 0; i < c->n; i++) {
            if (!use[i])
                continue;
            const report *r = &c->r[i];
            for (size_t t = 0; t < c->n_themes; t++) {
                if (!fitted_pair(r, t))
                    continue;
                double xb[P];
                memcpy(xb, r->ev.x[t], F * sizeof *xb);
                xb[F] = 1;
                double p = 1 / (1 + exp(-dot(w, r->ev.x[t])));
                double y = r->label[t] == 1;
                for (int a = 0; a < P; a++) {
                    g[a] += (y - p) * xb[a];
                    for (int b = 0; b < P; b++)
                        h[a][b] += p * (1 - p) * xb[a] * xb[b];
                }
            }
        }
        for (int a = 0; a < F; a++) {
            g[a] -= lambda * w[a];
            h[a][a] += lambda;
        }
        h[F][F] += 1e-6;
        if (!solve(h, g, step))
            break;
        double moved = 0;
        for (int a = 0; a < P; a++) {
            w[a] += step[a];
            moved += fabs(step[a]);
        }
        if (moved < 1e-9)
            break;
    }
}

static vp_theme_model model_of(const double w[P], double threshold, double fallback)
{
    vp_theme_model m = {.bias = w[F], .threshold = threshold, .fallback = fallback,
                        .max_themes = 4};
    for (int i = 0; i < F; i++)
        m.weight[i] = w[i];
    return m;
}

/* The themes m assigns to r, scored against r's gold. */
static score score_report(const vp_theme_model *m, const report *r, size_t n_themes,
                          size_t *buf)
{
    score s = {0};
    size_t n = vp_theme_decide(m, &r->ev, buf);
    bool *got = vp_xcalloc(n_themes, 1);
    for (size_t i = 0; i < n; i++)
        got[buf[i]] = true;
    for (size_t t = 0; t < n_themes; t++) {
        if (r->label[t] < 0)
            continue;
        s.tp += got[t] && r->label[t] == 1;
        s.fp += got[t] && r->label[t] == 0;
        s.fn += !got[t] && r->label[t] == 1;
    }
    free(got);
    return s;
}

static score score_all(const vp_theme_model *m, const corpus *c, const bool *use)
{
    score s = {0};
    size_t *buf = vp_xmalloc(c->n_themes * sizeof *buf);
    for (size_t i = 0; i < c->n; i++) {
        if (!use[i])
            continue;
        score r = score_report(m, &c->r[i], c->n_themes, buf);
        s.tp += r.tp;
        s.fp += r.fp;
        s.fn += r.fn;
    }
    free(buf);
    return s;
}

/* Fits weights, then the threshold and fallback with the best F1, on use[]. */
static vp_theme_model fit(const corpus *c, const bool *use, double lambda)
{
    double w[P];
    fit_weights(c, use, lambda, w);
    vp_theme_model best = model_of(w, 0.5, 0.5);
    double best_f1 = -1;
    for (double th = 0.20; th <= 0.801; th += 0.025) {
        for (double fb = 0.02; fb <= th + 1e-9; fb += 0.02) {
            vp_theme_model m = model_of(w, th, fb);
            double f = f1(score_all(&m, c, use));
            if (f > best_f1 + 1e-9) {
                best_f1 = f;
                best = m;
            }
        }
    }
    return best;
}

/* ---- cross-validation --------------------------------------------------- */

static bool show_features;   /* --features: explain() prints them too */

static void print_score(const char *what, score s)
{
    printf("%-28s P %.3f  R %.3f  F1 %.3f  (%g hits, %g false, %g missed)\n", what,
           precision(s), recall(s), f1(s), s.tp, s.fp, s.fn);
}

static score add(score a, score b)
{
    return (score){a.tp + b.tp, a.fp + b.fp, a.fn + b.fn};
}

/* One report's line: every theme assigned, in the gold or likely enough to
 * look at, with m's probability and what went wrong. */
static void explain(const corpus *c, const report *r, const vp_theme_model *m,
                    const vp_themes *th)
{
    size_t *buf = vp_xmalloc(c->n_themes * sizeof *buf);
    size_t n = vp_theme_decide(m, &r->ev, buf);
    printf("    %s/%s:", c->set_names[r->set], r->file);
    for (size_t t = 0; t < c->n_themes; t++) {
        bool got = false;
        for (size_t j = 0; j < n; j++)
            got |= buf[j] == t;
        double p = vp_theme_model_p(m, r->ev.x[t]);
        if (!got && r->label[t] != 1 && p < 0.1)
            continue;
        const char *mark = r->label[t] < 0 ? " optional" : got && r->label[t] ? "" :
                           got ? " FALSE" : r->label[t] ? " MISSED" : "";
        printf(" %s %.2f%s", vp_themes_at(th, t)->slug, p, mark);
        if (show_features)
            for (size_t f = 0; f < F; f++)
                printf(" %c%.2f", f ? ',' : '[', r->ev.x[t][f]);
        printf("%s;", show_features ? "]" : "");
    }
    putchar('\n');
    free(buf);
}

/* With th, each report's line too, as judged by the model fitted without
 * its set. */
static void leave_one_set_out(const corpus *c, double lambda, const vp_themes *th)
{
    bool *train = vp_xmalloc(c->n), *test = vp_xmalloc(c->n);
    score all = {0};
    printf("leave one set out (fit on the others, score the one left out):\n");
    for (size_t s = 0; s < c->n_sets; s++) {
        for (size_t i = 0; i < c->n; i++) {
            train[i] = c->r[i].set != s;
            test[i] = !train[i];
        }
        vp_theme_model m = fit(c, train, lambda);
        score sc = score_all(&m, c, test);
        all = add(all, sc);
        char what[64];
        snprintf(what, sizeof what, "  %s", c->set_names[s]);
        print_score(what, sc);
        for (size_t i = 0; th && i < c->n; i++)
            if (test[i])
                explain(c, &c->r[i], &m, th);
    }
    print_score("  all sets pooled", all);
    free(train);
    free(test);
}

static void k_fold(const corpus *c, double lambda, size_t k, size_t repeats)
{
    bool *train = vp_xmalloc(c->n), *test = vp_xmalloc(c->n);
    size_t *order = vp_xmalloc(c->n * sizeof *order);
    score all = {0};
    score *per_set = vp_xcalloc(c->n_sets, sizeof *per_set);
    unsigned seed = 1;
    for (size_t rep = 0; rep < repeats; rep++) {
        for (size_t i = 0; i < c->n; i++)
            order[i] = i;
        for (size_t i = c->n; i > 1; i--) {       /* Fisher-Yates, a fixed LCG */
            seed = seed * 1103515245u + 12345u;
            size_t j = (seed >> 8) % i;
            size_t t = order[i - 1];
            order[i - 1] = order[j];
            order[j] = t;
        }
        size_t *buf = vp_xmalloc(c->n_themes * sizeof *buf);
        for (size_t f = 0; f < k; f++) {
            for (size_t i = 0; i < c->n; i++) {
                test[order[i]] = i % k == f;
                train[order[i]] = !test[order[i]];
            }
            vp_theme_model m = fit(c, train, lambda);
            for (size_t i = 0; i < c->n; i++) {
                if (!test[i])
                    continue;
                score sc = score_report(&m, &c->r[i], c->n_themes, buf);
                all = add(all, sc);
                per_set[c->r[i].set] = add(per_set[c->r[i].set], sc);
            }
        }
        free(buf);
    }
    printf("%zu-fold over all reports, %zu shuffles (each report scored by a model "
           "not fitted on it):\n", k, repeats);
    for (size_t s = 0; s < c->n_sets; s++) {
        char what[64];
        snprintf(what, sizeof what, "  %s", c->set_names[s]);
        print_score(what, per_set[s]);
    }
    print_score("  all reports", all);
    free(per_set);
    free(order);
    free(train);
    free(test);
}

/* The sets in tests, scored set by set by m (fitted without them). */
static void score_tests(const corpus *tests, const vp_theme_model *m, const vp_themes *th)
{
    bool *in = vp_xmalloc(tests->n ? tests->n : 1);
    printf("test sets, never fitted on (scored by the model fitted on all the others):\n");
    for (size_t s = 0; s < tests->n_sets; s++) {
        for (size_t i = 0; i < tests->n; i++)
            in[i] = tests->r[i].set == s;
        char what[64];
        snprintf(what, sizeof what, "  %s", tests->set_names[s]);
        print_score(what, score_all(m, tests, in));
        for (size_t i = 0; th && i < tests->n; i++)
            if (in[i])
                explain(tests, &tests->r[i], m, th);
    }
    free(in);
}

/* ---- output ------------------------------------------------------------- */

static void write_model(const char *path, const vp_theme_model *m, const corpus *c,
                        const corpus *tests, double lambda)
{
    FILE *fp = fopen(path, "w");
    if (!fp)
        die("%s: cannot write", path);
    fprintf(fp, "# theme_model.tsv -- the themes classifier (see data/README.md).\n"
                "# Written by bench/themes_fit (do not edit by hand) from %zu labelled\n"
                "# reports in:", c->n);
    for (size_t s = 0; s < c->n_sets; s++)
        fprintf(fp, " %s", c->set_names[s]);
    if (tests->n_sets) {
        fprintf(fp, "\n# Not fitted on, scored as tests:");
        for (size_t s = 0; s < tests->n_sets; s++)
            fprintf(fp, " %s", tests->set_names[s]);
    }
    fprintf(fp, "\n# L2 penalty %g.  name <TAB> value\n", lambda);
    vp_theme_model_write(m, fp);
    if (fclose(fp) != 0)
        die("%s: write error", path);
}

int main(int argc, char **argv)
{
    const char *data = NULL, *out = NULL;
    double lambda = 1.0;
    size_t folds = 5, repeats = 5;
    bool want_explain = false;
    const char **test_dirs = NULL;
    size_t n_test = 0, n_test_cap = 0;
    static const struct option opts[] = {
        {"data", required_argument, 0, 'd'}, {"write", required_argument, 0, 'w'},
        {"folds", required_argument, 0, 'k'}, {"repeats", required_argument, 0, 'r'},
        {"lambda", required_argument, 0, 'l'}, {"explain", no_argument, 0, 'e'},
        {"test", required_argument, 0, 't'}, {"features", no_argument, 0, 'f'},
        {0, 0, 0, 0}};
    int o;
    while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (o) {
        case 'd': data = optarg; break;
        case 'w': out = optarg; break;
        case 'k': folds = strtoul(optarg, NULL, 10); break;
        case 'r': repeats = strtoul(optarg, NULL, 10); break;
        case 'l': lambda = strtod(optarg, NULL); break;
        case 'e': want_explain = true; break;
        case 'f': want_explain = show_features = true; break;
        case 't': VP_GROW(test_dirs, n_test_cap, n_test + 1); test_dirs[n_test++] = optarg; break;
        default:
            fprintf(stderr, "usage: themes_fit [--data DIR] [--write FILE] [--folds K] "
                            "[--repeats R] [--lambda L] [--explain] [--features] [--test SET_DIR]... SET_DIR...\n");
            return 2;
        }
    }
    if (optind >= argc || folds < 2)
        die("%s", "give one or more labelled sets (and --folds of at least 2)");
    char path[4096], err[512];
    snprintf(path, sizeof path, "%s/themes.tsv", data ? data : vp_default_data_dir());
    vp_themes *th = vp_themes_load_unfitted(path, err, sizeof err);
    if (!th)
        die("%s", err);
    corpus c = {.n_themes = vp_themes_count(th)}, tests = {.n_themes = c.n_themes};
    for (int i = optind; i < argc; i++)
        read_set(&c, th, argv[i]);
    for (size_t i = 0; i < n_test; i++)
        read_set(&tests, th, test_dirs[i]);
    bool *all = vp_xmalloc(c.n);
    memset(all, 1, c.n);
    printf("%zu reports in %zu sets, %zu themes, L2 penalty %g\n", c.n, c.n_sets, c.n_themes,
           lambda);
    if (c.n_sets > 1)
        leave_one_set_out(&c, lambda, want_explain ? th : NULL);
    k_fold(&c, lambda, folds, repeats);
    vp_theme_model m = fit(&c, all, lambda);
    print_score("fitted on all (not a test)", score_all(&m, &c, all));
    if (tests.n_sets)
        score_tests(&tests, &m, want_explain ? th : NULL);
    vp_theme_model_write(&m, stdout);
    if (out)
        write_model(out, &m, &c, &tests, lambda);
    corpus_clear(&c);
    corpus_clear(&tests);
    free(test_dirs);
    free(all);
    vp_themes_free(th);
    return 0;
}
