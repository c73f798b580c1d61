/*
 * terms.h: how an id or a facet value becomes a Xapian term (see the
 * prefixes in schema.h).  The indexer writes these terms and the query layer
 * looks them up; building them in one place is what guarantees that a filter
 * folds a value exactly as the indexer did.
 */
#ifndef VP_TERMS_H
#define VP_TERMS_H

/* Xapian refuses terms longer than 245 bytes. */
#define VP_MAX_TERM 240

/* prefix + vp_fold(value): "XM" + "peel en maas".  Caller frees (never
 * NULL).  The result may exceed VP_MAX_TERM for absurd values. */
char *vp_filter_term(const char *prefix, const char *value);

/* The unique id term: VP_PREFIX_ID + id, not folded (ids are paths).
 * Caller frees (never NULL). */
char *vp_id_term(const char *id);

/* The VP_SLOT_SORTKEY value: the date "YYYY-MM-DD" compacted to "YYYYMMDD"
 * ("00000000" for NULL or a malformed date) followed by the id.  Ids are
 * unique, so keys are too, and an export can page through the matches by
 * key ranges ("everything after the last key sent").  Caller frees (never
 * NULL). */
char *vp_sort_key(const char *date, const char *id);

#endif /* VP_TERMS_H */
