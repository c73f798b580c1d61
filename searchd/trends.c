/*
 * trends.c: matches per interval for the top values of a facet (see
 * trends.h for the counting plan and why it uses built-in spies only).
 */
#include "trends.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "facets.h"
#include "mem.h"
#include "schema.h"

static const xapc_slot facet_slot[VP_N_FACETS] = {
    VP_SLOT_MUNICIPALITIES, VP_SLOT_SPEAKERS, VP_SLOT_THEMES, VP_SLOT_YEAR};

void vp_trends_options_init(vp_trends_options *o)
{
    *o = (vp_trends_options){VP_FACET_THEME, VP_INTERVAL_YEAR, VP_TRENDS_DEFAULT_LIMIT, false};
}

static int set_limit(vp_trends_options *o, const char *value, vp_qerror *e)
{
    char *end = NULL;
    unsigned long n = strtoul(value, &end, 10);
    if (value[0] < '0' || value[0] > '9' || *end || n < 1 || n > VP_TRENDS_MAX_LIMIT)
        return vp_qfail(e, VP_QERR_BAD_PARAMETER, "limit must be a whole number from 1 "
                        "to %d, not '%.40s'", VP_TRENDS_MAX_LIMIT, value);
    o->limit = (unsigned)n;
    return 0;
}

int vp_trends_option_set(vp_trends_options *o, const char *key, const char *value,
                         vp_qerror *e)
{
    bool empty = *value == '\0';
    if (strcmp(key, "by") == 0) {
        int f = empty ? VP_FACET_THEME : vp_facet_from_name(value);
        if (f < 0 || f == VP_FACET_YEAR)
            return vp_qfail(e, VP_QERR_BAD_PARAMETER, "by must be theme, municipality "
                            "or speaker, not '%.40s'", value);
        o->by = (vp_facet)f;
    } else if (strcmp(key, "interval") == 0) {
        if (!empty && strcmp(value, "year") != 0 && strcmp(value, "quarter") != 0)
            return vp_qfail(e, VP_QERR_BAD_PARAMETER, "interval must be year or quarter, "
                            "not '%.40s'", value);
        o->interval = strcmp(value, "quarter") == 0 ? VP_INTERVAL_QUARTER : VP_INTERVAL_YEAR;
    } else if (strcmp(key, "limit") == 0) {
        return empty ? 0 : set_limit(o, value, e);
    } else if (strcmp(key, "format") == 0) {
        if (!empty && strcmp(value, "json") != 0 && strcmp(value, "csv") != 0)
            return vp_qfail(e, VP_QERR_BAD_PARAMETER, "format must be json or csv, "
                            "not '%.40s'", value);
        o->csv = strcmp(value, "csv") == 0;
    } else {
        return 1;
    }
    return 0;
}

/* ---- intervals ----------------------------------------------------------------
 * An interval is a number: the year, or year * 4 + quarter (0..3). */

static long interval_of(const char *date, size_t len, vp_interval iv)
{
    if (len < 6 || strspn(date, "0123456789") < 6)
        return -1;
    long year = (date[0] - '0') * 1000 + (date[1] - '0') * 100 + (date[2] - '0') * 10 +
                (date[3] - '0');
    int month = (date[4] - '0') * 10 + (date[5] - '0');
    if (month < 1 || month > 12)
        return -1;
    return iv == VP_INTERVAL_YEAR ? year : year * 4 + (month - 1) / 3;
}

static void interval_name(long k, vp_interval iv, char out[32])
{
    if (iv == VP_INTERVAL_YEAR)
        snprintf(out, 32, "%04ld", k);
    else
        snprintf(out, 32, "%04ld-Q%ld", k / 4, k % 4 + 1);
}

/* The inclusive "YYYYMMDD" bounds of interval k. */
static void interval_bounds(long k, vp_interval iv, char lo[32], char hi[32])
{
    long year = iv == VP_INTERVAL_YEAR ? k : k / 4;
    int first = iv == VP_INTERVAL_YEAR ? 1 : (int)(k % 4) * 3 + 1;
    int last = iv == VP_INTERVAL_YEAR ? 12 : first + 2;
    snprintf(lo, 32, "%04ld%02d01", year, first);
    snprintf(hi, 32, "%04ld%02d31", year, last);
}

/* ---- pass 1: totals per interval and per value ----------------------------------- */

typedef struct overview {
    vp_interval iv;
    long min, max;               /* interval range seen; min > max: none */
    uint32_t *totals;            /* max - min + 1, after pass 1 */
    struct { long k; uint32_t n; } *dates;   /* (interval, count) as the spy saw them */
    size_t n_dates, cap_dates;
    vp_facet_counts *values;
} overview;

static bool add_date(overview *ov, const char *value, size_t len, uint32_t count)
{
    long k = interval_of(value, len, ov->iv);
    if (k < 0)
        return true;   /* a malformed date counts nowhere */
    VP_GROW(ov->dates, ov->cap_dates, ov->n_dates + 1);
    ov->dates[ov->n_dates].k = k;
    ov->dates[ov->n_dates++].n = count;
    ov->min = k < ov->min ? k : ov->min;
    ov->max = k > ov->max ? k : ov->max;
    return true;
}

static bool overview_count(size_t slot_index, const char *value, size_t len,
                           uint32_t count, void *ctx)
{
    overview *ov = ctx;
    if (slot_index == 0)
        return add_date(ov, value, len, count);
    vp_facet_counts_add_list(ov->values, value, len, count);
    return true;
}

static int run_overview(vp_searcher *s, const vp_request *r, const vp_trends_options *o,
                        overview *ov, vp_qerror *e)
{
    *ov = (overview){.iv = o->interval, .min = 1L << 30, .max = -1};
    ov->values = vp_facet_counts_new();
    const xapc_slot slots[2] = {VP_SLOT_DATE, facet_slot[o->by]};
    if (vp_count_values(s, r, NULL, NULL, slots, 2, overview_count, ov, e) != 0)
        return -1;
    size_t n = ov->min <= ov->max ? (size_t)(ov->max - ov->min + 1) : 0;
    ov->totals = vp_xcalloc(n ? n : 1, sizeof *ov->totals);
    for (size_t i = 0; i < ov->n_dates; i++)
        ov->totals[ov->dates[i].k - ov->min] += ov->dates[i].n;
    return 0;
}

static void overview_clear(overview *ov)
{
    free(ov->totals);
    free(ov->dates);
    vp_facet_counts_free(ov->values);
}

/* ---- pass 2: one match per non-empty interval ------------------------------------ */

static bool interval_count(size_t slot_index, const char *value, size_t len,
                           uint32_t count, void *ctx)
{
    (void)slot_index;
    vp_facet_counts_add_list(ctx, value, len, count);
    return true;
}

/* Fills counts[v] (v: index of the top value) for interval k. */
static int count_interval(vp_searcher *s, const vp_request *r, const vp_trends_options *o,
                          long k, const json_t *index_of, json_t *series, vp_qerror *e)
{
    char lo[32], hi[32];
    interval_bounds(k, o->interval, lo, hi);
    vp_facet_counts *c = vp_facet_counts_new();
    const xapc_slot slot = facet_slot[o->by];
    json_t *all = NULL;
    int rc = -1;
    if (vp_count_values(s, r, lo, hi, &slot, 1, interval_count, c, e) == 0 &&
        (all = vp_facet_counts_to_json(c, 0, NULL, NULL)) != NULL) {
        const json_t *entry;
        size_t i;
        json_array_foreach(all, i, entry) {
            const json_t *v = json_object_get(index_of, json_string_value(
                                                  json_object_get(entry, "value")));
            if (v)
                json_integer_set(json_array_get(series, (size_t)json_integer_value(v)),
                                 json_integer_value(json_object_get(entry, "count")));
        }
        rc = 0;
    } else if (e->kind == VP_QERR_NONE) {
        vp_qfail(e, VP_QERR_INTERNAL, "out of memory");
    }
    json_decref(all);
    vp_facet_counts_free(c);
    return rc;
}

/* ---- the result ----------------------------------------------------------------- */

static json_t *zeros(size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++)
        json_array_append_new(a, json_integer(0));
    return a;
}

/* values: the top values as [{"value", ("label",) "total", "counts": zeros}]. */
static json_t *top_values(const overview *ov, const vp_trends_options *o,
                          const vp_themes *themes, size_t n_intervals)
{
    json_t *top = vp_facet_counts_to_json(ov->values, o->limit, NULL,
                                          o->by == VP_FACET_THEME ? themes : NULL);
    json_t *entry;
    size_t i;
    json_array_foreach(top, i, entry) {
        json_object_set(entry, "total", json_object_get(entry, "count"));
        json_object_del(entry, "count");
        json_object_set_new(entry, "counts", zeros(n_intervals));
    }
    return top;
}

static json_t *build_trends(vp_searcher *s, const vp_request *r, const vp_trends_options *o,
                            const vp_themes *themes, const overview *ov, vp_qerror *e)
{
    size_t n = ov->min <= ov->max ? (size_t)(ov->max - ov->min + 1) : 0;
    json_t *names = json_array(), *totals = json_array(), *index_of = json_object();
    json_t *values = top_values(ov, o, themes, n);
    json_int_t total = 0;
    for (size_t i = 0; i < n; i++) {
        char name[32];
        interval_name(ov->min + (long)i, o->interval, name);
        json_array_append_new(names, json_string(name));
        json_array_append_new(totals, json_integer(ov->totals[i]));
        total += ov->totals[i];
    }
    json_t *entry;
    size_t v;
    json_array_foreach(values, v, entry)
        json_object_set_new(index_of, json_string_value(json_object_get(entry, "value")),
                            json_integer((json_int_t)v));
    /* One match per interval gives every value's count there; the series of
     * value v is values[v].counts. */
    bool ok = names && totals && index_of && values;
    for (size_t i = 0; ok && i < n; i++) {
        if (ov->totals[i] == 0 || json_array_size(values) == 0)
            continue;
        /* Each count parses and matches anew: one whose request is out of
         * time is not started (its match would be stopped at once). */
        if (vp_searcher_check_deadline(s, e) != 0) {
            ok = false;
            break;
        }
        json_t *column = json_array();
        json_array_foreach(values, v, entry)
            json_array_append_new(column, json_integer(0));
        ok = column && count_interval(s, r, o, ov->min + (long)i, index_of, column, e) == 0;
        json_array_foreach(values, v, entry)
            json_array_set(json_object_get(entry, "counts"), i, json_array_get(column, v));
        json_decref(column);
    }
    json_decref(index_of);
    json_t *out = NULL;
    if (ok)
        out = json_pack("{s:s,s:s,s:s,s:O,s:O,s:I,s:O}", "query", r->q ? r->q : "",
                        "by", vp_facet_name(o->by),
                        "interval", o->interval == VP_INTERVAL_YEAR ? "year" : "quarter",
                        "intervals", names, "totals", totals, "total", total, "values", values);
    if (ok && !out)
        vp_qfail(e, VP_QERR_INTERNAL, "out of memory");
    json_decref(names);
    json_decref(totals);
    json_decref(values);
    return out;
}

json_t *vp_trends(vp_searcher *s, const vp_request *r, const vp_trends_options *o,
                  const vp_themes *themes, vp_qerror *e)
{
    vp_problem_clear(e);
    if (vp_searcher_refresh(s, e) != 0)
        return NULL;
    vp_searcher_start_request(s);
    overview ov;
    json_t *out = NULL;
    if (run_overview(s, r, o, &ov, e) == 0)
        out = build_trends(s, r, o, themes, &ov, e);
    overview_clear(&ov);
    return out;
}

/* ---- CSV ------------------------------------------------------------------------ */

static void csv_int(vp_buf *b, const json_t *n)
{
    char num[24];
    snprintf(num, sizeof num, "%lld", (long long)json_integer_value(n));
    vp_csv_field(b, num, false);
}

static void csv_row(vp_buf *b, const char *value, const json_t *total, const json_t *counts)
{
    const json_t *c;
    size_t i;
    vp_csv_field(b, value, true);
    csv_int(b, total);
    json_array_foreach(counts, i, c)
        csv_int(b, c);
    vp_csv_end_row(b);
}

char *vp_trends_csv(const json_t *trends)
{
    vp_buf b = VP_BUF_INIT;
    const json_t *x;
    size_t i;
    vp_csv_field(&b, "value", true);
    vp_csv_field(&b, "total", false);
    json_array_foreach(json_object_get(trends, "intervals"), i, x)
        vp_csv_field(&b, json_string_value(x), false);
    vp_csv_end_row(&b);
    json_array_foreach(json_object_get(trends, "values"), i, x)
        csv_row(&b, json_string_value(json_object_get(x, "value")), json_object_get(x, "total"),
                json_object_get(x, "counts"));
    csv_row(&b, "(all)", json_object_get(trends, "total"), json_object_get(trends, "totals"));
    return vp_buf_detach(&b);
}
