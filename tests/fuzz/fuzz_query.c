/*
 * fuzz_query.c: the query request path, from a raw URL query string
 * ("q=...&municipality=...&page=...") through vp_params_parse,
 * vp_request_from_params and the query layer (QueryParser, filters, date
 * bounds, facets, snippets) to JSON, against a small index (the searchd test
 * fixture) built once in a temporary directory.  Every request must end in
 * a result or a defined error (400/404), never 500 or 503.
 */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "fixture.h"
#include "fuzz_common.h"
#include "params.h"
#include "query.h"

static char db_dir[] = "/tmp/vp-fuzz-query-XXXXXX";
static vp_searcher *searcher;

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static void clean_up(void)
{
    vp_searcher_free(searcher);
    nftw(db_dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static vp_searcher *fixture_searcher(void)
{
    if (searcher)
        return searcher;
    if (!mkdtemp(db_dir))
        abort();
    char db[sizeof db_dir + 8], why[256];
    snprintf(db, sizeof db, "%s/db", db_dir);
    vp_document *docs;
    size_t n = vp_fixture_small(&docs);
    if (vp_fixture_write(db, docs, n, fuzz_gazetteer(), false, why, sizeof why) != 0) {
        fprintf(stderr, "fuzz_query: %s\n", why);
        abort();
    }
    vp_fixture_free_docs(docs, n);
    vp_searcher_config cfg = {db, fuzz_gazetteer(), fuzz_themes(), 1000};
    searcher = vp_searcher_new(&cfg);
    if (!searcher)
        abort();
    atexit(clean_up);
    return searcher;
}

/* A user can cause 400 and 404, and a query that costs more than a
 * request may (budget.h: 400, or 503 at the deadline), never a server
 * error. */
static void check_outcome(json_t *result, const vp_qerror *e)
{
    if (result) {
        char *text = json_dumps(result, VP_JSON_FLAGS);
        if (!text)
            abort();
        free(text);
        json_decref(result);
    } else if (e->kind != VP_QERR_BAD_PARAMETER && e->kind != VP_QERR_BAD_QUERY &&
               e->kind != VP_QERR_NOT_FOUND && e->kind != VP_QERR_TOO_EXPENSIVE &&
               e->kind != VP_QERR_OVER_DEADLINE) {
        fprintf(stderr, "fuzz_query: server error %d: %s\n", (int)e->kind, e->message);
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vp_searcher *s = fixture_searcher();
    char *query = fuzz_cstring(data, size);
    vp_params params;
    vp_request r;
    vp_qerror e = {0};
    vp_request_init(&r);
    if (vp_params_parse(query, &params, &e) == 0) {
        if (vp_request_from_params(&params, &r, NULL, &e) == 0) {
            check_outcome(vp_search(s, &r, &e), &e);
            vp_facet f = (vp_facet)(size % VP_N_FACETS);
            check_outcome(vp_facet_values(s, f, &r, &e), &e);
        }
        vp_params_clear(&params);
    }
    vp_request_clear(&r);
    free(query);
    return 0;
}
