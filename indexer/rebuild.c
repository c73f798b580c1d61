/* rebuild.c: see rebuild.h. */
#define _GNU_SOURCE /* renameat2, RENAME_EXCHANGE */
#include "rebuild.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mem.h"

char *vp_sibling_path(const char *path, const char *suffix)
{
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/')
        n--;
    size_t len = n + strlen(suffix) + 1;
    char *s = vp_xmalloc(len);
    snprintf(s, len, "%.*s%s", (int)n, path, suffix);
    return s;
}

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    return type == FTW_DP ? rmdir(path) : unlink(path);
}

int vp_remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return errno == ENOENT ? 0 : -1;
    if (!S_ISDIR(st.st_mode))
        return unlink(path);
    return nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

int vp_rebuild_begin(vp_rebuild *r, const char *live, char *errbuf, size_t errlen)
{
    r->live = vp_xstrdup(live);
    r->fresh = vp_sibling_path(live, ".rebuild");
    r->parts = vp_sibling_path(live, ".parts");
    const char *left = vp_remove_tree(r->fresh) != 0 ? r->fresh
                     : vp_remove_tree(r->parts) != 0 ? r->parts : NULL;
    if (left) {
        snprintf(errbuf, errlen, "%s: cannot remove what an unfinished run left: %s",
                 left, strerror(errno));
        return -1;
    }
    return 0;
}

int vp_rebuild_swap(vp_rebuild *r, char *errbuf, size_t errlen)
{
    if (renameat2(AT_FDCWD, r->fresh, AT_FDCWD, r->live, RENAME_EXCHANGE) == 0)
        return 0;
    if (errno == ENOENT && rename(r->fresh, r->live) == 0)
        return 0; /* there was no index yet */
    snprintf(errbuf, errlen, "%s: cannot swap in the rebuilt index: %s", r->live,
             strerror(errno));
    return -1;
}

void vp_rebuild_finish(vp_rebuild *r)
{
    if (r->fresh)
        vp_remove_tree(r->fresh);
    if (r->parts)
        vp_remove_tree(r->parts);
    free(r->live);
    free(r->fresh);
    free(r->parts);
    r->live = r->fresh = r->parts = NULL;
}
