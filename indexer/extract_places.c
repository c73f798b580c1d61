/*
 * extract_places.c: the places stage, municipalities and the host (see
 * extract.c).
 *
 * The gazetteer finds every name; this file decides which mentions are the
 * municipality.  A mention is rejected when it is written in lower case
 * ("best"), follows "provincie"/"regio" (the province or region of the same
 * name), or is the tail of a person's name ("Joost van Hoorn").  Names that
 * are also common words or surnames (flagged ambiguous in the gazetteer)
 * need support: "gemeente X", "in X", "(X)" after a speaker, or a list of
 * other municipalities.  The name kept is the entry's official spelling, so
 * aliases resolve ("Den Bosch" -> "'s-Hertogenbosch") and former
 * municipalities stay as the report wrote them (Veghel in 2016).
 */
#include "extract_stages.h"

#include <stdlib.h>
#include <string.h>

#include "extract_text.h"

typedef struct mention {
    size_t start, end;
    const vp_municipality *m;
    bool accepted;
} mention;

typedef struct mention_list {
    mention *items;
    size_t len, cap;
    bool failed;         /* out of memory: mentions are missing */
} mention_list;

static bool collect_match(const vp_gaz_match *match, void *ctx)
{
    mention_list *l = ctx;
    if (l->len == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        mention *grown = realloc(l->items, cap * sizeof *grown);
        if (!grown) {
            l->failed = true;
            return false;
        }
        l->items = grown;
        l->cap = cap;
    }
    l->items[l->len++] = (mention){match->start, match->end, match->m, false};
    return true;
}

/* Words before a name that make it a province, region or institution. */
static const char *const REGION_WORDS[] = {
    "provincie", "provincies", "regio", "regio's", "metropoolregio",
    "stadsregio", "veiligheidsregio", "vervoerregio", "universiteit",
    "rijksuniversiteit", "hogeschool", "agglomeratie", "arrondissement",
    "rechtbank", "gerechtshof", "bisdom", "waterschap", "hoogheemraadschap",
    "gemeentelijke", "provinciale", "regionale", "omgevingsdienst", "ggd",
    "hanzehogeschool", "museum", "station", "ziekenhuis", "fc", "sc", "vv",
    NULL,
};

/* Words before an ambiguous name that make it the municipality. */
static const char *const SUPPORT_WORDS[] = {
    "gemeente", "gemeenten", "gastgemeente", "in", "uit", "van", "te",
    "burgemeester", "wethouder", "wethouders", "naar", "bij", "stad",
    "binnenstad", "centrum", "raad", "gemeenteraad", "college", NULL,
};

/* Capitalised words that may stand before a municipality without making
 * it a surname ("Gemeente Zeist", "In Zeist"). */
static const char *const NOT_FIRST_NAMES[] = {
    "gemeente", "gemeenten", "gastgemeente", "in", "uit", "van", "te",
    "naar", "bij", "op", "voor", "met", "door", "om", "rond", "rondom",
    "burgemeester", "wethouder", "stad", "binnenstad", "centrum", "en", "of",
    "de", "het", "een", "als", "zoals", "waaronder", "over", "tussen", "na",
    "ook", "dat", "die", "zowel", "maar", "want", "dus", "ook", "welkom",
    "college", "raad", "gemeenteraad", "regio", "provincie", "kennisdag",
    "netwerkdag", "bijeenkomst", "werkbezoek", "excursie", "bezoek",
    "ontvangst", "locatie", "plaats", "datum", "host", "gastheer", "vanuit",
    "tot", "via", "namens", "richting", "noord", "zuid", "oost", "west",
    "midden", NULL,
};

static bool starts_upper(const char *t, size_t len, size_t start)
{
    if (vp_ex_is_upper(t + start, len - start))
        return true;
    /* 's-Hertogenbosch, ’s-Gravenhage, 't Hoogeland */
    size_t ap = vp_ex_apostrophe(t + start, len - start);
    return ap && start + ap < len &&
           (t[start + ap] == 's' || t[start + ap] == 't');
}

/* All letters upper case: a heading written in capitals. */
static bool all_caps(const char *s, size_t n)
{
    bool any = false;
    for (size_t i = 0; i < n; i += vp_ex_charlen(s + i, n - i)) {
        if (vp_ex_is_lower(s + i, n - i))
            return false;
        any = any || vp_ex_is_upper(s + i, n - i);
    }
    return any;
}

/* Sentence start: only spaces, nothing, or . ! ? : before pos. */
static bool at_sentence_start(const char *t, size_t pos)
{
    size_t i = pos;
    while (i > 0 && t[i - 1] == ' ')
        i--;
    return i == 0 || t[i - 1] == '.' || t[i - 1] == '!' || t[i - 1] == '?' ||
           t[i - 1] == ':' || t[i - 1] == '\n' || t[i - 1] == '"';
}

/* A capitalised word that is neither all caps nor a known function word:
 * looks like a given name. */
static bool looks_like_given_name(const char *t, size_t ws, size_t we)
{
    size_t len = we;
    if (!vp_ex_is_upper(t + ws, len - ws) || all_caps(t + ws, we - ws))
        return false;
    if (vp_ex_eq_any(t + ws, we - ws, NOT_FIRST_NAMES))
        return false;
    for (size_t i = ws; i < we; i++)
        if (t[i] >= '0' && t[i] <= '9')
            return false;
    return true;
}

/* "Joost van Hoorn", "Jan Best": the municipality name is a surname here.
 * The bare-word rule ("Jan Best") is only applied to running text: titles
 * and headings name places after nouns ("Netwerkdag Gorinchem"). */
static bool is_person_tail(const char *t, size_t start, bool bare_rule)
{
    size_t ws, we;
    if (!vp_ex_prev_word(t, start, &ws, &we))
        return false;
    bool particle = false;
    /* particles: "van", "van der", "in 't" */
    while (vp_ex_is_particle(t + ws, we - ws)) {
        particle = true;
        if (!vp_ex_prev_word(t, ws, &ws, &we))
            return false;
    }
    if (!looks_like_given_name(t, ws, we))
        return false;
    if (particle)
        return true;
    /* a bare capitalised word right before: a name unless it opens the
     * sentence ("Ook Zeist ...") */
    return bare_rule && !at_sentence_start(t, ws) && t[we] == ' ' &&
           we + 1 == start;
}

static bool preceded_by(const char *t, size_t start, const char *const *words)
{
    size_t ws, we;
    return vp_ex_prev_word(t, start, &ws, &we) && vp_ex_eq_any(t + ws, we - ws, words);
}

/* "(Utrecht)" or "(Utrecht," right after a speaker. */
static bool in_parentheses(const char *t, size_t len, const mention *m)
{
    size_t i = m->start;
    while (i > 0 && t[i - 1] == ' ')
        i--;
    if (i == 0 || t[i - 1] != '(')
        return false;
    size_t j = m->end;
    while (j < len && t[j] == ' ')
        j++;
    return j < len && (t[j] == ')' || t[j] == ',');
}

/* Only list separators between a and b: ", " " en " " of " " & " "/". */
static bool list_gap(const char *t, size_t a, size_t b)
{
    if (b < a || b - a > 8)
        return false;
    size_t i = a;
    bool any = false;
    while (i < b) {
        if (t[i] == ' ') {
            i++;
        } else if (t[i] == ',' || t[i] == '&' || t[i] == '/' || t[i] == ';') {
            i++;
            any = true;
        } else if (i + 2 <= b && vp_ex_eq(t + i, 2, "en") &&
                   (i + 2 == b || t[i + 2] == ' ')) {
            i += 2;
            any = true;
        } else if (i + 2 <= b && vp_ex_eq(t + i, 2, "of") &&
                   (i + 2 == b || t[i + 2] == ' ')) {
            i += 2;
            any = true;
        } else {
            return false;
        }
    }
    return any;
}

/* Mentions in a run joined by list separators; the list supports its
 * ambiguous members when it is long or holds a plain municipality. */
static void accept_lists(const char *t, mention *ms, size_t n,
                         const bool *plausible)
{
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j + 1 < n && list_gap(t, ms[j].end, ms[j + 1].start))
            j++;
        size_t count = j - i + 1, plain = 0;
        for (size_t k = i; k <= j; k++)
            if (plausible[k] && !ms[k].m->ambiguous)
                plain++;
        if (count >= 2 && (count >= 3 || plain > 0))
            for (size_t k = i; k <= j; k++)
                if (plausible[k])
                    ms[k].accepted = true;
        i = j + 1;
    }
}

typedef enum { IN_BODY, IN_HEADING, IN_TITLE } text_kind;

/* Decides every mention of one block.  In the title, places follow nouns
 * ("Netwerkdag Utrecht") and ambiguous names are taken at face value unless
 * a region word precedes them. */
static bool judge_block(const char *t, size_t len, mention *ms, size_t n,
                        text_kind kind)
{
    bool *plausible = calloc(n ? n : 1, sizeof *plausible);
    if (!plausible)
        return false;
    bool caps = all_caps(t, len);
    for (size_t i = 0; i < n; i++) {
        mention *m = &ms[i];
        if (!starts_upper(t, len, m->start) ||
            preceded_by(t, m->start, REGION_WORDS) ||
            is_person_tail(t, m->start, kind == IN_BODY && !caps))
            continue;
        plausible[i] = true;
        if (!m->m->ambiguous || in_parentheses(t, len, m) ||
            preceded_by(t, m->start, SUPPORT_WORDS))
            m->accepted = true;
        else if (kind == IN_TITLE && !caps)
            m->accepted = true;
    }
    accept_lists(t, ms, n, plausible);
    free(plausible);
    return true;
}

/* Scans one text and calls back with every accepted municipality; a
 * callback returns false when out of memory. */
typedef bool (*accept_fn)(const char *t, const mention *m, void *ctx);

static vp_extract_status scan_text(const vp_gazetteer *g, const char *t, text_kind kind,
                                   accept_fn fn, void *ctx)
{
    mention_list l = {0};
    size_t len = strlen(t);
    vp_gazetteer_scan(g, t, len, collect_match, &l);
    bool ok = !l.failed && judge_block(t, len, l.items, l.len, kind);
    for (size_t i = 0; ok && i < l.len; i++)
        if (l.items[i].accepted)
            ok = fn(t, &l.items[i], ctx);
    free(l.items);
    return ok ? VP_EXTRACT_OK : VP_EXTRACT_NO_MEMORY;
}

typedef struct name_sink {
    vp_strvec *names;
    int year;           /* of the report; 0 when unknown */
} name_sink;

/* A former municipality in a report written after it ended is a town
 * ("Sneek" in 2018 is part of Súdwest-Fryslân); before, it is the
 * municipality of the day ("Veghel" in 2016). */
static bool add_name(const char *t, const mention *m, void *ctx)
{
    (void)t;
    name_sink *sink = ctx;
    if (m->m->ended && sink->year && sink->year >= m->m->ended)
        return true;
    return vp_strvec_push_unique(sink->names, m->m->name);
}

/* ---- host ---- */

typedef struct host_pick {
    const vp_municipality *m;
    int score;
} host_pick;

/* How strongly the words before a mention say "this is the host". */
static int host_score(const char *t, const mention *m, bool first_paragraph)
{
    char before[96];
    size_t a = m->start > 80 ? m->start - 80 : 0;
    vp_ex_lower(t, a, m->start, before, sizeof before);
    size_t n = strlen(before);
    while (n > 0 && before[n - 1] == ' ')
        before[--n] = '\0';
    static const struct { const char *cue; int score; } cues[] = {
        {"gastgemeente", 5}, {"te gast in", 4}, {"te gast bij", 4},
        {"gastheer", 4}, {"ontvangen door de gemeente", 4},
        {"ontvangen in", 4}, {"stadhuis van", 4}, {"gemeentehuis van", 4},
        {"raadhuis van", 4}, {"welkom in", 3}, {"vanuit", 3},
        {"plaatsvond in", 3}, {"plaats in", 3}, {"bijeen in", 2},
        {"gehouden in", 3}, {"locatie", 2},
    };
    int best = 0;
    for (size_t k = 0; k < sizeof cues / sizeof cues[0]; k++) {
        size_t c = strlen(cues[k].cue);
        if (c <= n && strstr(before, cues[k].cue) &&
            cues[k].score > best)
            best = cues[k].score;
    }
    /* "burgemeester Govert Veldhuijzen van Gorinchem" */
    const char *mayor = strstr(before, "burgemeester");
    if (mayor && n >= 4 && strcmp(before + n - 3, "van") == 0 && best < 3)
        best = 3;
    if (first_paragraph && n >= 3 && strcmp(before + n - 2, "in") == 0 &&
        (n == 2 || before[n - 3] == ' ') && best < 1)
        best = 1;
    return best;
}

typedef struct host_ctx {
    host_pick pick;
    bool first_paragraph;
} host_ctx;

static bool consider_host(const char *t, const mention *m, void *ctx)
{
    host_ctx *h = ctx;
    int s = host_score(t, m, h->first_paragraph);
    if (s > h->pick.score)
        h->pick = (host_pick){m->m, s};
    return true;
}

static bool first_in_title(const char *t, const mention *m, void *ctx)
{
    (void)t;
    const vp_municipality **first = ctx;
    if (!*first)
        *first = m->m;
    return true;
}

/* The host into *out (NULL when none is found). */
static vp_extract_status host_from_text(const vp_gazetteer *g, const vp_parsed *p,
                                        const char *title,
                                        const vp_municipality **out)
{
    const vp_municipality *m = NULL;
    *out = NULL;
    if (title && scan_text(g, title, IN_TITLE, first_in_title, &m) != VP_EXTRACT_OK)
        return VP_EXTRACT_NO_MEMORY;
    if ((*out = m))
        return VP_EXTRACT_OK;
    /* a subtitle right under the title: "Verslag kennisdag, Deventer,
     * 20 november 2014" */
    for (size_t i = 0, seen = 0; i < p->n_blocks && seen < 3; i++) {
        const vp_block *b = &p->blocks[i];
        if (b->kind == VP_BLOCK_CODE || (title && strcmp(b->text, title) == 0))
            continue;
        seen++;
        bool short_line = strlen(b->text) < 160;
        if (!short_line || b->kind == VP_BLOCK_ITEM)
            break;
        /* a dated line is a subtitle ("Hoorn, 2017-09-29"); so is a heading,
         * but without a date an ambiguous name there needs support */
        char date[11];
        bool dated = vp_parse_date(b->text, 0, date);
        bool heading = b->kind == VP_BLOCK_HEADING || b->pseudo_heading;
        if (!dated && !heading)
            continue;
        if (scan_text(g, b->text, dated ? IN_TITLE : IN_HEADING, first_in_title, &m) !=
            VP_EXTRACT_OK)
            return VP_EXTRACT_NO_MEMORY;
        if ((*out = m))
            return VP_EXTRACT_OK;
    }
    host_ctx h = {{NULL, 0}, true};
    size_t paragraphs = 0;
    for (size_t i = 0; i < p->n_blocks && paragraphs < 4; i++) {
        const vp_block *b = &p->blocks[i];
        if (b->kind == VP_BLOCK_CODE || b->kind == VP_BLOCK_TABLE_ROW)
            continue;
        bool heading = b->kind == VP_BLOCK_HEADING || b->pseudo_heading;
        h.first_paragraph = paragraphs == 0 && !heading;
        if (scan_text(g, b->text, heading ? IN_HEADING : IN_BODY, consider_host, &h) !=
            VP_EXTRACT_OK)
            return VP_EXTRACT_NO_MEMORY;
        if (!heading)
            paragraphs++;
    }
    *out = h.pick.m;
    return VP_EXTRACT_OK;
}

typedef struct only_match {
    const vp_municipality *m;
    bool several;
} only_match;

static bool keep_only_match(const vp_gaz_match *match, void *ctx)
{
    only_match *o = ctx;
    if (o->m && o->m != match->m)
        o->several = true;
    o->m = match->m;
    return !o->several;
}

/* Front matter names through the gazetteer.  Authors write more than the
 * bare name ("gemeente Zeist", "Purmerend, Stadhuis", "online (vanuit
 * Oss)"): a value naming exactly one municipality means that one.  A value
 * naming none (or several) is an issue. */
static const vp_municipality *lookup_fm(const vp_gazetteer *g, const char *name,
                                        int line, vp_extract_issue *issue)
{
    const vp_municipality *m = vp_gazetteer_lookup(g, name);
    if (m)
        return m;
    only_match o = {0};
    vp_gazetteer_scan(g, name, strlen(name), keep_only_match, &o);
    if (o.m && !o.several)
        return o.m;
    vp_extract_note(issue, line, "unknown municipality '%s'", name);
    return NULL;
}

/* Every municipality the text names into names. */
static vp_extract_status names_from_text(const vp_gazetteer *g, const vp_parsed *p,
                                         const vp_document *d, vp_strvec *names)
{
    const char *title = d->title;
    name_sink sink = {names, d->date ? atoi(d->date) : 0};
    if (title && p->fm.title &&
        scan_text(g, title, IN_TITLE, add_name, &sink) != VP_EXTRACT_OK)
        return VP_EXTRACT_NO_MEMORY;
    for (size_t i = 0; i < p->n_blocks; i++) {
        const vp_block *b = &p->blocks[i];
        if (b->kind == VP_BLOCK_CODE)
            continue;
        bool is_title = title && !p->fm.title && strcmp(b->text, title) == 0;
        text_kind kind = is_title ? IN_TITLE
                       : (b->kind == VP_BLOCK_HEADING || b->pseudo_heading)
                           ? IN_HEADING : IN_BODY;
        if (scan_text(g, b->text, kind, add_name, &sink) != VP_EXTRACT_OK)
            return VP_EXTRACT_NO_MEMORY;
    }
    return VP_EXTRACT_OK;
}

vp_extract_status vp_extract_places(const vp_extract_ctx *ctx, const vp_parsed *p,
                                    vp_document *d, vp_extract_issue *issue)
{
    const vp_gazetteer *g = ctx->gazetteer;
    vp_strvec names = VP_STRVEC_INIT;
    int fm_line = 1;   /* front matter starts the file; fields carry no line */
    bool ok = true;

    for (size_t i = 0; ok && i < p->fm.municipalities.len; i++) {
        const vp_municipality *m =
            lookup_fm(g, p->fm.municipalities.items[i], fm_line, issue);
        if (m)
            ok = vp_strvec_push_unique(&names, m->name);
    }
    if (ok && names.len == 0)
        ok = names_from_text(g, p, d, &names) == VP_EXTRACT_OK;

    const vp_municipality *host = NULL;
    if (ok && p->fm.host && *p->fm.host)
        host = lookup_fm(g, p->fm.host, fm_line, issue);
    if (ok && !host)
        ok = host_from_text(g, p, d->title, &host) == VP_EXTRACT_OK;
    free(d->host);
    d->host = ok && host ? strdup(host->name) : NULL;
    if (ok && host)
        ok = d->host && vp_strvec_push_unique(&names, host->name);

    vp_strvec_sort(&names);
    vp_strvec_clear(&d->municipalities);
    d->municipalities = names;
    return ok ? VP_EXTRACT_OK : VP_EXTRACT_NO_MEMORY;
}
