/*
 * speakers_internal.h: what the files of the speaker extractor share; not a
 * public API (extract.h is).
 *
 *  speaker_tokens.c   a block cut into tokens (words, initials, punctuation)
 *                     and sentences; "H.J. (Hein) X" read as "Hein X",
 *                     handles beside a name left out
 *  speaker_names.c    the words of a report, and where in the tokens a
 *                     person's name stands ("Koos van Dijken", "J.P. de Vries")
 *  speaker_orgs.c     organisation and role around a name ("(Platform31)",
 *                     ", directeur Platform31", "burgemeester"), and the
 *                     same for a front matter speaker string
 *  speaker_cues.c     the names of a sentence and the cues that make them
 *                     speakers (or not)
 *  speaker_transcript.c  a transcript's labels ("WETHOUDER DE BOER:") said
 *                     as sentences the cues read
 *  speaker_writers.c  bylines, signatures, memo headers and post headers
 *                     that name a writer (and the writers who spoke)
 *  speaker_merge.c    one person per set of mentions; the speakers stored
 *  extract_speakers.c the stage: the blocks in order (headings over
 *                     attendees, tables, lists of speakers, bylines), the
 *                     front matter
 *  speaker_words.c    the word lists (data/speakers.tsv)
 */
#ifndef VP_SPEAKERS_INTERNAL_H
#define VP_SPEAKERS_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "extract_stages.h"
#include "extract_text.h"
#include "person_name.h"
#include "speaker_words.h"
#include "strset.h"

/* ---- tokens (speaker_tokens.c) ---- */

typedef enum { T_WORD, T_INITIALS, T_PUNCT } tok_kind;

typedef struct tok {
    size_t s, e;
    tok_kind kind;
} tok;

/* The tokens of one text, and the word lists they are read with. */
typedef struct toks {
    const char *t;
    size_t len;
    tok *v;
    size_t n, cap;
    const vp_speaker_words *w;
} toks;

typedef struct sentence {
    size_t s, e;   /* token range */
} sentence;

#define SW(k, list) vp_speaker_words_list((k)->w, (list))

/* Cuts t into k's tokens (k->t points into t). */
void vp_sp_tokenize(toks *k, const char *t);
/* The text of tokens [s, e) with single spaces; malloc'd, never NULL. */
char *vp_sp_text(const toks *k, size_t s, size_t e);
/* Cuts k into sentences at . ! ? ; (not after abbreviations); at most max. */
size_t vp_sp_sentences(const toks *k, sentence *out, size_t max);
/* The token where the first phrase of the list starts in the sentence;
 * SIZE_MAX when it holds none. */
size_t vp_sp_sentence_find(const toks *k, const sentence *s, vp_speaker_list list);
/* The sentence holds a phrase of the list (lower-cased comparison). */
bool vp_sp_sentence_has(const toks *k, const sentence *s, vp_speaker_list list);
/* text with formal initials and the called name after them ("drs. H.J.
 * (Hein) Maasbree", "M. (Mila) Dekkers") written as the name the person
 * goes by ("drs. Hein Maasbree"), to be tokenized instead; NULL when it has
 * none.  Caller frees. */
char *vp_sp_called_names(const char *text);
/* text without the social-media handles that stand beside a name or an
 * organisation ("Anna Smit (@annasmit)", "(@UWVnl, werkgeversservicepunt)",
 * "door @wethouderbakker, Roelof Bakker"); NULL when it has none.  Caller
 * frees. */
char *vp_sp_drop_handles(const char *text);

static inline bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static inline bool tok_is(const toks *k, size_t i, const char *w)
{
    return i < k->n && vp_ex_eq(k->t + k->v[i].s, k->v[i].e - k->v[i].s, w);
}

static inline bool tok_punct(const toks *k, size_t i, char c)
{
    return i < k->n && k->v[i].kind == T_PUNCT && k->t[k->v[i].s] == c;
}

static inline bool tok_in(const toks *k, size_t i, const char *const *words)
{
    if (i >= k->n || k->v[i].kind != T_WORD)
        return false;
    for (size_t w = 0; words[w]; w++)
        if (tok_is(k, i, words[w]))
            return true;
    return false;
}

/* A bullet "•" that opens an item inside a paragraph. */
static inline bool tok_bullet(const toks *k, size_t i)
{
    return i < k->n && k->v[i].kind == T_PUNCT && k->v[i].e - k->v[i].s == 3 &&
           memcmp(k->t + k->v[i].s, "\xE2\x80\xA2", 3) == 0;
}

/* "-", en dash or em dash. */
static inline bool tok_dash(const toks *k, size_t i)
{
    if (i >= k->n || k->v[i].kind != T_PUNCT)
        return false;
    const char *s = k->t + k->v[i].s;
    size_t n = k->v[i].e - k->v[i].s;
    return (n == 1 && s[0] == '-') ||
           (n == 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
            ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94));
}

/* ---- names (speaker_names.c) ---- */

typedef struct doc_ctx {
    const vp_gazetteer *gazetteer;
    const vp_speaker_words *words;
    /* lower-case words of the report (ASCII-lowered): a capitalised word
     * that also occurs in lower case ("Concept", "Binnenstad") is an
     * ordinary word */
    vp_strset *lower_words;
} doc_ctx;

typedef struct name_span {
    size_t s, e;        /* token range */
    size_t words;       /* capitalised words and initials */
    bool initials;
} name_span;

/* Collects the lower-case words of the report into dc. */
void vp_sp_doc_words(doc_ctx *dc, const vp_parsed *p);
void vp_sp_doc_free(doc_ctx *dc);
/* The canonical role for token i ("burgemeester"; "manager" for
 * "informatiemanager"), or NULL. */
const char *vp_sp_role(const toks *k, size_t i);
/* A capitalised word that may be part of a name. */
bool vp_sp_name_word(const toks *k, size_t i);
/* The longest name starting at token i. */
bool vp_sp_name_at(const doc_ctx *dc, const toks *k, size_t i, name_span *out);
/* Skips honorifics right before token i; returns the token before them. */
size_t vp_sp_before_honorifics(const toks *k, size_t i);
/* "van" at token van, after a full name, introduces an organisation or a
 * place rather than the rest of the surname. */
bool vp_sp_van_org(const doc_ctx *dc, const toks *k, size_t van);
/* A particle written with a capital at token i that opens a surname. */
bool vp_sp_opens_surname(const toks *k, size_t i);

static inline bool vp_sp_particle(const toks *k, size_t i)
{
    return i < k->n && k->v[i].kind == T_WORD &&
           vp_ex_is_particle(k->t + k->v[i].s, k->v[i].e - k->v[i].s);
}

/* ---- mentions (extract_speakers.c) and their organisations
 * (speaker_orgs.c) ---- */

typedef struct mention {
    char *name;
    char *org;
    const char *role;   /* borrowed from the word lists */
    const char *also_role;   /* a second one: "burgemeester X (voorzitter)" */
    char *role_owned;   /* "strategisch adviseur" */
    size_t words;
    bool initials;
    bool triggered;     /* a cue makes this mention a speaker */
    bool role_before;   /* "wethouder Bakker" */
    bool honorific;     /* "dhr. Bakker" */
    bool cued;          /* by a verb or a phrase: "presentatie door", "vertelde" */
    bool listed;        /* in a list of attendees or actions: only a spelling */
    bool vetoed;        /* absent, a successor: the person did not speak */
    bool chair;         /* named after a chair's role: "Gespreksleider: A" */
    bool org_place;     /* the organisation is a municipality: "Bakker (Assen)" */
    vp_person_name person;   /* parsed name, filled by the merge */
} mention;

/* Organisation tokens at i (capitalised words, acronyms, "Platform31",
 * maybe after "gemeente"); the end token, *start the first. */
size_t vp_sp_org_at(const toks *k, size_t i, size_t limit, size_t *start);
/* A role ending at token p ("burgemeester", "strategische adviseur"); *first
 * its first token, *owned a malloc'd two-word role. */
const char *vp_sp_role_before(const toks *k, size_t p, size_t *first, char **owned);
/* A parenthesis at token i with an organisation or a role ("(Platform31)",
 * "(wethouder Roermond)", "(plv. directeur Pon)"): that goes into m, *cue
 * is set, and the token after ')' is returned; 0 for any other
 * parenthesis. */
size_t vp_sp_paren_after(const toks *k, size_t i, size_t limit, mention *m, bool *cue);
/* "de burgemeester van Tiel, Anna Smit": after a role, at q "van" and a
 * place or an organisation, a comma and a full name (before limit); the
 * token after the comma, or q. */
size_t vp_sp_role_of_place_name(const doc_ctx *dc, const toks *k, size_t limit, size_t q);
/* "wethouder Economie, Anna Smit," with the role before q: the capitalised
 * word at q is the role's portfolio, and the full name after the comma
 * (ending its clause before limit) is the one who holds it. */
bool vp_sp_portfolio_then_name(const doc_ctx *dc, const toks *k, size_t limit, size_t q);
/* ", directeur Platform31" at token i; the token after it, or 0. */
size_t vp_sp_comma_role_after(const doc_ctx *dc, const toks *k, size_t i,
                              size_t limit, mention *m);

/* The mentions of one report (extract_speakers.c). */
typedef struct mentions {
    mention *v;
    size_t n, cap;
    /* roles that speak without a name ("De voorzitter opent de
     * vergadering"): the one listed person with that role spoke */
    const char *speaking_roles[8];
    size_t n_speaking_roles;
    /* the merge's persons filed by key (vp_sp_merge); NULL before */
    vp_person_index *index;
} mentions;

/* A new zeroed mention at the end; never NULL. */
mention *vp_sp_add_mention(mentions *ms);
void vp_sp_free_mentions(mentions *ms);

/* The text (its first 255 bytes, lower-cased) holds an entry of list. */
bool vp_sp_contains_word(const vp_speaker_words *w, const char *text, vp_speaker_list list);
/* A validated speaker from a cell or list item ("Naam (Org)", "Naam, rol
 * Org"): the name must parse as a name on its own (extract_speakers.c). */
void vp_sp_add_parsed(const doc_ctx *dc, toks *scratch, const char *s,
                      const char *org_override, bool listed, mentions *out);

static inline bool vp_sp_is_heading(const vp_block *b)
{
    return b->kind == VP_BLOCK_HEADING || b->pseudo_heading;
}

/* The last line of a block in the file (its text keeps its line breaks). */
static inline int vp_sp_block_end_line(const vp_block *b)
{
    int end = b->line;
    for (const char *c = b->text; *c; c++)
        end += *c == '\n';
    return end;
}

/* ---- writers (speaker_writers.c) ---- */

/* A one-line byline: "Door Anna Smit, wethouder", a name and a date, a
 * dated line with "– door Anna Smit"; not when the writer led the day
 * (chair_near: a chair's role in the blocks just before). */
bool vp_sp_is_byline(const doc_ctx *dc, toks *k, const char *text, bool chair_near);
/* Block i is a signature under the prose before it ("Anna Smit,
 * voorzitter VNG,"). */
bool vp_sp_is_signature(const doc_ctx *dc, toks *k, const vp_parsed *p, size_t i);
/* The text is a memo's or a mail's header ("Van: Anna Smit", "Betreft:"). */
bool vp_sp_is_header_block(const vp_speaker_words *w, const char *text);
/* The length of a post's header line that opens text ("Anna Smit –
 * wethouder", "Anna Smit (Hoorn) – 21 mei 2024"), 0 when it has none. */
size_t vp_sp_post_header(const doc_ctx *dc, toks *k, const char *text, bool chair_near);
/* The writer named by the post header (header bytes) of text, as a speaker
 * when the post says she spoke ("Ik vertelde"). */
void vp_sp_speaking_writer(const doc_ctx *dc, toks *k, const char *text, size_t header,
                           mentions *ms);
/* The workshop leaders who each sign their section ("— Anna Smit, VNG"),
 * when two or more sections are signed so. */
void vp_sp_section_signers(const doc_ctx *dc, toks *scratch, const vp_parsed *p,
                           mentions *ms);

/* ---- cues (speaker_cues.c) ---- */

/* Reads the names of one text (a paragraph, an item, a table cell) into
 * out; listed: the text only lists names (attendees, actions). */
void vp_sp_scan_block(const doc_ctx *dc, toks *k, const char *text, bool listed,
                      bool item, mentions *out);

/* ---- transcripts (speaker_transcript.c) ---- */

/* At least three paragraphs open with an upper-case speaker's label
 * ("WETHOUDER DE BOER:") and one speaker comes back. */
bool vp_sp_is_transcript(const vp_parsed *p);
/* The paragraph text with its label said as a sentence ("wethouder De
 * Boer sprak. ..."); NULL when text opens with no label; caller frees.
 * turn_before (NULL is fine): the paragraph before, whose closing question
 * may give the given name of a label that has only a surname. */
char *vp_sp_transcript_text(const doc_ctx *dc, const char *text, const char *turn_before);
/* Vetoes the people a chair's role introduces: in a transcript the chair
 * only gives the floor. */
void vp_sp_drop_transcript_chairs(const doc_ctx *dc, mentions *ms);

/* ---- merging (speaker_merge.c) ---- */

/* One person per set of mentions that may name the same person. */
void vp_sp_merge(mentions *ms, mentions *persons);
/* The triggered, unvetoed persons into d->speakers, sorted. */
void vp_sp_store(vp_document *d, const mentions *persons);
/* Adds a speaker to d unless seen holds its folded name (and files it
 * there). */
void vp_sp_add_speaker(vp_document *d, vp_strset *seen, const char *name,
                       const char *org, const char *role);
/* A vetoed person that name may be ("moest afzeggen"). */
bool vp_sp_vetoed(const mentions *persons, const char *name);

#endif /* VP_SPEAKERS_INTERNAL_H */
