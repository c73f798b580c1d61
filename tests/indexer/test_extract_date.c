/*
 * Unit tests of the date stage (indexer/extract_date.c) on text written for
 * the tests: the date forms, and which date of a report is the event's.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"

static void expect_date(const char *text, int year, const char *want)
{
    char out[11] = "";
    bool ok = vp_parse_date(text, year, out);
    if (!want) {
        if (ok)
            fail_msg("'%s': expected no date, got %s", text, out);
        return;
    }
    if (!ok)
        fail_msg("'%s': expected %s, got none", text, want);
    if (strcmp(out, want) != 0)
        fail_msg("'%s': expected %s, got %s", text, want, out);
}

static void test_parse_date_forms(void **state)
{
    (void)state;
    expect_date("vrijdag 21 april 2017", 0, "2017-04-21");
    expect_date("Op 21 april 2017 kwamen", 0, "2017-04-21");
    expect_date("21-04-2017", 0, "2017-04-21");
    expect_date("21/4/2017", 0, "2017-04-21");
    expect_date("21.04.2017", 0, "2017-04-21");
    expect_date("2017-04-21", 0, "2017-04-21");
    expect_date("21 apr. 2017", 0, "2017-04-21");
    expect_date("21 apr 2017", 0, "2017-04-21");
    expect_date("3 sept 2018", 0, "2018-09-03");
    expect_date("3 sep. 2018", 0, "2018-09-03");
    expect_date("12 mrt 2019", 0, "2019-03-12");
    expect_date("1 okt. 2020", 0, "2020-10-01");
    expect_date("1e mei 2015", 0, "2015-05-01");
    expect_date("21 en 22 juni 2016", 0, "2016-06-21");
    expect_date("5-4-2019", 0, "2019-04-05");
    expect_date("Hoorn, 2017-09-29", 0, "2017-09-29");
}

static void test_parse_date_calendar(void **state)
{
    (void)state;
    expect_date("31-02-2017", 0, NULL);
    expect_date("31 februari 2017", 0, NULL);
    expect_date("29-02-2016", 0, "2016-02-29");
    expect_date("29-02-2017", 0, NULL);
    expect_date("29 februari 2000", 0, "2000-02-29");
    expect_date("29 februari 1900", 0, NULL);
    expect_date("31 april 2017", 0, NULL);
    expect_date("32 mei 2017", 0, NULL);
    /* no year: only with a default */
    expect_date("op vrijdag 21 april", 0, NULL);
    expect_date("op vrijdag 21 april", 2017, "2017-04-21");
    /* numbers that are no dates */
    expect_date("2018-2022", 0, NULL);
    expect_date("14 gemeenten", 2017, NULL);
}

static void test_iso_date_times(void **state)
{
    (void)state;
    expect_date("2019-10-04T13:00:00+02:00", 0, "2019-10-04");
    expect_date("2022-01-31T09:30", 0, "2022-01-31");
    expect_date("2022-01-31 09:30", 0, "2022-01-31");
    expect_date("2022-01-31x", 0, NULL);
}

static void test_english_dates(void **state)
{
    (void)state;
    expect_date("April 21st, 2017", 0, "2017-04-21");
    expect_date("on October 2nd 2019 the", 0, "2019-10-02");
    expect_date("21 April 2017", 0, "2017-04-21");
    expect_date("Friday 21 April", 2017, "2017-04-21");
    expect_date("Thursday, March 3rd", 2022, "2022-03-03");
    expect_date("June 9th", 0, NULL);            /* no year anywhere */
    /* abbreviations come first only in Dutch text's day-month order: a
     * given name followed by a number is no date */
    expect_date("wethouder Jan 12 keer", 2017, NULL);
    expect_date("in May 2018", 0, NULL);         /* a month, not a day */
}

static void test_two_digit_years(void **state)
{
    (void)state;
    expect_date("Zwolle, do. 3 okt. '13", 0, "2013-10-03");
    expect_date("Kennisdag 8 sept. \xE2\x80\x99" "19 in Assen", 0, "2019-09-08");
    expect_date("8 sept. 19", 0, NULL);           /* no apostrophe: no year */
}

static void test_ranges_are_their_first_day(void **state)
{
    (void)state;
    expect_date("woensdag 6 en donderdag 7 juni 2018", 0, "2018-06-06");
    expect_date("Tuesday 5 and Wednesday 6 June 2018", 0, "2018-06-05");
    expect_date("June 5th\xE2\x80\x93" "6th, 2018", 0, "2018-06-05");
    expect_date("From 5 to 7 February", 2018, "2018-02-05");
    expect_date("van 5 tot en met 7 februari 2018", 0, "2018-02-05");
    /* the year of a range that ends in the next month */
    expect_date("30 november en 1 december 2016", 0, "2016-11-30");
}

/* ---- reports ---- */

typedef struct report {
    vp_parsed p;
    vp_document d;
    vp_extract_issue issue;
} report;

/* One block per string; "# " makes a heading.  fm_date: the front matter
 * date, or "published " and the front matter's publication date. */
static const char *run(report *r, const char *fm_date, const char *const *lines)
{
    vp_parsed_init(&r->p);
    for (int i = 0; lines[i]; i++) {
        const char *s = lines[i];
        bool heading = strncmp(s, "# ", 2) == 0;
        assert_true(vp_parsed_add_block(&r->p, heading ? VP_BLOCK_HEADING : VP_BLOCK_PARAGRAPH,
                                        heading, false, 10 + i, heading ? s + 2 : s));
    }
    if (fm_date) {
        bool published = strncmp(fm_date, "published ", 10) == 0;
        r->p.fm.present = true;
        *(published ? &r->p.fm.published : &r->p.fm.date) = strdup(fm_date + (published ? 10 : 0));
        r->p.fm.date_line = 3;
    }
    vp_document_init(&r->d);
    memset(&r->issue, 0, sizeof r->issue);
    vp_extract_ctx ctx = {0};
    assert_int_equal(vp_extract_all(&ctx, &r->p, &r->d, &r->issue), VP_EXTRACT_OK);
    return r->d.date;
}

static void done(report *r)
{
    vp_document_clear(&r->d);
    vp_parsed_clear(&r->p);
}

#define EXPECT_REPORT(fm, want, ...)                                  \
    do {                                                              \
        static const char *const lines_[] = {__VA_ARGS__, NULL};      \
        report r_;                                                    \
        const char *got_ = run(&r_, fm, lines_);                      \
        if (!want)                                                    \
            assert_null(got_);                                        \
        else if (!got_ || strcmp(got_, want ? want : "") != 0)        \
            fail_msg("expected %s, got %s", want ? want : "none",     \
                     got_ ? got_ : "none");                           \
        done(&r_);                                                    \
    } while (0)

static void test_year_only_in_the_title(void **state)
{
    (void)state;
    EXPECT_REPORT(NULL, "2016-11-03", "# Kennisdag Binnensteden 2016",
                  "Op donderdag 3 november kwamen ruim zestig deelnemers bijeen in Den Bosch.");
}

static void test_next_meeting_and_laws_are_skipped(void **state)
{
    (void)state;
    EXPECT_REPORT(NULL, "2018-02-16", "# Verslag netwerkdag Assen",
                  "De volgende bijeenkomst vindt plaats op 14 juni 2018 in Ede.",
                  "Op vrijdag 16 februari 2018 was Assen gastheer van het PMG.",
                  "# Save the date", "Noteer alvast 12 oktober 2018.");
    EXPECT_REPORT(NULL, "2015-03-27", "# Kennisdag sociaal domein",
                  "Sinds 1 januari 2015 zijn gemeenten verantwoordelijk voor de jeugdzorg.",
                  "De kennisdag vond plaats op 27 maart 2015 in Alphen aan den Rijn.");
}

static void test_front_matter_wins(void **state)
{
    (void)state;
    EXPECT_REPORT("22 april 2017", "2017-04-22", "# Netwerkdag 21 april 2017");
}

static void test_front_matter_invalid(void **state)
{
    (void)state;
    static const char *const lines[] = {"# Netwerkdag 21 april 2017", NULL};
    report r;
    run(&r, "31-02-2017", lines);
    assert_int_equal(r.issue.line, 3);
    assert_string_equal(r.issue.message, "unrecognised date '31-02-2017'");
    assert_string_equal(r.d.date, "2017-04-21");   /* fell back to the title */
    done(&r);
}

static void test_front_matter_date_time(void **state)
{
    (void)state;
    EXPECT_REPORT("2019-10-04T13:00:00+02:00", "2019-10-04",
                  "# Netwerkdag", "Een verslag zonder datum in de tekst.");
}

/* A blog's front matter date is the day it was posted: the weekday date of
 * the opening, a few days before, is the event. */
static void test_posted_after_the_event(void **state)
{
    (void)state;
    EXPECT_REPORT("2019-06-10", "2019-06-07",
                  "# Terugblik op een volle dag",
                  "Afgelopen vrijdag 7 juni ontving de gemeente ruim vijftig collega's in "
                  "het stadhuis voor een dag over de binnenstad.");
    /* a newsletter: the publication line names the day it appeared */
    EXPECT_REPORT(NULL, "2020-01-24",
                  "# Nieuwsbrief februari 2020",
                  "*Verschenen op maandag 3 februari 2020*",
                  "Op vrijdag 24 januari kwamen zestig deelnemers bijeen in de schouwburg om "
                  "te praten over jeugdzorg en de tekorten daarop.");
    EXPECT_REPORT(NULL, "2020-01-24",
                  "# Terugblik",
                  "Publicatiedatum: 3 februari 2020",
                  "Vrijdagmiddag 24 januari kwamen zestig deelnemers bijeen in de schouwburg om "
                  "te praten over jeugdzorg en de tekorten daarop.");
}

/* When the text names the front matter's day as that of the event, the
 * front matter holds, whatever else the opening says. */
static void test_front_matter_confirmed_by_the_text(void **state)
{
    (void)state;
    EXPECT_REPORT("2019-06-14", "2019-06-14",
                  "# Kennisdag",
                  "Op dinsdag 4 juni stemde de raad in met het plan voor de haven, en "
                  "dat was het onderwerp van deze dag.",
                  "De kennisdag van vrijdag 14 juni begon met een rondleiding over de kade "
                  "en een lunch in het havengebouw.");
    /* a byline with the same day does not confirm it */
    EXPECT_REPORT("2019-06-14", "2019-06-07",
                  "# Kennisdag",
                  "Op vrijdag 7 juni kwamen veertig wethouders bijeen in het havengebouw "
                  "voor een dag over de haven en de stad.",
                  "*Tekst: secretariaat, 14 juni 2019*");
}

/* A dateline under the title dates the page; "afgelopen donderdag" counts
 * back from it. */
static void test_dateline_and_relative_weekday(void **state)
{
    (void)state;
    EXPECT_REPORT(NULL, "2022-03-10",
                  "# Inspiratiesessie wonen",
                  "14 maart 2022",
                  "Afgelopen donderdag kwamen bestuurders uit de regio bijeen om terug te "
                  "kijken op vier jaar woningbouw.");
    /* the same dateline alone is the date */
    EXPECT_REPORT(NULL, "2022-03-14",
                  "# Inspiratiesessie wonen",
                  "14 maart 2022",
                  "Bestuurders uit de regio kwamen bijeen om terug te kijken op vier jaar "
                  "woningbouw.");
}

/* A blog's line "gepost op zondag ..." dates the blog, not the day it is
 * about, though it names a weekday: "afgelopen vrijdag" counts back from
 * it. */
static void test_blog_posted_on(void **state)
{
    (void)state;
    EXPECT_REPORT(NULL, "2019-03-08",
                  "# Wat een dag in de polder",
                  "*Blog van een wethouder Wonen \xE2\x80\x93 gepost op zondag 10 maart 2019*",
                  "Afgelopen vrijdag fietste ik naar het dorpshuis voor de netwerkdag over "
                  "leegstaande boerderijen.");
    EXPECT_REPORT(NULL, "2019-03-08",
                  "# Wat een dag in de polder",
                  "*Geschreven op maandag 11 maart 2019 door de secretaris*",
                  "Op vrijdag 8 maart kwamen we bijeen in het dorpshuis.");
    /* the same line without the verb is the date */
    EXPECT_REPORT(NULL, "2019-03-10",
                  "# Wat een dag in de polder",
                  "*Zondag 10 maart 2019*",
                  "We kwamen bijeen in het dorpshuis voor de netwerkdag over leegstaande "
                  "boerderijen.");
}

/* The year of a date without one: a month-and-year line, a title. */
static void test_year_from_a_publication_line(void **state)
{
    (void)state;
    EXPECT_REPORT(NULL, "2016-09-29",
                  "# Werkbezoek aan de haven",
                  "Nieuws \xC2\xB7 oktober 2016",
                  "Op donderdag 29 september jl. bracht de vereniging een werkbezoek aan de "
                  "haven en de nieuwe woonwijk erachter.");
    EXPECT_REPORT(NULL, "2016-02-03",
                  "# The Congress met online",
                  "Geneva, February 2016",
                  "From 3 to 5 February, the delegation held a series of online meetings "
                  "with the national associations of municipalities.");
}

/* A weekday that does not fit the year moves the date to the year next to
 * it: written in January about a day in December. */
static void test_weekday_fits_the_year(void **state)
{
    (void)state;
    EXPECT_REPORT(NULL, "2019-12-13",
                  "# Terugblik",
                  "Nieuws \xC2\xB7 januari 2020",
                  "Op vrijdag 13 december kwamen de raadsleden bijeen voor de laatste "
                  "kennisdag van het jaar.");
    /* no fit in the years next door: the nearest that fits, the later of
     * two as near (10 March was a Thursday in 2016 and 2022, not 2018-2020) */
    EXPECT_REPORT(NULL, "2022-03-10",
                  "# Gedeelde aantekeningen netwerkdag (hybride)",
                  "**do 10/3** \xC2\xB7 Locatie: stadhuis, zaal 2 en Teams",
                  "Korte terugblik: de vorige fysieke bijeenkomst was in 2019, in Emmen.");
    /* further than three years the text's year wins over its weekday */
    EXPECT_REPORT(NULL, "2023-10-09",
                  "# Netwerkdag 2023",
                  "Op dinsdag 9 oktober kwamen de gemeenten bijeen in de schouwburg.");
}

/* Publications and next meetings are never the event, with a weekday too. */
static void test_other_dates_with_weekdays(void **state)
{
    (void)state;
    EXPECT_REPORT(NULL, "2021-02-16",
                  "# Online sessie over de binnenstad",
                  "*Gepubliceerd op woensdag 24 februari 2021*",
                  "Op dinsdag 16 februari 2021 spraken dertig wethouders via Teams over de "
                  "winkelstraten.",
                  "Een vervolgsessie staat gepland op donderdag 1 april 2021.");
    /* a two-day event is its first day */
    EXPECT_REPORT("2024-05-16T09:30:00+02:00", "2024-05-16",
                  "# Twee dagen aan de kust",
                  "*Verslag van de tweedaagse bijeenkomst, donderdag 16 en vrijdag 17 mei 2024*");
}

/* A relative day anywhere in a sentence of the opening counts back from
 * the anchor: after a comma too. */
static void test_relative_days(void **state)
{
    (void)state;
    EXPECT_REPORT("2018-05-14T09:00:00+02:00", "2018-05-09",
                  "# Mijn eerste netwerkdag",
                  "Na een drukke week, en een lange reis, was ik afgelopen woensdag bij de "
                  "netwerkdag over water in de polder.");
    EXPECT_REPORT(NULL, "2018-03-05",
                  "# Stageblog: naar de kust",
                  "*Geplaatst op dinsdag 6 maart 2018 door de stagiair*",
                  "Hoi allemaal, gisteren reisde ik met mijn begeleider naar het gemeentehuis "
                  "voor een dag over de haven.");
    /* the week before the anchor's week, whichever way round */
    EXPECT_REPORT("2019-11-20", "2019-11-12",
                  "# Terug van de kennisdag",
                  "Vorige week dinsdag was ik, samen met twee collega's, bij de kennisdag "
                  "over de energietransitie.");
    EXPECT_REPORT("2019-11-20", "2019-11-12",
                  "# Terug van de kennisdag",
                  "Ik was dinsdag vorige week, samen met twee collega's, bij de kennisdag "
                  "over de energietransitie.");
    EXPECT_REPORT("2019-11-20", "2019-11-19",
                  "# Terug van de kennisdag",
                  "Ik was afgelopen dinsdag, samen met twee collega's, bij de kennisdag "
                  "over de energietransitie.");
}

/* A paper's date line and a mail's Date: header name the day they were
 * written, weekday and all: "gisteren" and "afgelopen donderdag" count
 * back from them, and alone they still date the report. */
static void test_relative_to_a_date_line_or_header(void **state)
{
    (void)state;
    EXPECT_REPORT(NULL, "2013-06-13",
                  "STREEKKRANT \xE2\x80\x94 regio Oost\nvrijdag 14 juni 2013, pagina 3",
                  "# Dorpen zoeken samen naar nieuwe woonvormen",
                  "Door een verslaggever",
                  "ALMELO - Bestuurders uit een twintigtal gemeenten spraken gisteren in het "
                  "theater over wonen voor ouderen.");
    EXPECT_REPORT(NULL, "2022-03-10",
                  "From: een collega <c@example.org>\nDate: Tue, 15 Mar 2022 09:12:00 +0100\n"
                  "Subject: verslag kennisdag",
                  "Hoi allemaal,",
                  "Afgelopen donderdag was ik bij de kennisdag in het stadhuis, over de "
                  "aanpak van lege winkelpanden.");
    EXPECT_REPORT(NULL, "2013-06-14",
                  "STREEKKRANT \xE2\x80\x94 regio Oost\nvrijdag 14 juni 2013, pagina 3",
                  "# Dorpen zoeken samen naar nieuwe woonvormen",
                  "ALMELO - Bestuurders uit een twintigtal gemeenten spraken in het theater "
                  "over wonen voor ouderen.");
}

/* A mail whose headers make a long block, the date not leading it:
 * "gisteren" counts back from its "Date:"; a minutes' "Datum:" line, with
 * no sender, is the meeting's day, not a day of writing that an earlier
 * date would beat. */
static void test_mail_headers_in_a_long_block(void **state)
{
    (void)state;
    EXPECT_REPORT(NULL, "2022-03-15",
                  "From: een collega van de afdeling <een.collega@gemeente.example.org>\n"
                  "To: het hele team ruimtelijke ontwikkeling <team-ro@gemeente.example.org>\n"
                  "Cc: de afdelingsmanager <manager@gemeente.example.org>\n"
                  "Date: Wed, 16 Mar 2022 09:12:00 +0100\nSubject: verslagje",
                  "Hoi allemaal,",
                  "Een kort verslag van gisteren: veertig ambtenaren bespraken in het stadhuis "
                  "de lege winkelpanden.");
    EXPECT_REPORT(NULL, "2022-03-16",
                  "NOTULEN NETWERKDAG", "Datum: 16-03-2022", "Locatie: stadhuis",
                  "Het verslag van de vorige netwerkdag (12 november 2021 in het stadhuis) "
                  "wordt vastgesteld.");
}

/* A transcript's speaker who says "gisteren" means the day before the
 * one the transcript's header names. */
static void test_transcript_speakers_yesterday(void **state)
{
    (void)state;
    EXPECT_REPORT(NULL, "2019-03-15",
                  "Woordelijk verslag (fragment) van de kennisdag",
                  "Stadhuis, vrijdag 15 maart 2019, middagsessie",
                  "VOORZITTER: Welkom terug. De gedeputeerde heeft zich gisteren afgemeld.",
                  "WETHOUDER DE BOER (Vlissingen): Dank u, voorzitter.");
    /* an interviewer's day that names the event dates it */
    EXPECT_REPORT(NULL, "2021-05-20",
                  "Uitzending van het regioprogramma",
                  "Studio Oost, dinsdag 25 mei 2021",
                  "INTERVIEWER: Afgelopen donderdag zat je op de netwerkdag in de schouwburg. "
                  "Wat nam je mee?",
                  "GAST: Vooral de workshop over de jeugdzorg.");
}

/* A front matter publication date is the day the piece was written: the
 * day its opening names before it is the event. */
static void test_published_in_front_matter(void **state)
{
    (void)state;
    EXPECT_REPORT("published 2022-10-14T08:00:00+02:00", "2022-09-30",
                  "Gemeenten zoeken woonruimte voor statushouders, en dat gaat niet vanzelf.",
                  "Die vraag stond centraal op de kennisdag van de middelgrote gemeenten, op "
                  "30 september in het oude raadhuis.",
                  "De volgende dag, in februari 2023, gaat over de woningbouw.");
}

/* A chapter that calls itself a look-back, in a year's report written
 * months later: the day it looks back on, though long before its date. */
static void test_look_back_months_later(void **state)
{
    (void)state;
    EXPECT_REPORT("2020-03-27", "2019-11-08",
                  "# Jaarverslag 2019", "# 2. Terugblik op de najaarsdag",
                  "Op vrijdag 8 november waren we te gast in het stadhuis, voor een dag over "
                  "de warmtetransitie in middelgrote gemeenten.");
    /* a memo without a look-back keeps its own date */
    EXPECT_REPORT("2020-03-27", "2020-03-27",
                  "# Memo aan het college",
                  "Op vrijdag 8 november waren we te gast in het stadhuis, voor een dag over "
                  "de warmtetransitie in middelgrote gemeenten.");
}

/* What a speaker calls yesterday is not counted from the anchor, and
 * "afgelopen vrijdag" in a text dated a Friday is that day. */
static void test_relative_days_that_are_not(void **state)
{
    (void)state;
    EXPECT_REPORT("2019-05-17", "2019-05-17",
                  "# Kennisdag over winkelstraten",
                  "De wethouder opende de dag: \"Gisteren las ik in de krant dat de winkels "
                  "in onze straten leeg staan.\"");
    EXPECT_REPORT(NULL, "2021-10-08",
                  "Kort verslag netwerkdag \xE2\x80\x93 8 oktober 2021\n"
                  "Afgelopen vrijdag kwamen veertig ambtenaren bijeen over de binnenstad en "
                  "de leegstand in de winkelstraten.");
}

/* A press release or a programme page dated weeks before the day it
 * names: the day wins when the text calls to sign up, calls itself a
 * press release or restates its date as that of its last update. */
static void test_announced_before_the_day(void **state)
{
    (void)state;
    EXPECT_REPORT("2016-02-23", "2016-03-17",
                  "*Almelo, 23 februari 2016* \xE2\x80\x94 Op donderdag 17 maart ontvangt de "
                  "gemeente veertig wethouders uit het hele land voor een dag over de "
                  "toekomst van de binnenstad.",
                  "Aanmelden kan tot en met 10 maart via de website van het platform.");
    EXPECT_REPORT("2016-02-23", "2016-03-17",
                  "# PERSBERICHT",
                  "Op donderdag 17 maart ontvangt de gemeente veertig wethouders uit het "
                  "hele land voor een dag over de toekomst van de binnenstad.");
    /* without a front matter date, the dateline opening the paragraph */
    EXPECT_REPORT(NULL, "2016-03-17",
                  "# Gemeente ontvangt platform",
                  "Almelo, 23 februari 2016 \xE2\x80\x94 Op donderdag 17 maart ontvangt de "
                  "gemeente veertig wethouders uit het hele land voor een dag over de "
                  "toekomst van de binnenstad.",
                  "Inschrijven kan tot 10 maart.");
    EXPECT_REPORT(NULL, "2016-02-23",
                  "# Gemeente ontvangt platform",
                  "Almelo, 23 februari 2016 \xE2\x80\x94 Vandaag kwamen veertig wethouders uit "
                  "het hele land bijeen in de gemeente voor een dag over de toekomst van de "
                  "binnenstad.");
    /* a two-day programme, updated weeks before */
    EXPECT_REPORT("2024-03-04", "2024-05-15",
                  "# Tweedaagse over de binnenstad",
                  "Woensdag 15 en donderdag 16 mei 2024",
                  "Programma onder voorbehoud. Laatst bijgewerkt: 4 maart 2024.");
}

/* A later day in the opening of a text that announces nothing is not the
 * event: the anchor holds. */
static void test_later_day_without_announcement(void **state)
{
    (void)state;
    EXPECT_REPORT("2016-02-23", "2016-02-23",
                  "# Verslag kennisdag",
                  "Op donderdag 17 maart besluit de raad over het plan voor de haven, dat "
                  "op de kennisdag uitgebreid werd besproken.");
}

/* A post whose first line is its writer has its posting date on the next
 * line of the same paragraph; the event is the weekday before it. */
static void test_posted_under_the_writer_line(void **state)
{
    (void)state;
    EXPECT_REPORT(NULL, "2021-03-05",
                  "**Jane Doe** \xC2\xB7 Policy advisor at a small town\n*posted March 9, 2021*",
                  "Back from a great day! Last Friday, March 5th, I joined my first "
                  "network day of the association and met colleagues from all over.");
}

/* "vrijdag (14 juni)": the weekday before a date in brackets is its own. */
static void test_weekday_before_a_bracket(void **state)
{
    (void)state;
    expect_date("vrijdag (14 juni)", 2019, "2019-06-14");
    EXPECT_REPORT(NULL, "2019-06-14",
                  "# Een dag in de polder",
                  "*Door een collega, adviseur | 18 juni 2019 | 2 reacties*",
                  "Vorige week vrijdag (14 juni) mocht ik samen met een collega naar de "
                  "netwerkdag van de vereniging, waar veel te leren viel.");
}

/* A plain-text newsletter: its first line is the title, the item on the
 * next meeting is underlined like a heading further down and never the
 * event, nor the title that would date it. */
static void test_newsletter_with_a_next_meeting(void **state)
{
    (void)state;
    EXPECT_REPORT(NULL, "2019-03-15",
                  "Nieuwsbrief van de vereniging | nr. 7 | maart 2019",
                  "De voorjaarsbijeenkomst van vrijdag 15 maart werd door de gastgemeente "
                  "georganiseerd in een schouwburg aan de markt. Er kwamen ruim honderd "
                  "deelnemers op af, en de sprekers kregen vragen tot aan de lunch.",
                  "# Volgende bijeenkomst: 4 oktober 2019",
                  "De najaarsbijeenkomst staat gepland op vrijdag 4 oktober 2019.");
}

/* A day the text ties to the event, by its noun or by the weeks it says
 * lie between, beats the day a podcast was aired, a newsletter sent or an
 * interview written, a few weeks later. */
static void test_day_tied_to_the_event(void **state)
{
    (void)state;
    EXPECT_REPORT(NULL, "2022-03-03",
                  "# Luisterverslag: de haven van morgen",
                  "*Uitgezonden 17 maart 2022. Opgenomen tijdens de studiedag in een oude "
                  "loods, 3 maart 2022.*",
                  "De presentator spreekt met drie wethouders over de toekomst van de haven.");
    EXPECT_REPORT("2019-11-20", "2019-11-06",
                  "# Nieuwsbrief van de regio",
                  "De raad heeft op 12 november de begroting vastgesteld.",
                  "Drie weken geleden, op 23 oktober, was er nog een ander overleg. Twee weken "
                  "geleden, op 6 november, ontving de stad zestig collega's uit het hele land "
                  "in de schouwburg.");
    EXPECT_REPORT(NULL, "2012-10-04",
                  "# Gesprek met de organisator",
                  "*Dorpsstad, 25 oktober 2012. Drie weken na de themadag van 4 oktober sprak "
                  "de redactie met de organisator over wat de dag heeft opgeleverd voor de "
                  "winkelstraten.*");
    /* the previous meeting named in a report is not its day, nor a day
     * cancelled long before a memo */
    EXPECT_REPORT(NULL, "2015-05-20",
                  "Verslag van de dag, 20 mei 2015",
                  "Het verslag van de vorige bijeenkomst van 1 april 2015 wordt vastgesteld.");
    EXPECT_REPORT("2021-06-01", "2021-05-07",
                  "# Notitie",
                  "De bijeenkomst van 6 maart 2020 werd afgelast; op vrijdag 7 mei 2021 volgde "
                  "de eerste online editie.");
}

/* A poster's line over a forum post ("Name \xE2\x80\x93 date") dates the post,
 * not what it tells: it does not confirm a front matter date as the day. */
static void test_forum_post_lines(void **state)
{
    (void)state;
    EXPECT_REPORT("2023-03-14", "2023-03-10",
                  "# Draad: de dag in de stad",
                  "**Een deelnemer (Dorp)** \xE2\x80\x93 14 maart 2023\n"
                  "Vorige week vrijdag, 10 maart, was de netwerkdag in het stadhuis. Wie heeft "
                  "de sheets van de eerste spreker over de warmtevisie?");
}

/* An invitation to the next day that looks back on the previous one
 * reports the day it looks back on; an invitation alone is dated by the
 * day it announces. */
static void test_invitation_looking_back(void **state)
{
    (void)state;
    EXPECT_REPORT(NULL, "2018-11-09",
                  "Uitnodiging voorjaarsdag in de havenstad \xE2\x80\x93 vrijdag 12 april 2019",
                  "Graag nodigen wij u uit voor de voorjaarsdag op vrijdag 12 april 2019. "
                  "Aanmelden kan tot 29 maart.",
                  "Terugblik: Dorpstad, 9 november 2018\nDe vorige dag vond plaats in de "
                  "schouwburg. De wethouder heette zestig deelnemers welkom.");
    EXPECT_REPORT(NULL, "2018-11-09",
                  "# Uitnodiging voor 12 april 2019",
                  "Op vrijdag 12 april 2019 bent u welkom in de havenstad. Aanmelden kan tot 29 "
                  "maart.",
                  "# Terugblik op Dorpstad",
                  "De vorige bijeenkomst, op 9 november 2018, was de eerste hybride dag.");
    EXPECT_REPORT(NULL, "2019-04-12",
                  "# Uitnodiging voor 12 april 2019",
                  "Op vrijdag 12 april 2019 bent u welkom in de havenstad. Aanmelden kan tot 29 "
                  "maart.");
}

/* A memo dated a week after the meeting it reports names that meeting's
 * day and month in figures in its subject line; figures elsewhere are no
 * date. */
static void test_memo_subject_with_day_and_month(void **state)
{
    (void)state;
    EXPECT_REPORT(NULL, "2016-03-10",
                  "Notitie\nAan: de werkgroep\nDatum: 17 maart 2016\n"
                  "Betreft: verslag netwerkbijeenkomst 10-03",
                  "Korte aantekeningen van de dag, met de stand van 1/1 en de uitslag 3-2.");
    EXPECT_REPORT(NULL, "2016-03-17",
                  "Notitie\nAan: de werkgroep\nDatum: 17 maart 2016\n"
                  "Betreft: verslag werkgroep",
                  "Korte aantekeningen van de dag, met de stand van 1/1 en de uitslag 3-2.");
}

/* ---- short numeric dates, mails, statements and year reports ---- */

/* A day and month in figures after a weekday take the report's year,
 * fitted to the weekday; without a weekday they are a score or a ratio.
 * A two-digit year after an apostrophe; "19+20 maart" is its first day. */
static void test_short_numeric_dates(void **state)
{
    (void)state;
    expect_date("vr 14/10", 2022, "2022-10-14");
    expect_date("wo 9-3, stadhuis", 2022, "2022-03-09");
    expect_date("do 16/3", 2024, "2023-03-16");       /* 2024-03-16 is a Saturday */
    expect_date("de uitslag was 14/10", 2022, NULL);
    expect_date("vr 14/10", 0, NULL);
    expect_date("2-12-'21", 0, "2021-12-02");
    expect_date("op 26/10/\xE2\x80\x99" "23 in Ede", 0, "2023-10-26");
    expect_date("de dagen 10+11 november 2022", 0, "2022-11-10");
    /* after "op", a day and month alone */
    expect_date("Op 15/3 bezocht ik de studiedag", 2022, "2022-03-15");
    expect_date("ik was er op 9-11.", 2022, "2022-11-09");
    expect_date("op 2/3 van de scholen", 2022, NULL);
    expect_date("stop 15/3", 2022, NULL);
    expect_date("op 15/3", 0, NULL);
}

/* A memo dated under its heading that names the day it reports in figures. */
static void test_memo_with_a_day_in_figures(void **state)
{
    (void)state;
    EXPECT_REPORT(NULL, "2022-03-15", "# Memo aan het bestuur",
                  "Datum: 24 maart 2022\nOpsteller: de beleidsadviseur",
                  "Op 15/3 bezocht ik met de wethouder de studiedag over wonen. De dag werd "
                  "gehouden in het stadhuis.",
                  "De volgende studiedag is op 6 oktober 2022.");
}

/* A summary dated by its front matter a few days after the day it names
 * in figures; without a date anywhere, a byline's year. */
static void test_summary_with_a_short_date(void **state)
{
    (void)state;
    EXPECT_REPORT("2022-10-18", "2022-10-14", "# TL;DR netwerkdag",
                  "1. **Wat en waar:** vr 14/10, in het stadhuis, over de woningbouw.");
    EXPECT_REPORT(NULL, "2022-10-14", "# TL;DR netwerkdag (week 41)",
                  "*Samengevat door de assistent voor het team, 2022.*",
                  "1. **Wat en waar:** netwerkdag, vr 14/10, in het stadhuis.");
    EXPECT_REPORT("2021-12-06", "2021-12-02", "# Verslag in het kort",
                  "Voor wie er niet bij was: de online netwerkdag van 2-12-'21 in vijf "
                  "punten.");
}

/* A forward: the sent lines are no event, and the quoted mail's
 * "gisteren" counts from its own sent line, not from the forward's. */
static void test_forwarded_mail(void **state)
{
    (void)state;
    EXPECT_REPORT(NULL, "2022-11-10",
                  "Van: een collega\nVerzonden: maandag 14 november 2022 09:00\n"
                  "Aan: het team\nOnderwerp: FW: netwerkdag",
                  "Ter info, hieronder het verslag.",
                  "Van: een andere collega\nVerzonden: vrijdag 11 november 2022 16:00\n"
                  "Aan: een collega\nOnderwerp: netwerkdag",
                  "Gisteren was ik op de netwerkdag in het stadhuis, over wonen en zorg.");
    EXPECT_REPORT(NULL, "2022-11-10",
                  "To: het team\nDate: Mon, 14 Nov 2022 09:00:00 +0100\nSubject: verslag",
                  "Afgelopen donderdag was ik op de netwerkdag over de binnenstad.");
    /* minutes open with a subject and the meeting's own date */
    EXPECT_REPORT(NULL, "2020-03-04",
                  "Onderwerp: de regionale woningmarkt\nDatum: woensdag 4 maart 2020, 14.00 uur",
                  "Aanwezig: de leden van de werkgroep.");
}

/* "De dag vond plaats op ..." beats a later front matter date, wherever
 * it stands; a statement about another year's meeting does not. */
static void test_stated_event_day(void **state)
{
    (void)state;
    EXPECT_REPORT("2023-12-01", "2023-10-26", "# Aflevering over de warmtetransitie",
                  "In deze aflevering praten twee beleidsmakers over de netwerkdag.",
                  "Het gesprek ging over warmtenetten en isolatie.",
                  "*De dag vond plaats op 26 oktober 2023, in de schouwburg.*");
    EXPECT_REPORT(NULL, "2018-11-09", "# Verslag 2018",
                  "Op vrijdag 9 november kwamen de leden bijeen in het stadhuis.",
                  "De voorjaarsbijeenkomst van 2019 vond plaats op 12 april in Zwolle.");
    /* a study published months after the day it says a town hosted */
    EXPECT_REPORT("2020-05-12", "2019-12-05", "# 2. De studiedag als casus",
                  "Op 5 december 2019 organiseerde de gemeente een studiedag over "
                  "laaggeletterdheid voor de aangesloten gemeenten. Deze dag is de casus "
                  "van dit hoofdstuk.",
                  "De deelnemers kwamen uit twaalf gemeenten.");
    /* hosting something else that day states no day of the event */
    EXPECT_REPORT("2020-05-12", "2020-05-12", "# Verslag van de studiedag",
                  "Op 5 december 2019 organiseerde de gemeente een inloopavond over "
                  "laaggeletterdheid. Die avond kwam vandaag ter sprake.");
}

/* A year report published the next spring: the title's year and the
 * weekday date the day; a wiki's edit line is no event. */
static void test_year_report_and_edit_line(void **state)
{
    (void)state;
    EXPECT_REPORT("2019-02-20", "2018-11-09", "# Jaarverslag 2018: de najaarsdag",
                  "Het bestuur organiseerde dit jaar twee dagen. Op vrijdag 9 november "
                  "kwamen zestig leden bijeen in het stadhuis.");
    EXPECT_REPORT(NULL, "2015-11-06", "# Netwerkdag 2015",
                  "Deze pagina is laatst bewerkt door een redacteur op 3 februari 2016.",
                  "Datum: vrijdag 6 november 2015",
                  "Locatie: het stadhuis");
}

/* An ISO week with its weekday names that day; alone, the platform's
 * usual day of the week (Friday), and only when no date is given. */
static void test_iso_week(void **state)
{
    (void)state;
    EXPECT_REPORT(NULL, "2021-10-21", "# Netwerkdag in Zwolle, donderdag week 42",
                  "*Samengevat door het secretariaat, 2021.*",
                  "Een goede dag over de woningbouw in de regio.");
    EXPECT_REPORT(NULL, "2023-06-02", "# Verslag netwerkdag (week 22)",
                  "*Team Wonen, 2023.*", "Een goede dag over de woningbouw in de regio.");
    EXPECT_REPORT(NULL, "2023-03-16", "# Verslag netwerkdag (week 11)",
                  "*Team Wonen, 2023.*", "Op donderdag 16 maart ging het over de woningbouw.");
}

/* A two-day event written up weeks later: the headings of its days name
 * them, and the first is the event's. */
static void test_two_days_in_headings(void **state)
{
    (void)state;
    EXPECT_REPORT("2024-07-02", "2024-06-12", "# Observaties tweedaagse netwerkdag",
                  "*Stagiaire bij de gemeente, team Onderzoek.*",
                  "# Dag 1 \xE2\x80\x93 woensdag 12 juni 2024, het stadhuis",
                  "10.00 uur: opening door de wethouder.",
                  "# Dag 2 \xE2\x80\x93 donderdag 13 juni 2024, de bibliotheek",
                  "09.30 uur: workshops over de woningbouw.");
}

/* The programme's heading dates the day it lists, though published later. */
static void test_programme_heading_date(void **state)
{
    (void)state;
    EXPECT_REPORT("2022-10-07", "2022-09-29", "# Terugblik netwerkdag",
                  "Na lange tijd weer een dag met mensen in de zaal.",
                  "# Programma 29-9-'22", "13.00 uur: inloop. 13.30 uur: opening.");
}

/* "Dinsdag van week 42": the weekday is the week's, not the usual day. */
static void test_weekday_of_a_week(void **state)
{
    (void)state;
    EXPECT_REPORT(NULL, "2022-10-18", "# Netwerkdag (2022)",
                  "Dinsdag van week 42 was ik in de stad voor de netwerkdag.");
}

/* A year after a range of months ("feb.\xE2\x80\x93jun. 2019") on a short
 * line of a longer block dates a short date without one under it. */
static void test_year_after_a_month_range(void **state)
{
    (void)state;
    EXPECT_REPORT(NULL, "2019-04-10", "# Veldnotities netwerkdag",
                  "*Stageverslag \xE2\x80\x93 stageperiode feb.\xE2\x80\x93jun. 2019 \xE2\x80\x93 "
                  "een gemeente*\n*Aantekeningen uitgewerkt; afkortingen: wh. = wethouder, "
                  "gem. = gemeente, bmw = beleidsmedewerker, RES = regionale energiestrategie, "
                  "ETR = energietransitie*",
                  "**wo 10/4, het stadhuis**", "09.10 uur: aankomst met een collega.");
}

/* A news item that opens with a bare weekday ("Dinsdag kwamen ...") and
 * ends with its publication line: the weekday before that line. */
static void test_bare_weekday_before_a_publication_footer(void **state)
{
    (void)state;
    EXPECT_REPORT(NULL, "2016-05-17", "# Gemeenten praten over wonen",
                  "Dinsdag kwamen ongeveer 50 mensen naar het stadhuis. Zij werken bij "
                  "gemeenten in het hele land. Ze praatten over de regels die op 1 januari "
                  "2017 ingaan. Het gaat om huizen en zorg.",
                  "Meer weten? Bel de gemeente.", "*Gepubliceerd op vrijdag 20 mei 2016*");
}

/* A diary post dated in its front matter on the day it was written, its
 * text opening on a bare weekday: the last such day up to that date. */
static void test_bare_weekday_under_a_front_matter_date(void **state)
{
    (void)state;
    EXPECT_REPORT("2021-03-21", "2021-03-18", "# Een dag in de stad",
                  "Donderdag stond de trein al vroeg klaar. Met twee collega's reisde ik "
                  "naar de studiedag over groen in de wijken.",
                  "Na de lunch liepen we door het park.");
    /* the front matter's own weekday is that day */
    EXPECT_REPORT("2021-03-18", "2021-03-18", "# Een dag in de stad",
                  "Donderdag stond de trein al vroeg klaar.");
    /* "Zo," opens on no Sunday: "afgelopen vrijdag" counts back */
    EXPECT_REPORT("2021-03-22", "2021-03-19", "# Een dag in de stad",
                  "Zo, daar ben ik weer. Afgelopen vrijdag ging ik naar de studiedag.");
}

/* A news item with no dateline and no full date: the year it names with
 * the event, not another meeting's. */
static void test_year_named_with_the_event(void **state)
{
    (void)state;
    EXPECT_REPORT(NULL, "2027-03-04", "# Gemeenten delen hun aanpak",
                  "**Door een verslaggever**",
                  "Zo'n zestig ambtenaren kwamen op 4 maart naar het stadhuis. Het was de "
                  "eerste studiedag van 2027, en het onderwerp raakt elke gemeente die "
                  "huizen zoekt voor wie er nu al wacht.");
    EXPECT_REPORT(NULL, NULL, "# Gemeenten delen hun aanpak",
                  "Zo'n zestig ambtenaren kwamen op 4 maart naar het stadhuis. Het was "
                  "drukker dan op de vorige studiedag van 2026, want het onderwerp raakt "
                  "elke gemeente die huizen zoekt.");
}

/* A study that names the month of the day in its text and the day in a
 * footnote: that day, not a law's date in the text. */
static void test_month_in_the_text_day_in_a_footnote(void **state)
{
    (void)state;
    EXPECT_REPORT(NULL, "2019-10-11", "# 5. De studiedag als casus",
                  "Dit hoofdstuk gaat over de studiedag die in oktober 2019 in het stadhuis "
                  "plaatsvond, vier jaar na de nieuwe wet (1 januari 2015).\xC2\xB9 We "
                  "lezen de dag als een plek waar gemeenten van elkaar leren.",
                  "Vijftig ambtenaren uit negen gemeenten namen deel.",
                  "Ze spraken over de wet en over het geld.", "Daarna volgde een lunch.",
                  "\xC2\xB9 De uitnodiging noemde \"vr 11-10-'19\".");
    /* a month of another year's meeting states nothing */
    EXPECT_REPORT(NULL, "2019-03-08", "# 5. De studiedag als casus",
                  "Dit hoofdstuk gaat over de studiedag van 2019, die net als die in "
                  "oktober 2018 in het stadhuis plaatsvond. Op vrijdag 8 maart 2019 kwamen "
                  "vijftig ambtenaren uit negen gemeenten bijeen.",
                  "Ze spraken over de wet en over het geld.", "Daarna volgde een lunch.",
                  "Het was een goede dag.",
                  "\xC2\xB9 De vorige uitnodiging noemde \"vr 12-10-'18\".");
    /* a month stated below the opening is as likely another meeting's */
    EXPECT_REPORT(NULL, "2019-03-08", "# De studiedag in het stadhuis",
                  "Op vrijdag 8 maart 2019 kwamen vijftig ambtenaren bijeen in het stadhuis, "
                  "uit negen gemeenten, om te praten over wat de nieuwe wet van hen vraagt en "
                  "wat ze van elkaar kunnen leren.", "Eerst de wet.",
                  "Dan het geld.", "Dan de lunch.", "Dan de wijken.", "Dan de scholen.",
                  "Dan de zorg.", "Dan de afsluiting.", "Dan de borrel.",
                  "De dag die in oktober 2018 in Ede plaatsvond, was drukker.",
                  "\xC2\xB9 Die uitnodiging noemde \"vr 12-10-'18\".");
}

/* An interview before the day, with an update after it: the day between. */
static void test_interview_before_update_after(void **state)
{
    (void)state;
    EXPECT_REPORT("2023-11-02", "2023-11-09", "# Vooraf: de wethouder over de netwerkdag",
                  "*Volgende week donderdag, 9 november, is de gemeente gastheer van de "
                  "netwerkdag. We spraken vooraf met de wethouder.*",
                  "Waarom wilde u gastheer zijn? \"Omdat we veel te laten zien hebben.\"",
                  "# Update na de netwerkdag (13 november 2023)",
                  "De dag verliep anders dan gepland.");
    EXPECT_REPORT(NULL, "2023-11-09", "# Vooruitblik en terugblik",
                  "*Interview afgenomen op 1 november 2023 door de redactie*",
                  "Op donderdag 9 november ontvangt de gemeente de leden. We spraken vooraf "
                  "met de wethouder.",
                  "# Na afloop (13 november 2023)", "De dag verliep anders dan gepland.");
}

/* A title's date is the event's, whatever an update below it says of a
 * later day. */
static void test_title_date_with_an_update(void **state)
{
    (void)state;
    EXPECT_REPORT(NULL, "2020-03-03", "# Netwerkdag 3 maart 2020",
                  "Op donderdag 12 maart besluit de raad over het plan voor de haven.",
                  "# Update (20 maart 2020)", "De raad stemde in met het plan.");
}

/* A memo looking back on several days and deciding on the next: the
 * latest day before its date is the one it reports. */
static void test_memo_latest_day_before_its_date(void **state)
{
    (void)state;
    EXPECT_REPORT(NULL, "2019-04-12",
                  "Aan: het bestuur\nVan: de secretaris\nDatum: 6 mei 2019\n"
                  "Onderwerp: evaluatie van de netwerkdagen",
                  "1. Terugblik", "- Assen, 8 juni 2018: goed bezocht.",
                  "- Zwolle, 12 april 2019: zie hieronder.",
                  "Het bestuur besluit de najaarsbijeenkomst te houden op vrijdag "
                  "15 november 2019 in Ede.");
}

/* A memo's head (Aan, Van, Datum) dates the memo, as a mail's sent line
 * does, so its "Datum:" restating the front matter's day confirms nothing:
 * the visit the memo reports is the event.  Minutes' "Datum:" with no
 * sender and addressee is still the meeting's. */
static void test_memo_head_dates_the_memo(void **state)
{
    (void)state;
    EXPECT_REPORT("2016-06-20", "2016-06-09",
                  "GEMEENTE CULEMBORG\nAfdeling Samenleving",
                  "MEMO\nAan: het college\nVan: P. de Jong\nDatum: 20 juni 2016\n"
                  "Onderwerp: netwerkdag van de vereniging, 9 juni jl.",
                  "1. Aanleiding",
                  "Op donderdag 9 juni 2016 heb ik met wethouder Bos de kennis- en netwerkdag "
                  "van de vereniging bijgewoond in het stadhuis van Tiel.");
    EXPECT_REPORT("2016-06-20", "2016-06-20",
                  "VERSLAG\nDatum: maandag 20 juni 2016\nOnderwerp: regionale woonagenda",
                  "Op donderdag 9 juni 2016 stemde de raad in met de woonagenda, die vandaag "
                  "besproken werd met de wethouders uit de regio.");
}

/* A day named by its place in the month, in the front matter's year or
 * the one written after the month; it beats a date that only happens to
 * come first (a survey's period), and an ordinal without a month names no
 * day. */
static void test_nth_weekday_of_a_month(void **state)
{
    (void)state;
    EXPECT_REPORT("2015-10-27", "2015-10-01", "# Evaluatie tweedaagse",
                  "De tweedaagse vond plaats op de eerste donderdag en vrijdag van oktober in "
                  "Venray. De enquete liep van 5 tot 20 oktober 2015.");
    EXPECT_REPORT(NULL, "2019-05-31", "# Terugblik",
                  "We kwamen bijeen op de laatste vrijdag van mei 2019 in het stadhuis.");
    EXPECT_REPORT("2021-04-02", "2021-03-09", "# Voorjaarsdag",
                  "Het was de tweede dinsdag van maart: veertig mensen in de raadzaal.");
    EXPECT_REPORT("2021-04-02", "2021-04-02", "# Voorjaarsdag",
                  "Het was de eerste dinsdag na de vakantie: veertig mensen in de raadzaal.");
    EXPECT_REPORT(NULL, NULL, "# Voorjaarsdag 2021",
                  "Veertig mensen kwamen naar de raadzaal.",
                  "De volgende bijeenkomst is op de eerste donderdag van oktober in Venlo.");
    /* a run of days: its first ("t/m" read as one word) */
    EXPECT_REPORT("2021-10-20", "2021-10-07", "# Driedaagse",
                  "Het was de eerste donderdag t/m zaterdag van oktober: drie dagen in Venray.");
    /* a number after the month that is no year: the report's year */
    EXPECT_REPORT(NULL, "2021-06-04", "# Fietsdag 2021",
                  "Op de eerste vrijdag van juni 2500 fietsers op de dijk: dat was de fietsdag. "
                  "Ze kwamen uit de hele regio, de meesten op een elektrische fiets, en "
                  "ze bleven tot de avond.");
}

/* "donderdag in week 42" names that day even when the title gives the week
 * bare and the text names a later deadline; a bare week still yields to
 * any date. */
static void test_weekday_of_a_week_below_a_bare_week(void **state)
{
    (void)state;
    EXPECT_REPORT("2018-11-05", "2018-10-18", "# Evaluatie netwerkdag Middelburg (week 42)",
                  "De netwerkdag vond plaats op donderdag in week 42 in de schouwburg. De "
                  "vragenlijst stond open tot 2 november 2018.");
    EXPECT_REPORT(NULL, "2018-10-16", "# Evaluatie netwerkdag Middelburg (week 42)",
                  "De netwerkdag was op 16 oktober 2018. De vragenlijst stond open tot 2 "
                  "november 2018.");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_date_forms),
        cmocka_unit_test(test_parse_date_calendar),
        cmocka_unit_test(test_iso_date_times),
        cmocka_unit_test(test_english_dates),
        cmocka_unit_test(test_two_digit_years),
        cmocka_unit_test(test_ranges_are_their_first_day),
        cmocka_unit_test(test_year_only_in_the_title),
        cmocka_unit_test(test_next_meeting_and_laws_are_skipped),
        cmocka_unit_test(test_front_matter_wins),
        cmocka_unit_test(test_front_matter_invalid),
        cmocka_unit_test(test_front_matter_date_time),
        cmocka_unit_test(test_posted_after_the_event),
        cmocka_unit_test(test_front_matter_confirmed_by_the_text),
        cmocka_unit_test(test_dateline_and_relative_weekday),
        cmocka_unit_test(test_blog_posted_on),
        cmocka_unit_test(test_year_from_a_publication_line),
        cmocka_unit_test(test_weekday_fits_the_year),
        cmocka_unit_test(test_other_dates_with_weekdays),
        cmocka_unit_test(test_relative_days),
        cmocka_unit_test(test_relative_days_that_are_not),
        cmocka_unit_test(test_announced_before_the_day),
        cmocka_unit_test(test_later_day_without_announcement),
        cmocka_unit_test(test_posted_under_the_writer_line),
        cmocka_unit_test(test_weekday_before_a_bracket),
        cmocka_unit_test(test_newsletter_with_a_next_meeting),
        cmocka_unit_test(test_relative_to_a_date_line_or_header),
        cmocka_unit_test(test_day_tied_to_the_event),
        cmocka_unit_test(test_forum_post_lines),
        cmocka_unit_test(test_invitation_looking_back),
        cmocka_unit_test(test_memo_subject_with_day_and_month),
        cmocka_unit_test(test_short_numeric_dates),
        cmocka_unit_test(test_memo_with_a_day_in_figures),
        cmocka_unit_test(test_summary_with_a_short_date),
        cmocka_unit_test(test_forwarded_mail),
        cmocka_unit_test(test_stated_event_day),
        cmocka_unit_test(test_year_report_and_edit_line),
        cmocka_unit_test(test_iso_week),
        cmocka_unit_test(test_mail_headers_in_a_long_block),
        cmocka_unit_test(test_transcript_speakers_yesterday),
        cmocka_unit_test(test_published_in_front_matter),
        cmocka_unit_test(test_look_back_months_later),
        cmocka_unit_test(test_two_days_in_headings),
        cmocka_unit_test(test_programme_heading_date),
        cmocka_unit_test(test_weekday_of_a_week),
        cmocka_unit_test(test_year_after_a_month_range),
        cmocka_unit_test(test_bare_weekday_before_a_publication_footer),
        cmocka_unit_test(test_bare_weekday_under_a_front_matter_date),
        cmocka_unit_test(test_year_named_with_the_event),
        cmocka_unit_test(test_month_in_the_text_day_in_a_footnote),
        cmocka_unit_test(test_interview_before_update_after),
        cmocka_unit_test(test_memo_latest_day_before_its_date),
        cmocka_unit_test(test_title_date_with_an_update),
        cmocka_unit_test(test_memo_head_dates_the_memo),
        cmocka_unit_test(test_nth_weekday_of_a_month),
        cmocka_unit_test(test_weekday_of_a_week_below_a_bare_week),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
