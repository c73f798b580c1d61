/*
 * vind_explore.h: vind's commands that follow a thread (issue 20):
 *
 *   vind [--db PATH | --server URL] [--json] [--limit N] related ID
 *   vind [--db PATH | --server URL] [--json] [--page N] [--per-page N]
 *        municipality NAME | speaker NAME
 *   vind [--db PATH | --server URL] feed [filters] [QUERY...]
 *
 * The output is that of GET /documents/{id}/related, /municipalities/{name},
 * /speakers/{name} and /feed (explore.h makes all four), whether the work
 * is done here (--db) or by a searchd (--server): JSON with --json, else
 * readable text; a feed is always its Atom XML.
 */
#ifndef VP_VIND_EXPLORE_H
#define VP_VIND_EXPLORE_H

#include <stdbool.h>

#include "explore.h"
#include "query.h"

typedef enum { VIND_RELATED, VIND_MUNICIPALITY, VIND_SPEAKER, VIND_FEED } vind_explore_what;

typedef struct vind_explore {
    const char *db, *server, *data;    /* one of db and server */
    bool json;
    vind_explore_what what;
    const char *name;                  /* the report id, municipality or speaker */
    unsigned limit;                    /* related */
    vp_entity_request page;            /* municipality, speaker */
    const vp_request *req;             /* feed */
} vind_explore;

/* Runs the command and prints its answer to stdout; the exit status: 0
 * with reports, 1 without (or for an unknown id or name), 2 on an error
 * (message on stderr). */
int vind_explore_run(const vind_explore *x);

#endif /* VP_VIND_EXPLORE_H */
