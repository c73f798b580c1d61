/*
 * Unit tests of model/theme_terms.c: cutting words, the descriptor forms,
 * what one word matches, and malformed descriptors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "theme_terms.h"

/* The words of folded text, at most 32. */
static size_t cut(const char *text, vp_word *w)
{
    size_t n = 0, pos = 0, len = strlen(text);
    while (n < 32 && vp_theme_next_word(text, len, &pos, &w[n]))
        n++;
    return n;
}

static bool word_is(vp_word w, const char *s)
{
    return w.len == strlen(s) && memcmp(w.s, s, w.len) == 0;
}

static void test_words(void **state)
{
    (void)state;
    vp_word w[32];
    /* inner hyphens join, a trailing one does not; "–" (U+2013) separates;
     * letters beyond ASCII are letters */
    size_t n = cut("woon-werkverkeer, midden- en kleinbedrijf \xe2\x80\x93 sm\xc3\xa5 co2-uitstoot",
                   w);
    assert_int_equal(n, 6);
    assert_true(word_is(w[0], "woon-werkverkeer"));
    assert_true(word_is(w[1], "midden"));
    assert_true(word_is(w[2], "en"));
    assert_true(word_is(w[3], "kleinbedrijf"));
    assert_true(word_is(w[4], "sm\xc3\xa5"));
    assert_true(word_is(w[5], "co2-uitstoot"));
    assert_int_equal(cut("  -- ... ", w), 0);
}

/* The descriptors matching at words[i] of text, as "text/words/flags"
 * strings joined by ' ', in the matcher's order. */
static char *matches(const vp_theme_terms *tt, const char *text, size_t i)
{
    static char out[512];
    vp_word w[32];
    vp_term_match m[16];
    size_t n = cut(text, w), k = vp_theme_terms_match(tt, w, n, i, m, 16);
    out[0] = '\0';
    for (size_t j = 0; j < k; j++) {
        char one[96];
        snprintf(one, sizeof one, "%s%s/%zu%s%s", j ? " " : "",
                 vp_theme_terms_at(tt, m[j].term)->text, m[j].words,
                 m[j].modifier ? "/mod" : "", m[j].head ? "/head" : "");
        strncat(out, one, sizeof out - strlen(out) - 1);
    }
    return out;
}

static vp_theme_terms *sample(void)
{
    static const char *const descriptors[] = {
        "krimp", "woning*", "*inbraak", "*leegstand", "sociale huur*", "openbaar vervoer",
        "circulaire economie", "economie", "verkeer", "*verkeer", "ov", NULL};
    char why[96];
    vp_theme_terms *tt = vp_theme_terms_new();
    assert_non_null(tt);
    for (size_t i = 0; descriptors[i]; i++)
        assert_int_equal(vp_theme_terms_add(tt, descriptors[i], i, 1.0, why, sizeof why), 0);
    return tt;
}

static void test_forms(void **state)
{
    (void)state;
    vp_theme_terms *tt = sample();
    /* whole words only */
    assert_string_equal(matches(tt, "krimp", 0), "krimp/1");
    assert_string_equal(matches(tt, "krimpen", 0), "");
    /* a start: the word itself, or a modifier of a longer word */
    assert_string_equal(matches(tt, "woning", 0), "woning*/1");
    assert_string_equal(matches(tt, "woningbouw", 0), "woning*/1/mod");
    /* an end: the word itself, or the head of a compound */
    assert_string_equal(matches(tt, "leegstand", 0), "*leegstand/1");
    assert_string_equal(matches(tt, "winkelleegstand", 0), "*leegstand/1/head");
    /* both in one word: the compound's modifier and its head */
    assert_string_equal(matches(tt, "woninginbraak", 0), "woning*/1/mod *inbraak/1/head");
    /* phrases, the last word may be a start; a phrase needs all its words */
    assert_string_equal(matches(tt, "de sociale huurwoningen", 1), "sociale huur*/2");
    assert_string_equal(matches(tt, "sociale", 0), "");
    assert_string_equal(matches(tt, "met het openbaar vervoer", 2), "openbaar vervoer/2");
    assert_string_equal(matches(tt, "openbaar bestuur", 0), "");
    /* a phrase and a single word at the same word are both reported */
    assert_string_equal(matches(tt, "circulaire economie", 1), "economie/1");
    assert_string_equal(matches(tt, "circulaire economie", 0), "circulaire economie/2");
    vp_theme_terms_free(tt);
}

static void test_hyphenated_words(void **state)
{
    (void)state;
    vp_theme_terms *tt = sample();
    /* whole word (its end) and its parts */
    assert_string_equal(matches(tt, "woon-werkverkeer", 0), "*verkeer/1/head *verkeer/1/head");
    assert_string_equal(matches(tt, "ov-fiets", 0), "ov/1");
    assert_string_equal(matches(tt, "krimp-regio", 0), "krimp/1");
    vp_theme_terms_free(tt);
}

/* A token too long to be a word matches nothing, and one of a megabyte is
 * cut and looked at once: the matcher reads each word once. */
static void test_long_tokens(void **state)
{
    (void)state;
    vp_theme_terms *tt = sample();
    char word[VP_THEME_WORD_MAX + 16];
    memset(word, 'a', sizeof word - 1);
    word[sizeof word - 1] = '\0';
    memcpy(word + sizeof word - 1 - strlen("leegstand"), "leegstand", strlen("leegstand"));
    assert_string_equal(matches(tt, word, 0), "");

    size_t big = 1u << 20;
    char *text = malloc(big + 1);
    assert_non_null(text);
    memset(text, 'k', big);
    text[big] = '\0';
    size_t pos = 0;
    vp_word w;
    assert_true(vp_theme_next_word(text, big, &pos, &w));
    assert_int_equal(w.len, big);
    assert_int_equal(pos, big);
    vp_term_match m[4];
    assert_int_equal(vp_theme_terms_match(tt, &w, 1, 0, m, 4), 0);
    assert_false(vp_theme_next_word(text, big, &pos, &w));
    free(text);
    vp_theme_terms_free(tt);
}

static void expect_bad(const char *descriptor, const char *why_wanted)
{
    char why[96] = "";
    vp_theme_terms *tt = sample();
    int rc = vp_theme_terms_add(tt, descriptor, 0, 1.0, why, sizeof why);
    if (rc != 1 || strcmp(why, why_wanted) != 0)
        fail_msg("'%s': %d \"%s\", want \"%s\"", descriptor, rc, why, why_wanted);
    assert_int_equal(vp_theme_terms_count(tt), 11);
    vp_theme_terms_free(tt);
}

static void test_malformed(void **state)
{
    (void)state;
    expect_bad("wo*ning", "'*' only at the start or the end");
    expect_bad("*woning*", "a leading '*' only on a single word without a trailing one");
    expect_bad("*sociale huur", "a leading '*' only on a single word without a trailing one");
    expect_bad("ov-*", "'*' only next to a letter or digit");
    expect_bad("*-ov", "'*' only next to a letter or digit");
    expect_bad("sociale *", "'*' only next to a letter or digit");
    expect_bad(" - ", "no word");
    expect_bad("een twee drie vier vijf zes zeven", "more than 6 words");
    expect_bad("krimp", "given twice for the same theme");
    /* the same descriptor for another theme is fine */
    char why[96];
    vp_theme_terms *tt = sample();
    assert_int_equal(vp_theme_terms_add(tt, "krimp", 5, 2.0, why, sizeof why), 0);
    assert_string_equal(matches(tt, "krimp", 0), "krimp/1 krimp/1");
    vp_theme_terms_free(tt);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words),
        cmocka_unit_test(test_forms),
        cmocka_unit_test(test_hyphenated_words),
        cmocka_unit_test(test_long_tokens),
        cmocka_unit_test(test_malformed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
