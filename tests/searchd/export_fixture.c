/*
 * export_fixture.c: adds reports whose fields need CSV quoting (quotes,
 * commas, semicolons, LF and CRLF line breaks, non-ASCII) to a test index,
 * for the export round-trip tests.  The indexer folds line breaks in titles,
 * so these are written with the fixture builder, as the indexer lays them out.
 *   export_fixture DB   (adds to DB, creating it if needed)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

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

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: export_fixture DB\n");
        return 2;
    }
    vp_document docs[2];
    tricky_quotes(&docs[0]);
    tricky_utf8(&docs[1]);
    vp_gazetteer *g = vp_fixture_gazetteer();
    char why[600];
    int rc = vp_fixture_write(argv[1], docs, 2, g, true, why, sizeof why);
    if (rc != 0)
        fprintf(stderr, "export_fixture: %s\n", why);
    vp_document_clear(&docs[0]);
    vp_document_clear(&docs[1]);
    vp_gazetteer_free(g);
    return rc ? 1 : 0;
}
