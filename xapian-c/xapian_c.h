/*
 * xapian_c.h: a thin C interface to libxapian (1.4).
 *
 * This module owns nothing of Vindplaats: it knows Xapian and C, not reports,
 * facets or prefixes.  Every handle is opaque; every C++ exception is caught
 * inside xapian_c.cc and turned into an xapc_status plus a message in the
 * caller's xapc_error, so no exception ever reaches C code.
 *
 * Conventions (as in cmark):
 *  - every public name starts with xapc_ / XAPC_;
 *  - `err` may be NULL when the caller does not want the message;
 *  - functions returning a pointer return NULL on failure and fill `err`;
 *    functions returning xapc_status return XAPC_OK on success;
 *  - "caller frees" strings are malloc'd and must be released with free();
 *    "borrowed" pointers stay valid only as long as the named owner;
 *  - handles are not thread-safe: one thread uses one handle at a time
 *    (Xapian's own rule), but separate handles may be used concurrently.
 */
#ifndef XAPIAN_C_H
#define XAPIAN_C_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- errors ------------------------------------------------------------ */

typedef enum {
    XAPC_OK = 0,
    XAPC_ERR_NOT_FOUND,     /* no database at that path (DatabaseNotFoundError) */
    XAPC_ERR_OPENING,       /* database exists but cannot be opened (version, permissions) */
    XAPC_ERR_LOCKED,        /* another writer holds the lock (DatabaseLockError) */
    XAPC_ERR_MODIFIED,      /* revision gone under a reader: reopen and retry */
    XAPC_ERR_CORRUPT,       /* DatabaseCorruptError */
    XAPC_ERR_QUERY,         /* malformed query string (QueryParserError) */
    XAPC_ERR_NETWORK,       /* remote backend unreachable or its connection lost */
    XAPC_ERR_INVALID,       /* bad argument (InvalidArgumentError, bad stemmer name ...) */
    XAPC_ERR_IO,            /* DatabaseError other than the above: disk full, unwritable */
    XAPC_ERR_NO_MEMORY,     /* std::bad_alloc */
    XAPC_ERR_OTHER,         /* anything else, message says what */
    XAPC_ERR_TIMEOUT,       /* remote backend did not answer in time (NetworkTimeoutError) */
    XAPC_ERR_DEADLINE       /* a match ran past its deadline (xapc_enquire_set_deadline) */
} xapc_status;

typedef struct xapc_error {
    xapc_status status;
    char message[512];
} xapc_error;

/* A short English name of a status ("locked", "modified", ...). Static string. */
const char *xapc_status_name(xapc_status status);

/* Resets err to XAPC_OK and an empty message.  err may be NULL. */
void xapc_error_clear(xapc_error *err);

/* Xapian's version string ("1.4.22"). Static string. */
const char *xapc_version(void);

/* ---- opaque handles ---------------------------------------------------- */

typedef struct xapc_db xapc_db;           /* read-only database (possibly many shards) */
typedef struct xapc_wdb xapc_wdb;         /* writable database */
typedef struct xapc_doc xapc_doc;         /* a document under construction or read back */
typedef struct xapc_stem xapc_stem;       /* a stemmer */
typedef struct xapc_termgen xapc_termgen; /* a term generator */
typedef struct xapc_qp xapc_qp;           /* a query parser */
typedef struct xapc_query xapc_query;     /* an immutable query */
typedef struct xapc_enquire xapc_enquire; /* a search session over one db */
typedef struct xapc_spy xapc_spy;         /* a value-count match spy */
typedef struct xapc_mset xapc_mset;       /* a result set */
typedef struct xapc_termiter xapc_termiter; /* an iterator over terms */

typedef uint32_t xapc_docid;   /* 0 means "none" */
typedef uint32_t xapc_slot;

/* ---- read-only databases ----------------------------------------------- */

/* Opens a database directory or a stub database file (which may list local
 * shards and `remote HOST:PORT` lines).  Caller frees with xapc_db_free(). */
xapc_db *xapc_db_open(const char *path, xapc_error *err);

/* Opens a database served by xapian-tcpsrv.  timeout_ms bounds every
 * operation, connect_timeout_ms the connection.  Caller frees. */
xapc_db *xapc_db_open_remote(const char *host, unsigned port,
                             unsigned timeout_ms, unsigned connect_timeout_ms,
                             xapc_error *err);

/* An empty database with no shards yet; add shards with xapc_db_add(). */
xapc_db *xapc_db_new_empty(xapc_error *err);

/* Adds the shards of `other` to `db`; `other` stays owned by the caller
 * (Xapian shares the underlying shards, so `other` may be freed after). */
xapc_status xapc_db_add(xapc_db *db, const xapc_db *other, xapc_error *err);

/* Re-reads to the latest committed revision.  *changed (may be NULL) tells
 * whether anything changed.  Does not re-read a stub file. */
xapc_status xapc_db_reopen(xapc_db *db, bool *changed, xapc_error *err);

/* Closes the handle (NULL is fine). */
void xapc_db_free(xapc_db *db);

/* Number of documents; 0 and err set on failure (check err->status). */
uint32_t xapc_db_doccount(const xapc_db *db, xapc_error *err);

/* Revision of a single local database; 0 with err set for sharded ones. */
uint64_t xapc_db_revision(const xapc_db *db, xapc_error *err);

/* The database's UUID (36 characters); for several shards Xapian joins the
 * shards' UUIDs.  Caller frees.  Added. */
char *xapc_db_uuid(const xapc_db *db, xapc_error *err);

/* The highest document id in use (0: empty); for several shards, of the
 * combined numbering.  Added. */
xapc_docid xapc_db_lastdocid(const xapc_db *db, xapc_error *err);

/* How many shards db joins (1 for a plain database).  Added. */
size_t xapc_db_shard_count(const xapc_db *db, xapc_error *err);

/* Metadata value for key; caller frees.  Empty string when unset. */
char *xapc_db_get_metadata(const xapc_db *db, const char *key, xapc_error *err);

/* Number of documents indexed by term (0 when absent). */
uint32_t xapc_db_termfreq(const xapc_db *db, const char *term, xapc_error *err);

/* Docid of the first document carrying term, or 0 when there is none
 * (err->status stays XAPC_OK then). */
xapc_docid xapc_db_find_term(const xapc_db *db, const char *term, xapc_error *err);

/* Document data / a value slot of a document; caller frees.  NULL and
 * XAPC_ERR_NOT_FOUND when the docid does not exist. */
char *xapc_db_document_data(const xapc_db *db, xapc_docid id, xapc_error *err);
char *xapc_db_document_value(const xapc_db *db, xapc_docid id, xapc_slot slot,
                             xapc_error *err);
/* The same for binary contents (values made by sortable_serialise, data with
 * NUL bytes): *len (may be NULL) receives the length; the buffer is still
 * NUL-terminated.  Caller frees.  (Added: the plain versions lose the length.) */
char *xapc_db_document_data_len(const xapc_db *db, xapc_docid id, size_t *len,
                                xapc_error *err);
char *xapc_db_document_value_len(const xapc_db *db, xapc_docid id,
                                 xapc_slot slot, size_t *len, xapc_error *err);

/* Best spelling correction for one word from the spelling table, or NULL
 * with err->status XAPC_OK when there is none.  Caller frees. */
char *xapc_db_spelling_suggestion(const xapc_db *db, const char *word,
                                  unsigned max_edit_distance, xapc_error *err);

/* How often word was added to the spelling table (0: never, or on error
 * with err set): one lookup, unlike a suggestion. */
uint32_t xapc_db_spelling_frequency(const xapc_db *db, const char *word, xapc_error *err);

/* Iterates the terms starting with prefix (all terms when prefix is "").
 * Caller frees the iterator with xapc_termiter_free().  */
xapc_termiter *xapc_db_allterms(const xapc_db *db, const char *prefix,
                                xapc_error *err);
/* Iterates the terms of one document, in sorted order.  Caller frees. */
xapc_termiter *xapc_db_termlist(const xapc_db *db, xapc_docid id, xapc_error *err);

/* Advances to the next term: returns true and sets *term (borrowed, valid
 * until the next call or free) and *freq (termfreq for allterms, wdf for a
 * termlist; may be NULL).  Returns false at the end or on error (err set). */
bool xapc_termiter_next(xapc_termiter *it, const char **term, uint32_t *freq,
                        xapc_error *err);
void xapc_termiter_free(xapc_termiter *it);

/* ---- posting lists and value streams (added) -------------------------- */

typedef struct xapc_postiter xapc_postiter;   /* the documents of a term */
typedef struct xapc_valueiter xapc_valueiter; /* the values of a slot */

/* The documents indexed by term, in docid order ("" for every document).
 * Caller frees with xapc_postiter_free(). */
xapc_postiter *xapc_db_postlist(const xapc_db *db, const char *term, size_t len,
                                xapc_error *err);
/* How many documents the term indexes (exact for a local database). */
uint32_t xapc_postiter_termfreq(const xapc_postiter *it);
/* Copies the next docids (ascending) into out; returns how many, at most
 * max; 0 at the end or on error (err set). */
size_t xapc_postiter_next_batch(xapc_postiter *it, uint32_t *out, size_t max,
                                xapc_error *err);
void xapc_postiter_free(xapc_postiter *it);

/* The documents that have a value in slot, in docid order.  Caller frees. */
xapc_valueiter *xapc_db_valuestream(const xapc_db *db, xapc_slot slot, xapc_error *err);
/* Advances: true with the docid and the value (borrowed until the next
 * call), false at the end or on error (err set). */
bool xapc_valueiter_next(xapc_valueiter *it, xapc_docid *did, const char **value,
                         size_t *len, xapc_error *err);
void xapc_valueiter_free(xapc_valueiter *it);

/* Iterates the synonyms stored for key (a term or a space-joined phrase) in
 * sorted order; freq is 0.  Caller frees. */
xapc_termiter *xapc_db_synonyms(const xapc_db *db, const char *key, xapc_error *err);

/* Iterates the words of the spelling table in sorted order; freq is each
 * word's spelling frequency.  Caller frees. */
xapc_termiter *xapc_db_spellings(const xapc_db *db, xapc_error *err);

/* ---- writable databases ------------------------------------------------ */

typedef enum {
    XAPC_WDB_CREATE_OR_OPEN = 0,
    XAPC_WDB_CREATE_OR_OVERWRITE = 1,
    XAPC_WDB_OPEN = 2
} xapc_wdb_mode;

/* Opens (and locks) a writable database.  XAPC_ERR_LOCKED when another
 * writer holds it.  Caller frees with xapc_wdb_free(), which commits
 * nothing: call xapc_wdb_commit() first to keep pending changes. */
xapc_wdb *xapc_wdb_open(const char *path, xapc_wdb_mode mode, xapc_error *err);

/* Frees the handle and releases the lock, discarding uncommitted changes. */
void xapc_wdb_free(xapc_wdb *wdb);

/* A read handle on the same database that sees uncommitted changes;
 * borrowed: valid until xapc_wdb_free(wdb). */
const xapc_db *xapc_wdb_reader(xapc_wdb *wdb);

/* Adds doc, replacing every document carrying unique_term.  Returns the
 * docid, 0 on failure.  doc stays owned by the caller. */
xapc_docid xapc_wdb_replace_by_term(xapc_wdb *wdb, const char *unique_term,
                                    const xapc_doc *doc, xapc_error *err);
/* Deletes every document carrying term. */
xapc_status xapc_wdb_delete_by_term(xapc_wdb *wdb, const char *term, xapc_error *err);
xapc_status xapc_wdb_commit(xapc_wdb *wdb, xapc_error *err);
xapc_status xapc_wdb_set_metadata(xapc_wdb *wdb, const char *key,
                                  const char *value, xapc_error *err);
xapc_status xapc_wdb_add_spelling(xapc_wdb *wdb, const char *word,
                                  uint32_t freq_inc, xapc_error *err);
/* Lowers word's spelling frequency by freq_dec; at 0 the word leaves the
 * table.  Added. */
xapc_status xapc_wdb_remove_spelling(xapc_wdb *wdb, const char *word,
                                     uint32_t freq_dec, xapc_error *err);
xapc_status xapc_wdb_add_synonym(xapc_wdb *wdb, const char *term,
                                 const char *synonym, xapc_error *err);
/* Removes every synonym of term. */
xapc_status xapc_wdb_clear_synonyms(xapc_wdb *wdb, const char *term, xapc_error *err);

/* Merges the source databases into a new, compacted database at dest
 * (Xapian's Compactor, as xapian-compact).  */
xapc_status xapc_compact(const char *const *sources, size_t n_sources,
                         const char *dest, xapc_error *err);

/* ---- documents --------------------------------------------------------- */

/* An empty document; free with xapc_doc_free (NULL is fine). */
xapc_doc *xapc_doc_new(xapc_error *err);
void xapc_doc_free(xapc_doc *doc);
/* The stored data: len bytes, copied. */
xapc_status xapc_doc_set_data(xapc_doc *doc, const char *data, size_t len,
                              xapc_error *err);
/* A term with no positional information, wdf incremented by wdf_inc. */
xapc_status xapc_doc_add_term(xapc_doc *doc, const char *term, uint32_t wdf_inc,
                              xapc_error *err);
/* A boolean (filter) term: no wdf, no effect on document length. */
xapc_status xapc_doc_add_boolean_term(xapc_doc *doc, const char *term,
                                      xapc_error *err);
/* A term at a position (for phrase search), wdf incremented by wdf_inc. */
xapc_status xapc_doc_add_posting(xapc_doc *doc, const char *term, uint32_t pos,
                                 uint32_t wdf_inc, xapc_error *err);
xapc_status xapc_doc_add_value(xapc_doc *doc, xapc_slot slot, const char *value,
                               size_t len, xapc_error *err);
/* Iterates the terms of a document under construction starting with prefix
 * ("" for all), in sorted order, freq = wdf.  doc must stay unchanged while
 * the iterator is in use.  Caller frees. */
xapc_termiter *xapc_doc_termlist(const xapc_doc *doc, const char *prefix,
                                 xapc_error *err);
/* Copies up to max positions of the iterator's current term into out
 * (ascending); returns how many it has (may exceed max), 0 when none or when
 * the iterator carries no positions (allterms).  For a document's termlist
 * this is the cheap way: xapc_doc_positions() looks the term up again. */
size_t xapc_termiter_positions(const xapc_termiter *it, uint32_t *out, size_t max,
                               xapc_error *err);
/* Copies up to max positions of term in doc into out (ascending); returns
 * how many the term has (may exceed max), 0 when it has none. */
size_t xapc_doc_positions(const xapc_doc *doc, const char *term, uint32_t *out,
                          size_t max, xapc_error *err);

/* ---- stemming ---------------------------------------------------------- */

/* A stemmer by Xapian name ("dutch", "kraaij_pohlmann", "none").
 * XAPC_ERR_INVALID for an unknown name.  Caller frees. */
xapc_stem *xapc_stem_new(const char *language, xapc_error *err);
/* The same stemmer remembering its answers (a table of
 * XAPC_STEM_MEMO_WORDS slots, 64 bytes each, a newer word taking an older
 * one's slot): a snippet stems every word of the text it shows, and a
 * report's words repeat, so most stems become one lookup.  Not for two
 * threads at once, nor for anything handed to another thread (a searcher's
 * own).  Added. */
enum { XAPC_STEM_MEMO_WORDS = 8192 };   /* a power of two */
xapc_stem *xapc_stem_new_memo(const char *language, xapc_error *err);
/* The same with a table of `words` slots (a power of two): the indexer's
 * stemmer meets a whole archive's vocabulary.  Added. */
xapc_stem *xapc_stem_new_memo_sized(const char *language, size_t words, xapc_error *err);
void xapc_stem_free(xapc_stem *stem);
/* The stem of word; caller frees. */
char *xapc_stem_word(const xapc_stem *stem, const char *word, xapc_error *err);
/* The stem of word[0..len) into out (NUL-ended, at most cap - 1 bytes): its
 * length, 0 when it is empty or does not fit.  No allocation of the
 * caller's to free, for stemming every word of a text.  Added. */
size_t xapc_stem_into(const xapc_stem *stem, const char *word, size_t len, char *out,
                      size_t cap, xapc_error *err);
/* "Z" + the stem of word: the term the term generator and the query parser
 * use for word under XAPC_STEM_SOME (lower-case word).  Caller frees. */
char *xapc_stem_term(const xapc_stem *stem, const char *word, xapc_error *err);

/* ---- term generation --------------------------------------------------- */

typedef enum {
    XAPC_STEM_NONE = 0,  /* no stemmed terms */
    XAPC_STEM_SOME = 1,  /* Z-prefixed stems besides unstemmed terms (Xapian's default) */
    XAPC_STEM_ALL = 2,   /* only stems, no Z prefix */
    XAPC_STEM_ALL_Z = 3  /* only Z-prefixed stems */
} xapc_stem_strategy;

/* Caller frees with xapc_termgen_free(). */
xapc_termgen *xapc_termgen_new(xapc_error *err);
void xapc_termgen_free(xapc_termgen *tg);
/* The stemmer is copied; stem may be freed afterwards. */
xapc_status xapc_termgen_set_stemmer(xapc_termgen *tg, const xapc_stem *stem,
                                     xapc_error *err);
xapc_status xapc_termgen_set_stemming_strategy(xapc_termgen *tg,
                                               xapc_stem_strategy strategy,
                                               xapc_error *err);
/* Makes the generator add spelling data for every word it indexes to wdb
 * (NULL switches that off).  wdb is borrowed and must outlive its use. */
xapc_status xapc_termgen_set_spelling_db(xapc_termgen *tg, xapc_wdb *wdb,
                                         xapc_error *err);
/* Subsequent index_text calls add terms to doc (borrowed) and reset the
 * term position to 0. */
xapc_status xapc_termgen_set_document(xapc_termgen *tg, xapc_doc *doc,
                                      xapc_error *err);
/* Indexes UTF-8 text with positions; every term gets wdf_inc and prefix. */
xapc_status xapc_termgen_index_text(xapc_termgen *tg, const char *text,
                                    size_t len, uint32_t wdf_inc,
                                    const char *prefix, xapc_error *err);
/* The same without positional information. */
xapc_status xapc_termgen_index_text_without_positions(xapc_termgen *tg,
                                    const char *text, size_t len,
                                    uint32_t wdf_inc, const char *prefix,
                                    xapc_error *err);
/* Current term position, and a gap (so phrases do not span two fields). */
uint32_t xapc_termgen_get_termpos(const xapc_termgen *tg);
xapc_status xapc_termgen_set_termpos(xapc_termgen *tg, uint32_t pos, xapc_error *err);
xapc_status xapc_termgen_increase_termpos(xapc_termgen *tg, uint32_t delta,
                                          xapc_error *err);

/* ---- queries ----------------------------------------------------------- */

typedef enum {
    XAPC_OP_AND,
    XAPC_OP_OR,
    XAPC_OP_AND_NOT,
    XAPC_OP_XOR,
    XAPC_OP_AND_MAYBE,
    XAPC_OP_FILTER,
    XAPC_OP_NEAR,
    XAPC_OP_PHRASE,
    XAPC_OP_ELITE_SET,
    XAPC_OP_SYNONYM,
    XAPC_OP_MAX
} xapc_op;

/* Every query constructor returns a new query the caller frees with
 * xapc_query_free(); arguments are copied (queries are immutable). */
xapc_query *xapc_query_term(const char *term, uint32_t wqf, uint32_t pos,
                            xapc_error *err);
xapc_query *xapc_query_match_all(xapc_error *err);
xapc_query *xapc_query_match_nothing(xapc_error *err);
/* Combines n subqueries; NULL entries are skipped.  parameter is the window
 * for NEAR/PHRASE or the set size for ELITE_SET (0 for the default). */
xapc_query *xapc_query_combine(xapc_op op, const xapc_query *const *subqueries,
                               size_t n, uint32_t parameter, xapc_error *err);
/* Documents whose value in slot lies in [lo, hi] (string comparison);
 * lo or hi NULL for an open end. */
xapc_query *xapc_query_value_range(xapc_slot slot, const char *lo, const char *hi,
                                   xapc_error *err);
/* Every document, each with weight wt (Xapian's FixedWeightPostingSource,
 * which remote shards know): AND'ed with a query it adds wt to the weight of
 * each of that query's matches, a boost independent of the text. */
xapc_query *xapc_query_constant_weight(double wt, xapc_error *err);
/* Multiplies the weight of q by factor (0 makes it a pure filter). */
xapc_query *xapc_query_scale(const xapc_query *q, double factor, xapc_error *err);
/* A copy of q. */
xapc_query *xapc_query_clone(const xapc_query *q, xapc_error *err);
bool xapc_query_is_empty(const xapc_query *q);
/* ---- looking inside a query (added) ----------------------------------- */

/* What a query node is: a leaf, or an operator over subqueries. */
typedef enum {
    XAPC_QK_MATCH_NOTHING = 0,
    XAPC_QK_MATCH_ALL,
    XAPC_QK_TERM,
    XAPC_QK_POSTING_SOURCE,
    XAPC_QK_AND, XAPC_QK_OR, XAPC_QK_AND_NOT, XAPC_QK_XOR, XAPC_QK_AND_MAYBE,
    XAPC_QK_FILTER, XAPC_QK_NEAR, XAPC_QK_PHRASE, XAPC_QK_ELITE_SET,
    XAPC_QK_SYNONYM, XAPC_QK_MAX,
    XAPC_QK_SCALE_WEIGHT,    /* one subquery */
    XAPC_QK_VALUE_RANGE, XAPC_QK_VALUE_GE, XAPC_QK_VALUE_LE,
    XAPC_QK_WILDCARD,
    XAPC_QK_OTHER            /* anything this wrapper does not know */
} xapc_query_kind;

xapc_query_kind xapc_query_get_kind(const xapc_query *q);
size_t xapc_query_subquery_count(const xapc_query *q);
/* Subquery i of q (a new handle).  Caller frees. */
xapc_query *xapc_query_subquery(const xapc_query *q, size_t i, xapc_error *err);
/* The term of a XAPC_QK_TERM leaf (*len its length).  Caller frees. */
char *xapc_query_term_name(const xapc_query *q, size_t *len, xapc_error *err);
/* The slot and bounds of a value range leaf (VALUE_RANGE, _GE, _LE): *lo
 * and *hi are malloc'd (NULL for an open end) with their lengths.  Caller
 * frees both. */
xapc_status xapc_query_value_bounds(const xapc_query *q, xapc_slot *slot,
                                    char **lo, size_t *lo_len, char **hi,
                                    size_t *hi_len, xapc_error *err);
/* The name a posting source leaf was registered with ("" when it has
 * none: a source of the caller's that cannot be serialised).  Caller frees. */
char *xapc_query_posting_source_name(const xapc_query *q, xapc_error *err);
/* Xapian's serialisation of q, which identifies it (a cache key).  Caller
 * frees; *len its length. */
char *xapc_query_serialise(const xapc_query *q, size_t *len, xapc_error *err);

/* A copy of q with every wildcard expanded against db, as Xapian would
 * expand it against one database holding all of db's documents (the same
 * limit and mode, the same combiner): on several shards Xapian expands a
 * wildcard on each shard by that shard's terms and frequencies, so a
 * sharded answer differed from a single database's.  Expanding once against
 * the whole collection makes them the same.  A wildcard over its limit with
 * XAPC_WILDCARD_LIMIT_ERROR fails with XAPC_ERR_QUERY.  Caller frees. */
xapc_query *xapc_query_expand_wildcards(const xapc_query *q, const xapc_db *db,
                                        xapc_error *err);

/* Exactly these documents (ids ascending, no repeats), each with weight 0:
 * a filter that makes a match look at those documents only.  A custom
 * posting source: local databases only.  Caller frees. */
xapc_query *xapc_query_docids(const uint32_t *ids, size_t n, xapc_error *err);

/* Every document q matches, in docid order, without ranking them (Xapian's
 * matcher with weights off): fn gets them in batches.  For the queries a
 * caller cannot evaluate over posting lists itself (phrases, value
 * ranges).  deadline_ms as xapc_enquire_set_deadline's (0: none): a match
 * still running then is stopped with XAPC_ERR_DEADLINE.  Local databases
 * only. */
typedef void (*xapc_docids_fn)(const uint32_t *ids, size_t n, void *ctx);
xapc_status xapc_db_match_docids(const xapc_db *db, const xapc_query *q, double deadline_ms,
                                 xapc_docids_fn fn, void *ctx, xapc_error *err);

/* The leaves of q: *terms the term leaves (every occurrence: the words of a
 * phrase and the members of a synonym group each count) and *wildcards the
 * wildcard leaves, which Xapian 1.4 expands only when a match runs.  What a
 * query costs before any document is looked at.  Added. */
xapc_status xapc_query_count_leaves(const xapc_query *q, size_t *terms, size_t *wildcards,
                                    xapc_error *err);
/* How many terms the wildcards of q expand to against db, summed over
 * them all: each wildcard counts what Xapian would expand it to (the terms
 * starting with its pattern, at most its own limit).  Counting stops once
 * the sum exceeds stop_after (0: never), so checking a budget costs about
 * the budget's worth of term lookups, not the expansion.  Added. */
xapc_status xapc_query_wildcard_terms(const xapc_query *q, const xapc_db *db,
                                      uint64_t stop_after, uint64_t *terms,
                                      xapc_error *err);
/* Xapian's description of the query, for logs and tests; caller frees. */
char *xapc_query_describe(const xapc_query *q, xapc_error *err);
void xapc_query_free(xapc_query *q);

/* ---- query parser ------------------------------------------------------ */

enum {
    XAPC_QP_BOOLEAN = 1,          /* AND, OR, NOT, XOR */
    XAPC_QP_PHRASE = 2,           /* "quoted phrases" */
    XAPC_QP_LOVEHATE = 4,         /* +word -word */
    XAPC_QP_BOOLEAN_ANY_CASE = 8, /* and/or/not in lower case too */
    XAPC_QP_WILDCARD = 16,        /* word* */
    XAPC_QP_PURE_NOT = 32,        /* NOT word alone */
    XAPC_QP_SPELLING_CORRECTION = 128,
    XAPC_QP_SYNONYM = 256,        /* ~word */
    XAPC_QP_AUTO_SYNONYMS = 512,
    XAPC_QP_AUTO_MULTIWORD_SYNONYMS = 1024,
    XAPC_QP_DEFAULT = 1 | 2 | 4   /* Xapian's FLAG_DEFAULT */
};

/* Caller frees with xapc_qp_free(). */
xapc_qp *xapc_qp_new(xapc_error *err);
void xapc_qp_free(xapc_qp *qp);
xapc_status xapc_qp_set_stemmer(xapc_qp *qp, const xapc_stem *stem, xapc_error *err);
xapc_status xapc_qp_set_stemming_strategy(xapc_qp *qp, xapc_stem_strategy strategy,
                                          xapc_error *err);
/* The database for wildcards, spelling and synonyms; borrowed, must outlive
 * the parser's use (or be replaced). */
xapc_status xapc_qp_set_database(xapc_qp *qp, const xapc_db *db, xapc_error *err);
/* XAPC_OP_AND or XAPC_OP_OR between bare words. */
xapc_status xapc_qp_set_default_op(xapc_qp *qp, xapc_op op, xapc_error *err);
/* `field:` in a query searches terms with prefix (free text); may be called
 * several times for one field (and with field "" for the default fields). */
xapc_status xapc_qp_add_prefix(xapc_qp *qp, const char *field, const char *prefix,
                               xapc_error *err);
/* `field:value` becomes a boolean filter on prefix+value. */
xapc_status xapc_qp_add_boolean_prefix(xapc_qp *qp, const char *field,
                                       const char *prefix, xapc_error *err);
/* What a trailing wildcard matching more than its limit of terms does. */
typedef enum {
    XAPC_WILDCARD_LIMIT_ERROR = 0,     /* the search fails with XAPC_ERR_QUERY */
    XAPC_WILDCARD_LIMIT_MOST_FREQUENT  /* it expands to the most frequent terms */
} xapc_wildcard_limit;

/* Bounds the expansion of a trailing wildcard to max_terms terms (0 means
 * unlimited).  Xapian 1.4 expands wildcards at match time, so with
 * XAPC_WILDCARD_LIMIT_ERROR it is xapc_enquire_get_mset() that fails, not
 * xapc_qp_parse(). */
xapc_status xapc_qp_set_max_wildcard_expansion(xapc_qp *qp, uint32_t max_terms,
                                               xapc_wildcard_limit limit,
                                               xapc_error *err);
/* Parses text with flags (XAPC_QP_*) and default_prefix ("" for none).
 * Caller frees the query.  XAPC_ERR_QUERY with Xapian's message for a
 * malformed query. */
xapc_query *xapc_qp_parse(xapc_qp *qp, const char *text, unsigned flags,
                          const char *default_prefix, xapc_error *err);
/* After a parse with XAPC_QP_SPELLING_CORRECTION: the corrected query
 * string, or "" when no correction was found.  Caller frees. */
char *xapc_qp_corrected_query(const xapc_qp *qp, xapc_error *err);

/* ---- enquire, match spies, result sets --------------------------------- */

/* db is borrowed and must outlive the enquire.  Caller frees. */
xapc_enquire *xapc_enquire_new(const xapc_db *db, xapc_error *err);
void xapc_enquire_free(xapc_enquire *enq);
xapc_status xapc_enquire_set_query(xapc_enquire *enq, const xapc_query *q,
                                   xapc_error *err);
/* BM25 parameters (Xapian's defaults: 1, 0, 1, 0.5, 0.5). */
xapc_status xapc_enquire_set_bm25(xapc_enquire *enq, double k1, double k2,
                                  double k3, double b, double min_normlen,
                                  xapc_error *err);
xapc_status xapc_enquire_sort_by_relevance(xapc_enquire *enq, xapc_error *err);
/* Sorts by the string value in slot, descending when reverse; ties by
 * relevance when then_relevance. */
xapc_status xapc_enquire_sort_by_value(xapc_enquire *enq, xapc_slot slot,
                                       bool reverse, bool then_relevance,
                                       xapc_error *err);
/* Adds a ValueCountMatchSpy (Xapian's built-in spy, so it works with remote
 * shards) on slot.  The spy is owned by the enquire: borrowed, valid until
 * xapc_enquire_free() or xapc_enquire_clear_spies(). */
xapc_spy *xapc_enquire_add_value_count_spy(xapc_enquire *enq, xapc_slot slot,
                                           xapc_error *err);
/* Adds a spy that counts each member of the sep-separated list in slot once
 * per document (an empty member is skipped; a sorted list's repeats count
 * once).  Its memory grows with the distinct members, not with the distinct
 * lists.  A custom spy: remote databases refuse it (the match fails with
 * XAPC_ERR_NETWORK or XAPC_ERR_INVALID), so use it on local ones. */
xapc_spy *xapc_enquire_add_value_list_spy(xapc_enquire *enq, xapc_slot slot, char sep,
                                          xapc_error *err);
xapc_status xapc_enquire_clear_spies(xapc_enquire *enq, xapc_error *err);
/* Runs the match: up to max results from first.  check_at_least documents
 * are looked at even beyond first+max (set it to the doccount for exact
 * totals and spy counts).  Caller frees the mset. */
xapc_mset *xapc_enquire_get_mset(xapc_enquire *enq, uint32_t first, uint32_t max,
                                 uint32_t check_at_least, xapc_error *err);

/* Bounds the time of the matches enq runs: deadline_ms is a time on
 * CLOCK_MONOTONIC in milliseconds (0: no deadline).  A get_mset() that
 * starts or ends past it fails with XAPC_ERR_DEADLINE.  With stop_matcher
 * (local databases only: the remote backend refuses it, as it refuses any
 * match decider) a match still running at the deadline is stopped there,
 * within a few documents.  Without it (remote shards) Xapian's own time
 * limit is set to three quarters of the time left when the match starts:
 * past it the shards stop counting beyond check_at_least, so the match
 * ends sooner.  Added. */
xapc_status xapc_enquire_set_deadline(xapc_enquire *enq, double deadline_ms,
                                      bool stop_matcher, xapc_error *err);

/* Number of documents the spy saw. */
uint32_t xapc_spy_total(const xapc_spy *spy);
/* Calls fn for every (value, count) the spy saw, in value order; stops when
 * fn returns false.  value is borrowed for the call. */
typedef bool (*xapc_spy_fn)(const char *value, size_t len, uint32_t count, void *ctx);
xapc_status xapc_spy_foreach(const xapc_spy *spy, xapc_spy_fn fn, void *ctx,
                             xapc_error *err);

/* Frees the result set (NULL is fine). */
void xapc_mset_free(xapc_mset *mset);
/* The matches in this set (at most the maxitems asked for). */
uint32_t xapc_mset_size(const xapc_mset *mset);
/* Exact when check_at_least covered every match. */
uint32_t xapc_mset_matches_estimated(const xapc_mset *mset);
uint32_t xapc_mset_matches_lower_bound(const xapc_mset *mset);
uint32_t xapc_mset_matches_upper_bound(const xapc_mset *mset);
/* i counts from 0 within the mset. */
xapc_docid xapc_mset_docid(const xapc_mset *mset, uint32_t i, xapc_error *err);
double xapc_mset_weight(const xapc_mset *mset, uint32_t i, xapc_error *err);
/* Caller frees. */
char *xapc_mset_document_data(const xapc_mset *mset, uint32_t i, xapc_error *err);
char *xapc_mset_document_value(const xapc_mset *mset, uint32_t i, xapc_slot slot,
                               xapc_error *err);
/* Length-returning variants, as for xapc_db_document_data_len().  Added. */
char *xapc_mset_document_data_len(const xapc_mset *mset, uint32_t i,
                                  size_t *len, xapc_error *err);
char *xapc_mset_document_value_len(const xapc_mset *mset, uint32_t i,
                                   xapc_slot slot, size_t *len, xapc_error *err);

enum {
    XAPC_SNIPPET_BACKGROUND_MODEL = 1,
    XAPC_SNIPPET_EXHAUSTIVE = 2,
    XAPC_SNIPPET_EMPTY_WITHOUT_MATCH = 4
};
/* Xapian's snippet of text for this mset's query: HTML-escaped, matches
 * wrapped in hi_start/hi_end.  Caller frees. */
char *xapc_mset_snippet(const xapc_mset *mset, const char *text, size_t len,
                        size_t length, const xapc_stem *stem, unsigned flags,
                        const char *hi_start, const char *hi_end,
                        const char *omit, xapc_error *err);

/* ---- relevance feedback: expand sets ------------------------------------ */

typedef struct xapc_eset xapc_eset;   /* terms chosen by relevance feedback */

/* Decides whether a term may enter an expand set: true keeps it.  Called
 * from inside Xapian; it must not longjmp out. */
typedef bool (*xapc_expand_fn)(const char *term, size_t len, void *ctx);

enum {
    XAPC_ESET_INCLUDE_QUERY_TERMS = 1,  /* the enquire's query terms may be chosen */
    XAPC_ESET_EXACT_TERMFREQ = 2        /* exact term frequencies over several shards */
};

/* Xapian's relevance feedback (Enquire::get_eset): the at most max terms
 * that best tell the documents rel[0..n_rel) (the relevance set) apart from
 * the rest of the database, by Xapian's "trad" expansion weight, best
 * first; only terms keep accepts (keep NULL: all).  flags: XAPC_ESET_*.
 * An empty rel gives an empty set.  Caller frees. */
xapc_eset *xapc_enquire_get_eset(xapc_enquire *enq, uint32_t max, const xapc_docid *rel,
                                 size_t n_rel, unsigned flags, xapc_expand_fn keep,
                                 void *ctx, xapc_error *err);
void xapc_eset_free(xapc_eset *eset);
uint32_t xapc_eset_size(const xapc_eset *eset);
/* The i-th term (borrowed from eset, NUL-terminated; *len may be NULL) and
 * its expansion weight; NULL and 0 for i out of range. */
const char *xapc_eset_term(const xapc_eset *eset, uint32_t i, size_t *len);
double xapc_eset_weight(const xapc_eset *eset, uint32_t i);

#ifdef __cplusplus
}
#endif

#endif /* XAPIAN_C_H */
