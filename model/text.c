/*
 * text.c: UTF-8 validation, folding, keys and anchors.  See text.h.
 */
#include "text.h"
#include "text_internal.h"

#include "mem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- UTF-8 -------------------------------------------------------------- */

size_t vp_utf8_decode(const char *s, size_t len, unsigned *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned c, min;
    size_t n, i;

    if (len == 0)
        return 0;
    c = u[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c < 0xC2)                 /* continuation byte or overlong 2-byte lead */
        return 0;
    if (c < 0xE0) {
        n = 2; c &= 0x1F; min = 0x80;
    } else if (c < 0xF0) {
        n = 3; c &= 0x0F; min = 0x800;
    } else if (c < 0xF5) {
        n = 4; c &= 0x07; min = 0x10000;
    } else {
        return 0;
    }
    if (len < n)
        return 0;
    for (i = 1; i < n; i++) {
        if ((u[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (u[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return n;
}

bool vp_utf8_valid(const char *s, size_t len, size_t *bad_offset)
{
    size_t i = 0;
    while (i < len) {
        unsigned cp;
        size_t n;
        if ((unsigned char)s[i] < 0x80) {   /* fast path */
            if (s[i] == '\0')
                goto bad;
            i++;
            continue;
        }
        n = vp_utf8_decode(s + i, len - i, &cp);
        if (n == 0)
            goto bad;
        i += n;
    }
    return true;
bad:
    if (bad_offset)
        *bad_offset = i;
    return false;
}

/* ---- folding ------------------------------------------------------------ */

/* U+00C0 .. U+00FF; NULL = not a letter, passes through. */
static const char *const latin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c",      /* C0-C7 */
    "e", "e", "e", "e", "i", "i", "i", "i",       /* C8-CF */
    "d", "n", "o", "o", "o", "o", "o", NULL,      /* D0-D7 (D7 = ×) */
    "o", "u", "u", "u", "u", "y", "th", "ss",     /* D8-DF */
    "a", "a", "a", "a", "a", "a", "ae", "c",      /* E0-E7 */
    "e", "e", "e", "e", "i", "i", "i", "i",       /* E8-EF */
    "d", "n", "o", "o", "o", "o", "o", NULL,      /* F0-F7 (F7 = ÷) */
    "o", "u", "u", "u", "u", "y", "th", "y",      /* F8-FF */
};

/* U+0100 .. U+017F (Latin Extended-A): one ASCII letter each; '?' marks the
 * ligatures and ŉ, handled in vp_text_fold_cp(). */
static const char ext_a[] =
    "aaaaaa" "cccccccc" "dddd" "eeeeeeeeee" "gggggggg" "hhhh"     /* 0100-0127 */
    "iiiiiiiiii" "??" "jj" "kkk" "llllllllll" "nnnnnn" "?" "nn"     /* 0128-014B */
    "oooooo" "??" "rrrrrr" "ssssssss" "tttttt" "uuuuuuuuuuuu"      /* 014C-0173 */
    "ww" "yyy" "zzzzzz" "s";                                       /* 0174-017F */
_Static_assert(sizeof ext_a == 129, "Latin Extended-A table has 128 entries");

bool vp_text_is_space(unsigned cp)
{
    switch (cp) {
    case ' ': case '\t': case '\n': case '\v': case '\f': case '\r':
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
    case 0x202F: case 0x205F: case 0x3000:
        return true;
    default:
        return cp >= 0x2000 && cp <= 0x200A;
    }
}

bool vp_text_is_apostrophe(unsigned cp)
{
    return cp == '\'' || cp == '`' || cp == 0x2018 || cp == 0x2019 || cp == 0x2BC;
}

bool vp_text_is_hyphen(unsigned cp)
{
    return cp == '-' || cp == 0x2010 || cp == 0x2011 || cp == 0x2013 || cp == 0x2014;
}

const char *vp_text_fold_cp(unsigned cp, char tmp[8], size_t *outlen)
{
    const char *r;
    if (cp < 0x80) {
        if (cp == '\t' || cp == '\n' || cp == '\v' || cp == '\f' || cp == '\r')
            cp = ' ';
        else if (cp >= 'A' && cp <= 'Z')
            cp += 'a' - 'A';
        else if (cp == '`')
            cp = '\'';
        tmp[0] = (char)cp;
        *outlen = 1;
        return tmp;
    }
    if (vp_text_is_apostrophe(cp)) {
        *outlen = 1;
        return "'";
    }
    if (vp_text_is_hyphen(cp)) {
        *outlen = 1;
        return "-";
    }
    if (cp == 0x201C || cp == 0x201D || cp == 0x201E) {
        *outlen = 1;
        return "\"";
    }
    if (vp_text_is_space(cp)) {
        *outlen = 1;
        return " ";
    }
    if (cp >= 0x300 && cp <= 0x36F) {       /* combining accents: dropped */
        *outlen = 0;
        return "";
    }
    r = NULL;
    if (cp >= 0xC0 && cp <= 0xFF) {
        r = latin1[cp - 0xC0];
    } else if (cp >= 0x100 && cp <= 0x17F) {
        if (cp == 0x132 || cp == 0x133)
            r = "ij";
        else if (cp == 0x152 || cp == 0x153)
            r = "oe";
        else if (cp == 0x149)
            r = "'n";
        else {
            tmp[0] = ext_a[cp - 0x100];
            *outlen = 1;
            return tmp;
        }
    }
    if (r) {
        *outlen = strlen(r);
        return r;
    }
    /* pass through: re-encode */
    if (cp < 0x800) {
        tmp[0] = (char)(0xC0 | (cp >> 6));
        tmp[1] = (char)(0x80 | (cp & 0x3F));
        *outlen = 2;
    } else if (cp < 0x10000) {
        tmp[0] = (char)(0xE0 | (cp >> 12));
        tmp[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        tmp[2] = (char)(0x80 | (cp & 0x3F));
        *outlen = 3;
    } else {
        tmp[0] = (char)(0xF0 | (cp >> 18));
        tmp[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        tmp[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        tmp[3] = (char)(0x80 | (cp & 0x3F));
        *outlen = 4;
    }
    return tmp;
}

/* Folds s; when key, also '-' and '.' become spaces. */
static char *fold_impl(const char *s, bool key)
{
    size_t len, cap, o = 0, i = 0;
    char *out;
    bool pending_space = false;

    if (!s)
        s = "";
    len = strlen(s);
    /* every input code point expands to at most 2x its length ("ß" 2 -> 2,
     * "Æ" 2 -> 2, "ĳ" 2 -> 2, "ŉ" 2 -> 2; ASCII 1 -> 1) */
    cap = len * 2 + 1;
    out = vp_xmalloc(cap);
    while (i < len) {
        unsigned cp;
        char tmp[8];
        const char *f;
        size_t flen, n;

        n = vp_utf8_decode(s + i, len - i, &cp);
        if (n == 0) {           /* invalid byte: copied as it is */
            if (pending_space && o > 0)
                out[o++] = ' ';
            pending_space = false;
            out[o++] = s[i++];
            continue;
        }
        i += n;
        f = vp_text_fold_cp(cp, tmp, &flen);
        if (flen == 1 && (f[0] == ' ' || (key && (f[0] == '-' || f[0] == '.')))) {
            pending_space = true;
            continue;
        }
        if (flen == 0)
            continue;
        if (pending_space && o > 0)
            out[o++] = ' ';
        pending_space = false;
        memcpy(out + o, f, flen);
        o += flen;
    }
    out[o] = '\0';
    return out;
}

char *vp_fold(const char *s)
{
    return fold_impl(s, false);
}

char *vp_fold_key(const char *s)
{
    char *f = fold_impl(s, true);
    size_t i = 0, o = 0;
    bool pending_space = false;

    /* Words are separated by single spaces now.  A word "'s" is joined to
     * the next word ("'s hertogenbosch" = "'s-hertogenbosch" =
     * "'shertogenbosch"), then apostrophes are dropped. */
    while (f[i]) {
        size_t start = i, end;
        while (f[i] && f[i] != ' ')
            i++;
        end = i;
        if (f[i] == ' ')
            i++;
        bool join = (end - start == 2 && f[start] == '\'' && f[start + 1] == 's'
                     && f[i] != '\0');
        for (size_t k = start; k < end; k++) {
            if (f[k] == '\'')
                continue;
            if (pending_space && o > 0)
                f[o++] = ' ';
            pending_space = false;
            f[o++] = f[k];
        }
        if (!join)
            pending_space = true;
    }
    f[o] = '\0';
    return f;
}

char *vp_anchor(const char *heading)
{
    enum { MAX = 64 };
    char *f = vp_fold(heading);
    size_t i, o = 0;
    bool sep = false;

    for (i = 0; f[i] && o < MAX; i++) {
        char c = f[i];
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (sep && o > 0) {
                f[o++] = '-';
                if (o >= MAX)
                    break;
            }
            sep = false;
            f[o++] = c;
        } else {
            sep = true;
        }
    }
    while (o > 0 && f[o - 1] == '-')
        o--;
    f[o] = '\0';
    return f;
}

bool vp_fold_equal(const char *a, const char *b)
{
    char *fa = vp_fold(a), *fb = vp_fold(b);
    bool eq = fa && fb && strcmp(fa, fb) == 0;
    free(fa);
    free(fb);
    return eq;
}

char *vp_trim(char *s)
{
    size_t len, start = 0;
    if (!s)
        return s;
    len = strlen(s);
    while (len > 0 && (s[len - 1] == ' ' || (s[len - 1] >= '\t' && s[len - 1] <= '\r')))
        len--;
    while (start < len && (s[start] == ' ' || (s[start] >= '\t' && s[start] <= '\r')))
        start++;
    if (start > 0)
        memmove(s, s + start, len - start);
    s[len - start] = '\0';
    return s;
}

char *vp_strndup(const char *s, size_t len)
{
    char *r = vp_xmalloc(len + 1);
    if (len)
        memcpy(r, s, len);
    r[len] = '\0';
    return r;
}
