/*
 * speaker_tokens.c: a block of the report as tokens and sentences, the way
 * the speaker extractor reads it (see speakers_internal.h); before it is
 * cut, formal initials with a called name are written as that name and the
 * social-media handles beside names are left out.
 *
 * Initials are one token ("J.P.", "Th.") so that a name reads as words; a
 * dot after an abbreviation ("dhr.", "o.a.") does not end a sentence.
 */
#include "speakers_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "mem.h"
#include "text.h"

static void push_tok(toks *k, size_t s, size_t e, tok_kind kind)
{
    VP_GROW(k->v, k->cap, k->n + 1);
    k->v[k->n++] = (tok){s, e, kind};
}

/* "Dr." "Mw." "Ir.": honorifics, which look like "Th." but are no initials
 * (so that "Dr. P. Sluis" is P. Sluis, the same as Pieter Sluis). */
static bool is_title_abbreviation(const toks *k, const char *t)
{
    return vp_speaker_words_has(k->w, VP_SW_HONORIFIC, t, 2);
}

/* "M." "J.P." "Th.": one or two letters, the first upper case, then a dot. */
static size_t initials_at(const toks *tk, const char *t, size_t len, size_t i)
{
    size_t j = i;
    size_t groups = 0;
    while (j + 1 < len && t[j] >= 'A' && t[j] <= 'Z') {
        size_t k = j + 1;
        if (k < len && t[k] >= 'a' && t[k] <= 'z' && groups == 0) {
            if (is_title_abbreviation(tk, t + j))
                break;
            k++;   /* "Th." */
        }
        if (k >= len || t[k] != '.')
            break;
        k++;
        groups++;
        j = k;
        while (j < len && t[j] == ' ' && j + 2 < len && t[j + 1] >= 'A' &&
               t[j + 1] <= 'Z' && t[j + 2] == '.')
            j++;   /* "J. P. de Vries" */
    }
    if (!groups || (j < len && vp_ex_is_wordchar(t + j, len - j)))
        return 0;
    return j;
}

void vp_sp_tokenize(toks *k, const char *t)
{
    k->t = t;
    k->len = strlen(t);
    k->n = 0;
    size_t len = k->len, i = 0;
    while (i < len) {
        if (is_space(t[i])) {
            i++;
            continue;
        }
        if (vp_ex_is_footnote_mark(t + i, len - i)) {
            i += vp_ex_charlen(t + i, len - i);   /* "Smit\u00b2 vertelde": read on */
            continue;
        }
        size_t end = initials_at(k, t, len, i);
        if (end) {
            push_tok(k, i, end, T_INITIALS);
            i = end;
            continue;
        }
        size_t ws, we;
        if (vp_ex_next_word(t, len, i, &ws, &we) && ws == i) {
            /* inner apostrophes: "Mc'Donald", "d'Hondt" */
            while (we < len && vp_ex_apostrophe(t + we, len - we) &&
                   we + vp_ex_apostrophe(t + we, len - we) < len &&
                   vp_ex_is_wordchar(t + we + vp_ex_apostrophe(t + we, len - we),
                                     len - we))
                if (!vp_ex_next_word(t, len, we + vp_ex_apostrophe(t + we, len - we),
                                     &ws, &we))
                    break;
            push_tok(k, i, we, T_WORD);
            i = we;
            continue;
        }
        size_t n = vp_ex_charlen(t + i, len - i);
        push_tok(k, i, i + n, T_PUNCT);
        i += n;
    }
}

/* The text of tokens [s, e) with single spaces. */
char *vp_sp_text(const toks *k, size_t s, size_t e)
{
    size_t cap = 1;
    for (size_t i = s; i < e; i++)
        cap += k->v[i].e - k->v[i].s + 1;
    char *out = vp_xmalloc(cap);
    size_t n = 0;
    for (size_t i = s; i < e; i++) {
        bool glue = i > s && k->v[i].kind == T_PUNCT &&
                    strchr(",.)", k->t[k->v[i].s]);
        bool after_open = i > s && tok_punct(k, i - 1, '(');
        if (i > s && !glue && !after_open && k->v[i].s > k->v[i - 1].e)
            out[n++] = ' ';
        memcpy(out + n, k->t + k->v[i].s, k->v[i].e - k->v[i].s);
        n += k->v[i].e - k->v[i].s;
    }
    out[n] = '\0';
    return out;
}

static bool is_abbreviation_dot(const toks *k, size_t dot)
{
    static const char *const abbrev[] = {
        "dhr", "mevr", "mw", "drs", "dr", "ir", "mr", "prof", "ing", "bijv",
        "ca", "nr", "o.a", "m.m.v", "t.a.v", "i.s.m", "ds", "st", "jl",
        "spr", "gem", "vz", NULL,
    };
    return dot > 0 && tok_in(k, dot - 1, abbrev);
}

/* Cuts tokens into sentences at . ! ? (not after abbreviations). */
size_t vp_sp_sentences(const toks *k, sentence *out, size_t max)
{
    size_t n = 0, s = 0;
    for (size_t i = 0; i < k->n && n + 1 < max; i++) {
        if (k->v[i].kind != T_PUNCT)
            continue;
        char c = k->t[k->v[i].s];
        /* ";" too: "X moest afzeggen; Y nam het over" are two statements;
         * and a bullet opens a new item of a list written in a paragraph */
        bool bullet = k->v[i].e - k->v[i].s == 3 && memcmp(k->t + k->v[i].s, "\xE2\x80\xA2", 3) == 0;
        if (bullet) {
            if (i > s)
                out[n++] = (sentence){s, i};
            s = i + 1;
            continue;
        }
        /* "plv. directeur": a dot before a word in lower case ends an
         * abbreviation, not a sentence */
        bool lower_next = c == '.' && i + 1 < k->n && k->v[i + 1].kind == T_WORD &&
                          vp_ex_is_lower(k->t + k->v[i + 1].s, k->v[i + 1].e - k->v[i + 1].s);
        /* "v.l.n.r.: X, Y": a dot before a colon ends an abbreviation
         * that introduces the names, not a sentence */
        bool colon_next = c == '.' && i + 1 < k->n && tok_punct(k, i + 1, ':');
        if ((c == '.' || c == '!' || c == '?' || c == ';') && !is_abbreviation_dot(k, i) &&
            !lower_next && !colon_next) {
            if (i > s)
                out[n++] = (sentence){s, i};
            s = i + 1;
        }
    }
    if (s < k->n)
        out[n++] = (sentence){s, k->n};
    return n;
}

size_t vp_sp_sentence_find(const toks *k, const sentence *s, vp_speaker_list list)
{
    char buf[1024];
    size_t base = k->v[s->s].s;
    vp_ex_lower(k->t, base, k->v[s->e - 1].e, buf, sizeof buf);
    size_t at = SIZE_MAX;
    for (const char *const *e = SW(k, list); *e; e++) {
        const char *hit = vp_speaker_words_find(buf, *e);
        if (hit && (size_t)(hit - buf) < at)
            at = (size_t)(hit - buf);
    }
    if (at == SIZE_MAX)
        return SIZE_MAX;
    size_t t = s->s;
    while (t < s->e && k->v[t].e <= base + at)
        t++;
    return t;
}

bool vp_sp_sentence_has(const toks *k, const sentence *s, vp_speaker_list list)
{
    char buf[1024];
    vp_ex_lower(k->t, k->v[s->s].s, k->v[s->e - 1].e, buf, sizeof buf);
    return vp_speaker_words_in(k->w, list, buf);
}

/* ---- called names ---- */

/* The length of initials at s ("H.J. ", "M. ") with the blank after them,
 * or 0. */
static size_t formal_initials_at(const char *s)
{
    size_t i = 0;
    while (s[i] >= 'A' && s[i] <= 'Z' && s[i + 1] == '.')
        i += 2;
    return i > 0 && s[i] == ' ' ? i + 1 : 0;
}

/* The length of "(Given) " at s, a called name in parentheses before the
 * surname, or 0; *given and *n its word. */
static size_t called_name_at(const char *s, const char **given, size_t *n)
{
    if (s[0] != '(' || !vp_ex_is_upper(s + 1, strlen(s + 1)))
        return 0;
    size_t e = 1;
    while (s[e] && s[e] != ')' && s[e] != ' ' && s[e] != ',' && e < 40)
        e++;
    if (s[e] != ')' || s[e + 1] != ' ' || e < 3)
        return 0;
    *given = s + 1;
    *n = e - 1;
    return e + 2;
}

char *vp_sp_called_names(const char *text)
{
    vp_buf out = VP_BUF_INIT;
    size_t copied = 0;
    for (size_t i = 0; text[i]; i++) {
        if (i > 0 && !(text[i - 1] == ' ' || text[i - 1] == '('))
            continue;
        size_t in = formal_initials_at(text + i);
        const char *given;
        size_t n, cn = in ? called_name_at(text + i + in, &given, &n) : 0;
        if (!cn)
            continue;
        vp_buf_append(&out, text + copied, i - copied);
        vp_buf_append(&out, given, n);
        vp_buf_putc(&out, ' ');
        copied = i + in + cn;
        i = copied - 1;
    }
    if (!copied) {
        vp_buf_free(&out);
        return NULL;
    }
    vp_buf_puts(&out, text + copied);
    return vp_buf_detach(&out);
}

/* ---- handles ---- */

/* The length of a social-media handle at s ("@gemeente_emmen"), or 0. */
static size_t handle_at(const char *s)
{
    if (s[0] != '@')
        return 0;
    size_t i = 1;
    while ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
           (s[i] >= '0' && s[i] <= '9') || s[i] == '_')
        i++;
    return i > 1 ? i : 0;
}

char *vp_sp_drop_handles(const char *text)
{
    if (!strchr(text, '@'))
        return NULL;
    vp_buf out = VP_BUF_INIT;
    bool dropped = false;
    for (size_t i = 0; text[i];) {
        size_t h = text[i] == '(' ? handle_at(text + i + 1) : 0;
        if (h && text[i + 1 + h] == ')') {   /* "Anna Smit (@annasmit)" */
            while (out.len > 0 && out.s[out.len - 1] == ' ')
                out.s[--out.len] = '\0';
            i += h + 2;
            dropped = true;
            continue;
        }
        if (h && text[i + 1 + h] == ',') {   /* "(@UWVnl, werkgeversservicepunt)" */
            vp_buf_putc(&out, '(');
            i += h + 2;
            while (text[i] == ' ')
                i++;
            dropped = true;
            continue;
        }
        h = (i == 0 || text[i - 1] == ' ') ? handle_at(text + i) : 0;
        if (h && text[i + h] == ',' && text[i + h + 1] == ' ' &&
            vp_ex_is_upper(text + i + h + 2, strlen(text + i + h + 2))) {
            i += h + 2;   /* "door @wethouderbakker, Roelof Bakker" */
            dropped = true;
            continue;
        }
        vp_buf_putc(&out, text[i++]);
    }
    if (!dropped) {
        vp_buf_free(&out);
        return NULL;
    }
    return vp_buf_detach(&out);
}
