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
#include "extract_stages.h"

#include <stdlib.h>
#include <string.h>

#include "extract_text.h"
#include "text.h"

/* ---- tokens ---- */

typedef enum { T_WORD, T_INITIALS, T_PUNCT } tok_kind;

typedef struct tok {
    size_t s, e;
    tok_kind kind;
} tok;

typedef struct toks {
    const char *t;
    size_t len;
    tok *v;
    size_t n, cap;
} toks;

static bool push_tok(toks *k, size_t s, size_t e, tok_kind kind)
{
    if (k->n == k->cap) {
        size_t cap = k->cap ? k->cap * 2 : 64;
        tok *grown = realloc(k->v, cap * sizeof *grown);
        if (!grown)
            return false;
        k->v = grown;
        k->cap = cap;
    }
    k->v[k->n++] = (tok){s, e, kind};
    return true;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* "Dr." "Mr." "Ir.": academic titles, which look like "Th." but are no
 * initials (so that "Dr. P. Sluis" is P. Sluis, the same as Pieter Sluis). */
static bool is_title_abbreviation(const char *t)
{
    static const char *const titles[] = {"Dr", "Mr", "Ir", NULL};
    for (size_t i = 0; titles[i]; i++)
        if (strncmp(t, titles[i], 2) == 0)
            return true;
    return false;
}

/* "M." "J.P." "Th.": one or two letters, the first upper case, then a dot. */
static size_t initials_at(const char *t, size_t len, size_t i)
{
    size_t j = i;
    size_t groups = 0;
    while (j + 1 < len && t[j] >= 'A' && t[j] <= 'Z') {
        size_t k = j + 1;
        if (k < len && t[k] >= 'a' && t[k] <= 'z' && groups == 0) {
            if (is_title_abbreviation(t + j))
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

static bool tokenize(toks *k, const char *t)
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
        size_t end = initials_at(t, len, i);
        if (end) {
            if (!push_tok(k, i, end, T_INITIALS))
                return false;
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
            if (!push_tok(k, i, we, T_WORD))
                return false;
            i = we;
            continue;
        }
        size_t n = vp_ex_charlen(t + i, len - i);
        if (!push_tok(k, i, i + n, T_PUNCT))
            return false;
        i += n;
    }
    return true;
}

static bool tok_is(const toks *k, size_t i, const char *w)
{
    return i < k->n && vp_ex_eq(k->t + k->v[i].s, k->v[i].e - k->v[i].s, w);
}

static bool tok_punct(const toks *k, size_t i, char c)
{
    return i < k->n && k->v[i].kind == T_PUNCT && k->t[k->v[i].s] == c;
}

static bool tok_in(const toks *k, size_t i, const char *const *words)
{
    if (i >= k->n || k->v[i].kind != T_WORD)
        return false;
    for (size_t w = 0; words[w]; w++)
        if (tok_is(k, i, words[w]))
            return true;
    return false;
}

static bool tok_dash(const toks *k, size_t i)
{
    if (i >= k->n || k->v[i].kind != T_PUNCT)
        return false;
    const char *s = k->t + k->v[i].s;
    size_t n = k->v[i].e - k->v[i].s;
    return (n == 1 && s[0] == '-') ||
           (n == 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
            ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94));
}

/* ---- word classes ---- */

static const char *const ROLES[] = {
    "burgemeester", "wethouder", "directeur", "voorzitter", "gedeputeerde",
    "dagvoorzitter", "programmamanager", "projectleider", "adviseur",
    "onderzoeker", "lector", "hoogleraar", "raadslid", "griffier",
    "gemeentesecretaris", "minister", "staatssecretaris", "spreker",
    "moderator", "gespreksleider", "inleider", "secretaris", "bestuurder",
    "programmadirecteur", "beleidsadviseur", "projectmanager", "manager",
    "coördinator", "coordinator", "kwartiermaker", "econoom", "consultant",
    "stedenbouwkundige", "teamleider", "afdelingshoofd", "ambassadeur",
    "initiatiefnemer", "oprichter", "workshopleider", "procesbegeleider",
    "senior", "beleidsmedewerker", "centrummanager", "citymarketeer",
    "programmaleider", "clustermanager", "gemeentesecretaris-directeur",
    "statenlid", "kamerlid", "commissaris", "ondernemer", "architect",
    "dijkgraaf", "ombudsman", "promovendus", "docent", "expert", NULL,
};

/* Adjectives that belong to the role after them: "strategisch adviseur". */
static const char *const ROLE_ADJECTIVES[] = {
    "strategisch", "strategische", "senior", "algemeen", "adjunct",
    "plaatsvervangend", "plaatsvervangende", "beleids", "juridisch",
    "juridische", "economisch", "economische", NULL,
};

/* Verbs and prepositions before a name that make it a speaker. */
static const char *const VERBS_BEFORE[] = {
    "presenteerde", "presenteerden", "door", "gaf", "gaven", "sprak",
    "spraken", "vertelde", "vertelden", "opende", "leidde", "leidden",
    "introduceerde", "interviewde", "inleiding", "presentatie", "presentaties",
    "lezing", "keynote", "toelichting", "namen", "nam", NULL,
};

/* Verbs right after a name (or its organisation) that make it a speaker. */
static const char *const VERBS_AFTER[] = {
    "vertelde", "vertelden", "presenteerde", "presenteerden", "sprak",
    "spraken", "opende", "sloot", "sloten", "gaf", "gaven", "lichtte",
    "lichtten", "hield", "hielden", "ging", "gingen", "deelde", "deelden",
    "schetste", "schetsten", "besprak", "bespraken", "liet", "lieten",
    "benadrukte", "legde", "legden", "leidde", "toonde", "toonden",
    "introduceerde", "heette", "verzorgde", "verzorgden", "nam", "namen",
    "startte", "begon", "vatte", "betoogde", "stelde", "presenteert",
    "vertelt", "spreekt", "opent", "geeft", NULL,
};

/* Words in a sentence that make its names an audience, not speakers. */
static const char *const AUDIENCE_CUES[] = {
    "aanwezig waren", "waren aanwezig", "onder de aanwezigen",
    "aanwezigen waren", "luisterden", "deelnemers waren", "deelnemers:",
    "namen deel", "deelnamen", "schoven aan", "in de zaal zaten",
    "aanwezig was", "was aanwezig", "ook aanwezig", "afwezig", "afgemeld",
    "met kennisgeving", "verhinderd", "onder het publiek", "in het publiek",
    "in de zaal", "zat ook", "zaten ook", "was op werkbezoek",
    /* listening, watching, following: present without speaking */
    "luisterde", "luisterend", "hoorde", "hoorden", "toehoorder",
    "vanuit de zaal", "vanuit het publiek", "keek mee", "keken mee",
    "keek toe", "keken toe", "volgde de middag", "volgde de dag",
    "volgde de bijeenkomst", "volgden de", "online mee", "bijwoonde",
    "bijwoonden", NULL,
};

/* Headings over lists of attendees. */
static const char *const AUDIENCE_HEADINGS[] = {
    "aanwezig", "deelnemer", "afwezig", "afmelding", "genodigde", "present",
    NULL,
};

/* Capitalised words that never belong to a person's name. */
static const char *const NOT_NAMES[] = {
    "de", "het", "een", "in", "op", "na", "tijdens", "ook", "zij", "hij",
    "ze", "er", "dit", "dat", "deze", "die", "voor", "met", "door", "bij",
    "om", "ter", "over", "van", "als", "wat", "hoe", "waar", "wie", "en",
    "maar", "want", "daarna", "vervolgens", "tot", "aan", "uit", "zowel",
    "wij", "we", "ik", "u", "onze", "ons", "hun", "zijn", "haar", "namens",
    "volgens", "welkom", "workshop", "workshops", "gemeente", "gemeenten",
    "provincie", "ministerie", "stichting", "platform", "vereniging",
    "universiteit", "hogeschool", "rijk", "netwerkdag", "kennisdag", "kennis",
    "bijeenkomst", "programma", "agenda", "stad", "regio", "college", "raad",
    "afsluiting", "opening", "inleiding", "plenair", "lunch", "pauze",
    "discussie", "presentatie", "ronde", "eerste", "tweede", "derde",
    "vierde", "impressie", "verslag", "nederland", "nederlandse", "januari",
    "februari", "maart", "april", "mei", "juni", "juli", "augustus",
    "september", "oktober", "november", "december", "maandag", "dinsdag",
    "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "dhr", "heer",
    "mevrouw", "mevr", "mw", "drs", "dr", "prof", "ir", "mr", "ing", "ds",
    "wethouders", "burgemeesters", "directeuren", "minister", "ministers",
    "tot slot", "tenslotte", "ten", "slotte", "daarom", "zo", "nu", "toen",
    "dan", "hier", "daar", "al", "alle", "veel", "samen", "europa",
    "europese", "rijksoverheid", "kamer", "tweede", "provinciale", "staten",
    "college", "gemeenteraad", "vragen", "antwoord", "conclusie", "doel",
    "thema", "sessie", "casus", "vraag", "stelling", "stellingen", "plan",
    "visie", "aanpak", "project", "ambitie", "middelgrote", "kleine",
    "grote", "nieuwe", "binnenstad", "centrum", "concept", "zie", "lees",
    "meer", "informatie", "website", "bron", "foto", "noot", NULL,
};

/* Honorifics before a name; not part of it. */
static const char *const HONORIFICS[] = {
    "dhr", "heer", "mevrouw", "mevr", "mw", "drs", "dr", "prof", "ir", "mr",
    "ing", "ds", "heren", "dames", NULL,
};

/* Endings of compound roles: "informatiemanager", "retaileconoom",
 * "PMG-voorzitter", "locoburgemeester". */
static const char *const ROLE_SUFFIXES[] = {
    "adviseur", "manager", "directeur", "voorzitter", "leider", "econoom",
    "onderzoeker", "wethouder", "burgemeester", "coördinator", "specialist",
    "deskundige", "planoloog", "socioloog", "strateeg", "consultant",
    "secretaris", "medewerker", "architect", "kundige", "loog", NULL,
};

/* The canonical role for a word ("burgemeester"; "manager" for
 * "informatiemanager"), or NULL. */
static const char *role_word(const toks *k, size_t i)
{
    if (i >= k->n || k->v[i].kind != T_WORD)
        return NULL;
    for (size_t r = 0; ROLES[r]; r++)
        if (tok_is(k, i, ROLES[r]))
            return ROLES[r];
    const char *s = k->t + k->v[i].s;
    size_t n = k->v[i].e - k->v[i].s;
    for (size_t r = 0; ROLE_SUFFIXES[r]; r++) {
        size_t l = strlen(ROLE_SUFFIXES[r]);
        if (n > l + 2 && vp_ex_eq(s + n - l, l, ROLE_SUFFIXES[r]))
            return ROLE_SUFFIXES[r];
    }
    return NULL;
}

/* ---- names ---- */

typedef struct doc_ctx {
    const vp_gazetteer *gazetteer;
    /* lower-case words of the report: a capitalised word that also occurs in
     * lower case ("Concept", "Binnenstad") is an ordinary word */
    char **lower_words;
    size_t n_lower, cap_lower;
} doc_ctx;

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

static void lower_set_free(doc_ctx *dc)
{
    for (size_t i = 0; i < dc->cap_lower; i++)
        free(dc->lower_words[i]);
    free(dc->lower_words);
}

/* A capitalised word that may be part of a name: "Marloes", "Jan-Willem",
 * "IJzerman"; not "PMG", "Platform31", "PMG-lid" or a function word. */
static bool is_name_word(const toks *k, size_t i)
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
    return !tok_in(k, i, NOT_NAMES);
}

static bool is_particle_tok(const toks *k, size_t i)
{
    return i < k->n && k->v[i].kind == T_WORD &&
           vp_ex_is_particle(k->t + k->v[i].s, k->v[i].e - k->v[i].s);
}

typedef struct name_span {
    size_t s, e;        /* token range */
    size_t words;       /* capitalised words and initials */
    bool initials;
} name_span;

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
static bool parse_name(const doc_ctx *dc, const toks *k, size_t i, name_span *out)
{
    size_t j = i, words = 0, end = 0;
    bool initials = false;
    while (j < k->n && k->v[j].kind == T_INITIALS && words == 0) {
        initials = true;
        words++;
        j++;
    }
    while (j < k->n) {
        if (is_name_word(k, j)) {
            words++;
            end = ++j;
            continue;
        }
        if (is_particle_tok(k, j) && words) {
            size_t p = j;
            while (is_particle_tok(k, p))
                p++;
            if (!is_name_word(k, p))
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
        if (k->v[w].kind == T_WORD && !is_particle_tok(k, w) &&
            !lower_set_has(dc, k->t + k->v[w].s, k->v[w].e - k->v[w].s))
            all_known = false;
    if (all_known && !initials)
        return false;
    if (is_municipality(dc, k, i, end))
        return false;
    *out = (name_span){i, end, words, initials};
    return true;
}

/* ---- mentions ---- */

typedef struct mention {
    char *name;
    char *org;
    const char *role;   /* static string */
    char *role_owned;   /* "strategisch adviseur" */
    size_t words;
    bool initials;
    bool triggered;
    bool role_before;
} mention;

typedef struct mentions {
    mention *v;
    size_t n, cap;
} mentions;

static mention *add_mention(mentions *ms)
{
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
    }
    free(ms->v);
}

/* The text of tokens [s, e) with single spaces. */
static char *tokens_text(const toks *k, size_t s, size_t e)
{
    size_t cap = 1;
    for (size_t i = s; i < e; i++)
        cap += k->v[i].e - k->v[i].s + 1;
    char *out = malloc(cap);
    if (!out)
        return NULL;
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

/* Organisation tokens at i: capitalised words, acronyms, "Platform31",
 * possibly after "gemeente"/"de gemeente"; returns the end token. */
static size_t org_at(const toks *k, size_t i, size_t limit, size_t *start)
{
    size_t j = i;
    while (j < limit && (tok_is(k, j, "de") || tok_is(k, j, "het") ||
                         tok_is(k, j, "gemeente") || tok_is(k, j, "gastgemeente")))
        j++;
    /* "van energiecoöperatie Eemenergie", "bij adviesbureau Stec Groep" */
    for (size_t skip = 0; skip < 2 && j + 1 < limit && k->v[j].kind == T_WORD &&
                          vp_ex_is_lower(k->t + k->v[j].s, k->v[j].e - k->v[j].s) &&
                          !tok_is(k, j, "en") && !tok_in(k, j, VERBS_AFTER);
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
    while (j < limit && n < 5 && k->v[j].kind == T_WORD) {
        const char *s = k->t + k->v[j].s;
        size_t len = k->v[j].e - k->v[j].s;
        bool ok = vp_ex_is_upper(s, len) || (s[0] >= '0' && s[0] <= '9') ||
                  vp_ex_apostrophe(s, len);
        if (!ok && !(n > 0 && is_particle_tok(k, j) && j + 1 < limit &&
                     vp_ex_is_upper(k->t + k->v[j + 1].s, 1)))
            break;
        j++;
        n++;
    }
    return n ? j : i;
}

/* Role before a name (token p is right before the name): "burgemeester",
 * "strategische adviseur".  Returns the role and the first role token. */
static const char *role_before(const toks *k, size_t p, size_t *first,
                               char **owned)
{
    *owned = NULL;
    const char *r = role_word(k, p);
    if (!r)
        return NULL;
    *first = p;
    if (p > 0 && tok_in(k, p - 1, ROLE_ADJECTIVES)) {
        *first = p - 1;
        char buf[64];
        vp_ex_lower(k->t, k->v[p - 1].s, k->v[p - 1].e, buf, sizeof buf);
        size_t n = strlen(buf);
        if (n > 1 && buf[n - 1] == 'e' && strcmp(buf, "senior") != 0)
            buf[n - 1] = '\0';   /* strategische -> strategisch */
        size_t len = strlen(buf) + strlen(r) + 2;
        *owned = malloc(len);
        if (*owned) {
            strcpy(*owned, buf);
            strcat(*owned, " ");
            strcat(*owned, r);
        }
    }
    return r;
}

/* Skips honorifics right before token i (going back); returns the token
 * before them. */
static size_t before_honorifics(const toks *k, size_t i)
{
    size_t p = i;
    while (p > 0) {
        size_t q = p - 1;
        if (tok_punct(k, q, '.') && q > 0 && tok_in(k, q - 1, HONORIFICS))
            p = q - 1;
        else if (tok_in(k, q, HONORIFICS) || (tok_is(k, q, "de") && p < k->n &&
                                               tok_is(k, p, "heer")))
            p = q;
        else
            break;
    }
    return p;
}

typedef struct sentence {
    size_t s, e;
} sentence;

/* Parenthesised organisation or role after a name: "(Platform31)",
 * "(wethouder Roermond)", "(van Gorinchem)".  Returns the token after ')'. */
static size_t paren_after(const toks *k, size_t i, size_t limit, mention *m)
{
    if (!tok_punct(k, i, '('))
        return 0;
    size_t close = i + 1;
    while (close < limit && close < i + 14 && !tok_punct(k, close, ')'))
        close++;
    if (close >= limit || !tok_punct(k, close, ')') || close == i + 1)
        return 0;
    size_t c = i + 1;
    const char *role = role_word(k, c);
    if (role) {
        m->role = role;
        c++;
        while (c < close && (tok_is(k, c, "van") || tok_is(k, c, "bij") ||
                             tok_punct(k, c, ',')))
            c++;
    } else {
        while (c < close && tok_is(k, c, "van"))
            c++;
        const char *s = k->t + k->v[c].s;
        size_t n = k->v[c].e - k->v[c].s;
        bool ok = vp_ex_is_upper(s, n) || (s[0] >= '0' && s[0] <= '9') ||
                  vp_ex_apostrophe(s, n) || tok_is(k, c, "gemeente") ||
                  tok_is(k, c, "provincie") || tok_is(k, c, "ministerie");
        if (!ok)
            return 0;
        bool digits_only = true;
        for (size_t j = k->v[c].s; j < k->v[close - 1].e; j++)
            if (!(k->t[j] >= '0' && k->t[j] <= '9') && k->t[j] != ' ' &&
                k->t[j] != '-')
                digits_only = false;
        if (digits_only)
            return 0;
    }
    if (c < close) {
        free(m->org);
        m->org = tokens_text(k, c, close);
    }
    return close + 1;
}

/* ", directeur Platform31" after a name.  Returns the token after it, or 0
 * when the comma starts something else (a next name). */
static size_t comma_role_after(const doc_ctx *dc, const toks *k, size_t i,
                               size_t limit, mention *m)
{
    if (!tok_punct(k, i, ',') && !tok_dash(k, i))
        return 0;
    size_t r = i + 1;
    size_t adj = r;
    if (tok_in(k, r, ROLE_ADJECTIVES))
        r++;
    const char *role = role_word(k, r);
    if (!role)
        return 0;
    name_span next;
    if (parse_name(dc, k, r + 1, &next) &&
        (tok_punct(k, next.e, '(') || tok_in(k, next.e, VERBS_AFTER) ||
         (next.words >= 2 && !tok_punct(k, next.e, ','))))
        return 0;   /* ", burgemeester Backhuys (Nieuwegein)": a next name */
    char *owned = NULL;
    size_t first;
    role_before(k, r, &first, &owned);
    (void)adj;
    m->role = role;
    free(m->role_owned);
    m->role_owned = owned;
    size_t j = r + 1;
    while (j < limit && (tok_is(k, j, "van") || tok_is(k, j, "bij") ||
                         tok_is(k, j, "namens") || tok_is(k, j, "in")))
        j++;
    size_t os;
    size_t oe = org_at(k, j, limit, &os);
    if (oe > os) {
        free(m->org);
        m->org = tokens_text(k, os, oe);
        return oe;
    }
    return r + 1;
}

/* ---- one sentence ---- */

typedef struct member {
    name_span span;
    mention m;
} member;

static bool sentence_has_cue(const toks *k, const sentence *s,
                             const char *const *cues)
{
    char buf[1024];
    vp_ex_lower(k->t, k->v[s->s].s, k->v[s->e - 1].e, buf, sizeof buf);
    for (size_t c = 0; cues[c]; c++)
        if (strstr(buf, cues[c]))
            return true;
    return false;
}

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
    m->name = tokens_text(k, mb->span.s, mb->span.e);
    m->words = mb->span.words;
    m->initials = mb->span.initials;
    memset(&mb->m, 0, sizeof mb->m);
}

/* Reads a group of names joined by "en" or ",", each with its own role,
 * parentheses or ", role Org"; then "van Org" and a verb after the group.
 * Returns the token after the group. */
static size_t read_group(const doc_ctx *dc, const toks *k, const sentence *st,
                         size_t i, mentions *out)
{
    member group[8];
    size_t n = 0;
    size_t j = i;
    bool verb_before = false;
    while (n < 8) {
        /* role and honorifics before this member */
        size_t start = j;
        const char *role = NULL;
        char *owned = NULL;
        size_t role_first = j;
        size_t q = j;
        if (tok_in(k, q, ROLE_ADJECTIVES) && role_word(k, q + 1))
            q++;
        if (role_word(k, q)) {
            role = role_before(k, q, &role_first, &owned);
            q++;
        }
        while (q < st->e && (tok_in(k, q, HONORIFICS) || tok_punct(k, q, '.') ||
                             (tok_is(k, q, "de") && tok_is(k, q + 1, "heer"))))
            q++;
        name_span span;
        bool named = parse_name(dc, k, q, &span);
        if (!named && role && is_name_word(k, q)) {
            /* "burgemeester Backhuys": a bare surname after a role */
            span = (name_span){q, q + 1, 1, false};
            named = true;
        }
        if (!named || span.s >= st->e) {
            free(owned);
            if (n == 0)
                return i + 1;
            j = start;
            break;
        }
        member *mb = &group[n++];
        memset(mb, 0, sizeof *mb);
        mb->span = span;
        mb->m.role = role;
        mb->m.role_owned = owned;
        mb->m.role_before = role != NULL;
        if (role) {
            /* "PMG voorzitter Koos Janssen": an acronym before the role */
            size_t before = role_first;
            if (before > st->s && k->v[before - 1].kind == T_WORD) {
                const char *s = k->t + k->v[before - 1].s;
                size_t len = k->v[before - 1].e - k->v[before - 1].s;
                bool acronym = len >= 2;
                for (size_t c = 0; c < len; c++)
                    if (!((s[c] >= 'A' && s[c] <= 'Z') || (s[c] >= '0' && s[c] <= '9')))
                        acronym = false;
                if (acronym)
                    mb->m.org = vp_strndup(s, len);
            }
        }
        if (n == 1) {
            size_t p = before_honorifics(k, role ? role_first : span.s);
            if (p > st->s && tok_in(k, p - 1, VERBS_BEFORE))
                verb_before = true;
            if (p > st->s + 1 && tok_in(k, p - 2, VERBS_BEFORE) &&
                (tok_is(k, p - 1, "door") || tok_is(k, p - 1, "van")))
                verb_before = true;   /* "presentatie door" */
            if (p > st->s && tok_is(k, p - 1, "door"))
                verb_before = true;
            /* "Dagvoorzitter was Pieter Kousemaker" */
            if (!role && p > st->s + 1 &&
                (tok_is(k, p - 1, "was") || tok_is(k, p - 1, "is")) &&
                role_word(k, p - 2)) {
                mb->m.role = role_word(k, p - 2);
                mb->m.role_before = true;
            }
            /* "in de Zwolse Statenzaal": an article never precedes a person */
            if (!role && p > st->s &&
                (tok_is(k, p - 1, "de") || tok_is(k, p - 1, "het") ||
                 tok_is(k, p - 1, "een"))) {
                n--;
                return span.e;
            }
        }
        j = span.e;
        size_t after = paren_after(k, j, st->e, &mb->m);
        if (after) {
            mb->m.triggered = true;
            j = after;
        }
        after = comma_role_after(dc, k, j, st->e, &mb->m);
        if (after) {
            mb->m.triggered = true;
            j = after;
        }
        if (mb->m.role_before)
            mb->m.triggered = true;
        /* "Tim Hoekman van energiecoöperatie Eemenergie en ..." */
        if (!mb->m.org && (tok_is(k, j, "van") || tok_is(k, j, "namens") ||
                           tok_is(k, j, "bij"))) {
            size_t os;
            size_t oe = org_at(k, j + 1, st->e, &os);
            if (oe > os) {
                mb->m.org = tokens_text(k, os, oe);
                j = oe;
            }
        }
        /* a next member? */
        if (tok_is(k, j, "en") || tok_punct(k, j, ',') || tok_punct(k, j, '&')) {
            size_t nx = j + 1;
            if (tok_in(k, nx, ROLE_ADJECTIVES))
                nx++;
            if (role_word(k, nx))
                nx++;
            while (tok_in(k, nx, HONORIFICS) || tok_punct(k, nx, '.'))
                nx++;
            name_span probe;
            if (parse_name(dc, k, nx, &probe) ||
                (nx > j + 1 && is_name_word(k, nx))) {
                j++;
                continue;
            }
        }
        break;
    }
    /* "... van Platform31" after the group */
    char *group_org = NULL;
    if (tok_is(k, j, "van") || tok_is(k, j, "namens") || tok_is(k, j, "bij")) {
        size_t os;
        size_t oe = org_at(k, j + 1, st->e, &os);
        if (oe > os) {
            group_org = tokens_text(k, os, oe);
            j = oe;
        }
    }
    if (tok_punct(k, j, ',') && tok_in(k, j + 1, VERBS_AFTER))
        j++;
    bool verb_after = tok_in(k, j, VERBS_AFTER) ||
                      (tok_is(k, j, "was") && tok_is(k, j + 1, "aan"));
    if (!group_org && n > 1 && group[n - 1].m.org && !group[0].m.org)
        group_org = strdup(group[n - 1].m.org);   /* "A en B van Platform31" */
    for (size_t g = 0; g < n; g++) {
        member *mb = &group[g];
        if (group_org && !mb->m.org)
            mb->m.org = strdup(group_org);
        if (verb_before || verb_after)
            mb->m.triggered = true;
        /* a bare surname without a role is only good for merging */
        keep_member(out, mb, k);
    }
    free(group_org);
    return j > i ? j : i + 1;
}

static bool is_abbreviation_dot(const toks *k, size_t dot)
{
    static const char *const abbrev[] = {
        "dhr", "mevr", "mw", "drs", "dr", "ir", "mr", "prof", "ing", "bijv",
        "ca", "nr", "o.a", "m.m.v", "t.a.v", "i.s.m", "ds", "st", "jl", NULL,
    };
    return dot > 0 && tok_in(k, dot - 1, abbrev);
}

/* Cuts tokens into sentences at . ! ? (not after abbreviations). */
static size_t split_sentences(const toks *k, sentence *out, size_t max)
{
    size_t n = 0, s = 0;
    for (size_t i = 0; i < k->n && n + 1 < max; i++) {
        if (k->v[i].kind != T_PUNCT)
            continue;
        char c = k->t[k->v[i].s];
        if ((c == '.' || c == '!' || c == '?') && !is_abbreviation_dot(k, i)) {
            if (i > s)
                out[n++] = (sentence){s, i};
            s = i + 1;
        }
    }
    if (s < k->n)
        out[n++] = (sentence){s, k->n};
    return n;
}

static void scan_block(const doc_ctx *dc, toks *k, const char *text,
                       mentions *out)
{
    if (!tokenize(k, text))
        return;
    sentence sents[256];
    size_t ns = split_sentences(k, sents, 256);
    for (size_t si = 0; si < ns; si++) {
        sentence *st = &sents[si];
        if (sentence_has_cue(k, st, AUDIENCE_CUES))
            continue;
        size_t i = st->s;
        while (i < st->e) {
            bool could_start = k->v[i].kind == T_INITIALS || is_name_word(k, i) ||
                               role_word(k, i) || tok_in(k, i, ROLE_ADJECTIVES);
            i = could_start ? read_group(dc, k, st, i, out) : i + 1;
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

static bool contains_word(const char *text, const char *const *cues)
{
    char buf[256];
    vp_ex_lower(text, 0, strlen(text), buf, sizeof buf);
    for (size_t c = 0; cues[c]; c++)
        if (strstr(buf, cues[c]))
            return true;
    return false;
}

static const char *const SPEAKER_COLUMNS[] = {
    "spreker", "inleider", "presentator", "door", "wie", "gespreksleider",
    "workshopleider", "presentatie", NULL,
};

/* A validated speaker from a cell or list item ("Naam (Org)", "Naam, rol
 * Org"): the name must parse as a name on its own. */
static void add_parsed(const doc_ctx *dc, toks *scratch, const char *s,
                       const char *org_override, mentions *out)
{
    char *name = NULL, *org = NULL, *role = NULL;
    if (!vp_parse_speaker(s, &name, &org, &role))
        return;
    name_span span;
    if (tokenize(scratch, name) && parse_name(dc, scratch, 0, &span) &&
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
            m->triggered = true;
        }
    }
    free(name);
    free(org);
    free(role);
}

/* Several speakers in one cell: "A (X) en B (Y)", "A; B". */
static void add_cell(const doc_ctx *dc, toks *scratch, char *cell,
                     const char *org, mentions *out)
{
    char *s = cell;
    while (s && *s) {
        char *cut = strstr(s, " en ");
        char *semi = strchr(s, ';');
        char *amp = strstr(s, " & ");
        if (semi && (!cut || semi < cut))
            cut = semi;
        if (amp && (!cut || amp < cut))
            cut = amp;
        char *next = NULL;
        if (cut) {
            next = cut + (*cut == ';' ? 1 : (*(cut + 1) == '&' ? 3 : 4));
            *cut = '\0';
        }
        add_parsed(dc, scratch, vp_trim(s), org, out);
        s = next;
    }
}

/* Rows of one table from blocks[*i]; the first row is the header. */
static void scan_table(const doc_ctx *dc, toks *scratch, const vp_parsed *p,
                       size_t *i, bool audience, mentions *out)
{
    size_t first = *i;
    size_t last = first;
    while (last + 1 < p->n_blocks && p->blocks[last + 1].kind == VP_BLOCK_TABLE_ROW)
        last++;
    *i = last;
    char *header = strdup(p->blocks[first].text);
    if (!header || audience) {
        free(header);
        return;
    }
    char *cells[32];
    size_t nc = split_cells(header, cells, 32);
    int speaker_col = -1, org_col = -1;
    for (size_t c = 0; c < nc; c++) {
        const char *const org_cues[] = {"organisatie", "namens", "gemeente", NULL};
        if (speaker_col < 0 && contains_word(cells[c], SPEAKER_COLUMNS))
            speaker_col = (int)c;
        else if (org_col < 0 && contains_word(cells[c], org_cues))
            org_col = (int)c;
    }
    if (speaker_col < 0 && nc > 0 && vp_ex_eq(cells[0], strlen(cells[0]), "naam"))
        speaker_col = 0;
    free(header);
    if (speaker_col < 0)
        return;
    for (size_t r = first + 1; r <= last; r++) {
        char *row = strdup(p->blocks[r].text);
        if (!row)
            return;
        char *rc[32];
        size_t n = split_cells(row, rc, 32);
        if ((size_t)speaker_col < n) {
            const char *org = org_col >= 0 && (size_t)org_col < n ? rc[org_col] : NULL;
            add_cell(dc, scratch, rc[speaker_col], org, out);
        }
        free(row);
    }
}

static const char *const SPEAKER_HEADINGS[] = {
    "spreker", "inleider", "presentator", "programma", "spraken", "sprak",
    "aan het woord", "presentaties", NULL,
};

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
    add_cell(dc, scratch, copy, NULL, out);
    free(copy);
}

/* ---- merging ---- */

static char *fold_word(const char *s)
{
    char *f = vp_fold(s);
    return f;
}

/* The last word of a name, folded: the surname key. */
static char *surname_key(const char *name)
{
    const char *sp = strrchr(name, ' ');
    return fold_word(sp ? sp + 1 : name);
}

static char *first_word(const char *name)
{
    size_t n = strcspn(name, " ");
    char *w = vp_strndup(name, n);
    char *f = w ? vp_fold(w) : NULL;
    free(w);
    return f;
}

/* Two full names of one person: same surname, and the given names agree
 * (equal, or one is the initial of the other). */
static bool same_person(const mention *a, const mention *b)
{
    char *sa = surname_key(a->name), *sb = surname_key(b->name);
    bool same = sa && sb && strcmp(sa, sb) == 0;
    free(sa);
    free(sb);
    if (!same)
        return false;
    if (a->words < 2 || b->words < 2)
        return true;
    char *fa = first_word(a->name), *fb = first_word(b->name);
    bool ok = false;
    if (fa && fb) {
        if (a->initials || b->initials)
            ok = fa[0] == fb[0];
        else
            ok = strcmp(fa, fb) == 0;
    }
    free(fa);
    free(fb);
    return ok;
}

/* Is b a fuller form of the name than a? */
static bool fuller(const mention *b, const mention *a)
{
    if (a->initials != b->initials)
        return a->initials;
    if (a->words != b->words)
        return b->words > a->words;
    return strlen(b->name) > strlen(a->name);
}

static void absorb(mention *into, mention *from)
{
    if (fuller(from, into)) {
        char *t = into->name;
        into->name = from->name;
        from->name = t;
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
}

/* Persons from mentions: full names first, then bare surnames that name
 * exactly one of them. */
static void merge_mentions(mentions *ms, mentions *persons)
{
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < ms->n; i++) {
            mention *m = &ms->v[i];
            if (!m->name || (pass == 0) != (m->words >= 2))
                continue;
            size_t hits = 0, hit = 0;
            for (size_t j = 0; j < persons->n; j++)
                if (same_person(&persons->v[j], m)) {
                    hits++;
                    hit = j;
                    if (pass == 0)
                        break;
                }
            if (hits >= 1 && (pass == 0 || hits == 1)) {
                absorb(&persons->v[hit], m);
                continue;
            }
            if (hits > 1 || !m->triggered || (m->words < 2 && !m->role_before))
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
        if (!m->triggered || !m->name)
            continue;
        bool dup = false;
        for (size_t j = 0; j < d->n_speakers && !dup; j++)
            dup = vp_fold_equal(d->speakers[j].name, m->name);
        if (!dup && !vp_document_add_speaker(d, m->name, m->org,
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

static void collect_lower_words(doc_ctx *dc, const vp_parsed *p)
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

static bool is_heading(const vp_block *b)
{
    return b->kind == VP_BLOCK_HEADING || b->pseudo_heading;
}

static void speakers_from_text(const doc_ctx *dc, const vp_parsed *p,
                               mentions *ms)
{
    toks k = {0}, scratch = {0};
    bool audience = false, speaker_list = false;
    for (size_t i = 0; i < p->n_blocks; i++) {
        const vp_block *b = &p->blocks[i];
        if (b->kind == VP_BLOCK_CODE)
            continue;
        if (is_heading(b)) {
            audience = contains_word(b->text, AUDIENCE_HEADINGS);
            speaker_list = contains_word(b->text, SPEAKER_HEADINGS);
        } else if (b->kind == VP_BLOCK_PARAGRAPH) {
            /* "Aanwezig:" or "De sprekers waren:" introduce the list below */
            size_t n = strlen(b->text);
            while (n > 0 && is_space(b->text[n - 1]))
                n--;
            bool intro = n > 0 && b->text[n - 1] == ':';
            if (intro) {
                audience = contains_word(b->text, AUDIENCE_HEADINGS);
                speaker_list = !audience && contains_word(b->text, SPEAKER_HEADINGS);
            } else if (i > 0 && p->blocks[i - 1].kind == VP_BLOCK_ITEM) {
                speaker_list = false;
                audience = audience && !is_heading(b);
            }
        }
        if (audience)
            continue;
        if (b->kind == VP_BLOCK_TABLE_ROW) {
            scan_table(dc, &scratch, p, &i, audience, ms);
            continue;
        }
        if (b->kind == VP_BLOCK_ITEM && speaker_list)
            scan_item(dc, &scratch, b->text, ms);
        scan_block(dc, &k, b->text, ms);
    }
    free(k.v);
    free(scratch.v);
}

/* False when out of memory. */
static bool speakers_from_front_matter(const vp_parsed *p, vp_document *d)
{
    bool ok = true;
    for (size_t i = 0; ok && i < p->fm.speakers.len; i++) {
        char *name = NULL, *org = NULL, *role = NULL;
        if (vp_parse_speaker(p->fm.speakers.items[i], &name, &org, &role)) {
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
    if (p->fm.speakers.len > 0)
        return speakers_from_front_matter(p, d) ? VP_EXTRACT_OK : VP_EXTRACT_NO_MEMORY;
    doc_ctx dc = {.gazetteer = ctx ? ctx->gazetteer : NULL};
    collect_lower_words(&dc, p);
    mentions ms = {0}, persons = {0};
    speakers_from_text(&dc, p, &ms);
    merge_mentions(&ms, &persons);
    bool ok = store_speakers(d, &persons);
    free_mentions(&ms);
    free_mentions(&persons);
    lower_set_free(&dc);
    /* the tokenizer and the mention lists still drop what they cannot
     * allocate without saying so (issue 16: the speakers rewrite) */
    return ok ? VP_EXTRACT_OK : VP_EXTRACT_NO_MEMORY;
}

/* ---- front matter strings ---- */

static bool is_role_text(const char *s, size_t n, size_t *role_len)
{
    /* one or two words: "burgemeester", "strategisch adviseur" */
    size_t w1 = strcspn(s, " ,()");
    if (w1 > n)
        w1 = n;
    for (size_t r = 0; ROLES[r]; r++)
        if (vp_ex_eq(s, w1, ROLES[r])) {
            *role_len = w1;
            return true;
        }
    for (size_t a = 0; ROLE_ADJECTIVES[a]; a++)
        if (vp_ex_eq(s, w1, ROLE_ADJECTIVES[a]) && w1 < n && s[w1] == ' ') {
            const char *s2 = s + w1 + 1;
            size_t w2 = strcspn(s2, " ,()");
            for (size_t r = 0; ROLES[r]; r++)
                if (vp_ex_eq(s2, w2, ROLES[r])) {
                    *role_len = w1 + 1 + w2;
                    return true;
                }
        }
    return false;
}

static char *trimmed_copy(const char *s, size_t n)
{
    while (n > 0 && (is_space(*s) || *s == ',')) {
        s++;
        n--;
    }
    while (n > 0 && (is_space(s[n - 1]) || s[n - 1] == ',' || s[n - 1] == '.'))
        n--;
    return n ? vp_strndup(s, n) : NULL;
}

/* "wethouder van Gorinchem", "directeur Platform31", "Platform31" */
static void parse_org_role(const char *s, size_t n, char **org, char **role)
{
    while (n > 0 && is_space(*s)) {
        s++;
        n--;
    }
    size_t rl;
    if (!*role && is_role_text(s, n, &rl)) {
        *role = vp_strndup(s, rl);
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

bool vp_parse_speaker(const char *s, char **name, char **org, char **role)
{
    *name = *org = *role = NULL;
    if (!s)
        return false;
    while (is_space(*s))
        s++;
    size_t len = strlen(s), rl;
    /* a leading role: "burgemeester Govert Veldhuijzen (Gorinchem)" */
    if (is_role_text(s, len, &rl) && rl < len && s[rl] == ' ') {
        size_t after = rl + 1;
        if (after < len && vp_ex_is_upper(s + after, len - after)) {
            *role = vp_strndup(s, rl);
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
        parse_org_role(rest + 1, inner, org, role);
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
        parse_org_role(rest, rest_len, org, role);
    return true;
}
