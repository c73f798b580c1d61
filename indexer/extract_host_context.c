/*
 * extract_host_context.c: what the sentences around a place tell the host
 * stage (extract_host.c) beyond the words right next to it: the day a
 * clause speaks of, so that a memo or a letter that looks back on several
 * days gets the place of the report's own; and the mayor or alderman who
 * welcomed the participants, who speaks for the host.
 */
#include "extract_places.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date_parse.h"
#include "extract_text.h"
#include "mem.h"

/* ---- the day a clause speaks of ---- */

/* The clause of the mention m: from the last ',', ';', ':', '(' or ')'
 * before it to the first after it, within its sentence; a date right
 * after its comma belongs to it ("Helmond, 7 juni 2013 (...)"), a relative
 * clause does not ("de gemeente X, die op 1 januari ontstond"). */
static void clause_of(const char *t, size_t len, const mention *m, size_t *from, size_t *to)
{
    enum { REACH = 300 };
    static const char STOPS[] = ",;:()";
    size_t ss = vp_ex_sentence_start(t, m->start, REACH);
    size_t se = vp_ex_sentence_end(t, len, m->end, REACH);
    size_t a = m->start;
    while (a > ss && !strchr(STOPS, t[a - 1]))
        a--;
    size_t b = m->end, ws, we;
    if (b < se && t[b] == ',' && vp_ex_next_word(t, se, b + 1, &ws, &we) && we > ws &&
        ((t[ws] >= '0' && t[ws] <= '9') || vp_date_weekday_from_word(t + ws, we - ws) >= 0))
        b = we;
    while (b < se && !strchr(STOPS, t[b]))
        b++;
    *from = a;
    *to = b;
}

/* How many days the date the clause of m names nearest to it lies after
 * day ("YYYY-MM-DD"; negative: before); false when day is not known or the
 * clause names no date. */
static bool clause_day_offset(const char *t, size_t len, const mention *m, int year,
                              const char *day, long *offset)
{
    int y, mo, d;
    if (!day || sscanf(day, "%4d-%2d-%2d", &y, &mo, &d) != 3)
        return false;
    size_t from, to, nearest = SIZE_MAX;
    clause_of(t, len, m, &from, &to);
    long when = 0;
    date_hit h;
    while (vp_date_next(t, to, &from, year, &h) && h.start < to) {
        size_t gap = h.end <= m->start ? m->start - h.end
                                       : h.start >= m->end ? h.start - m->end : 0;
        if (gap < nearest) {
            nearest = gap;
            when = vp_date_day_number(h.y, h.m, h.d);
        }
    }
    *offset = when - vp_date_day_number(y, mo, d);
    return nearest != SIZE_MAX;
}


bool vp_host_about_an_earlier_day(const char *t, size_t len, const mention *m, int year,
                                  const char *day)
{
    long offset;
    return clause_day_offset(t, len, m, year, day, &offset) && offset < -VP_HOST_SLACK_DAYS;
}

bool vp_host_dated_after_the_day(const char *t, size_t len, const mention *m, int year,
                                 const char *day, long slack_days)
{
    long offset;
    return clause_day_offset(t, len, m, year, day, &offset) && offset > slack_days;
}

/* "Voorjaarsdag 2021: voorkeur hybride, in Helmond" in a report of 2020:
 * a sentence that names a later year before the place speaks of a later
 * meeting, though it names no day (the clause test above needs one).  Only
 * the years up to ten ahead count: "in 2030" is a plan, "2021" the next
 * season's day. */
bool vp_host_names_a_later_year(const char *t, const mention *m, int year)
{
    enum { REACH = 300, AHEAD = 10 };
    if (year <= 0)
        return false;
    size_t from = vp_ex_sentence_start(t, m->start, REACH);
    char *before = vp_xstrndup(t + from, m->start - from);
    bool later = false;
    for (const char *s = before; !later;) {
        int y = vp_date_find_year(s);   /* the date parser's years: 1990-2099 */
        if (y == 0)
            break;
        later = y > year && y <= year + AHEAD;
        char digits[12];
        snprintf(digits, sizeof digits, "%d", y);
        s = strstr(s, digits) + 4;
    }
    free(before);
    return later;
}

/* ---- welcomed by the host's mayor or alderman ---- */

/* The offices whose holder, welcoming the participants, speaks for the
 * host. */
static const char *const OFFICES[] = {"burgemeester", "wethouder", "loco-burgemeester",
                                      "mayor", "alderman", NULL};

/* The start of the sentence around t[pos]: like vp_ex_sentence_start, but
 * an initial's full stop ("voorzitter R. Smit, burgemeester van X") ends
 * no sentence. */
static size_t sentence_start_past_initials(const char *t, size_t pos, size_t reach)
{
    size_t ss = vp_ex_sentence_start(t, pos, reach);
    /* ss is the space after the full stop */
    while (ss >= 2 && t[ss - 1] == '.' && vp_ex_is_upper(t + ss - 2, 1) &&
           (ss == 2 || t[ss - 3] == ' ' || t[ss - 3] == '.'))
        ss = vp_ex_sentence_start(t, ss - 2, reach);
    return ss;
}

/* Does the sentence t[ss..se) welcome the participants or open the day,
 * and not as the association's chair nor a workshop's? */
static bool welcomes(const char *t, size_t ss, size_t se)
{
    static const char *const WELCOME[] = {"welkom", "opende", "geopend", "opening", "opent ",
                                          "welcome", "opened", NULL};
    static const char *const OTHERS[] = {"voorzitter", "chair", "workshop", "sessie",
                                         "session", "namens", "ronde", NULL};
    char lower[400];
    vp_ex_lower(t, ss, se, lower, sizeof lower);
    bool welcome = false;
    for (size_t k = 0; WELCOME[k] && !welcome; k++)
        welcome = strstr(lower, WELCOME[k]) != NULL;
    for (size_t k = 0; OTHERS[k] && welcome; k++)
        welcome = strstr(lower, OTHERS[k]) == NULL;
    return welcome;
}

/* The mention in l that starts at pos, or NULL. */
static const mention *mention_at(const mention_list *l, size_t pos)
{
    for (size_t i = 0; i < l->len; i++)
        if (l->items[i].start == pos && l->items[i].plausible && l->items[i].m)
            return &l->items[i];
    return NULL;
}

/* The municipality of the office holder whose office word is t[os..oe):
 * "burgemeester (Anna Prins) van X", "wethouder Anna Prins (X", "burgemeester
 * Piet van Dam (X",
 * "wethouder van de gemeente X", or "de X wethouder". */
static const vp_municipality *office_of(const places_ctx *pc, const char *t, size_t len,
                                        const mention_list *l, size_t os, size_t oe)
{
    size_t ws, we, pos = oe;
    for (int names = 0; names <= 4 && vp_ex_next_word(t, len, pos, &ws, &we) && we > ws;
         names++) {
        if (vp_ex_eq(t + ws, we - ws, "van")) {
            size_t at = we + strspn(t + we, " ");
            if (!strncmp(t + at, "de gemeente ", 12))
                at += 12;
            const mention *m = mention_at(l, at);
            if (m)
                return m->m;
            if (names == 0)
                break;
        }
        /* the particles inside a name: "burgemeester Toon van Oorschot (X" */
        bool particle = names > 0 && vp_ex_is_particle(t + ws, we - ws);
        if (!particle && !vp_ex_is_upper(t + ws, we - ws))
            break;
        pos = we;
        size_t gap = pos + strspn(t + pos, " ");
        if (gap < len && t[gap] == '(') {
            const mention *m = mention_at(l, gap + 1);
            if (m)
                return m->m;
            break;
        }
    }
    /* "de Deventer wethouder": the name between an article and the office */
    size_t end = os;
    while (end > 0 && t[end - 1] == ' ')
        end--;
    for (size_t start = end, words = 0; words < 3 && vp_ex_prev_word(t, start, &ws, &we);
         words++) {
        if (!vp_ex_is_upper(t + ws, we - ws))
            break;
        start = ws;
        size_t as, ae;
        if (!vp_ex_prev_word(t, start, &as, &ae) ||
            !(vp_ex_eq(t + as, ae - as, "de") || vp_ex_eq(t + as, ae - as, "the")))
            continue;
        char name[96];
        if (end - start >= sizeof name)
            break;
        memcpy(name, t + start, end - start);
        name[end - start] = '\0';
        const vp_municipality *m = vp_gazetteer_lookup(pc->g, name);
        return m ? vp_gazetteer_in_year(pc->g, m, pc->year) : NULL;
    }
    return NULL;
}

const vp_municipality *vp_host_welcomed_by(const places_ctx *pc, const char *t, text_kind kind,
                                           const char *day)
{
    enum { REACH = 400 };
    size_t len = strlen(t), pos = 0, ws, we;
    const vp_municipality *found = NULL;
    mention_list l;
    vp_places_mentions(pc, t, kind, &l);
    while (pos < len && !found) {
        while (pos < len && !vp_ex_is_wordchar(t + pos, len - pos))
            pos += vp_ex_charlen(t + pos, len - pos);
        if (!vp_ex_next_word(t, len, pos, &ws, &we) || we == ws)
            break;
        pos = we;
        if (!vp_ex_eq_any(t + ws, we - ws, OFFICES))
            continue;
        size_t ss = sentence_start_past_initials(t, ws, REACH);
        size_t se = vp_ex_sentence_end(t, len, we, REACH);
        mention at = {.start = ws, .end = we};
        if (welcomes(t, ss, se) && !vp_host_about_an_earlier_day(t, len, &at, pc->year, day))
            found = office_of(pc, t, len, &l, ws, we);
    }
    free(l.items);
    return found;
}

/* ---- the report's own day ---- */

bool vp_host_names_its_day(const places_ctx *pc, const vp_parsed *p, const vp_document *d)
{
    int y, mo, dd;
    if (!d->date || sscanf(d->date, "%4d-%2d-%2d", &y, &mo, &dd) != 3)
        return false;
    for (size_t i = 0; i < p->n_blocks; i++) {
        const char *t = p->blocks[i].text;
        size_t from = 0, len = strlen(t);
        date_hit h;
        while (p->blocks[i].kind != VP_BLOCK_CODE && vp_date_next(t, len, &from, pc->year, &h))
            if (h.y == y && h.m == mo && h.d == dd)
                return true;
    }
    return false;
}
