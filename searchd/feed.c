/*
 * feed.c: GET /feed, any search as an Atom 1.0 feed (RFC 4287; see
 * explore.h), so that a researcher can follow a query in a feed reader.
 *
 * The entries are the hits of /search for the same parameters sorted by
 * date, newest first: vp_search makes them, so the feed cannot disagree
 * with the search.  What a feed reader keys on is stable:
 *
 *   - an entry's id is a tag: URI (RFC 4151) of the report's id, the same
 *     in every feed and at every revision;
 *   - the feed's id is a tag: URI of the search (q, the filters and the
 *     period, in a canonical order), whatever the page size;
 *   - the feed's updated is the time the index revision was committed (the
 *     indexer records it, VP_META_UPDATED), so it changes when the index
 *     does and not with every fetch; an entry's published and updated are
 *     the report's date.
 *
 * Links are relative references (RFC 4287 section 4.2.7, resolved against
 * the feed's own URL), so they are right behind any proxy or host name.
 */
#include "explore.h"
#include "query_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "mem.h"
#include "schema.h"

#define TAG_AUTHORITY "tag:vindplaats,2013:"

/* ---- XML ------------------------------------------------------------------------ */

/* Text or an attribute value: the five characters escaped, and the C0
 * controls XML 1.0 does not allow left out (text from the index is valid
 * UTF-8 already). */
static void xml_text(vp_buf *b, const char *s)
{
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        switch (c) {
        case '&': vp_buf_puts(b, "&amp;"); break;
        case '<': vp_buf_puts(b, "&lt;"); break;
        case '>': vp_buf_puts(b, "&gt;"); break;
        case '"': vp_buf_puts(b, "&quot;"); break;
        case '\'': vp_buf_puts(b, "&apos;"); break;
        default:
            if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
                vp_buf_putc(b, (char)c);
        }
    }
}

/* A URL component, percent-encoded (safe in an attribute too). */
static void url_part(vp_buf *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
            (*p >= '0' && *p <= '9') || strchr("-._~", *p))
            vp_buf_putc(b, (char)*p);
        else
            vp_buf_printf(b, "%%%c%c", hex[*p >> 4], hex[*p & 15]);
    }
}

/* A report id in a path: its slashes stay. */
static void url_path(vp_buf *b, const char *id)
{
    for (const char *p = id; *p; p++) {
        if (*p == '/')
            vp_buf_putc(b, '/');
        else {
            char one[2] = {*p, '\0'};
            url_part(b, one);
        }
    }
}

static void element(vp_buf *b, const char *name, const char *text)
{
    vp_buf_printf(b, "<%s>", name);
    xml_text(b, text);
    vp_buf_printf(b, "</%s>\n", name);
}

/* ---- the search as words and as a canonical key ----------------------------------- */

static int by_string(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "q=..&municipality=..&theme=..&from=..&to=..": what the search is, in a
 * fixed order with each facet's values sorted; page, page size and sort
 * are not part of it. */
static char *search_key(const vp_request *r)
{
    vp_buf b = VP_BUF_INIT;
    if (!vp_query_blank(r->q)) {
        vp_buf_puts(&b, "q=");
        url_part(&b, r->q);
    }
    for (int f = 0; f < VP_FACET_YEAR; f++) {
        size_t n = r->filters[f].len;
        char **sorted = vp_xmalloc((n ? n : 1) * sizeof *sorted);
        memcpy(sorted, r->filters[f].items, n * sizeof *sorted);
        qsort(sorted, n, sizeof *sorted, by_string);
        for (size_t i = 0; i < n; i++) {
            vp_buf_printf(&b, "%s%s=", b.len ? "&" : "", vp_facet_name((vp_facet)f));
            url_part(&b, sorted[i]);
        }
        free(sorted);
    }
    if (r->from) {
        vp_buf_puts(&b, b.len ? "&from=" : "from=");
        url_part(&b, r->from);
    }
    if (r->to) {
        vp_buf_puts(&b, b.len ? "&to=" : "to=");
        url_part(&b, r->to);
    }
    return vp_buf_detach(&b);
}

/* "Vindplaats: “krimp”, gemeente Emmen, thema Demografie en bevolking,
 * vanaf 2013 t/m 2020", escaped. */
static void put_title(vp_buf *b, const vp_searcher *s, const vp_request *r)
{
    static const char *const words[] = {"gemeente", "spreker", "thema"};
    size_t parts = 0;
    vp_buf_puts(b, "Vindplaats: ");
    if (!vp_query_blank(r->q)) {
        vp_buf_puts(b, "\xe2\x80\x9c");
        xml_text(b, r->q);
        vp_buf_puts(b, "\xe2\x80\x9d");
        parts++;
    }
    for (int f = 0; f < VP_FACET_YEAR; f++)
        for (size_t i = 0; i < r->filters[f].len; i++) {
            const char *v = r->filters[f].items[i];
            const vp_theme *t = f == VP_FACET_THEME && s->themes ? vp_themes_lookup(s->themes, v) : NULL;
            vp_buf_printf(b, "%s%s ", parts++ ? ", " : "", words[f]);
            xml_text(b, t ? t->label : v);
        }
    if (r->from) {
        vp_buf_puts(b, parts++ ? ", vanaf " : "vanaf ");
        xml_text(b, r->from);
    }
    if (r->to) {
        vp_buf_puts(b, parts++ ? (r->from ? " t/m " : ", t/m ") : "t/m ");
        xml_text(b, r->to);
    }
    if (!parts)
        vp_buf_puts(b, "alle verslagen");
}

/* ---- the revision's time ------------------------------------------------------------- */

/* True for "YYYY-MM-DDTHH:MM:SSZ". */
static bool is_utc_time(const char *t)
{
    static const char pattern[] = "dddd-dd-ddTdd:dd:ddZ";
    if (!t || strlen(t) != sizeof pattern - 1)
        return false;
    for (size_t i = 0; pattern[i]; i++)
        if (pattern[i] == 'd' ? !(t[i] >= '0' && t[i] <= '9') : t[i] != pattern[i])
            return false;
    return true;
}

/* When the index's revision was committed; failing that (an index from
 * before the indexer recorded it, or remote shards without a local meta
 * database), the date of its newest report, which also moves only with the
 * index.  "" with e set when the index fails. */
static int revision_time(vp_searcher *s, char out[32], vp_qerror *e)
{
    xapc_error xe;
    xapc_error_clear(&xe);
    char *t = xapc_db_get_metadata(vp_searcher_lexicon(s), VP_META_UPDATED, &xe);
    if (!t && xe.status != XAPC_OK)
        return vp_searcher_fail(s, &xe, e, "reading the index's time");
    if (is_utc_time(t)) {
        snprintf(out, 32, "%s", t);
        free(t);
        return 0;
    }
    free(t);
    xapc_query *all = xapc_query_match_all(&xe);
    if (!all)
        return vp_searcher_fail(s, &xe, e, "reading the newest report");
    xapc_enquire *enq = vp_make_enquire(s, all, VP_SORT_DATE, e);
    xapc_query_free(all);
    if (!enq)
        return -1;
    xapc_mset *m = xapc_enquire_get_mset(enq, 0, 1, 0, &xe);
    char *date = m && xapc_mset_size(m) ? xapc_mset_document_value(m, 0, VP_SLOT_DATE, &xe) : NULL;
    int rc = 0;
    if (xe.status != XAPC_OK)
        rc = vp_searcher_fail(s, &xe, e, "reading the newest report");
    else if (date && strlen(date) == 8)
        snprintf(out, 32, "%.4s-%.2s-%.2sT00:00:00Z", date, date + 4, date + 6);
    else
        snprintf(out, 32, "1970-01-01T00:00:00Z");   /* an empty index */
    free(date);
    xapc_mset_free(m);
    xapc_enquire_free(enq);
    return rc;
}

typedef struct feed_arg {
    char *updated;   /* out: 32 bytes */
} feed_arg;

static json_t *do_revision_time(vp_searcher *s, const void *arg, vp_qerror *e)
{
    const feed_arg *a = arg;
    return revision_time(s, a->updated, e) == 0 ? json_true() : NULL;
}

/* ---- the feed --------------------------------------------------------------------------- */

static const char *str(const json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

static void put_entry(vp_buf *b, const vp_searcher *s, const json_t *hit, const char *updated)
{
    const char *id = str(hit, "id"), *date = str(hit, "date");
    char when[32];
    if (date && strlen(date) == 10)
        snprintf(when, sizeof when, "%sT00:00:00Z", date);
    else
        snprintf(when, sizeof when, "%s", updated);
    vp_buf_puts(b, "<entry>\n<id>" TAG_AUTHORITY "report/");
    url_path(b, id ? id : "");
    vp_buf_puts(b, "</id>\n");
    element(b, "title", str(hit, "title") ? str(hit, "title") : id);
    vp_buf_puts(b, "<link rel=\"alternate\" type=\"text/html\" href=\"/r/");
    url_path(b, id ? id : "");
    vp_buf_puts(b, "\"/>\n");
    if (date && strlen(date) == 10)
        element(b, "published", when);
    element(b, "updated", when);
    const json_t *themes = json_object_get(hit, "themes"), *t;
    size_t i;
    json_array_foreach(themes, i, t) {
        const vp_theme *th = s->themes ? vp_themes_lookup(s->themes, json_string_value(t)) : NULL;
        vp_buf_puts(b, "<category term=\"");
        xml_text(b, json_string_value(t));
        if (th) {
            vp_buf_puts(b, "\" label=\"");
            xml_text(b, th->label);
        }
        vp_buf_puts(b, "\"/>\n");
    }
    /* The snippet is HTML (the query's words in <mark>): escaped once more
     * as the text of an html summary. */
    vp_buf_puts(b, "<summary type=\"html\">");
    xml_text(b, str(hit, "snippet"));
    vp_buf_puts(b, "</summary>\n</entry>\n");
}

char *vp_feed_atom(vp_searcher *s, const vp_request *req, const char *self_query,
                   vp_qerror *e)
{
    e->kind = VP_QERR_NONE;
    e->message[0] = '\0';
    vp_request r = *req;
    r.sort = VP_SORT_DATE;          /* a feed is newest first, whatever the search's order */
    char updated[32] = "";
    json_t *result = vp_search(s, &r, e);
    feed_arg a = {updated};
    json_t *ok = result ? vp_searcher_with_retry(s, do_revision_time, &a, e) : NULL;
    if (!ok) {
        json_decref(result);
        return NULL;
    }
    json_decref(ok);
    char *key = search_key(&r);
    vp_buf b = VP_BUF_INIT;
    vp_buf_puts(&b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                    "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"nl\">\n<id>"
                    TAG_AUTHORITY "search?");
    xml_text(&b, key);
    vp_buf_puts(&b, "</id>\n<title>");
    put_title(&b, s, &r);
    vp_buf_puts(&b, "</title>\n");
    element(&b, "subtitle", "De nieuwste verslagen van kennis- en netwerkdagen bij deze zoekopdracht");
    element(&b, "updated", updated);
    vp_buf_puts(&b, "<link rel=\"self\" type=\"application/atom+xml\" href=\"/feed");
    if (self_query && *self_query) {
        vp_buf_puts(&b, "?");
        xml_text(&b, self_query);
    }
    vp_buf_puts(&b, "\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"/");
    if (*key) {
        vp_buf_puts(&b, "?");
        xml_text(&b, key);
    }
    vp_buf_puts(&b, "\"/>\n<author><name>Vindplaats</name></author>\n"
                    "<generator>Vindplaats searchd</generator>\n");
    size_t i;
    const json_t *hit;
    json_array_foreach(json_object_get(result, "hits"), i, hit)
        put_entry(&b, s, hit, updated);
    vp_buf_puts(&b, "</feed>\n");
    free(key);
    json_decref(result);
    return vp_buf_detach(&b);
}
