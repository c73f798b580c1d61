/*
 * bm25.c: the plain Xapian BM25 baseline (see bm25.h).
 */
#include "bm25.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "mem.h"
#include "xapian_c.h"

struct vp_bm25 {
    xapc_db *db;
    xapc_stem *stem;
    xapc_qp *qp;
};

static int fail(char *err, size_t errlen, const char *what, const xapc_error *e)
{
    snprintf(err, errlen, "bm25 baseline: %s: %s", what, e->message);
    return -1;
}

vp_bm25 *vp_bm25_open(const char *db_path, char *err, size_t errlen)
{
    xapc_error e = {0};
    vp_bm25 *b = vp_xcalloc(1, sizeof *b);
    if (!(b->db = xapc_db_open(db_path, &e)) || !(b->stem = xapc_stem_new("dutch", &e)) ||
        !(b->qp = xapc_qp_new(&e)) || xapc_qp_set_stemmer(b->qp, b->stem, &e) != XAPC_OK ||
        xapc_qp_set_stemming_strategy(b->qp, XAPC_STEM_SOME, &e) != XAPC_OK ||
        xapc_qp_set_database(b->qp, b->db, &e) != XAPC_OK ||
        xapc_qp_set_default_op(b->qp, XAPC_OP_OR, &e) != XAPC_OK) {
        fail(err, errlen, db_path, &e);
        vp_bm25_close(b);
        return NULL;
    }
    return b;
}

void vp_bm25_close(vp_bm25 *b)
{
    if (!b)
        return;
    xapc_qp_free(b->qp);
    xapc_stem_free(b->stem);
    xapc_db_free(b->db);
    free(b);
}

/* The report id kept in a stored document's JSON ("id"). */
static int push_id(const char *data, vp_strvec *ids)
{
    json_t *doc = json_loads(data, 0, NULL);
    const char *id = json_string_value(json_object_get(doc, "id"));
    int rc = id && vp_strvec_push(ids, id) ? 0 : -1;
    json_decref(doc);
    return rc;
}

static int collect(const xapc_mset *m, vp_strvec *ids, char *err, size_t errlen)
{
    xapc_error e = {0};
    for (uint32_t i = 0; i < xapc_mset_size(m); i++) {
        char *data = xapc_mset_document_data(m, i, &e);
        int rc = data ? push_id(data, ids) : fail(err, errlen, "document", &e);
        free(data);
        if (rc != 0) {
            if (data)
                snprintf(err, errlen, "bm25 baseline: a document without an id");
            return -1;
        }
    }
    return 0;
}

int vp_bm25_query(vp_bm25 *b, const char *q, size_t limit, vp_strvec *ids, char *err,
                  size_t errlen)
{
    xapc_error e = {0};
    xapc_query *query = xapc_qp_parse(b->qp, q, XAPC_QP_DEFAULT, "", &e);
    if (!query)
        return fail(err, errlen, q, &e);
    int rc = 0;
    xapc_enquire *enq = NULL;
    xapc_mset *m = NULL;
    if (!limit)
        limit = xapc_db_doccount(b->db, &e);
    if (!xapc_query_is_empty(query) && limit) {
        if (!(enq = xapc_enquire_new(b->db, &e)) ||
            xapc_enquire_set_query(enq, query, &e) != XAPC_OK ||
            !(m = xapc_enquire_get_mset(enq, 0, (uint32_t)limit, 0, &e)))
            rc = fail(err, errlen, q, &e);
        else
            rc = collect(m, ids, err, errlen);
    }
    xapc_mset_free(m);
    xapc_enquire_free(enq);
    xapc_query_free(query);
    return rc;
}
