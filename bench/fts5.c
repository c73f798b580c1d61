/*
 * fts5.c: the SQLite FTS5 baseline (see fts5.h).
 */
#include "fts5.h"

#include <ctype.h>
#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "problem.h"
#include "scan.h"
#include "sys.h"
#include "text.h"

struct vp_fts5 {
    sqlite3 *db;
    sqlite3_stmt *query;
};

/* ---- reading a report ------------------------------------------------ */

static bool line_is(const char *line, const char *word)
{
    size_t n = strlen(word);
    return strncmp(line, word, n) == 0 &&
           (line[n] == '\n' || line[n] == '\0' || (line[n] == '\r' && line[n + 1] == '\n'));
}

static const char *next_line(const char *p)
{
    const char *nl = strchr(p, '\n');
    return nl ? nl + 1 : p + strlen(p);
}

/* The rest of the line after its first `skip` bytes, trimmed and unquoted. */
static char *line_value(const char *line, size_t skip)
{
    const char *end = strchr(line, '\n');
    char *v = vp_strndup(line + skip, (end ? (size_t)(end - line) : strlen(line)) - skip);
    if (!v)
        return NULL;
    char *t = vp_trim(v);
    size_t n = strlen(t);
    if (n >= 2 && (t[0] == '"' || t[0] == '\'') && t[n - 1] == t[0]) {
        t[n - 1] = '\0';
        t++;
    }
    memmove(v, t, strlen(t) + 1);
    return v;
}

/* Splits a report into title and body: YAML front matter (between "---"
 * lines) is dropped except for its title; without one, the title is the
 * first "# " heading.  The body keeps every Markdown line. */
static void split_report(const char *text, char **title, const char **body)
{
    *title = NULL;
    *body = text;
    if (line_is(text, "---")) {
        for (const char *p = next_line(text); *p; p = next_line(p)) {
            if (line_is(p, "---") || line_is(p, "...")) {
                *body = next_line(p);
                break;
            }
            if (!*title && strncmp(p, "title:", 6) == 0)
                *title = line_value(p, 6);
        }
    }
    for (const char *p = *body; !*title && *p; p = next_line(p))
        if (strncmp(p, "# ", 2) == 0)
            *title = line_value(p, 2);
}

/* ---- building -------------------------------------------------------- */

/* Inserts one report; 0, or -1 with a message in errbuf. */
static int add_report(sqlite3_stmt *insert, const vp_source *src, char *errbuf, size_t errlen)
{
    char *text = vp_read_file(src->abs_path, NULL);
    if (!text)
        return vp_errorf(errbuf, errlen, "%s: %s", src->abs_path, strerror(errno));
    char *title;
    const char *body;
    split_report(text, &title, &body);
    sqlite3_bind_text(insert, 1, src->rel_path, (int)(strlen(src->rel_path) - 3), SQLITE_TRANSIENT);
    sqlite3_bind_text(insert, 2, title ? title : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insert, 3, body, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(insert);
    sqlite3_reset(insert);
    free(title);
    free(text);
    return rc == SQLITE_DONE ? 0 : vp_errorf(errbuf, errlen, "%s: %s", src->abs_path, sqlite3_errstr(rc));
}

static const char schema_sql[] =
    "DROP TABLE IF EXISTS reports;"
    "CREATE VIRTUAL TABLE reports USING fts5(id UNINDEXED, title, body,"
    " tokenize = 'unicode61 remove_diacritics 2');"
    "BEGIN;";

long vp_fts5_build(const char *db_path, const char *corpus_dir, char *errbuf, size_t errlen)
{
    vp_sources sources = {0};
    if (vp_scan_path(&sources, corpus_dir, errbuf, errlen) != 0)
        return -1;
    vp_sources_sort(&sources);
    sqlite3 *db = NULL;
    sqlite3_stmt *insert = NULL;
    int rc = 0;
    if (sqlite3_open(db_path, &db) != SQLITE_OK ||
        sqlite3_exec(db, schema_sql, NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "INSERT INTO reports(id, title, body) VALUES (?, ?, ?)", -1,
                           &insert, NULL) != SQLITE_OK)
        rc = vp_errorf(errbuf, errlen, "%s: %s", db_path, db ? sqlite3_errmsg(db) : "out of memory");
    for (size_t i = 0; rc == 0 && i < sources.len; i++)
        rc = add_report(insert, &sources.items[i], errbuf, errlen);
    sqlite3_finalize(insert);
    if (rc == 0 && sqlite3_exec(db, "COMMIT;", NULL, NULL, NULL) != SQLITE_OK)
        rc = vp_errorf(errbuf, errlen, "%s: %s", db_path, sqlite3_errmsg(db));
    sqlite3_close(db);
    long n = rc == 0 ? (long)sources.len : -1;
    vp_sources_clear(&sources);
    return n;
}

/* ---- querying -------------------------------------------------------- */

vp_fts5 *vp_fts5_open(const char *db_path, char *errbuf, size_t errlen)
{
    vp_fts5 *f = vp_xcalloc(1, sizeof *f);
    if (sqlite3_open_v2(db_path, &f->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(f->db,
                           "SELECT id FROM reports WHERE reports MATCH ? ORDER BY bm25(reports), id",
                           -1, &f->query, NULL) != SQLITE_OK) {
        vp_errorf(errbuf, errlen, "%s: %s (build it with fts5_baseline build)", db_path,
             f->db ? sqlite3_errmsg(f->db) : "out of memory");
        vp_fts5_close(f);
        return NULL;
    }
    return f;
}

void vp_fts5_close(vp_fts5 *f)
{
    if (!f)
        return;
    sqlite3_finalize(f->query);
    sqlite3_close(f->db);
    free(f);
}

/* ASCII letters and digits and every byte of a multi-byte UTF-8 sequence
 * belong to words; the tokenizer sorts out the rest inside the quotes. */
static bool word_byte(unsigned char c)
{
    return c >= 0x80 || isalnum(c);
}

/* Appends the words of s[0..n) to out as one quoted FTS5 string (a phrase
 * when there are several) and a space; returns the new end of out. */
static char *append_phrase(char *out, const char *s, size_t n)
{
    char *start = out;
    bool in_word = false;
    *out++ = '"';
    for (size_t i = 0; i < n; i++) {
        bool w = word_byte((unsigned char)s[i]);
        if (w && !in_word && out > start + 1)
            *out++ = ' ';
        if (w)
            *out++ = s[i];
        in_word = w;
    }
    if (out == start + 1)
        return start;
    *out++ = '"';
    *out++ = ' ';
    return out;
}

char *vp_fts5_match_expr(const char *q)
{
    size_t n = strlen(q);
    char *out = vp_xmalloc(3 * n + 3), *w = out;
    for (size_t i = 0; i < n;) {
        if (q[i] == '"') {
            const char *close = strchr(q + i + 1, '"');
            size_t len = close ? (size_t)(close - q - i - 1) : n - i - 1;
            w = append_phrase(w, q + i + 1, len);
            i += len + 2;
            continue;
        }
        size_t j = i;
        while (j < n && word_byte((unsigned char)q[j]))
            j++;
        if (j > i)
            w = append_phrase(w, q + i, j - i);
        i = j > i ? j : i + 1;
    }
    while (w > out && w[-1] == ' ')
        w--;
    *w = '\0';
    return out;
}

int vp_fts5_query(vp_fts5 *f, const char *q, size_t limit, vp_strvec *ids,
                  char *errbuf, size_t errlen)
{
    char *expr = vp_fts5_match_expr(q ? q : "");
    int rc = SQLITE_DONE;
    if (*expr) {
        sqlite3_bind_text(f->query, 1, expr, -1, SQLITE_TRANSIENT);
        size_t n = 0;
        while ((limit == 0 || n < limit) && (rc = sqlite3_step(f->query)) == SQLITE_ROW) {
            if (!vp_strvec_push(ids, (const char *)sqlite3_column_text(f->query, 0)))
                rc = SQLITE_NOMEM;
            n++;
        }
        if (rc == SQLITE_ROW)
            rc = SQLITE_DONE;
        sqlite3_reset(f->query);
    }
    free(expr);
    if (rc != SQLITE_DONE)
        return vp_errorf(errbuf, errlen, "baseline query \"%s\": %s", q, sqlite3_errmsg(f->db));
    return 0;
}
