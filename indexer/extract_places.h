/*
 * extract_places.h: what the files of the places stage share
 * (extract_place_mentions.c: the mentions of one text and whether each
 * counts; extract_places.c: the report's municipalities; extract_host.c:
 * the host picked from the scored mentions; extract_host_words.c: the
 * score the words around one mention give it; extract_host_context.c: what
 * the sentences around a place tell the host).  Private to them.
 */
#ifndef VP_EXTRACT_PLACES_H
#define VP_EXTRACT_PLACES_H

#include "extract_stages.h"
#include "strset.h"

typedef struct mention {
    size_t start, end;
    const vp_municipality *named;   /* the municipality written, or NULL */
    const vp_place *place;          /* the place written, or NULL */
    const vp_municipality *m;       /* what it was in the report's year; NULL:
                                       not known */
    bool ambiguous;                 /* the name wants support */
    bool plausible, accepted;
    bool carries;                   /* rejected for its context ("Hogeschool van
                                       Arnhem", "buslijnen naar Zwolle"): so
                                       are the names listed right after it */
    bool government;                /* "richting Den Haag": the government */
} mention;

typedef struct mention_list {
    mention *items;
    size_t len, cap;
} mention_list;

/* What the stage knows while it reads one report. */
typedef struct places_ctx {
    const vp_gazetteer *g;
    int year;                       /* of the report; 0 when not known */
    const char *province;           /* most of the report's municipalities */
    const char *day;                /* the report's day, "YYYY-MM-DD"; NULL: not
                                       known */
    const vp_strset *surnames;      /* folded names the report gives a person
                                       ("Karin Goes"): its bare "Goes" wants
                                       support; NULL: none */
} places_ctx;

/* Where a text stands in the report. */
typedef enum { IN_BODY, IN_HEADING, IN_TITLE } text_kind;

/* The judged mentions of text t, in l (the caller frees l->items): what
 * each stood for in the report's year, and whether it counts. */
void vp_places_mentions(const places_ctx *pc, const char *t, text_kind kind, mention_list *l);

/* Only list separators between t[a..b): ", " " en " " of " " & " "/". */
bool vp_places_list_gap(const char *t, size_t a, size_t b);

/* Does lower (folded text) say someone did not come ("had zich afgemeld",
 * "waren er niet bij", "sent its apologies")? */
bool vp_places_says_absent(const char *lower);

/* ---- places that took no part (extract_place_absent.c) ---- */

/* Is ms[i] the one name of a sentence that says it stayed away or will
 * host a later meeting? */
bool vp_places_absent_or_later(const char *t, size_t len, const mention *ms, size_t n,
                               size_t i);
/* Is m a new municipality named before it was formed ("de nieuwe gemeente
 * X" in the year before)? */
bool vp_places_not_formed_yet(const places_ctx *pc, const char *t, size_t len,
                              const mention *m);
/* Does ms[i] explain something else: a journey's stop, a partner, a
 * region's members, a line between towns, a comparison, a place people
 * leave for, a denial, an example, a proposal for a later day? */
bool vp_places_explains_else(const char *t, size_t len, const mention *ms, size_t n, size_t i);
/* Does the seat's name stand for the government ("richting Den Haag")? */
bool vp_places_for_the_government(const char *t, size_t len, const mention *m);

/* Shared by the two files of the mentions: words before a name that make
 * it a province or region, words after "Van X" that make it a journey, and
 * "burgemeester (Anna Prins) van X" read back from the "van" at
 * van_start (extract_place_mentions.c). */
extern const char *const VP_PLACES_REGION_WORDS[];
extern const char *const VP_PLACES_JOURNEY_WORDS[];
bool vp_places_office_holder_of(const char *t, size_t van_start);

/* What kind of text block b is in the report (the title block, a heading
 * or body). */
text_kind vp_places_kind(const vp_parsed *p, const vp_document *d, const vp_block *b);

/* The host named in an invitation's look-back on the day the report is
 * dated (d->date): it beats the announced day's place, in the text or as
 * the front matter's location; NULL when there is none. */
const vp_municipality *vp_places_look_back_host(const places_ctx *pc, const vp_parsed *p,
                                                const vp_document *d);

/* The host from the text (after the look-back's); NULL when the report
 * does not say where it was. */
const vp_municipality *vp_places_host(const places_ctx *pc, const vp_parsed *p,
                                      const vp_document *d);

/* How strongly the words around mention m of text t place the event
 * there: 0 (not at all) to 5 (a label, an explicit host); lede: t is the
 * opening, where a plain "in X" about the meeting counts
 * (extract_host_words.c). */
int vp_host_score(const char *t, size_t len, const mention *m, bool lede);

/* The same for a mention in the title ("Kennisdag Gorinchem", "... in
 * Terneuzen"): 1 for a headline's subject, up to 4 (extract_host_words.c). */
int vp_host_title_score(const char *t, size_t len, const mention *m);

/* Is m the capitals of a news item's dateline ("NOORD-SLEEN - Dat ...")? */
bool vp_host_news_dateline(const char *t, size_t len, const mention *m);

/* Is t a byline ("Tekst: Anna de Boer, wethouder ..., Hoorn - 2 oktober"),
 * whose place is the writer's, not the venue's? */
bool vp_host_is_byline(const char *t);

/* Is t a line that says where ("Locatie: ...", a table row "**Locatie** |
 * ...")? */
bool vp_host_is_location_line(const char *t);

/* Does lower (folded text) say in one clause that we hosted the day ("die
 * onze gemeente ... heeft georganiseerd", "onze stad was gastheer")? */
bool vp_host_we_hosted(const char *lower);

/* Is mention m of text t about another day than the report's (day,
 * "YYYY-MM-DD"; NULL: not known)?  The date its clause names nearest to it
 * lies more than a week before day (extract_host_context.c). */
bool vp_host_about_an_earlier_day(const char *t, size_t len, const mention *m, int year,
                                  const char *day);

/* Does the clause of mention m date it more than slack_days after day
 * ("Roosendaal, 12 april 2008" on a letter about a day of 4 april)?  Then
 * it is where the text was written, often but not always the host
 * (extract_host_context.c).  A participant's clause is given
 * VP_HOST_SLACK_DAYS; a dateline weighed as the host none: written the day
 * after, it is a letter's all the same. */
enum { VP_HOST_SLACK_DAYS = 7 };
bool vp_host_dated_after_the_day(const char *t, size_t len, const mention *m, int year,
                                 const char *day, long slack_days);

/* Does the sentence of mention m name, before it, a year later than year
 * (the report's) and at most ten ahead ("Voorjaarsdag 2021: ... in
 * Helmond")?  Then it places a later meeting (extract_host_context.c). */
bool vp_host_names_a_later_year(const char *t, const mention *m, int year);

/* The municipality whose mayor or alderman welcomed the participants or
 * opened the day in text t ("Welkom door de X wethouder", "de burgemeester
 * van X opende de dag"), not as the association's chair nor on another
 * day; NULL when there is none (extract_host_context.c). */
const vp_municipality *vp_host_welcomed_by(const places_ctx *pc, const char *t, text_kind kind,
                                           const char *day);

/* Does the report's text name its own day (d->date)?  Only then do the
 * dates of its clauses tell that day's place from other days' (a report
 * dated by its front matter alone may be dated by publication). */
bool vp_host_names_its_day(const places_ctx *pc, const vp_parsed *p, const vp_document *d);

/* A front matter value ("Purmerend, Stadhuis", "DRU Industriepark, Ulft",
 * "online (vanuit Oss)") as the one municipality it names, in the report's
 * year; NULL, with an issue unless the value says online, when it names
 * none or several. */
const vp_municipality *vp_places_lookup(const places_ctx *pc, const char *value, int line,
                                        vp_extract_issue *issue);

#endif /* VP_EXTRACT_PLACES_H */
