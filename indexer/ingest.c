/*
 * ingest.c: one file to one vp_document (see ingest.h).
 *
 * The checks run cheapest first and stop at the first problem, because the
 * user gets exactly one line per bad file: the first thing to fix.
 */
#include "ingest.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frontmatter.h"
#include "markdown.h"
#include "text.h"

static int line_of_offset(const char *src, size_t off)
{
    int line = 1;
    for (size_t i = 0; i < off; i++)
        if (src[i] == '\n')
            line++;
    return line;
}

static vp_ingest_result problem_at(vp_ingest_problem *problem, vp_ingest_result r,
                                   int line, const char *msg)
{
    problem->line = line;
    snprintf(problem->message, sizeof problem->message, "%s", msg);
    return r;
}

static bool only_white_space(const char *src, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (src[i] != ' ' && src[i] != '\t' && src[i] != '\n' && src[i] != '\r')
            return false;
    return true;
}

/* Empty, binary or not UTF-8: nothing in it can be trusted as text. */
static vp_ingest_result check_bytes(const char *src, size_t len,
                                    vp_ingest_problem *problem)
{
    if (only_white_space(src, len))
        return problem_at(problem, VP_INGEST_SKIPPED, 0, "empty file");
    const char *nul = memchr(src, '\0', len);
    if (nul) {
        char msg[96];
        snprintf(msg, sizeof msg, "binary file (NUL byte at offset %zu), not Markdown",
                 (size_t)(nul - src));
        return problem_at(problem, VP_INGEST_SKIPPED, line_of_offset(src, (size_t)(nul - src)), msg);
    }
    size_t bad;
    if (!vp_utf8_valid(src, len, &bad)) {
        char msg[96];
        snprintf(msg, sizeof msg, "invalid UTF-8 (byte 0x%02X at offset %zu)",
                 (unsigned char)src[bad], bad);
        return problem_at(problem, VP_INGEST_SKIPPED, line_of_offset(src, bad), msg);
    }
    return VP_INGEST_OK;
}

char *vp_ingest_id_for_path(const char *rel_path)
{
    size_t n = strlen(rel_path);
    if (n > 3 && !strcmp(rel_path + n - 3, ".md"))
        n -= 3;
    return vp_strndup(rel_path, n);
}

/* ---- the cap on token length -------------------------------------------- */

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

size_t vp_ingest_cap_tokens(char *s)
{
    size_t w = 0, run = 0;
    for (size_t r = 0; s[r]; r++) {
        char c = s[r];
        if (is_space(c)) {
            run = 0;
        } else if (run < VP_INGEST_TOKEN_MAX) {
            run++;
        } else {
            /* The first byte dropped from this run: when it continues a
             * character, that character's first bytes go too. */
            if (run == VP_INGEST_TOKEN_MAX && ((unsigned char)c & 0xC0) == 0x80) {
                while (w > 0 && ((unsigned char)s[w - 1] & 0xC0) == 0x80)
                    w--;
                if (w > 0)
                    w--;
            }
            run++;
            continue;
        }
        s[w++] = c;
    }
    s[w] = '\0';
    return w;
}

static void cap_list(vp_strvec *v)
{
    for (size_t i = 0; i < v->len; i++)
        vp_ingest_cap_tokens(v->items[i]);
}

/* Everything the extractors and the term generator read: the blocks and
 * the front matter fields. */
static void cap_tokens(vp_parsed *p)
{
    for (size_t i = 0; i < p->n_blocks; i++)
        vp_ingest_cap_tokens(p->blocks[i].text);
    char *fields[] = {p->fm.title, p->fm.date, p->fm.host};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        if (fields[i])
            vp_ingest_cap_tokens(fields[i]);
    cap_list(&p->fm.municipalities);
    cap_list(&p->fm.speakers);
    cap_list(&p->fm.themes);
}

/* ---- the vocabulary ----------------------------------------------------- */

/* Xapian keeps every distinct word of a document being added in several
 * maps of strings (its terms with positions, the postings to write, the
 * spelling fragments): about 1.2 KiB a word until the commit, so 4 MB of
 * random five-letter words took 870 MiB.  Reports use a few thousand
 * words; one with more than VP_INGEST_MAX_WORDS is a word list or a dump,
 * and is skipped.  Words are counted roughly as Xapian splits them (runs of
 * letters and digits, ASCII case folded, at most 64 bytes), by a 64-bit
 * hash each. */
typedef struct word_set {
    uint64_t *slots;     /* 0: empty */
    size_t cap, n;
} word_set;

static bool word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c >= 0x80;
}

/* Adds the word s[0..n); false when out of memory. */
static bool word_add(word_set *ws, const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325u;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        h = (h ^ (c >= 'A' && c <= 'Z' ? c + 32 : c)) * 0x100000001b3u;
    }
    h = h ? h : 1;
    if ((ws->n + 1) * 2 > ws->cap) {
        word_set bigger = {.cap = ws->cap ? ws->cap * 2 : 4096, .n = ws->n};
        if (!(bigger.slots = calloc(bigger.cap, sizeof *bigger.slots)))
            return false;
        for (size_t i = 0; i < ws->cap; i++)
            if (ws->slots[i]) {
                size_t j = ws->slots[i] & (bigger.cap - 1);
                while (bigger.slots[j])
                    j = (j + 1) & (bigger.cap - 1);
                bigger.slots[j] = ws->slots[i];
            }
        free(ws->slots);
        *ws = bigger;
    }
    size_t j = h & (ws->cap - 1);
    while (ws->slots[j] && ws->slots[j] != h)
        j = (j + 1) & (ws->cap - 1);
    if (!ws->slots[j]) {
        ws->slots[j] = h;
        ws->n++;
    }
    return true;
}

/* Counts the words of s into ws, stopping past VP_INGEST_MAX_WORDS. */
static bool count_words(word_set *ws, const char *s)
{
    for (size_t i = 0; s[i] && ws->n <= VP_INGEST_MAX_WORDS;) {
        while (s[i] && !word_byte((unsigned char)s[i]))
            i++;
        size_t start = i;
        while (word_byte((unsigned char)s[i]))
            i++;
        if (i > start && i - start <= 64 && !word_add(ws, s + start, i - start))
            return false;
    }
    return true;
}

/* The number of distinct words of the report, up to VP_INGEST_MAX_WORDS + 1;
 * (size_t)-1 when out of memory. */
static size_t distinct_words(const vp_parsed *p)
{
    word_set ws = {0};
    bool ok = !p->fm.title || count_words(&ws, p->fm.title);
    for (size_t i = 0; ok && i < p->n_blocks; i++)
        ok = count_words(&ws, p->blocks[i].text);
    free(ws.slots);
    return ok ? ws.n : (size_t)-1;
}

/* ---- derived fields ----------------------------------------------------- */

static bool starts_section(const vp_block *b)
{
    return (b->kind == VP_BLOCK_HEADING && b->level >= 2) || b->pseudo_heading;
}

/* Appends text and a separator to a growing buffer. */
static bool buf_append(char **buf, size_t *len, size_t *cap, const char *text,
                       const char *sep)
{
    size_t tl = strlen(text), sl = strlen(sep);
    if (*len + tl + sl + 1 > *cap) {
        size_t cap2 = (*len + tl + sl + 1) * 2;
        char *grown = realloc(*buf, cap2);
        if (!grown)
            return false;
        *buf = grown;
        *cap = cap2;
    }
    memcpy(*buf + *len, text, tl);
    memcpy(*buf + *len + tl, sep, sl);
    *len += tl + sl;
    (*buf)[*len] = '\0';
    return true;
}

/* The blocks [from, to) joined by new lines; caller frees. */
static char *join_blocks(const vp_parsed *p, size_t from, size_t to)
{
    char *buf = NULL;
    size_t len = 0, cap = 0;
    if (!buf_append(&buf, &len, &cap, "", ""))
        return NULL;
    for (size_t i = from; i < to; i++)
        if (!buf_append(&buf, &len, &cap, p->blocks[i].text, i + 1 < to ? "\n" : "")) {
            free(buf);
            return NULL;
        }
    return buf;
}

/* The anchors a report has given out, and per heading's base anchor the
 * next number to try: "a-concept-binnenstad", then "-2"...  A report of
 * thousands of equal headings costs one probe per heading, not a scan of
 * every anchor before it. */
typedef struct anchor_entry {
    char *key;           /* owned */
    unsigned next;       /* for a base: the next suffix to try (0: taken anchor) */
} anchor_entry;

typedef struct anchor_table {
    anchor_entry *slots;
    size_t cap, n;
} anchor_table;

static size_t str_hash(const char *s)
{
    size_t h = 2166136261u;   /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* The entry for key, or the empty slot where it would go. */
static anchor_entry *anchor_slot(const anchor_table *t, const char *key)
{
    size_t h = str_hash(key) & (t->cap - 1);
    while (t->slots[h].key && strcmp(t->slots[h].key, key) != 0)
        h = (h + 1) & (t->cap - 1);
    return &t->slots[h];
}

/* Room for two more entries without growing (so entries stay put). */
static bool anchor_reserve(anchor_table *t)
{
    if ((t->n + 2) * 2 <= t->cap)
        return true;
    anchor_table bigger = {.cap = t->cap ? t->cap * 2 : 64, .n = t->n};
    bigger.slots = calloc(bigger.cap, sizeof *bigger.slots);
    if (!bigger.slots)
        return false;
    for (size_t i = 0; i < t->cap; i++)
        if (t->slots[i].key)
            *anchor_slot(&bigger, t->slots[i].key) = t->slots[i];
    free(t->slots);
    *t = bigger;
    return true;
}

/* The entry for key, added (next = 0) when missing; NULL out of memory. */
static anchor_entry *anchor_add(anchor_table *t, const char *key)
{
    anchor_entry *e = anchor_slot(t, key);
    if (!e->key) {
        if (!(e->key = strdup(key)))
            return NULL;
        t->n++;
    }
    return e;
}

static void anchor_free(anchor_table *t)
{
    for (size_t i = 0; i < t->cap; i++)
        free(t->slots[i].key);
    free(t->slots);
}

/* An anchor unique within the report: "a-concept-binnenstad", then "-2"... */
static char *unique_anchor(anchor_table *t, const char *heading)
{
    char *folded = vp_anchor(heading);
    if (!folded || !anchor_reserve(t)) {
        free(folded);
        return NULL;
    }
    char base[80], base_key[96];
    snprintf(base, sizeof base, "%s", *folded ? folded : "sectie");
    free(folded);
    /* A base is kept under a name no anchor has (anchors have no spaces),
     * apart from the anchor equal to it. */
    snprintf(base_key, sizeof base_key, " %s", base);
    anchor_entry *b = anchor_add(t, base_key);
    if (!b)
        return NULL;
    for (unsigned n = b->next ? b->next : 1;; n++) {
        char candidate[96];
        if (n == 1)
            snprintf(candidate, sizeof candidate, "%s", base);
        else
            snprintf(candidate, sizeof candidate, "%s-%u", base, n);
        if (anchor_slot(t, candidate)->key)
            continue;   /* a heading of its own, or an earlier number */
        if (!anchor_add(t, candidate))
            return NULL;
        b->next = n + 1;
        return strdup(candidate);
    }
}

/* Sections run from a heading (level 2 and deeper, or a pseudo-heading) to
 * the next one; a heading with no text of its own (a "Workshops" heading
 * right above the workshop titles) makes no section.  The stored document
 * holds each section as a JSON object (some 500 bytes of memory while it is
 * built): past VP_INGEST_MAX_SECTIONS the rest of the report is text only,
 * found by search but without a section of its own. */
static bool add_sections(const vp_parsed *p, vp_document *d)
{
    anchor_table anchors = {0};
    bool ok = true;
    for (size_t i = 0; i < p->n_blocks && ok && d->n_sections < VP_INGEST_MAX_SECTIONS; i++) {
        if (!starts_section(&p->blocks[i]))
            continue;
        size_t end = i + 1;
        while (end < p->n_blocks && !starts_section(&p->blocks[end]))
            end++;
        if (end == i + 1)
            continue;
        char *text = join_blocks(p, i + 1, end);
        char *anchor = text ? unique_anchor(&anchors, p->blocks[i].text) : NULL;
        ok = anchor && vp_document_add_section(d, p->blocks[i].text, anchor, text);
        free(text);
        free(anchor);
    }
    anchor_free(&anchors);
    return ok;
}

static bool fill_derived(const vp_parsed *p, const char *rel_path, const char *body,
                         size_t body_len, vp_document *d)
{
    d->id = vp_ingest_id_for_path(rel_path);
    d->path = strdup(rel_path);
    d->markdown = vp_strndup(body, body_len);
    d->text = join_blocks(p, 0, p->n_blocks);
    return d->id && d->path && d->markdown && d->text && add_sections(p, d);
}

/* ---- the pipeline ------------------------------------------------------- */

vp_ingest_result vp_ingest_buffer(const vp_extract_ctx *ctx, const char *rel_path,
                                  const char *src, size_t len, vp_document *doc,
                                  vp_ingest_problem *problem)
{
    problem->line = 0;
    problem->message[0] = '\0';
    vp_ingest_result r = check_bytes(src, len, problem);
    if (r != VP_INGEST_OK)
        return r;

    vp_parsed parsed;
    vp_parsed_init(&parsed);
    size_t body_off;
    int body_line;
    vp_fm_error fm_err = {0};
    if (vp_frontmatter_parse(src, len, &parsed.fm, &body_off, &body_line, &fm_err) != 0) {
        vp_parsed_clear(&parsed);
        return problem_at(problem, VP_INGEST_SKIPPED, fm_err.line, fm_err.message);
    }
    parsed.body_line = body_line;
    if (vp_markdown_parse(src + body_off, len - body_off, body_line, &parsed) != 0) {
        vp_parsed_clear(&parsed);
        return VP_INGEST_NO_MEMORY;
    }
    cap_tokens(&parsed);
    size_t words = distinct_words(&parsed);
    if (words == (size_t)-1) {
        vp_parsed_clear(&parsed);
        return VP_INGEST_NO_MEMORY;
    }
    if (words > VP_INGEST_MAX_WORDS) {
        vp_parsed_clear(&parsed);
        char msg[96];
        snprintf(msg, sizeof msg, "too many distinct words (more than %d)",
                 VP_INGEST_MAX_WORDS);
        return problem_at(problem, VP_INGEST_SKIPPED, 0, msg);
    }
    if (parsed.n_blocks == 0 && !parsed.fm.title) {
        vp_parsed_clear(&parsed);
        return problem_at(problem, VP_INGEST_SKIPPED, body_line, "no text after the front matter");
    }

    vp_extract_issue issue = {0};
    bool ok = fill_derived(&parsed, rel_path, src + body_off, len - body_off, doc) &&
              vp_extract_all(ctx, &parsed, doc, &issue) == VP_EXTRACT_OK;
    vp_parsed_clear(&parsed);
    if (!ok)
        return VP_INGEST_NO_MEMORY;
    if (issue.message[0])
        return problem_at(problem, VP_INGEST_WARNING, issue.line, issue.message);
    return VP_INGEST_OK;
}
