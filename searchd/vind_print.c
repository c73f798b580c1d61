/*
 * vind_print.c: readable output for vind (see vind_print.h).  Everything
 * from a report is printed without control characters, so a report cannot
 * send escape sequences to the terminal.
 */
#include "vind_print.h"

#include <string.h>

#define HL_ON "\033[1;33m"
#define HL_OFF "\033[0m"
#define BOLD "\033[1m"

static const char *str(const json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? s : "";
}

/* Prints text without control characters (tabs and newlines become spaces). */
static void put_plain(FILE *out, const char *s)
{
    for (; *s; s++)
        fputc((unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s, out);
}

static const struct { const char *entity, *text; } entities[] = {
    {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&#x27;", "'"}};

/* The snippet's HTML as terminal text: <mark> highlighted (tty) or dropped,
 * entities decoded, control characters removed. */
static void put_snippet(FILE *out, const char *html, bool tty)
{
    while (*html) {
        if (strncmp(html, "<mark>", 6) == 0) {
            fputs(tty ? HL_ON : "", out);
            html += 6;
            continue;
        }
        if (strncmp(html, "</mark>", 7) == 0) {
            fputs(tty ? HL_OFF : "", out);
            html += 7;
            continue;
        }
        size_t i, n = sizeof entities / sizeof *entities;
        for (i = 0; i < n && strncmp(html, entities[i].entity, strlen(entities[i].entity)); i++)
            ;
        if (i < n) {
            fputs(entities[i].text, out);
            html += strlen(entities[i].entity);
        } else {
            fputc((unsigned char)*html < 0x20 || *html == 0x7f ? ' ' : *html, out);
            html++;
        }
    }
}

/* "3. Title" and below it "   date | host | id", then "\n   ". */
static void print_heading(FILE *out, size_t rank, const json_t *report, bool tty)
{
    fprintf(out, "%zu. %s", rank, tty ? BOLD : "");
    put_plain(out, str(report, "title"));
    fprintf(out, "%s\n   ", tty ? HL_OFF : "");
    put_plain(out, json_is_string(json_object_get(report, "date")) ? str(report, "date") : "zonder datum");
    if (json_is_string(json_object_get(report, "host"))) {
        fputs(" | ", out);
        put_plain(out, str(report, "host"));
    }
    fputs(" | ", out);
    put_plain(out, str(report, "id"));
    fputs("\n   ", out);
}

static void print_hit(FILE *out, size_t rank, const json_t *hit, bool tty)
{
    print_heading(out, rank, hit, tty);
    put_snippet(out, str(hit, "snippet"), tty);
    fputc('\n', out);
    const json_t *section = json_object_get(hit, "section");
    if (json_is_object(section)) {
        fputs("   > ", out);
        put_plain(out, str(section, "heading"));
        fputs(" (#", out);
        put_plain(out, str(section, "anchor"));
        fputs(")\n", out);
    }
}

/* "Thema: binnenstad (2), ..." (with labels: the label where a value has one). */
static void print_facet(FILE *out, const char *label, const json_t *values, bool labels)
{
    if (json_array_size(values) == 0)
        return;
    fprintf(out, "%s: ", label);
    size_t i;
    const json_t *v;
    json_array_foreach(values, i, v) {
        fputs(i ? ", " : "", out);
        const json_t *shown = labels ? json_object_get(v, "label") : NULL;
        put_plain(out, json_is_string(shown) ? json_string_value(shown) : str(v, "value"));
        fprintf(out, " (%lld)", (long long)json_integer_value(json_object_get(v, "count")));
    }
    fputc('\n', out);
}

void vind_print_result(FILE *out, const json_t *result, bool tty)
{
    long long total = json_integer_value(json_object_get(result, "total"));
    const json_t *hits = json_object_get(result, "hits");
    const char *suggestion = json_string_value(json_object_get(result, "suggestion"));
    fprintf(out, "%lld %s", total, total == 1 ? "verslag" : "verslagen");
    if (*str(result, "query")) {
        fputs(" voor \"", out);
        put_plain(out, str(result, "query"));
        fputc('"', out);
    }
    fprintf(out, " (pagina %lld)\n", (long long)json_integer_value(json_object_get(result, "page")));
    if (suggestion) {
        /* corrected: the hits are the suggestion's, q found nothing */
        fputs(json_is_true(json_object_get(result, "corrected")) ? "Resultaten voor: "
                                                                 : "Bedoelde u: ", out);
        put_plain(out, suggestion);
        fputc('\n', out);
    }
    size_t i;
    const json_t *hit;
    long long first = (json_integer_value(json_object_get(result, "page")) - 1) *
                      json_integer_value(json_object_get(result, "per_page"));
    json_array_foreach(hits, i, hit) {
        fputc('\n', out);
        print_hit(out, (size_t)first + i + 1, hit, tty);
    }
    const json_t *facets = json_object_get(result, "facets");
    fputc('\n', out);
    print_facet(out, "Gemeente", json_object_get(facets, "municipality"), false);
    print_facet(out, "Spreker", json_object_get(facets, "speaker"), false);
    print_facet(out, "Thema", json_object_get(facets, "theme"), false);
    print_facet(out, "Jaar", json_object_get(facets, "year"), false);
}

static void print_list(FILE *out, const char *label, const json_t *list, const char *key)
{
    if (json_array_size(list) == 0)
        return;
    fprintf(out, "%s: ", label);
    size_t i;
    const json_t *v;
    json_array_foreach(list, i, v) {
        fputs(i ? ", " : "", out);
        put_plain(out, key ? str(v, key) : json_string_value(v));
        if (key && json_is_string(json_object_get(v, "organisation"))) {
            fputs(" (", out);
            put_plain(out, str(v, "organisation"));
            fputc(')', out);
        }
    }
    fputc('\n', out);
}

void vind_print_document(FILE *out, const json_t *doc, bool tty)
{
    fputs(tty ? BOLD : "", out);
    put_plain(out, str(doc, "title"));
    fprintf(out, "%s\n", tty ? HL_OFF : "");
    fputs("Datum: ", out);
    put_plain(out, json_is_string(json_object_get(doc, "date")) ? str(doc, "date") : "onbekend");
    fputs("\nGastgemeente: ", out);
    put_plain(out, json_is_string(json_object_get(doc, "host")) ? str(doc, "host") : "onbekend");
    fputs("\nBestand: ", out);
    put_plain(out, str(doc, "path"));
    fputc('\n', out);
    print_list(out, "Gemeenten", json_object_get(doc, "municipalities"), NULL);
    print_list(out, "Sprekers", json_object_get(doc, "speakers"), "name");
    print_list(out, "Thema's", json_object_get(doc, "themes"), NULL);
    fputc('\n', out);
    /* The plain text keeps its line breaks; only other control bytes go. */
    for (const char *s = str(doc, "text"); *s; s++)
        fputc(*s == '\n' || (unsigned char)*s >= 0x20 ? *s : ' ', out);
    fputc('\n', out);
}

void vind_print_related(FILE *out, const json_t *related, bool tty)
{
    fputs("Verwant aan: ", out);
    put_plain(out, str(related, "title"));
    fputs(" (", out);
    put_plain(out, str(related, "id"));
    fputs(")\n", out);
    const json_t *list = json_object_get(related, "related"), *r;
    size_t i;
    if (json_array_size(list) == 0)
        fputs("\nGeen verwante verslagen gevonden.\n", out);
    json_array_foreach(list, i, r) {
        fputc('\n', out);
        print_heading(out, i + 1, r, tty);
        put_plain(out, str(r, "reason"));
        fputc('\n', out);
    }
}

static void print_people(FILE *out, const char *label, const json_t *people)
{
    if (json_array_size(people) == 0)
        return;
    fprintf(out, "%s:\n", label);
    size_t i;
    const json_t *p;
    json_array_foreach(people, i, p) {
        fputs("  ", out);
        if (json_object_get(p, "name")) {
            put_plain(out, str(p, "name"));
        } else {   /* a speaker's stretch */
            put_plain(out, json_is_string(json_object_get(p, "from")) ? str(p, "from") : "?");
            fputs(" - ", out);
            put_plain(out, json_is_string(json_object_get(p, "to")) ? str(p, "to") : "?");
        }
        if (json_is_string(json_object_get(p, "organisation"))) {
            fputs(", ", out);
            put_plain(out, str(p, "organisation"));
        }
        if (json_is_string(json_object_get(p, "role"))) {
            fputs(", ", out);
            put_plain(out, str(p, "role"));
        }
        long long n = json_integer_value(json_object_get(p, "reports"));
        fprintf(out, " (%lld %s)\n", n, n == 1 ? "verslag" : "verslagen");
    }
}

void vind_print_entity(FILE *out, const json_t *page, bool municipality, bool tty)
{
    fputs(tty ? BOLD : "", out);
    put_plain(out, str(page, "name"));
    fprintf(out, "%s\n", tty ? HL_OFF : "");
    if (municipality) {
        fputs(json_is_integer(json_object_get(page, "ended")) ? "Voormalige gemeente" : "Gemeente", out);
        if (json_is_string(json_object_get(page, "province"))) {
            fputs(" in ", out);
            put_plain(out, str(page, "province"));
        }
        fputc('\n', out);
        if (json_is_string(json_object_get(page, "history"))) {
            put_plain(out, str(page, "history"));
            fputc('\n', out);
        }
    }
    long long total = json_integer_value(json_object_get(page, "total"));
    fprintf(out, "%lld %s", total, total == 1 ? "verslag" : "verslagen");
    if (municipality)
        fprintf(out, ", waarvan %lld als gastgemeente",
                (long long)json_integer_value(json_object_get(page, "hosted")));
    fputc('\n', out);
    print_facet(out, "Per jaar", json_object_get(page, "years"), false);
    print_facet(out, "Thema's", json_object_get(page, "themes"), true);
    if (municipality) {
        print_people(out, "Sprekers uit deze gemeente", json_object_get(page, "speakers"));
    } else {
        print_people(out, "Organisaties", json_object_get(page, "organisations"));
        print_facet(out, "Gemeenten", json_object_get(page, "municipalities"), false);
    }
    const json_t *reports = json_object_get(page, "reports"), *hit;
    long long first = (json_integer_value(json_object_get(page, "page")) - 1) *
                      json_integer_value(json_object_get(page, "per_page"));
    size_t i;
    json_array_foreach(reports, i, hit) {
        fputc('\n', out);
        print_hit(out, (size_t)first + i + 1, hit, tty);
    }
}
