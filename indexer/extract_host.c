/*
 * extract_host.c: the host of the places stage (see extract_places.c): the
 * municipality the text places the event in.
 *
 * Every plausible mention in the title, the lines under it and the opening
 * paragraphs gets a score from the words around it (extract_host_words.c)
 * and the sentences around it (extract_host_context.c), and the highest
 * wins (the earliest of equals).  An invitation's look-back on the
 * report's day is read first, as a report's opening; the front matter's
 * host comes next.
 * A place whose clause dates it more than a week before the report's day
 * is another day's ("Helmond, 7 juni 2013" in a memo on a day of 2014),
 * when the text names the report's day too.  A dateline dated after the
 * day is where the text was written: a letter's ("Assen, 14 maart 2016"
 * on the line of its own) yields even to a plain "in X" of the opening.
 * A municipality writing about its own day ("ons stadhuis", a council
 * letter on the day "onze gemeente heeft georganiseerd") hosts it.  A title may put marks between the
 * meeting and its place ("Kennisdag!! (Tiel, deel 1)"), and a dated byline
 * under the title is no opening paragraph.  A report without a score of 2
 * has no host: it is not guessed.
 */
#include "extract_places.h"

#include <stdlib.h>
#include <string.h>

#include "date_parse.h"
#include "extract_text.h"
#include "text.h"

typedef struct host_pick {
    const vp_municipality *m;
    int score;
    size_t order;        /* earlier wins a tie */
} host_pick;

static void consider(host_pick *best, const vp_municipality *m, int score, size_t order)
{
    if (m && score > best->score)
        *best = (host_pick){m, score, order};
}

/* The host's mayor or alderman welcomes the participants or opens the day
 * (extract_host_context.c). */
static void host_by_welcome(const places_ctx *pc, const char *t, text_kind kind,
                            const char *day, host_pick *best, size_t *order)
{
    enum { SCORE = 3 };
    consider(best, vp_host_welcomed_by(pc, t, kind, day), SCORE, (*order)++);
}

/* Does mention m open its line ("Gorinchem, 20 mei 2009"), past markup? */
static bool starts_a_line(const char *t, const mention *m)
{
    size_t line = m->start;
    while (line > 0 && t[line - 1] != '\n')
        line--;
    return line + strspn(t + line, "*_> ") == m->start;
}

/* Reads one text's mentions for the host. */
static void host_in_text(const places_ctx *pc, const char *t, text_kind kind, bool lede,
                         bool location, const char *day, host_pick *best, size_t *order)
{
    mention_list l;
    vp_places_mentions(pc, t, kind, &l);
    size_t len = strlen(t);
    bool first = true;
    for (size_t i = 0; i < l.len; i++) {
        const mention *m = &l.items[i];
        if (!m->plausible || !m->m)
            continue;
        int score = vp_host_score(t, len, m, lede);
        if (kind == IN_TITLE) {
            int ts = vp_host_title_score(t, len, m);
            score = ts > score ? ts : score;
        }
        if (location && first)
            score = score > 5 ? score : 5;
        if (vp_host_news_dateline(t, len, m))
            score = 5;
        /* a label or a location line says where, whatever its dates */
        if (score > 0 && score < 5 && (vp_host_about_an_earlier_day(t, len, m, pc->year, day) ||
                                       vp_host_names_a_later_year(t, m, pc->year)))
            score = 0;
        /* a letter's or an interview's dateline written later: where the
         * text was written, weaker than a clause that places the meeting */
        if (score == 4 && vp_host_dated_after_the_day(t, len, m, pc->year, pc->day, 0))
            score = starts_a_line(t, m) ? 2 : 3;
        if (!m->accepted && score < 3)
            continue;
        first = false;
        consider(best, m->m, score, (*order)++);
    }
    free(l.items);
}

/* Does a line of t start with one of the labels (then a colon)? */
static bool has_line_label(const char *t, const char *const *labels)
{
    for (const char *line = t; line; line = strchr(line, '\n')) {
        line += *line == '\n';
        line += strspn(line, "> *_");
        for (size_t k = 0; labels[k]; k++) {
            size_t c = strlen(labels[k]);
            if (!strncmp(line, labels[k], c) && line[c] == ':')
                return true;
        }
    }
    return false;
}

/* "Van: ... Verzonden: ... Onderwerp: ...": the header of a forwarded or
 * quoted mail, which takes no turn of the opening paragraphs (the report
 * in a mail thread comes after its headers and covering notes). */
static bool is_mail_header(const char *t)
{
    static const char *const SENDER[] = {"Van", "From", NULL};
    static const char *const OTHER[] = {"Verzonden", "Onderwerp", "Sent", "Subject", "Datum",
                                        "Date", NULL};
    return has_line_label(t, SENDER) && has_line_label(t, OTHER);
}

/* How far into the report the host is looked for. */
enum { HOST_PARAGRAPHS = 4, SUBTITLE_BLOCKS = 4, SUBTITLE_MAX = 200, MIN_HOST_SCORE = 2 };

/* A municipality writing about its own day: "in de raadzaal van ons
 * stadhuis", "organiseerde onze gemeente", a council letter on the day
 * "onze gemeente ... heeft georganiseerd", with a letterhead, a byline or
 * an opening that names it ("Gemeente Tiel", "communicatieadviseur bij de
 * gemeente Heerhugowaard"). */
static void host_by_our_own(const places_ctx *pc, const vp_parsed *p, const vp_document *d,
                            host_pick *best)
{
    static const char *const OURS[] = {"ons stadhuis", "ons gemeentehuis", "ons raadhuis",
                                       "onze raadzaal", "onze gemeente organiseerde",
                                       "organiseerde onze gemeente", "bij ons in het stadhuis",
                                       "bij ons in het gemeentehuis", "bij ons op het stadhuis",
                                       "bij ons in de raadzaal", "our town hall",
                                       "our city hall", NULL};
    bool ours = false;
    const vp_municipality *named = NULL;
    for (size_t i = 0, seen = 0; i < p->n_blocks && seen < SUBTITLE_BLOCKS + 2; i++) {
        const vp_block *b = &p->blocks[i];
        if (b->kind == VP_BLOCK_CODE)
            continue;
        seen++;
        char lower[512];
        vp_ex_lower(b->text, 0, strlen(b->text), lower, sizeof lower);
        for (size_t k = 0; OURS[k] && !ours; k++)
            ours = strstr(lower, OURS[k]) != NULL;
        ours = ours || vp_host_we_hosted(lower);
        mention_list l;
        vp_places_mentions(pc, b->text, vp_places_kind(p, d, b), &l);
        for (size_t k = 0; k < l.len && !named; k++) {
            size_t ws, we;
            const mention *m = &l.items[k];
            if (m->plausible && m->m && vp_ex_prev_word(b->text, m->start, &ws, &we) &&
                vp_ex_eq(b->text + ws, we - ws, "gemeente"))
                named = m->m;
        }
        free(l.items);
    }
    if (ours && named)
        consider(best, named, 4, 0);
}

/* The look-back of an invitation whose day is the report's (the date
 * stage took it from there): its blocks from the opener to the next
 * heading, [*from, *to).  The announced day's place is not the host. */
static bool look_back_section(const vp_parsed *p, const vp_document *d, size_t *from,
                              size_t *to)
{
    if (!d->date)
        return false;
    int year = atoi(d->date);
    for (size_t i = 0; i < p->n_blocks; i++) {
        const vp_block *b = &p->blocks[i];
        if (b->kind == VP_BLOCK_CODE || !vp_ex_opens_look_back(b->text))
            continue;
        size_t last = b->kind == VP_BLOCK_HEADING && i + 1 < p->n_blocks ? i + 1 : i;
        bool dated = false;
        for (size_t k = i; k <= last && !dated; k++) {
            char date[11];
            dated = vp_parse_date(p->blocks[k].text, year, date) && !strcmp(date, d->date);
        }
        if (!dated)
            continue;
        *from = i;
        for (*to = i + 1; *to < p->n_blocks && p->blocks[*to].kind != VP_BLOCK_HEADING; (*to)++)
            ;
        return true;
    }
    return false;
}

/* The host in an invitation's look-back: read as the opening of a report. */
static const vp_municipality *host_in_look_back(const places_ctx *pc, const vp_parsed *p,
                                                const vp_document *d, size_t from, size_t to)
{
    host_pick best = {NULL, MIN_HOST_SCORE - 1, 0};
    size_t order = 0;
    for (size_t i = from; i < to; i++) {
        const vp_block *b = &p->blocks[i];
        if (b->kind != VP_BLOCK_CODE)
            host_in_text(pc, b->text, vp_places_kind(p, d, b), true, false, d->date, &best,
                         &order);
    }
    return best.m;
}

const vp_municipality *vp_places_look_back_host(const places_ctx *pc, const vp_parsed *p,
                                                const vp_document *d)
{
    size_t from, to;
    return look_back_section(p, d, &from, &to) ? host_in_look_back(pc, p, d, from, to) : NULL;
}

const vp_municipality *vp_places_host(const places_ctx *pc, const vp_parsed *p,
                                      const vp_document *d)
{
    host_pick best = {NULL, MIN_HOST_SCORE - 1, 0};
    size_t order = 0, paragraphs = 0, seen = 0;
    const char *day = vp_host_names_its_day(pc, p, d) ? d->date : NULL;
    if (d->title && p->fm.title)
        host_in_text(pc, d->title, IN_TITLE, false, false, day, &best, &order);
    for (size_t i = 0; i < p->n_blocks && paragraphs < HOST_PARAGRAPHS; i++) {
        const vp_block *b = &p->blocks[i];
        if (b->kind == VP_BLOCK_CODE)
            continue;
        text_kind kind = vp_places_kind(p, d, b);
        size_t len = strlen(b->text);
        bool opening = ++seen <= SUBTITLE_BLOCKS || (paragraphs == 0 && seen <= 2 * SUBTITLE_BLOCKS);
        bool subtitle = opening && len < SUBTITLE_MAX;
        char date[11];
        bool dated = subtitle && kind != IN_TITLE && vp_parse_date(b->text, 0, date) &&
                     !vp_host_is_byline(b->text);
        bool location = vp_host_is_location_line(b->text);
        bool lede = kind == IN_BODY && len >= SUBTITLE_MAX / 2 && paragraphs < 2;
        /* a dated line under the title names the place like a title does */
        host_in_text(pc, b->text, dated ? IN_TITLE : kind, lede || subtitle, location, day,
                     &best, &order);
        host_by_welcome(pc, b->text, kind, day, &best, &order);
        /* "geplaatst op 24 mei 2019 door An, stagiaire gemeente Tiel": a
         * dated byline under the title is not one of the opening paragraphs */
        bool byline = subtitle && kind == IN_BODY && vp_parse_date(b->text, 0, date) &&
                      vp_host_is_byline(b->text);
        if (kind == IN_BODY && len >= SUBTITLE_MAX / 2 && !byline && !is_mail_header(b->text))
            paragraphs++;
    }
    if (best.score < 4)
        host_by_our_own(pc, p, d, &best);
    return best.m;
}

/* ---- front matter ---- */

typedef struct only_match {
    const places_ctx *pc;
    const vp_municipality *m;
    bool several;
} only_match;

static bool keep_only_match(const vp_gaz_match *match, void *ctx)
{
    only_match *o = ctx;
    const vp_municipality *m = match->m ? vp_gazetteer_in_year(o->pc->g, match->m, o->pc->year)
                                        : vp_place_in_year(o->pc->g, match->place, o->pc->year);
    if (!m)
        return true;
    if (o->m && o->m != m)
        o->several = true;
    o->m = m;
    return !o->several;
}

/* A front matter value through the gazetteer.  Authors write more than the
 * bare name ("gemeente Zeist", "Purmerend, Stadhuis", "DRU Industriepark,
 * Ulft", "online (vanuit Oss)"): a value naming exactly one municipality or
 * place means that one.  A value naming none or several is an issue, unless
 * it says the meeting was online. */
const vp_municipality *vp_places_lookup(const places_ctx *pc, const char *name, int line,
                                        vp_extract_issue *issue)
{
    const vp_municipality *m = vp_gazetteer_lookup(pc->g, name);
    if (m)
        return vp_gazetteer_in_year(pc->g, m, pc->year);
    const vp_place *place = vp_gazetteer_lookup_place(pc->g, name);
    if (place && !place->homonym && (m = vp_place_in_year(pc->g, place, pc->year)))
        return m;
    only_match o = {pc, NULL, false};
    vp_gazetteer_scan_places(pc->g, name, strlen(name), keep_only_match, &o);
    if (o.m && !o.several)
        return o.m;
    char lower[64];
    vp_ex_lower(name, 0, strlen(name), lower, sizeof lower);
    if (!strstr(lower, "online") && !strstr(lower, "teams") && !strstr(lower, "zoom") &&
        !strstr(lower, "webinar"))
        vp_extract_note(issue, line, "unknown municipality '%s'", name);
    return NULL;
}
