/*
 * person_name.c: the one person-name model (see person_name.h).
 *
 * A name is cut at spaces into words; a lone hyphen between words glues
 * them ("Smulders - de Wit" is "Smulders-de Wit").  The surname starts at
 * the first particle or regional prefix after the given names, at a word
 * that ends in "-<particle>" ("Nowak-de Jong"), or else at the last word.
 */
#include "person_name.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "extract_text.h"
#include "mem.h"
#include "strset.h"
#include "text.h"

#define MAX_WORDS 16

bool vp_person_is_particle(const char *s, size_t n)
{
    static const char *const particles[] = {
        "van", "de", "der", "den", "ter", "ten", "te", "'t", "in", "op",
        "el", "la", "le", "du", "da", "di", "del", "della", "dos", "von",
        "vom", "zu", "het", "d'", "'s", NULL,
    };
    if (n == 4 && memcmp(s, "\xE2\x80\x99t", 4) == 0)
        return true;   /* ’t */
    for (size_t i = 0; particles[i]; i++)
        if (vp_ex_eq(s, n, particles[i]))
            return true;
    return false;
}

bool vp_person_is_prefix(const char *s, size_t n)
{
    static const char *const prefixes[] = {
        "oude", "olde", "groot", "klein", "te", "ter", "ten", NULL,
    };
    for (size_t i = 0; prefixes[i]; i++)
        if (vp_ex_eq(s, n, prefixes[i]))
            return true;
    return false;
}

/* "J." "J.P." "Th." "J.-P.": groups of an upper-case letter, maybe one
 * lower-case letter, and a dot. */
static bool is_initials(const char *w)
{
    size_t i = 0, groups = 0;
    while (w[i]) {
        if (!(w[i] >= 'A' && w[i] <= 'Z') && !(groups == 0 && w[i] >= 'a' && w[i] <= 'z'))
            return false;
        i++;
        if (w[i] >= 'a' && w[i] <= 'z')
            i++;
        if (w[i] != '.')
            return false;
        i++;
        groups++;
        if (w[i] == '-')
            i++;
    }
    return groups > 0;
}

/* The part of w after its last hyphen is a particle: "Nowak-de". */
static bool ends_in_particle(const char *w)
{
    const char *h = strrchr(w, '-');
    return h && h > w && h[1] && vp_person_is_particle(h + 1, strlen(h + 1));
}

static bool is_upper_word(const char *w)
{
    size_t n = strlen(w);
    return n > 0 && vp_ex_is_upper(w, n);
}

/* Cuts a copy of name into words; lone hyphens and dashes glue their
 * neighbours, "J. P." becomes one initials word "J.P.".  Returns the count. */
static size_t split_words(char *copy, char **w)
{
    size_t n = 0;
    for (char *save = NULL, *t = strtok_r(copy, " \t\r\n", &save); t && n < MAX_WORDS;
         t = strtok_r(NULL, " \t\r\n", &save)) {
        bool dash = strcmp(t, "-") == 0 || strcmp(t, "\xE2\x80\x93") == 0 ||
                    strcmp(t, "\xE2\x80\x94") == 0;
        if (dash) {
            if (n > 0)
                w[n++] = "-";
            continue;
        }
        w[n++] = t;
    }
    while (n > 0 && strcmp(w[n - 1], "-") == 0)
        n--;
    return n;
}

/* The words glued back: "-" joins without spaces, initials "J." "P." join
 * into "J.P.".  Never NULL. */
static char *join(char *const *w, size_t from, size_t to)
{
    vp_buf out = VP_BUF_INIT;
    bool glue = false;
    for (size_t i = from; i < to; i++) {
        if (strcmp(w[i], "-") == 0) {
            vp_buf_putc(&out, '-');
            glue = true;
            continue;
        }
        bool sep = !glue && !(i > from && is_initials(w[i - 1]) && is_initials(w[i]));
        if (sep && out.len > 0)
            vp_buf_putc(&out, ' ');
        vp_buf_puts(&out, w[i]);
        glue = false;
    }
    return vp_buf_detach(&out);
}

/* vp_fold, which fails only for want of memory. */
static char *fold(const char *s)
{
    char *f = vp_fold(s);
    return f;
}

/* Folded given names: words split at hyphens, initials as "j." groups.
 * Never NULL. */
static char *fold_given(char *const *w, size_t n, size_t *count)
{
    vp_buf out = VP_BUF_INIT;
    *count = 0;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(w[i], "-") == 0)
            continue;
        char *f = fold(w[i]);
        bool initials = is_initials(w[i]);
        for (char *part = f; *part;) {
            size_t k = initials ? strcspn(part, ".") + 1 : strcspn(part, "-");
            if (initials && part[k - 1] != '.')
                k--;
            if (k > 0) {
                if (out.len > 0)
                    vp_buf_putc(&out, ' ');
                vp_buf_append(&out, part, k);
                (*count)++;
            }
            part += k;
            while (*part == '-')
                part++;
        }
        free(f);
    }
    return vp_buf_detach(&out);
}

/* The Dutch particles, whose case follows the given name before them;
 * foreign ones ("El", "Da", "von") keep the case the writer gave them. */
static bool is_dutch_particle(const char *s, size_t n)
{
    static const char *const dutch[] = {
        "van", "de", "der", "den", "het", "'t", "in", "op", "te", "ter", "ten", NULL,
    };
    if (n == 4 && memcmp(s, "\xE2\x80\x99t", 4) == 0)
        return true;
    for (size_t i = 0; dutch[i]; i++)
        if (vp_ex_eq(s, n, dutch[i]))
            return true;
    return false;
}

/* Dutch particles in lower case after a given name; the first one
 * capitalised when the surname stands alone ("Van der Berg"). */
static void case_particles(char **w, size_t from, size_t to, bool has_given)
{
    for (size_t i = from; i < to; i++) {
        size_t n = strlen(w[i]);
        if (!vp_person_is_particle(w[i], n))
            break;
        if (!is_dutch_particle(w[i], n))
            continue;
        for (char *c = w[i]; *c; c++)
            if (*c >= 'A' && *c <= 'Z')
                *c = (char)(*c - 'A' + 'a');
        if (i == from && !has_given && w[i][0] >= 'a' && w[i][0] <= 'z')
            w[i][0] = (char)(w[i][0] - 'a' + 'A');
    }
}

/* Where the surname starts among w[0..n). */
static size_t surname_start(char *const *w, size_t n)
{
    if (n == 1)
        return 0;
    for (size_t i = 0; i + 1 < n; i++) {
        size_t len = strlen(w[i]);
        if (strcmp(w[i], "-") == 0 || is_initials(w[i]))
            continue;
        if (vp_person_is_particle(w[i], len) || ends_in_particle(w[i]))
            return i;
        if (vp_person_is_prefix(w[i], len) && is_upper_word(w[i + 1]))
            return i;
        if (i + 1 < n && strcmp(w[i + 1], "-") == 0)
            return i;   /* "Smulders - de Wit": a double surname */
    }
    return n - 1;
}

void vp_person_name_clear(vp_person_name *p)
{
    free(p->display);
    free(p->given);
    free(p->surname);
    free(p->core);
    free(p->folded);
    memset(p, 0, sizeof *p);
}

bool vp_person_name_parse(const char *name, vp_person_name *out)
{
    memset(out, 0, sizeof *out);
    if (!name)
        return false;
    char *copy = vp_xstrdup(name);
    char *w[MAX_WORDS];
    size_t n = split_words(copy, w);
    /* trailing commas and full stops are not part of the name */
    while (n > 0) {
        size_t l = strlen(w[n - 1]);
        if (l > 0 && (w[n - 1][l - 1] == ',' || w[n - 1][l - 1] == ';') ) {
            w[n - 1][l - 1] = '\0';
            if (l == 1) {
                n--;
                continue;
            }
        }
        break;
    }
    if (n == 0 || is_initials(w[n - 1])) {
        free(copy);
        return false;
    }
    size_t s = surname_start(w, n);
    size_t core = s;
    while (core + 1 < n && (vp_person_is_particle(w[core], strlen(w[core])) ||
                            strcmp(w[core], "-") == 0))
        core++;
    case_particles(w, s, n, s > 0);
    char *surname = join(w, s, n);
    char *core_text = join(w, core, n);
    out->display = join(w, 0, n);
    out->given = fold_given(w, s, &out->n_given);
    out->surname = fold(surname);
    out->core = fold(core_text);
    out->folded = fold(out->display);
    free(surname);
    free(core_text);
    bool initials = false;
    for (size_t i = 0; i < s; i++)
        initials = initials || is_initials(w[i]);
    out->form = out->n_given == 0 ? VP_PERSON_SURNAME
                : initials        ? VP_PERSON_INITIALS
                                  : VP_PERSON_FULL;
    free(copy);
    if (!out->core[0]) {
        vp_person_name_clear(out);
        return false;
    }
    return true;
}

char *vp_person_name_normalise(const char *name)
{
    vp_person_name p;
    if (!vp_person_name_parse(name, &p))
        return NULL;
    char *display = p.display;
    p.display = NULL;
    vp_person_name_clear(&p);
    return display;
}

static bool surnames_agree(const vp_person_name *a, const vp_person_name *b)
{
    if (strcmp(a->surname, b->surname) == 0)
        return true;
    bool a_bare = strcmp(a->surname, a->core) == 0;
    bool b_bare = strcmp(b->surname, b->core) == 0;
    return a_bare != b_bare && strcmp(a->core, b->core) == 0;
}

/* The next given name in *s (advanced past it): its length, 0 at the end. */
static size_t next_given(const char **s, const char **start)
{
    while (**s == ' ')
        (*s)++;
    *start = *s;
    size_t n = strcspn(*s, " ");
    *s += n;
    return n;
}

static bool givens_agree(const vp_person_name *a, const vp_person_name *b)
{
    if (a->n_given == 0 || b->n_given == 0)
        return true;
    const char *pa = a->given, *pb = b->given, *x, *y;
    size_t nx, ny;
    bool a_initials = false, b_initials = false;
    while ((nx = next_given(&pa, &x)) && (ny = next_given(&pb, &y))) {
        bool ix = x[nx - 1] == '.', iy = y[ny - 1] == '.';
        a_initials = a_initials || ix;
        b_initials = b_initials || iy;
        size_t kx = ix ? nx - 1 : nx, ky = iy ? ny - 1 : ny;
        if (ix || iy) {
            size_t k = kx < ky ? kx : ky;
            if (memcmp(x, y, k) != 0 || (ix && kx > ky) || (iy && ky > kx))
                return false;
        } else if (kx != ky || memcmp(x, y, kx) != 0) {
            return false;
        }
    }
    /* initials beyond the other's given names: "J.P." is not "Jan" */
    if (a->n_given > b->n_given && a->form == VP_PERSON_INITIALS)
        return false;
    if (b->n_given > a->n_given && b->form == VP_PERSON_INITIALS)
        return false;
    return true;
}

/* The folded name a, two words or more, is b without its first word. */
static bool ends_name(const vp_person_name *a, const vp_person_name *b)
{
    size_t la = strlen(a->folded), lb = strlen(b->folded);
    return la < lb && strchr(a->folded, ' ') && b->folded[lb - la - 1] == ' ' &&
           strcmp(b->folded + lb - la, a->folded) == 0 &&
           memchr(b->folded, ' ', lb - la - 1) == NULL;
}

bool vp_person_name_may_be(const vp_person_name *a, const vp_person_name *b)
{
    if (a->form == VP_PERSON_FULL && b->form == VP_PERSON_FULL &&
        (ends_name(a, b) || ends_name(b, a)))
        return true;
    return surnames_agree(a, b) && givens_agree(a, b);
}

static int form_rank(vp_person_form f)
{
    return f == VP_PERSON_FULL ? 2 : f == VP_PERSON_INITIALS ? 1 : 0;
}

bool vp_person_name_fuller(const vp_person_name *b, const vp_person_name *a)
{
    if (form_rank(b->form) != form_rank(a->form))
        return form_rank(b->form) > form_rank(a->form);
    if (b->n_given != a->n_given)
        return b->n_given > a->n_given;
    if (strlen(b->surname) != strlen(a->surname))
        return strlen(b->surname) > strlen(a->surname);
    return strlen(b->display) > strlen(a->display);
}

/* ---- names filed by key ---- */

/* The first part of the surname, cut at spaces and hyphens, that is no
 * particle: "wal" for "van der Wal" and "van der Wal-Bosch", "vries" for
 * "de Vries", "smulders" for "Smulders-de Wit".  Two names that may be one
 * person share it: equal surnames do; a surname and the core of another
 * differ only by particles in front; a name that ends another one has the
 * same surname. */
/* The key of the folded surname s (see vp_person_name_key). */
static const char *surname_key(const char *s, size_t *len)
{
    for (;;) {
        size_t n = strcspn(s, " -");
        if ((n > 0 && !vp_person_is_particle(s, n)) || !s[n]) {
            *len = n;   /* a surname of particles only keys on its last */
            return s;
        }
        s += n + 1;
    }
}

const char *vp_person_name_key(const vp_person_name *p, size_t *len)
{
    return surname_key(p->surname, len);
}

/* The part of the folded surname s[0..n) holds a word that is no particle. */
static bool has_name_word(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t w = strcspn(s + i, " ");
        if (w > n - i)
            w = n - i;
        if (w > 0 && !vp_person_is_particle(s + i, w))
            return true;
        i += w + 1;
    }
    return false;
}

/* Where the second part of p's double surname starts ("bosch" in "van der
 * wal-bosch", "de wit" in "smulders-de wit"), or NULL: one hyphen between
 * two parts that each hold a word that is no particle. */
static const char *second_part(const vp_person_name *p)
{
    const char *h = strchr(p->surname, '-');
    if (!h || strchr(h + 1, '-') || !has_name_word(p->surname, (size_t)(h - p->surname)) ||
        !has_name_word(h + 1, strlen(h + 1)))
        return NULL;
    return h + 1;
}

const char *vp_person_name_second_key(const vp_person_name *p, size_t *len)
{
    const char *second = second_part(p);
    return second ? surname_key(second, len) : NULL;
}

bool vp_person_name_part_of(const vp_person_name *b, const vp_person_name *a)
{
    const char *second = b->form == VP_PERSON_FULL ? second_part(b) : NULL;
    if (!second)
        return false;
    size_t first_len = (size_t)(second - 1 - b->surname), n = strlen(a->surname);
    return (n == first_len && memcmp(a->surname, b->surname, n) == 0) ||
           strcmp(a->surname, second) == 0;
}

bool vp_person_name_double_of(const vp_person_name *b, const vp_person_name *a)
{
    return a->n_given > 0 && vp_person_name_part_of(b, a) && givens_agree(a, b);
}

/* The items of one key: a chain through next, in the order filed. */
typedef struct chain {
    size_t first, last;
} chain;

struct vp_person_index {
    vp_strset *keys;
    chain *chains;          /* by key id */
    size_t cap_chains;
    size_t *next;           /* by item: the next one with its key */
    size_t n_items, cap_items;
};

vp_person_index *vp_person_index_new(void)
{
    vp_person_index *ix = vp_xmalloc(sizeof *ix);
    *ix = (vp_person_index){.keys = vp_strset_new()};
    return ix;
}

void vp_person_index_free(vp_person_index *ix)
{
    if (ix) {
        vp_strset_free(ix->keys);
        free(ix->chains);
        free(ix->next);
        free(ix);
    }
}

void vp_person_index_add(vp_person_index *ix, const char *key, size_t len, size_t item)
{
    VP_GROW(ix->next, ix->cap_items, item + 1);
    while (ix->n_items <= item)
        ix->next[ix->n_items++] = VP_PERSON_NONE;
    bool added;
    size_t id = vp_strset_add(ix->keys, key, len, &added);
    VP_GROW(ix->chains, ix->cap_chains, id + 1);
    if (added)
        ix->chains[id].first = item;
    else
        ix->next[ix->chains[id].last] = item;
    ix->chains[id].last = item;
}

void vp_person_index_add_name(vp_person_index *ix, const vp_person_name *p, size_t item)
{
    size_t len;
    const char *key = vp_person_name_key(p, &len);
    vp_person_index_add(ix, key, len, item);
}

size_t vp_person_index_first(const vp_person_index *ix, const char *key, size_t len)
{
    size_t id = vp_strset_find(ix->keys, key, len);
    return id == VP_STRSET_NONE ? VP_PERSON_NONE : ix->chains[id].first;
}

size_t vp_person_index_first_name(const vp_person_index *ix, const vp_person_name *p)
{
    size_t len;
    const char *key = vp_person_name_key(p, &len);
    return vp_person_index_first(ix, key, len);
}

size_t vp_person_index_next(const vp_person_index *ix, size_t item)
{
    return ix->next[item];
}

/* ---- a span of running text ---- */

/* Words that stand before names without being given names. */
static bool is_function_word(const char *f)
{
    static const char *const words[] = {
        "de", "het", "een", "in", "uit", "van", "te", "naar", "bij", "op",
        "voor", "met", "door", "om", "rond", "en", "of", "als", "zoals",
        "over", "tussen", "na", "ook", "dat", "die", "zowel", "maar",
        "want", "dus", "tot", "via", "namens", "vanuit", "richting", "the",
        "in", "of", "from", "to", "at", "and", "for", "with", "by", "near",
        "around", "between", "on", "a", "an", "as", "both", "also", "than",
        "this", "these", "our", "their", "his", "her", "its", "dit", "deze",
        "onze", "hun", "zijn", "haar", "welkom", "welcome", NULL,
    };
    for (size_t i = 0; words[i]; i++)
        if (strcmp(f, words[i]) == 0)
            return true;
    return false;
}

static bool is_honorific(const char *f)
{
    static const char *const words[] = {
        "dhr", "dhr.", "mevr", "mevr.", "mw", "mw.", "mevrouw", "heer",
        "dr", "dr.", "drs", "drs.", "prof", "prof.", "ir", "ir.", "ing",
        "ing.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mister", "madam",
        "sir", NULL,
    };
    for (size_t i = 0; words[i]; i++)
        if (strcmp(f, words[i]) == 0)
            return true;
    return false;
}

/* The word before pos: [*ws, *we), dots included ("J.P.", "dhr."). */
static bool word_before(const char *t, size_t pos, size_t *ws, size_t *we)
{
    size_t i = pos;
    while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\t'))
        i--;
    size_t end = i;
    while (i > 0) {
        unsigned char c = (unsigned char)t[i - 1];
        if (c == ' ' || c == '\t' || c == '\n' || c == '(' || c == ',' ||
            c == ':' || c == ';' || c == '"' || c == '[' || c == '*' || c == '|')
            break;
        i--;
    }
    if (i == end)
        return false;
    *ws = i;
    *we = end;
    return true;
}

static bool at_sentence_start(const char *t, size_t pos)
{
    size_t i = pos;
    while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\t' || t[i - 1] == '*'))
        i--;
    return i == 0 || t[i - 1] == '.' || t[i - 1] == '!' || t[i - 1] == '?' ||
           t[i - 1] == ':' || t[i - 1] == '\n' || t[i - 1] == '"' ||
           t[i - 1] == '|' || t[i - 1] == '[' || t[i - 1] == '(';
}

/* A capitalised word that could be a given name. */
static bool could_be_given(const char *t, size_t ws, size_t we,
                           vp_person_word_fn not_given, void *ctx)
{
    size_t n = we - ws;
    if (n < 2 || !vp_ex_is_upper(t + ws, n))
        return false;
    bool lower = false;
    for (size_t i = ws; i < we; i += vp_ex_charlen(t + i, we - i)) {
        if (t[i] >= '0' && t[i] <= '9')
            return false;
        lower = lower || vp_ex_is_lower(t + i, we - i);
        if (t[i] == '.')
            return false;
    }
    if (!lower)
        return false;   /* an acronym or a heading in capitals */
    char *w = vp_xstrndup(t + ws, n);
    char *f = fold(w);
    bool ok = !is_function_word(f) && !(not_given && not_given(f, ctx));
    free(w);
    free(f);
    return ok;
}

static bool is_initials_at(const char *t, size_t ws, size_t we)
{
    char *w = vp_xstrndup(t + ws, we - ws);
    bool is = is_initials(w);
    free(w);
    return is;
}

static bool is_honorific_at(const char *t, size_t ws, size_t we)
{
    char *w = vp_xstrndup(t + ws, we - ws);
    char *f = fold(w);
    bool is = is_honorific(f);
    free(w);
    free(f);
    return is;
}

bool vp_person_name_at(const char *t, size_t len, size_t start, size_t end,
                       unsigned flags, vp_person_word_fn not_given, void *ctx)
{
    (void)len;
    (void)end;
    size_t ws, we;
    if (!word_before(t, start, &ws, &we))
        return false;
    /* particles right before: "van", "van der", "in 't" */
    size_t particles = 0, pws = ws, pwe = we;
    bool capitalised = false;
    while (vp_person_is_particle(t + ws, we - ws) && particles < 4) {
        particles++;
        capitalised = vp_ex_is_upper(t + ws, we - ws);
        pws = ws;
        pwe = we;
        if (!word_before(t, ws, &ws, &we))
            return capitalised && !at_sentence_start(t, pws);
    }
    if (particles) {
        if (capitalised)   /* "zei Van Gorinchem": a surname on its own */
            return !at_sentence_start(t, pws);
        /* "in" and "op" open a surname only before another particle ("in
         * 't Veld"): "Marieke in Ede" is a place */
        if (particles == 1 && (vp_ex_eq(t + pws, pwe - pws, "in") ||
                               vp_ex_eq(t + pws, pwe - pws, "op")))
            return false;
        return is_initials_at(t, ws, we) || is_honorific_at(t, ws, we) ||
               could_be_given(t, ws, we, not_given, ctx);
    }
    if (is_initials_at(t, ws, we) || is_honorific_at(t, ws, we))
        return true;
    if (!(flags & VP_PERSON_BARE_GIVEN) || at_sentence_start(t, ws))
        return false;
    return we + 1 == start && t[we] == ' ' &&
           could_be_given(t, ws, we, not_given, ctx);
}
