/*
 * hold_lock: opens a database for writing, prints "locked" and keeps the
 * lock until its standard input closes, so that a test can check what a
 * second writer (the indexer) does.
 *
 *   hold_lock DB
 */
#include <stdio.h>

#include "xapian_c.h"

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    xapc_error err;
    xapc_wdb *wdb = xapc_wdb_open(argv[1], XAPC_WDB_CREATE_OR_OPEN, &err);
    if (!wdb) {
        fprintf(stderr, "hold_lock: %s\n", err.message);
        return 2;
    }
    puts("locked");
    fflush(stdout);
    while (getchar() != EOF)
        ;
    xapc_wdb_free(wdb);
    return 0;
}
