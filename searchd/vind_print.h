/*
 * vind_print.h: vind's readable output of the API's JSON (the same JSON
 * whether it came from the local query layer or from a searchd), so the
 * human view never depends on where the result came from.
 */
#ifndef VP_VIND_PRINT_H
#define VP_VIND_PRINT_H

#include <stdbool.h>
#include <stdio.h>
#include <jansson.h>

/* A /search result: the hits (title, date, host, snippet, section) and the
 * facet counts below.  With tty, matches are highlighted with ANSI codes;
 * otherwise the snippet is plain text. */
void vind_print_result(FILE *out, const json_t *result, bool tty);

/* A /documents/{id} result. */
void vind_print_document(FILE *out, const json_t *doc, bool tty);

/* A /documents/{id}/related result: each report with its reason. */
void vind_print_related(FILE *out, const json_t *related, bool tty);

/* A /municipalities/{name} (municipality) or /speakers/{name} result: the
 * facts, the counts and the page of reports. */
void vind_print_entity(FILE *out, const json_t *page, bool municipality, bool tty);

#endif /* VP_VIND_PRINT_H */
