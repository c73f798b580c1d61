/*
 * extract_speakers.c: the speakers stage, the people who present, open,
 * lead or close (see extract.c).
 *
 * The report is read block by block: a heading over attendees ("Aanwezig")
 * or a paragraph that opens one ("Aanwezig:") makes its names a list that
 * only spells them; a table is read by its header (a speakers' column, a
 * table of actions, a programme read cell by cell); an item under a
 * heading of speakers is a speaker; a byline, a signature or a memo's or
 * a post's header names a writer (speaker_writers.c).  Every text
 * goes through speaker_cues.c, which finds the names and the cues that make
 * them speak; speaker_merge.c makes one person of the mentions of each.
 * Front matter speakers are the announced programme: they are kept unless
 * the text says they did not come.  A transcript's labels are read by
 * speaker_transcript.c.
 */
#include "speakers_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "extract_text.h"
#include "mem.h"
#include "strset.h"
#include "text.h"

/* ---- mentions ---- */

mention *vp_sp_add_mention(mentions *ms)
{
    VP_GROW(ms->v, ms->cap, ms->n + 1);
    mention *m = &ms->v[ms->n++];
    memset(m, 0, sizeof *m);
    return m;
}

void vp_sp_free_mentions(mentions *ms)
{
    for (size_t i = 0; i < ms->n; i++) {
        free(ms->v[i].name);
        free(ms->v[i].org);
        free(ms->v[i].role_owned);
        vp_person_name_clear(&ms->v[i].person);
    }
    free(ms->v);
    vp_person_index_free(ms->index);
}

/* ---- tables and lists ---- */

/* Splits "a | b | c" into cells (pointers into a copy). */
static size_t split_cells(char *row, char **cells, size_t max)
{
    size_t n = 0;
    char *s = row;
    while (n < max) {
        char *bar = strstr(s, " | ");
        if (bar)
            *bar = '\0';
        cells[n++] = vp_trim(s);
        if (!bar)
            break;
        s = bar + 3;
    }
    return n;
}

/* The text (its first 255 bytes, lower-cased) holds an entry of list. */
bool vp_sp_contains_word(const vp_speaker_words *w, const char *text,
                         vp_speaker_list list)
{
    char buf[256];
    vp_ex_lower(text, 0, strlen(text), buf, sizeof buf);
    return vp_speaker_words_in(w, list, buf);
}

/* A validated speaker from a cell or list item ("Naam (Org)", "Naam, rol
 * Org"): the name must parse as a name on its own. */
void vp_sp_add_parsed(const doc_ctx *dc, toks *scratch, const char *s,
                      const char *org_override, bool listed, mentions *out)
{
    char *name = NULL, *org = NULL, *role = NULL;
    if (!vp_parse_speaker(dc->words, s, &name, &org, &role))
        return;
    name_span span;
    vp_sp_tokenize(scratch, name);
    if (vp_sp_name_at(dc, scratch, 0, &span) &&
        span.e == scratch->n && span.words >= 2) {
        mention *m = vp_sp_add_mention(out);
        m->name = name;
        name = NULL;
        m->org = org_override && *org_override ? vp_xstrdup(org_override) : org;
        if (m->org != org)
            free(org);
        org = NULL;
        m->role_owned = role;
        role = NULL;
        m->words = span.words;
        m->initials = span.initials;
        m->triggered = !listed;
        m->listed = listed;
    }
    free(name);
    free(org);
    free(role);
}

/* Several speakers in one cell: "A (X) en B (Y)", "A; B". */
static void add_cell(const doc_ctx *dc, toks *scratch, char *cell,
                     const char *org, bool listed, mentions *out)
{
    char *s = cell;
    while (s && *s) {
        char *cut = strstr(s, " en ");
        char *and = strstr(s, " and ");
        char *semi = strchr(s, ';');
        char *amp = strstr(s, " & ");
        if (and && (!cut || and < cut))
            cut = and;
        if (semi && (!cut || semi < cut))
            cut = semi;
        if (amp && (!cut || amp < cut))
            cut = amp;
        char *next = NULL;
        if (cut) {
            next = cut + (*cut == ';' ? 1 : *(cut + 1) == '&' ? 3 : *(cut + 1) == 'a' ? 5 : 4);
            *cut = '\0';
        }
        vp_sp_add_parsed(dc, scratch, vp_trim(s), org, listed, out);
        s = next;
    }
}

/* Rows of one table from blocks[*i]; the first row is the header.  The
 * cells of a speakers' column are speakers; a table of actions ("wie",
 * "wanneer") or of attendees only spells names; any other table is read
 * cell by cell like prose ("Welkom door burgemeester Anna Smit"). */
static void scan_table(const doc_ctx *dc, toks *k, toks *scratch, const vp_parsed *p,
                       size_t *i, bool listed, mentions *out)
{
    size_t first = *i;
    size_t last = first;
    while (last + 1 < p->n_blocks && p->blocks[last + 1].kind == VP_BLOCK_TABLE_ROW)
        last++;
    *i = last;
    char *header = vp_xstrdup(p->blocks[first].text);
    char *cells[32];
    size_t nc = split_cells(header, cells, 32);
    int speaker_col = -1, org_col = -1;
    for (size_t c = 0; c < nc; c++) {
        if (vp_sp_contains_word(dc->words, cells[c], VP_SW_ACTION_COLUMN))
            listed = true;
        if (speaker_col < 0 && vp_sp_contains_word(dc->words, cells[c], VP_SW_SPEAKER_COLUMN))
            speaker_col = (int)c;
        else if (org_col < 0 && vp_sp_contains_word(dc->words, cells[c], VP_SW_ORG_COLUMN))
            org_col = (int)c;
    }
    if (speaker_col < 0 && nc > 0 && vp_ex_eq(cells[0], strlen(cells[0]), "naam"))
        speaker_col = 0;
    free(header);
    for (size_t r = first + (speaker_col >= 0); r <= last; r++) {
        char *row = vp_xstrdup(p->blocks[r].text);
        char *rc[32];
        size_t n = split_cells(row, rc, 32);
        if (speaker_col >= 0 && (size_t)speaker_col < n) {
            const char *org = org_col >= 0 && (size_t)org_col < n ? rc[org_col] : NULL;
            add_cell(dc, scratch, rc[speaker_col], org, listed, out);
        } else if (speaker_col < 0) {
            for (size_t c = 0; c < n; c++)
                vp_sp_scan_block(dc, k, rc[c], listed, false, out);
        }
        free(row);
    }
}

/* "Anna Smit van het ministerie, over X" written as "Anna Smit, het
 * ministerie, over X" (a malloc'd copy), when the "van" after the full
 * name opens an organisation; NULL otherwise. */
static char *van_org_as_comma(const doc_ctx *dc, toks *k, const char *s)
{
    vp_sp_tokenize(k, s);
    name_span span;
    if (!vp_sp_name_at(dc, k, 0, &span) || span.words < 2 || span.initials ||
        !tok_is(k, span.e, "van") || !vp_sp_van_org(dc, k, span.e))
        return NULL;
    size_t name_end = k->v[span.e - 1].e, org = k->v[span.e].e;
    size_t rest = strlen(s + org);
    char *out = vp_xmalloc(name_end + 1 + rest + 1);
    memcpy(out, s, name_end);
    out[name_end] = ',';
    memcpy(out + name_end + 1, s + org, rest + 1);
    return out;
}

/* A list item in a list of speakers: "Naam (Org)", "Naam, rol Org",
 * "Naam - Org: titel", "Naam van Org, over X". */
static void scan_item(const doc_ctx *dc, toks *scratch, const char *text,
                      mentions *out)
{
    char *van = van_org_as_comma(dc, scratch, text);
    char *copy = van ? van : vp_xstrdup(text);
    char *colon = strchr(copy, ':');
    if (colon)
        *colon = '\0';
    char *dash = strstr(copy, " - ");
    if (!dash)
        dash = strstr(copy, " \xE2\x80\x93 ");
    if (dash && !strchr(copy, ',')) {
        /* "Naam - Org" reads like "Naam, Org" */
        dash[0] = ',';
        dash[1] = ' ';
    }
    add_cell(dc, scratch, copy, NULL, false, out);
    free(copy);
}

/* ---- the document ---- */

/* "Aanwezig: A, B" or "Aanwezig:" over lines of names: the words before
 * the first colon of the first line name attendees. */
static bool opens_attendee_list(const doc_ctx *dc, const char *text)
{
    size_t line = strcspn(text, "\n");
    const char *colon = memchr(text, ':', line);
    if (!colon || colon - text > 48)
        return false;
    char head[64];
    vp_ex_lower(text, 0, (size_t)(colon - text), head, sizeof head);
    return vp_speaker_words_in(dc->words, VP_SW_AUDIENCE_HEADING, head);
}

/* "Met dank aan" (or "Dank aan:") on its own over a list: the items thank
 * people, they name no speakers (data: not-speaker-lead). */
static bool opens_thanks_list(const doc_ctx *dc, const vp_parsed *p, size_t i)
{
    const char *text = p->blocks[i].text;
    return strlen(text) < 40 && !strchr(text, '\n') && i + 1 < p->n_blocks &&
           p->blocks[i + 1].kind == VP_BLOCK_ITEM &&
           vp_sp_contains_word(dc->words, text, VP_SW_NOT_SPEAKER_LEAD);
}

/* Block i is a paragraph that ends inside a sentence (no full stop, colon
 * or closing quote) and the next one is a paragraph that goes on with it
 * (a letter in lower case first). */
static bool continues(const vp_parsed *p, size_t i)
{
    if (i + 1 >= p->n_blocks || p->blocks[i].kind != VP_BLOCK_PARAGRAPH ||
        p->blocks[i + 1].kind != VP_BLOCK_PARAGRAPH || p->blocks[i].pseudo_heading)
        return false;
    const char *t = p->blocks[i].text, *next = p->blocks[i + 1].text;
    size_t n = strlen(t);
    while (n > 0 && is_space(t[n - 1]))
        n--;
    return n > 0 && (t[n - 1] >= 'a' && t[n - 1] <= 'z') && next[0] >= 'a' && next[0] <= 'z';
}

/* Which open items of a nested list name a part of the programme
 * ("- Keynote", "- Tafel 1: Ravijnjaar"), by depth, so that an item under
 * one ("  - Anna Smit, VNG") is read as a speaker.  Kept while the blocks
 * are read, so a long list costs one look at each item. */
#define PROGRAMME_DEPTHS 16
typedef struct programme_items {
    bool names_part[PROGRAMME_DEPTHS];
} programme_items;

/* Block b, read in order, moves the open items; returns whether b is an
 * item right under one that names a part of the programme. */
static bool programme_child(const doc_ctx *dc, programme_items *open, const vp_block *b)
{
    if (b->kind != VP_BLOCK_ITEM || b->level < 1) {
        memset(open, 0, sizeof *open);   /* the list ended */
        return false;
    }
    int depth = b->level;
    bool child = depth >= 2 && depth - 1 < PROGRAMME_DEPTHS && open->names_part[depth - 1];
    for (int d = depth; d < PROGRAMME_DEPTHS; d++)
        open->names_part[d] = false;
    if (depth < PROGRAMME_DEPTHS)
        open->names_part[depth] = vp_sp_contains_word(dc->words, b->text, VP_SW_SESSION_WORD) ||
                                  vp_sp_contains_word(dc->words, b->text, VP_SW_SPEAKER_HEADING);
    return child;
}

/* The blocks in order.  A heading over attendees makes its section a list
 * of attendees; a paragraph that opens with "Aanwezig:" is one, and so are
 * the items or table right after it.  Names there are kept only for their
 * spelling (a speaker may be listed as "P. Dijkhuis" and speak as "Pim
 * Dijkhuis"). */
static void speakers_from_text(const doc_ctx *dc, const vp_parsed *p,
                               mentions *ms)
{
    toks k = {.w = dc->words}, scratch = {.w = dc->words};
    bool section_listed = false, after_intro = false, speaker_list = false;
    bool audience_heading = false;   /* section_listed by a real heading */
    bool transcript = vp_sp_is_transcript(p);
    programme_items open_items = {{false}};
    for (size_t i = 0; i < p->n_blocks; i++) {
        const vp_block *b = &p->blocks[i];
        bool under_part = programme_child(dc, &open_items, b);
        size_t header = 0;
        if (b->kind == VP_BLOCK_CODE)
            continue;
        const char *turn_before = i > 0 && p->blocks[i - 1].kind == VP_BLOCK_PARAGRAPH
                                      ? p->blocks[i - 1].text
                                      : NULL;
        char *said = transcript && b->kind == VP_BLOCK_PARAGRAPH
                         ? vp_sp_transcript_text(dc, b->text, turn_before)
                         : NULL;
        const char *text = said ? said : b->text;
        bool listed = section_listed;
        if (vp_sp_is_heading(b)) {
            speaker_list = vp_sp_contains_word(dc->words, b->text, VP_SW_SPEAKER_HEADING);
            /* a list of attendees under a heading ("## Presentielijst"),
             * grouped under bold lines ("**Almelo**"), goes on past them;
             * the next heading or a programme's bold line ends it */
            bool group = b->pseudo_heading && audience_heading && !speaker_list &&
                         !vp_sp_contains_word(dc->words, b->text, VP_SW_SESSION_WORD);
            section_listed =
                group || vp_sp_contains_word(dc->words, b->text, VP_SW_AUDIENCE_HEADING);
            audience_heading = section_listed && (group || b->kind == VP_BLOCK_HEADING);
            after_intro = false;
            /* "**Door Anna Smit**": a byline in bold reads as a heading */
            listed = section_listed ||
                     (b->pseudo_heading && vp_sp_is_byline(dc, &scratch, b->text, false));
        } else if (b->kind == VP_BLOCK_PARAGRAPH) {
            size_t n = strlen(b->text);
            while (n > 0 && is_space(b->text[n - 1]))
                n--;
            bool attendees = opens_attendee_list(dc, b->text);
            bool chair_near =
                i < 6 && ((i > 0 && vp_sp_contains_word(dc->words, p->blocks[i - 1].text,
                                                        VP_SW_CHAIR_ROLE)) ||
                          (i > 1 && vp_sp_contains_word(dc->words, p->blocks[i - 2].text,
                                                        VP_SW_CHAIR_ROLE)));
            listed = listed || attendees || vp_sp_is_byline(dc, &scratch, b->text, chair_near) ||
                     vp_sp_is_signature(dc, &scratch, p, i) ||
                     vp_sp_is_header_block(dc->words, b->text);
            if (n > 0 && b->text[n - 1] == ':')   /* "De sprekers waren:" */
                speaker_list = !attendees && vp_sp_contains_word(dc->words, b->text,
                                                                 VP_SW_SPEAKER_HEADING);
            else if (i > 0 && p->blocks[i - 1].kind == VP_BLOCK_ITEM)
                speaker_list = false;
            /* "Aanwezig:" over a list; "Afwezig: A, B" holds its names */
            after_intro = (attendees && n > 0 && b->text[n - 1] == ':') ||
                          opens_thanks_list(dc, p, i);
            header = listed ? 0 : vp_sp_post_header(dc, &scratch, b->text, chair_near);
        } else if (b->kind == VP_BLOCK_ITEM || b->kind == VP_BLOCK_TABLE_ROW) {
            /* the list after "Aanwezig:" ends at a blank line between two
             * items: the numbered agenda after it is no list of attendees */
            if (after_intro && i > 0 && p->blocks[i - 1].kind == VP_BLOCK_ITEM &&
                b->line > vp_sp_block_end_line(&p->blocks[i - 1]) + 1)
                after_intro = false;
            listed = listed || after_intro;
        }
        if (b->kind == VP_BLOCK_TABLE_ROW) {
            scan_table(dc, &k, &scratch, p, &i, listed, ms);
            continue;
        }
        if (b->kind == VP_BLOCK_ITEM && (speaker_list || under_part) && !listed)
            scan_item(dc, &scratch, b->text, ms);
        if (b->kind == VP_BLOCK_PARAGRAPH && continues(p, i)) {
            /* a sentence broken over two paragraphs (a converted PDF): read
             * as one, so "X ... zit en" + "niet op het congres kan zijn" */
            vp_buf joined = VP_BUF_INIT;
            vp_buf_puts(&joined, text);
            while (continues(p, i)) {
                vp_buf_putc(&joined, ' ');
                vp_buf_puts(&joined, p->blocks[++i].text);
            }
            char *whole = vp_buf_detach(&joined);
            vp_sp_scan_block(dc, &k, whole, listed, false, ms);
            free(whole);
            free(said);
            continue;
        }
        if (header && !said) {   /* the header of a post, then its text */
            vp_sp_speaking_writer(dc, &scratch, text, header, ms);
            char *line = vp_xstrndup(text, header);
            vp_sp_scan_block(dc, &k, line, true, false, ms);
            free(line);
            text += header + 1;
        }
        vp_sp_scan_block(dc, &k, text, listed, b->kind == VP_BLOCK_ITEM, ms);
        free(said);
    }
    vp_sp_section_signers(dc, &scratch, p, ms);
    if (transcript)
        vp_sp_drop_transcript_chairs(dc, ms);
    free(k.v);
    free(scratch.v);
}

/* Is the text's speaker m one of the front matter's (d->speakers so far)? */
static bool listed_already(const vp_document *d, const mention *m)
{
    vp_person_name a;
    if (!vp_person_name_parse(m->person.display ? m->person.display : m->name, &a))
        return false;
    bool found = false;
    for (size_t i = 0; i < d->n_speakers && !found; i++) {
        vp_person_name b;
        if (vp_person_name_parse(d->speakers[i].name, &b)) {
            found = vp_person_name_may_be(&a, &b);
            vp_person_name_clear(&b);
        }
    }
    vp_person_name_clear(&a);
    return found;
}

/* A speaker of the text the front matter may leave out: one the text
 * introduces by an office and a surname ("geopend door voorzitter
 * Dorresteijn", "wethouder Van Heusden leidde een workshop"), the way an
 * interview's text names the rest of the day's programme.  A full name
 * the front matter does not list was left out on purpose. */
static bool programme_by_surname(const mention *m)
{
    return m->triggered && !m->vetoed && m->name && m->person.form != VP_PERSON_FULL &&
           (m->role_owned || m->role);
}

/* The front matter's speakers, the announced programme, less those the
 * text says did not come; then the text's speakers it names by office and
 * surname only (programme_by_surname). */
static void speakers_from_front_matter(const vp_speaker_words *w, const vp_parsed *p,
                                       const mentions *text, vp_document *d)
{
    vp_strset *seen = vp_strset_new();
    for (size_t i = 0; i < p->fm.speakers.len; i++) {
        char *name = NULL, *org = NULL, *role = NULL;
        if (vp_parse_speaker(w, p->fm.speakers.items[i], &name, &org, &role) &&
            !vp_sp_vetoed(text, name))
            vp_sp_add_speaker(d, seen, name, org, role);
        free(name);
        free(org);
        free(role);
    }
    for (size_t i = 0; i < text->n; i++) {
        const mention *m = &text->v[i];
        if (programme_by_surname(m) && !listed_already(d, m))
            vp_sp_add_speaker(d, seen, m->person.display ? m->person.display : m->name,
                              m->org, m->role_owned ? m->role_owned : m->role);
    }
    vp_strset_free(seen);
    vp_speakers_sort(d);
}

/* Every name of the report written in full, speaker or not, once: the
 * spellings the cross-report pass resolves short names with
 * (speakers_corpus.h). */
static void note_people(const mentions *ms, const mentions *persons, vp_document *d)
{
    vp_strset *seen = vp_strset_new();
    const mentions *lists[] = {persons, ms};
    for (size_t l = 0; l < 2; l++)
        for (size_t i = 0; i < lists[l]->n; i++) {
            const mention *m = &lists[l]->v[i];
            if (!m->name || m->person.form != VP_PERSON_FULL)
                continue;
            bool added;
            vp_strset_add(seen, m->person.folded, strlen(m->person.folded), &added);
            if (added)
                vp_strvec_push(&d->people, m->person.display);
        }
    vp_strset_free(seen);
    vp_strvec_sort(&d->people);
}

static void clear_speakers(vp_document *d)
{
    for (size_t i = 0; i < d->n_speakers; i++) {
        free(d->speakers[i].name);
        free(d->speakers[i].organisation);
        free(d->speakers[i].role);
    }
    free(d->speakers);
    d->speakers = NULL;
    d->n_speakers = 0;
    vp_strvec_clear(&d->people);
}

vp_extract_status vp_extract_speakers(const vp_extract_ctx *ctx, const vp_parsed *p,
                                      vp_document *d, vp_extract_issue *issue)
{
    (void)issue;
    clear_speakers(d);
    const vp_speaker_words *w = ctx ? ctx->speaker_words : NULL;
    if (!w)
        return VP_EXTRACT_OK;   /* no word lists, no speakers (see vp_extract_ctx) */
    doc_ctx dc = {.gazetteer = ctx->gazetteer, .words = w};
    vp_sp_doc_words(&dc, p);
    mentions ms = {0}, persons = {0};
    speakers_from_text(&dc, p, &ms);
    vp_sp_merge(&ms, &persons);
    if (p->fm.speakers.len > 0)
        speakers_from_front_matter(w, p, &persons, d);
    else
        vp_sp_store(d, &persons);
    note_people(&ms, &persons, d);
    vp_sp_free_mentions(&ms);
    vp_sp_free_mentions(&persons);
    vp_sp_doc_free(&dc);
    return VP_EXTRACT_OK;   /* out of memory aborts (mem.h) */
}
