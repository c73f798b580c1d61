/*
 * related_words.c: a report's distinctive words (see related_words.h).
 *
 * Xapian's relevance feedback ranks every term of the report by how well it
 * tells the report apart from the rest of the index (the "trad" expansion
 * weight: frequent in the report, rare elsewhere).  Only body stems of
 * words the report itself writes are candidates, and these are left out:
 *
 *   - stems the report has only as parts of compounds: the indexer adds
 *     compound parts as terms ("maast" from Maastricht, "rijzing" from
 *     vergrijzing), so the report's words are read from its text by a term
 *     generator like the indexer's, not from its term list;
 *   - names: its speakers and their organisations, every municipality and
 *     province of the gazetteer, and the words it capitalises inside a
 *     sentence and never writes in lower case (people, villages, venues),
 *     unless the themes taxonomy names a subject by them (Participatiewet);
 *     two reports are not alike because both name Emmen or Drachten;
 *   - stopwords (Dutch, and English for the reports written in it).
 */
#include "related_words.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "mem.h"
#include "text.h"
#include "theme_terms.h"
#include "themes.h"

/* Words that say nothing of a subject (Dutch first, then English: some
 * reports are written in English).  Run through the index's own stemmer. */
static const char stopwords[] =
    "aan af al alle alles als alsof altijd ander andere anders ben bij binnen daar daarna "
    "daarom daarin dan dat de deze die dit doch doen door dus een eens eigen en er erg "
    "even ever geen gehad geweest had hadden heb hebben heeft hem hen het hier hij hoe hun "
    "iemand iets ik in is ja je jij jou jouw juist kan kon konden kunnen kunt maar me meer "
    "men met mij mijn moet moeten na naar niet niets nog nu of om omdat onder ons onze ook "
    "op over reeds rond samen sinds sommige steeds te tegen toch toen tot tussen u uit "
    "uw van veel voor vooral waar waarom wanneer want waren was wat we wel welk welke werd "
    "werden wie wij wil willen worden wordt zal ze zei zelf zich zij zijn zo zoals zonder "
    "zou zouden zulke daarbij daarmee daarvoor daardoor hierbij hiervoor waarbij waarin "
    "waarop waarvan waarmee bovendien echter inmiddels namelijk ongeveer onder andere "
    "vaak nooit weer verder vervolgens tijdens volgens via zowel alleen eerst later "
    "gaan gaat ging gingen komen komt kwam kwamen laten liet staan staat stond maken maakt "
    "maakte zeggen zegt zien ziet zag geven geeft gaf krijgen krijgt kreeg houden houdt "
    "hield vinden vindt vond moest mogen mag kunnen kon zullen zoals elk elke ieder iedere "
    "twee drie vier vijf zes zeven acht negen tien eerste tweede derde jaar jaren dag "
    "the a an and or but of to in on at by for with from as is are was were be been "
    "being has have had do does did this that these those it its they them their there "
    "which who whom what when where why how not no all any both each more most other "
    "some such than too very can will would should could may might must our we us you";

static const char *const provinces_not_in_gazetteer[] = {
    "Friesland", "Brabant", "Holland", "Zeeuws-Vlaanderen", "Nederland", NULL};

/* ---- stems ------------------------------------------------------------------ */

bool vp_is_body_stem(const char *t, size_t len)
{
    if (len < 4 || t[0] != 'Z')
        return false;
    unsigned char c = (unsigned char)t[1];
    if (!((c >= 'a' && c <= 'z') || c >= 0x80))
        return false;
    for (size_t i = 1; i < len; i++)
        if (t[i] >= '0' && t[i] <= '9')
            return false;
    return true;
}

bool vp_body_stems(const xapc_db *db, xapc_docid did, vp_strset *out, xapc_error *xe)
{
    xapc_termiter *it = xapc_db_termlist(db, did, xe);
    const char *term;
    while (it && xapc_termiter_next(it, &term, NULL, xe)) {
        size_t len = strlen(term);
        if (vp_is_body_stem(term, len))
            vp_strset_add(out, term, len, NULL);
    }
    bool ok = it && xe->status == XAPC_OK;
    xapc_termiter_free(it);
    return ok;
}

/* "Z" + the stem of a lower-case word, added to set: its id there (*added
 * says whether it is new), or VP_STRSET_NONE when the stemmer fails. */
static size_t add_stem(const xapc_stem *stem, const char *word, vp_strset *set, bool *added,
                       xapc_error *xe)
{
    char *st = xapc_stem_word(stem, word, xe);
    if (!st)
        return VP_STRSET_NONE;
    size_t len = strlen(st);
    char *z = vp_xmalloc(len + 2);
    z[0] = 'Z';
    memcpy(z + 1, st, len + 1);
    size_t id = vp_strset_add(set, z, len + 1, added);
    free(z);
    free(st);
    return id;
}

/* Runs text through a term generator with the index's stemmer, as the
 * indexer does, and adds the body stems it makes to set. */
static bool add_stems_of(const xapc_stem *stem, const char *text, vp_strset *set,
                         xapc_error *xe)
{
    xapc_termgen *tg = xapc_termgen_new(xe);
    xapc_doc *doc = tg ? xapc_doc_new(xe) : NULL;
    bool ok = doc && xapc_termgen_set_stemmer(tg, stem, xe) == XAPC_OK &&
              xapc_termgen_set_stemming_strategy(tg, XAPC_STEM_SOME, xe) == XAPC_OK &&
              xapc_termgen_set_document(tg, doc, xe) == XAPC_OK &&
              xapc_termgen_index_text_without_positions(tg, text, strlen(text), 1, "", xe) == XAPC_OK;
    xapc_termiter *it = ok ? xapc_doc_termlist(doc, "Z", xe) : NULL;
    const char *term;
    while (it && xapc_termiter_next(it, &term, NULL, xe))
        vp_strset_add(set, term, strlen(term), NULL);
    ok = it && xe->status == XAPC_OK;
    xapc_termiter_free(it);
    xapc_doc_free(doc);
    xapc_termgen_free(tg);
    return ok;
}

/* The stems the word query leaves out: the report's people and their
 * organisations, every municipality and province, and stopwords. */
static bool excluded_stems(const vp_searcher *s, const vp_document *d, vp_strset *out,
                           xapc_error *xe)
{
    vp_buf names = VP_BUF_INIT;
    for (size_t i = 0; i < d->n_speakers; i++)
        vp_buf_printf(&names, "%s\n%s\n", d->speakers[i].name ? d->speakers[i].name : "",
                      d->speakers[i].organisation ? d->speakers[i].organisation : "");
    for (size_t i = 0; s->gazetteer && i < vp_gazetteer_count(s->gazetteer); i++) {
        const vp_municipality *m = vp_gazetteer_at(s->gazetteer, i);
        vp_buf_printf(&names, "%s\n%s\n", m->name, m->province ? m->province : "");
    }
    for (size_t i = 0; provinces_not_in_gazetteer[i]; i++)
        vp_buf_printf(&names, "%s\n", provinces_not_in_gazetteer[i]);
    for (size_t i = 0; i < d->municipalities.len; i++)   /* as the report spells them */
        vp_buf_printf(&names, "%s\n", d->municipalities.items[i]);
    vp_buf_puts(&names, stopwords);
    bool ok = add_stems_of(s->stem, vp_buf_str(&names), out, xe);
    vp_buf_free(&names);
    return ok;
}

/* The report's own words by stem: for each body stem of a word it writes
 * ("Zleegstand"), the form it writes most often.  Read from its text by a
 * term generator as the indexer's, not from its term list: the indexer adds
 * the parts of compounds as terms too ("maast" and "Zmaast" from
 * Maastricht, "rijzing" from vergrijzing), and a part the report never
 * writes as a word of its own is no word of the report. */
static bool read_words(vp_report_words *w, const xapc_stem *stem, const vp_document *d,
                       xapc_error *xe)
{
    w->words = vp_strset_new();
    vp_buf text = VP_BUF_INIT;
    vp_buf_printf(&text, "%s\n%s", d->title ? d->title : "", d->text ? d->text : "");
    xapc_termgen *tg = xapc_termgen_new(xe);
    xapc_doc *doc = tg ? xapc_doc_new(xe) : NULL;
    bool ok = doc && xapc_termgen_set_document(tg, doc, xe) == XAPC_OK &&
              xapc_termgen_index_text_without_positions(tg, vp_buf_str(&text), text.len, 1, "",
                                                        xe) == XAPC_OK;
    xapc_termiter *it = ok ? xapc_doc_termlist(doc, "", xe) : NULL;
    const char *word;
    uint32_t wdf;
    while (it && xapc_termiter_next(it, &word, &wdf, xe)) {
        unsigned char c = (unsigned char)word[0];
        if (!((c >= 'a' && c <= 'z') || c >= 0x80))
            continue;
        bool added;
        size_t id = add_stem(stem, word, w->words, &added, xe);
        if (id == VP_STRSET_NONE)
            break;
        if (added) {
            VP_GROW(w->surface, w->cap_surface, id + 1);
            VP_GROW(w->surface_wdf, w->cap_surface_wdf, id + 1);
            w->surface[id] = NULL;
            w->surface_wdf[id] = 0;
        }
        if (wdf > w->surface_wdf[id]) {
            w->surface_wdf[id] = wdf;
            free(w->surface[id]);
            w->surface[id] = vp_xstrdup(word);
        }
    }
    ok = it && xe->status == XAPC_OK;
    xapc_termiter_free(it);
    xapc_doc_free(doc);
    xapc_termgen_free(tg);
    vp_buf_free(&text);
    return ok;
}

/* ---- names the report writes ------------------------------------------------ */

/* A letter of a word: ASCII letters and any non-ASCII character but the
 * typographic punctuation of U+2000..U+206F (quotes, dashes, ellipsis). */
static size_t letter_at(const char *t, size_t len, size_t i)
{
    unsigned char c = (unsigned char)t[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return 1;
    if (c < 0x80)
        return 0;
    unsigned cp;
    size_t n = vp_utf8_decode(t + i, len - i, &cp);
    return n == 0 || (cp >= 0x2000 && cp <= 0x206f) || cp == 0xa0 || cp == 0xab || cp == 0xbb
               ? 0 : n;
}

typedef struct case_tally {
    vp_strset *stems;            /* "Z" + stem of each word seen */
    unsigned *lower, *capital;   /* per stem: written in lower case; capitalised in a sentence */
    size_t cap_lower, cap_capital;
} case_tally;

static void tally_word(const xapc_stem *stem, case_tally *t, const char *w, size_t n,
                       bool sentence_start)
{
    bool capital = w[0] >= 'A' && w[0] <= 'Z', all_caps = capital;
    char low[VP_THEME_WORD_MAX + 1];
    if (n > VP_THEME_WORD_MAX)
        return;
    for (size_t i = 0; i < n; i++) {
        all_caps = all_caps && !(w[i] >= 'a' && w[i] <= 'z');
        low[i] = w[i] >= 'A' && w[i] <= 'Z' ? (char)(w[i] - 'A' + 'a') : w[i];
    }
    low[n] = '\0';
    if ((capital && sentence_start) || (all_caps && n > 1))
        return;              /* a sentence's first word, a heading in capitals: says nothing */
    if (!capital && (unsigned char)w[0] >= 0x80)
        return;              /* a non-ASCII initial: its case is not read here */
    xapc_error xe;
    bool added;
    size_t id = add_stem(stem, low, t->stems, &added, &xe);
    if (id == VP_STRSET_NONE)
        return;
    if (added) {
        VP_GROW(t->lower, t->cap_lower, id + 1);
        VP_GROW(t->capital, t->cap_capital, id + 1);
        t->lower[id] = t->capital[id] = 0;
    }
    (capital ? t->capital : t->lower)[id]++;
}

/* True when the folded word is one the themes taxonomy names a subject by
 * ("participatiewet", "hervormingsagenda"): a law or programme is
 * capitalised like a name but says what a report is about. */
static bool subject_word(const vp_searcher *s, const char *word, size_t len)
{
    if (!s->themes)
        return false;
    char buf[VP_THEME_WORD_MAX + 1];
    memcpy(buf, word, len);
    buf[len] = '\0';
    char *folded = vp_fold(buf);
    vp_word w = {folded, strlen(folded)};
    vp_term_match m[4];
    size_t n = vp_theme_terms_match(vp_themes_terms(s->themes), &w, 1, 0, m, 4);
    bool whole = false;
    for (size_t i = 0; i < n; i++)
        whole |= !m[i].modifier && !m[i].head;
    free(folded);
    return whole;
}

/* Adds to out the stems of the names in the report's text: words it
 * capitalises inside a sentence and never writes in lower case (people,
 * towns and villages the gazetteer does not list, venues, organisations),
 * unless the taxonomy knows them as a subject.  Dutch capitalises little
 * else; a sentence's first word and a heading in capitals are not read. */
static void name_stems(const vp_report_words *rw, const vp_searcher *s, const vp_document *d,
                       vp_strset *out)
{
    const char *t = d->text ? d->text : "";
    size_t len = strlen(t), i = 0;
    case_tally tally = {.stems = vp_strset_new()};
    bool start = true;
    while (i < len) {
        size_t n = letter_at(t, len, i);
        if (n == 0) {
            unsigned char c = (unsigned char)t[i];
            if (strchr(".!?:;|\n*", c) || (c == '-' && (i == 0 || t[i - 1] == '\n')))
                start = true;
            else if (c >= '0' && c <= '9')
                start = false;
            i++;
            continue;
        }
        size_t w = i;
        while (i < len && (n = letter_at(t, len, i)) > 0)
            i += n;
        tally_word(s->stem, &tally, t + w, i - w, start);
        start = false;
    }
    for (size_t id = 0; id < vp_strset_size(tally.stems); id++) {
        if (tally.lower[id] > 0 || tally.capital[id] == 0)
            continue;
        size_t zlen;
        const char *z = vp_strset_key(tally.stems, id, &zlen);
        size_t word = vp_strset_find(rw->words, z, zlen);
        const char *form = word != VP_STRSET_NONE ? rw->surface[word] : NULL;
        if (!form || !subject_word(s, form, strlen(form)))
            vp_strset_add(out, z, zlen, NULL);
    }
    vp_strset_free(tally.stems);
    free(tally.lower);
    free(tally.capital);
}

typedef struct word_filter {
    const vp_strset *excluded;
    const vp_strset *words;
} word_filter;

static bool keep_word(const char *term, size_t len, void *ctx)
{
    const word_filter *f = ctx;
    return vp_is_body_stem(term, len) && vp_strset_find(f->words, term, len) != VP_STRSET_NONE &&
           vp_strset_find(f->excluded, term, len) == VP_STRSET_NONE;
}

/* ---- the choice ---------------------------------------------------------------- */

int vp_report_words_choose(vp_report_words *w, const vp_searcher *s, xapc_docid self,
                           const vp_document *d, unsigned max, xapc_error *xe)
{
    memset(w, 0, sizeof *w);
    if (!read_words(w, s->stem, d, xe))
        return -1;
    vp_strset *excluded = vp_strset_new();
    xapc_enquire *enq = NULL;
    if (excluded_stems(s, d, excluded, xe) && (enq = xapc_enquire_new(s->db, xe)) != NULL) {
        name_stems(w, s, d, excluded);
        word_filter f = {excluded, w->words};
        w->eset = xapc_enquire_get_eset(enq, max, &self, 1, XAPC_ESET_EXACT_TERMFREQ, keep_word,
                                        &f, xe);
    }
    xapc_enquire_free(enq);
    vp_strset_free(excluded);
    return w->eset ? 0 : -1;
}

void vp_report_words_clear(vp_report_words *w)
{
    for (size_t i = 0; w->words && i < vp_strset_size(w->words); i++)
        free(w->surface[i]);
    free(w->surface);
    free(w->surface_wdf);
    vp_strset_free(w->words);
    xapc_eset_free(w->eset);
    memset(w, 0, sizeof *w);
}

const char *vp_report_words_surface(const vp_report_words *w, uint32_t i)
{
    size_t len;
    const char *t = xapc_eset_term(w->eset, i, &len);
    size_t id = t ? vp_strset_find(w->words, t, len) : VP_STRSET_NONE;
    return id != VP_STRSET_NONE && w->surface[id] ? w->surface[id] : t ? t + 1 : "";
}
