/*
 * entity.c: GET /municipalities/{name} and GET /speakers/{name}, what the
 * index knows of one municipality or one speaker (see explore.h).
 *
 * Both start from the search a member would run, /search with the one
 * filter, newest first: its total, its year and theme counts and its page
 * of hits are the page's, so a page counts exactly what the facet filter
 * finds (a merged municipality its predecessors' reports too, as the
 * indexer gives every report the terms of the successors of the places it
 * names).  What a search does not count is read from the reports
 * themselves, walking the matches in date order (the export's iterator):
 * a speaker's organisations over time and the municipalities they spoke
 * in, and a municipality's own speakers, among the reports where a
 * speaker's name or organisation mentions it (spreker:"Emmen").
 */
#include "explore.h"
#include "query_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "document.h"
#include "facets.h"
#include "mem.h"
#include "params.h"
#include "schema.h"
#include "terms.h"
#include "text.h"

/* Reports read to find speakers and organisations; more are counted but not
 * read ("complete": false). */
#define VP_ENTITY_READ_MAX 5000

/* ---- the request --------------------------------------------------------------- */

void vp_entity_request_init(vp_entity_request *r)
{
    r->page = 1;
    r->per_page = VP_ENTITY_DEFAULT_PER_PAGE;
}

int vp_entity_request_set(vp_entity_request *r, const char *key, const char *value,
                          vp_qerror *e)
{
    if (strcmp(key, "page") != 0 && strcmp(key, "per_page") != 0)
        return vp_qfail(e, VP_QERR_BAD_PARAMETER, "unknown parameter '%.60s' (this page "
                        "takes page and per_page)", key);
    vp_request probe;
    vp_request_init(&probe);
    int rc = vp_request_set(&probe, key, value, e);   /* the same limits as /search */
    if (rc == 0 && key[0] == 'p' && key[1] == 'a')
        r->page = probe.page;
    else if (rc == 0)
        r->per_page = probe.per_page;
    vp_request_clear(&probe);
    return rc;
}

int vp_entity_params(const char *query, vp_entity_request *r, vp_qerror *e)
{
    vp_params p;
    vp_entity_request_init(r);
    if (vp_params_parse(query, &p, e) != 0)
        return -1;
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < p.len; i++) {
        for (size_t j = 0; rc == 0 && j < i; j++)
            if (strcmp(p.items[i].key, p.items[j].key) == 0)
                rc = vp_qfail(e, VP_QERR_BAD_PARAMETER, "parameter '%.60s' is given more "
                              "than once", p.items[i].key);
        if (rc == 0)
            rc = vp_entity_request_set(r, p.items[i].key, p.items[i].value, e);
    }
    vp_params_clear(&p);
    return rc;
}

/* ---- shared steps -------------------------------------------------------------- */

/* /search with one filter (facet f = value), newest first, on page r. */
static json_t *filtered_search(vp_searcher *s, vp_facet f, const char *value, const char *q,
                               const vp_entity_request *er, vp_qerror *e)
{
    vp_request r;
    vp_request_init(&r);
    char num[16];
    bool ok = vp_request_set(&r, vp_facet_name(f), value, e) == 0 &&
              vp_request_set(&r, "sort", "date", e) == 0 &&
              vp_request_set(&r, "facet_limit", "0", e) == 0 &&
              (!q || vp_request_set(&r, "q", q, e) == 0);
    snprintf(num, sizeof num, "%u", er->page);
    ok = ok && vp_request_set(&r, "page", num, e) == 0;
    snprintf(num, sizeof num, "%u", er->per_page);
    ok = ok && vp_request_set(&r, "per_page", num, e) == 0;
    json_t *out = ok ? vp_search(s, &r, e) : NULL;
    vp_request_clear(&r);
    return out;
}

/* A facet of a search result, the years in year order (a chart's). */
static json_t *facet_of(const json_t *result, const char *name)
{
    json_t *list = json_object_get(json_object_get(result, "facets"), name);
    return list ? json_incref(list) : json_array();
}

static int by_value(const void *a, const void *b)
{
    const json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
    return strcmp(json_string_value(json_object_get(x, "value")),
                  json_string_value(json_object_get(y, "value")));
}

static json_t *years_of(const json_t *result)
{
    json_t *years = facet_of(result, "year");
    size_t n = json_array_size(years);
    json_t **items = vp_xmalloc((n ? n : 1) * sizeof *items);
    for (size_t i = 0; i < n; i++)
        items[i] = json_incref(json_array_get(years, i));
    qsort(items, n, sizeof *items, by_value);
    json_t *sorted = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(sorted, items[i]);
    free(items);
    json_decref(years);
    return sorted;
}

/* Calls fn for every report of the request in date order (oldest first),
 * at most VP_ENTITY_READ_MAX of them; *complete says whether that was all. */
typedef bool (*report_fn)(const vp_document *d, void *ctx);

static int each_report(vp_searcher *s, vp_request *r, report_fn fn, void *ctx,
                       bool *complete, vp_qerror *e)
{
    r->sort = VP_SORT_DATE_ASC;
    *complete = true;
    vp_match_iter *it = vp_match_iter_new(s, r, e);
    if (!it)
        return -1;
    uint32_t index, read = 0;
    const xapc_mset *m;
    int rc = 0;
    while (rc == 0 && (m = vp_match_iter_next(it, &index, e)) != NULL) {
        if (read++ == VP_ENTITY_READ_MAX) {
            *complete = false;
            break;
        }
        xapc_error xe;
        size_t len = 0;
        char *data = xapc_mset_document_data_len(m, index, &len, &xe);
        vp_document d;
        char why[256];
        vp_document_init(&d);
        if (!data)
            rc = vp_searcher_fail(s, &xe, e, "reading a report");
        else if (vp_document_from_json(data, len, &d, why, sizeof why) != 0)
            rc = vp_qfail(e, VP_QERR_INTERNAL, "a stored report cannot be read: %s", why);
        else if (!fn(&d, ctx))
            rc = vp_qfail(e, VP_QERR_INTERNAL, "out of memory");
        vp_document_clear(&d);
        free(data);
    }
    if (rc == 0 && e->kind != VP_QERR_NONE)
        rc = -1;
    vp_match_iter_free(it);
    return rc;
}

static json_t *str_or_null(const char *s)
{
    return s && *s ? json_string(s) : json_null();
}

/* ---- a municipality --------------------------------------------------------------- */

/* The name without the province's mark a gazetteer name may carry
 * ("Middelburg (Z.)" is "Middelburg" in a speaker's organisation). */
static char *plain_name(const char *name)
{
    const char *paren = strstr(name, " (");
    return paren ? vp_xstrndup(name, (size_t)(paren - name)) : vp_xstrdup(name);
}

/* True when the folded text holds the folded name as whole words. */
static bool names_place(const char *text, const char *name)
{
    if (!text || !*text)
        return false;
    char *t = vp_fold_key(text), *n = vp_fold_key(name);
    bool found = false;
    size_t nl = strlen(n);
    for (const char *p = t; nl && (p = strstr(p, n)) != NULL; p++) {
        bool starts = p == t || p[-1] == ' ';
        bool ends = p[nl] == '\0' || p[nl] == ' ';
        if (starts && ends) {
            found = true;
            break;
        }
    }
    free(t);
    free(n);
    return found;
}

typedef struct person {
    char *name, *organisation, *role;
    unsigned reports;
    char *first, *last;          /* dates of the first and last report, or NULL */
} person;

typedef struct people {
    person *items;
    size_t len, cap;
} people;

static void people_clear(people *p)
{
    for (size_t i = 0; i < p->len; i++) {
        free(p->items[i].name);
        free(p->items[i].organisation);
        free(p->items[i].role);
        free(p->items[i].first);
        free(p->items[i].last);
    }
    free(p->items);
}

static void set_str(char **slot, const char *value)
{
    free(*slot);
    *slot = value ? vp_xstrdup(value) : NULL;
}

typedef struct own_speakers {
    const vp_strvec *names;      /* the municipality and its predecessors, plain */
    people found;
} own_speakers;

/* Collects the speakers of d whose organisation names the municipality or
 * one of its predecessors; reports come oldest first, so the last seen
 * organisation and role are the latest. */
static bool add_own_speakers(const vp_document *d, void *ctx)
{
    own_speakers *o = ctx;
    for (size_t i = 0; i < d->n_speakers; i++) {
        const vp_speaker *sp = &d->speakers[i];
        bool ours = false;
        for (size_t k = 0; !ours && k < o->names->len; k++)
            ours = names_place(sp->organisation, o->names->items[k]);
        if (!ours)
            continue;
        person *p = NULL;
        for (size_t k = 0; !p && k < o->found.len; k++)
            if (vp_fold_equal(o->found.items[k].name, sp->name))
                p = &o->found.items[k];
        if (!p) {
            VP_GROW(o->found.items, o->found.cap, o->found.len + 1);
            p = &o->found.items[o->found.len++];
            *p = (person){.name = vp_xstrdup(sp->name)};
            set_str(&p->first, d->date);
        }
        p->reports++;
        set_str(&p->organisation, sp->organisation);
        set_str(&p->role, sp->role);
        set_str(&p->last, d->date);
    }
    return true;
}

static int by_reports_then_name(const void *a, const void *b)
{
    const person *x = a, *y = b;
    if (x->reports != y->reports)
        return x->reports > y->reports ? -1 : 1;
    return strcmp(x->name, y->name);
}

/* spreker:"Name" OR spreker:"Predecessor" ...: the reports where a speaker's
 * name or organisation mentions one of names (the indexer puts both under
 * the speaker prefix). */
static char *speaker_query(const vp_strvec *names)
{
    vp_buf q = VP_BUF_INIT;
    for (size_t i = 0; i < names->len; i++) {
        vp_buf_printf(&q, "%sspreker:\"", i ? " OR " : "");
        for (const char *c = names->items[i]; *c; c++)
            vp_buf_putc(&q, *c == '"' ? ' ' : *c);
        vp_buf_putc(&q, '"');
    }
    return vp_buf_detach(&q);
}

static json_t *people_json(people *p, bool with_dates)
{
    qsort(p->items, p->len, sizeof *p->items, by_reports_then_name);
    json_t *a = json_array();
    for (size_t i = 0; i < p->len; i++) {
        json_t *o = json_pack("{s:s,s:o,s:o,s:I}", "name", p->items[i].name,
                              "organisation", str_or_null(p->items[i].organisation),
                              "role", str_or_null(p->items[i].role),
                              "reports", (json_int_t)p->items[i].reports);
        if (o && with_dates) {
            json_object_set_new(o, "first", str_or_null(p->items[i].first));
            json_object_set_new(o, "last", str_or_null(p->items[i].last));
        }
        json_array_append_new(a, o);
    }
    return a;
}

/* The municipality's own speakers, among the reports the filter finds. */
static json_t *speakers_from(vp_searcher *s, const char *official, const vp_strvec *names,
                             bool *complete, vp_qerror *e)
{
    vp_request r;
    vp_request_init(&r);
    char *q = speaker_query(names);
    own_speakers o = {.names = names};
    json_t *out = NULL;
    if (vp_request_set(&r, "municipality", official, e) == 0 &&
        vp_request_set(&r, "q", q, e) == 0 &&
        each_report(s, &r, add_own_speakers, &o, complete, e) == 0)
        out = people_json(&o.found, false);
    people_clear(&o.found);
    free(q);
    vp_request_clear(&r);
    return out;
}

/* The reports hosted by the municipality or a predecessor, among those the
 * filter finds: the filter FILTER (XO name OR XO predecessor ...). */
static json_t *count_hosted(vp_searcher *s, const vp_request *r, const vp_strvec *names,
                            vp_qerror *e)
{
    xapc_error xe;
    xapc_error_clear(&xe);
    uint32_t all;
    if (vp_searcher_doccount(s, &all, e) != 0)
        return NULL;
    xapc_query *every = xapc_query_match_all(&xe);
    xapc_query *filtered = every ? vp_build_query(s, r, VP_N_FACETS, every, e) : NULL;
    xapc_query **hosts = vp_xcalloc(names->len, sizeof *hosts);
    bool ok = filtered != NULL;
    for (size_t i = 0; ok && i < names->len; i++) {
        char *term = vp_filter_term(VP_PREFIX_HOST, names->items[i]);
        ok = (hosts[i] = xapc_query_term(term, 1, 0, &xe)) != NULL;
        free(term);
    }
    xapc_query *any = ok ? xapc_query_combine(XAPC_OP_OR, (const xapc_query *const *)hosts,
                                              names->len, 0, &xe) : NULL;
    const xapc_query *both[2] = {filtered, any};
    xapc_query *q = any ? xapc_query_combine(XAPC_OP_FILTER, both, 2, 0, &xe) : NULL;
    xapc_enquire *enq = q ? xapc_enquire_new(s->db, &xe) : NULL;
    xapc_mset *m = enq && xapc_enquire_set_query(enq, q, &xe) == XAPC_OK
                       ? xapc_enquire_get_mset(enq, 0, 0, all, &xe) : NULL;
    json_t *out = m ? json_integer(xapc_mset_matches_estimated(m)) : NULL;
    if (!m && e->kind == VP_QERR_NONE)
        vp_searcher_fail(s, &xe, e, "counting the hosted reports");
    xapc_mset_free(m);
    xapc_enquire_free(enq);
    xapc_query_free(q);
    xapc_query_free(any);
    for (size_t i = 0; i < names->len; i++)
        xapc_query_free(hosts[i]);
    free(hosts);
    xapc_query_free(filtered);
    xapc_query_free(every);
    return out;
}

typedef struct hosted_arg {
    const vp_request *r;
    const vp_strvec *names;
} hosted_arg;

static json_t *do_count_hosted(vp_searcher *s, const void *arg, vp_qerror *e)
{
    const hosted_arg *a = arg;
    return count_hosted(s, a->r, a->names, e);
}

/* "Veghel, Schijndel en Sint-Oedenrode, sinds 2017 Meierijstad": a
 * municipality's mergers in words, one clause per year and successor. */
static void put_names(vp_buf *b, const vp_municipality *const *ms, size_t n)
{
    for (size_t i = 0; i < n; i++)
        vp_buf_printf(b, "%s%s", i == 0 ? "" : i + 1 == n ? " en " : ", ", ms[i]->name);
}

static int by_end_then_name(const void *a, const void *b)
{
    const vp_municipality *x = *(const vp_municipality *const *)a,
                          *y = *(const vp_municipality *const *)b;
    if (x->ended != y->ended)
        return x->ended < y->ended ? -1 : 1;
    int c = strcmp(x->successor ? x->successor : "", y->successor ? y->successor : "");
    return c ? c : strcmp(x->name, y->name);
}

/* The history of m: for a current municipality the mergers that made it
 * (earliest first), for a former one its way to today's municipality;
 * NULL when it has none. */
static char *history_of(const vp_gazetteer *g, const vp_municipality *m)
{
    vp_buf b = VP_BUF_INIT;
    if (m->ended) {
        vp_buf_puts(&b, m->name);
        const vp_municipality *at = m;
        for (int hops = 0; at && at->ended && at->successor && hops < 16; hops++) {
            vp_buf_printf(&b, ", sinds %d %s", at->ended, at->successor);
            at = vp_gazetteer_lookup(g, at->successor);
        }
        return vp_buf_detach(&b);
    }
    size_t n = vp_gazetteer_predecessors(g, m, NULL, 0);
    if (n == 0)
        return NULL;
    const vp_municipality **pre = vp_xmalloc(n * sizeof *pre);
    vp_gazetteer_predecessors(g, m, pre, n);
    qsort(pre, n, sizeof *pre, by_end_then_name);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && pre[j]->ended == pre[i]->ended &&
               strcmp(pre[j]->successor ? pre[j]->successor : "",
                      pre[i]->successor ? pre[i]->successor : "") == 0)
            j++;
        if (b.len)
            vp_buf_puts(&b, "; ");
        put_names(&b, pre + i, j - i);
        vp_buf_printf(&b, ", sinds %d %s", pre[i]->ended,
                      pre[i]->successor ? pre[i]->successor : m->name);
        i = j;
    }
    free(pre);
    return vp_buf_detach(&b);
}

/* The municipality's facts from the gazetteer: name, province, ended,
 * successor, predecessors, history.  names gets the plain names whose
 * reports the filter finds (it and its predecessors). */
static json_t *municipality_facts(const vp_searcher *s, const vp_municipality *m,
                                  const char *name, vp_strvec *names)
{
    json_t *pre = json_array();
    vp_strvec_push(names, name);
    if (!m)
        return json_pack("{s:s,s:n,s:n,s:n,s:o,s:n}", "name", name, "province", "ended",
                         "successor", "predecessors", pre, "history");
    size_t n = vp_gazetteer_predecessors(s->gazetteer, m, NULL, 0);
    const vp_municipality **list = vp_xmalloc((n ? n : 1) * sizeof *list);
    vp_gazetteer_predecessors(s->gazetteer, m, list, n);
    qsort(list, n, sizeof *list, by_end_then_name);
    for (size_t i = 0; i < n; i++) {
        json_array_append_new(pre, json_pack("{s:s,s:i,s:o}", "name", list[i]->name,
                                             "ended", list[i]->ended,
                                             "successor", str_or_null(list[i]->successor)));
        vp_strvec_push(names, list[i]->name);
    }
    free(list);
    char *history = history_of(s->gazetteer, m);
    json_t *out = json_pack("{s:s,s:o,s:o,s:o,s:o,s:o}", "name", m->name,
                            "province", str_or_null(m->province),
                            "ended", m->ended ? json_integer(m->ended) : json_null(),
                            "successor", str_or_null(m->ended ? m->successor : NULL),
                            "predecessors", pre, "history", str_or_null(history));
    free(history);
    return out;
}

/* Clears e; false (e set: a 404) for a name no filter value can be. */
static bool name_can_be(const char *name, const char *what, vp_qerror *e)
{
    e->kind = VP_QERR_NONE;
    e->message[0] = '\0';
    if (*name && strlen(name) <= VP_MAX_VALUE_BYTES && vp_utf8_valid(name, strlen(name), NULL))
        return true;
    vp_qfail(e, VP_QERR_NOT_FOUND, "no %s by that name", what);
    return false;
}

json_t *vp_municipality_page(vp_searcher *s, const char *name, const vp_entity_request *er,
                             vp_qerror *e)
{
    if (!name_can_be(name, "municipality", e))
        return NULL;
    const vp_municipality *m = s->gazetteer ? vp_gazetteer_lookup(s->gazetteer, name) : NULL;
    const char *official = m ? m->name : name;
    vp_strvec names = VP_STRVEC_INIT, plain = VP_STRVEC_INIT;
    json_t *facts = municipality_facts(s, m, official, &names);
    json_t *found = facts ? filtered_search(s, VP_FACET_MUNICIPALITY, official, NULL, er, e) : NULL;
    json_t *out = NULL, *hosted = NULL, *speakers = NULL;
    json_int_t total = json_integer_value(json_object_get(found, "total"));
    if (found && total == 0 && !m) {
        vp_qfail(e, VP_QERR_NOT_FOUND, "no municipality or report named '%.200s'", name);
    } else if (found) {
        for (size_t i = 0; i < names.len; i++) {
            char *p = plain_name(names.items[i]);
            vp_strvec_push_unique(&plain, p);
            free(p);
        }
        vp_request r;
        vp_request_init(&r);
        bool complete = true;
        if (vp_request_set(&r, "municipality", official, e) == 0) {
            hosted_arg a = {&r, &names};
            hosted = vp_searcher_with_retry(s, do_count_hosted, &a, e);
        }
        speakers = hosted ? speakers_from(s, official, &plain, &complete, e) : NULL;
        vp_request_clear(&r);
        if (speakers) {
            out = facts;
            facts = NULL;
            json_object_set_new(out, "total", json_integer(total));
            json_object_set_new(out, "hosted", hosted);
            json_object_set_new(out, "years", years_of(found));
            json_object_set_new(out, "themes", facet_of(found, "theme"));
            json_object_set_new(out, "speakers", speakers);
            json_object_set_new(out, "speakers_complete", json_boolean(complete));
            json_object_set_new(out, "page", json_integer(er->page));
            json_object_set_new(out, "per_page", json_integer(er->per_page));
            json_object_set_new(out, "reports", json_incref(json_object_get(found, "hits")));
            hosted = speakers = NULL;
        }
    }
    json_decref(hosted);
    json_decref(speakers);
    json_decref(found);
    json_decref(facts);
    vp_strvec_clear(&names);
    vp_strvec_clear(&plain);
    return out;
}

/* ---- a speaker ------------------------------------------------------------------------ */

/* One stretch of a speaker's career: the reports, in date order, in which
 * they spoke for the same organisation in the same role.  A report that
 * leaves the organisation or the role out (the writer did not say) does not
 * end a stretch; one that names another does. */
typedef struct spoken {
    const char *name;            /* the speaker, as asked */
    char *display;               /* as the reports write it (the latest) */
    people stretches;            /* name = "", in date order */
    vp_facet_counts *hosts;
} spoken;

/* True when a and b do not contradict each other (either unknown, or the
 * same when folded). */
static bool agrees(const char *a, const char *b)
{
    return !a || !*a || !b || !*b || vp_fold_equal(a, b);
}

static bool add_spoken(const vp_document *d, void *ctx)
{
    spoken *sp = ctx;
    const vp_speaker *me = NULL;
    for (size_t i = 0; !me && i < d->n_speakers; i++)
        if (vp_fold_equal(d->speakers[i].name, sp->name))
            me = &d->speakers[i];
    if (!me)
        return true;
    set_str(&sp->display, me->name);
    if (d->host)
        vp_facet_counts_add_list(sp->hosts, d->host, strlen(d->host), 1);
    person *last = sp->stretches.len ? &sp->stretches.items[sp->stretches.len - 1] : NULL;
    if (!last || !agrees(last->organisation, me->organisation) || !agrees(last->role, me->role)) {
        VP_GROW(sp->stretches.items, sp->stretches.cap, sp->stretches.len + 1);
        last = &sp->stretches.items[sp->stretches.len++];
        *last = (person){.name = vp_xstrdup("")};
        set_str(&last->first, d->date);
    }
    if (me->organisation && *me->organisation)
        set_str(&last->organisation, me->organisation);
    if (me->role && *me->role)
        set_str(&last->role, me->role);
    last->reports++;
    set_str(&last->last, d->date);
    return true;
}

static json_t *stretches_json(const people *p)
{
    json_t *a = json_array();
    for (size_t i = 0; i < p->len; i++)
        json_array_append_new(a, json_pack("{s:o,s:o,s:o,s:o,s:I}",
                                           "organisation", str_or_null(p->items[i].organisation),
                                           "role", str_or_null(p->items[i].role),
                                           "from", str_or_null(p->items[i].first),
                                           "to", str_or_null(p->items[i].last),
                                           "reports", (json_int_t)p->items[i].reports));
    return a;
}

json_t *vp_speaker_page(vp_searcher *s, const char *name, const vp_entity_request *er,
                        vp_qerror *e)
{
    if (!name_can_be(name, "speaker", e))
        return NULL;
    json_t *found = filtered_search(s, VP_FACET_SPEAKER, name, NULL, er, e);
    json_int_t total = json_integer_value(json_object_get(found, "total"));
    if (found && total == 0) {
        json_decref(found);
        vp_qfail(e, VP_QERR_NOT_FOUND, "no report has a speaker named '%.200s'", name);
        return NULL;
    }
    if (!found)
        return NULL;
    spoken sp = {.name = name, .hosts = vp_facet_counts_new()};
    vp_request r;
    vp_request_init(&r);
    bool complete = true;
    json_t *out = NULL;
    if (vp_request_set(&r, "speaker", name, e) == 0 &&
        each_report(s, &r, add_spoken, &sp, &complete, e) == 0) {
        json_t *hosts = vp_facet_counts_to_json(sp.hosts, 0, NULL, NULL);
        out = json_pack("{s:s,s:I,s:o,s:b,s:o,s:o,s:o,s:I,s:I,s:O}",
                        "name", sp.display ? sp.display : name, "total", total,
                        "organisations", stretches_json(&sp.stretches),
                        "organisations_complete", complete,
                        "years", years_of(found), "themes", facet_of(found, "theme"),
                        "municipalities", hosts ? hosts : json_array(),
                        "page", (json_int_t)er->page, "per_page", (json_int_t)er->per_page,
                        "reports", json_object_get(found, "hits"));
        if (!out)
            vp_qfail(e, VP_QERR_INTERNAL, "out of memory");
    }
    vp_request_clear(&r);
    people_clear(&sp.stretches);
    vp_facet_counts_free(sp.hosts);
    free(sp.display);
    json_decref(found);
    return out;
}
