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
#include "mem.h"
#include "person_name.h"
#include "schema.h"
#include "strset.h"
#include "strvec.h"
#include "text.h"

/* The distinct names (by folded form: their ids in the set are their
 * places in v), filed by the person-name model's key, and the double
 * surnames again by the key of their second part, so that resolving a name
 * looks only at the names that share its surname (a scan of every name
 * made the pass quadratic: minutes at 100,000 reports). */
struct vp_speaker_names {
    vp_strset *folded;
    vp_person_name *v;
    size_t cap;
    vp_person_index *by_key;
    vp_person_index *by_second;
};

vp_speaker_names *vp_speaker_names_new(void)
{
    vp_speaker_names *n = vp_xcalloc(1, sizeof *n);
    n->folded = vp_strset_new();
    n->by_key = vp_person_index_new();
    n->by_second = vp_person_index_new();
    return n;
}

void vp_speaker_names_free(vp_speaker_names *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < vp_strset_size(n->folded); i++)
        vp_person_name_clear(&n->v[i]);
    free(n->v);
    vp_strset_free(n->folded);
    vp_person_index_free(n->by_key);
    vp_person_index_free(n->by_second);
    free(n);
}

/* Adds p (the table takes it over). */
static void add_parsed(vp_speaker_names *n, vp_person_name *p)
{
    bool added;
    size_t id = vp_strset_add(n->folded, p->folded, strlen(p->folded), &added);
    if (!added) {
        vp_person_name_clear(p);
        return;
    }
    VP_GROW(n->v, n->cap, id + 1);
    n->v[id] = *p;
    vp_person_index_add_name(n->by_key, &n->v[id], id);
    size_t len;
    const char *second = vp_person_name_second_key(&n->v[id], &len);
    if (second)
        vp_person_index_add(n->by_second, second, len, id);
}

bool vp_speaker_names_add(vp_speaker_names *n, const char *name)
{
    vp_person_name p;
    if (!vp_person_name_parse(name, &p))
        return false;
    add_parsed(n, &p);
    return true;
}

/* The names a name may resolve to, at most MAX_CANDIDATES (more than that
 * is no single person). */
#define MAX_CANDIDATES 8

typedef struct candidates {
    size_t id[MAX_CANDIDATES + 1];
    size_t n;
    bool blocked;   /* a person the name may be but is never resolved to */
} candidates;

static void add_candidate(candidates *c, size_t id)
{
    for (size_t i = 0; i < c->n; i++)
        if (c->id[i] == id)
            return;
    if (c->n <= MAX_CANDIDATES)
        c->id[c->n++] = id;
}

/* The full names in the chain from first that p may be (when p is short)
 * or that are p with a double surname.  A bare surname that is one part of
 * a double one ("Van der Wal", "Bosch" beside "Ineke van der Wal-Bosch")
 * may be her or another of the family: never resolved to her, it makes any
 * other candidate a guess. */
static void gather(const vp_speaker_names *n, const vp_person_index *ix, size_t first,
                   const vp_person_name *p, candidates *c)
{
    for (size_t i = first; i != VP_PERSON_NONE && c->n <= MAX_CANDIDATES;
         i = vp_person_index_next(ix, i)) {
        const vp_person_name *full = &n->v[i];
        if (full->form != VP_PERSON_FULL)
            continue;
        if ((p->form != VP_PERSON_FULL && vp_person_name_may_be(p, full)) ||
            vp_person_name_double_of(full, p))
            add_candidate(c, i);
        else if (p->n_given == 0 && vp_person_name_part_of(full, p))
            c->blocked = true;
    }
}

const char *vp_speaker_names_resolve(const vp_speaker_names *n, const char *name)
{
    vp_person_name p;
    if (!vp_person_name_parse(name, &p))
        return NULL;
    candidates c = {.n = 0};
    size_t len;
    const char *key = vp_person_name_key(&p, &len);
    gather(n, n->by_key, vp_person_index_first(n->by_key, key, len), &p, &c);
    gather(n, n->by_second, vp_person_index_first(n->by_second, key, len), &p, &c);
    /* "Ineke van der Wal" is a shorter form of "Ineke van der Wal-Bosch":
     * one person, so the fuller one stands for both */
    size_t kept = 0, only = VP_PERSON_NONE;
    for (size_t i = 0; i < c.n && c.n <= MAX_CANDIDATES; i++) {
        bool shorter = false;
        for (size_t j = 0; j < c.n && !shorter; j++)
            shorter = j != i && vp_person_name_double_of(&n->v[c.id[j]], &n->v[c.id[i]]);
        if (!shorter) {
            kept++;
            only = c.id[i];
        }
    }
    bool same = kept == 1 && strcmp(n->v[only].folded, p.folded) == 0;
    vp_person_name_clear(&p);
    return kept == 1 && !same && !c.blocked ? n->v[only].display : NULL;
}

/* ---- the pass over the database ---------------------------------------- */

/* A report to rewrite: its shard and id term. */
typedef struct candidate {
    unsigned shard;
    char *idterm;
} candidate;

typedef struct pass {
    vp_speaker_names *names;
    vp_strset *keys;        /* the keys of the speakers' names */
    candidate *v;
    size_t n, cap;
} pass;

/* What a walk over the reports does with one: the decoded names of the
 * value slot it reads. */
typedef void (*report_fn)(pass *ps, unsigned shard, const char *idterm,
                          const vp_strvec *names);

/* Adds names to the table: a speaker's always, its key noted; another
 * person's only when it shares a key with some speaker (the others can
 * resolve no speaker's name, and a large corpus names many people). */
static void add_names(pass *ps, const vp_strvec *names, bool speakers)
{
    for (size_t i = 0; i < names->len; i++) {
        vp_person_name p;
        if (!vp_person_name_parse(names->items[i], &p))
            continue;
        size_t len, len2;
        const char *key = vp_person_name_key(&p, &len);
        const char *second = vp_person_name_second_key(&p, &len2);
        if (speakers)
            vp_strset_add(ps->keys, key, len, NULL);
        if (speakers || vp_strset_find(ps->keys, key, len) != VP_STRSET_NONE ||
            (second && vp_strset_find(ps->keys, second, len2) != VP_STRSET_NONE))
            add_parsed(ps->names, &p);
        else
            vp_person_name_clear(&p);
    }
}

static void add_speakers(pass *ps, unsigned shard, const char *idterm,
                         const vp_strvec *names)
{
    (void)shard;
    (void)idterm;
    add_names(ps, names, true);
}

static void add_people(pass *ps, unsigned shard, const char *idterm,
                       const vp_strvec *names)
{
    (void)shard;
    (void)idterm;
    add_names(ps, names, false);
}

/* Remembers the report when one of its speakers' names resolves. */
static void note_renamed(pass *ps, unsigned shard, const char *idterm,
                         const vp_strvec *names)
{
    for (size_t i = 0; i < names->len; i++)
        if (vp_speaker_names_resolve(ps->names, names->items[i])) {
            VP_GROW(ps->v, ps->cap, ps->n + 1);
            ps->v[ps->n++] = (candidate){shard, vp_xstrdup(idterm)};
            return;
        }
}

/* The names in one value slot of one report, to fn. */
static bool read_report(pass *ps, const xapc_db *db, unsigned shard, const char *idterm,
                        xapc_slot slot, report_fn fn, xapc_error *err)
{
    xapc_docid id = xapc_db_find_term(db, idterm, err);
    size_t len = 0;
    char *value = id ? xapc_db_document_value_len(db, id, slot, &len, err) : NULL;
    if (!value)
        return err->status == XAPC_OK;
    vp_strvec names = VP_STRVEC_INIT;
    vp_list_decode(value, len, &names);
    fn(ps, shard, idterm, &names);
    vp_strvec_clear(&names);
    free(value);
    return true;
}

/* Every report of every shard, its value slot to fn. */
static bool walk(pass *ps, vp_shards *s, xapc_slot slot, report_fn fn, xapc_error *err)
{
    bool ok = true;
    for (unsigned i = 0; ok && i < vp_shards_count(s); i++) {
        const xapc_db *db = xapc_wdb_reader(vp_shards_at(s, i));
        xapc_termiter *it = xapc_db_allterms(db, VP_PREFIX_ID, err);
        const char *term;
        while (ok && it && xapc_termiter_next(it, &term, NULL, err))
            ok = read_report(ps, db, i, term, slot, fn, err);
        xapc_termiter_free(it);
        ok = ok && err->status == XAPC_OK;
    }
    return ok;
}

/* Merges the speakers of d that now have one name: the first keeps its
 * place and takes the organisation and role it lacks from the others. */
static void merge_equal_speakers(vp_document *d)
{
    vp_strset *seen = vp_strset_new();
    size_t kept = 0;
    for (size_t i = 0; i < d->n_speakers; i++) {
        vp_speaker *b = &d->speakers[i];
        char *f = vp_fold(b->name);
        bool added;
        size_t id = vp_strset_add(seen, f, strlen(f), &added);
        free(f);
        if (added) {   /* ids follow the kept speakers' places */
            d->speakers[kept++] = *b;
            continue;
        }
        vp_speaker *a = &d->speakers[id];
        if (!a->organisation) {
            a->organisation = b->organisation;
            b->organisation = NULL;
        }
        if (!a->role) {
            a->role = b->role;
            b->role = NULL;
        }
        free(b->name);
        free(b->organisation);
        free(b->role);
    }
    d->n_speakers = kept;
    vp_strset_free(seen);
}

/* Gives d's speakers their canonical names, merging a speaker that now
 * equals another.  True when anything changed. */
static bool rename_speakers(const vp_speaker_names *names, vp_document *d)
{
    bool changed = false;
    for (size_t i = 0; i < d->n_speakers; i++) {
        const char *canonical = vp_speaker_names_resolve(names, d->speakers[i].name);
        if (canonical) {
            free(d->speakers[i].name);
            d->speakers[i].name = vp_xstrdup(canonical);
            changed = true;
        }
    }
    if (changed) {
        merge_equal_speakers(d);
        vp_speakers_sort(d);
    }
    return changed;
}

/* Rebuilds one report with canonical speaker names, keeping its stamp.
 * False with err set when the database fails or the stored JSON does not
 * parse. */
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
    size_t people_len = 0;
    char *people = stamp ? xapc_db_document_value_len(db, id, VP_SLOT_PEOPLE, &people_len,
                                                      err) : NULL;
    vp_document d;
    vp_document_init(&d);
    char msg[256];
    bool ok = people != NULL;
    if (ok && vp_document_from_json(json, len, &d, msg, sizeof msg) != 0) {
        err->status = XAPC_ERR_CORRUPT;
        snprintf(err->message, sizeof err->message, "%s: %s", c->idterm, msg);
        ok = false;
    }
    if (ok)   /* the people are not in the JSON: the rebuilt report keeps them */
        vp_list_decode(people, people_len, &d.people);
    if (ok && rename_speakers(ps->names, &d)) {
        xapc_doc *doc = vp_docbuilder_build(b, &d, stamp, err);
        ok = doc && xapc_wdb_replace_by_term(wdb, c->idterm, doc, err) != 0;
        xapc_doc_free(doc);
        *rewritten += ok;
    }
    vp_document_clear(&d);
    free(people);
    free(stamp);
    free(json);
    return ok;
}

xapc_status vp_speakers_corpus_resolve(vp_shards *s, vp_docbuilder *b,
                                       size_t *rewritten, xapc_error *err)
{
    xapc_error_clear(err);
    *rewritten = 0;
    pass ps = {.names = vp_speaker_names_new(), .keys = vp_strset_new()};
    /* the speakers first, so that the people read are only those that can
     * resolve a speaker's name; the reports to rewrite once all are read */
    bool ok = walk(&ps, s, VP_SLOT_SPEAKERS, add_speakers, err) &&
              walk(&ps, s, VP_SLOT_PEOPLE, add_people, err) &&
              walk(&ps, s, VP_SLOT_SPEAKERS, note_renamed, err);
    for (size_t i = 0; ok && i < ps.n; i++)
        ok = rewrite(&ps, s, b, &ps.v[i], rewritten, err);
    for (size_t i = 0; i < ps.n; i++)
        free(ps.v[i].idterm);
    free(ps.v);
    vp_strset_free(ps.keys);
    vp_speaker_names_free(ps.names);
    if (!ok && err->status == XAPC_OK)
        err->status = XAPC_ERR_OTHER;   /* a builder that failed without saying */
    return ok ? XAPC_OK : err->status;
}
