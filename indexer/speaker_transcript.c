/*
 * speaker_transcript.c: a transcript's speaker labels ("WETHOUDER DE BOER:",
 * "MEVROUW DE BOER (Assen):"): whether a report is a transcript, each label
 * said as a sentence the cues read, and the chair who only gives the floor.
 * See speakers_internal.h.
 */
#include "speakers_internal.h"

#include <string.h>

#include "buf.h"
#include "extract_text.h"
#include "gazetteer.h"
#include "strset.h"

/* The length of an upper-case speaker's label that opens text, up to and
 * with its colon ("WETHOUDER DE BOER:", "DE HEER LAMMERS (Enexis):",
 * "DR. EDE:"), or 0.  Only the part before "(" must be in capitals. */
static size_t transcript_label(const char *text)
{
    size_t i = 0, letters = 0;
    for (; text[i] && i < 80; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c >= 'A' && c <= 'Z')
            letters++;
        else if (c == '(') {
            const char *close = strchr(text + i, ')');
            if (!close || memchr(text + i, ':', (size_t)(close - text - i)))
                return 0;
            i = (size_t)(close - text);
        } else if (c == ':')
            break;
        else if (!(c == ' ' || c == '.' || c == '-' || c == '\'' || c >= 0x80))
            return 0;
    }
    if (text[i] != ':' || letters < 2 || (text[i + 1] && text[i + 1] != ' '))
        return 0;
    /* what is said is prose; "SAVE THE DATE: NAJAARSDAG IN ASSEN" is a
     * heading */
    for (const char *r = text + i + 1; *r; r++)
        if (*r >= 'a' && *r <= 'z')
            return i + 1;
    return 0;
}

/* A transcript: at least three paragraphs open with a speaker's label, and
 * one speaker comes back (a newsletter's "TERUGBLIK: ...", "AGENDA: ..."
 * name each section once). */
bool vp_sp_is_transcript(const vp_parsed *p)
{
    size_t labels = 0;
    bool again = false;
    for (size_t i = 0; i < p->n_blocks && !(labels >= 3 && again); i++) {
        const char *text = p->blocks[i].text;
        size_t len = p->blocks[i].kind == VP_BLOCK_PARAGRAPH ? transcript_label(text) : 0;
        if (!len)
            continue;
        labels++;
        /* a speaker comes back within a few turns: a bounded look back */
        for (size_t j = i > 24 ? i - 24 : 0; j < i && !again; j++)
            again = p->blocks[j].kind == VP_BLOCK_PARAGRAPH &&
                    transcript_label(p->blocks[j].text) == len &&
                    memcmp(p->blocks[j].text, text, len) == 0;
    }
    return labels >= 3 && again;
}

/* The word w (n bytes) of a label as part of a name: "BOER" -> "Boer", a
 * particle after the first word in lower case ("VAN DER BERG" -> "Van der
 * Berg"). */
static void put_name_word(vp_buf *out, const char *w, size_t n, bool first)
{
    char low[64];
    vp_ex_lower(w, 0, n, low, sizeof low);
    if (first || !vp_ex_is_particle(low, strlen(low)))
        low[0] = (low[0] >= 'a' && low[0] <= 'z') ? (char)(low[0] - 'a' + 'A') : low[0];
    vp_buf_putc(out, ' ');
    vp_buf_puts(out, low);
}

/* The word w (n bytes) in lower case and a blank after it (a label's
 * honorific or role: short words). */
static void put_lower(vp_buf *out, const char *w, size_t n)
{
    char low[64];
    vp_buf_puts(out, vp_ex_lower(w, 0, n, low, sizeof low));
    vp_buf_putc(out, ' ');
}

/* A label's word w (n bytes, no dots) is a chair's role ("VOORZITTER",
 * "PMG-VOORZITTER"). */
static bool chair_word(const doc_ctx *dc, const char *w, size_t n)
{
    const char *dash = memchr(w, '-', n);
    while (dash) {
        n -= (size_t)(dash + 1 - w);
        w = dash + 1;
        dash = memchr(w, '-', n);
    }
    return vp_speaker_words_has(dc->words, VP_SW_CHAIR_ROLE, w, n);
}

/* The given name a turn ends by addressing the next speaker with: its last
 * sentence a question that opens with a capitalised word and a comma or
 * the question mark ("... Sietske, begin jij?", "Sietske?"); the word
 * (borrowed from turn, *n bytes) or NULL.  A word the report also writes in
 * lower case ("Graag"), a role, a form of address or a place is no name. */
static const char *addressed_name(const doc_ctx *dc, const char *turn, size_t *n)
{
    size_t end = strlen(turn);
    while (end > 0 && (turn[end - 1] == ' ' || turn[end - 1] == '\n'))
        end--;
    if (end == 0 || turn[end - 1] != '?')
        return NULL;
    size_t s = end - 1;
    while (s > 0 && !strchr(".!?:", turn[s - 1]))
        s--;
    while (turn[s] == ' ' || turn[s] == '\n')
        s++;
    size_t e = s;
    while (e < end && turn[e] != ',' && turn[e] != '?' && turn[e] != ' ')
        e++;
    if (e == s || e - s >= 40 || (turn[e] != ',' && turn[e] != '?') ||
        !vp_ex_is_upper(turn + s, e - s))
        return NULL;
    /* "Rijkswaterstaat, meneer Oudendijk, ...?": a title and a name after
     * the comma, so the first word names a body */
    size_t w2 = e + 1;
    while (w2 < end && turn[w2] == ' ')
        w2++;
    size_t w3 = w2;
    while (w3 < end && turn[w3] != ' ')
        w3++;
    while (w3 < end && turn[w3] == ' ')
        w3++;
    if (turn[e] == ',' && w2 < end && turn[w2] >= 'a' && turn[w2] <= 'z' && w3 < end &&
        vp_ex_is_upper(turn + w3, end - w3))
        return NULL;
    char low[64], name[64];
    vp_ex_lower(turn, s, e, low, sizeof low);
    memcpy(name, turn + s, e - s);
    name[e - s] = '\0';
    if ((dc->lower_words && vp_strset_find(dc->lower_words, low, strlen(low)) != VP_STRSET_NONE) ||
        vp_speaker_words_has(dc->words, VP_SW_ROLE, low, strlen(low)) ||
        vp_speaker_words_has(dc->words, VP_SW_HONORIFIC, low, strlen(low)) ||
        vp_speaker_words_has(dc->words, VP_SW_NOT_NAME, low, strlen(low)) ||
        (dc->gazetteer && vp_gazetteer_lookup(dc->gazetteer, name)))
        return NULL;
    *n = e - s;
    return turn + s;
}

/* The label (len bytes with its colon) said as a sentence the cues read:
 * "WETHOUDER DE BOER (Vlissingen):" -> "wethouder De Boer (Vlissingen)
 * sprak." into out; the merge resolves the surname to the full name the
 * report gives.  An honorific is said only without an organisation:
 * "MEVROUW X (Assen):" is a member of the meeting, who speaks by the rule
 * for "X (Assen) vraagt" (surname_speaks).  Nothing for a chair, who only
 * gives the floor (chair-role), or a label without a role or honorific
 * ("DEELNEMER", "STEM UIT DE ZAAL"): it names no one. */
static void say_label(const doc_ctx *dc, const char *label, size_t len, const char *addressed,
                      size_t addressed_len, vp_buf *out)
{
    const char *paren = memchr(label, '(', len);
    size_t words_end = paren ? (size_t)(paren - label) : len - 1;
    vp_buf title = VP_BUF_INIT, role = VP_BUF_INIT, name = VP_BUF_INIT;
    bool chair = false, in_name = false;
    size_t i = 0, name_words = 0;
    while (i < words_end) {
        while (i < words_end && label[i] == ' ')
            i++;
        size_t s = i;
        while (i < words_end && label[i] != ' ')
            i++;
        size_t n = i - s;
        while (n > 0 && label[s + n - 1] == '.')
            n--;
        if (n == 0)
            continue;
        const char *w = label + s;
        bool heer = n == 2 && memcmp(w, "DE", 2) == 0 && i + 5 <= words_end &&
                    memcmp(label + i, " HEER", 5) == 0;
        if (!in_name && chair_word(dc, w, n))
            chair = true;
        else if (!in_name && (heer || vp_speaker_words_has(dc->words, VP_SW_HONORIFIC, w, n))) {
            put_lower(&title, heer ? "DE HEER" : w, heer ? 7 : n);
            if (heer)
                i += 5;
        } else if (!in_name && vp_speaker_words_has(dc->words, VP_SW_ROLE, w, n)) {
            put_lower(&role, w, n);
        } else {
            put_name_word(&name, w, n, !in_name);
            in_name = true;
            char low[64];
            vp_ex_lower(w, 0, n, low, sizeof low);
            name_words += !vp_ex_is_particle(low, strlen(low));
        }
    }
    /* "WETHOUDER HOORN:" after "Sietske, begin jij?": the surname the
     * label gives and the given name the turn before addressed */
    if (name_words == 1 && addressed && (role.len || title.len)) {
        vp_buf full = VP_BUF_INIT;
        vp_buf_putc(&full, ' ');
        vp_buf_append(&full, addressed, addressed_len);
        vp_buf_puts(&full, vp_buf_str(&name));
        vp_buf_free(&name);
        name = full;
    }
    if (!chair && (role.len || title.len) && name.len) {
        if (!paren)   /* "MEVROUW X (Assen):" is a member of the meeting */
            vp_buf_puts(out, vp_buf_str(&title));
        vp_buf_puts(out, vp_buf_str(&role));
        vp_buf_puts(out, vp_buf_str(&name) + 1);
        if (paren) {
            vp_buf_putc(out, ' ');
            vp_buf_append(out, paren, (size_t)(label + len - 1 - paren));
        }
        vp_buf_puts(out, " sprak. ");
    }
    vp_buf_free(&title);
    vp_buf_free(&role);
    vp_buf_free(&name);
}

/* The paragraph text of a transcript with its label said as a sentence,
 * so that the word after the colon ("VOORZITTER: Goedemorgen.", "...:
 * Dank u") is read as the start of a sentence, not as the name a role
 * introduces ("Voorzitter: Anna Smit"); NULL when text has no label. */
char *vp_sp_transcript_text(const doc_ctx *dc, const char *text, const char *turn_before)
{
    size_t len = transcript_label(text);
    if (!len)
        return NULL;
    vp_buf out = VP_BUF_INIT;
    size_t addressed_len = 0;
    const char *addressed = turn_before ? addressed_name(dc, turn_before, &addressed_len) : NULL;
    say_label(dc, text, len, addressed, addressed_len, &out);
    const char *rest = text + len;
    while (*rest == ' ')
        rest++;
    vp_buf_puts(&out, rest);
    return vp_buf_detach(&out);
}

/* In a transcript the chair only gives the floor: a person introduced by a
 * chair's role ("Gespreksleider: A", "Dagvoorzitter is A") did not speak. */
void vp_sp_drop_transcript_chairs(const doc_ctx *dc, mentions *ms)
{
    for (size_t i = 0; i < ms->n; i++) {
        const char *r = ms->v[i].role;
        if (ms->v[i].chair ||
            (r && vp_speaker_words_has(dc->words, VP_SW_CHAIR_ROLE, r, strlen(r))))
            ms->v[i].vetoed = true;
    }
}
