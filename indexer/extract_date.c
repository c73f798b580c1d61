/*
 * extract_date.c: the date stage (see extract.c): the day the event began.
 *
 * Reports carry two kinds of dates.  Anchors date the report itself: the
 * front matter date, a full date in the title, a dateline under the title
 * ("Hoorn, 2017-09-29", "Nieuws · 20 november 2023") or a publication line
 * ("Gepubliceerd op 3 maart 2021").  Mentions in the text date what
 * happened: "Op vrijdag 16 maart kwamen ...", "From 25 to 27 January".
 * A web page or a newsletter is dated the day it was written, so an anchor
 * is not always the event: when the opening names a weekday date a few
 * weeks before the anchor and the text never names the anchor's day as
 * that of something that happened, the mention is the event and the anchor
 * the day it was written up.  A press release or a programme page is
 * dated before the day: when it calls itself one, calls to sign up or to
 * book a room, or restates its date as that of its last update, the day
 * its opening names in the weeks after the anchor is the event.
 * A mail's "Date:" header (under its sender), a memo's "Datum:" (under its
 * "Aan:" and "Van:") and a front matter "publicatiedatum" are such days of
 * writing; a text that calls itself a
 * look-back ("Terugblik op de najaarsdag") may be written up to a year
 * after its day.
 * "Gisteren", "afgelopen donderdag" and "vorige week donderdag" count back
 * from the anchor (outside quotations and a transcript's speech turns: a
 * speaker's "gisteren" is theirs).
 *
 * Mentions of other things are skipped by the words around them in their
 * sentence and by their section's heading: the next meeting ("de volgende
 * bijeenkomst is op ...", "save the date"), laws and deadlines ("sinds 1
 * januari 2015"), publications ("verschenen op ...").  A date without a year
 * ("op vrijdag 21 april") takes the year of an anchor, else of a month and
 * year line ("mei 2015", "Strasbourg, January 2021"), the title, the text's
 * first full date or the file name; its weekday picks the year next to it
 * when it does not fit (a report written in January about a December day).
 * A range ("donderdag 9 en vrijdag 10 november", "September 12th-13th") is
 * its first day.
 *
 * A mail's sent line ("Verzonden: vrijdag 19 maart 2010") dates the mail,
 * and a quoted mail's "gisteren" counts from its own.  "De dag vond plaats
 * op ..." and a title's year below a later front matter date ("Jaarverslag
 * 2018", published the next spring) beat the front matter however long
 * after.  "week 42" names a day only when the text names no other.
 *
 * A programme's heading or a table's header row ("## Programma 30-9-'21")
 * names the day it lists.  An interview dated before the day with an
 * update after it ("## Update na de netwerkdag (18 november 2024)") is
 * dated by the weekday date between the two.  A memo or mail that looks
 * back on several days and decides on a later one reports the latest day
 * in the weeks before its date.  A news item with only a publication line
 * at its foot ("Gepubliceerd op vrijdag 23 mei 2014") and a bare weekday
 * opening its text ("Woensdag kwamen ...") is dated the last such day.
 *
 * This file owns the anchor, the year of a date without one, the event the
 * opening names and the choice between them.  The types they share are
 * date_stage.h's; a text written before its day (a press release, an
 * invitation's look-back) is date_announce.c's, one written around it (an
 * update after the day, a memo of several days) date_update.c's.  What the
 * words and the line around one date say of it is date_cues.c's (a mail
 * header's date_mail.c's, a statement of the day date_statement.c's), the
 * days "gisteren" and "afgelopen donderdag" name date_relative.c's, "week
 * 42" and "de eerste donderdag van oktober" date_week.c's, and one date
 * expression date_parse.c's ("di 4/10" and "3-12-'20" date_numeric.c's).
 */
#include "extract_stages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "date_announce.h"
#include "date_cues.h"
#include "date_parse.h"
#include "date_relative.h"
#include "date_stage.h"
#include "date_statement.h"
#include "date_update.h"
#include "date_week.h"
#include "extract_text.h"
#include "mem.h"

/* ---- anchors, events and blocks ---- */

/* How many of the first blocks may be a dateline, and how many paragraphs
 * open the text (OPENING_BLOCKS, WRITE_UP_DAYS: date_stage.h). */
enum { DATELINE_BLOCKS = 4, LEDE_PARAGRAPHS = 2 };
/* How long before an event a press release or a programme announces it,
 * at most. */
enum { ANNOUNCE_DAYS = 120 };
/* How long after the day a report that states it ("de dag vond plaats op
 * ...") may be published: a year report comes out in the spring after. */
enum { STATED_WRITE_UP_DAYS = 400 };
/* How long after an event a text that calls itself a look-back on it
 * ("Jaarverslag 2019 - Terugblik op de najaarsbijeenkomst") is written. */
enum { LOOK_BACK_DAYS = 366 };

static bool heading_is_next_meeting(const vp_block *b)
{
    size_t len = strlen(b->text);
    return vp_ex_about_next_meeting(b->text, len, 0, len < 120 ? len : 120);
}

/* Is b a programme's heading or a table's header row ("## Programma
 * 30-9-'21", "| do 17/3 â tijd | onderdeel |")?  Its date is the day it
 * lists. */
static bool heads_programme(const vp_block *b)
{
    static const char *const NAMES[] = {"programma", "dagprogramma", "program", "programme",
                                        "agenda", NULL};
    if (!vp_date_block_is_heading(b) && b->kind != VP_BLOCK_TABLE_ROW)
        return false;
    const char *t = b->text;
    size_t len = strlen(t), pos = 0, ws, we;
    while (vp_ex_step_word(t, len, &pos, &ws, &we))
        if (vp_ex_eq_any(t + ws, we - ws, NAMES))
            return true;
    return false;
}

/* Is b the title block (the heading or first line the title came from)? */
static bool is_title_block(const vp_parsed *p, const vp_document *d, size_t i)
{
    return !p->fm.title && d->title && strncmp(p->blocks[i].text, d->title,
                                               strlen(d->title)) == 0;
}

/* The lines of the title block under the title: a post whose first line
 * is its writer has its date on the next line of the same paragraph
 * ("**A. Writer** · Policy advisor\n*posted May 23, 2022*").  NULL when
 * the title block is one line. */
static const char *under_title(const vp_block *b)
{
    const char *nl = strchr(b->text, '\n');
    return nl && nl[1] ? nl + 1 : NULL;
}

/* ---- the first date that fits (date_stage.h) ---- */

static bool full_and_about_event(const char *t, size_t len, const date_hit *h, const void *arg)
{
    return h->has_year && vp_date_fits_event(t, len, h, arg);
}

static bool not_publication(const char *t, size_t len, const date_hit *h, const void *arg)
{
    (void)arg;
    return vp_date_about_of(t, len, h) != VP_DATE_ABOUT_PUBLICATION;
}

/* A date in the month and year arg points to (int[2]). */
static bool in_month(const char *t, size_t len, const date_hit *h, const void *arg)
{
    const int *ym = arg;
    (void)t, (void)len;
    return h->y == ym[0] && h->m == ym[1];
}

/* The anchor's day (arg), called that of a publication or an update. */
static bool publishes_anchor_day(const char *t, size_t len, const date_hit *h, const void *arg)
{
    const anchor *a = arg;
    return h->y == a->y && h->m == a->m && h->d == a->d &&
           vp_date_about_of(t, len, h) == VP_DATE_ABOUT_PUBLICATION;
}

/* ---- the anchor ---- */

/* A date that is the whole value (front matter), with its year default. */
static bool parse_anchor(const char *s, anchor_kind kind, anchor *a)
{
    date_hit h;
    size_t from = 0;
    if (!s || !vp_date_next(s, strlen(s), &from, vp_date_find_year(s), &h))
        return false;
    *a = (anchor){kind, h.y, h.m, h.d, NULL};
    return true;
}

/* Does the text call the anchor's day that of its publication or its last
 * update ("Laatst bijgewerkt: 2 april 2025" under a front matter date
 * 2025-04-02)? */
static bool restated_as_published(const vp_parsed *p, const anchor *a)
{
    date_hit h;
    return vp_date_first_of_text(p, a->y, publishes_anchor_day, a, &h);
}

/* The first full date of the title that is not a publication date. */
static bool title_date(const vp_parsed *p, const vp_document *d, anchor *a)
{
    date_hit h;
    if (!d->title || !vp_date_first(d->title, 0, not_publication, NULL, &h))
        return false;
    *a = (anchor){ANCHOR_TITLE, h.y, h.m, h.d, NULL};
    /* the block it came from does not confirm itself */
    for (size_t i = 0; i < p->n_blocks && !a->block; i++)
        if (is_title_block(p, d, i))
            a->block = &p->blocks[i];
    return true;
}

/* A dateline or publication line among the first blocks: a short block
 * holding a full date ("Hoorn, 2017-09-29", "*Gepubliceerd op woensdag 3
 * maart 2021*", "euregio · 20 november 2023"). */
static anchor dateline(const vp_parsed *p, const vp_document *d)
{
    anchor a = {ANCHOR_NONE, 0, 0, 0, NULL};
    for (size_t i = 0, seen = 0; i < p->n_blocks && seen < DATELINE_BLOCKS; i++) {
        const vp_block *b = &p->blocks[i];
        const char *t = b->text;
        if (b->kind == VP_BLOCK_CODE)
            continue;
        if (is_title_block(p, d, i) && !(t = under_title(b)))
            continue;
        seen++;
        size_t len = strlen(t);
        if (b->kind == VP_BLOCK_TABLE_ROW)
            continue;
        size_t from = 0;
        date_hit h;
        while (vp_date_next(t, len, &from, 0, &h)) {
            /* a long block is a dateline only by its opening */
            if (len > VP_DATELINE_MAX && !vp_date_leads_block(t, &h))
                break;
            vp_date_about what = h.has_year ? vp_date_about_of(t, len, &h)
                                            : VP_DATE_ABOUT_OTHER;
            if (what == VP_DATE_ABOUT_OTHER)
                continue;
            anchor_kind kind = what == VP_DATE_ABOUT_PUBLICATION ? ANCHOR_PUBLISHED
                                                                 : ANCHOR_DATELINE;
            return (anchor){kind, h.y, h.m, h.d, b};
        }
    }
    return a;
}

/* Does line open with one of the labels (folded, with their colon)? */
static bool opens_with_label(const char *line, const char *const *labels)
{
    for (size_t k = 0; labels[k]; k++)
        if (strncasecmp(line, labels[k], strlen(labels[k])) == 0)
            return true;
    return false;
}

/* Does block b hold a mail's sender line ("From: ...", "Van: ...")?  A
 * minutes' "Datum:" line is the meeting's day, a mail's the writing's. */
static bool has_sender(const vp_block *b)
{
    static const char *const FROM[] = {"from:", "van:", NULL};
    for (const char *line = b->text; line; line = strchr(line, '\n')) {
        line += *line == '\n';
        if (opens_with_label(line, FROM))
            return true;
    }
    return false;
}

/* A mail's "Date:" header ("Date: Fri, 10 Oct 2008 08:47:12 +0200",
 * "Verzonden: dinsdag 3 oktober 2017") among the first blocks, under its
 * sender: the day the mail was written, from which "gisteren" and "vorige
 * week donderdag" count back. */
static anchor mail_date(const vp_parsed *p)
{
    static const char *const HEADERS[] = {"date:", "datum:", "verzonden:", "sent:", NULL};
    bool sender = false;
    for (size_t i = 0, seen = 0; i < p->n_blocks && seen < DATELINE_BLOCKS; i++) {
        const vp_block *b = &p->blocks[i];
        if (b->kind == VP_BLOCK_CODE)
            continue;
        seen++;
        if (!(sender = sender || has_sender(b)))
            continue;
        for (const char *line = b->text; line; line = strchr(line, '\n')) {
            line += *line == '\n';
            if (!opens_with_label(line, HEADERS))
                continue;
            const char *end = strchr(line, '\n');
            size_t len = end ? (size_t)(end - line) : strlen(line), from = strcspn(line, ":");
            date_hit h;
            if (vp_date_next(line, len, &from, 0, &h) && h.has_year)
                return (anchor){ANCHOR_PUBLISHED, h.y, h.m, h.d, b};
        }
    }
    return (anchor){ANCHOR_NONE, 0, 0, 0, NULL};
}

/* ---- the year of a date without one ---- */

/* A year in a short line among the first blocks, as a byline or a
 * generated summary's note has it ("*Samengevat door ..., 2024.*"). */
static int year_of_a_byline(const vp_parsed *p)
{
    for (size_t i = 0, seen = 0; i < p->n_blocks && seen < DATELINE_BLOCKS; i++) {
        const vp_block *b = &p->blocks[i];
        if (b->kind == VP_BLOCK_CODE || vp_date_block_is_heading(b))
            continue;
        seen++;
        int y = strlen(b->text) <= VP_DATELINE_MAX ? vp_date_find_year(b->text) : 0;
        if (y)
            return y;
    }
    return 0;
}

/* The year the opening names with the event ("Het was de eerste
 * kennisdag van 2026"), as a news item without a dateline has it. */
static int year_of_the_event_noun(const vp_parsed *p)
{
    for (size_t i = 0, seen = 0; i < p->n_blocks && seen < OPENING_BLOCKS; i++) {
        const vp_block *b = &p->blocks[i];
        if (b->kind == VP_BLOCK_CODE)
            continue;
        seen++;
        int y = vp_date_event_noun_year(b->text, strlen(b->text));
        if (y)
            return y;
    }
    return 0;
}

/* A month and year on a short line of a longer block: the notes under a
 * title ("*Stageverslag – stageperiode feb.–jun. 2018*\n*Afkortingen:
 * ...*") may be one paragraph of a few lines. */
static int month_year_of_a_line(const char *t)
{
    char line[VP_DATELINE_MAX + 1];
    for (const char *s = t; s; s = strchr(s, '\n')) {
        s += *s == '\n';
        size_t n = strcspn(s, "\n");
        if (n > VP_DATELINE_MAX)
            continue;
        memcpy(line, s, n);
        line[n] = '\0';
        int y = vp_date_month_year(line);
        if (y)
            return y;
    }
    return 0;
}

/* The year a date without one takes. */
static int default_year(const vp_parsed *p, const vp_document *d, const anchor *a)
{
    if (a->kind != ANCHOR_NONE)
        return a->y;
    for (size_t i = 0, seen = 0; i < p->n_blocks && seen < DATELINE_BLOCKS; i++) {
        const vp_block *b = &p->blocks[i];
        if (b->kind == VP_BLOCK_CODE)
            continue;
        /* a long block counts by its short lines only, and not towards
         * the first blocks */
        bool is_long = strlen(b->text) > VP_DATELINE_MAX;
        seen += !is_long;
        int y = is_long ? month_year_of_a_line(b->text) : vp_date_month_year(b->text);
        if (y)
            return y;
    }
    int y = vp_date_find_year(d->title);
    if (y)
        return y;
    date_hit h;
    if (vp_date_first_of_text(p, 0, full_and_about_event, NULL, &h))
        return h.y;
    /* a mail's sent line, a publication line further down */
    if (vp_date_first_of_text(p, 0, vp_date_fits_full, NULL, &h))
        return h.y;
    y = year_of_a_byline(p);
    return y ? y : year_of_the_event_noun(p);
}

/* ---- the event the text names ---- */

/* Is the date the event's by its sentence: it names the event, or says
 * the text was written as many days after it as the anchor is?  Beside an
 * anchor, only a day in the weeks before it can be the one written up (a
 * memo's "the meeting of 3 April last year was cancelled" is not), and
 * never before a title's date, which names the event itself. */
static bool tied_to_event(const char *t, size_t len, const date_hit *h, const anchor *a)
{
    if (a->kind == ANCHOR_NONE)
        return vp_date_names_event(t, len, h);
    if (a->kind == ANCHOR_TITLE)      /* a title's date names the event */
        return false;
    long gap = vp_date_day_number(a->y, a->m, a->d) - vp_date_day_number(h->y, h->m, h->d);
    if (gap <= 0 || gap > WRITE_UP_DAYS)
        return false;
    return vp_date_names_event(t, len, h) || vp_date_stated_gap(t, h) == gap;
}

/* The event date the text gives: the first date of the opening with a
 * weekday or that opens the first sentences, else the first date about an
 * event.  *confirms is set when some date about an event (outside the
 * anchor's own line) is the anchor's day. */
static void event_from_text(const vp_parsed *p, int year, const anchor *a, event *e,
                            bool *confirms)
{
    bool next_section = false, have_first = false;
    event first = {0};
    size_t seen = 0, paragraphs = 0;
    *confirms = false;
    *e = (event){0};
    for (size_t bi = 0; bi < p->n_blocks; bi++) {
        const vp_block *b = &p->blocks[bi];
        if (b->kind == VP_BLOCK_CODE)
            continue;
        if (vp_date_block_is_heading(b))
            next_section = heading_is_next_meeting(b);
        if (next_section)
            continue;
        size_t len = strlen(b->text), from = 0;
        if (!vp_date_block_is_heading(b)) {
            seen++;
            paragraphs += len > VP_DATELINE_MAX / 2;
        }
        date_hit h;
        while (vp_date_next(b->text, len, &from, year, &h)) {
            if (vp_date_about_of(b->text, len, &h) != VP_DATE_ABOUT_EVENT)
                continue;
            bool anchor_day = h.y == a->y && h.m == a->m && h.d == a->d;
            /* The anchor's own line dates the text, not what it tells: a
             * paper's "vrijdag 18 maart 2011, pagina 5" or a mail's "Date:"
             * header names a weekday but is no mention of the event. */
            if (b == a->block && anchor_day)
                continue;
            if (b != a->block && anchor_day && vp_date_in_a_sentence(b->text, len, &h))
                *confirms = true;
            bool stated = vp_date_stated_as_event(b->text, len, &h);
            bool strong = stated || (h.weekday >= 0 && seen <= OPENING_BLOCKS) ||
                          (seen <= OPENING_BLOCKS && heads_programme(b)) ||
                          (paragraphs <= LEDE_PARAGRAPHS &&
                           vp_date_opens_sentence(b->text, h.start)) ||
                          (seen <= OPENING_BLOCKS && !vp_date_block_is_heading(b) &&
                           tied_to_event(b->text, len, &h, a));
            /* a statement of the day beats a weekday in the opening */
            if (strong && (!e->found || (stated && !e->stated)))
                *e = (event){true, true, stated, h.y, h.m, h.d};
            if (!have_first) {
                first = (event){true, false, false, h.y, h.m, h.d};
                have_first = true;
            }
        }
        if (!e->found && year && seen <= OPENING_BLOCKS && !vp_date_block_is_heading(b) &&
            vp_date_event_noun_day(b->text, len, year, &h) &&
            tied_to_event(b->text, len, &h, a))
            *e = (event){true, true, false, h.y, h.m, h.d};
    }
    if (!e->found)
        *e = first;
}

static bool stated_month_match(const char *t, size_t len, const vp_block *b, void *arg)
{
    int *ym = arg;
    (void)b;
    return vp_date_stated_month(t, len, &ym[0], &ym[1]);
}

/* A text that says in its title or opening in which month the event took
 * place ("de kennisdag die in maart 2016 in Helmond plaatsvond") and gives
 * the day elsewhere, a study in a footnote ("de uitnodiging noemde do
 * 17-3-'16"): the first date of the text in that month.  Further down, such
 * a month is as likely another meeting's. */
static bool day_in_stated_month(const vp_parsed *p, const vp_document *d, event *e)
{
    int ym[2];
    date_hit h;
    if (!vp_date_in_title_or_opening(p, d, stated_month_match, ym) ||
        !vp_date_first_of_text(p, ym[0], in_month, ym, &h))
        return false;
    *e = (event){true, true, false, h.y, h.m, h.d};
    return true;
}

/* The day a block says its text was sent or published ("Verzonden:
 * vrijdag 19 maart 2010 11:15", "Gepubliceerd op 3 maart 2021"): a mail
 * quoted in a forward carries its own, and its "gisteren" counts from it. */
static bool sent_line(const vp_block *b, anchor *sent)
{
    size_t len = strlen(b->text), from = 0;
    date_hit h;
    while (vp_date_next(b->text, len, &from, 0, &h))
        if (h.has_year && vp_date_about_of(b->text, len, &h) == VP_DATE_ABOUT_PUBLICATION) {
            *sent = (anchor){ANCHOR_PUBLISHED, h.y, h.m, h.d, b};
            return true;
        }
    return false;
}

/* The shortest weekday written in full ("zondag", "Monday"); "zo", "di"
 * and "Wed" are also words of their own. */
enum { WEEKDAY_IN_FULL = 6 };

/* The days back from the day a text was published (weekday written_wd)
 * to the weekday that opens its first paragraphs with no date after it, as
 * a news item has it ("Woensdag kwamen 60 mensen ..." published on a
 * Friday: that Wednesday); -1 when the block opens otherwise. */
static long bare_weekday_back(const char *t, int written_wd)
{
    size_t len = strlen(t), pos = 0, ws, we;
    date_hit h;
    size_t from = 0;
    if (!vp_ex_step_word(t, len, &pos, &ws, &we) || strspn(t, "*_ ") != ws)
        return -1;
    /* a weekday in full: "Zo, daar ben ik weer" opens on no Sunday */
    int wd = we - ws >= WEEKDAY_IN_FULL ? vp_date_weekday_from_word(t + ws, we - ws) : -1;
    /* "Woensdag 21 mei" is a date, read as one */
    if (wd < 0 || (vp_date_next(t, len, &from, 0, &h) && h.start <= we + 2))
        return -1;
    return (written_wd - wd + 7) % 7;
}

/* The last publication line of the text ("*Gepubliceerd op vrijdag 23 mei
 * 2014*" under a news item): the day it was written, when nothing above
 * dates it. */
static anchor publication_footer(const vp_parsed *p)
{
    anchor footer = {ANCHOR_NONE, 0, 0, 0, NULL};
    for (size_t bi = 0; bi < p->n_blocks; bi++)
        if (p->blocks[bi].kind != VP_BLOCK_CODE)
            sent_line(&p->blocks[bi], &footer);
    return footer;
}

/* "afgelopen donderdag", "vorige week vrijdag", "gisteren", "last
 * Thursday": the day named, counted back from the day the text was
 * written (the anchor, or the sent line of the quoted message it stands
 * in), in the opening of the report or of that message.  Beside a day of
 * publication or a front matter date, a bare weekday opening the first
 * paragraphs names the last such day ("Donderdag was het zover" in a diary
 * post dated on the Saturday). */
static bool relative_day(const vp_parsed *p, const anchor *a, event *e)
{
    anchor from_day = *a;
    for (size_t bi = 0, seen = 0; bi < p->n_blocks; bi++) {
        const vp_block *b = &p->blocks[bi];
        if (b->kind == VP_BLOCK_CODE || vp_date_block_is_heading(b))
            continue;
        if (sent_line(b, &from_day))
            seen = 0;
        if (++seen > OPENING_BLOCKS || from_day.kind == ANCHOR_NONE)
            continue;
        int anchor_wd = vp_date_weekday_of(from_day.y, from_day.m, from_day.d);
        const char *t = b->text;
        /* a diary post's front matter is its day of writing too */
        bool written = from_day.kind == ANCHOR_PUBLISHED ||
                       from_day.kind == ANCHOR_FRONT_MATTER;
        long bare = written && seen <= LEDE_PARAGRAPHS && b != from_day.block
                        ? bare_weekday_back(t, anchor_wd)
                        : -1;
        if (bare >= 0) {
            long day = vp_date_day_number(from_day.y, from_day.m, from_day.d);
            vp_date_from_day_number(day - bare, &e->y, &e->m, &e->d);
            e->found = e->strong = true;
            return true;
        }
        size_t len = strlen(t), pos = 0, ws, we;
        while (vp_ex_step_word(t, len, &pos, &ws, &we)) {
            long back = vp_date_days_back(t, len, ws, we, anchor_wd);
            if (!back)
                continue;
            long day = vp_date_day_number(from_day.y, from_day.m, from_day.d);
            vp_date_from_day_number(day - back, &e->y, &e->m, &e->d);
            e->found = e->strong = true;
            return true;
        }
    }
    return false;
}

typedef struct week_seen {
    bool found;
    int week, weekday;   /* weekday -1: none yet */
} week_seen;

/* The first "week 42"; after a bare one, "donderdag in week 42" of the
 * same week gives its day (a title's "(week 42)" over the text's
 * "donderdag in week 42").  Done once the weekday is known. */
static bool week_match(const char *t, size_t len, const vp_block *b, void *arg)
{
    (void)b;
    week_seen *s = arg;
    int w, k;
    if (!vp_date_find_week(t, len, &w, &k) || (s->found && (k < 0 || w != s->week)))
        return false;
    *s = (week_seen){true, w, k};
    return k >= 0;
}

/* "week 42" in the title or the opening, in the report's year: the
 * weekday next to it, else the usual day (date_week.h).  Read only when
 * the text names no date. */
static bool week_day(const vp_parsed *p, const vp_document *d, int year, event *e)
{
    week_seen s = {false, 0, -1};
    vp_date_in_title_or_opening(p, d, week_match, &s);
    if (!s.found || !year || (s.week == 53 && vp_date_iso_week_monday(year, 53) >=
                                                  vp_date_iso_week_monday(year + 1, 1)))
        return false;
    long day = vp_date_iso_week_monday(year, s.week) +
               (s.weekday >= 0 ? s.weekday : VP_DATE_USUAL_WEEKDAY);
    vp_date_from_day_number(day, &e->y, &e->m, &e->d);
    e->found = true;
    e->strong = s.weekday >= 0;
    e->stated = false;
    return true;
}

typedef struct nth_seen {
    int year;
    event *e;
} nth_seen;

static bool nth_weekday_match(const char *t, size_t len, const vp_block *b, void *arg)
{
    (void)b;
    nth_seen *s = arg;
    return vp_date_find_nth_weekday(t, len, s->year, &s->e->y, &s->e->m, &s->e->d);
}

/* "de eerste donderdag van oktober" in the title or the opening: the day
 * it names in the report's year (date_week.h). */
static bool nth_weekday_day(const vp_parsed *p, const vp_document *d, int year, event *e)
{
    nth_seen s = {year, e};
    bool found = vp_date_in_title_or_opening(p, d, nth_weekday_match, &s);
    e->found = e->strong = found;
    e->stated = false;
    return found;
}

/* ---- the choice ---- */

/* Was the anchor the day the report was written rather than the event
 * (within reach days of it)?  A title that names the year of the event
 * ("Jaarverslag 2019") above a front matter date in a later year dates a
 * report written up long after the day, as a statement of the day does. */
static bool written_after(const anchor *a, const event *e, bool confirmed, int title_year,
                          long reach)
{
    if (!e->found)
        return false;
    if (a->kind == ANCHOR_PUBLISHED)
        return true;
    long gap = vp_date_day_number(a->y, a->m, a->d) - vp_date_day_number(e->y, e->m, e->d);
    if (a->kind == ANCHOR_FRONT_MATTER && e->strong && !confirmed && title_year &&
        title_year < a->y && e->y == title_year && gap > 0 && gap <= STATED_WRITE_UP_DAYS)
        return true;
    return e->strong && !confirmed && gap > 0 &&
           gap <= (e->stated ? STATED_WRITE_UP_DAYS : reach);
}

/* Was the anchor the day the event was announced: a press release or a
 * programme page dated weeks before the day it names in its opening
 * ("Op donderdag 15 maart is Sneek gastheer ...", "Aanmelden kan tot en
 * met 9 maart")? */
static bool written_before(const vp_parsed *p, const anchor *a, const event *e, bool confirmed)
{
    if (!e->found || !e->strong || confirmed || a->kind == ANCHOR_TITLE)
        return false;
    long gap = vp_date_day_number(e->y, e->m, e->d) - vp_date_day_number(a->y, a->m, a->d);
    return gap > 0 && gap <= ANNOUNCE_DAYS && vp_date_announces(p);
}

static bool before(const event *e, int y, int m, int d)
{
    return vp_date_day_number(e->y, e->m, e->d) < vp_date_day_number(y, m, d);
}

static vp_extract_status set_date(vp_document *d, int y, int m, int day, bool found)
{
    free(d->date);
    d->date = NULL;
    if (found) {
        char out[11];
        vp_date_format(y, m, day, out);
        d->date = vp_xstrdup(out);
    }
    return VP_EXTRACT_OK;
}

vp_extract_status vp_extract_date(const vp_extract_ctx *ctx, const vp_parsed *p,
                                  vp_document *d, vp_extract_issue *issue)
{
    (void)ctx;
    anchor a = {ANCHOR_NONE, 0, 0, 0, NULL};
    const char *fm = p->fm.date;
    if (fm && *fm && !parse_anchor(fm, ANCHOR_FRONT_MATTER, &a))
        vp_extract_note(issue, p->fm.date_line, "unrecognised date '%s'", fm);
    if (a.kind == ANCHOR_FRONT_MATTER && restated_as_published(p, &a))
        a.kind = ANCHOR_PUBLISHED;
    /* "publicatiedatum: 2022-10-14T08:00:00+02:00": the day it was written */
    if (a.kind == ANCHOR_NONE && p->fm.published && *p->fm.published &&
        !parse_anchor(p->fm.published, ANCHOR_PUBLISHED, &a))
        vp_extract_note(issue, p->fm.date_line, "unrecognised date '%s'", p->fm.published);
    if (a.kind == ANCHOR_NONE)
        a = mail_date(p);
    if (a.kind == ANCHOR_NONE && !title_date(p, d, &a))
        a = dateline(p, d);

    int year = default_year(p, d, &a);
    int py, pm, pd;
    if (!year && vp_date_from_path(d->path, &py, &pm, &pd))
        year = py;
    event e;
    bool confirmed;
    event_from_text(p, year, &a, &e, &confirmed);
    if (!e.strong) {
        event rel = {0};
        anchor from = a.kind != ANCHOR_NONE ? a : publication_footer(p);
        if (relative_day(p, &from, &rel))
            e = rel;
    }
    /* the month the text says it took place in beats a day of another
     * month, a law's in the same sentence ("(1 januari 2015)") */
    event month_day;
    if (!e.stated && day_in_stated_month(p, d, &month_day) &&
        !(e.found && e.y == month_day.y && e.m == month_day.m))
        e = month_day;
    /* "de eerste donderdag van oktober" names one day, where a date found
     * without a weekday or a cue may be anything's ("de enquete liep van 6
     * tot 24 oktober") */
    event nth = {0};
    if (!e.strong && nth_weekday_day(p, d, year, &nth))
        e = nth;
    /* "donderdag in week 42" names one day, as the place in the month does;
     * a bare week number is a guess at the day: any date or a file name's
     * beats it */
    event week = {0};
    if (!e.strong && week_day(p, d, year, &week) &&
        (week.strong || (!e.found && !vp_date_from_path(d->path, &py, &pm, &pd))))
        e = week;
    event back;
    if (vp_date_announces(p) && vp_date_look_back_day(p, year, &back) &&
        (a.kind == ANCHOR_NONE || before(&back, a.y, a.m, a.d)) &&
        (!e.found || before(&back, e.y, e.m, e.d)))
        return set_date(d, back.y, back.m, back.d, true);
    event between;
    if (a.kind != ANCHOR_NONE && a.kind != ANCHOR_TITLE &&
        vp_date_day_between_anchor_and_update(p, &a, &between))
        return set_date(d, between.y, between.m, between.d, true);
    /* a day of writing with a later day in its opening that it does not
     * announce: the last day it looks back on */
    event latest;
    if (a.kind == ANCHOR_PUBLISHED && e.found && !before(&e, a.y, a.m, a.d) &&
        !written_before(p, &a, &e, confirmed) && vp_date_latest_day_before(p, year, &a, &latest))
        e = latest;
    long reach = vp_date_looks_back(p, d) ? LOOK_BACK_DAYS : WRITE_UP_DAYS;
    if (a.kind != ANCHOR_NONE &&
        !written_after(&a, &e, confirmed, vp_date_find_year(d->title), reach) &&
        !written_before(p, &a, &e, confirmed))
        return set_date(d, a.y, a.m, a.d, true);
    if (e.found)
        return set_date(d, e.y, e.m, e.d, true);
    bool by_path = vp_date_from_path(d->path, &py, &pm, &pd);
    return set_date(d, py, pm, pd, by_path);
}
