#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "text.h"

#define FOLD(in, out) do { char *f_ = vp_fold(in); assert_non_null(f_); \
        assert_string_equal(f_, out); free(f_); } while (0)
#define KEY(in, out) do { char *f_ = vp_fold_key(in); assert_non_null(f_); \
        assert_string_equal(f_, out); free(f_); } while (0)
#define ANCHOR(in, out) do { char *f_ = vp_anchor(in); assert_non_null(f_); \
        assert_string_equal(f_, out); free(f_); } while (0)

static void valid(const char *s, size_t len)
{
    size_t bad = 12345;
    assert_true(vp_utf8_valid(s, len, &bad));
    assert_int_equal(bad, 12345);
}

static void invalid(const char *s, size_t len, size_t at)
{
    size_t bad = 12345;
    assert_false(vp_utf8_valid(s, len, &bad));
    assert_int_equal(bad, at);
    assert_false(vp_utf8_valid(s, len, NULL));
}

static void test_utf8_valid(void **state)
{
    (void)state;
    valid("", 0);
    valid("abc", 3);
    valid("S\xC3\xBA" "dwest", 8);                 /* Sú */
    valid("\xE2\x80\x99", 3);                      /* ’ */
    valid("\xF0\x9F\x98\x80", 4);                  /* U+1F600 */
    valid("\xF4\x8F\xBF\xBF", 4);                  /* U+10FFFF */
    valid("\xED\x9F\xBF", 3);                      /* U+D7FF */
    valid("\xEE\x80\x80", 3);                      /* U+E000 */
    invalid("a\0b", 3, 1);                         /* NUL */
    invalid("ab\xC0\xAF", 4, 2);                   /* overlong '/' */
    invalid("\xC1\xBF", 2, 0);                     /* overlong */
    invalid("\xE0\x80\xAF", 3, 0);                 /* overlong 3-byte */
    invalid("\xE0\x9F\xBF", 3, 0);                 /* overlong U+07FF */
    invalid("\xF0\x8F\xBF\xBF", 4, 0);             /* overlong 4-byte */
    invalid("x\xED\xA0\x80", 4, 1);                /* surrogate D800 */
    invalid("\xED\xBF\xBF", 3, 0);                 /* surrogate DFFF */
    invalid("\xF4\x90\x80\x80", 4, 0);             /* U+110000 */
    invalid("\xF5\x80\x80\x80", 4, 0);
    invalid("\xFF", 1, 0);
    invalid("abc\x80", 4, 3);                      /* lone continuation */
    invalid("\xC3", 1, 0);                         /* truncated */
    invalid("\xE2\x80", 2, 0);
    invalid("\xE2\x28\xA1", 3, 0);                 /* bad continuation */
    /* the length is respected: the byte after len is not read */
    valid("\xC3\xA9\xFF", 2);
}

static void test_utf8_decode(void **state)
{
    unsigned cp = 0;
    (void)state;
    assert_int_equal(vp_utf8_decode("", 0, &cp), 0);
    assert_int_equal(vp_utf8_decode("A", 1, &cp), 1);
    assert_int_equal(cp, 'A');
    assert_int_equal(vp_utf8_decode("\xC3\xA9", 2, &cp), 2);
    assert_int_equal(cp, 0xE9);
    assert_int_equal(vp_utf8_decode("\xE2\x80\x99", 3, &cp), 3);
    assert_int_equal(cp, 0x2019);
    assert_int_equal(vp_utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
    assert_int_equal(cp, 0x1F600);
    assert_int_equal(vp_utf8_decode("\xE2\x80\x99", 2, &cp), 0);  /* short */
    assert_int_equal(vp_utf8_decode("\xC0\x80", 2, &cp), 0);
    assert_int_equal(vp_utf8_decode("\xED\xA0\x80", 3, &cp), 0);
}

static void test_fold_letters(void **state)
{
    (void)state;
    FOLD("", "");
    FOLD("ABC xyz 123", "abc xyz 123");
    FOLD("S\xC3\xBA" "dwest-Frysl\xC3\xA2n", "sudwest-fryslan");      /* Súdwest-Fryslân */
    FOLD("SUDWEST-FRYSLAN", "sudwest-fryslan");
    FOLD("\xC3\xA9\xC3\xA8\xC3\xAA\xC3\xAB \xC3\x89\xC3\x88\xC3\x8A\xC3\x8B", "eeee eeee");
    FOLD("\xC3\xA1\xC3\xA0\xC3\xA2\xC3\xA4\xC3\xA5 \xC3\x81\xC3\x80\xC3\x82\xC3\x84\xC3\x85",
         "aaaaa aaaaa");
    FOLD("\xC3\xAF\xC3\xAD\xC3\xAE\xC3\xAC \xC3\x8F\xC3\x8D\xC3\x8E\xC3\x8C", "iiii iiii");
    FOLD("\xC3\xB3\xC3\xB6\xC3\xB4\xC3\xB2\xC3\xB8 \xC3\x93\xC3\x96\xC3\x94\xC3\x92\xC3\x98",
         "ooooo ooooo");
    FOLD("\xC3\xBA\xC3\xBC\xC3\xBB\xC3\xB9 \xC3\x9A\xC3\x9C\xC3\x9B\xC3\x99", "uuuu uuuu");
    FOLD("\xC3\xA7\xC3\x87 \xC3\xB1\xC3\x91", "cc nn");
    FOLD("\xC4\xB3ssel \xC4\xB2SSEL IJssel", "ijssel ijssel ijssel");  /* ĳ Ĳ */
    FOLD("Stra\xC3\x9F" "e", "strasse");                               /* ß */
    FOLD("\xC3\xBF\xC3\xBD\xC3\x9D\xC5\xB8", "yyyy");                 /* ÿ ý Ý Ÿ */
    FOLD("\xC3\xA6\xC3\x86 \xC5\x93\xC5\x92", "aeae oeoe");           /* æ Æ œ Œ */
    FOLD("co\xC3\xB6peratie", "cooperatie");
    FOLD("\xC5\x81\xC3\xB3" "d\xC5\xBA \xC5\xA0" "koda", "lodz skoda"); /* Łódź Škoda */
    /* Other code points pass through unchanged */
    FOLD("\xCE\xA3\xCE\xB1 \xC3\x97 \xE2\x82\xAC 5", "\xCE\xA3\xCE\xB1 \xC3\x97 \xE2\x82\xAC 5");
    /* combining accents are dropped: decomposed é */
    FOLD("Caf" "e\xCC\x81", "cafe");
}

static void test_fold_punctuation(void **state)
{
    (void)state;
    /* apostrophes */
    FOLD("\xE2\x80\x98" "a\xE2\x80\x99 b\xCA\xBC" "c `d", "'a' b'c 'd");
    FOLD("\xE2\x80\x99s-Hertogenbosch", "'s-hertogenbosch");
    /* double quotes */
    FOLD("\xE2\x80\x9E" "a\xE2\x80\x9D \xE2\x80\x9C" "b\"", "\"a\" \"b\"");
    /* dashes and hyphens */
    FOLD("a\xE2\x80\x93" "b\xE2\x80\x94" "c\xE2\x80\x90" "d\xE2\x80\x91" "e-f", "a-b-c-d-e-f");
    /* spaces: NBSP, thin space, ideographic, tabs, newlines; collapsed, trimmed */
    FOLD("  a\xC2\xA0\xC2\xA0" "b\xE2\x80\x89" "c\t\n d\xE3\x80\x80" "e \r\n", "a b c d e");
    FOLD("\xC2\xA0", "");
    FOLD("a  -  b", "a - b");           /* hyphens are kept */
    FOLD("A. Concept", "a. concept");
}

static void test_fold_invalid_bytes(void **state)
{
    (void)state;
    /* invalid bytes are copied; folding does not crash or drop text */
    FOLD("A\xFF" "B", "a\xFF" "b");
}

static void test_fold_key(void **state)
{
    (void)state;
    KEY("Leidschendam-Voorburg", "leidschendam voorburg");
    KEY("leidschendam voorburg", "leidschendam voorburg");
    KEY("Leidschendam \xE2\x80\x93 Voorburg", "leidschendam voorburg");
    KEY("St. Anthonis", "st anthonis");
    KEY("Alphen aan den Rijn", "alphen aan den rijn");
    /* 's: all spellings give one key */
    char *a = vp_fold_key("'s Hertogenbosch");
    char *b = vp_fold_key("'s-Hertogenbosch");
    char *c = vp_fold_key("\xE2\x80\x99s-HERTOGENBOSCH");
    char *d = vp_fold_key("'sHertogenbosch");
    assert_string_equal(a, b);
    assert_string_equal(a, c);
    assert_string_equal(a, d);
    assert_string_equal(a, "shertogenbosch");
    free(a); free(b); free(c); free(d);
    KEY("'s-Gravenhage", "sgravenhage");
    KEY("'t Zandt", "t zandt");
    KEY("'s", "s");
    KEY("Hank's", "hanks");
    KEY(" - . ", "");
    KEY("a ' b", "a b");
    KEY("Den  Bosch", "den bosch");
}

static void test_anchor(void **state)
{
    (void)state;
    ANCHOR("A. CONCEPT BINNENSTAD", "a-concept-binnenstad");
    ANCHOR("  Súdwest-Fryslân: plannen (2024)!  ", "sudwest-fryslan-plannen-2024");
    ANCHOR("", "");
    ANCHOR("?!", "");
    ANCHOR("\xE2\x82\xAC 5 miljoen", "5-miljoen");
    /* at most 64 bytes, no trailing '-' */
    char *x = vp_anchor("aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee ffffffffff "
                        "gggggggggg");
    assert_non_null(x);
    assert_true(strlen(x) <= 64);
    assert_string_equal(x, "aaaaaaaaaa-bbbbbbbbbb-cccccccccc-dddddddddd-eeeeeeeeee-fffffffff");
    assert_int_equal(strlen(x), 64);
    free(x);
    /* the cut falls right after a '-': it is dropped */
    x = vp_anchor("aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee ffffffff "
                  "ggggggggggggggggg");
    assert_true(strlen(x) <= 64);
    assert_string_equal(x, "aaaaaaaaaa-bbbbbbbbbb-cccccccccc-dddddddddd-eeeeeeeeee-ffffffff");
    free(x);
    x = vp_anchor("aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee fffffffff ggg");
    assert_string_equal(x, "aaaaaaaaaa-bbbbbbbbbb-cccccccccc-dddddddddd-eeeeeeeeee-fffffffff");
    free(x);
}

static void test_fold_equal(void **state)
{
    (void)state;
    assert_true(vp_fold_equal("Súdwest-Fryslân", "SUDWEST-FRYSLAN"));
    assert_true(vp_fold_equal(" a  b ", "A B"));
    assert_false(vp_fold_equal("a-b", "a b"));
    assert_false(vp_fold_equal("Gorinchem", "Gorinchemse"));
}

static void test_trim_strndup(void **state)
{
    char buf[32];
    (void)state;
    strcpy(buf, " \t abc def \r\n");
    assert_ptr_equal(vp_trim(buf), buf);
    assert_string_equal(buf, "abc def");
    strcpy(buf, "   ");
    assert_string_equal(vp_trim(buf), "");
    strcpy(buf, "x");
    assert_string_equal(vp_trim(buf), "x");
    buf[0] = '\0';
    assert_string_equal(vp_trim(buf), "");
    char *s = vp_strndup("abcdef", 3);
    assert_string_equal(s, "abc");
    free(s);
    s = vp_strndup("", 0);
    assert_string_equal(s, "");
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_valid),
        cmocka_unit_test(test_utf8_decode),
        cmocka_unit_test(test_fold_letters),
        cmocka_unit_test(test_fold_punctuation),
        cmocka_unit_test(test_fold_invalid_bytes),
        cmocka_unit_test(test_fold_key),
        cmocka_unit_test(test_anchor),
        cmocka_unit_test(test_fold_equal),
        cmocka_unit_test(test_trim_strndup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
