/*
 * extract_speakers.c: the speakers stage, the people who present, open,
 * lead or close (see extract.c).
 *
 * A block is cut into tokens (words, initials, punctuation) and sentences.
 * A person name is 1-4 capitalised words with lower-case particles inside
 * ("Koos van Dijken", "J.P. de Vries").  A name becomes a speaker only with
 * a trigger around it:
 *   - an organisation in parentheses:   "Peter Smit (U10)"
 *   - a role before it:                 "burgemeester Govert Veldhuijzen"
 *   - a role after a comma:             "Hamit Karakus, directeur Platform31"
 *   - a verb of speaking:               "presenteerden A en B van Platform31",
 *                                       "door A en B", "A vertelde"
 *   - a cell in a "Spreker" column or an item in a list of speakers.
 * Sentences about the audience ("aanwezig waren", "deelnemers") and lists
 * under such headings are skipped.  Mentions of one person are merged within
 * the report: "M. Hoogerbrugge" and a later "burgemeester Backhuys" join the
 * fullest form of the name.
 */
#include "speakers_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract_text.h"
#include "text.h"

/* ---- mentions ---- */

typedef struct mentions {
    mention *v;
    size_t n, cap;
    /* roles that speak without a name ("De voorzitter opent de
     * vergadering"): the one listed person with that role spoke */
    const char *speaking_roles[8];
    size_t n_speaking_roles;
} mentions;

/* Mentions kept per report: the merge compares mentions with persons, so
 * a pathological "report" of 100,000 names would take quadratic time; a
 * real one names a few dozen. */
#define MAX_MENTIONS 4096

static mention *add_mention(mentions *ms)
{
    if (ms->n >= MAX_MENTIONS)
        return NULL;
    if (ms->n == ms->cap) {
        size_t cap = ms->cap ? ms->cap * 2 : 16;
        mention *grown = realloc(ms->v, cap * sizeof *grown);
        if (!grown)
            return NULL;
        ms->v = grown;
        ms->cap = cap;
    }
    mention *m = &ms->v[ms->n++];
    memset(m, 0, sizeof *m);
    return m;
}

static void free_mentions(mentions *ms)
{
    for (size_t i = 0; i < ms->n; i++) {
        free(ms->v[i].name);
        free(ms->v[i].org);
        free(ms->v[i].role_owned);
        vp_person_name_clear(&ms->v[i].person);
    }
    free(ms->v);
}

/* ---- one sentence ---- */

typedef struct member {
    name_span span;
    mention m;
} member;

/* Copies a member's mention into the list (ownership moves). */
static void keep_member(mentions *out, member *mb, const toks *k)
{
    mention *m = add_mention(out);
    if (!m) {
        free(mb->m.org);
        free(mb->m.role_owned);
        return;
    }
    *m = mb->m;
    m->name = vp_sp_text(k, mb->span.s, mb->span.e);
    m->words = mb->span.words;
    m->initials = mb->span.initials;
    memset(&mb->m, 0, sizeof mb->m);
}

/* What the sentence around a group says about its names. */
typedef struct cues {
    size_t speaker_from;   /* "aan tafel zaten ...": names from here speak */
    size_t listed_from;    /* "bedankte ...": names from here did not */
    bool listed;           /* the text lists attendees or actions */
    size_t vetoed_before;  /* "X moest afzeggen, dus Y nam het over": the
                              names before here did not speak */
} cues;

/* Words that join the members of a group: "A en B", "A, B and C". */
static bool joins_members(const toks *k, size_t j)
{
    return tok_is(k, j, "en") || tok_is(k, j, "and") || tok_is(k, j, "und") ||
           tok_punct(k, j, ',') || tok_punct(k, j, '&');
}

/* Words that put an organisation after a name: "van", "of", "namens". */
static bool links_org(const toks *k, size_t j)
{
    return tok_is(k, j, "van") || tok_is(k, j, "namens") || tok_is(k, j, "bij") ||
           tok_is(k, j, "of") || tok_is(k, j, "from");
}

/* A role of several words at q ("Commissaris van de Koning"): its token
 * count, 0 when none; *role gets the entry. */
static size_t role_phrase(const toks *k, size_t q, size_t limit, const char **role)
{
    for (const char *const *r = SW(k, VP_SW_ROLE); *r; r++) {
        if (!strchr(*r, ' '))
            continue;
        size_t t = q;
        const char *w = *r;
        while (*w && t < limit) {
            char word[64];
            size_t n = strcspn(w, " ");
            if (n >= sizeof word)
                break;
            memcpy(word, w, n);
            word[n] = '\0';
            if (!tok_is(k, t, word))
                break;
            t++;
            w += n;
            while (*w == ' ')
                w++;
        }
        if (!*w) {
            *role = *r;
            return t - q;
        }
    }
    return 0;
}

/* The role before a member at q, with its adjective ("strategisch
 * adviseur") or as a phrase ("Commissaris van de Koning"), and a colon
 * after it ("Voorzitter: Anna Smit").  Returns the token after it. */
static size_t role_at(const toks *k, const sentence *st, size_t q, const char **role,
                      char **owned, size_t *first)
{
    *role = NULL;
    *owned = NULL;
    *first = q;
    size_t n = role_phrase(k, q, st->e, role);
    if (n)
        q += n;
    else {
        if (tok_in(k, q, SW(k, VP_SW_ROLE_ADJECTIVE)) && vp_sp_role(k, q + 1))
            q++;
        if (vp_sp_role(k, q))
            *role = vp_sp_role_before(k, q++, first, owned);
    }
    /* "Voorzitter: Anna Smit", "de dagvoorzitter, Anna Smit", "The chair of
     * the day, Anna Smit" */
    size_t after = q;
    while (*role && after < q + 3 && after < st->e && k->v[after].kind == T_WORD &&
           vp_ex_is_lower(k->t + k->v[after].s, k->v[after].e - k->v[after].s))
        after++;
    if (*role && (tok_punct(k, after, ':') || tok_punct(k, after, ',')))
        q = after + 1;
    return q;
}

/* "PMG voorzitter Koos Janssen": an acronym before the role is the
 * organisation. */
static char *acronym_before(const toks *k, const sentence *st, size_t first)
{
    if (first <= st->s || k->v[first - 1].kind != T_WORD)
        return NULL;
    const char *s = k->t + k->v[first - 1].s;
    size_t len = k->v[first - 1].e - k->v[first - 1].s;
    if (len < 2)
        return NULL;
    for (size_t c = 0; c < len; c++)
        if (!((s[c] >= 'A' && s[c] <= 'Z') || (s[c] >= '0' && s[c] <= '9')))
            return NULL;
    return vp_strndup(s, len);
}

/* A speaking verb or noun before the group's first member (p is the token
 * before its role and honorifics): "presenteerde A", "presentatie door A",
 * "chaired by A", "... lieten zien: A, B en C". */
static bool cued_before(const toks *k, const sentence *st, size_t p)
{
    if (p <= st->s)
        return false;
    if (tok_in(k, p - 1, SW(k, VP_SW_VERB_BEFORE)))
        return true;
    bool link = tok_is(k, p - 1, "door") || tok_is(k, p - 1, "van") ||
                tok_is(k, p - 1, "met") || tok_is(k, p - 1, "by") ||
                tok_is(k, p - 1, "with") || tok_is(k, p - 1, "of");
    if (p > st->s + 1 && link && tok_in(k, p - 2, SW(k, VP_SW_VERB_BEFORE)))
        return true;
    if (tok_punct(k, p - 1, ':'))   /* a speaking verb before the colon */
        for (size_t t = st->s; t + 1 < p; t++)
            if (tok_in(k, t, SW(k, VP_SW_VERB_AFTER)) || tok_in(k, t, SW(k, VP_SW_VERB_BEFORE)))
                return true;
    return false;
}

/* "Anna Smit was dagvoorzitter", "Piet Bos is de moderator": the role
 * after the name.  Returns the token after the role, or 0. */
static size_t role_after_was(const toks *k, size_t j, mention *m)
{
    if (!tok_is(k, j, "was") && !tok_is(k, j, "is"))
        return 0;
    size_t r = j + 1;
    if (tok_is(k, r, "de") || tok_is(k, r, "the") || tok_is(k, r, "onze"))
        r++;
    const char *role = vp_sp_role(k, r);
    if (!role)
        return 0;
    if (!m->role)
        m->role = role;
    return r + 1;
}

/* After a member's name: parentheses, ", role Org", "van Org", "is
 * dagvoorzitter".  Returns the token after all of it. */
static size_t read_after_name(const doc_ctx *dc, const toks *k, const sentence *st,
                              size_t j, mention *m)
{
    bool cue;
    size_t after = vp_sp_paren_after(k, j, st->e, m, &cue);
    if (after) {
        m->triggered = m->triggered || cue;
        j = after;
    }
    const char *paren_role = m->role;
    after = vp_sp_comma_role_after(dc, k, j, st->e, m);
    if (after) {
        m->triggered = true;
        j = after;
    }
    if (paren_role && m->role != paren_role)
        m->also_role = paren_role;
    if (after && tok_punct(k, j, '(')) {   /* ", burgemeester Heerenveen (voorzitter)" */
        mention extra = {0};
        bool cue;
        size_t e = vp_sp_paren_after(k, j, st->e, &extra, &cue);
        if (e && extra.role && !m->also_role) {
            m->also_role = extra.role;
            j = e;
        }
        free(extra.org);
    }
    if (!m->org && links_org(k, j)) {
        size_t os, oe = vp_sp_org_at(k, j + 1, st->e, &os);
        if (oe > os) {
            m->org = vp_sp_text(k, os, oe);
            j = oe;
        }
    }
    after = role_after_was(k, j, m);
    if (after) {
        m->triggered = true;
        j = after;
    }
    return j;
}

/* "(Jelle Smit, KING)": a name opening a parenthesis after a title, with
 * its organisation, names the one who presents it. */
static bool presenter_in_parentheses(const toks *k, const sentence *st, size_t p,
                                     size_t *j, mention *m)
{
    if (p <= st->s || !tok_punct(k, p - 1, '('))
        return false;
    size_t e = *j;
    if (tok_punct(k, e, ',')) {
        size_t os, oe = vp_sp_org_at(k, e + 1, st->e, &os);
        if (oe > os && tok_punct(k, oe, ')')) {
            if (!m->org)
                m->org = vp_sp_text(k, os, oe);
            *j = oe + 1;
            return true;
        }
    }
    return tok_punct(k, e, ')');
}

/* A speaking verb after the group: right after it, after "in Place",
 * or after an apposition between commas ("Anna Smit, who heads the
 * programme, explained"). */
static bool cued_after(const toks *k, const sentence *st, size_t *j)
{
    size_t t = *j;
    if ((tok_is(k, t, "in") || tok_is(k, t, "uit")) && t + 1 < st->e &&
        k->v[t + 1].kind == T_WORD &&
        (vp_ex_is_upper(k->t + k->v[t + 1].s, 1) || vp_ex_apostrophe(k->t + k->v[t + 1].s, 3)))
        t += 2;   /* "van de ChristenUnie in Borger-Odoorn waarschuwde" */
    if (tok_punct(k, t, '(')) {   /* "of the HAN (Hogeschool ...) presented" */
        size_t c = t + 1;
        while (c < st->e && c < t + 16 && !tok_punct(k, c, ')'))
            c++;
        if (tok_punct(k, c, ')') && tok_in(k, c + 1, SW(k, VP_SW_VERB_AFTER)))
            t = c + 1;
    }
    if (tok_punct(k, t, ',')) {
        size_t c = t + 1;
        while (c < st->e && c < t + 30 && !tok_punct(k, c, ',') && !tok_punct(k, c, '('))
            c++;
        if (tok_punct(k, c, ',') && tok_in(k, c + 1, SW(k, VP_SW_VERB_AFTER)))
            t = c + 1;
        else if (tok_in(k, t + 1, SW(k, VP_SW_VERB_AFTER)))
            t++;
    }
    *j = t;
    return tok_in(k, t, SW(k, VP_SW_VERB_AFTER)) ||
           (tok_is(k, t, "was") && tok_is(k, t + 1, "aan"));
}

/* The next member of a group after j ("en", ",", ", en", "and"): its
 * first token, or 0. */
static size_t next_member(const doc_ctx *dc, const toks *k, size_t j)
{
    if (!joins_members(k, j))
        return 0;
    size_t nx = j + 1;
    if (tok_punct(k, j, ',') && (tok_is(k, nx, "en") || tok_is(k, nx, "and")))
        nx++;
    size_t start = nx;
    if (tok_in(k, nx, SW(k, VP_SW_ROLE_ADJECTIVE)))
        nx++;
    if (vp_sp_role(k, nx))
        nx++;
    while (tok_in(k, nx, SW(k, VP_SW_HONORIFIC)) || tok_punct(k, nx, '.'))
        nx++;
    name_span probe;
    if (vp_sp_name_at(dc, k, nx, &probe) || (nx > start && vp_sp_name_word(k, nx)))
        return start;
    return 0;
}

/* Reads a group of names joined by "en" or ",", each with its own role,
 * parentheses or ", role Org"; then "van Org" and a verb after the group.
 * Returns the token after the group. */
static size_t read_group(const doc_ctx *dc, const toks *k, const sentence *st,
                         const cues *cs, size_t i, mentions *out)
{
    member group[8];
    size_t n = 0;
    size_t j = i;
    bool verb_before = false, in_parens = false;
    while (n < 8) {
        const char *role;
        char *owned;
        size_t role_first;
        size_t q = role_at(k, st, j, &role, &owned, &role_first);
        bool honorific = false;
        while (q < st->e && (tok_in(k, q, SW(k, VP_SW_HONORIFIC)) || tok_punct(k, q, '.') ||
                             (tok_is(k, q, "de") && tok_is(k, q + 1, "heer")))) {
            honorific = honorific || !tok_punct(k, q, '.');
            q++;
        }
        name_span span;
        bool named = vp_sp_name_at(dc, k, q, &span);
        if (!named && (role || honorific) && vp_sp_name_word(k, q)) {
            /* "burgemeester Backhuys", "mevrouw Hoorn": a bare surname after
             * a role or an honorific, even one that is a place */
            span = (name_span){q, q + 1, 1, false};
            named = true;
        }
        /* "Wethouder Bakker van Eindhoven": the place, not the surname */
        if (named && role && span.words == 1 && !span.initials && span.e > q + 2 &&
            tok_is(k, q + 1, "van") && vp_sp_van_org(dc, k, q + 1))
            span.e = q + 1;
        if (!named || span.s >= st->e) {
            free(owned);
            if (n == 0)
                return i + 1;
            break;
        }
        member *mb = &group[n++];
        memset(mb, 0, sizeof *mb);
        mb->span = span;
        mb->m.role = role;
        mb->m.role_owned = owned;
        mb->m.role_before = role != NULL;
        mb->m.honorific = honorific;
        if (role)
            mb->m.org = acronym_before(k, st, role_first);
        size_t p = vp_sp_before_honorifics(k, role ? role_first : span.s);
        if (!role && p < span.s)
            mb->m.honorific = true;   /* "Dhr. Bakker" read from the name on */
        if (n == 1) {
            verb_before = cued_before(k, st, p) || p >= cs->speaker_from;
            /* "Dagvoorzitter was Pieter Kousemaker", "Gespreksleider van de
             * dag was Merel Smit" */
            for (size_t r = p - 1; !role && p > st->s + 1 && r > st->s && r + 5 >= p; r--) {
                if (!(tok_is(k, p - 1, "was") || tok_is(k, p - 1, "is")))
                    break;
                if (vp_sp_role(k, r - 1)) {
                    mb->m.role = vp_sp_role(k, r - 1);
                    mb->m.role_before = true;
                    break;
                }
            }
            /* "in de Zwolse Statenzaal": an article never precedes a person */
            if (!role && p > st->s &&
                (tok_is(k, p - 1, "de") || tok_is(k, p - 1, "het") ||
                 tok_is(k, p - 1, "een") || tok_is(k, p - 1, "the"))) {
                free(mb->m.org);
                return span.e;
            }
        }
        j = read_after_name(dc, k, st, span.e, &mb->m);
        if (span.words >= 2 && presenter_in_parentheses(k, st, p, &j, &mb->m))
            in_parens = true;   /* not "Nieuwegein (Ramdin) meldt" */
        if (mb->m.role_before)
            mb->m.triggered = true;
        size_t nx = next_member(dc, k, j);
        if (!nx)
            break;
        j = nx;
    }
    /* "... van Platform31" after the group */
    char *group_org = NULL;
    if (links_org(k, j)) {
        size_t os, oe = vp_sp_org_at(k, j + 1, st->e, &os);
        if (oe > os) {
            group_org = vp_sp_text(k, os, oe);
            j = oe;
        }
    }
    bool verb_after = cued_after(k, st, &j);
    if (!group_org && n > 1 && group[n - 1].m.org && !group[0].m.org)
        group_org = strdup(group[n - 1].m.org);   /* "A en B van Platform31" */
    for (size_t g = 0; g < n; g++) {
        member *mb = &group[g];
        if (group_org && !mb->m.org)
            mb->m.org = strdup(group_org);
        mb->m.cued = verb_before || verb_after || in_parens;
        mb->m.triggered = mb->m.triggered || mb->m.cued;
        mb->m.listed = cs->listed || mb->span.s >= cs->listed_from;
        mb->m.vetoed = cs->vetoed_before != SIZE_MAX && mb->span.s < cs->vetoed_before;
        if (mb->m.listed)
            mb->m.triggered = false;
        keep_member(out, mb, k);
    }
    free(group_org);
    return j > i ? j : i + 1;
}

/* "De voorzitter opent ...": a role as the subject of a speaking verb. */
static void note_speaking_role(const toks *k, const sentence *st, mentions *out)
{
    for (size_t t = st->s; t + 2 < st->e && t < st->s + 2; t++) {
        const char *role = vp_sp_role(k, t + 1);
        if (!(tok_is(k, t, "de") || tok_is(k, t, "the")) || !role ||
            !tok_in(k, t + 2, SW(k, VP_SW_VERB_AFTER)))
            continue;
        for (size_t r = 0; r < out->n_speaking_roles; r++)
            if (strcmp(out->speaking_roles[r], role) == 0)
                return;
        if (out->n_speaking_roles < 8)
            out->speaking_roles[out->n_speaking_roles++] = role;
    }
}

/* Reads the names of one text (a paragraph, an item, a table cell). */
static void scan_block(const doc_ctx *dc, toks *k, const char *text, bool listed,
                       mentions *out)
{
    if (!vp_sp_tokenize(k, text))
        return;
    sentence sents[256];
    size_t ns = vp_sp_sentences(k, sents, 256);
    for (size_t si = 0; si < ns; si++) {
        sentence *st = &sents[si];
        cues cs = {
            .speaker_from = vp_sp_sentence_find(k, st, VP_SW_SPEAKER_CUE),
            .listed_from = vp_sp_sentence_find(k, st, VP_SW_NOT_SPEAKER_LEAD),
            .listed = listed || vp_sp_sentence_has(k, st, VP_SW_AUDIENCE_CUE),
            .vetoed_before = vp_sp_sentence_find(k, st, VP_SW_NOT_SPEAKER_CUE),
        };
        note_speaking_role(k, st, out);
        size_t i = st->s;
        while (i < st->e) {
            bool could_start = k->v[i].kind == T_INITIALS || vp_sp_name_word(k, i) ||
                               vp_sp_opens_surname(k, i) || vp_sp_role(k, i) ||
                               tok_in(k, i, SW(k, VP_SW_ROLE_ADJECTIVE)) ||
                               tok_in(k, i, SW(k, VP_SW_HONORIFIC));
            i = could_start ? read_group(dc, k, st, &cs, i, out) : i + 1;
        }
    }
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
static bool contains_word(const vp_speaker_words *w, const char *text,
                          vp_speaker_list list)
{
    char buf[256];
    vp_ex_lower(text, 0, strlen(text), buf, sizeof buf);
    return vp_speaker_words_in(w, list, buf);
}

/* A validated speaker from a cell or list item ("Naam (Org)", "Naam, rol
 * Org"): the name must parse as a name on its own. */
static void add_parsed(const doc_ctx *dc, toks *scratch, const char *s,
                       const char *org_override, bool listed, mentions *out)
{
    char *name = NULL, *org = NULL, *role = NULL;
    if (!vp_parse_speaker(dc->words, s, &name, &org, &role))
        return;
    name_span span;
    if (vp_sp_tokenize(scratch, name) && vp_sp_name_at(dc, scratch, 0, &span) &&
        span.e == scratch->n && span.words >= 2) {
        mention *m = add_mention(out);
        if (m) {
            m->name = name;
            name = NULL;
            m->org = org_override && *org_override ? strdup(org_override) : org;
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
        add_parsed(dc, scratch, vp_trim(s), org, listed, out);
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
    char *header = strdup(p->blocks[first].text);
    if (!header)
        return;
    char *cells[32];
    size_t nc = split_cells(header, cells, 32);
    int speaker_col = -1, org_col = -1;
    for (size_t c = 0; c < nc; c++) {
        if (contains_word(dc->words, cells[c], VP_SW_ACTION_COLUMN))
            listed = true;
        if (speaker_col < 0 && contains_word(dc->words, cells[c], VP_SW_SPEAKER_COLUMN))
            speaker_col = (int)c;
        else if (org_col < 0 && contains_word(dc->words, cells[c], VP_SW_ORG_COLUMN))
            org_col = (int)c;
    }
    if (speaker_col < 0 && nc > 0 && vp_ex_eq(cells[0], strlen(cells[0]), "naam"))
        speaker_col = 0;
    free(header);
    for (size_t r = first + (speaker_col >= 0); r <= last; r++) {
        char *row = strdup(p->blocks[r].text);
        if (!row)
            return;
        char *rc[32];
        size_t n = split_cells(row, rc, 32);
        if (speaker_col >= 0 && (size_t)speaker_col < n) {
            const char *org = org_col >= 0 && (size_t)org_col < n ? rc[org_col] : NULL;
            add_cell(dc, scratch, rc[speaker_col], org, listed, out);
        } else if (speaker_col < 0) {
            for (size_t c = 0; c < n; c++)
                scan_block(dc, k, rc[c], listed, out);
        }
        free(row);
    }
}

/* A list item in a list of speakers: "Naam (Org)", "Naam, rol Org",
 * "Naam - Org: titel". */
static void scan_item(const doc_ctx *dc, toks *scratch, const char *text,
                      mentions *out)
{
    char *copy = strdup(text);
    if (!copy)
        return;
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

/* ---- merging ---- */

/* Is b a fuller form of the name than a? */
static bool fuller(const mention *b, const mention *a)
{
    return vp_person_name_fuller(&b->person, &a->person);
}

static void absorb(mention *into, mention *from)
{
    if (fuller(from, into)) {
        char *t = into->name;
        into->name = from->name;
        from->name = t;
        vp_person_name pt = into->person;
        into->person = from->person;
        from->person = pt;
        into->words = from->words;
        into->initials = from->initials;
    }
    if (!into->org && from->org) {
        into->org = from->org;
        from->org = NULL;
    }
    if (!into->role && !into->role_owned) {
        into->role = from->role;
        into->role_owned = from->role_owned;
        from->role_owned = NULL;
    }
    into->triggered = into->triggered || from->triggered;
    into->vetoed = into->vetoed || from->vetoed;
}

/* The persons m may be: the first one (first), or only when it is the one
 * (!first).  Returns the count, at most 2 when !first. */
static size_t find_person(const mentions *persons, const mention *m, bool first,
                          size_t *hit)
{
    size_t hits = 0;
    for (size_t j = 0; j < persons->n && hits < 2; j++)
        if (vp_person_name_may_be(&persons->v[j].person, &m->person)) {
            if (hits++ == 0)
                *hit = j;
            if (first)
                break;
        }
    return hits;
}

/* "Wethouder Wijnen van Eindhoven" beside "wethouder Frans Wijnen": the
 * one given name is the surname of another mention, so "van Eindhoven" is
 * the place ("wethouder Ruud van Gorinchem" alone keeps its name). */
static void split_place_from_surname(mentions *ms)
{
    for (size_t i = 0; i < ms->n; i++) {
        mention *m = &ms->v[i];
        if (!m->name || !m->role_before || m->person.form != VP_PERSON_FULL ||
            m->person.n_given != 1 || strncmp(m->person.surname, "van ", 4) != 0)
            continue;
        bool surname = false;
        for (size_t j = 0; j < ms->n && !surname; j++)
            surname = j != i && ms->v[j].name && ms->v[j].person.n_given > 0 &&
                      strcmp(ms->v[j].person.core, m->person.given) == 0;
        const char *van = strstr(m->name, " van ");
        if (!surname || !van)
            continue;
        char *given = vp_strndup(m->name, (size_t)(van - m->name));
        vp_person_name pn;
        if (given && vp_person_name_parse(given, &pn)) {
            if (!m->org)
                m->org = strdup(van + 5);
            free(m->name);
            m->name = given;
            given = NULL;
            vp_person_name_clear(&m->person);
            m->person = pn;
        }
        free(given);
    }
}

static const char *role_of(const mention *m)
{
    return m->role_owned ? m->role_owned : m->role;
}

/* "De voorzitter opent de vergadering" in minutes whose attendee list
 * names one person as "voorzitter": that person spoke. */
static void promote_speaking_roles(mentions *ms)
{
    for (size_t r = 0; r < ms->n_speaking_roles; r++) {
        mention *holder = NULL;
        bool unique = true;
        for (size_t i = 0; i < ms->n && unique; i++) {
            mention *m = &ms->v[i];
            const char *role = role_of(m), *also = m->also_role;
            bool has = (role && strcmp(role, ms->speaking_roles[r]) == 0) ||
                       (also && strcmp(also, ms->speaking_roles[r]) == 0);
            if (!m->name || m->vetoed || m->person.form == VP_PERSON_SURNAME || !has)
                continue;
            if (holder && !vp_person_name_may_be(&holder->person, &m->person))
                unique = false;
            holder = holder ? holder : m;
        }
        if (holder && unique) {
            holder->triggered = true;
            holder->listed = false;
        }
    }
}

/* A bare surname with a speaking verb ("Sanders vertelde"): the one full
 * name or initials in the report it can be (an attendee list, a table), or
 * NULL when there is none, or two. */
static mention *listed_full_name(mentions *ms, const mention *surname)
{
    mention *only = NULL;
    for (size_t i = 0; i < ms->n; i++) {
        mention *m = &ms->v[i];
        if (!m->name || m->person.form == VP_PERSON_SURNAME ||
            !vp_person_name_may_be(&m->person, &surname->person))
            continue;
        if (only && !vp_person_name_may_be(&only->person, &m->person))
            return NULL;   /* two people it can be */
        only = only ? only : m;
    }
    return only && !only->vetoed ? only : NULL;
}

/* A bare surname that makes a person of its own when no full name in the
 * report matches it: after a role ("wethouder Bakker"), or after an
 * honorific with a speaking cue ("een toespraak van dhr. Bakker"). */
static bool surname_speaks(const mention *m)
{
    return m->triggered && (m->role_before || (m->honorific && m->cued));
}

/* Persons from mentions (the person-name model decides who is who): the
 * triggered full names and initials make the persons; then bare surnames
 * join the one person they can be, or stand alone (surname_speaks); then the
 * other full names (untriggered, listed, vetoed) give a person its fullest
 * spelling ("Daarna hield Sietske de Wit een inleiding" after "S. de Wit
 * (Platform31)") or its veto.  A vetoed person is no speaker. */
static void merge_mentions(mentions *ms, mentions *persons)
{
    for (size_t i = 0; i < ms->n; i++) {
        mention *m = &ms->v[i];
        if (m->name && !vp_person_name_parse(m->name, &m->person)) {
            free(m->name);
            m->name = NULL;
        }
    }
    split_place_from_surname(ms);
    promote_speaking_roles(ms);
    for (int pass = 0; pass < 3; pass++) {
        for (size_t i = 0; i < ms->n; i++) {
            mention *m = &ms->v[i];
            if (!m->name)
                continue;
            bool surname_only = m->person.form == VP_PERSON_SURNAME;
            if (surname_only != (pass == 1) || (pass == 0 && !m->triggered))
                continue;
            size_t hit = 0, hits = find_person(persons, m, pass != 1, &hit);
            mention *full = hits == 0 && pass == 1 && m->triggered && m->cued
                                ? listed_full_name(ms, m) : NULL;
            if (full) {   /* "Sanders vertelde" after "R. Sanders" in the list */
                mention *p = add_mention(persons);
                if (!p)
                    return;
                *p = *full;
                memset(full, 0, sizeof *full);
                p->triggered = true;
                p->listed = false;
                hits = 1;
                hit = persons->n - 1;
            }
            if (hits == 1 || (hits > 1 && pass != 1)) {
                absorb(&persons->v[hit], m);
                free(m->name);   /* read once */
                m->name = NULL;
                continue;
            }
            if (hits > 1 || !m->triggered || (surname_only && !surname_speaks(m)))
                continue;
            mention *p = add_mention(persons);
            if (!p)
                return;
            *p = *m;
            memset(m, 0, sizeof *m);
        }
    }
}

static int compare_speakers(const void *a, const void *b)
{
    const vp_speaker *x = a, *y = b;
    char *fx = vp_fold(x->name), *fy = vp_fold(y->name);
    int c = (fx && fy) ? strcmp(fx, fy) : 0;
    free(fx);
    free(fy);
    return c ? c : strcmp(x->name, y->name);
}

/* False when out of memory. */
static bool store_speakers(vp_document *d, const mentions *persons)
{
    for (size_t i = 0; i < persons->n; i++) {
        const mention *m = &persons->v[i];
        if (!m->triggered || m->vetoed || !m->name)
            continue;
        const char *name = m->person.display ? m->person.display : m->name;
        bool dup = false;
        for (size_t j = 0; j < d->n_speakers && !dup; j++)
            dup = vp_fold_equal(d->speakers[j].name, name);
        if (!dup && !vp_document_add_speaker(d, name, m->org,
                                             m->role_owned ? m->role_owned : m->role))
            return false;
    }
    if (d->n_speakers > 1)
        vp_speakers_sort(d);
    return true;
}

void vp_speakers_sort(vp_document *d)
{
    qsort(d->speakers, d->n_speakers, sizeof *d->speakers, compare_speakers);
}

/* ---- the document ---- */

static bool is_heading(const vp_block *b)
{
    return b->kind == VP_BLOCK_HEADING || b->pseudo_heading;
}

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

/* "*Door Anna Smit, communicatieadviseur*", "By Anna Smit": a byline names
 * the writer, not a speaker, unless the writer led the day ("Door Anna
 * Smit, dagvoorzitter"). */
static bool is_byline(const doc_ctx *dc, const char *text)
{
    if (contains_word(dc->words, text, VP_SW_CHAIR_ROLE))
        return false;
    const char *s = text + strspn(text, "*_ ");
    static const char *const leads[] = {"door ", "by ", "tekst:", "text:", "auteur:",
                                        "author:", NULL};
    if (strchr(s, '\n') || strlen(s) > 160)
        return false;
    for (size_t i = 0; leads[i]; i++)
        if (vp_ex_eq(s, strlen(leads[i]), leads[i]))
            return true;
    return false;
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
    for (size_t i = 0; i < p->n_blocks; i++) {
        const vp_block *b = &p->blocks[i];
        if (b->kind == VP_BLOCK_CODE)
            continue;
        bool listed = section_listed;
        if (is_heading(b)) {
            section_listed = contains_word(dc->words, b->text, VP_SW_AUDIENCE_HEADING);
            speaker_list = contains_word(dc->words, b->text, VP_SW_SPEAKER_HEADING);
            after_intro = false;
            listed = section_listed;
        } else if (b->kind == VP_BLOCK_PARAGRAPH) {
            size_t n = strlen(b->text);
            while (n > 0 && is_space(b->text[n - 1]))
                n--;
            bool attendees = opens_attendee_list(dc, b->text);
            listed = listed || attendees || is_byline(dc, b->text);
            if (n > 0 && b->text[n - 1] == ':')   /* "De sprekers waren:" */
                speaker_list = !attendees && contains_word(dc->words, b->text,
                                                           VP_SW_SPEAKER_HEADING);
            else if (i > 0 && p->blocks[i - 1].kind == VP_BLOCK_ITEM)
                speaker_list = false;
            /* "Aanwezig:" over a list; "Afwezig: A, B" holds its names */
            after_intro = attendees && n > 0 && b->text[n - 1] == ':';
        } else if (b->kind == VP_BLOCK_ITEM || b->kind == VP_BLOCK_TABLE_ROW) {
            listed = listed || after_intro;
        }
        if (b->kind == VP_BLOCK_TABLE_ROW) {
            scan_table(dc, &k, &scratch, p, &i, listed, ms);
            continue;
        }
        if (b->kind == VP_BLOCK_ITEM && speaker_list && !listed)
            scan_item(dc, &scratch, b->text, ms);
        scan_block(dc, &k, b->text, listed, ms);
    }
    free(k.v);
    free(scratch.v);
}

/* The text says this person did not speak ("moest afzeggen"). */
static bool vetoed_in_text(const mentions *ms, const char *name)
{
    vp_person_name pn;
    if (!vp_person_name_parse(name, &pn))
        return false;
    bool vetoed = false;
    for (size_t i = 0; i < ms->n && !vetoed; i++) {
        const mention *m = &ms->v[i];
        vetoed = m->vetoed && m->name && vp_person_name_may_be(&m->person, &pn);
    }
    vp_person_name_clear(&pn);
    return vetoed;
}

/* The front matter's speakers, the announced programme, less those the
 * text says did not come.  False when out of memory. */
static bool speakers_from_front_matter(const vp_speaker_words *w, const vp_parsed *p,
                                       const mentions *text, vp_document *d)
{
    bool ok = true;
    for (size_t i = 0; ok && i < p->fm.speakers.len; i++) {
        char *name = NULL, *org = NULL, *role = NULL;
        if (vp_parse_speaker(w, p->fm.speakers.items[i], &name, &org, &role) &&
            !vetoed_in_text(text, name)) {
            bool dup = false;
            for (size_t j = 0; j < d->n_speakers && !dup; j++)
                dup = vp_fold_equal(d->speakers[j].name, name);
            if (!dup)
                ok = vp_document_add_speaker(d, name, org, role);
        }
        free(name);
        free(org);
        free(role);
    }
    if (d->n_speakers > 1)
        qsort(d->speakers, d->n_speakers, sizeof *d->speakers, compare_speakers);
    return ok;
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
    merge_mentions(&ms, &persons);
    bool ok = p->fm.speakers.len > 0 ? speakers_from_front_matter(w, p, &persons, d)
                                     : store_speakers(d, &persons);
    free_mentions(&ms);
    free_mentions(&persons);
    vp_sp_doc_free(&dc);
    /* the tokenizer and the mention lists still drop what they cannot
     * allocate without saying so */
    return ok ? VP_EXTRACT_OK : VP_EXTRACT_NO_MEMORY;
}

/* ---- front matter strings ---- */
