/*
 * speaker_names.c: where in a sentence's tokens a person's name stands (see
 * speakers_internal.h).
 *
 * A name is 1-4 capitalised words with lower-case particles inside ("Koos
 * van Dijken", "J.P. de Vries"), not a municipality, not made only of words
 * the report also writes in lower case ("Concept Binnenstad").
 */
#include "speakers_internal.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

static size_t hash_bytes(const char *s, size_t n)
{
    size_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c - 'A' + 'a');
        h = (h ^ c) * 1099511628211ull;
    }
    return h;
}

static bool lower_set_has(const doc_ctx *dc, const char *s, size_t n)
{
    if (!dc->cap_lower)
        return false;
    size_t mask = dc->cap_lower - 1;
    for (size_t h = hash_bytes(s, n) & mask;; h = (h + 1) & mask) {
        const char *w = dc->lower_words[h];
        if (!w)
            return false;
        if (strlen(w) == n && vp_ex_eq(s, n, w))
            return true;
    }
}

static void lower_set_add(doc_ctx *dc, const char *s, size_t n)
{
    if (n < 3 || n > 40 || lower_set_has(dc, s, n))
        return;
    if ((dc->n_lower + 1) * 2 > dc->cap_lower) {
        size_t cap = dc->cap_lower ? dc->cap_lower * 2 : 1024;
        char **grown = calloc(cap, sizeof *grown);
        if (!grown)
            return;
        for (size_t i = 0; i < dc->cap_lower; i++) {
            char *w = dc->lower_words[i];
            if (!w)
                continue;
            size_t h = hash_bytes(w, strlen(w)) & (cap - 1);
            while (grown[h])
                h = (h + 1) & (cap - 1);
            grown[h] = w;
        }
        free(dc->lower_words);
        dc->lower_words = grown;
        dc->cap_lower = cap;
    }
    char *copy = vp_strndup(s, n);
    if (!copy)
        return;
    size_t mask = dc->cap_lower - 1;
    size_t h = hash_bytes(s, n) & mask;
    while (dc->lower_words[h])
        h = (h + 1) & mask;
    dc->lower_words[h] = copy;
    dc->n_lower++;
}

void vp_sp_doc_free(doc_ctx *dc)
{
    for (size_t i = 0; i < dc->cap_lower; i++)
        free(dc->lower_words[i]);
    free(dc->lower_words);
}

void vp_sp_doc_words(doc_ctx *dc, const vp_parsed *p)
{
    for (size_t i = 0; i < p->n_blocks; i++) {
        const char *t = p->blocks[i].text;
        size_t len = strlen(t), pos = 0, ws, we;
        while (pos < len) {
            if (!vp_ex_next_word(t, len, pos, &ws, &we)) {
                pos += vp_ex_charlen(t + pos, len - pos);
                continue;
            }
            if (t[ws] >= 'a' && t[ws] <= 'z')
                lower_set_add(dc, t + ws, we - ws);
            pos = we;
        }
    }
}

/* The canonical role for a word ("burgemeester"; "manager" for
 * "informatiemanager"), or NULL. */
const char *vp_sp_role(const toks *k, size_t i)
{
    if (i >= k->n || k->v[i].kind != T_WORD)
        return NULL;
    for (const char *const *r = SW(k, VP_SW_ROLE); *r; r++)
        if (tok_is(k, i, *r))
            return *r;
    const char *s = k->t + k->v[i].s;
    size_t n = k->v[i].e - k->v[i].s;
    for (const char *const *r = SW(k, VP_SW_ROLE_SUFFIX); *r; r++) {
        size_t l = strlen(*r);
        if (n > l + 2 && vp_ex_eq(s + n - l, l, *r))
            return *r;
    }
    return NULL;
}

/* A capitalised word that may be part of a name: "Marloes", "Jan-Willem",
 * "IJzerman"; not "PMG", "Platform31", "PMG-lid" or a function word. */
bool vp_sp_name_word(const toks *k, size_t i)
{
    if (i >= k->n || k->v[i].kind != T_WORD)
        return false;
    const char *s = k->t + k->v[i].s;
    size_t n = k->v[i].e - k->v[i].s;
    if (n < 2 || !vp_ex_is_upper(s, n))
        return false;
    size_t c1 = vp_ex_charlen(s, n);
    bool ij = n > 2 && s[0] == 'I' && s[1] == 'J';
    if (!ij && !vp_ex_is_lower(s + c1, n - c1))
        return false;
    for (size_t j = 0; j < n; j++)
        if (s[j] >= '0' && s[j] <= '9')
            return false;
    return !tok_in(k, i, SW(k, VP_SW_NOT_NAME));
}

static bool is_municipality(const doc_ctx *dc, const toks *k, size_t s, size_t e)
{
    if (!dc->gazetteer)
        return false;
    char *name = vp_strndup(k->t + k->v[s].s, k->v[e - 1].e - k->v[s].s);
    bool found = name && vp_gazetteer_lookup(dc->gazetteer, name) != NULL;
    free(name);
    return found;
}

/* The longest name starting at token i. */
bool vp_sp_name_at(const doc_ctx *dc, const toks *k, size_t i, name_span *out)
{
    size_t j = i, words = 0, end = 0;
    bool initials = false;
    while (j < k->n && k->v[j].kind == T_INITIALS && words == 0) {
        initials = true;
        words++;
        j++;
    }
    while (j < k->n) {
        if (vp_sp_name_word(k, j)) {
            words++;
            end = ++j;
            continue;
        }
        if (vp_sp_particle(k, j) && words) {
            size_t p = j;
            while (vp_sp_particle(k, p))
                p++;
            if (!vp_sp_name_word(k, p))
                break;
            /* "Frans Backhuys van Nieuwegein", "Karel de Jong van ProRail":
             * "van" after a full name introduces the organisation */
            if (words >= 2 && tok_is(k, j, "van"))
                break;
            j = p;
            continue;
        }
        break;
    }
    if (!end || words > 4 || (initials && words < 2))
        return false;
    /* ordinary words in capitals ("Concept Binnenstad") */
    bool all_known = true;
    for (size_t w = i; w < end; w++)
        if (k->v[w].kind == T_WORD && !vp_sp_particle(k, w) &&
            !lower_set_has(dc, k->t + k->v[w].s, k->v[w].e - k->v[w].s))
            all_known = false;
    if (all_known && !initials)
        return false;
    if (is_municipality(dc, k, i, end))
        return false;
    *out = (name_span){i, end, words, initials};
    return true;
}

/* Skips honorifics right before token i (going back); returns the token
 * before them. */
size_t vp_sp_before_honorifics(const toks *k, size_t i)
{
    size_t p = i;
    while (p > 0) {
        size_t q = p - 1;
        if (tok_punct(k, q, '.') && q > 0 && tok_in(k, q - 1, SW(k, VP_SW_HONORIFIC)))
            p = q - 1;
        else if (tok_in(k, q, SW(k, VP_SW_HONORIFIC)) || (tok_is(k, q, "de") && p < k->n &&
                                               tok_is(k, p, "heer")))
            p = q;
        else
            break;
    }
    return p;
}
