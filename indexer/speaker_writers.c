/*
 * speaker_writers.c: the lines that name a report's writers rather than its
 * speakers (see speakers_internal.h): bylines ("Door Anna Smit", "Tubantia
 * – 2 mei 2019 – door Anna Smit"), signatures under the text, a memo's
 * header ("Van: Anna Smit"), the header line over a post ("Anna Smit –
 * wethouder" or "Anna Smit (Hoorn) – 21 mei 2024"); and the writers who
 * did speak: a post's writer who says so ("gaf ik de workshop"), workshop
 * leaders who each sign the section they wrote.
 */
#include "speakers_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date_parse.h"
#include "extract_text.h"
#include "mem.h"
#include "text.h"

/* The line starts with an entry of list, as a word ("door", "blog van",
 * "tekst:"). */
static bool starts_with_entry(const vp_speaker_words *w, const char *s,
                              vp_speaker_list list)
{
    for (const char *const *e = vp_speaker_words_list(w, list); *e; e++) {
        size_t n = strlen(*e);
        if (vp_ex_eq(s, n, *e) && (n > 0 && ((*e)[n - 1] == ':' || s[n] == ' ' || s[n] == ':')))
            return true;
    }
    return false;
}

/* A dash in s and after it an entry of byline-lead: "Tubantia – 2 mei 2019
 * – door Anna Smit", "Blog – 14 oktober 2019 – door Anna Smit, raadslid". */
static bool dash_then_byline(const vp_speaker_words *w, const char *s)
{
    static const char *const dashes[] = {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", NULL};
    for (const char *const *d = dashes; *d; d++)
        for (const char *hit = strstr(s, *d); hit; hit = strstr(hit + 1, *d))
            if (starts_with_entry(w, hit + strlen(*d), VP_SW_BYLINE_LEAD))
                return true;
    return false;
}

/* The line s opens with a full name and a comma: "Anna Smit, wethouder";
 * only_name: and says nothing more than who the person is (no verb, no
 * full stop: "Anna Smit, wethouder, sloot af." is a sentence).  With
 * any_mark a place in parentheses, a dash or a bullet may follow the name
 * instead of the comma ("Anna Smit (Urk) - 4 maart 2021", the header of a
 * post; "Anna Smit \u2022 adviseur \u2022 2 mei 2019"). */
static bool opens_with_name(const doc_ctx *dc, toks *k, const char *s, size_t len,
                            bool only_name, bool any_mark)
{
    char *line = vp_xstrndup(s, len);
    vp_sp_tokenize(k, line);
    name_span span;
    bool yes = vp_sp_name_at(dc, k, 0, &span) && span.words >= 2 && !span.initials &&
               (tok_punct(k, span.e, ',') ||
                (any_mark && (tok_punct(k, span.e, '(') || tok_dash(k, span.e) ||
                              tok_bullet(k, span.e))));
    for (size_t t = span.e; yes && only_name && t < k->n; t++)
        yes = !tok_in(k, t, SW(k, VP_SW_VERB_AFTER)) && !(t + 1 == k->n && tok_punct(k, t, '.'));
    free(line);
    return yes;
}

/* A byline names the writer, not a speaker: "*Door Anna Smit,
 * communicatieadviseur*", "By Anna Smit", "Blog van Anna Smit, wethouder"
 * (data: byline-lead), or one line of a name and a date ("Anna Smit,
 * wethouder Wonen, Hoorn – 2 oktober 2023", "Anna Smit (Hoorn) – 2 oktober
 * 2023", the header of a post in a forum).  Unless the writer led the
 * day: "Door Anna Smit, dagvoorzitter", or under "Terugblik van de
 * dagvoorzitter" (chair_near). */
bool vp_sp_is_byline(const doc_ctx *dc, toks *k, const char *text, bool chair_near)
{
    if (chair_near || vp_sp_contains_word(dc->words, text, VP_SW_CHAIR_ROLE))
        return false;
    const char *s = text + strspn(text, "*_ ");
    size_t len = strlen(s);
    if (strchr(s, '\n') || len > 160)
        return false;
    return starts_with_entry(dc->words, s, VP_SW_BYLINE_LEAD) ||
           (vp_date_find_year(s) != 0 && (opens_with_name(dc, k, s, len, false, true) ||
                            dash_then_byline(dc->words, s)));
}

/* The line of a paragraph from line on is "label: value", the label (bold
 * or not) short; *field whether it is one of list header-field, *chair
 * whether it names one who leads ("Voorzitter: Anna Smit" in minutes). */
static bool field_line(const vp_speaker_words *w, const char *line, size_t len, bool *field,
                       bool *chair)
{
    const char *s = line + strspn(line, "*_ ");
    const char *colon = memchr(s, ':', len - (size_t)(s - line));
    *field = *chair = false;
    if (!colon || colon == s || colon - s > 30)
        return false;
    char label[32];
    vp_ex_lower(s, 0, (size_t)(colon - s), label, sizeof label);
    *field = vp_speaker_words_has(w, VP_SW_HEADER_FIELD, label, strlen(label));
    *chair = vp_speaker_words_in(w, VP_SW_CHAIR_ROLE, label);
    return true;
}

/* A memo's or a mail's header: two or more lines "label: value" (all lines
 * but maybe a first "Memo"), one of them a header field ("Van: Anna Smit,
 * secretaris", "**Begeleider:** Anna Smit"), none naming the chair (minutes
 * that open "Datum: ...", "Voorzitter: Anna Smit" name who led). */
bool vp_sp_is_header_block(const vp_speaker_words *w, const char *text)
{
    size_t lines = 0, fields = 0;
    bool known = false;
    for (const char *s = text; *s; lines++) {
        size_t len = strcspn(s, "\n");
        bool field, chair;
        if (field_line(w, s, len, &field, &chair))
            fields++;
        else if (lines > 0)
            return false;
        if (chair)
            return false;
        known = known || field;
        s += len + (s[len] == '\n');
    }
    return fields >= 2 && known;
}

/* A middle dot at token i ("Anna Smit · adviseur"). */
static bool tok_middle_dot(const toks *k, size_t i)
{
    return i < k->n && k->v[i].kind == T_PUNCT && k->v[i].e - k->v[i].s == 2 &&
           memcmp(k->t + k->v[i].s, "\xC2\xB7", 2) == 0;
}

/* The full name that opens a post's header line, before a dash or a dot
 * ("Anna Smit – Wethouder Wonen, gemeente Ede", "Anna Smit · adviseur"),
 * when a line of prose follows (not a programme's next line); malloc'd,
 * or NULL. */
static char *header_writer(const doc_ctx *dc, toks *k, const char *text)
{
    size_t len = strcspn(text, "\n");
    const char *next = text + len + (text[len] == '\n');
    if (!text[len] || strcspn(next, "\n") < 60)
        return NULL;
    char *line = vp_xstrndup(text, len);
    vp_sp_tokenize(k, line);
    name_span span;
    char *name = NULL;
    if (vp_sp_name_at(dc, k, 0, &span) && span.words >= 2 && !span.initials &&
        (tok_dash(k, span.e) || tok_middle_dot(k, span.e)))
        name = vp_sp_text(k, span.s, span.e);
    free(line);
    return name;
}

/* The writer a post's header line names (header_writer) is a speaker when
 * the post says she spoke ("Ik vertelde over ...", data: first-person). */
void vp_sp_speaking_writer(const doc_ctx *dc, toks *k, const char *text, size_t header,
                           mentions *ms)
{
    char *writer = header_writer(dc, k, text);
    if (!writer)
        return;
    const char *post = text + header + 1;
    size_t n = strlen(post);
    char *lowered = vp_xmalloc(n + 1);
    vp_ex_lower(post, 0, n, lowered, n + 1);
    if (vp_speaker_words_in(dc->words, VP_SW_FIRST_PERSON, lowered))
        vp_sp_add_parsed(dc, k, writer, NULL, false, ms);
    free(lowered);
    free(writer);
}

/* A post's header line over its text in one paragraph ("Anna Smit
 * (Hoorn) – 21 mei 2024", "Anna Smit – Wethouder Wonen, gemeente Ede" and
 * the post on the next line): the header's length, 0 when the first line
 * is none (is_byline, header_writer). */
size_t vp_sp_post_header(const doc_ctx *dc, toks *k, const char *text, bool chair_near)
{
    size_t len = strcspn(text, "\n");
    if (!text[len])
        return 0;
    char *writer = header_writer(dc, k, text);
    char *line = vp_xstrndup(text, len);
    bool yes = writer || vp_sp_is_byline(dc, k, line, chair_near);
    free(writer);
    free(line);
    return yes ? len : 0;
}

/* A signature under the text: a paragraph of one to three lines, each a
 * full name and a comma ("Anna Smit, voorzitter VNG,"), right after a
 * paragraph of prose.  A list of speakers comes after a heading or a line
 * that announces it ("Sprekers:"), never straight after prose. */
bool vp_sp_is_signature(const doc_ctx *dc, toks *k, const vp_parsed *p, size_t i)
{
    const vp_block *b = &p->blocks[i];
    if (i == 0 || p->blocks[i - 1].kind != VP_BLOCK_PARAGRAPH ||
        p->blocks[i - 1].pseudo_heading)
        return false;
    const char *prev = p->blocks[i - 1].text;
    size_t n = strlen(prev);
    while (n > 0 && is_space(prev[n - 1]))
        n--;
    if (n == 0 || !strchr(".!?\"", prev[n - 1]) || strchr(prev, ':') == prev + n - 1)
        return false;
    size_t lines = 0;
    for (const char *s = b->text; *s; lines++) {
        size_t len = strcspn(s, "\n");
        if (lines == 3 || len > 120 || !opens_with_name(dc, k, s, len, true, false))
            return false;
        s += len + (s[len] == '\n');
    }
    return lines > 0;
}

/* The name after a dash that opens a one-line paragraph ("— Anna Smit,
 * Platform31", "*– Anna Smit*"), or NULL. */
static const char *after_signing_dash(const char *text)
{
    const char *s = text + strspn(text, "*_ ");
    if (strchr(s, '\n') || strlen(s) > 120)
        return NULL;
    if (strncmp(s, "\xE2\x80\x94", 3) == 0 || strncmp(s, "\xE2\x80\x93", 3) == 0)
        s += 3;
    else if (strncmp(s, "--", 2) == 0)
        s += 2;
    else
        return NULL;
    return *s == ' ' ? s + strspn(s, " ") : NULL;
}

/* Block i signs the section it closes: a dash and a full name ("— Anna
 * Smit, Platform31") after a paragraph of prose, and then a heading, a
 * thematic break (a gap of more than one blank line) or the end. */
static bool signs_section(const doc_ctx *dc, toks *k, const vp_parsed *p, size_t i)
{
    const vp_block *b = &p->blocks[i];
    const char *s = b->kind == VP_BLOCK_PARAGRAPH && !b->pseudo_heading
                        ? after_signing_dash(b->text) : NULL;
    if (!s || i == 0 || p->blocks[i - 1].kind != VP_BLOCK_PARAGRAPH ||
        p->blocks[i - 1].pseudo_heading)
        return false;
    bool closes = i + 1 == p->n_blocks || vp_sp_is_heading(&p->blocks[i + 1]) ||
                  p->blocks[i + 1].line > vp_sp_block_end_line(b) + 2;
    if (!closes)
        return false;
    char *line = vp_xstrdup(s);
    size_t len = strcspn(line, "*_");
    line[len] = '\0';
    vp_sp_tokenize(k, line);
    name_span span;
    bool yes = vp_sp_name_at(dc, k, 0, &span) && span.words >= 2 &&
               (span.e == k->n || tok_punct(k, span.e, ','));
    free(line);
    return yes;
}

/* Workshop leaders who each sign the section they wrote ("Hieronder het
 * verslag van elke workshop, door de leiders zelf"): when two or more
 * sections under their own headings end so (signs_section), each signer
 * is a speaker.  One signature under the whole text is its writer's byline
 * and names no speaker. */
void vp_sp_section_signers(const doc_ctx *dc, toks *scratch, const vp_parsed *p,
                           mentions *ms)
{
    size_t signatures[32], n = 0;
    size_t heading = SIZE_MAX, signed_heading = SIZE_MAX;
    for (size_t i = 0; i < p->n_blocks && n < 32; i++) {
        if (vp_sp_is_heading(&p->blocks[i]))
            heading = i;
        else if (heading != SIZE_MAX && heading != signed_heading &&
                 signs_section(dc, scratch, p, i)) {
            signed_heading = heading;
            signatures[n++] = i;
        }
    }
    for (size_t s = 0; n >= 2 && s < n; s++) {
        char *line = vp_xstrdup(after_signing_dash(p->blocks[signatures[s]].text));
        line[strcspn(line, "*_")] = '\0';
        vp_sp_add_parsed(dc, scratch, vp_trim(line), NULL, false, ms);
        free(line);
    }
}
