/*
 * snippet.c: snippets bounded by the hit (see snippet.h).
 *
 * Per hit the work is: a few Bloom probes per query word and block, then
 * one block of at most VP_HIT_BLOCK_BYTES read word by word, then a window
 * of `length` bytes escaped.  Xapian's MSet::snippet, which this replaces,
 * tokenised and stemmed the whole text of every hit (twice, with the
 * per-section pass that chose the section): milliseconds a hit on long
 * reports.
 */
#include "snippet.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "schema.h"
#include "strset.h"

enum { MAX_CANDIDATES = 4, MAX_MATCHES = 256 };

typedef struct term {
    double weight;
    uint32_t probes[VP_HIT_BLOOM_PROBES];
} term;

struct vp_snip_terms {
    vp_strset *stems;        /* id = index into terms */
    term *terms;
    size_t cap;
    uint64_t starts[64];     /* a bit per hash of a stem's first two bytes */
};

/* The bit of a word's or stem's first two bytes (a stem starts as its
 * word does, but for accents). */
static unsigned start_bit(const char *s)
{
    unsigned a = (unsigned char)s[0], b = s[0] ? (unsigned char)s[1] : 0;
    return (a * 31 + b) & 4095;
}

/* ---- the query's words --------------------------------------------------------- */

/* The free-text field prefixes of schema.h, longest first. */
static const char *const text_prefixes[] = {
    VP_PREFIX_HEADING, VP_PREFIX_PLACE_TEXT, VP_PREFIX_TITLE, VP_PREFIX_SPEAKER_TEXT};

static bool is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

/* The word part of a term: after "Z" (*stemmed) and a free-text prefix;
 * NULL for a filter term. */
static const char *word_part(const char *t, bool *stemmed)
{
    *stemmed = false;
    if (t[0] == 'Z' && t[1] && !(t[1] == 'Z')) {
        *stemmed = true;
        t++;
    }
    if (!is_upper(t[0]))
        return *t ? t : NULL;
    for (size_t i = 0; i < sizeof text_prefixes / sizeof *text_prefixes; i++) {
        size_t n = strlen(text_prefixes[i]);
        if (strncmp(t, text_prefixes[i], n) == 0 && t[n] && !is_upper(t[n]))
            return t + n;
    }
    return NULL;
}

static void add_term(vp_snip_terms *st, const char *stem, size_t len, double weight)
{
    bool added;
    size_t id = vp_strset_add(st->stems, stem, len, &added);
    if (added) {
        VP_GROW(st->terms, st->cap, id + 1);
        st->terms[id].weight = weight;
        vp_hit_bloom_probes(stem, len, st->terms[id].probes);
        unsigned bit = start_bit(stem);
        st->starts[bit / 64] |= 1ull << (bit % 64);
    } else if (weight > st->terms[id].weight) {
        st->terms[id].weight = weight;
    }
}

static void gather(vp_snip_terms *st, const xapc_query *q, const xapc_db *db,
                   const xapc_stem *stem, double docs)
{
    xapc_query_kind k = xapc_query_get_kind(q);
    if (k == XAPC_QK_TERM) {
        size_t len;
        char *name = xapc_query_term_name(q, &len, NULL);
        bool stemmed;
        const char *w = name ? word_part(name, &stemmed) : NULL;
        if (w) {
            double weight = db ? log(1.0 + docs / (xapc_db_termfreq(db, name, NULL) + 1.0)) : 1;
            char buf[VP_HIT_MAX_WORD * 2];
            size_t n = stemmed ? strlen(w)
                               : xapc_stem_into(stem, w, strlen(w), buf, sizeof buf, NULL);
            if (n > 0 && n < sizeof buf)
                add_term(st, stemmed ? w : buf, n, weight);
        }
        free(name);
        return;
    }
    /* the right side of AND_NOT matches nothing that is shown */
    size_t n = xapc_query_subquery_count(q);
    if (k == XAPC_QK_AND_NOT && n > 1)
        n = 1;
    for (size_t i = 0; i < n; i++) {
        xapc_query *sub = xapc_query_subquery(q, i, NULL);
        if (sub)
            gather(st, sub, db, stem, docs);
        xapc_query_free(sub);
    }
}

vp_snip_terms *vp_snip_terms_new(const xapc_query *q, const xapc_db *db, const xapc_stem *stem)
{
    vp_snip_terms *st = vp_xcalloc(1, sizeof *st);
    st->stems = vp_strset_new();
    if (q && stem)
        gather(st, q, db, stem, db ? (double)xapc_db_doccount(db, NULL) : 0);
    return st;
}

void vp_snip_terms_free(vp_snip_terms *t)
{
    if (!t)
        return;
    vp_strset_free(t->stems);
    free(t->terms);
    free(t);
}

size_t vp_snip_terms_count(const vp_snip_terms *t)
{
    return t ? vp_strset_size(t->stems) : 0;
}

/* ---- one hit ---------------------------------------------------------------------- */

typedef struct match {
    size_t start, end;   /* in the text */
    size_t term;
} match;

typedef struct scan {
    match m[MAX_MATCHES];
    size_t n;
} scan;

/* The query word a text word stands for, or SIZE_MAX. */
static size_t word_term(const vp_snip_terms *t, const xapc_stem *stem, const char *w,
                        size_t len)
{
    char lower[VP_HIT_MAX_WORD + 1], st[VP_HIT_MAX_WORD * 2];
    /* Most words of a block start unlike every query word: their first two
     * bytes are lowered and tested before the whole word is (lowering
     * every word cost 6% of a query's instructions) */
    unsigned char a = (unsigned char)w[0], b = len > 1 ? (unsigned char)w[1] : 0;
    if (len > 0 && a < 0x80 && b < 0x80) {
        char head[3] = {(char)(a >= 'A' && a <= 'Z' ? a + 32 : a),
                        (char)(b >= 'A' && b <= 'Z' ? b + 32 : b), '\0'};
        unsigned bit = start_bit(head);
        if (!(t->starts[bit / 64] & (1ull << (bit % 64))))
            return SIZE_MAX;
    }
    if (!vp_word_lower(w, len, lower, sizeof lower))
        return SIZE_MAX;
    /* the stemmer drops accents: a word that starts with one is stemmed */
    unsigned bit = start_bit(lower);
    bool accented = (unsigned char)lower[0] >= 0x80 || (unsigned char)lower[1] >= 0x80;
    if (!accented && !(t->starts[bit / 64] & (1ull << (bit % 64))))
        return SIZE_MAX;
    size_t n = xapc_stem_into(stem, lower, len, st, sizeof st, NULL);
    if (n == 0)
        return SIZE_MAX;
    size_t id = vp_strset_find(t->stems, st, n);
    return id == VP_STRSET_NONE ? SIZE_MAX : id;
}

/* The query words in text[from, to). */
static void find_matches(const vp_snip_terms *t, const xapc_stem *stem, const vp_hit_view *v,
                         size_t from, size_t to, scan *out)
{
    size_t pos = from, ws, we;
    out->n = 0;
    while (out->n < MAX_MATCHES && vp_next_word(v->text, to, &pos, &ws, &we)) {
        size_t id = word_term(t, stem, v->text + ws, we - ws);
        if (id != SIZE_MAX)
            out->m[out->n++] = (match){ws, we, id};
    }
}

/* The run of matches from i within length bytes with the most weight of
 * distinct words; *last its last match. */
static size_t best_run(const vp_snip_terms *t, const scan *s, size_t length, size_t *last)
{
    double best = -1;
    size_t best_i = 0;
    bool *seen = vp_xcalloc(vp_strset_size(t->stems) + 1, sizeof *seen);
    for (size_t i = 0; i < s->n; i++) {
        double w = 0;
        size_t j = i;
        memset(seen, 0, (vp_strset_size(t->stems) + 1) * sizeof *seen);
        for (; j < s->n && s->m[j].end - s->m[i].start <= length; j++)
            if (!seen[s->m[j].term]) {
                seen[s->m[j].term] = true;
                w += t->terms[s->m[j].term].weight;
            }
        if (w > best) {
            best = w;
            best_i = i;
            *last = j - 1;
        }
    }
    free(seen);
    return best_i;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

static void escape(vp_buf *out, const char *s, size_t len)
{
    size_t plain = 0;
    for (size_t i = 0; i < len; i++) {
        const char *rep = s[i] == '&' ? "&amp;" : s[i] == '<' ? "&lt;" : s[i] == '>' ? "&gt;"
                        : s[i] == '"' ? "&quot;" : NULL;
        if (!rep)
            continue;
        vp_buf_append(out, s + plain, i - plain);
        vp_buf_puts(out, rep);
        plain = i + 1;
    }
    vp_buf_append(out, s + plain, len - plain);
}

/* Text [from, to) with white space runs as one space, the matches marked. */
static void render(vp_buf *out, const vp_hit_view *v, size_t from, size_t to, const scan *s)
{
    static const char ellipsis[] = "\xe2\x80\xa6";
    if (from > 0)
        vp_buf_puts(out, ellipsis);
    size_t at = from;
    for (size_t i = 0; i < s->n; i++) {
        if (s->m[i].start < at || s->m[i].end > to)
            continue;
        escape(out, v->text + at, s->m[i].start - at);
        vp_buf_puts(out, "<mark>");
        escape(out, v->text + s->m[i].start, s->m[i].end - s->m[i].start);
        vp_buf_puts(out, "</mark>");
        at = s->m[i].end;
    }
    escape(out, v->text + at, to - at);
    if (to < v->text_len)
        vp_buf_puts(out, ellipsis);
}

/* The window of about length bytes around the run [first, last_end): some
 * context before it (from the text's start when that is close), the rest
 * after it, word-aligned at both ends, never past the text. */
static void window(const vp_hit_view *v, size_t first, size_t last_end, size_t length,
                   size_t *from, size_t *to)
{
    size_t run = last_end - first;
    size_t before = run < length ? (length - run) / 4 : 0;
    size_t start = first > 2 * before ? first - before : 0;
    if (start + length > v->text_len)   /* the end is near: use the room before */
        start = v->text_len > length ? v->text_len - length : 0;
    if (start > first)
        start = first;
    while (start > 0 && start < first && !is_space(v->text[start - 1]))
        start++;   /* to the start of a word, towards the run */
    size_t end = start + length < v->text_len ? start + length : v->text_len;
    if (end < last_end)
        end = last_end;
    while (end < v->text_len && end > last_end && !is_space(v->text[end]))
        end--;     /* back to the end of a word */
    while (start < end && is_space(v->text[start]))
        start++;
    while (end > start && is_space(v->text[end - 1]))
        end--;
    *from = start;
    *to = end;
}

/* The start of the text, for a hit without a query word. */
static void lead(vp_buf *out, const vp_hit_view *v, size_t length)
{
    static const scan none;
    size_t from = 0, to;
    window(v, 0, 0, length, &from, &to);
    render(out, v, from, to, &none);
}

/* How much of the query a block's matches show: the weight of its
 * distinct words, a little more for each repeat. */
static double matched_weight(const vp_snip_terms *t, const scan *s)
{
    size_t n = vp_strset_size(t->stems);
    bool *seen = vp_xcalloc(n + 1, sizeof *seen);
    double w = 0;
    for (size_t i = 0; i < s->n; i++) {
        w += seen[s->m[i].term] ? 0.01 * t->terms[s->m[i].term].weight
                                : t->terms[s->m[i].term].weight;
        seen[s->m[i].term] = true;
    }
    free(seen);
    return w;
}

int vp_snippet(const vp_snip_terms *t, const vp_hit_view *v, const xapc_stem *stem,
               size_t length, vp_buf *out)
{
    /* the blocks whose filters hold the most query weight */
    vp_hit_block cand[MAX_CANDIDATES], b;
    double cand_score[MAX_CANDIDATES];
    size_t n_cand = 0;
    const char *cursor = v->blocks;
    size_t n_terms = t ? vp_strset_size(t->stems) : 0;
    for (size_t i = 0; n_terms && i < v->n_blocks && vp_hit_block_next(v, &cursor, &b); i++) {
        double score = 0;
        for (size_t k = 0; k < n_terms; k++)
            if (vp_hit_bloom_has(b.bloom, t->terms[k].probes))
                score += t->terms[k].weight;
        if (score <= 0 || (n_cand == MAX_CANDIDATES && score <= cand_score[n_cand - 1]))
            continue;
        size_t at = n_cand < MAX_CANDIDATES ? n_cand++ : MAX_CANDIDATES - 1;
        while (at > 0 && cand_score[at - 1] < score) {   /* sorted, the first wins ties */
            cand[at] = cand[at - 1];
            cand_score[at] = cand_score[at - 1];
            at--;
        }
        cand[at] = b;
        cand_score[at] = score;
    }
    /* read those blocks: the one whose words match best gives the snippet;
     * the section is its section, else the best matching block's that has
     * one (text before the first heading belongs to no section).  A block's
     * filter score bounds what its words can match (but for repeats), so
     * reading stops once no block left could do better. */
    scan *s = vp_xmalloc(sizeof *s), *best_scan = vp_xmalloc(sizeof *best_scan);
    double best = 0, best_in_section = 0;
    size_t best_c = SIZE_MAX;
    int section = -1;
    for (size_t c = 0; c < n_cand; c++) {
        if (best_c != SIZE_MAX && cand_score[c] < best &&
            (section >= 0 || cand[c].section < 0 || cand_score[c] < best_in_section))
            break;
        find_matches(t, stem, v, cand[c].start, cand[c].start + cand[c].len, s);
        double w = s->n ? matched_weight(t, s) : 0;   /* 0: the filter's false positive */
        if (w > best) {
            best = w;
            best_c = c;
            scan *swap = best_scan;
            best_scan = s;
            s = swap;
        }
        if (w > best_in_section && cand[c].section >= 0) {
            best_in_section = w;
            section = cand[c].section;
        }
    }
    if (best_c != SIZE_MAX) {
        size_t last = 0, first = best_run(t, best_scan, length, &last), from, to;
        window(v, best_scan->m[first].start, best_scan->m[last].end, length, &from, &to);
        /* every match shown: the window may reach past the block */
        if (from < cand[best_c].start || to > cand[best_c].start + cand[best_c].len)
            find_matches(t, stem, v, from, to, best_scan);
        render(out, v, from, to, best_scan);
    } else {
        lead(out, v, length);
    }
    free(s);
    free(best_scan);
    return best_c == SIZE_MAX ? -1 : section;
}
