/*
 * facet_column.h: the facet column, a file beside the Xapian tables of a
 * database that holds, per document id, what counting and date ordering
 * read: each facet's values as ordinals into a sorted dictionary (CSR: an
 * offset per document into one array of ordinals, so a multi-valued facet
 * costs what it holds), the date as 8 bytes, and the documents in sort key
 * order.  Lucene's doc values and Tantivy's fast fields are the same idea:
 * counting a match reads a few integers per document where Xapian's match
 * spies read and split four value strings per document.
 *
 * The indexer writes it (indexer/facet_column.c) after it commits; searchd
 * maps it read-only.  The file names the database's UUID and the revision
 * it was written from, and a reader opens it only for exactly that revision
 * of that database: a column and a database of different revisions are
 * never read together (the query layer counts through Xapian meanwhile).
 * It is written to a temporary name, synced and renamed into place, so a
 * reader sees the old file or the new one, never half of one.
 *
 * Native byte order and alignment: the file is made and read on one machine
 * (a copied index without it is served all the same, more slowly, until the
 * indexer's next run writes it).
 */
#ifndef VP_FACET_COLUMN_H
#define VP_FACET_COLUMN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define VP_FCOL_FILE "facets.vpcol"
enum { VP_FCOL_MAX_FACETS = 8 };

/* ---- reading ------------------------------------------------------------- */

typedef struct vp_fcol vp_fcol;

/* Maps the column of the database directory db_dir, if it was written for
 * this uuid and revision; NULL otherwise, with the reason in why (no file,
 * another revision, a damaged file). */
vp_fcol *vp_fcol_open(const char *db_dir, const char *uuid, uint64_t revision,
                      char *why, size_t whylen);
void vp_fcol_close(vp_fcol *c);

uint32_t vp_fcol_lastdocid(const vp_fcol *c);
uint32_t vp_fcol_doccount(const vp_fcol *c);
uint64_t vp_fcol_revision(const vp_fcol *c);

/* The facets, in the order the writer declared them. */
size_t vp_fcol_facets(const vp_fcol *c);
uint32_t vp_fcol_facet_slot(const vp_fcol *c, size_t f);
/* The dictionary: values in byte order, ordinal = index. */
uint32_t vp_fcol_values(const vp_fcol *c, size_t f);
const char *vp_fcol_value(const vp_fcol *c, size_t f, uint32_t ord, size_t *len);
/* Document d's ordinals are ords[offsets[d] .. offsets[d + 1]), ascending
 * and distinct; offsets has lastdocid + 2 entries (index 0 unused). */
const uint32_t *vp_fcol_offsets(const vp_fcol *c, size_t f);
const uint32_t *vp_fcol_ords(const vp_fcol *c, size_t f);

/* The date slot: per document id its value as 8 bytes packed big-endian
 * into an integer (so integers compare as the strings do), 0 without one.
 * NULL when some value was not 8 bytes long (then value ranges on the slot
 * cannot be read from here). */
const uint64_t *vp_fcol_dates(const vp_fcol *c, uint32_t *slot);

/* The sort key slot: the documents in ascending key order (doccount
 * entries) and each document's place in it (lastdocid + 1 entries, place
 * + 1, 0 for none).  NULL when some document had no key (keys are unique,
 * so the order is total). */
const uint32_t *vp_fcol_order(const vp_fcol *c, uint32_t *slot);
const uint32_t *vp_fcol_places(const vp_fcol *c);

/* Bytes mapped (what the column adds to a reader's address space). */
size_t vp_fcol_mapped_bytes(const vp_fcol *c);

/* ---- writing ------------------------------------------------------------- */

typedef struct vp_fcol_writer vp_fcol_writer;

/* A column for a database whose highest docid is lastdocid. */
vp_fcol_writer *vp_fcol_writer_new(uint32_t lastdocid, uint32_t doccount);
void vp_fcol_writer_free(vp_fcol_writer *w);

/* Declares the next facet (its slot; list: values are sep-separated lists,
 * each member counted once per document); returns its index. */
size_t vp_fcol_writer_facet(vp_fcol_writer *w, uint32_t slot, bool list, char sep);
/* Document did's value of facet f (docids ascending per facet). */
void vp_fcol_writer_add(vp_fcol_writer *w, size_t f, uint32_t did, const char *value,
                        size_t len);
/* Document did's date value and sort key (docids ascending). */
void vp_fcol_writer_date(vp_fcol_writer *w, uint32_t slot, uint32_t did,
                         const char *value, size_t len);
void vp_fcol_writer_key(vp_fcol_writer *w, uint32_t slot, uint32_t did,
                        const char *key, size_t len);

/* Writes db_dir/VP_FCOL_FILE for uuid and revision (temporary file, fsync,
 * rename).  0, or -1 with why. */
int vp_fcol_writer_save(vp_fcol_writer *w, const char *db_dir, const char *uuid,
                        uint64_t revision, char *why, size_t whylen);

#endif /* VP_FACET_COLUMN_H */
