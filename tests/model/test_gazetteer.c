#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gazetteer.h"

static char tmpdir[64];
static int file_no;

/* Writes content to a new file in the temp dir; returns its path (static). */
static const char *write_tsv(const char *content)
{
    static char path[128];
    FILE *fp;
    snprintf(path, sizeof path, "%s/g%d.tsv", tmpdir, file_no++);
    fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(content, fp);
    fclose(fp);
    return path;
}

static const char *FIXTURE =
    "# name\tprovince\tended\tsuccessor\taliases\tflags\n"
    "\n"
    "Amsterdam\tNoord-Holland\n"                                        /* 3 */
    "'s-Hertogenbosch\tNoord-Brabant\t\t\tDen Bosch; 's Hertogenbosch\n" /* 4 */
    "Gorinchem\tZuid-Holland\n"
    "Peel en Maas\tLimburg\n"
    "Leidschendam-Voorburg\tZuid-Holland\r\n"
    "Leidschendam\tZuid-Holland\t2002\tLeidschendam-Voorburg\n"
    "Voorburg\tZuid-Holland\t2002\tleidschendam voorburg\n"             /* 9 */
    "Meierijstad\tNoord-Brabant\n"
    "Veghel\tNoord-Brabant\t2017\tMeierijstad\n"
    "Schijndel\tNoord-Brabant\t2017\tMeierijstad\n"
    "Sint-Oedenrode\tNoord-Brabant\t2017\tMeierijstad\n"
    "Erp\tNoord-Brabant\t1994\tVeghel\n"                                 /* 14 */
    "Utrecht\tUtrecht\t\t\t\tambiguous\n"
    "S\xC3\xBA" "dwest-Frysl\xC3\xA2n\tFriesland\n"
    "Alphen aan den Rijn\tZuid-Holland\n"
    "Alphen\tNoord-Brabant\t1997\tAlphen-Chaam\n"
    "Alphen-Chaam\tNoord-Brabant\n"
    "Bergen (NH)\tNoord-Holland\n"
    "Capelle aan den IJssel\tZuid-Holland\n";

static vp_gazetteer *load_fixture(void)
{
    char err[256] = "";
    vp_gazetteer *g = vp_gazetteer_load(write_tsv(FIXTURE), err, sizeof err);
    if (!g)
        fail_msg("load failed: %s", err);
    return g;
}

static int setup(void **state)
{
    (void)state;
    strcpy(tmpdir, "/tmp/vp_gaz_XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    char path[128];
    (void)state;
    for (int i = 0; i < file_no; i++) {
        snprintf(path, sizeof path, "%s/g%d.tsv", tmpdir, i);
        unlink(path);
    }
    rmdir(tmpdir);
    return 0;
}

static void test_load_and_lookup(void **state)
{
    vp_gazetteer *g = load_fixture();
    const vp_municipality *m;
    (void)state;
    assert_int_equal(vp_gazetteer_count(g), 19);
    m = vp_gazetteer_at(g, 0);
    assert_string_equal(m->name, "Amsterdam");
    assert_string_equal(m->province, "Noord-Holland");
    assert_int_equal(m->ended, 0);
    assert_null(m->successor);
    assert_false(m->ambiguous);
    assert_null(vp_gazetteer_at(g, 19));

    m = vp_gazetteer_lookup(g, "Den Bosch");
    assert_non_null(m);
    assert_string_equal(m->name, "'s-Hertogenbosch");
    assert_ptr_equal(vp_gazetteer_lookup(g, "\xE2\x80\x99S-HERTOGENBOSCH"), m);
    assert_ptr_equal(vp_gazetteer_lookup(g, "'s Hertogenbosch"), m);
    assert_ptr_equal(vp_gazetteer_lookup(g, "den-bosch"), m);
    assert_ptr_equal(vp_gazetteer_lookup(g, "sudwest fryslan"),
                     vp_gazetteer_lookup(g, "Súdwest-Fryslân"));
    assert_non_null(vp_gazetteer_lookup(g, "SUDWEST-FRYSLAN"));
    assert_non_null(vp_gazetteer_lookup(g, "Bergen (NH)"));
    assert_non_null(vp_gazetteer_lookup(g, "Bergen NH"));
    assert_null(vp_gazetteer_lookup(g, "Bergen"));
    assert_null(vp_gazetteer_lookup(g, "Gorinchemse"));
    assert_null(vp_gazetteer_lookup(g, ""));

    m = vp_gazetteer_lookup(g, "utrecht");
    assert_true(m->ambiguous);
    m = vp_gazetteer_lookup(g, "Voorburg");
    assert_int_equal(m->ended, 2002);
    assert_string_equal(m->successor, "leidschendam voorburg");  /* as written */
    vp_gazetteer_free(g);
    vp_gazetteer_free(NULL);
}

static void test_successors(void **state)
{
    vp_gazetteer *g = load_fixture();
    const vp_municipality *meierijstad = vp_gazetteer_lookup(g, "Meierijstad");
    const vp_municipality *erp = vp_gazetteer_lookup(g, "Erp");
    const vp_municipality *veghel = vp_gazetteer_lookup(g, "Veghel");
    const vp_municipality *out[8];
    (void)state;
    assert_ptr_equal(vp_gazetteer_final_successor(g, erp), meierijstad);
    assert_ptr_equal(vp_gazetteer_final_successor(g, veghel), meierijstad);
    assert_null(vp_gazetteer_final_successor(g, meierijstad));
    assert_ptr_equal(vp_gazetteer_final_successor(g, vp_gazetteer_lookup(g, "Voorburg")),
                     vp_gazetteer_lookup(g, "Leidschendam-Voorburg"));

    size_t n = vp_gazetteer_predecessors(g, meierijstad, out, 8);
    assert_int_equal(n, 4);
    assert_string_equal(out[0]->name, "Veghel");
    assert_string_equal(out[1]->name, "Schijndel");
    assert_string_equal(out[2]->name, "Sint-Oedenrode");
    assert_string_equal(out[3]->name, "Erp");
    /* max smaller than the total: count still complete */
    out[1] = NULL;
    assert_int_equal(vp_gazetteer_predecessors(g, meierijstad, out, 1), 4);
    assert_null(out[1]);
    assert_int_equal(vp_gazetteer_predecessors(g, meierijstad, NULL, 0), 4);
    assert_int_equal(vp_gazetteer_predecessors(g, veghel, out, 8), 1);
    assert_ptr_equal(out[0], erp);
    assert_int_equal(vp_gazetteer_predecessors(g, erp, out, 8), 0);
    /* a municipality of another gazetteer is nobody's */
    vp_municipality other = *meierijstad;
    assert_int_equal(vp_gazetteer_predecessors(g, &other, out, 8), 0);
    assert_null(vp_gazetteer_final_successor(g, &other));
    vp_gazetteer_free(g);
}

/* ---- scanning ----------------------------------------------------------- */

struct hits {
    size_t n, stop_after;
    char text[16][64];
    const vp_municipality *m[16];
};

static bool collect(const vp_gaz_match *match, void *ctx)
{
    struct hits *h = ctx;
    if (h->n < 15) {
        h->m[h->n] = match->m;
        h->n++;
    }
    return h->stop_after == 0 || h->n < h->stop_after;
}

static const char *scan_text;

static bool collect_text(const vp_gaz_match *match, void *ctx)
{
    struct hits *h = ctx;
    assert_true(match->start < match->end);
    if (h->n < 15) {
        size_t l = match->end - match->start;
        assert_true(l < 64);
        memcpy(h->text[h->n], scan_text + match->start, l);
        h->text[h->n][l] = '\0';
        h->m[h->n] = match->m;
        h->n++;
    }
    return h->stop_after == 0 || h->n < h->stop_after;
}

static struct hits scan(vp_gazetteer *g, const char *text, size_t stop_after)
{
    struct hits h;
    memset(&h, 0, sizeof h);
    h.stop_after = stop_after;
    scan_text = text;
    vp_gazetteer_scan(g, text, strlen(text), collect_text, &h);
    return h;
}

static void test_scan(void **state)
{
    vp_gazetteer *g = load_fixture();
    struct hits h;
    (void)state;

    h = scan(g, "In Gorinchem, niet in de Gorinchemse haven of Gorinchem2; "
                "Peel en Maas en Leidschendam-Voorburg.", 0);
    assert_int_equal(h.n, 3);
    assert_string_equal(h.text[0], "Gorinchem");
    assert_string_equal(h.text[1], "Peel en Maas");
    assert_string_equal(h.text[2], "Leidschendam-Voorburg");
    assert_string_equal(h.m[2]->name, "Leidschendam-Voorburg");

    h = scan(g, "\xE2\x80\x99s-Hertogenbosch, 's-Hertogenbosch, 's Hertogenbosch, "
                "DEN BOSCH en den\nBosch", 0);
    assert_int_equal(h.n, 5);
    assert_string_equal(h.text[0], "\xE2\x80\x99s-Hertogenbosch");
    assert_string_equal(h.text[1], "'s-Hertogenbosch");
    assert_string_equal(h.text[2], "'s Hertogenbosch");
    assert_string_equal(h.text[3], "DEN BOSCH");
    assert_string_equal(h.text[4], "den\nBosch");
    for (int i = 0; i < 5; i++)
        assert_string_equal(h.m[i]->name, "'s-Hertogenbosch");

    /* longest match first */
    h = scan(g, "Alphen aan den Rijn, Alphen-Chaam, Alphen en Capelle aan den IJssel.", 0);
    assert_int_equal(h.n, 4);
    assert_string_equal(h.text[0], "Alphen aan den Rijn");
    assert_string_equal(h.text[1], "Alphen-Chaam");
    assert_string_equal(h.text[2], "Alphen");
    assert_string_equal(h.m[2]->name, "Alphen");
    assert_string_equal(h.text[3], "Capelle aan den IJssel");

    /* separated by punctuation or a paragraph break: two names */
    h = scan(g, "Leidschendam, Voorburg; Leidschendam\n\nVoorburg; Leidschendam\xE2\x80\x93Voorburg", 0);
    assert_int_equal(h.n, 5);
    assert_string_equal(h.text[0], "Leidschendam");
    assert_string_equal(h.text[1], "Voorburg");
    assert_string_equal(h.text[2], "Leidschendam");
    assert_string_equal(h.text[3], "Voorburg");
    assert_string_equal(h.text[4], "Leidschendam\xE2\x80\x93Voorburg");
    h = scan(g, "Peel, en Maas", 0);
    assert_int_equal(h.n, 0);

    /* accents, case, quotes around a name */
    h = scan(g, "In SUDWEST-FRYSLAN en S\xC3\xBA" "dwest-Frysl\xC3\xA2n, \xE2\x80\x98Utrecht\xE2\x80\x99"
                " en 'Erp'. Utrechtse Erpse", 0);
    assert_int_equal(h.n, 4);
    assert_string_equal(h.text[0], "SUDWEST-FRYSLAN");
    assert_string_equal(h.text[1], "S\xC3\xBA" "dwest-Frysl\xC3\xA2n");
    assert_string_equal(h.text[2], "Utrecht");
    assert_string_equal(h.text[3], "Erp");

    /* letters glued to a name: no match */
    h = scan(g, "xGorinchem Gorinchem\xC3\xA9 \xC3\xA9Gorinchem Gorinchem's", 0);
    assert_int_equal(h.n, 0);

    /* a CBS suffix with or without parentheses and dots */
    h = scan(g, "Bergen NH, Bergen (NH) en Bergen (NH.)", 0);
    assert_int_equal(h.n, 3);
    assert_string_equal(h.text[1], "Bergen (NH");
    for (int i = 0; i < 3; i++)
        assert_string_equal(h.m[i]->name, "Bergen (NH)");

    /* the callback can stop the scan */
    h = scan(g, "Amsterdam Amsterdam Amsterdam", 2);
    assert_int_equal(h.n, 2);

    /* nothing, empty, invalid UTF-8 */
    h = scan(g, "", 0);
    assert_int_equal(h.n, 0);
    h = scan(g, "\xFF\xFE Amsterdam\xC3 \xE2\x80 Erp", 0);
    assert_int_equal(h.n, 2);
    assert_string_equal(h.text[0], "Amsterdam");
    vp_gazetteer_scan(g, NULL, 0, collect, &h);

    /* len is respected */
    {
        struct hits h2;
        memset(&h2, 0, sizeof h2);
        scan_text = "Peel en Maas";
        vp_gazetteer_scan(g, scan_text, 7, collect_text, &h2);  /* "Peel en" */
        assert_int_equal(h2.n, 0);
        scan_text = "Leidschendam-Voorburg";
        vp_gazetteer_scan(g, scan_text, 12, collect_text, &h2);
        assert_int_equal(h2.n, 1);
        assert_string_equal(h2.text[0], "Leidschendam");
    }
    vp_gazetteer_free(g);
}

static bool count(const vp_gaz_match *m, void *ctx)
{
    (void)m;
    ++*(size_t *)ctx;
    return true;
}

static void test_scan_long_text(void **state)
{
    vp_gazetteer *g = load_fixture();
    size_t reps = 20000, n = 0;
    const char *chunk = "De raad van Peel en Maas sprak met ’s-Hertogenbosch over "
                        "de Gorinchemse aanpak; een woordzonderdienaamisdatveellangerisdan"
                        "zestigtekensenzomeerdoorenzovoortenzovoortlang. ";
    size_t cl = strlen(chunk);
    char *text = malloc(cl * reps + 1);
    (void)state;
    for (size_t i = 0; i < reps; i++)
        memcpy(text + i * cl, chunk, cl);
    text[cl * reps] = '\0';
    vp_gazetteer_scan(g, text, cl * reps, count, &n);
    assert_int_equal(n, 2 * reps);
    free(text);
    vp_gazetteer_free(g);
}

/* ---- load errors -------------------------------------------------------- */

static void expect_load_error(const char *content, const char *msg)
{
    char err[512] = "";
    char want[256];
    const char *path = write_tsv(content);
    vp_gazetteer *g = vp_gazetteer_load(path, err, sizeof err);
    if (g)
        fail_msg("loaded, expected error \"%s\"", msg);
    snprintf(want, sizeof want, "%s:%s", path, msg);
    if (strncmp(err, want, strlen(want)) != 0)
        fail_msg("error \"%s\"\n  expected \"%s...\"", err, want);
}

static void test_load_errors(void **state)
{
    char err[256];
    (void)state;
    assert_null(vp_gazetteer_load("/nonexistent/gemeenten.tsv", err, sizeof err));
    assert_string_equal(err, "/nonexistent/gemeenten.tsv: No such file or directory");

    expect_load_error("A\tP\t\t\t\t\textra\n", "1: 7 columns, expected at most 6");
    expect_load_error("# c\nA\tP\n\tP\n", "3: empty name");
    expect_load_error("A\n", "1: 'A' has no province");
    expect_load_error("A\t \t\n", "1: 'A' has no province");
    expect_load_error("B\tP\nA\tP\t20x1\tB\n", "2: ended '20x1' is not a 4-digit year");
    expect_load_error("B\tP\nA\tP\t123\tB\n", "2: ended '123' is not a 4-digit year");
    expect_load_error("B\tP\nA\tP\t12345\tB\n", "2: ended '12345' is not a 4-digit year");
    expect_load_error("A\tP\t2001\n", "1: 'A' ended in 2001 but has no successor");
    expect_load_error("B\tP\nA\tP\t\tB\n", "2: 'A' has a successor ('B') but no year ended");
    expect_load_error("A\tP\t2001\tX\nB\tP\n", "1: successor 'X' of 'A' is not in the gazetteer");
    expect_load_error("A\tP\nB\tP\t2001\tC\nC\tP\t2002\tD\nD\tP\t2003\tB\n",
                      "2: the successors of 'B' lead back to it");
    expect_load_error("A\tP\t2001\tA\n", "1: the successors of 'A' lead back to it");
    expect_load_error("A\tP\t2001\ta\n", "1: the successors of 'A' lead back to it");
    expect_load_error("Leiden\tZH\n\nLEIDEN\tZH\n",
                      "3: 'LEIDEN' has the same key \"leiden\" as 'Leiden' on line 1");
    expect_load_error("'s-Hertogenbosch\tNB\t\t\tDen Bosch\nBoxtel\tNB\t\t\tden-bosch\n",
                      "2: 'Boxtel' has the same key \"den bosch\" as ''s-Hertogenbosch' on line 1");
    expect_load_error("Bergen\tNH\nBergen\tL\t2001\tBergen\n",
                      "2: 'Bergen' has the same key \"bergen\" as 'Bergen' on line 1");
    expect_load_error("A\tP\t\t\t\tambiguous,capital\n", "1: unknown flag 'capital'");
    expect_load_error("A\tP\nB\xC3\tP\n", "2: invalid UTF-8 (or NUL) at byte 2");
    expect_load_error("-\tP\n", "1: name '-' has no letters");
    expect_load_error("A\tP\t\t\t.;B\n", "1: alias '.' has no letters");
}

static void test_load_lenient(void **state)
{
    char err[256] = "";
    const char *path = write_tsv("\xEF\xBB\xBF" "A\tP\r\n"
                                 "# comment\n"
                                 "   \t  \n"
                                 " B \t Q \t 2001 \t A \t ; A-B ;; \t ambiguous \n"
                                 "C\tP\t\t\tC\n");   /* alias equal to the name */
    vp_gazetteer *g = vp_gazetteer_load(path, err, sizeof err);
    (void)state;
    if (!g)
        fail_msg("%s", err);
    assert_int_equal(vp_gazetteer_count(g), 3);
    const vp_municipality *b = vp_gazetteer_at(g, 1);
    assert_string_equal(b->name, "B");
    assert_string_equal(b->province, "Q");
    assert_int_equal(b->ended, 2001);
    assert_true(b->ambiguous);
    assert_ptr_equal(vp_gazetteer_lookup(g, "a b"), b);
    assert_ptr_equal(vp_gazetteer_lookup(g, "A"), vp_gazetteer_at(g, 0));
    vp_gazetteer_free(g);

    /* an empty file is an empty gazetteer */
    g = vp_gazetteer_load(write_tsv(""), err, sizeof err);
    assert_non_null(g);
    assert_int_equal(vp_gazetteer_count(g), 0);
    assert_null(vp_gazetteer_lookup(g, "A"));
    struct hits h;
    memset(&h, 0, sizeof h);
    vp_gazetteer_scan(g, "A", 1, collect, &h);
    assert_int_equal(h.n, 0);
    vp_gazetteer_free(g);
}

/* ---- places ---- */

static const char *PLACES =
    "# name\tmunicipality\tsince\tformer\tflags\n"
    "Boxtelsedijk\tMeierijstad\n"                           /* 2: always there */
    "Zijtaart\tMeierijstad\t2017\tVeghel\n"                /* 3: Veghel before */
    "Boskant\tMeierijstad\t2017\n"                         /* 4: not known before */
    "Hoek\tPeel en Maas\t\t\tambiguous,shared\n"          /* 5 */
    "Hoek\tGorinchem\t\t\tshared\n"
    "Erp\tMeierijstad\n"                                    /* a municipality's name */
    "Ammerzoden Dorp\tMeierijstad\n";

static vp_gazetteer *load_with_places(void)
{
    char err[256] = "";
    vp_gazetteer *g = load_fixture();
    if (vp_gazetteer_load_places(g, write_tsv(PLACES), err, sizeof err) != 0)
        fail_msg("places: %s", err);
    return g;
}

static void test_places(void **state)
{
    (void)state;
    vp_gazetteer *g = load_with_places();
    assert_int_equal(vp_gazetteer_place_count(g), 7);
    const vp_municipality *meierijstad = vp_gazetteer_lookup(g, "Meierijstad");
    const vp_municipality *veghel = vp_gazetteer_lookup(g, "Veghel");

    const vp_place *p = vp_gazetteer_lookup_place(g, "ZIJTAART");
    assert_non_null(p);
    assert_ptr_equal(p->municipality, meierijstad);
    assert_ptr_equal(vp_place_in_year(g, p, 2016), veghel);
    assert_ptr_equal(vp_place_in_year(g, p, 2017), meierijstad);
    assert_ptr_equal(vp_place_in_year(g, p, 0), meierijstad);     /* year unknown */

    p = vp_gazetteer_lookup_place(g, "Boskant");
    assert_null(vp_place_in_year(g, p, 2016));                    /* not known */
    assert_ptr_equal(vp_place_in_year(g, p, 2020), meierijstad);
    p = vp_gazetteer_lookup_place(g, "Boxtelsedijk");
    assert_ptr_equal(vp_place_in_year(g, p, 1999), meierijstad);

    /* homonyms are chained, the first one found first */
    p = vp_gazetteer_lookup_place(g, "hoek");
    assert_non_null(p);
    assert_true(p->ambiguous);
    assert_string_equal(p->municipality->name, "Peel en Maas");
    assert_non_null(p->homonym);
    assert_string_equal(p->homonym->municipality->name, "Gorinchem");
    assert_null(p->homonym->homonym);

    /* a municipality's name stays the municipality's */
    assert_null(vp_gazetteer_lookup_place(g, "Erp"));
    assert_non_null(vp_gazetteer_lookup(g, "Erp"));
    assert_null(vp_gazetteer_lookup(g, "Zijtaart"));

    /* municipalities in a year: Veghel until 2017, then Meierijstad; Erp
     * (1994) went to Veghel and on */
    assert_ptr_equal(vp_gazetteer_in_year(g, veghel, 2016), veghel);
    assert_ptr_equal(vp_gazetteer_in_year(g, veghel, 2017), meierijstad);
    assert_ptr_equal(vp_gazetteer_in_year(g, vp_gazetteer_lookup(g, "Erp"), 2000), veghel);
    assert_ptr_equal(vp_gazetteer_in_year(g, vp_gazetteer_lookup(g, "Erp"), 2020), meierijstad);
    assert_ptr_equal(vp_gazetteer_in_year(g, veghel, 0), veghel);
    vp_gazetteer_free(g);
}

struct place_hits {
    size_t n;
    const char *names[8];
};

static bool collect_place(const vp_gaz_match *match, void *ctx)
{
    struct place_hits *h = ctx;
    if (h->n < 8)
        h->names[h->n++] = match->place ? match->place->name : match->m->name;
    return true;
}

static void test_scan_places(void **state)
{
    (void)state;
    vp_gazetteer *g = load_with_places();
    const char *text = "Van Zijtaart via Ammerzoden Dorp en Erp naar Gorinchem.";
    struct place_hits h = {0};
    vp_gazetteer_scan_places(g, text, strlen(text), collect_place, &h);
    assert_int_equal(h.n, 4);
    assert_string_equal(h.names[0], "Zijtaart");
    assert_string_equal(h.names[1], "Ammerzoden Dorp");   /* the longest name */
    assert_string_equal(h.names[2], "Erp");
    assert_string_equal(h.names[3], "Gorinchem");
    /* the municipalities-only scan does not see places */
    struct hits m = scan(g, text, 0);
    assert_int_equal(m.n, 2);
    assert_string_equal(m.text[0], "Erp");
    vp_gazetteer_free(g);
}

static void test_places_errors(void **state)
{
    (void)state;
    static const struct { const char *content, *message; } cases[] = {
        {"Zijtaart\n", "needs a name and a municipality"},
        {"Zijtaart\tVeghel\n", "'Veghel' is no current municipality"},
        {"Zijtaart\tNergenshuizen\n", "'Nergenshuizen' is no current municipality"},
        {"Zijtaart\tMeierijstad\t17\n", "not a 4-digit year"},
        {"Zijtaart\tMeierijstad\t2017\tNergens\n", "former 'Nergens' is not in"},
        {"Zijtaart\tMeierijstad\t\tVeghel\n", "but no year since"},
        {"Zijtaart\tMeierijstad\t\t\tgroot\n", "unknown flag 'groot'"},
        {"Zijtaart\tMeierijstad\t\t\t\tmeer\n", "6 columns, expected at most 5"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char err[256] = "";
        vp_gazetteer *g = load_fixture();
        /* a good line first: a failed load takes it out again */
        char content[256];
        snprintf(content, sizeof content, "Boskant\tMeierijstad\n%s", cases[i].content);
        assert_int_equal(vp_gazetteer_load_places(g, write_tsv(content), err, sizeof err), -1);
        if (!strstr(err, cases[i].message) || !strstr(err, ":2:"))
            fail_msg("case %zu: '%s' does not say '%s' at line 2", i, err, cases[i].message);
        assert_int_equal(vp_gazetteer_place_count(g), 0);
        assert_null(vp_gazetteer_lookup_place(g, "Boskant"));
        /* the municipalities are all still found */
        assert_non_null(vp_gazetteer_lookup(g, "Meierijstad"));
        assert_non_null(vp_gazetteer_lookup(g, "Den Bosch"));
        vp_gazetteer_free(g);
    }
    char err[256] = "";
    assert_int_equal(vp_gazetteer_load_places(NULL, "x", err, sizeof err), -1);
    vp_gazetteer *g = load_with_places();
    assert_int_equal(vp_gazetteer_load_places(g, write_tsv(PLACES), err, sizeof err), -1);
    assert_non_null(strstr(err, "has its places already"));
    vp_gazetteer_free(g);
}

/* The real data file, when it is there and complete: it must load. */
static void test_real_file(void **state)
{
    char err[512] = "";
    char path[512];
    (void)state;
    snprintf(path, sizeof path, "%s/gemeenten.tsv", VP_DATA_DIR);
    if (access(path, R_OK) != 0)
        skip();
    vp_gazetteer *g = vp_gazetteer_load(path, err, sizeof err);
    if (!g)
        fail_msg("%s", err);
    snprintf(path, sizeof path, "%s/woonplaatsen.tsv", VP_DATA_DIR);
    if (vp_gazetteer_load_places(g, path, err, sizeof err) != 0)
        fail_msg("%s", err);
    assert_true(vp_gazetteer_place_count(g) > 1500);
    /* what the issue asks: Emmeloord, Hoogezand over the years, Drachten */
    const vp_place *p = vp_gazetteer_lookup_place(g, "Emmeloord");
    assert_non_null(p);
    assert_string_equal(vp_place_in_year(g, p, 2015)->name, "Noordoostpolder");
    p = vp_gazetteer_lookup_place(g, "Hoogezand");
    assert_string_equal(vp_place_in_year(g, p, 2016)->name, "Hoogezand-Sappemeer");
    assert_string_equal(vp_place_in_year(g, p, 2019)->name, "Midden-Groningen");
    assert_string_equal(vp_place_in_year(g, vp_gazetteer_lookup_place(g, "Drachten"), 2020)->name,
                        "Smallingerland");
    const vp_municipality *m = vp_gazetteer_lookup(g, "Heerhugowaard");
    assert_string_equal(vp_gazetteer_in_year(g, m, 2021)->name, "Heerhugowaard");
    assert_string_equal(vp_gazetteer_in_year(g, m, 2023)->name, "Dijk en Waard");
    m = vp_gazetteer_lookup(g, "Zierikzee");
    assert_string_equal(vp_gazetteer_in_year(g, m, 2019)->name, "Schouwen-Duiveland");
    vp_gazetteer_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load_and_lookup),
        cmocka_unit_test(test_successors),
        cmocka_unit_test(test_scan),
        cmocka_unit_test(test_scan_long_text),
        cmocka_unit_test(test_load_errors),
        cmocka_unit_test(test_load_lenient),
        cmocka_unit_test(test_places),
        cmocka_unit_test(test_scan_places),
        cmocka_unit_test(test_places_errors),
        cmocka_unit_test(test_real_file),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
