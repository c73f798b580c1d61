/*
 * fts5peer.c: the peer a user would pick instead: SQLite FTS5 (unicode61,
 * bm25; the baseline of bench/fts5.c) with facet counts by GROUP BY.
 *
 *   fts5peer build DB CORPUS     FTS5 table from the reports (vp_fts5_build),
 *                                plus facets(doc, kind, value) and dates from
 *                                CORPUS/facets.tsv (written by gencorpus)
 *   fts5peer query DB MIX [--threads T]
 *
 * query runs each /search line of the mix like the query layer does: words
 * AND'ed (vp_fts5_match_expr), 10 hits by bm25 (newest first without words),
 * the exact total, and all four facets counted exactly and disjunctively (a
 * facet with its own filter is counted without it).  Prints "queries qps
 * p50_ms p99_ms errors queries_per_cpu_second".
 */
#include <sqlite3.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fts5.h"
#include "mem.h"
#include "mixrun.h"
#include "params.h"
#include "strvec.h"
#include "sys.h"
#include "text.h"

enum { KIND_MUNICIPALITY, KIND_SPEAKER, KIND_THEME, KIND_YEAR, N_KINDS };

static int fail(sqlite3 *db, const char *what)
{
    fprintf(stderr, "fts5peer: %s: %s\n", what, db ? sqlite3_errmsg(db) : "cannot open");
    return 2;
}

/* ---- build --------------------------------------------------------------- */

static void add_values(sqlite3_stmt *ins, sqlite3_int64 doc, int kind, char *list)
{
    for (char *save, *v = strtok_r(list, ";", &save); v; v = strtok_r(NULL, ";", &save)) {
        char *f = vp_fold(v);
        sqlite3_bind_int64(ins, 1, doc);
        sqlite3_bind_int(ins, 2, kind);
        sqlite3_bind_text(ins, 3, f, -1, SQLITE_TRANSIENT);
        sqlite3_step(ins);
        sqlite3_reset(ins);
        free(f);
    }
}

static int add_facets(sqlite3 *db, const char *corpus)
{
    char line[8192];
    char *path = vp_path_join(corpus, "facets.tsv");
    FILE *f = fopen(path, "r");
    if (!f) {
        int rc = fail(NULL, path);
        free(path);
        return rc;
    }
    free(path);
    sqlite3_stmt *find, *ins, *date;
    if (sqlite3_exec(db, "DROP TABLE IF EXISTS facets; DROP TABLE IF EXISTS dates;"
                     "CREATE TABLE facets(doc INTEGER, kind INTEGER, value TEXT);"
                     "CREATE TABLE dates(doc INTEGER PRIMARY KEY, date TEXT);"
                     "CREATE TEMP TABLE ids(id TEXT PRIMARY KEY, doc INTEGER);"
                     "INSERT INTO ids SELECT id, rowid FROM reports; BEGIN;",
                     NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "SELECT doc FROM ids WHERE id = ?", -1, &find, NULL) ||
        sqlite3_prepare_v2(db, "INSERT INTO facets VALUES (?, ?, ?)", -1, &ins, NULL) ||
        sqlite3_prepare_v2(db, "INSERT INTO dates VALUES (?, ?)", -1, &date, NULL))
        return fail(db, "facet tables");
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        char *field[7] = {0}, *save;
        int n = 0;
        for (char *p = strtok_r(line, "\t", &save); p && n < 7; p = strtok_r(NULL, "\t", &save))
            field[n++] = p;
        if (n < 6)
            continue;
        sqlite3_bind_text(find, 1, field[0], -1, SQLITE_STATIC);
        if (sqlite3_step(find) == SQLITE_ROW) {
            sqlite3_int64 doc = sqlite3_column_int64(find, 0);
            char compact[9], year[5];
            snprintf(compact, sizeof compact, "%.4s%.2s%.2s", field[1], field[1] + 5, field[1] + 8);
            snprintf(year, sizeof year, "%.4s", field[1]);
            sqlite3_bind_int64(date, 1, doc);
            sqlite3_bind_text(date, 2, compact, -1, SQLITE_STATIC);
            sqlite3_step(date);
            sqlite3_reset(date);
            add_values(ins, doc, KIND_MUNICIPALITY, field[3]);
            add_values(ins, doc, KIND_SPEAKER, field[4]);
            add_values(ins, doc, KIND_THEME, field[5]);
            add_values(ins, doc, KIND_YEAR, year);
        }
        sqlite3_reset(find);
    }
    fclose(f);
    sqlite3_finalize(find);
    sqlite3_finalize(ins);
    sqlite3_finalize(date);
    return sqlite3_exec(db, "COMMIT; CREATE INDEX facets_kv ON facets(kind, value, doc);"
                        "CREATE INDEX facets_dk ON facets(doc, kind);",
                        NULL, NULL, NULL) == SQLITE_OK ? 0 : fail(db, "facet indexes");
}

static int run_build(const char *db_path, const char *corpus)
{
    char err[512];
    long n = vp_fts5_build(db_path, corpus, err, sizeof err);
    if (n < 0) {
        fprintf(stderr, "fts5peer: %s\n", err);
        return 2;
    }
    sqlite3 *db;
    if (sqlite3_open(db_path, &db) != SQLITE_OK)
        return fail(db, db_path);
    int rc = add_facets(db, corpus);
    sqlite3_close(db);
    if (rc == 0)
        printf("indexed %ld\n", n);
    return rc;
}

/* ---- query --------------------------------------------------------------- */

typedef struct request {
    char *match;                 /* FTS5 expression, NULL: every report */
    vp_strvec values[3];         /* folded municipality, speaker, theme */
    char from[9], to[9];         /* YYYYMMDD or "" */
} request;

static void parse_request(const char *line, request *r)
{
    memset(r, 0, sizeof *r);
    vp_params p = {0};
    vp_qerror e;
    if (vp_params_parse(line, &p, &e) != 0)
        return;
    static const char *const keys[3] = {"municipality", "speaker", "theme"};
    for (size_t i = 0; i < p.len; i++) {
        const char *k = p.items[i].key, *v = p.items[i].value;
        if (!strcmp(k, "q") && *v) {
            char *m = vp_fts5_match_expr(v);
            if (m && *m) r->match = m; else free(m);
        }
        for (int f = 0; f < 3; f++)
            if (!strcmp(k, keys[f])) {
                char *folded = vp_fold(v);
                vp_strvec_push(&r->values[f], folded);
                free(folded);
            }
        if (!strcmp(k, "from")) snprintf(r->from, sizeof r->from, "%.4s0101", v);
        if (!strcmp(k, "to")) snprintf(r->to, sizeof r->to, "%.4s1231", v);
    }
    vp_params_clear(&p);
}

static bool has_own_filter(const request *r, int kind)
{
    return kind < 3 ? r->values[kind].len > 0 : (r->from[0] || r->to[0]);
}

/* The SQL of the matching doc ids, with every filter but kind `except`. */
static char *matching_sql(const request *r, int except)
{
    char *sql = r->match
        ? sqlite3_mprintf("SELECT rowid AS doc FROM reports WHERE reports MATCH %Q", r->match)
        : sqlite3_mprintf("SELECT doc FROM dates WHERE 1");
    const char *col = r->match ? "rowid" : "doc";
    for (int f = 0; f < 3; f++) {
        if (f == except || !r->values[f].len)
            continue;
        char *in = sqlite3_mprintf("");
        for (size_t i = 0; i < r->values[f].len; i++) {
            char *next = sqlite3_mprintf("%s%s%Q", in, i ? "," : "", r->values[f].items[i]);
            sqlite3_free(in);
            in = next;
        }
        char *next = sqlite3_mprintf("%s AND %s IN (SELECT doc FROM facets WHERE kind = %d"
                                     " AND value IN (%s))", sql, col, f, in);
        sqlite3_free(in);
        sqlite3_free(sql);
        sql = next;
    }
    if (except != KIND_YEAR && (r->from[0] || r->to[0])) {
        char *next = sqlite3_mprintf("%s AND %s IN (SELECT doc FROM dates WHERE date BETWEEN"
                                     " %Q AND %Q)", sql, col, r->from[0] ? r->from : "0",
                                     r->to[0] ? r->to : "9");
        sqlite3_free(sql);
        sql = next;
    }
    return sql;
}

/* Runs sql and steps through every row (reading the first column). */
static bool run_sql(sqlite3 *db, char *sql)
{
    sqlite3_stmt *st;
    bool ok = sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK;
    int rc = SQLITE_DONE;
    while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW)
        (void)sqlite3_column_text(st, 0);
    sqlite3_finalize(st);
    sqlite3_free(sql);
    return ok && rc == SQLITE_DONE;
}

static bool run_one(sqlite3 *db, const request *r)
{
    char *all = matching_sql(r, -1);
    bool ok = run_sql(db, r->match
        ? sqlite3_mprintf("SELECT id, body FROM reports WHERE rowid IN (%s) AND reports MATCH %Q"
                          " ORDER BY rank LIMIT 10", all, r->match)
        : sqlite3_mprintf("SELECT r.id, r.body FROM reports r JOIN dates d ON d.doc = r.rowid"
                          " WHERE d.doc IN (%s) ORDER BY d.date DESC LIMIT 10", all)) &&
        run_sql(db, sqlite3_mprintf("SELECT count(*) FROM (%s)", all));
    for (int k = 0; ok && k < N_KINDS; k++) {
        char *set = has_own_filter(r, k) ? matching_sql(r, k) : sqlite3_mprintf("%s", all);
        ok = run_sql(db, sqlite3_mprintf("SELECT value, count(*) AS n FROM facets WHERE kind = %d"
                                         " AND doc IN (%s) GROUP BY value ORDER BY n DESC, value",
                                         k, set));
        sqlite3_free(set);
    }
    sqlite3_free(all);
    return ok;
}

typedef struct mix {
    const char *db_path;
    request *requests;
    atomic_bool told;            /* the first error is on stderr */
} mix;

/* A thread's connection (mixrun.h). */
static void *open_db(void *arg)
{
    sqlite3 *db;
    if (sqlite3_open_v2(((mix *)arg)->db_path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                        NULL) != SQLITE_OK) {
        sqlite3_close(db);
        return NULL;
    }
    return db;
}

static bool run_request(void *db, size_t i, void *arg)
{
    mix *mx = arg;
    bool ok = run_one(db, &mx->requests[i]);
    if (!ok && !atomic_exchange(&mx->told, true))
        fprintf(stderr, "fts5peer: %s\n", sqlite3_errmsg(db));
    return ok;
}

static void close_db(void *db)
{
    sqlite3_close(db);
}

static int run_queries(const char *db_path, const char *mix_path, unsigned threads)
{
    vp_strvec lines = VP_STRVEC_INIT;
    if (vp_mixrun_read(mix_path, &lines) != 0)
        return fail(NULL, mix_path);
    mix mx = {.db_path = db_path, .requests = vp_xcalloc(lines.len, sizeof *mx.requests)};
    for (size_t i = 0; i < lines.len; i++)
        parse_request(lines.items[i], &mx.requests[i]);
    vp_mixrun run = {.n = lines.len, .arg = &mx, .open = open_db, .run = run_request,
                     .close = close_db};
    vp_mixrun_run(&run, threads);
    vp_mixrun_report(&run);
    for (size_t i = 0; i < lines.len; i++) {
        free(mx.requests[i].match);
        for (int k = 0; k < 3; k++)
            vp_strvec_clear(&mx.requests[i].values[k]);
    }
    free(mx.requests);
    vp_strvec_clear(&lines);
    return 0;
}

int main(int argc, char **argv)
{
    unsigned threads = 1;
    if (argc == 6 && !strcmp(argv[4], "--threads"))
        threads = (unsigned)atoi(argv[5]);
    if (argc >= 4 && !strcmp(argv[1], "build"))
        return run_build(argv[2], argv[3]);
    if (argc >= 4 && !strcmp(argv[1], "query") && threads >= 1 &&
        threads <= VP_MIXRUN_MAX_THREADS)
        return run_queries(argv[2], argv[3], threads);
    fputs("usage: fts5peer build DB CORPUS | fts5peer query DB MIX [--threads T]\n", stderr);
    return 2;
}
