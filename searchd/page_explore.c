/*
 * page_explore.c: the server-rendered views that follow a thread (issue
 * 20): a municipality's page (/gemeente/{name}), a speaker's page
 * (/spreker/{name}) and a report's related reports.  The same JSON as the
 * API's (explore.h), drawn as HTML for a member without JavaScript; app.js
 * draws the same views from the same URLs.  Every value from the index goes
 * through vp_html_text() or vp_html_url_part(); only a hit's snippet is
 * copied as the query layer made it (safe HTML).
 */
#include "page_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "explore.h"

static const char *json_str(const json_t *obj, const char *key)
{
    return json_string_value(json_object_get(obj, key));
}

static json_int_t json_int(const json_t *obj, const char *key)
{
    return json_integer_value(json_object_get(obj, key));
}

/* "?facet=value" plus more (escaped), the search filtered on a name. */
static void put_search_href(vp_buf *b, const char *facet, const char *value)
{
    vp_buf_puts(b, "/?");
    vp_buf_puts(b, facet);
    vp_buf_puts(b, "=");
    vp_html_url_part(b, value);
}

/* ---- pieces both pages have ---------------------------------------------------- */

/* The years as a bar chart (inline SVG: the page's CSP allows no style
 * attributes, and SVG's geometry is attributes); each bar links to the
 * search filtered on the name and that year. */
static void put_year_chart(vp_buf *b, const json_t *years, const char *facet, const char *name)
{
    size_t n = json_array_size(years);
    if (n == 0)
        return;
    const double W = 260, H = 110, TOP = 14, BOTTOM = 16, step = W / (double)n;
    json_int_t max = 1;
    size_t i;
    const json_t *y;
    json_array_foreach(years, i, y)
        max = json_int(y, "count") > max ? json_int(y, "count") : max;
    vp_buf_printf(b, "<svg class=\"year-chart\" viewBox=\"0 0 %g %g\" width=\"100%%\" role=\"group\" "
                  "aria-label=\"Verslagen per jaar\">", W, H);
    json_array_foreach(years, i, y) {
        const char *year = json_str(y, "value");
        json_int_t count = json_int(y, "count");
        double h = (H - TOP - BOTTOM) * (double)count / (double)max, x = (double)i * step;
        h = h < 2 ? 2 : h;
        vp_buf_puts(b, "<a href=\"");
        put_search_href(b, facet, name);
        vp_buf_puts(b, "&amp;from=");
        vp_html_text(b, year);
        vp_buf_puts(b, "&amp;to=");
        vp_html_text(b, year);
        vp_buf_puts(b, "\" class=\"year-bar\" data-year=\"");
        vp_html_text(b, year);
        vp_buf_puts(b, "\"><title>");
        vp_html_text(b, year);
        vp_buf_printf(b, ": %lld %s</title>", (long long)count, count == 1 ? "verslag" : "verslagen");
        vp_buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"1\"></rect>",
                      x + 2, H - BOTTOM - h, step - 4 > 2 ? step - 4 : 2, h);
        vp_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"n\">%lld</text>", x + step / 2,
                      H - BOTTOM - h - 3, (long long)count);
        vp_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"year\">", x + step / 2, H - 4);
        if (n > 8 && year && strlen(year) == 4)
            vp_buf_printf(b, "&#8217;%s", year + 2);
        else
            vp_html_text(b, year);
        vp_buf_puts(b, "</text></a>");
    }
    vp_buf_puts(b, "</svg>\n");
}

/* The themes, each a link to the search filtered on the name and it. */
static void put_themes(vp_buf *b, const json_t *themes, const char *facet, const char *name)
{
    vp_buf_puts(b, "<section class=\"entity-part\"><h2>Thema&#8217;s</h2>");
    if (json_array_size(themes) == 0)
        vp_buf_puts(b, "<p class=\"meta\">Geen thema&#8217;s.</p>");
    else
        vp_buf_puts(b, "<ul class=\"counts\">");
    size_t i;
    const json_t *t;
    json_array_foreach(themes, i, t) {
        vp_buf_puts(b, "<li><a href=\"");
        put_search_href(b, facet, name);
        vp_buf_puts(b, "&amp;theme=");
        vp_html_url_part(b, json_str(t, "value"));
        vp_buf_puts(b, "\">");
        vp_html_text(b, json_str(t, "label") ? json_str(t, "label") : json_str(t, "value"));
        vp_buf_printf(b, "</a> <span class=\"count\">(%lld)</span></li>", (long long)json_int(t, "count"));
    }
    if (json_array_size(themes))
        vp_buf_puts(b, "</ul>");
    vp_buf_puts(b, "</section>\n");
}

/* "3 verslagen · Zoek in deze verslagen · Atom-feed". */
static void put_summary(vp_buf *b, const json_t *page, const char *facet, const char *name,
                        const char *extra)
{
    json_int_t total = json_int(page, "total");
    vp_buf_printf(b, "<p class=\"summary\"><span class=\"total\">%lld %s</span>", (long long)total,
                  total == 1 ? "verslag" : "verslagen");
    if (extra)
        vp_buf_puts(b, extra);
    vp_buf_puts(b, " &#183; <a href=\"");
    put_search_href(b, facet, name);
    vp_buf_puts(b, "\">Zoek in deze verslagen</a> &#183; <a href=\"/feed?");
    vp_buf_puts(b, facet);
    vp_buf_puts(b, "=");
    vp_html_url_part(b, name);
    vp_buf_puts(b, "\">Volg als Atom-feed</a></p>\n");
}

/* The page of reports, newest first, with links to the other pages. */
static void put_reports(vp_buf *b, const json_t *page, const char *base, const char *name)
{
    json_int_t total = json_int(page, "total"), pg = json_int(page, "page"),
               per = json_int(page, "per_page");
    vp_request none;
    vp_request_init(&none);
    vp_buf_puts(b, "<section class=\"entity-reports\"><h2>Verslagen</h2>");
    vp_buf_printf(b, "<ol class=\"hits\" start=\"%lld\">\n", (long long)((pg - 1) * per + 1));
    size_t i;
    const json_t *hit;
    json_array_foreach(json_object_get(page, "reports"), i, hit)
        vp_page_put_hit(b, &none, hit);
    vp_buf_puts(b, "</ol>\n");
    json_int_t last = per > 0 ? (total + per - 1) / per : 1;
    if (last > 1) {
        vp_buf_puts(b, "<nav class=\"pages\" aria-label=\"Pagina&#8217;s\">");
        for (int step = -1; step <= 1; step += 2) {
            json_int_t to = pg + step;
            if (to < 1 || to > last || to * per > VP_MAX_DEPTH + per)
                continue;
            vp_buf_printf(b, " <a rel=\"%s\" href=\"", step < 0 ? "prev" : "next");
            vp_page_put_name_href(b, base, name);
            vp_buf_printf(b, "?page=%lld", (long long)to);
            if (per != VP_ENTITY_DEFAULT_PER_PAGE)
                vp_buf_printf(b, "&amp;per_page=%lld", (long long)per);
            vp_buf_printf(b, "\">%s</a>", step < 0 ? "Vorige" : "Volgende");
            if (step < 0)
                vp_buf_printf(b, " <span class=\"current\" aria-current=\"page\">Pagina %lld</span>",
                              (long long)pg);
        }
        vp_buf_puts(b, "</nav>\n");
    }
    vp_buf_puts(b, "</section>\n");
    vp_request_clear(&none);
}

/* The parts both pages have (the year chart, the themes), then the start
 * of the last part, headed before + name + after. */
static void put_years_themes(vp_buf *b, const json_t *page, const char *facet, const char *name,
                             const char *before, const char *after)
{
    vp_buf_puts(b, "<section class=\"entity-part\"><h2>Verslagen per jaar</h2>");
    put_year_chart(b, json_object_get(page, "years"), facet, name);
    vp_buf_puts(b, "</section>\n");
    put_themes(b, json_object_get(page, "themes"), facet, name);
    vp_buf_puts(b, "<section class=\"entity-part\"><h2>");
    vp_buf_puts(b, before);
    vp_html_text(b, name);
    vp_buf_puts(b, after);
    vp_buf_puts(b, "</h2>");
}

/* Closes the last part and the grid, and puts the reports below. */
static void put_end(vp_buf *b, const json_t *page, const char *base, const char *name)
{
    vp_buf_puts(b, "</section>\n</div>\n");
    put_reports(b, page, base, name);
    vp_buf_puts(b, "</article>\n");
}

/* Runs read (a municipality's or a speaker's page) and draws it with put;
 * a bad parameter or an unknown name is drawn as an error with its
 * status. */
typedef json_t *(*entity_read)(vp_searcher *, const char *, const vp_entity_request *,
                               vp_qerror *);
typedef void (*entity_put)(vp_buf *, const json_t *);

static vp_page entity_page(vp_searcher *s, const char *name, const char *query,
                           entity_read read, entity_put put, const char *facet)
{
    vp_entity_request r;
    vp_qerror e = {0};
    vp_page_slots sl = {0};
    json_t *page = NULL;
    int status = 200;
    if (vp_entity_params(query, &r, &e) != 0 || !(page = read(s, name, &r, &e))) {
        status = vp_qerr_http_status(e.kind);
        vp_page_put_error(&sl.content, &e);
    } else {
        put(&sl.content, page);
        vp_buf feed = VP_BUF_INIT, title = VP_BUF_INIT;
        vp_buf_printf(&feed, "?%s=", facet);
        vp_html_url_part(&feed, json_str(page, "name"));
        vp_buf_printf(&title, "Vindplaats: verslagen met %s %s",
                      facet[0] == 'm' ? "gemeente" : "spreker", json_str(page, "name"));
        vp_page_feed_link(&sl.head, vp_buf_str(&title), vp_buf_str(&feed));
        vp_buf_free(&feed);
        vp_buf_free(&title);
    }
    json_decref(page);
    vp_request none;
    vp_request_init(&none);
    vp_page_form_extra(&sl.hidden, &none);
    vp_request_clear(&none);
    sl.q = "";
    return vp_page_fill(&sl, status);
}

/* A part's list of links to pages ("/spreker/" + the item's key), each
 * with what item_extra adds, or the line none when it is empty. */
typedef void (*item_extra)(vp_buf *b, const json_t *item);

static void put_linked_list(vp_buf *b, const json_t *items, const char *none, const char *page,
                            const char *key, item_extra extra)
{
    if (json_array_size(items) == 0) {
        vp_buf_puts(b, "<p class=\"meta\">");
        vp_buf_puts(b, none);
        vp_buf_puts(b, "</p>");
        return;
    }
    vp_buf_puts(b, "<ul class=\"counts\">");
    size_t i;
    const json_t *item;
    json_array_foreach(items, i, item) {
        vp_buf_puts(b, "<li>");
        vp_page_put_name_link(b, page, json_str(item, key));
        extra(b, item);
        vp_buf_puts(b, "</li>");
    }
    vp_buf_puts(b, "</ul>");
}

/* " role, organisation (3)" of a municipality's speaker. */
static void put_speaker_extra(vp_buf *b, const json_t *sp)
{
    const char *org = json_str(sp, "organisation"), *role = json_str(sp, "role");
    if (org || role) {
        vp_buf_puts(b, " <span class=\"meta\">");
        vp_html_text(b, role ? role : "");
        vp_buf_puts(b, role && org ? ", " : "");
        vp_html_text(b, org ? org : "");
        vp_buf_puts(b, "</span>");
    }
    vp_buf_printf(b, " <span class=\"count\">(%lld)</span>", (long long)json_int(sp, "reports"));
}

/* " (2)" of a speaker's municipality. */
static void put_count_extra(vp_buf *b, const json_t *m)
{
    vp_buf_printf(b, " <span class=\"count\">(%lld)</span>", (long long)json_int(m, "count"));
}

/* ---- a municipality ------------------------------------------------------------------ */

static void put_municipality(vp_buf *b, const json_t *m)
{
    const char *name = json_str(m, "name"), *province = json_str(m, "province");
    vp_buf_puts(b, "<article class=\"entity\" data-kind=\"municipality\">"
                   "<p><a class=\"back\" href=\"/\">&#8592; Naar de zoekpagina</a></p>\n<h1>");
    vp_html_text(b, name);
    vp_buf_puts(b, "</h1>\n<p class=\"lede\">");
    vp_buf_puts(b, json_is_integer(json_object_get(m, "ended")) ? "Voormalige gemeente" : "Gemeente");
    if (province) {
        vp_buf_puts(b, " in ");
        vp_html_text(b, province);
    }
    if (json_str(m, "successor")) {
        vp_buf_puts(b, ", opgegaan in ");
        vp_page_put_name_link(b, "/gemeente/", json_str(m, "successor"));
    }
    vp_buf_puts(b, ".</p>\n");
    if (json_str(m, "history")) {
        vp_buf_puts(b, "<p class=\"history\">");
        vp_html_text(b, json_str(m, "history"));
        vp_buf_puts(b, ".");
        const json_t *pre = json_object_get(m, "predecessors"), *p;
        size_t i;
        if (json_array_size(pre)) {
            vp_buf_puts(b, " Voorgangers: ");
            json_array_foreach(pre, i, p) {
                vp_buf_puts(b, i ? ", " : "");
                vp_page_put_name_link(b, "/gemeente/", json_str(p, "name"));
            }
            vp_buf_puts(b, ".");
        }
        vp_buf_puts(b, "</p>\n");
    }
    char hosted[64];
    json_int_t h = json_int(m, "hosted");
    snprintf(hosted, sizeof hosted, ", waarvan %lld als gastgemeente", (long long)h);
    put_summary(b, m, "municipality", name, h ? hosted : NULL);
    vp_buf_puts(b, "<div class=\"entity-grid\">\n");
    put_years_themes(b, m, "municipality", name, "Sprekers uit ", "");
    put_linked_list(b, json_object_get(m, "speakers"), "Geen sprekers van deze gemeente gevonden.",
                    "/spreker/", "name", put_speaker_extra);
    put_end(b, m, "/gemeente/", name);
}

vp_page vp_page_municipality(vp_searcher *s, const char *name, const char *query)
{
    return entity_page(s, name, query, vp_municipality_page, put_municipality, "municipality");
}

/* ---- a speaker ------------------------------------------------------------------------ */

/* "2017" or "2017–2019" from two dates (either may be missing). */
static void put_years(vp_buf *b, const char *from, const char *to)
{
    if (!from && !to)
        return;
    vp_buf_printf(b, "%.4s", from ? from : to);
    if (from && to && strncmp(from, to, 4) != 0)
        vp_buf_printf(b, "&#8211;%.4s", to);
}

static void put_speaker(vp_buf *b, const json_t *sp)
{
    const char *name = json_str(sp, "name");
    vp_buf_puts(b, "<article class=\"entity\" data-kind=\"speaker\">"
                   "<p><a class=\"back\" href=\"/\">&#8592; Naar de zoekpagina</a></p>\n<h1>");
    vp_html_text(b, name);
    vp_buf_puts(b, "</h1>\n");
    put_summary(b, sp, "speaker", name, NULL);
    vp_buf_puts(b, "<div class=\"entity-grid\">\n<section class=\"entity-part\"><h2>Organisaties</h2>"
                   "<ol class=\"timeline\">");
    const json_t *orgs = json_object_get(sp, "organisations"), *o;
    size_t i;
    json_array_foreach(orgs, i, o) {
        const char *org = json_str(o, "organisation"), *role = json_str(o, "role");
        vp_buf_puts(b, "<li><span class=\"when\">");
        put_years(b, json_str(o, "from"), json_str(o, "to"));
        vp_buf_puts(b, "</span> ");
        vp_html_text(b, org ? org : role ? "" : "zonder organisatie");
        if (role) {
            vp_buf_puts(b, org ? " (" : "");
            vp_html_text(b, role);
            vp_buf_puts(b, org ? ")" : "");
        }
        json_int_t n = json_int(o, "reports");
        vp_buf_printf(b, " <span class=\"count\">(%lld %s)</span></li>", (long long)n,
                      n == 1 ? "verslag" : "verslagen");
    }
    vp_buf_puts(b, "</ol></section>\n");
    put_years_themes(b, sp, "speaker", name, "Gemeenten waar ", " sprak");
    put_linked_list(b, json_object_get(sp, "municipalities"), "Geen gastgemeente bekend.",
                    "/gemeente/", "value", put_count_extra);
    put_end(b, sp, "/spreker/", name);
}

vp_page vp_page_speaker(vp_searcher *s, const char *name, const char *query)
{
    return entity_page(s, name, query, vp_speaker_page, put_speaker, "speaker");
}

/* ---- a report's related reports ------------------------------------------------------ */

void vp_page_put_related(vp_buf *b, vp_searcher *s, const char *id)
{
    vp_qerror e = {0};
    json_t *related = id ? vp_related(s, id, VP_RELATED_DEFAULT, &e) : NULL;
    const json_t *list = json_object_get(related, "related"), *r;
    size_t i;
    if (json_array_size(list) > 0) {
        vp_buf_puts(b, "<section class=\"related\" aria-labelledby=\"verwant-kop\">"
                       "<h2 id=\"verwant-kop\">Verwante verslagen</h2><ol class=\"related-list\">\n");
        json_array_foreach(list, i, r) {
            vp_buf_puts(b, "<li><a href=\"/r/");
            vp_html_url_part(b, json_str(r, "id"));
            vp_buf_puts(b, "\">");
            vp_html_text(b, json_str(r, "title"));
            vp_buf_puts(b, "</a> <span class=\"meta\">");
            vp_page_put_when_where(b, r);
            vp_buf_puts(b, "</span><p class=\"reason\">");
            vp_html_text(b, json_str(r, "reason"));
            vp_buf_puts(b, "</p></li>\n");
        }
        vp_buf_puts(b, "</ol></section>\n");
    }
    json_decref(related);
}
