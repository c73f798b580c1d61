/*
 * extract_title.c: the title stage (see extract.c): the front matter title,
 * else the first heading before the body text, else the first line of the
 * first block.  Every
 * later stage that wants the title reads d->title.
 */
#include "extract_stages.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"

/* A copy of s[0..n) with runs of white space made one space, trimmed. */
static char *squeeze_space(const char *s, size_t n)
{
    char *out = vp_xmalloc(n + 1);
    size_t k = 0;
    bool space = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = k > 0;
            continue;
        }
        if (space)
            out[k++] = ' ';
        space = false;
        out[k++] = c;
    }
    out[k] = '\0';
    return out;
}

/* A paragraph this long is body text, no title or dateline. */
enum { BODY_PARAGRAPH = 200 };

/* Where the title is: s[0..*n), or NULL when the report has no text. */
static const char *title_span(const vp_parsed *p, size_t *n)
{
    if (p->fm.title && p->fm.title[strspn(p->fm.title, " \t\r\n")]) {
        *n = strlen(p->fm.title);
        return p->fm.title;
    }
    for (size_t i = 0; i < p->n_blocks; i++) {
        const vp_block *b = &p->blocks[i];
        if (b->kind == VP_BLOCK_HEADING && b->text[strspn(b->text, " \t\r\n")]) {
            *n = strlen(b->text);
            return b->text;
        }
        /* a heading after the body has begun heads a section, not the
         * report: a plain-text newsletter underlines its items ("2.
         * VOLGENDE NETWERKDAG" over "====") under a first line that is
         * its title */
        if (b->kind == VP_BLOCK_PARAGRAPH && strlen(b->text) > BODY_PARAGRAPH)
            break;
    }
    /* no heading at all: the first line of the first non-empty block */
    for (size_t i = 0; i < p->n_blocks; i++) {
        const vp_block *b = &p->blocks[i];
        if (b->kind == VP_BLOCK_CODE)
            continue;
        const char *s = b->text + strspn(b->text, " \t\r\n");
        if (!*s)
            continue;
        *n = strcspn(s, "\n");
        return s;
    }
    return NULL;
}

char *vp_extract_title(const vp_parsed *p)
{
    size_t n;
    const char *s = title_span(p, &n);
    return s ? squeeze_space(s, n) : NULL;
}

vp_extract_status vp_extract_title_stage(const vp_extract_ctx *ctx, const vp_parsed *p,
                                         vp_document *d, vp_extract_issue *issue)
{
    (void)ctx;
    (void)issue;
    free(d->title);
    d->title = vp_extract_title(p);
    return VP_EXTRACT_OK;
}
