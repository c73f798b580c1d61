/*
 * extract_place_mentions.c: the mentions of the places stage (see
 * extract_places.c): every name of a municipality or place in one text,
 * what it stood for in the report's year and whether it counts.
 *
 * The gazetteer finds every name of a municipality (current or former) and
 * of a place (woonplaats: "Emmeloord", "Hoogezand"); this file decides
 * which mentions count, and what each stood for in the report's year
 * (d->date): a place is its municipality of that year ("Hoogezand" is
 * Hoogezand-Sappemeer in 2016, Midden-Groningen in 2019), a former
 * municipality named after it ended is a town of its successor ("Sneek" in
 * 2013 is Súdwest-Fryslân), and a place whose municipality of that year is
 * not known counts for nothing.
 *
 * A mention is rejected when it is written in lower case ("best"), stands
 * by a word that makes it a province, region or institution ("provincie
 * Utrecht", "regio Eindhoven", "the Eindhoven region", "Port of
 * Rotterdam", "TU Delft", "Hogeschool Windesheim Zwolle"), names only a
 * neighbour ("Enschede-buur Oldenzaal", which supports Oldenzaal), the
 * place of the next meeting, or the tail of a person's name ("Joost van
 * Hoorn", "dhr. Weert", "Van Kampen zei"; though "burgemeester Kooistra van
 * Veenendaal" is the mayor of Veenendaal), or a speaker's surname written
 * bare ("Goes presenteerde" after "Karin Goes", unless a list or "gemeente
 * Goes" makes it the place; the speakers stage runs first).  A
 * municipality named only on a line of absentees ("Afwezig met bericht:
 * gemeente Weert") or in an attendance table's row marked absent took no
 * part; so did the places extract_place_absent.c finds: named in a
 * sentence saying they stayed away, a journey's stops, partners,
 * comparisons, examples, the government in "Den Haag".  Names that are
 * also ordinary words, surnames or provinces (flagged ambiguous in the
 * data) need support: "gemeente X", "in X", "(X)" after a speaker, or a
 * list of other municipalities.  Two places of one name ("Bergen" in
 * Limburg and in Noord-Holland) are told apart by the province the
 * report's other municipalities are in, and a place outside that province
 * counts only in a list ("op Willemsoord" in Den Helder is no village in
 * Overijssel).
 */
#include "extract_places.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract_text.h"
#include "mem.h"
#include "person_name.h"
#include "text.h"

/* ---- word lists ---- */

/* Words before a name that make it a province, region or institution. */
const char *const VP_PLACES_REGION_WORDS[] = {
    "provincie", "provincies", "regio", "regio's", "metropoolregio",
    "stadsregio", "veiligheidsregio", "vervoerregio", "universiteit",
    "rijksuniversiteit", "hogeschool", "agglomeratie", "arrondissement",
    "rechtbank", "gerechtshof", "bisdom", "waterschap", "hoogheemraadschap",
    "gemeentelijke", "provinciale", "regionale", "omgevingsdienst", "ggd",
    "hanzehogeschool", "museum", "station", "ziekenhuis", "fc", "sc", "vv", "tu", "tue",
    "province", "university", "kreis", "landkreis", "stadt", "county", NULL,
};

/* Words after a name that make it a region or an institution: "the
 * Eindhoven region", "Wageningen University". */
static const char *const REGION_AFTER[] = {
    "region", "regio", "area", "e.o.", "eo", "university", "universiteit", "airport",
    "academy", NULL,
};

/* "X of Y", "X van Y": the institution or region of a place ("Port of
 * Rotterdam", "Hogeschool van Arnhem en Nijmegen", "Province of Utrecht"). */
static const char *const INSTITUTION_OF[] = {
    "province", "provincie", "port", "haven", "university", "universiteit", "hogeschool",
    "region", "regio", "county", "bisdom", "diocese", "kingdom", "koninkrijk", NULL,
};

/* Words before an ambiguous name that make it the municipality. */
static const char *const SUPPORT_WORDS[] = {
    "gemeente", "gemeenten", "gastgemeente", "in", "uit", "van", "te",
    "burgemeester", "wethouder", "wethouders", "naar", "bij", "stad",
    "binnenstad", "centrum", "raad", "gemeenteraad", "college", "of",
    "municipality", "mayor", "alderman", "from", NULL,
};

/* Capitalised words that may stand before a municipality without making
 * it a surname ("Gemeente Zeist", "In Zeist"). */
static const char *const NOT_FIRST_NAMES[] = {
    "gemeente", "gemeenten", "gastgemeente", "in", "uit", "van", "te",
    "naar", "bij", "op", "voor", "met", "door", "om", "rond", "rondom",
    "burgemeester", "wethouder", "stad", "binnenstad", "centrum", "en", "of",
    "de", "het", "een", "als", "zoals", "waaronder", "over", "tussen", "na",
    "ook", "dat", "die", "zowel", "maar", "want", "dus", "welkom",
    "college", "raad", "gemeenteraad", "regio", "provincie", "kennisdag",
    "netwerkdag", "bijeenkomst", "werkbezoek", "excursie", "bezoek",
    "ontvangst", "locatie", "plaats", "datum", "host", "gastheer", "vanuit",
    "tot", "via", "namens", "richting", "noord", "zuid", "oost", "west",
    "midden", "municipality", "city", "town", "mayor", "alderman", "the",
    "from", "to", "at", "and", "visit", "hosted", "toen", "daarna", "daarom",
    "hier", "daar", "nu", "verder", "vervolgens", "zo", "wel", "niet", "alleen",
    "vooral", "zelfs", "bovendien", "tevens", "later", "eerder", "ja", "nee",
    "also", "then", "both", "only", "even", "later", "when", "while", "after",
    "before", "since", "as", "for", "with", "by", "on", "near", "wie", "wat",
    "waar", "hoe", "waarom", "wanneer", "aanwezig", "afwezig", "deelnemers",
    "gemeenten", "sprekers", "programma", "thema", "organisatie", NULL,
};

/* Words before a name the report also gives a person ("Karin Goes") that
 * make it the municipality after all: "gemeente Goes", "uit Goes".  Not
 * "(Goes)" nor "wethouder Goes", which name the person again. */
static const char *const SURNAME_SUPPORT[] = {
    "gemeente", "gemeenten", "gastgemeente", "in", "uit", "te", "naar", "stad",
    "binnenstad", "centrum", "municipality", "from", NULL,
};

/* Roles that put "X van Y" on the mayor of Y, not on a person "X van Y". */
static const char *const OFFICE_WORDS[] = {
    "burgemeester", "wethouder", "gemeentesecretaris", "mayor", "alderman", "burgemeesters",
    "wethouders", "mayors", "aldermen", NULL,
};

/* ---- what a mention looks like ---- */

static bool starts_upper(const char *t, size_t len, size_t start)
{
    if (vp_ex_is_upper(t + start, len - start))
        return true;
    /* 's-Hertogenbosch, ’s-Gravenhage, 't Hoogeland */
    size_t ap = vp_ex_apostrophe(t + start, len - start);
    return ap && start + ap < len && (t[start + ap] == 's' || t[start + ap] == 't');
}

/* Sentence start: only spaces, nothing, or . ! ? : before pos. */
static bool at_sentence_start(const char *t, size_t pos)
{
    size_t i = pos;
    while (i > 0 && t[i - 1] == ' ')
        i--;
    return i == 0 || t[i - 1] == '.' || t[i - 1] == '!' || t[i - 1] == '?' ||
           t[i - 1] == ':' || t[i - 1] == '\n' || t[i - 1] == '"';
}

/* A capitalised word that is neither all caps nor a known function word:
 * looks like a given name. */
static bool looks_like_given_name(const char *t, size_t ws, size_t we)
{
    if (!vp_ex_is_upper(t + ws, we - ws) || vp_ex_all_caps(t + ws, we - ws))
        return false;
    if (vp_ex_eq_any(t + ws, we - ws, NOT_FIRST_NAMES))
        return false;
    for (size_t i = ws; i < we; i++)
        if (t[i] >= '0' && t[i] <= '9')
            return false;
    return true;
}

/* "burgemeester van Venlo", "burgemeester Govert Veldhuijzen van
 * Gorinchem": an office, perhaps a given name and a surname, then "van" and
 * the municipality.  One word between office and "van" is a given name,
 * and "van X" its surname ("wethouder Joris van Mierlo"). */
bool vp_places_office_holder_of(const char *t, size_t van_start)
{
    size_t ws = van_start, we;
    for (int words = 0; words < 4 && vp_ex_prev_word(t, ws, &ws, &we); words++)
        if (vp_ex_eq_any(t + ws, we - ws, OFFICE_WORDS))
            return words != 1;
    return false;
}

/* A capitalised word that names a building, not a person: "Parktheater
 * Eindhoven", "Stadsgehoorzaal Vlaardingen", "Maritime Museum Amsterdam". */
static bool is_venue_word(const char *s, size_t n)
{
    static const char *const SUFFIXES[] = {"theater", "zaal", "huis", "kerk", "fabriek",
                                           "paleis", "hal", "centrum", "museum", "campus",
                                           "park", "hotel", "school", "plein", "hall",
                                           "centre", "center", "gebouw", "kasteel", "slot",
                                           NULL};
    char lower[64];
    if (n >= sizeof lower)
        return false;
    vp_ex_lower(s, 0, n, lower, sizeof lower);
    for (size_t k = 0; SUFFIXES[k]; k++) {
        size_t c = strlen(SUFFIXES[k]);
        if (n >= c && strcmp(lower + n - c, SUFFIXES[k]) == 0)
            return true;
    }
    return false;
}

/* "in Singer Laren", "at Parkstad Heerlen": after these a capitalised word
 * and a place are a venue and its place, not a person. */
static const char *const VENUE_PREPOSITIONS[] = {"in", "at", "te", NULL};

/* Words after "Van X" that make it a journey from X. */
const char *const VP_PLACES_JOURNEY_WORDS[] = {"naar", "tot", "via", "richting", "to", NULL};

/* Lower-case articles that stand before a surname, never before a place. */
static const char *const SURNAME_ARTICLES[] = {"de", "der", "den", "ter", "ten", NULL};

/* Words the person-name model must not take for a given name before a
 * place: function words ("Ook Zeist"), buildings ("Parktheater
 * Eindhoven"). */
static bool never_given(const char *folded, void *ctx)
{
    (void)ctx;
    size_t n = strlen(folded);
    return vp_ex_eq_any(folded, n, NOT_FIRST_NAMES) || is_venue_word(folded, n);
}

/* Is the name at t[start..end) inside a person's name ("Ruud van
 * Gorinchem", "J. de Vries", "dhr. Weert", "zei Van Kampen")?  The
 * person-name model decides (person_name.h); the places stage adds what it
 * knows of places: "burgemeester Kooistra van Veenendaal" is the mayor of
 * Veenendaal, a sentence opened by a capitalised particle names a person
 * ("Van Kampen: ...", "In 't Veld presented") unless a journey follows
 * ("Van Rijswijk naar Delft"), "de Vries" in lower case is no place, and
 * after a preposition a capitalised word and a place are a venue ("in
 * Singer Laren").  The bare given name ("Jan Best") only counts in running
 * text: titles and headings name places after nouns ("Netwerkdag
 * Gorinchem"). */
static bool in_person_name(const char *t, size_t len, size_t start, size_t end, bool bare_rule)
{
    size_t ws, we;
    if (!vp_ex_prev_word(t, start, &ws, &we))
        return vp_person_name_at(t, len, start, end, 0, never_given, NULL);
    if (vp_ex_eq(t + ws, we - ws, "van") && t[ws] == 'v' && vp_places_office_holder_of(t, ws))
        return false;   /* "burgemeester van Venlo", not "wethouder Van Boxtel" */
    if (vp_person_name_at(t, len, start, end, 0, never_given, NULL))
        return true;
    bool cap = vp_ex_is_upper(t + ws, 1);
    bool article = t[start] == '\'' || (unsigned char)t[start] == 0xE2;   /* 't Veld */
    if (cap && (vp_ex_eq_any(t + ws, we - ws, SURNAME_ARTICLES) || vp_ex_eq(t + ws, we - ws, "van") ||
                (article && vp_ex_eq(t + ws, we - ws, "in"))))
        return !vp_ex_word_after_in(t, len, end, VP_PLACES_JOURNEY_WORDS);
    if (!cap && vp_ex_eq_any(t + ws, we - ws, SURNAME_ARTICLES))
        return true;
    /* "Sanne in 't Veld", "J. in 't Veld": the place's own article makes
     * "in" a particle when a given name or initials stand before it */
    if (article && vp_ex_eq(t + ws, we - ws, "in") &&
        vp_person_name_at(t, len, ws, we, VP_PERSON_BARE_GIVEN, never_given, NULL))
        return true;
    return bare_rule && t[we] == ' ' && we + 1 == start && looks_like_given_name(t, ws, we) &&
           !is_venue_word(t + ws, we - ws) &&
           !(at_sentence_start(t, ws) && vp_ex_eq_any(t + ws, we - ws, NOT_FIRST_NAMES)) &&
           !vp_ex_word_before_in(t, ws, VENUE_PREPOSITIONS);
}

/* "(Utrecht)" or "(Utrecht," right after a speaker. */
static bool in_parentheses(const char *t, size_t len, const mention *m)
{
    size_t i = m->start;
    while (i > 0 && t[i - 1] == ' ')
        i--;
    if (i == 0 || t[i - 1] != '(')
        return false;
    size_t j = m->end;
    while (j < len && t[j] == ' ')
        j++;
    return j < len && (t[j] == ')' || t[j] == ',');
}

/* Only list separators between a and b: ", " " en " " of " " & " "/". */
bool vp_places_list_gap(const char *t, size_t a, size_t b)
{
    if (b < a || b - a > 8)
        return false;
    size_t i = a;
    bool any = false;
    while (i < b && (t[i] == '.' || t[i] == ')'))   /* "Bergen (NH.), Zeist" */
        i++;
    while (i < b) {
        if (t[i] == ' ') {
            i++;
        } else if (t[i] == ',' || t[i] == '&' || t[i] == '/' || t[i] == ';') {
            i++;
            any = true;
        } else if (i + 2 <= b && (vp_ex_eq(t + i, 2, "en") || vp_ex_eq(t + i, 2, "of")) &&
                   (i + 2 == b || t[i + 2] == ' ')) {
            i += 2;
            any = true;
        } else if (i + 3 <= b && vp_ex_eq(t + i, 3, "and") && (i + 3 == b || t[i + 3] == ' ')) {
            i += 3;
            any = true;
        } else {
            return false;
        }
    }
    return any;
}

/* ---- judging the mentions of one text ---- */


/* Mentions in a run joined by list separators; the list supports its
 * ambiguous members when it is long or holds a plain name. */
static void accept_lists(const char *t, mention *ms, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j + 1 < n && vp_places_list_gap(t, ms[j].end, ms[j + 1].start))
            j++;
        size_t count = j - i + 1, plain = 0;
        for (size_t k = i; k <= j; k++)
            if (ms[k].plausible && !ms[k].ambiguous)
                plain++;
        if (count >= 2 && (count >= 3 || plain > 0))
            for (size_t k = i; k <= j; k++)
                if (ms[k].plausible)
                    ms[k].accepted = true;
        i = j + 1;
    }
}

/* "Port of Rotterdam", "Hogeschool van Arnhem", "Hogeschool Windesheim
 * Zwolle": an institution's name, of the place or its name's last word. */
static bool institution_of(const char *t, size_t start)
{
    size_t ws, we, ps, pe;
    if (!vp_ex_prev_word(t, start, &ws, &we) || !vp_ex_prev_word(t, ws, &ps, &pe))
        return false;
    bool of = vp_ex_eq(t + ws, we - ws, "of") || vp_ex_eq(t + ws, we - ws, "van");
    bool named = t[ws] >= 'A' && t[ws] <= 'Z' && we == start - 1;
    return (of || named) && vp_ex_eq_any(t + ps, pe - ps, INSTITUTION_OF);
}

/* "Enschede-buur Oldenzaal", "Groningen-buurgemeente Haren": a place named
 * only to place its neighbour, which the name supports. */
static bool names_a_neighbour(const char *t, size_t len, const mention *m)
{
    return m->end + 5 <= len && t[m->end] == '-' && vp_ex_eq(t + m->end + 1, 4, "buur");
}

/* Is b the neighbour that a names ("Enschede-buur Oldenzaal")? */
static bool neighbour_named_by(const char *t, size_t len, const mention *a, const mention *b)
{
    if (!names_a_neighbour(t, len, a))
        return false;
    size_t ws, we;
    return vp_ex_prev_word(t, b->start, &ws, &we) && ws <= a->end + 1 && we > a->end;
}

/* Is the mention written as a name the report gives a person elsewhere
 * ("Goes presenteerde" after "Karin Goes")? */
static bool is_report_surname(const places_ctx *pc, const char *t, const mention *m)
{
    if (!pc->surnames || vp_strset_size(pc->surnames) == 0)
        return false;
    char *written = vp_xstrndup(t + m->start, m->end - m->start);
    char *key = vp_fold_key(written);
    bool found = vp_strset_find(pc->surnames, key, strlen(key)) != VP_STRSET_NONE;
    free(written);
    free(key);
    return found;
}

/* Decides every mention of one text.  In the title, places follow nouns
 * ("Netwerkdag Utrecht") and ambiguous names are taken at face value unless
 * a region word stands by them.  A name the report gives a person ("Karin
 * Goes", "prof. Hugo Barendrecht") stands for the person when it comes
 * back alone ("Goes presenteerde", "Antwoord (Best):"), unless a list of
 * municipalities or a word like "gemeente" makes it the place. */
static void judge(const places_ctx *pc, const char *t, size_t len, mention *ms, size_t n,
                  text_kind kind)
{
    bool caps = vp_ex_all_caps(t, len);
    for (size_t i = 0; i < n; i++) {
        mention *m = &ms[i];
        if (vp_ex_about_next_meeting(t, len, m->start, m->end))
            continue;   /* "de volgende netwerkdag is in Oss" */
        if (vp_places_absent_or_later(t, len, ms, n, i))
            continue;   /* "Meppel was niet aanwezig" */
        if (vp_places_not_formed_yet(pc, t, len, m))
            continue;   /* "de nieuwe gemeente Meierijstad", before 2017 */
        if (names_a_neighbour(t, len, m))
            continue;   /* "Enschede-buur Oldenzaal" */
        if (vp_ex_word_before_in(t, m->start, VP_PLACES_REGION_WORDS) ||
            vp_ex_word_after_in(t, len, m->end, REGION_AFTER) || institution_of(t, m->start) ||
            vp_places_explains_else(t, len, ms, n, i)) {
            m->carries = true;
            continue;
        }
        if (!caps && !starts_upper(t, len, m->start))
            continue;
        if (in_person_name(t, len, m->start, m->end, kind == IN_BODY && !caps))
            continue;
        /* in capitals "EEN" and "Een" look alike */
        if (m->place && m->ambiguous && vp_ex_all_caps(t + m->start, m->end - m->start))
            continue;
        m->plausible = true;
        if (is_report_surname(pc, t, m)) {
            m->ambiguous = true;
            m->accepted = vp_ex_word_before_in(t, m->start, SURNAME_SUPPORT);
            continue;
        }
        m->government = m->named && m->named->seat && vp_places_for_the_government(t, len, m);
        if (!m->ambiguous || in_parentheses(t, len, m) ||
            vp_ex_word_before_in(t, m->start, SUPPORT_WORDS))
            m->accepted = true;
        else if (kind == IN_TITLE && !caps)
            m->accepted = true;
    }
    for (size_t i = 0; i + 1 < n; i++)
        if (ms[i + 1].m && neighbour_named_by(t, len, &ms[i], &ms[i + 1]))
            ms[i + 1].plausible = ms[i + 1].accepted = true;
    accept_lists(t, ms, n);
    for (size_t i = 0; i + 1 < n; i++)
        if (ms[i].carries && vp_places_list_gap(t, ms[i].end, ms[i + 1].start)) {
            ms[i + 1].carries = true;
            ms[i + 1].plausible = ms[i + 1].accepted = false;
        }
    for (size_t i = 0; i < n; i++)
        if (ms[i].government && !(i > 0 && vp_places_list_gap(t, ms[i - 1].end, ms[i].start)) &&
            !(i + 1 < n && vp_places_list_gap(t, ms[i].end, ms[i + 1].start)))
            ms[i].accepted = false;
}

static bool collect_match(const vp_gaz_match *match, void *ctx)
{
    mention_list *l = ctx;
    VP_GROW(l->items, l->cap, l->len + 1);
    l->items[l->len++] = (mention){.start = match->start, .end = match->end,
                                   .named = match->m, .place = match->place};
    return true;
}

/* The place of p's name whose municipality (in the report's year) lies in
 * the report's province; NULL when that does not single one out. */
static const vp_municipality *homonym_in_province(const places_ctx *pc, const vp_place *p)
{
    const vp_municipality *found = NULL;
    if (!pc->province)
        return NULL;
    for (const vp_place *h = p; h; h = h->homonym) {
        const vp_municipality *m = vp_place_in_year(pc->g, h, pc->year);
        if (m && strcmp(m->province, pc->province) == 0) {
            if (found && found != m)
                return NULL;
            found = m;
        }
    }
    return found;
}

/* "Horst aan de Maas", "Bergen (NH)": the full name of a municipality
 * flagged ambiguous for a short alias ("Horst", "Bergen") is no word and
 * no surname. */
static bool full_multiword_name(const char *t, const mention *m)
{
    if (!memchr(t + m->start, ' ', m->end - m->start))
        return false;
    char *written = vp_xstrndup(t + m->start, m->end - m->start);
    char *a = vp_fold_key(written), *b = vp_fold_key(m->named->name);
    bool same = a && b && strcmp(a, b) == 0;
    free(written);
    free(a);
    free(b);
    return same;
}

/* What each mention stood for in the report's year. */
static void resolve(const places_ctx *pc, const char *t, mention *m)
{
    if (m->named) {
        m->m = vp_gazetteer_in_year(pc->g, m->named, pc->year);
        m->ambiguous = m->named->ambiguous && !full_multiword_name(t, m);
        return;
    }
    m->ambiguous = m->place->ambiguous;
    m->m = m->place->homonym ? homonym_in_province(pc, m->place)
                             : vp_place_in_year(pc->g, m->place, pc->year);
}

void vp_places_mentions(const places_ctx *pc, const char *t, text_kind kind, mention_list *l)
{
    *l = (mention_list){0};
    size_t len = strlen(t);
    vp_gazetteer_scan_places(pc->g, t, len, collect_match, l);
    for (size_t i = 0; i < l->len; i++)
        resolve(pc, t, &l->items[i]);
    judge(pc, t, len, l->items, l->len, kind);
}
