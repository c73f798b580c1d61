/* parsed.c: the vp_parsed container (see parsed.h). */
#include "parsed.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"

static void frontmatter_clear(vp_frontmatter *fm)
{
    free(fm->title);
    free(fm->date);
    free(fm->published);
    free(fm->host);
    vp_strvec_clear(&fm->municipalities);
    vp_strvec_clear(&fm->speakers);
    vp_strvec_clear(&fm->themes);
    memset(fm, 0, sizeof *fm);
}

void vp_parsed_init(vp_parsed *p)
{
    memset(p, 0, sizeof *p);
    p->body_line = 1;
}

void vp_parsed_clear(vp_parsed *p)
{
    frontmatter_clear(&p->fm);
    for (size_t i = 0; i < p->n_blocks; i++)
        free(p->blocks[i].text);
    free(p->blocks);
    vp_parsed_init(p);
}

bool vp_parsed_add_block(vp_parsed *p, vp_block_kind kind, int level,
                         bool pseudo_heading, int line, const char *text)
{
    VP_GROW(p->blocks, p->cap_blocks, p->n_blocks + 1);
    p->blocks[p->n_blocks++] = (vp_block){
        .kind = kind, .level = level, .pseudo_heading = pseudo_heading,
        .line = line, .text = vp_xstrdup(text),
    };
    return true;
}
