/*
 * extract_places.c: the places stage (see extract.c): the municipalities a
 * report names and the one that hosted it.
 *
 * Which mentions of a text count is decided in extract_place_mentions.c;
 * this file reads every text of the report through it: it votes the
 * province most of the plain municipality names lie in (which tells two
 * places of one name apart), takes the front matter's municipalities when
 * it lists them and the accepted mentions otherwise, leaves out a place
 * outside that province unless it stands in a list, and a municipality the
 * report names as absent anywhere (a line of absentees, an attendance row
 * marked absent, "... Afwezig: X, Y", "Zutphen had zich afgemeld", "de
 * gemeenten X en Y waren er niet bij"), though it names it elsewhere too,
 * a section of links to other days ("Zie ook") or over a later day ("##
 * Vooruitblik", "## Volgende bijeenkomst"), and a place whose clause
 * dates it more than a week after the report's day (a later meeting's).
 * The host is
 * found in extract_host.c, from the same mentions, and is always one of
 * the report's municipalities.
 */
#include "extract_places.h"

#include <stdlib.h>
#include <string.h>

#include "extract_text.h"
#include "mem.h"
#include "person_name.h"
#include "text.h"

/* ---- the report's municipalities ---- */

static bool is_heading(const vp_block *b)
{
    return b->kind == VP_BLOCK_HEADING || b->pseudo_heading;
}

text_kind vp_places_kind(const vp_parsed *p, const vp_document *d, const vp_block *b)
{
    if (d->title && !p->fm.title && strcmp(b->text, d->title) == 0)
        return IN_TITLE;
    return is_heading(b) ? IN_HEADING : IN_BODY;
}

/* Does the block open a section: a heading, or a wiki's "== Zie ook =="
 * on a line of its own? */
static bool opens_a_section(const vp_block *b)
{
    size_t n = strcspn(b->text, "\n");
    return is_heading(b) || (n > 4 && !strncmp(b->text, "==", 2) &&
                             !strncmp(b->text + n - 2, "==", 2));
}

/* Is the block the title of a section of links to other pages ("Zie ook",
 * "See also")?  The days it links to are other days, not this report's. */
static bool opens_see_also(const vp_block *b)
{
    static const char *const TITLES[] = {"zie ook", "see also", "lees ook", "lees verder",
                                         "gerelateerd", "related", NULL};
    if (!opens_a_section(b))
        return false;
    char lower[64];
    size_t n = strcspn(b->text, "\n");
    vp_ex_lower(b->text, 0, n < sizeof lower - 1 ? n : sizeof lower - 1, lower, sizeof lower);
    size_t from = strspn(lower, "=#*_ "), to = strlen(lower);
    while (to > from && strchr("=#*_: ", lower[to - 1]))
        to--;
    lower[to] = '\0';
    for (size_t k = 0; TITLES[k]; k++)
        if (!strcmp(lower + from, TITLES[k]))
            return true;
    return false;
}

/* Is the block a heading over a later day ("## Vooruitblik: Assen, 13
 * maart", "### 6. Volgende bijeenkomst")?  The places there are the later
 * day's, not this report's. */
static bool opens_later_day(const vp_block *b)
{
    static const char *const TITLES[] = {"vooruitblik", "volgende bijeenkomst", "aankondiging",
                                         "looking ahead", "next meeting", NULL};
    if (!opens_a_section(b))
        return false;
    const char *t = b->text + strspn(b->text, "=#*_ 0123456789.");
    for (size_t k = 0; TITLES[k]; k++) {
        size_t n = strlen(TITLES[k]);
        if (strlen(t) >= n && vp_ex_eq(t, n, TITLES[k]) && !vp_ex_is_wordchar(t + n, 1))
            return true;
    }
    return false;
}

/* Calls fn on every text of the report: the front matter title, then the
 * blocks, but for a section of links to other pages or over a later day. */
typedef void (*text_fn)(const places_ctx *pc, const char *t, text_kind kind, void *ctx);

static void each_text(const places_ctx *pc, const vp_parsed *p, const vp_document *d,
                      text_fn fn, void *ctx)
{
    if (d->title && p->fm.title)
        fn(pc, d->title, IN_TITLE, ctx);
    bool skip = false;
    for (size_t i = 0; i < p->n_blocks; i++) {
        const vp_block *b = &p->blocks[i];
        text_kind kind = vp_places_kind(p, d, b);
        if (opens_a_section(b))
            skip = opens_see_also(b) || (kind != IN_TITLE && opens_later_day(b));
        if (b->kind != VP_BLOCK_CODE && !skip)
            fn(pc, b->text, kind, ctx);
    }
}

/* Counts the provinces of the plain, accepted municipality names. */
typedef struct province_votes {
    const char *name[16];
    size_t votes[16], n;
} province_votes;

static void vote_province(const places_ctx *pc, const char *t, text_kind kind, void *ctx)
{
    province_votes *v = ctx;
    mention_list l;
    vp_places_mentions(pc, t, kind, &l);
    for (size_t i = 0; i < l.len; i++) {
        const mention *m = &l.items[i];
        if (!m->accepted || !m->named || !m->m)
            continue;
        size_t k = 0;
        while (k < v->n && strcmp(v->name[k], m->m->province) != 0)
            k++;
        if (k == v->n && v->n < 16)
            v->name[v->n++] = m->m->province;
        if (k < v->n)
            v->votes[k]++;
    }
    free(l.items);
}

/* A place counts when it lies in the report's province or stands in a
 * list of names: "op Willemsoord" in a report from Noord-Holland is not the
 * village in Overijssel.  Municipalities always count. */
static bool in_the_region(const places_ctx *pc, const char *t, const mention_list *l, size_t i)
{
    const mention *m = &l->items[i];
    if (!m->place || !pc->province || strcmp(m->m->province, pc->province) == 0)
        return true;
    return (i > 0 && vp_places_list_gap(t, l->items[i - 1].end, m->start)) ||
           (i + 1 < l->len && vp_places_list_gap(t, m->end, l->items[i + 1].start));
}

/* Words that open a line of those who did not come ("Afwezig met bericht:
 * gemeente Weert, gemeente Den Helder") or fill a cell of their row in an
 * attendance table ("Roosendaal | \xE2\x80\x94 | afwezig met bericht"): the
 * municipalities there took no part. */
static const char *const ABSENT_WORDS[] = {
    "afwezig", "afgemeld", "afmelding", "afmeldingen", "verhinderd", "absent",
    "apologies", NULL,
};

/* Does t[from..to) open, past markup and spaces, with an absent word? */
static bool opens_with_absent(const char *t, size_t from, size_t to)
{
    while (from < to && !vp_ex_is_wordchar(t + from, to - from))
        from += vp_ex_charlen(t + from, to - from);
    size_t we = from;
    while (we < to && vp_ex_is_wordchar(t + we, to - we))
        we += vp_ex_charlen(t + we, to - we);
    return we > from && vp_ex_eq_any(t + from, we - from, ABSENT_WORDS);
}

/* "Deelnemers: Zeist, Houten. Afwezig: Deventer", "... Afwezig met
 * bericht: Hoorn": a sentence of the line before pos that opens with an
 * absent word as a label of at most three words (then a colon). */
static bool absent_label_in_sentence(const char *t, size_t ls, size_t pos)
{
    size_t s = pos;
    while (s > ls && !(t[s - 1] == ' ' && s >= ls + 2 && strchr(".!?", t[s - 2])))
        s--;
    if (s == ls || !opens_with_absent(t, s, pos))
        return false;
    size_t we = s + strspn(t + s, "*_");
    for (int words = 0; words < 3; words++) {
        while (we < pos && vp_ex_is_wordchar(t + we, pos - we))
            we += vp_ex_charlen(t + we, pos - we);
        if (we >= pos)
            return false;
        if (t[we + strspn(t + we, "*_")] == ':')
            return true;
        if (t[we] != ' ')
            return false;
        we++;
    }
    return false;
}

/* Is the mention at pos on a line of absentees, or in a table row (cells
 * joined by " | ") one of whose cells says its municipality was absent? */
static bool on_absent_line(const char *t, size_t len, size_t pos)
{
    size_t ls = pos, le = pos;
    while (ls > 0 && t[ls - 1] != '\n')
        ls--;
    while (le < len && t[le] != '\n')
        le++;
    if (opens_with_absent(t, ls, le) || absent_label_in_sentence(t, ls, pos))
        return true;
    for (size_t c = ls; c < le; c++)
        if (t[c] == '|' && opens_with_absent(t, c + 1, le))
            return true;
    return false;
}

/* Where the words that tell of mention i end: at the next capitalised
 * mention (not "de buren", which the gazetteer reads as Buren) or the end
 * of its sentence. */
static size_t told_until(const char *t, size_t len, const mention_list *l, size_t i)
{
    size_t next = i + 1;
    while (next < l->len && !vp_ex_is_upper(t + l->items[next].start, len - l->items[next].start))
        next++;
    size_t to = next < l->len ? l->items[next].start : len;
    for (size_t c = l->items[i].end; c < to; c++)
        if (t[c] == '\n' || ((t[c] == '.' || t[c] == '!' || t[c] == '?') &&
                              (c + 1 == len || t[c + 1] == ' ')))
            return c;
    return to;
}

/* Is mention m the place of a person ("de burgemeester van X", "wethouder
 * Jan Jansen (X)", "Jan Jansen van X"), whose absence is theirs, not their
 * municipality's? */
static bool of_a_person(const char *t, const mention *m)
{
    static const char *const OF[] = {"van", "of", NULL};
    static const char *const OFFICES[] = {"burgemeester", "wethouder", "gedeputeerde",
                                          "raadslid", "spreker", "mayor", "alderman",
                                          "speaker", NULL};
    size_t ws, we, os, oe;
    if (m->start > 0 && t[m->start - 1] == '(')
        return true;
    return vp_ex_prev_word(t, m->start, &ws, &we) && vp_ex_eq_any(t + ws, we - ws, OF) &&
           vp_ex_prev_word(t, ws, &os, &oe) &&
           (vp_ex_eq_any(t + os, oe - os, OFFICES) || (t[os] >= 'A' && t[os] <= 'Z'));
}

/* Is the gap between two names a list's, within one clause (not "...
 * Vlissingen; Middelburg had zich afgemeld")? */
static bool listed_together(const char *t, const mention *a, const mention *b)
{
    return vp_places_list_gap(t, a->end, b->start) && !memchr(t + a->end, ';', b->start - a->end);
}

/* "Er was geen enkele vertegenwoordiger uit X, Y of Z", "niemand uit X":
 * the names after it did not come. */
static bool nobody_from(const char *t, const mention *m)
{
    static const char *const FROM[] = {"uit", "van", "from", "of", NULL};
    static const char *const WHO[] = {"niemand", "vertegenwoordiger", "vertegenwoordiging",
                                      "delegatie", "afvaardiging", "nobody", "representative",
                                      "delegation", NULL};
    static const char *const NONE[] = {"geen", "niemand", "nobody", "no", NULL};
    size_t ws, we, ps, pe;
    if (!vp_ex_prev_word(t, m->start, &ws, &we) || !vp_ex_eq_any(t + ws, we - ws, FROM) ||
        !vp_ex_prev_word(t, ws, &ps, &pe) || !vp_ex_eq_any(t + ps, pe - ps, WHO))
        return false;
    if (vp_ex_eq_any(t + ps, pe - ps, NONE))
        return true;
    for (int words = 0; words < 2 && vp_ex_prev_word(t, ps, &ps, &pe); words++)
        if (vp_ex_eq_any(t + ps, pe - ps, NONE))
            return true;
    return false;
}

/* The municipalities text t names as absent: on a line of absentees, or
 * as the last name before the words of a sentence saying they did not come,
 * with the names listed with it ("Gorinchem had zich afgemeld", "de
 * gemeenten Venray en Tilburg waren er niet bij", "Enschede, although
 * mentioned often, did not send a delegation").  They took no part, though
 * named elsewhere in the report too.  Not a person's place: "de
 * burgemeester van X was verhinderd" says nothing of X's officials. */
static void add_absent(const places_ctx *pc, const char *t, text_kind kind, void *ctx)
{
    vp_strvec *absent = ctx;
    mention_list l;
    vp_places_mentions(pc, t, kind, &l);
    size_t len = strlen(t);
    for (size_t i = 0; i < l.len; i++) {
        const mention *m = &l.items[i];
        if (!m->m)
            continue;
        if (on_absent_line(t, len, m->start)) {
            vp_strvec_push_unique(absent, m->m->name);
            continue;
        }
        if (nobody_from(t, m)) {
            for (size_t k = i; k < l.len; k++) {
                if (l.items[k].m)
                    vp_strvec_push_unique(absent, l.items[k].m->name);
                if (k + 1 == l.len || !listed_together(t, &l.items[k], &l.items[k + 1]))
                    break;
            }
            continue;
        }
        /* the sentence's full stop included: "Zeist was er niet." */
        size_t to = told_until(t, len, &l, i) + 1;
        to = to < len ? to : len;
        char lower[256];
        vp_ex_lower(t, m->end, to - m->end < sizeof lower - 1 ? to : m->end + sizeof lower - 1,
                    lower, sizeof lower);
        if (!vp_places_says_absent(lower) || of_a_person(t, m))
            continue;
        for (size_t k = i + 1; k-- > 0;) {
            if (l.items[k].m)
                vp_strvec_push_unique(absent, l.items[k].m->name);
            if (k == 0 || !listed_together(t, &l.items[k - 1], &l.items[k]))
                break;
        }
    }
    free(l.items);
}

static void add_names(const places_ctx *pc, const char *t, text_kind kind, void *ctx)
{
    vp_strvec *names = ctx;
    mention_list l;
    vp_places_mentions(pc, t, kind, &l);
    size_t len = strlen(t);
    for (size_t i = 0; i < l.len; i++)
        if (l.items[i].accepted && l.items[i].m && in_the_region(pc, t, &l, i) &&
            !on_absent_line(t, len, l.items[i].start) &&
            !vp_host_dated_after_the_day(t, len, &l.items[i], pc->year, pc->day,
                                         VP_HOST_SLACK_DAYS))
            vp_strvec_push_unique(names, l.items[i].m->name);
    free(l.items);
}

/* The surnames of the report's speakers that are one word after a given
 * name ("Karin Goes", "Jeroen Best"), folded.  A surname with particles
 * ("Van der Goes") is not written bare, so a bare name is the place. */
static void speaker_surnames(const vp_document *d, vp_strset *out)
{
    for (size_t i = 0; i < d->n_speakers; i++) {
        const char *name = d->speakers[i].name;
        const char *last = strrchr(name, ' ');
        if (!last || last == name)
            continue;
        size_t ws = last - name;
        while (ws > 0 && name[ws - 1] != ' ')
            ws--;
        if (vp_person_is_particle(name + ws, last - name - ws))
            continue;
        char *key = vp_fold_key(last + 1);
        bool added;
        vp_strset_add(out, key, strlen(key), &added);
        free(key);
    }
}

/* ---- the stage ---- */

vp_extract_status vp_extract_places(const vp_extract_ctx *ctx, const vp_parsed *p,
                                    vp_document *d, vp_extract_issue *issue)
{
    places_ctx pc = {ctx->gazetteer, d->date ? atoi(d->date) : 0, NULL, d->date, NULL};
    vp_strvec names = VP_STRVEC_INIT;
    vp_strset *surnames = vp_strset_new();
    int fm_line = 1;   /* front matter starts the file; fields carry no line */

    speaker_surnames(d, surnames);
    pc.surnames = surnames;

    province_votes votes = {0};
    each_text(&pc, p, d, vote_province, &votes);
    for (size_t k = 0, top = 0; k < votes.n; k++)
        if (votes.votes[k] > top) {
            top = votes.votes[k];
            pc.province = votes.name[k];
        }

    for (size_t i = 0; i < p->fm.municipalities.len; i++) {
        const vp_municipality *m = vp_places_lookup(&pc, p->fm.municipalities.items[i], fm_line,
                                                    issue);
        if (m)
            vp_strvec_push_unique(&names, m->name);
    }
    if (names.len == 0) {
        vp_strvec absent = VP_STRVEC_INIT;
        each_text(&pc, p, d, add_names, &names);
        each_text(&pc, p, d, add_absent, &absent);
        vp_strvec present = VP_STRVEC_INIT;
        for (size_t i = 0; i < names.len; i++)
            if (!vp_strvec_contains(&absent, names.items[i]))
                vp_strvec_push(&present, names.items[i]);
        vp_strvec_clear(&names);
        vp_strvec_clear(&absent);
        names = present;
    }

    const vp_municipality *host = vp_places_look_back_host(&pc, p, d);
    if (!host && p->fm.host && *p->fm.host)
        host = vp_places_lookup(&pc, p->fm.host, fm_line, issue);
    if (!host)
        host = vp_places_host(&pc, p, d);
    free(d->host);
    d->host = host ? vp_xstrdup(host->name) : NULL;
    if (host)
        vp_strvec_push_unique(&names, host->name);

    vp_strvec_sort(&names);
    vp_strvec_clear(&d->municipalities);
    vp_strset_free(surnames);
    d->municipalities = names;
    return VP_EXTRACT_OK;
}
