/* expand.c: see expand.h.
 *
 * Reads top to bottom: the query cut into tokens (words and quoted
 * phrases); the lexicon (synonyms, whether a term is indexed); one word;
 * one phrase; the groups, with their units of the relaxed query; the
 * themes a query names; the three queries.  A function that builds a
 * query returns a new one, or NULL with err set when Xapian failed (a few
 * say when NULL with err clear means "nothing to match").  Out of memory
 * aborts (mem.h).
 */
#include "expand.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "compound_split.h"
#include "inflect.h"
#include "mem.h"
#include "schema.h"
#include "strvec.h"
#include "terms.h"
#include "text.h"

/* ---- stopwords --------------------------------------------------------------
 * The function words of Dutch and English questions, and the light verbs
 * that frame them (houden, maken, krijgen; keep, make, get), folded and
 * sorted (strcmp: bsearch).  Compiled in rather than read from data/: they
 * are part of the query language, like the operator words, not of the
 * domain. */
static const char *const stopwords[] = {
    "a", "aan", "about", "across", "after", "against", "al", "all", "alle", "alles",
    "als", "also", "among", "an", "and", "any", "are", "as", "at", "be", "been",
    "before", "ben", "bent", "besproken", "between", "bij", "but", "by", "came", "can",
    "come", "comes", "could", "daar", "daarbij", "daarin", "daarmee", "daarover", "dan",
    "dat", "de", "deden", "deed", "deze", "did", "die", "discuss", "discussed", "dit",
    "do", "doen", "does", "done", "door", "during", "each", "een", "en", "er", "erover",
    "every", "for", "from", "gaan", "gaat", "gaf", "gave", "gedaan", "geeft", "geen",
    "gegaan", "gegeven", "gehad", "gehouden", "gekomen", "gekregen", "gemaakt",
    "genomen", "gesproken", "gestaan", "get", "gets", "geven", "geweest", "gezegd",
    "gezien", "ging", "gingen", "give", "gives", "go", "goes", "got", "haar", "had",
    "hadden", "has", "have", "he", "heb", "hebben", "heeft", "hem", "hen", "her",
    "here", "het", "hield", "hielden", "hier", "hij", "him", "his", "hoe", "houden",
    "houdt", "how", "hun", "i", "iemand", "iets", "ik", "in", "into", "is", "it", "its",
    "je", "jullie", "just", "kan", "keep", "keeps", "kept", "komen", "komt", "kon",
    "konden", "kreeg", "krijgen", "krijgt", "kunnen", "kunt", "kwam", "kwamen", "laat",
    "laten", "liet", "maakt", "maakte", "maar", "made", "mag", "make", "maken", "makes",
    "may", "me", "men", "met", "might", "mij", "mijn", "moet", "moeten", "mogen",
    "more", "most", "must", "my", "na", "naar", "nam", "neemt", "nemen", "niet", "no",
    "nog", "not", "nu", "of", "om", "on", "only", "ons", "onze", "ook", "op", "or",
    "other", "our", "over", "said", "say", "says", "shall", "she", "should", "so",
    "some", "spoke", "sprak", "spraken", "staan", "staat", "stond", "such", "take",
    "takes", "talk", "talked", "than", "that", "the", "their", "them", "then", "there",
    "these", "they", "this", "those", "through", "to", "told", "took", "tot", "u",
    "uit", "under", "us", "van", "vanuit", "verteld", "vertelde", "vertelden", "very",
    "voor", "waar", "waarbij", "waarin", "waarom", "waarover", "wanneer", "want",
    "wants", "was", "wat", "we", "wel", "welk", "welke", "went", "werd", "werden",
    "were", "what", "when", "where", "which", "who", "whom", "why", "wie", "wij", "wil",
    "wilde", "will", "willen", "with", "within", "without", "word", "worden", "wordt",
    "would", "you", "zag", "zal", "ze", "zei", "zeiden", "zich", "zie", "zien", "ziet",
    "zij", "zijn", "zo", "zou", "zouden", "zullen",
};

static int cmp_word(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

bool vp_expand_is_stopword(const char *folded)
{
    return bsearch(&folded, stopwords, sizeof stopwords / sizeof *stopwords,
                   sizeof *stopwords, cmp_word) != NULL;
}

/* ---- tokens ------------------------------------------------------------------ */

typedef struct token {
    char *typed;     /* as typed (a phrase: what is between the quotes) */
    char *folded;    /* folded, surrounding punctuation removed */
    bool phrase;
} token;

typedef struct tokens {
    token items[VP_EXPAND_MAX_WORDS];
    size_t len;
} tokens;

static void tokens_clear(tokens *t)
{
    for (size_t i = 0; i < t->len; i++) {
        free(t->items[i].typed);
        free(t->items[i].folded);
    }
    t->len = 0;
}

static bool is_operator(const char *t, size_t len)
{
    static const char *const ops[] = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
    for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
        if (strlen(ops[i]) == len && memcmp(t, ops[i], len) == 0)
            return true;
    return false;
}

static char *fold_word(const char *t)
{
    char *f = vp_fold(t);
    size_t start = strspn(f, ",.;:!?'");
    size_t len = strlen(f + start);
    while (len > 0 && strchr(",.;:!?'", f[start + len - 1]))
        len--;
    memmove(f, f + start, len);
    f[len] = '\0';
    return f;
}

/* Adds s[0..len) unless nothing is left of it once folded ("?"); false
 * when there is no room for another. */
static bool push_token(tokens *t, const char *s, size_t len, bool phrase)
{
    if (t->len == VP_EXPAND_MAX_WORDS)
        return false;
    token *k = &t->items[t->len];
    k->typed = vp_xstrndup(s, len);
    k->folded = fold_word(k->typed);
    k->phrase = phrase;
    if (!*k->folded) {
        free(k->typed);
        free(k->folded);
        return true;
    }
    t->len++;
    return true;
}

/* Whether q has a field ("thema:wonen"): a colon with a word right after
 * it.  A colon before a space or at the end is punctuation ("bereikbaarheid:
 * files op de snelweg"), as it is to Xapian's parser. */
static bool has_field(const char *q)
{
    for (const char *c = strchr(q, ':'); c; c = strchr(c + 1, ':'))
        if (c[1] && !strchr(" \t\r\n", c[1]))
            return true;
    return false;
}

/* Splits q into words and "quoted phrases"; false when q is not plain
 * (operators, fields, wildcards, brackets, +/-, an open quote, more than
 * VP_EXPAND_MAX_WORDS words) or has no word at all. */
static bool plain_tokens(const char *q, tokens *t)
{
    if (strpbrk(q, "()*+~") || has_field(q))
        return false;
    const char *p = q;
    while (*p) {
        p += strspn(p, " \t\r\n");
        if (!*p)
            break;
        bool phrase = *p == '"';
        const char *start = phrase ? p + 1 : p;
        const char *end = phrase ? strchr(start, '"') : start + strcspn(start, " \t\r\n\"");
        if (!end || (!phrase && (*start == '-' || is_operator(start, (size_t)(end - start)))))
            return false;
        if (!push_token(t, start, (size_t)(end - start), phrase))
            return false;
        p = phrase ? end + 1 : end;
    }
    return t->len > 0;
}

/* ---- the lexicon ------------------------------------------------------------- */

/* Whether the index holds term; false after a failed lookup too (err set). */
static bool indexed(const xapc_db *db, const char *term, xapc_error *err)
{
    /* After one failed lookup the rest would fail too, and on a remote
     * shard that stopped answering each would wait out the timeout. */
    if (err->status != XAPC_OK || strlen(term) > VP_MAX_TERM)
        return false;
    return xapc_db_termfreq(db, term, err) > 0;
}

/* The synonyms of key into syns (which it empties first); false when it
 * has none or the lookup failed (err set). */
static bool synonyms_of(const xapc_db *db, const char *key, vp_strvec *syns,
                        xapc_error *err)
{
    vp_strvec_clear(syns);
    if (err->status != XAPC_OK)
        return false;
    xapc_termiter *it = xapc_db_synonyms(db, key, err);
    if (!it)
        return false;
    const char *syn;
    while (xapc_termiter_next(it, &syn, NULL, err))
        vp_strvec_push(syns, syn);
    xapc_termiter_free(it);
    return err->status == XAPC_OK && syns->len > 0;
}

/* ---- lists of queries ---------------------------------------------------------- */

typedef struct qlist {
    xapc_query **items;
    size_t len, cap;
} qlist;

static void qlist_clear(qlist *l)
{
    for (size_t i = 0; i < l->len; i++)
        xapc_query_free(l->items[i]);
    free(l->items);
    memset(l, 0, sizeof *l);
}

/* Takes q; false when q is NULL (a failure already in err, or nothing). */
static bool qlist_take(qlist *l, xapc_query *q)
{
    if (!q)
        return false;
    VP_GROW(l->items, l->cap, l->len + 1);
    l->items[l->len++] = q;
    return true;
}

/* op over the list's queries (the only one when there is one; NULL with err
 * clear when there is none); empties l. */
static xapc_query *qlist_combine(qlist *l, xapc_op op, uint32_t parameter,
                                 xapc_error *err)
{
    xapc_query *out = NULL;
    if (l->len == 1) {
        out = l->items[0];
        l->len = 0;
    } else if (l->len > 1) {
        out = xapc_query_combine(op, (const xapc_query *const *)l->items, l->len,
                                 parameter, err);
    }
    qlist_clear(l);
    return out;
}

/* q AND'ed with a constant weight: a boost of weight for each of q's
 * matches, whatever its text. */
static xapc_query *with_weight(const xapc_query *q, double weight, xapc_error *err)
{
    xapc_query *constant = xapc_query_constant_weight(weight, err);
    const xapc_query *both[2] = {q, constant};
    xapc_query *out = constant ? xapc_query_combine(XAPC_OP_AND, both, 2, 0, err) : NULL;
    xapc_query_free(constant);
    return out;
}

/* ---- one word ------------------------------------------------------------------ */

/* A word or a phrase without Xapian's own synonym lookup: the glossary is
 * applied here, once. */
static xapc_query *parse_plain(const vp_expand_ctx *c, const char *text, xapc_error *err)
{
    unsigned flags = c->flags & ~(unsigned)(XAPC_QP_AUTO_SYNONYMS |
                                            XAPC_QP_AUTO_MULTIWORD_SYNONYMS);
    return xapc_qp_parse(c->qp, text, flags, "", err);
}

typedef struct term_lexicon { const xapc_db *db; xapc_error *err; } term_lexicon;

static bool indexed_word(const char *s, size_t len, void *ctx)
{
    term_lexicon *lex = ctx;
    char term[VP_COMPOUND_MAX_WORD + 1];
    if (len > VP_COMPOUND_MAX_WORD)
        return false;
    memcpy(term, s, len);
    term[len] = '\0';
    return indexed(lex->db, term, lex->err);
}

/* The parts of a rare compound word into parts, or none. */
static void compound_parts(const vp_expand_ctx *c, const char *folded, vp_strvec *parts,
                           xapc_error *err)
{
    size_t len = strlen(folded);
    if (len > VP_COMPOUND_MAX_WORD ||
        xapc_db_termfreq(c->db, folded, err) >= VP_EXPAND_RARE_COMPOUND ||
        err->status != XAPC_OK)
        return;
    term_lexicon lex = {c->db, err};
    vp_span spans[VP_COMPOUND_MAX_PARTS];
    size_t n = vp_compound_split(folded, len, indexed_word, &lex, spans);
    for (size_t i = 0; i < n && err->status == XAPC_OK; i++) {
        /* copied out: parts may touch (winkel|leegstand) */
        char part[VP_COMPOUND_MAX_WORD + 1];
        memcpy(part, folded + spans[i].start, spans[i].len);
        part[spans[i].len] = '\0';
        vp_strvec_push(parts, part);
    }
}

/* A word as typed, or one of the glossary's alternatives for it. */
typedef enum { AS_TYPED, AS_ALTERNATIVE } word_role;

/* A rare compound by its parts: the first part AND_MAYBE the others
 * (samenwerkingsverband finds what speaks of samenwerking). */
static xapc_query *parts_query(const vp_expand_ctx *c, const vp_strvec *parts,
                               xapc_error *err)
{
    qlist l = {0};
    for (size_t i = 0; i < parts->len; i++)
        if (!qlist_take(&l, parse_plain(c, parts->items[i], err))) {
            qlist_clear(&l);
            return NULL;
        }
    return qlist_combine(&l, XAPC_OP_AND_MAYBE, 0, err);
}

/* Adds to l the stems of the word's other forms that the index holds and
 * that its own stem does not already find (sociaal: Zsocial, for sociale). */
static bool inflected_stems(const vp_expand_ctx *c, const char *folded, qlist *l,
                            xapc_error *err)
{
    char *own = xapc_stem_term(c->stem, folded, err);
    if (!own)
        return false;
    vp_strvec forms = VP_STRVEC_INIT, seen = VP_STRVEC_INIT;
    vp_inflect_forms(folded, &forms);
    bool ok = true;
    for (size_t i = 0; ok && i < forms.len; i++) {
        if (!indexed(c->db, forms.items[i], err)) {
            ok = err->status == XAPC_OK;
            continue;
        }
        char *z = xapc_stem_term(c->stem, forms.items[i], err);
        ok = z != NULL;
        if (ok && strcmp(z, own) != 0 && !vp_strvec_contains(&seen, z)) {
            vp_strvec_push(&seen, z);
            ok = qlist_take(l, xapc_query_term(z, 1, 0, err));
        }
        free(z);
    }
    vp_strvec_clear(&seen);
    vp_strvec_clear(&forms);
    free(own);
    return ok;
}

static bool has_upper(const char *s)
{
    for (; *s; s++)
        if (*s >= 'A' && *s <= 'Z')
            return true;
    return false;
}

/* One word: the parser's query (its stem); for a typed word also the
 * stems of its other forms and, for a rare compound, its parts.  The
 * glossary's alternatives are taken as written: it lists their forms, and
 * a glossary word split in parts (samenwerken: samen, werken) would find
 * what it does not mean. */
static xapc_query *word_query(const vp_expand_ctx *c, const char *typed, const char *folded,
                              word_role role, xapc_error *err)
{
    qlist l = {0};
    bool ok = qlist_take(&l, parse_plain(c, typed, err));
    if (role == AS_ALTERNATIVE)
        return ok ? qlist_combine(&l, XAPC_OP_SYNONYM, 0, err) : NULL;
    /* A capitalised word is a name to the parser (STEM_SOME): as typed. */
    if (ok && !has_upper(typed))
        ok = inflected_stems(c, folded, &l, err);
    vp_strvec parts = VP_STRVEC_INIT;
    if (ok)
        compound_parts(c, folded, &parts, err);
    ok = ok && err->status == XAPC_OK;
    if (ok && parts.len > 0)
        ok = qlist_take(&l, parts_query(c, &parts, err));
    vp_strvec_clear(&parts);
    if (!ok) {
        qlist_clear(&l);
        return NULL;
    }
    return qlist_combine(&l, XAPC_OP_SYNONYM, 0, err);
}

/* ---- one phrase ------------------------------------------------------------------ */

/* Letters only (accented ones too): a word the term generator keeps whole. */
static bool simple_word(const char *w)
{
    for (const unsigned char *p = (const unsigned char *)w; *p; p++)
        if (!(*p >= 0x80 || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
            return false;
    return *w != '\0';
}

/* ASCII letters lowered, everything else kept: a word as the term
 * generator indexes it (accents and all).  Caller frees. */
static char *lowered(const char *s)
{
    char *out = vp_xstrdup(s);
    for (char *p = out; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    return out;
}

/* One position of a phrase: the word as written, folded, and its other
 * forms, each if the index holds it, OR'ed (the only operator Xapian
 * allows inside a phrase).  NULL with err clear when the index holds none:
 * the phrase cannot match. */
static xapc_query *phrase_word(const vp_expand_ctx *c, const char *word, uint32_t pos,
                               xapc_error *err)
{
    char *low = lowered(word), *folded = vp_fold(low);
    vp_strvec forms = VP_STRVEC_INIT;
    vp_strvec_push(&forms, low);
    if (strcmp(folded, low) != 0)
        vp_strvec_push(&forms, folded);
    vp_inflect_forms(folded, &forms);
    qlist l = {0};
    bool ok = true;
    for (size_t i = 0; ok && i < forms.len; i++)
        if (indexed(c->db, forms.items[i], err))
            ok = qlist_take(&l, xapc_query_term(forms.items[i], 1, pos, err));
        else
            ok = err->status == XAPC_OK;
    vp_strvec_clear(&forms);
    free(folded);
    free(low);
    if (!ok) {
        qlist_clear(&l);
        return NULL;
    }
    return qlist_combine(&l, XAPC_OP_OR, 0, err);
}

/* The phrase of the words of text, each in every form the index holds.
 * Its stopwords are left to the window rather than matched ("samenwerking
 * in de regio": samenwerking, then regio within four words), so that they
 * neither decide the match nor light up in every snippet; slack widens the
 * window for a glossary phrase ("stroomnet vol" finds "het stroomnet zit
 * vol").  A phrase with words the term generator cuts up (co2-uitstoot,
 * B&W) goes to the parser as a quoted phrase.  NULL with err clear when it
 * cannot match. */
static xapc_query *phrase_query(const vp_expand_ctx *c, const char *text, uint32_t slack,
                                xapc_error *err)
{
    vp_strvec words = VP_STRVEC_INIT, content = VP_STRVEC_INIT;
    char *copy = vp_xstrdup(text);
    bool simple = true;
    for (char *save = NULL, *w = strtok_r(copy, " \t\r\n", &save); w;
         w = strtok_r(NULL, " \t\r\n", &save)) {
        vp_strvec_push(&words, w);
        simple = simple && simple_word(w);
        char *f = vp_fold(w);
        if (!vp_expand_is_stopword(f))
            vp_strvec_push(&content, w);
        free(f);
    }
    free(copy);
    const vp_strvec *kept = content.len > 0 ? &content : &words;
    xapc_query *out = NULL;
    if (!simple || words.len > VP_EXPAND_MAX_WORDS) {
        vp_buf quoted = VP_BUF_INIT;
        vp_buf_printf(&quoted, "\"%s\"", text);
        out = parse_plain(c, vp_buf_str(&quoted), err);
        vp_buf_free(&quoted);
    } else if (kept->len == 1) {
        out = phrase_word(c, kept->items[0], 0, err);
    } else {
        qlist l = {0};
        bool ok = true;
        for (size_t i = 0; ok && i < kept->len; i++)
            ok = qlist_take(&l, phrase_word(c, kept->items[i], (uint32_t)i + 1, err));
        out = ok ? qlist_combine(&l, XAPC_OP_PHRASE, (uint32_t)words.len + slack, err) : NULL;
        qlist_clear(&l);
    }
    vp_strvec_clear(&content);
    vp_strvec_clear(&words);
    return out;
}

/* ---- the groups -------------------------------------------------------------------- */

/* Adds to l the alternatives of a glossary entry: one-word synonyms by
 * their stems (a rare compound by all its parts), phrases as phrases.  A
 * phrase the index cannot match is left out. */
static bool add_synonyms(const vp_expand_ctx *c, const vp_strvec *syns, qlist *l,
                         xapc_error *err)
{
    for (size_t i = 0; i < syns->len; i++) {
        const char *syn = syns->items[i];
        xapc_query *q;
        if (strchr(syn, ' ')) {
            q = phrase_query(c, syn, VP_EXPAND_PHRASE_SLACK, err);
        } else {
            char *folded = vp_fold(syn);
            q = word_query(c, syn, folded, AS_ALTERNATIVE, err);
            free(folded);
        }
        if (err->status != XAPC_OK)
            return false;
        qlist_take(l, q);
    }
    return true;
}

/* The glossary synonyms of one folded word: its own, else those of the
 * first of its other forms that is a key (gemeenten: those of gemeente). */
static bool word_synonyms(const vp_expand_ctx *c, const char *folded, vp_strvec *syns,
                          xapc_error *err)
{
    if (synonyms_of(c->db, folded, syns, err) || err->status != XAPC_OK)
        return err->status == XAPC_OK;
    vp_strvec forms = VP_STRVEC_INIT;
    vp_inflect_forms(folded, &forms);
    bool found = false;
    for (size_t i = 0; !found && err->status == XAPC_OK && i < forms.len; i++)
        found = synonyms_of(c->db, forms.items[i], syns, err);
    vp_strvec_clear(&forms);
    return found;
}

/* One word: its forms and compounds OR its glossary synonyms. */
static xapc_query *single_query(const vp_expand_ctx *c, const token *k, xapc_error *err)
{
    qlist l = {0};
    vp_strvec syns = VP_STRVEC_INIT;
    bool ok = qlist_take(&l, word_query(c, k->typed, k->folded, AS_TYPED, err));
    if (ok && word_synonyms(c, k->folded, &syns, err))
        ok = add_synonyms(c, &syns, &l, err);
    ok = ok && err->status == XAPC_OK;
    vp_strvec_clear(&syns);
    xapc_query *out = ok ? qlist_combine(&l, XAPC_OP_SYNONYM, 0, err) : NULL;
    qlist_clear(&l);
    return out;
}

/* Whether a quoted phrase is among tokens from..from+n: a glossary key
 * or a theme name never spans a quote. */
static bool spans_phrase(const tokens *t, size_t from, size_t n)
{
    for (size_t i = from; i < from + n; i++)
        if (t->items[i].phrase)
            return true;
    return false;
}

/* The folded words from..from+n of t joined by spaces.  Caller frees. */
static char *span_key(const tokens *t, size_t from, size_t n)
{
    vp_buf key = VP_BUF_INIT;
    for (size_t i = from; i < from + n; i++) {
        if (i > from)
            vp_buf_putc(&key, ' ');
        vp_buf_puts(&key, t->items[i].folded);
    }
    return vp_buf_detach(&key);
}

/* The groups of a query: what each must match (items, AND'ed in `all`),
 * and each as a unit of the relaxed query, weighted by the query words it
 * covers (units, OR'ed in `some`). */
typedef struct groups {
    xapc_query *items[VP_EXPAND_MAX_WORDS];
    xapc_query *units[VP_EXPAND_MAX_WORDS];
    size_t len;
    size_t words;            /* words the units count: `some` needs two */
} groups;

static void groups_clear(groups *g)
{
    for (size_t i = 0; i < g->len; i++) {
        xapc_query_free(g->items[i]);
        xapc_query_free(g->units[i]);
    }
    g->len = g->words = 0;
}

/* q in the tier of a report that matches `words` words. */
static xapc_query *tier(const xapc_query *q, size_t words, xapc_error *err)
{
    return with_weight(q, (double)words * VP_EXPAND_COORD_WEIGHT, err);
}

/* The unit of a glossary run in the relaxed query: the run (its k words
 * other than stopwords, k tiers) or, failing it, each of those words (one
 * tier each): "retail vacancy" in a report that has leegstand but no
 * retail counts one word of two.  The run's k tiers outweigh any of its
 * words' tiers, so "the run, else its words" (OR with AND_NOT) is the
 * larger of the two.  Not OP_MAX, which says that directly: Xapian 1.4.22's
 * MaxPostList reads a sublist it has already let go when a MAX under an OR
 * runs out before the OR does (a segmentation fault in get_mset; found with
 * "middelgrote gemeenten ondermijning" on tests/otherhands/w4). */
static xapc_query *run_unit(const xapc_query *run, qlist *each, size_t words,
                            xapc_error *err)
{
    xapc_query *whole = tier(run, words ? words : 1, err);
    if (!whole || each->len == 0)
        return whole;
    xapc_query *any_word = qlist_combine(each, XAPC_OP_OR, 0, err);
    const xapc_query *without[2] = {any_word, run};
    xapc_query *rest = any_word ? xapc_query_combine(XAPC_OP_AND_NOT, without, 2, 0, err)
                                : NULL;
    const xapc_query *either[2] = {whole, rest};
    xapc_query *unit = rest ? xapc_query_combine(XAPC_OP_OR, either, 2, 0, err) : NULL;
    xapc_query_free(rest);
    xapc_query_free(any_word);
    xapc_query_free(whole);
    return unit;
}

/* A run of n >= 2 words that is a glossary key: the words AND'ed (each
 * with its forms and synonyms) OR the key's synonyms, and its unit (*unit,
 * counting *words words).  NULL with err clear when the run is no key. */
static xapc_query *key_query(const vp_expand_ctx *c, const tokens *t, size_t from, size_t n,
                             xapc_query **unit, size_t *words, xapc_error *err)
{
    if (spans_phrase(t, from, n))
        return NULL;
    char *key = span_key(t, from, n);
    vp_strvec syns = VP_STRVEC_INIT;
    bool any = synonyms_of(c->db, key, &syns, err);
    free(key);
    if (!any) {
        vp_strvec_clear(&syns);
        return NULL;
    }
    qlist all_words = {0}, tiers = {0}, alternatives = {0};
    bool ok = true;
    *words = 0;
    for (size_t i = from; ok && i < from + n; i++) {
        const token *k = &t->items[i];
        xapc_query *w = single_query(c, k, err);
        ok = qlist_take(&all_words, w);
        if (ok && !vp_expand_is_stopword(k->folded)) {
            ok = qlist_take(&tiers, tier(w, 1, err));
            ++*words;
        }
    }
    ok = ok && qlist_take(&alternatives, qlist_combine(&all_words, XAPC_OP_AND, 0, err)) &&
         add_synonyms(c, &syns, &alternatives, err);
    xapc_query *run = ok ? qlist_combine(&alternatives, XAPC_OP_SYNONYM, 0, err) : NULL;
    *unit = run ? run_unit(run, &tiers, *words, err) : NULL;
    if (run && !*unit) {
        xapc_query_free(run);
        run = NULL;
    }
    vp_strvec_clear(&syns);
    qlist_clear(&all_words);
    qlist_clear(&tiers);
    qlist_clear(&alternatives);
    return run;
}

/* The group starting at token i, its unit (*unit) and the words it counts;
 * *used = how many tokens it takes.  NULL with err clear for a stopword
 * (when skip_stopwords) or a word the parser makes nothing of. */
static xapc_query *group_at(const vp_expand_ctx *c, const tokens *t, size_t i,
                            bool skip_stopwords, size_t *used, xapc_query **unit,
                            size_t *words, xapc_error *err)
{
    const token *k = &t->items[i];
    *used = *words = 1;
    *unit = NULL;
    xapc_query *q;
    if (k->phrase) {
        q = phrase_query(c, k->typed, 0, err);
        if (!q && err->status == XAPC_OK)   /* a phrase the index lacks finds nothing */
            q = xapc_query_match_nothing(err);
    } else {
        size_t max = t->len - i < VP_EXPAND_MAX_SPAN ? t->len - i : VP_EXPAND_MAX_SPAN;
        for (size_t n = max; n >= 2; n--) {
            q = key_query(c, t, i, n, unit, words, err);
            if (q || err->status != XAPC_OK) {
                *used = n;
                return q;
            }
        }
        if (skip_stopwords && vp_expand_is_stopword(k->folded))
            return NULL;
        q = single_query(c, k, err);
        if (q && xapc_query_is_empty(q)) {   /* punctuation only: nothing to match */
            xapc_query_free(q);
            return NULL;
        }
    }
    if (q && !(*unit = tier(q, 1, err))) {
        xapc_query_free(q);
        return NULL;
    }
    return q;
}

static bool build_groups(const vp_expand_ctx *c, const tokens *t, bool skip_stopwords,
                         groups *g, xapc_error *err)
{
    for (size_t i = 0, used = 1; i < t->len; i += used) {
        xapc_query *unit = NULL;
        size_t words = 0;
        xapc_query *q = group_at(c, t, i, skip_stopwords, &used, &unit, &words, err);
        if (err->status != XAPC_OK) {
            xapc_query_free(q);
            xapc_query_free(unit);
            return false;
        }
        if (q) {
            g->items[g->len] = q;
            g->units[g->len++] = unit;
            g->words += words;
        }
    }
    return true;
}

/* ---- the themes a query names --------------------------------------------------------- */

/* Whether key (a lookup key, vp_fold_key) names theme th: its slug, its
 * label, or a part of the label between " en " ("Wonen en leefomgeving":
 * wonen, leefomgeving), case, accents and hyphens aside. */
static bool names_theme(const vp_theme *th, const char *key)
{
    bool hit = strcmp(key, th->slug_key) == 0 || strcmp(key, th->label_key) == 0;
    size_t key_len = strlen(key);
    for (const char *part = th->label_key, *next; !hit && part; part = next) {
        next = strstr(part, " en ");
        size_t len = next ? (size_t)(next - part) : strlen(part);
        hit = key_len == len && memcmp(key, part, len) == 0;
        if (next)
            next += 4;
    }
    return hit;
}

/* Adds to slugs the themes that the folded run text, or one of its
 * glossary synonyms, names; false when the lexicon failed (err set). */
static bool themes_named_by(const vp_expand_ctx *c, const char *text, vp_strvec *slugs,
                            xapc_error *err)
{
    vp_strvec names = VP_STRVEC_INIT;
    synonyms_of(c->db, text, &names, err);
    vp_strvec_push(&names, text);
    for (size_t i = 0; i < names.len; i++) {   /* each name as a lookup key, once */
        char *key = vp_fold_key(names.items[i]);
        free(names.items[i]);
        names.items[i] = key;
    }
    for (size_t t = 0; t < vp_themes_count(c->themes); t++) {
        const vp_theme *th = vp_themes_at(c->themes, t);
        for (size_t i = 0; i < names.len; i++)
            if (names_theme(th, names.items[i])) {
                vp_strvec_push_unique(slugs, th->slug);
                break;
            }
    }
    vp_strvec_clear(&names);
    return err->status == XAPC_OK;
}

/* term (prefix + slug) weighted weight, into terms; false on failure. */
static bool weighted_term(qlist *terms, const char *prefix, const char *slug, double weight,
                          xapc_error *err)
{
    char *term = vp_filter_term(prefix, slug);
    if (!term)
        vp_oom(strlen(slug));
    xapc_query *q = xapc_query_term(term, 1, 0, err);
    free(term);
    xapc_query *w = q ? with_weight(q, weight, err) : NULL;
    xapc_query_free(q);
    return qlist_take(terms, w);
}

/* A report of theme slug weighs VP_EXPAND_THEME_FLOOR of
 * VP_EXPAND_THEME_WEIGHT for having the theme at all, and the rest of it in
 * VP_THEME_LEVELS equal steps by how strongly it carries the theme (the
 * indexer's levels, schema.h): the terms are OR'ed, so their weights add
 * up.  An index without levels gives every report of the theme the floor
 * only, still a boost. */
static bool theme_levels_boost(qlist *terms, const char *slug, xapc_error *err)
{
    double step = VP_EXPAND_THEME_WEIGHT * (1.0 - VP_EXPAND_THEME_FLOOR) / VP_THEME_LEVELS;
    bool ok = weighted_term(terms, VP_PREFIX_THEME, slug,
                            VP_EXPAND_THEME_WEIGHT * VP_EXPAND_THEME_FLOOR, err);
    for (unsigned k = 1; ok && step > 0 && k <= VP_THEME_LEVELS; k++) {
        char prefix[sizeof VP_PREFIX_THEME_LEVEL + 4];
        snprintf(prefix, sizeof prefix, "%s%u", VP_PREFIX_THEME_LEVEL, k);
        ok = weighted_term(terms, prefix, slug, step, err);
    }
    return ok;
}

/* The hosts of the index, sorted by key: names its host terms hold
 * (folded), keys what a run of the query is matched against, the name
 * without a CBS suffix and with hyphens as spaces (vp_fold_key): "hengelo
 * (o.)" is "hengelo", "leidschendam-voorburg" "leidschendam voorburg".  A
 * query rarely types the suffix (and one with brackets is taken as typed),
 * and whether it joins a name's words by a hyphen or a space is chance.
 * Read and folded once per revision (the query layer keeps them): folding
 * every host on every query cost a plain query a third of its
 * instructions. */
typedef struct host_name {
    char *key, *name;
} host_name;

struct vp_host_names {
    host_name *items;
    size_t len;
};

void vp_host_names_free(vp_host_names *h)
{
    if (!h)
        return;
    for (size_t i = 0; i < h->len; i++) {
        free(h->items[i].key);
        free(h->items[i].name);
    }
    free(h->items);
    free(h);
}

/* By key, then by name: the names of one key in the index's order. */
static int cmp_host(const void *a, const void *b)
{
    const host_name *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : strcmp(x->name, y->name);
}

static void push_host(vp_host_names *h, size_t *cap, const char *name)
{
    if (h->len == *cap) {
        *cap = *cap ? 2 * *cap : 64;
        h->items = vp_xrealloc(h->items, *cap * sizeof *h->items);
    }
    const char *suffix = strstr(name, " (");
    char *bare = vp_xstrndup(name, suffix ? (size_t)(suffix - name) : strlen(name));
    h->items[h->len].key = vp_fold_key(bare);
    h->items[h->len].name = vp_xstrdup(name);
    h->len++;
    free(bare);
}

/* One pass over the host terms (one a place that hosted). */
vp_host_names *vp_host_names_load(const xapc_db *db, xapc_error *err)
{
    xapc_error_clear(err);
    vp_host_names *h = vp_xcalloc(1, sizeof *h);
    size_t cap = 0, prefix_len = strlen(VP_PREFIX_HOST);
    xapc_termiter *it = xapc_db_allterms(db, VP_PREFIX_HOST, err);
    const char *term;
    while (it && xapc_termiter_next(it, &term, NULL, err))
        push_host(h, &cap, term + prefix_len);
    xapc_termiter_free(it);
    if (err->status != XAPC_OK) {
        vp_host_names_free(h);
        return NULL;
    }
    if (h->len)
        qsort(h->items, h->len, sizeof *h->items, cmp_host);
    return h;
}

/* Adds to hosts the hosts the folded run text names. */
static void hosts_named_by(const vp_host_names *h, const char *text, vp_strvec *hosts)
{
    char *key = vp_fold_key(text);
    size_t lo = 0, hi = h->len;     /* the first item whose key is not below key */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(h->items[mid].key, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < h->len && strcmp(h->items[i].key, key) == 0; i++)
        vp_strvec_push_unique(hosts, h->items[i].name);
    free(key);
}

/* What the query names, run by run (a run of up to VP_EXPAND_MAX_SPAN
 * words, VP_EXPAND_PLACE_SPAN for a place, or a quoted phrase): themes
 * into slugs, host places into hosts. */
static bool named_in(const vp_expand_ctx *c, const tokens *t, const vp_host_names *h,
                     vp_strvec *slugs, vp_strvec *hosts, xapc_error *err)
{
    bool ok = true;
    for (size_t i = 0; ok && i < t->len; i++) {
        if (t->items[i].phrase) {
            ok = !c->themes || themes_named_by(c, t->items[i].folded, slugs, err);
            hosts_named_by(h, t->items[i].folded, hosts);
            continue;
        }
        for (size_t n = 1; ok && n <= VP_EXPAND_MAX_SPAN && i + n <= t->len; n++) {
            if (spans_phrase(t, i, n))
                break;
            char *run = span_key(t, i, n);
            ok = !c->themes || themes_named_by(c, run, slugs, err);
            if (n <= VP_EXPAND_PLACE_SPAN)
                hosts_named_by(h, run, hosts);
            free(run);
        }
    }
    return ok;
}

/* The boost of what the query names (expand.h): the reports of each theme
 * by their level of it, and the reports hosted in each place it names,
 * each VP_EXPAND_HOST_WEIGHT ("kennisdag Emmen": the day Emmen hosted, not
 * every report that lists Emmen among the participants).  The weights of
 * a report add up.  NULL with err clear when nothing is named. */
static xapc_query *named_boost(const vp_expand_ctx *c, const tokens *t, xapc_error *err)
{
    vp_strvec slugs = VP_STRVEC_INIT, hosts = VP_STRVEC_INIT;
    vp_host_names *read = c->hosts ? NULL : vp_host_names_load(c->db, err);
    const vp_host_names *h = c->hosts ? c->hosts : read;
    bool ok = h && named_in(c, t, h, &slugs, &hosts, err);
    vp_host_names_free(read);
    qlist terms = {0};
    for (size_t i = 0; ok && i < slugs.len; i++)
        ok = theme_levels_boost(&terms, slugs.items[i], err);
    for (size_t i = 0; ok && VP_EXPAND_HOST_WEIGHT > 0 && i < hosts.len; i++)
        ok = weighted_term(&terms, VP_PREFIX_HOST, hosts.items[i], VP_EXPAND_HOST_WEIGHT, err);
    vp_strvec_clear(&slugs);
    vp_strvec_clear(&hosts);
    xapc_query *out = ok && terms.len ? qlist_combine(&terms, XAPC_OP_OR, 0, err) : NULL;
    qlist_clear(&terms);
    return out;
}

/* ---- the three queries ------------------------------------------------------------------ */

static xapc_query *combine_all(xapc_query *const *qs, size_t n, xapc_op op,
                               xapc_error *err)
{
    return n == 1 ? xapc_query_clone(qs[0], err)
                  : xapc_query_combine(op, (const xapc_query *const *)qs, n, 0, err);
}

void vp_expansion_clear(vp_expansion *x)
{
    xapc_query_free(x->all);
    xapc_query_free(x->some);
    xapc_query_free(x->boost);
    memset(x, 0, sizeof *x);
}

int vp_expand(const vp_expand_ctx *ctx, const char *q, vp_expansion *out, xapc_error *err)
{
    memset(out, 0, sizeof *out);
    xapc_error_clear(err);
    tokens t = {.len = 0};
    groups g = {.len = 0};
    bool ok = plain_tokens(q, &t) && build_groups(ctx, &t, true, &g, err);
    if (ok && g.len == 0)          /* stopwords only: then they are what is asked */
        ok = build_groups(ctx, &t, false, &g, err);
    if (ok && g.len > 0) {
        /* `some`: the units OR'ed, so a report weighs the number of query
         * words it matches times VP_EXPAND_COORD_WEIGHT, plus BM25 */
        ok = (out->all = combine_all(g.items, g.len, XAPC_OP_AND, err)) != NULL &&
             (g.words < 2 || (out->some = combine_all(g.units, g.len, XAPC_OP_OR, err)));
        out->boost = ok ? named_boost(ctx, &t, err) : NULL;
        ok = ok && err->status == XAPC_OK;
        out->groups = g.len;
    }
    groups_clear(&g);
    tokens_clear(&t);
    if (!ok || !out->all)
        vp_expansion_clear(out);
    return err->status != XAPC_OK ? -1 : out->all ? 1 : 0;
}
