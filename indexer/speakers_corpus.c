/*
 * speakers_corpus.c: corpus-wide canonical speaker names (see
 * speakers_corpus.h).
 *
 * The pass reads only the small speakers value slot of each report (one
 * walk over the Q terms of each shard); a report's stored JSON is parsed
 * only when one of its names resolves, so a corpus without short names
 * costs one value read per report.
 */
#include "speakers_corpus.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "extract_stages.h"
#include "extract_text.h"
#include "person_name.h"
#include "schema.h"
#include "strvec.h"
#include "text.h"

/* A name taken apart by the person-name model, with its folded form. */
typedef struct parsed_name {
    vp_person_name person;
    char *folded;        /* vp_fold(name): the identity; owned */
} parsed_name;

/* The names in order of arrival, and two open-addressing tables over them
 * (indexes into v, SIZE_MAX empty): by folded form, so that adding stays
 * linear on a large corpus, and by surname core (the surname without its
 * particles, so that "Dijk" meets "van Dijk"), each slot the first of a
 * chain through same_surname, so that resolving a short name looks only at
 * the names that share its core (a scan of every name made the pass
 * quadratic: minutes at 100,000 reports). */
struct vp_speaker_names {
    parsed_name *v;
    size_t *same_surname;    /* per name: the next one with its core */
    size_t n, cap;
    size_t *slots;
    size_t *surname_slots;
    size_t n_slots;      /* a power of two, at least twice n */
};

static void parsed_clear(parsed_name *p)
{
    vp_person_name_clear(&p->person);
    free(p->folded);
    memset(p, 0, sizeof *p);
}

static bool parse_name(const char *name, parsed_name *p)
{
    memset(p, 0, sizeof *p);
    if (!vp_person_name_parse(name, &p->person))
        return false;
    p->folded = vp_fold(p->person.display);
    return p->folded != NULL;
}

static bool is_full(const parsed_name *p)
{
    return p->person.form == VP_PERSON_FULL;
}

static bool is_short(const parsed_name *p)
{
    return p->person.form != VP_PERSON_FULL;
}

vp_speaker_names *vp_speaker_names_new(void)
{
    return calloc(1, sizeof(vp_speaker_names));
}

void vp_speaker_names_free(vp_speaker_names *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < n->n; i++)
        parsed_clear(&n->v[i]);
    free(n->v);
    free(n->same_surname);
    free(n->slots);
    free(n->surname_slots);
    free(n);
}

static size_t slot_of(const vp_speaker_names *n, const char *folded)
{
    size_t i = (size_t)vp_fnv1a(VP_FNV1A_INIT, folded, strlen(folded)) & (n->n_slots - 1);
    while (n->slots[i] != SIZE_MAX && strcmp(n->v[n->slots[i]].folded, folded) != 0)
        i = (i + 1) & (n->n_slots - 1);
    return i;
}

static size_t surname_slot_of(const vp_speaker_names *n, const char *surname)
{
    size_t i = (size_t)vp_fnv1a(VP_FNV1A_INIT, surname, strlen(surname)) & (n->n_slots - 1);
    while (n->surname_slots[i] != SIZE_MAX &&
           strcmp(n->v[n->surname_slots[i]].person.core, surname) != 0)
        i = (i + 1) & (n->n_slots - 1);
    return i;
}

/* Files name i under its folded form and at the head of its surname's chain. */
static void file_name(vp_speaker_names *n, size_t i)
{
    n->slots[slot_of(n, n->v[i].folded)] = i;
    size_t s = surname_slot_of(n, n->v[i].person.core);
    n->same_surname[i] = n->surname_slots[s];
    n->surname_slots[s] = i;
}

/* Keeps the tables at most half full. */
static bool grow_table(vp_speaker_names *n)
{
    if (n->n_slots >= 2 * (n->n + 1))
        return true;
    size_t size = n->n_slots ? n->n_slots * 2 : 128;
    size_t *slots = malloc(size * sizeof *slots);
    size_t *surname_slots = malloc(size * sizeof *surname_slots);
    if (!slots || !surname_slots) {
        free(slots);
        free(surname_slots);
        return false;
    }
    free(n->slots);
    free(n->surname_slots);
    n->slots = slots;
    n->surname_slots = surname_slots;
    n->n_slots = size;
    for (size_t i = 0; i < size; i++)
        slots[i] = surname_slots[i] = SIZE_MAX;
    for (size_t i = 0; i < n->n; i++)
        file_name(n, i);
    return true;
}

bool vp_speaker_names_add(vp_speaker_names *n, const char *name)
{
    if (!grow_table(n))
        return false;
    if (n->n == n->cap) {
        size_t cap = n->cap ? n->cap * 2 : 64;
        parsed_name *grown = realloc(n->v, cap * sizeof *grown);
        if (grown)
            n->v = grown;
        size_t *next = grown ? realloc(n->same_surname, cap * sizeof *next) : NULL;
        if (!next)
            return false;
        n->same_surname = next;
        n->cap = cap;
    }
    parsed_name p;
    if (!parse_name(name, &p)) {
        parsed_clear(&p);
        return false;
    }
    size_t slot = slot_of(n, p.folded);
    if (n->slots[slot] != SIZE_MAX) {   /* a folded-equal name is present */
        parsed_clear(&p);
        return true;
    }
    n->v[n->n] = p;
    file_name(n, n->n++);
    return true;
}

const char *vp_speaker_names_resolve(const vp_speaker_names *n, const char *name)
{
    parsed_name p;
    const char *found = NULL;
    size_t hits = 0;
    if (parse_name(name, &p) && is_short(&p) && n->n_slots)
        for (size_t i = n->surname_slots[surname_slot_of(n, p.person.core)];
             i != SIZE_MAX && hits < 2; i = n->same_surname[i])
            if (is_full(&n->v[i]) && vp_person_name_may_be(&p.person, &n->v[i].person)) {
                found = n->v[i].person.display;
                hits++;
            }
    parsed_clear(&p);
    return hits == 1 ? found : NULL;
}

/* ---- the pass over the database ---------------------------------------- */

/* A report to look at again: its shard and id term. */
typedef struct candidate {
    unsigned shard;
    char *idterm;
} candidate;

typedef struct pass {
    vp_speaker_names *names;
    candidate *v;
    size_t n, cap;
} pass;

static bool has_short_name(const vp_strvec *speakers)
{
    for (size_t i = 0; i < speakers->len; i++) {
        parsed_name p;
        bool is = parse_name(speakers->items[i], &p) && is_short(&p);
        parsed_clear(&p);
        if (is)
            return true;
    }
    return false;
}

static bool remember(pass *ps, unsigned shard, const char *idterm)
{
    if (ps->n == ps->cap) {
        size_t cap = ps->cap ? ps->cap * 2 : 16;
        candidate *grown = realloc(ps->v, cap * sizeof *grown);
        if (!grown)
            return false;
        ps->v = grown;
        ps->cap = cap;
    }
    ps->v[ps->n] = (candidate){shard, strdup(idterm)};
    return ps->v[ps->n++].idterm != NULL;
}

/* The speaker names of one report, into the corpus names; the report is
 * remembered when it has a short name. */
static bool read_report(pass *ps, const xapc_db *db, unsigned shard,
                        const char *idterm, xapc_error *err)
{
    xapc_docid id = xapc_db_find_term(db, idterm, err);
    size_t len = 0;
    char *value = id ? xapc_db_document_value_len(db, id, VP_SLOT_SPEAKERS, &len, err) : NULL;
    if (!value)
        return err->status == XAPC_OK;
    vp_strvec speakers = VP_STRVEC_INIT;
    bool ok = vp_list_decode(value, len, &speakers);
    for (size_t i = 0; i < speakers.len && ok; i++)
        ok = vp_speaker_names_add(ps->names, speakers.items[i]);
    if (ok && has_short_name(&speakers))
        ok = remember(ps, shard, idterm);
    vp_strvec_clear(&speakers);
    free(value);
    return ok;
}

static bool collect(pass *ps, vp_shards *s, xapc_error *err)
{
    bool ok = true;
    for (unsigned i = 0; ok && i < vp_shards_count(s); i++) {
        const xapc_db *db = xapc_wdb_reader(vp_shards_at(s, i));
        xapc_termiter *it = xapc_db_allterms(db, VP_PREFIX_ID, err);
        const char *term;
        while (ok && it && xapc_termiter_next(it, &term, NULL, err))
            ok = read_report(ps, db, i, term, err);
        xapc_termiter_free(it);
        ok = ok && err->status == XAPC_OK;
    }
    return ok;
}

/* Gives d's speakers their canonical names, merging a speaker that now
 * equals an earlier one.  True when anything changed. */
static bool rename_speakers(const vp_speaker_names *names, vp_document *d, bool *ok)
{
    bool changed = false;
    for (size_t i = 0; i < d->n_speakers && *ok; i++) {
        const char *canonical = vp_speaker_names_resolve(names, d->speakers[i].name);
        char *copy = canonical ? strdup(canonical) : NULL;
        if (canonical && !copy)
            *ok = false;
        if (copy) {
            free(d->speakers[i].name);
            d->speakers[i].name = copy;
            changed = true;
        }
    }
    for (size_t i = 0; i < d->n_speakers; i++)
        for (size_t j = i + 1; j < d->n_speakers; j++) {
            vp_speaker *a = &d->speakers[i], *b = &d->speakers[j];
            if (!vp_fold_equal(a->name, b->name))
                continue;
            if (!a->organisation) { a->organisation = b->organisation; b->organisation = NULL; }
            if (!a->role) { a->role = b->role; b->role = NULL; }
            free(b->name);
            free(b->organisation);
            free(b->role);
            memmove(b, b + 1, (d->n_speakers - j - 1) * sizeof *b);
            d->n_speakers--;
            j--;
        }
    if (changed)
        vp_speakers_sort(d);
    return changed;
}

static bool fail_with(xapc_error *err, const char *idterm, const char *what)
{
    if (err->status == XAPC_OK)
        err->status = XAPC_ERR_NO_MEMORY;
    if (!err->message[0])
        snprintf(err->message, sizeof err->message, "%s: %s", idterm, what);
    return false;
}

/* Rebuilds one report with canonical speaker names, keeping its stamp. */
static bool rewrite(pass *ps, vp_shards *s, vp_docbuilder *b, const candidate *c,
                    size_t *rewritten, xapc_error *err)
{
    xapc_wdb *wdb = vp_shards_at(s, c->shard);
    const xapc_db *db = xapc_wdb_reader(wdb);
    xapc_docid id = xapc_db_find_term(db, c->idterm, err);
    if (!id)
        return err->status == XAPC_OK;
    size_t len = 0;
    char *json = xapc_db_document_data_len(db, id, &len, err);
    char *stamp = json ? xapc_db_document_value(db, id, VP_SLOT_STAMP, err) : NULL;
    vp_document d;
    vp_document_init(&d);
    char msg[256];
    bool ok = stamp != NULL;
    if (ok && vp_document_from_json(json, len, &d, msg, sizeof msg) != 0)
        ok = fail_with(err, c->idterm, msg);
    if (ok && rename_speakers(ps->names, &d, &ok) && ok) {
        xapc_doc *doc = vp_docbuilder_build(b, &d, stamp, err);
        ok = doc && xapc_wdb_replace_by_term(wdb, c->idterm, doc, err) != 0;
        xapc_doc_free(doc);
        *rewritten += ok;
    }
    if (!ok && err->status == XAPC_OK)
        fail_with(err, c->idterm, "out of memory");
    vp_document_clear(&d);
    free(stamp);
    free(json);
    return ok;
}

xapc_status vp_speakers_corpus_resolve(vp_shards *s, vp_docbuilder *b,
                                       size_t *rewritten, xapc_error *err)
{
    xapc_error_clear(err);
    *rewritten = 0;
    pass ps = {.names = vp_speaker_names_new()};
    bool ok = ps.names && collect(&ps, s, err);
    for (size_t i = 0; ok && i < ps.n; i++)
        ok = rewrite(&ps, s, b, &ps.v[i], rewritten, err);
    if (!ok && err->status == XAPC_OK)
        fail_with(err, "speakers", "out of memory");
    for (size_t i = 0; i < ps.n; i++)
        free(ps.v[i].idterm);
    free(ps.v);
    vp_speaker_names_free(ps.names);
    return ok ? XAPC_OK : err->status;
}
