/*
 * speaker_names.c: where in a sentence's tokens a person's name stands (see
 * speakers_internal.h).
 *
 * A name is 1-4 capitalised words with lower-case particles inside ("Koos
 * van Dijken", "J.P. de Vries"), not a municipality, not made only of words
 * the report also writes in lower case ("Concept Binnenstad").
 */
#include "speakers_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "text.h"

/* Words of the set are kept in ASCII lower case, 3 to 40 bytes long. */
#define LOWER_MIN 3
#define LOWER_MAX 40

/* s[0..n) in ASCII lower case into buf (LOWER_MAX bytes); false when it is
 * no length the set holds. */
static bool lowered(const char *s, size_t n, char *buf)
{
    if (n < LOWER_MIN || n > LOWER_MAX)
        return false;
    for (size_t i = 0; i < n; i++)
        buf[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];
    return true;
}

static bool lower_set_has(const doc_ctx *dc, const char *s, size_t n)
{
    char buf[LOWER_MAX];
    return dc->lower_words && lowered(s, n, buf) &&
           vp_strset_find(dc->lower_words, buf, n) != VP_STRSET_NONE;
}

static void lower_set_add(doc_ctx *dc, const char *s, size_t n)
{
    char buf[LOWER_MAX];
    if (lowered(s, n, buf))
        vp_strset_add(dc->lower_words, buf, n, NULL);
}

void vp_sp_doc_free(doc_ctx *dc)
{
    vp_strset_free(dc->lower_words);
    dc->lower_words = NULL;
}

/* The key under which "Van Dijk" is remembered: "van dijk". */
static size_t van_key(const char *t, size_t ws, size_t we, char *buf, size_t cap)
{
    int n = snprintf(buf, cap, "van %.*s", (int)(we - ws), t + ws);
    if (n < 0 || (size_t)n >= cap)
        return 0;
    for (char *c = buf; *c; c++)
        if (*c >= 'A' && *c <= 'Z')
            *c = (char)(*c - 'A' + 'a');
    return (size_t)n;
}

/* The lower-case words of the report, and the surnames it writes with a
 * capital "Van" ("Van Steenbergen sloot af"): evidence that "van
 * Steenbergen" after a given name is a surname, not "from Steenbergen". */
void vp_sp_doc_words(doc_ctx *dc, const vp_parsed *p)
{
    if (!dc->lower_words)
        dc->lower_words = vp_strset_new();
    for (size_t i = 0; i < p->n_blocks; i++) {
        const char *t = p->blocks[i].text;
        size_t len = strlen(t), pos = 0, ws, we;
        bool after_van = false;
        while (pos < len) {
            if (!vp_ex_next_word(t, len, pos, &ws, &we)) {
                pos += vp_ex_charlen(t + pos, len - pos);
                after_van = false;
                continue;
            }
            if (t[ws] >= 'a' && t[ws] <= 'z')
                lower_set_add(dc, t + ws, we - ws);
            if (after_van && vp_ex_is_upper(t + ws, we - ws)) {
                char key[64];
                size_t n = van_key(t, ws, we, key, sizeof key);
                if (n)
                    lower_set_add(dc, key, n);
            }
            bool van = we - ws == 3 && memcmp(t + ws, "Van", 3) == 0;
            bool inner = after_van && (vp_ex_eq(t + ws, we - ws, "der") ||
                                       vp_ex_eq(t + ws, we - ws, "den") ||
                                       vp_ex_eq(t + ws, we - ws, "de"));
            after_van = van || inner;
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
    if (n > 3 && (s[0] == 'd' || s[0] == 'l') && s[1] == '\'' && vp_ex_is_upper(s + 2, n - 2))
        return true;   /* "d'Hooghe", "l'Ami" */
    if (n < 2 || !vp_ex_is_upper(s, n))
        return false;
    size_t c1 = vp_ex_charlen(s, n);
    bool ij = n > 2 && s[0] == 'I' && s[1] == 'J';
    if (!ij && !vp_ex_is_lower(s + c1, n - c1))
        return false;
    /* "WoON", "CdK", "ProRail": a capital after a small letter is no name
     * ("McDonald" and "MacLeod" are) */
    bool mc = (n > 3 && s[0] == 'M' && s[1] == 'c') || (n > 4 && memcmp(s, "Mac", 3) == 0);
    for (size_t j = c1; j + 1 < n && !mc; j++)
        if (vp_ex_is_lower(s + j, n - j) && vp_ex_is_upper(s + j + 1, n - j - 1) &&
            !(ij && j == 0))
            return false;
    for (size_t j = 0; j < n; j++) {
        if (s[j] >= '0' && s[j] <= '9')
            return false;
        /* "Kapitein-ter-zee", "PMG-lid": a part in lower case that is no
         * particle ("Nowak-de") makes a word, not a name */
        if (s[j] == '-' && j + 1 < n && vp_ex_is_lower(s + j + 1, n - j - 1)) {
            size_t e = j + 1;
            while (e < n && s[e] != '-')
                e++;
            if (!vp_person_is_particle(s + j + 1, e - j - 1) || e < n)
                return false;
        }
    }
    /* "Bürgermeister", "Alderman": a role is never part of a name, nor a
     * speaking noun or verb opening a sentence ("Toespraak van burgemeester
     * Anna Smit") */
    return !tok_in(k, i, SW(k, VP_SW_NOT_NAME)) && !tok_in(k, i, SW(k, VP_SW_ROLE)) &&
           !tok_in(k, i, SW(k, VP_SW_VERB_BEFORE));
}

static bool is_municipality(const doc_ctx *dc, const toks *k, size_t s, size_t e)
{
    if (!dc->gazetteer)
        return false;
    char *name = vp_xstrndup(k->t + k->v[s].s, k->v[e - 1].e - k->v[s].s);
    bool found = vp_gazetteer_lookup(dc->gazetteer, name) != NULL;
    free(name);
    return found;
}

/* Token i ends in "-<particle>": "Hofstra-de" before "Vries". */
static bool ends_in_particle(const toks *k, size_t i)
{
    const char *s = k->t + k->v[i].s;
    size_t n = k->v[i].e - k->v[i].s;
    size_t h = n;
    while (h > 0 && s[h - 1] != '-')
        h--;
    return h > 1 && h < n && vp_person_is_particle(s + h, n - h);
}

/* No line break between tokens a and b: a name never runs over one (a
 * heading glued to the next line, a list of names one per line). */
static bool same_line(const toks *k, size_t a, size_t b)
{
    return !memchr(k->t + k->v[a].e, '\n', k->v[b].s - k->v[a].e);
}

/* A particle in any case ("van", "Van", "'t"). */
static bool any_particle(const toks *k, size_t i)
{
    return i < k->n && k->v[i].kind == T_WORD &&
           vp_person_is_particle(k->t + k->v[i].s, k->v[i].e - k->v[i].s);
}

/* A capitalised word after particles: the surname, even when it is a
 * common word ("van der Meer", "van den Berg"). */
static bool surname_word(const toks *k, size_t i)
{
    if (i >= k->n || k->v[i].kind != T_WORD)
        return false;
    const char *s = k->t + k->v[i].s;
    size_t n = k->v[i].e - k->v[i].s;
    size_t c1 = vp_ex_charlen(s, n);
    return n >= 2 && vp_ex_is_upper(s, n) && vp_ex_is_lower(s + c1, n - c1);
}

/* Particles from token i that lead to a surname: the token of its first
 * word, or 0.  "in" and "op" only before another particle ("In 't Veld");
 * opening a name (open), the word after them must be a name word. */
static size_t after_particles(const toks *k, size_t i, bool open)
{
    size_t p = i;
    while (p < k->n && any_particle(k, p) && p - i < 3 && (p == i || same_line(k, p - 1, p)))
        p++;
    if (p == i || p >= k->n || !same_line(k, p - 1, p))
        return 0;
    if (!(open ? vp_sp_name_word(k, p) : surname_word(k, p)))
        return 0;
    if (p == i + 1 && (tok_is(k, i, "in") || tok_is(k, i, "op")))
        return 0;
    return p;
}

/* "van" after two capitalised words ("Frans Backhuys van Nieuwegein",
 * "Stefan Bauer van de Kreis Viersen"): the organisation or the place
 * follows, unless "van der"/"van den", a double given name before it ("Jan
 * Willem van Steenbergen"), or the report writes "Van X" as a surname
 * elsewhere ("Van Steenbergen sloot af"). */
bool vp_sp_van_org(const doc_ctx *dc, const toks *k, size_t van)
{
    size_t p = van + 1;
    /* "Pieter Kuiper van Den Helder": a particle written with a capital
     * after "van" opens a place, not the rest of the surname */
    if (p + 1 < k->n && any_particle(k, p) && vp_ex_is_upper(k->t + k->v[p].s, 1) &&
        same_line(k, p, p + 1) && is_municipality(dc, k, p, p + 2))
        return true;
    if (tok_is(k, p, "der") || tok_is(k, p, "den") || tok_is(k, p, "'t"))
        return false;
    if (p >= k->n || !surname_word(k, p))
        return true;   /* "van de Kreis", "van ProRail", "van het Clusius College" */
    if (van > 0 && tok_in(k, van - 1, SW(k, VP_SW_SECOND_GIVEN)))
        return false;   /* "Jan Willem" is no full name yet */
    char key[64];
    size_t n = van_key(k->t, k->v[p].s, k->v[p].e, key, sizeof key);
    return !(n && lower_set_has(dc, key, n));
}

bool vp_sp_opens_surname(const toks *k, size_t i)
{
    return any_particle(k, i) && vp_ex_is_upper(k->t + k->v[i].s, 1) &&
           after_particles(k, i, true) != 0;
}

/* The longest name starting at token i: initials or a capitalised
 * particle ("Van Dijk", "De Groot", "In 't Veld") may open it. */
bool vp_sp_name_at(const doc_ctx *dc, const toks *k, size_t i, name_span *out)
{
    size_t j = i, words = 0, end = 0;
    bool initials = false, particles = false;
    while (j < k->n && k->v[j].kind == T_INITIALS && words == 0) {
        initials = true;
        words++;
        j++;
    }
    if (!initials && any_particle(k, j) && vp_ex_is_upper(k->t + k->v[j].s, 1)) {
        size_t p = after_particles(k, j, true);
        if (!p)
            return false;
        particles = true;
        j = p;
    }
    while (j < k->n) {
        if (j > i && !same_line(k, j - 1, j))
            break;
        if (vp_sp_name_word(k, j)) {
            /* "Sjoerd Bakker Sittard-Geleen": a municipality after a full
             * name is not part of it */
            if (words >= 2 && !initials && !ends_in_particle(k, j - 1) &&
                is_municipality(dc, k, j, j + 1))
                break;
            words++;
            end = ++j;
            continue;
        }
        if (any_particle(k, j) && words) {
            /* one group of particles in a name: a second "van" starts the
             * organisation ("Marieke van den Broek van Movisie"); "in" after
             * a full name is a preposition ("Bart Smit in de Stentor") */
            if (particles || (words >= 2 && tok_is(k, j, "van") && vp_sp_van_org(dc, k, j)) ||
                (words >= 2 && (tok_is(k, j, "in") || tok_is(k, j, "op"))))
                break;
            size_t p = after_particles(k, j, false);
            if (!p)
                break;
            /* "Keynote van Wouter Bosch", "Workshop van Anna de Wit": a
             * word, then "van" and a full name, is what that person gave */
            if (words == 1 && !initials && tok_is(k, j, "van") && p == j + 1 &&
                vp_sp_name_word(k, p + 1) && same_line(k, p, p + 1))
                return false;
            particles = true;
            j = p;
            /* the surname after particles counts even if it is a common word */
            words++;
            end = ++j;
            continue;
        }
        /* "Smulders - de Wit": a double surname with a spaced hyphen */
        if (words >= 2 && tok_dash(k, j) && vp_sp_particle(k, j + 1) &&
            after_particles(k, j + 1, false)) {
            j = after_particles(k, j + 1, false);
            words++;
            end = ++j;
            continue;
        }
        break;
    }
    if (!end || words > 4 || (initials && words < 2))
        return false;
    /* ordinary words in capitals ("Concept Binnenstad") */
    bool all_known = true;
    for (size_t w = i; w < end; w++)
        if (k->v[w].kind == T_WORD && !any_particle(k, w) &&
            !lower_set_has(dc, k->t + k->v[w].s, k->v[w].e - k->v[w].s))
            all_known = false;
    if (all_known && !initials)
        return false;
    /* "Bergen op Zoom", "Capelle aan den IJssel": a place read on */
    for (size_t e = end; e <= end + 3 && e <= k->n; e++)
        if (is_municipality(dc, k, i, e))
            return false;
    /* "Expertise Centre", "Stichting Groene Kracht": an organisation */
    for (size_t w = i; w < end; w++)
        if (tok_in(k, w, SW(k, VP_SW_ORG_WORD)))
            return false;
    if (i > 0 && tok_in(k, i - 1, SW(k, VP_SW_ORG_WORD)) &&
        vp_ex_is_upper(k->t + k->v[i - 1].s, 1) && same_line(k, i - 1, i))
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
