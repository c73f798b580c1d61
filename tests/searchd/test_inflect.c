/*
 * test_inflect.c: the Dutch forms searchd/inflect.c proposes for a word.
 * What matters is that the form a text may use is among the proposals
 * (the index then decides), that a word does not propose itself, and that
 * names and numbers are left alone.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "inflect.h"

static bool proposes(const char *word, const char *form)
{
    vp_strvec out = VP_STRVEC_INIT;
    vp_inflect_forms(word, &out);
    bool found = false;
    for (size_t i = 0; i < out.len; i++) {
        assert_string_not_equal(out.items[i], word);
        for (size_t j = 0; j < i; j++)
            assert_string_not_equal(out.items[i], out.items[j]);
        found = found || strcmp(out.items[i], form) == 0;
    }
    vp_strvec_clear(&out);
    return found;
}

static size_t count(const char *word)
{
    vp_strvec out = VP_STRVEC_INIT;
    vp_inflect_forms(word, &out);
    size_t n = out.len;
    vp_strvec_clear(&out);
    return n;
}

/* The -e of an adjective, both ways, in the spellings Dutch asks for. */
static void adjectives(void **state)
{
    (void)state;
    assert_true(proposes("sociaal", "sociale"));        /* long vowel written once */
    assert_true(proposes("sociale", "sociaal"));        /* ... and twice again */
    assert_true(proposes("regionaal", "regionale"));
    assert_true(proposes("openbare", "openbaar"));
    assert_true(proposes("groot", "grote"));
    assert_true(proposes("financieel", "financiële"));  /* the diaeresis */
    assert_true(proposes("financiele", "financieel"));
    assert_true(proposes("actief", "actieve"));         /* f -> v */
    assert_true(proposes("actieve", "actief"));
    assert_true(proposes("grijs", "grijze"));           /* s -> z */
    assert_true(proposes("wit", "witte"));              /* short vowel: doubled */
    assert_true(proposes("witte", "wit"));
    assert_true(proposes("ruimtelijk", "ruimtelijke"));
    assert_true(proposes("nodig", "nodige"));           /* unstressed: not doubled */
    assert_false(proposes("nodig", "nodigge"));
}

/* Plurals in -en, -s and -'s (and English -ies), both ways, and the
 * siblings of a plural. */
static void plurals(void **state)
{
    (void)state;
    assert_true(proposes("woning", "woningen"));
    assert_true(proposes("woningen", "woning"));
    assert_true(proposes("gemeente", "gemeenten"));
    assert_true(proposes("gemeente", "gemeentes"));
    assert_true(proposes("gemeentes", "gemeenten"));    /* through gemeente */
    assert_true(proposes("gemeenten", "gemeentes"));
    assert_true(proposes("haven", "havens"));
    assert_true(proposes("havens", "haven"));
    assert_true(proposes("plan", "plannen"));
    assert_true(proposes("plannen", "plan"));
    assert_true(proposes("school", "scholen"));
    assert_true(proposes("scholen", "school"));
    assert_true(proposes("bedrijf", "bedrijven"));
    assert_true(proposes("bedrijven", "bedrijf"));
    assert_true(proposes("huis", "huizen"));
    assert_true(proposes("regio", "regio's"));
    assert_true(proposes("subsidie", "subsidies"));
    assert_true(proposes("industrie", "industrieën"));
    /* English reports are indexed with the Dutch stemmer too */
    assert_true(proposes("city", "cities"));
    assert_true(proposes("policies", "policy"));
    assert_true(proposes("subsidies", "subsidie"));
    assert_false(proposes("day", "dayye"));
}

/* Names, numbers and words outside the limits get nothing; nothing
 * proposes more than a handful of lookups. */
static void left_alone(void **state)
{
    (void)state;
    assert_int_equal(count("Foodvalley"), 0);
    assert_int_equal(count("platform31"), 0);
    assert_int_equal(count("co2-uitstoot"), 0);
    assert_int_equal(count("ab"), 0);
    assert_int_equal(count(""), 0);
    assert_int_equal(count("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), 0);
    const char *words[] = {"sociaal", "gemeentes", "kosten", "jongeren", "betaalbare",
                           "verkeer", "idee", "samenwerking", "arbeidsmigranten"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        assert_in_range(count(words[i]), 1, 12);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(adjectives),
        cmocka_unit_test(plurals),
        cmocka_unit_test(left_alone),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
