/*
 * parsed.h: a report after parsing and before extraction.
 *
 * markdown.c walks cmark's AST and front matter is parsed by frontmatter.c;
 * the extractors (extract_*.c) read only this structure, never raw Markdown,
 * so they see text the way a reader does: one block per heading, paragraph,
 * list item or table row, with inline markup removed and the source line
 * kept for messages.
 */
#ifndef VP_PARSED_H
#define VP_PARSED_H

#include <stdbool.h>
#include <stddef.h>
#include "strvec.h"

typedef enum {
    VP_BLOCK_HEADING,    /* ATX or setext heading, level 1-6 */
    VP_BLOCK_PARAGRAPH,
    VP_BLOCK_ITEM,       /* one list item (its paragraphs joined) */
    VP_BLOCK_TABLE_ROW,  /* one line of a pipe table (cells joined by " | ") */
    VP_BLOCK_QUOTE,      /* a paragraph inside a block quote */
    VP_BLOCK_CODE        /* code block: indexed as text, never extracted from */
} vp_block_kind;

typedef struct vp_block {
    vp_block_kind kind;
    int level;           /* heading level; an item's list depth (1 for a
                            top-level item); 0 otherwise */
    bool pseudo_heading; /* a paragraph that acts as a heading: a short ALL-CAPS
                            line ("A. CONCEPT BINNENSTAD", "AFSLUITING") or a
                            paragraph that is wholly bold */
    int line;            /* 1-based line in the file (front matter included) */
    char *text;          /* plain text, inline markup removed; owned */
} vp_block;

/* Front matter fields; NULL / empty when absent.  Front matter wins over
 * what the extractors find. */
typedef struct vp_frontmatter {
    bool present;
    char *title;
    char *date;          /* as written; parsed by the date extractor */
    int date_line;
    char *published;     /* `publicatiedatum`, `published`: the day it was
                            published, not the event's */
    char *host;          /* `location` or `host` */
    vp_strvec municipalities;
    vp_strvec speakers;  /* "Naam (Organisatie)" or "Naam, rol Organisatie" strings */
    vp_strvec themes;    /* `themes` or `tags` */
} vp_frontmatter;

typedef struct vp_parsed {
    vp_frontmatter fm;
    vp_block *blocks;
    size_t n_blocks;
    size_t cap_blocks;
    int body_line;       /* line where the Markdown body starts (1-based) */
} vp_parsed;

void vp_parsed_init(vp_parsed *p);
void vp_parsed_clear(vp_parsed *p);
/* Appends a block (copies text).  Returns true: out of memory aborts
 * (mem.h); the bool stays for the callers that still test it. */
bool vp_parsed_add_block(vp_parsed *p, vp_block_kind kind, int level,
                         bool pseudo_heading, int line, const char *text);

#endif /* VP_PARSED_H */
