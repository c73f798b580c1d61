/* date_statement.c: see date_statement.h. */
#include "date_statement.h"

#include <string.h>

#include "date_cues.h"
#include "extract_text.h"

/* How far around a date its sentence is read. */
enum { STATEMENT_REACH = 120 };

/* Right before the date (its weekday left out): "vond plaats op". */
static const char *const TOOK_PLACE_ON[] = {
    "vond plaats op", "vonden plaats op", "plaatsgevonden op", "werd gehouden op",
    "is gehouden op", "was gehouden op", "took place on", "was held on", NULL,
};
/* Right after it: "die op 9 juni plaatsvond". */
static const char *const TOOK_PLACE_AFTER[] = {
    "plaatsvond", "plaatsvonden", "werd gehouden", "gehouden werd", "plaatsgevonden",
    "took place", "was held", NULL,
};

/* Right after it, in a sentence that names the event: "Op 22 november
 * 2012 organiseerde de gemeente een kennisdag".  Alone, a town may have
 * hosted anything that day. */
static const char *const HOSTED_AFTER[] = {
    "organiseerde", "organiseerden", "hield", "hielden", "ontving", "ontvingen", NULL,
};

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/* Does lower (ending right before the date) end with "<cue> " once a
 * weekday word is left out? */
static bool cue_before(const char *lower)
{
    size_t n = strlen(lower);
    while (n > 0 && (lower[n - 1] == ' ' || lower[n - 1] == ','))
        n--;
    size_t w = n;
    while (w > 0 && is_alpha(lower[w - 1]))
        w--;
    /* a weekday ("op donderdag 9 juni") sits between the cue and the date */
    size_t end = vp_date_weekday_from_word(lower + w, n - w) >= 0 ? w : n;
    while (end > 0 && lower[end - 1] == ' ')
        end--;
    for (size_t k = 0; TOOK_PLACE_ON[k]; k++) {
        size_t c = strlen(TOOK_PLACE_ON[k]);
        if (c <= end && memcmp(lower + end - c, TOOK_PLACE_ON[k], c) == 0 &&
            (c == end || !is_alpha(lower[end - c - 1])))
            return true;
    }
    return false;
}

/* Does lower (starting right after the date) open with one of the cues? */
static bool cue_after(const char *lower, const char *const *cues)
{
    while (*lower == ' ' || *lower == ',')
        lower++;
    for (size_t k = 0; cues[k]; k++) {
        size_t c = strlen(cues[k]);
        if (strncmp(lower, cues[k], c) == 0 && !is_alpha(lower[c]))
            return true;
    }
    return false;
}

/* Does the sentence name a year other than y ("De voorjaarsbijeenkomst
 * van 2010 vond plaats op 16 april")?  Then it tells of another day. */
static bool names_other_year(const char *lower, int y)
{
    for (const char *s = lower; *s; s++) {
        if (!is_digit(*s) || (s > lower && is_digit(s[-1])))
            continue;
        const char *e = s;
        int v = 0;
        while (is_digit(*e))
            v = v * 10 + (*e++ - '0');
        if (e - s == 4 && v >= 1900 && v <= 2099 && v != y)
            return true;
        s = e - 1;
    }
    return false;
}

bool vp_date_stated_as_event(const char *t, size_t len, const date_hit *h)
{
    char before[STATEMENT_REACH + 8], after[STATEMENT_REACH + 8];
    size_t ss = vp_ex_sentence_start(t, h->start, STATEMENT_REACH);
    size_t se = vp_ex_sentence_end(t, len, h->end, STATEMENT_REACH);
    vp_ex_lower(t, ss, h->start, before, sizeof before);
    vp_ex_lower(t, h->end, se, after, sizeof after);
    if (!cue_before(before) && !cue_after(after, TOOK_PLACE_AFTER) &&
        !(cue_after(after, HOSTED_AFTER) && vp_date_names_event(t, len, h)))
        return false;
    return !names_other_year(before, h->y) && !names_other_year(after, h->y);
}

/* Where the sentence from lower on says it took place ("... in Helmond
 * plaatsvond"), in a word of its own; NULL when it does not. */
static char *took_place_later(char *lower)
{
    for (size_t k = 0; TOOK_PLACE_AFTER[k]; k++) {
        size_t c = strlen(TOOK_PLACE_AFTER[k]);
        for (char *f = strstr(lower, TOOK_PLACE_AFTER[k]); f;
             f = strstr(f + 1, TOOK_PLACE_AFTER[k]))
            if ((f == lower || !is_alpha(f[-1])) && !is_alpha(f[c]))
                return f;
    }
    return NULL;
}

bool vp_date_stated_month(const char *t, size_t len, int *y, int *m)
{
    size_t pos = 0, ws, we, ys, ye;
    while (vp_ex_step_word(t, len, &pos, &ws, &we)) {
        int month = vp_date_month_from_word(t + ws, we - ws);
        int year = month && vp_ex_next_word(t, len, we, &ys, &ye)
                       ? vp_date_find_year_in(t + ys, ye - ys)
                       : 0;
        if (!year)
            continue;
        char before[STATEMENT_REACH + 8], after[STATEMENT_REACH + 8];
        size_t ss = vp_ex_sentence_start(t, ws, STATEMENT_REACH);
        size_t se = vp_ex_sentence_end(t, len, ye, STATEMENT_REACH);
        vp_ex_lower(t, ss, ws, before, sizeof before);
        vp_ex_lower(t, ye, se, after, sizeof after);
        /* another year up to the verb tells of another day; a law's
         * after it ("vier jaar na de wet van 2015") does not */
        char *cue = took_place_later(after);
        if (cue)
            *cue = '\0';
        if (cue && !names_other_year(before, year) && !names_other_year(after, year)) {
            *y = year;
            *m = month;
            return true;
        }
    }
    return false;
}
