/*
 * gencorpus.c: N realistic reports for the benchmarks, deterministically.
 *
 *   gencorpus N SEED DIR [--vocab-dir CORPUS] [--dict FILE] [--queries M]
 *
 * Writes DIR/rNNN/<date>-<host>-<n>.md (1000 reports per folder), DIR/facets.tsv
 * (the facets each report was generated with: what xapian-bare and the FTS5
 * peer index, since they do no extraction) and DIR/querymix.txt (M query
 * strings in the /search syntax, one per line, the same mix for every system).
 *
 * The words follow a Zipf-like law over a vocabulary ranked by frequency: the
 * words of the real reports (corpus/) by their frequency there, then the
 * Dutch word list (wdutch, /usr/share/dict/dutch) in a seeded order, plus
 * compounds of two words.  That gives a real report's shape: a few hundred
 * distinct words per report, about 0.4-0.5 of its words.  Half the reports
 * have YAML front matter, half only text with the facets in the prose (as in
 * corpus/).  Same inputs and seed, same bytes: the only randomness is the
 * splitmix64 generator below.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "datafile.h"
#include "mem.h"
#include "strvec.h"
#include "sys.h"

#ifndef VP_SOURCE_DIR
#define VP_SOURCE_DIR "."
#endif

/* ---- the generator -------------------------------------------------------- */

static uint64_t rng_state;

static uint64_t rnd(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static size_t below(size_t n) { return n ? (size_t)(rnd() % n) : 0; }
static size_t between(size_t lo, size_t hi) { return lo + below(hi - lo + 1); }
static double unit(void) { return (double)(rnd() >> 11) / 9007199254740992.0; }

static void die(const char *what)
{
    fprintf(stderr, "gencorpus: %s: %s\n", what, errno ? strerror(errno) : "failed");
    exit(2);
}

/* ---- the vocabulary -------------------------------------------------------- */

typedef struct word_count { char *word; unsigned n; } word_count;

static int by_count_then_word(const void *a, const void *b)
{
    const word_count *x = a, *y = b;
    if (x->n != y->n)
        return x->n < y->n ? 1 : -1;
    return strcmp(x->word, y->word);
}

static int by_word(const void *a, const void *b)
{
    return strcmp(((const word_count *)a)->word, ((const word_count *)b)->word);
}

/* The file, or NULL when it cannot be opened; a read error is fatal. */
static char *slurp(const char *path)
{
    char *s = vp_read_file(path, NULL);
    if (!s && errno == EIO)
        die(path);
    return s;
}

/* Lower-case words (letters, UTF-8 letters, inner hyphens) of text into wv. */
static void collect_words(const char *text, vp_strvec *wv)
{
    const unsigned char *p = (const unsigned char *)text;
    while (*p) {
        while (*p && !(isalpha(*p) || *p >= 0x80))
            p++;
        const unsigned char *start = p;
        while (*p && (isalpha(*p) || *p >= 0x80 || (*p == '-' && isalpha(p[1]))))
            p++;
        size_t n = (size_t)(p - start);
        if (n >= 2 && n < 40) {
            char buf[40];
            for (size_t i = 0; i < n; i++)
                buf[i] = (char)tolower(start[i]);
            buf[n] = '\0';
            if (!vp_strvec_push(wv, buf))
                die("out of memory");
        }
    }
}

/* The words of corpus/ ranked by frequency (ties alphabetical). */
static void corpus_vocabulary(const char *dir, vp_strvec *ranked)
{
    DIR *d = opendir(dir);
    if (!d)
        die(dir);
    vp_strvec names = VP_STRVEC_INIT, all = VP_STRVEC_INIT;
    for (struct dirent *e; (e = readdir(d));)
        if (strlen(e->d_name) > 3 && strcmp(e->d_name + strlen(e->d_name) - 3, ".md") == 0)
            vp_strvec_push(&names, e->d_name);
    closedir(d);
    vp_strvec_sort(&names);   /* readdir order is not deterministic */
    for (size_t i = 0; i < names.len; i++) {
        char *path = vp_path_join(dir, names.items[i]);
        char *text = slurp(path);
        if (!text)
            die(path);
        collect_words(text, &all);
        free(text);
        free(path);
    }
    vp_strvec_sort(&all);
    word_count *wc = vp_xcalloc(all.len + 1, sizeof *wc);
    size_t n = 0;
    for (size_t i = 0; i < all.len; i++) {
        if (n && strcmp(wc[n - 1].word, all.items[i]) == 0)
            wc[n - 1].n++;
        else
            wc[n++] = (word_count){all.items[i], 1};
    }
    qsort(wc, n, sizeof *wc, by_count_then_word);
    for (size_t i = 0; i < n; i++)
        vp_strvec_push(ranked, wc[i].word);
    free(wc);
    vp_strvec_clear(&all);
    vp_strvec_clear(&names);
}

/* Appends the lower-case words of the word list (one a line) not yet in
 * ranked, in a seeded order. */
static void dict_vocabulary(const char *path, vp_strvec *ranked)
{
    char *text = slurp(path);
    if (!text)
        return;   /* optional: wdutch may be missing */
    word_count *known = vp_xcalloc(ranked->len + 1, sizeof *known);
    for (size_t i = 0; i < ranked->len; i++)
        known[i].word = ranked->items[i];
    qsort(known, ranked->len, sizeof *known, by_word);
    vp_strvec extra = VP_STRVEC_INIT;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        if (!islower((unsigned char)line[0]) || strchr(line, '\'') || strlen(line) < 3)
            continue;
        word_count key = {line, 0};
        if (!bsearch(&key, known, ranked->len, sizeof *known, by_word))
            vp_strvec_push(&extra, line);
    }
    for (size_t i = extra.len; i > 1; i--) {   /* Fisher-Yates */
        size_t j = below(i);
        char *t = extra.items[i - 1];
        extra.items[i - 1] = extra.items[j];
        extra.items[j] = t;
    }
    for (size_t i = 0; i < extra.len; i++)
        vp_strvec_push(ranked, extra.items[i]);
    vp_strvec_clear(&extra);
    free(known);
    free(text);
}

/* Zipf: P(rank r) ~ 1 / (r + 2.7)^s, drawn by binary search in the CDF. */
static double *zipf_cdf;
static size_t zipf_n;

static void zipf_init(size_t n, double s)
{
    zipf_n = n;
    zipf_cdf = vp_xmalloc(n * sizeof *zipf_cdf);
    double sum = 0;
    for (size_t r = 0; r < n; r++)
        zipf_cdf[r] = (sum += 1.0 / pow((double)r + 2.7, s));
    for (size_t r = 0; r < n; r++)
        zipf_cdf[r] /= sum;
}

static size_t zipf_rank(void)
{
    double u = unit();
    size_t lo = 0, hi = zipf_n - 1;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (zipf_cdf[mid] < u)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* ---- the facet pools -------------------------------------------------------- */

static vp_strvec vocab, places, theme_slugs, theme_words;

/* The fields of a data file's line, cut at its tabs (at most max). */
static size_t fields(char *line, char **field, size_t max)
{
    size_t n = 0;
    for (char *p = line; p && n < max; n++) {
        field[n] = p;
        if ((p = strchr(p, '\t')))
            *p++ = '\0';
    }
    return n;
}

/* A current municipality of data/gemeenten.tsv (name, province, the year a
 * merged one ended, ...) into places. */
static int place_line(char *line, size_t lineno, const char *path, void *ctx, char *errbuf,
                      size_t errlen)
{
    (void)lineno, (void)path, (void)ctx, (void)errbuf, (void)errlen;
    char *field[4];
    if (fields(line, field, 4) == 4 && field[2][0] == '\0')   /* current ones only */
        vp_strvec_push(&places, field[0]);
    return 0;
}

/* A theme of data/themes.tsv (slug, label, keywords): its slug into
 * theme_slugs and its first keyword (or the slug) into theme_words. */
static int theme_line(char *line, size_t lineno, const char *path, void *ctx, char *errbuf,
                      size_t errlen)
{
    (void)lineno, (void)path, (void)ctx, (void)errbuf, (void)errlen;
    char *field[3], *save;
    if (fields(line, field, 3) < 3)
        return 0;
    vp_strvec_push(&theme_slugs, field[0]);
    char *first = strtok_r(field[2], ",", &save);
    char word[128];
    snprintf(word, sizeof word, "%s", first ? first : field[0]);
    word[strcspn(word, "*")] = '\0';
    vp_strvec_push(&theme_words, word);
    return 0;
}

static void load_data(const char *dir, const char *name, vp_datafile_line_fn fn)
{
    char err[512], *path = vp_path_join(dir, name);
    if (vp_datafile_each_line(path, fn, NULL, err, sizeof err) != 0) {
        fprintf(stderr, "gencorpus: %s\n", err);
        exit(2);
    }
    free(path);
}

/* dir/name, created for writing (its path in *path, caller frees). */
static FILE *create(const char *dir, const char *name, char **path)
{
    *path = vp_path_join(dir, name);
    FILE *f = fopen(*path, "wb");
    if (!f)
        die(*path);
    return f;
}

static const char *const first_names[] = {
    "Marloes", "Koos", "Arjan", "Peter", "Joost", "Geert", "Hamit", "Renske", "Hylke",
    "Jelmer", "Froukje", "Bauke", "Pieter", "Wilco", "Anouk", "Sanne", "Lotte", "Bram",
    "Daan", "Femke", "Ingrid", "Mariska", "Frans", "Esther", "Ruud", "Willemijn", "Karin",
    "Hans", "Annelies", "Thijs", "Marieke", "Gerrit", "Sophie", "Jeroen", "Fatima", "Yusuf",
    "Noor", "Sjoerd", "Tineke", "Maarten"};
static const char *const surnames[] = {
    "de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
    "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
    "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van den Berg",
    "Kok", "Jacobs", "Vermeulen", "Hoekstra", "Kastelic", "Raatgever", "Hoogerbrugge",
    "Schmitz", "Engels", "Backhuys", "Karakus", "Veldhuijzen", "ter Horst", "Bosma",
    "van der Kolk", "Brinkman", "Yilmaz"};
static const char *const organisations[] = {
    "Platform31", "PMG", "VNG", "BZK", "Rijkswaterstaat", "NHL Stenden", "Movisie",
    "Nyenrode", "Atlas voor gemeenten", "Berenschot", "KplusV", "Universiteit Utrecht"};
static const char *const months[] = {
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
    "september", "oktober", "november", "december"};
static const char *const weekdays[] = {
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"};

/* ---- one report ----------------------------------------------------------------- */

typedef struct report {
    char id[160];
    int year, month, day;
    const char *host;
    vp_strvec places;   /* municipalities, host first */
    vp_strvec speakers; /* "Name (Org)" */
    vp_strvec names;    /* the canonical names of speakers */
    vp_strvec themes;   /* slugs */
    char title[256];
} report;

static void report_clear(report *r)
{
    vp_strvec_clear(&r->places);
    vp_strvec_clear(&r->speakers);
    vp_strvec_clear(&r->names);
    vp_strvec_clear(&r->themes);
}

/* One word of running text: mostly Zipf draws, sometimes a compound. */
static void put_word(vp_buf *b, bool capital)
{
    char w[160];
    const char *a = vocab.items[zipf_rank()];
    if (unit() < 0.04) {
        const char *c = vocab.items[50 + below(3000)];
        snprintf(w, sizeof w, "%s%s", a, c);
    } else {
        snprintf(w, sizeof w, "%s", a);
    }
    if (capital && islower((unsigned char)w[0]))
        w[0] = (char)toupper((unsigned char)w[0]);
    vp_buf_puts(b, w);
}

static void put_date_text(vp_buf *b, const report *r)
{
    switch (below(3)) {
    case 0: vp_buf_printf(b, "%d %s %d", r->day, months[r->month - 1], r->year); break;
    case 1: vp_buf_printf(b, "%s %d %s %d", weekdays[below(5)], r->day, months[r->month - 1], r->year); break;
    default: vp_buf_printf(b, "%d-%d-%d", r->day, r->month, r->year); break;
    }
}

static void put_sentence(vp_buf *b, const report *r)
{
    size_t n = between(6, 22);
    for (size_t i = 0; i < n; i++) {
        if (i)
            vp_buf_puts(b, below(12) == 0 ? ", " : " ");
        if (below(60) == 0 && r->themes.len)
            vp_buf_puts(b, theme_words.items[below(theme_words.len)]);
        else
            put_word(b, i == 0);
    }
    vp_buf_puts(b, ". ");
}

static void put_paragraph(vp_buf *b, const report *r, size_t sentences)
{
    for (size_t i = 0; i < sentences; i++)
        put_sentence(b, r);
    vp_buf_puts(b, "\n\n");
}

static void put_list(vp_buf *b, const vp_strvec *v)
{
    for (size_t i = 0; i < v->len; i++)
        vp_buf_printf(b, "%s%s", i == 0 ? "" : i + 1 == v->len ? " en " : ", ", v->items[i]);
}

static void pick_facets(report *r, size_t n)
{
    r->year = (int)between(2013, 2026);
    r->month = (int)between(1, 12);
    r->day = (int)between(1, 28);
    size_t n_places = between(5, 20);
    while (r->places.len < n_places)
        vp_strvec_push_unique(&r->places, places.items[below(places.len)]);
    r->host = r->places.items[0];
    size_t n_speakers = between(3, 9);
    while (r->names.len < n_speakers) {
        char name[128], full[256];
        snprintf(name, sizeof name, "%s %s", first_names[below(40)], surnames[below(40)]);
        if (vp_strvec_contains(&r->names, name))
            continue;
        vp_strvec_push(&r->names, name);
        if (below(2))
            snprintf(full, sizeof full, "%s (%s)", name, organisations[below(12)]);
        else
            snprintf(full, sizeof full, "%s (gemeente %s)", name,
                     r->places.items[below(r->places.len)]);
        vp_strvec_push(&r->speakers, full);
    }
    size_t n_themes = between(1, 3);
    while (r->themes.len < n_themes)
        vp_strvec_push_unique(&r->themes, theme_slugs.items[below(theme_slugs.len)]);
    char slug[64];
    size_t j = 0;
    for (const char *p = r->host; *p && j + 1 < sizeof slug; p++)
        if (isalnum((unsigned char)*p))
            slug[j++] = (char)tolower((unsigned char)*p);
        else if (j && slug[j - 1] != '-')
            slug[j++] = '-';
    slug[j] = '\0';
    snprintf(r->id, sizeof r->id, "r%03zu/%04d-%02d-%02d-%s-%zu", n / 1000, r->year,
             r->month, r->day, slug, n);
}

static void put_front_matter(vp_buf *b, const report *r)
{
    vp_buf_printf(b, "---\ntitle: \"%s\"\ndate: %04d-%02d-%02d\nlocation: \"%s\"\nmunicipalities:\n",
         r->title, r->year, r->month, r->day, r->host);
    for (size_t i = 0; i < r->places.len; i++)
        vp_buf_printf(b, "  - \"%s\"\n", r->places.items[i]);
    vp_buf_puts(b, "speakers:\n");
    for (size_t i = 0; i < r->speakers.len; i++)
        vp_buf_printf(b, "  - \"%s\"\n", r->speakers.items[i]);
    vp_buf_puts(b, "themes: [");
    for (size_t i = 0; i < r->themes.len; i++)
        vp_buf_printf(b, "%s%s", i ? ", " : "", r->themes.items[i]);
    vp_buf_puts(b, "]\n---\n\n");
}

static void put_workshops(vp_buf *b, const report *r)
{
    size_t s = 1;   /* speaker 0 opens the day */
    for (int round = 0; round < 2 && s < r->speakers.len; round++) {
        vp_buf_printf(b, "## %s ronde workshops\n\n", round ? "Tweede" : "Eerste");
        for (int w = 0; w < 2 && s < r->speakers.len; w++, s++) {
            vp_buf_puts(b, "### ");
            size_t n = between(2, 5);
            for (size_t i = 0; i < n; i++) {
                if (i)
                    vp_buf_puts(b, " ");
                put_word(b, i == 0);
            }
            vp_buf_printf(b, "\n\n%s\n\n", r->speakers.items[s]);
            put_paragraph(b, r, between(3, 7));
        }
    }
}

static void write_report(const char *dir, report *r, size_t n)
{
    vp_buf b = VP_BUF_INIT;
    bool front = below(2) == 0;
    char first[64], second[64];
    snprintf(first, sizeof first, "%s", vocab.items[20 + below(2000)]);
    snprintf(second, sizeof second, "%s", vocab.items[20 + below(2000)]);
    snprintf(r->title, sizeof r->title, "Kennis- en netwerkdag %s: %s en %s", r->host,
             first, second);
    if (front)
        put_front_matter(&b, r);
    vp_buf_printf(&b, "# %s\n\n", r->title);
    vp_buf_puts(&b, "Op ");
    put_date_text(&b, r);
    vp_buf_printf(&b, " kwamen we bijeen in %s. ", r->host);
    put_paragraph(&b, r, between(2, 5));
    vp_buf_printf(&b, "Er waren vertegenwoordigers uit %zu gemeenten, te weten: ", r->places.len);
    put_list(&b, &r->places);
    vp_buf_printf(&b, ".\n\nNa een welkom door %s gingen de aanwezigen uiteen.\n\n",
         r->speakers.items[0]);
    put_paragraph(&b, r, between(4, 9));
    put_workshops(&b, r);
    vp_buf_puts(&b, "## Afsluiting\n\n");
    put_paragraph(&b, r, between(2, 5));
    char name[sizeof r->id + 3], *path;
    snprintf(name, sizeof name, "r%03zu", n / 1000);
    path = vp_path_join(dir, name);
    if (mkdir(path, 0755) != 0 && errno != EEXIST)
        die(path);
    free(path);
    snprintf(name, sizeof name, "%s.md", r->id);
    FILE *f = create(dir, name, &path);
    if (fwrite(b.s, 1, b.len, f) != b.len || fclose(f) != 0)
        die(path);
    free(path);
    vp_buf_free(&b);
}

static void put_joined(FILE *f, const vp_strvec *v)
{
    for (size_t i = 0; i < v->len; i++)
        fprintf(f, "%s%s", i ? ";" : "", v->items[i]);
}

/* id, date, host, municipalities, speakers, themes, title (lists ';'-joined). */
static void write_facets(FILE *f, const report *r)
{
    fprintf(f, "%s\t%04d-%02d-%02d\t%s\t", r->id, r->year, r->month, r->day, r->host);
    put_joined(f, &r->places);
    fputc('\t', f);
    put_joined(f, &r->names);
    fputc('\t', f);
    put_joined(f, &r->themes);
    fprintf(f, "\t%s\n", r->title);
}

/* ---- the query mix ------------------------------------------------------------ */

/* Percent-encodes s for a query string ('+' for a space). */
static void put_encoded(FILE *f, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (isalnum(*p) || *p == '-' || *p == '_' || *p == '.')
            fputc(*p, f);
        else if (*p == ' ')
            fputc('+', f);
        else
            fprintf(f, "%%%02X", *p);
}

static const char *query_word(void)
{
    size_t r;
    do
        r = zipf_rank();
    while (r < 30);   /* the stop words are never asked */
    return vocab.items[r];
}

static void put_text_query(FILE *f)
{
    fputs("q=", f);
    if (below(6) == 0) {   /* a phrase */
        fputs("%22", f);
        put_encoded(f, query_word());
        fputc('+', f);
        put_encoded(f, vocab.items[below(30)]);
        fputc('+', f);
        put_encoded(f, query_word());
        fputs("%22", f);
        return;
    }
    size_t n = between(1, 3);
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputc('+', f);
        put_encoded(f, query_word());
    }
}

static void put_filters(FILE *f, const report *reports, size_t n_reports, size_t n)
{
    const report *r = &reports[below(n_reports)];
    bool dated = false;   /* from/to may be given once */
    for (size_t i = 0; i < n; i++) {
        size_t kind = below(4);
        if (kind == 3 && dated)
            kind = below(3);
        dated = dated || kind == 3;
        switch (kind) {
        case 0: fputs("&municipality=", f); put_encoded(f, r->places.items[below(r->places.len)]); break;
        case 1: fputs("&speaker=", f); put_encoded(f, r->names.items[below(r->names.len)]); break;
        case 2: fputs("&theme=", f); put_encoded(f, r->themes.items[below(r->themes.len)]); break;
        default: fprintf(f, "&from=%d&to=%d", r->year - (int)below(2), r->year); break;
        }
    }
}

static void write_querymix(FILE *f, const report *reports, size_t n_reports, size_t m)
{
    for (size_t i = 0; i < m; i++) {
        size_t kind = below(10);
        if (kind < 6) {                /* text only */
            put_text_query(f);
        } else if (kind < 7) {         /* filters only */
            fputs("q=", f);
            put_filters(f, reports, n_reports, between(1, 3));
        } else {                       /* text with 1-3 filters */
            put_text_query(f);
            put_filters(f, reports, n_reports, between(1, 3));
        }
        fputs("&facet_limit=0\n", f);
    }
}

/* ---- main -------------------------------------------------------------------- */

static void usage(void)
{
    fputs("usage: gencorpus N SEED DIR [--vocab-dir CORPUS] [--dict FILE] [--data DIR]"
          " [--queries M]\n", stderr);
    exit(2);
}

int main(int argc, char **argv)
{
    if (argc < 4)
        usage();
    char *end;
    size_t n = strtoul(argv[1], &end, 10);
    if (*end || n == 0)
        usage();
    uint64_t seed = strtoull(argv[2], &end, 10);
    if (*end)
        usage();
    const char *dir = argv[3], *vocab_dir = VP_SOURCE_DIR "/corpus",
               *dict = "/usr/share/dict/dutch", *data = VP_SOURCE_DIR "/data";
    size_t n_queries = 1000;
    for (int i = 4; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--vocab-dir") == 0) vocab_dir = argv[i + 1];
        else if (strcmp(argv[i], "--dict") == 0) dict = argv[i + 1];
        else if (strcmp(argv[i], "--data") == 0) data = argv[i + 1];
        else if (strcmp(argv[i], "--queries") == 0) n_queries = strtoul(argv[i + 1], NULL, 10);
        else usage();
    }
    rng_state = seed;
    corpus_vocabulary(vocab_dir, &vocab);
    dict_vocabulary(dict, &vocab);
    zipf_init(vocab.len, 1.3);
    load_data(data, "gemeenten.tsv", place_line);
    load_data(data, "themes.tsv", theme_line);
    if (mkdir(dir, 0755) != 0 && errno != EEXIST)
        die(dir);
    char *path;
    FILE *facets = create(dir, "facets.tsv", &path);
    report *reports = vp_xcalloc(n, sizeof *reports);
    for (size_t i = 0; i < n; i++) {
        pick_facets(&reports[i], i);
        write_report(dir, &reports[i], i);
        write_facets(facets, &reports[i]);
    }
    if (fclose(facets) != 0)
        die(path);
    free(path);
    FILE *mix = create(dir, "querymix.txt", &path);
    write_querymix(mix, reports, n, n_queries);
    if (fclose(mix) != 0)
        die(path);
    free(path);
    fprintf(stderr, "gencorpus: %zu reports, vocabulary %zu words, in %s\n", n, vocab.len, dir);
    /* Freed so that the sanitizer build (e2e_jobs) checks for leaks here too. */
    for (size_t i = 0; i < n; i++)
        report_clear(&reports[i]);
    free(reports);
    free(zipf_cdf);
    vp_strvec *pools[] = {&vocab, &places, &theme_slugs, &theme_words};
    for (size_t i = 0; i < sizeof pools / sizeof *pools; i++)
        vp_strvec_clear(pools[i]);
    return 0;
}
