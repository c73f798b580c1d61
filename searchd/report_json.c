/*
 * report_json.c: a stored report (vp_document JSON) as a search hit or as
 * the whole report of /documents/{id}.  See report_json.h.
 */
#include "report_json.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "hit_record.h"
#include "json_text.h"
#include "schema.h"
#include "mem.h"
#include "text.h"

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

/* ---- a hit reads the stored report without its Markdown ---- */

static const char *skip_space(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
        p++;
    return p;
}

/* Just past the JSON string whose opening quote is at p, or NULL. */
static const char *string_end(const char *p, const char *end)
{
    for (p++; p < end; p++) {
        if (*p == '\\')
            p++;
        else if (*p == '"')
            return p + 1;
    }
    return NULL;
}

/* Just past the JSON value starting at p (strings, objects, arrays and
 * literals), or NULL. */
static const char *value_end(const char *p, const char *end)
{
    size_t depth = 0;
    while (p && p < end) {
        if (*p == '"') {
            p = string_end(p, end);
            if (depth == 0)
                return p;
            continue;
        }
        if (*p == '{' || *p == '[')
            depth++;
        else if (*p == '}' || *p == ']') {
            if (depth == 0)
                return p;            /* a literal ended by its container */
            if (--depth == 0)
                return p + 1;
        } else if (depth == 0 && (*p == ',' || *p == ' ' || *p == '\n'))
            return p;
        p++;
    }
    return p && depth == 0 ? p : NULL;
}

char *vp_json_without_member(const char *data, size_t len, const char *key,
                             size_t *out_len)
{
    const char *end = data + len, *p = skip_space(data, end);
    size_t klen = strlen(key);
    if (p == end || *p++ != '{')
        return NULL;
    for (const char *before = NULL; (p = skip_space(p, end)) < end && *p == '"';) {
        const char *key_start = p, *key_end = string_end(p, end);
        p = key_end ? skip_space(key_end, end) : end;
        if (p == end || *p != ':' || !(p = value_end(skip_space(p + 1, end), end)))
            return NULL;
        const char *member_end = skip_space(p, end);
        bool comma_after = member_end < end && *member_end == ',';
        if ((size_t)(key_end - key_start) == klen + 2 && memcmp(key_start + 1, key, klen) == 0) {
            /* drop the comma before it, or else the one after it */
            const char *cut = before ? before : key_start;
            const char *resume = before ? p : (comma_after ? member_end + 1 : p);
            char *out = vp_xmalloc(len + 1);
            size_t n = (size_t)(cut - data);
            memcpy(out, data, n);
            memcpy(out + n, resume, (size_t)(end - resume));
            *out_len = n + (size_t)(end - resume);
            out[*out_len] = '\0';
            return out;
        }
        if (!comma_after)
            return NULL;
        before = member_end;
        p = member_end + 1;
    }
    return NULL;
}

/* ---- a hit reads its stored hit record (model/hit_record.h) ---- */

static json_t *str_json(vp_hit_str s)
{
    return s.s ? json_stringn(s.s, s.len) : json_null();
}

static json_t *list_json(const vp_hit_view *v, const char *list, size_t n)
{
    json_t *a = json_array();
    const char *cursor = list;
    vp_hit_str item;
    for (size_t i = 0; a && i < n && vp_hit_list_next(v, &cursor, &item); i++)
        json_array_append_new(a, json_stringn(item.s ? item.s : "", item.len));
    return a;
}

static json_t *section_json(const vp_hit_view *v, int section)
{
    const char *cursor = v->sections;
    vp_hit_str heading, anchor;
    for (int i = 0; i <= section; i++)
        if (!vp_hit_section_next(v, &cursor, &heading, &anchor))
            return json_null();
    json_t *o = json_object();
    json_object_set_new(o, "heading", json_stringn(heading.s ? heading.s : "", heading.len));
    json_object_set_new(o, "anchor", json_stringn(anchor.s ? anchor.s : "", anchor.len));
    return o;
}

/* Sets key to value (stolen); false when value is NULL (invalid UTF-8 in
 * the record, or out of memory). */
static bool set(json_t *o, const char *key, json_t *value)
{
    return value && json_object_set_new_nocheck(o, key, value) == 0;
}

json_t *vp_hit_from_record(const char *record, size_t len, double score,
                           const vp_snip_terms *terms, const xapc_stem *stem, vp_qerror *e)
{
    vp_hit_view v;
    if (!vp_hit_view_read(record, len, &v)) {
        vp_qfail(e, VP_QERR_INTERNAL, "a stored report has no readable hit record "
                 "(run the indexer on the index)");
        return NULL;
    }
    vp_buf snip = VP_BUF_INIT;
    int section = vp_snippet(terms, &v, stem, VP_SNIPPET_BYTES, &snip);
    json_t *hit = json_object();
    bool ok = hit && set(hit, "id", str_json(v.id)) && set(hit, "title", str_json(v.title)) &&
              set(hit, "date", str_json(v.date)) && set(hit, "host", str_json(v.host)) &&
              set(hit, "path", str_json(v.path)) &&
              set(hit, "municipalities", list_json(&v, v.municipalities, v.n_municipalities)) &&
              set(hit, "speakers", list_json(&v, v.speakers, v.n_speakers)) &&
              set(hit, "themes", list_json(&v, v.themes, v.n_themes)) &&
              set(hit, "snippet", json_stringn(vp_buf_str(&snip), snip.len)) &&
              set(hit, "section", terms && section >= 0 ? section_json(&v, section) : json_null()) &&
              set(hit, "score", json_real(score));
    vp_buf_free(&snip);
    if (!ok) {
        json_decref(hit);
        vp_qfail(e, VP_QERR_INTERNAL, "a stored hit record cannot be shown");
        return NULL;
    }
    return hit;
}

/* ---- a hit written as JSON text, field by field from the record ---- */

static bool put_member(vp_buf *out, const char *key, vp_hit_str value)
{
    vp_buf_puts(out, key);
    if (!value.s) {
        vp_buf_puts(out, "null");
        return true;
    }
    return vp_json_put_string(out, value.s, value.len);
}

static bool put_list(vp_buf *out, const char *key, const vp_hit_view *v, const char *list,
                     size_t n)
{
    vp_buf_puts(out, key);
    vp_buf_putc(out, '[');
    const char *cursor = list;
    vp_hit_str item;
    bool ok = true;
    for (size_t i = 0; ok && i < n && vp_hit_list_next(v, &cursor, &item); i++) {
        if (i)
            vp_buf_putc(out, ',');
        ok = vp_json_put_string(out, item.s ? item.s : "", item.len);
    }
    vp_buf_putc(out, ']');
    return ok;
}

static bool put_section(vp_buf *out, const vp_hit_view *v, int section)
{
    vp_buf_puts(out, ",\"section\":");
    const char *cursor = v->sections;
    vp_hit_str heading, anchor;
    bool found = section >= 0;
    for (int i = 0; found && i <= section; i++)
        found = vp_hit_section_next(v, &cursor, &heading, &anchor);
    if (!found) {
        vp_buf_puts(out, "null");
        return true;
    }
    vp_buf_puts(out, "{\"heading\":");
    bool ok = vp_json_put_string(out, heading.s ? heading.s : "", heading.len);
    vp_buf_puts(out, ",\"anchor\":");
    ok = ok && vp_json_put_string(out, anchor.s ? anchor.s : "", anchor.len);
    vp_buf_putc(out, '}');
    return ok;
}

int vp_hit_write(vp_buf *out, vp_buf *scratch, const char *record, size_t len, double score,
                 const vp_snip_terms *terms, const xapc_stem *stem, vp_qerror *e)
{
    vp_hit_view v;
    if (!vp_hit_view_read(record, len, &v))
        return vp_qfail(e, VP_QERR_INTERNAL, "a stored report has no readable hit record "
                        "(run the indexer on the index)");
    vp_buf_reset(scratch);
    int section = vp_snippet(terms, &v, stem, VP_SNIPPET_BYTES, scratch);
    size_t start = out->len;
    bool ok = put_member(out, "{\"id\":", v.id) && put_member(out, ",\"title\":", v.title) &&
              put_member(out, ",\"date\":", v.date) && put_member(out, ",\"host\":", v.host) &&
              put_member(out, ",\"path\":", v.path) &&
              put_list(out, ",\"municipalities\":", &v, v.municipalities, v.n_municipalities) &&
              put_list(out, ",\"speakers\":", &v, v.speakers, v.n_speakers) &&
              put_list(out, ",\"themes\":", &v, v.themes, v.n_themes) &&
              put_member(out, ",\"snippet\":", (vp_hit_str){vp_buf_str(scratch), scratch->len}) &&
              put_section(out, &v, terms ? section : -1);
    if (!ok) {
        out->len = start;
        if (out->s)
            out->s[start] = '\0';
        return vp_qfail(e, VP_QERR_INTERNAL, "a stored hit record cannot be shown");
    }
    vp_buf_puts(out, ",\"score\":");
    vp_json_put_real(out, score);
    vp_buf_putc(out, '}');
    return 0;
}

json_t *vp_hit_json(const xapc_mset *mset, uint32_t i, const vp_snip_terms *terms,
                    const xapc_stem *stem, xapc_error *xe, vp_qerror *e)
{
    size_t len = 0;
    char *record = xapc_mset_document_value_len(mset, i, VP_SLOT_HIT, &len, xe);
    double score = record ? xapc_mset_weight(mset, i, xe) : 0;
    json_t *hit = record && xe->status == XAPC_OK
                      ? vp_hit_from_record(record, len, score, terms, stem, e) : NULL;
    free(record);
    return hit;
}

json_t *vp_hit_json_doc(const xapc_db *db, xapc_docid did, double score,
                        const vp_snip_terms *terms, const xapc_stem *stem, xapc_error *xe,
                        vp_qerror *e)
{
    size_t len = 0;
    char *record = xapc_db_document_value_len(db, did, VP_SLOT_HIT, &len, xe);
    json_t *hit = record ? vp_hit_from_record(record, len, score, terms, stem, e) : NULL;
    free(record);
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

/* ---- heading ids: the section anchors land on the rendered headings ---- */

/* The plain text of n's inlines (at most cap-1 bytes); with first_line, only
 * up to the first line break (a pseudo-heading is a paragraph's first line). */
static void inline_text(cmark_node *n, bool first_line, char *out, size_t cap)
{
    size_t len = 0;
    out[0] = '\0';
    cmark_iter *it = cmark_iter_new(n);
    for (cmark_event_type ev; it && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
        cmark_node *c = cmark_iter_get_node(it);
        cmark_node_type t = cmark_node_get_type(c);
        const char *piece = NULL;
        if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE))
            piece = cmark_node_get_literal(c);
        else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) {
            if (first_line)
                break;
            piece = " ";
        }
        for (; piece && *piece && len + 1 < cap; piece++)
            out[len++] = *piece;
        out[len] = '\0';
    }
    cmark_iter_free(it);
}

/* True when the node's text gives the anchor base (the anchor without the
 * "-2" the indexer adds to a repeated heading). */
static bool node_has_anchor_base(cmark_node *n, const char *base)
{
    char text[512];
    inline_text(n, cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH, text, sizeof text);
    char *a = vp_anchor(text);
    bool same = a && strcmp(*a ? a : "sectie", base) == 0;
    free(a);
    return same;
}

static bool anchor_is_safe(const char *a)
{
    return *a && strspn(a, "abcdefghijklmnopqrstuvwxyz0123456789-") == strlen(a);
}

/* Replaces n by a custom block that renders the same element with an id. */
static void give_id(cmark_node *n, const char *anchor)
{
    char tag[4] = "p", enter[128], leave[8];
    if (cmark_node_get_type(n) == CMARK_NODE_HEADING)
        snprintf(tag, sizeof tag, "h%d", cmark_node_get_heading_level(n));
    snprintf(enter, sizeof enter, "<%s id=\"%s\">", tag, anchor);
    snprintf(leave, sizeof leave, "</%s>", tag);
    cmark_node *b = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
    if (!b || !cmark_node_set_on_enter(b, enter) || !cmark_node_set_on_exit(b, leave)) {
        cmark_node_free(b);
        return;
    }
    for (cmark_node *c; (c = cmark_node_first_child(n)) != NULL;)
        cmark_node_append_child(b, c);
    cmark_node_replace(n, b);
    cmark_node_free(n);
}

/* Walks the AST in document order and matches the stored sections, in their
 * order, to headings (level 2 and deeper) and paragraphs (pseudo-headings),
 * as the indexer found them; the matched nodes get the section's anchor. */
static void add_heading_ids(cmark_node *doc, const vp_document *d)
{
    size_t n_marked = 0, si = 0;
    cmark_node **marked = vp_xcalloc(d->n_sections + 1, sizeof *marked);
    cmark_iter *it = cmark_iter_new(doc);
    char *base = NULL;
    for (cmark_event_type ev; it && si < d->n_sections &&
                              (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
        cmark_node *n = cmark_iter_get_node(it);
        cmark_node_type t = cmark_node_get_type(n);
        bool candidate = ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_PARAGRAPH ||
                         (t == CMARK_NODE_HEADING && cmark_node_get_heading_level(n) >= 2));
        if (!candidate)
            continue;
        if (!base)
            base = vp_anchor(d->sections[si].heading ? d->sections[si].heading : "");
        if (node_has_anchor_base(n, *base ? base : "sectie")) {
            marked[n_marked++] = n;
            si++;
            free(base);
            base = NULL;
        }
    }
    free(base);
    cmark_iter_free(it);
    for (size_t i = 0; i < n_marked; i++)
        if (d->sections[i].anchor && anchor_is_safe(d->sections[i].anchor))
            give_id(marked[i], d->sections[i].anchor);
    free(marked);
}

/* The report's Markdown as safe HTML with ids on the section headings. */
static char *render_html(const vp_document *d)
{
    const char *md = d->markdown ? d->markdown : "";
    /* cmark 0.30 drops raw HTML unless CMARK_OPT_UNSAFE; SAFE says so twice. */
    cmark_node *doc = cmark_parse_document(md, strlen(md), CMARK_OPT_SAFE);
    if (!doc)
        return NULL;
    add_heading_ids(doc, d);
    char *html = cmark_render_html(doc, CMARK_OPT_SAFE);
    cmark_node_free(doc);
    return html;
}

json_t *vp_document_json(const char *data, size_t len, vp_qerror *e)
{
    vp_document d;
    json_t *out = NULL;
    if (parse_document(data, len, &d, e) == 0) {
        char *html = render_html(&d);
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
