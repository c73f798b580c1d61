/* compound_split.c: see compound_split.h. */
#include "compound_split.h"

typedef struct splitter {
    const char *w;
    size_t len;
    vp_is_word_fn is_word;
    void *ctx;
} splitter;

static bool utf8_continuation(char c)
{
    return ((unsigned char)c & 0xC0) == 0x80;
}

/* The word a head w[start..end) stands for: itself, or without a linking
 * -s-, -en- or -e-.  Returns its length, 0 when none is a word. */
static size_t head_word(const splitter *sp, size_t start, size_t end)
{
    static const char *const links[] = {"", "s", "en", "e"};
    const char *h = sp->w + start;
    size_t n = end - start;
    for (size_t i = 0; i < sizeof links / sizeof *links; i++) {
        size_t k = 0;
        while (links[i][k])
            k++;
        if (n < VP_COMPOUND_MIN_PART + k)
            continue;
        bool ends_with = true;
        for (size_t j = 0; j < k; j++)
            ends_with = ends_with && h[n - k + j] == links[i][j];
        if (ends_with && sp->is_word(h, n - k, sp->ctx))
            return n - k;
    }
    return 0;
}

/* Splits w[start..len) into at most room parts (one part, the whole rest,
 * only when whole_ok); returns the number of parts or 0. */
static size_t split_from(const splitter *sp, size_t start, vp_span *parts, size_t room,
                         bool whole_ok)
{
    size_t rest = sp->len - start;
    if (whole_ok && sp->is_word(sp->w + start, rest, sp->ctx)) {
        parts[0] = (vp_span){start, rest};
        return 1;
    }
    if (room < 2)
        return 0;
    for (size_t end = sp->len - VP_COMPOUND_MIN_PART; end >= start + VP_COMPOUND_MIN_PART; end--) {
        if (utf8_continuation(sp->w[end]))
            continue;
        size_t head = head_word(sp, start, end);
        if (!head)
            continue;
        size_t n = split_from(sp, end, parts + 1, room - 1, true);
        if (n) {
            parts[0] = (vp_span){start, head};
            return n + 1;
        }
    }
    return 0;
}

size_t vp_compound_split(const char *w, size_t len, vp_is_word_fn is_word, void *ctx,
                         vp_span parts[VP_COMPOUND_MAX_PARTS])
{
    if (len < VP_COMPOUND_MIN_WORD || len > VP_COMPOUND_MAX_WORD)
        return 0;
    splitter sp = {w, len, is_word, ctx};
    return split_from(&sp, 0, parts, VP_COMPOUND_MAX_PARTS, false);
}
