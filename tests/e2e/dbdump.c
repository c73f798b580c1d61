/*
 * dbdump: prints every document of a Vindplaats database as one JSON line
 * {"id", "data": <stored JSON>, "terms": [boolean terms], "values": {slot: value}}
 * and the metadata as a first line {"metadata": {...}}, so that the
 * end-to-end tests (Python, standard library only) can check what the
 * indexer really wrote without Xapian bindings.
 *
 *   dbdump DB
 *   dbdump --spelling DB   the spelling table instead: "word frequency" lines
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schema.h"
#include "xapian_c.h"

static json_t *metadata(const xapc_db *db)
{
    static const char *keys[] = {VP_META_SCHEMA, VP_META_STEMMER, VP_META_PREFIXES,
                                 VP_META_DATA_HASH};
    json_t *m = json_object();
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        char *v = xapc_db_get_metadata(db, keys[i], NULL);
        json_object_set_new(m, keys[i], json_string(v ? v : ""));
        free(v);
    }
    return m;
}

/* Terms that are not free text: the id, facet filters and years. */
static bool is_boolean_term(const char *t)
{
    return t[0] == 'Q' || !strncmp(t, "XM", 2) || !strncmp(t, "XO", 2) ||
           !strncmp(t, "XS", 2) || !strncmp(t, "XT", 2) || !strncmp(t, "XY", 2);
}

static json_t *document(const xapc_db *db, xapc_docid id)
{
    json_t *doc = json_object(), *terms = json_array(), *values = json_object();
    char *data = xapc_db_document_data(db, id, NULL);
    json_t *parsed = data ? json_loads(data, 0, NULL) : NULL;
    json_object_set_new(doc, "data", parsed ? parsed : json_null());
    free(data);
    xapc_termiter *it = xapc_db_termlist(db, id, NULL);
    const char *term;
    while (it && xapc_termiter_next(it, &term, NULL, NULL))
        if (is_boolean_term(term))
            json_array_append_new(terms, json_string(term));
    xapc_termiter_free(it);
    for (unsigned slot = 0; slot <= VP_SLOT_SORTKEY; slot++) {
        char *v = xapc_db_document_value(db, id, slot, NULL);
        if (v && *v) {
            char key[8];
            snprintf(key, sizeof key, "%u", slot);
            json_object_set_new(values, key, json_stringn(v, strlen(v)));
        }
        free(v);
    }
    json_object_set_new(doc, "terms", terms);
    json_object_set_new(doc, "values", values);
    return doc;
}

static int dump_spelling(const xapc_db *db)
{
    xapc_error err = {0};
    xapc_termiter *it = xapc_db_spellings(db, &err);
    const char *word;
    uint32_t freq;
    while (it && xapc_termiter_next(it, &word, &freq, &err))
        printf("%s %u\n", word, (unsigned)freq);
    xapc_termiter_free(it);
    if (err.status != XAPC_OK)
        fprintf(stderr, "dbdump: %s\n", err.message);
    return err.status == XAPC_OK ? 0 : 2;
}

int main(int argc, char **argv)
{
    bool spelling = argc == 3 && !strcmp(argv[1], "--spelling");
    if (argc != 2 && !spelling) {
        fprintf(stderr, "usage: dbdump [--spelling] DB\n");
        return 2;
    }
    xapc_error err;
    xapc_db *db = xapc_db_open(argv[argc - 1], &err);
    if (!db) {
        fprintf(stderr, "dbdump: %s: %s\n", argv[argc - 1], err.message);
        return 2;
    }
    if (spelling) {
        int rc = dump_spelling(db);
        xapc_db_free(db);
        return rc;
    }
    json_t *meta = json_pack("{s:o}", "metadata", metadata(db));
    char *line = json_dumps(meta, JSON_COMPACT);
    puts(line);
    free(line);
    json_decref(meta);
    xapc_termiter *ids = xapc_db_allterms(db, VP_PREFIX_ID, &err);
    const char *term;
    while (ids && xapc_termiter_next(ids, &term, NULL, &err)) {
        xapc_docid id = xapc_db_find_term(db, term, &err);
        json_t *doc = document(db, id);
        json_object_set_new(doc, "id", json_string(term + strlen(VP_PREFIX_ID)));
        line = json_dumps(doc, JSON_COMPACT);
        puts(line);
        free(line);
        json_decref(doc);
    }
    xapc_termiter_free(ids);
    xapc_db_free(db);
    return 0;
}
