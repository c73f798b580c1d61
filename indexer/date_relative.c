/* date_relative.c: see date_relative.h. */
#include "date_relative.h"

#include <stdbool.h>
#include <string.h>

#include "date_cues.h"
#include "date_parse.h"
#include "extract_text.h"

/* The day a relative expression names, counted from the anchor's day:
 * "gisteren" the day before, "eergisteren" two days before, "afgelopen
 * donderdag" the last Thursday before (none when the anchor is a Thursday:
 * it names the anchor's day), "vorige week donderdag" the Thursday
 * of the week (Monday to Sunday) before the anchor's.  0 when the words at
 * ws..we are none of these, else the days back. */
static long named_back(const char *t, size_t len, size_t ws, size_t we, int anchor_wd)
{
    static const char *const PAST[] = {"afgelopen", "vorige", "last", "jongstleden", NULL};
    static const char *const YESTERDAY[] = {"gisteren", "gisteravond", "gistermiddag",
                                            "gisterochtend", "yesterday", NULL};
    static const char *const WEEK[] = {"week", NULL};
    size_t ns, ne, ms, me;
    if (vp_ex_eq_any(t + ws, we - ws, YESTERDAY))
        return 1;
    if (vp_ex_eq(t + ws, we - ws, "eergisteren"))
        return 2;
    if (!vp_ex_eq_any(t + ws, we - ws, PAST) || !vp_ex_next_word(t, len, we, &ns, &ne))
        return 0;
    if (vp_ex_eq_any(t + ns, ne - ns, WEEK)) {
        /* "vorige week donderdag": the weekday of the week before */
        if (!vp_ex_next_word(t, len, ne, &ms, &me))
            return 0;
        int wd = vp_date_weekday_from_word(t + ms, me - ms);
        return wd < 0 ? 0 : anchor_wd + 7 - wd;
    }
    int wd = vp_date_weekday_from_word(t + ns, ne - ns);
    if (wd < 0)
        return 0;
    /* "afgelopen vrijdag" in a text dated a Friday is that Friday: a week
     * back would be "vorige week vrijdag" */
    return (anchor_wd - wd + 7) % 7;
}

/* "donderdag vorige week": the weekday of the week before the anchor's,
 * named before the words that say so; 0 when the words at ws..we are not
 * that, else the days back. */
static long weekday_of_last_week(const char *t, size_t len, size_t ws, size_t we,
                                 int anchor_wd)
{
    static const char *const PAST[] = {"vorige", "afgelopen", "last", NULL};
    int wd = vp_date_weekday_from_word(t + ws, we - ws);
    size_t ns, ne, ms, me;
    if (wd < 0 || !vp_ex_next_word(t, len, we, &ns, &ne) ||
        !vp_ex_eq_any(t + ns, ne - ns, PAST) || !vp_ex_next_word(t, len, ne, &ms, &me) ||
        !vp_ex_eq(t + ms, me - ms, "week"))
        return 0;
    return anchor_wd + 7 - wd;
}

/* Is pos inside a quotation ("... gisteren zei ik ...")?  A speaker's
 * "gisteren" counts from the day they spoke, not from the anchor. */
static bool in_quotation(const char *t, size_t pos)
{
    bool open = false;
    for (size_t i = 0; i < pos; i++) {
        if (t[i] == '"')
            open = !open;
        else if (strncmp(t + i, "\xE2\x80\x9C", 3) == 0)      /* left double quote */
            open = true;
        else if (strncmp(t + i, "\xE2\x80\x9D", 3) == 0)      /* right double quote */
            open = false;
    }
    return open;
}

/* Is pos in a transcript's speech turn, a line opened by its speaker's
 * label in capitals ("VOORZITTER: ...", "WETHOUDER DE BOER (Vlissingen):
 * ...")?  What a speaker calls "gisteren" is the day before they spoke,
 * often about something else ("heeft zich gisteren afgemeld"). */
static bool in_speech_turn(const char *t, size_t pos)
{
    enum { LABEL_MAX = 80, MIN_CAPITALS = 3 };
    size_t ls = pos;
    while (ls > 0 && t[ls - 1] != '\n')
        ls--;
    size_t capitals = 0, depth = 0;
    for (size_t i = ls; i < pos && i - ls < LABEL_MAX; i++) {
        char c = t[i];
        if (c == '(')
            depth++;
        else if (c == ')' && depth)
            depth--;
        else if (depth)
            continue;
        else if (c == ':')
            return capitals >= MIN_CAPITALS;
        else if (c >= 'A' && c <= 'Z')
            capitals++;
        else if (c != ' ' && c != '.' && c != '-' && c != '\'' && c != '*' &&
                 !((unsigned char)c >= 0x80))
            return false;
    }
    return false;
}

long vp_date_days_back(const char *t, size_t len, size_t ws, size_t we, int written_wd)
{
    long back = named_back(t, len, ws, we, written_wd);
    if (!back)
        back = weekday_of_last_week(t, len, ws, we, written_wd);
    if (!back || in_quotation(t, ws))
        return 0;
    /* In a speech turn the day counts only when its sentence names the
     * event: an interviewer's "afgelopen donderdag was je op de
     * netwerkdag" dates it, a chair's "zich gisteren afgemeld" does not. */
    date_hit said = {.start = ws, .end = we, .weekday = -1};
    return !in_speech_turn(t, ws) || vp_date_names_event(t, len, &said) ? back : 0;
}
