/*
 * export_fixture.c: adds reports whose fields need CSV quoting (quotes,
 * commas, semicolons, LF and CRLF line breaks, non-ASCII) to a test index,
 * for the export round-trip tests.  The indexer folds line breaks in titles,
 * so these are written with the fixture builder, as the indexer lays them out.
 * Also adds SAME_DAY reports on one date, written in an id order unlike
 * their docid order, and a few undated ones, so that an export's paging by
 * (date, id) keys meets ties across batch boundaries.
 *   export_fixture DB                  (adds to DB, creating it if needed)
 *   export_fixture DB --schema VERSION (records another schema version, as an
 *                                       older indexer's index would)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "schema.h"
#include "xapian_c.h"

static void tricky_quotes(vp_document *d)
{
    vp_document_init(d);
    d->id = strdup("tricky/quotes");
    d->path = strdup("tricky/quotes.md");
    d->title = strdup("Wonen, \"samen\"; of niet?\nTweede regel\r\nmet CRLF, en \"meer\"");
    d->date = strdup("2019-03-14");
    d->host = strdup("Gouda");
    vp_strvec_push(&d->municipalities, "Gouda");
    vp_strvec_push(&d->themes, "wonen-leefomgeving");
    vp_document_add_speaker(d, "Jan \"de\" Vries", "Gemeente Gouda, afdeling \"Wonen\"", NULL);
    vp_document_add_section(d, "Kop, met \"aanhalingstekens\"", "kop-met-aanhalingstekens",
                            "Over kleur1 en samenwerking, met komma's.");
    d->text = strdup("Over kleur1 en samenwerking, met komma's.");
    d->markdown = strdup("## Kop\n\nOver kleur1 en samenwerking.\n");
}

static void tricky_utf8(vp_document *d)
{
    vp_document_init(d);
    d->id = strdup("tricky/utf8");
    d->path = strdup("tricky/utf8.md");
    d->title = strdup("Súdwest-Fryslân \xe2\x80\x94 één, twee; drie");
    d->date = strdup("2020-12-31");
    d->host = strdup("Súdwest-Fryslân");
    vp_strvec_push(&d->municipalities, "Súdwest-Fryslân");
    vp_strvec_push(&d->municipalities, "Gouda");
    vp_strvec_push(&d->themes, "demografie");
    vp_document_add_speaker(d, "Anna Jansen", NULL, NULL);
    d->text = strdup("Krimp en kleur1 in Fryslân.");
    d->markdown = strdup("Krimp en kleur1 in Fryslân.\n");
}

enum { SAME_DAY = 40, UNDATED = 6, N_DOCS = 2 + SAME_DAY + UNDATED };

/* Report k of the same-day set (k < SAME_DAY) or of the undated set: ids
 * written from the highest down, so docids run against the id order. */
static void tie(vp_document *d, int k)
{
    char buf[64];
    bool dated = k < SAME_DAY;
    vp_document_init(d);
    snprintf(buf, sizeof buf, "%s/%02d", dated ? "sameday" : "undated", N_DOCS - k);
    d->id = strdup(buf);
    snprintf(buf, sizeof buf, "%s/%02d.md", dated ? "sameday" : "undated", N_DOCS - k);
    d->path = strdup(buf);
    snprintf(buf, sizeof buf, "Dezelfde dag %d", k);
    d->title = strdup(buf);
    d->date = dated ? strdup("2018-06-01") : NULL;
    vp_strvec_push(&d->municipalities, k % 2 ? "Gouda" : "Emmen");
    vp_strvec_push(&d->themes, "binnenstad");
    d->text = strdup(k % 3 ? "Samen kleur1 en kleur2." : "Samen kleur2.");
    d->markdown = strdup(d->text);
}

static int set_schema(const char *db, const char *version)
{
    xapc_error err;
    xapc_error_clear(&err);
    xapc_wdb *wdb = xapc_wdb_open(db, XAPC_WDB_OPEN, &err);
    bool ok = wdb && xapc_wdb_set_metadata(wdb, VP_META_SCHEMA, version, &err) == XAPC_OK &&
              xapc_wdb_commit(wdb, &err) == XAPC_OK;
    if (!ok)
        fprintf(stderr, "export_fixture: %s: %s\n", db, err.message);
    xapc_wdb_free(wdb);
    return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[2], "--schema") == 0)
        return set_schema(argv[1], argv[3]);
    if (argc != 2) {
        fprintf(stderr, "usage: export_fixture DB [--schema VERSION]\n");
        return 2;
    }
    vp_document docs[N_DOCS];
    tricky_quotes(&docs[0]);
    tricky_utf8(&docs[1]);
    for (int k = 0; k < SAME_DAY + UNDATED; k++)
        tie(&docs[2 + k], k);
    vp_gazetteer *g = vp_fixture_gazetteer();
    char why[600];
    int rc = vp_fixture_write(argv[1], docs, N_DOCS, g, true, why, sizeof why);
    if (rc != 0)
        fprintf(stderr, "export_fixture: %s\n", why);
    for (int k = 0; k < N_DOCS; k++)
        vp_document_clear(&docs[k]);
    vp_gazetteer_free(g);
    return rc ? 1 : 0;
}
