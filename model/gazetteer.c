/*
 * gazetteer.c: data/gemeenten.tsv, lookups by folded key, and the scanner
 * that finds municipality names in running text.
 *
 * Every name and alias is entered in one open-addressing hash table under
 * two keys (usually equal): vp_fold_key() for lookups, and its "scan key",
 * the words the scanner sees joined by single spaces (which differs only for
 * names with other punctuation, such as "Bergen (NH)" -> "bergen nh").
 *
 * Places (data/woonplaatsen.tsv) go into the same table, marked with
 * PLACE_BIT in the slot's index; a key a municipality has stays the
 * municipality's, and places of one name are chained (homonyms).
 */
#include "gazetteer.h"
#include "datafile.h"
#include "hash.h"
#include "mem.h"
#include "text.h"
#include "text_internal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NONE SIZE_MAX
#define SCAN_MAX_WORDS 6     /* longest name the scanner tries, in words */
#define WORD_MAX 64          /* longest folded word the scanner keeps */
#define NCOLS 6
#define PLACE_COLS 5
#define PLACE_BIT ((size_t)1 << (sizeof(size_t) * 8 - 1))

struct entry {
    vp_municipality m;       /* first: vp_gazetteer_at() hands out &e->m */
    size_t line;
    size_t succ;             /* index of the successor, NONE when current */
    size_t final;            /* index of the final successor, NONE when current */
};

struct slot {
    char *key;               /* NULL: empty */
    size_t klen;
    uint64_t hash;
    size_t idx;
};

struct place {
    vp_place p;              /* first: handed out as &pl->p */
    size_t homonym;          /* index of the next place of the same name, NONE */
};

struct vp_gazetteer {
    struct entry *e;
    size_t n, cap;
    struct place *pl;
    size_t np, pcap;
    struct slot *tab;
    size_t tcap, tcount;
    size_t max_words;        /* most words in a scannable key */
    size_t max_key_len;      /* longest scannable key, bytes */
};

static void free_places(vp_gazetteer *g);
static size_t index_of(const vp_gazetteer *g, const vp_municipality *m);

/* ---- hash table --------------------------------------------------------- */

static uint64_t hash_bytes(const char *s, size_t len)
{
    return vp_fnv1a(VP_FNV1A_INIT, s, len);
}

static struct slot *tab_find(const vp_gazetteer *g, const char *key, size_t klen, uint64_t h)
{
    size_t mask, i;
    if (g->tcap == 0)
        return NULL;
    mask = g->tcap - 1;
    for (i = (size_t)h & mask;; i = (i + 1) & mask) {
        struct slot *s = &g->tab[i];
        if (!s->key)
            return s;
        if (s->hash == h && s->klen == klen && memcmp(s->key, key, klen) == 0)
            return s;
    }
}

/* Moves every key into a table of ncap slots (a power of two). */
static void tab_resize(vp_gazetteer *g, size_t ncap)
{
    struct slot *old = g->tab, *s;
    size_t ocap = g->tcap;
    g->tab = vp_xcalloc(ncap, sizeof *g->tab);
    g->tcap = ncap;
    for (size_t i = 0; i < ocap; i++) {
        if (!old[i].key)
            continue;
        s = tab_find(g, old[i].key, old[i].klen, old[i].hash);
        *s = old[i];
    }
    free(old);
}

static void tab_grow(vp_gazetteer *g)
{
    tab_resize(g, g->tcap ? g->tcap * 2 : 1024);
}

/* After keys were taken out: probe chains must not have holes. */
static void tab_rehash(vp_gazetteer *g)
{
    if (g->tcap)
        tab_resize(g, g->tcap);
}

/* ---- the scanner's words ------------------------------------------------ */

/* Letters and digits for the scanner: ASCII alphanumerics and every code
 * point from U+00C0 on that is not known punctuation, a symbol or space. */
static bool is_word_cp(unsigned cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')
               || (cp >= '0' && cp <= '9');
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || cp == 0x2BC)
        return false;
    if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F)
        || (cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0xFE00 && cp <= 0xFE0F)
        || cp == 0xFEFF || (cp >= 0xFFF0 && cp <= 0xFFFF)
        || (cp >= 0x1F000 && cp <= 0x1FAFF))
        return false;
    return !vp_text_is_space(cp);
}

typedef struct word {
    size_t start, end;       /* bytes in the text */
    size_t flen;             /* folded, apostrophes dropped */
    unsigned lead_apos;      /* bytes of a leading apostrophe, 0 if none */
    bool apos_s;             /* the word is 's: joined to the next one */
    bool clitic;             /* 's, 't, 'n ...: a leading apostrophe belongs to it */
    bool too_long;           /* folded form exceeds WORD_MAX: matches nothing */
    bool join_next;          /* only spaces, hyphens, dots and "(" up to the next word */
    char f[WORD_MAX];
} word;

/* Decodes at p; invalid bytes come back as U+FFFD of length 1. */
static size_t dec(const char *t, size_t len, size_t p, unsigned *cp)
{
    size_t n = vp_utf8_decode(t + p, len - p, cp);
    if (n == 0) {
        *cp = 0xFFFD;
        n = 1;
    }
    return n;
}

/* True when an apostrophe at p (n bytes) is followed by a word character. */
static bool apos_then_word(const char *t, size_t len, size_t p, size_t n)
{
    unsigned cp;
    if (p + n >= len)
        return false;
    dec(t, len, p + n, &cp);
    return is_word_cp(cp);
}

/* Finds the next word at or after *pos.  *gap_ok says whether the gap from
 * *pos to the word only held spaces (at most one line break), hyphens and
 * dots.  Returns false at the end of the text. */
static bool next_word(const char *t, size_t len, size_t *pos, word *w, bool *gap_ok)
{
    size_t p = *pos, n;
    unsigned cp, ncp = 0;
    int newlines = 0;
    bool ok = true;

    /* skip to a word start */
    for (;;) {
        if (p >= len) {
            *pos = p;
            return false;
        }
        n = dec(t, len, p, &cp);
        if (is_word_cp(cp))
            break;
        if (vp_text_is_apostrophe(cp) && apos_then_word(t, len, p, n))
            break;
        if (cp == '\n') {
            if (++newlines > 1)
                ok = false;
        } else if (!(vp_text_is_space(cp) || vp_text_is_hyphen(cp) || cp == '.' ||
                     cp == '(')) {
            ok = false;     /* "(" lets "Bergen (NH)" be one name */
        }
        p += n;
    }
    *gap_ok = ok;

    w->start = p;
    w->flen = 0;
    w->lead_apos = 0;
    w->too_long = false;
    w->join_next = false;
    if (vp_text_is_apostrophe(cp)) {
        w->lead_apos = (unsigned)n;
        p += n;
    }
    size_t ncps = 0;
    for (;;) {
        if (p >= len)
            break;
        n = dec(t, len, p, &cp);
        if (vp_text_is_apostrophe(cp)) {
            if (!apos_then_word(t, len, p, n))
                break;
            p += n;             /* inner apostrophe: dropped from the key */
            continue;
        }
        if (!is_word_cp(cp))
            break;
        if (ncps == 0)
            ncp = cp;
        ncps++;
        if (!w->too_long) {
            char tmp[8];
            size_t fl;
            const char *f = vp_text_fold_cp(cp, tmp, &fl);
            if (w->flen + fl > WORD_MAX) {
                w->too_long = true;
            } else {
                memcpy(w->f + w->flen, f, fl);
                w->flen += fl;
            }
        }
        p += n;
    }
    w->end = p;
    w->clitic = w->lead_apos && ncps == 1;
    w->apos_s = w->clitic && (ncp == 's' || ncp == 'S');
    *pos = p;
    return true;
}

/* Appends word w to a key being built in buf (cap bytes, len used), with a
 * space before it unless it is the first or the previous was 's. */
static bool key_append(char *buf, size_t cap, size_t *len, const word *w, bool space)
{
    if (w->too_long || *len + (space ? 1 : 0) + w->flen > cap)
        return false;
    if (space)
        buf[(*len)++] = ' ';
    memcpy(buf + *len, w->f, w->flen);
    *len += w->flen;
    return true;
}

/* The scan key of a name, into buf.  Returns the number of words, 0 when the
 * name cannot be scanned for (no words, too many, too long). */
static size_t scan_key(const char *s, char *buf, size_t cap, size_t *klen)
{
    size_t pos = 0, len = strlen(s), nw = 0;
    word w;
    bool gap_ok, prev_apos_s = false;
    *klen = 0;
    while (next_word(s, len, &pos, &w, &gap_ok)) {
        /* a gap that the scanner does not join ("Bergen (NH)") still makes
         * a key ("bergen nh") that is harmless and finds "Bergen NH" */
        (void)gap_ok;
        if (nw == SCAN_MAX_WORDS)
            return 0;
        if (!key_append(buf, cap, klen, &w, nw > 0 && !prev_apos_s))
            return 0;
        prev_apos_s = w.apos_s;
        nw++;
    }
    return nw;
}

/* ---- loading ------------------------------------------------------------ */

/* Enters key -> idx.  0, or -1 with an error (clash with another entry). */
static int add_key(vp_gazetteer *g, const char *key, size_t klen, size_t idx,
                   const char *path, char *errbuf, size_t errlen)
{
    uint64_t h = hash_bytes(key, klen);
    struct slot *s;
    if ((g->tcount + 1) * 2 > g->tcap)
        tab_grow(g);
    s = tab_find(g, key, klen, h);
    if (s->key) {
        if (s->idx == idx)
            return 0;
        const struct entry *a = &g->e[s->idx], *b = &g->e[idx];
        vp_errorf(errbuf, errlen, "%s:%zu: '%s' has the same key \"%.*s\" as '%s' on line %zu",
             path, b->line, b->m.name, (int)klen, key, a->m.name, a->line);
        return -1;
    }
    s->key = vp_xstrndup(key, klen);
    s->klen = klen;
    s->hash = h;
    s->idx = idx;
    g->tcount++;
    return 0;
}

/* Enters both keys of a name or alias. */
static int add_name(vp_gazetteer *g, const char *name, size_t idx, const char *what,
                    const char *path, char *errbuf, size_t errlen)
{
    char buf[SCAN_MAX_WORDS * (WORD_MAX + 1)];
    size_t klen, nw;
    char *k = vp_fold_key(name);
    int rc;
    if (!*k) {
        vp_errorf(errbuf, errlen, "%s:%zu: %s '%s' has no letters", path, g->e[idx].line,
             what, name);
        free(k);
        return -1;
    }
    rc = add_key(g, k, strlen(k), idx, path, errbuf, errlen);
    free(k);
    if (rc)
        return rc;
    nw = scan_key(name, buf, sizeof buf, &klen);
    if (nw == 0)
        return 0;
    if (add_key(g, buf, klen, idx, path, errbuf, errlen))
        return -1;
    if (nw > g->max_words)
        g->max_words = nw;
    if (klen > g->max_key_len)
        g->max_key_len = klen;
    return 0;
}

static bool is_year(const char *s)
{
    for (int i = 0; i < 4; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return s[4] == '\0';
}

/* Splits line at TABs into col[0..max) (trimmed); *ncol gets the count.
 * -1 with an error when there are more than max columns. */
static int split_columns(char *line, char **col, size_t max, size_t *ncol, const char *path,
                         size_t lineno, char *errbuf, size_t errlen)
{
    char *p = line;
    *ncol = 0;
    for (;;) {
        char *tab = strchr(p, '\t');
        if (*ncol == max) {
            size_t more = 1;
            for (char *q = p; (q = strchr(q, '\t')); q++)
                more++;
            vp_errorf(errbuf, errlen, "%s:%zu: %zu columns, expected at most %zu", path, lineno,
                      max + more, max);
            return -1;
        }
        col[(*ncol)++] = p;
        if (!tab)
            break;
        *tab = '\0';
        p = tab + 1;
    }
    for (size_t i = 0; i < *ncol; i++)
        vp_trim(col[i]);
    return 0;
}

/* The flags of a column ("ambiguous, seat") as bits of their index in
 * names; -1 with an error for a flag not in names. */
static int parse_flags(char *s, const char *const *names, unsigned *bits, const char *path,
                       size_t lineno, char *errbuf, size_t errlen)
{
    char *save = NULL;
    *bits = 0;
    for (char *f = strtok_r(s, ",; ", &save); f; f = strtok_r(NULL, ",; ", &save)) {
        size_t k = 0;
        while (names[k] && strcmp(f, names[k]) != 0)
            k++;
        if (!names[k]) {
            vp_errorf(errbuf, errlen, "%s:%zu: unknown flag '%s'", path, lineno, f);
            return -1;
        }
        *bits |= 1u << k;
    }
    return 0;
}

/* One line of the file (a vp_datafile_line_fn). */
static int parse_line(char *line, size_t lineno, const char *path, void *ctx,
                      char *errbuf, size_t errlen)
{
    vp_gazetteer *g = ctx;
    char *col[NCOLS + 1] = {0};
    size_t ncol = 0;
    struct entry *e;
    size_t idx;

    if (split_columns(line, col, NCOLS, &ncol, path, lineno, errbuf, errlen))
        return -1;
    if (!*col[0]) {
        vp_errorf(errbuf, errlen, "%s:%zu: empty name", path, lineno);
        return -1;
    }
    if (ncol < 2 || !*col[1]) {
        vp_errorf(errbuf, errlen, "%s:%zu: '%s' has no province", path, lineno, col[0]);
        return -1;
    }
    const char *ended = ncol > 2 ? col[2] : "";
    const char *succ = ncol > 3 ? col[3] : "";
    if (*ended && !is_year(ended)) {
        vp_errorf(errbuf, errlen, "%s:%zu: ended '%s' is not a 4-digit year", path, lineno, ended);
        return -1;
    }
    if (*ended && !*succ) {
        vp_errorf(errbuf, errlen, "%s:%zu: '%s' ended in %s but has no successor", path, lineno,
             col[0], ended);
        return -1;
    }
    if (!*ended && *succ) {
        vp_errorf(errbuf, errlen, "%s:%zu: '%s' has a successor ('%s') but no year ended",
             path, lineno, col[0], succ);
        return -1;
    }
    static const char *const FLAGS[] = {"ambiguous", "seat", NULL};
    unsigned flags = 0;
    if (ncol > 5 && parse_flags(col[5], FLAGS, &flags, path, lineno, errbuf, errlen))
        return -1;

    VP_GROW(g->e, g->cap, g->n + 1);
    idx = g->n;
    e = &g->e[idx];
    memset(e, 0, sizeof *e);
    e->line = lineno;
    e->succ = e->final = NONE;
    e->m.ended = *ended ? atoi(ended) : 0;
    e->m.ambiguous = flags & 1u;
    e->m.seat = flags & 2u;
    e->m.name = vp_xstrdup(col[0]);
    e->m.province = vp_xstrdup(col[1]);
    e->m.successor = *succ ? vp_xstrdup(succ) : NULL;
    g->n++;    /* from here on free() releases the strings */
    if (add_name(g, e->m.name, idx, "name", path, errbuf, errlen))
        return -1;
    if (ncol > 4) {
        char *save = NULL;
        for (char *a = strtok_r(col[4], ";", &save); a; a = strtok_r(NULL, ";", &save)) {
            vp_trim(a);
            if (*a && add_name(g, a, idx, "alias", path, errbuf, errlen))
                return -1;
        }
    }
    return 0;
}

/* Resolves successors and computes final successors; rejects cycles. */
static int link(vp_gazetteer *g, const char *path, char *errbuf, size_t errlen)
{
    unsigned char *state;
    for (size_t i = 0; i < g->n; i++) {
        struct entry *e = &g->e[i];
        if (!e->m.successor)
            continue;
        const vp_municipality *s = vp_gazetteer_lookup(g, e->m.successor);
        if (!s) {
            vp_errorf(errbuf, errlen, "%s:%zu: successor '%s' of '%s' is not in the gazetteer",
                 path, e->line, e->m.successor, e->m.name);
            return -1;
        }
        e->succ = (size_t)((const struct entry *)(const void *)s - g->e);
    }
    state = vp_xcalloc(g->n ? g->n : 1, 1);   /* 0 new, 1 on the current walk, 2 done */
    for (size_t i = 0; i < g->n; i++) {
        size_t j = i, target;
        for (;;) {
            if (state[j] == 2) {
                target = g->e[j].final == NONE ? j : g->e[j].final;
                break;
            }
            if (state[j] == 1) {
                vp_errorf(errbuf, errlen, "%s:%zu: the successors of '%s' lead back to it",
                     path, g->e[j].line, g->e[j].m.name);
                free(state);
                return -1;
            }
            state[j] = 1;
            if (g->e[j].succ == NONE) {
                target = j;
                break;
            }
            j = g->e[j].succ;
        }
        for (size_t k = i; state[k] == 1; k = g->e[k].succ) {
            state[k] = 2;
            g->e[k].final = k == target ? NONE : target;
            if (g->e[k].succ == NONE)
                break;
        }
    }
    free(state);
    return 0;
}

vp_gazetteer *vp_gazetteer_load(const char *path, char *errbuf, size_t errlen)
{
    vp_gazetteer *g = vp_xcalloc(1, sizeof *g);
    if (vp_datafile_each_line(path, parse_line, g, errbuf, errlen) != 0 ||
        link(g, path, errbuf, errlen)) {
        vp_gazetteer_free(g);
        return NULL;
    }
    if (g->max_words > SCAN_MAX_WORDS)
        g->max_words = SCAN_MAX_WORDS;
    return g;
}

void vp_gazetteer_free(vp_gazetteer *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < g->n; i++) {
        free((char *)g->e[i].m.name);
        free((char *)g->e[i].m.province);
        free((char *)g->e[i].m.successor);
    }
    free(g->e);
    free_places(g);
    for (size_t i = 0; i < g->tcap; i++)
        free(g->tab[i].key);
    free(g->tab);
    free(g);
}

/* ---- places --------------------------------------------------------------- */

static void free_places(vp_gazetteer *g)
{
    for (size_t i = 0; i < g->np; i++)
        free((char *)g->pl[i].p.name);
    free(g->pl);
    g->pl = NULL;
    g->np = g->pcap = 0;
}

/* Enters key -> place idx: a municipality's key stays the municipality's;
 * a place's key gets the new place chained as its homonym. */
static void add_place_key(vp_gazetteer *g, const char *key, size_t klen, size_t idx)
{
    uint64_t h = hash_bytes(key, klen);
    if ((g->tcount + 1) * 2 > g->tcap)
        tab_grow(g);
    struct slot *s = tab_find(g, key, klen, h);
    if (s->key) {
        if (!(s->idx & PLACE_BIT))
            return;
        size_t j = s->idx & ~PLACE_BIT;
        while (j != idx && g->pl[j].homonym != NONE)
            j = g->pl[j].homonym;
        if (j != idx)
            g->pl[j].homonym = idx;
        return;
    }
    s->key = vp_xstrndup(key, klen);
    s->klen = klen;
    s->hash = h;
    s->idx = idx | PLACE_BIT;
    g->tcount++;
}

/* Enters both keys of a place's name (see add_name). */
static void add_place_keys(vp_gazetteer *g, const char *name, size_t idx)
{
    char buf[SCAN_MAX_WORDS * (WORD_MAX + 1)];
    size_t klen, nw;
    char *k = vp_fold_key(name);
    if (*k)
        add_place_key(g, k, strlen(k), idx);
    free(k);
    nw = scan_key(name, buf, sizeof buf, &klen);
    if (nw == 0)
        return;
    add_place_key(g, buf, klen, idx);
    if (nw > g->max_words)
        g->max_words = nw;
    if (klen > g->max_key_len)
        g->max_key_len = klen;
}

/* One line of woonplaatsen.tsv (a vp_datafile_line_fn). */
static int parse_place(char *line, size_t lineno, const char *path, void *ctx,
                       char *errbuf, size_t errlen)
{
    vp_gazetteer *g = ctx;
    char *col[PLACE_COLS] = {0};
    size_t ncol = 0;
    if (split_columns(line, col, PLACE_COLS, &ncol, path, lineno, errbuf, errlen))
        return -1;
    const char *since = ncol > 2 ? col[2] : "", *former = ncol > 3 ? col[3] : "";
    if (!*col[0] || ncol < 2 || !*col[1]) {
        vp_errorf(errbuf, errlen, "%s:%zu: a place needs a name and a municipality", path, lineno);
        return -1;
    }
    const vp_municipality *m = vp_gazetteer_lookup(g, col[1]);
    if (!m || m->ended) {
        vp_errorf(errbuf, errlen, "%s:%zu: '%s' is no current municipality of the gazetteer",
                  path, lineno, col[1]);
        return -1;
    }
    if (*since && !is_year(since)) {
        vp_errorf(errbuf, errlen, "%s:%zu: since '%s' is not a 4-digit year", path, lineno, since);
        return -1;
    }
    const vp_municipality *f = *former ? vp_gazetteer_lookup(g, former) : NULL;
    if (*former && !f) {
        vp_errorf(errbuf, errlen, "%s:%zu: former '%s' is not in the gazetteer", path, lineno,
                  former);
        return -1;
    }
    if (f && !*since) {
        vp_errorf(errbuf, errlen, "%s:%zu: '%s' names a former municipality but no year since",
                  path, lineno, col[0]);
        return -1;
    }
    /* shared: the homonyms tell */
    static const char *const FLAGS[] = {"ambiguous", "shared", NULL};
    unsigned flags = 0;
    if (ncol > 4 && parse_flags(col[4], FLAGS, &flags, path, lineno, errbuf, errlen))
        return -1;
    VP_GROW(g->pl, g->pcap, g->np + 1);
    size_t idx = g->np;
    struct place *pl = &g->pl[idx];
    *pl = (struct place){
        .p = {.name = vp_xstrdup(col[0]), .municipality = m,
              .since = *since ? atoi(since) : 0, .former = f, .ambiguous = flags & 1u},
        .homonym = NONE,
    };
    g->np++;
    add_place_keys(g, col[0], idx);
    return 0;
}

int vp_gazetteer_load_places(vp_gazetteer *g, const char *path, char *errbuf, size_t errlen)
{
    if (!g) {
        vp_errorf(errbuf, errlen, "%s: no gazetteer to add places to", path);
        return -1;
    }
    if (g->np) {
        vp_errorf(errbuf, errlen, "%s: the gazetteer has its places already", path);
        return -1;
    }
    if (vp_datafile_each_line(path, parse_place, g, errbuf, errlen) != 0) {
        /* take the places out of the table again */
        for (size_t i = 0; i < g->tcap; i++)
            if (g->tab[i].key && (g->tab[i].idx & PLACE_BIT)) {
                free(g->tab[i].key);
                g->tab[i].key = NULL;
                g->tcount--;
            }
        free_places(g);
        tab_rehash(g);
        return -1;
    }
    for (size_t i = 0; i < g->np; i++)
        g->pl[i].p.homonym = g->pl[i].homonym == NONE ? NULL : &g->pl[g->pl[i].homonym].p;
    if (g->max_words > SCAN_MAX_WORDS)
        g->max_words = SCAN_MAX_WORDS;
    return 0;
}

size_t vp_gazetteer_place_count(const vp_gazetteer *g)
{
    return g ? g->np : 0;
}

const vp_place *vp_gazetteer_lookup_place(const vp_gazetteer *g, const char *name)
{
    if (!g || !name || !g->np)
        return NULL;
    char *k = vp_fold_key(name);
    size_t klen = strlen(k);
    struct slot *s = tab_find(g, k, klen, hash_bytes(k, klen));
    free(k);
    return s && s->key && (s->idx & PLACE_BIT) ? &g->pl[s->idx & ~PLACE_BIT].p : NULL;
}

const vp_municipality *vp_gazetteer_in_year(const vp_gazetteer *g, const vp_municipality *m,
                                            int year)
{
    size_t i = index_of(g, m);
    if (i == NONE || year == 0)
        return m;
    while (g->e[i].m.ended && year >= g->e[i].m.ended && g->e[i].succ != NONE)
        i = g->e[i].succ;
    return &g->e[i].m;
}

const vp_municipality *vp_place_in_year(const vp_gazetteer *g, const vp_place *p, int year)
{
    if (!p)
        return NULL;
    if (year == 0 || !p->since || year >= p->since)
        return p->municipality;
    return p->former ? vp_gazetteer_in_year(g, p->former, year) : NULL;
}

/* ---- queries ------------------------------------------------------------ */

size_t vp_gazetteer_count(const vp_gazetteer *g)
{
    return g ? g->n : 0;
}

const vp_municipality *vp_gazetteer_at(const vp_gazetteer *g, size_t i)
{
    return g && i < g->n ? &g->e[i].m : NULL;
}

/* The index of m in g, NONE when m is not one of g's. */
static size_t index_of(const vp_gazetteer *g, const vp_municipality *m)
{
    uintptr_t base, p;
    if (!g || !m || g->n == 0)
        return NONE;
    base = (uintptr_t)g->e;
    p = (uintptr_t)m;
    if (p < base || p >= base + g->n * sizeof *g->e || (p - base) % sizeof *g->e)
        return NONE;
    return (size_t)((p - base) / sizeof *g->e);
}

const vp_municipality *vp_gazetteer_lookup(const vp_gazetteer *g, const char *name)
{
    char *k;
    struct slot *s;
    if (!g || !name)
        return NULL;
    k = vp_fold_key(name);
    size_t klen = strlen(k);
    s = tab_find(g, k, klen, hash_bytes(k, klen));
    free(k);
    return s && s->key && !(s->idx & PLACE_BIT) ? &g->e[s->idx].m : NULL;
}

const vp_municipality *vp_gazetteer_final_successor(const vp_gazetteer *g,
                                                    const vp_municipality *m)
{
    size_t i = index_of(g, m);
    if (i == NONE || g->e[i].final == NONE)
        return NULL;
    return &g->e[g->e[i].final].m;
}

size_t vp_gazetteer_predecessors(const vp_gazetteer *g, const vp_municipality *m,
                                 const vp_municipality **out, size_t max)
{
    size_t target = index_of(g, m), count = 0;
    if (target == NONE)
        return 0;
    for (size_t i = 0; i < g->n; i++) {
        for (size_t j = g->e[i].succ; j != NONE; j = g->e[j].succ) {
            if (j == target) {
                if (count < max)
                    out[count] = &g->e[i].m;
                count++;
                break;
            }
        }
    }
    return count;
}

/* ---- scanning ----------------------------------------------------------- */

#define RING 8   /* > SCAN_MAX_WORDS */

static void scan(const vp_gazetteer *g, const char *text, size_t len, vp_gaz_fn fn,
                 void *ctx, bool places)
{
    word ring[RING];
    char key[SCAN_MAX_WORDS * (WORD_MAX + 1)];
    size_t klens[SCAN_MAX_WORDS];
    size_t cur = 0, have = 0, pos = 0, maxw;
    bool eof = false;

    if (!g || !text || !fn || g->max_words == 0 || g->tcount == 0)
        return;
    maxw = g->max_words;
    for (;;) {
        /* buffer words cur .. cur+maxw-1 */
        while (have < maxw && !eof) {
            bool gap_ok;
            word *w = &ring[(cur + have) % RING];
            if (!next_word(text, len, &pos, w, &gap_ok)) {
                eof = true;
                break;
            }
            if (have > 0)
                ring[(cur + have - 1) % RING].join_next = gap_ok;
            have++;
        }
        if (have == 0)
            return;

        /* the longest key that the joins allow, built once; shorter
         * candidates are its prefixes */
        size_t n = 0, klen = 0;
        bool prev_apos_s = false;
        while (n < have) {
            const word *w = &ring[(cur + n) % RING];
            if (!key_append(key, sizeof key, &klen, w, n > 0 && !prev_apos_s)
                || klen > g->max_key_len)
                break;
            klens[n++] = klen;
            prev_apos_s = w->apos_s;
            if (!w->join_next)
                break;
        }
        size_t matched = 0;
        const struct slot *hit = NULL;
        for (size_t k = n; k > 0; k--) {
            const struct slot *s = tab_find(g, key, klens[k - 1],
                                            hash_bytes(key, klens[k - 1]));
            if (s && s->key && (places || !(s->idx & PLACE_BIT))) {
                matched = k;
                hit = s;
                break;
            }
        }
        if (matched) {
            const word *first = &ring[cur % RING], *last = &ring[(cur + matched - 1) % RING];
            vp_gaz_match m;
            m.start = first->start + (first->clitic ? 0 : first->lead_apos);
            m.end = last->end;
            bool is_place = hit->idx & PLACE_BIT;
            m.m = is_place ? NULL : &g->e[hit->idx].m;
            m.place = is_place ? &g->pl[hit->idx & ~PLACE_BIT].p : NULL;
            if (!fn(&m, ctx))
                return;
            cur += matched;
            have -= matched;
        } else {
            cur++;
            have--;
        }
    }
}

void vp_gazetteer_scan(const vp_gazetteer *g, const char *text, size_t len,
                       vp_gaz_fn fn, void *ctx)
{
    scan(g, text, len, fn, ctx, false);
}

void vp_gazetteer_scan_places(const vp_gazetteer *g, const char *text, size_t len,
                              vp_gaz_fn fn, void *ctx)
{
    scan(g, text, len, fn, ctx, true);
}
