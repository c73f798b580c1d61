/*
 * fixture.c: test indexes laid out as the indexer lays them out (see
 * fixture.h).  Kept deliberately small and plain: a test helper, not a
 * second indexer.
 */
#include "fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facet_column_write.h"
#include "hit_record.h"
#include "schema.h"
#include "strvec.h"
#include "terms.h"
#include "text.h"
#include "xapian_c.h"

enum { FIELD_GAP = 100, WDF_TITLE = 5, WDF_HEADING = 3 };

typedef struct writer {
    xapc_wdb *wdb;
    xapc_termgen *tg;       /* fields with positions */
    xapc_termgen *spell;    /* body text again, only for the spelling table */
    xapc_stem *stem;        /* for the hit records' word filters */
    char stem_buf[VP_HIT_MAX_WORD * 2];
    const vp_gazetteer *gazetteer;
    xapc_error err;
} writer;

static const char *stem_word(void *ctx, const char *word, size_t *len)
{
    writer *w = ctx;
    *len = xapc_stem_into(w->stem, word, strlen(word), w->stem_buf, sizeof w->stem_buf, NULL);
    return *len ? w->stem_buf : NULL;
}

/* What a search hit shows (model/hit_record.h), as the indexer stores it. */
static bool hit_record(writer *w, xapc_doc *doc, const vp_document *d)
{
    size_t len;
    char *rec = vp_hit_record_build(d, stem_word, w, &len);
    bool ok = xapc_doc_add_value(doc, VP_SLOT_HIT, rec, len, &w->err) == XAPC_OK;
    free(rec);
    return ok;
}

static bool text_field(writer *w, const char *text, unsigned wdf, const char *prefix)
{
    if (!text || !*text)
        return true;
    return xapc_termgen_increase_termpos(w->tg, FIELD_GAP, &w->err) == XAPC_OK &&
           xapc_termgen_index_text(w->tg, text, strlen(text), wdf, prefix, &w->err) == XAPC_OK;
}

/* Unprefixed and prefixed, as the indexer indexes titles, headings, names. */
static bool text_both(writer *w, const char *text, unsigned wdf, const char *prefix)
{
    return text_field(w, text, wdf, "") && text_field(w, text, 1, prefix);
}

static bool bool_term(writer *w, xapc_doc *doc, const char *prefix, const char *value)
{
    char *folded = vp_fold(value);
    char term[512];
    snprintf(term, sizeof term, "%s%s", prefix, folded ? folded : "");
    free(folded);
    return xapc_doc_add_boolean_term(doc, term, &w->err) == XAPC_OK;
}

static bool value(writer *w, xapc_doc *doc, xapc_slot slot, const char *v)
{
    return !v || !*v || xapc_doc_add_value(doc, slot, v, strlen(v), &w->err) == XAPC_OK;
}

static bool list_value(writer *w, xapc_doc *doc, xapc_slot slot, const vp_strvec *v)
{
    vp_strvec sorted = VP_STRVEC_INIT;
    for (size_t i = 0; i < v->len; i++)
        vp_strvec_push_unique(&sorted, v->items[i]);
    vp_strvec_sort(&sorted);
    char *enc = sorted.len ? vp_list_encode(&sorted) : NULL;
    bool ok = value(w, doc, slot, enc);
    free(enc);
    vp_strvec_clear(&sorted);
    return ok;
}

static bool texts(writer *w, const vp_document *d)
{
    bool ok = text_both(w, d->title, WDF_TITLE, VP_PREFIX_TITLE);
    for (size_t i = 0; ok && i < d->n_sections; i++)
        ok = text_both(w, d->sections[i].heading, WDF_HEADING, VP_PREFIX_HEADING);
    ok = ok && text_field(w, d->text, 1, "");
    for (size_t i = 0; ok && i < d->n_speakers; i++)
        ok = text_both(w, d->speakers[i].name, 1, VP_PREFIX_SPEAKER_TEXT) &&
             text_both(w, d->speakers[i].organisation, 1, VP_PREFIX_SPEAKER_TEXT);
    for (size_t i = 0; ok && i < d->municipalities.len; i++)
        ok = text_both(w, d->municipalities.items[i], 1, VP_PREFIX_PLACE_TEXT);
    return ok;
}

static bool facets(writer *w, xapc_doc *doc, const vp_document *d)
{
    bool ok = true;
    for (size_t i = 0; ok && i < d->municipalities.len; i++) {
        ok = bool_term(w, doc, VP_PREFIX_MUNICIPALITY, d->municipalities.items[i]);
        const vp_municipality *m = vp_gazetteer_lookup(w->gazetteer, d->municipalities.items[i]);
        for (int hops = 0; ok && m && m->successor && hops < 16; hops++) {
            ok = bool_term(w, doc, VP_PREFIX_MUNICIPALITY, m->successor);
            m = vp_gazetteer_lookup(w->gazetteer, m->successor);
        }
    }
    vp_strvec speakers = VP_STRVEC_INIT;
    for (size_t i = 0; ok && i < d->n_speakers; i++)
        ok = vp_strvec_push(&speakers, d->speakers[i].name) &&
             bool_term(w, doc, VP_PREFIX_SPEAKER, d->speakers[i].name);
    ok = ok && list_value(w, doc, VP_SLOT_SPEAKERS, &speakers);
    vp_strvec_clear(&speakers);
    for (size_t i = 0; ok && i < d->themes.len; i++)
        ok = bool_term(w, doc, VP_PREFIX_THEME, d->themes.items[i]);
    if (ok && d->host)
        ok = bool_term(w, doc, VP_PREFIX_HOST, d->host) && value(w, doc, VP_SLOT_HOST, d->host);
    if (ok && d->date) {
        char compact[9], year[5];
        snprintf(compact, sizeof compact, "%.4s%.2s%.2s", d->date, d->date + 5, d->date + 8);
        snprintf(year, sizeof year, "%.4s", d->date);
        ok = value(w, doc, VP_SLOT_DATE, compact) && value(w, doc, VP_SLOT_YEAR, year) &&
             bool_term(w, doc, VP_PREFIX_YEAR, year);
    }
    char *key = ok ? vp_sort_key(d->date, d->id) : NULL;
    ok = key && value(w, doc, VP_SLOT_SORTKEY, key);
    free(key);
    return ok && list_value(w, doc, VP_SLOT_MUNICIPALITIES, &d->municipalities) &&
           list_value(w, doc, VP_SLOT_THEMES, &d->themes);
}

static bool add_document(writer *w, const vp_document *d)
{
    xapc_doc *doc = xapc_doc_new(&w->err);
    xapc_doc *scratch = xapc_doc_new(&w->err);
    char *json = vp_document_to_json(d);
    char idterm[512];
    snprintf(idterm, sizeof idterm, "%s%s", VP_PREFIX_ID, d->id);
    bool ok = doc && scratch && json &&
              xapc_termgen_set_document(w->tg, doc, &w->err) == XAPC_OK &&
              xapc_doc_set_data(doc, json, strlen(json), &w->err) == XAPC_OK &&
              xapc_doc_add_boolean_term(doc, idterm, &w->err) == XAPC_OK &&
              texts(w, d) && facets(w, doc, d) && hit_record(w, doc, d) &&
              /* spelling data from the body text only */
              xapc_termgen_set_document(w->spell, scratch, &w->err) == XAPC_OK &&
              (!d->text || xapc_termgen_index_text(w->spell, d->text, strlen(d->text), 1, "",
                                                   &w->err) == XAPC_OK) &&
              xapc_wdb_replace_by_term(w->wdb, idterm, doc, &w->err) != 0;
    free(json);
    xapc_doc_free(doc);
    xapc_doc_free(scratch);
    return ok;
}

static xapc_termgen *make_termgen(writer *w, bool spelling)
{
    xapc_stem *stem = xapc_stem_new(VP_DEFAULT_STEMMER, &w->err);
    xapc_termgen *tg = stem ? xapc_termgen_new(&w->err) : NULL;
    bool ok = tg && xapc_termgen_set_stemmer(tg, stem, &w->err) == XAPC_OK &&
              xapc_termgen_set_stemming_strategy(tg, XAPC_STEM_SOME, &w->err) == XAPC_OK &&
              (!spelling || xapc_termgen_set_spelling_db(tg, w->wdb, &w->err) == XAPC_OK);
    xapc_stem_free(stem);
    if (!ok) {
        xapc_termgen_free(tg);
        return NULL;
    }
    return tg;
}

int vp_fixture_write(const char *path, const vp_document *docs, size_t n,
                     const vp_gazetteer *gazetteer, bool append, char *why, size_t whylen)
{
    writer w = {.gazetteer = gazetteer};
    xapc_error_clear(&w.err);
    w.wdb = xapc_wdb_open(path, append ? XAPC_WDB_CREATE_OR_OPEN : XAPC_WDB_CREATE_OR_OVERWRITE,
                          &w.err);
    bool ok = w.wdb && (w.tg = make_termgen(&w, false)) && (w.spell = make_termgen(&w, true)) &&
              (w.stem = xapc_stem_new(VP_DEFAULT_STEMMER, &w.err)) &&
              xapc_wdb_set_metadata(w.wdb, VP_META_SCHEMA, VP_SCHEMA_VERSION, &w.err) == XAPC_OK &&
              xapc_wdb_set_metadata(w.wdb, VP_META_STEMMER, VP_DEFAULT_STEMMER, &w.err) == XAPC_OK;
    for (size_t i = 0; ok && i < n; i++)
        ok = add_document(&w, &docs[i]);
    ok = ok && xapc_wdb_commit(w.wdb, &w.err) == XAPC_OK;
    if (!ok)
        snprintf(why, whylen, "%s: %s", path, w.err.message);
    /* the facet column, as the indexer writes it after its commit (while
     * it holds the lock) */
    else if (vp_facet_column_write(path, why, whylen) != 0)
        ok = false;
    xapc_termgen_free(w.tg);
    xapc_termgen_free(w.spell);
    xapc_stem_free(w.stem);
    xapc_wdb_free(w.wdb);
    return ok ? 0 : -1;
}

/* ---- the small hand-written set ------------------------------------------------- */

static void set(char **field, const char *v) { *field = v ? strdup(v) : NULL; }

static void fill(vp_document *d, const char *id, const char *title, const char *date,
                 const char *host, const char *munis, const char *themes, const char *text)
{
    char buf[256];
    vp_document_init(d);
    set(&d->id, id);
    snprintf(buf, sizeof buf, "%s.md", id);
    set(&d->path, buf);
    set(&d->title, title);
    set(&d->date, date);
    set(&d->host, host);
    for (const char *p = munis; p && *p;) {
        size_t len = strcspn(p, "|");
        snprintf(buf, sizeof buf, "%.*s", (int)len, p);
        vp_strvec_push(&d->municipalities, buf);
        p += len + (p[len] == '|');
    }
    vp_strvec_sort(&d->municipalities);
    for (const char *p = themes; p && *p;) {
        size_t len = strcspn(p, "|");
        snprintf(buf, sizeof buf, "%.*s", (int)len, p);
        vp_strvec_push(&d->themes, buf);
        p += len + (p[len] == '|');
    }
    vp_strvec_sort(&d->themes);
    set(&d->text, text);
}

static void add_section(vp_document *d, const char *heading, const char *text)
{
    char *anchor = vp_anchor(heading);
    vp_document_add_section(d, heading, anchor, text);
    free(anchor);
    size_t old = strlen(d->text), add = strlen(heading) + strlen(text) + 4;
    d->text = realloc(d->text, old + add + 1);
    snprintf(d->text + old, add + 1, "\n\n%s\n%s", heading, text);
}

static void markdown_from_text(vp_document *d, const char *extra)
{
    size_t n = strlen(d->title) + strlen(d->text) + strlen(extra) + 16;
    d->markdown = malloc(n);
    snprintf(d->markdown, n, "# %s\n\n%s\n\n%s\n", d->title, d->text, extra);
}

size_t vp_fixture_small(vp_document **out)
{
    enum { N = 5 };
    vp_document *d = calloc(N, sizeof *d);
    fill(&d[0], "2016-05-12-veghel", "Werkconferentie binnenstad Veghel", "2016-05-12",
         "Veghel", "Gorinchem|Veghel", "binnenstad",
         "Over de toekomst van de binnenstad en het winkelaanbod.");
    vp_document_add_speaker(&d[0], "Marloes Hoogerbrugge", "Platform31", "onderzoeker");
    add_section(&d[0], "A. Concept binnenstad", "Nieuwe concepten voor de binnenstad en leegstand.");
    add_section(&d[0], "B. Regionale samenwerking", "Samenwerking met de buurgemeenten in de regio.");
    markdown_from_text(&d[0], "");

    fill(&d[1], "2017-04-21-gorinchem", "Kennis- en Netwerkdag Gorinchem", "2017-04-21",
         "Gorinchem", "Gorinchem|Meierijstad|Nieuwegein|Peel en Maas",
         "economie-arbeidsmarkt|regionale-samenwerking",
         "Middelgrote steden en de regionale samenwerking in de regio Utrecht, "
         "een samenwerkingsverband met economische kracht.");
    vp_document_add_speaker(&d[1], "Koos van Dijken", "Platform31", NULL);
    vp_document_add_speaker(&d[1], "Marloes Hoogerbrugge", "Platform31", NULL);
    add_section(&d[1], "C. Economische kracht in Roermond", "De regionale economie versterken.");
    markdown_from_text(&d[1], "");

    fill(&d[2], "2018-02-16-den-bosch", "Netwerkdag 's-Hertogenbosch over wonen", "2018-02-16",
         "'s-Hertogenbosch", "'s-Hertogenbosch|Súdwest-Fryslân", "wonen-leefomgeving",
         "Woningbouw en wonen in de stad. Code: <b>vet</b> & \"aanhalingstekens\".");
    vp_document_add_speaker(&d[2], "Jan de Vries", "gemeente 's-Hertogenbosch", "wethouder");
    markdown_from_text(&d[2], "<script>alert('x')</script>\n\n<img src=x onerror=alert(1)>");

    fill(&d[3], "2019-11-21-sudwest-fryslan", "Energietransitie in Súdwest-Fryslân <script>",
         "2019-11-21", "Súdwest-Fryslân", "Súdwest-Fryslân",
         "duurzaamheid-energie|wonen-leefomgeving",
         "De energietransitie en duurzaamheid van woningen, isolatie en warmtenetten.");
    vp_document_add_speaker(&d[3], "Anna Jansen", NULL, NULL);
    markdown_from_text(&d[3], "");

    fill(&d[4], "undated-emmen", "Digitalisering zonder datum", NULL, NULL, "Emmen", NULL,
         "Digitalisering van de dienstverlening.");
    markdown_from_text(&d[4], "");
    *out = d;
    return N;
}

/* ---- generated reports ------------------------------------------------------------ */

static const char *const muni_pool[] = {
    "Gorinchem", "Veghel", "Schijndel", "Meierijstad", "'s-Hertogenbosch", "Emmen", "Assen",
    "Súdwest-Fryslân", "Peel en Maas", "Alphen aan den Rijn", "Bergen op Zoom", "Zeist",
    "Waalwijk", "Nieuwegein", "Hoorn", "Ede", "Venlo", "Heerlen", "Deventer", "Helmond"};
static const char *const speaker_pool[] = {
    "Marloes Hoogerbrugge", "Koos van Dijken", "Jan de Vries", "Anna Jansen", "Piet van der Berg",
    "Els ten Brink", "Mohamed el Amrani", "Ingrid de Jong", "Kees Bakker", "Fatma Yilmaz",
    "Joost van Hoorn", "Sanne Visser", "Willem de Boer", "Lotte Smit", "Ruud Mulder"};
static const char *const theme_pool[] = {
    "binnenstad", "regionale-samenwerking", "economie-arbeidsmarkt", "wonen-leefomgeving",
    "demografie", "sociaal-domein", "duurzaamheid-energie", "mobiliteit", "digitalisering",
    "veiligheid", "onderwijs-cultuur", "bestuur-financien"};
#define POOL(p) (sizeof p / sizeof *p)

static unsigned next_rand(unsigned *state)
{
    *state = *state * 1103515245u + 12345u;
    return (*state >> 8) & 0xffffff;
}

static void pick(vp_strvec *v, const char *const *pool, size_t n, size_t max, unsigned *r)
{
    size_t k = next_rand(r) % (max + 1);
    for (size_t i = 0; i < k; i++)
        vp_strvec_push_unique(v, pool[next_rand(r) % n]);
    vp_strvec_sort(v);
}

static void generate_one(vp_document *d, size_t i, unsigned *r)
{
    char buf[512];
    vp_document_init(d);
    snprintf(buf, sizeof buf, "gen/%05zu", i);
    set(&d->id, buf);
    snprintf(buf, sizeof buf, "gen/%05zu.md", i);
    set(&d->path, buf);
    snprintf(buf, sizeof buf, "Verslag nummer %zu", i);
    set(&d->title, buf);
    if (next_rand(r) % 20) {
        snprintf(buf, sizeof buf, "%04u-%02u-%02u", 2013 + next_rand(r) % 12,
                 1 + next_rand(r) % 12, 1 + next_rand(r) % 28);
        set(&d->date, buf);
    }
    pick(&d->municipalities, muni_pool, POOL(muni_pool), 6, r);
    if (d->municipalities.len)
        set(&d->host, d->municipalities.items[next_rand(r) % d->municipalities.len]);
    vp_strvec names = VP_STRVEC_INIT;
    pick(&names, speaker_pool, POOL(speaker_pool), 4, r);
    for (size_t s = 0; s < names.len; s++)
        vp_document_add_speaker(d, names.items[s], next_rand(r) % 2 ? "Platform31" : NULL, NULL);
    vp_strvec_clear(&names);
    pick(&d->themes, theme_pool, POOL(theme_pool), 3, r);
    size_t len = (size_t)snprintf(buf, sizeof buf, "Verslag van een kennisdag.");
    for (unsigned k = 0; k < 10; k++)
        if (next_rand(r) % 3 == 0)
            len += (size_t)snprintf(buf + len, sizeof buf - len, " kleur%u", k);
    set(&d->text, buf);
    set(&d->markdown, buf);
}

vp_document *vp_fixture_generate(size_t n, unsigned seed)
{
    vp_document *docs = calloc(n ? n : 1, sizeof *docs);
    unsigned r = seed;
    for (size_t i = 0; docs && i < n; i++)
        generate_one(&docs[i], i, &r);
    return docs;
}

void vp_fixture_free_docs(vp_document *docs, size_t n)
{
    for (size_t i = 0; docs && i < n; i++)
        vp_document_clear(&docs[i]);
    free(docs);
}

vp_gazetteer *vp_fixture_gazetteer(void)
{
    char why[512];
    vp_gazetteer *g = vp_gazetteer_load(VP_DATA_DIR "/gemeenten.tsv", why, sizeof why);
    if (!g) {
        fprintf(stderr, "fixture: %s\n", why);
        abort();
    }
    return g;
}
