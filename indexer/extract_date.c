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
 * "Gisteren", "afgelopen donderdag" and "vorige week donderdag" count back
 * from the anchor (outside quotations: a speaker's "gisteren" is theirs).
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
 */
#include "extract_stages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date_parse.h"
#include "extract_text.h"
#include "mem.h"
#include "text.h"

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
    "updated on ", "updated ", "date published ", NULL,
};

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

typedef enum { ABOUT_EVENT, ABOUT_PUBLICATION, ABOUT_OTHER } date_about;

/* What the date in t is about, by the words of its sentence. */
static date_about about(const char *t, size_t len, const date_hit *h)
{
    char before[160], after[160];
    size_t ss = vp_ex_sentence_start(t, h->start, SENTENCE_REACH);
    size_t se = vp_ex_sentence_end(t, len, h->end, SENTENCE_REACH);
    vp_ex_lower(t, ss, h->start, before, sizeof before);
    vp_ex_lower(t, h->end, se, after, sizeof after);
    if (vp_ex_about_next_meeting(t, len, h->start, h->end))
        return ABOUT_OTHER;
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
    if (ends_with_cue(before, PUBLISHED_CUES))
        return ABOUT_PUBLICATION;
    if (h->weekday < 0 && ends_with_cue(before, PAST_CUES))
        return ABOUT_OTHER;
    return strstr(before, "in werking") ? ABOUT_OTHER : ABOUT_EVENT;
}

/* ---- a date tied to the event ---- */

/* The nouns that name the event itself, as the last part of a word
 * ("kennis- en netwerkdag", "PMG-bijeenkomst", "voorjaarsbijeenkomst"). */
static const char *const EVENT_NOUNS[] = {
    "netwerkdag", "kennisdag", "themadag", "studiedag", "ontmoetingsdag",
    "bijeenkomst", "conferentie", "congres", "symposium", "netwerkmiddag",
    "conference", "meeting", NULL,
};

static bool next_word(const char *t, size_t len, size_t *pos, size_t *ws, size_t *we);

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
static bool names_the_event(const char *t, size_t len, const date_hit *h)
{
    size_t pos = vp_ex_sentence_start(t, h->start, SENTENCE_REACH);
    static const char *const OTHER[] = {"vorige", "vorig", "eerdere", "previous", NULL};
    size_t end = vp_ex_sentence_end(t, len, h->end, SENTENCE_REACH), ws, we;
    bool other = false;
    while (next_word(t, end, &pos, &ws, &we)) {
        if (is_event_noun(t, ws, we) && !other)
            return true;
        other = vp_ex_eq_any(t + ws, we - ws, OTHER);
    }
    return false;
}

/* The days a sentence says lie between the date and the day the text was
 * written, before the date: "Twee weken geleden, op 19 april", "Twee
 * weken na de kennisdag van 14 april" (written two weeks later); 0 when it
 * says none. */
static long stated_gap(const char *t, const date_hit *h)
{
    static const char *const NUMBERS[] = {"een", "twee", "drie", "vier", "vijf", "zes",
                                          "zeven", "acht", "negen", "tien", NULL};
    static const char *const AFTER[] = {"geleden", "na", "later", "ago", "after", NULL};
    size_t pos = vp_ex_sentence_start(t, h->start, SENTENCE_REACH), ws, we, us, ue, as, ae;
    while (next_word(t, h->start, &pos, &ws, &we)) {
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

static bool is_heading(const vp_block *b)
{
    return b->kind == VP_BLOCK_HEADING || b->pseudo_heading;
}

static bool heading_is_next_meeting(const vp_block *b)
{
    size_t len = strlen(b->text);
    return vp_ex_about_next_meeting(b->text, len, 0, len < 120 ? len : 120);
}

/* ---- the report ---- */

/* How many blocks after the title count as the opening of a report, and
 * how many of the first blocks may be a dateline. */
enum { OPENING_BLOCKS = 8, DATELINE_BLOCKS = 4, DATELINE_MAX = 160,
       LEDE_PARAGRAPHS = 2 };
/* How long after an event a report is written up, and how long before it
 * a press release or a programme announces it, at most. */
enum { WRITE_UP_DAYS = 62, ANNOUNCE_DAYS = 120 };

typedef enum { ANCHOR_NONE, ANCHOR_FRONT_MATTER, ANCHOR_TITLE, ANCHOR_DATELINE,
               ANCHOR_PUBLISHED } anchor_kind;

typedef struct anchor {
    anchor_kind kind;
    int y, m, d;
    const vp_block *block;   /* the dateline's block */
} anchor;

typedef struct event {
    bool found;
    bool strong;             /* a weekday in the opening */
    int y, m, d;
} event;

/* Is b the title block (the heading or first line the title came from)? */
static bool is_title_block(const vp_parsed *p, const vp_document *d, size_t i)
{
    return !p->fm.title && d->title && strncmp(p->blocks[i].text, d->title,
                                               strlen(d->title)) == 0;
}

/* Does the date open its block as a press release's dateline: at most a
 * place and a comma before it, a dash after it ("*Zeist, 5 september
 * 2017* \xE2\x80\x94 Op vrijdag ...")? */
static bool leads_block(const char *t, const date_hit *h)
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

/* The lines of the title block under the title: a post whose first line
 * is its writer has its date on the next line of the same paragraph
 * ("**A. Writer** · Policy advisor\n*posted May 23, 2022*").  NULL when
 * the title block is one line. */
static const char *under_title(const vp_block *b)
{
    const char *nl = strchr(b->text, '\n');
    return nl && nl[1] ? nl + 1 : NULL;
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
            if (len > DATELINE_MAX && !leads_block(t, &h))
                break;
            date_about what = h.has_year ? about(t, len, &h) : ABOUT_OTHER;
            if (what == ABOUT_OTHER)
                continue;
            return (anchor){what == ABOUT_PUBLICATION ? ANCHOR_PUBLISHED : ANCHOR_DATELINE,
                            h.y, h.m, h.d, b};
        }
    }
    return a;
}

/* The year a date without one takes. */
static int default_year(const vp_parsed *p, const vp_document *d, const anchor *a)
{
    if (a->kind != ANCHOR_NONE)
        return a->y;
    for (size_t i = 0, seen = 0; i < p->n_blocks && seen < DATELINE_BLOCKS; i++) {
        const vp_block *b = &p->blocks[i];
        if (b->kind == VP_BLOCK_CODE || strlen(b->text) > DATELINE_MAX)
            continue;
        seen++;
        int y = vp_date_month_year(b->text);
        if (y)
            return y;
    }
    int y = vp_date_find_year(d->title);
    if (y)
        return y;
    for (size_t bi = 0; bi < p->n_blocks; bi++) {
        const vp_block *b = &p->blocks[bi];
        if (b->kind == VP_BLOCK_CODE)
            continue;
        size_t len = strlen(b->text), from = 0;
        date_hit h;
        while (vp_date_next(b->text, len, &from, 0, &h))
            if (h.has_year && about(b->text, len, &h) == ABOUT_EVENT)
                return h.y;
    }
    return 0;
}

/* The next word at or after *pos, over spaces and punctuation ("Zo, daar
 * ben ik weer"); *pos moves past it. */
static bool next_word(const char *t, size_t len, size_t *pos, size_t *ws, size_t *we)
{
    while (*pos < len && !vp_ex_is_wordchar(t + *pos, len - *pos))
        *pos += vp_ex_charlen(t + *pos, len - *pos);
    if (*pos >= len || !vp_ex_next_word(t, len, *pos, ws, we) || *we == *ws)
        return false;
    *pos = *we;
    return true;
}

/* The day a relative expression names, counted from the anchor's day:
 * "gisteren" the day before, "eergisteren" two days before, "afgelopen
 * donderdag" the last Thursday before (none when the anchor is a Thursday:
 * it names the anchor's day), "vorige week donderdag" the Thursday
 * of the week (Monday to Sunday) before the anchor's.  0 when the words at
 * ws..we are none of these, else the days back. */
static long days_back(const char *t, size_t len, size_t ws, size_t we, const anchor *a)
{
    static const char *const PAST[] = {"afgelopen", "vorige", "last", "jongstleden", NULL};
    static const char *const YESTERDAY[] = {"gisteren", "gisteravond", "gistermiddag",
                                            "gisterochtend", "yesterday", NULL};
    static const char *const WEEK[] = {"week", NULL};
    int anchor_wd = vp_date_weekday_of(a->y, a->m, a->d);
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
                                 const anchor *a)
{
    static const char *const PAST[] = {"vorige", "afgelopen", "last", NULL};
    int wd = vp_date_weekday_from_word(t + ws, we - ws);
    size_t ns, ne, ms, me;
    if (wd < 0 || !vp_ex_next_word(t, len, we, &ns, &ne) ||
        !vp_ex_eq_any(t + ns, ne - ns, PAST) || !vp_ex_next_word(t, len, ne, &ms, &me) ||
        !vp_ex_eq(t + ms, me - ms, "week"))
        return 0;
    return vp_date_weekday_of(a->y, a->m, a->d) + 7 - wd;
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

/* "afgelopen donderdag", "vorige week vrijdag", "gisteren", "last
 * Thursday": the day named, counted back from the day the text was
 * written, in the opening of the report. */
static bool relative_day(const vp_parsed *p, const anchor *a, event *e)
{
    if (a->kind == ANCHOR_NONE)
        return false;
    for (size_t bi = 0, seen = 0; bi < p->n_blocks && seen < OPENING_BLOCKS; bi++) {
        const vp_block *b = &p->blocks[bi];
        if (b->kind == VP_BLOCK_CODE || is_heading(b))
            continue;
        seen++;
        const char *t = b->text;
        size_t len = strlen(t), pos = 0, ws, we;
        while (next_word(t, len, &pos, &ws, &we)) {
            long back = days_back(t, len, ws, we, a);
            if (!back)
                back = weekday_of_last_week(t, len, ws, we, a);
            if (!back || in_quotation(t, ws))
                continue;
            long anchor_day = vp_date_day_number(a->y, a->m, a->d);
            vp_date_from_day_number(anchor_day - back, &e->y, &e->m, &e->d);
            e->found = e->strong = true;
            return true;
        }
    }
    return false;
}

/* "Op 6 oktober hielden wij ...", "On March 13th, ...": a sentence that
 * opens with the date. */
static bool opens_sentence(const char *t, size_t start)
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
    if ((le < len && t[le] != '\n') || h->end - ls > DATELINE_MAX / 2)
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
static bool in_a_sentence(const char *t, size_t block_len, const date_hit *h)
{
    if (leads_block(t, h) || ends_a_byline(t, block_len, h))
        return false;
    return h->weekday >= 0 || block_len > DATELINE_MAX / 2;
}

/* A day and month in figures right after an event noun, as a memo's
 * subject line has it ("Betreft: verslag bijeenkomst 21-09"), in the
 * given year; figures elsewhere ("sinds 1/1", a score) are no date. */
static bool noun_then_day_month(const char *t, size_t len, int year, date_hit *h)
{
    size_t pos = 0, ws, we;
    while (next_word(t, len, &pos, &ws, &we)) {
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

/* Is the date the event's by its sentence: it names the event, or says
 * the text was written as many days after it as the anchor is?  Beside an
 * anchor, only a day in the weeks before it can be the one written up (a
 * memo's "the meeting of 3 April last year was cancelled" is not), and
 * never before a title's date, which names the event itself. */
static bool tied_to_event(const char *t, size_t len, const date_hit *h, const anchor *a)
{
    if (a->kind == ANCHOR_NONE)
        return names_the_event(t, len, h);
    if (a->kind == ANCHOR_TITLE)      /* a title's date names the event */
        return false;
    long gap = vp_date_day_number(a->y, a->m, a->d) - vp_date_day_number(h->y, h->m, h->d);
    if (gap <= 0 || gap > WRITE_UP_DAYS)
        return false;
    return names_the_event(t, len, h) || stated_gap(t, h) == gap;
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
        if (is_heading(b))
            next_section = heading_is_next_meeting(b);
        if (next_section)
            continue;
        size_t len = strlen(b->text), from = 0;
        if (!is_heading(b)) {
            seen++;
            paragraphs += len > DATELINE_MAX / 2;
        }
        date_hit h;
        while (vp_date_next(b->text, len, &from, year, &h)) {
            if (about(b->text, len, &h) != ABOUT_EVENT)
                continue;
            bool anchor_day = h.y == a->y && h.m == a->m && h.d == a->d;
            /* The anchor's own line dates the text, not what it tells: a
             * paper's "vrijdag 18 maart 2011, pagina 5" or a mail's "Date:"
             * header names a weekday but is no mention of the event. */
            if (b == a->block && anchor_day)
                continue;
            if (b != a->block && anchor_day && in_a_sentence(b->text, len, &h))
                *confirms = true;
            bool strong = (h.weekday >= 0 && seen <= OPENING_BLOCKS) ||
                          (paragraphs <= LEDE_PARAGRAPHS && opens_sentence(b->text, h.start)) ||
                          (seen <= OPENING_BLOCKS && !is_heading(b) &&
                           tied_to_event(b->text, len, &h, a));
            if (strong && !e->found)
                *e = (event){true, true, h.y, h.m, h.d};
            if (!have_first) {
                first = (event){true, false, h.y, h.m, h.d};
                have_first = true;
            }
        }
        if (!e->found && year && seen <= OPENING_BLOCKS && !is_heading(b) &&
            noun_then_day_month(b->text, len, year, &h) && tied_to_event(b->text, len, &h, a))
            *e = (event){true, true, h.y, h.m, h.d};
    }
    if (!e->found)
        *e = first;
}

/* Was the anchor the day the report was written rather than the event? */
static bool written_after(const anchor *a, const event *e, bool confirmed)
{
    if (!e->found)
        return false;
    if (a->kind == ANCHOR_PUBLISHED)
        return true;
    long gap = vp_date_day_number(a->y, a->m, a->d) - vp_date_day_number(e->y, e->m, e->d);
    return e->strong && !confirmed && gap > 0 && gap <= WRITE_UP_DAYS;
}

/* A word of the call to sign up or to book a room ("aanmelden kan tot
 * ...", "inschrijving", "kamerblok", "register", "sign up") at ws..we. */
static bool is_sign_up(const char *t, size_t len, size_t ws, size_t we)
{
    /* word beginnings: "aanmelden", "aanmeldformulier", "inschrijving" */
    static const char *const STEMS[] = {"aanmeld", "aangemeld", "inschrijv", "inschrijf",
                                        "ingeschreven", "reserveren", "kamerblok",
                                        "registrat", "register", "sign-up", NULL};
    for (size_t k = 0; STEMS[k]; k++) {
        size_t n = strlen(STEMS[k]);
        if (we - ws >= n && vp_ex_eq(t + ws, n, STEMS[k]))
            return true;
    }
    size_t ns, ne;
    return vp_ex_eq(t + ws, we - ws, "sign") && vp_ex_next_word(t, len, we, &ns, &ne) &&
           vp_ex_eq(t + ns, ne - ns, "up");
}

/* What a press release or an invitation calls itself, in a heading or a
 * front matter tag. */
static const char *const ANNOUNCEMENT_NAMES[] = {
    "persbericht", "press release", "uitnodiging", "invitation", "aankondiging",
    "announcement", NULL,
};

static bool names_announcement(const char *s)
{
    for (size_t k = 0; ANNOUNCEMENT_NAMES[k]; k++)
        if (vp_fold_equal(s, ANNOUNCEMENT_NAMES[k]))
            return true;
    return false;
}

/* Is the text written before its day: does it call itself a press release
 * or an invitation, or call to sign up or to book a room, as a programme
 * page does and a report afterwards does not? */
static bool announces(const vp_parsed *p)
{
    for (size_t i = 0; i < p->fm.themes.len; i++)
        if (names_announcement(p->fm.themes.items[i]))
            return true;
    for (size_t bi = 0; bi < p->n_blocks; bi++) {
        const vp_block *b = &p->blocks[bi];
        if (b->kind == VP_BLOCK_CODE)
            continue;
        const char *t = b->text;
        if (is_heading(b) && names_announcement(t))
            return true;
        size_t len = strlen(t), pos = 0, ws, we;
        while (next_word(t, len, &pos, &ws, &we)) {
            if (is_sign_up(t, len, ws, we))
                return true;
        }
    }
    return false;
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
    return gap > 0 && gap <= ANNOUNCE_DAYS && announces(p);
}

/* An invitation that looks back on the previous day reports that day: the
 * first date about an event in the look-back's opening line or the
 * paragraph under its heading ("Terugblik: Emmen, 16 november 2012", "##
 * Terugblik op Assen" over "De vorige bijeenkomst, op 7 oktober 2022,
 * ..."), when it lies before the day announced. */
static bool look_back_day(const vp_parsed *p, int year, event *e)
{
    for (size_t bi = 0; bi < p->n_blocks; bi++) {
        const vp_block *b = &p->blocks[bi];
        if (b->kind == VP_BLOCK_CODE || !vp_ex_opens_look_back(b->text))
            continue;
        size_t last = is_heading(b) && bi + 1 < p->n_blocks ? bi + 1 : bi;
        for (size_t k = bi; k <= last; k++) {
            const char *t = p->blocks[k].text;
            size_t len = strlen(t), from = 0;
            date_hit h;
            while (vp_date_next(t, len, &from, year, &h))
                if (about(t, len, &h) == ABOUT_EVENT) {
                    *e = (event){true, true, h.y, h.m, h.d};
                    return true;
                }
        }
    }
    return false;
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
    for (size_t bi = 0; bi < p->n_blocks; bi++) {
        const vp_block *b = &p->blocks[bi];
        if (b->kind == VP_BLOCK_CODE)
            continue;
        size_t len = strlen(b->text), from = 0;
        date_hit h;
        while (vp_date_next(b->text, len, &from, a->y, &h))
            if (h.y == a->y && h.m == a->m && h.d == a->d &&
                about(b->text, len, &h) == ABOUT_PUBLICATION)
                return true;
    }
    return false;
}

/* The first full date of the title that is not a publication date. */
static bool title_date(const vp_parsed *p, const vp_document *d, anchor *a)
{
    const char *title = d->title;
    if (!title)
        return false;
    size_t len = strlen(title), from = 0;
    date_hit h;
    while (vp_date_next(title, len, &from, 0, &h))
        if (about(title, len, &h) != ABOUT_PUBLICATION) {
            *a = (anchor){ANCHOR_TITLE, h.y, h.m, h.d, NULL};
            /* the block it came from does not confirm itself */
            for (size_t i = 0; i < p->n_blocks && !a->block; i++)
                if (is_title_block(p, d, i))
                    a->block = &p->blocks[i];
            return true;
        }
    return false;
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
    if (a.kind == ANCHOR_NONE && !title_date(p, d, &a))
        a = dateline(p, d);

    int year = default_year(p, d, &a);
    int py, pm, pd;
    if (!year && vp_date_from_path(d->path, &py, &pm, &pd))
        year = py;
    event e;
    bool confirmed;
    event_from_text(p, year, &a, &e, &confirmed);
    if (!e.strong && a.kind != ANCHOR_NONE) {
        event rel = {0};
        if (relative_day(p, &a, &rel))
            e = rel;
    }
    event back;
    if (announces(p) && look_back_day(p, year, &back) &&
        (a.kind == ANCHOR_NONE || before(&back, a.y, a.m, a.d)) &&
        (!e.found || before(&back, e.y, e.m, e.d)))
        return set_date(d, back.y, back.m, back.d, true);
    if (a.kind != ANCHOR_NONE && !written_after(&a, &e, confirmed) &&
        !written_before(p, &a, &e, confirmed))
        return set_date(d, a.y, a.m, a.d, true);
    if (e.found)
        return set_date(d, e.y, e.m, e.d, true);
    bool by_path = vp_date_from_path(d->path, &py, &pm, &pd);
    return set_date(d, py, pm, pd, by_path);
}
