/*
 * page.c: the server-rendered members' page (see page.h).
 *
 * The template has three slots: <!--vp:q--> (the search box's value),
 * <!--vp:hidden--> (form fields that carry the filters and the sort when the
 * form is submitted without JavaScript) and <!--vp:content-->.  Everything
 * written here goes through vp_html_text() or put_url(); only the API's safe
 * "snippet" and "html" are copied as they are.
 */
#include "page.h"
#include "page_internal.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assets.h"
#include "buf.h"
#include "params.h"

/* THE escaping helper: text from the index or the user as HTML text or
 * attribute value. */
void vp_html_text(vp_buf *b, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&': vp_buf_puts(b, "&amp;"); break;
        case '<': vp_buf_puts(b, "&lt;"); break;
        case '>': vp_buf_puts(b, "&gt;"); break;
        case '"': vp_buf_puts(b, "&quot;"); break;
        case '\'': vp_buf_puts(b, "&#39;"); break;
        default: vp_buf_append(b, s, 1);
        }
    }
}

void vp_html_uint(vp_buf *b, unsigned long long n)
{
    char num[24];
    snprintf(num, sizeof num, "%llu", n);
    vp_buf_puts(b, num);
}

/* A URL component, percent-encoded (so also safe in an attribute). */
void vp_html_url_part(vp_buf *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
            (*p >= '0' && *p <= '9') || strchr("-._~", *p)) {
            vp_buf_append(b, (const char *)p, 1);
        } else {
            char esc[4] = {'%', hex[*p >> 4], hex[*p & 15], '\0'};
            vp_buf_puts(b, esc);
        }
    }
}

void vp_page_put_name_href(vp_buf *b, const char *page, const char *name)
{
    vp_buf_puts(b, page);
    vp_html_url_part(b, name ? name : "");
}

void vp_page_put_name_link(vp_buf *b, const char *page, const char *name)
{
    vp_buf_puts(b, "<a href=\"");
    vp_page_put_name_href(b, page, name);
    vp_buf_puts(b, "\">");
    vp_html_text(b, name);
    vp_buf_puts(b, "</a>");
}

static const char *json_str(const json_t *obj, const char *key)
{
    return json_string_value(json_object_get(obj, key));
}

/* ---- links that change the search ------------------------------------------ */

typedef enum { LINK_ADD, LINK_REMOVE, LINK_SET } link_op;

/* href="/?..." for the current parameters with one change: add key=value,
 * remove key=value, or set key to value (drop it when value is ""). Any
 * change but a new page goes back to page 1. */
static void put_url(vp_buf *b, const vp_params *p, link_op op, const char *key,
                    const char *value)
{
    bool first = true;
    vp_buf_puts(b, "/");
    for (size_t i = 0; i <= p->len; i++) {
        const char *k = i < p->len ? p->items[i].key : key;
        const char *v = i < p->len ? p->items[i].value : value;
        if (i < p->len) {
            bool same_key = strcmp(k, key) == 0;
            if ((op == LINK_SET && same_key) || (strcmp(k, "page") == 0 && strcmp(key, "page")) ||
                (op == LINK_REMOVE && same_key && strcmp(v, value) == 0) || !*v)
                continue;
        } else if (op == LINK_REMOVE || !*v) {
            continue;
        }
        vp_buf_puts(b, first ? "?" : "&amp;");
        first = false;
        vp_html_url_part(b, k);
        vp_buf_puts(b, "=");
        vp_html_url_part(b, v);
    }
}

/* ---- the search page ------------------------------------------------------- */

static const char *const facet_labels[] = {"Gemeente", "Spreker", "Thema"};

static bool is_selected(const vp_request *r, int f, const char *value)
{
    for (size_t i = 0; i < r->filters[f].len; i++)
        if (strcmp(r->filters[f].items[i], value) == 0)
            return true;
    return false;
}

static void put_facets(vp_buf *b, const vp_params *p, const vp_request *r, const json_t *facets)
{
    vp_buf_puts(b, "<aside class=\"sidebar\" aria-label=\"Filters\"><h2>Filteren</h2>\n");
    for (int f = 0; f < VP_FACET_YEAR; f++) {
        const char *name = vp_facet_name((vp_facet)f);
        const json_t *values = json_object_get(facets, name);
        vp_buf_puts(b, "<section class=\"facet\"><h3>");
        vp_buf_puts(b, facet_labels[f]);
        vp_buf_puts(b, "</h3><ul class=\"facet-values\">\n");
        size_t i;
        const json_t *v;
        json_array_foreach(values, i, v) {
            if (i >= 10)
                break;
            const char *value = json_str(v, "value");
            bool on = is_selected(r, f, value);
            vp_buf_puts(b, "<li><a href=\"");
            put_url(b, p, on ? LINK_REMOVE : LINK_ADD, name, value);
            vp_buf_puts(b, on ? "\" aria-current=\"true\">&#10003; " : "\">");
            vp_html_text(b, value);
            vp_buf_puts(b, "</a> <span class=\"count\">(");
            vp_html_uint(b, (unsigned long long)json_integer_value(json_object_get(v, "count")));
            vp_buf_puts(b, ")</span></li>\n");
        }
        vp_buf_puts(b, "</ul></section>\n");
    }
    vp_buf_puts(b, "</aside>\n");
}

static void put_chip(vp_buf *b, const vp_params *p, const char *label, const char *key,
                     const char *value)
{
    vp_buf_puts(b, "<li><a class=\"chip\" href=\"");
    put_url(b, p, LINK_REMOVE, key, value);
    vp_buf_puts(b, "\">");
    vp_html_text(b, label);
    vp_buf_puts(b, ": ");
    vp_html_text(b, value);
    vp_buf_puts(b, " <span aria-hidden=\"true\">&#215;</span></a></li>\n");
}

static void put_chips(vp_buf *b, const vp_params *p, const vp_request *r)
{
    vp_buf_puts(b, "<ul class=\"chips\" aria-label=\"Actieve filters\">\n");
    for (int f = 0; f < VP_FACET_YEAR; f++)
        for (size_t i = 0; i < r->filters[f].len; i++)
            put_chip(b, p, facet_labels[f], vp_facet_name((vp_facet)f), r->filters[f].items[i]);
    if (r->from)
        put_chip(b, p, "Vanaf", "from", r->from);
    if (r->to)
        put_chip(b, p, "Tot en met", "to", r->to);
    vp_buf_puts(b, "</ul>\n");
}

static void put_string_list(vp_buf *b, const char *cls, const json_t *values)
{
    if (json_array_size(values) == 0)
        return;
    size_t i;
    const json_t *v;
    vp_buf_puts(b, "<ul class=\"");
    vp_buf_puts(b, cls);
    vp_buf_puts(b, "\">");
    json_array_foreach(values, i, v) {
        vp_buf_puts(b, "<li>");
        vp_html_text(b, json_string_value(v));
        vp_buf_puts(b, "</li>");
    }
    vp_buf_puts(b, "</ul>\n");
}

static void put_report_href(vp_buf *b, const char *id, const vp_request *r)
{
    vp_buf_puts(b, "/r/");
    vp_html_url_part(b, id);
    if (r->q && *r->q) {
        vp_buf_puts(b, "?q=");
        vp_html_url_part(b, r->q);
    }
}

void vp_page_put_when_where(vp_buf *b, const json_t *report)
{
    vp_html_text(b, json_str(report, "date"));
    if (json_str(report, "host")) {
        vp_buf_puts(b, " &#183; ");
        vp_html_text(b, json_str(report, "host"));
    }
}

void vp_page_put_hit(vp_buf *b, const vp_request *r, const json_t *hit)
{
    const char *id = json_str(hit, "id");
    vp_buf_puts(b, "<li class=\"hit\"><h3><a href=\"");
    put_report_href(b, id, r);
    vp_buf_puts(b, "\">");
    vp_html_text(b, json_str(hit, "title"));
    vp_buf_puts(b, "</a></h3>\n<p class=\"meta\">");
    vp_page_put_when_where(b, hit);
    vp_buf_puts(b, "</p>\n");
    put_string_list(b, "tags", json_object_get(hit, "themes"));
    vp_buf_puts(b, "<p class=\"snippet\">");
    vp_buf_puts(b, json_str(hit, "snippet") ? json_str(hit, "snippet") : "");  /* safe HTML */
    vp_buf_puts(b, "</p>\n");
    const json_t *section = json_object_get(hit, "section");
    if (json_is_object(section)) {
        vp_buf_puts(b, "<p class=\"section\">In de sectie <a href=\"");
        put_report_href(b, id, r);
        vp_buf_puts(b, "#");
        vp_html_url_part(b, json_str(section, "anchor"));
        vp_buf_puts(b, "\">");
        vp_html_text(b, json_str(section, "heading"));
        vp_buf_puts(b, "</a></p>\n");
    }
    vp_buf_puts(b, "</li>\n");
}

static void put_pages(vp_buf *b, const vp_params *p, const vp_request *r, json_int_t total)
{
    json_int_t last = (total + r->per_page - 1) / r->per_page;
    if (last <= 1)
        return;
    char num[24];
    vp_buf_puts(b, "<nav class=\"pages\" aria-label=\"Pagina&#8217;s\">");
    if (r->page > 1) {
        snprintf(num, sizeof num, "%u", r->page - 1);
        vp_buf_puts(b, "<a rel=\"prev\" href=\"");
        put_url(b, p, LINK_SET, "page", num);
        vp_buf_puts(b, "\">Vorige</a> ");
    }
    vp_buf_puts(b, "<span class=\"current\" aria-current=\"page\">Pagina ");
    vp_html_uint(b, r->page);
    vp_buf_puts(b, "</span>");
    if ((json_int_t)r->page < last && (json_int_t)r->page * r->per_page < VP_MAX_DEPTH) {
        snprintf(num, sizeof num, "%u", r->page + 1);
        vp_buf_puts(b, " <a rel=\"next\" href=\"");
        put_url(b, p, LINK_SET, "page", num);
        vp_buf_puts(b, "\">Volgende</a>");
    }
    vp_buf_puts(b, "</nav>\n");
}

/* "?q=..&theme=.." of the search's feed: what the search is, without its
 * paging and order (a feed is newest first); "" for every report.  Escaped. */
static void put_feed_query(vp_buf *b, const vp_params *p)
{
    static const char *const skipped[] = {"page", "per_page", "sort", "facet_limit", NULL};
    bool first = true;
    for (size_t i = 0; i < p->len; i++) {
        bool skip = false;
        for (size_t k = 0; skipped[k]; k++)
            skip |= strcmp(p->items[i].key, skipped[k]) == 0;
        if (skip)
            continue;
        vp_buf_puts(b, first ? "?" : "&amp;");
        first = false;
        vp_html_url_part(b, p->items[i].key);
        vp_buf_puts(b, "=");
        vp_html_url_part(b, p->items[i].value);
    }
}

void vp_page_feed_link(vp_buf *b, const char *title, const char *query)
{
    vp_buf_puts(b, "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"");
    vp_html_text(b, title);
    vp_buf_puts(b, "\" href=\"/feed");
    vp_buf_puts(b, query);
    vp_buf_puts(b, "\">");
}

static void put_results(vp_buf *b, const vp_params *p, const vp_request *r, const json_t *res)
{
    json_int_t total = json_integer_value(json_object_get(res, "total"));
    vp_buf_puts(b, "<div class=\"layout\">\n");
    put_facets(b, p, r, json_object_get(res, "facets"));
    vp_buf_puts(b, "<section class=\"results\"><h2 class=\"visually-hidden\">Resultaten</h2>\n"
               "<p class=\"status\" role=\"status\">");
    if (total == 0) {
        vp_buf_puts(b, "Geen verslagen gevonden");
    } else {
        vp_html_uint(b, (unsigned long long)total);
        vp_buf_puts(b, total == 1 ? " verslag gevonden" : " verslagen gevonden");
    }
    vp_buf_puts(b, "</p>\n");
    const char *suggestion = json_str(res, "suggestion");
    if (suggestion && *suggestion) {
        vp_buf_puts(b, "<p class=\"suggestion\">");
        if (json_is_true(json_object_get(res, "corrected"))) {
            vp_buf_puts(b, "Niets gevonden voor &#8220;");
            vp_html_text(b, r->q);
            vp_buf_puts(b, "&#8221;; dit zijn de resultaten voor &#8220;");
            vp_html_text(b, suggestion);
            vp_buf_puts(b, "&#8221;. ");
        }
        vp_buf_puts(b, "Bedoelde u: <a href=\"");
        put_url(b, p, LINK_SET, "q", suggestion);
        vp_buf_puts(b, "\">");
        vp_html_text(b, suggestion);
        vp_buf_puts(b, "</a>?</p>\n");
    }
    put_chips(b, p, r);
    vp_buf_puts(b, "<p class=\"follow\"><a href=\"/feed");
    put_feed_query(b, p);
    vp_buf_puts(b, "\">Volg deze zoekopdracht (Atom-feed)</a></p>\n<ol class=\"hits\">\n");
    size_t i;
    const json_t *hit;
    json_array_foreach(json_object_get(res, "hits"), i, hit)
        vp_page_put_hit(b, r, hit);
    vp_buf_puts(b, "</ol>\n");
    put_pages(b, p, r, total);
    vp_buf_puts(b, "</section>\n</div>\n");
}

static void put_hidden(vp_buf *b, const char *key, const char *value)
{
    vp_buf_puts(b, "<input type=\"hidden\" name=\"");
    vp_html_text(b, key);
    vp_buf_puts(b, "\" value=\"");
    vp_html_text(b, value);
    vp_buf_puts(b, "\">");
}

/* The form's fields besides q: the filters as hidden fields and a sort
 * choice (app.js removes them: it keeps its state itself). */
void vp_page_form_extra(vp_buf *b, const vp_request *r)
{
    static const char *const sorts[][2] = {
        {"", "Relevantie"}, {"date", "Nieuwste eerst"}, {"date_asc", "Oudste eerst"}};
    static const vp_sort sort_ids[] = {VP_SORT_RELEVANCE, VP_SORT_DATE, VP_SORT_DATE_ASC};
    vp_buf_puts(b, "<div class=\"form-extra\">");
    for (int f = 0; f < VP_FACET_YEAR; f++)
        for (size_t i = 0; i < r->filters[f].len; i++)
            put_hidden(b, vp_facet_name((vp_facet)f), r->filters[f].items[i]);
    if (r->from)
        put_hidden(b, "from", r->from);
    if (r->to)
        put_hidden(b, "to", r->to);
    vp_buf_puts(b, "<label for=\"sort-form\">Sorteren</label> <select id=\"sort-form\" name=\"sort\">");
    for (size_t i = 0; i < sizeof sorts / sizeof *sorts; i++) {
        vp_buf_puts(b, "<option value=\"");
        vp_buf_puts(b, sorts[i][0]);
        vp_buf_puts(b, r->sort == sort_ids[i] ? "\" selected>" : "\">");
        vp_buf_puts(b, sorts[i][1]);
        vp_buf_puts(b, "</option>");
    }
    vp_buf_puts(b, "</select></div>");
}

void vp_page_put_error(vp_buf *b, const vp_qerror *e)
{
    vp_buf_puts(b, "<p class=\"status error\" role=\"alert\">Dat lukte niet: ");
    vp_html_text(b, e->message);
    vp_buf_puts(b, "</p>\n");
}

/* ---- the template ------------------------------------------------------------ */

vp_page vp_page_fill(vp_page_slots *sl, int status)
{
    const vp_asset *tpl = vp_asset_find("index.html");
    vp_buf out = VP_BUF_INIT;
    const char *at = tpl ? (const char *)tpl->data : "";
    for (const char *mark; (mark = strstr(at, "<!--vp:")) != NULL;) {
        vp_buf_append(&out, at, (size_t)(mark - at));
        const char *end = strstr(mark, "-->");
        if (!end)
            break;
        size_t name_len = (size_t)(end - mark) - 7;
        if (name_len == 1 && strncmp(mark + 7, "q", 1) == 0)
            vp_html_text(&out, sl->q);
        else if (name_len == 6 && strncmp(mark + 7, "hidden", 6) == 0)
            vp_buf_puts(&out, vp_buf_str(&sl->hidden));
        else if (name_len == 7 && strncmp(mark + 7, "content", 7) == 0)
            vp_buf_puts(&out, vp_buf_str(&sl->content));
        else if (name_len == 4 && strncmp(mark + 7, "head", 4) == 0)
            vp_buf_puts(&out, vp_buf_str(&sl->head));
        at = end + 3;
    }
    vp_buf_puts(&out, at);
    size_t len = out.len;
    vp_page page = {vp_buf_detach(&out), len, status};
    vp_buf_free(&sl->hidden);
    vp_buf_free(&sl->content);
    vp_buf_free(&sl->head);
    return page;
}

/* The page with the form fields of r and the search box filled in; frees
 * the request and its parameters. */
static vp_page finish_page(vp_page_slots *sl, vp_request *r, vp_params *p, int status)
{
    vp_page_form_extra(&sl->hidden, r);
    sl->q = r->q ? r->q : "";
    vp_page page = vp_page_fill(sl, status);
    vp_request_clear(r);
    vp_params_clear(p);
    return page;
}

/* Parses the query string, leaving out empty fields (an empty search box or
 * sort choice of the plain form). */
static int parse_page_request(const char *query, vp_params *p, vp_request *r, vp_qerror *e)
{
    vp_request_init(r);
    if (vp_params_parse(query, p, e) != 0)
        return -1;
    size_t kept = 0;
    for (size_t i = 0; i < p->len; i++) {
        if (*p->items[i].value) {
            p->items[kept++] = p->items[i];
        } else {
            free(p->items[i].key);
            free(p->items[i].value);
        }
    }
    p->len = kept;
    return vp_request_from_params(p, r, NULL, e);
}

vp_page vp_page_search(vp_searcher *s, const char *query)
{
    vp_params p = {0};
    vp_request r;
    vp_qerror e = {0};
    vp_page_slots sl = {0};
    int status = 200;
    if (parse_page_request(query, &p, &r, &e) != 0) {
        status = vp_qerr_http_status(e.kind);
        vp_page_put_error(&sl.content, &e);
    } else if (p.len > 0) {
        json_t *res = vp_search(s, &r, &e);
        if (res)
            put_results(&sl.content, &p, &r, res);
        else
            vp_page_put_error(&sl.content, &e);
        status = res ? 200 : vp_qerr_http_status(e.kind);
        json_decref(res);
    }
    vp_buf feed = VP_BUF_INIT;
    put_feed_query(&feed, &p);
    vp_page_feed_link(&sl.head, "Vindplaats: deze zoekopdracht als Atom-feed", vp_buf_str(&feed));
    vp_buf_free(&feed);
    return finish_page(&sl, &r, &p, status);
}

/* ---- the report page ----------------------------------------------------------- */

/* href of a name's page ("/gemeente/Emmen") or, for a theme, of the search
 * filtered on it ("/?theme=binnenstad"). */
/* One fact of the report as links: a municipality or speaker to its page,
 * a theme to the search filtered on it. */
static void put_fact_links(vp_buf *b, const char *label, const char *page,
                           const json_t *values, const char *field)
{
    if (json_array_size(values) == 0)
        return;
    vp_buf_puts(b, "<dt>");
    vp_buf_puts(b, label);
    vp_buf_puts(b, "</dt><dd><ul class=\"links\">");
    size_t i;
    const json_t *v;
    json_array_foreach(values, i, v) {
        const char *value = field ? json_str(v, field) : json_string_value(v);
        vp_buf_puts(b, "<li>");
        vp_page_put_name_link(b, page, value);
        vp_buf_puts(b, "</li>");
    }
    vp_buf_puts(b, "</ul></dd>\n");
}

static void put_report(vp_buf *b, vp_searcher *s, const vp_params *p, const json_t *doc)
{
    vp_params back = *p;
    vp_buf_puts(b, "<article class=\"report\"><p><a class=\"back\" href=\"");
    put_url(b, &back, LINK_SET, "page", "");
    vp_buf_puts(b, "\">&#8592; Naar de zoekpagina</a></p>\n<h1>");
    vp_html_text(b, json_str(doc, "title"));
    vp_buf_puts(b, "</h1>\n<dl class=\"facts\">");
    if (json_str(doc, "date")) {
        vp_buf_puts(b, "<dt>Datum</dt><dd>");
        vp_html_text(b, json_str(doc, "date"));
        vp_buf_puts(b, "</dd>");
    }
    if (json_str(doc, "host")) {
        vp_buf_puts(b, "<dt>Gastgemeente</dt><dd>");
        vp_page_put_name_link(b, "/gemeente/", json_str(doc, "host"));
        vp_buf_puts(b, "</dd>");
    }
    put_fact_links(b, "Gemeenten", "/gemeente/", json_object_get(doc, "municipalities"), NULL);
    put_fact_links(b, "Sprekers", "/spreker/", json_object_get(doc, "speakers"), "name");
    put_fact_links(b, "Thema&#8217;s", "/?theme=", json_object_get(doc, "themes"), NULL);
    vp_buf_puts(b, "</dl>\n<div class=\"report-body\">");
    vp_buf_puts(b, json_str(doc, "html") ? json_str(doc, "html") : "");  /* safe HTML */
    vp_buf_puts(b, "</div>\n");
    vp_page_put_related(b, s, json_str(doc, "id"));
    vp_buf_puts(b, "</article>\n");
}

vp_page vp_page_report(vp_searcher *s, const char *id, const char *query)
{
    vp_params p = {0};
    vp_request r;
    vp_qerror e = {0};
    vp_page_slots sl = {0};
    int status = 200;
    json_t *doc = NULL;
    if (parse_page_request(query, &p, &r, &e) != 0 || !(doc = vp_document_get(s, id, &e))) {
        status = vp_qerr_http_status(e.kind);
        vp_page_put_error(&sl.content, &e);
    } else {
        put_report(&sl.content, s, &p, doc);
    }
    json_decref(doc);
    return finish_page(&sl, &r, &p, status);
}
