/*
 * markdown.c: walks cmark's AST and turns it into vp_parsed blocks
 * (see markdown.h for what it owns).
 *
 * Inline text is gathered per source line (cmark's soft breaks), remembering
 * whether a line was wholly bold, because the line structure of a paragraph
 * is where tables and pseudo-headings show: CommonMark knows neither.
 */
#include "markdown.h"

#include <cmark.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "text.h"

typedef struct line_buf {
    char *text;
    size_t len, cap;
    bool has_plain;   /* some visible text outside **strong** */
    bool has_strong;  /* some visible text inside **strong** */
} line_buf;

typedef struct para_buf {
    line_buf *lines;
    size_t n, cap;
} para_buf;

typedef struct walker {
    vp_parsed *out;
    int first_line;
    int item_depth, quote_depth, strong_depth;
    para_buf para;
    bool oom;         /* vp_parsed_add_block failed */
} walker;

/* ---- line and paragraph buffers ----------------------------------------- */

/* Room for one more line in the paragraph; the lines' text buffers are
 * kept from paragraph to paragraph, so new room starts zeroed. */
static void reserve_line(para_buf *p)
{
    size_t old = p->cap;
    VP_GROW(p->lines, p->cap, p->n + 1);
    memset(p->lines + old, 0, (p->cap - old) * sizeof *p->lines);
}

static line_buf *current_line(walker *w)
{
    para_buf *p = &w->para;
    if (p->n == 0) {
        reserve_line(p);
        p->n = 1;
    }
    return &p->lines[p->n - 1];
}

static void new_line(walker *w)
{
    para_buf *p = &w->para;
    current_line(w);
    reserve_line(p);
    p->lines[p->n++].len = 0;
    p->lines[p->n - 1].has_plain = p->lines[p->n - 1].has_strong = false;
}

static bool is_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!isspace((unsigned char)s[i]))
            return false;
    return true;
}

static void append_text(walker *w, const char *s, size_t len)
{
    line_buf *l = current_line(w);
    if (len == 0)
        return;
    VP_GROW(l->text, l->cap, l->len + len + 1);
    memcpy(l->text + l->len, s, len);
    l->len += len;
    l->text[l->len] = '\0';
    if (!is_blank(s, len)) {
        if (w->strong_depth > 0)
            l->has_strong = true;
        else
            l->has_plain = true;
    }
}

static void reset_para(walker *w)
{
    for (size_t i = 0; i < w->para.n; i++) {
        w->para.lines[i].len = 0;
        if (w->para.lines[i].text)
            w->para.lines[i].text[0] = '\0';
        w->para.lines[i].has_plain = w->para.lines[i].has_strong = false;
    }
    w->para.n = 0;
}

static void free_para(walker *w)
{
    for (size_t i = 0; i < w->para.cap; i++)
        free(w->para.lines[i].text);
    free(w->para.lines);
}

static const char *line_text(const line_buf *l)
{
    return l->text ? l->text : "";
}

/* ---- classification ----------------------------------------------------- */

bool vp_is_caps_heading(const char *line)
{
    size_t len = strlen(line), upper = 0;
    if (len > 100)
        return false;
    for (size_t i = 0; i < len;) {
        unsigned cp;
        size_t n = vp_utf8_decode(line + i, len - i, &cp);
        if (n == 0)
            return false;
        i += n;
        if ((cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7))
            return false;
        if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7))
            upper++;
    }
    return upper >= 3;
}

static bool is_table_line(const char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    return *s == '|';
}

/* "|---|:--:|" separates a table's header from its body. */
static bool is_table_rule(const char *s)
{
    bool dash = false;
    for (; *s; s++) {
        if (*s == '-')
            dash = true;
        else if (!strchr("|: \t", *s))
            return false;
    }
    return dash;
}

static bool is_pseudo_heading(const line_buf *l)
{
    if (l->has_strong && !l->has_plain)
        return l->len <= 160;
    return vp_is_caps_heading(line_text(l));
}

/* ---- emitting blocks ---------------------------------------------------- */

static vp_block_kind paragraph_kind(const walker *w)
{
    if (w->item_depth > 0)
        return VP_BLOCK_ITEM;
    if (w->quote_depth > 0)
        return VP_BLOCK_QUOTE;
    return VP_BLOCK_PARAGRAPH;
}

static void emit(walker *w, vp_block_kind kind, int level, bool pseudo, int line,
                 const char *text)
{
    char *copy = vp_xstrdup(text);
    vp_trim(copy);
    if (*copy && !vp_parsed_add_block(w->out, kind, level, pseudo, line, copy))
        w->oom = true;
    free(copy);
}

/* "| a | b |" -> "a | b": the cells, trimmed, joined by " | ". */
static void emit_table_row(walker *w, const char *row, int line)
{
    char *copy = vp_xstrdup(row);
    char *s = vp_trim(copy);
    if (*s == '|')
        s++;
    size_t n = strlen(s);
    if (n > 0 && s[n - 1] == '|')
        s[n - 1] = '\0';
    emit(w, VP_BLOCK_TABLE_ROW, 0, false, line, s);
    free(copy);
}

/* Lines [from, para.n) joined with line breaks, so that the extractors can
 * tell a list written one name a line from a sentence; caller frees. */
static char *join_lines(walker *w, size_t from)
{
    size_t total = 1;
    for (size_t i = from; i < w->para.n; i++)
        total += w->para.lines[i].len + 1;
    char *joined = vp_xmalloc(total), *p = joined;
    for (size_t i = from; i < w->para.n; i++) {
        if (p != joined)
            *p++ = '\n';
        memcpy(p, line_text(&w->para.lines[i]), w->para.lines[i].len);
        p += w->para.lines[i].len;
    }
    *p = '\0';
    return joined;
}

static void emit_joined(walker *w, size_t from, vp_block_kind kind, int level,
                        int line)
{
    char *joined = join_lines(w, from);
    if (joined)
        emit(w, kind, level, false, line, joined);
    free(joined);
}

static bool all_table_lines(const walker *w)
{
    if (w->para.n < 2)
        return false;
    for (size_t i = 0; i < w->para.n; i++)
        if (!is_table_line(line_text(&w->para.lines[i])))
            return false;
    return true;
}

/* The first line of the paragraph stands alone: short, not cut off in
 * mid-sentence (no comma or hyphen at its end), and the next line starts
 * anew (a capital, a digit or a bracket), as a title above a dateline does;
 * prose wrapped at 72 columns goes on in lower case. */
static bool is_title_line(const walker *w)
{
    if (w->para.n < 2)
        return false;
    const line_buf *first = &w->para.lines[0];
    const char *next = line_text(&w->para.lines[1]);
    size_t n = first->len;
    while (n > 0 && isspace((unsigned char)first->text[n - 1]))
        n--;
    if (n == 0 || n > 150 || strchr(",;-(", first->text[n - 1]))
        return false;
    while (isspace((unsigned char)*next))
        next++;
    return isupper((unsigned char)*next) || isdigit((unsigned char)*next) || *next == '[' ||
           (unsigned char)*next >= 0xC0;
}

static void emit_paragraph(walker *w, int line)
{
    if (w->para.n == 0)
        return;
    if (all_table_lines(w)) {
        for (size_t i = 0; i < w->para.n; i++) {
            const char *row = line_text(&w->para.lines[i]);
            if (!is_table_rule(row))
                emit_table_row(w, row, line + (int)i);
        }
        return;
    }
    size_t from = 0;
    if (w->item_depth == 0 && is_pseudo_heading(&w->para.lines[0])) {
        emit(w, VP_BLOCK_PARAGRAPH, 0, true, line, line_text(&w->para.lines[0]));
        from = 1;
    } else if (w->item_depth == 0 && w->out->n_blocks == 0 && is_title_line(w)) {
        /* a document that opens with lines and no blank line between (a
         * converted Word file): its first line is the title, not the start
         * of a paragraph */
        emit(w, VP_BLOCK_PARAGRAPH, 0, false, line, line_text(&w->para.lines[0]));
        from = 1;
    }
    if (from < w->para.n)
        /* an item keeps its depth: "- Keynote" over "  - Anna Smit, VNG" */
        emit_joined(w, from, paragraph_kind(w), w->item_depth, line + (int)from);
}

/* ---- the walk ----------------------------------------------------------- */

static int node_line(const walker *w, cmark_node *node)
{
    return w->first_line + cmark_node_get_start_line(node) - 1;
}

static void enter_node(walker *w, cmark_node *node)
{
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_ITEM: w->item_depth++; break;
    case CMARK_NODE_BLOCK_QUOTE: w->quote_depth++; break;
    case CMARK_NODE_STRONG: w->strong_depth++; break;
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_HEADING: reset_para(w); break;
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE: {
        const char *lit = cmark_node_get_literal(node);
        if (lit)
            append_text(w, lit, strlen(lit));
        break;
    }
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK: new_line(w); break;
    case CMARK_NODE_CODE_BLOCK: {
        const char *lit = cmark_node_get_literal(node);
        if (lit)
            emit(w, VP_BLOCK_CODE, 0, false, node_line(w, node), lit);
        break;
    }
    default: break;
    }
}

static void leave_node(walker *w, cmark_node *node)
{
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_ITEM: w->item_depth--; break;
    case CMARK_NODE_BLOCK_QUOTE: w->quote_depth--; break;
    case CMARK_NODE_STRONG: w->strong_depth--; break;
    case CMARK_NODE_PARAGRAPH: emit_paragraph(w, node_line(w, node)); break;
    case CMARK_NODE_HEADING:
        emit_joined(w, 0, VP_BLOCK_HEADING, cmark_node_get_heading_level(node),
                    node_line(w, node));
        break;
    default: break;
    }
}

/* ---- chunks ------------------------------------------------------------- */

/* cmark keeps the whole tree of a document: over 100 bytes a node, and a
 * line of "[[[[" or a paragraph of a million one-letter lines makes a node
 * per byte or two.  A long body is therefore parsed in chunks of about
 * CHUNK_BYTES, each tree walked and freed before the next, cut where a
 * top-level block starts: after a blank line, at a line that is not
 * indented (so not the rest of a list item or of indented code), outside a
 * fenced code block.  There a block ends whatever follows, so the blocks
 * are those of one parse (a reference link defined in another chunk stays
 * unresolved, shown as its text).  A chunk without such a place (one
 * paragraph, list or code block of that size) is cut at its last line end,
 * or last space, or character: two blocks where there was one. */
enum { CHUNK_BYTES = 64 * 1024 };

typedef struct line_scan {
    char fence;          /* '`' or '~' while inside a fenced code block */
    size_t fence_len;
} line_scan;

static bool blank_line(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return false;
    return true;
}

/* Opens or closes a fence when the line s[0..n) is a fence line. */
static void track_fence(line_scan *ls, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && i < 3 && s[i] == ' ')
        i++;
    if (i >= n || (s[i] != '`' && s[i] != '~'))
        return;
    char c = s[i];
    size_t run = 0;
    while (i + run < n && s[i + run] == c)
        run++;
    if (run < 3)
        return;
    if (!ls->fence) {
        ls->fence = c;
        ls->fence_len = run;
    } else if (c == ls->fence && run >= ls->fence_len && blank_line(s + i + run, n - i - run)) {
        ls->fence = 0;
    }
}

/* Where the chunk that starts at md[start] ends; looks at no byte past
 * start + CHUNK_BYTES, so that cutting a long line costs no more than its
 * length.  A chunk starts outside any fence: at a block boundary, which
 * is never inside one, or after a cut, which ends it. */
static size_t chunk_end(const char *md, size_t len, size_t start)
{
    if (len - start <= CHUNK_BYTES)
        return len;
    line_scan ls = {0};
    size_t limit = start + CHUNK_BYTES, block = 0, line_end = 0, space = 0;
    bool after_blank = false;
    for (size_t pos = start; pos < limit;) {
        const char *nl = memchr(md + pos, '\n', limit - pos);
        size_t n = nl ? (size_t)(nl - (md + pos)) : limit - pos;
        if (!nl)
            break;  /* the line goes on past the limit */
        if (pos > start && !ls.fence && after_blank && n > 0 && md[pos] != ' ' &&
            md[pos] != '\t' && !blank_line(md + pos, n))
            block = pos;
        track_fence(&ls, md + pos, n);
        after_blank = blank_line(md + pos, n);
        pos += n + 1;
        line_end = pos;
    }
    if (block)
        return block;
    if (line_end > start)
        return line_end;
    for (size_t i = limit; i > start + 1 && !space; i--)
        if (md[i - 1] == ' ')
            space = i;
    if (space)
        return space;
    size_t cut = limit;
    while (cut > start + 1 && ((unsigned char)md[cut] & 0xC0) == 0x80)
        cut--;  /* not inside a character */
    return cut;
}

/* One chunk: cmark's tree of md[0..len), walked into out and freed. */
static int parse_chunk(const char *md, size_t len, int first_line, vp_parsed *out)
{
    cmark_node *doc = cmark_parse_document(md, len, CMARK_OPT_DEFAULT);
    if (!doc)
        return -1;
    walker w = {.out = out, .first_line = first_line};
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    while (it && !w.oom && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *node = cmark_iter_get_node(it);
        if (ev == CMARK_EVENT_ENTER)
            enter_node(&w, node);
        else
            leave_node(&w, node);
    }
    bool failed = !it || w.oom;
    cmark_iter_free(it);
    cmark_node_free(doc);
    free_para(&w);
    return failed ? -1 : 0;
}

int vp_markdown_parse(const char *md, size_t len, int first_line, vp_parsed *out)
{
    int line = first_line;
    for (size_t start = 0;;) {
        size_t end = chunk_end(md, len, start);
        if (parse_chunk(md + start, end - start, line, out) != 0)
            return -1;
        for (const char *p = md + start; (p = memchr(p, '\n', (size_t)(md + end - p))); p++)
            line++;
        if (end == len)
            break;
        start = end;
    }
    return 0;
}
