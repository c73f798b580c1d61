/*
 * hitcost.c: what one search hit costs as reports grow (issue 17: a hit's
 * snippet bounded by the hit, not by the report).
 *
 *   hitcost [--reps N] [--words FILE]
 *
 * For reports of about 2 KB to 2 MB of plain text (words drawn from the
 * Dutch word list, 40 sections each, seeded) it builds the stored hit
 * record as the indexer does (model/hit_record.h, the Dutch stemmer) and
 * renders the hit as the query layer does (vp_hit_from_record: fields,
 * snippet, section, JSON), for a query of two words that occur once each:
 * near the start, in the middle, at the very end.  Prints per length the
 * median microseconds per hit over N renderings (default 2000), and the
 * record's size.  A median of many, in one process: what it shows is how
 * the cost grows with the report, not an absolute figure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "document.h"
#include "hit_record.h"
#include "mem.h"
#include "query.h"
#include "report_json.h"
#include "snippet.h"
#include "sys.h"
#include "text.h"
#include "xapian_c.h"

static xapc_stem *stem;
static char stem_buf[256];

static const char *stem_word(void *ctx, const char *word, size_t *len)
{
    (void)ctx;
    *len = xapc_stem_into(stem, word, strlen(word), stem_buf, sizeof stem_buf, NULL);
    return *len ? stem_buf : NULL;
}

static char **words;
static size_t n_words;

static void load_words(const char *path)
{
    FILE *f = fopen(path, "r");
    char line[128];
    size_t cap = 0;
    while (f && fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        if (strlen(line) < 3 || strchr(line, '\'') || (line[0] >= 'A' && line[0] <= 'Z'))
            continue;
        VP_GROW(words, cap, n_words + 1);
        words[n_words++] = vp_xstrdup(line);
    }
    if (f)
        fclose(f);
    if (n_words < 1000) {
        fprintf(stderr, "hitcost: %s: too few words\n", path);
        exit(2);
    }
}

static unsigned long long rnd_state = 42;
static size_t rnd(size_t n)
{
    rnd_state = rnd_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (size_t)((rnd_state >> 33) % n);
}

/* A report of about `bytes` bytes in 40 sections; the query's words
 * "waterberging" and "klimaatadaptatie" once each, at three places. */
static void make_report(vp_document *d, size_t bytes)
{
    vp_document_init(d);
    d->id = vp_xstrdup("bench/report");
    d->path = vp_xstrdup("bench/report.md");
    d->title = vp_xstrdup("Een verslag");
    d->date = vp_xstrdup("2020-05-01");
    vp_strvec_push(&d->municipalities, "Zwolle");
    vp_document_add_speaker(d, "Anna de Vries", NULL, NULL);
    vp_strvec_push(&d->themes, "wonen-leefomgeving");
    vp_buf text = VP_BUF_INIT;
    size_t per_section = bytes / 40 + 1;
    for (int s = 0; s < 40; s++) {
        char heading[64];
        snprintf(heading, sizeof heading, "Werkgroep %d", s + 1);
        vp_buf body = VP_BUF_INIT;
        while (body.len < per_section) {
            if (body.len)
                vp_buf_putc(&body, ' ');
            vp_buf_puts(&body, words[rnd(n_words)]);
        }
        if (s == 1)
            vp_buf_puts(&body, " over waterberging");
        if (s == 20)
            vp_buf_puts(&body, " en klimaatadaptatie");
        if (s == 39)
            vp_buf_puts(&body, " waterberging en klimaatadaptatie.");
        char *anchor = vp_anchor(heading);
        vp_document_add_section(d, heading, anchor, vp_buf_str(&body));
        free(anchor);
        if (text.len)
            vp_buf_putc(&text, '\n');
        vp_buf_puts(&text, heading);
        vp_buf_putc(&text, '\n');
        vp_buf_puts(&text, vp_buf_str(&body));
        vp_buf_free(&body);
    }
    d->text = vp_buf_detach(&text);
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    unsigned reps = 2000;
    const char *word_file = "/usr/share/dict/dutch";
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--reps"))
            reps = (unsigned)atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--words"))
            word_file = argv[i + 1];
    }
    load_words(word_file);
    xapc_error xe;
    stem = xapc_stem_new_memo("dutch", &xe);
    /* the query's words as the parser gives them: stems under Z */
    xapc_query *a = xapc_query_term("Zwaterberg", 1, 1, &xe);
    xapc_query *b = xapc_query_term("Zklimaatadaptatie", 1, 2, &xe);
    const xapc_query *both[2] = {a, b};
    xapc_query *q = xapc_query_combine(XAPC_OP_AND, both, 2, 0, &xe);
    vp_snip_terms *terms = vp_snip_terms_new(q, NULL, stem);
    printf("| report text | hit record | median per hit | p90 |\n|---|---|---|---|\n");
    static const size_t sizes[] = {2000, 10000, 50000, 200000, 1000000, 2000000};
    double *t = vp_xmalloc(reps * sizeof *t);
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        vp_document d;
        make_report(&d, sizes[k]);
        size_t len;
        char *record = vp_hit_record_build(&d, stem_word, NULL, &len);
        for (unsigned r = 0; r < reps; r++) {
            vp_qerror e = {0};
            double t0 = vp_now_ms();
            json_t *hit = vp_hit_from_record(record, len, 1.0, terms, stem, &e);
            t[r] = (vp_now_ms() - t0) * 1000;
            if (!hit) {
                fprintf(stderr, "hitcost: %s\n", e.message);
                return 1;
            }
            json_decref(hit);
        }
        qsort(t, reps, sizeof *t, by_value);
        printf("| %zu bytes | %zu bytes | %.1f us | %.1f us |\n", strlen(d.text), len,
               t[reps / 2], t[reps * 9 / 10]);
        free(record);
        vp_document_clear(&d);
    }
    free(t);
    vp_snip_terms_free(terms);
    xapc_query_free(q);
    xapc_query_free(a);
    xapc_query_free(b);
    xapc_stem_free(stem);
    return 0;
}
