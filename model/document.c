/*
 * document.c: a report and its stored JSON form (jansson).
 */
#include "document.h"
#include "datafile.h"
#include "mem.h"
#include "schema.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void vp_document_init(vp_document *d)
{
    memset(d, 0, sizeof *d);
}

void vp_document_clear(vp_document *d)
{
    free(d->id);
    free(d->path);
    free(d->title);
    free(d->date);
    free(d->host);
    vp_strvec_clear(&d->municipalities);
    for (size_t i = 0; i < d->n_speakers; i++) {
        free(d->speakers[i].name);
        free(d->speakers[i].organisation);
        free(d->speakers[i].role);
    }
    free(d->speakers);
    vp_strvec_clear(&d->people);
    vp_strvec_clear(&d->themes);
    free(d->theme_levels);
    vp_strvec_clear(&d->tags);
    for (size_t i = 0; i < d->n_sections; i++) {
        free(d->sections[i].heading);
        free(d->sections[i].anchor);
        free(d->sections[i].text);
    }
    free(d->sections);
    free(d->text);
    free(d->markdown);
    vp_document_init(d);
}

/* A copy of s, NULL for NULL. */
static char *dup_opt(const char *s)
{
    return s ? vp_xstrdup(s) : NULL;
}

int vp_document_add_speaker(vp_document *d, const char *name, const char *org,
                            const char *role)
{
    if (!name)
        return 0;
    d->speakers = vp_xrealloc(d->speakers, (d->n_speakers + 1) * sizeof *d->speakers);
    d->speakers[d->n_speakers++] = (vp_speaker){dup_opt(name), dup_opt(org), dup_opt(role)};
    return 1;
}

int vp_document_add_section(vp_document *d, const char *heading,
                            const char *anchor, const char *text)
{
    d->sections = vp_xrealloc(d->sections, (d->n_sections + 1) * sizeof *d->sections);
    d->sections[d->n_sections++] = (vp_section){vp_xstrdup(heading ? heading : ""),
                                                vp_xstrdup(anchor ? anchor : ""),
                                                vp_xstrdup(text ? text : "")};
    return 1;
}

/* ---- to JSON ------------------------------------------------------------ */

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *strvec_json(const vp_strvec *v)
{
    json_t *a = json_array();
    if (!a)
        return NULL;
    for (size_t i = 0; i < v->len; i++) {
        if (json_array_append_new(a, json_string(v->items[i])) != 0) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

/* The themes' levels, or NULL (out of memory). */
static json_t *levels_json(const vp_document *d)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < d->themes.len; i++)
        if (json_array_append_new(a, json_integer(d->theme_levels[i])) != 0) {
            json_decref(a);
            return NULL;
        }
    return a;
}

/* Sets key to a new value; false (and nothing leaked) when value is NULL
 * (out of memory or invalid UTF-8). */
static bool set(json_t *o, const char *key, json_t *value)
{
    return value && json_object_set_new(o, key, value) == 0;
}

char *vp_document_to_json(const vp_document *d)
{
    json_t *o = json_object(), *sp = NULL, *sec = NULL;
    char *out = NULL;
    if (!o)
        return NULL;
    if (!set(o, "id", json_string(d->id ? d->id : ""))
        || !set(o, "path", json_string(d->path ? d->path : ""))
        || !set(o, "title", json_string(d->title ? d->title : ""))
        || !set(o, "date", str_or_null(d->date))
        || !set(o, "host", str_or_null(d->host))
        || !set(o, "municipalities", strvec_json(&d->municipalities)))
        goto done;
    sp = json_array();
    if (!sp)
        goto done;
    for (size_t i = 0; i < d->n_speakers; i++) {
        const vp_speaker *s = &d->speakers[i];
        json_t *e = json_pack("{s:s, s:o, s:o}", "name", s->name ? s->name : "",
                              "organisation", str_or_null(s->organisation),
                              "role", str_or_null(s->role));
        if (!e || json_array_append_new(sp, e) != 0)
            goto done;
    }
    if (!set(o, "speakers", sp)) {
        sp = NULL;   /* set() consumed it */
        goto done;
    }
    sp = NULL;
    if (!set(o, "themes", strvec_json(&d->themes)) || !set(o, "tags", strvec_json(&d->tags)))
        goto done;
    if (d->theme_levels && !set(o, "theme_levels", levels_json(d)))
        goto done;
    sec = json_array();
    if (!sec)
        goto done;
    for (size_t i = 0; i < d->n_sections; i++) {
        const vp_section *s = &d->sections[i];
        json_t *e = json_pack("{s:s, s:s, s:s}", "heading", s->heading ? s->heading : "",
                              "anchor", s->anchor ? s->anchor : "",
                              "text", s->text ? s->text : "");
        if (!e || json_array_append_new(sec, e) != 0)
            goto done;
    }
    if (!set(o, "sections", sec)) {
        sec = NULL;
        goto done;
    }
    sec = NULL;
    if (!set(o, "text", json_string(d->text ? d->text : ""))
        || !set(o, "markdown", json_string(d->markdown ? d->markdown : "")))
        goto done;
    out = json_dumps(o, JSON_COMPACT);
done:
    json_decref(sp);
    json_decref(sec);
    json_decref(o);
    return out;
}

/* ---- from JSON ---------------------------------------------------------- */

enum { REQUIRED, EMPTY_IF_MISSING, NULLABLE };

/* Reads o[key] as a string into *out.  Returns 0, or -1 with errbuf set. */
static int get_str(json_t *o, const char *key, const char *ctx, int mode, char **out,
                   char *errbuf, size_t errlen)
{
    json_t *v = json_object_get(o, key);
    const char *s;
    *out = NULL;
    if (!v || json_is_null(v)) {
        if (mode == NULLABLE)
            return 0;
        if (mode == REQUIRED || v) {
            vp_errorf(errbuf, errlen, "%s%s: %s", ctx, key, v ? "expected a string, not null"
                                                        : "missing");
            return -1;
        }
        s = "";
    } else if (!json_is_string(v)) {
        vp_errorf(errbuf, errlen, "%s%s: expected a string", ctx, key);
        return -1;
    } else {
        s = json_string_value(v);
    }
    *out = vp_xstrdup(s);
    return 0;
}

static int get_strvec(json_t *o, const char *key, vp_strvec *v, char *errbuf, size_t errlen)
{
    json_t *a = json_object_get(o, key), *e;
    size_t i;
    if (!a || json_is_null(a))
        return 0;
    if (!json_is_array(a)) {
        vp_errorf(errbuf, errlen, "%s: expected an array", key);
        return -1;
    }
    json_array_foreach(a, i, e) {
        if (!json_is_string(e)) {
            vp_errorf(errbuf, errlen, "%s[%zu]: expected a string", key, i);
            return -1;
        }
        vp_strvec_push(v, json_string_value(e));
    }
    return 0;
}

/* "theme_levels": one level per theme, or absent (an index written before
 * them, or a document built by hand: every theme at full level). */
static int get_levels(json_t *o, vp_document *d, char *errbuf, size_t errlen)
{
    json_t *a = json_object_get(o, "theme_levels"), *e;
    size_t i;
    if (!a || json_is_null(a))
        return 0;
    if (!json_is_array(a) || json_array_size(a) != d->themes.len) {
        vp_errorf(errbuf, errlen, "theme_levels: expected an array of %zu levels",
                  d->themes.len);
        return -1;
    }
    d->theme_levels = vp_xcalloc(d->themes.len + 1, 1);
    json_array_foreach(a, i, e) {
        json_int_t v = json_is_integer(e) ? json_integer_value(e) : -1;
        if (v < 0 || v > VP_THEME_LEVELS) {
            vp_errorf(errbuf, errlen, "theme_levels[%zu]: expected 0 to %d", i,
                      VP_THEME_LEVELS);
            return -1;
        }
        d->theme_levels[i] = (unsigned char)v;
    }
    return 0;
}

static int parse(json_t *root, vp_document *d, char *errbuf, size_t errlen)
{
    json_t *a, *e;
    size_t i;
    char ctx[64];

    if (!json_is_object(root)) {
        vp_errorf(errbuf, errlen, "expected a JSON object");
        return -1;
    }
    if (get_str(root, "id", "", REQUIRED, &d->id, errbuf, errlen)
        || get_str(root, "path", "", EMPTY_IF_MISSING, &d->path, errbuf, errlen)
        || get_str(root, "title", "", EMPTY_IF_MISSING, &d->title, errbuf, errlen)
        || get_str(root, "date", "", NULLABLE, &d->date, errbuf, errlen)
        || get_str(root, "host", "", NULLABLE, &d->host, errbuf, errlen)
        || get_strvec(root, "municipalities", &d->municipalities, errbuf, errlen)
        || get_strvec(root, "themes", &d->themes, errbuf, errlen)
        || get_levels(root, d, errbuf, errlen)
        || get_strvec(root, "tags", &d->tags, errbuf, errlen)
        || get_str(root, "text", "", EMPTY_IF_MISSING, &d->text, errbuf, errlen)
        || get_str(root, "markdown", "", EMPTY_IF_MISSING, &d->markdown, errbuf, errlen))
        return -1;

    a = json_object_get(root, "speakers");
    if (a && !json_is_null(a)) {
        if (!json_is_array(a)) {
            vp_errorf(errbuf, errlen, "speakers: expected an array");
            return -1;
        }
        if (json_array_size(a) > 0) {
            d->speakers = vp_xcalloc(json_array_size(a), sizeof *d->speakers);
        }
        json_array_foreach(a, i, e) {
            vp_speaker *s = &d->speakers[i];
            snprintf(ctx, sizeof ctx, "speakers[%zu].", i);
            if (!json_is_object(e)) {
                vp_errorf(errbuf, errlen, "speakers[%zu]: expected an object", i);
                return -1;
            }
            d->n_speakers = i + 1;   /* so that clear() frees what is set */
            if (get_str(e, "name", ctx, REQUIRED, &s->name, errbuf, errlen)
                || get_str(e, "organisation", ctx, NULLABLE, &s->organisation, errbuf, errlen)
                || get_str(e, "role", ctx, NULLABLE, &s->role, errbuf, errlen))
                return -1;
        }
    }

    a = json_object_get(root, "sections");
    if (a && !json_is_null(a)) {
        if (!json_is_array(a)) {
            vp_errorf(errbuf, errlen, "sections: expected an array");
            return -1;
        }
        if (json_array_size(a) > 0) {
            d->sections = vp_xcalloc(json_array_size(a), sizeof *d->sections);
        }
        json_array_foreach(a, i, e) {
            vp_section *s = &d->sections[i];
            snprintf(ctx, sizeof ctx, "sections[%zu].", i);
            if (!json_is_object(e)) {
                vp_errorf(errbuf, errlen, "sections[%zu]: expected an object", i);
                return -1;
            }
            d->n_sections = i + 1;
            if (get_str(e, "heading", ctx, EMPTY_IF_MISSING, &s->heading, errbuf, errlen)
                || get_str(e, "anchor", ctx, EMPTY_IF_MISSING, &s->anchor, errbuf, errlen)
                || get_str(e, "text", ctx, EMPTY_IF_MISSING, &s->text, errbuf, errlen))
                return -1;
        }
    }
    return 0;
}

int vp_document_from_json(const char *json, size_t len, vp_document *d,
                          char *errbuf, size_t errlen)
{
    json_error_t jerr;
    json_t *root;
    vp_document tmp;
    int rc;

    if (errbuf && errlen)
        errbuf[0] = '\0';
    if (!json) {
        vp_errorf(errbuf, errlen, "no JSON");
        return -1;
    }
    root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        vp_errorf(errbuf, errlen, "invalid JSON at line %d column %d: %s", jerr.line,
            jerr.column, jerr.text);
        return -1;
    }
    vp_document_init(&tmp);
    rc = parse(root, &tmp, errbuf, errlen);
    json_decref(root);
    if (rc != 0) {
        vp_document_clear(&tmp);
        return -1;
    }
    vp_document_clear(d);
    *d = tmp;
    return 0;
}
