/* date_update.c: see date_update.h. */
#include "date_update.h"

#include <string.h>

#include "date_cues.h"
#include "extract_text.h"

/* Does heading b say that what follows was written after the day ("Update
 * na de netwerkdag (18 november 2024)", "Na afloop (12 november 2012)")? */
static bool heads_an_update(const vp_block *b)
{
    static const char *const CUES[] = {"update", "na afloop", "naschrift", "achteraf",
                                       "nabeschouwing", "afterwards", "postscript", NULL};
    if (!vp_date_block_is_heading(b))
        return false;
    size_t len = strlen(b->text), pos = 0, ws, we;
    while (vp_ex_step_word(b->text, len, &pos, &ws, &we))
        for (size_t k = 0; CUES[k]; k++) {
            size_t n = strlen(CUES[k]);
            if (ws + n <= len && vp_ex_eq(b->text + ws, n, CUES[k]))
                return true;
        }
    return false;
}

/* A text written before its day with an update after it: the first date
 * with a weekday above the update's heading that lies after the anchor and
 * within the write-up days before the update's date ("Volgende week
 * donderdag, 14 november, is ..." under an interview of 7 November, with
 * "## Update na de netwerkdag (18 november 2024)" below).  A title's date
 * is the event's own and is never passed over so. */
bool vp_date_day_between_anchor_and_update(const vp_parsed *p, const anchor *a, event *e)
{
    size_t update = p->n_blocks;
    date_hit u;
    for (size_t bi = 0; bi < p->n_blocks && update == p->n_blocks; bi++)
        if (heads_an_update(&p->blocks[bi]) &&
            vp_date_first(p->blocks[bi].text, 0, vp_date_fits_full, NULL, &u))
            update = bi;
    if (update == p->n_blocks)
        return false;
    long from = vp_date_day_number(a->y, a->m, a->d), to = vp_date_day_number(u.y, u.m, u.d);
    for (size_t bi = 0; bi < update; bi++) {
        const vp_block *b = &p->blocks[bi];
        size_t len = strlen(b->text), pos = 0;
        date_hit h;
        while (b->kind != VP_BLOCK_CODE && vp_date_next(b->text, len, &pos, a->y, &h)) {
            long day = vp_date_day_number(h.y, h.m, h.d);
            if (h.weekday >= 0 && day > from && day < to && to - day <= WRITE_UP_DAYS) {
                *e = (event){true, true, false, h.y, h.m, h.d};
                return true;
            }
        }
    }
    return false;
}

/* The latest day about an event within the write-up days before the
 * anchor: a memo dated 2 May that looks back on three days and decides on
 * the next reports the last before its date. */
bool vp_date_latest_day_before(const vp_parsed *p, int year, const anchor *a, event *e)
{
    long anchor_day = vp_date_day_number(a->y, a->m, a->d), best = 0;
    for (size_t bi = 0; bi < p->n_blocks; bi++) {
        const vp_block *b = &p->blocks[bi];
        size_t len = strlen(b->text), pos = 0;
        date_hit h;
        while (b->kind != VP_BLOCK_CODE && vp_date_next(b->text, len, &pos, year, &h)) {
            long day = vp_date_day_number(h.y, h.m, h.d);
            if (day < anchor_day && anchor_day - day <= WRITE_UP_DAYS && day > best &&
                vp_date_about_of(b->text, len, &h) == VP_DATE_ABOUT_EVENT) {
                best = day;
                *e = (event){true, true, false, h.y, h.m, h.d};
            }
        }
    }
    return best != 0;
}
