/*
 * ingest.c: one file to one vp_document (see ingest.h).
 *
 * The checks run cheapest first and stop at the first problem, because the
 * user gets exactly one line per bad file: the first thing to fix.
 */
#include "ingest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "frontmatter.h"
#include "markdown.h"
#include "mem.h"
#include "strset.h"
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
    char *fields[] = {p->fm.title, p->fm.date, p->fm.published, p->fm.host};
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
 * and is skipped.  Words are counted roughly as Xapian splits them: runs
 * of letters and digits, ASCII case folded, at most 64 bytes. */

static bool word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c >= 0x80;
}

/* Adds the words of s to words, stopping past VP_INGEST_MAX_WORDS. */
static void count_words(vp_strset *words, const char *s)
{
    char folded[64];
    for (size_t i = 0; s[i] && vp_strset_size(words) <= VP_INGEST_MAX_WORDS;) {
        while (s[i] && !word_byte((unsigned char)s[i]))
            i++;
        size_t start = i;
        while (word_byte((unsigned char)s[i]))
            i++;
        size_t n = i - start;
        if (n == 0 || n > sizeof folded)
            continue;   /* Xapian indexes no longer word */
        for (size_t k = 0; k < n; k++) {
            char c = s[start + k];
            folded[k] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
        }
        vp_strset_add(words, folded, n, NULL);
    }
}

/* The number of distinct words of the report, up to VP_INGEST_MAX_WORDS + 1. */
static size_t distinct_words(const vp_parsed *p)
{
    vp_strset *words = vp_strset_new();
    if (p->fm.title)
        count_words(words, p->fm.title);
    for (size_t i = 0; i < p->n_blocks; i++)
        count_words(words, p->blocks[i].text);
    size_t n = vp_strset_size(words);
    vp_strset_free(words);
    return n;
}

/* ---- derived fields ----------------------------------------------------- */

static bool starts_section(const vp_block *b)
{
    return (b->kind == VP_BLOCK_HEADING && b->level >= 2) || b->pseudo_heading;
}

/* The blocks [from, to) joined by new lines; caller frees (never NULL). */
static char *join_blocks(const vp_parsed *p, size_t from, size_t to)
{
    vp_buf b = VP_BUF_INIT;
    for (size_t i = from; i < to; i++) {
        vp_buf_puts(&b, p->blocks[i].text);
        if (i + 1 < to)
            vp_buf_putc(&b, '\n');
    }
    return vp_buf_detach(&b);
}

/* The anchors a report has given out, and per heading's base anchor the
 * next number to try: "a-concept-binnenstad", then "-2"...  A report of
 * thousands of equal headings costs one probe per heading, not a scan of
 * every anchor before it.  Anchors and bases share one set; a base is kept
 * as " base" (anchors have no spaces), and next[id] is a base's number. */
typedef struct anchors {
    vp_strset *set;
    unsigned *next;
    size_t cap;
} anchors;

static char *unique_anchor(anchors *a, const char *heading)
{
    char *folded = vp_anchor(heading);
    char base[80], base_key[96], candidate[96];
    snprintf(base, sizeof base, "%s", *folded ? folded : "sectie");
    free(folded);
    snprintf(base_key, sizeof base_key, " %s", base);
    size_t b = vp_strset_add(a->set, base_key, strlen(base_key), NULL);
    size_t old = a->cap;
    VP_GROW(a->next, a->cap, b + 1);
    memset(a->next + old, 0, (a->cap - old) * sizeof *a->next);
    for (unsigned n = a->next[b] ? a->next[b] : 1;; n++) {
        if (n == 1)
            snprintf(candidate, sizeof candidate, "%s", base);
        else
            snprintf(candidate, sizeof candidate, "%s-%u", base, n);
        bool added;
        vp_strset_add(a->set, candidate, strlen(candidate), &added);
        if (added) {   /* not a heading of its own, nor an earlier number */
            a->next[b] = n + 1;
            return vp_xstrdup(candidate);
        }
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
    anchors taken = {.set = vp_strset_new()};
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
        char *anchor = unique_anchor(&taken, p->blocks[i].text);
        ok = anchor && vp_document_add_section(d, p->blocks[i].text, anchor, text);
        free(text);
        free(anchor);
    }
    vp_strset_free(taken.set);
    free(taken.next);
    return ok;
}

static bool fill_derived(const vp_parsed *p, const char *rel_path, const char *body,
                         size_t body_len, vp_document *d)
{
    d->id = vp_ingest_id_for_path(rel_path);
    d->path = vp_xstrdup(rel_path);
    d->markdown = vp_xstrndup(body, body_len);
    d->text = join_blocks(p, 0, p->n_blocks);
    for (size_t i = 0; i < p->fm.themes.len; i++)
        vp_strvec_push(&d->tags, p->fm.themes.items[i]);
    return d->id && add_sections(p, d);
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
    if (distinct_words(&parsed) > VP_INGEST_MAX_WORDS) {
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
