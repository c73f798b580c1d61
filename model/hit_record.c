/*
 * hit_record.c: the stored hit (see hit_record.h).
 *
 * Encoding: a version byte, then strings as a LEB128 varint (length + 1, 0
 * for a missing value) and their bytes, lists as a varint count and their
 * strings, the text as a varint length and its bytes, and each block as
 * varints (start, length, section + 1) and its Bloom filter.
 */
#define _GNU_SOURCE   /* memmem */
#include "hit_record.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "hash.h"
#include "mem.h"

enum { VERSION = 1 };

/* ---- words --------------------------------------------------------------- */

/* Length of the UTF-8 sequence at p (1 for a stray byte). */
static size_t utf8_len(const unsigned char *p, const unsigned char *end)
{
    size_t n = *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : *p >= 0xC0 ? 2 : 1;
    return n <= (size_t)(end - p) ? n : 1;
}

/* Non-ASCII that is not a letter for our purpose: Latin-1 punctuation and
 * spaces (U+00A0-U+00BF, and U+00D7, U+00F7) and General Punctuation
 * (U+2000-U+206F: dashes, quotes, ellipsis, special spaces). */
static bool utf8_is_separator(const unsigned char *p, size_t n)
{
    if (n == 2 && p[0] == 0xC2 && p[1] >= 0xA0)
        return true;
    if (n == 2 && p[0] == 0xC3 && (p[1] == 0x97 || p[1] == 0xB7))
        return true;
    return n == 3 && p[0] == 0xE2 && (p[1] == 0x80 || p[1] == 0x81);
}

/* ASCII letters and digits. */
static const bool ascii_word[128] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1,
    ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1,
    ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
    ['Y'] = 1, ['Z'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
    ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
    ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
    ['y'] = 1, ['z'] = 1,
};

/* The length of the word character at p, 0 when p starts no word char. */
static inline size_t word_char(const unsigned char *p, const unsigned char *end)
{
    if (*p < 0x80)
        return ascii_word[*p];
    size_t n = utf8_len(p, end);
    return utf8_is_separator(p, n) ? 0 : n;
}

bool vp_next_word(const char *text, size_t len, size_t *pos, size_t *start, size_t *end)
{
    const unsigned char *t = (const unsigned char *)text, *stop = t + len;
    const unsigned char *p = t + *pos;
    size_t n = 0;
    while (p < stop && (n = word_char(p, stop)) == 0)
        p++;
    if (p >= stop) {
        *pos = len;
        return false;
    }
    *start = (size_t)(p - t);
    for (p += n; p < stop; p += n) {
        if ((n = word_char(p, stop)) > 0)
            continue;
        /* an apostrophe between letters stays inside: auto's */
        if ((*p == '\'') && p + 1 < stop && word_char(p + 1, stop) > 0) {
            n = 1;
            continue;
        }
        break;
    }
    *end = (size_t)(p - t);
    *pos = *end;
    return true;
}

size_t vp_word_lower(const char *word, size_t len, char *out, size_t cap)
{
    if (len + 1 > cap)
        return 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)word[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        else if (c == 0xC3 && i + 1 < len) {
            unsigned char d = (unsigned char)word[i + 1];
            out[i++] = (char)c;   /* À-Þ but × : add 0x20 to the second byte */
            c = d >= 0x80 && d <= 0x9E && d != 0x97 ? (unsigned char)(d + 0x20) : d;
        }
        out[i] = (char)c;
    }
    out[len] = '\0';
    return len;
}

void vp_hit_bloom_probes(const char *stem, size_t len, uint32_t probes[VP_HIT_BLOOM_PROBES])
{
    uint64_t h = vp_fnv1a(VP_FNV1A_INIT, stem, len);
    uint32_t h1 = (uint32_t)h, h2 = (uint32_t)(h >> 32) | 1;
    for (int i = 0; i < VP_HIT_BLOOM_PROBES; i++)
        probes[i] = (h1 + (uint32_t)i * h2) % (VP_HIT_BLOOM_BYTES * 8);
}

bool vp_hit_bloom_has(const unsigned char *bloom, const uint32_t probes[VP_HIT_BLOOM_PROBES])
{
    for (int i = 0; i < VP_HIT_BLOOM_PROBES; i++)
        if (!(bloom[probes[i] / 8] & (1u << (probes[i] % 8))))
            return false;
    return true;
}

/* ---- building -------------------------------------------------------------- */

static void put_varint(vp_buf *b, uint64_t v)
{
    do {
        unsigned char c = v & 0x7f;
        v >>= 7;
        if (v)
            c |= 0x80;
        vp_buf_append(b, (const char *)&c, 1);
    } while (v);
}

static void put_str(vp_buf *b, const char *s)
{
    if (!s) {
        put_varint(b, 0);
        return;
    }
    size_t len = strlen(s);
    put_varint(b, len + 1);
    vp_buf_append(b, s, len);
}

/* Where each section's heading and text lie in d->text: the indexer joins
 * a section's heading and body blocks with new lines, so the heading, a
 * new line and the start of the section's text are found together (a
 * document made elsewhere may lack the heading in its text: then the
 * section starts where its text does).  A section not found and those
 * after it get no range. */
static void locate_sections(const vp_document *d, size_t *starts)
{
    size_t cursor = 0, tlen = d->text ? strlen(d->text) : 0;
    for (size_t i = 0; i < d->n_sections; i++)
        starts[i] = SIZE_MAX;
    for (size_t i = 0; i < d->n_sections && d->text; i++) {
        const vp_section *s = &d->sections[i];
        size_t body = s->text ? strlen(s->text) : 0, head = s->heading ? strlen(s->heading) : 0;
        vp_buf needle = VP_BUF_INIT;
        vp_buf_append(&needle, s->heading ? s->heading : "", head);
        vp_buf_puts(&needle, "\n");
        vp_buf_append(&needle, s->text ? s->text : "", body < 64 ? body : 64);
        const char *at = memmem(d->text + cursor, tlen - cursor, vp_buf_str(&needle), needle.len);
        if (!at && body > 0)
            at = memmem(d->text + cursor, tlen - cursor, vp_buf_str(&needle) + head + 1,
                        needle.len - head - 1);
        vp_buf_free(&needle);
        if (!at)
            break;
        starts[i] = (size_t)(at - d->text);
        cursor = starts[i] + 1;
    }
}

/* The section that text offset pos lies in, -1 for none. */
static int section_at(const vp_document *d, const size_t *starts, size_t pos)
{
    int found = -1;
    for (size_t i = 0; i < d->n_sections && starts[i] != SIZE_MAX; i++)
        if (starts[i] <= pos)
            found = (int)i;
    return found;
}

/* Where a block that starts at from should end, before limit: after the
 * last white space, else at a character boundary. */
static size_t block_end(const char *text, size_t from, size_t limit)
{
    if (limit - from <= VP_HIT_BLOCK_BYTES)
        return limit;
    size_t cut = from + VP_HIT_BLOCK_BYTES;
    for (size_t p = cut; p > from + VP_HIT_BLOCK_BYTES / 2; p--)
        if (text[p - 1] == ' ' || text[p - 1] == '\n')
            return p;
    while (cut > from + 1 && ((unsigned char)text[cut] & 0xC0) == 0x80)
        cut--;
    return cut;
}

static void fill_bloom(const char *text, size_t start, size_t len, vp_stem_fn stem,
                       void *ctx, unsigned char *bloom)
{
    size_t pos = start, ws, we;
    char lower[VP_HIT_MAX_WORD + 1];
    while (pos < start + len && vp_next_word(text, start + len, &pos, &ws, &we)) {
        if (!vp_word_lower(text + ws, we - ws, lower, sizeof lower))
            continue;
        size_t slen;
        const char *s = stem(ctx, lower, &slen);
        if (!s)
            continue;
        uint32_t probes[VP_HIT_BLOOM_PROBES];
        vp_hit_bloom_probes(s, slen, probes);
        for (int i = 0; i < VP_HIT_BLOOM_PROBES; i++)
            bloom[probes[i] / 8] |= (unsigned char)(1u << (probes[i] % 8));
    }
}

static void put_blocks(vp_buf *b, const vp_document *d, vp_stem_fn stem, void *ctx)
{
    const char *text = d->text ? d->text : "";
    size_t tlen = strlen(text);
    size_t *starts = vp_xmalloc((d->n_sections + 1) * sizeof *starts);
    locate_sections(d, starts);
    /* cuts: the section starts, in order, then the end */
    vp_buf blocks = VP_BUF_INIT;
    size_t n = 0, from = 0;
    while (from < tlen) {
        size_t limit = tlen;
        for (size_t i = 0; i < d->n_sections && starts[i] != SIZE_MAX; i++)
            if (starts[i] > from && starts[i] < limit) {
                limit = starts[i];
                break;
            }
        size_t to = block_end(text, from, limit);
        unsigned char bloom[VP_HIT_BLOOM_BYTES] = {0};
        fill_bloom(text, from, to - from, stem, ctx, bloom);
        put_varint(&blocks, from);
        put_varint(&blocks, to - from);
        put_varint(&blocks, (uint64_t)(section_at(d, starts, from) + 1));
        vp_buf_append(&blocks, (const char *)bloom, sizeof bloom);
        n++;
        from = to;
    }
    put_varint(b, n);
    vp_buf_append(b, vp_buf_str(&blocks), blocks.len);
    vp_buf_free(&blocks);
    free(starts);
}

char *vp_hit_record_build(const vp_document *d, vp_stem_fn stem, void *ctx, size_t *len)
{
    vp_buf b = VP_BUF_INIT;
    unsigned char version = VERSION;
    vp_buf_append(&b, (const char *)&version, 1);
    put_str(&b, d->id ? d->id : "");
    put_str(&b, d->title ? d->title : "");
    put_str(&b, d->date);
    put_str(&b, d->host);
    put_str(&b, d->path ? d->path : "");
    put_varint(&b, d->municipalities.len);
    for (size_t i = 0; i < d->municipalities.len; i++)
        put_str(&b, d->municipalities.items[i]);
    put_varint(&b, d->n_speakers);
    for (size_t i = 0; i < d->n_speakers; i++)
        put_str(&b, d->speakers[i].name ? d->speakers[i].name : "");
    put_varint(&b, d->themes.len);
    for (size_t i = 0; i < d->themes.len; i++)
        put_str(&b, d->themes.items[i]);
    put_varint(&b, d->n_sections);
    for (size_t i = 0; i < d->n_sections; i++) {
        put_str(&b, d->sections[i].heading ? d->sections[i].heading : "");
        put_str(&b, d->sections[i].anchor ? d->sections[i].anchor : "");
    }
    const char *text = d->text ? d->text : "";
    put_varint(&b, strlen(text));
    vp_buf_puts(&b, text);
    put_blocks(&b, d, stem, ctx);
    *len = b.len;
    return vp_buf_detach(&b);
}

/* ---- reading ----------------------------------------------------------------- */

static bool get_varint(const char **p, const char *end, uint64_t *out)
{
    uint64_t v = 0;
    for (unsigned shift = 0; *p < end && shift < 64; shift += 7) {
        unsigned char c = (unsigned char)*(*p)++;
        v |= (uint64_t)(c & 0x7f) << shift;
        if (!(c & 0x80)) {
            *out = v;
            return true;
        }
    }
    return false;
}

static bool get_str(const char **p, const char *end, vp_hit_str *s)
{
    uint64_t n;
    if (!get_varint(p, end, &n) || (n && n - 1 > (uint64_t)(end - *p)))
        return false;
    s->s = n ? *p : NULL;
    s->len = n ? (size_t)(n - 1) : 0;
    *p += s->len;
    return true;
}

/* Skips a list of strings (pairs: pairs strings an item). */
static bool skip_list(const char **p, const char *end, size_t *n, const char **items,
                      int per_item)
{
    uint64_t count;
    if (!get_varint(p, end, &count) || count > VP_HIT_MAX_LIST)
        return false;
    *n = (size_t)count;
    *items = *p;
    vp_hit_str s;
    for (uint64_t i = 0; i < count * (uint64_t)per_item; i++)
        if (!get_str(p, end, &s))
            return false;
    return true;
}

bool vp_hit_view_read(const char *data, size_t len, vp_hit_view *v)
{
    const char *p = data, *end = data + len;
    memset(v, 0, sizeof *v);
    if (len < 1 || (unsigned char)*p++ != VERSION)
        return false;
    uint64_t tlen, nb;
    bool ok = get_str(&p, end, &v->id) && get_str(&p, end, &v->title) &&
              get_str(&p, end, &v->date) && get_str(&p, end, &v->host) &&
              get_str(&p, end, &v->path) &&
              skip_list(&p, end, &v->n_municipalities, &v->municipalities, 1) &&
              skip_list(&p, end, &v->n_speakers, &v->speakers, 1) &&
              skip_list(&p, end, &v->n_themes, &v->themes, 1) &&
              skip_list(&p, end, &v->n_sections, &v->sections, 2) &&
              get_varint(&p, end, &tlen) && tlen <= (uint64_t)(end - p);
    if (!ok)
        return false;
    v->text = p;
    v->text_len = (size_t)tlen;
    p += tlen;
    if (!get_varint(&p, end, &nb) || nb > (uint64_t)(end - p))
        return false;
    v->n_blocks = (size_t)nb;
    v->blocks = p;
    v->end = end;
    /* every block within the text and the record */
    const char *cursor = v->blocks;
    vp_hit_block b;
    for (size_t i = 0; i < v->n_blocks; i++)
        if (!vp_hit_block_next(v, &cursor, &b))
            return false;
    return true;
}

bool vp_hit_list_next(const vp_hit_view *v, const char **cursor, vp_hit_str *item)
{
    return *cursor < v->end && get_str(cursor, v->end, item);
}

bool vp_hit_section_next(const vp_hit_view *v, const char **cursor, vp_hit_str *heading,
                         vp_hit_str *anchor)
{
    return *cursor < v->end && get_str(cursor, v->end, heading) &&
           get_str(cursor, v->end, anchor);
}

bool vp_hit_block_next(const vp_hit_view *v, const char **cursor, vp_hit_block *b)
{
    uint64_t start, len, section;
    if (!get_varint(cursor, v->end, &start) || !get_varint(cursor, v->end, &len) ||
        !get_varint(cursor, v->end, &section) || start > v->text_len ||
        len > v->text_len - start || section > v->n_sections ||
        (size_t)(v->end - *cursor) < VP_HIT_BLOOM_BYTES)
        return false;
    b->start = (size_t)start;
    b->len = (size_t)len;
    b->section = (int)section - 1;
    b->bloom = (const unsigned char *)*cursor;
    *cursor += VP_HIT_BLOOM_BYTES;
    return true;
}
