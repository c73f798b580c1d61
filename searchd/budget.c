/*
 * budget.c: the cost limits of a request (see budget.h).
 *
 * The defaults, measured on a generated index of 10,000 reports (bench/
 * gencorpus, searchd --threads 2, this team's 2-core machine at load 18):
 *   - deadline 2 s: plain queries take 0.08-0.45 s there (/search), /trends
 *     by quarter 0.2-0.35 s; two broad wildcards OR'ed (1,000 terms) 0.56 s.
 *     2 s leaves a plain query room for ten times the reports or a busier
 *     machine, and a member waiting longer has given up anyway.
 *   - export 60 s of work: exporting every one of the 10,000 reports takes
 *     18-24 s there; the limit stops only what costs more than that twice.
 *   - 100 terms: a typed query has a few words; a researcher's OR'ed list a
 *     few dozen.  98 common words OR'ed take 0.44 s, 137 AND'ed 1.8 s.
 *   - 1,000 wildcard terms: two broad wildcards (each expands to at most
 *     VP_MAX_WILDCARD_TERMS = 500, its commonest terms) or many narrow
 *     ones; four broad ones (2,000 terms) took 1.1 s, the 140-wildcard
 *     query of issue 21 (tens of thousands of terms) 29.7 s and 75 MB.
 */
#include "budget.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "query.h"
#include "sys.h"

vp_budget_limits vp_budget_defaults(void)
{
    return (vp_budget_limits){VP_DEFAULT_DEADLINE_MS, VP_DEFAULT_EXPORT_MS,
                              VP_DEFAULT_MAX_QUERY_TERMS, VP_DEFAULT_MAX_WILDCARD_TERMS};
}

/* ---- options ------------------------------------------------------------------ */

int vp_budget_option(vp_budget_limits *l, const char *prog, const char *name,
                     const char *value)
{
    static const struct { const char *name; size_t offset; unsigned long max; } opts[] = {
        {"deadline", offsetof(vp_budget_limits, deadline_ms), 3600000},
        {"export-deadline", offsetof(vp_budget_limits, export_ms), 86400000},
        {"max-query-terms", offsetof(vp_budget_limits, max_query_terms), 100000},
        {"max-wildcard-terms", offsetof(vp_budget_limits, max_wildcard_terms), 10000000},
    };
    for (size_t i = 0; i < sizeof opts / sizeof *opts; i++) {
        if (strcmp(name, opts[i].name) != 0)
            continue;
        char *end;
        errno = 0;
        unsigned long v = strtoul(value, &end, 10);
        if (errno || *end || value[0] < '0' || value[0] > '9' || v > opts[i].max) {
            fprintf(stderr, "%s: --%s wants a number from 0 (no limit) to %lu, not '%s'\n",
                    prog, name, opts[i].max, value);
            return -1;
        }
        *(unsigned *)((char *)l + opts[i].offset) = (unsigned)v;
        return 0;
    }
    return 1;
}

/* ---- the deadline ------------------------------------------------------------- */

double vp_budget_deadline(const vp_budget_limits *l, double start_ms)
{
    return l->deadline_ms ? start_ms + l->deadline_ms : 0;
}

int vp_budget_arm(xapc_enquire *enq, double deadline, bool remote, vp_qerror *e)
{
    xapc_error xe;
    xapc_error_clear(&xe);
    if (xapc_enquire_set_deadline(enq, deadline, !remote, &xe) != XAPC_OK)
        return vp_qfail(e, VP_QERR_INTERNAL, "setting the deadline failed: %s", xe.message);
    return 0;
}

int vp_budget_fail_deadline(const vp_budget_limits *l, vp_qerror *e)
{
    return vp_qfail(e, VP_QERR_OVER_DEADLINE, "the request was stopped at its deadline of "
                    "%u ms: the query costs more than this server gives one request now; "
                    "narrow it (fewer OR'ed words or wildcards, longer wildcards, a filter, "
                    "a shorter period) or try again later", l->deadline_ms);
}

int vp_budget_check_deadline(const vp_budget_limits *l, double deadline, vp_qerror *e)
{
    if (deadline > 0 && vp_now_ms() > deadline)
        return vp_budget_fail_deadline(l, e);
    return 0;
}

int vp_budget_fail_export(const vp_budget_limits *l, double ms, bool projected,
                          vp_qerror *e)
{
    if (projected)
        return vp_qfail(e, VP_QERR_OVER_DEADLINE, "this export would take about %.0f s of "
                        "work, more than the %.0f s an export may take: narrow the query "
                        "or export it in parts (by period, with from and to)",
                        ms / 1e3, l->export_ms / 1e3);
    return vp_qfail(e, VP_QERR_OVER_DEADLINE, "the export was stopped after %.0f s of work, "
                    "the most an export may take: narrow the query or export it in parts "
                    "(by period, with from and to)", ms / 1e3);
}

/* ---- what a query asks for ------------------------------------------------------ */

int vp_budget_check_query(const vp_budget_limits *l, const xapc_query *q,
                          const xapc_db *lexicon, xapc_error *xe, vp_qerror *e)
{
    size_t terms = 0, wildcards = 0;
    xapc_error_clear(xe);
    if (xapc_query_count_leaves(q, &terms, &wildcards, xe) != XAPC_OK)
        return -1;
    /* The wildcards first: what they expand to is what makes a short query
     * expensive, and what its author can change. */
    uint64_t expanded = 0;
    if (wildcards && l->max_wildcard_terms &&
        xapc_query_wildcard_terms(q, lexicon, l->max_wildcard_terms, &expanded, xe) != XAPC_OK)
        return -1;
    if (expanded > l->max_wildcard_terms)
        return vp_qfail(e, VP_QERR_TOO_EXPENSIVE, "the query's %zu wildcard%s expand%s to "
                        "more than the %u terms a query's wildcards may expand to in all (each "
                        "expands to at most its %d commonest terms): use fewer wildcards, or "
                        "longer words before the *", wildcards, wildcards == 1 ? "" : "s",
                        wildcards == 1 ? "s" : "", l->max_wildcard_terms, VP_MAX_WILDCARD_TERMS);
    if (l->max_query_terms && terms + wildcards > l->max_query_terms)
        return vp_qfail(e, VP_QERR_TOO_EXPENSIVE, "the query has %zu terms (with the "
                        "synonyms the index adds), more than the %u a query may have: "
                        "use fewer words", terms + wildcards, l->max_query_terms);
    return 0;
}
