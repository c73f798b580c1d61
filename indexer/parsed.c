/* parsed.c: the vp_parsed container (see parsed.h). */
#include "parsed.h"

#include <stdlib.h>
#include <string.h>

static void frontmatter_clear(vp_frontmatter *fm)
{
    free(fm->title);
    free(fm->date);
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
    if (p->n_blocks == p->cap_blocks) {
        size_t cap = p->cap_blocks ? p->cap_blocks * 2 : 32;
        vp_block *grown = realloc(p->blocks, cap * sizeof *grown);
        if (!grown)
            return false;
        p->blocks = grown;
        p->cap_blocks = cap;
    }
    char *copy = strdup(text);
    if (!copy)
        return false;
    p->blocks[p->n_blocks++] = (vp_block){
        .kind = kind, .level = level, .pseudo_heading = pseudo_heading,
        .line = line, .text = copy,
    };
    return true;
}
