/*
 * Unit tests of the themes stage (indexer/extract_themes.c) with the real
 * data files (VP_DATA_DIR: themes.tsv, theme_terms.tsv, theme_model.tsv).
 * The reports are written for these tests in Markdown and parsed as the
 * indexer parses them (front matter, cmark, title).  Two kinds of test:
 * what the evidence is (the features, whatever the fitted weights), and
 * what a reader would call the themes of a report that leaves no doubt
 * (the decisions of the shipped model).
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
#include "extract_stages.h"
#include "extract_themes.h"
#include "frontmatter.h"
#include "markdown.h"

static vp_themes *themes;

static int load_data(void **state)
{
    (void)state;
    char err[256];
    themes = vp_themes_load(VP_DATA_DIR "/themes.tsv", err, sizeof err);
    if (!themes || !vp_themes_model(themes)) {
        fprintf(stderr, "%s\n", themes ? "no theme_model.tsv" : err);
        return -1;
    }
    return 0;
}

static int free_data(void **state)
{
    (void)state;
    vp_themes_free(themes);
    return 0;
}

/* A report in Markdown (front matter allowed), parsed as the indexer
 * parses it. */
static void parse(const char *md, vp_parsed *p)
{
    size_t off;
    int line;
    vp_fm_error err = {0};
    vp_parsed_init(p);
    assert_int_equal(vp_frontmatter_parse(md, strlen(md), &p->fm, &off, &line, &err), 0);
    assert_int_equal(vp_markdown_parse(md + off, strlen(md) - off, line, p), 0);
}

/* The themes of a report, ", "-joined in slug order, each followed by
 * ":" and its level when levels. */
static const char *themes_with(const char *md, bool levels)
{
    static char out[256];
    vp_parsed p;
    vp_document d;
    vp_extract_issue issue = {0};
    parse(md, &p);
    vp_document_init(&d);
    d.title = vp_extract_title(&p);
    vp_extract_ctx ctx = {.themes = themes};
    assert_int_equal(vp_extract_themes(&ctx, &p, &d, &issue), VP_EXTRACT_OK);
    assert_string_equal(issue.message, "");   /* tags are free-form, never an error */
    assert_non_null(d.theme_levels);
    out[0] = '\0';
    for (size_t i = 0; i < d.themes.len; i++) {
        char level[8] = "";
        if (levels)
            snprintf(level, sizeof level, ":%u", d.theme_levels[i]);
        strncat(out, i ? ", " : "", sizeof out - strlen(out) - 1);
        strncat(out, d.themes.items[i], sizeof out - strlen(out) - 1);
        strncat(out, level, sizeof out - strlen(out) - 1);
    }
    vp_document_clear(&d);
    vp_parsed_clear(&p);
    return out;
}

static const char *themes_of(const char *md)
{
    return themes_with(md, false);
}

static size_t theme(const char *slug)
{
    const vp_theme *t = vp_themes_lookup(themes, slug);
    assert_non_null(t);
    return (size_t)(t - vp_themes_at(themes, 0));
}

/* The evidence of one report. */
static void evidence(const char *md, vp_theme_evidence *ev)
{
    vp_parsed p;
    parse(md, &p);
    char *title = vp_extract_title(&p);
    vp_theme_evidence_of(themes, &p, title, ev);
    free(title);
    vp_parsed_clear(&p);
}

/* ---- the evidence ---- */

/* A Dutch compound is what its last part is: burglaries in homes are
 * safety, not housing; a phrase claims its words: the circular economy is
 * sustainability, not the economy, and the regional energy strategy is not
 * regional collaboration. */
static void test_heads_and_phrases_decide(void **state)
{
    (void)state;
    static const char lines[] =
        "# Een avond in het dorpshuis\n\n"
        "Het aantal woninginbraken steeg, en de circulaire economie kwam ter sprake.\n\n"
        "Ook de regionale energiestrategie.\n\n";
    vp_theme_evidence ev;
    evidence(lines, &ev);
    assert_true(ev.x[theme("regionale-samenwerking")][VP_TF_BODY] == 0);
    assert_true(ev.x[theme("veiligheid")][VP_TF_BODY] > 0);
    assert_true(ev.x[theme("wonen-leefomgeving")][VP_TF_BODY] == 0);
    assert_true(ev.x[theme("duurzaamheid-energie")][VP_TF_BODY] > 0);
    assert_true(ev.x[theme("economie-arbeidsmarkt")][VP_TF_BODY] == 0);
    vp_theme_evidence_clear(&ev);
}

/* Where a word stands counts: the title, a heading, the body. */
static void test_zones(void **state)
{
    (void)state;
    static const char lines[] =
        "# Bereikbaarheid van de kernen\n\n"
        "WORKSHOP JEUGDZORG\n\n"
        "Over de woningmarkt werd kort gesproken.\n\n";
    vp_theme_evidence ev;
    evidence(lines, &ev);
    size_t mob = theme("mobiliteit"), soc = theme("sociaal-domein");
    size_t won = theme("wonen-leefomgeving");
    assert_true(ev.x[mob][VP_TF_TITLE] > 0 && ev.x[mob][VP_TF_HEADING] == 0);
    assert_true(ev.x[soc][VP_TF_HEADING] > 0 && ev.x[soc][VP_TF_TITLE] == 0);
    assert_true(ev.x[won][VP_TF_BODY] > 0 && ev.x[won][VP_TF_HEADING] == 0);
    assert_true(ev.x[mob][VP_TF_SHARE] == 1 && ev.x[won][VP_TF_SHARE] < 1);
    vp_theme_evidence_clear(&ev);
}

/* One word said many times is not many words: repeats saturate. */
static void test_repeats_saturate(void **state)
{
    (void)state;
    vp_theme_evidence a, b;
    evidence("# Verslag\n\nHet ging over krimp.\n", &a);
    evidence("# Verslag\n\nHet ging over krimp, krimp, krimp, krimp, krimp en krimp.\n", &b);
    size_t dem = theme("demografie");
    assert_true(b.x[dem][VP_TF_BODY] > a.x[dem][VP_TF_BODY]);
    assert_true(b.x[dem][VP_TF_BODY] < 2.5 * a.x[dem][VP_TF_BODY]);
    assert_true(a.x[dem][VP_TF_DISTINCT] == b.x[dem][VP_TF_DISTINCT]);
    vp_theme_evidence_clear(&a);
    vp_theme_evidence_clear(&b);
}

/* A report without headings: a paragraph taken for its title is no title. */
static void test_long_title_is_no_title(void **state)
{
    (void)state;
    vp_theme_evidence ev;
    evidence("Over de woningbouw, de woningmarkt, de huurwoningen en de middenhuur werd op "
             "deze dag in de zaal van het gemeentehuis lang en uitvoerig gesproken door alle "
             "aanwezige wethouders en ambtenaren uit de hele provincie.\n", &ev);
    assert_true(ev.x[theme("wonen-leefomgeving")][VP_TF_TITLE] == 0);
    assert_true(ev.x[theme("wonen-leefomgeving")][VP_TF_BODY] > 0);
    vp_theme_evidence_clear(&ev);
}

/* A report of one enormous token: no word, no evidence, and done in one
 * pass (the ctest timeout would catch a quadratic scan). */
static void test_one_huge_token(void **state)
{
    (void)state;
    size_t n = 4u << 20, head = strlen("# Verslag\n\n");
    char *md = malloc(head + n + 2);
    assert_non_null(md);
    memcpy(md, "# Verslag\n\n", head);
    for (size_t i = 0; i < n; i++)
        md[head + i] = "woningbouw"[i % 10];
    memcpy(md + head + n, "\n", 2);
    vp_theme_evidence ev;
    evidence(md, &ev);
    for (size_t t = 0; t < ev.n; t++)
        assert_true(ev.x[t][VP_TF_BODY] == 0);
    vp_theme_evidence_clear(&ev);
    assert_string_equal(themes_of(md), "");
    free(md);
}

/* ---- the decisions ---- */

/* The subjects of the day, not what the introduction names in passing. */
static void test_subjects_not_passing_mentions(void **state)
{
    (void)state;
    static const char lines[] =
        "# Netwerkdag over het wonen in kleine kernen\n\n"
        "Gemeenten werken aan veel opgaven, van jeugdzorg tot digitalisering en "
        "verkeersveiligheid. Deze dag ging over de woningmarkt.\n\n"
        "WORKSHOP A: BOUWEN VOOR STARTERS\n\n"
        "De woningcorporatie liet zien hoe starterswoningen en huurwoningen in de dorpen "
        "betaalbaar blijven. De wachtlijsten voor sociale huurwoningen groeien.\n\n"
        "WORKSHOP B: WONEN EN ZORG\n\n"
        "Ouderen willen langer in hun eigen woning blijven; de woningvoorraad moet daarop "
        "worden aangepast met levensloopbestendige nieuwbouw.\n\n";
    assert_string_equal(themes_of(lines), "wonen-leefomgeving");
}

/* A day of workshops: each workshop's subject is a theme. */
static void test_workshops_each_a_theme(void **state)
{
    (void)state;
    static const char lines[] =
        "# Kennisdag middelgrote gemeenten\n\n"
        "Na de opening gingen de deelnemers uiteen in drie workshops.\n\n"
        "A. DE BINNENSTAD VAN MORGEN\n\n"
        "Winkelleegstand in de binnenstad vraagt om een kleiner kernwinkelgebied, meer "
        "horeca en een ondernemersfonds. De winkelstraat verandert.\n\n"
        "B. SAMEN STERK IN DE REGIO\n\n"
        "De regionale samenwerking tussen buurgemeenten krijgt vorm in een "
        "gemeenschappelijke regeling en een regiodeal met het Rijk.\n\n"
        "C. WERK EN ARBEIDSMARKT\n\n"
        "Werkgevers vinden geen personeel: de krapte op de arbeidsmarkt raakt de "
        "maakindustrie en de vacatures blijven open.\n\n";
    assert_string_equal(themes_of(lines),
                        "binnenstad, economie-arbeidsmarkt, regionale-samenwerking");
}

/* Reports in English. */
static void test_english_report(void **state)
{
    (void)state;
    static const char lines[] =
        "# Network day on the future of the city centre\n\n"
        "Retail vacancy hits the high street of many mid-sized towns. Shopkeepers, the "
        "hospitality sector and the municipality discussed how to keep the town centre "
        "lively, with fewer shops and more housing above them.\n\n"
        "A second session looked at energy poverty and the energy transition: insulation "
        "of homes, solar panels and heat networks, and who pays for them.\n\n";
    assert_string_equal(themes_of(lines), "binnenstad, duurzaamheid-energie");
}

/* A news item of a few lines gets its subject. */
static void test_short_news_item(void **state)
{
    (void)state;
    static const char lines[] =
        "# Gemeenten trekken samen op tegen ondermijning\n\n"
        "Burgemeesters uit de regio tekenden een convenant tegen drugscriminaliteit. "
        "Politie en gemeenten delen voortaan informatie over verdachte panden.\n\n";
    assert_string_equal(themes_of(lines), "veiligheid");
}

/* Reports written for one class of text, each with the themes a reader
 * sees in it. */
typedef struct case_ {
    const char *md, *themes;
} case_;

static void expect_each(const case_ *c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        assert_string_equal(themes_of(c[i].md), c[i].themes);
}

/* Local government itself is a subject: councillors on their own role,
 * the relations between tiers of government, in Dutch and in English. */
static void test_local_government(void **state)
{
    (void)state;
    static const case_ cases[] = {
        {"# Raadsledendag over de rol van de raad\n\n"
         "Raadsleden van vijf gemeenteraden spraken over hun kaderstellende en controlerende "
         "rol. Fractievoorzitters wilden de zeggenschap dicht bij de eigen raad houden; "
         "een hoogleraar bestuurskunde schetste de bestuurlijke verhoudingen tussen rijk, "
         "provincie en gemeenten.\n\n",
         "bestuur-financien"},
        {"# A visit from the monitoring committee\n\n"
         "A delegation met representatives of local authorities and of the national "
         "association of municipalities to discuss local self-government, local autonomy "
         "and subsidiarity in the Netherlands.\n\n",
         "bestuur-financien"},
    };
    expect_each(cases, sizeof cases / sizeof *cases);
    /* the tiers named together ("local and regional government") are no
     * more evidence of regional collaboration than "regional" alone */
    size_t reg = theme("regionale-samenwerking");
    vp_theme_evidence both, one;
    evidence("# Councillors meet\n\nThey compared local and regional government.\n\n", &both);
    evidence("# Councillors meet\n\nThey compared regional government.\n\n", &one);
    assert_true(both.x[reg][VP_TF_BODY] <= one.x[reg][VP_TF_BODY]);
    vp_theme_evidence_clear(&both);
    vp_theme_evidence_clear(&one);
}

/* The field's vocabulary beyond the theme's name: crisis management
 * (evacuation, the crisis organisation, the emergency plan) is safety;
 * labour migration is the labour market; a country's border is
 * collaboration across it; the funds that pay for the municipalities' tasks
 * are municipal finance; each beside a report's main subject, so that no
 * fallback to the likeliest theme decides. */
static void test_field_vocabulary(void **state)
{
    (void)state;
    static const case_ cases[] = {
        {"# Wonen aan de rivier\n\n"
         "Wethouders spraken over de woningbouw in de uiterwaarden: nieuwe woningen voor "
         "starters, betaalbare huurwoningen en de woningmarkt in de regio.\n\n"
         "Daarna oefenden de gemeenten een evacuatie van twee dorpen na een storm. De "
         "crisisorganisatie kwam op het stadhuis bijeen; het rampenplan bleek op twee "
         "punten verouderd. De meldkamer en de hulpdiensten bespraken na afloop wat beter "
         "kan.\n\n",
         "veiligheid, wonen-leefomgeving"},
        {"# Werk in de kassen\n\n"
         "De gemeenten spraken over de woningbouw voor starters, betaalbare huurwoningen en "
         "de woningmarkt.\n\n"
         "In de kassen en de distributiecentra werken veel internationale werknemers. "
         "Wethouders bespraken hoe de gemeenten met de sector afspraken maken over "
         "arbeidsmigratie, en hoe buitenlandse werknemers die blijven hun weg vinden.\n\n",
         "economie-arbeidsmarkt, wonen-leefomgeving"},
        {"# Zorg over de grens\n\n"
         "Wethouders spraken over jeugdzorg, de Wmo en de wijkteams in hun dorpen.\n\n"
         "Aan beide kanten van de landsgrens zoeken gemeenten dezelfde oplossingen. De "
         "dorpen aan de rijksgrens willen vaker met hun Duitse buren om tafel, over de "
         "landsgrens heen.\n\n",
         "regionale-samenwerking, sociaal-domein"},
        {"# Geld voor het sociaal domein\n\n"
         "Wethouders spraken over jeugdzorg, de Wmo en de wijkteams in hun dorpen.\n\n"
         "De verdeling over gemeenten via het deelfonds en de integratie-uitkering is "
         "onzeker. Kleine gemeenten willen een verevening van de risico's; de "
         "decentralisatie-uitkering dekt de kosten niet.\n\n",
         "bestuur-financien, sociaal-domein"},
    };
    expect_each(cases, sizeof cases / sizeof *cases);
}

/* How writers new to the code name a subject, each beside another subject
 * so that no fallback to the likeliest theme decides: collaboration across
 * a region in English and by its instruments (a regional housing vision,
 * regional agreements, energy regions, a joint position), the labour market
 * of the Participation Act and of the support for businesses in a crisis,
 * the care side of safety, information security as safety, the homes of a
 * region with earthquakes, salinisation and the water board in English. */
static void test_new_hands_vocabulary(void **state)
{
    (void)state;
    static const case_ cases[] = {
        {"# Food and jobs\n\n"
         "Aldermen spoke about the economy of the area: employers, jobs in the food "
         "industry and the shortage of technical staff.\n\n"
         "The municipalities and the province jointly fund a regional development "
         "agenda. Working together, they wrote a regional strategy for the next ten "
         "years.\n\n",
         "economie-arbeidsmarkt, regionale-samenwerking"},
        {"# Minder inwoners\n\n"
         "De bevolkingsdaling zet door: de vergrijzing neemt toe en jongeren trekken weg "
         "naar de stad.\n\n"
         "De acht gemeenten stelden daarom samen een regionale visie op. De regionale "
         "afspraken zijn bindend, en de gemeenten bepalen hun gezamenlijke standpunt "
         "richting het Rijk.\n\n",
         "demografie, regionale-samenwerking"},
        {"# Jongeren in de bijstand\n\n"
         "Sinds de Participatiewet zijn gemeenten verantwoordelijk voor jongeren in de "
         "bijstand en met een arbeidsbeperking; wijkteams en schuldhulp zien hen vaak.\n\n"
         "Jongeren zonder startkwalificatie doen werkervaring op bij een leerbedrijf; met "
         "loonkostensubsidie en arbeidstoeleiding gaan meer van hen aan het werk.\n\n",
         "economie-arbeidsmarkt, sociaal-domein"},
        {"# De stad na de lockdown\n\n"
         "De binnenstad liep leeg: winkels en horeca waren maandenlang dicht en de "
         "leegstand groeide.\n\n"
         "De wethouder vertelde welke steunmaatregelen de gemeente nam naast de "
         "steunpakketten van het Rijk, en hoe de Tozo zelfstandigen hielp.\n\n",
         "binnenstad, economie-arbeidsmarkt"},
        {"# Drugs in de wijk\n\n"
         "Politie en gemeente spraken over ondermijning, drugshandel en overlast in de "
         "wijken.\n\n"
         "Het Zorg- en Veiligheidshuis brengt zorg en veiligheid samen: bij verward "
         "gedrag en bij verwarde personen werken hulpverleners en politie daar als "
         "één team.\n\n",
         "sociaal-domein, veiligheid"},
        {"# De digitale gemeente\n\n"
         "Gemeenten spraken over digitalisering, digitale dienstverlening, algoritmes en "
         "datagedreven werken.\n\n"
         "Na een cyberaanval met ransomware lag een gemeente drie weken stil. Een "
         "adviseur informatieveiligheid liet zien hoe je een cyberincident oefent, en "
         "hoe de gemeente na de cyberaanval de ransomware uit haar systemen kreeg.\n\n",
         "digitalisering, veiligheid"},
        {"# Gezondheid na de bevingen\n\n"
         "Onderzoekers spraken over gezondheid, stress en welzijn, en over wat wijkteams "
         "en de GGD kunnen doen.\n\n"
         "Duizenden inwoners wachten op herstel van bevingsschade; de aardbevingen en de "
         "versterkingsoperatie bepalen hoe zij wonen.\n\n",
         "sociaal-domein, wonen-leefomgeving"},
        {"# Farming by the sea\n\n"
         "The day was about farming and the rural economy: farmers, food companies and "
         "jobs in agriculture.\n\n"
         "An expert from the regional water board spoke about salinisation: salt water "
         "creeps into the ground water as the sea level rises.\n\n",
         "duurzaamheid-energie, economie-arbeidsmarkt"},
    };
    expect_each(cases, sizeof cases / sizeof *cases);
}

/* More of how other hands name a subject, each beside another subject so
 * that no fallback decides: villages that drain of their young people, the
 * social domain's outreach behind the front door, information security
 * said as safety on the internet, sustainability in farming and food. */
static void test_drain_outreach_vocabulary(void **state)
{
    (void)state;
    static const case_ cases[] = {
        {"# Dorpen zonder jeugd\n\n"
         "Wethouders spraken over het onderwijs en het lerarentekort.\n\n"
         "De kleine kernen lopen leeg. Steeds meer jongeren vertrekken naar de stad "
         "na de middelbare school; een dorp dat leegloopt houdt zijn winkel niet.\n\n",
         "demografie, onderwijs-cultuur"},
        {"# Oude wijken\n\n"
         "De corporaties vernieuwen de woningen in de wijk en bouwen nieuwe "
         "huurwoningen.\n\n"
         "Met de achter-de-voordeur-aanpak gaan teams op huisbezoek bij gezinnen met "
         "problemen achter de voordeur, die zelf geen hulp vragen.\n\n",
         "sociaal-domein, wonen-leefomgeving"},
        {"# Netwerkdag in de havenstad\n\n"
         "Politie en gemeenten spraken over ondermijning en witwassen.\n\n"
         "Daarna ging het over veiligheid op internet: een adviseur van een "
         "informatiebeveiligingsdienst liet zien hoe een gemeente haar gegevens "
         "beschermt. Hackers proberen steeds vaker binnen te komen.\n\n",
         "digitalisering, veiligheid"},
        {"# Een dag op het land\n\n"
         "De ochtend ging over de economie van de streek en de vacatures in de "
         "voedingsindustrie.\n\n"
         "Onderzoekers vertelden over de eiwittransitie en over kringlooplandbouw. Een "
         "boer liet zijn installatie voor mestvergisting zien: duurzaam produceren "
         "begint op het erf.\n\n",
         "duurzaamheid-energie, economie-arbeidsmarkt"},
    };
    expect_each(cases, sizeof cases / sizeof *cases);
}

/* A meeting held online is no evidence of digitalisation: the words that
 * say how a day was held (digitaal, online, the website with the
 * recordings) weigh little, the policy field's own words a lot. */
static void test_online_meeting_is_not_digitalisation(void **state)
{
    (void)state;
    static const case_ cases[] = {
        {"# Digitaal voorjaarscongres\n\n"
         "Het congres was dit jaar digitaal: deelnemers keken online mee via de website en "
         "stelden vragen in de chat. Wethouders spraken over woningbouw, de woningmarkt en "
         "betaalbare huurwoningen voor starters.\n\n",
         "wonen-leefomgeving"},
        {"# Digitale dienstverlening van gemeenten\n\n"
         "Gemeenten werken aan digitale vaardigheden van inwoners, informatieveiligheid en "
         "het veilig gebruik van algoritmes.\n\n",
         "digitalisering"},
    };
    expect_each(cases, sizeof cases / sizeof *cases);
}

/* A short page names each subject once, in a sentence that lists them
 * (data/theme_cues.tsv); the same subjects named in passing, in a sentence
 * that lists nothing, are no subjects. */
static void test_listed_subjects(void **state)
{
    (void)state;
    static const char listed[] =
        "# Bestuurders zetten handtekening onder regioagenda\n\n"
        "Nieuws - maart\n\n"
        "In het gemeentehuis tekenden de bestuurders van zes gemeenten de nieuwe agenda. "
        "De drie thema's voor de komende jaren zijn woningbouw, bereikbaarheid en de "
        "energietransitie. Na afloop was er een lunch.\n\n";
    static const char passing[] =
        "# Bestuurders zetten handtekening onder regioagenda\n\n"
        "Nieuws - maart\n\n"
        "In het gemeentehuis tekenden de bestuurders van zes gemeenten de nieuwe agenda. "
        "Wie met de auto kwam, reed langs de woningbouw bij het station en de nieuwe "
        "zonnepanelen op het dak. Na afloop was er een lunch.\n\n";
    vp_theme_evidence ev;
    evidence(listed, &ev);
    size_t won = theme("wonen-leefomgeving"), mob = theme("mobiliteit");
    size_t duu = theme("duurzaamheid-energie");
    assert_true(ev.x[won][VP_TF_TITLE] > 0 && ev.x[mob][VP_TF_TITLE] > 0 &&
                ev.x[duu][VP_TF_TITLE] > 0);
    vp_theme_evidence_clear(&ev);
    evidence(passing, &ev);
    assert_true(ev.x[won][VP_TF_TITLE] == 0 && ev.x[duu][VP_TF_TITLE] == 0);
    vp_theme_evidence_clear(&ev);
    /* "the theme of the day" names one subject, whatever qualifies it */
    evidence("# Netwerkdag\n\nHet thema van de dag was hoe scholen bijdragen aan de "
             "leefbaarheid van kleine kernen.\n\n", &ev);
    assert_true(ev.x[won][VP_TF_TITLE] == 0 && ev.x[theme("onderwijs-cultuur")][VP_TF_TITLE] == 0);
    vp_theme_evidence_clear(&ev);
    const char *got = themes_of(listed);
    assert_non_null(strstr(got, "wonen-leefomgeving"));
    assert_non_null(strstr(got, "mobiliteit"));
    assert_non_null(strstr(got, "duurzaamheid-energie"));
    assert_null(strstr(themes_of(passing), "duurzaamheid-energie"));
}

/* A list of subjects goes on in the items after a sentence that announces
 * it with a colon, Markdown's items or a converted page's "•" lines; a
 * heading that announces subjects may name one. */
static void test_listed_in_items_and_headings(void **state)
{
    (void)state;
    static const char *const pages[] = {
        "# Burgemeestersoverleg\n\nHet overleg sprak over drie onderwerpen:\n\n"
        "- woningbouw voor starters;\n- het openbaar vervoer op het platteland;\n"
        "- armoede onder gezinnen.\n\nDaarna volgde een rondleiding.\n\n",
        "# Burgemeestersoverleg\n\nHet overleg sprak over drie onderwerpen:\n\n"
        "  \xe2\x80\xa2 woningbouw voor starters;\n"
        "  \xe2\x80\xa2 het openbaar vervoer op het platteland;\n"
        "  \xe2\x80\xa2 armoede onder gezinnen.\n\nDaarna volgde een rondleiding.\n\n",
    };
    size_t won = theme("wonen-leefomgeving"), mob = theme("mobiliteit");
    size_t soc = theme("sociaal-domein");
    vp_theme_evidence ev;
    for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
        evidence(pages[i], &ev);
        assert_true(ev.x[won][VP_TF_TITLE] > 0 && ev.x[mob][VP_TF_TITLE] > 0 &&
                    ev.x[soc][VP_TF_TITLE] > 0);
        vp_theme_evidence_clear(&ev);
    }
    /* without the colon the items are only items */
    evidence("# Burgemeestersoverleg\n\nHet overleg sprak over drie onderwerpen.\n\n"
             "- woningbouw voor starters;\n- armoede onder gezinnen.\n\n", &ev);
    assert_true(ev.x[won][VP_TF_TITLE] == 0 && ev.x[soc][VP_TF_TITLE] == 0);
    vp_theme_evidence_clear(&ev);
    evidence("# Regioagenda\n\nDe regio tekende.\n\n## Drie thema's: woningbouw\n\n"
             "Tekst.\n\n", &ev);
    assert_true(ev.x[won][VP_TF_TITLE] > 0);
    vp_theme_evidence_clear(&ev);
}

/* A sentence that announces the subjects without naming them is followed
 * by the one that does ("They spoke of three subjects. Housing ..."): that
 * one sentence lists them; the one after it does not, nor a heading. */
static void test_listed_in_next_sentence(void **state)
{
    (void)state;
    size_t won = theme("wonen-leefomgeving"), mob = theme("mobiliteit");
    size_t soc = theme("sociaal-domein"), vei = theme("veiligheid");
    vp_theme_evidence ev;
    evidence("# Raadsledenavond\n\nDe raadsleden van vier dorpen spraken over gedeelde "
             "onderwerpen. Zo gaat het om woningbouw voor jongeren, de buslijnen in het "
             "weekend en eenzaamheid onder ouderen. Daarna ging het over de politie en "
             "de zonnepanelen op de scholen.\n\n", &ev);
    assert_true(ev.named[won] && ev.named[mob] && ev.named[soc]);
    assert_false(ev.named[vei] || ev.named[theme("duurzaamheid-energie")]);
    vp_theme_evidence_clear(&ev);
    /* without the announcing sentence nothing is a list */
    evidence("# Raadsledenavond\n\nDe raadsleden van vier dorpen kwamen bijeen. Zo gaat "
             "het om woningbouw voor jongeren, de buslijnen in het weekend en eenzaamheid "
             "onder ouderen.\n\n", &ev);
    assert_false(ev.named[won] || ev.named[mob] || ev.named[soc]);
    vp_theme_evidence_clear(&ev);
    /* the sentence after the announcement is a heading: a heading lists on its own */
    evidence("# Raadsledenavond\n\nDe raadsleden spraken over gedeelde onderwerpen.\n\n"
             "## Woningbouw\n\nTekst.\n\n", &ev);
    assert_false(ev.named[won]);
    vp_theme_evidence_clear(&ev);
}

/* The author's list of the day's subjects assigns them, as a tag does,
 * though the rest of the page says nothing more of them: an English page
 * that spends its words on who came and what was signed. */
static void test_listed_subjects_are_assigned(void **state)
{
    (void)state;
    static const char page[] =
        "# Mayors of the river towns sign a joint statement\n\n"
        "On a wet Tuesday the mayors of nine river towns met in a former warehouse "
        "by the quay. After coffee and a short film about the towns' shared history "
        "they went through the statement line by line, and each mayor added a "
        "paragraph about his or her own town. A choir sang at the signing.\n\n"
        "## What they will work on\n\n"
        "The statement names four priorities for the next two years:\n\n"
        "- rural public transport;\n- youth care;\n- tackling organised crime; and\n"
        "- affordable housing.\n\n"
        "The mayors will meet again in the spring, in one of the other towns, to see "
        "how far they have come. The statement was sent to the ministry the same day.\n";
    vp_theme_evidence ev;
    evidence(page, &ev);
    assert_true(ev.named[theme("mobiliteit")] && ev.named[theme("sociaal-domein")] &&
                ev.named[theme("veiligheid")] && ev.named[theme("wonen-leefomgeving")]);
    assert_false(ev.named[theme("economie-arbeidsmarkt")]);
    vp_theme_evidence_clear(&ev);
    assert_string_equal(themes_of(page),
                        "mobiliteit, sociaal-domein, veiligheid, wonen-leefomgeving");
    /* the same subjects, each named once in passing, are not named */
    evidence("# Mayors sign\n\nThe mayors came by public transport, talked over lunch "
             "about youth care in their towns, and one told of organised crime in his "
             "harbour.\n\n", &ev);
    for (size_t i = 0; i < ev.n; i++)
        assert_false(ev.named[i]);
    vp_theme_evidence_clear(&ev);
}

/* Tags: a slug or a label assigns its theme; a free tag (Dutch or English)
 * is evidence like a word of the title; an unknown tag is no error. */
static void test_tags(void **state)
{
    (void)state;
    assert_string_equal(themes_of("---\n"
                                  "tags: [Mobiliteit en bereikbaarheid, ruimtevaart]\n"
                                  "---\n"
                                  "# Verslag\n\n"
                                  "Op de bijeenkomst spraken werkgevers over vacatures en over "
                                  "banen voor jongeren.\n"),
                        "economie-arbeidsmarkt, mobiliteit");
    static const char quiet[] = "# Verslag\n\nEen middag met drie sprekers en een borrel.\n";
    assert_string_equal(themes_of("---\ntags: [economy, jobs]\n---\n# Verslag\n\n"
                                  "Een middag met drie sprekers en een borrel.\n"),
                        "economie-arbeidsmarkt");
    assert_string_equal(themes_of(quiet), "");
    /* the author's keywords under other names, Dutch or English */
    assert_string_equal(themes_of("---\ntrefwoorden: [krimp, vergrijzing]\n---\n# Verslag\n\n"
                                  "Een middag met drie sprekers en een borrel.\n"),
                        "demografie");
    assert_string_equal(themes_of("---\nonderwerpen: Mobiliteit en bereikbaarheid\n---\n"
                                  "# Verslag\n\nEen middag met drie sprekers en een borrel.\n"),
                        "mobiliteit");
    assert_string_equal(themes_of("---\nkeywords: [housing, homes]\n---\n# Verslag\n\n"
                                  "Een middag met drie sprekers en een borrel.\n"),
                        "wonen-leefomgeving");
}

/* A theme the day was about is at the top level; one it touched on in a
 * workshop is lower, though both are assigned; a theme the author lists
 * is at least half the top (here with no word of it in the text). */
static void test_theme_levels(void **state)
{
    (void)state;
    static const char lines[] =
        "# Netwerkdag: bouwen voor starters en ouderen\n\n"
        "De woningmarkt zit op slot. Starters vinden geen betaalbare woning en de "
        "wachtlijsten voor sociale huurwoningen groeien. De woningcorporaties willen "
        "bouwen, maar bouwgrond is schaars.\n\n"
        "## Woningbouw in de kernen\n\n"
        "In de dorpen komen tiny houses en levensloopbestendige huurwoningen. De "
        "woningvoorraad moet mee met de vergrijzing; nieuwbouw voor ouderen maakt "
        "eengezinswoningen vrij voor gezinnen.\n\n"
        "## Workshop: de regionale economie\n\n"
        "Werkgevers in de maakindustrie vinden geen personeel: de krapte op de "
        "arbeidsmarkt raakt ook de bouw.\n\n";
    const char *got = themes_with(lines, true);
    assert_non_null(strstr(got, "wonen-leefomgeving:4"));
    assert_non_null(strstr(got, "economie-arbeidsmarkt:"));
    assert_null(strstr(got, "economie-arbeidsmarkt:4"));
    static const char tagged[] = "---\ntags: [Mobiliteit en bereikbaarheid]\n---\n"
                                 "# Verslag\n\nEen middag met drie sprekers en een borrel.\n";
    assert_string_equal(themes_with(tagged, true), "mobiliteit:2");
}

/* Without a model (theme_model.tsv absent) only tags that name a theme count. */
static void test_without_model(void **state)
{
    (void)state;
    vp_theme_evidence ev = {0};
    static const char lines[] =
        "# Jeugdzorg\n\n"
        "Jeugdzorg en de Wmo.\n\n";
    evidence(lines, &ev);
    size_t out[16];
    assert_int_equal(vp_theme_decide(NULL, &ev, out), 0);
    ev.named[theme("veiligheid")] = true;
    assert_int_equal(vp_theme_decide(NULL, &ev, out), 1);
    assert_int_equal(out[0], theme("veiligheid"));
    vp_theme_evidence_clear(&ev);
}

/* The closing paragraph announces the next meeting and its subject: that
 * subject is the next meeting's, not this report's, though the paragraph
 * names it by strong words. */
static void test_next_meeting_subject(void **state)
{
    (void)state;
    static const char lines[] =
        "# Verslag van de najaarsdag\n\n"
        "De najaarsdag ging over de jeugdzorg. De wethouder vertelde hoe de jeugdhulp in "
        "de wijken is georganiseerd en waarom de wachtlijsten in de jeugdzorg groeien. "
        "Een consulent van het sociaal domein liet zien hoe de Wmo en de jeugdwet "
        "samenkomen achter de voordeur.\n\n"
        "De voorjaarsdag staat gepland in maart. Thema: de binnenstad, de winkelleegstand "
        "en het kernwinkelgebied. Sprekers worden nog gezocht.\n\n";
    assert_string_equal(themes_of(lines), "sociaal-domein");
    static const char blog[] =
        "# Een dag over de jeugdzorg\n\n"
        "De wethouder vertelde hoe de jeugdhulp in de wijken is georganiseerd en waarom "
        "de wachtlijsten in de jeugdzorg groeien.\n\n"
        "Volgende week in de raad: de begroting, het gemeentefonds en de bezuinigingen. "
        "Ik houd u op de hoogte.\n\n";
    assert_string_equal(themes_of(blog), "sociaal-domein");
}

/* A post's hashtags are its author's tags: they count as the title does,
 * and a tag that runs a phrase's words together spells that phrase. */
static void test_hashtags_are_tags(void **state)
{
    (void)state;
    static const char post[] =
        "Mooie middag gehad met collega's uit het hele land. De wethouder liet zien "
        "hoe de gemeente de woningbouw versnelt. Daarna gepraat over de wachtlijsten "
        "in de jeugdzorg en de jeugdhulp in de wijken.\n\n"
        "#netwerkdag #woningbouw #jeugdzorg\n\n";
    assert_string_equal(themes_of(post), "sociaal-domein, wonen-leefomgeving");
    static const char run_together[] =
        "Mooie middag gehad met collega's uit het hele land. Goede gesprekken, "
        "sterke koffie en een volle zaal. Dank aan de organisatie!\n\n"
        "#netwerkdag #regionalesamenwerking\n\n";
    assert_string_equal(themes_of(run_together), "regionale-samenwerking");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_heads_and_phrases_decide),
        cmocka_unit_test(test_zones),
        cmocka_unit_test(test_repeats_saturate),
        cmocka_unit_test(test_long_title_is_no_title),
        cmocka_unit_test(test_one_huge_token),
        cmocka_unit_test(test_subjects_not_passing_mentions),
        cmocka_unit_test(test_workshops_each_a_theme),
        cmocka_unit_test(test_english_report),
        cmocka_unit_test(test_short_news_item),
        cmocka_unit_test(test_local_government),
        cmocka_unit_test(test_field_vocabulary),
        cmocka_unit_test(test_new_hands_vocabulary),
        cmocka_unit_test(test_drain_outreach_vocabulary),
        cmocka_unit_test(test_online_meeting_is_not_digitalisation),
        cmocka_unit_test(test_listed_subjects),
        cmocka_unit_test(test_listed_in_items_and_headings),
        cmocka_unit_test(test_listed_subjects_are_assigned),
        cmocka_unit_test(test_listed_in_next_sentence),
        cmocka_unit_test(test_next_meeting_subject),
        cmocka_unit_test(test_hashtags_are_tags),
        cmocka_unit_test(test_tags),
        cmocka_unit_test(test_theme_levels),
        cmocka_unit_test(test_without_model),
    };
    return cmocka_run_group_tests(tests, load_data, free_data);
}
