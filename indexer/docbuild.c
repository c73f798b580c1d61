/*
 * docbuild.c: vp_document to Xapian document (see docbuild.h).
 *
 * Weights: a word in the title counts five times, in a heading three times,
 * in the body once (wdf), so that BM25 ranks a report whose title or
 * workshop is about a subject above one that mentions it in passing.  The
 * author's keywords in the front matter (tags) count twice: they name what
 * the report is about, often in a word its text never uses ("energietransitie"
 * over a text on zon, wind and energieneutraal), but they are a list, not
 * a title (chosen from 1, 2, 3, 5 on corpus/ and tests/otherhands/:
 * docs/quality.md).  Each
 * field starts at a position gap of 100 so a phrase never spans two fields.
 */
#include "docbuild.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compound.h"
#include "hit_record.h"
#include "mem.h"
#include "schema.h"
#include "strset.h"
#include "strvec.h"
#include "text.h"

enum { WDF_TITLE = 5, WDF_HEADING = 3, WDF_TAG = 2, WDF_BODY = 1, WDF_FACET_TEXT = 2,
       FIELD_GAP = 100 };

/* Words the builder's stemmer remembers: an archive's vocabulary runs to
 * hundreds of thousands of words, and the term generator, the compound
 * parts and the hit record's filters all stem the same words (64 bytes a
 * word: 4 MiB). */
enum { STEM_MEMO_WORDS = 1 << 16 };

struct vp_docbuilder {
    xapc_termgen *tg;
    const vp_gazetteer *gazetteer;
    vp_lexicon *lexicon;      /* compound splitting; NULL without a word list */
    xapc_stem *stem;          /* remembering (one builder per thread) */
    char stem_buf[VP_HIT_MAX_WORD * 2];
};

/* The Dutch word list for compound splitting.  Without it (wdutch not
 * installed) reports are indexed all the same, compounds unsplit: say so. */
static vp_lexicon *load_lexicon(void)
{
    char msg[300];
    vp_lexicon *lex = vp_lexicon_new();
    if (vp_lexicon_load(lex, VP_WORDLIST_PATH, msg, sizeof msg) == 0)
        return lex;
    fprintf(stderr, "indexer: warning: no Dutch word list (%s; apt-get install wdutch): "
            "compound words are not split\n", msg);
    vp_lexicon_free(lex);
    return NULL;
}

vp_docbuilder *vp_docbuilder_new(const char *stemmer, const vp_gazetteer *gazetteer,
                                 xapc_error *err)
{
    vp_docbuilder *b = vp_xcalloc(1, sizeof *b);
    if (!(b->stem = xapc_stem_new_memo_sized(stemmer, STEM_MEMO_WORDS, err)))
        goto fail;
    b->gazetteer = gazetteer;
    b->lexicon = load_lexicon();
    b->tg = xapc_termgen_new(err);
    if (!b->tg || xapc_termgen_set_stemmer(b->tg, b->stem, err) != XAPC_OK ||
        xapc_termgen_set_stemming_strategy(b->tg, XAPC_STEM_SOME, err) != XAPC_OK)
        goto fail;
    return b;
fail:
    vp_docbuilder_free(b);
    return NULL;
}

void vp_docbuilder_free(vp_docbuilder *b)
{
    if (!b)
        return;
    xapc_termgen_free(b->tg);
    vp_lexicon_free(b->lexicon);
    xapc_stem_free(b->stem);
    free(b);
}

/* ---- helpers that stop at the first error (err->status set) ------------ */

static bool index_field(vp_docbuilder *b, const char *text, uint32_t wdf,
                        const char *prefix, xapc_error *err)
{
    if (!text || !*text)
        return true;
    return xapc_termgen_increase_termpos(b->tg, FIELD_GAP, err) == XAPC_OK &&
           xapc_termgen_index_text(b->tg, text, strlen(text), wdf, prefix, err) == XAPC_OK;
}

/* The text both unprefixed (found by a plain query) and under its own prefix
 * (found by `field:`). */
static bool index_both(vp_docbuilder *b, const char *text, uint32_t wdf,
                       const char *prefix, xapc_error *err)
{
    return index_field(b, text, wdf, "", err) && index_field(b, text, 1, prefix, err);
}

/* A facet value too long for a Xapian term (never a real name) is left
 * unfilterable rather than failing the whole report. */
static bool add_filter_term(xapc_doc *doc, const char *prefix, const char *value,
                            xapc_error *err)
{
    char *term = vp_filter_term(prefix, value);
    bool ok = strlen(term) > VP_MAX_TERM ||
              xapc_doc_add_boolean_term(doc, term, err) == XAPC_OK;
    free(term);
    return ok;
}

static bool add_value(xapc_doc *doc, int slot, const char *value, xapc_error *err)
{
    if (!value || !*value)
        return true;
    return xapc_doc_add_value(doc, (xapc_slot)slot, value, strlen(value), err) == XAPC_OK;
}

static bool add_list_value(xapc_doc *doc, int slot, const vp_strvec *values,
                           xapc_error *err)
{
    if (values->len == 0)
        return true;
    char *encoded = vp_list_encode(values);
    bool ok = add_value(doc, slot, encoded, err);
    free(encoded);
    return ok;
}

/* ---- the fields --------------------------------------------------------- */

/* A municipality's name, and again without accents when it has any, so
 * that "Sudwest-Fryslan" as typed on an English keyboard finds
 * Súdwest-Fryslân (the term generator keeps accents). */
static bool index_place(vp_docbuilder *b, const char *name, xapc_error *err)
{
    if (!index_both(b, name, WDF_FACET_TEXT, VP_PREFIX_PLACE_TEXT, err))
        return false;
    char *folded = vp_fold(name);
    bool ok = true;
    for (const char *p = name; *p && ok; p++)
        if ((unsigned char)*p >= 0x80) {   /* a non-ASCII name: accents likely */
            ok = index_both(b, folded, WDF_FACET_TEXT, VP_PREFIX_PLACE_TEXT, err);
            break;
        }
    free(folded);
    return ok;
}

static bool add_text(vp_docbuilder *b, const vp_document *d, xapc_error *err)
{
    if (!index_both(b, d->title, WDF_TITLE, VP_PREFIX_TITLE, err))
        return false;
    for (size_t i = 0; i < d->n_sections; i++)
        if (!index_both(b, d->sections[i].heading, WDF_HEADING, VP_PREFIX_HEADING, err))
            return false;
    for (size_t i = 0; i < d->tags.len; i++)   /* each its own field: no phrase across two */
        if (!index_field(b, d->tags.items[i], WDF_TAG, "", err))
            return false;
    if (!index_field(b, d->text, WDF_BODY, "", err))
        return false;
    for (size_t i = 0; i < d->n_speakers; i++) {
        const vp_speaker *s = &d->speakers[i];
        if (!index_both(b, s->name, WDF_FACET_TEXT, VP_PREFIX_SPEAKER_TEXT, err) ||
            !index_both(b, s->organisation, 1, VP_PREFIX_SPEAKER_TEXT, err))
            return false;
    }
    for (size_t i = 0; i < d->municipalities.len; i++)
        if (!index_place(b, d->municipalities.items[i], err))
            return false;
    return true;
}

/* A municipality's own term and those of every successor, so that a filter
 * on Meierijstad finds the 2016 report that names Veghel. */
static bool add_municipality_terms(vp_docbuilder *b, xapc_doc *doc,
                                   const char *name, xapc_error *err)
{
    if (!add_filter_term(doc, VP_PREFIX_MUNICIPALITY, name, err))
        return false;
    const vp_municipality *m = b->gazetteer ? vp_gazetteer_lookup(b->gazetteer, name) : NULL;
    for (int hops = 0; m && m->successor && hops < 16; hops++) {
        if (!add_filter_term(doc, VP_PREFIX_MUNICIPALITY, m->successor, err))
            return false;
        m = vp_gazetteer_lookup(b->gazetteer, m->successor);
    }
    return true;
}

/* XW1<slug> .. XW<level><slug> (schema.h). */
static bool add_theme_levels(xapc_doc *doc, const char *slug, unsigned level, xapc_error *err)
{
    bool ok = true;
    for (unsigned k = 1; ok && k <= level && k <= VP_THEME_LEVELS; k++) {
        char prefix[sizeof VP_PREFIX_THEME_LEVEL + 4];
        snprintf(prefix, sizeof prefix, "%s%u", VP_PREFIX_THEME_LEVEL, k);
        ok = add_filter_term(doc, prefix, slug, err);
    }
    return ok;
}

static bool add_facets(vp_docbuilder *b, xapc_doc *doc, const vp_document *d,
                       xapc_error *err)
{
    for (size_t i = 0; i < d->municipalities.len; i++)
        if (!add_municipality_terms(b, doc, d->municipalities.items[i], err))
            return false;
    if (d->host && !add_filter_term(doc, VP_PREFIX_HOST, d->host, err))
        return false;
    /* each speaker once, by folded name, in time linear in their number */
    vp_strvec speakers = VP_STRVEC_INIT;
    vp_strset *seen = vp_strset_new();
    bool ok = true;
    for (size_t i = 0; i < d->n_speakers && ok; i++) {
        char *f = vp_fold(d->speakers[i].name);
        bool added = false;
        if (f)
            vp_strset_add(seen, f, strlen(f), &added);
        free(f);
        ok = f && (!added || (vp_strvec_push(&speakers, d->speakers[i].name) &&
                              add_filter_term(doc, VP_PREFIX_SPEAKER, d->speakers[i].name,
                                              err)));
    }
    vp_strset_free(seen);
    vp_strvec_sort(&speakers);
    ok = ok && add_list_value(doc, VP_SLOT_SPEAKERS, &speakers, err);
    vp_strvec_clear(&speakers);
    for (size_t i = 0; i < d->themes.len && ok; i++)
        ok = add_filter_term(doc, VP_PREFIX_THEME, d->themes.items[i], err) &&
             add_theme_levels(doc, d->themes.items[i],
                              d->theme_levels ? d->theme_levels[i] : VP_THEME_LEVELS, err);
    return ok && add_list_value(doc, VP_SLOT_MUNICIPALITIES, &d->municipalities, err) &&
           add_list_value(doc, VP_SLOT_THEMES, &d->themes, err) &&
           add_value(doc, VP_SLOT_HOST, d->host, err) &&
           add_list_value(doc, VP_SLOT_PEOPLE, &d->people, err);
}

/* "2017-04-21" -> slot 0 "20170421", slot 1 "2017", term XY2017. */
static bool add_date(xapc_doc *doc, const char *date, xapc_error *err)
{
    if (!date || strlen(date) != 10)
        return true;
    char compact[9], year[5];
    snprintf(compact, sizeof compact, "%.4s%.2s%.2s", date, date + 5, date + 8);
    snprintf(year, sizeof year, "%.4s", date);
    return add_value(doc, VP_SLOT_DATE, compact, err) &&
           add_value(doc, VP_SLOT_YEAR, year, err) &&
           add_filter_term(doc, VP_PREFIX_YEAR, year, err);
}

/* The key /search's date orders and /export's paging sort by (terms.h). */
static bool add_sort_key(xapc_doc *doc, const vp_document *d, xapc_error *err)
{
    char *key = vp_sort_key(d->date, d->id);
    bool ok = add_value(doc, VP_SLOT_SORTKEY, key, err);
    free(key);
    return ok;
}

/* vp_stem_fn over the builder's stemmer. */
static const char *stem_for_record(void *ctx, const char *word, size_t *len)
{
    vp_docbuilder *b = ctx;
    *len = xapc_stem_into(b->stem, word, strlen(word), b->stem_buf, sizeof b->stem_buf, NULL);
    return *len ? b->stem_buf : NULL;
}

/* What a search hit shows, in the form the query layer reads in place. */
static bool add_hit_record(vp_docbuilder *b, xapc_doc *doc, const vp_document *d,
                           xapc_error *err)
{
    size_t len;
    char *record = vp_hit_record_build(d, stem_for_record, b, &len);
    bool ok = xapc_doc_add_value(doc, VP_SLOT_HIT, record, len, err) == XAPC_OK;
    free(record);
    return ok;
}

xapc_doc *vp_docbuilder_build(vp_docbuilder *b, const vp_document *d,
                              const char *stamp, xapc_error *err)
{
    xapc_doc *doc = xapc_doc_new(err);
    char *json = vp_document_to_json(d);
    char *idterm = vp_id_term(d->id);
    bool ok = doc && json &&
              xapc_termgen_set_document(b->tg, doc, err) == XAPC_OK &&
              xapc_doc_add_boolean_term(doc, idterm, err) == XAPC_OK &&
              add_text(b, d, err) &&
              (!b->lexicon ||
               vp_compound_index_doc(b->lexicon, doc, b->stem, err) == XAPC_OK) &&
              add_facets(b, doc, d, err) &&
              add_date(doc, d->date, err) &&
              add_sort_key(doc, d, err) &&
              add_hit_record(b, doc, d, err) &&
              add_value(doc, VP_SLOT_STAMP, stamp, err) &&
              xapc_doc_set_data(doc, json, strlen(json), err) == XAPC_OK;
    free(json);
    free(idterm);
    if (!ok) {
        if (err && err->status == XAPC_OK) {   /* jansson refused a string */
            err->status = XAPC_ERR_OTHER;
            snprintf(err->message, sizeof err->message, "cannot build the document of %s",
                     d->id);
        }
        xapc_doc_free(doc);
        return NULL;
    }
    return doc;
}
