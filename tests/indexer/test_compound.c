/*
 * test_compound.c: compound splitting (model/compound_split.c) against a
 * lexicon (indexer/compound.c), and the parts a document gets: at the
 * compound's positions, as Z-stems, with half the compound's wdf.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compound.h"
#include "compound_split.h"

static vp_lexicon *small_lexicon(void)
{
    static const char *const words[] = {"samenwerking", "verband", "binnenstad", "visie",
                                        "jeugd", "zorg", "regio", "deal", "boeken", "kast",
                                        "wonen", "gemeente", "huis"};
    vp_lexicon *lex = vp_lexicon_new();
    assert_non_null(lex);
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        vp_lexicon_add(lex, words[i], strlen(words[i]));
    return lex;
}

static bool in_lexicon(const char *s, size_t len, void *ctx)
{
    return vp_lexicon_contains(ctx, s, len);
}

/* The parts of w joined by '+', "" when it does not split. */
static const char *split(vp_lexicon *lex, const char *w)
{
    static char out[256];
    vp_span parts[VP_COMPOUND_MAX_PARTS];
    size_t n = vp_compound_split(w, strlen(w), in_lexicon, lex, parts);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++)
        snprintf(out + strlen(out), sizeof out - strlen(out), "%s%.*s", i ? "+" : "",
                 (int)parts[i].len, w + parts[i].start);
    return out;
}

static void test_split(void **state)
{
    (void)state;
    vp_lexicon *lex = small_lexicon();
    assert_string_equal(split(lex, "samenwerkingsverband"), "samenwerking+verband");
    assert_string_equal(split(lex, "binnenstadsvisie"), "binnenstad+visie");
    assert_string_equal(split(lex, "jeugdzorg"), "jeugd+zorg");
    assert_string_equal(split(lex, "regiodeal"), "regio+deal");
    assert_string_equal(split(lex, "boekenkast"), "boeken+kast");
    assert_string_equal(split(lex, "gemeentehuis"), "gemeente+huis");
    /* three parts, linking -s- twice */
    assert_string_equal(split(lex, "regiosamenwerkingsverband"), "regio+samenwerking+verband");
    /* not compounds of the lexicon; too short; a lone link is no part */
    assert_string_equal(split(lex, "samenwerking"), "");
    assert_string_equal(split(lex, "zorgplan"), "");
    assert_string_equal(split(lex, "verbandzorg"), "verband+zorg");
    assert_string_equal(split(lex, "wonens"), "");
    assert_string_equal(split(lex, "wonenszorgx"), "");
    vp_lexicon_free(lex);
}

static void test_lexicon(void **state)
{
    (void)state;
    vp_lexicon *lex = vp_lexicon_new();
    char buf[32];
    for (int i = 0; i < 5000; i++) {      /* grows past the first table */
        snprintf(buf, sizeof buf, "woord%d", i);
        vp_lexicon_add(lex, buf, strlen(buf));
    }
    vp_lexicon_add(lex, "woord7", 6);   /* no duplicates */
    assert_int_equal(vp_lexicon_size(lex), 5000);
    assert_true(vp_lexicon_contains(lex, "woord4999", 9));
    assert_true(vp_lexicon_contains(lex, "woord49990", 8));   /* by length */
    assert_false(vp_lexicon_contains(lex, "woord5000", 9));
    assert_false(vp_lexicon_contains(lex, "woord", 5));

    char why[300];
    assert_int_equal(vp_lexicon_load(lex, "/nonexistent/dutch", why, sizeof why), -1);
    assert_non_null(strstr(why, "/nonexistent/dutch"));
    vp_lexicon_free(lex);
}

static void test_word_list(void **state)
{
    (void)state;
    vp_lexicon *lex = vp_lexicon_new();
    char path[] = "/tmp/vp-test-wordlist-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("Binnenstad\nvisie\r\nzo\n", f);
    fclose(f);
    char why[300];
    assert_int_equal(vp_lexicon_load(lex, path, why, sizeof why), 0);
    remove(path);
    assert_true(vp_lexicon_contains(lex, "binnenstad", 10));   /* lower-cased */
    assert_true(vp_lexicon_contains(lex, "visie", 5));          /* CRLF */
    assert_false(vp_lexicon_contains(lex, "zo", 2));            /* too short a part */
    vp_lexicon_free(lex);
}

static void test_document_parts(void **state)
{
    (void)state;
    xapc_error err;
    vp_lexicon *lex = small_lexicon();
    xapc_stem *stem = xapc_stem_new("dutch", &err);
    xapc_termgen *tg = xapc_termgen_new(&err);
    xapc_doc *doc = xapc_doc_new(&err);
    xapc_termgen_set_stemmer(tg, stem, &err);
    xapc_termgen_set_stemming_strategy(tg, XAPC_STEM_SOME, &err);
    xapc_termgen_set_document(tg, doc, &err);
    const char *title = "Het samenwerkingsverband";
    const char *body = "Over de binnenstadsvisie en het samenwerkingsverband.";
    xapc_termgen_index_text(tg, title, strlen(title), 5, "", &err);
    xapc_termgen_index_text(tg, body, strlen(body), 1, "", &err);
    assert_int_equal(vp_compound_index_doc(lex, doc, stem, &err), XAPC_OK);

    uint32_t pos[4];
    /* "samenwerkingsverband" at 2 (title) and 8 (body): parts there too */
    assert_int_equal(xapc_doc_positions(doc, "samenwerking", pos, 4, &err), 2);
    assert_int_equal(pos[0], 2);
    assert_int_equal(pos[1], 8);
    assert_int_equal(xapc_doc_positions(doc, "verband", pos, 4, &err), 2);
    assert_int_equal(xapc_doc_positions(doc, "visie", pos, 4, &err), 1);
    assert_int_equal(pos[0], 5);

    /* wdf: the compound 5 + 1 = 6, its parts 3 (and their Z-stems) */
    xapc_termiter *it = xapc_doc_termlist(doc, "", &err);
    const char *term;
    uint32_t wdf, seen = 0;
    while (xapc_termiter_next(it, &term, &wdf, &err)) {
        if (strcmp(term, "samenwerkingsverband") == 0)
            assert_int_equal(wdf, 6), seen++;
        if (strcmp(term, "samenwerking") == 0 || strcmp(term, "Zsamenwerk") == 0)
            assert_int_equal(wdf, 3), seen++;
        if (strcmp(term, "Zbinnenstad") == 0)
            assert_int_equal(wdf, 1), seen++;
    }
    xapc_termiter_free(it);
    assert_int_equal(seen, 4);
    assert_int_equal(err.status, XAPC_OK);
    xapc_doc_free(doc);
    xapc_termgen_free(tg);
    xapc_stem_free(stem);
    vp_lexicon_free(lex);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_split),
        cmocka_unit_test(test_lexicon),
        cmocka_unit_test(test_word_list),
        cmocka_unit_test(test_document_parts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
