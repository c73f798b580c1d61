/*
 * Unit tests of the speaker extractor on reports written as Markdown (the
 * line structure matters: lists end at blank lines, agenda items are
 * numbered lines), parsed by markdown.c like the indexer does.  The texts
 * are written for these tests; each test is one class of report text, not
 * one report.
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
#include "frontmatter.h"
#include "markdown.h"
#include "speaker_words.h"

/* The speakers of the Markdown text md must be exactly want (sorted as
 * stored, NULL-terminated). */
static void expect_speakers(const char *md, const char *const *want)
{
    vp_parsed p;
    vp_parsed_init(&p);
    size_t off = 0;
    int line = 1;
    vp_fm_error err = {0};
    assert_int_equal(vp_frontmatter_parse(md, strlen(md), &p.fm, &off, &line, &err), 0);
    assert_int_equal(vp_markdown_parse(md + off, strlen(md + off), line, &p), 0);
    vp_document d;
    vp_document_init(&d);
    vp_extract_issue issue;
    memset(&issue, 0, sizeof issue);
    vp_extract_ctx ctx = vp_test_data;
    vp_extract_all(&ctx, &p, &d, &issue);
    size_t n = 0;
    for (; want[n]; n++) {
        if (n >= d.n_speakers || strcmp(d.speakers[n].name, want[n]) != 0)
            for (size_t i = 0; i < d.n_speakers; i++)
                print_message("  found: %s\n", d.speakers[i].name);
        if (n >= d.n_speakers)
            fail_msg("missing speaker %s", want[n]);
        if (strcmp(d.speakers[n].name, want[n]) != 0)
            fail_msg("speaker %zu is %s, not %s", n, d.speakers[n].name, want[n]);
    }
    if (d.n_speakers != n) {
        for (size_t i = 0; i < d.n_speakers; i++)
            print_message("  found: %s\n", d.speakers[i].name);
        fail_msg("%zu speakers, the first extra one %s", d.n_speakers, d.speakers[n].name);
    }
    vp_document_clear(&d);
    vp_parsed_clear(&p);
}

/* Minutes: the list after "Aanwezig:" ends at the blank line before the
 * numbered agenda; the agenda's items are read as text, not as attendees. */
static void test_attendee_list_ends_at_agenda(void **state)
{
    (void)state;
    static const char md[] =
        "# Verslag regio-overleg\n\n"
        "Aanwezig:\n"
        "- Harmen Bijlsma, voorzitter (dagvoorzitter)\n"
        "- wethouder Grietje Mulderij (Hoogeveen)\n"
        "- Teun Brakel (Assen)\n\n"
        "Afwezig:\n"
        "- Annet Vos (Emmen)\n\n"
        "1. Opening\n"
        "Voorzitter Bijlsma opent om 10.00 uur. Wethouder Mulderij heet iedereen welkom.\n"
        "2. Rondvraag\n"
        "Geen vragen.\n";
    static const char *const want[] = {"Grietje Mulderij", "Harmen Bijlsma", NULL};
    expect_speakers(md, want);
}

/* An attendance list under its heading, grouped by municipality under
 * bold lines, lists attendees to the end of the groups; the programme
 * after the next heading names the speakers.  A bold line that is no
 * group of an attendance list ends a bold "Deelnemers" as before. */
static void test_attendance_list_grouped_under_bold_lines(void **state)
{
    (void)state;
    static const char md[] =
        "# Presentielijst regiodag \"Wonen in de kern\"\n\n"
        "**Meppel (gastgemeente)**\n"
        "- Mw. H. Dijkstra-Bos \xE2\x80\x93 wethouder Wonen\n"
        "- Dhr. P. Smeets \xE2\x80\x93 beleidsadviseur\n\n"
        "**Hardenberg**\n"
        "- Mw. K. Lubbers \xE2\x80\x93 projectleider Dorpen\n\n"
        "## Samenvatting van het programma\n\n"
        "Wethouder Hanneke Dijkstra-Bos opende de dag. Daarna vertelde Karin Lubbers over "
        "de dorpsvisies in Hardenberg.\n\n"
        "**Deelnemers**\n\n"
        "Dertig ambtenaren uit de regio.\n\n"
        "**Wonen boven winkels**\n\n"
        "Bram Oosting vertelde daarna over wonen boven winkels in de oude kern.\n";
    static const char *const want[] = {"Bram Oosting", "Hanneke Dijkstra-Bos", "Karin Lubbers",
                                       NULL};
    expect_speakers(md, want);
}

/* Agenda items, workshops and programme lines that name their speaker
 * after a dash; a date before the dash, or an organisation after the
 * comma, is no speaker. */
static void test_speaker_after_dash(void **state)
{
    (void)state;
    static const char md[] =
        "# Programma\n\n"
        "*Verslag, 12-05-2019 \xE2\x80\x93 Kasteel Doorn*\n\n"
        "3. Vergunningen in de praktijk \xE2\x80\x93 K. Wouters (Omgevingsdienst)\n\n"
        "B. LEEGSTAND IN DE KERN \xE2\x80\x93 Fenna Reitsma, Erfgoed Archief Noord\n\n"
        "- **Samen bouwen** \xE2\x80\x93 met Olaf Brink van woningstichting Thuis\n\n"
        "Een drukke dag \xE2\x80\x93 het was vol, en Henk Zuidema bleef thuis.\n";
    static const char *const want[] = {"Fenna Reitsma", "K. Wouters", "Olaf Brink", NULL};
    expect_speakers(md, want);
}

/* A biography that says the speaker wrote a study does not make the
 * speaker of the programme absent. */
static void test_writer_still_speaks(void **state)
{
    (void)state;
    static const char md[] =
        "# Programma\n\n"
        "| Tijd | Onderdeel | Wie |\n|---|---|---|\n"
        "| 10.00 | Keynote | drs. Maarten Kooij, Atelier Stad |\n\n"
        "Maarten Kooij is onderzoeker en schreef mee aan de verkenning.\n";
    static const char *const want[] = {"Maarten Kooij", NULL};
    expect_speakers(md, want);
}

/* An organisation the name reader does not take whole (words in lower
 * case, a brand, a place in parentheses) between a name and its verb; a
 * "van" before the name is no organisation of it. */
static void test_organisation_before_verb(void **state)
{
    (void)state;
    static const char md[] =
        "# Study day\n\n"
        "Rosa Veldkamp of the regional transport company Arriva explained the timetable. "
        "Gert Hoving van de Twentse zorgcoalitie vertelde over wachtlijsten. "
        "Ida Smeets of hafenport (Emmerich) compared both ports. "
        "Tom Wissel en Lies Brouwer, beleidsadviseur wonen in Epe, vertelden over flexwonen. "
        "De winkel van Jan Klaver aan de Markt trekt volgens de gemeente bezoekers.\n";
    static const char *const want[] = {"Gert Hoving", "Ida Smeets", "Lies Brouwer", "Rosa Veldkamp",
                                       "Tom Wissel", NULL};
    expect_speakers(md, want);
}

/* A bare surname with a speaking verb and an organisation speaks (the
 * corpus pass finds its full name); with a municipality it is a member of
 * the meeting; authors of a study quoted are not present. */
static void test_surname_with_organisation(void **state)
{
    (void)state;
    static const char md[] =
        "# Verslag\n\n"
        "Van Heumen (Platform31) liet cijfers zien over de woningmarkt. "
        "Dijkhuis, financieel specialist bij de VNG, vertelde over het gemeentefonds. "
        "Brakel (Assen) vertelde over de eigen aanpak.\n\n"
        "A study by Jansma and Rook of the University of Twente was quoted; the authors "
        "were not present.\n";
    static const char *const want[] = {"Dijkhuis", "Van Heumen", NULL};
    expect_speakers(md, want);
}

/* Job titles of capitalised words after a name, a journalist in a list
 * of guests; a journalist quoted from elsewhere. */
static void test_titles_and_quotes(void **state)
{
    (void)state;
    static const char md[] =
        "# Study day\n\n"
        "Sanne Koops, Chief Data Officer of Apeldoorn, described the data platform. "
        "The mayors put their questions to Piet Lemstra, European Commissioner for "
        "Cohesion.\n\n"
        "Hij citeerde een artikel van journalist Kees Brink in de krant.\n\n"
        "- Ria Dorst, journalist Omroep Oost\n";
    static const char *const want[] = {"Piet Lemstra", "Ria Dorst", "Sanne Koops", NULL};
    expect_speakers(md, want);
}

/* Names in Latin Extended-A, where some pairs put the capital on the odd
 * code point ("Ž" "ž", "Ľ" "ľ"). */
static void test_central_european_names(void **state)
{
    (void)state;
    static const char md[] =
        "# Monitoring visit\n\n"
        "The delegation was made up of Tomaž Zupančič (Slovenia, EPP) and Ľudmila "
        "Kováčová (Slovakia, SOC). Łucja Żak (Poland) presented the findings.\n";
    static const char *const want[] = {"Łucja Żak", "Ľudmila Kováčová", "Tomaž Zupančič",
                                       NULL};
    expect_speakers(md, want);
}

/* A negated presence or talk: "die niet het woord voerde", "who had not
 * spoken", "niet bij kon zijn"; an ordinary "niet ... zijn" says nothing. */
static void test_negated_speaking(void **state)
{
    (void)state;
    static const char md[] =
        "# Verslag\n\n"
        "Ook wethouder Gijs Hamer uit Epe, die verder niet het woord voerde, deelde na "
        "afloop zijn ervaringen. Alderman Rick Zuur of Ede, who had not spoken during the "
        "day, offered to host the next meeting. Gedeputeerde Sara Blom kon er vandaag niet "
        "bij zijn.\n\n"
        "Wethouder Loes Kamp vertelde dat het niet makkelijk zal zijn.\n";
    static const char *const want[] = {"Loes Kamp", NULL};
    expect_speakers(md, want);
}

/* A successor announced is no speaker anywhere in the report. */
static void test_successor_named_after(void **state)
{
    (void)state;
    static const char md[] =
        "# Programma\n\n"
        "| Tijd | Onderdeel | Wie |\n|---|---|---|\n"
        "| 10.00 | Opening | Anton Rijks, voorzitter |\n\n"
        "Anton Rijks neemt vandaag afscheid. Zijn opvolger, Wieke Doorn (wethouder in "
        "Olst-Wijhe), treedt per 1 april aan.\n";
    static const char *const want[] = {"Anton Rijks", NULL};
    expect_speakers(md, want);
}

/* A plural role holds for every name of the group after it. */
static void test_plural_role(void **state)
{
    (void)state;
    static const char md[] =
        "# Verslag\n\n"
        "Later blijken dat de gedeputeerden Wobbe Ziel van Groningen en Ans Hiemstra van "
        "Drenthe te zijn; samen openen zij het congres. Op 3 mei spraken de Bredase "
        "raadsleden Sem Oord van de Stadspartij (SP) en Vera Knol met elkaar.\n";
    static const char *const want[] = {"Ans Hiemstra", "Sem Oord", "Vera Knol", "Wobbe Ziel", NULL};
    expect_speakers(md, want);
}

/* The writer named by a byline, a dated line under the title, a signature
 * under the text or the minutes' "Verslag:" line is no speaker; a byline
 * under "Terugblik van de dagvoorzitter" names the chair, who spoke. */
static void test_writers(void **state)
{
    (void)state;
    static const char blog[] =
        "# Bouwen voor wie?\n\n"
        "*Joep Vlaar, wethouder Wonen, Sneek \xE2\x80\x93 3 mei 2021*\n\n"
        "*Blog van Ineke Stam, wethouder Financi\xC3\xABn van de gemeente Epe*\n\n"
        "Burgemeester Koos Rasker opende de dag.\n\n"
        "Met veertig jaar achter ons werken we aan de toekomst.\n\n"
        "Dirk Bleeker, voorzitter VNG,\nLieke Damen, gemeente Urk & facilitator\n\n"
        "## Programma\n";
    static const char *const blog_want[] = {"Koos Rasker", NULL};
    expect_speakers(blog, blog_want);
    static const char minutes[] =
        "Verslag netwerkbijeenkomst\n\n"
        "Datum: 3 maart 2021\nVoorzitter: K. Oosting\nVerslag: secretariaat (J. Ruiters)\n\n"
        "1. Opening\nDe voorzitter opent de vergadering.\n";
    static const char *const minutes_want[] = {"K. Oosting", NULL};
    expect_speakers(minutes, minutes_want);
    static const char essay[] =
        "# Waar het gesprek begint\n\n"
        "*Terugblik van de dagvoorzitter op de netwerkdag in Venlo*\n\n"
        "*Door Maud Verkerk*\n\n"
        "Wethouder Bram Ooms opende de dag.\n";
    static const char *const essay_want[] = {"Bram Ooms", "Maud Verkerk", NULL};
    expect_speakers(essay, essay_want);
}

/* "X is <role>": a speaker in a list of biographies or with the role of
 * one who leads or speaks ("De gast was ..."), a description in prose. */
static void test_role_after_is(void **state)
{
    (void)state;
    static const char md[] =
        "# Programma\n\n"
        "*Femke Lont is communicatieadviseur bij de gemeente Epe. Ze schrijft hier over de "
        "stad.*\n\n"
        "De Schotse gast was Dr. Moira Baird van de University of Stirling.\n\n"
        "Sprekers:\n\n"
        "- Wim Ploeg is directeur techniek bij het Deltion college.\n"
        "- Roos Bakels is wethouder Ruimtelijke Ordening van Epe.\n";
    static const char *const want[] = {"Moira Baird", "Roos Bakels", "Wim Ploeg", NULL};
    expect_speakers(md, want);
}

/* A parenthesis that opens with an organisation word in lower case; a word
 * after a role that starts an organisation ("officer, Dublin City
 * Council") is no surname; quotes from elsewhere ("once put it", "eerder
 * dit jaar zei") are no talk at the meeting. */
static void test_organisations_and_quotes(void **state)
{
    (void)state;
    static const char md[] =
        "# Verslag\n\n"
        "Jelle Rook (politie, eenheid Oost-Nederland) en Iris Vaal (RIEC Oost) lieten zien "
        "hoe schuren worden gebruikt.\n\n"
        "- Aine Kelly \xE2\x80\x93 youth officer, Cork City Council.\n\n"
        "As the Danish planner Mette Holm once put it, streets are rooms. Eerder dit jaar zei "
        "ondernemer Bas Zwart in de krant dat het goed gaat.\n";
    static const char *const want[] = {"Iris Vaal", "Jelle Rook", NULL};
    expect_speakers(md, want);
}

/* An audience cue holds for its own clause: a name with a speaking verb
 * in another clause speaks; a relative clause about the name is its own;
 * another time or text ("vorige week", "schreef") holds for the sentence. */
static void test_audience_cue_by_clause(void **state)
{
    (void)state;
    static const char md[] =
        "# Verslag\n\n"
        "Tiel had zich afgemeld en voorzitter P. Brakel leidde de middag. Wethouder Ilse "
        "Vroom opende het overleg, Buren had zich afgemeld. Ook wethouder Ruud Gaal uit Epe, "
        "die de hele dag als toehoorder aanwezig was, sloot zich daarbij aan. Vorige week "
        "vertelde ondernemer Tom Riet de krant al dat het goed ging.\n";
    static const char *const want[] = {"Ilse Vroom", "P. Brakel", NULL};
    expect_speakers(md, want);
}

/* A sentence broken over two paragraphs (a converted PDF) is read as one;
 * an opinion reported ("vond") is said at the meeting. */
static void test_broken_paragraph_and_opinion(void **state)
{
    (void)state;
    static const char md[] =
        "# Verslag\n\n"
        "Hij noemde het project de reden waarom gedeputeerde Aart Zwolsman vandaag in Den "
        "Haag zit en\n\n"
        "niet op het congres kan zijn. Zijn partijgenoot Bert Vlijm uit Epe vond overleggen "
        "prima.\n";
    static const char *const want[] = {"Bert Vlijm", NULL};
    expect_speakers(md, want);
}

/* A given name alone with a speaking verb is the one person of the report
 * with that given name and an organisation or a cue; a word of an
 * organisation's name is not. */
static void test_given_name_reference(void **state)
{
    (void)state;
    static const char md[] =
        "# Blog\n\n"
        "Ik mocht een workshop begeleiden, samen met Marit Oostra van de GGD Fryslân. "
        "Marit liet onderzoek zien over schulden.\n\n"
        "## Zorg- en Veiligheidshuis Twente\n\n"
        "Anne Post, manager van het Zorg- en Veiligheidshuis, liet casussen zien.\n";
    static const char *const want[] = {"Anne Post", "Marit Oostra", NULL};
    expect_speakers(md, want);
}

/* A transcript: the label is who speaks ("WETHOUDER VAN DER VELDE:" is the
 * alderman named in full elsewhere), the word after the colon is no name
 * ("Goedemiddag", "Dank", "Mag"), and the chair who gives the floor, named
 * above ("Gespreksleider: A") or only by role, is no speaker; a member of
 * the meeting by surname and town asks, and speaks not. */
static void test_transcript_labels(void **state)
{
    (void)state;
    static const char md[] =
        "# Woordelijk verslag\n\n"
        "Gespreksleider: Els Brouwer (journalist). Op het podium wethouder Tineke van der "
        "Velde en Joost Kramer van het waterschap.\n\n"
        "GESPREKSLEIDER: Goedemiddag allemaal. Wethouder Van der Velde, u begint.\n\n"
        "WETHOUDER VAN DER VELDE: Dank u wel. Onze dijken moeten omhoog.\n\n"
        "DE HEER KRAMER (Waterschap): Mag ik daar iets over zeggen? De kosten stijgen.\n\n"
        "MEVROUW DIJKSTRA (Lochem): Betalen de inwoners dat?\n\n"
        "GESPREKSLEIDER: Graag een kort antwoord.\n\n"
        "DE HEER KRAMER: Ja, via de waterschapsbelasting.\n";
    static const char *const want[] = {"Joost Kramer", "Tineke van der Velde", NULL};
    expect_speakers(md, want);
}

/* A newsletter's sections in capitals ("TERUGBLIK: ...") name no speakers
 * who come back: no transcript, and the chair who opens the day speaks. */
static void test_newsletter_sections_no_transcript(void **state)
{
    (void)state;
    static const char md[] =
        "# Nieuwsbrief\n\n"
        "TERUGBLIK: Een drukke dag in het provinciehuis. Voorzitter Anna Smit opende de "
        "dag.\n\n"
        "AGENDA: De volgende bijeenkomst is in het najaar.\n\n"
        "PUBLICATIE: Een nieuwe bundel over krimp ligt klaar.\n";
    static const char *const want[] = {"Anna Smit", NULL};
    expect_speakers(md, want);
}

/* "A vertelde over X, en B van Y over Z": the verb left out of the second
 * clause; after a dash, an organisation in lower case after the comma. */
static void test_gapped_verb(void **state)
{
    (void)state;
    static const char md[] =
        "# Verslag\n\n"
        "Lian Dekema (provincie Drenthe) vertelde over de buurtbussen, en Okke Brink van "
        "Qbuzz over vervoer op afroep.\n\n"
        "D. TECHNIEK IN DE KLAS \xE2\x80\x93 Ria Smeets, Vista college\n";
    static const char *const want[] = {"Lian Dekema", "Okke Brink", "Ria Smeets", NULL};
    expect_speakers(md, want);
}

/* An interview's front matter names the two interviewed; the text names
 * the rest of the programme by office and surname, and those speak too.
 * A full name the front matter leaves out stays out. */
static void test_front_matter_and_programme(void **state)
{
    (void)state;
    static const char md[] =
        "---\ntitle: Twee vragen na de netwerkdag\ndate: 2019-03-15\n"
        "speakers:\n  - Mira Vellekoop\n  - Teun Bosveld\n---\n\n"
        "Wij spraken na afloop met Mira Vellekoop en Teun Bosveld over de dag.\n\n"
        "**Vraag:** Mevrouw Vellekoop, hoe ging het?\n\n"
        "De dag werd geopend door voorzitter Hakkert. In de middag leidde wethouder Van "
        "Olst een workshop over de woningmarkt, en Lies Damsma van de provincie "
        "presenteerde cijfers.\n";
    static const char *const want[] = {"Hakkert", "Mira Vellekoop", "Teun Bosveld",
                                       "Van Olst", NULL};
    expect_speakers(md, want);
}

/* English policy fields in a job title are no names: "Policy advisor
 * Economy & Data". */
static void test_english_fields_are_no_names(void **state)
{
    (void)state;
    static const char md[] =
        "**Jane Doe** \xC2\xB7 Policy advisor Economy & Data at a city\n\n"
        "Back from a great day! Alderman Wim Roskam of the host town opened with a story "
        "about holiday homes.\n";
    static const char *const want[] = {"Wim Roskam", NULL};
    expect_speakers(md, want);
}

/* A newsletter's other news: the new board member and the one she
 * succeeds are no speakers of the day. */
static void test_newsletter_other_news(void **state)
{
    (void)state;
    static const char md[] =
        "# Nieuwsbrief van de vereniging\n\n"
        "## Netwerkdag in de polder\n\n"
        "Wethouder Gerrit Slingerland opende de dag met een verhaal over de dijken.\n\n"
        "## Nieuw bestuurslid\n\n"
        "Marit Oldenhof, burgemeester van een stad aan de kust, is toegetreden tot het "
        "bestuur. Zij volgt wethouder Bas Vreeling op.\n";
    static const char *const want[] = {"Gerrit Slingerland", NULL};
    expect_speakers(md, want);
}

/* A capitalised noun, "van" and a full name ("Keynote van ..."): the
 * person is the full name, and it gives the initials of the programme
 * their full spelling. */
static void test_noun_van_full_name(void **state)
{
    (void)state;
    static const char md[] =
        "# Terugblik\n\n"
        "| Onderdeel | Cijfer |\n|---|---|\n"
        "| Keynote prof. T. Wagenaar (Hogeschool Zeeland) | 8,0 |\n\n"
        "**10:40** Keynote van Roelof Hazenberg, adviseur bij de VNG.\n\n"
        "Reacties:\n\n"
        "- \"Keynote van Tamara Wagenaar was helder.\"\n";
    static const char *const want[] = {"Roelof Hazenberg", "Tamara Wagenaar", NULL};
    expect_speakers(md, want);
}

/* Formal initials and the name a person goes by ("drs. K.L. Roodbeen",
 * "Karin Roodbeen") in one report are one person, spelled in full. */
static void test_formal_initials_and_called_name(void **state)
{
    (void)state;
    static const char md[] =
        "# Evaluatie\n\n"
        "| Workshop | Begeleiding |\n|---|---|\n"
        "| A. Wijkbudgetten | drs. K.L. Roodbeen (gemeente Tiel) |\n\n"
        "Opmerkingen:\n\n"
        "- \"Karin Roodbeen liet zien hoe de raad het budget volgt.\"\n";
    static const char *const want[] = {"Karin Roodbeen", NULL};
    expect_speakers(md, want);
}

/* A programme announced before the day, in the present tense: "houdt X
 * een inleiding", "X en Y vertellen hoe". */
static void test_programme_in_present_tense(void **state)
{
    (void)state;
    static const char md[] =
        "# Programma\n\n"
        "Om tien uur houdt Sanne Oosting een inleiding over de woningmarkt.\n\n"
        "Pim Hakvoort en Tara Vos vertellen hoe hun dorp een zorgcoöperatie begon.\n\n"
        "Joost Dekker en Lies Maan tonen na de lunch hun plan voor het plein.\n";
    static const char *const want[] = {"Joost Dekker", "Lies Maan", "Pim Hakvoort",
                                       "Sanne Oosting", "Tara Vos", NULL};
    expect_speakers(md, want);
}

/* German offices before a name are roles, not given names. */
static void test_german_offices(void **state)
{
    (void)state;
    static const char md[] =
        "# Grenzüberschreitender Fachtag\n\n"
        "Erster Beigeordneter Jens Vollmer erklärte die Pläne der Grenzregion.\n\n"
        "Bürgermeisterin Anke Kröger berichtete über die Pendler.\n";
    static const char *const want[] = {"Anke Kröger", "Jens Vollmer", NULL};
    expect_speakers(md, want);
}

/* A footnote mark glued to a name ("Smit\xC2\xB2", "Smit[^3]") is no part
 * of it. */
static void test_footnote_marks(void **state)
{
    (void)state;
    static const char md[] =
        "# Verslag\n\n"
        "Wethouder Lotte Brinkhorst\xC2\xB2 opende de dag. "
        "Daarna sprak Bram Achterberg[^3] over de binnenstad. "
        "Karel Wijnstra\xC2\xB9 vertelde over de haven.\n\n"
        "[^3]: Achterberg is directeur van een adviesbureau.\n";
    static const char *const want[] = {"Bram Achterberg", "Karel Wijnstra", "Lotte Brinkhorst", NULL};
    expect_speakers(md, want);
}

/* A forum thread: the posters ("Gestart door X", "Re: - X (Urk) - date",
 * a bold name and place over a post, "Geplaatst door X"), and those thanked
 * for photos, are no speakers; one who spoke at the day is. */
static void test_forum_posters_and_thanks(void **state)
{
    (void)state;
    static const char md[] =
        "# Forum: leegstand in de kern\n\n"
        "**Gestart door: Lies Brouwer (Urk) \xE2\x80\x93 3 maart 2021, 10:12**\n\n"
        "Wie heeft ervaring met leegstand?\n\n"
        "**Re: \xE2\x80\x93 Kees Zwart (Tiel) \xE2\x80\x93 3 maart 2021, 11:40**\n\n"
        "Wij wel, zie de kennisdag.\n\n"
        "**Anna Smit (Meppel)** \xE2\x80\x93 4 maart 2021\n\n"
        "Op de kennisdag vertelde Ruben Hoekstra van Platform31 over de aanpak.\n\n"
        "Geplaatst door Piet Hoekstra op 5 maart 2021\n\n"
        "Met dank aan Tom Wissel en Ida Veen voor de foto's.\n";
    static const char *const want[] = {"Ruben Hoekstra", NULL};
    expect_speakers(md, want);
}

/* Agencies, committees, newspapers and German bodies are no persons, even
 * with a speaking verb ("Het Cultureel Planbureau presenteerde"); "en"
 * inside an organisation's name does not cut it in two. */
static void test_agencies_and_committees(void **state)
{
    (void)state;
    static const char md[] =
        "# Verslag\n\n"
        "Het Sociaal Planbureau Noord presenteerde cijfers. De Raadscommissie Wonen "
        "vertelde over de woningbouw. Volgens de Almelose Courant sprak Stadt Ahlen mee. "
        "Openbare Orde kwam aan bod. Daarna vertelde Anna Smit over de krant. "
        "Mevrouw dr. Ria Bos van het Sociaal en Cultureel Bureau presenteerde een studie.\n";
    static const char *const want[] = {"Anna Smit", "Ria Bos", NULL};
    expect_speakers(md, want);
}

/* A session of the day and who gave it: a name after "workshop(s)" or
 * "sessie", then its organisation, then "over" and the subject; a name
 * with "over" and no session before it says nothing. */
static void test_session_giver_about(void **state)
{
    (void)state;
    static const char md[] =
        "# Verslag\n\n"
        "In de middag waren er workshops van Anna Smit van de gemeente Urk over de brede "
        "school, en van Kees Bos van Cultuurpact Noord over bibliotheken.\n\n"
        "Er waren twee sessies: Ria Veen van de gemeente Tiel over winkels en Bram Kok van "
        "Stichting Stad over ondernemers.\n\n"
        "Het rapport van Lies Kramer van de provincie over krimp lag op tafel.\n";
    static const char *const want[] = {"Anna Smit", "Bram Kok", "Kees Bos", "Ria Veen", NULL};
    expect_speakers(md, want);
}

/* Notes and programmes that label a session or a speaker, then a colon and
 * the name: "Workshop X: Anna Smit (gem. Tiel)", "spr. 1: Anna Smit, VNG";
 * a label that is no session ("Notitie:") cues nothing. */
static void test_session_label_colon(void **state)
{
    (void)state;
    static const char md[] =
        "# Aantekeningen\n\n"
        "- Workshop schuldhulp: Kees Bos (gem. Tiel) \xE2\x80\x93 vroegsignalering.\n"
        "- spr. 1: Ria Veen, VNG \xE2\x80\x93 \"gemeentefonds krimpt\" \xE2\x80\x93 veel knikken\n"
        "- Sessie B: Bram Kok, Platform31\n"
        "- Notitie: Lies Kramer mailen over de foto's\n";
    static const char *const want[] = {"Bram Kok", "Kees Bos", "Ria Veen", NULL};
    expect_speakers(md, want);
}

/* Notes written as nested lists: a name with its organisation in an item
 * under a part of the programme ("- Keynote", "- Tafel 1: ...") speaks;
 * under another item ("- Na afloop") it does not. */
static void test_nested_programme_items(void **state)
{
    (void)state;
    static const char md[] =
        "# Aantekeningen kennisdag\n\n"
        "- Keynote\n"
        "  - dr. Ida Smit, Hogeschool Noord\n"
        "  - over de digitale overheid\n"
        "- Tafel 1: \"Geld\"\n"
        "  - Erik-Jan Zwart, VNG\n"
        "  - Zwart: \"Het kost eerst geld\"\n"
        "- Na afloop\n"
        "  - Piet Jansen, VNG\n";
    static const char *const want[] = {"Erik-Jan Zwart", "Ida Smit", NULL};
    expect_speakers(md, want);
}

/* Speakers announced for a later meeting did not speak at this one, however
 * the announcement is put; the day's own speakers still count. */
static void test_next_meeting_speakers(void **state)
{
    (void)state;
    static const char md[] =
        "# Voorjaarsdag\n\n"
        "Wethouder Dirk Hamstra opende de dag in de raadszaal.\n\n"
        "## Tot slot\n\n"
        "De najaarsdag is in Tiel. Als spreker is Ans Prinsen (Movisie) gevraagd. "
        "Als sprekers zijn toegezegd: Bert Vos (VNG) en dr. Ida Kroes. "
        "Sprekers worden onder meer burgemeester Joop Mulder van Tiel en een rechter. "
        "Volgende bijeenkomst in mei. Dan spreekt volgens planning Kees Bril (NEN). "
        "Ze kondigt aan dat de najaarsdag in Tiel is, met als spreker hoogleraar Rob Damen.\n";
    static const char *const want[] = {"Dirk Hamstra", NULL};
    expect_speakers(md, want);
}

/* "door A samen met B", "led by A together with B": both gave the
 * session. */
static void test_together_with(void **state)
{
    (void)state;
    static const char md[] =
        "# Dag\n\n"
        "Workshops:\n\n"
        "1. *Flexwonen* – door Hamers (COA) samen met Joke Verhaar van de gemeente Tiel.\n"
        "2. *Regio* – led by Tiemstra together with **Klaas Sipkes** of the municipality of Tiel.\n";
    static const char *const want[] = {"Hamers", "Joke Verhaar", "Klaas Sipkes", NULL};
    expect_speakers(md, want);
}

/* A role, "van" and its place or body, a comma, then the name ("de
 * burgemeester van Tiel, Hennie van Boerden"); "van Den Helder" after a
 * name is the place, not the rest of the surname. */
static void test_role_of_place_then_name(void **state)
{
    (void)state;
    static const char md[] =
        "# Dag\n\n"
        "De dag werd geopend door de burgemeester van Tiel, Hennie van Boerden. Daarna gaf de "
        "voorzitter van het PMG, Gerrit-Jan Nijhuis, een korte inleiding.\n\n"
        "- Afsluiting door wethouder Pieter-Jan Kuipers van Den Helder.\n";
    static const char *const want[] = {"Gerrit-Jan Nijhuis", "Hennie van Boerden",
                                       "Pieter-Jan Kuipers", NULL};
    expect_speakers(md, want);
}

/* Formal initials with the called name in parentheses ("drs. H.J. (Hein)
 * Maasland"): the person is the name they go by. */
static void test_called_name_after_initials(void **state)
{
    (void)state;
    static const char md[] =
        "# Dag\n\n"
        "Daarna sprak drs. H.J. (Hein) Maasland van het Planbureau over cultuur. "
        "Inleiding door mr. drs. E.M. (Els) de Witte, CCV.\n\n"
        "- vervangen door M. (Mila) Dekkema, CISO gemeente Tiel\n";
    static const char *const want[] = {"Els de Witte", "Hein Maasland", "Mila Dekkema", NULL};
    expect_speakers(md, want);
}

/* "X, die zou openen, ... niet kon": a modal on its own after "niet" at
 * the end of the clause says X did not come. */
static void test_could_not_at_clause_end(void **state)
{
    (void)state;
    static const char md[] =
        "# Dag\n\n"
        "Jammer dat wethouder Tom Kappel, die zou openen, wegens een raadsvergadering niet kon. "
        "Burgemeester Ida Kroes kon helaas niet. Wethouder Bas Vos opende de dag.\n";
    static const char *const want[] = {"Bas Vos", NULL};
    expect_speakers(md, want);
}

/* A postscript on a changed programme: who cancelled ("moest zich
 * afmelden", "ziek melden", "werd vervangen door") did not speak anywhere
 * in the report, the replacement did. */
static void test_cancelled_and_replacement(void **state)
{
    (void)state;
    static const char md[] =
        "# Regiodag\n\n"
        "Programma:\n\n"
        "- Keynote: prof. dr. G. Wolterink, Universiteit Leiden\n"
        "- Panel: wethouder Nora Haddi (Tiel)\n"
        "- Marine: vice-admiraal Rik Kuipers\n\n"
        "**Naschrift**\n\n"
        "Professor Wolterink moest zich op de ochtend zelf wegens ziekte afmelden. "
        "Wethouder Haddi werd in het panel vervangen door haar collega Tim Verhaak. "
        "Vice-admiraal Kuipers werd naar Brussel geroepen. In zijn plaats sprak "
        "kapitein-ter-zee Mira Jonkhout. De afsluiting verzorgde vicevoorzitter Wenda Roelofs.\n";
    static const char *const want[] = {"Mira Jonkhout", "Tim Verhaak", "Wenda Roelofs", NULL};
    expect_speakers(md, want);
}

/* A transcript whose label gives only the surname ("WETHOUDER KAMPS:"):
 * the given name is the one the turn before addresses the speaker by
 * ("Marieke, begin jij?"); an address that is a word of the text ("Graag,
 * ...?"), a place or a body named before a title and a name ("Stedin,
 * meneer Loman, ...?") is none. */
static void test_transcript_addressed_given_name(void **state)
{
    (void)state;
    static const char md[] =
        "# Verslag\n\n"
        "VOORZITTER: Welkom allemaal. Marieke, begin jij?\n\n"
        "WETHOUDER KAMPS: Dank je. Wij bouwen vierhonderd woningen.\n\n"
        "VOORZITTER: Graag, wie reageert er?\n\n"
        "DE HEER LOMAN (Enexis): Het net is vol, graag meer ruimte.\n\n"
        "VOORZITTER: Stedin, meneer Loman, klopt dat?\n\n"
        "DE HEER LOMAN: Ja, dat klopt.\n\n"
        "VOORZITTER: Tiel, wilt u nog iets zeggen?\n\n"
        "WETHOUDER KAMPS: Nee, dank u.\n\n"
        "MEVROUW DRENTH: Ik wil nog iets zeggen.\n\n"
        "VOORZITTER: Dank u wel, we sluiten af.\n";
    static const char *const want[] = {"Drenth", "Loman", "Marieke Kamps", NULL};
    expect_speakers(md, want);
}

/* A thread of posts: the handles beside a name or an organisation are
 * left out, so the name speaks as it would in prose. */
static void test_thread_handles(void **state)
{
    (void)state;
    static const char md[] =
        "Draadje van @tielbeleid\n\n"
        "1/4 Opening door @wethouderkamps, Roel Kamps van @gemeente_tiel: \"Wij bouwen door.\"\n\n"
        "2/4 Middagworkshop door Daan Kuiper (@UWVnl, werkgeversservicepunt Rivierenland) en "
        "Marit Wolderink (@gemeenteTiel): de jongerentafel.\n\n"
        "3/4 Workshop 1 met Dennis Voskamp (@TielCity, Stichting Tiel City) over de BIZ.\n";
    static const char *const want[] = {"Daan Kuiper", "Dennis Voskamp", "Marit Wolderink",
                                       "Roel Kamps", NULL};
    expect_speakers(md, want);
}

/* A live blog's next item named without a verb ("11:20 – Nu Dewi
 * Ramdas, ...", "Daarna Yara Hoogland van ...") is a speaker; "Nu" before
 * a place or in a longer sentence is not. */
static void test_live_blog_next_up(void **state)
{
    (void)state;
    static const char md[] =
        "# Live\n\n"
        "**Update 11:20 –** Nu Dewi Ramdas, concerncontroller bij de gemeente Tiel. "
        "Ze laat cijfers zien.\n\n"
        "**Update 11:40 –** Daarna Yara Hoogland van het Drenthe College.\n\n"
        "**Update 12:00 –** Nu Tiel en Culemborg samenwerken, komt er meer geld. "
        "Ik sprak in de pauze nog met Anna Kroes, die het ermee eens was.\n";
    static const char *const want[] = {"Dewi Ramdas", "Yara Hoogland", NULL};
    expect_speakers(md, want);
}

/* A photo caption that lists who stands in the picture ("v.l.n.r.") names
 * people seen, not people heard; a caption that says who speaks does. */
static void test_photo_caption_lineup(void **state)
{
    (void)state;
    static const char md[] =
        "# Fotoverslag regiodag\n\n"
        "**Foto 2:** Op de foto v.l.n.r.: Maarten Olthof (gemeente Zutphen), "
        "Hilde Brons (Doesburg) en wethouder Sander Kip bij de koffie.\n\n"
        "**Foto 3:** Van links naar rechts: Gijs Bolhuis en Tineke Raap op het plein.\n\n"
        "**Foto 4:** Wethouder Anouk Velthuis opende de middag in de raadzaal.\n";
    static const char *const want[] = {"Anouk Velthuis", NULL};
    expect_speakers(md, want);
}

/* "Neem contact op met ..." at the end of a report names whom to ask, on
 * the same line or the next, not a speaker of the day. */
static void test_contact_person_no_speaker(void **state)
{
    (void)state;
    static const char md[] =
        "# Verslag werkconferentie\n\n"
        "Wethouder Bert Nijhof opende de conferentie.\n\n"
        "## Vragen?\n\n"
        "Neem contact op met Jeroen Plasman, beleidsmedewerker wonen, via 14 0123.\n\n"
        "## Meer weten?\n\n"
        "Wilt u meer weten? Neem contact op met:\n"
        "Ria Smeets, adviseur economie\n"
        "Telefoon: 14 0100\n";
    static const char *const want[] = {"Bert Nijhof", NULL};
    expect_speakers(md, want);
}

/* An announced speaker who was ill or kept away by illness did not speak;
 * the colleague who took over did. */
static void test_ill_speaker_replaced(void **state)
{
    (void)state;
    static const char md[] =
        "# Verslag\n\n"
        "| tijd | onderdeel | spreker | organisatie |\n"
        "|---|---|---|---|\n"
        "| 10.00 | Opening | Hanna Wiersma | gemeente Sneek |\n"
        "| 11.00 | Workshop A | Gerrit Molhuis | gemeente Joure |\n"
        "| 11.45 | Workshop B | Dirk Zwaan | Platform31 |\n\n"
        "Gerrit Molhuis was door ziekte verhinderd. Zijn collega mevrouw Tuinstra nam de workshop over. "
        "Dirk Zwaan was ziek. Haar collega Elske Brouwer van Platform31 nam zijn plaats in. "
        "Hanna Wiersma opende toch, want haar collega was ziek.\n";
    static const char *const want[] = {"Elske Brouwer", "Hanna Wiersma", "Tuinstra", NULL};
    expect_speakers(md, want);
}

/* The header lines of a forwarded mail ("Verzonden:", "Onderwerp:") are
 * no names, also after a role ("Van: Burgemeester"). */
static void test_mail_headers_no_names(void **state)
{
    (void)state;
    static const char md[] =
        "Van: Burgemeester\n"
        "Verzonden: vrijdag 3 mei 2013 10:00\n"
        "Aan: K. Pol; Wethouder\n"
        "Onderwerp: verslag regiodag\n\n"
        "Beste collega's,\n\n"
        "Wethouder Ria Dekker opende de dag in het stadhuis.\n";
    static const char *const want[] = {"Ria Dekker", NULL};
    expect_speakers(md, want);
}

/* A radio or television station in a title is no person. */
static void test_broadcaster_no_person(void **state)
{
    (void)state;
    static const char md[] =
        "# Uitgeschreven interview – Radio Zuidwest, \"De Ochtend\", dinsdag 4 juni 2013\n\n"
        "Wethouder Jan Brand vertelde over de dag.\n\n"
        "Te zien bij Televisie Noordkop, programma \"Regio Vandaag\".\n";
    static const char *const want[] = {"Jan Brand", NULL};
    expect_speakers(md, want);
}

/* A minister who was often named, or who sent a video, was not there. */
static void test_named_or_video_absent(void **state)
{
    (void)state;
    static const char md[] =
        "# Verslag\n\n"
        "- Minister Verhoef werd vaak genoemd (woningbouw), maar was er niet.\n"
        "- Staatssecretaris Kalkman was gevraagd, maar stuurde een video.\n"
        "- Wethouder Anna Kroes opende de middag.\n";
    static const char *const want[] = {"Anna Kroes", NULL};
    expect_speakers(md, want);
}

/* A list item whose sentence opens with "Met" names who gave it; "Daarna
 * kwam X" brings on the next speaker; "Met X" outside a list says nothing. */
static void test_with_in_item_and_next_came(void **state)
{
    (void)state;
    static const char md[] =
        "# Verslag\n\n"
        "In de middag waren er twee groepen:\n\n"
        "- Over geld. Met mevrouw Lutjes van de VNG.\n"
        "- Over werk. Met Henk Drost van de gemeente Oss.\n\n"
        "Daarna kwam Ruud Pals van het Nicis. Pals had cijfers.\n\n"
        "Met Karel Appel hebben we nog koffie gedronken.\n";
    static const char *const want[] = {"Henk Drost", "Lutjes", "Ruud Pals", NULL};
    expect_speakers(md, want);
}

/* "o.l.v." (onder leiding van) and "m.m.v." before a name lead to who led
 * the session, with or without an honorific. */
static void test_led_by_abbreviation(void **state)
{
    (void)state;
    static const char md[] =
        "# Verslag\n\n"
        "In de middag waren er twee werkgroepen: (a) \"Jeugd\", o.l.v. mw. Tessa Vlam "
        "(gem. Baarn), en (b) \"Geld\", o.l.v. Wout Heerkens (VNG).\n\n"
        "Het slotdebat, m.m.v. Lies Overmars (Woonbron), duurde kort.\n";
    static const char *const want[] = {"Lies Overmars", "Tessa Vlam", "Wout Heerkens", NULL};
    expect_speakers(md, want);
}

/* Sections that each end with their writer's signature ("— Name, Org")
 * were written by the workshop leaders: each signer is a speaker.  One
 * signature under a whole text is a byline and names no speaker. */
static void test_signed_sections(void **state)
{
    (void)state;
    static const char md[] =
        "# Verslagen van de tafels\n\n"
        "Elke tafelleider schreef hieronder een stukje.\n\n"
        "## Tafel A – Jongeren en werk\n\n"
        "We spraken over stages bij het mkb. Veel jongeren vinden de weg niet.\n\n"
        "\xE2\x80\x94 Marjolein Tabak, gemeente Voorst\n\n"
        "## Tafel B – Vervoer op het platteland\n\n"
        "De buurtbus rijdt nog, maar de chauffeurs worden ouder.\n\n"
        "\xE2\x80\x94 Gijsbert Klomp, Stichting Dorpsvervoer\n\n"
        "---\n\n"
        "Volgende keer meer.\n";
    static const char *const want[] = {"Gijsbert Klomp", "Marjolein Tabak", NULL};
    expect_speakers(md, want);
    static const char byline[] =
        "# Een middag over vervoer\n\n"
        "## Terugblik\n\n"
        "De buurtbus rijdt nog, maar de chauffeurs worden ouder.\n\n"
        "\xE2\x80\x94 Marjolein Tabak, redacteur\n";
    static const char *const none[] = {NULL};
    expect_speakers(byline, none);
}

/* A mayor's opening speech: its title names the one who gave it
 * ("Toespraak van burgemeester X"), and the speech announces the day's
 * programme ("Daarna vertellen A en B", "onze wethouder Zorg, C, ...");
 * a colleague who is ill did not speak. */
static void test_opening_speech_programme(void **state)
{
    (void)state;
    static const char md[] =
        "*Openingswoord van burgemeester Hester Dijkgraaf-Wolters bij de regiodag.*\n\n"
        "Dames en heren, welkom in ons theater.\n\n"
        "Daarna vertellen Bram Oosterwijk van de Hanzehogeschool en Lotte Brink "
        "van de provincie over de woonafspraken. Onze wethouder Zorg, Kees Vlietstra, "
        "gaat met u in gesprek. Wethouder Gijs Roelink had u graag zelf toegesproken, "
        "maar hij is helaas ziek.\n";
    static const char *const want[] = {"Bram Oosterwijk", "Hester Dijkgraaf-Wolters",
                                       "Kees Vlietstra", "Lotte Brink", NULL};
    expect_speakers(md, want);
}

/* A live blog's stage lines ("Nu op het podium: X", "Nu in beeld: prof.
 * X"), roles the lists learn as data (a demographer, a compound
 * "-regisseur", a naval rank of several words), a speaker who tells that
 * someone else is ill ("X vertelt dat Y ziek thuis is": only Y did not
 * come), and the next meeting's programme (no speaker of this one). */
static void test_live_blog_stage_lines(void **state)
{
    (void)state;
    static const char md[] =
        "# Live: regiodag\n\n"
        "**10.00** \xE2\x80\x93 Nu op het podium: wethouder Marit Hulsbeek-Tromp van Zutphen.\n\n"
        "**10.10** \xE2\x80\x93 Hulsbeek-Tromp vertelt dat voorzitter Gerrit Wolbers ziek thuis is.\n\n"
        "**10.30** \xE2\x80\x93 Nu in beeld: prof. dr. Ilona Szabo van de Universiteit Twente.\n\n"
        "**11.00** \xE2\x80\x93 Demograaf Rens Oudshoorn van het CBS liet cijfers zien. "
        "Daarna sprak kapitein-luitenant ter zee Bas Torenvliet van de marine.\n\n"
        "**11.30** \xE2\x80\x93 Nu op het podium: Wiebe Hoornstra, warmteregisseur bij de provincie.\n\n"
        "**12.00** \xE2\x80\x93 De volgende netwerkdag is in Tiel, waar wethouder Joost Plantinga "
        "zal spreken.\n";
    static const char *const want[] = {"Bas Torenvliet", "Ilona Szabo", "Marit Hulsbeek-Tromp",
                                       "Rens Oudshoorn", "Wiebe Hoornstra", NULL};
    expect_speakers(md, want);
}

/* A thread whose posts open with a header line ("**Name (Place)** –
 * date") and go on in the same paragraph: the posters are writers; and a
 * list of thanks under "Met dank aan" names no speakers, whatever their
 * office. */
static void test_post_headers_and_thanks_list(void **state)
{
    (void)state;
    static const char md[] =
        "# Draad: netwerkdag\n\n"
        "**Froukje Algra (Leeuwarden)** \xE2\x80\x93 3 juni 2024\n"
        "Mooie dag. Wethouder Hidde Bootsma opende met een verhaal over netcongestie.\n\n"
        "**Durk Sikkema (Harlingen)** \xE2\x80\x93 4 juni 2024\n"
        "Eens, en Bootsma had goede cijfers.\n\n"
        "Met dank aan\n"
        "- de gemeente Harlingen, in het bijzonder burgemeester Wiebren Stellingwerf, "
        "die ons ontving;\n"
        "- Aaltsje Brouwer van de AV-firma, voor de techniek.\n";
    static const char *const want[] = {"Hidde Bootsma", NULL};
    expect_speakers(md, want);
}

/* Cues the word lists learn as data: the next meeting's pledged speakers
 * ("hebben toegezegd"), a speaker who cancelled ("heeft afgezegd", "werd
 * afgelast"), a wiki's editor ("Laatst bewerkt door"), the colleague the
 * writer went with ("bezocht ik met wethouder X"), and German and Frisian
 * offices before a name. */
static void test_pledged_cancelled_and_offices(void **state)
{
    (void)state;
    static const char md[] =
        "# Terugblik\n\n"
        "*Laatst bewerkt door Mirthe Kooistra op 3 mei 2021.*\n\n"
        "Op 12 april bezocht ik met wethouder Tjeerd Algra de netwerkdag. "
        "Wethâlder Sjoukje Postma heette iedereen welkom. Daarna sprak "
        "Kreisdirektor Uwe Hansmann over de grens. Spreker Annet Kuik heeft afgezegd. "
        "De workshop van Hessel Bos (Movisie) werd wegens ziekte afgelast.\n\n"
        "## Vooruitblik\n\n"
        "Voor de voorjaarsdag: Pim Keuning (VNG) en prof. Ria Smeenk (RUG) hebben toegezegd.\n";
    static const char *const want[] = {"Sjoukje Postma", "Uwe Hansmann", NULL};
    expect_speakers(md, want);
}

/* An item of a list of speakers that names the organisation with "van"
 * ("- Anna Smit van het ministerie van BZK, over X"), and a live blog's
 * writer sitting in on a workshop ("Wij zitten bij Anna Smit van X"). */
static void test_speaker_item_van_org(void **state)
{
    (void)state;
    static const char md[] =
        "# Terugblik\n\n"
        "**Wie spraken er?**\n"
        "- Teun Wassink van het ministerie van BZK, over het gemeentefonds;\n"
        "- Lotte Brands, adviseur bij de VNG, over de begroting.\n\n"
        "**14.00** \xE2\x80\x93 Wij zitten bij Hidde Rozema van de provincie over de retailagenda.\n";
    static const char *const want[] = {"Hidde Rozema", "Lotte Brands", "Teun Wassink", NULL};
    expect_speakers(md, want);
}

/* A memo's or a placement report's header ("Van: X", "**Begeleider:** X")
 * names its writer and readers, and a newspaper's or a blog's dated line
 * with "– door X" names its journalist: no speakers. */
static void test_memo_header(void **state)
{
    (void)state;
    static const char memo[] =
        "Memo\n"
        "Aan: het dagelijks bestuur\n"
        "Van: Roos Vermeer, secretaris\n"
        "Datum: 3 juni 2016\n\n"
        "Wethouder Gert Hoving opende de dag.\n";
    static const char *const want_memo[] = {"Gert Hoving", NULL};
    expect_speakers(memo, want_memo);
}

static void test_placement_header_and_dated_byline(void **state)
{
    (void)state;
    static const char placement[] =
        "# Stageverslag\n\n"
        "**Stagiair:** Jasmijn Kok, Saxion\n"
        "**Begeleider:** Ewout Dam (Vereniging Rijnhaven)\n\n"
        "*Dagblad Oost, editie Zwolle \xE2\x80\x93 9 mei 2018 \xE2\x80\x93 door Nina Roelofs (Stadsblad)*\n\n"
        "Burgemeester Henk Ravels (Zwolle) sprak over de binnenstad.\n";
    static const char *const want_placement[] = {"Henk Ravels", NULL};
    expect_speakers(placement, want_placement);
}

/* A successor who speaks with a verb of her own ("Haar opvolger, X, sloot
 * af") speaks; a role the lists learn ("Ingenieur X van Rijkswaterstaat")
 * is no part of the name; a speech that thanks an office holder by name
 * ("ik wil voorzitter X bedanken") does not make that person a speaker. */
static void test_successor_speaks_and_thanks(void **state)
{
    (void)state;
    static const char md[] =
        "# Terugblik\n\n"
        "Ingenieur Wout Zeeland van Rijkswaterstaat sprak over de dijken. "
        "Ik wil ook voorzitter Anneke Stam hartelijk bedanken. "
        "Haar opvolger, Joke Wiersma, sloot de dag af.\n";
    static const char *const want[] = {"Joke Wiersma", "Wout Zeeland", NULL};
    expect_speakers(md, want);
}

/* Posts collected after the day, each under a header line that names its
 * writer ("**Name** – role, organisation"): the writer is a speaker only
 * when the post says so in the first person ("gaf ik de workshop"). */
static void test_posts_first_person(void **state)
{
    (void)state;
    static const char md[] =
        "# Berichten na de regiodag\n\n"
        "**Ilse Kroeze** \xE2\x80\x93 Beleidsadviseur Wonen, gemeente Epe\n"
        "Mooie dag gisteren. Wethouder Gert Mulder vertelde over de wijkaanpak in Epe.\n"
        "#wonen\n\n"
        "**Ruben Aalders** \xC2\xB7 Programmamanager Energie, gemeente Hattem\n"
        "Samen met een collega uit Epe gaf ik de workshop over warmtenetten in oude wijken.\n";
    static const char *const want[] = {"Gert Mulder", "Ruben Aalders", NULL};
    expect_speakers(md, want);
}

/* Minutes abbreviate an alderman's office ("wethr. mw. A. Smit"). */
static void test_abbreviated_office(void **state)
{
    (void)state;
    static const char md[] =
        "# Verslag\n\n"
        "Namens de gem. Venray lichtte wethr. mw. G. Pelsma de plannen toe.\n";
    static const char *const want[] = {"G. Pelsma", NULL};
    expect_speakers(md, want);
}

/* "een onderzoeker van TNO, dr. X": a role and its organisation, then a
 * comma and a title before the full name. */
static void test_role_of_org_then_titled_name(void **state)
{
    (void)state;
    static const char md[] =
        "# Terugblik\n\n"
        "En er was een onderzoeker van het RIVM, dr. Fenne Oosting. Zij had cijfers.\n";
    static const char *const want[] = {"Fenne Oosting", NULL};
    expect_speakers(md, want);
}

/* A newspaper item's byline in bold ("**Door X**", read as a heading)
 * names its journalist; a speaker who "was wegens ziekte verhinderd" or
 * "liet zich verontschuldigen" did not speak; a department ("Afdeling
 * Communicatie") is no person. */
static void test_bold_byline_and_excused(void **state)
{
    (void)state;
    static const char md[] =
        "# Gemeenten zoeken samen naar woningen\n\n"
        "Gemeente Tiel \xE2\x80\x93 Afdeling Communicatie\n\n"
        "**Door Wendy Koopal**\n\n"
        "Wethouder Anouk Tijsma (Tiel) opende de dag. Gedeputeerde Rob Keizers "
        "van de provincie liet zich verontschuldigen. Sprekers waren verder "
        "Joris Veldkamp (UWV) en Ilse Bolt (COA).\n\n"
        "Joris Veldkamp was wegens ziekte verhinderd.\n";
    static const char *const want[] = {"Anouk Tijsma", "Ilse Bolt", NULL};
    expect_speakers(md, want);
}

/* "Namens ons college waren wethouder X en twee ambtenaren aanwezig": the
 * audience, though the verb and "aanwezig" stand apart. */
static void test_present_apart(void **state)
{
    (void)state;
    static const char md[] =
        "# Raadsinformatiebrief\n\n"
        "Namens ons college waren wethouder Brouwer en twee ambtenaren aanwezig. "
        "Burgemeester Lisa Hamstra opende de dag.\n";
    static const char *const want[] = {"Lisa Hamstra", NULL};
    expect_speakers(md, want);
}

/* "X sprak namens Y, die verhinderd was": the relative clause is about Y;
 * X spoke (and speaks on later). */
static void test_relative_clause_absent(void **state)
{
    (void)state;
    static const char md[] =
        "# Verslag\n\n"
        "Wethouder Marga Doornbos sprak namens burgemeester Hein Lutje, die verhinderd was. "
        "Marga Doornbos vertelde daarna over de plannen.\n";
    static const char *const want[] = {"Marga Doornbos", NULL};
    expect_speakers(md, want);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_attendee_list_ends_at_agenda),
        cmocka_unit_test(test_attendance_list_grouped_under_bold_lines),
        cmocka_unit_test(test_speaker_after_dash),
        cmocka_unit_test(test_writer_still_speaks),
        cmocka_unit_test(test_organisation_before_verb),
        cmocka_unit_test(test_surname_with_organisation),
        cmocka_unit_test(test_titles_and_quotes),
        cmocka_unit_test(test_central_european_names),
        cmocka_unit_test(test_negated_speaking),
        cmocka_unit_test(test_successor_named_after),
        cmocka_unit_test(test_plural_role),
        cmocka_unit_test(test_writers),
        cmocka_unit_test(test_role_after_is),
        cmocka_unit_test(test_organisations_and_quotes),
        cmocka_unit_test(test_audience_cue_by_clause),
        cmocka_unit_test(test_broken_paragraph_and_opinion),
        cmocka_unit_test(test_given_name_reference),
        cmocka_unit_test(test_transcript_labels),
        cmocka_unit_test(test_newsletter_sections_no_transcript),
        cmocka_unit_test(test_gapped_verb),
        cmocka_unit_test(test_front_matter_and_programme),
        cmocka_unit_test(test_english_fields_are_no_names),
        cmocka_unit_test(test_newsletter_other_news),
        cmocka_unit_test(test_noun_van_full_name),
        cmocka_unit_test(test_formal_initials_and_called_name),
        cmocka_unit_test(test_programme_in_present_tense),
        cmocka_unit_test(test_german_offices),
        cmocka_unit_test(test_footnote_marks),
        cmocka_unit_test(test_forum_posters_and_thanks),
        cmocka_unit_test(test_agencies_and_committees),
        cmocka_unit_test(test_session_giver_about),
        cmocka_unit_test(test_session_label_colon),
        cmocka_unit_test(test_nested_programme_items),
        cmocka_unit_test(test_next_meeting_speakers),
        cmocka_unit_test(test_together_with),
        cmocka_unit_test(test_role_of_place_then_name),
        cmocka_unit_test(test_called_name_after_initials),
        cmocka_unit_test(test_could_not_at_clause_end),
        cmocka_unit_test(test_cancelled_and_replacement),
        cmocka_unit_test(test_transcript_addressed_given_name),
        cmocka_unit_test(test_thread_handles),
        cmocka_unit_test(test_live_blog_next_up),
        cmocka_unit_test(test_photo_caption_lineup),
        cmocka_unit_test(test_contact_person_no_speaker),
        cmocka_unit_test(test_ill_speaker_replaced),
        cmocka_unit_test(test_mail_headers_no_names),
        cmocka_unit_test(test_broadcaster_no_person),
        cmocka_unit_test(test_named_or_video_absent),
        cmocka_unit_test(test_with_in_item_and_next_came),
        cmocka_unit_test(test_led_by_abbreviation),
        cmocka_unit_test(test_signed_sections),
        cmocka_unit_test(test_opening_speech_programme),
        cmocka_unit_test(test_live_blog_stage_lines),
        cmocka_unit_test(test_post_headers_and_thanks_list),
        cmocka_unit_test(test_pledged_cancelled_and_offices),
        cmocka_unit_test(test_speaker_item_van_org),
        cmocka_unit_test(test_memo_header),
        cmocka_unit_test(test_placement_header_and_dated_byline),
        cmocka_unit_test(test_successor_speaks_and_thanks),
        cmocka_unit_test(test_posts_first_person),
        cmocka_unit_test(test_abbreviated_office),
        cmocka_unit_test(test_role_of_org_then_titled_name),
        cmocka_unit_test(test_bold_byline_and_excused),
        cmocka_unit_test(test_present_apart),
        cmocka_unit_test(test_relative_clause_absent),
    };
    return cmocka_run_group_tests(tests, vp_test_data_load, vp_test_data_free);
}
