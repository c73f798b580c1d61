/*
 * query_internal.h: what the files of the query layer share and nobody
 * else sees: the searcher's fields, its error and retry helpers, and the
 * query building that search, export and value counts all run through.
 * Private to searchd/'s query layer (searcher.c, query_build.c, search.c,
 * match_iter.c, value_counts.c); the public contract is query.h.
 */
#ifndef VP_QUERY_INTERNAL_H
#define VP_QUERY_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "colcount.h"
#include "dbset.h"
#include "docset.h"
#include "expand.h"
#include "facets.h"
#include "query.h"
#include "spelling.h"

/* ---- the searcher (searcher.c) ---------------------------------------- */

/* What one revision of the index answers the same way every time; emptied
 * when the handle moves to another revision.  Allocated once, so that a
 * copy of the searcher (replace_db) shares it. */
typedef struct revision_cache {
    vp_facet_counts *everywhere[VP_N_FACETS];   /* each facet over all reports */
    vp_colcount *column;      /* the facet column of this revision, NULL: none yet */
    double column_sought_ms;  /* when the column was last looked for */
    vp_docsets *sets;         /* queries evaluated as sets of documents */
    vp_host_names *hosts;     /* the places reports were hosted in, NULL:
                                 not read yet (expand.h) */
} revision_cache;

/* Memory a searcher keeps evaluated sets of documents in (docset.h), per
 * worker: at 100,000 reports a dense set takes 12 KiB. */
#define VP_DOCSET_BUDGET (8u << 20)

/* The value slot of each facet (municipality, speaker, theme, year). */
extern const xapc_slot vp_facet_slots[VP_N_FACETS];

struct vp_searcher {
    char *db_path;
    const vp_gazetteer *gazetteer;
    const vp_themes *themes;
    unsigned reopen_interval_ms;
    xapc_db *db;              /* NULL until opened (or after a failure) */
    xapc_db *lexicon;         /* beside a stub: meta + shards (see dbset.h) */
    vp_stub_id stub;          /* the stub file db was opened from, if any */
    bool remote;              /* some shard is remote */
    bool plain;               /* db_path is one local database (no stub) */
    xapc_stem *stem;          /* the stemmer the index was built with */
    bool metadata_unread;     /* reading the open revision's stemmer failed:
                                 the next refresh reads it again */
    vp_spell_cache *spell;    /* words' spelling suggestions at this revision */
    revision_cache *cache;
    double last_check_ms;     /* vp_now_ms() */
    bool modified;            /* the last failure was DatabaseModifiedError */
    bool discarded_maybe;     /* ... or what a discarded revision may also
                                 give a reader (corrupt data, a document
                                 not found, a block cut short) */
    bool broken;              /* a shard failed (network): open afresh next time */
    bool timed_out;           /* ... by not answering: retrying now would wait again */
    vp_budget_limits limits;  /* what a request may cost (budget.h) */
    double deadline;          /* of the request in progress (vp_now_ms()), 0: none */
};

/* Turns a wrapper error into a request error (what: the step that failed,
 * for the message); remembers whether a reopen and retry may help.
 * Returns -1, for `return vp_searcher_fail(...)`. */
int vp_searcher_fail(vp_searcher *s, const xapc_error *xe, vp_qerror *e, const char *what);

/* Makes enq stop at the request's deadline (budget.h).  0, or -1 with e
 * set. */
int vp_searcher_arm(const vp_searcher *s, xapc_enquire *enq, vp_qerror *e);

/* Opens the database at s->db_path (schema checked, stemmer loaded).
 * 0, or -1 with e set (VP_QERR_UNAVAILABLE). */
int vp_searcher_open(vp_searcher *s, vp_qerror *e);

/* Metadata, spelling, synonyms and term counts: the lexicon beside a stub
 * (remote shards carry none of the first three), else the database. */
const xapc_db *vp_searcher_lexicon(const vp_searcher *s);

/* The hosts of the open revision (expand.h), read at its first plain
 * query and kept; NULL with xe set when reading them failed. */
const vp_host_names *vp_searcher_host_names(vp_searcher *s, xapc_error *xe);

/* Forgets the facet counts kept for this revision. */
void vp_searcher_forget_counts(vp_searcher *s);

/* The facet column of the open revision (colcount.h), or NULL when there
 * is none fit for use: remote or sharded indexes, an index the indexer has
 * not yet described at this revision (looked for again every quarter of a
 * second), a damaged file.  Then the query layer counts with match spies. */
vp_colcount *vp_searcher_column(vp_searcher *s);

/* The documents in the open database into *n.  0, or -1 with e set. */
int vp_searcher_doccount(vp_searcher *s, uint32_t *n, vp_qerror *e);

/* A read of the index: the result, or NULL with e set. */
typedef json_t *(*vp_read_fn)(vp_searcher *s, const void *arg, vp_qerror *e);

/* Refreshes s and runs fn; after a DatabaseModifiedError (or a shard that
 * closed the connection) reopens and runs it once more.  fn's result, or
 * NULL with e set. */
json_t *vp_searcher_with_retry(vp_searcher *s, vp_read_fn fn, const void *arg,
                               vp_qerror *e);

/* ---- building the query (query_build.c) -------------------------------- */

/* The QueryParser flags of every parse of q (see query_build.c). */
extern const unsigned vp_parse_flags;

/* True for a q that is NULL or only white space: it matches every report. */
bool vp_query_blank(const char *q);

/* True when r filters on facet f (for the year: from or to). */
bool vp_has_own_filter(const vp_request *r, vp_facet f);

/* text FILTER (every filter of r but skip's own); skip = VP_N_FACETS keeps
 * all.  Caller frees; NULL with e set. */
xapc_query *vp_build_query(vp_searcher *s, const vp_request *r, vp_facet skip,
                           const xapc_query *text, vp_qerror *e);

/* An enquire over q in sort's order (the date orders by the unique sort
 * key).  Caller frees; NULL with e set. */
xapc_enquire *vp_make_enquire(vp_searcher *s, const xapc_query *q, vp_sort sort,
                              vp_qerror *e);

/* The parsed text query, the spelling suggestion (NULL when none),
 * whether the query run is the suggestion's (corrected), and whether it is
 * the relaxed one, which does not ask for every word (expand.h). */
typedef struct vp_parsed_text {
    xapc_query *query;
    char *suggestion;
    bool corrected;
    bool relaxed;
    vp_expansion x;           /* a plain query's reading (all NULL otherwise) */
} vp_parsed_text;

/* What the text query is for: a ranked page (/search and its /facets in
 * relevance order), which a query that finds too little with every word
 * may relax, or every match (/export, /trends, and /search in date
 * order), which counts what has every word. */
typedef enum { VP_READ_RANKED, VP_READ_EVERY_MATCH } vp_reading;

/* r->q parsed and read (expand.h); when it finds nothing, corrected; for
 * a ranked page, relaxed when it finds fewer than VP_EXPAND_RELAX_BELOW
 * under r's filters; ranked up for a theme it names, which changes the
 * scores and never the matches (see query_build.c).  0, or -1 with e set;
 * clear pt either way. */
int vp_parse_request_text(vp_searcher *s, const vp_request *r, vp_reading reading,
                          vp_parsed_text *pt, vp_qerror *e);
void vp_parsed_text_clear(vp_parsed_text *pt);

#endif /* VP_QUERY_INTERNAL_H */
