/*
 * report_json.c: a stored report (vp_document JSON) as a search hit or as
 * the whole report of /documents/{id}.  See report_json.h.
 */
#include "report_json.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *strvec_json(const vp_strvec *v)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < v->len; i++)
        json_array_append_new(a, json_string(v->items[i]));
    return a;
}

static json_t *speaker_names(const vp_document *d)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < d->n_speakers; i++)
        json_array_append_new(a, json_string(d->speakers[i].name));
    return a;
}

static json_t *speakers_full(const vp_document *d)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < d->n_speakers; i++)
        json_array_append_new(a, json_pack("{s:s,s:o,s:o}", "name", d->speakers[i].name,
                                           "organisation", str_or_null(d->speakers[i].organisation),
                                           "role", str_or_null(d->speakers[i].role)));
    return a;
}

/* The fields a hit and a whole report share. */
static json_t *common_fields(const vp_document *d)
{
    return json_pack("{s:s,s:s,s:o,s:o,s:s,s:o}",
                     "id", d->id ? d->id : "", "title", d->title ? d->title : "",
                     "date", str_or_null(d->date), "host", str_or_null(d->host),
                     "path", d->path ? d->path : "",
                     "municipalities", strvec_json(&d->municipalities));
}

static int parse_document(const char *data, size_t len, vp_document *d, vp_qerror *e)
{
    char why[256];
    vp_document_init(d);
    if (vp_document_from_json(data, len, d, why, sizeof why) != 0)
        return vp_qfail(e, VP_QERR_INTERNAL, "a stored report cannot be read: %s", why);
    return 0;
}

static char *snippet_of(const xapc_mset *mset, const char *text, const xapc_stem *stem,
                        unsigned flags, xapc_error *xe)
{
    text = text ? text : "";
    return xapc_mset_snippet(mset, text, strlen(text), VP_SNIPPET_BYTES, stem,
                             flags | XAPC_SNIPPET_EXHAUSTIVE, "<mark>", "</mark>",
                             "\xe2\x80\xa6", xe);
}

static unsigned count_marks(const char *s)
{
    unsigned n = 0;
    for (const char *p = s; (p = strstr(p, "<mark>")) != NULL; p += 6)
        n++;
    return n;
}

/* The section whose heading and text hold the most highlighted matches,
 * as {"heading", "anchor"}, or null when no section matches. */
static json_t *best_section(const xapc_mset *mset, const vp_document *d,
                            const xapc_stem *stem, xapc_error *xe)
{
    const vp_section *best = NULL;
    unsigned best_marks = 0;
    for (size_t i = 0; i < d->n_sections; i++) {
        const vp_section *sec = &d->sections[i];
        size_t hl = strlen(sec->heading ? sec->heading : ""), tl = strlen(sec->text ? sec->text : "");
        char *both = malloc(hl + tl + 3);
        if (!both)
            return NULL;
        memcpy(both, sec->heading ? sec->heading : "", hl);
        memcpy(both + hl, "\n\n", 2);
        memcpy(both + hl + 2, sec->text ? sec->text : "", tl + 1);
        char *snip = snippet_of(mset, both, stem, XAPC_SNIPPET_EMPTY_WITHOUT_MATCH, xe);
        free(both);
        if (!snip)
            return NULL;
        unsigned marks = count_marks(snip);
        free(snip);
        if (marks > best_marks) {
            best_marks = marks;
            best = sec;
        }
    }
    if (!best)
        return json_null();
    return json_pack("{s:s,s:s}", "heading", best->heading ? best->heading : "",
                     "anchor", best->anchor ? best->anchor : "");
}

static json_t *hit_from_document(const xapc_mset *mset, uint32_t i, const vp_document *d,
                                 const xapc_stem *stem, bool has_text, xapc_error *xe)
{
    char *snip = snippet_of(mset, d->text, stem, 0, xe);
    json_t *section = snip && has_text ? best_section(mset, d, stem, xe) : json_null();
    double score = xapc_mset_weight(mset, i, xe);
    json_t *hit = NULL;
    if (snip && section) {
        hit = common_fields(d);
        if (hit) {
            json_object_set_new(hit, "speakers", speaker_names(d));
            json_object_set_new(hit, "themes", strvec_json(&d->themes));
            json_object_set_new(hit, "snippet", json_string(snip));
            json_object_set_new(hit, "section", section);
            json_object_set_new(hit, "score", json_real(score));
            section = NULL;
        }
    }
    json_decref(section);
    free(snip);
    return hit;
}

json_t *vp_hit_json(const xapc_mset *mset, uint32_t i, const xapc_stem *stem,
                    bool has_text, xapc_error *xe, vp_qerror *e)
{
    size_t len = 0;
    char *data = xapc_mset_document_data_len(mset, i, &len, xe);
    if (!data)
        return NULL;
    vp_document d;
    json_t *hit = NULL;
    if (parse_document(data, len, &d, e) == 0)
        hit = hit_from_document(mset, i, &d, stem, has_text, xe);
    vp_document_clear(&d);
    free(data);
    return hit;
}

static json_t *sections_json(const vp_document *d)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < d->n_sections; i++)
        json_array_append_new(a, json_pack("{s:s,s:s}",
                                           "heading", d->sections[i].heading ? d->sections[i].heading : "",
                                           "anchor", d->sections[i].anchor ? d->sections[i].anchor : ""));
    return a;
}

json_t *vp_document_json(const char *data, size_t len, vp_qerror *e)
{
    vp_document d;
    json_t *out = NULL;
    if (parse_document(data, len, &d, e) == 0) {
        const char *md = d.markdown ? d.markdown : "";
        /* cmark 0.30 drops raw HTML unless CMARK_OPT_UNSAFE; SAFE says so twice. */
        char *html = cmark_markdown_to_html(md, strlen(md), CMARK_OPT_SAFE);
        out = common_fields(&d);
        if (out && html) {
            json_object_set_new(out, "speakers", speakers_full(&d));
            json_object_set_new(out, "themes", strvec_json(&d.themes));
            json_object_set_new(out, "sections", sections_json(&d));
            json_object_set_new(out, "text", json_string(d.text ? d.text : ""));
            json_object_set_new(out, "html", json_string(html));
        } else {
            json_decref(out);
            out = NULL;
            vp_qfail(e, VP_QERR_INTERNAL, "out of memory");
        }
        free(html);
    }
    vp_document_clear(&d);
    return out;
}
