/* inflect.c: see inflect.h.
 *
 * Two directions.  From a base form forward: the -e of an adjective or the
 * plural (-en, -s, -'s), spelled as Dutch spelling wants it: a long vowel
 * written twice in a closed syllable once in an open one (groot -> grote,
 * sociaal -> sociale), a short vowel's consonant doubled (wit -> witte,
 * plan -> plannen), f/s voiced before a vowel (actief -> actieve, huis ->
 * huizen).  From an inflected form back to its base by the same rules
 * undone, and forward again from that base (gemeentes -> gemeente ->
 * gemeenten).
 */
#include "inflect.h"

#include <stdio.h>
#include <string.h>

#define E_DIAERESIS "\xc3\xab"   /* ë, as in financiële and ideeën */

typedef struct forms {
    const char *word;
    vp_strvec *out;
} forms;

static bool is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static bool is_consonant(char c)
{
    return c >= 'a' && c <= 'z' && !is_vowel(c);
}

/* base[0..len) + suffix, unless it is the word itself or already there. */
static void add(forms *f, const char *base, size_t len, const char *suffix)
{
    char buf[VP_INFLECT_MAX_LEN + 16];
    size_t slen = strlen(suffix);
    if (len + slen >= sizeof buf)
        return;
    memcpy(buf, base, len);
    memcpy(buf + len, suffix, slen + 1);
    if (strcmp(buf, f->word) == 0)
        return;
    for (size_t i = 0; i < f->out->len; i++)
        if (strcmp(f->out->items[i], buf) == 0)
            return;    /* exact: vp_strvec_contains would take ë for e */
    vp_strvec_push(f->out, buf);
}

/* The voiced consonant Dutch writes before a vowel: f -> v, s -> z. */
static char voiced(char c)
{
    return c == 'f' ? 'v' : c == 's' ? 'z' : c;
}

static bool ends_with(const char *w, size_t n, const char *end)
{
    size_t k = strlen(end);
    return n >= k && memcmp(w + n - k, end, k) == 0;
}

/* An unstressed last syllable: no consonant doubling (nodig -> nodige,
 * ouder -> oudere), and a plural in -s (ouders, havens). */
static bool unstressed_end(const char *w, size_t n)
{
    if (n < 4 || is_vowel(w[n - 3]))
        return false;                          /* financieel, alleen: stressed */
    return ends_with(w, n, "el") || ends_with(w, n, "em") || ends_with(w, n, "en") ||
           ends_with(w, n, "er") || ends_with(w, n, "ig") || ends_with(w, n, "je");
}

/* The forms with an ending, of a base ending in a consonant. */
static void forward_consonant(forms *f, const char *w, size_t n)
{
    char last = w[n - 1], before = w[n - 2];
    char stem[VP_INFLECT_MAX_LEN + 2];
    if (unstressed_end(w, n)) {
        add(f, w, n, "s");                     /* havens, ouders */
        if (!ends_with(w, n, "en")) {
            add(f, w, n, "e");                 /* nodige, oudere */
            add(f, w, n, "en");
        }
    } else if (n >= 4 && before == w[n - 3] && is_vowel(before) && before != 'i' &&
               w[n - 4] != before) {
        /* a long vowel written once in an open syllable: groot -> grote */
        memcpy(stem, w, n - 2);
        stem[n - 2] = voiced(last);
        add(f, stem, n - 1, "e");
        add(f, stem, n - 1, "en");
        if (before == 'e' && w[n - 4] == 'i') {
            /* financieel -> financiële: the e after i takes a diaeresis */
            add(f, stem, n - 4, "i" E_DIAERESIS "le");
            add(f, stem, n - 4, "i" E_DIAERESIS "len");
        }
    } else if ((last == 'f' || last == 's') && (is_vowel(before) || before == 'j' ||
                                                before == 'l' || before == 'r')) {
        /* voiced before the ending: actief -> actieve, huis -> huizen */
        memcpy(stem, w, n - 1);
        stem[n - 1] = voiced(last);
        add(f, stem, n, "e");
        add(f, stem, n, "en");
    } else if (is_vowel(before) && !is_vowel(w[n - 3]) && !strchr("hjwxy", last)) {
        /* a short vowel keeps its consonant doubled: wit -> witte */
        memcpy(stem, w, n);
        stem[n] = last;
        add(f, stem, n + 1, "e");
        add(f, stem, n + 1, "en");
    } else {
        add(f, w, n, "e");                     /* ruimtelijke, woningen */
        add(f, w, n, "en");
    }
}

/* The forms with an ending, of a base ending in a vowel. */
static void forward_vowel(forms *f, const char *w, size_t n)
{
    char last = w[n - 1];
    if (last == 'e' && (w[n - 2] == 'i' || w[n - 2] == 'e')) {
        add(f, w, n, "s");                     /* subsidie -> subsidies */
        add(f, w, n, "n");
        add(f, w, n, E_DIAERESIS "n");         /* industrie -> industrieën, idee -> ideeën */
    } else if (last == 'e') {
        add(f, w, n, "n");                     /* gemeente -> gemeenten, gemeentes */
        add(f, w, n, "s");
    } else {
        add(f, w, n, "'s");                    /* regio -> regio's */
        add(f, w, n, "s");
    }
}

static void forward(forms *f, const char *w, size_t n)
{
    if (n < VP_INFLECT_MIN_LEN)
        return;
    if (w[n - 1] == 'y' && is_consonant(w[n - 2]))
        add(f, w, n - 1, "ies");               /* English: city -> cities */
    else if (is_consonant(w[n - 1]))
        forward_consonant(f, w, n);
    else
        forward_vowel(f, w, n);
}

/* The bases x[0..k) may come from once an ending is taken off, spelled
 * back (witt -> wit, actiev -> actief, grot -> groot and grot: where the
 * spelling cannot tell, both are proposed and the index decides). */
static void bases_of(const char *x, size_t k, vp_strvec *bases)
{
    char base[VP_INFLECT_MAX_LEN + 2];
    if (k < VP_INFLECT_MIN_LEN || !is_consonant(x[k - 1]))
        return;
    char last = x[k - 1] == 'v' ? 'f' : x[k - 1] == 'z' ? 's' : x[k - 1];
    memcpy(base, x, k - 1);
    if (x[k - 2] == x[k - 1]) {                /* witt -> wit, plann -> plan */
        base[k - 1] = '\0';
        vp_strvec_push(bases, base);
        return;
    }
    base[k - 1] = last;
    base[k] = '\0';
    vp_strvec_push(bases, base);
    if (is_vowel(x[k - 2]) && x[k - 2] != 'i' && x[k - 3] != x[k - 2] &&
        !unstressed_end(x, k)) {
        /* the long vowel of an open syllable written twice: grot -> groot */
        base[k - 1] = x[k - 2];
        base[k] = last;
        base[k + 1] = '\0';
        vp_strvec_push(bases, base);
    }
}

static void backward(forms *f, const char *w, size_t n)
{
    vp_strvec bases = VP_STRVEC_INIT;
    char base[VP_INFLECT_MAX_LEN + 1];
    if (n >= 5 && ends_with(w, n, "en")) {
        bases_of(w, n - 2, &bases);         /* woningen, scholen, bedrijven */
        if (w[n - 3] != 'e') {                 /* gemeenten: gemeente + n */
            snprintf(base, sizeof base, "%.*s", (int)(n - 1), w);
            vp_strvec_push(&bases, base);
        }
    } else if (n >= 4 && w[n - 1] == 'e' && w[n - 2] != 'e' && w[n - 2] != 'i') {
        bases_of(w, n - 1, &bases);         /* sociale, witte, actieve */
    } else if (n >= 5 && ends_with(w, n, "ies") && is_consonant(w[n - 4])) {
        add(f, w, n - 3, "y");                 /* English: policies -> policy */
        snprintf(base, sizeof base, "%.*s", (int)(n - 1), w);
        vp_strvec_push(&bases, base);          /* subsidies -> subsidie */
    } else if (n >= 4 && w[n - 1] == 's' &&
               (w[n - 2] == 'e' || unstressed_end(w, n - 1))) {
        snprintf(base, sizeof base, "%.*s", (int)(n - 1), w);
        vp_strvec_push(&bases, base);   /* gemeentes, havens */
    }
    for (size_t i = 0; i < bases.len; i++) {
        const char *b = bases.items[i];
        size_t len = strlen(b);
        add(f, b, len, "");
        /* gemeentes -> gemeente -> gemeenten; not from a base that ends in
         * a consonant, which may be no base at all (haven -> haf -> have) */
        if (!is_consonant(b[len - 1]))
            forward(f, b, len);
    }
    vp_strvec_clear(&bases);
}

void vp_inflect_forms(const char *word, vp_strvec *out)
{
    size_t n = strlen(word);
    if (n < VP_INFLECT_MIN_LEN || n > VP_INFLECT_MAX_LEN)
        return;
    for (size_t i = 0; i < n; i++)
        if (word[i] < 'a' || word[i] > 'z')
            return;   /* names, numbers, regio's: as typed */
    forms f = {word, out};
    forward(&f, word, n);
    backward(&f, word, n);
}
