/*
 * export.c: every match as JSON lines or CSV (see export.h).
 *
 * A record is the search hit of the query layer (vp_hit_json: the fields,
 * the score and the best-matching section, computed exactly as for /search)
 * without the snippet, and with the speakers' organisations taken from the
 * stored report.  Records are rendered one at a time into `pending`, which
 * vp_export_read drains; nothing else grows with the size of the match.
 */
#include "export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "mem.h"
#include "report_json.h"
#include "sys.h"

struct vp_export {
    vp_match_iter *it;
    vp_export_format format;
    vp_buf pending;        /* rendered output not yet read */
    size_t offset;         /* how much of pending has been read */
    bool done;
    vp_qerror error;       /* met while filling a read that had output already */
    vp_budget_limits limits;
    double work_ms;        /* spent on this export so far (budget.h) */
};

int vp_export_format_from_name(const char *name)
{
    if (!name || !*name || strcmp(name, "jsonl") == 0)
        return VP_EXPORT_JSONL;
    if (strcmp(name, "csv") == 0)
        return VP_EXPORT_CSV;
    return -1;
}

const char *vp_export_content_type(vp_export_format f)
{
    return f == VP_EXPORT_CSV ? "text/csv; charset=utf-8; header=present"
                              : "application/x-ndjson; charset=utf-8";
}

/* [{"name", "organisation"}] from the stored report (read without its
 * Markdown, a third of its bytes). */
static json_t *speakers_with_organisation(const xapc_mset *mset, uint32_t i, xapc_error *xe)
{
    size_t len = 0, short_len = 0;
    char *data = xapc_mset_document_data_len(mset, i, &len, xe);
    char *without_md = data ? vp_json_without_member(data, len, "markdown", &short_len) : NULL;
    json_t *doc = without_md ? json_loadb(without_md, short_len, 0, NULL)
                  : data ? json_loadb(data, len, 0, NULL) : NULL;
    free(without_md);
    free(data);
    json_t *out = json_array();
    const json_t *sp;
    size_t k;
    json_array_foreach(json_object_get(doc, "speakers"), k, sp) {
        const json_t *org = json_object_get(sp, "organisation");
        json_array_append_new(out, json_pack("{s:O,s:O}", "name", json_object_get(sp, "name"),
                                             "organisation", org ? org : json_null()));
    }
    json_decref(doc);
    return out;
}

/* The record of the match at (mset, i); NULL with e set. */
static json_t *record_json(const vp_export *x, const xapc_mset *mset, uint32_t i,
                           vp_qerror *e)
{
    xapc_error xe;
    xapc_error_clear(&xe);
    json_t *hit = vp_hit_json(mset, i, vp_match_iter_terms(x->it),
                              vp_match_iter_stem(x->it), &xe, e);
    json_t *speakers = hit ? speakers_with_organisation(mset, i, &xe) : NULL;
    if (!hit || !speakers || xe.status != XAPC_OK) {
        if (e->kind == VP_QERR_NONE)
            vp_qfail(e, VP_QERR_UNAVAILABLE, "reading a report failed: %s",
                     xe.status != XAPC_OK ? xe.message : "out of memory");
        json_decref(hit);
        json_decref(speakers);
        return NULL;
    }
    static const char *const order[] = {"id", "title", "date", "host", "municipalities",
                                        "speakers", "themes", "path", "score", "section"};
    json_t *rec = json_object();
    for (size_t k = 0; rec && k < sizeof order / sizeof *order; k++)
        json_object_set(rec, order[k], strcmp(order[k], "speakers") == 0
                                           ? speakers : json_object_get(hit, order[k]));
    json_decref(hit);
    json_decref(speakers);
    return rec;
}

/* "a; b; c" from an array of strings (or of speakers: "Name (Org)"). */
static void csv_list_field(vp_buf *b, const json_t *list)
{
    vp_buf joined = VP_BUF_INIT;
    const json_t *v;
    size_t k;
    json_array_foreach(list, k, v) {
        if (k)
            vp_buf_puts(&joined, "; ");
        const char *name = json_is_object(v) ? json_string_value(json_object_get(v, "name"))
                                             : json_string_value(v);
        const char *org = json_string_value(json_object_get(v, "organisation"));
        vp_buf_puts(&joined, name ? name : "");
        if (org && *org) {
            vp_buf_puts(&joined, " (");
            vp_buf_puts(&joined, org);
            vp_buf_puts(&joined, ")");
        }
    }
    vp_csv_field(b, vp_buf_str(&joined), false);
    vp_buf_free(&joined);
}

static void csv_record(vp_buf *b, const json_t *rec)
{
    const json_t *section = json_object_get(rec, "section");
    char score[32];
    snprintf(score, sizeof score, "%.6g", json_number_value(json_object_get(rec, "score")));
    vp_csv_field(b, json_string_value(json_object_get(rec, "id")), true);
    vp_csv_field(b, json_string_value(json_object_get(rec, "title")), false);
    vp_csv_field(b, json_string_value(json_object_get(rec, "date")), false);
    vp_csv_field(b, json_string_value(json_object_get(rec, "host")), false);
    csv_list_field(b, json_object_get(rec, "municipalities"));
    csv_list_field(b, json_object_get(rec, "speakers"));
    csv_list_field(b, json_object_get(rec, "themes"));
    vp_csv_field(b, json_string_value(json_object_get(rec, "path")), false);
    vp_csv_field(b, score, false);
    vp_csv_field(b, json_string_value(json_object_get(section, "heading")), false);
    vp_csv_field(b, json_string_value(json_object_get(section, "anchor")), false);
    vp_csv_end_row(b);
}

static void jsonl_record(vp_buf *b, const json_t *rec)
{
    char *text = json_dumps(rec, VP_JSON_FLAGS);
    if (!text)          /* jansson fails only for want of memory here */
        vp_oom(0);
    vp_buf_puts(b, text);
    vp_buf_putc(b, '\n');
    free(text);
}

/* The work an export spends is counted from the first batch to the last
 * record, without the time the client takes to read (between two reads):
 * a slow reader costs a connection, not work. */
static bool over_budget(const vp_export *x, double since, vp_qerror *e)
{
    double spent = x->work_ms + (vp_now_ms() - since);
    if (!x->limits.export_ms || spent <= x->limits.export_ms)
        return false;
    vp_budget_fail_export(&x->limits, spent, false, e);
    return true;
}

/* Renders the next record into pending; false at the end or on an error. */
static bool render_next(vp_export *x, double since, vp_qerror *e)
{
    uint32_t i;
    if (over_budget(x, since, e))
        return false;
    const xapc_mset *mset = vp_match_iter_next(x->it, &i, e);
    json_t *rec = mset ? record_json(x, mset, i, e) : NULL;
    if (!rec) {
        /* A batch stopped at the export's deadline (vp_export_read). */
        if (e->kind == VP_QERR_OVER_DEADLINE)
            vp_budget_fail_export(&x->limits, x->work_ms + (vp_now_ms() - since), false, e);
        return false;
    }
    if (x->offset == x->pending.len) {   /* all read: start the buffer afresh */
        vp_buf_reset(&x->pending);
        x->offset = 0;
    }
    if (x->format == VP_EXPORT_CSV)
        csv_record(&x->pending, rec);
    else
        jsonl_record(&x->pending, rec);
    json_decref(rec);
    return true;
}

/* Records rendered before an export answers, to know what one costs.
 * VP_EXPORT_SAMPLE (0..1000) overrides it: 0 projects from the first
 * batch's matching alone, which the tests use to reach the check between
 * records. */
static uint32_t sample_size(void)
{
    const char *env = getenv("VP_EXPORT_SAMPLE");
    char *end;
    unsigned long n = env ? strtoul(env, &end, 10) : 0;
    return env && *env && !*end && n <= 1000 ? (uint32_t)n : 32;
}

/* The work the whole export is expected to take: the batches' matching
 * (vp_match_iter_projected_ms) and every record at the sample's rate. */
static double projected_ms(const vp_export *x, uint32_t sampled, double sample_ms)
{
    uint32_t total = vp_match_iter_total(x->it);
    double per_record = sampled ? sample_ms / sampled : 0;
    return vp_match_iter_projected_ms(x->it) +
           per_record * (total > sampled ? total - sampled : 0);
}

vp_export *vp_export_new(vp_searcher *s, const vp_request *r, vp_export_format f,
                         vp_qerror *e)
{
    vp_export *x = vp_xcalloc(1, sizeof *x);
    x->format = f;
    x->limits = *vp_searcher_limits(s);
    if (f == VP_EXPORT_CSV) {
        vp_buf_puts(&x->pending, VP_EXPORT_CSV_HEADER);
        vp_csv_end_row(&x->pending);
    }
    double t0 = vp_now_ms();
    x->it = vp_match_iter_new(s, r, e);
    /* The first records are rendered now, before the answer starts: with
     * the first batch they project the whole export's work, and one that
     * would run past its budget is refused before its first byte (a 503
     * the client can act on) instead of being cut short later. */
    uint32_t sampled = 0, sample = sample_size();
    double t1 = vp_now_ms();
    while (x->it && sampled < sample && render_next(x, t0, e))
        sampled++;
    x->done = x->it && sampled < sample && e->kind == VP_QERR_NONE;
    double projected = x->it ? projected_ms(x, sampled, vp_now_ms() - t1) : 0;
    if (x->it && e->kind == VP_QERR_NONE && x->limits.export_ms &&
        projected > x->limits.export_ms)
        vp_budget_fail_export(&x->limits, projected, true, e);
    if (!x->it || e->kind != VP_QERR_NONE) {
        vp_export_free(x);
        return NULL;
    }
    x->work_ms = vp_now_ms() - t0;
    return x;
}

ssize_t vp_export_read(vp_export *x, char *buf, size_t max, vp_qerror *e)
{
    *e = x->error;
    if (e->kind != VP_QERR_NONE)
        return -1;
    size_t n = 0;
    double since = vp_now_ms();
    vp_match_iter_set_deadline(x->it, x->limits.export_ms
                                          ? since + (x->limits.export_ms - x->work_ms) : 0);
    while (n < max) {
        if (x->offset == x->pending.len && (x->done || !render_next(x, since, &x->error))) {
            x->done = true;
            if (x->error.kind != VP_QERR_NONE && n == 0)
                return *e = x->error, -1;
            break;
        }
        size_t take = x->pending.len - x->offset;
        take = take < max - n ? take : max - n;
        memcpy(buf + n, x->pending.s + x->offset, take);
        x->offset += take;
        n += take;
    }
    x->work_ms += vp_now_ms() - since;
    return (ssize_t)n;
}

uint32_t vp_export_total(const vp_export *x)
{
    return vp_match_iter_total(x->it);
}

void vp_export_free(vp_export *x)
{
    if (!x)
        return;
    vp_match_iter_free(x->it);
    vp_buf_free(&x->pending);
    free(x);
}
