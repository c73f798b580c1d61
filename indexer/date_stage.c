/* date_stage.c: see date_stage.h. */
#include "date_stage.h"

#include <string.h>

#include "date_cues.h"

bool vp_date_block_is_heading(const vp_block *b)
{
    return b->kind == VP_BLOCK_HEADING || b->pseudo_heading;
}

bool vp_date_first(const char *t, int year, date_fits fits, const void *arg, date_hit *h)
{
    size_t len = strlen(t), from = 0;
    while (vp_date_next(t, len, &from, year, h))
        if (fits(t, len, h, arg))
            return true;
    return false;
}

bool vp_date_first_of_text(const vp_parsed *p, int year, date_fits fits, const void *arg,
                               date_hit *h)
{
    for (size_t bi = 0; bi < p->n_blocks; bi++)
        if (p->blocks[bi].kind != VP_BLOCK_CODE &&
            vp_date_first(p->blocks[bi].text, year, fits, arg, h))
            return true;
    return false;
}

bool vp_date_fits_event(const char *t, size_t len, const date_hit *h, const void *arg)
{
    (void)arg;
    return vp_date_about_of(t, len, h) == VP_DATE_ABOUT_EVENT;
}

bool vp_date_fits_full(const char *t, size_t len, const date_hit *h, const void *arg)
{
    (void)t, (void)len, (void)arg;
    return h->has_year;
}

bool vp_date_in_title_or_opening(const vp_parsed *p, const vp_document *d, text_match match,
                                 void *arg)
{
    if (d->title && match(d->title, strlen(d->title), NULL, arg))
        return true;
    for (size_t bi = 0, seen = 0; bi < p->n_blocks && seen < OPENING_BLOCKS; bi++) {
        const vp_block *b = &p->blocks[bi];
        if (b->kind == VP_BLOCK_CODE)
            continue;
        seen++;
        if (match(b->text, strlen(b->text), b, arg))
            return true;
    }
    return false;
}
