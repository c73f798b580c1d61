/*
 * frontmatter.c: YAML front matter with libyaml's document API (see
 * frontmatter.h).  Known fields only; unknown keys are ignored so that
 * authors can keep their own bookkeeping in the front matter.
 */
#include "frontmatter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "text.h"

/* Length of the line at s (up to and excluding '\n'), and whether it is a
 * fence: `---` (or `...` when closing) followed only by spaces. */
static bool is_fence(const char *s, size_t len, bool closing)
{
    size_t n = 0;
    while (n < len && s[n] != '\n')
        n++;
    if (n > 0 && s[n - 1] == '\r')
        n--;
    if (n < 3)
        return false;
    if (memcmp(s, "---", 3) != 0 && !(closing && memcmp(s, "...", 3) == 0))
        return false;
    for (size_t i = 3; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return false;
    return true;
}

static void set_error(vp_fm_error *err, int line, const char *msg, const char *detail)
{
    err->line = line;
    if (detail && *detail)
        snprintf(err->message, sizeof err->message, "%s: %s", msg, detail);
    else
        snprintf(err->message, sizeof err->message, "%s", msg);
}

/* ---- reading nodes ----------------------------------------------------- */

static char *scalar_copy(const yaml_node_t *n)
{
    char *s = vp_strndup((const char *)n->data.scalar.value, n->data.scalar.length);
    return s ? vp_trim(s) : NULL;
}

/* A list field: a YAML sequence of scalars, or one scalar of comma-separated
 * values (`tags: binnenstad, wonen`). */
static int read_list(yaml_document_t *doc, yaml_node_t *n, vp_strvec *out,
                     int line_base, const char *key, vp_fm_error *err)
{
    if (n->type == YAML_SCALAR_NODE) {
        char *all = scalar_copy(n);
        if (!all)
            return -1;
        for (char *save = NULL, *tok = strtok_r(all, ",;", &save); tok;
             tok = strtok_r(NULL, ",;", &save))
            if (*vp_trim(tok))
                vp_strvec_push(out, tok);
        free(all);
        return 0;
    }
    if (n->type != YAML_SEQUENCE_NODE) {
        set_error(err, line_base + (int)n->start_mark.line, "front matter field", key);
        snprintf(err->message + strlen(err->message),
                 sizeof err->message - strlen(err->message), " must be a list");
        return -1;
    }
    for (yaml_node_item_t *it = n->data.sequence.items.start;
         it < n->data.sequence.items.top; it++) {
        yaml_node_t *item = yaml_document_get_node(doc, *it);
        if (!item)
            continue;
        if (item->type == YAML_SCALAR_NODE) {
            char *s = scalar_copy(item);
            if (s && *s)
                vp_strvec_push(out, s);
            free(s);
        } else if (item->type == YAML_MAPPING_NODE && strcmp(key, "speakers") == 0) {
            /* {name, organisation, role} becomes "role name (organisation)",
             * the same shape as a speaker string, parsed later. */
            char *name = NULL, *org = NULL, *role = NULL;
            for (yaml_node_pair_t *p = item->data.mapping.pairs.start;
                 p < item->data.mapping.pairs.top; p++) {
                yaml_node_t *k = yaml_document_get_node(doc, p->key);
                yaml_node_t *v = yaml_document_get_node(doc, p->value);
                if (!k || !v || k->type != YAML_SCALAR_NODE || v->type != YAML_SCALAR_NODE)
                    continue;
                const char *ks = (const char *)k->data.scalar.value;
                char **slot = !strcmp(ks, "name") || !strcmp(ks, "naam") ? &name
                            : !strcmp(ks, "organisation") || !strcmp(ks, "organisatie") ||
                              !strcmp(ks, "organization") ? &org
                            : !strcmp(ks, "role") || !strcmp(ks, "rol") ? &role : NULL;
                if (slot && !*slot)
                    *slot = scalar_copy(v);
            }
            if (name && *name) {
                char buf[512];
                snprintf(buf, sizeof buf, "%s%s%s%s%s%s", role ? role : "",
                         role ? " " : "", name, org ? " (" : "", org ? org : "",
                         org ? ")" : "");
                vp_strvec_push(out, buf);
            }
            free(name);
            free(org);
            free(role);
        } else {
            set_error(err, line_base + (int)item->start_mark.line,
                      "front matter list holds a nested structure", key);
            return -1;
        }
    }
    return 0;
}

static int read_scalar(yaml_node_t *n, char **out, int line_base, const char *key,
                       vp_fm_error *err)
{
    if (n->type != YAML_SCALAR_NODE) {
        set_error(err, line_base + (int)n->start_mark.line,
                  "front matter field must be text", key);
        return -1;
    }
    if (*out)
        return 0; /* `location` and `host` both given: the first wins */
    *out = scalar_copy(n);
    return *out ? 0 : -1;
}

/* The author's own words for what the report is about, in Dutch or English:
 * the themes stage reads them as the title's words (or as a theme when one
 * names it).  A site's category ("categorie: Nieuws") says what kind of
 * page it is, not its subject, and is left out. */
static bool is_tags_key(const char *key)
{
    static const char *const keys[] = {"themes", "tags", "themas", "thema's", "trefwoorden",
                                       "onderwerpen", "onderwerp", "keywords", "labels"};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        if (!strcmp(key, keys[i]))
            return true;
    return false;
}

static int read_field(yaml_document_t *doc, const char *key, yaml_node_t *v,
                      vp_frontmatter *fm, int line_base, vp_fm_error *err)
{
    if (!strcmp(key, "title") || !strcmp(key, "titel"))
        return read_scalar(v, &fm->title, line_base, key, err);
    if (!strcmp(key, "date") || !strcmp(key, "datum")) {
        fm->date_line = line_base + (int)v->start_mark.line;
        return read_scalar(v, &fm->date, line_base, key, err);
    }
    if (!strcmp(key, "publicatiedatum") || !strcmp(key, "published") ||
        !strcmp(key, "gepubliceerd") || !strcmp(key, "publication_date")) {
        if (!fm->date_line)
            fm->date_line = line_base + (int)v->start_mark.line;
        return read_scalar(v, &fm->published, line_base, key, err);
    }
    /* "plaats", "venue": where the day was, a town or a venue with its town */
    if (!strcmp(key, "location") || !strcmp(key, "host") || !strcmp(key, "locatie") ||
        !strcmp(key, "gastgemeente") || !strcmp(key, "plaats") || !strcmp(key, "venue"))
        return read_scalar(v, &fm->host, line_base, key, err);
    if (!strcmp(key, "municipalities") || !strcmp(key, "gemeenten"))
        return read_list(doc, v, &fm->municipalities, line_base, key, err);
    if (!strcmp(key, "speakers") || !strcmp(key, "sprekers"))
        return read_list(doc, v, &fm->speakers, line_base, "speakers", err);
    if (is_tags_key(key))
        return read_list(doc, v, &fm->themes, line_base, key, err);
    return 0;
}

/* ---- the YAML document ------------------------------------------------- */

/* libyaml's cost per token grows with the depth of flow nesting (it looks
 * at every open level's possible simple key for each token), so
 * `[[[[...]]]]` is quadratic: 200 kB took 21 s.  Its loader also looks up
 * every alias among all anchors.  An event pass stops at the first
 * construct past these limits, long before the cost adds up; no real
 * front matter comes near them. */
enum { FM_MAX_DEPTH = 32, FM_MAX_ANCHORS = 256 };

static const unsigned char *event_anchor(const yaml_event_t *ev)
{
    switch (ev->type) {
    case YAML_SCALAR_EVENT: return ev->data.scalar.anchor;
    case YAML_SEQUENCE_START_EVENT: return ev->data.sequence_start.anchor;
    case YAML_MAPPING_START_EVENT: return ev->data.mapping_start.anchor;
    default: return NULL;
    }
}

/* 0 when yaml stays within the limits (or is invalid: the loader says
 * how); -1 with err filled when it does not. */
static int check_shape(const char *yaml, size_t len, int line_base, vp_fm_error *err)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return set_error(err, line_base, "out of memory", NULL), -1;
    yaml_parser_set_input_string(&parser, (const unsigned char *)yaml, len);
    int depth = 0, anchors = 0, rc = 0;
    for (bool done = false; !done && rc == 0;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev))
            break;
        if (ev.type == YAML_SEQUENCE_START_EVENT || ev.type == YAML_MAPPING_START_EVENT)
            depth++;
        else if (ev.type == YAML_SEQUENCE_END_EVENT || ev.type == YAML_MAPPING_END_EVENT)
            depth--;
        if (event_anchor(&ev) || ev.type == YAML_ALIAS_EVENT)
            anchors++;
        if (depth > FM_MAX_DEPTH || anchors > FM_MAX_ANCHORS) {
            err->line = line_base + (int)ev.start_mark.line;
            if (depth > FM_MAX_DEPTH)
                snprintf(err->message, sizeof err->message,
                         "front matter nested more than %d levels deep", FM_MAX_DEPTH);
            else
                snprintf(err->message, sizeof err->message,
                         "front matter with more than %d anchors and aliases", FM_MAX_ANCHORS);
            rc = -1;
        }
        done = ev.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&parser);
    return rc;
}

static int parse_yaml(const char *yaml, size_t len, vp_frontmatter *fm,
                      int line_base, vp_fm_error *err)
{
    yaml_parser_t parser;
    yaml_document_t doc;
    if (check_shape(yaml, len, line_base, err) != 0)
        return -1;
    if (!yaml_parser_initialize(&parser))
        return set_error(err, line_base, "out of memory", NULL), -1;
    yaml_parser_set_input_string(&parser, (const unsigned char *)yaml, len);
    if (!yaml_parser_load(&parser, &doc)) {
        /* The context mark is where the broken construct opened (an
         * unclosed bracket), which is where the author has to look. */
        size_t line = parser.context ? parser.context_mark.line : parser.problem_mark.line;
        set_error(err, line_base + (int)line, "invalid YAML front matter", parser.problem);
        yaml_parser_delete(&parser);
        return -1;
    }
    int rc = 0;
    yaml_node_t *root = yaml_document_get_root_node(&doc);
    if (root && root->type != YAML_MAPPING_NODE) {
        set_error(err, line_base, "front matter is not a set of `key: value` lines", NULL);
        rc = -1;
    }
    for (yaml_node_pair_t *p = root && rc == 0 ? root->data.mapping.pairs.start : NULL;
         p && p < root->data.mapping.pairs.top && rc == 0; p++) {
        yaml_node_t *k = yaml_document_get_node(&doc, p->key);
        yaml_node_t *v = yaml_document_get_node(&doc, p->value);
        if (k && v && k->type == YAML_SCALAR_NODE)
            rc = read_field(&doc, (const char *)k->data.scalar.value, v, fm,
                            line_base, err);
    }
    yaml_document_delete(&doc);
    yaml_parser_delete(&parser);
    return rc;
}

int vp_frontmatter_parse(const char *src, size_t len, vp_frontmatter *fm,
                         size_t *body_offset, int *body_line, vp_fm_error *err)
{
    *body_offset = 0;
    *body_line = 1;
    if (len >= 3 && !memcmp(src, "\xEF\xBB\xBF", 3)) { /* UTF-8 byte order mark */
        src += 3;
        len -= 3;
        *body_offset = 3;
    }
    if (!is_fence(src, len, false))
        return 0;
    size_t pos = 0;
    int line = 1;
    while (pos < len && src[pos] != '\n')
        pos++;
    size_t yaml_start = pos < len ? pos + 1 : pos;
    pos = yaml_start;
    line = 2;
    while (pos < len) {
        if (is_fence(src + pos, len - pos, true)) {
            fm->present = true;
            size_t end = pos;
            while (pos < len && src[pos] != '\n')
                pos++;
            *body_offset += pos < len ? pos + 1 : pos;
            *body_line = line + 1;
            if (end - yaml_start > VP_FM_MAX_BYTES) {
                set_error(err, 1, "front matter longer than 64 KiB", NULL);
                return -1;
            }
            return parse_yaml(src + yaml_start, end - yaml_start, fm, 2, err);
        }
        while (pos < len && src[pos] != '\n')
            pos++;
        pos++;
        line++;
    }
    set_error(err, 1, "front matter opened with `---` is never closed", NULL);
    return -1;
}
