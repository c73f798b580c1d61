/*
 * budget.h: what one request may cost the server (issue 21), and the checks
 * that keep it there.
 *
 * A query is refused before it runs when it asks for too much (a 400
 * query_too_expensive: the same query is refused every time):
 *   - more than max_query_terms terms (the parser's, the index's synonyms
 *     included, wildcards not yet expanded);
 *   - wildcards that expand to more than max_wildcard_terms terms in all.
 *     Each wildcard still expands to at most VP_MAX_WILDCARD_TERMS, its
 *     commonest terms; this is the sum over all the query's wildcards.
 * And a request stops when it runs too long (a 503 query_too_expensive with
 * Retry-After: the same request may pass when the server is less busy):
 *   - deadline_ms for /search, /facets and /trends (and an export's first
 *     batch), from the request's start: every match is stopped there
 *     (xapc_enquire_set_deadline), and /trends checks between its counts;
 *   - export_ms for everything an export does (matching and rendering,
 *     not the time the client takes to read), checked between records and
 *     projected from the first batch before anything is sent.
 * A limit of 0 is no limit.  searchd and vind take them as options
 * (vp_budget_option); the defaults and why are in budget.c.
 */
#ifndef VP_BUDGET_H
#define VP_BUDGET_H

#include <stdbool.h>
#include <stddef.h>

#include "problem.h"
#include "xapian_c.h"

typedef vp_problem vp_qerror;   /* query.h says what it holds */

#define VP_DEFAULT_DEADLINE_MS        2000
#define VP_DEFAULT_EXPORT_MS          60000
#define VP_DEFAULT_MAX_QUERY_TERMS    100
#define VP_DEFAULT_MAX_WILDCARD_TERMS 1000

/* What a 503 query_too_expensive asks the client to wait (seconds): the
 * query was over its time now, and an immediate retry would be too. */
#define VP_RETRY_AFTER_EXPENSIVE_S 5

typedef struct vp_budget_limits {
    unsigned deadline_ms;          /* a request's time in all */
    unsigned export_ms;            /* an export's work in all */
    unsigned max_query_terms;      /* terms of the parsed query */
    unsigned max_wildcard_terms;   /* what all its wildcards expand to */
} vp_budget_limits;

/* The defaults above. */
vp_budget_limits vp_budget_defaults(void);

/* The options searchd and vind share, as getopt_long entries (<getopt.h>):
 * each returns 'b', and its name goes to vp_budget_option. */
#define VP_BUDGET_LONGOPTS                                \
    {"deadline", required_argument, NULL, 'b'},           \
    {"export-deadline", required_argument, NULL, 'b'},    \
    {"max-query-terms", required_argument, NULL, 'b'},    \
    {"max-wildcard-terms", required_argument, NULL, 'b'}

/* Their help lines. */
#define VP_BUDGET_OPTIONS_USAGE \
    "  --deadline MS    time a search, facet or trends request may take, in\n" \
    "                   milliseconds (default 2000; 0: no limit)\n" \
    "  --export-deadline MS  work an export may take, in milliseconds (default\n" \
    "                   60000; 0: no limit)\n" \
    "  --max-query-terms N   terms a query may have (default 100; 0: no limit)\n" \
    "  --max-wildcard-terms N  terms all of a query's wildcards may expand to\n" \
    "                   (default 1000; 0: no limit)\n"

/* Sets the limit the long option name ("deadline", ...) stands for.  1
 * when name is not one of them, 0 when set, -1 after "prog: what is wrong"
 * on stderr (a bad value). */
int vp_budget_option(vp_budget_limits *l, const char *prog, const char *name,
                     const char *value);

/* The deadline of a request started at start_ms (vp_now_ms()), 0: none. */
double vp_budget_deadline(const vp_budget_limits *l, double start_ms);

/* Arms enq with deadline (0: none, which also disarms it); remote: the
 * database has remote shards (no match decider there).  0, or -1 with e
 * set. */
int vp_budget_arm(xapc_enquire *enq, double deadline, bool remote, vp_qerror *e);

/* -1 with the 503 message in e when deadline (not 0) has passed, else 0. */
int vp_budget_check_deadline(const vp_budget_limits *l, double deadline, vp_qerror *e);

/* The 503 of a request stopped at its deadline, into e.  Returns -1, for
 * `return vp_budget_fail_deadline(...)`. */
int vp_budget_fail_deadline(const vp_budget_limits *l, vp_qerror *e);

/* The 503 of an export over its work budget: spent_ms so far or, before
 * it starts, projected. */
int vp_budget_fail_export(const vp_budget_limits *l, double ms, bool projected,
                          vp_qerror *e);

/* Refuses a parsed query over max_query_terms or max_wildcard_terms (its
 * wildcards counted against lexicon as the match would expand them, up to
 * the limit).  0; -1 with e set (400 query_too_expensive); or -1 with xe
 * set when the index fails (for the caller to report, and retry a
 * modified database). */
int vp_budget_check_query(const vp_budget_limits *l, const xapc_query *q,
                          const xapc_db *lexicon, xapc_error *xe, vp_qerror *e);

#endif /* VP_BUDGET_H */
