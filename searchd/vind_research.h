/*
 * vind_research.h: vind's export and trends (issue 10), for researchers:
 *
 *   vind [--db PATH | --server URL] --export csv|jsonl [filters] [QUERY...]
 *   vind [--db PATH | --server URL] [--json | --csv] trends [--by theme|municipality|speaker]
 *        [--interval year|quarter] [--limit N] [filters] [QUERY...]
 *
 * The output is exactly that of GET /export and GET /trends (the same
 * modules render it), whether the work is done here (--db) or by a searchd
 * (--server).  Trends print as a table on a terminal (values down, intervals
 * across), as CSV otherwise or with --csv, as JSON with --json.
 */
#ifndef VP_VIND_RESEARCH_H
#define VP_VIND_RESEARCH_H

#include <stdbool.h>
#include <stdio.h>
#include <jansson.h>

#include "export.h"
#include "query.h"
#include "trends.h"

typedef struct vind_research {
    const char *db, *server, *data;    /* one of db and server */
    const vp_request *req;
    int export_format;                 /* vp_export_format, or -1: trends */
    vp_trends_options trends;
    bool json, csv;                    /* trends output */
    const vp_budget_limits *limits;    /* with db; NULL: vp_budget_defaults() */
} vind_research;

/* Runs an export or trends and prints it to stdout; the exit status:
 * 0 with matches, 1 without, 2 on an error (message on stderr). */
int vind_research_run(const vind_research *r);

/* The trends as a table: a row per value, a column per interval, the
 * totals below. */
void vind_print_trends(FILE *out, const json_t *trends);

#endif /* VP_VIND_RESEARCH_H */
