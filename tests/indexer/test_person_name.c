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
        cmocka_unit_test(test_fuller),
        cmocka_unit_test(test_name_at),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
