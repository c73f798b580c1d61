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
 * places in v), filed by the person-name model's key, so that resolving a
 * short name looks only at the names that share its surname (a scan of
 * every name made the pass quadratic: minutes at 100,000 reports). */
struct vp_speaker_names {
    vp_strset *folded;
    vp_person_name *v;
    size_t cap;
    vp_person_index *by_key;
};

vp_speaker_names *vp_speaker_names_new(void)
{
    vp_speaker_names *n = vp_xcalloc(1, sizeof *n);
    n->folded = vp_strset_new();
    n->by_key = vp_person_index_new();
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
    free(n);
}

bool vp_speaker_names_add(vp_speaker_names *n, const char *name)
{
    vp_person_name p;
    if (!vp_person_name_parse(name, &p))
        return false;
    bool added;
    size_t id = vp_strset_add(n->folded, p.folded, strlen(p.folded), &added);
    if (!added) {
        vp_person_name_clear(&p);
        return true;
    }
    VP_GROW(n->v, n->cap, id + 1);
    n->v[id] = p;
    vp_person_index_add(n->by_key, &n->v[id], id);
    return true;
}

const char *vp_speaker_names_resolve(const vp_speaker_names *n, const char *name)
{
    vp_person_name p;
    if (!vp_person_name_parse(name, &p))
        return NULL;
    const char *found = NULL;
    size_t hits = 0;
    if (p.form != VP_PERSON_FULL)
        for (size_t i = vp_person_index_first(n->by_key, &p); i != VP_PERSON_NONE && hits < 2;
             i = vp_person_index_next(n->by_key, i))
            if (n->v[i].form == VP_PERSON_FULL && vp_person_name_may_be(&p, &n->v[i])) {
                found = n->v[i].display;
                hits++;
            }
    vp_person_name_clear(&p);
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
    bool is = false;
    for (size_t i = 0; i < speakers->len && !is; i++) {
        vp_person_name p;
        is = vp_person_name_parse(speakers->items[i], &p) && p.form != VP_PERSON_FULL;
        vp_person_name_clear(&p);
    }
    return is;
}

static void remember(pass *ps, unsigned shard, const char *idterm)
{
    VP_GROW(ps->v, ps->cap, ps->n + 1);
    ps->v[ps->n++] = (candidate){shard, vp_xstrdup(idterm)};
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
    vp_list_decode(value, len, &speakers);
    for (size_t i = 0; i < speakers.len; i++)
        vp_speaker_names_add(ps->names, speakers.items[i]);
    if (has_short_name(&speakers))
        remember(ps, shard, idterm);
    vp_strvec_clear(&speakers);
    free(value);
    return true;
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

/* Merges the speakers of d that now have one name: the first keeps its
 * place and takes the organisation and role it lacks from the others. */
static void merge_equal_speakers(vp_document *d)
{
    vp_strset *seen = vp_strset_new();
    size_t kept = 0;
    for (size_t i = 0; i < d->n_speakers; i++) {
        vp_speaker *b = &d->speakers[i];
        char *f = vp_fold(b->name);
        if (!f)
            vp_oom(0);   /* vp_fold fails for want of memory only */
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
    vp_document d;
    vp_document_init(&d);
    char msg[256];
    bool ok = stamp != NULL;
    if (ok && vp_document_from_json(json, len, &d, msg, sizeof msg) != 0) {
        err->status = XAPC_ERR_CORRUPT;
        snprintf(err->message, sizeof err->message, "%s: %s", c->idterm, msg);
        ok = false;
    }
    if (ok && rename_speakers(ps->names, &d)) {
        xapc_doc *doc = vp_docbuilder_build(b, &d, stamp, err);
        ok = doc && xapc_wdb_replace_by_term(wdb, c->idterm, doc, err) != 0;
        xapc_doc_free(doc);
        *rewritten += ok;
    }
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
    bool ok = collect(&ps, s, err);
    for (size_t i = 0; ok && i < ps.n; i++)
        ok = rewrite(&ps, s, b, &ps.v[i], rewritten, err);
    for (size_t i = 0; i < ps.n; i++)
        free(ps.v[i].idterm);
    free(ps.v);
    vp_speaker_names_free(ps.names);
    if (!ok && err->status == XAPC_OK)
        err->status = XAPC_ERR_OTHER;   /* a builder that failed without saying */
    return ok ? XAPC_OK : err->status;
}
