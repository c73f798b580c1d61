/*
 * schema.h: how a report is laid out in the Xapian database.
 *
 * The indexer writes and searchd/vind read with these names only, so the two
 * sides cannot drift.  The database records the schema version, the stemmer
 * name and the prefix map in its metadata (VP_META_*): readers take the
 * stemmer from there, never from a compile-time default, because the meaning
 * of Xapian's stemmer names changes between versions.
 */
#ifndef VP_SCHEMA_H
#define VP_SCHEMA_H

/* 2: the sort key slot (VP_SLOT_SORTKEY); 3: the hit record (VP_SLOT_HIT).
 * The version is part of the data hash, so the next indexer run re-indexes
 * every report of an older index; searchd and vind refuse an index of
 * another version with a clear message. */
#define VP_SCHEMA_VERSION "3"
#define VP_DEFAULT_STEMMER "dutch"

/* ---- metadata keys ------------------------------------------------------ */
#define VP_META_SCHEMA    "vindplaats.schema"    /* VP_SCHEMA_VERSION */
#define VP_META_STEMMER   "vindplaats.stemmer"   /* Xapian stemmer name */
#define VP_META_PREFIXES  "vindplaats.prefixes"  /* JSON: {"field": "prefix"} */
#define VP_META_DATA_HASH "vindplaats.datahash"  /* hash of data/ + extractor version:
                                                    a change forces a full re-index */
#define VP_META_UPDATED   "vindplaats.updated"   /* UTC time of the last commit,
                                                    "YYYY-MM-DDTHH:MM:SSZ": a feed's updated */

/* ---- term prefixes ------------------------------------------------------ */
/* Free-text fields (indexed with positions, stemmed with the Z convention). */
#define VP_PREFIX_TITLE        "S"   /* title; user field titel: */
#define VP_PREFIX_HEADING      "XH"  /* section headings */
#define VP_PREFIX_SPEAKER_TEXT "A"   /* speaker names and organisations; spreker: */
#define VP_PREFIX_PLACE_TEXT   "XP"  /* municipality names; gemeente: */
/* Body text carries no prefix. */

/* Boolean filter terms: prefix + vp_fold(value) (see text.h), one per value. */
#define VP_PREFIX_ID           "Q"   /* unique id: Q + document id */
#define VP_PREFIX_MUNICIPALITY "XM"  /* named municipality, and each of its successors */
#define VP_PREFIX_HOST         "XO"  /* host municipality */
#define VP_PREFIX_SPEAKER      "XS"  /* canonical speaker name */
#define VP_PREFIX_THEME        "XT"  /* theme slug; user field thema: */
#define VP_PREFIX_YEAR         "XY"  /* YYYY of the event date */
/* How strongly a report carries each of its themes, for ranking: a report
 * whose theme has level k (vp_document.theme_levels) holds the terms
 * XW1<slug> .. XW<k><slug>, so that a query naming the theme can weigh
 * each level once (searchd/expand.c).  Not a user field. */
#define VP_PREFIX_THEME_LEVEL  "XW"
#define VP_THEME_LEVELS        4     /* a theme as strong as the report's strongest */

/* ---- value slots -------------------------------------------------------- */
enum {
    VP_SLOT_DATE = 0,           /* "YYYYMMDD" (sorts and ranges as a string) */
    VP_SLOT_YEAR = 1,           /* "YYYY": the year facet */
    VP_SLOT_MUNICIPALITIES = 2, /* vp_list_encode()d names: municipality facet */
    VP_SLOT_SPEAKERS = 3,       /* vp_list_encode()d canonical names: speaker facet */
    VP_SLOT_THEMES = 4,         /* vp_list_encode()d slugs: theme facet */
    VP_SLOT_HOST = 5,           /* host municipality name */
    VP_SLOT_STAMP = 6,          /* source stamp "size:mtime:hash" for incremental runs */
    VP_SLOT_SORTKEY = 7,        /* vp_sort_key(): "YYYYMMDD" (or "00000000") + id, unique:
                                   the date orders, ties broken by id (terms.h) */
    VP_SLOT_HIT = 8,            /* hit_record.h: what a search hit shows, read in place */
    VP_SLOT_PEOPLE = 9          /* vp_list_encode()d full names of everyone the report
                                   names (vp_document.people): read by the indexer's
                                   cross-report speaker pass only.  An index without it
                                   reads as "no people": no schema version bump, the
                                   extractor's code hash re-extracts every report */
};

/*
 * Multi-valued facets live in one slot each as a sorted list of values
 * separated by VP_LIST_SEP.  Xapian's built-in ValueCountMatchSpy counts each
 * distinct list once per matching document; splitting the lists after the
 * match gives exact multi-valued counts.  Because the spy is built in, this
 * also works on remote shards served by xapian-tcpsrv, which refuse custom
 * spies.
 */
#define VP_LIST_SEP '\x1f'

#endif /* VP_SCHEMA_H */
