/*
 * fts5_baseline.c: builds the SQLite FTS5 baseline database that
 * bench/evaluate ranks against (see fts5.h).
 *
 *   fts5_baseline build DB.sqlite CORPUS_DIR
 *   fts5_baseline query DB.sqlite QUERY     (ids, best first)
 *
 * Exit status: 0 done, 1 no match (query), 2 usage or error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fts5.h"

static int usage(void)
{
    fprintf(stderr, "usage: fts5_baseline build DB.sqlite CORPUS_DIR\n"
                    "       fts5_baseline query DB.sqlite QUERY\n");
    return 2;
}

static int build(const char *db, const char *corpus)
{
    char err[512];
    long n = vp_fts5_build(db, corpus, err, sizeof err);
    if (n < 0) {
        fprintf(stderr, "fts5_baseline: %s\n", err);
        return 2;
    }
    printf("fts5_baseline: %ld reports in %s\n", n, db);
    return 0;
}

static int query(const char *db, const char *q)
{
    char err[512];
    vp_fts5 *f = vp_fts5_open(db, err, sizeof err);
    vp_strvec ids = VP_STRVEC_INIT;
    int rc = f ? vp_fts5_query(f, q, 0, &ids, err, sizeof err) : -1;
    if (rc != 0)
        fprintf(stderr, "fts5_baseline: %s\n", err);
    for (size_t i = 0; i < ids.len; i++)
        printf("%s\n", ids.items[i]);
    int status = rc != 0 ? 2 : ids.len ? 0 : 1;
    vp_strvec_clear(&ids);
    vp_fts5_close(f);
    return status;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "build") == 0)
        return build(argv[2], argv[3]);
    if (argc == 4 && strcmp(argv[1], "query") == 0)
        return query(argv[2], argv[3]);
    return usage();
}
