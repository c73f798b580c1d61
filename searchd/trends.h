/*
 * trends.h: how the matches of a search spread over time (GET /trends,
 * vind trends): for the top values of one facet, the number of matching
 * reports per year or quarter (zeros filled in), and the totals per
 * interval.  Exact, and counted with Xapian's built-in ValueCountMatchSpy
 * only (remote shards refuse custom spies):
 *
 *   1. one match with spies on the date slot and on the facet's slot gives
 *      the totals per interval (each report has one date) and each value's
 *      total, hence the top values;
 *   2. one match per non-empty interval, filtered to its date range, with a
 *      spy on the facet's slot gives that interval's count for every value.
 *
 * Undated reports belong to no interval and are left out of every count.
 * It owns the trends request options (by, interval, limit), the JSON and CSV
 * shapes and nothing else: the query comes from the query layer.
 */
#ifndef VP_TRENDS_H
#define VP_TRENDS_H

#include <stdbool.h>
#include <jansson.h>

#include "query.h"
#include "themes.h"

#define VP_TRENDS_DEFAULT_LIMIT 10
#define VP_TRENDS_MAX_LIMIT     1000

typedef enum { VP_INTERVAL_YEAR = 0, VP_INTERVAL_QUARTER } vp_interval;

typedef struct vp_trends_options {
    vp_facet by;             /* theme (default), municipality or speaker */
    vp_interval interval;    /* year (default) or quarter */
    unsigned limit;          /* top values by total, 1..VP_TRENDS_MAX_LIMIT */
    bool csv;                /* format=csv (default json) */
} vp_trends_options;

/* The defaults: by theme, per year, VP_TRENDS_DEFAULT_LIMIT values, JSON. */
void vp_trends_options_init(vp_trends_options *o);
/* Sets "by", "interval", "limit" or "format" (validated; "" keeps the
 * default).  1 when key is not a trends option, 0 when set, -1 with a 400
 * message in e. */
int vp_trends_option_set(vp_trends_options *o, const char *key, const char *value,
                         vp_qerror *e);

/* {"query", "by", "interval", "intervals": ["2016", ...] or ["2016-Q1", ...],
 *  "totals": [n per interval], "total": dated matches,
 *  "values": [{"value", ("label",) "total", "counts": [n per interval]}]}.
 * Refreshes s once, then every count sees that revision.  NULL with e set. */
json_t *vp_trends(vp_searcher *s, const vp_request *r, const vp_trends_options *o,
                  const vp_themes *themes, vp_qerror *e);

/* The trends as CSV: "value,total,<interval>..." then a row per value and a
 * last row "(all)" with the totals.  Caller frees (never NULL). */
char *vp_trends_csv(const json_t *trends);

#endif /* VP_TRENDS_H */
