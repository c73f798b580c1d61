/* date_announce.c: see date_announce.h. */
#include "date_announce.h"

#include <string.h>

#include "date_cues.h"
#include "extract_text.h"
#include "text.h"

/* A word of the call to sign up or to book a room ("aanmelden kan tot
 * ...", "inschrijving", "kamerblok", "register", "sign up") at ws..we. */
static bool is_sign_up(const char *t, size_t len, size_t ws, size_t we)
{
    /* word beginnings: "aanmelden", "aanmeldformulier", "inschrijving" */
    static const char *const STEMS[] = {"aanmeld", "aangemeld", "inschrijv", "inschrijf",
                                        "ingeschreven", "reserveren", "kamerblok",
                                        "registrat", "register", "sign-up", NULL};
    for (size_t k = 0; STEMS[k]; k++) {
        size_t n = strlen(STEMS[k]);
        if (we - ws >= n && vp_ex_eq(t + ws, n, STEMS[k]))
            return true;
    }
    size_t ns, ne;
    return vp_ex_eq(t + ws, we - ws, "sign") && vp_ex_next_word(t, len, we, &ns, &ne) &&
           vp_ex_eq(t + ns, ne - ns, "up");
}

/* What a press release or an invitation calls itself, in a heading or a
 * front matter tag. */
static const char *const ANNOUNCEMENT_NAMES[] = {
    "persbericht", "press release", "uitnodiging", "invitation", "aankondiging",
    "announcement", NULL,
};

static bool names_announcement(const char *s)
{
    for (size_t k = 0; ANNOUNCEMENT_NAMES[k]; k++)
        if (vp_fold_equal(s, ANNOUNCEMENT_NAMES[k]))
            return true;
    return false;
}

/* Is the text written before its day: does it call itself a press release
 * or an invitation, or call to sign up or to book a room, as a programme
 * page does and a report afterwards does not? */
bool vp_date_announces(const vp_parsed *p)
{
    for (size_t i = 0; i < p->fm.themes.len; i++)
        if (names_announcement(p->fm.themes.items[i]))
            return true;
    for (size_t bi = 0; bi < p->n_blocks; bi++) {
        const vp_block *b = &p->blocks[bi];
        if (b->kind == VP_BLOCK_CODE)
            continue;
        const char *t = b->text;
        if (vp_date_block_is_heading(b) && names_announcement(t))
            return true;
        size_t len = strlen(t), pos = 0, ws, we;
        while (vp_ex_step_word(t, len, &pos, &ws, &we)) {
            if (is_sign_up(t, len, ws, we))
                return true;
        }
    }
    return false;
}

/* An invitation that looks back on the previous day reports that day: the
 * first date about an event in the look-back's opening line or the
 * paragraph under its heading ("Terugblik: Emmen, 16 november 2012", "##
 * Terugblik op Assen" over "De vorige bijeenkomst, op 7 oktober 2022,
 * ..."), when it lies before the day announced. */
bool vp_date_look_back_day(const vp_parsed *p, int year, event *e)
{
    for (size_t bi = 0; bi < p->n_blocks; bi++) {
        const vp_block *b = &p->blocks[bi];
        if (b->kind == VP_BLOCK_CODE || !vp_ex_opens_look_back(b->text))
            continue;
        size_t last = vp_date_block_is_heading(b) && bi + 1 < p->n_blocks ? bi + 1 : bi;
        date_hit h;
        for (size_t k = bi; k <= last; k++)
            if (vp_date_first(p->blocks[k].text, year, vp_date_fits_event, NULL, &h)) {
                *e = (event){true, true, false, h.y, h.m, h.d};
                return true;
            }
    }
    return false;
}

/* The title, or a heading of the opening past its number ("2.
 * Terugblik"), that opens on a look-back. */
static bool opens_look_back(const char *t, size_t len, const vp_block *b, void *arg)
{
    (void)len, (void)arg;
    if (!b)
        return vp_ex_opens_look_back(t);
    return vp_date_block_is_heading(b) && vp_ex_opens_look_back(t + strspn(t, "0123456789. "));
}

/* Does the report call itself a look-back, in its title or a heading
 * ("Terugblik op de najaarsbijeenkomst")? */
bool vp_date_looks_back(const vp_parsed *p, const vp_document *d)
{
    return vp_date_in_title_or_opening(p, d, opens_look_back, NULL);
}
