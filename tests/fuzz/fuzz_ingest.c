/*
 * fuzz_ingest.c: one report file's bytes through the indexer's whole
 * ingestion (input checks, YAML front matter, the cmark walk, every
 * extractor with the real gazetteer and themes), then the stored JSON and
 * back.  Oracle: the sanitizers, and a document that ingests must survive
 * its own JSON round trip.
 */
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "fuzz_common.h"
#include "ingest.h"

static void check_round_trip(const vp_document *doc)
{
    char *json = vp_document_to_json(doc);
    if (!json)
        abort();
    vp_document back;
    vp_document_init(&back);
    char err[256];
    if (vp_document_from_json(json, strlen(json), &back, err, sizeof err) != 0)
        abort();    /* what we store we must read back */
    vp_document_clear(&back);
    free(json);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vp_extract_ctx ctx = {fuzz_gazetteer(), fuzz_themes(), fuzz_speaker_words()};
    vp_document doc;
    vp_document_init(&doc);
    vp_ingest_problem problem;
    vp_ingest_result r = vp_ingest_buffer(&ctx, "fuzz/verslag.md", (const char *)data,
                                          size, &doc, &problem);
    if (r == VP_INGEST_OK || r == VP_INGEST_WARNING)
        check_round_trip(&doc);
    vp_document_clear(&doc);
    return 0;
}
