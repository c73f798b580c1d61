/*
 * extract_text.c: the text helpers the extraction stages share (see
 * extract_text.h).
 */
#include "extract_text.h"

#include <string.h>

#include "text.h"

/* ---- characters ---- */

size_t vp_ex_charlen(const char *s, size_t len)
{
    if (len == 0)
        return 0;
    unsigned cp;
    size_t n = vp_utf8_decode(s, len, &cp);
    return n ? n : 1;
}

static unsigned code_point(const char *s, size_t len)
{
    unsigned cp = 0;
    if (len == 0)
        return 0;
    if ((unsigned char)s[0] < 0x80)
        return (unsigned char)s[0];
    if (vp_utf8_decode(s, len, &cp) == 0)
        return 0xFFFD;
    return cp;
}

/* Superscript and subscript digits: a footnote mark glued to a word
 * ("Smit\u00b2", "Ede\u00b9") is no part of it. */
bool vp_ex_is_footnote_mark(const char *s, size_t len)
{
    unsigned cp = code_point(s, len);
    return cp == 0xB2 || cp == 0xB3 || cp == 0xB9 || (cp >= 0x2070 && cp <= 0x209F);
}

bool vp_ex_is_wordchar(const char *s, size_t len)
{
    unsigned cp = code_point(s, len);
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
               (cp >= '0' && cp <= '9');
    if (cp >= 0x2000 && cp <= 0x206F)   /* general punctuation */
        return false;
    if (vp_ex_is_footnote_mark(s, len))
        return false;
    if (cp == 0xA0 || cp == 0xAB || cp == 0xBB || cp == 0xB7 || cp == 0xD7 ||
        cp == 0xF7 || cp == 0xFFFD)
        return false;
    return true;
}

/* Latin Extended-A (U+0100-U+017F) pairs an upper-case letter with the
 * lower-case one after it, the upper on even code points, except in
 * U+0139-U+0148 ("Ĺ" .. "ň") and U+0179-U+017E ("Ź" .. "ž"), where the
 * upper is odd; "ĸ", "ŉ" and "ſ" have no upper case. */
static bool latin_ext_a_upper(unsigned cp)
{
    if (cp == 0x138 || cp == 0x149 || cp == 0x17F)
        return false;
    bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    return (cp % 2 == 1) == odd_upper;
}

bool vp_ex_is_upper(const char *s, size_t len)
{
    unsigned cp = code_point(s, len);
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    if (cp >= 0xC0 && cp <= 0xDE)
        return cp != 0xD7;
    if (cp >= 0x100 && cp <= 0x17F)     /* Latin Extended-A pairs */
        return latin_ext_a_upper(cp);
    return false;
}

bool vp_ex_is_lower(const char *s, size_t len)
{
    unsigned cp = code_point(s, len);
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    if (cp >= 0xDF && cp <= 0xFF)
        return cp != 0xF7;
    if (cp >= 0x100 && cp <= 0x17F)
        return !latin_ext_a_upper(cp);
    return false;
}

bool vp_ex_all_caps(const char *s, size_t n)
{
    bool any = false;
    for (size_t i = 0; i < n; i += vp_ex_charlen(s + i, n - i)) {
        if (vp_ex_is_lower(s + i, n - i))
            return false;
        any = any || vp_ex_is_upper(s + i, n - i);
    }
    return any;
}

size_t vp_ex_apostrophe(const char *s, size_t len)
{
    if (len >= 1 && s[0] == '\'')
        return 1;
    if (len >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
        ((unsigned char)s[2] == 0x99 || (unsigned char)s[2] == 0x98))
        return 3;
    return 0;
}

/* ---- words ---- */

bool vp_ex_eq(const char *s, size_t n, const char *w)
{
    size_t i = 0;
    for (; i < n && w[i]; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != w[i])
            return false;
    }
    return i == n && w[i] == '\0';
}

bool vp_ex_eq_any(const char *s, size_t n, const char *const *words)
{
    for (size_t k = 0; words[k]; k++)
        if (vp_ex_eq(s, n, words[k]))
            return true;
    return false;
}

bool vp_ex_word_before_in(const char *t, size_t start, const char *const *words)
{
    size_t ws, we;
    return vp_ex_prev_word(t, start, &ws, &we) && vp_ex_eq_any(t + ws, we - ws, words);
}

bool vp_ex_word_after_in(const char *t, size_t len, size_t end, const char *const *words)
{
    size_t ws, we;
    return vp_ex_next_word(t, len, end, &ws, &we) && vp_ex_eq_any(t + ws, we - ws, words);
}


/* Start of the UTF-8 character that ends at pos (pos > 0). */
static size_t char_before(const char *t, size_t pos)
{
    size_t i = pos - 1;
    while (i > 0 && ((unsigned char)t[i] & 0xC0) == 0x80)
        i--;
    return i;
}

bool vp_ex_prev_word(const char *t, size_t pos, size_t *ws, size_t *we)
{
    size_t i = pos;
    while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\t' || t[i - 1] == '\n'))
        i--;
    if (i == 0)
        return false;
    size_t end = i;
    while (i > 0) {
        size_t c = char_before(t, i);
        bool inner = (t[c] == '-' || t[c] == '.' || vp_ex_apostrophe(t + c, i - c)) &&
                     c > 0 && i < end;
        if (!vp_ex_is_wordchar(t + c, i - c) && !inner)
            break;
        i = c;
    }
    /* an apostrophe word like 't or 's: include the leading apostrophe */
    if (i > 0) {
        size_t c = char_before(t, i);
        if (vp_ex_apostrophe(t + c, i - c) && (c == 0 || t[c - 1] == ' '))
            i = c;
    }
    if (i == end)
        return false;
    *ws = i;
    *we = end;
    return true;
}

bool vp_ex_next_word(const char *t, size_t len, size_t pos, size_t *ws,
                     size_t *we)
{
    size_t i = pos;
    while (i < len && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n'))
        i++;
    size_t start = i;
    size_t ap = vp_ex_apostrophe(t + i, len - i);
    if (ap)
        i += ap;
    while (i < len) {
        size_t n = vp_ex_charlen(t + i, len - i);
        if (vp_ex_is_wordchar(t + i, len - i)) {
            i += n;
            continue;
        }
        if (t[i] == '-' && i > start && i + 1 < len &&
            vp_ex_is_wordchar(t + i + 1, len - i - 1)) {
            i++;
            continue;
        }
        break;
    }
    if (i == start || (ap && i == start + ap))
        return false;
    *ws = start;
    *we = i;
    return true;
}

bool vp_ex_step_word(const char *t, size_t len, size_t *pos, size_t *ws, size_t *we)
{
    while (*pos < len && !vp_ex_is_wordchar(t + *pos, len - *pos))
        *pos += vp_ex_charlen(t + *pos, len - *pos);
    if (*pos >= len || !vp_ex_next_word(t, len, *pos, ws, we) || *we == *ws)
        return false;
    *pos = *we;
    return true;
}

char *vp_ex_lower(const char *t, size_t a, size_t b, char *buf, size_t cap)
{
    size_t n = 0;
    for (size_t i = a; i < b && n + 1 < cap; i++) {
        char c = t[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        buf[n++] = c;
    }
    buf[n] = '\0';
    return buf;
}

bool vp_ex_is_particle(const char *s, size_t n)
{
    static const char *const particles[] = {
        "van", "de", "der", "den", "ter", "ten", "te", "'t", "in", "op",
        "el", "la", "le", "du", "da", "di", "del", "von", "het", "d'", NULL,
    };
    if (n == 0 || !((s[0] >= 'a' && s[0] <= 'z') || s[0] == '\''))
        return false;   /* particles are written in lower case inside a name */
    if (n == 4 && (unsigned char)s[0] == 0xE2)
        return false;
    for (size_t i = 0; particles[i]; i++)
        if (vp_ex_eq(s, n, particles[i]))
            return true;
    /* the typographic apostrophe in ’t */
    if (n == 4 && memcmp(s, "\xE2\x80\x99t", 4) == 0)
        return true;
    return false;
}

/* ---- sentences ---- */

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

size_t vp_ex_sentence_start(const char *t, size_t pos, size_t reach)
{
    size_t limit = pos > reach ? pos - reach : 0;
    for (size_t i = pos; i > limit; i--) {
        char c = t[i - 1];
        if (c == '\n')
            return i;
        if ((c == '.' || c == '!' || c == '?') && i < pos && t[i] == ' ' &&
            !(i >= 2 && is_digit(t[i - 2])))
            return i;
    }
    return limit;
}

size_t vp_ex_sentence_end(const char *t, size_t len, size_t pos, size_t reach)
{
    size_t limit = pos + reach < len ? pos + reach : len;
    for (size_t i = pos; i < limit; i++) {
        char c = t[i];
        if (c == '\n' || ((c == '.' || c == '!' || c == '?') &&
                          (i + 1 == len || t[i + 1] == ' ')))
            return i;
    }
    return limit;
}

/* Words that make a sentence about a later meeting. */
static const char *const NEXT_CUES[] = {
    "volgende", "save the date", "noteer", "in uw agenda", "in je agenda",
    "in de agenda", "agenda alvast", "komende bijeenkomst", "komende kennisdag",
    "staat gepland", "gepland op", "zal plaatsvinden", "zal worden gehouden",
    "next meeting", "next session", "next network", "will take place",
    "will be held", NULL,
};

bool vp_ex_about_next_meeting(const char *t, size_t len, size_t start, size_t end)
{
    enum { REACH = 120 };
    char lower[2 * REACH + 64];
    size_t ss = vp_ex_sentence_start(t, start, REACH);
    size_t se = vp_ex_sentence_end(t, len, end, REACH);
    vp_ex_lower(t, ss, se, lower, sizeof lower);
    size_t at = start - ss, after = end - ss;    /* the span within lower */
    for (size_t k = 0; NEXT_CUES[k]; k++) {
        for (const char *hit = strstr(lower, NEXT_CUES[k]); hit; hit = strstr(hit + 1, NEXT_CUES[k])) {
            size_t pos = (size_t)(hit - lower);
            /* before the span anywhere in the sentence; after it only in the
             * same clause ("netwerkdag in Vlaardingen, en de datum van de
             * volgende" is about two things) */
            if (pos < at || strcspn(lower + after, ",;") >= pos - after)
                return true;
        }
    }
    return false;
}

bool vp_ex_opens_look_back(const char *t)
{
    static const char *const CUES[] = {"terugblik", "looking back", "look back", NULL};
    while (*t == '*' || *t == '_' || *t == ' ')
        t++;
    for (size_t k = 0; CUES[k]; k++) {
        size_t n = strlen(CUES[k]);
        if (strlen(t) >= n && vp_ex_eq(t, n, CUES[k]) &&
            !((t[n] >= 'a' && t[n] <= 'z') || (t[n] >= 'A' && t[n] <= 'Z')))
            return true;
    }
    return false;
}
