/*
 * Unit tests of the facet extractors (indexer/extract*.c).  Reports are
 * built block by block with vp_parsed_add_block, the way markdown.c hands
 * them over, and the real data files (VP_DATA_DIR) supply the gazetteer and
 * the themes.
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
#include "extract_data.h"
#include "speaker_words.h"

/* ---- building reports ---- */

/* One block per string; "# " makes a heading, "- " a list item, "| " a table
 * row, "!" a pseudo heading; anything else a paragraph. */
static void build(vp_parsed *p, const char *const *lines)
{
    vp_parsed_init(p);
    for (int i = 0; lines[i]; i++) {
        const char *s = lines[i];
        vp_block_kind kind = VP_BLOCK_PARAGRAPH;
        int level = 0;
        bool pseudo = false;
        if (strncmp(s, "# ", 2) == 0) {
            kind = VP_BLOCK_HEADING;
            level = 1;
            s += 2;
        } else if (strncmp(s, "## ", 3) == 0) {
            kind = VP_BLOCK_HEADING;
            level = 2;
            s += 3;
        } else if (strncmp(s, "- ", 2) == 0) {
            kind = VP_BLOCK_ITEM;
            s += 2;
        } else if (strncmp(s, "| ", 2) == 0) {
            kind = VP_BLOCK_TABLE_ROW;
            s += 2;
        } else if (s[0] == '!') {
            pseudo = true;
            s += 1;
        }
        assert_true(vp_parsed_add_block(p, kind, level, pseudo, 10 + i, s));
    }
}

typedef struct report {
    vp_parsed p;
    vp_document d;
    vp_extract_issue issue;
} report;

static void run(report *r, const char *const *lines)
{
    build(&r->p, lines);
    vp_document_init(&r->d);
    memset(&r->issue, 0, sizeof r->issue);
    vp_extract_ctx ctx = vp_test_data;
    vp_extract_all(&ctx, &r->p, &r->d, &r->issue);
}

static void done(report *r)
{
    vp_document_clear(&r->d);
    vp_parsed_clear(&r->p);
}

static bool has_place(const report *r, const char *name)
{
    for (size_t i = 0; i < r->d.municipalities.len; i++)
        if (strcmp(r->d.municipalities.items[i], name) == 0)
            return true;
    return false;
}

static const vp_speaker *speaker(const report *r, const char *name)
{
    for (size_t i = 0; i < r->d.n_speakers; i++)
        if (strcmp(r->d.speakers[i].name, name) == 0)
            return &r->d.speakers[i];
    return NULL;
}

static void assert_list(const vp_strvec *v, const char *const *want)
{
    size_t n = 0;
    while (want[n])
        n++;
    for (size_t i = 0; i < v->len && i < n; i++)
        assert_string_equal(v->items[i], want[i]);
    assert_int_equal(v->len, n);
}

/* ---- the seed report ---- */

static const char *const SEED[] = {
    "# Impressie Kennis- en Netwerkdag 21 april 2017 Gorinchem",
    "Middelgrote steden staan voor een aantal grote uitdagingen en ingewikkelde vraagstukken. Om meer inzicht te krijgen in de verschillende uitgangsposities en handelingsperspectieven van middelgrote steden heeft Platform31 het afgelopen jaar nieuw onderzoek gedaan. Hierbij zijn kwantitatieve analyses gemaakt van hoe gemeenten ervoor staan op het gebied van demografie, economie & arbeidsmarkt en woon- & leefomgeving. Voeding voor de coalitieprogramma's van 2018-2022! Op vrijdag 21 april presenteerde Platform 31 de resultaten van het onderzoek tijdens de PMG kennis- en netwerkconferentie \"Maak uw gemeente sterker!\" in Gorinchem.",
    "Na een welkom door burgemeester Govert Veldhuijzen van gastgemeente Gorinchem gaf PMG voorzitter Koos Janssen de aftrap voor de bijeenkomst. Er waren vertegenwoordigers uit 14 gemeenten, te weten: Coevorden, Etten-Leur, Gorinchem, Leidschendam-Voorburg, Meierijstad, Nieuwegein, Oosterhout, Peel en Maas, Pijnacker-Nootdorp, Veenendaal, Vlissingen, Waalwijk en Zeist.",
    "Ter inleiding presenteerden Marloes Hoogerbrugge en Koos van Dijken van Platform31 het rapport \"Naar een strategie voor middelgrote stad\u201d. Ze brachten  de uitgangspositie(s) van verschillende soorten middelgrote steden in beeld aan de hand van cijfers.",
    "Platform31 heeft alle  gemeenten (die bij de start van het onderzoek) PMG-lid waren meegenomen in het onderzoek.",
    "Na dit plenaire gedeelte gingen de aanwezigen uiteen voor een blok van 2x 2 workshops:",
    "## Eerste ronde workshops",
    "!A. CONCEPT BINNENSTAD",
    "Mariska Kastelic (Leidschendam-Voorburg) en Arjan Raatgever (Platform31)",
    "De binnensteden van middelgrote gemeenten schreeuwen om nieuwe concepten en diensten om hun functie voor bezoekers te verbreden. Tijdens de co creatieve concept-ontwikkelingsaanpak van Concept Binnenstad zijn nieuwe inzichten ontwikkelt om de binnenstad te versterken. In de workshop hebben projectleider Arjan Raatgever en strategische adviseur Mariska Kastelic (de aanwezigen meegenomen in het project Concept Binnenstad.",
    "!B. ORGANISEREN VAN NETWERKKRACHT IN DE REGIO UTRECHT",
    "Peter Smit (U10), Frans Backhuys (Nieuwegein), Joost van Hoorn (Platform31)",
    "De toekomst van middelgrote steden is meer dan ooit verbonden met hun positie in de regio. Tijdens de workshop vertelden Peter Smit (U10) en burgemeester Backhuys (Nieuwegein) over de manier waarop de regionale samenwerking in de regio Utrecht is georganiseerd. Zij gingen in op de kracht van de lichtvoetige samenwerking van de U10.",
    "## Tweede ronde workshops",
    "!C. VERSTERKEN ECONOMISCHE KRACHT IN ROERMOND",
    "Joost Engels (Roermond) en Marloes Hoogerbrugge (Platform31)",
    "Om de regionale economie te versterken kunnen middelgrote gemeenten aan kracht winnen door een duidelijke focus te kiezen. Roermond heeft duidelijke keuzes gemaakt en plukt daar nu de vruchten van. In de workshop is het verhaal van Roermond uitvoerig besproken.",
    "!D. ORGANISEREN EN BENUTTEN VAN LOKALE KRACHT IN PEEL EN MAAS",
    "Geert Schmitz (Peel en Maas) en Joost van Hoorn (Platform31)",
    "Voor middelgrote gemeenten ligt er de uitdaging om optimaal gebruik te maken van de aanwezige sociale kracht in de samenleving. De gemeente Peel en Maas liet in deze workshop zien hoe gemeenten er de laatste jaren een aanvullende rol bij hebben gekregen.",
    "!AFSLUITING",
    "Na de laatste twee workshops komen de aanwezigen weer bijeen voor het afsluitende gedeelte door Koos Janssen en Hamit Karakus, directeur Platform31. De heren Janssen en Karakus staan stil bij het partnerschap tussen het PMG en Platform31.",
    "Zowel het rapport \"Naar een strategie voor middelgrote stad\u201d als de presentaties zijn terug te vinden op onze website www.middelgrotegemeenten.nl.",
    NULL,
};

static void test_seed_report(void **state)
{
    (void)state;
    report r;
    run(&r, SEED);
    assert_string_equal(r.d.title,
                        "Impressie Kennis- en Netwerkdag 21 april 2017 Gorinchem");
    assert_string_equal(r.d.date, "2017-04-21");
    assert_string_equal(r.d.host, "Gorinchem");
    static const char *const places[] = {
        "Coevorden", "Etten-Leur", "Gorinchem", "Leidschendam-Voorburg",
        "Meierijstad", "Nieuwegein", "Oosterhout", "Peel en Maas",
        "Pijnacker-Nootdorp", "Roermond", "Veenendaal", "Vlissingen",
        "Waalwijk", "Zeist", NULL,
    };
    assert_list(&r.d.municipalities, places);
    static const char *const names[] = {
        "Arjan Raatgever", "Frans Backhuys", "Geert Schmitz",
        "Govert Veldhuijzen", "Hamit Karakus", "Joost Engels", "Joost van Hoorn",
        "Koos Janssen", "Koos van Dijken", "Mariska Kastelic",
        "Marloes Hoogerbrugge", "Peter Smit", NULL,
    };
    size_t n = 0;
    while (names[n])
        n++;
    for (size_t i = 0; i < r.d.n_speakers && i < n; i++)
        assert_string_equal(r.d.speakers[i].name, names[i]);
    assert_int_equal(r.d.n_speakers, n);
    /* organisation and role as the report writes them */
    assert_string_equal(speaker(&r, "Hamit Karakus")->organisation, "Platform31");
    assert_string_equal(speaker(&r, "Hamit Karakus")->role, "directeur");
    assert_string_equal(speaker(&r, "Govert Veldhuijzen")->role, "burgemeester");
    assert_string_equal(speaker(&r, "Govert Veldhuijzen")->organisation, "Gorinchem");
    assert_string_equal(speaker(&r, "Koos van Dijken")->organisation, "Platform31");
    assert_string_equal(speaker(&r, "Frans Backhuys")->role, "burgemeester");
    assert_string_equal(speaker(&r, "Koos Janssen")->role, "voorzitter");
    assert_string_equal(r.issue.message, "");
    done(&r);
}

/* ---- places ---- */

static void test_places_provinces_and_regions_not_counted(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "# Verslag",
        "De provincie Utrecht en de regio Groningen werken samen met de metropoolregio Eindhoven. Ook de provincie Groningen was er.",
        NULL,
    };
    report r;
    run(&r, lines);
    assert_int_equal(r.d.municipalities.len, 0);
    done(&r);
}

static void test_places_lists_and_multiword_names(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "# Verslag",
        "Er waren vertegenwoordigers uit Peel en Maas, Bergen op Zoom, Waalwijk en Zeist.",
        NULL,
    };
    report r;
    run(&r, lines);
    static const char *const want[] = {"Bergen op Zoom", "Peel en Maas",
                                       "Waalwijk", "Zeist", NULL};
    assert_list(&r.d.municipalities, want);
    done(&r);
}

static void test_places_alias_and_accents(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "# Verslag",
        "Wethouders uit Den Bosch en Sudwest-Fryslan spraken over de binnenstad.",
        NULL,
    };
    report r;
    run(&r, lines);
    static const char *const want[] = {"'s-Hertogenbosch", "Súdwest-Fryslân", NULL};
    assert_list(&r.d.municipalities, want);
    done(&r);
}

static void test_places_former_municipality_kept(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "# Kennisdag 10 juni 2016",
        "Wethouder Jan de Boer uit Veghel vertelde over de fusie.",
        NULL,
    };
    report r;
    run(&r, lines);
    static const char *const want[] = {"Veghel", NULL};
    assert_list(&r.d.municipalities, want);
    done(&r);
}

static void test_places_person_names_not_counted(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "# Verslag",
        "Daarna vertelde Joost van Hoorn over zijn onderzoek. Best practices kwamen aan bod.",
        NULL,
    };
    report r;
    run(&r, lines);
    assert_int_equal(r.d.municipalities.len, 0);
    done(&r);
}

static void test_places_ambiguous_needs_context(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "# Verslag",
        "Het was de best bezochte dag. Best was het er niet. De gemeente Best wel, en ook Dongen (Dongen).",
        NULL,
    };
    report r;
    run(&r, lines);
    static const char *const want[] = {"Best", "Dongen", NULL};
    assert_list(&r.d.municipalities, want);
    done(&r);
}

static void test_places_front_matter_host_with_more_words(void **state)
{
    (void)state;
    static const char *const lines[] = {"# Kennisdag", "Een dag over wonen.", NULL};
    const char *hosts[][2] = {{"online (vanuit Oss)", "Oss"},
                              {"Purmerend, Stadhuis", "Purmerend"},
                              {"gemeente Den Bosch", "'s-Hertogenbosch"}};
    for (size_t i = 0; i < sizeof hosts / sizeof *hosts; i++) {
        report r;
        build(&r.p, lines);
        r.p.fm.host = strdup(hosts[i][0]);
        vp_document_init(&r.d);
        memset(&r.issue, 0, sizeof r.issue);
        vp_extract_ctx ctx = vp_test_data;
        vp_extract_all(&ctx, &r.p, &r.d, &r.issue);
        assert_string_equal(r.d.host, hosts[i][1]);
        assert_string_equal(r.issue.message, "");
        done(&r);
    }
    report r;
    build(&r.p, lines);
    r.p.fm.host = strdup("Nergensdorp");
    vp_document_init(&r.d);
    memset(&r.issue, 0, sizeof r.issue);
    vp_extract_ctx ctx = vp_test_data;
    vp_extract_all(&ctx, &r.p, &r.d, &r.issue);
    assert_null(r.d.host);
    assert_string_equal(r.issue.message, "unknown municipality 'Nergensdorp'");
    done(&r);
}

static void test_places_host_from_guest_municipality(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "# Kennisdag wonen",
        "Na een welkom door burgemeester Jan Jansen van gastgemeente Amersfoort spraken sprekers uit Ede en Zwolle.",
        NULL,
    };
    report r;
    run(&r, lines);
    assert_string_equal(r.d.host, "Amersfoort");
    assert_true(has_place(&r, "Amersfoort"));
    done(&r);
}

static void test_places_front_matter_wins(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "# Verslag",
        "Sprekers uit Zwolle en Deventer.",
        NULL,
    };
    report r;
    build(&r.p, lines);
    r.p.fm.present = true;
    vp_strvec_push(&r.p.fm.municipalities, "Den Bosch");
    vp_strvec_push(&r.p.fm.municipalities, "Atlantis");
    r.p.fm.host = strdup("Den Haag");
    vp_document_init(&r.d);
    memset(&r.issue, 0, sizeof r.issue);
    vp_extract_ctx ctx = vp_test_data;
    vp_extract_all(&ctx, &r.p, &r.d, &r.issue);
    static const char *const want[] = {"'s-Gravenhage", "'s-Hertogenbosch", NULL};
    assert_list(&r.d.municipalities, want);
    assert_string_equal(r.d.host, "'s-Gravenhage");
    assert_string_equal(r.issue.message, "unknown municipality 'Atlantis'");
    done(&r);
}

/* ---- speakers ---- */

static void test_speakers_initials_merged(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "# Verslag",
        "De opening was door M. Hoogerbrugge (Platform31).",
        "Daarna presenteerde Marloes Hoogerbrugge het onderzoek.",
        NULL,
    };
    report r;
    run(&r, lines);
    assert_int_equal(r.d.n_speakers, 1);
    assert_string_equal(r.d.speakers[0].name, "Marloes Hoogerbrugge");
    assert_string_equal(r.d.speakers[0].organisation, "Platform31");
    done(&r);
}

static void test_speakers_particles_and_initials(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "# Verslag",
        "Sprekers waren Hendrik van der Veen (provincie Drenthe), J.P. de Vries (Platform31) en Wouter van 't Hof (Fryske Akademy).",
        "Annelies van den Bosch, wethouder Hoorn, sloot de dag af.",
        NULL,
    };
    report r;
    run(&r, lines);
    assert_non_null(speaker(&r, "Hendrik van der Veen"));
    assert_string_equal(speaker(&r, "Hendrik van der Veen")->organisation,
                        "provincie Drenthe");
    assert_non_null(speaker(&r, "J.P. de Vries"));
    assert_non_null(speaker(&r, "Wouter van 't Hof"));
    assert_non_null(speaker(&r, "Annelies van den Bosch"));
    assert_string_equal(speaker(&r, "Annelies van den Bosch")->role, "wethouder");
    assert_int_equal(r.d.n_speakers, 4);
    done(&r);
}

static void test_speakers_attendees_excluded(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "# Verslag",
        "Aanwezig waren onder anderen Piet Pietersen (Gouda) en Klaas Klaassen (Delft).",
        "Onder de aanwezigen ook wethouder Jan Vos.",
        "## Deelnemers",
        "- Anna Bakker (Zwolle)",
        "- Bert Smits (Ede)",
        "## Programma",
        "Karin Mulder (Platform31) opende de dag.",
        NULL,
    };
    report r;
    run(&r, lines);
    assert_int_equal(r.d.n_speakers, 1);
    assert_string_equal(r.d.speakers[0].name, "Karin Mulder");
    done(&r);
}

/* Academic titles are no part of a name, so "Dr. P. Sluis" is the same
 * person as "Pieter Sluis" (not initials "Dr. P."). */
static void test_speakers_titles_stripped(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "# Verslag",
        "Dr. P. Sluis (Universiteit Leiden) presenteerde het onderzoek.",
        "Later sprak Pieter Sluis nog over de provincie.",
        "Prof. dr. ir. Karel de Wit gaf een lezing. Mr. drs. Anna Bakker, directeur van Platform31, sloot af.",
        "Th. Jansen (Platform31) opende de dag.",
        NULL,
    };
    report r;
    run(&r, lines);
    assert_non_null(speaker(&r, "Pieter Sluis"));
    assert_string_equal(speaker(&r, "Pieter Sluis")->organisation, "Universiteit Leiden");
    assert_non_null(speaker(&r, "Karel de Wit"));
    assert_non_null(speaker(&r, "Anna Bakker"));
    assert_non_null(speaker(&r, "Th. Jansen"));   /* Th. stays an initial */
    assert_int_equal(r.d.n_speakers, 4);
    done(&r);
}

/* People who only listen, watch or follow online are not speakers. */
static void test_speakers_listeners_excluded(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "# Verslag",
        "Karin Mulder (Platform31) opende de dag.",
        "Wethouder Peter Smeets luisterde aandachtig mee.",
        "Hendrik de Jonge zat in de zaal.",
        "Jan Veere hoorde het allemaal aan.",
        "Gedeputeerde Yvonne Coenen volgde de middag online.",
        "Vanuit de zaal vroeg Tom Dekker naar de kosten.",
        NULL,
    };
    report r;
    run(&r, lines);
    assert_int_equal(r.d.n_speakers, 1);
    assert_string_equal(r.d.speakers[0].name, "Karin Mulder");
    done(&r);
}

static void test_speakers_mentions_and_pseudo_names(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "# Verslag",
        "Het project Concept Binnenstad liep goed. Het concept van de binnenstad werkt.",
        "De Kennis- en Netwerkdag werd door Platform31 georganiseerd.",
        "Daarna vertelde Roermond over de aanpak.",
        NULL,
    };
    report r;
    run(&r, lines);
    assert_int_equal(r.d.n_speakers, 0);
    done(&r);
}

static void test_speakers_table_column(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "# Programma",
        "| Tijd | Onderwerp | Spreker",
        "| 10.00 | Opening | burgemeester Govert Veldhuijzen (Gorinchem)",
        "| 10.30 | Onderzoek | Marloes Hoogerbrugge en Koos van Dijken (Platform31)",
        NULL,
    };
    report r;
    run(&r, lines);
    assert_int_equal(r.d.n_speakers, 3);
    assert_string_equal(speaker(&r, "Govert Veldhuijzen")->role, "burgemeester");
    assert_string_equal(speaker(&r, "Govert Veldhuijzen")->organisation, "Gorinchem");
    assert_non_null(speaker(&r, "Koos van Dijken"));
    done(&r);
}

static void test_speakers_bullet_list(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "# Verslag",
        "## Sprekers",
        "- Sanne de Wit, programmamanager Platform31",
        "- Tim Hoekman - gemeente Amersfoort",
        NULL,
    };
    report r;
    run(&r, lines);
    assert_int_equal(r.d.n_speakers, 2);
    assert_string_equal(speaker(&r, "Sanne de Wit")->role, "programmamanager");
    assert_string_equal(speaker(&r, "Sanne de Wit")->organisation, "Platform31");
    assert_string_equal(speaker(&r, "Tim Hoekman")->organisation, "gemeente Amersfoort");
    done(&r);
}

/* The names speakers are stored under: the whole list, in order. */
static void assert_speakers(const report *r, const char *const *names)
{
    size_t n = 0;
    for (; names[n]; n++) {
        if (n >= r->d.n_speakers)
            fail_msg("missing speaker %s", names[n]);
        assert_string_equal(r->d.speakers[n].name, names[n]);
    }
    if (r->d.n_speakers != n)
        fail_msg("%zu speakers, the first extra one %s", r->d.n_speakers,
                 r->d.speakers[n].name);
}

/* English and German roles are roles, not given names. */
static void test_speakers_english_roles(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "# Study day",
        "Alderman Joost Hamelink (Almere) opened the day. Councillor Ilse Mertens "
        "explained the plan, and Deputy Mayor Ruud Kalkman closed.",
        "Bürgermeister Uwe Lensing (Kleve) described the German side.",
        NULL,
    };
    report r;
    run(&r, lines);
    static const char *const want[] = {"Ilse Mertens", "Joost Hamelink", "Ruud Kalkman",
                                       "Uwe Lensing", NULL};
    assert_speakers(&r, want);
    assert_string_equal(speaker(&r, "Joost Hamelink")->role, "alderman");
    assert_string_equal(speaker(&r, "Joost Hamelink")->organisation, "Almere");
    done(&r);
}

/* A span with an organisation word is never a person, in either language. */
static void test_speakers_organisations_are_no_persons(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "# Study day",
        "Dr. Maaike Roest of the Regional Innovation Centre presented the figures.",
        "The Netherlands Association of Municipalities presented its agenda.",
        "Namens Stichting Groene Kracht sprak Tijmen Ros.",
        NULL,
    };
    report r;
    run(&r, lines);
    static const char *const want[] = {"Maaike Roest", "Tijmen Ros", NULL};
    assert_speakers(&r, want);
    done(&r);
}

/* "Van Amstel" on its own is the surname of the full name in the report; a
 * particle written with a capital inside a name is still a particle. */
static void test_speakers_surname_with_particle(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "# Verslag",
        "Jeroen van Amstel (Vitens) vertelde over drinkwater. Van Amstel liet zien "
        "hoe de vraag groeit.",
        "Daarna opende Anna Van der Linden (Platform31) de middag.",
        NULL,
    };
    report r;
    run(&r, lines);
    static const char *const want[] = {"Anna van der Linden", "Jeroen van Amstel", NULL};
    assert_speakers(&r, want);
    done(&r);
}

/* "van X" after two capitalised words: the organisation or place, unless
 * the report writes "Van X" as a surname. */
static void test_speakers_van_after_given_names(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "# Verslag",
        "Wethouder Hendrik Jan van Terborg opende de dag. Van Terborg vertelde over "
        "de dorpen.",
        "Daarna sprak Frans Bakkum van Zwolle over het spoor.",
        "Tot slot presenteerde Greet Hoving van het Drents Museum de plannen.",
        NULL,
    };
    report r;
    run(&r, lines);
    static const char *const want[] = {"Frans Bakkum", "Greet Hoving", "Hendrik Jan van Terborg",
                                       NULL};
    assert_speakers(&r, want);
    assert_string_equal(speaker(&r, "Frans Bakkum")->organisation, "Zwolle");
    done(&r);
}

/* A name never runs over a line break; "Mw." is an honorific, not initials. */
static void test_speakers_lines_and_honorifics(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "# Notulen",
        "5b. Woningbouw in de Achterhoek\nMarleen Dijkhof (Winterswijk) vertelt over "
        "de plannen.\nMw. Dijkhof (Winterswijk) licht de cijfers toe.",
        NULL,
    };
    report r;
    run(&r, lines);
    static const char *const want[] = {"Marleen Dijkhof", NULL};
    assert_speakers(&r, want);
    done(&r);
}

/* Minutes: the attendee list only spells names; the one who presents
 * under a numbered item speaks; an action table names no speakers. */
static void test_speakers_minutes(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "# Notulen",
        "Datum: 3 maart 2016\nVoorzitter: Harm Teunis",
        "Aanwezig:\nG. Brinkhuis (Oldenzaal)\nT. Wessels (Almelo)",
        "3. Regionale inkoop (presentatie Gijs Brinkhuis, Oldenzaal)",
        "Dhr. Brinkhuis licht de cijfers toe. Dhr. Wessels (Almelo) vraagt naar de kosten.",
        "4. Open data (Nienke Bolt, KING)",
        "| nr | actie | wie | wanneer",
        "| 1 | Cijfers rondsturen | Brinkhuis, Wessels | z.s.m.",
        NULL,
    };
    report r;
    run(&r, lines);
    static const char *const want[] = {"Gijs Brinkhuis", "Harm Teunis", "Nienke Bolt", NULL};
    assert_speakers(&r, want);
    assert_string_equal(speaker(&r, "Nienke Bolt")->organisation, "KING");
    done(&r);
}

/* Absent, a successor, thanked: not speakers, even when the programme
 * lists them; "beschreef" is no "schreef". */
static void test_speakers_who_did_not_speak(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "# Verslag",
        "| Tijd | Onderdeel | Spreker",
        "| 10.00 | Panel | wethouder Lotte Vermeulen (Tiel), Bas Hoefnagel (Culemborg)",
        "Wethouder Vermeulen moest helaas afzeggen; Bas Hoefnagel nam haar deel over.",
        "Per 1 mei wordt de voorzitter opgevolgd door Karin Dorrestein, wethouder in Ede.",
        "Hoefnagel beschreef de plannen en bedankte tot slot Sem Lankhorst voor de organisatie.",
        NULL,
    };
    report r;
    run(&r, lines);
    static const char *const want[] = {"Bas Hoefnagel", NULL};
    assert_speakers(&r, want);
    done(&r);
}

/* Cues in English and around appositions, panels and programme cells. */
static void test_speakers_cues(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "# Study day",
        "Wendela Kroes, who leads the housing programme in Zwolle, explained the figures.",
        "Onno Smeding of the Flevoland Energy Board presented the grid plans.",
        "On the panel were Jorien Aalbers (Dronten), Arend Flapper and Councillor Roel Vink.",
        "The day was chaired by Ilona Brakman.",
        "| Tijd | Onderdeel",
        "| 10.00 | Welkom door burgemeester Jos Lamers, gemeente Hattem",
        NULL,
    };
    report r;
    run(&r, lines);
    static const char *const want[] = {"Arend Flapper", "Ilona Brakman", "Jorien Aalbers",
                                       "Jos Lamers", "Onno Smeding", "Roel Vink",
                                       "Wendela Kroes", NULL};
    assert_speakers(&r, want);
    assert_string_equal(speaker(&r, "Onno Smeding")->organisation, "Flevoland Energy Board");
    done(&r);
}

/* Minutes that name the chair by role, a list that spells the names of
 * those who speak by surname, a byline, a surname that is also a place. */
static void test_speakers_minutes_by_role_and_surname(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "# Verslag regio-overleg",
        "*Door Fenna Zijlstra, communicatieadviseur*",
        "Aanwezig:\nK.J. Wolters (voorzitter)\nR. Sanders (RIEC)\nInge Weert, gemeente Venray",
        "1. Opening\nDe voorzitter opent de vergadering om 10.00 uur.",
        "2. Ondermijning\nSanders liet zien hoe leegstaande schuren worden gebruikt. "
        "Mevrouw Weert schetst de aanpak in Venray.",
        NULL,
    };
    report r;
    run(&r, lines);
    static const char *const want[] = {"Inge Weert", "K.J. Wolters", "R. Sanders", NULL};
    assert_speakers(&r, want);
    done(&r);
}

/* Names that hold a particle or a place: a double surname ending in a
 * particle, "van X" after a double given name, a place of several words,
 * and the place after a surname that another mention spells out. */
static void test_speakers_names_and_places(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "# Verslag",
        "Gastheer was Capelle aan den IJssel; wethouder Sanne Hofland-de Boer opende.",
        "Daarna sprak Pieter Jan van Zwolle (Platform31) over wonen.",
        "| Tijd | Onderdeel | Spreker",
        "| 11.00 | Reactie | wethouder Frans Lemmens (Deurne)",
        "Wethouder Lemmens van Deurne kon door ziekte niet komen.",
        "Een werkgroep (presentatie Dirk Bosman, TNO) sloot af.",
        NULL,
    };
    report r;
    run(&r, lines);
    static const char *const want[] = {"Dirk Bosman", "Pieter Jan van Zwolle",
                                       "Sanne Hofland-de Boer", NULL};
    assert_speakers(&r, want);
    done(&r);
}

/* The front matter names the programme; the text can say one did not come. */
static void test_speakers_front_matter_less_the_absent(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "# Verslag",
        "Wethouder Joop Klaassen moest helaas afzeggen.",
        NULL,
    };
    report r;
    build(&r.p, lines);
    vp_strvec_push(&r.p.fm.speakers, "Marloes Hoogerbrugge (Platform31)");
    vp_strvec_push(&r.p.fm.speakers, "wethouder Joop Klaassen (Tiel)");
    vp_document_init(&r.d);
    memset(&r.issue, 0, sizeof r.issue);
    vp_extract_ctx ctx = vp_test_data;
    vp_extract_all(&ctx, &r.p, &r.d, &r.issue);
    static const char *const want[] = {"Marloes Hoogerbrugge", NULL};
    assert_speakers(&r, want);
    done(&r);
}

/* Bullets inside a paragraph are items of their own; "plv." before a word
 * in lower case ends no sentence. */
static void test_speakers_bullets_and_abbreviations(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "# Programma",
        "Sprekers:\n  \xE2\x80\xA2 Wonen in de regio, Jan Hendrik Smit, museumdirecteur "
        "Kunsthal Laren\n  \xE2\x80\xA2 Water, Anna Bos, directeur Vitens",
        "Een panelgesprek met Ria Bos (plv. directeur Kasper/Telos) en Tim Ooms (Fontys).",
        NULL,
    };
    report r;
    run(&r, lines);
    static const char *const want[] = {"Anna Bos", "Jan Hendrik Smit", "Ria Bos", "Tim Ooms",
                                       NULL};
    assert_speakers(&r, want);
    assert_string_equal(speaker(&r, "Ria Bos")->role, "directeur");
    done(&r);
}

static void test_speakers_front_matter_wins(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "# Verslag",
        "Peter Smit (U10) opende.",
        NULL,
    };
    report r;
    build(&r.p, lines);
    vp_strvec_push(&r.p.fm.speakers, "Marloes Hoogerbrugge (Platform31)");
    vp_strvec_push(&r.p.fm.speakers, "burgemeester Govert Veldhuijzen (Gorinchem)");
    vp_document_init(&r.d);
    memset(&r.issue, 0, sizeof r.issue);
    vp_extract_ctx ctx = vp_test_data;
    vp_extract_all(&ctx, &r.p, &r.d, &r.issue);
    assert_int_equal(r.d.n_speakers, 2);
    assert_string_equal(r.d.speakers[0].name, "Govert Veldhuijzen");
    assert_string_equal(r.d.speakers[1].name, "Marloes Hoogerbrugge");
    done(&r);
}

static void expect_speaker(const char *s, const char *name, const char *org,
                           const char *role)
{
    char *n, *o, *r;
    assert_true(vp_parse_speaker(vp_test_data.speaker_words, s, &n, &o, &r));
    assert_string_equal(n, name);
    if (org)
        assert_string_equal(o, org);
    else
        assert_null(o);
    if (role)
        assert_string_equal(r, role);
    else
        assert_null(r);
    free(n);
    free(o);
    free(r);
}

static void test_parse_speaker_strings(void **state)
{
    (void)state;
    expect_speaker("Marloes Hoogerbrugge (Platform31)", "Marloes Hoogerbrugge",
                   "Platform31", NULL);
    expect_speaker("burgemeester Govert Veldhuijzen (Gorinchem)",
                   "Govert Veldhuijzen", "Gorinchem", "burgemeester");
    expect_speaker("Hamit Karakus, directeur Platform31", "Hamit Karakus",
                   "Platform31", "directeur");
    expect_speaker("Govert Veldhuijzen, burgemeester van Gorinchem",
                   "Govert Veldhuijzen", "Gorinchem", "burgemeester");
    expect_speaker("Koos van Dijken", "Koos van Dijken", NULL, NULL);
    expect_speaker("Joost Engels (wethouder, Roermond)", "Joost Engels",
                   "Roermond", "wethouder");
    char *n, *o, *r;
    assert_false(vp_parse_speaker(vp_test_data.speaker_words, "", &n, &o, &r));
    assert_false(vp_parse_speaker(vp_test_data.speaker_words, "(Platform31)", &n, &o, &r));
}

/* ---- themes: tests/indexer/test_themes.c ---- */

/* ---- title ---- */

static void test_title_sources(void **state)
{
    (void)state;
    vp_parsed p;
    static const char *const with_heading[] = {"Eerst tekst.", "## Kop  twee", NULL};
    build(&p, with_heading);
    char *t = vp_extract_title(&p);
    assert_string_equal(t, "Kop twee");
    free(t);
    p.fm.title = strdup("  Titel uit front matter ");
    t = vp_extract_title(&p);
    assert_string_equal(t, "Titel uit front matter");
    free(t);
    vp_parsed_clear(&p);

    static const char *const no_heading[] = {"  Eerste regel\nTweede regel", NULL};
    build(&p, no_heading);
    t = vp_extract_title(&p);
    assert_string_equal(t, "Eerste regel");
    free(t);
    vp_parsed_clear(&p);

    /* a heading after the body has begun heads a section of a newsletter */
    static const char *const late_heading[] = {
        "Nieuwsbrief van de vereniging | nr. 7 | maart 2019",
        "De voorjaarsbijeenkomst vond plaats op vrijdag 15 maart in een zonnige stad. Er "
        "kwamen ruim honderd deelnemers uit het hele land op af, meer dan ooit, en de "
        "sprekers hadden een volle zaal met vragen die tot de lunch doorgingen.",
        "## Volgende bijeenkomst: 4 oktober 2019", NULL};
    build(&p, late_heading);
    t = vp_extract_title(&p);
    assert_string_equal(t, "Nieuwsbrief van de vereniging | nr. 7 | maart 2019");
    free(t);
    vp_parsed_clear(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_report),
        cmocka_unit_test(test_places_provinces_and_regions_not_counted),
        cmocka_unit_test(test_places_lists_and_multiword_names),
        cmocka_unit_test(test_places_alias_and_accents),
        cmocka_unit_test(test_places_former_municipality_kept),
        cmocka_unit_test(test_places_person_names_not_counted),
        cmocka_unit_test(test_places_ambiguous_needs_context),
        cmocka_unit_test(test_places_front_matter_host_with_more_words),
        cmocka_unit_test(test_places_host_from_guest_municipality),
        cmocka_unit_test(test_places_front_matter_wins),
        cmocka_unit_test(test_speakers_initials_merged),
        cmocka_unit_test(test_speakers_particles_and_initials),
        cmocka_unit_test(test_speakers_attendees_excluded),
        cmocka_unit_test(test_speakers_titles_stripped),
        cmocka_unit_test(test_speakers_listeners_excluded),
        cmocka_unit_test(test_speakers_mentions_and_pseudo_names),
        cmocka_unit_test(test_speakers_table_column),
        cmocka_unit_test(test_speakers_bullet_list),
        cmocka_unit_test(test_speakers_english_roles),
        cmocka_unit_test(test_speakers_organisations_are_no_persons),
        cmocka_unit_test(test_speakers_surname_with_particle),
        cmocka_unit_test(test_speakers_van_after_given_names),
        cmocka_unit_test(test_speakers_lines_and_honorifics),
        cmocka_unit_test(test_speakers_minutes),
        cmocka_unit_test(test_speakers_who_did_not_speak),
        cmocka_unit_test(test_speakers_cues),
        cmocka_unit_test(test_speakers_minutes_by_role_and_surname),
        cmocka_unit_test(test_speakers_names_and_places),
        cmocka_unit_test(test_speakers_front_matter_less_the_absent),
        cmocka_unit_test(test_speakers_bullets_and_abbreviations),
        cmocka_unit_test(test_speakers_front_matter_wins),
        cmocka_unit_test(test_parse_speaker_strings),
        cmocka_unit_test(test_title_sources),
    };
    return cmocka_run_group_tests(tests, vp_test_data_load, vp_test_data_free);
}
