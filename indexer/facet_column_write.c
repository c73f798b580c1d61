/*
 * facet_column_write.c: the facet column of a database, from its value
 * streams (see facet_column_write.h).  Reading a slot's stream costs a few hundred
 * nanoseconds a document, so rewriting the whole column after a commit
 * costs about what committing a batch of a thousand reports costs at a
 * hundred thousand reports (measured in bench/), and keeps the file simple.
 */
#include "facet_column_write.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facet_column.h"
#include "layout.h"
#include "schema.h"
#include "xapian_c.h"

/* The facets the query layer counts, in its order (municipality, speaker,
 * theme, year: query.h's vp_facet). */
static const struct { int slot; bool list; } facets[] = {
    {VP_SLOT_MUNICIPALITIES, true}, {VP_SLOT_SPEAKERS, true},
    {VP_SLOT_THEMES, true}, {VP_SLOT_YEAR, false},
};

typedef enum { FACET, DATE, KEY } stream_kind;

static int read_stream(const xapc_db *db, vp_fcol_writer *w, stream_kind kind, size_t f,
                       xapc_slot slot, xapc_error *xe)
{
    xapc_valueiter *it = xapc_db_valuestream(db, slot, xe);
    if (!it)
        return -1;
    xapc_docid did;
    const char *v;
    size_t len;
    while (xapc_valueiter_next(it, &did, &v, &len, xe)) {
        if (kind == FACET)
            vp_fcol_writer_add(w, f, did, v, len);
        else if (kind == DATE)
            vp_fcol_writer_date(w, slot, did, v, len);
        else
            vp_fcol_writer_key(w, slot, did, v, len);
    }
    xapc_valueiter_free(it);
    return xe->status == XAPC_OK ? 0 : -1;
}

int vp_facet_column_write(const char *db_dir, char *why, size_t whylen)
{
    xapc_error xe;
    xapc_error_clear(&xe);
    xapc_db *db = xapc_db_open(db_dir, &xe);
    char *uuid = db ? xapc_db_uuid(db, &xe) : NULL;
    uint64_t revision = uuid ? xapc_db_revision(db, &xe) : 0;
    uint32_t last = xe.status == XAPC_OK && db ? xapc_db_lastdocid(db, &xe) : 0;
    uint32_t count = xe.status == XAPC_OK && db ? xapc_db_doccount(db, &xe) : 0;
    int rc = -1;
    if (xe.status == XAPC_OK && db) {
        vp_fcol_writer *w = vp_fcol_writer_new(last, count);
        rc = 0;
        for (size_t i = 0; rc == 0 && i < sizeof facets / sizeof *facets; i++) {
            size_t f = vp_fcol_writer_facet(w, (uint32_t)facets[i].slot, facets[i].list,
                                            VP_LIST_SEP);
            rc = read_stream(db, w, FACET, f, (xapc_slot)facets[i].slot, &xe);
        }
        if (rc == 0)
            rc = read_stream(db, w, DATE, 0, VP_SLOT_DATE, &xe);
        if (rc == 0)
            rc = read_stream(db, w, KEY, 0, VP_SLOT_SORTKEY, &xe);
        if (rc == 0)
            rc = vp_fcol_writer_save(w, db_dir, uuid, revision, why, whylen);
        else
            snprintf(why, whylen, "%s: reading the values: %s", db_dir, xe.message);
        vp_fcol_writer_free(w);
    } else {
        snprintf(why, whylen, "%s: %s", db_dir, xe.message);
    }
    free(uuid);
    xapc_db_free(db);
    return rc;
}

int vp_facet_columns_write(const char *path, char *why, size_t whylen)
{
    if (vp_layout_is_database(path))
        return vp_facet_column_write(path, why, whylen);
    char *stub_path = vp_stub_find(path);
    vp_stub stub = VP_STUB_INIT;
    int rc = 0;
    if (!stub_path || vp_stub_read(stub_path, &stub) != 0) {
        free(stub_path);
        return 0;   /* nothing of ours to describe */
    }
    for (size_t i = 0; rc == 0 && i < stub.len; i++) {
        if (strcmp(stub.entries[i].type, "remote") == 0)
            continue;
        char *shard = vp_stub_entry_path(stub_path, &stub.entries[i]);
        if (vp_layout_is_database(shard))
            rc = vp_facet_column_write(shard, why, whylen);
        free(shard);
    }
    vp_stub_clear(&stub);
    free(stub_path);
    return rc;
}
