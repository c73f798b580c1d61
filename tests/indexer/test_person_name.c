/*
 * test_person_name.c: the person-name model (indexer/person_name.c) on
 * names written for this test: how a name is taken apart and spelled, which
 * mentions may be one person, and when a word in running text is part of a
 * person's name rather than a place.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "person_name.h"

static void assert_parts(const char *name, const char *display, const char *given,
                         const char *surname, const char *core, vp_person_form form)
{
    vp_person_name p;
    assert_true(vp_person_name_parse(name, &p));
    assert_string_equal(p.display, display);
    assert_string_equal(p.given, given);
    assert_string_equal(p.surname, surname);
    assert_string_equal(p.core, core);
    assert_int_equal(p.form, form);
    vp_person_name_clear(&p);
}

static void test_parts(void **state)
{
    (void)state;
    assert_parts("Koos van Dijken", "Koos van Dijken", "koos", "van dijken", "dijken",
                 VP_PERSON_FULL);
    assert_parts("Anna Van der Berg", "Anna van der Berg", "anna", "van der berg", "berg",
                 VP_PERSON_FULL);
    assert_parts("Jan Willem Tuinman", "Jan Willem Tuinman", "jan willem", "tuinman",
                 "tuinman", VP_PERSON_FULL);
    assert_parts("Jan-Willem Tuinman", "Jan-Willem Tuinman", "jan willem", "tuinman",
                 "tuinman", VP_PERSON_FULL);
    assert_parts("J. P. de Boer", "J.P. de Boer", "j. p.", "de boer", "boer",
                 VP_PERSON_INITIALS);
    assert_parts("Th. Visscher", "Th. Visscher", "th.", "visscher", "visscher",
                 VP_PERSON_INITIALS);
    assert_parts("van der Berg", "Van der Berg", "", "van der berg", "berg",
                 VP_PERSON_SURNAME);
    assert_parts("Noortje in 't Hout", "Noortje in 't Hout", "noortje", "in 't hout",
                 "hout", VP_PERSON_FULL);
    assert_parts("in 't Hout", "In 't Hout", "", "in 't hout", "hout", VP_PERSON_SURNAME);
    /* regional prefixes belong to the surname and keep their capital */
    assert_parts("Hendrik Olde Bennekink", "Hendrik Olde Bennekink", "hendrik",
                 "olde bennekink", "olde bennekink", VP_PERSON_FULL);
    assert_parts("Olde Bennekink", "Olde Bennekink", "", "olde bennekink",
                 "olde bennekink", VP_PERSON_SURNAME);
    assert_parts("G. Oude Roelink", "G. Oude Roelink", "g.", "oude roelink",
                 "oude roelink", VP_PERSON_INITIALS);
    assert_parts("Ties Groot Wassink", "Ties Groot Wassink", "ties", "groot wassink",
                 "groot wassink", VP_PERSON_FULL);
    assert_parts("Ten Hove", "Ten Hove", "", "ten hove", "hove", VP_PERSON_SURNAME);
    /* double surnames, with particles and with spaced hyphens */
    assert_parts("Lieke Smit - van Aalst", "Lieke Smit-van Aalst", "lieke",
                 "smit-van aalst", "smit-van aalst", VP_PERSON_FULL);
    assert_parts("Sofia Kaminska-de Rooij", "Sofia Kaminska-de Rooij", "sofia",
                 "kaminska-de rooij", "kaminska-de rooij", VP_PERSON_FULL);
    assert_parts("Els ten Velde-Hagen", "Els ten Velde-Hagen", "els", "ten velde-hagen",
                 "velde-hagen", VP_PERSON_FULL);
    assert_parts("Samira El Idrissi", "Samira El Idrissi", "samira", "el idrissi",
                 "idrissi", VP_PERSON_FULL);
    assert_parts("Naomi Klein", "Naomi Klein", "naomi", "klein", "klein", VP_PERSON_FULL);
}

static void test_not_names(void **state)
{
    (void)state;
    vp_person_name p;
    assert_false(vp_person_name_parse("", &p));
    assert_false(vp_person_name_parse("J.P.", &p));
    assert_null(vp_person_name_normalise("  "));
    char *n = vp_person_name_normalise("Anna Van Der Berg");
    assert_string_equal(n, "Anna van der Berg");
    free(n);
}

static bool may_be(const char *a, const char *b)
{
    vp_person_name x, y;
    assert_true(vp_person_name_parse(a, &x));
    assert_true(vp_person_name_parse(b, &y));
    bool r = vp_person_name_may_be(&x, &y);
    assert_int_equal(r, vp_person_name_may_be(&y, &x));   /* symmetric */
    if (r) {   /* the index finds every name one may be by its key */
        size_t nx, ny;
        const char *kx = vp_person_name_key(&x, &nx), *ky = vp_person_name_key(&y, &ny);
        assert_int_equal(nx, ny);
        assert_memory_equal(kx, ky, nx);
    }
    vp_person_name_clear(&x);
    vp_person_name_clear(&y);
    return r;
}

static void test_may_be(void **state)
{
    (void)state;
    assert_true(may_be("Anna Van der Berg", "Anna van der Berg"));
    assert_true(may_be("A. van der Berg", "Anna van der Berg"));
    assert_true(may_be("Van der Berg", "Anna van der Berg"));
    assert_true(may_be("Berg", "Anna van der Berg"));      /* written without particles */
    assert_false(may_be("van Berg", "Anna van der Berg")); /* other particles */
    assert_false(may_be("B. van der Berg", "Anna van der Berg"));
    assert_true(may_be("J.W. Tuinman", "Jan-Willem Tuinman"));
    assert_true(may_be("J.W. Tuinman", "Jan Willem Tuinman"));
    assert_true(may_be("J. Tuinman", "Jan Willem Tuinman"));
    assert_true(may_be("Jan Tuinman", "Jan Willem Tuinman"));
    assert_false(may_be("J.P. Tuinman", "Jan Tuinman"));   /* more initials than names */
    assert_false(may_be("Jan Pieter Tuinman", "Jan Willem Tuinman"));
    assert_false(may_be("Kees Tuinman", "Jan Tuinman"));
    assert_true(may_be("Th. Visscher", "Thomas Visscher"));
    assert_false(may_be("Th. Visscher", "Tim Visscher"));
    assert_true(may_be("Olde Bennekink", "Hendrik Olde Bennekink"));
    assert_true(may_be("H. Olde Bennekink", "Hendrik Olde Bennekink"));
    assert_false(may_be("Bennekink", "Hendrik Olde Bennekink")); /* the prefix is the name */
    assert_true(may_be("Ten Hove", "Wim ten Hove"));
    assert_true(may_be("In 't Hout", "Noortje in 't Hout"));
    assert_true(may_be("Smit-van Aalst", "Lieke Smit - van Aalst"));
    assert_false(may_be("Aalst", "Lieke Smit-van Aalst"));
    assert_false(may_be("Velde", "Els ten Velde-Hagen"));
    assert_true(may_be("Vestergaard Holm", "Anders Vestergaard Holm"));
    assert_false(may_be("Anders Vestergaard", "Anders Vestergaard Holm"));
    /* one surname written with and without spaces around its hyphen */
    assert_true(may_be("Mirte de - Wit", "Mirte de-Wit"));
    assert_true(may_be("Wit", "Mirte de - Wit"));
    assert_true(may_be("Jorien Maria Tuinman", "Maria Tuinman"));
}

static void assert_key(const char *name, const char *key)
{
    vp_person_name p;
    size_t n;
    assert_true(vp_person_name_parse(name, &p));
    const char *k = vp_person_name_key(&p, &n);
    assert_int_equal(n, strlen(key));
    assert_memory_equal(k, key, n);
    vp_person_name_clear(&p);
}

static void test_key(void **state)
{
    (void)state;
    assert_key("Ineke van der Wal", "wal");
    assert_key("Van der Wal", "wal");
    assert_key("I. van der Wal-Bosch", "wal");
    assert_key("Lieke Smit - van Aalst", "smit");
    assert_key("Noortje in 't Hout", "hout");
    assert_key("Olde Bennekink", "olde");
    assert_key("Naomi Klein", "klein");
}

static bool double_of(const char *b, const char *a)
{
    vp_person_name x, y;
    assert_true(vp_person_name_parse(b, &x));
    assert_true(vp_person_name_parse(a, &y));
    bool r = vp_person_name_double_of(&x, &y);
    if (r) {   /* found by the key of one of its parts */
        size_t na, n1, n2 = 0;
        const char *ka = vp_person_name_key(&y, &na), *k1 = vp_person_name_key(&x, &n1);
        const char *k2 = vp_person_name_second_key(&x, &n2);
        assert_true((na == n1 && memcmp(ka, k1, na) == 0) ||
                    (k2 && na == n2 && memcmp(ka, k2, na) == 0));
    }
    vp_person_name_clear(&x);
    vp_person_name_clear(&y);
    return r;
}

static void test_double_of(void **state)
{
    (void)state;
    assert_true(double_of("Ilse van der Heide-Bakker", "Ilse van der Heide"));
    assert_true(double_of("Ilse van der Heide-Bakker", "Ilse Bakker"));
    assert_true(double_of("Ilse van der Heide-Bakker", "I. van der Heide"));
    assert_true(double_of("Ilse Bakker - van der Heide", "Ilse van der Heide"));
    assert_false(double_of("Ilse van der Heide-Bakker", "Van der Heide"));   /* no given name */
    assert_false(double_of("Ilse van der Heide-Bakker", "Kees van der Heide"));
    assert_false(double_of("Ilse van der Heide-Bakker", "Ilse Heide"));      /* a part is whole */
    assert_false(double_of("I. van der Heide-Bakker", "Ilse van der Heide")); /* b in full */
    assert_false(double_of("Ilse van der Heide", "Ilse van der Heide"));
    assert_false(double_of("Ilse de-Wit", "Ilse de"));   /* a part of particles only */
}

static bool part_of(const char *b, const char *a)
{
    vp_person_name x, y;
    assert_true(vp_person_name_parse(b, &x));
    assert_true(vp_person_name_parse(a, &y));
    bool r = vp_person_name_part_of(&x, &y);
    vp_person_name_clear(&x);
    vp_person_name_clear(&y);
    return r;
}

static void test_part_of(void **state)
{
    (void)state;
    assert_true(part_of("Ilse van der Heide-Bakker", "Van der Heide"));
    assert_true(part_of("Ilse van der Heide-Bakker", "Bakker"));
    assert_true(part_of("Ilse van der Heide-Bakker", "Kees Bakker"));   /* givens aside */
    assert_false(part_of("Ilse van der Heide-Bakker", "Heide"));
    assert_false(part_of("Ilse van der Heide", "Van der Heide"));       /* no double */
    assert_false(part_of("I. van der Heide-Bakker", "Bakker"));         /* b in full */
}

static void test_index(void **state)
{
    (void)state;
    static const char *const names[] = {"Anna van der Berg", "Piet Jansen", "A. Berg",
                                        "Van der Berg", "Kees Jansen", NULL};
    vp_person_name p[5];
    vp_person_index *ix = vp_person_index_new();
    for (size_t i = 0; names[i]; i++) {
        assert_true(vp_person_name_parse(names[i], &p[i]));
        vp_person_index_add_name(ix, &p[i], i);
    }
    vp_person_name q;
    assert_true(vp_person_name_parse("berg", &q));
    size_t i = vp_person_index_first_name(ix, &q);   /* in the order filed */
    assert_int_equal(i, 0);
    assert_int_equal(i = vp_person_index_next(ix, i), 2);
    assert_int_equal(i = vp_person_index_next(ix, i), 3);
    assert_int_equal(vp_person_index_next(ix, i), VP_PERSON_NONE);
    vp_person_name_clear(&q);
    assert_true(vp_person_name_parse("J. de Vries", &q));
    assert_int_equal(vp_person_index_first_name(ix, &q), VP_PERSON_NONE);
    vp_person_name_clear(&q);
    for (size_t k = 0; k < 5; k++)
        vp_person_name_clear(&p[k]);
    vp_person_index_free(ix);
}

static void test_fuller(void **state)
{
    (void)state;
    vp_person_name a, b, c;
    assert_true(vp_person_name_parse("Van der Berg", &a));
    assert_true(vp_person_name_parse("A. van der Berg", &b));
    assert_true(vp_person_name_parse("Anna van der Berg", &c));
    assert_true(vp_person_name_fuller(&b, &a));
    assert_true(vp_person_name_fuller(&c, &b));
    assert_false(vp_person_name_fuller(&a, &c));
    vp_person_name_clear(&a);
    vp_person_name_clear(&b);
    vp_person_name_clear(&c);
}

/* The municipality word in text, found by its first occurrence of place. */
static bool in_name(const char *text, const char *place, unsigned flags)
{
    const char *at = strstr(text, place);
    assert_non_null(at);
    size_t start = (size_t)(at - text);
    return vp_person_name_at(text, strlen(text), start, start + strlen(place), flags,
                             NULL, NULL);
}

static bool never_given(const char *folded, void *ctx)
{
    (void)ctx;
    return strcmp(folded, "kennismiddag") == 0;
}

static void test_name_at(void **state)
{
    (void)state;
    const unsigned bare = VP_PERSON_BARE_GIVEN;
    assert_true(in_name("Daarna sprak Ruud van Gorinchem over wonen.", "Gorinchem", 0));
    assert_true(in_name("Daarna sprak R. van Gorinchem over wonen.", "Gorinchem", 0));
    assert_true(in_name("Volgens dhr. van Gorinchem was het goed.", "Gorinchem", 0));
    assert_true(in_name("Daarop zei Van Gorinchem dat het kon.", "Gorinchem", 0));
    assert_true(in_name("mw. H. Weert (secretaris)", "Weert", 0));
    assert_true(in_name("Ook mevrouw Hoorn was er.", "Hoorn", 0));
    assert_true(in_name("Het woord was aan Marcel Hoorn uit Zwolle.", "Hoorn", bare));
    assert_false(in_name("Het woord was aan Marcel Hoorn uit Zwolle.", "Hoorn", 0));
    assert_true(in_name("Het woord was aan Marcel Hoorn uit Zwolle.", "Zwolle", bare) == false);
    assert_false(in_name("De dag was in Weert.", "Weert", bare));
    assert_false(in_name("Wethouders uit Ede en Weert kwamen.", "Ede", bare));
    assert_false(in_name("Gemeente Weert opende.", "Weert", bare));   /* sentence start */
    assert_false(in_name("Van Gorinchem naar Dordrecht is het kort.", "Gorinchem", bare));
    assert_false(in_name("De burgemeester van Hoorn opende.", "Hoorn", bare));
    assert_false(in_name("Marieke in Ede vertelde.", "Ede", bare));
    assert_false(in_name("De kennisdag in de NH Hoorn.", "Hoorn", bare));   /* acronym */
    assert_false(in_name("Een Kennismiddag Hoorn volgt.", "Hoorn", bare) &&
                 vp_person_name_at("Een Kennismiddag Hoorn volgt.", 28, 20, 25, bare,
                                   never_given, NULL));
    assert_false(vp_person_name_at("Een Kennismiddag Hoorn volgt.", 28, 17, 22, bare,
                                   never_given, NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parts),
        cmocka_unit_test(test_not_names),
        cmocka_unit_test(test_may_be),
        cmocka_unit_test(test_key),
        cmocka_unit_test(test_double_of),
        cmocka_unit_test(test_part_of),
        cmocka_unit_test(test_index),
        cmocka_unit_test(test_fuller),
        cmocka_unit_test(test_name_at),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
