/*
 * extract_host_words.c: the score the words around one mention give it as
 * the host (see extract_host.c, which picks the best).
 *
 * Every plausible mention in the title, the lines under it and the opening
 * paragraphs gets a score from the words around it, and the highest wins
 * (the earliest of equals):
 *   5  a label or an explicit host: "Locatie: stadhuis Veenendaal", a
 *      table row "**Locatie** | De Hallen, Tiel",
 *      "gastgemeente Altena", "(gastgemeente)", "was Tiel gastgemeente",
 *      an infobox's "| gastgemeente = Tiel",
 *      "hosted by Veldhoven", a news dateline "NOORD-SLEEN - "
 *   4  the town hall, a welcome, an organiser, a dateline: "stadhuis van
 *      Winschoten", "de netwerkdag die de gemeente Ede organiseerde" (also
 *      past a relative clause: "De gemeente X, die ..., organiseerde"),
 *      "Ulft, 11-4-2012", "Tiel, Theater Het Pakhuis - vrijdag 8 juni",
 *      "... in Terneuzen" in the title, the meeting by its own word placed
 *      in the clause ("de netwerkdag van het platform in Helmond"), a
 *      sentence that opens with the place and makes it the host ("Tiel
 *      ... was dit jaar gastheer")
 *   3  the meeting placed: "bijeen in", "gehouden in", "in het Parktheater
 *      Eindhoven", "Netwerkdag Gorinchem", "kwamen we bijeen op het
 *      Kloosterterrein, de oude kazerne in Weert", a title's "Lessen uit
 *      Tiel"; the host's mayor or alderman
 *      welcoming the participants ("Welkom door de Deventer wethouder",
 *      extract_host_context.c)
 *   2  "in X" in the opening when the clause is about the meeting (a
 *      thread's "#netwerkdag in #X" too); the writer's way there ("naar X
 *      gereden voor de netwerkdag")
 * A place after someone's job ("advisor at Gemeente X") is an employer.
 * A title may put marks between the meeting and its place ("Kennisdag!!
 * (Tiel, deel 1)").
 */
#include "extract_places.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date_parse.h"
#include "extract_text.h"
#include "text.h"

typedef struct cue {
    const char *words;
    int score;
} cue;

/* Words right before a mention (within its clause) that place the event. */
static const cue HOST_BEFORE[] = {
    {"gastgemeente", 5}, {"gastgemeente was", 5}, {"te gast in", 4}, {"te gast bij", 4},
    {"gastheer", 4}, {"ontvangen door de gemeente", 4}, {"op uitnodiging van de gemeente", 4},
    {"op uitnodiging van", 3}, {"ontvangen in", 4}, {"stadhuis van", 4},
    {"gemeentehuis van", 4}, {"raadhuis van", 4}, {"stadhuis in", 4},
    {"gemeentehuis in", 4}, {"raadhuis in", 4}, {"gemeentehuis", 3}, {"stadhuis", 3},
    {"raadzaal van", 4}, {"raadszaal van", 4}, {"stadshuis van", 4}, {"stadshuis in", 4}, {"welkom in", 3}, {"welkom in de gemeente", 4},
    {"plaatsvond in", 3}, {"plaats in", 3}, {"bijeen in", 3}, {"gehouden in", 3},
    {"kwamen naar", 3}, {"locatie", 2}, {"georganiseerd door", 4}, {"organised by", 4},
    {"organized by", 4}, {"hosted by", 5}, {"hosted by the municipality of", 5},
    {"hosted by the city of", 5}, {"host municipality", 5}, {"town hall in", 4},
    {"town hall of", 4}, {"city hall of", 4}, {"city hall in", 4}, {"welcomed", 2},
    {"took place in", 3}, {"met in", 3}, {"held in", 3}, {"gathered in", 3},
    {"visit to", 2}, {"werkbezoek aan", 3}, {"ambtsbezoek aan", 3}, {"bezoek aan", 3},
    {"centrum van", 2}, {"ontving", 3}, {"ontvangt", 3}, {"organiseerde", 4},
    {"organiseert", 4},
};

/* Words right after a mention that make it the host. */
static const cue HOST_AFTER[] = {
    {"(gastgemeente", 5}, {"(host", 5}, {"was gastgemeente", 5}, {"was gastheer", 5},
    {"gastgemeente", 5}, {"gastheer", 4},
    {"als gastgemeente", 5}, {"als gastheer", 5}, {"nam de rol van gastheer", 5},
    {"was host", 5}, {"hosted", 5}, {"heeft dit evenement", 4}, {"organiseerde", 3},
    {"'s town hall", 4}, {"\xE2\x80\x99s town hall", 4}, {"ontving", 3}, {"ontvangt", 3},
    {"heette", 2},
};

/* The clause before pos: back to a sentence end, a colon or semicolon. */
static size_t clause_start(const char *t, size_t pos)
{
    size_t limit = pos > 90 ? pos - 90 : 0;
    for (size_t i = pos; i > limit; i--)
        if (t[i - 1] == '.' || t[i - 1] == ';' || t[i - 1] == '\n' || t[i - 1] == '!' ||
            t[i - 1] == '?')
            return i;
    return limit;
}

/* Does lower end with the words w (at a word start), ignoring a venue
 * name between: "in het Glaspaleis in" ends with "in". */
static bool ends_with_words(const char *lower, size_t n, const char *w)
{
    size_t c = strlen(w);
    return c <= n && memcmp(lower + n - c, w, c) == 0 &&
           (c == n || lower[n - c - 1] == ' ' || lower[n - c - 1] == '(');
}

/* Takes '*', '_', ':', '=' and '#' out of s ("**Hosted by:** the", "de
 * #netwerkdag in #", an infobox's "| gastgemeente = "), so cues match
 * through Markdown emphasis, labels and a thread's hashtags; returns the
 * new length. */
static size_t drop_markup(char *s)
{
    size_t o = 0;
    for (size_t i = 0; s[i]; i++) {
        if (s[i] == '*' || s[i] == '_' || s[i] == ':' || s[i] == '#' || s[i] == '=')
            continue;
        if (s[i] == ' ' && o > 0 && s[o - 1] == ' ')
            continue;
        s[o++] = s[i];
    }
    s[o] = '\0';
    return o;
}

/* Does the clause name someone's job ("beleidsadviseur bij", "Policy
 * advisor Economy & Data at")?  Then the place after it is the employer's. */
static bool names_a_job(const char *lower)
{
    static const char *const JOBS[] = {"adviseur", "advisor", "adviser", "medewerker",
                                       "officer", "manager", "consultant", "specialist",
                                       "coördinator", "coordinator", "werkzaam", "works at",
                                       "working at", "employed", NULL};
    for (size_t k = 0; JOBS[k]; k++)
        if (strstr(lower, JOBS[k]))
            return true;
    return false;
}

/* Between "in het"/"in de"/"in the"/"at the" and the mention at pos only a
 * venue's name: capitalised words and the small words of names ("in de
 * Stadsgehoorzaal van", "in het Glaspaleis in"). */
static bool after_venue(const char *t, size_t from, size_t pos)
{
    static const char *const SMALL[] = {"van", "in", "te", "aan", "de", "het", "the", "of",
                                        "op", "bij", "den", "der", NULL};
    size_t ws, we, i = pos;
    size_t words = 0;
    while (i > from && vp_ex_prev_word(t, i, &ws, &we) && ws >= from) {
        bool article = vp_ex_eq(t + ws, we - ws, "het") || vp_ex_eq(t + ws, we - ws, "de") ||
                       vp_ex_eq(t + ws, we - ws, "the");
        bool at = vp_ex_eq(t + ws, we - ws, "in") || vp_ex_eq(t + ws, we - ws, "at");
        size_t ps, pe;
        if (article && words > 0 && vp_ex_prev_word(t, ws, &ps, &pe) &&
            (vp_ex_eq(t + ps, pe - ps, "in") || vp_ex_eq(t + ps, pe - ps, "at")))
            return vp_ex_is_upper(t + we + 1, pos - we - 1);
        /* no article: "in Singer Laren" */
        if (at && words > 0)
            return vp_ex_is_upper(t + we + 1, pos - we - 1);
        if (!vp_ex_is_upper(t + ws, we - ws) && !vp_ex_eq_any(t + ws, we - ws, SMALL))
            return false;
        if (++words > 5)
            return false;
        i = ws;
    }
    return false;
}

/* "Locatie: stadhuis Veenendaal", "**Hosted by:** the Municipality of
 * Tiel": a label for the place, then only words that are no sentence. */
static bool after_label(const char *t, size_t from, size_t pos)
{
    static const char *const LABELS[] = {"locatie", "plaats", "location", "venue", "place",
                                         "gastgemeente", "gastheer", "host", "by", NULL};
    for (size_t i = pos; i > from; i--) {
        if (t[i - 1] != ':')
            continue;
        size_t ws, we, k = i - 1;
        while (k > from && (t[k - 1] == '*' || t[k - 1] == '_'))
            k--;
        if (!vp_ex_prev_word(t, k, &ws, &we) || !vp_ex_eq_any(t + ws, we - ws, LABELS))
            return false;
        return pos - i < 60 && !memchr(t + i, '.', pos - i);
    }
    return false;
}

/* "Ulft, 11-4-2012", "Emmeloord, vr. 12 jun. '15": a place and the date
 * right after it, as a dateline has them. */
static bool followed_by_date(const char *t, size_t len, size_t end)
{
    size_t i = end;
    if (i >= len || t[i] != ',')
        return false;
    i += 1 + strspn(t + i + 1, " ");
    char head[48], date[11];
    size_t n = len - i < sizeof head - 1 ? len - i : sizeof head - 1;
    memcpy(head, t + i, n);
    head[n] = '\0';
    size_t ws, we;
    if (!vp_parse_date(head, 0, date) || !vp_ex_next_word(head, n, 0, &ws, &we) || ws != 0)
        return false;
    /* the date starts right there: a day number or a weekday */
    return (head[0] >= '0' && head[0] <= '9') || we <= 10;
}

/* "Gorkum, Theater Het Pakhuis – vrijdag 8 juni 2012": a line
 * that starts with the place, then the venue and a dash or a comma, then
 * the date, as a transcript's or a programme's heading has it. */
static bool dateline_with_venue(const char *t, size_t len, const mention *m)
{
    size_t line = m->start;
    while (line > 0 && t[line - 1] != '\n')
        line--;
    if (m->start != line + strspn(t + line, "*_ ") || m->end >= len || t[m->end] != ',')
        return false;
    size_t i = m->end + 1, words = 0, ws, we;
    while (vp_ex_next_word(t, len, i, &ws, &we) && we > ws && words < 6) {
        if (!vp_ex_is_upper(t + ws, we - ws) && !vp_ex_is_particle(t + ws, we - ws))
            return false;
        words++;
        i = we;
        size_t gap = i + strspn(t + i, " ");
        bool dash = gap + 3 <= len && !memcmp(t + gap, "\xE2\x80", 2);
        if (gap < len && (t[gap] == ',' || t[gap] == '-' || t[gap] == '|' || dash)) {
            size_t d = gap + (dash ? 3 : 1);
            d += strspn(t + d, " ");
            date_hit h;
            size_t from = d, eol = d + strcspn(t + d, "\n");
            return words > 0 && vp_date_next(t, eol, &from, 0, &h) && h.start <= d + 12 &&
                   (h.start == d || h.weekday >= 0);
        }
    }
    return false;
}

/* Words that make a clause about the meeting itself. */
static bool about_the_meeting(const char *lower)
{
    static const char *const WORDS[] = {"bijeen", "kwamen", "vond", "plaats", "gehouden",
                                        "bijeenkomst", "dag", "congres", "conferentie",
                                        "meeting", "day", "gathered", "met in", "held",
                                        "took place",
                                        "sessie", "session", "overleg", "ontvangen", NULL};
    for (size_t k = 0; WORDS[k]; k++)
        if (strstr(lower, WORDS[k]))
            return true;
    return false;
}

/* Does one of words stand in after before the first of the stops? */
static bool said_before(const char *after, const char *stops, const char *const *words)
{
    size_t n = strcspn(after, stops);
    for (size_t k = 0; words[k]; k++) {
        const char *hit = strstr(after, words[k]);
        if (hit && (size_t)(hit - after) < n)
            return true;
    }
    return false;
}

/* "Meierijstad bestaat pas sinds 2017 en was voor het eerst gastheer van
 * onze netwerkdag": the place opens a sentence whose verb makes it the
 * host, said in the past or present ("wordt ... gastheer" is a later day's,
 * and so is the next or last meeting's). */
static bool subject_hosts(const char *t, size_t len, const mention *m)
{
    static const char *const HOSTS[] = {" gastheer", " gastvrouw", " gastgemeente",
                                        " gaststad", NULL};
    static const char *const OTHER_DAY[] = {"volgende", "vorige", "komende", "next", NULL};
    enum { REACH = 200 };
    size_t from = vp_ex_sentence_start(t, m->start, REACH);
    if (from + strspn(t + from, " *_") != m->start)
        return false;
    char rest[REACH + 8];
    vp_ex_lower(t, m->end, m->end + REACH < len ? m->end + REACH : len, rest, sizeof rest);
    rest[strcspn(rest, ".!?;")] = '\0';
    const char *host = NULL;
    for (size_t k = 0; HOSTS[k] && !host; k++)
        host = strstr(rest, HOSTS[k]);
    if (!host)
        return false;
    const char *was = strstr(rest, " was "), *is = strstr(rest, " is ");
    bool tensed = (was && was < host) || (is && is < host);
    return tensed && !said_before(rest, "", OTHER_DAY);
}

/* Verbs that gather or hold the meeting itself ("kwamen ... bijeen",
 * "werd gehouden"), not the nouns about_the_meeting also takes ("dag"). */
static bool gathers_the_meeting(const char *lower)
{
    static const char *const VERBS[] = {"bijeen", "vond plaats", "werd gehouden",
                                        "gathered", "met in", "was held", "took place", NULL};
    return said_before(lower, "", VERBS);
}

/* Does the rest of the sentence after a place say that the meeting took
 * place there ("..., vond op vrijdag de bijeenkomst plaats")? */
static bool meeting_follows(const char *after)
{
    static const char *const VERBS[] = {" vond ", " werd gehouden", " took place",
                                        " was held", NULL};
    return said_before(after, ".!?", VERBS);
}

/* Does t[a..b) name a meeting by a word of its own: a word that ends in
 * one of these ("netwerkdag", "regiobijeenkomst"), not a weekday nor
 * "vandaag" ("vrijdag" says when, not what)? */
static bool names_a_meeting(const char *t, size_t a, size_t b)
{
    static const char *const NOUNS[] = {"dag", "bijeenkomst", "congres", "conferentie",
                                        "symposium", "meeting", "sessie", "overleg",
                                        "werkbezoek", "excursie", "conference", "session",
                                        NULL};
    size_t ws, we, pos = a;
    while (pos < b) {
        while (pos < b && !vp_ex_is_wordchar(t + pos, b - pos))
            pos += vp_ex_charlen(t + pos, b - pos);
        if (!vp_ex_next_word(t, b, pos, &ws, &we) || we == ws)
            return false;
        pos = we;
        if (vp_date_weekday_from_word(t + ws, we - ws) >= 0 || vp_ex_eq(t + ws, we - ws, "vandaag"))
            continue;
        for (size_t k = 0; NOUNS[k]; k++) {
            size_t c = strlen(NOUNS[k]);
            if (we - ws >= c && vp_ex_eq(t + we - c, c, NOUNS[k]))
                return true;
        }
    }
    return false;
}

/* Verbs of the writer's way to the day, as they stand before the place
 * ("reed ik naar Joure") or after it ("ben ik naar Sappemeer gereden"). */
static const char *const TRAVEL_VERBS[] = {
    "reed", "reden", "reisde", "reisden", "fietste", "fietsten", "ging", "gingen", "trok",
    "trokken", "toog", "togen", "drove", "travelled", "traveled", "gereden", "gereisd",
    "gefietst", "gegaan", "getrokken", "afgereisd", "afgereden", NULL,
};

/* Is one of the first `words` words of s a verb of travel? */
static bool travel_verb_in(const char *s, size_t n, size_t words)
{
    size_t ws, we, pos = 0;
    for (size_t k = 0; k < words && vp_ex_next_word(s, n, pos, &ws, &we); k++) {
        if (vp_ex_eq_any(s + ws, we - ws, TRAVEL_VERBS))
            return true;
        pos = we;
    }
    return false;
}

/* "reed ik naar Joure", "reisden we af naar Emmeloord", "ben ik naar
 * Sappemeer gereden": the writer's way to the day.  A verb of travel in the
 * clause of the "naar" before the mention, or right after it; "de trein
 * naar Zwolle" in a sentence about connections is rejected before
 * (extract_places.c), and the caller asks that the meeting be in the words
 * around it. */
static bool travels_to(const char *lower, size_t n, const char *after)
{
    if (!ends_with_words(lower, n, "naar") && !ends_with_words(lower, n, "to"))
        return false;
    return travel_verb_in(lower, n, SIZE_MAX) || travel_verb_in(after, strlen(after), 1);
}

/* The rest of the clause after the mention that ends at t[end] says it
 * organised the meeting; a relative clause between is skipped ("De
 * gemeente X, die de dag in maart had zullen ontvangen, organiseerde hem
 * nu online"). */
static bool organises(const char *t, size_t len, size_t end)
{
    static const char *const VERBS[] = {"organiseerde", "organiseert", "georganiseerd",
                                        "organised", "organized", "hosted", "ontving",
                                        "ontvangt", NULL};
    static const char *const RELATIVES[] = {", die ", ", dat ", ", which ", ", that ",
                                            ", who ", NULL};
    char after[224];
    vp_ex_lower(t, end, end + 200 < len ? end + 200 : len, after, sizeof after);
    for (size_t k = 0; RELATIVES[k]; k++)
        if (!strncmp(after, RELATIVES[k], strlen(RELATIVES[k]))) {
            const char *close = strchr(after + 1, ',');
            if (!close || strcspn(after + 1, ".;:!?") < (size_t)(close - after - 1))
                return false;
            return said_before(close + 1, ".,;:!?", VERBS);
        }
    const char *aft = after + strspn(after, " ");
    return said_before(aft, ".,;:!?", VERBS);
}

/* "verslag van de kennis- en netwerkdag van 3-10 in het Scheldetheater in
 * Terneuzen", "aanwezig bij de netwerkdag van het platform in Helmond": the
 * clause names the meeting by its own word and puts it in the place, which
 * holds anywhere in the opening, also under a board's minutes or a letter
 * whose own place comes first; not the next meeting's ("de volgende
 * netwerkdag in Kampen"). */
static bool places_the_meeting(const char *t, size_t from, const mention *m, const char *before,
                               size_t n)
{
    static const char *const NEXT[] = {"volgende", "komende", "next", "upcoming", NULL};
    if (!ends_with_words(before, n, "in") && !after_venue(t, from, m->start))
        return false;
    for (size_t k = 0; NEXT[k]; k++)
        if (strstr(before, NEXT[k]))
            return false;
    return names_a_meeting(t, from, m->start);
}

/* How strongly the words around a mention say "this is the host". */
int vp_host_score(const char *t, size_t len, const mention *m, bool lede)
{
    char before[112], after[96];
    size_t a = clause_start(t, m->start);
    vp_ex_lower(t, a, m->start, before, sizeof before);
    size_t n = drop_markup(before);
    while (n > 0 && (before[n - 1] == ' ' || before[n - 1] == ','))
        before[--n] = '\0';
    size_t e = m->end + 80 < len ? m->end + 80 : len;
    vp_ex_lower(t, m->end, e, after, sizeof after);
    const char *aft = after + strspn(after, " ");
    int best = 0;
    /* a cue may name the municipality as such: "bezoek aan (de) gemeente X",
     * "hosted by the municipality of X" */
    static const char *const AS_SUCH[] = {"de gemeente", "gemeente", "the municipality of",
                                          "the city of", "municipality of", "city of", NULL};
    size_t bare = n;
    for (size_t k = 0; AS_SUCH[k]; k++)
        if (ends_with_words(before, n, AS_SUCH[k])) {
            bare = n - strlen(AS_SUCH[k]);
            while (bare > 0 && before[bare - 1] == ' ')
                bare--;
            break;
        }
    for (size_t k = 0; k < sizeof HOST_BEFORE / sizeof HOST_BEFORE[0]; k++)
        if (HOST_BEFORE[k].score > best && (ends_with_words(before, n, HOST_BEFORE[k].words) ||
                                            ends_with_words(before, bare, HOST_BEFORE[k].words)))
            best = HOST_BEFORE[k].score;
    for (size_t k = 0; k < sizeof HOST_AFTER / sizeof HOST_AFTER[0]; k++) {
        size_t c = strlen(HOST_AFTER[k].words);
        if (HOST_AFTER[k].score > best && strncmp(aft, HOST_AFTER[k].words, c) == 0)
            best = HOST_AFTER[k].score;
    }
    /* "in het Parktheater Eindhoven", "in the Maritime Museum in Amsterdam":
     * a venue, then the place; but "Policy advisor at Gemeente Zeist" is
     * the writer's employer */
    if (best < 3 && lede && after_venue(t, a, m->start) && !names_a_job(before))
        best = 3;
    if (best < 4 && places_the_meeting(t, a, m, before, n) && !names_a_job(before))
        best = 4;
    /* "Gaststad van de editie 2012 was de gemeente Venlo" */
    if (best < 5 && (strstr(before, "gaststad") || strstr(before, "gastgemeente") ||
                     strstr(before, "gastheer")) &&
        (ends_with_words(before, n, "was") || ends_with_words(before, n, "is") ||
         ends_with_words(before, n, "gemeente")))
        best = 5;
    /* "kwamen we bijeen op Willemsoord, het oude werfterrein in X": the
     * clause's verb gathers the meeting, and its "in" places it */
    if (best < 3 && lede && ends_with_words(before, n, "in") && gathers_the_meeting(before))
        best = 3;
    /* "kwamen ... bijeen in X", "de kennisdag in X": a plain "in" counts
     * when the clause is about the meeting, not "een wethouder in X" */
    if (best < 2 && lede && (ends_with_words(before, n, "in") || ends_with_words(before, n, "te")) &&
        about_the_meeting(before))
        best = 2;
    /* "Op het terrein van een instelling in X, in de oude kerkzaal, vond
     * de najaarsbijeenkomst plaats": the place first, the meeting after */
    if (best < 2 && lede && ends_with_words(before, n, "in") && meeting_follows(aft))
        best = 2;
    /* "was ik in Heerhugowaard voor de netwerkdag", "mocht ik naar
     * Emmeloord voor de netwerkdag": there for the day */
    if (best < 2 && lede &&
        (ends_with_words(before, n, "in") || ends_with_words(before, n, "naar")) &&
        (!strncmp(aft, "voor de ", 8) || !strncmp(aft, "voor het ", 9)) &&
        names_a_meeting(aft, 0, strcspn(aft, ".,;:!?")))
        best = 2;
    /* "reed ik naar Joure. ... Ik was op weg naar de kennisdag": the
     * writer's way to the day, named in the clause or the lines after */
    if (best < 2 && lede && travels_to(before, n, aft) &&
        (names_a_meeting(t, a, m->start) ||
         names_a_meeting(t, m->end, m->end + 200 < len ? m->end + 200 : len)))
        best = 2;
    if (best < 4 && subject_hosts(t, len, m))
        best = 4;
    /* "de netwerkdag die de gemeente Ede op 29 september organiseerde",
     * "Zeewolde heeft dit evenement georganiseerd": the organiser */
    if (best < 4 && (bare < n || n == 0) && organises(t, len, m->end))
        best = 4;
    /* "georganiseerd vanuit Emmen"; but someone who joins "vanuit Heerenveen"
     * is not the host, and "vanuit Sittard naar Heerlen" is a journey */
    if (best < 3 && ends_with_words(before, n, "vanuit") &&
        (strstr(before, "georganiseerd") || strstr(before, "organised") ||
         strstr(before, "organized")))
        best = 3;
    if (ends_with_words(before, n, "vanuit") && strncmp(aft, "naar", 4) == 0)
        best = 0;
    if (best < 5 && after_label(t, a, m->start))
        best = 5;
    if (best < 4 && lede && (followed_by_date(t, len, m->end) || dateline_with_venue(t, len, m)))
        best = 4;
    return best;
}

/* "*Tekst: Anna de Boer, wethouder Wonen, Hoorn – 2 oktober 2023*",
 * "Blog van de wethouder ... – gepost op ...": a byline, whose place is the
 * writer's own, not the venue, though a date follows it as in a dateline. */
bool vp_host_is_byline(const char *t)
{
    static const char *const WRITER[] = {"wethouder", "burgemeester", "raadslid",
                                         "gedeputeerde", "secretaris", "adviseur",
                                         "communicatieadviseur", "medewerker", "directeur",
                                         "blog", "tekst", "door", "auteur", "alderman",
                                         "mayor", "councillor", "by", "author", NULL};
    size_t ws, we, pos = 0, len = strlen(t);
    for (size_t words = 0; words < 24 && pos < len; words++) {
        while (pos < len && !vp_ex_is_wordchar(t + pos, len - pos))
            pos += vp_ex_charlen(t + pos, len - pos);
        if (!vp_ex_next_word(t, len, pos, &ws, &we) || we == ws)
            return false;
        if (vp_ex_eq_any(t + ws, we - ws, WRITER))
            return true;
        pos = we;
    }
    return false;
}

/* A line that says where: "Locatie: Biesbosch MuseumEiland, Werkendam",
 * "Plaats: gemeentehuis Drachten", "Location: ...", a table row whose
 * first cell is that label ("**Locatie** | De Hallen, Tiel"), or a wiki
 * infobox's row ("| locatie = De Hallen, Tiel"). */
bool vp_host_is_location_line(const char *t)
{
    static const char *const LABELS[] = {"locatie", "plaats", "location", "venue", "place",
                                         "waar", "where", "gastgemeente", "gastheer",
                                         "host", "hosted", NULL};
    size_t ws, we, len = strlen(t), i = strspn(t, "*_| ");
    if (!vp_ex_next_word(t, len, i, &ws, &we) || !vp_ex_eq_any(t + ws, we - ws, LABELS))
        return false;
    size_t bs, be;   /* "Hosted by:" */
    if (vp_ex_next_word(t, len, we, &bs, &be) && vp_ex_eq(t + bs, be - bs, "by"))
        we = be;
    we += strspn(t + we, "*_ ");
    return we < len && (t[we] == ':' || t[we] == '|' || t[we] == '=');
}

/* "NOORD-SLEEN - Dat regionaal ...": a news item's dateline, the place in
 * capitals at the start, then a dash. */
bool vp_host_news_dateline(const char *t, size_t len, const mention *m)
{
    if (m->start != strspn(t, "*_ ") || !vp_ex_all_caps(t + m->start, m->end - m->start))
        return false;
    size_t e = m->end + strspn(t + m->end, " ");
    return e + 1 < len && (t[e] == '-' || (unsigned char)t[e] == 0xE2) && e > m->end;
}

/* A title that puts the event in a place: "Kennisdag Gorinchem", "...
 * in Terneuzen", "Netwerkdag 22 sept. '17 – Veghel"; not a headline whose
 * subject is a municipality ("Vlissingen wil weer overleg"). */
int vp_host_title_score(const char *t, size_t len, const mention *m)
{
    char before[112];
    vp_ex_lower(t, m->start > 100 ? m->start - 100 : 0, m->start, before, sizeof before);
    size_t n = strlen(before);
    while (n > 0 && before[n - 1] == ' ')
        before[--n] = '\0';
    size_t e = m->end + strspn(t + m->end, " *_\"'");
    bool at_end = e >= len || t[e] == ',' || t[e] == ':' || t[e] == '(';
    if (n == 0)
        return at_end ? 3 : 1;     /* "Vlissingen wil ...": a subject */
    /* "Zeven lessen uit Tiel", "Impressies uit Ede": what the day gave */
    if (at_end && ends_with_words(before, n, "uit"))
        return 3;
    if (ends_with_words(before, n, "in") || ends_with_words(before, n, "te") ||
        ends_with_words(before, n, "bij") || ends_with_words(before, n, "at") ||
        before[n - 1] == '-' || before[n - 1] == ',' || before[n - 1] == '|' ||
        before[n - 1] == '.' || (n >= 3 && (unsigned char)before[n - 3] == 0xE2))
        return 4;                  /* "... in Terneuzen", "... '17 – Veghel" */
    /* after an event noun or a year: "Netwerkdag Gorinchem", "Kennisdag
     * 2017 Assen" */
    /* "Kennisdag!! (Tiel, deel 1)": marks between the noun and the place */
    while (n > 0 && (before[n - 1] == '(' || before[n - 1] == '!' || before[n - 1] == ' '))
        before[--n] = '\0';
    size_t w = n;
    while (w > 0 && before[w - 1] != ' ')
        w--;
    static const char *const EVENTS[] = {"dag", "bijeenkomst", "congres", "conferentie",
                                         "bezoek", "meeting", "sessie", "session", "visit",
                                         "symposium", "middag", "avond", "verslag",
                                         "impressie", "day", "days", "dagen", "overleg",
                                         "daagse", NULL};
    bool year = n - w == 4 && before[w] >= '0' && before[w] <= '9';
    for (size_t k = 0; EVENTS[k] && !year; k++) {
        size_t c = strlen(EVENTS[k]);
        if (n - w >= c && memcmp(before + n - c, EVENTS[k], c) == 0)
            return 3;
    }
    return year ? 3 : 1;
}

/* "die onze gemeente op 14 oktober heeft georganiseerd", "onze stad was
 * gastheer": we hosted the day, said in one clause. */
bool vp_host_we_hosted(const char *lower)
{
    static const char *const WE[] = {"onze gemeente ", "onze stad ", "our municipality ",
                                     "our city ", "our town ", NULL};
    static const char *const VERBS[] = {"organiseerde", "organiseert", "georganiseerd",
                                        "gastheer", "gastgemeente", "ontving", "hosted",
                                        "organised", "organized", NULL};
    for (size_t k = 0; WE[k]; k++)
        for (const char *hit = strstr(lower, WE[k]); hit; hit = strstr(hit + 1, WE[k]))
            if (said_before(hit + strlen(WE[k]), ".,;:!?", VERBS))
                return true;
    return false;
}
