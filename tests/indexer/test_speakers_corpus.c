/*
 * test_speakers_corpus.c: the corpus-wide name rule (indexer/speakers_corpus.c):
 * initials and bare surnames resolve to the one full name with the same
 * surname and matching initials, never to one of two.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>

#include "speakers_corpus.h"

static vp_speaker_names *names_of(const char *const *list)
{
    vp_speaker_names *n = vp_speaker_names_new();
    assert_non_null(n);
    for (size_t i = 0; list[i]; i++)
        assert_true(vp_speaker_names_add(n, list[i]));
    return n;
}

static void assert_resolves(vp_speaker_names *n, const char *name, const char *want)
{
    const char *got = vp_speaker_names_resolve(n, name);
    if (!want)
        assert_null(got);
    else {
        assert_non_null(got);
        assert_string_equal(got, want);
    }
}

static void test_one_candidate(void **state)
{
    (void)state;
    static const char *const corpus[] = {"M. Hoogerbrugge", "Marloes Hoogerbrugge",
                                         "J.P. de Vries", "Jan Pieter de Vries",
                                         "Jansen", "Anne-Marie van Dijk", NULL};
    vp_speaker_names *n = names_of(corpus);
    assert_resolves(n, "M. Hoogerbrugge", "Marloes Hoogerbrugge");
    assert_resolves(n, "m. HOOGERBRUGGE", "Marloes Hoogerbrugge");   /* folded */
    assert_resolves(n, "Hoogerbrugge", "Marloes Hoogerbrugge");      /* bare surname */
    assert_resolves(n, "J.P. de Vries", "Jan Pieter de Vries");
    assert_resolves(n, "J. P. de Vries", "Jan Pieter de Vries");
    assert_resolves(n, "J. de Vries", "Jan Pieter de Vries");
    assert_resolves(n, "A. van Dijk", "Anne-Marie van Dijk");
    assert_resolves(n, "Van Dijk", "Anne-Marie van Dijk");           /* particle first */
    vp_speaker_names_free(n);
}

static void test_no_candidate(void **state)
{
    (void)state;
    static const char *const corpus[] = {"Marloes Hoogerbrugge", "Jan de Vries",
                                         "Piet Jansen", NULL};
    vp_speaker_names *n = names_of(corpus);
    assert_resolves(n, "Marloes Hoogerbrugge", NULL);   /* already full */
    assert_resolves(n, "P. Hoogerbrugge", NULL);        /* other initial */
    assert_resolves(n, "J.P. de Vries", NULL);          /* more initials than names */
    assert_resolves(n, "J. Vries", "Jan de Vries");     /* written without its particle */
    assert_resolves(n, "J. van Vries", NULL);           /* other particle */
    assert_resolves(n, "M. Hoogenboom", NULL);          /* other surname */
    assert_resolves(n, "P. Jansen", "Piet Jansen");
    vp_speaker_names_free(n);
}

static void test_two_candidates(void **state)
{
    (void)state;
    static const char *const corpus[] = {"M. Hoogerbrugge", "Marloes Hoogerbrugge",
                                         "Maria Hoogerbrugge", "Jan de Vries",
                                         "Kees de Vries", NULL};
    vp_speaker_names *n = names_of(corpus);
    assert_resolves(n, "M. Hoogerbrugge", NULL);
    assert_resolves(n, "Hoogerbrugge", NULL);
    assert_resolves(n, "Ma. Hoogerbrugge", NULL);       /* both start with "ma" */
    assert_resolves(n, "J. de Vries", "Jan de Vries");  /* initials tell them apart */
    assert_resolves(n, "de Vries", NULL);
    vp_speaker_names_free(n);
}

static void test_double_surnames(void **state)
{
    (void)state;
    static const char *const corpus[] = {"Ilse van der Heide", "Ilse van der Heide-Bakker",
                                         "Ilse Bakker", "I. van der Heide",
                                         "Tom van der Heide", NULL};
    vp_speaker_names *n = names_of(corpus);
    /* a shorter form of the one person with that double surname */
    assert_resolves(n, "Ilse van der Heide", "Ilse van der Heide-Bakker");
    assert_resolves(n, "Ilse Bakker", "Ilse van der Heide-Bakker");   /* the second part */
    assert_resolves(n, "I. Bakker", "Ilse van der Heide-Bakker");
    /* "I. van der Heide" fits "Ilse van der Heide", a shorter form of the
     * double surname: one person */
    assert_resolves(n, "I. van der Heide", "Ilse van der Heide-Bakker");
    assert_resolves(n, "Ilse van der Heide-Bakker", NULL);   /* already the fullest */
    assert_resolves(n, "Tom van der Heide", NULL);           /* other given name */
    assert_resolves(n, "Van der Heide", NULL);   /* Ilse or Tom; never a double by a bare part */
    assert_resolves(n, "T. van der Heide", "Tom van der Heide");
    vp_speaker_names_free(n);
}

static void test_double_surnames_ambiguous(void **state)
{
    (void)state;
    static const char *const corpus[] = {"Ilse van der Heide-Bakker",
                                         "Ilse van der Heide-Smit", "Iris van der Heide",
                                         NULL};
    vp_speaker_names *n = names_of(corpus);
    assert_resolves(n, "Ilse van der Heide", NULL);   /* two doubles fit */
    assert_resolves(n, "Ilse Bakker", "Ilse van der Heide-Bakker");
    assert_resolves(n, "I. van der Heide", NULL);     /* Iris, or either Ilse */
    /* Iris, or either Ilse by her married name */
    assert_resolves(n, "Van der Heide", NULL);
    assert_resolves(n, "Smit", NULL);   /* Ilse, or another Smit of the family */
    vp_speaker_names_free(n);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_candidate),
        cmocka_unit_test(test_no_candidate),
        cmocka_unit_test(test_two_candidates),
        cmocka_unit_test(test_double_surnames),
        cmocka_unit_test(test_double_surnames_ambiguous),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
