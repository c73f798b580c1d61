/*
 * extract_place_absent.c: the mentions of places that took no part, for
 * the places stage's judge (extract_place_mentions.c).
 *
 * A municipality named in a sentence saying it stayed away ("Meppel had
 * zich afgemeld") or will host next year, or before it was formed ("de
 * nieuwe gemeente X" in a report of the year before), took no part.  Names
 * that explain something else are no participants either: a stop or end
 * of a journey ("de trein naar Zwolle", "met de trein: Zwolle, Arnhem"), a
 * municipality's partners ("in samenwerking met X, Y"), the members around
 * a region ("de regio rond X, Y"), a line between two towns
 * ("Lelystad-Zwolle"), a place compared with ("geen Amsterdam", "anders
 * dan in X", "vergeleek X met Y"), a place people leave for ("jongeren
 * vertrekken naar X"), one a sentence denies ("hij werkt niet in X"), one
 * named as an example or proposed for a later day ("(voorstel: X)").  The
 * seat of government after "richting", "uit", "op", "naar", "van" (not
 * "de burgemeester van") is the government, and so is "in Den Haag" in a
 * sentence about sitting or lobbying there.
 */
#include "extract_places.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract_text.h"
#include "gazetteer.h"

/* "Den Haag" after these is the government: "richting Den Haag", "geld uit
 * Den Haag", "wachten op Den Haag". */
static const char *const GOVERNMENT_BEFORE[] = {
    "richting", "uit", "op", "tegen", "vanuit", "aan", "naar", "towards", "from", NULL,
};

/* Words of a sentence that put "in Den Haag" on the government: "de
 * burgemeester zat in Den Haag", "lobbyen in Den Haag". */
static const char *const GOVERNMENT_CUES[] = {
    "lobby", "minist", "staatssecretaris", "kabinet", "tweede kamer", " zit", " zat ",
    " zat,", " zat.", " zaten", " zitten", NULL,
};

/* A sentence about getting there: names after "naar", "tussen", "via",
 * "met" are destinations, not the report's municipalities. */
static const char *const TRAVEL_WORDS[] = {
    "bus", "trein", "spoor", "lijn", "route", "verbinding", "snelweg", "rijdt", "reistijd",
    "kwartier", "half uur", "minuten", "train", "railway", "motorway", "pendel", "onderweg",
    NULL,
};
static const char *const TRAVEL_BEFORE[] = {
    "naar", "tussen", "via", "met", "richting", "vanaf", "to", "between", NULL,
};



/* "de lijn Geldermalsen-Dordrecht", "de Hanzelijn (Lelystad-Zwolle)": two
 * names joined by a hyphen or a dash, with no space, are a line or a route
 * between them. */
static bool route_pair(const char *t, const mention *a, const mention *b)
{
    if (b->start == a->end + 1 && t[a->end] == '-')
        return true;
    return b->start == a->end + 3 && vp_ex_eq(t + a->end, 3, "\xE2\x80\x93");
}

/* The word before the word before start, when there is one. */
static bool second_preceded_by(const char *t, size_t start, const char *const *words)
{
    size_t ws, we;
    return vp_ex_prev_word(t, start, &ws, &we) && vp_ex_word_before_in(t, ws, words);
}

/* "samenwerkt met Wageningen, Barneveld", "de samenwerking met Leudal en
 * Nederweert", "cooperation with X": partners of a municipality, named
 * to explain it, not municipalities present.  Not "samen met Tilburg", which
 * is as often said of those who came. */
static bool partner_of(const char *t, size_t start)
{
    static const char *const WITH[] = {"met", "with", NULL};
    static const char *const STEMS[] = {"samenwerk", "cooperat", "collaborat", "partnership",
                                        NULL};
    size_t ws, we, ps, pe;
    if (!vp_ex_prev_word(t, start, &ws, &we) || !vp_ex_eq_any(t + ws, we - ws, WITH) ||
        !vp_ex_prev_word(t, ws, &ps, &pe))
        return false;
    char lower[32];
    vp_ex_lower(t, ps, pe - ps < sizeof lower - 1 ? pe : ps + sizeof lower - 1, lower,
                sizeof lower);
    for (size_t k = 0; STEMS[k]; k++)
        if (strncmp(lower, STEMS[k], strlen(STEMS[k])) == 0)
            return true;
    return false;
}

/* "Wij zijn geen Amsterdam", "groter dan Utrecht", "anders dan in Zwolle",
 * "unlike Eindhoven": a place the text compares with. */
static bool compared_with(const char *t, size_t start)
{
    static const char *const BEFORE[] = {"geen", "dan", "unlike", "than", NULL};
    static const char *const IN[] = {"in", NULL};
    size_t ws, we;
    if (vp_ex_word_before_in(t, start, BEFORE))
        return true;
    return vp_ex_prev_word(t, start, &ws, &we) && vp_ex_eq_any(t + ws, we - ws, IN) &&
           vp_ex_word_before_in(t, ws, BEFORE);
}

/* Does lower hold one of cues? */
static bool sentence_has(const char *lower, const char *const *cues)
{
    for (size_t k = 0; cues[k]; k++)
        if (strstr(lower, cues[k]))
            return true;
    return false;
}

/* The first name of the list that ends with the name at start ("naar
 * Gent, Rotterdam of Breda": Gent), over capitalised words the gazetteer
 * may not know; start itself when no list leads up to it. */
static size_t list_head(const char *t, size_t start)
{
    static const char *const JOINS[] = {"en", "of", "and", "or", NULL};
    for (int items = 0; items < 8; items++) {
        size_t i = start, ws, we;
        while (i > 0 && strchr(" ,;&/", t[i - 1]))
            i--;
        if (!vp_ex_prev_word(t, i, &ws, &we))
            break;
        if (vp_ex_eq_any(t + ws, we - ws, JOINS) && !vp_ex_prev_word(t, ws, &ws, &we))
            break;
        if (!vp_ex_is_upper(t + ws, we - ws) || memchr(t + we, '\n', start - we))
            break;
        bool gap = vp_places_list_gap(t, we, start) || strspn(t + we, " ") == start - we;
        if (!gap)
            break;
        start = ws;
    }
    return start;
}

/* Is the name at start, or the list it ends ("naar Gent, Rotterdam of
 * Breda"), preceded by one of words, past an article ("to the Gouda and
 * Zwolle approaches")? */
static bool list_preceded_by(const char *t, size_t start, const char *const *words)
{
    static const char *const ARTICLES[] = {"de", "het", "the", NULL};
    size_t head = list_head(t, start), ws, we;
    if (vp_ex_word_before_in(t, head, words))
        return true;
    return vp_ex_prev_word(t, head, &ws, &we) && vp_ex_eq_any(t + ws, we - ws, ARTICLES) &&
           vp_ex_word_before_in(t, ws, words);
}

/* The sentence around t[start..end) in lower case, in buf. */
static char *sentence_lower(const char *t, size_t len, size_t start, size_t end, char *buf,
                            size_t cap)
{
    size_t ss = vp_ex_sentence_start(t, start, 160);
    size_t se = vp_ex_sentence_end(t, len, end, 160);
    return vp_ex_lower(t, ss, se, buf, cap);
}

/* "op buslijnen naar Zwolle", "tussen Hoogeveen en Assen via Beilen",
 * "de trein uit Brabant staat stil bij Arnhem", "drie uur met de trein:
 * Zwolle, Arnhem, Nijmegen", "van Groningen naar Utrecht ben je lang
 * onderweg": the stops and ends of a journey. */
static bool travel(const char *t, size_t len, const mention *m)
{
    static const char *const FROM[] = {"van", "from", NULL};
    static const char *const BY[] = {"bij", NULL};
    static const char *const STUCK[] = {"trein", "train", "gestrand", "stremming", NULL};
    size_t head = list_head(t, m->start), i = head;
    while (i > 0 && t[i - 1] == ' ')
        i--;
    bool after_colon = i > 0 && t[i - 1] == ':';
    bool by = vp_ex_word_before_in(t, m->start, BY);
    if (!list_preceded_by(t, m->start, TRAVEL_BEFORE) && !after_colon && !by &&
        !(vp_ex_word_before_in(t, m->start, FROM) && vp_ex_word_after_in(t, len, m->end, VP_PLACES_JOURNEY_WORDS)))
        return false;
    char lower[256];
    size_t ss = vp_ex_sentence_start(t, m->start, 120);
    size_t se = vp_ex_sentence_end(t, len, m->end, 120);
    vp_ex_lower(t, ss, after_colon ? head : se, lower, sizeof lower);
    return sentence_has(lower, by ? STUCK : TRAVEL_WORDS);
}

/* Words of a sentence in which people leave for another town: "jongeren
 * vertrekken naar Utrecht en Arnhem", "jonge gezinnen trekken naar Zwolle",
 * "onze jongeren gaan studeren in Groningen". */
static const char *const MOVING_WORDS[] = {
    "vertrek", "verhuis", "verhuiz", "wegtrek", "trekken naar", "trekt naar", "studeren",
    "studie", "jongeren", "jonge ", "move away", "moving away", "leave for", "young people",
    NULL,
};

/* "jongeren vertrekken naar Gent, Rotterdam of Breda", "gaan studeren in
 * Groningen of Zwolle": where people go to live, study or work, which took
 * no part in the meeting. */
static bool moving_away(const char *t, size_t len, const mention *m)
{
    static const char *const TO[] = {"naar", "to", NULL};
    static const char *const IN[] = {"in", NULL};
    static const char *const STUDY[] = {"studeren", "studeert", "study", "studying", NULL};
    size_t head = list_head(t, m->start);
    if (!list_preceded_by(t, m->start, TO) &&
        !(vp_ex_word_before_in(t, head, IN) && second_preceded_by(t, head, STUDY)))
        return false;
    char lower[400];
    return sentence_has(sentence_lower(t, len, m->start, m->end, lower, sizeof lower),
                        MOVING_WORDS);
}

/* "Van Weert werkt niet in Weert", "hij komt dus niet uit Goes", "ik werk
 * niet meer in Zwolle": a place the sentence denies.  Not "niet alleen in
 * X", which affirms X. */
static bool denied(const char *t, size_t start)
{
    static const char *const IN[] = {"in", "uit", "bij", "from", NULL};
    static const char *const NOT[] = {"niet", "n\xC3\xAD" "et", "not", "nooit", "never", NULL};
    static const char *const ONLY[] = {"alleen", "enkel", "only", "just", NULL};
    size_t ws, we;
    if (!vp_ex_prev_word(t, start, &ws, &we) || !vp_ex_eq_any(t + ws, we - ws, IN))
        return false;
    for (int words = 0; words < 3 && vp_ex_prev_word(t, ws, &ws, &we); words++) {
        if (vp_ex_eq_any(t + ws, we - ws, ONLY))
            return false;
        if (vp_ex_eq_any(t + ws, we - ws, NOT))
            return true;
    }
    return false;
}

/* "Hij vergeleek Helmond met Eindhoven, met Tilburg", "vergelijking met
 * Utrecht", "compared this to the Gouda and Zwolle approaches": the places
 * a sentence compares with. */
static bool compared_to(const char *t, const mention *m)
{
    static const char *const WITH[] = {"met", "with", "to", NULL};
    static const char *const STEMS[] = {"vergele", "vergelijk", "compar", NULL};
    if (!list_preceded_by(t, m->start, WITH))
        return false;
    char lower[200];
    return sentence_has(vp_ex_lower(t, vp_ex_sentence_start(t, m->start, 160), m->start, lower,
                                    sizeof lower),
                        STEMS);
}

/* "Zij noemde Breda en Tilburg als voorbeelden", "mooie voorbeelden uit
 * Zutphen": places a speaker names as examples, not participants. */
static bool an_example(const char *t, size_t len, const mention *ms, size_t n, size_t i)
{
    static const char *const FROM[] = {"uit", "van", "from", "of", NULL};
    static const char *const EXAMPLE[] = {"voorbeeld", "voorbeelden", "example", "examples",
                                          NULL};
    static const char *const AS[] = {"als", "as", NULL};
    size_t head = list_head(t, ms[i].start), ws, we;
    if (vp_ex_word_before_in(t, head, FROM) && second_preceded_by(t, head, EXAMPLE))
        return true;
    size_t last = i;   /* the list's last name: "Breda en Tilburg als" */
    while (last + 1 < n && vp_places_list_gap(t, ms[last].end, ms[last + 1].start))
        last++;
    return vp_ex_next_word(t, len, ms[last].end, &ws, &we) &&
           vp_ex_eq_any(t + ws, we - ws, AS) &&
           vp_ex_next_word(t, len, we, &ws, &we) && vp_ex_eq_any(t + ws, we - ws, EXAMPLE);
}

/* "(voorstel: Weert, voorjaar 2026)": a place proposed for a later day. */
static bool proposed(const char *t, size_t start)
{
    static const char *const LABELS[] = {"voorstel", "suggestie", "proposal", "suggestion",
                                         NULL};
    size_t i = start, ws, we;
    while (i > 0 && t[i - 1] == ' ')
        i--;
    return i > 0 && t[i - 1] == ':' && vp_ex_prev_word(t, i - 1, &ws, &we) &&
           vp_ex_eq_any(t + ws, we - ws, LABELS);
}

/* "de regio rond Heerlen, Kerkrade": the members that explain a region. */
static bool region_around(const char *t, size_t start)
{
    static const char *const AROUND[] = {"rond", "rondom", "om", "around", NULL};
    return vp_ex_word_before_in(t, start, AROUND) && second_preceded_by(t, start, VP_PLACES_REGION_WORDS);
}

/* Words of a sentence that says someone did not come. */
static const char *const ABSENCE_CUES[] = {
    "afgemeld", "niet aanwezig", "verhinderd", "liet verstek", "lieten verstek",
    "niet vertegenwoordigd", "verontschuldigd", "waren er niet bij", "was er niet bij",
    "deed niet mee", "deden niet mee", "sent its apologies", "sent their apologies",
    "sent apologies", "did not send", "was absent", "were absent", "could not attend",
    "afgezegd", "afzeggen", "meldde zich af", "meldden zich af", "was afwezig",
    "waren afwezig", "was er niet.", "was er niet,", "waren er niet.", "waren er niet,",
    "niet bij kon", "kwam niemand", "kwamen niemand", "geannuleerd", "afgelast",
    "ging niet door", NULL,
};

/* Words of a sentence about a later year's host: "Oss wil volgend jaar
 * de gastheer zijn". */
static const char *const FUTURE_CUES[] = {"volgend jaar", "komend jaar", "next year", NULL};
static const char *const HOSTING_CUES[] = {"gastheer", "gastvrouw", "gastgemeente", "host",
                                           "bijeenkomst", "netwerkdag", "kennisdag",
                                           "meeting", NULL};

bool vp_places_says_absent(const char *lower)
{
    return sentence_has(lower, ABSENCE_CUES);
}

/* Is ms[i] the one name of a sentence that says it stayed away ("De
 * gemeente Meppel had zich aangemeld maar was niet aanwezig") or will host
 * a later meeting? */
bool vp_places_absent_or_later(const char *t, size_t len, const mention *ms, size_t n, size_t i)
{
    enum { REACH = 160 };
    size_t ss = vp_ex_sentence_start(t, ms[i].start, REACH);
    size_t se = vp_ex_sentence_end(t, len, ms[i].end, REACH);
    for (size_t k = 0; k < n; k++)
        if (k != i && ms[k].start >= ss && ms[k].end <= se)
            return false;
    char lower[2 * REACH + 64];
    vp_ex_lower(t, ss, se, lower, sizeof lower);
    return sentence_has(lower, ABSENCE_CUES) ||
           (sentence_has(lower, FUTURE_CUES) && sentence_has(lower, HOSTING_CUES));
}

/* "Veghel gaat op in de nieuwe gemeente Meierijstad" in a report of 2016:
 * a municipality some of whose predecessors join it only after the
 * report's year, named as the new one, took no part yet. */
bool vp_places_not_formed_yet(const places_ctx *pc, const char *t, size_t len, const mention *m)
{
    static const char *const NEW[] = {"nieuwe gemeente", "new municipality", "fusiegemeente",
                                      NULL};
    enum { MAX = 16 };
    if (!m->named || pc->year <= 0)
        return false;
    const vp_municipality *pred[MAX];
    size_t n = vp_gazetteer_predecessors(pc->g, m->named, pred, MAX);
    bool later = false;
    for (size_t k = 0; k < n && k < MAX; k++)
        later = later || pred[k]->ended > pc->year;
    char lower[400];
    return later && sentence_has(sentence_lower(t, len, m->start, m->end, lower, sizeof lower),
                                 NEW);
}

/* Does the seat's name stand for the government: "richting Den Haag",
 * "geld van Den Haag" (not "de burgemeester van Den Haag"), "zat vandaag in
 * Den Haag"? */
bool vp_places_for_the_government(const char *t, size_t len, const mention *m)
{
    static const char *const OF[] = {"van", "of", NULL};
    static const char *const IN[] = {"in", NULL};
    size_t ws, we;
    if (vp_ex_word_before_in(t, m->start, GOVERNMENT_BEFORE))
        return true;
    if (!vp_ex_prev_word(t, m->start, &ws, &we))
        return false;
    if (vp_ex_eq_any(t + ws, we - ws, OF))
        return !vp_places_office_holder_of(t, ws);
    char lower[400];
    return vp_ex_eq_any(t + ws, we - ws, IN) &&
           sentence_has(sentence_lower(t, len, m->start, m->end, lower, sizeof lower),
                        GOVERNMENT_CUES);
}

bool vp_places_explains_else(const char *t, size_t len, const mention *ms, size_t n, size_t i)
{
    const mention *m = &ms[i];
    return travel(t, len, m) || partner_of(t, m->start) || compared_with(t, m->start) ||
           region_around(t, m->start) || moving_away(t, len, m) || denied(t, m->start) ||
           compared_to(t, m) || an_example(t, len, ms, n, i) || proposed(t, m->start) ||
           (i + 1 < n && route_pair(t, m, &ms[i + 1])) || (i > 0 && route_pair(t, &ms[i - 1], m));
}
