/*
 * spelling_sync.c: the spelling table from the term list (see
 * spelling_sync.h).  Both lists come sorted by bytes, so one merge finds
 * what to add, change and remove.
 */
#include "spelling_sync.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

/* A word as the term generator indexes one: an unprefixed term (prefixes
 * are upper-case ASCII; the generator lower-cases words). */
static bool is_word(const char *term)
{
    return *term && !(*term >= 'A' && *term <= 'Z');
}

/* The next word term the table is to hold, at or after the iterator's
 * position, or NULL. */
static const char *next_word(xapc_termiter *it, uint32_t *freq, xapc_error *err)
{
    const char *term;
    while (xapc_termiter_next(it, &term, freq, err))
        if (*freq >= VP_SPELLING_MIN_REPORTS && is_word(term))
            return term;
    return NULL;
}

typedef struct change {
    char *word;
    uint32_t add, remove;
} change;

typedef struct changes {
    change *items;
    size_t len, cap;
} changes;

static void note(changes *c, const char *word, uint32_t add, uint32_t remove)
{
    VP_GROW(c->items, c->cap, c->len + 1);
    c->items[c->len++] = (change){vp_xstrdup(word), add, remove};
}

/* What to change, read before anything changes (an iterator over the
 * spelling table may not outlive a change to it). */
static xapc_status plan(xapc_wdb *spelling, const xapc_db *terms, changes *out,
                        xapc_error *err)
{
    xapc_termiter *want_it = xapc_db_allterms(terms, "", err);
    xapc_termiter *have_it = want_it ? xapc_db_spellings(xapc_wdb_reader(spelling), err) : NULL;
    if (!have_it) {
        xapc_termiter_free(want_it);
        return err->status;
    }
    /* The iterators' strings change on every step: keep copies. */
    uint32_t want_f = 0, have_f = 0;
    const char *w = next_word(want_it, &want_f, err), *h = NULL;
    char *want = w ? vp_xstrdup(w) : NULL, *have = NULL;
    if (err->status == XAPC_OK && xapc_termiter_next(have_it, &h, &have_f, err))
        have = vp_xstrdup(h);
    while (err->status == XAPC_OK && (want || have)) {
        int c = !want ? 1 : !have ? -1 : strcmp(want, have);
        if (c < 0)
            note(out, want, want_f, 0);
        else if (c > 0)
            note(out, have, 0, have_f);
        else if (want_f != have_f)
            note(out, want, want_f > have_f ? want_f - have_f : 0,
                 have_f > want_f ? have_f - want_f : 0);
        if (c <= 0) {
            free(want);
            w = next_word(want_it, &want_f, err);
            want = w ? vp_xstrdup(w) : NULL;
        }
        if (c >= 0) {
            free(have);
            have = xapc_termiter_next(have_it, &h, &have_f, err) ? vp_xstrdup(h) : NULL;
        }
    }
    free(want);
    free(have);
    xapc_termiter_free(want_it);
    xapc_termiter_free(have_it);
    return err->status;
}

static xapc_status apply(xapc_wdb *spelling, const change *c, xapc_error *err)
{
    return c->add ? xapc_wdb_add_spelling(spelling, c->word, c->add, err)
                  : xapc_wdb_remove_spelling(spelling, c->word, c->remove, err);
}

/* Commits a step; the mark says the table is part-way until the caller's
 * commit after the last step, which the mark's removal goes with. */
static xapc_status commit_step(xapc_wdb *spelling, xapc_error *err)
{
    if (xapc_wdb_set_metadata(spelling, VP_META_SPELLING_UNFINISHED, "1", err) != XAPC_OK)
        return err->status;
    return xapc_wdb_commit(spelling, err);
}

xapc_status vp_spelling_sync(xapc_wdb *spelling, const xapc_db *terms, size_t step,
                             size_t *changed, xapc_error *err)
{
    changes c = {0};
    xapc_status st = plan(spelling, terms, &c, err);
    for (size_t i = 0; st == XAPC_OK && i < c.len; i++) {
        st = apply(spelling, &c.items[i], err);
        if (st == XAPC_OK && step && (i + 1) % step == 0 && i + 1 < c.len)
            st = commit_step(spelling, err);
    }
    if (st == XAPC_OK)
        st = xapc_wdb_set_metadata(spelling, VP_META_SPELLING_UNFINISHED, "", err);
    if (changed)
        *changed = c.len;
    for (size_t i = 0; i < c.len; i++)
        free(c.items[i].word);
    free(c.items);
    return st;
}

bool vp_spelling_unfinished(xapc_wdb *spelling)
{
    char *mark = xapc_db_get_metadata(xapc_wdb_reader(spelling), VP_META_SPELLING_UNFINISHED,
                                      NULL);
    bool unfinished = mark && *mark;
    free(mark);
    return unfinished;
}
