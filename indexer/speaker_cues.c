/*
 * speaker_cues.c: the names of one text and the cues that make them
 * speakers (see speakers_internal.h).
 *
 * A sentence is read as groups of names joined by "en", "and" or commas,
 * each with its role ("burgemeester", "Alderman"), honorific, parentheses
 * ("(Platform31)", "(wethouder Tiel)") or ", role Org" after it, then "van
 * Org" and a speaking verb after the group.  A name speaks with a cue: a
 * role before it, an organisation or role beside it, a verb before or
 * after the group ("presenteerde A", "A en B vertelden", "chaired by A",
 * "A, who heads X, explained"), a panel ("aan tafel zaten"), "(A, Org)"
 * after an agenda item.  The sentence can also say its names did not speak
 * (audience, absence, thanks: the lists in data/speakers.tsv).
 */
#include "speakers_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract_text.h"
#include "mem.h"
#include "text.h"

/* ---- one sentence ---- */

typedef struct member {
    name_span span;
    mention m;
} member;

/* Copies a member's mention into the list (ownership moves). */
static void keep_member(mentions *out, member *mb, const toks *k)
{
    mention *m = vp_sp_add_mention(out);
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
    size_t audience_at;    /* "aanwezig waren", "had zich afgemeld": the names
                              of the sentence are the audience, unless one has
                              a verb of its own in another clause */
    size_t silent_before;  /* "X, die niet het woord voerde, ...": the names
                              before here did not speak in this sentence */
    bool bio;              /* a list item or a bullet: biographies */
    size_t *first_verb;    /* the first speaking verb (verb-after), SIZE_MAX
                              when none; FIRST_VERB_UNKNOWN until looked for
                              (only a gapped clause asks) */
    size_t vetoed_before;  /* "X moest afzeggen, dus Y nam het over": the
                              names before here did not speak */
    size_t session_at;     /* "workshops van ...": a name after it, then
                              "over" and a subject, gave the session */
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
static size_t role_at(const doc_ctx *dc, const toks *k, const sentence *st, size_t q,
                      const char **role, char **owned, size_t *first)
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
    else if (*role && vp_sp_portfolio_then_name(dc, k, st->e, q))
        q += 2;
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
    return vp_xstrndup(s, len);
}

/* "o.l.v." (onder leiding van) or "m.m.v." (met medewerking van) ends
 * the text right before p (however the tokenizer cut it up). */
static bool led_by_abbreviation(const toks *k, const sentence *st, size_t p)
{
    static const char *const leads[] = {"o.l.v.", "m.m.v.", NULL};
    if (p <= st->s)
        return false;
    size_t end = k->v[p - 1].e;
    for (const char *const *l = leads; *l; l++) {
        size_t len = strlen(*l);
        if (end < len || strncasecmp(k->t + end - len, *l, len) != 0)
            continue;
        if (end == len || !vp_ex_is_wordchar(k->t + end - len - 1, 1))
            return true;
    }
    return false;
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
    if (led_by_abbreviation(k, st, p))
        return true;
    if (tok_punct(k, p - 1, ':'))   /* a speaking verb before the colon */
        for (size_t t = st->s; t + 1 < p; t++)
            if (tok_in(k, t, SW(k, VP_SW_VERB_AFTER)) || tok_in(k, t, SW(k, VP_SW_VERB_BEFORE)))
                return true;
    return false;
}

/* A live blog's or a thread's next item without a verb: "Nu" or "Daarna"
 * opens the sentence (or follows a time stamp's dash or colon) right
 * before the group at p ("11:20 – Nu Dewi Ramdin, concerncontroller ...",
 * "Daarna Yara Hoogeveen van het Drenthe College."). */
static bool next_up_before(const toks *k, const sentence *st, size_t p)
{
    size_t n = p;   /* the token after "Nu" */
    if (p > st->s + 1 && tok_punct(k, p - 1, ':')) {
        /* "Nu op het podium: Anna Smit", "Nu in beeld: prof. Anna Smit": a
         * few words after "Nu", then a colon */
        size_t t = p - 1;
        while (t > st->s && t + 6 > p && k->v[t - 1].kind == T_WORD && !tok_is(k, t - 1, "nu"))
            t--;
        if (t > st->s && tok_is(k, t - 1, "nu") && t + 1 < p)
            n = t;
    }
    if (n <= st->s || !(tok_is(k, n - 1, "nu") || tok_is(k, n - 1, "daarna")))
        return false;
    return n - 1 == st->s || tok_dash(k, n - 2) || tok_punct(k, n - 2, ':');
}

/* A list item's sentence that opens with "Met" right before the group at
 * p names who gave that item ("- Over ouderen thuis. Met Anna Smit van
 * de GGD."), and "Daarna kwam" or "Toen kwam" opening a sentence brings
 * on the next speaker ("Daarna kwam Jan Smit van Platform31"). */
static bool item_with_before(const toks *k, const sentence *st, bool item, size_t p)
{
    if (item && p == st->s + 1 && (tok_is(k, st->s, "met") || tok_is(k, st->s, "with")))
        return true;
    return p == st->s + 2 && tok_is(k, p - 1, "kwam") &&
           (tok_is(k, st->s, "daarna") || tok_is(k, st->s, "toen") ||
            tok_is(k, st->s, "vervolgens"));
}

/* A causal conjunction or "dat" between tokens a and b opens a clause of
 * its own: in "X sprak toch, want haar collega was ziek" or "X vertelt dat
 * Y ziek thuis is" the cue at b is not about X ("maar" is not one: "X was
 * gevraagd, maar stuurde een video"). */
static bool clause_joined(const toks *k, size_t a, size_t b)
{
    static const char *const joins[] = {"want", "omdat", "doordat", "because", "since",
                                        "dat", "that", NULL};
    for (size_t t = a; t < b; t++)
        if (tok_in(k, t, joins))
            return true;
    return false;
}

/* No line break between tokens a and b. */
static bool on_one_line(const toks *k, size_t a, size_t b)
{
    return !memchr(k->t + k->v[a].e, '\n', k->v[b].s - k->v[a].e);
}

/* A dash after a title on the same line, maybe with "met" or "door" after
 * it, right before the group's first member at p: an agenda item or a
 * workshop with its speaker ("3. Jeugdhulp – S. Ede (Movisie)", "A.
 * WONEN BOVEN WINKELS – met Anna Smit van Wonion", "10.20 – Jan Smit,
 * Platform31").  The group must end the statement (see ends_title_group). */
static bool dash_before(const toks *k, const sentence *st, size_t p)
{
    if (p <= st->s + 1)
        return false;
    size_t d = p - 1;
    if (tok_is(k, d, "met") || tok_is(k, d, "door") || tok_is(k, d, "with") ||
        tok_is(k, d, "by"))
        d--;
    if (d <= st->s || !tok_dash(k, d) || !on_one_line(k, d - 1, d) || !on_one_line(k, d, p))
        return false;
    /* a title, not a date or a time ("Verslag, 03-10-2014 – Slot Zeist") */
    const char *b = k->t + k->v[d - 1].s;
    return !(b[0] >= '0' && b[0] <= '9');
}

/* A label of a session or a speaker, then a colon, then the group at p:
 * "Workshop schuldhulp: Anna Smit (gem. Tiel)", "Sessie B: Anna Smit, VNG",
 * "spr. 1: Anna Smit".  The label is short and opens the statement. */
static bool label_before(const toks *k, const sentence *st, size_t p)
{
    if (p <= st->s + 1 || p > st->s + 6 || !tok_punct(k, p - 1, ':'))
        return false;
    for (size_t t = st->s; t + 1 < p; t++)
        if (tok_punct(k, t, ':'))
            return false;
    return vp_sp_sentence_find(k, st, VP_SW_SESSION_WORD) < p - 1 ||
           vp_sp_sentence_find(k, st, VP_SW_SPEAKER_HEADING) < p - 1;
}

/* "Zijn opvolger, Marieke Smit (wethouder in Deventer), treedt aan", "haar
 * opvolger is Jan Bos": the successor before the group at p (who speaks
 * only with a verb of her own: "Haar opvolger, X, sloot af"). */
static bool successor_before(const toks *k, const sentence *st, size_t p)
{
    size_t q = p;
    while (q > st->s && (tok_punct(k, q - 1, ',') || tok_punct(k, q - 1, ':') ||
                         tok_is(k, q - 1, "is") || tok_is(k, q - 1, "wordt") ||
                         tok_is(k, q - 1, "will") || tok_is(k, q - 1, "be")) && q + 3 > p)
        q--;
    return q > st->s && tok_in(k, q - 1, SW(k, VP_SW_NOT_SPEAKER_NEXT));
}

#define FIRST_VERB_UNKNOWN (SIZE_MAX - 1)

/* The first speaking verb of the sentence, SIZE_MAX when it has none. */
static size_t find_first_verb(const toks *k, const sentence *st)
{
    for (size_t t = st->s; t < st->e; t++)
        if (tok_in(k, t, SW(k, VP_SW_VERB_AFTER)))
            return t;
    return SIZE_MAX;
}

/* "A vertelde over X, en B van Keolis over Y": the verb of the first
 * clause left out of the second.  The group at p follows ", en" in a
 * sentence with a speaking verb before it and goes on with "over". */
static bool gapped_verb(const toks *k, const sentence *st, size_t *first_verb, size_t p,
                        size_t j)
{
    if (!(p >= st->s + 3 && (tok_is(k, p - 1, "en") || tok_is(k, p - 1, "and")) &&
          tok_punct(k, p - 2, ',') && (tok_is(k, j, "over") || tok_is(k, j, "about"))))
        return false;
    if (*first_verb == FIRST_VERB_UNKNOWN)
        *first_verb = find_first_verb(k, st);
    return *first_verb != SIZE_MAX && *first_verb + 2 < p;
}

/* After a group named after a dash: the end of the line or sentence, its
 * organisation (", Platform31", "(RUG)"), a colon or what it is about. */
static bool ends_title_group(const toks *k, const sentence *st, size_t j)
{
    return j >= st->e || !on_one_line(k, j - 1, j) || tok_punct(k, j, ',') ||
           tok_punct(k, j, '(') || tok_punct(k, j, ':') || tok_is(k, j, "over") ||
           tok_is(k, j, "about") || tok_is(k, j, "on");
}

/* "Anna Smit was dagvoorzitter", "Piet Bos is de moderator": the role
 * after the name.  Returns the token after the role, or 0; *speaks when the
 * role makes a speaker: one who leads the day or speaks, or any role in a
 * list of biographies ("- Anna Smit is directeur van X"); in prose "Anna
 * Smit is communicatieadviseur bij Epe" only describes. */
static size_t role_after_was(const toks *k, size_t j, bool bio, mention *m, bool *speaks)
{
    *speaks = false;
    if (!tok_is(k, j, "was") && !tok_is(k, j, "is"))
        return 0;
    size_t r = j + 1;
    if (tok_is(k, r, "de") || tok_is(k, r, "the") || tok_is(k, r, "onze"))
        r++;
    size_t adj = r;
    if (tok_in(k, r, SW(k, VP_SW_ROLE_ADJECTIVE)) && vp_sp_role(k, r + 1))
        r++;
    const char *role = vp_sp_role(k, r);
    if (!role)
        return 0;
    *speaks = bio || tok_in(k, r, SW(k, VP_SW_CHAIR_ROLE)) ||
              tok_in(k, r, SW(k, VP_SW_SPEAKING_ROLE));
    (void)adj;
    if (!m->role)
        m->role = role;
    return r + 1;
}

/* After a member's name: parentheses, ", role Org", "van Org", "is
 * dagvoorzitter".  Returns the token after all of it. */
static size_t read_after_name(const doc_ctx *dc, const toks *k, const sentence *st,
                              size_t j, bool bio, mention *m)
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
            /* "van de Stadspartij (SP)": the organisation's short name */
            mention extra = {0};
            bool c;
            size_t e = vp_sp_paren_after(k, j, st->e, &extra, &c);
            if (e && !extra.role)
                j = e;
            free(extra.org);
        }
    }
    bool speaks;
    after = role_after_was(k, j, bio, m, &speaks);
    if (after) {
        m->triggered = m->triggered || speaks;
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
static bool cued_after(const toks *k, const sentence *st, size_t name_end, size_t *j)
{
    size_t t = *j;
    /* "van de Achterhoekse werkgeversvereniging vertelden", "of housing
     * corporation Woonbedrijf ieder1 explained", "of duisport (Duisburg)
     * compared": an organisation the name reader did not take */
    size_t link = t;   /* "van", or one read into the organisation before t */
    while (link > name_end && link + 4 > t && !links_org(k, link))
        link--;
    if (links_org(k, link)) {
        size_t c = link == t ? t + 1 : t;
        while (c < st->e && c < t + 12) {
            if (tok_punct(k, c, '(')) {
                size_t close = c + 1;
                while (close < st->e && close < c + 12 && !tok_punct(k, close, ')'))
                    close++;
                if (!tok_punct(k, close, ')'))
                    break;
                c = close + 1;
                continue;
            }
            if (k->v[c].kind == T_PUNCT || tok_in(k, c, SW(k, VP_SW_VERB_AFTER)) ||
                joins_members(k, c) || tok_is(k, c, "die") || tok_is(k, c, "who") ||
                tok_is(k, c, "dat") || tok_is(k, c, "that"))
                break;
            c++;
        }
        if (tok_in(k, c, SW(k, VP_SW_VERB_AFTER)) || tok_punct(k, c, ','))
            t = c;
    }
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

/* The next member of a group after j ("en", ",", ", en", "and", "samen
 * met"): its
 * first token, or 0. */
static size_t next_member(const doc_ctx *dc, const toks *k, size_t j)
{
    size_t nx = j + 1;
    /* "door A samen met B", "led by A together with B": B gave it too */
    if ((tok_is(k, j, "samen") && tok_is(k, j + 1, "met")) ||
        (tok_is(k, j, "together") && tok_is(k, j + 1, "with")))
        nx = j + 2;
    else if (!joins_members(k, j))
        return 0;
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

/* Tokens between a cue and a group beyond which they are in two clauses. */
#define CLAUSE_SPAN 40

/* The cue at token cue stands in another clause than the group [s, e): a
 * comma, "en", "maar" or "and" between them ("Middelburg had zich afgemeld
 * en voorzitter Smit leidde de middag"). */
static bool other_clause(const toks *k, size_t cue, size_t s, size_t e)
{
    size_t from = cue < s ? cue + 1 : e, to = cue < s ? s : cue;
    /* a cue this far away is in another clause: and the scan stays short,
     * so a sentence of many groups is no quadratic read */
    if (to > from + CLAUSE_SPAN)
        return true;
    /* "X uit Bussum, die de hele dag als toehoorder aanwezig was,": a
     * relative clause about the group */
    for (size_t t = e; cue >= e && t < cue; t++)
        if (tok_punct(k, t, ',') && (tok_is(k, t + 1, "die") || tok_is(k, t + 1, "dat") ||
                                     tok_is(k, t + 1, "who") || tok_is(k, t + 1, "which")))
            return false;
    for (size_t t = from; t < to; t++)
        if (tok_punct(k, t, ',') || tok_is(k, t, "en") || tok_is(k, t, "maar") ||
            tok_is(k, t, "and") || tok_is(k, t, "but"))
            return true;
    return false;
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
    bool verb_before = false, in_parens = false, after_dash = false, successor = false;
    bool labelled = false;
    bool plural_role = false, dash_org = false;
    size_t first_p = i;
    while (n < 8) {
        const char *role;
        char *owned;
        size_t role_first;
        size_t q = role_at(dc, k, st, j, &role, &owned, &role_first);
        if (role)
            q = vp_sp_role_of_place_name(dc, k, st->e, q);
        bool honorific = false;
        while (q < st->e && (tok_in(k, q, SW(k, VP_SW_HONORIFIC)) || tok_punct(k, q, '.') ||
                             (tok_is(k, q, "de") && tok_is(k, q + 1, "heer")))) {
            honorific = honorific || !tok_punct(k, q, '.');
            q++;
        }
        name_span span;
        bool named = vp_sp_name_at(dc, k, q, &span);
        if (!named && (role || honorific) && vp_sp_name_word(k, q) &&
            !tok_in(k, q, SW(k, VP_SW_ORG_WORD)) &&
            !(q + 1 < st->e && k->v[q + 1].kind == T_WORD &&
              vp_ex_is_upper(k->t + k->v[q + 1].s, 1) && on_one_line(k, q, q + 1))) {
            /* (not the first word of a longer capitalised span the name
             * reader refused: "officer, Dublin City Council") */
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
        mb->m.chair = role && tok_in(k, role_first, SW(k, VP_SW_CHAIR_ROLE));
        if (role)
            mb->m.org = acronym_before(k, st, role_first);
        size_t p = vp_sp_before_honorifics(k, role ? role_first : span.s);
        if (!role && p < span.s)
            mb->m.honorific = true;   /* "Dhr. Bakker" read from the name on */
        if (n == 1) {
            verb_before = cued_before(k, st, p) || p >= cs->speaker_from ||
                          item_with_before(k, st, cs->bio, p) ||
                          (span.words >= 2 && !span.initials && next_up_before(k, st, p));
            after_dash = dash_before(k, st, p);
            labelled = label_before(k, st, p);
            first_p = p;
            successor = successor_before(k, st, p);
            /* "de gedeputeerden A van Groningen en B van Drenthe" */
            plural_role = !role && p > st->s && tok_in(k, p - 1, SW(k, VP_SW_ROLE_PLURAL));
            /* "Dagvoorzitter was Pieter Kousemaker", "Gespreksleider van de
             * dag was Merel Smit" */
            for (size_t r = p - 1; !role && p > st->s + 1 && r > st->s && r + 5 >= p; r--) {
                if (!(tok_is(k, p - 1, "was") || tok_is(k, p - 1, "is")))
                    break;
                if (vp_sp_role(k, r - 1)) {
                    mb->m.role = vp_sp_role(k, r - 1);
                    mb->m.role_before = true;
                    mb->m.chair = tok_in(k, r - 1, SW(k, VP_SW_CHAIR_ROLE));
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
        j = read_after_name(dc, k, st, span.e, cs->bio, &mb->m);
        if (span.words >= 2 && presenter_in_parentheses(k, st, p, &j, &mb->m))
            in_parens = true;   /* not "Nieuwegein (Ramdin) meldt" */
        mb->m.role_before = mb->m.role_before || plural_role;
        if (mb->m.role_before)
            mb->m.triggered = true;
        /* "– Marco Jansen, Drents Archief": after a dash the comma leads to
         * the organisation, not to a next member */
        if (n == 1 && after_dash && tok_punct(k, j, ',') && !mb->m.org &&
            !tok_is(k, j + 1, "en") && !tok_is(k, j + 1, "and")) {
            size_t os, oe = vp_sp_org_at(k, j + 1, st->e, &os);
            if (oe > os) {
                mb->m.org = vp_sp_text(k, os, oe);
                j = oe;
                dash_org = true;
            }
            break;
        }
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
    after_dash = after_dash && (dash_org || ends_title_group(k, st, j));
    /* "workshops van Anna Smit van de VNG over wonen" */
    bool gave_session = cs->session_at < first_p && tok_is(k, j, "over");
    bool gapped = gapped_verb(k, st, cs->first_verb, first_p, j);
    bool verb_after = cued_after(k, st, group[n - 1].span.e, &j);
    if (!group_org && n > 1 && group[n - 1].m.org && !group[0].m.org)
        group_org = vp_xstrdup(group[n - 1].m.org);   /* "A en B van Platform31" */
    bool audience = cs->audience_at != SIZE_MAX &&
                    !(verb_after && other_clause(k, cs->audience_at, i, group[n - 1].span.e));
    for (size_t g = 0; g < n; g++) {
        member *mb = &group[g];
        if (group_org && !mb->m.org)
            mb->m.org = vp_xstrdup(group_org);
        mb->m.cued = verb_before || verb_after || in_parens || after_dash || gapped ||
                     gave_session || labelled;
        mb->m.org_place = mb->m.org && dc->gazetteer &&
                          vp_gazetteer_lookup(dc->gazetteer, mb->m.org) != NULL;
        mb->m.triggered = mb->m.triggered || mb->m.cued;
        mb->m.listed = cs->listed || audience || mb->span.s >= cs->listed_from ||
                       (cs->silent_before != SIZE_MAX && mb->span.s < cs->silent_before);
        mb->m.vetoed = (cs->vetoed_before != SIZE_MAX && mb->span.s < cs->vetoed_before &&
                        !clause_joined(k, mb->span.e, cs->vetoed_before)) ||
                       (g == 0 && successor && !verb_after);
        if (mb->m.listed)
            mb->m.triggered = false;
        keep_member(out, mb, k);
    }
    free(group_org);
    return j > i ? j : i + 1;
}

/* A negation followed within six words by speaking or being there: "die
 * verder niet het woord voerde", "who had not spoken", "die niet op het
 * congres kan zijn", "kon er niet bij zijn".  "zijn" counts only after
 * "bij" or a modal ("het hoeft niet zo te zijn" says nothing of anyone).
 * Returns the negation's token, SIZE_MAX when there is none. */
static size_t negated_speaking(const toks *k, const sentence *st)
{
    static const char *const negations[] = {"niet", "not", "nooit", "never", NULL};
    static const char *const modals[] = {"bij", "kan", "kon", "konden", "kunnen", NULL};
    for (size_t t = st->s; t < st->e; t++) {
        if (!tok_in(k, t, negations))
            continue;
        /* "... die zou openen, wegens ziekte niet kon.", "X kon helaas
         * niet.": a modal on its own at the end of the clause */
        bool clause_end = t + 1 >= st->e || k->v[t + 1].kind == T_PUNCT;
        bool modal_before = (t > st->s && tok_in(k, t - 1, modals)) ||
                            (t > st->s + 1 && tok_in(k, t - 2, modals) &&
                             k->v[t - 1].kind == T_WORD);
        bool modal_after = t + 1 < st->e && tok_in(k, t + 1, modals) &&
                           (t + 2 >= st->e || k->v[t + 2].kind == T_PUNCT);
        if ((modal_before && clause_end) || modal_after)
            return t;
        for (size_t u = t + 1; u < st->e && u <= t + 6; u++) {
            if (tok_in(k, u, SW(k, VP_SW_NEGATED_SPEAKING)) ||
                (tok_is(k, u, "zijn") && tok_in(k, u - 1, modals)))
                return t;
            if (k->v[u].kind == T_PUNCT)
                break;
        }
    }
    return SIZE_MAX;
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
void vp_sp_scan_block(const doc_ctx *dc, toks *k, const char *text, bool listed,
                      bool item, mentions *out)
{
    char *called = vp_sp_called_names(text);
    char *plain = vp_sp_drop_handles(called ? called : text);
    vp_sp_tokenize(k, plain ? plain : called ? called : text);
    sentence sents[256];
    size_t ns = vp_sp_sentences(k, sents, 256);
    for (size_t si = 0; si < ns; si++) {
        sentence *st = &sents[si];
        size_t first_verb = FIRST_VERB_UNKNOWN;
        cues cs = {
            .speaker_from = vp_sp_sentence_find(k, st, VP_SW_SPEAKER_CUE),
            .listed_from = vp_sp_sentence_find(k, st, VP_SW_NOT_SPEAKER_LEAD),
            .listed = listed || vp_sp_sentence_has(k, st, VP_SW_ELSEWHERE_CUE),
            .audience_at = vp_sp_sentence_find(k, st, VP_SW_AUDIENCE_CUE),
            .silent_before = negated_speaking(k, st),
            .bio = item || (st->s > 0 && tok_bullet(k, st->s - 1)),
            .first_verb = &first_verb,
            .vetoed_before = vp_sp_sentence_find(k, st, VP_SW_NOT_SPEAKER_CUE),
            .session_at = vp_sp_sentence_find(k, st, VP_SW_SESSION_WORD),
        };
        note_speaking_role(k, st, out);
        size_t i = st->s;
        while (i < st->e) {
            const char *phrase;
            bool could_start = k->v[i].kind == T_INITIALS || vp_sp_name_word(k, i) ||
                               vp_sp_opens_surname(k, i) || vp_sp_role(k, i) ||
                               role_phrase(k, i, st->e, &phrase) ||
                               tok_in(k, i, SW(k, VP_SW_ROLE_ADJECTIVE)) ||
                               tok_in(k, i, SW(k, VP_SW_HONORIFIC));
            i = could_start ? read_group(dc, k, st, &cs, i, out) : i + 1;
        }
    }
    free(called);
    free(plain);
}
