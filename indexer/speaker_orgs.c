/*
 * speaker_orgs.c: the organisation and role around a name, in prose
 * ("Peter Smit (U10)", "Hamit Karakus, directeur Platform31", "wethouder
 * Anna de Wit") and in a front matter speaker string ("burgemeester Govert
 * Veldhuijzen (Gorinchem)").  See speakers_internal.h and extract.h.
 */
#include "speakers_internal.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "mem.h"
#include "text.h"

/* Capitalised words from i, the last of at most three an organisation
 * word ("Cultureel Planbureau"). */
static bool org_word_ends(const toks *k, size_t i, size_t limit)
{
    for (size_t j = i; j < limit && j < i + 3; j++) {
        if (k->v[j].kind != T_WORD || !vp_ex_is_upper(k->t + k->v[j].s, 1))
            return false;
        if (tok_in(k, j, SW(k, VP_SW_ORG_WORD)))
            return true;
    }
    return false;
}

/* Organisation tokens at i: capitalised words, acronyms, "Platform31",
 * possibly after "gemeente"/"de gemeente"; returns the end token. */
size_t vp_sp_org_at(const toks *k, size_t i, size_t limit, size_t *start)
{
    size_t j = i;
    while (j < limit && (tok_is(k, j, "de") || tok_is(k, j, "het") || tok_is(k, j, "the") ||
                         tok_is(k, j, "gemeente") || tok_is(k, j, "gastgemeente")))
        j++;
    /* "van energiecoöperatie Eemenergie", "bij adviesbureau Stec Groep" */
    for (size_t skip = 0; skip < 2 && j + 1 < limit && k->v[j].kind == T_WORD &&
                          vp_ex_is_lower(k->t + k->v[j].s, k->v[j].e - k->v[j].s) &&
                          !tok_is(k, j, "en") && !tok_in(k, j, SW(k, VP_SW_VERB_AFTER));
         skip++) {
        size_t nx = j + 1;
        if (k->v[nx].kind == T_WORD && vp_ex_is_upper(k->t + k->v[nx].s, 1)) {
            j = nx;
            break;
        }
        if (!(tok_is(k, nx, "de") || tok_is(k, nx, "het")))
            break;
        j = nx;
    }
    *start = j;
    size_t n = 0;
    while (j < limit && n < 6) {
        /* "Stichting Lezen & Schrijven" */
        if (n > 0 && tok_punct(k, j, '&') && j + 1 < limit && k->v[j + 1].kind == T_WORD &&
            vp_ex_is_upper(k->t + k->v[j + 1].s, 1)) {
            j++;
            continue;
        }
        /* "Sociaal en Cultureel Planbureau": "en" inside a name that ends
         * in an organisation word, not two organisations */
        if (n > 0 && tok_is(k, j, "en") && org_word_ends(k, j + 1, limit)) {
            j++;
            continue;
        }
        if (k->v[j].kind != T_WORD)
            break;
        const char *s = k->t + k->v[j].s;
        size_t len = k->v[j].e - k->v[j].s;
        bool ok = vp_ex_is_upper(s, len) || (s[0] >= '0' && s[0] <= '9') ||
                  vp_ex_apostrophe(s, len);
        /* "Universiteit van Tilburg", "University of Applied Sciences" */
        bool inner = vp_sp_particle(k, j) || tok_is(k, j, "of") || tok_is(k, j, "for") ||
                     tok_is(k, j, "on") || tok_is(k, j, "voor");
        if (!ok && n > 0 && tok_is(k, j, "voor") && (tok_is(k, j + 1, "het") ||
                                                     tok_is(k, j + 1, "de")) &&
            j + 2 < limit && vp_ex_is_upper(k->t + k->v[j + 2].s, 1)) {
            j += 2;   /* "Rijksdienst voor het Cultureel Erfgoed" */
            continue;
        }
        if (!ok && !(n > 0 && inner && j + 1 < limit && k->v[j + 1].kind == T_WORD &&
                     vp_ex_is_upper(k->t + k->v[j + 1].s, 1)))
            break;
        j++;
        n++;
    }
    return n ? j : i;
}

/* Role before a name (token p is right before the name): "burgemeester",
 * "strategische adviseur".  Returns the role and the first role token. */
const char *vp_sp_role_before(const toks *k, size_t p, size_t *first,
                               char **owned)
{
    *owned = NULL;
    const char *r = vp_sp_role(k, p);
    if (!r)
        return NULL;
    *first = p;
    if (p > 0 && tok_in(k, p - 1, SW(k, VP_SW_ROLE_ADJECTIVE))) {
        *first = p - 1;
        char buf[64];
        vp_ex_lower(k->t, k->v[p - 1].s, k->v[p - 1].e, buf, sizeof buf);
        size_t n = strlen(buf);
        if (n > 1 && buf[n - 1] == 'e' && strcmp(buf, "senior") != 0)
            buf[n - 1] = '\0';   /* strategische -> strategisch */
        vp_buf role = VP_BUF_INIT;
        vp_buf_printf(&role, "%s %s", buf, r);
        *owned = vp_buf_detach(&role);
    }
    return r;
}

/* True when tokens [c, close) hold nothing but digits ("(2019)"). */
static bool only_digits(const toks *k, size_t c, size_t close)
{
    for (size_t j = k->v[c].s; j < k->v[close - 1].e; j++)
        if (!(k->t[j] >= '0' && k->t[j] <= '9') && k->t[j] != ' ' && k->t[j] != '-')
            return false;
    return true;
}

size_t vp_sp_paren_after(const toks *k, size_t i, size_t limit, mention *m, bool *cue)
{
    *cue = false;
    if (!tok_punct(k, i, '('))
        return 0;
    size_t close = i + 1;
    while (close < limit && close < i + 16 && !tok_punct(k, close, ')'))
        close++;
    if (close >= limit || !tok_punct(k, close, ')') || close == i + 1)
        return 0;
    size_t c = i + 1;
    /* "(plv. directeur Pon/Telos)": a role after an adjective or an
     * abbreviation goes with the person */
    size_t r = c;
    while (r + 1 < close && r < c + 3 && (tok_in(k, r, SW(k, VP_SW_ROLE_ADJECTIVE)) ||
                                          tok_punct(k, r, '.')))
        r++;
    const char *role = vp_sp_role(k, r);
    if (role) {
        m->role = role;
        c = r + 1;
        while (c < close && (tok_is(k, c, "van") || tok_is(k, c, "bij") ||
                             tok_is(k, c, "of") || tok_punct(k, c, ',')))
            c++;
        *cue = true;
    } else {
        while (c < close && (tok_is(k, c, "van") || tok_is(k, c, "of")))
            c++;
        const char *s = k->t + k->v[c].s;
        size_t n = k->v[c].e - k->v[c].s;
        bool org = vp_ex_is_upper(s, n) || (s[0] >= '0' && s[0] <= '9') ||
                   vp_ex_apostrophe(s, n) || tok_is(k, c, "gemeente") ||
                   tok_is(k, c, "provincie") || tok_is(k, c, "ministerie") ||
                   tok_in(k, c, SW(k, VP_SW_ORG_WORD));   /* "(politie, eenheid Noord)" */
        size_t os = c;
        if (!org && vp_sp_org_at(k, c, close, &os) > os)
            org = true;   /* "(voormalig ZLTO)", "(uitzendbureau Flexpoint)" */
        if (!org || only_digits(k, c, close))
            return 0;   /* "(zie hieronder)", "(2019)", "(presentatie A. Smit)": read on */
        *cue = true;
    }
    if (c < close) {
        free(m->org);
        m->org = vp_sp_text(k, c, close);
    }
    return close + 1;
}

/* ", directeur Platform31" after a name.  Returns the token after it, or 0
 * when the comma starts something else (a next name). */
size_t vp_sp_comma_role_after(const doc_ctx *dc, const toks *k, size_t i,
                               size_t limit, mention *m)
{
    if (!tok_punct(k, i, ',') && !tok_dash(k, i))
        return 0;
    size_t r = i + 1;
    size_t adj = r;
    if (tok_in(k, r, SW(k, VP_SW_ROLE_ADJECTIVE)))
        r++;
    /* ", Chief Information Officer of X", ", European Commissioner for Y": a
     * title of capitalised words ending in a role */
    for (size_t t = r; t < r + 3 && t < limit && !vp_sp_role(k, r); t++) {
        if (k->v[t].kind != T_WORD || !vp_ex_is_upper(k->t + k->v[t].s, 1))
            break;
        if (vp_sp_role(k, t + 1) && vp_ex_is_upper(k->t + k->v[t + 1].s, 1))
            r = t + 1;
    }
    const char *role = vp_sp_role(k, r);
    if (!role)
        return 0;
    name_span next;
    if (vp_sp_name_at(dc, k, r + 1, &next) &&
        (tok_punct(k, next.e, '(') || tok_in(k, next.e, SW(k, VP_SW_VERB_AFTER)) ||
         (next.words >= 2 && next.e < limit && !tok_punct(k, next.e, ','))))
        return 0;   /* ", burgemeester Backhuys (Nieuwegein)": a next name */
    char *owned = NULL;
    size_t first;
    vp_sp_role_before(k, r, &first, &owned);
    (void)adj;
    m->role = role;
    free(m->role_owned);
    m->role_owned = owned;
    size_t j = r + 1;
    while (j < limit && (tok_is(k, j, "van") || tok_is(k, j, "bij") ||
                         tok_is(k, j, "namens") || tok_is(k, j, "in")))
        j++;
    size_t os;
    size_t oe = vp_sp_org_at(k, j, limit, &os);
    if (oe > os) {
        free(m->org);
        m->org = vp_sp_text(k, os, oe);
        return oe;
    }
    /* ", beleidsadviseur duurzaamheid in Zeist, vertelde": the rest of the
     * apposition, up to its comma */
    size_t c = r + 1;
    while (c < limit && c < r + 4 && k->v[c].kind == T_WORD &&
           vp_ex_is_lower(k->t + k->v[c].s, k->v[c].e - k->v[c].s) && !tok_is(k, c, "en") &&
           !tok_is(k, c, "in") && !tok_in(k, c, SW(k, VP_SW_VERB_AFTER)))
        c++;
    if ((tok_is(k, c, "in") || tok_is(k, c, "bij")) && c + 1 < limit &&
        k->v[c + 1].kind == T_WORD && vp_ex_is_upper(k->t + k->v[c + 1].s, 1))
        c += 2;
    if (c > r + 1 && tok_punct(k, c, ','))
        return c;
    return r + 1;
}

static bool is_role_text(const vp_speaker_words *w, const char *s, size_t n,
                         size_t *role_len)
{
    /* one or two words: "burgemeester", "strategisch adviseur" */
    size_t w1 = strcspn(s, " ,()");
    if (w1 > n)
        w1 = n;
    if (vp_speaker_words_has(w, VP_SW_ROLE, s, w1)) {
        *role_len = w1;
        return true;
    }
    if (!vp_speaker_words_has(w, VP_SW_ROLE_ADJECTIVE, s, w1) || w1 >= n || s[w1] != ' ')
        return false;
    const char *s2 = s + w1 + 1;
    size_t w2 = strcspn(s2, " ,()");
    if (!vp_speaker_words_has(w, VP_SW_ROLE, s2, w2))
        return false;
    *role_len = w1 + 1 + w2;
    return true;
}

static char *trimmed_copy(const char *s, size_t n)
{
    while (n > 0 && (is_space(*s) || *s == ',')) {
        s++;
        n--;
    }
    while (n > 0 && (is_space(s[n - 1]) || s[n - 1] == ',' || s[n - 1] == '.'))
        n--;
    return n ? vp_xstrndup(s, n) : NULL;
}

/* "wethouder van Gorinchem", "directeur Platform31", "Platform31" */
static void parse_org_role(const vp_speaker_words *w, const char *s, size_t n,
                           char **org, char **role)
{
    while (n > 0 && is_space(*s)) {
        s++;
        n--;
    }
    size_t rl;
    if (!*role && is_role_text(w, s, n, &rl)) {
        *role = vp_xstrndup(s, rl);
        if (*role)
            for (char *c = *role; *c; c++)
                if (*c >= 'A' && *c <= 'Z')
                    *c = (char)(*c - 'A' + 'a');
        s += rl;
        n -= rl;
        while (n > 0 && (is_space(*s) || *s == ',')) {
            s++;
            n--;
        }
        static const char *const links[] = {"van ", "bij ", "namens ", "in ", NULL};
        for (size_t l = 0; links[l]; l++) {
            size_t ll = strlen(links[l]);
            if (n >= ll && vp_ex_eq(s, ll, links[l])) {
                s += ll;
                n -= ll;
                break;
            }
        }
    } else if (n >= 4 && vp_ex_eq(s, 4, "van ")) {
        s += 4;
        n -= 4;
    }
    if (!*org)
        *org = trimmed_copy(s, n);
}

bool vp_parse_speaker(const vp_speaker_words *w, const char *s, char **name, char **org,
                      char **role)
{
    *name = *org = *role = NULL;
    if (!s)
        return false;
    while (is_space(*s))
        s++;
    size_t len = strlen(s), rl;
    /* a leading role: "burgemeester Govert Veldhuijzen (Gorinchem)" */
    if (is_role_text(w, s, len, &rl) && rl < len && s[rl] == ' ') {
        size_t after = rl + 1;
        if (after < len && vp_ex_is_upper(s + after, len - after)) {
            *role = vp_xstrndup(s, rl);
            for (char *c = *role; c && *c; c++)
                if (*c >= 'A' && *c <= 'Z')
                    *c = (char)(*c - 'A' + 'a');
            s += after;
            len -= after;
        }
    }
    /* honorifics */
    static const char *const hon[] = {"de heer ", "dhr. ", "dhr ", "mevrouw ",
                                      "mevr. ", "mw. ", "prof. ", "dr. ",
                                      "drs. ", "ir. ", "mr. ", NULL};
    for (bool again = true; again;) {
        again = false;
        for (size_t h = 0; hon[h]; h++) {
            size_t hl = strlen(hon[h]);
            if (len > hl && vp_ex_eq(s, hl, hon[h])) {
                s += hl;
                len -= hl;
                again = true;
            }
        }
    }
    size_t name_end = len;
    const char *stops[] = {"(", ",", " - ", " \xE2\x80\x93 ", " | ", ":", ";",
                           NULL};
    for (size_t k = 0; stops[k]; k++) {
        const char *hit = strstr(s, stops[k]);
        if (hit && (size_t)(hit - s) < name_end)
            name_end = (size_t)(hit - s);
    }
    *name = trimmed_copy(s, name_end);
    if (!*name || !(vp_ex_is_upper(*name, strlen(*name)) ||
                    ((*name)[0] >= 'a' && (*name)[0] <= 'z' &&
                     vp_ex_is_particle(*name, strcspn(*name, " "))))) {
        free(*name);
        free(*role);
        *name = *role = NULL;
        return false;
    }
    const char *rest = s + name_end;
    size_t rest_len = len - name_end;
    if (rest_len > 0 && rest[0] == '(') {
        const char *close = memchr(rest, ')', rest_len);
        size_t inner = close ? (size_t)(close - rest - 1) : rest_len - 1;
        parse_org_role(w, rest + 1, inner, org, role);
        size_t used = close ? (size_t)(close - rest + 1) : rest_len;
        rest += used;
        rest_len -= used;
    }
    while (rest_len > 0 && (is_space(*rest) || *rest == ',' || *rest == '-' ||
                            *rest == '|' || *rest == ':' || *rest == ';' ||
                            (unsigned char)*rest >= 0x80)) {
        if ((unsigned char)*rest >= 0x80 &&
            !((unsigned char)rest[0] == 0xE2 && rest_len >= 3 &&
              (unsigned char)rest[1] == 0x80 && ((unsigned char)rest[2] == 0x93 ||
                                                 (unsigned char)rest[2] == 0x94)))
            break;
        size_t step = (unsigned char)*rest >= 0x80 ? 3 : 1;
        rest += step;
        rest_len -= step;
    }
    if (rest_len > 0)
        parse_org_role(w, rest, rest_len, org, role);
    return true;
}

/* "wethouder Economie, Anna Smit, opent", "onze teamleider Handhaving, Anna
 * Smit.": the one capitalised word after a role at q is its portfolio when
 * a comma and a full name follow that ends its clause (not "wethouder
 * Bakker, Anna Smit en Piet Bos": a list of people). */
bool vp_sp_portfolio_then_name(const doc_ctx *dc, const toks *k, size_t limit, size_t q)
{
    name_span span;
    if (q >= k->n || k->v[q].kind != T_WORD || !vp_ex_is_upper(k->t + k->v[q].s, 1) ||
        !tok_punct(k, q + 1, ',') ||
        !vp_sp_name_at(dc, k, q + 2, &span) || span.words < 2 || span.initials)
        return false;
    return span.e >= limit || tok_punct(k, span.e, ',') || tok_punct(k, span.e, '.') ||
           tok_punct(k, span.e, '(');
}

/* "de burgemeester van Tiel, Anna Smit", "de voorzitter van het PMG, Anna
 * Smit": after a role at q, "van" and a place or an organisation, then a
 * comma and a full name; the token of the name, or q. */
size_t vp_sp_role_of_place_name(const doc_ctx *dc, const toks *k, size_t limit, size_t q)
{
    if (!(tok_is(k, q, "van") || tok_is(k, q, "of")))
        return q;
    size_t c = q + 1;
    while (c < limit && c < q + 6 && k->v[c].kind == T_WORD &&
           !memchr(k->t + k->v[c - 1].e, '\n', k->v[c].s - k->v[c - 1].e))   /* one line */
        c++;
    size_t n = c + 1;   /* "onderzoeker van TNO, dr. Anna Smit" */
    while (n < limit && (tok_in(k, n, SW(k, VP_SW_HONORIFIC)) || tok_punct(k, n, '.')))
        n++;
    name_span span;
    if (c == q + 1 || c >= q + 6 || !tok_punct(k, c, ',') ||
        !vp_sp_name_at(dc, k, n, &span) || span.words < 2 || span.initials)
        return q;
    return c + 1;
}
