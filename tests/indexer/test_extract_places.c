/*
 * Unit tests of the places stage (indexer/extract_places.c, extract_host.c)
 * on text written for the tests, with the real gazetteer of municipalities
 * and places (VP_DATA_DIR): places to their municipality in the report's
 * year, the host, and the names that are no municipality.
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
#include "speaker_words.h"

static vp_gazetteer *gaz;
static vp_speaker_words *words;   /* the places stage reads the speakers */

static int load_data(void **state)
{
    (void)state;
    char err[256];
    gaz = vp_gazetteer_load(VP_DATA_DIR "/gemeenten.tsv", err, sizeof err);
    if (!gaz || vp_gazetteer_load_places(gaz, VP_DATA_DIR "/woonplaatsen.tsv", err, sizeof err) ||
        !(words = vp_speaker_words_load(VP_DATA_DIR "/speakers.tsv", err, sizeof err))) {
        fprintf(stderr, "%s\n", err);
        return -1;
    }
    return 0;
}

static int free_data(void **state)
{
    (void)state;
    vp_gazetteer_free(gaz);
    vp_speaker_words_free(words);
    return 0;
}

typedef struct report {
    vp_parsed p;
    vp_document d;
    vp_extract_issue issue;
} report;

/* One block per line; "# " makes a heading.  date: the front matter date
 * (sets the report's year), location: front matter location; NULL for
 * none. */
static void prepare(report *r, const char *date, const char *location,
                    const char *const *lines)
{
    vp_parsed_init(&r->p);
    for (int i = 0; lines[i]; i++) {
        bool heading = strncmp(lines[i], "# ", 2) == 0;
        assert_true(vp_parsed_add_block(&r->p, heading ? VP_BLOCK_HEADING : VP_BLOCK_PARAGRAPH,
                                        heading, false, 10 + i, lines[i] + (heading ? 2 : 0)));
    }
    if (date) {
        r->p.fm.present = true;
        r->p.fm.date = strdup(date);
    }
    if (location) {
        r->p.fm.present = true;
        r->p.fm.host = strdup(location);
    }
    vp_document_init(&r->d);
    memset(&r->issue, 0, sizeof r->issue);
}

static void extract(report *r)
{
    vp_extract_ctx ctx = {.gazetteer = gaz, .speaker_words = words};
    assert_int_equal(vp_extract_all(&ctx, &r->p, &r->d, &r->issue), VP_EXTRACT_OK);
}

static void run(report *r, const char *date, const char *location, const char *const *lines)
{
    prepare(r, date, location, lines);
    extract(r);
}

static void done(report *r)
{
    vp_document_clear(&r->d);
    vp_parsed_clear(&r->p);
}

static bool has(const report *r, const char *name)
{
    for (size_t i = 0; i < r->d.municipalities.len; i++)
        if (strcmp(r->d.municipalities.items[i], name) == 0)
            return true;
    return false;
}

/* Fails naming every one of names the report counts as a municipality. */
static void expect_none(const report *r, const char *const *names)
{
    char wrong[512] = "";
    for (size_t i = 0; names[i]; i++)
        if (has(r, names[i]) && strlen(wrong) + strlen(names[i]) + 2 < sizeof wrong) {
            strcat(wrong, " ");
            strcat(wrong, names[i]);
        }
    if (*wrong)
        fail_msg("counted though they took no part:%s", wrong);
}

static void expect_host(const report *r, const char *want)
{
    if (!want && r->d.host)
        fail_msg("expected no host, got %s", r->d.host);
    if (want && (!r->d.host || strcmp(r->d.host, want) != 0))
        fail_msg("expected host %s, got %s", want, r->d.host ? r->d.host : "none");
}

#define LINES(...) ((const char *const[]){__VA_ARGS__, NULL})

/* A report's lines, its front matter date (NULL: none) and the host it
 * should get (NULL: none). */
typedef struct host_case {
    const char *const *lines;
    const char *date, *host;
} host_case;

static void expect_hosts(const host_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        report r;
        run(&r, cases[i].date, NULL, cases[i].lines);
        if (cases[i].host ? !r.d.host || strcmp(r.d.host, cases[i].host) != 0 : r.d.host != NULL)
            fail_msg("case %zu: expected host %s, got %s", i,
                     cases[i].host ? cases[i].host : "none", r.d.host ? r.d.host : "none");
        done(&r);
    }
}

/* ---- places and years ---- */

static void test_place_is_its_municipality(void **state)
{
    (void)state;
    report r;
    run(&r, "2015-06-12", NULL,
        LINES("# Verslag regiodag arbeidsmigratie",
              "De regiodag vond plaats in het gemeentehuis in Emmeloord. Er waren "
              "deelnemers uit Urk, Dronten en Lelystad."));
    expect_host(&r, "Noordoostpolder");
    assert_true(has(&r, "Noordoostpolder"));
    assert_true(has(&r, "Urk"));
    done(&r);
}

/* The municipality of the report's year: before and after a merger. */
static void test_place_in_its_year(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "# Kennisdag krimp en wonen",
        "Op het stadhuis van Hoogezand kwamen veertig wethouders bijeen voor een dag "
        "over wonen in krimpgebieden.",
        NULL,
    };
    report r;
    run(&r, "2016-03-04", NULL, lines);
    expect_host(&r, "Hoogezand-Sappemeer");
    done(&r);
    run(&r, "2019-03-08", NULL, lines);
    expect_host(&r, "Midden-Groningen");
    done(&r);

    /* a former municipality named after it ended is a town of its successor */
    static const char *const town[] = {
        "# Netwerkdag energie",
        "De netwerkdag werd gehouden in Heerhugowaard, in de raadzaal van het stadhuis.",
        NULL,
    };
    run(&r, "2021-05-07", NULL, town);
    expect_host(&r, "Heerhugowaard");
    done(&r);
    run(&r, "2023-05-12", NULL, town);
    expect_host(&r, "Dijk en Waard");
    assert_false(has(&r, "Heerhugowaard"));
    done(&r);
}

/* Before a merger nobody knows the municipality of some places: they count
 * for nothing then, rather than for today's. */
static void test_place_not_known_before_merger(void **state)
{
    (void)state;
    report r;
    run(&r, "2012-05-04", NULL,
        LINES("# Dorpendag", "De dorpendag vond plaats in Muiderberg, in het dorpshuis."));
    expect_host(&r, NULL);
    assert_int_equal(r.d.municipalities.len, 0);
    done(&r);
    run(&r, "2018-05-04", NULL,
        LINES("# Dorpendag", "De dorpendag vond plaats in Muiderberg, in het dorpshuis."));
    expect_host(&r, "Gooise Meren");
    done(&r);
}

/* "Bergen" is a place in Limburg and one in Noord-Holland: the report's
 * other municipalities tell which; the CBS suffix, with or without dots,
 * tells it right away. */
static void test_shared_names_and_suffixes(void **state)
{
    (void)state;
    report r;
    run(&r, "2019-09-20", NULL,
        LINES("# Grensoverleg Noord-Limburg",
              "Raadsleden uit Venlo, Beesel, Bergen en Gennep spraken over de grens."));
    assert_true(has(&r, "Bergen (L.)"));
    assert_false(has(&r, "Bergen (NH.)"));
    done(&r);
    run(&r, "2019-09-20", NULL,
        LINES("# Kustoverleg",
              "Raadsleden uit Alkmaar, Heiloo, Bergen en Castricum spraken over de kust."));
    assert_true(has(&r, "Bergen (NH.)"));
    done(&r);
    run(&r, "2019-09-20", NULL,
        LINES("# Overleg", "Aanwezig waren Bergen (NH) en Bergen (L.) en Zeist."));
    assert_true(has(&r, "Bergen (NH.)"));
    assert_true(has(&r, "Bergen (L.)"));
    done(&r);
}

/* ---- names that are no municipality ---- */

static void test_regions_provinces_institutions(void **state)
{
    (void)state;
    report r;
    run(&r, "2022-06-10", NULL,
        LINES("# Kennisdag Zeeland zoekt werk",
              "De provincie Groningen en de regio Eindhoven doen mee, en "
              "onderzoekers van Wageningen University en de Port of Rotterdam.",
              "Gastgemeente was Goes."));
    expect_host(&r, "Goes");
    assert_int_equal(r.d.municipalities.len, 1);   /* Goes only */
    done(&r);
}

/* A place in a person's name is no municipality (class 4 of issue 16). */
static void test_surnames(void **state)
{
    (void)state;
    report r;
    run(&r, "2018-11-09", NULL,
        LINES("# Netwerkdag in Zwolle",
              "Spreker was Ruud van Gorinchem. Daarna vertelde dhr. Weert over data, "
              "en mevrouw Ede over jeugdzorg. J. de Vries sloot af. Van Kampen: "
              "\"Wij zijn klaar.\" Dagvoorzitter was Sanne in 't Veld."));
    expect_host(&r, "Zwolle");
    assert_int_equal(r.d.municipalities.len, 1);
    done(&r);
    /* the mayor of a municipality is not a person named after it */
    run(&r, "2018-11-09", NULL,
        LINES("# Netwerkdag",
              "Burgemeester Gert-Jan Kooistra van Veenendaal opende de dag; wethouder "
              "Joris van Mierlo sprak daarna."));
    assert_true(has(&r, "Veenendaal"));
    assert_false(has(&r, "Geldrop-Mierlo"));
    done(&r);
    run(&r, "2018-11-09", NULL,
        LINES("# Netwerkdag", "Wethouder Van Boxtel sprak over werk in de regio."));
    assert_int_equal(r.d.municipalities.len, 0);
    done(&r);
}

/* A speaker's surname that is a municipality ("Karin Goes") stands for
 * the speaker when it comes back bare; a list of municipalities or
 * "gemeente X" still makes it the place, and a surname with particles
 * ("Van der Goes") is never written bare. */
static void test_speaker_surname_comes_back(void **state)
{
    (void)state;
    report r;
    run(&r, "2019-03-15", NULL,
        LINES("# Netwerkdag in Zwolle",
              "In de middag presenteerde Karin Goes (Platform31) een onderzoek naar de "
              "woningmarkt. Goes vertelde dat de huren in de regio sneller stijgen dan "
              "de lonen, en Antwoord (Goes): dat blijft zo."));
    assert_false(has(&r, "Goes"));
    assert_true(has(&r, "Zwolle"));
    done(&r);
    run(&r, "2019-03-15", NULL,
        LINES("# Netwerkdag in Zwolle",
              "In de middag presenteerde Karin Goes (Platform31) een onderzoek naar de "
              "woningmarkt. Er waren collega's uit Middelburg, Goes en Vlissingen."));
    assert_true(has(&r, "Goes"));
    done(&r);
    run(&r, "2019-03-15", NULL,
        LINES("# Netwerkdag in Zwolle",
              "Wethouder Van der Goes presenteerde een onderzoek naar de bibliotheken. "
              "Goes heeft zijn bibliotheek onlangs gecombineerd met het archief."));
    assert_true(has(&r, "Goes"));
    done(&r);
}

/* A municipality flagged ambiguous for its short name ("Horst") is not
 * ambiguous written in full, alone on a line. */
static void test_full_names(void **state)
{
    (void)state;
    report r;
    run(&r, "2022-09-29", NULL, LINES("# Deelnemers", "Venray", "Horst aan de Maas", "Horst"));
    assert_true(has(&r, "Horst aan de Maas"));
    assert_true(has(&r, "Venray"));
    done(&r);
    run(&r, "2022-09-29", NULL, LINES("# Deelnemers", "Horst"));
    assert_int_equal(r.d.municipalities.len, 0);
    done(&r);
}

/* The next meeting's place, a destination and the government are not the
 * report's municipalities. */
static void test_next_meeting_travel_government(void **state)
{
    (void)state;
    report r;
    run(&r, "2014-04-11", NULL,
        LINES("# Regiodag in Meppel",
              "Deelnemers kwamen uit Meppel, Steenwijkerland en Westerveld.",
              "Sinds de Hanzelijn rijdt de trein in een half uur naar Lelystad en Zwolle.",
              "Meer geld uit Den Haag is er niet.",
              "De volgende regiodag vindt in het najaar plaats in Assen."));
    expect_host(&r, "Meppel");
    assert_false(has(&r, "Lelystad"));
    assert_false(has(&r, "Zwolle"));
    assert_false(has(&r, "'s-Gravenhage"));
    assert_false(has(&r, "Assen"));
    assert_true(has(&r, "Westerveld"));
    done(&r);
    /* a list with the government's seat in it is a list of municipalities */
    run(&r, "2014-04-11", NULL,
        LINES("# Overleg", "Er waren deelnemers uit Den Haag, Delft en Leiden."));
    assert_true(has(&r, "'s-Gravenhage"));
    done(&r);
}

/* Does a report of a day in Meppel with line in it count Den Haag? */
static bool counts_the_seat(const char *line)
{
    report r;
    run(&r, "2014-04-11", NULL,
        LINES("# Regiodag in Meppel", "Deelnemers kwamen uit Meppel en Westerveld.", line));
    bool counted = has(&r, "'s-Gravenhage");
    done(&r);
    return counted;
}

/* The stops and ends of a journey took no part: a list after a colon in a
 * sentence about the train, a train stuck "bij X", "van X naar Y" in a
 * sentence about the way there. */
static void test_stops_of_a_journey(void **state)
{
    (void)state;
    report r;
    run(&r, "2016-09-15", NULL,
        LINES("# Netwerkdag in Roermond",
              "De netwerkdag vond plaats in het stadhuis van Roermond, met deelnemers uit "
              "Weert, Venray en Echt-Susteren.",
              "Vanuit Kampen is het ruim drie uur met de trein: Apeldoorn, Arnhem, Nijmegen.",
              "Venray kwam later, want de trein stond een uur stil bij Boxmeer.",
              "Van Deventer naar Maastricht ben je langer onderweg dan je denkt."));
    expect_host(&r, "Roermond");
    assert_true(has(&r, "Weert"));
    assert_true(has(&r, "Venray"));
    expect_none(&r, LINES("Apeldoorn", "Arnhem", "Nijmegen", "Boxmeer", "Deventer",
                          "Maastricht"));
    done(&r);
}

/* The seat's name stands for the government after "naar", "van" (not an
 * office's "van") and after "in" in a sentence about sitting there or
 * lobbying ("de burgemeester zat in Den Haag"); "in Den Haag" alone, and
 * its mayor, are the municipality. */
static void test_the_seat_of_government(void **state)
{
    (void)state;
    const char *const government[] = {
        "De burgemeester van Zwolle kon niet komen: hij zat die dag in Den Haag.",
        "Samen lobbyen in Den Haag werkt beter dan alleen.",
        "Wat ontbreekt is geld van Den Haag.",
        "Daarom trekken we samen naar Den Haag.",
        NULL,
    };
    for (size_t i = 0; government[i]; i++)
        if (counts_the_seat(government[i]))
            fail_msg("case %zu: the government counted as a municipality", i);
    assert_true(counts_the_seat("In Den Haag ligt de nadruk op taal en scholing."));
    assert_true(counts_the_seat("De burgemeester van Den Haag sprak over de wijkaanpak."));
}

/* Those who sent apologies took no part: a line of absentees, and a row
 * of an attendance table whose cell says so (cells joined by " | "). */
static void test_absentees(void **state)
{
    (void)state;
    report r;
    run(&r, "2016-05-20", NULL,
        LINES("# Werkgroep binnensteden",
              "Aanwezig: gemeente Zutphen (voorzitter), gemeente Tiel, gemeente Harderwijk.\n"
              "Afwezig met bericht: gemeente Bergen op Zoom, gemeente Heerenveen.",
              "Zutphen | J. de Vries | aanwezig",
              "Doetinchem | \xE2\x80\x94 | afgemeld",
              "**Absent:** Kampen"));
    assert_true(has(&r, "Zutphen"));
    assert_true(has(&r, "Tiel"));
    assert_true(has(&r, "Harderwijk"));
    assert_false(has(&r, "Bergen op Zoom"));
    assert_false(has(&r, "Heerenveen"));
    assert_false(has(&r, "Doetinchem"));
    assert_false(has(&r, "Kampen"));
    done(&r);
}

/* Names that explain something else took no part: a municipality's
 * partners, the members of a region, a line between two towns, a place
 * compared with, a municipality that stayed away or hosts next year. */
static void test_mentioned_not_present(void **state)
{
    (void)state;
    report r;
    run(&r, "2017-10-06", NULL,
        LINES("# Kennisdag in Zutphen",
              "Deelnemers kwamen uit Zutphen, Tiel en Harderwijk.",
              "Zutphen werkt in de Achterhoek al jaren in samenwerking met Winterswijk, Aalten "
              "en Berkelland.",
              "De regio rond Doetinchem, Montferland en Bronckhorst verliest inwoners.",
              "Over de lijn Amersfoort-Apeldoorn werd lang gepraat.",
              "Wij zijn geen Rotterdam, zei de wethouder, en het is hier anders dan in Almere.",
              "De gemeente Oldenzaal had zich aangemeld, maar was niet aanwezig.",
              "Ik hoorde dat Lochem volgend jaar de gastheer wil zijn."));
    expect_host(&r, "Zutphen");
    assert_true(has(&r, "Tiel"));
    assert_true(has(&r, "Harderwijk"));
    const char *const absent[] = {"Winterswijk", "Aalten", "Berkelland", "Doetinchem",
                                  "Montferland", "Bronckhorst", "Amersfoort", "Apeldoorn",
                                  "Rotterdam", "Almere", "Oldenzaal", "Lochem", NULL};
    for (size_t i = 0; absent[i]; i++)
        if (has(&r, absent[i]))
            fail_msg("%s was only mentioned", absent[i]);
    done(&r);
    /* a sentence of absence with more than one name is a list of who came */
    run(&r, "2017-10-06", NULL,
        LINES("# Kennisdag", "Uit Tiel, Lochem en Aalten was iemand aanwezig; de wethouder "
                             "van Zutphen was verhinderd."));
    assert_true(has(&r, "Zutphen"));
    assert_true(has(&r, "Lochem"));
    done(&r);
}

/* ---- the host ---- */

static void test_host_cues(void **state)
{
    (void)state;
    const struct { const char *const *lines; const char *host; } cases[] = {
        {LINES("# Notulen", "Datum: 4 maart 2015 Locatie: stadhuis Tiel, raadzaal",
               "Aanwezig: Culemborg, Zaltbommel en Buren."), "Tiel"},
        {LINES("# Verslag", "Biesbosch Museum, Werkendam (gastgemeente Altena), 12 maart 2019"),
         "Altena"},
        {LINES("# Study visit", "**Hosted by:** the Municipality of Delft"), "Delft"},
        {LINES("# Impressie van de netwerkdag \"Samen sterk\"",
               "Ulft, 11-4-2015 Over de kracht van de kernen ging de dag die de PMG in het "
               "oosten van het land organiseerde, met ruim zeventig deelnemers."),
         "Oude IJsselstreek"},
        {LINES("# Raden praten over samenwerking",
               "NOORD-SLEEN - De raadsleden van drie gemeenten vergaderden gisteravond samen, "
               "in een volle zaal; burgemeester Jan van Beek van Emmen opende."),
         "Coevorden"},
        {LINES("# Taal doet meer",
               "Daarover ging de netwerkdag die de gemeente Ede op donderdag 29 september "
               "organiseerde in het cultuurhuis, samen met de bibliotheek."),
         "Ede"},
        {LINES("# Terugblik",
               "Op 6 oktober hielden wij de conferentie in het Parktheater Eindhoven. De hele "
               "bijeenkomst is terug te kijken op de website van de regio."),
         "Eindhoven"},
        {LINES("# Blog",
               "*Lotte Jansen is communicatieadviseur bij de gemeente Zutphen.*",
               "Om half negen staan in de raadzaal van ons stadhuis twee camera's en veertig "
               "stoelen klaar voor de eerste hybride netwerkdag."),
         "Zutphen"},
        {LINES("# Werk na corona: kennisdag economie in Venlo", "Een korte dag."), "Venlo"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        report r;
        run(&r, "2019-03-12", NULL, cases[i].lines);
        if (!r.d.host || strcmp(r.d.host, cases[i].host) != 0)
            fail_msg("case %zu: expected host %s, got %s", i, cases[i].host,
                     r.d.host ? r.d.host : "none");
        done(&r);
    }
}

/* The clause that names the meeting by its own word and places it wins
 * over a board's minutes held elsewhere and over a letter's dateline
 * written a week or more after the day; a later dateline alone still names
 * the host, and the next meeting's place is none, also when only its year
 * says it is later. */
static void test_host_of_the_meeting_placed_in_its_clause(void **state)
{
    (void)state;
    const host_case cases[] = {
        {LINES("# Gemeente Zaltbommel \xE2\x80\x93 Commissie Bestuur",
               "**Besluitenlijst vergadering dinsdag 3 maart 2020, raadzaal stadhuis Zaltbommel**",
               "Aanwezig: de leden Aarts, Boer, Claassen en Dekker; wethouder Evers.",
               "Wethouder Evers doet verslag van de netwerkdag van 27 februari in het "
               "Schouwburgtheater in Doetinchem. Het ging over de binnensteden."),
         "2020-02-27", "Doetinchem"},
        {LINES("# Ingezonden: een dag vol praatjes", "Zwolle, 20 mei 2016",
               "Op dinsdag 10 mei was ik namens de gemeente Zwolle aanwezig bij de netwerkdag "
               "van de vereniging in Hardenberg. Ik wil graag reageren op uw verslag."),
         "2016-05-10", "Hardenberg"},
        {LINES("# Vraaggesprek", "*Tiel, 28 april 2016. Twee weken na de netwerkdag van "
               "14 april sprak de redactie met de organisator.*",
               "Waar ging het over? Over de binnenstad, en over wat een kleine stad kan doen "
               "tegen de leegstand van winkels in de straten rond de markt."),
         "2016-04-14", "Tiel"},
        {LINES("# Kort verslag",
               "Het was een drukke en leerzame middag met veel sprekers over de woningmarkt en "
               "de bouw van betaalbare huizen in de regio.",
               "De voorzitter zei tot slot dat de volgende netwerkdag in Kampen is."),
         "2016-04-14", NULL},
        /* a later year's meeting, named without a day, is not this one's host */
        {LINES("# Evaluatie webinar 8-11-'19", "Organisatie: gemeente Nijkerk",
               "Het webinar werd uitgezonden vanuit de raadzaal. Er keken 90 mensen mee.",
               "Aanbevelingen van de deelnemers:",
               "1. Voorjaarsdag 2020: liefst een middagprogramma, in Zutphen (onder voorbehoud)."),
         "2019-11-08", NULL},
    };
    expect_hosts(cases, sizeof cases / sizeof cases[0]);
}

/* How a letter, a list or an encyclopaedic page says where the day was: a
 * letter's dateline written after the day yields to the clause that places
 * the day ("te gast in", "kwamen we bijeen op ..., ... in"); a title's
 * "lessen uit X" or "Netwerkdagen X"; an infobox's "| gastgemeente = X"; a
 * place opening a sentence that makes it the host, in the past or present
 * only; a mayor opening the day with particles in the name ("Piet van der
 * Laan (Tiel)"). */
static void test_host_of_letters_lists_and_infoboxes(void **state)
{
    (void)state;
    const host_case cases[] = {
        {LINES("Aan de leden van het netwerk", "Assen, 14 maart 2016",
               "Beste collega's, vorige week donderdag waren we met veertig mensen te gast in "
               "Zwolle, in de oude bibliotheek aan het plein. Hieronder een kort verslag."),
         "2016-03-10", "Zwolle"},
        {LINES("Aan de leden die er niet bij waren", "Roermond, 21 april 2015",
               "Vrijdag kwamen we bijeen op het Kloosterterrein, de oude kazerne in Weert, "
               "met zo'n vijftig mensen uit twaalf gemeenten."),
         "2015-04-17", "Weert"},
        {LINES("# Vijf lessen uit Tiel",
               "Op vrijdag kwamen zestig ambtenaren en bestuurders samen in het theater aan "
               "de haven. Wat nemen we mee naar huis? Vijf lessen."),
         "2014-06-13", "Tiel"},
        {LINES("# Netwerkdagen Zutphen 2014",
               "Twee dagen lang spraken de deelnemers over erfgoed, winkels en wonen boven "
               "winkels in de oude binnensteden van het oosten."),
         "2014-10-02", "Zutphen"},
        {LINES("# Netwerkdagen 2014", "{{Infobox evenement\n| naam = Netwerkdagen 2014\n"
               "| datum = 2 oktober 2014\n| gastgemeente = Zutphen\n}}",
               "De netwerkdagen waren een bijeenkomst van het netwerk van middelgrote "
               "gemeenten over erfgoed en winkels."),
         "2014-10-02", "Zutphen"},
        {LINES("# Terugblik op de netwerkdag",
               "Súdwest-Fryslân bestaat pas sinds 2011 \xE2\x80\x94 vijf gemeenten gingen "
               "samen \xE2\x80\x94 en was dit jaar voor het eerst gastheer van onze "
               "netwerkdag. Het ging over de dorpen en hun voorzieningen."),
         "2013-11-15", "Súdwest-Fryslân"},
        {LINES("# Terugblik op de netwerkdag",
               "Het ging over de dorpen en hun voorzieningen, en over wat een kleine kern "
               "zelf kan doen. Oss wordt volgend jaar gastheer van onze netwerkdag."),
         "2013-11-15", NULL},
        /* the mayor's name has particles between the office and the place */
        {LINES("# Gedeelde aantekeningen online netwerkdag",
               "[AB] Burgemeester Piet van der Laan (Tiel) opent vanuit de lege raadszaal. "
               "Er zijn zestig deelnemers ingelogd.",
               "[CD] Eerste spreker over de winkelstraten in de coronatijd."),
         "2020-06-04", "Tiel"},
    };
    expect_hosts(cases, sizeof cases / sizeof cases[0]);
}

/* A mail thread's headers and covering notes take no turn of the opening
 * paragraphs: the report under them still names the host. */
static void test_host_under_mail_headers(void **state)
{
    (void)state;
    const char *const *lines = LINES(
        "Van: Anne de Wit\nVerzonden: maandag 23 maart 2026 10:31\nAan: team Economie en "
        "Werk\nOnderwerp: FW: verslag netwerkdag",
        "Goedemorgen, zoals gevraagd stuur ik jullie mijn verslag van de netwerkdag van "
        "vorige week, met de vragen van Bart eronder en mijn antwoorden erbij.",
        "> Van: Bart Smit\n> Verzonden: zaterdag 21 maart 2026 09:05\n> Aan: Anne de "
        "Wit\n> Onderwerp: RE: verslag netwerkdag",
        "Dank je wel voor het verslag! Een vraag nog over de tweede dag: wie sprak daar "
        "over de arbeidsmarkt in de regio, en is de presentatie al rondgestuurd?",
        "Van: Anne de Wit\nVerzonden: vrijdag 20 maart 2026 18:44\nAan: Bart Smit\n"
        "Onderwerp: verslag netwerkdag",
        "Hoi Bart, de netwerkdag was dit keer een tweedaagse in een groot congrescentrum. "
        "Gastheer was Oss, samen met de buurgemeenten.");
    const host_case cases[] = {{lines, "2026-03-19", "Oss"}};
    expect_hosts(cases, 1);
}

/* A title that puts a two-day meeting in a place: "observaties tweedaagse
 * Heerlen". */
static void test_host_in_a_title_of_a_two_day_meeting(void **state)
{
    (void)state;
    report r;
    prepare(&r, "2025-06-12", NULL,
            LINES("Een paar losse aantekeningen van de eerste dag, in de volgorde waarin "
                  "de sprekers aan bod kwamen, met de vragen uit de zaal."));
    r.p.fm.title = strdup("Aantekeningen bij de tweedaagse Tiel");
    extract(&r);
    expect_host(&r, "Tiel");
    done(&r);
}

/* A first-person writer's way to the day names the host ("reed ik naar
 * Joure ... de netwerkdag", "was ik in Heerhugowaard voor de kennisdag");
 * a byline's place is the writer's own, though a date follows it as in a
 * dateline; a journey that is no way to the day names no host. */
static void test_host_of_a_blog(void **state)
{
    (void)state;
    const host_case cases[] = {
        {LINES("# Kleiner is niet altijd fijner",
               "*Blog van Sanne Visser, wethouder Financien, gemeente Heerenveen \xE2\x80\x93 "
               "gepost op zondag 18 september 2016*",
               "Afgelopen vrijdag reed ik in de regen naar Joure. Ik was op weg "
               "naar de netwerkdag over de schaal van gemeenten, en ik had er zin in."),
         "2016-09-18", "De Fryske Marren"},
        {LINES("# Bouwen voor wie?",
               "*Tom Bakker, wethouder Wonen, Hoorn \xE2\x80\x93 3 oktober 2023*",
               "Het is zondagavond en ik schrijf eindelijk op wat me bezighoudt. Vrijdag was ik "
               "in Heerhugowaard voor de kennisdag over betaalbaar bouwen."),
         "2023-10-03", "Dijk en Waard"},
        {LINES("# Bouwen voor wie?",
               "*Tom Bakker, wethouder Wonen, Hoorn \xE2\x80\x93 3 oktober 2023*",
               "Het is zondagavond en ik schrijf eindelijk op wat me de hele week bezighield: "
               "de woningmarkt voor jonge gezinnen, en hoe weinig we er nog aan doen."),
         "2023-10-03", NULL},
        {LINES("# Een week op pad",
               "Maandag reed ik naar Zwolle voor een gesprek met de provincie over de "
               "begroting, dinsdag bleef ik thuis met een verkoudheid."),
         "2023-10-03", NULL},
        /* the verb of travel after the place, and a village of its year */
        {LINES("# Drie uur in de auto",
               "Afgelopen vrijdag ben ik met een collega naar Sappemeer gereden voor de "
               "netwerkdag van de vereniging. Het was de reis zeker waard, want we hoorden "
               "veel over de dorpen."),
         "2019-05-20", "Midden-Groningen"},
        /* no verb at all: "mocht ik naar X voor de netwerkdag" */
        {LINES("# Een dag in de polder",
               "Vorige week mocht ik samen met de wethouder naar Emmeloord voor de "
               "netwerkdag van de vereniging. Dit keer in een theater aan de markt, "
               "met uitzicht op de toren."),
         "2019-05-20", "Noordoostpolder"},
        /* an English post: the writer's employer on the line above is no
         * venue, the day in a town is */
        {LINES("**Jane Doe** \xC2\xB7 Policy advisor Housing at Gemeente Zeist",
               "Back from a great day in Zierikzee! Last Friday I joined the network "
               "day of the association, and I met colleagues from many towns in the "
               "west of the country."),
         "2022-05-20", "Schouwen-Duiveland"},
    };
    expect_hosts(cases, sizeof cases / sizeof cases[0]);
}

/* The host in a table row labelled as the place, in a title that puts
 * marks between the meeting and the place, and in the second paragraph
 * after a dated byline (which is no paragraph of the opening). */
static void test_host_in_labels_titles_and_after_bylines(void **state)
{
    (void)state;
    report r;
    run(&r, "2014-06-12", NULL,
        LINES("# Verslag werkgroep", "**Bijeenkomst** | Kennisdag, middagsessie",
              "**Locatie** | De Hallen, Lochem (zaal 2)",
              "Brouwers opent de vergadering en dankt de gastvrije collega's voor de lunch."));
    expect_host(&r, "Lochem");
    done(&r);
    run(&r, "2016-11-14", NULL,
        LINES("# Mijn eerste kennisdag!! (Lochem, deel 1)",
              "Zo, daar ben ik weer. Het is alweer een tijdje geleden dat ik hier iets heb "
              "geschreven, want het traineeship is echt druk."));
    expect_host(&r, "Lochem");
    done(&r);
    run(&r, "2010-09-24", NULL,
        LINES("# Stageblog week 3",
              "geplaatst op vrijdag 24 september 2010 door Anouk de Groot (stagiaire Economische "
              "Zaken, gemeente Zutphen)",
              "Hoi allemaal, deze week geen verslagje van een vergadering maar van een hele "
              "dag op pad met mijn begeleider, en dat was best leuk.",
              "We gingen met de auto want met de trein ben je echt de hele dag onderweg, en "
              "de dag zelf was in Lochem, in een oude fabriek aan het water waar ik nog nooit "
              "was geweest, met een hele mooie zaal en heel veel koffie."));
    expect_host(&r, "Lochem");
    done(&r);
}

/* A report that does not say where it was has no host; a subject in a
 * headline, a participant joining from home, a speaker's municipality and
 * a journey are no host. */
static void test_no_host_without_a_cue(void **state)
{
    (void)state;
    const char *const *const cases[] = {
        LINES("# Vlissingen wil weer overleg met Middelburg en Veere",
              "Raadsleden spraken in augustus over de samenwerking op Walcheren."),
        LINES("# Webinar financien",
              "Ruim 150 raadsleden volgden het webinar. De voorzitter, die vanuit haar werkkamer "
              "in Heerenveen inbelde, opende de middag."),
        LINES("# Overleg AI", "Een informatiemanager in Woerden liet een chatbot zien."),
        LINES("# Treinreis", "Wie vanuit Sittard naar Heerlen rijdt, ziet de mijnstreek."),
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        report r;
        run(&r, "2022-09-01", NULL, cases[i]);
        if (r.d.host)
            fail_msg("case %zu: expected no host, got %s", i, r.d.host);
        done(&r);
    }
}

/* Front matter: a venue and a place, a former municipality in its year,
 * an online meeting (no host, no warning). */
static void test_front_matter_location(void **state)
{
    (void)state;
    report r;
    run(&r, "2018-06-15", "DRU Industriepark, Ulft", LINES("# Verslag", "Een dag."));
    expect_host(&r, "Oude IJsselstreek");
    done(&r);
    run(&r, "2022-09-29", "Boxmeer", LINES("# Verslag", "Een dag."));
    expect_host(&r, "Land van Cuijk");
    done(&r);
    run(&r, "2020-06-12", "online (Microsoft Teams)",
        LINES("# Verslag", "De gemeente Gouda nam de rol van gastheer op zich."));
    expect_host(&r, "Gouda");
    assert_string_equal(r.issue.message, "");
    done(&r);
    /* a town the report's year puts in a municipality formed that year */
    run(&r, "2018-10-05", "Hoogezand", LINES("# Verslag", "Een dag."));
    expect_host(&r, "Midden-Groningen");
    done(&r);
    run(&r, "2020-06-12", "Nergenshuizen aan Zee", LINES("# Verslag", "Een dag."));
    assert_string_equal(r.issue.message, "unknown municipality 'Nergenshuizen aan Zee'");
    done(&r);
}

/* The municipality that received the participants or organised the day,
 * named before the verb's object: "ontving Tiel de deelnemers",
 * "organiseerde de gemeente Tiel de eerste online dag". */
static void test_host_received_or_organised(void **state)
{
    (void)state;
    const char *const *cases[] = {
        LINES("# Gesprek met de organisator",
              "Op 3 maart 2016 ontving Tiel de deelnemers van het platform in de "
              "schouwburg. Vier weken later spraken wij de organisator."),
        LINES("# Vraaggesprek",
              "Op donderdag 3 maart 2016 organiseerde de gemeente Tiel de eerste volledig "
              "online dag van het platform, met deelnemers uit Culemborg en Buren."),
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        report r;
        run(&r, NULL, NULL, cases[i]);
        expect_host(&r, "Tiel");
        done(&r);
    }
    report r;
    /* the place first, the meeting after it in the sentence */
    run(&r, "2016-05-20", NULL,
        LINES("# Verslag", "Op het terrein van een zorginstelling in Tiel, in de oude kerkzaal "
              "van het voormalige ziekenhuis, vond op vrijdag 20 mei de voorjaarsbijeenkomst "
              "plaats. Thema: jongeren en werk."));
    expect_host(&r, "Tiel");
    done(&r);
    /* the council chamber, spelled with its linking s */
    run(&r, "2016-05-20", NULL,
        LINES("Notitie\nVan: een onderzoeker", "- Bijeenkomst in de voormalige raadszaal van "
              "Tiel. Vertegenwoordigers uit ca. tien gemeenten."));
    expect_host(&r, "Tiel");
    done(&r);
}

/* An invitation that looks back on the previous day is that day's report:
 * the place it looks back on hosts it, not the place announced in its
 * title or front matter. */
static void test_host_of_an_invitation_looking_back(void **state)
{
    (void)state;
    report r;
    run(&r, NULL, "Culemborg",
        LINES("Uitnodiging voorjaarsdag Culemborg \xE2\x80\x93 vrijdag 12 april 2019",
              "Graag nodigen wij u uit voor de voorjaarsdag op vrijdag 12 april 2019 in het "
              "stadhuis van Culemborg. Aanmelden kan tot 29 maart.",
              "Terugblik: Tiel, 9 november 2018\nDe vorige dag vond plaats in de schouwburg. "
              "De burgemeester heette zestig deelnemers uit Buren en Zaltbommel welkom."));
    expect_host(&r, "Tiel");
    done(&r);
    /* without a look-back the announced place is the host */
    run(&r, NULL, "Culemborg",
        LINES("Uitnodiging voorjaarsdag Culemborg \xE2\x80\x93 vrijdag 12 april 2019",
              "Graag nodigen wij u uit voor de voorjaarsdag op vrijdag 12 april 2019. "
              "Aanmelden kan tot 29 maart."));
    expect_host(&r, "Culemborg");
    done(&r);
}

/* A letter from the college to its council about the day "onze gemeente"
 * organised: the letter's municipality hosts it, not when "onze gemeente"
 * only took part; "was X gastgemeente" names the host. */
static void test_host_of_a_letter_from_the_host(void **state)
{
    (void)state;
    const host_case cases[] = {
        {LINES("**Raadsinformatiebrief**", "Gemeente Tiel\nCollege van burgemeester en wethouders",
                "Datum: 3 november 2016\nOnderwerp: terugblik themadag", "Geachte raadsleden,",
                "Met deze brief informeren wij u over de themadag van de vereniging, die onze "
                "gemeente op vrijdag 14 oktober jongstleden heeft georganiseerd in de schouwburg. "
                "Wij hadden u toegezegd u na afloop te informeren."),
         "2016-10-14", "Tiel"},
        /* a delegation of "onze gemeente" at someone else's day */
        {LINES("**Raadsinformatiebrief**", "Gemeente Tiel\nCollege van burgemeester en wethouders",
                "Datum: 3 november 2016\nOnderwerp: deelname aan de themadag", "Geachte raadsleden,",
                "Op 14 oktober jongstleden nam een delegatie van onze gemeente deel aan de themadag "
                "van de vereniging, die door een buurgemeente werd georganiseerd in haar "
                "schouwburg."),
         "2016-10-14", NULL},
        /* an opening that names the writer's municipality, then "bij ons" */
        {LINES("# Terugblik themadag",
               "*Anna Smit is communicatieadviseur bij de gemeente Tiel.*",
               "Vorige week vrijdag was de themadag van de vereniging bij ons in het stadhuis, "
               "met zeventig deelnemers uit de hele regio en een volle raadzaal."),
         "2016-10-14", "Tiel"},
        {LINES("Gemeente Tiel", "**Raadsinformatiebrief**",
                "Op vrijdag 14 oktober 2016 was Tiel gastgemeente voor de najaarsbijeenkomst van "
                "de vereniging. Met deze brief koppelen wij de uitkomsten aan u terug."),
         "2016-10-14", "Tiel"},
    };
    expect_hosts(cases, sizeof cases / sizeof cases[0]);
}

/* The host's mayor or alderman welcomes the participants or opens the day:
 * "de burgemeester van X opende", "Welkom door de X wethouder", "Wethouder
 * Jan Smit (X) heette iedereen welkom".  Not the chair of the association,
 * who opens every day wherever it is, nor an alderman opening a workshop. */
static void test_host_welcomed_by_its_office_holder(void **state)
{
    (void)state;
    const host_case cases[] = {
        {LINES("# Verslag commissie",
                "Aanwezig: de heer Jansen (voorzitter), mevrouw De Boer, de heer Smit.",
                "De wethouder doet verslag van de themadag van de vereniging van vorige week, met "
                "deelnemers uit Culemborg, Buren en Zaltbommel.",
                "Hij vertelt dat de burgemeester van Tiel, mevrouw Anna Prins, de dag heeft "
                "geopend met een pleidooi voor een veiligheidshuis in de regio."),
         "2019-05-24", "Tiel"},
        {LINES("# Liveblog themadag",
                "**09:30** \xE2\x80\x93 Welkom door de Tiel wethouder Piet Mulder (economie). Hij "
                "begint met een foto van de haven en een oud pakhuis aan de rivier.",
                "**09:45** \xE2\x80\x93 Aanwezig zijn mensen uit Culemborg, Buren en Zaltbommel."),
         "2019-05-24", "Tiel"},
        {LINES("# Verslag online themadag",
                "Het was de eerste keer dat de themadag volledig online werd gehouden, met "
                "zeventig deelnemers achter hun laptop.",
                "Burgemeester Joris Prins van Tiel opende vanuit de raadzaal: \"Normaal had ik u "
                "een rondleiding beloofd, nu krijgt u een achtergrondfoto.\""),
         "2019-05-24", "Tiel"},
        {LINES("# Verslag themadag",
                "De dag werd geopend door de voorzitter van de vereniging, Anna Prins, "
                "burgemeester van Tiel. Er waren zeventig deelnemers uit de hele regio."),
         "2019-05-24", NULL},
        {LINES("# Webinar financien",
                "Ruim honderd raadsleden volgden het webinar. Voorzitter A.B. Smit, burgemeester "
                "van Tiel, opende de bijeenkomst met een waarschuwing over de begroting."),
         "2019-05-24", NULL},
        {LINES("# Verslag themadag",
                "Na de lunch opende wethouder Piet Mulder van Tiel de workshop over de haven, "
                "met zeventig deelnemers uit de hele regio."),
         "2019-05-24", NULL},
    };
    expect_hosts(cases, sizeof cases / sizeof cases[0]);
}

/* A thread's hashtag is the place ("de #themadag in #Tiel"); a dateline
 * line under a transcript's heading names the place before the venue
 * ("Tiel, Theater Het Oude Pakhuis \xE2\x80\x93 vrijdag 8 juni 2012"); the
 * municipality that organised the day after a relative clause ("De
 * gemeente Tiel, die ..., organiseerde hem nu online"). */
static void test_host_in_threads_transcripts_and_clauses(void **state)
{
    (void)state;
    const host_case cases[] = {
        {LINES("Draadje van @AnnaBeleid (Anna Smit, beleidsadviseur gemeente Culemborg)",
               "1/6 Vandaag met collega's naar de #themadag in #Tiel. Thema: lege winkels en de "
               "vraag wat een stad nog trekt. Ik tweet mee."),
         "2018-06-14", "Tiel"},
        {LINES("Woordelijk verslag, panelgesprek \"Vast op de weg?\"\nThemadag van de vereniging\n"
               "Tiel, Theater Het Oude Pakhuis \xE2\x80\x93 vrijdag 8 juni 2012, 11.00-12.15 uur",
               "Gespreksleider: Bram Smit (journalist). Panelleden: wethouder Anna Prins "
               "(Culemborg), Piet Mulder (provincie)."),
         NULL, "Tiel"},
        {LINES("# Verslag online themadag",
               "Het was de eerste keer dat de dag volledig online werd gehouden. De gemeente "
               "Tiel, die de dag in maart in haar eigen stadhuis had zullen ontvangen, "
               "organiseerde hem nu via een videoverbinding vanuit de raadzaal."),
         "2020-05-28", "Tiel"},
    };
    expect_hosts(cases, sizeof cases / sizeof cases[0]);
}

/* A memo that looks back on several days: the place of a day its sentence
 * dates before the report's day is that other day's, not the host. */
static void test_host_of_the_day_among_others(void **state)
{
    (void)state;
    const host_case cases[] = {
        {LINES("BESTUURSNOTITIE", "Aan: het bestuur\nDatum: 2 mei 2014",
               "Het bestuur heeft gevraagd om een evaluatie van de laatste drie themadagen, met de "
               "nadruk op de meest recente bijeenkomst in Tiel.",
               "- Culemborg, 7 juni 2013 (de campus): thema economie. Goed bezocht.\n"
               "- Buren, 22 november 2013 (het dorpshuis): thema financien.\n"
               "- Tiel, 11 april 2014: zie hieronder."),
         "2014-04-11", "Tiel"},
        {LINES("Bestuursnotitie", "Datum: 22 maart 2021",
               "Sinds het voorjaar van 2020 zijn de themadagen online. Culemborg organiseerde op "
               "26 november 2020 de eerste online themadag, en op vrijdag 5 februari 2021 volgde "
               "de tweede, georganiseerd door Tiel."),
         "2021-02-05", "Tiel"},
    };
    expect_hosts(cases, sizeof cases / sizeof cases[0]);
}

/* A name in everyday use beside the official one (data/gemeenten.tsv
 * aliases) is the municipality, in the text and as the host; inside a
 * person's name it stays a surname. */
static void test_colloquial_names(void **state)
{
    (void)state;
    report r;
    run(&r, "2013-05-17", NULL,
        LINES("# Verslag", "De themadag vond dit voorjaar plaats in Gorkum, in het oude "
              "arsenaal aan de haven, met deelnemers uit Leerdam en Zaltbommel."));
    expect_host(&r, "Gorinchem");
    assert_true(has(&r, "Gorinchem"));
    done(&r);
    run(&r, "2013-05-17", NULL,
        LINES("# Verslag", "Deelnemers kwamen uit Leerdam en Zaltbommel. Anna van Gorcum "
              "(provincie) sprak over de dijken, en Van Gorcum bleef tot het eind."));
    assert_false(has(&r, "Gorinchem"));
    done(&r);
}

/* A municipality said to have stayed away took no part, though named
 * elsewhere in the report; its official's absence is not its own. */
static void test_absent_anywhere_in_the_report(void **state)
{
    (void)state;
    report r;
    run(&r, "2016-05-20", NULL,
        LINES("# Verslag netwerkdag wonen",
              "De netwerkdag vond plaats in het stadhuis van Zwolle. Er waren deelnemers "
              "uit Kampen, Deventer, Meppel en Hardenberg.",
              "Deventer was er, Zutphen had zich afgemeld. De gemeenten Almelo en Oldenzaal "
              "waren er niet bij.",
              "Zutphen liet eerder zien hoe het de binnenstad aanpakt; Almelo volgt.",
              "Wethouder Bram Jansen van Meppel, die een inleiding zou geven, was verhinderd."));
    expect_host(&r, "Zwolle");
    assert_true(has(&r, "Deventer"));
    assert_true(has(&r, "Kampen"));
    assert_true(has(&r, "Meppel"));
    assert_false(has(&r, "Zutphen"));
    assert_false(has(&r, "Almelo"));
    assert_false(has(&r, "Oldenzaal"));
    done(&r);
}

/* An absent label may follow a sentence on its line ("Deelnemers: ...
 * Afwezig: X, Y"); a section of links to other days ("## Zie ook", a
 * wiki's "== See also ==") names no municipality of this report. */
static void test_absent_label_and_links_to_other_days(void **state)
{
    (void)state;
    report r;
    run(&r, "2016-05-20", NULL,
        LINES("# Verslag netwerkdag wonen",
              "De netwerkdag vond plaats in het stadhuis van Zwolle.",
              "Deelnemers volgens de lijst: Kampen, Meppel. **Afwezig:** Zutphen, Almelo.",
              "# Zie ook", "[Netwerkdag Hardenberg 2014](hardenberg-2014.md)",
              "[Netwerkdag Oldenzaal 2015](oldenzaal-2015.md)", "# Bronnen",
              "Presentatie van de gemeente Dalfsen."));
    expect_host(&r, "Zwolle");
    assert_true(has(&r, "Kampen"));
    assert_true(has(&r, "Meppel"));
    assert_true(has(&r, "Dalfsen"));
    assert_false(has(&r, "Zutphen"));
    assert_false(has(&r, "Almelo"));
    assert_false(has(&r, "Hardenberg"));
    assert_false(has(&r, "Oldenzaal"));
    done(&r);
    run(&r, "2016-05-20", NULL,
        LINES("# Netwerkdag wonen",
              "De netwerkdag vond plaats in het stadhuis van Zwolle, met gasten uit Kampen.",
              "== See also ==\n* [[Netwerkdag Hardenberg 2014]]",
              "* [[Netwerkdag Oldenzaal 2015]]"));
    assert_true(has(&r, "Kampen"));
    assert_false(has(&r, "Hardenberg"));
    assert_false(has(&r, "Oldenzaal"));
    done(&r);
}

/* Places named as examples took no part ("noemde X en Y als voorbeelden",
 * "voorbeelden uit X"), nor a place proposed for a later day ("(voorstel:
 * X)") or whose meeting was cancelled ("werd geannuleerd"). */
static void test_places_named_as_examples(void **state)
{
    (void)state;
    report r;
    run(&r, "2016-05-20", NULL,
        LINES("# Verslag netwerkdag wonen",
              "De netwerkdag vond plaats in het stadhuis van Zwolle, met gasten uit Kampen.",
              "De spreker noemde Almere en Lelystad als voorbeelden van snelle groei.",
              "Zij had mooie voorbeelden uit Haarlem en Leiden.",
              "Het thema krimp verdient een eigen dag (voorstel: Winterswijk, najaar).",
              "De bijeenkomst van maart in Doetinchem werd geannuleerd; Zwolle nam het over."));
    expect_host(&r, "Zwolle");
    assert_true(has(&r, "Kampen"));
    expect_none(&r, LINES("Almere", "Lelystad", "Haarlem", "Leiden", "Winterswijk",
                          "Doetinchem"));
    done(&r);
}

/* A municipality named as the new one before its merger took no part
 * yet; after the merger it is the municipality. */
static void test_new_municipality_before_its_merger(void **state)
{
    (void)state;
    const char *const *lines = LINES(
        "# Netwerkdag in Veghel",
        "De netwerkdag vond plaats in het gemeentehuis van Veghel, met gasten uit Uden.",
        "Schijndel gaat binnenkort op in de nieuwe gemeente Meierijstad.");
    report r;
    run(&r, "2016-06-09", NULL, lines);
    assert_true(has(&r, "Uden"));
    expect_none(&r, LINES("Meierijstad"));
    done(&r);
    run(&r, "2018-06-07", NULL,
        LINES("# Netwerkdag in Veghel",
              "Gasten uit Uden kwamen naar de nieuwe gemeente Meierijstad."));
    assert_true(has(&r, "Meierijstad"));
    done(&r);
}

/* A section over a later day ("## Vooruitblik: X, 12 maart", "### 5.
 * Volgende bijeenkomst") names that day's places, not this report's; the
 * next heading ends it. */
static void test_section_over_a_later_day(void **state)
{
    (void)state;
    report r;
    run(&r, "2016-05-20", NULL,
        LINES("# Verslag netwerkdag wonen",
              "De netwerkdag vond plaats in het stadhuis van Zwolle, met gasten uit Kampen.",
              "# Vooruitblik: Hardenberg, najaar",
              "Ommen en Dalfsen willen graag gastheer zijn van een dag over de dorpen.",
              "# 5. Volgende bijeenkomst", "Die is in Raalte.",
              "# Presentaties", "De presentatie van de gemeente Staphorst staat online."));
    expect_host(&r, "Zwolle");
    assert_true(has(&r, "Kampen"));
    assert_true(has(&r, "Staphorst"));
    expect_none(&r, LINES("Hardenberg", "Ommen", "Dalfsen", "Raalte"));
    done(&r);
}

/* A place whose clause dates it more than a week after the report's day
 * is a later meeting's ("De najaarsdag is op vrijdag 4 november in X"), not
 * a participant; one dated on the day is. */
static void test_place_of_a_later_day(void **state)
{
    (void)state;
    report r;
    run(&r, "2016-05-20", NULL,
        LINES("# Verslag netwerkdag wonen",
              "De netwerkdag van vrijdag 20 mei vond plaats in het stadhuis van Zwolle, met "
              "gasten uit Kampen.",
              "De najaarsdag is op vrijdag 4 november in Hardenberg, over de dorpen."));
    expect_host(&r, "Zwolle");
    assert_true(has(&r, "Kampen"));
    assert_false(has(&r, "Hardenberg"));
    done(&r);
}

/* "X-buur Y" names X only to place its neighbour Y, which the name
 * supports though Y is a speaker's surname too; an institution carrying a
 * place's name ("TU Delft", "Hogeschool Windesheim Zwolle") is not the
 * municipality taking part. */
static void test_neighbours_and_institutions(void **state)
{
    (void)state;
    report r;
    run(&r, "2017-10-06", NULL,   /* Haren joined Groningen in 2019 */
        LINES("# Verslag netwerkdag energie",
              "De netwerkdag vond plaats in het stadhuis van Hengelo. Er waren deelnemers "
              "uit Almelo, Enschede-buur Oldenzaal en Groningen-buurgemeente Haren.",
              "Kees Haren vertelde over de warmtenetten.",
              "Daarna sprak dr. Ans de Vries van de TU Delft, en lector Piet Smit van "
              "Hogeschool Windesheim Zwolle gaf een workshop."));
    expect_host(&r, "Hengelo (O.)");
    assert_true(has(&r, "Almelo"));
    assert_true(has(&r, "Oldenzaal"));
    assert_true(has(&r, "Haren"));
    assert_false(has(&r, "Enschede"));
    assert_false(has(&r, "Groningen"));
    assert_false(has(&r, "Delft"));
    assert_false(has(&r, "Zwolle"));
    done(&r);
}

/* Places people leave for ("jongeren vertrekken naar X", "gaan studeren in
 * X"), places a speaker compares with ("vergeleek X met Y", "compared it to
 * the X approach") and places a sentence denies ("hij werkt niet in X")
 * took no part; "niet alleen in X" affirms X. */
static void test_places_left_for_compared_or_denied(void **state)
{
    (void)state;
    report r;
    run(&r, "2015-03-12", NULL,
        LINES("# Kennisdag krimp",
              "De kennisdag vond plaats in het stadhuis van Meppel. Er waren deelnemers uit "
              "Steenwijkerland, Westerveld en Hoogeveen.",
              "Onze jongeren vertrekken naar Keulen, Leiden of Delft en komen niet terug.",
              "Veel studenten gaan studeren in Maastricht of Tilburg.",
              "Spreker Anja Dalfsen vergeleek Meppel met Apeldoorn en Ede.",
              "In the afternoon they compared this to the Almere approach.",
              "Anja Dalfsen werkt trouwens niet in Dalfsen, zei ze.",
              "Het probleem speelt niet alleen in Hoogeveen."));
    expect_host(&r, "Meppel");
    assert_true(has(&r, "Steenwijkerland"));
    assert_true(has(&r, "Westerveld"));
    assert_true(has(&r, "Hoogeveen"));
    expect_none(&r, LINES("Leiden", "Delft", "Maastricht", "Tilburg", "Apeldoorn", "Ede",
                          "Almere", "Dalfsen"));
    done(&r);
}

/* Absence said in other words: "had afgezegd", "meldden zich af", "was er
 * niet.", "niet bij kon zijn", "kwam niemand", "geen enkele
 * vertegenwoordiger uit X of Y", a label of several words ("Afwezig met
 * bericht: X") after a sentence on its line. */
static void test_absence_in_prose(void **state)
{
    (void)state;
    report r;
    run(&r, "2015-03-12", NULL,
        LINES("# Verslag netwerkdag",
              "De netwerkdag vond plaats in het stadhuis van Meppel. Er waren deelnemers uit "
              "Steenwijkerland, Westerveld, Hoogeveen, Coevorden, Emmen, Assen, Tynaarlo, "
              "Midden-Drenthe, Aa en Hunze, Borger-Odoorn en De Wolden.",
              "Coevorden heeft vanochtend afgezegd. Emmen en Assen waren uitgenodigd maar "
              "meldden zich af. Tynaarlo was er niet.",
              "Jammer dat Midden-Drenthe er niet bij kon zijn. Uit Aa en Hunze kwam niemand.",
              "Er was geen enkele vertegenwoordiger uit Borger-Odoorn of De Wolden.",
              "Gemeenten volgens de lijst: Hoogeveen. Afwezig met bericht: Zwartewaterland.",
              "Wie ontbrak er? Ommen en Hardenberg, de buren, lieten verstek gaan."));
    expect_host(&r, "Meppel");
    assert_true(has(&r, "Steenwijkerland"));
    assert_true(has(&r, "Westerveld"));
    assert_true(has(&r, "Hoogeveen"));
    expect_none(&r, LINES("Coevorden", "Emmen", "Assen", "Tynaarlo", "Midden-Drenthe",
                          "Aa en Hunze", "Borger-Odoorn", "De Wolden", "Zwartewaterland",
                          "Ommen", "Hardenberg"));
    done(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_place_is_its_municipality),
        cmocka_unit_test(test_place_in_its_year),
        cmocka_unit_test(test_place_not_known_before_merger),
        cmocka_unit_test(test_shared_names_and_suffixes),
        cmocka_unit_test(test_regions_provinces_institutions),
        cmocka_unit_test(test_surnames),
        cmocka_unit_test(test_speaker_surname_comes_back),
        cmocka_unit_test(test_full_names),
        cmocka_unit_test(test_next_meeting_travel_government),
        cmocka_unit_test(test_the_seat_of_government),
        cmocka_unit_test(test_stops_of_a_journey),
        cmocka_unit_test(test_section_over_a_later_day),
        cmocka_unit_test(test_places_named_as_examples),
        cmocka_unit_test(test_new_municipality_before_its_merger),
        cmocka_unit_test(test_absentees),
        cmocka_unit_test(test_mentioned_not_present),
        cmocka_unit_test(test_host_cues),
        cmocka_unit_test(test_host_of_a_blog),
        cmocka_unit_test(test_host_of_the_meeting_placed_in_its_clause),
        cmocka_unit_test(test_host_under_mail_headers),
        cmocka_unit_test(test_host_in_a_title_of_a_two_day_meeting),
        cmocka_unit_test(test_host_in_labels_titles_and_after_bylines),
        cmocka_unit_test(test_no_host_without_a_cue),
        cmocka_unit_test(test_front_matter_location),
        cmocka_unit_test(test_host_received_or_organised),
        cmocka_unit_test(test_host_of_an_invitation_looking_back),
        cmocka_unit_test(test_host_of_a_letter_from_the_host),
        cmocka_unit_test(test_host_welcomed_by_its_office_holder),
        cmocka_unit_test(test_host_in_threads_transcripts_and_clauses),
        cmocka_unit_test(test_host_of_the_day_among_others),
        cmocka_unit_test(test_colloquial_names),
        cmocka_unit_test(test_absent_anywhere_in_the_report),
        cmocka_unit_test(test_absent_label_and_links_to_other_days),
        cmocka_unit_test(test_place_of_a_later_day),
        cmocka_unit_test(test_neighbours_and_institutions),
        cmocka_unit_test(test_host_of_letters_lists_and_infoboxes),
        cmocka_unit_test(test_places_left_for_compared_or_denied),
        cmocka_unit_test(test_absence_in_prose),
    };
    return cmocka_run_group_tests(tests, load_data, free_data);
}
