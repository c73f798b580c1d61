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

/* An anchor unique within the report: "a-concept-binnenstad", then "-2"... */
static char *unique_anchor(const vp_document *d, const char *heading)
{
    char *base = vp_anchor(heading);
    if (!base)
        return NULL;
    for (int n = 1;; n++) {
        char candidate[96];
        if (n == 1)
            snprintf(candidate, sizeof candidate, "%s", *base ? base : "sectie");
        else
            snprintf(candidate, sizeof candidate, "%s-%d", *base ? base : "sectie", n);
        bool taken = false;
        for (size_t i = 0; i < d->n_sections && !taken; i++)
            taken = !strcmp(d->sections[i].anchor, candidate);
        if (!taken) {
            free(base);
            return strdup(candidate);
        }
    }
}

/* Sections run from a heading (level 2 and deeper, or a pseudo-heading) to
 * the next one; a heading with no text of its own (a "Workshops" heading
 * right above the workshop titles) makes no section. */
static bool add_sections(const vp_parsed *p, vp_document *d)
{
    for (size_t i = 0; i < p->n_blocks; i++) {
        if (!starts_section(&p->blocks[i]))
            continue;
        size_t end = i + 1;
        while (end < p->n_blocks && !starts_section(&p->blocks[end]))
            end++;
        if (end == i + 1)
            continue;
        char *text = join_blocks(p, i + 1, end);
        char *anchor = text ? unique_anchor(d, p->blocks[i].text) : NULL;
        bool ok = anchor && vp_document_add_section(d, p->blocks[i].text, anchor, text);
        free(text);
        free(anchor);
        if (!ok)
            return false;
    }
    return true;
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
