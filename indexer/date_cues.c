/* date_cues.c: see date_cues.h. */
#include "date_cues.h"

#include <string.h>

#include "date_mail.h"
#include "extract_text.h"

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* ---- what a date is about ---- */

/* How far around a date its sentence is read. */
enum { SENTENCE_REACH = 120 };

/* Words right before a date that make it the day a text was published:
 * an anchor, never the event, whatever weekday it names.  A blog is
 * "gepost" or "geschreven" on its day as a news item is "gepubliceerd". */
static const char *const PUBLISHED_CUES[] = {
    "gepubliceerd op ", "gepubliceerd ", "verschenen op ", "verschenen ",
    "geplaatst op ", "geplaatst ", "gepost op ", "gepost ", "geschreven op ",
    "bijgewerkt op ", "bijgewerkt ", "laatst gewijzigd op ", "gewijzigd op ",
    "uitgezonden op ", "uitgezonden ", "aired on ", "aired ", "broadcast on ",
    "toegevoegd op ", "toegevoegd ", "publicatiedatum ",
    "datum publicatie ", "published on ", "published ", "posted on ", "posted ",
    "updated on ", "updated ", "date published ", "verzonden ", "sent ", NULL,
};

/* "Laatst bewerkt door K. Groot op 12 februari 2013": a wiki's or an
 * archive's edit line names its editor between the verb and the date. */
static bool edited_by_before(const char *lower)
{
    static const char *const EDITED_BY[] = {"bewerkt door ", "gewijzigd door ",
                                            "edited by ", "modified by ", NULL};
    size_t n = strlen(lower);
    bool ends_on = (n >= 4 && strcmp(lower + n - 4, " op ") == 0) ||
                   (n >= 4 && strcmp(lower + n - 4, " on ") == 0);
    for (size_t k = 0; ends_on && EDITED_BY[k]; k++)
        if (strstr(lower, EDITED_BY[k]))
            return true;
    return false;
}

/* Words right before a date that make it the date of a law, a deadline or
 * a life: not the event, unless a weekday says it is a day out. */
static const char *const PAST_CUES[] = {
    "sinds ", "per ", "vanaf ", "sedert ", "uiterlijk ", "tot ", "t/m ",
    "voor ", "na ", "d.d. ", "rapport van ", "publicatie van ", "brief van ",
    "wet van ", "besluit van ", "in werking", "ingegaan op ", "deadline ",
    "ingaande ", "met ingang van ", "geboren ", "overleden ", "opgericht ",
    "since ", "as of ", "until ", "before ", "after ", "by ", NULL,
};

/* Does lower end with a cue (at a word start)? */
static bool ends_with_cue(const char *lower, const char *const *cues)
{
    size_t n = strlen(lower);
    for (size_t k = 0; cues[k]; k++) {
        size_t c = strlen(cues[k]);
        if (c <= n && memcmp(lower + n - c, cues[k], c) == 0 &&
            (c == n || !is_alpha(lower[n - c - 1])))
            return true;
    }
    return false;
}

/* What the date in t is about, by the words of its sentence. */
vp_date_about vp_date_about_of(const char *t, size_t len, const date_hit *h)
{
    char before[160], after[160];
    size_t ss = vp_ex_sentence_start(t, h->start, SENTENCE_REACH);
    size_t se = vp_ex_sentence_end(t, len, h->end, SENTENCE_REACH);
    vp_ex_lower(t, ss, h->start, before, sizeof before);
    vp_ex_lower(t, h->end, se, after, sizeof after);
    if (vp_ex_about_next_meeting(t, len, h->start, h->end))
        return VP_DATE_ABOUT_OTHER;
    if (vp_date_in_mail_header(t, len, h))
        return VP_DATE_ABOUT_PUBLICATION;
    /* the weekday belongs to the date: look before it */
    size_t n = strlen(before), w = n;
    while (w > 0 && (before[w - 1] == ' ' || before[w - 1] == ',' || before[w - 1] == '.'))
        w--;
    size_t wend = w;
    while (w > 0 && is_alpha(before[w - 1]))
        w--;
    if (vp_date_weekday_from_word(before + w, wend - w) >= 0)
        n = w;
    /* "Publicatiedatum: 28 januari": the cue without its colon */
    while (n > 0 && (before[n - 1] == ' ' || before[n - 1] == ':' || before[n - 1] == '*'))
        n--;
    if (n + 2 > sizeof before)
        n = sizeof before - 2;
    before[n] = ' ';
    before[n + 1] = '\0';
    if (ends_with_cue(before, PUBLISHED_CUES) || edited_by_before(before))
        return VP_DATE_ABOUT_PUBLICATION;
    if (h->weekday < 0 && ends_with_cue(before, PAST_CUES))
        return VP_DATE_ABOUT_OTHER;
    return strstr(before, "in werking") ? VP_DATE_ABOUT_OTHER : VP_DATE_ABOUT_EVENT;
}

/* ---- the event named in the sentence ---- */

/* The nouns that name the event itself, as the last part of a word
 * ("kennis- en netwerkdag", "PMG-bijeenkomst", "voorjaarsbijeenkomst"). */
static const char *const EVENT_NOUNS[] = {
    "netwerkdag", "kennisdag", "themadag", "studiedag", "ontmoetingsdag",
    "bijeenkomst", "conferentie", "congres", "symposium", "netwerkmiddag",
    "conference", "meeting", NULL,
};

/* Does the word t[ws..we) end with an event noun? */
static bool is_event_noun(const char *t, size_t ws, size_t we)
{
    for (size_t k = 0; EVENT_NOUNS[k]; k++) {
        size_t n = strlen(EVENT_NOUNS[k]);
        if (we - ws >= n && vp_ex_eq(t + we - n, n, EVENT_NOUNS[k]))
            return true;
    }
    return false;
}

/* Does the date's sentence name the event ("Opgenomen tijdens de
 * netwerkdag in Venlo, 8 februari", "na de kennisdag van 14 april")?
 * Such a date is the event's, wherever it stands in its sentence; a
 * publication line names no event, and "de vorige bijeenkomst" another. */
bool vp_date_names_event(const char *t, size_t len, const date_hit *h)
{
    size_t pos = vp_ex_sentence_start(t, h->start, SENTENCE_REACH);
    static const char *const OTHER[] = {"vorige", "vorig", "eerdere", "previous", NULL};
    size_t end = vp_ex_sentence_end(t, len, h->end, SENTENCE_REACH), ws, we;
    bool other = false;
    while (vp_ex_step_word(t, end, &pos, &ws, &we)) {
        if (is_event_noun(t, ws, we) && !other)
            return true;
        other = vp_ex_eq_any(t + ws, we - ws, OTHER);
    }
    return false;
}

/* The year right after an event noun, alone or after "van" or "in", as a
 * news item has it ("de eerste kennis- en netwerkdag van 2026"); not
 * another meeting's ("de vorige bijeenkomst van 2019"). */
int vp_date_event_noun_year(const char *t, size_t len)
{
    static const char *const OTHER[] = {"vorige", "vorig", "eerdere", "previous", NULL};
    static const char *const OF[] = {"van", "in", "of", NULL};
    size_t pos = 0, ws, we, ns, ne;
    bool other = false;
    while (vp_ex_step_word(t, len, &pos, &ws, &we)) {
        bool noun = is_event_noun(t, ws, we) && !other;
        other = vp_ex_eq_any(t + ws, we - ws, OTHER);
        if (!noun || !vp_ex_next_word(t, len, we, &ns, &ne))
            continue;
        if (vp_ex_eq_any(t + ns, ne - ns, OF) && !vp_ex_next_word(t, len, ne, &ns, &ne))
            continue;
        int y = vp_date_find_year_in(t + ns, ne - ns);
        if (y)
            return y;
    }
    return 0;
}

/* The days a sentence says lie between the date and the day the text was
 * written, before the date: "Twee weken geleden, op 19 april", "Twee
 * weken na de kennisdag van 14 april" (written two weeks later); 0 when it
 * says none. */
long vp_date_stated_gap(const char *t, const date_hit *h)
{
    static const char *const NUMBERS[] = {"een", "twee", "drie", "vier", "vijf", "zes",
                                          "zeven", "acht", "negen", "tien", NULL};
    static const char *const AFTER[] = {"geleden", "na", "later", "ago", "after", NULL};
    size_t pos = vp_ex_sentence_start(t, h->start, SENTENCE_REACH), ws, we, us, ue, as, ae;
    while (vp_ex_step_word(t, h->start, &pos, &ws, &we)) {
        long n = 0;
        for (size_t k = 0; NUMBERS[k] && !n; k++)
            if (vp_ex_eq(t + ws, we - ws, NUMBERS[k]))
                n = (long)k + 1;
        if (!n && we - ws == 1 && t[ws] >= '1' && t[ws] <= '9')
            n = t[ws] - '0';
        if (!n || !vp_ex_next_word(t, h->start, we, &us, &ue) ||
            !vp_ex_next_word(t, h->start, ue, &as, &ae) || !vp_ex_eq_any(t + as, ae - as, AFTER))
            continue;
        if (vp_ex_eq(t + us, ue - us, "dagen") || vp_ex_eq(t + us, ue - us, "days"))
            return n;
        if (vp_ex_eq(t + us, ue - us, "weken") || vp_ex_eq(t + us, ue - us, "week") ||
            vp_ex_eq(t + us, ue - us, "weeks"))
            return 7 * n;
    }
    return 0;
}

/* ---- where the date stands ---- */

/* Does the date open its block as a press release's dateline: at most a
 * place and a comma before it, a dash after it ("*Zeist, 5 september
 * 2017* \xE2\x80\x94 Op vrijdag ...")? */
bool vp_date_leads_block(const char *t, const date_hit *h)
{
    enum { PLACE_MAX = 48 };
    if (h->start > PLACE_MAX || memchr(t, '.', h->start))
        return false;
    size_t i = h->end;
    while (t[i] == ' ' || t[i] == '*' || t[i] == '_')
        i++;
    return t[i] == '-' || strncmp(t + i, "\xE2\x80\x94", 3) == 0 ||
           strncmp(t + i, "\xE2\x80\x93", 3) == 0;
}

/* "Op 6 oktober hielden wij ...", "On March 13th, ...": a sentence that
 * opens with the date. */
bool vp_date_opens_sentence(const char *t, size_t start)
{
    size_t ws, we;
    if (!vp_ex_prev_word(t, start, &ws, &we) || !(vp_ex_eq(t + ws, we - ws, "op") ||
                                                 vp_ex_eq(t + ws, we - ws, "on")))
        return false;
    size_t i = ws;
    while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '*' || t[i - 1] == '_'))
        i--;
    return i == 0 || t[i - 1] == '.' || t[i - 1] == '!' || t[i - 1] == '?' ||
           t[i - 1] == '\n';
}

/* Does the date end a short line after a dash, a dot or a bar, as a
 * poster's or a writer's line does ("**A. Poster (Town)** \xE2\x80\x93 21 mei
 * 2024" over the post it heads)? */
static bool ends_a_byline(const char *t, size_t len, const date_hit *h)
{
    size_t ls = h->start, le = h->end;
    while (ls > 0 && t[ls - 1] != '\n')
        ls--;
    while (le < len && (t[le] == ' ' || t[le] == '*' || t[le] == '_'))
        le++;
    if ((le < len && t[le] != '\n') || h->end - ls > VP_DATELINE_MAX / 2)
        return false;
    size_t i = h->start;
    while (i > ls && (t[i - 1] == ' ' || t[i - 1] == '*' || t[i - 1] == '_'))
        i--;
    return (i > ls && (t[i - 1] == '-' || t[i - 1] == '|')) ||
           (i >= ls + 3 && (strncmp(t + i - 3, "\xE2\x80\x93", 3) == 0 ||
                            strncmp(t + i - 3, "\xE2\x80\x94", 3) == 0)) ||
           (i >= ls + 2 && strncmp(t + i - 2, "\xC2\xB7", 2) == 0);
}

/* A date that says when something happened, not when a text was dated: in
 * a sentence, or with its weekday.  A byline ("Tekst: secretariaat, 28
 * september 2023") or a dateline opening a paragraph ("Zeist, 5 september
 * 2017 \xE2\x80\x94 Op vrijdag ...") does not confirm an anchor. */
bool vp_date_in_a_sentence(const char *t, size_t block_len, const date_hit *h)
{
    if (vp_date_leads_block(t, h) || ends_a_byline(t, block_len, h))
        return false;
    return h->weekday >= 0 || block_len > VP_DATELINE_MAX / 2;
}

/* ---- a memo's subject line ---- */

/* A day and month in figures right after an event noun, as a memo's
 * subject line has it ("Betreft: verslag bijeenkomst 21-09"), in the
 * given year; figures elsewhere ("sinds 1/1", a score) are no date. */
bool vp_date_event_noun_day(const char *t, size_t len, int year, date_hit *h)
{
    size_t pos = 0, ws, we;
    while (vp_ex_step_word(t, len, &pos, &ws, &we)) {
        if (!is_event_noun(t, ws, we))
            continue;
        size_t k = we;
        while (k < len && t[k] == ' ')
            k++;
        int d = 0, m = 0, nd = 0, nm = 0;
        size_t start = k;
        for (; k < len && t[k] >= '0' && t[k] <= '9' && nd < 3; k++, nd++)
            d = d * 10 + (t[k] - '0');
        if (nd < 1 || nd > 2 || k >= len || (t[k] != '-' && t[k] != '/'))
            continue;
        char sep = t[k++];
        for (; k < len && t[k] >= '0' && t[k] <= '9' && nm < 3; k++, nm++)
            m = m * 10 + (t[k] - '0');
        if (nm < 1 || nm > 2 || (k < len && (t[k] == sep || is_alpha(t[k]))) ||
            !vp_date_valid(year, m, d))
            continue;
        *h = (date_hit){.start = start, .end = k, .y = year, .m = m, .d = d,
                        .has_year = false, .weekday = -1};
        return true;
    }
    return false;
}
