/*
 * scan.c: collecting report files (see scan.h).  A plain recursive
 * opendir walk rather than nftw, because nftw's callback has no context
 * pointer and the relative root would have to live in a global.
 */
#include "scan.h"

#include <dirent.h>
#include <stdbool.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int add_source(vp_sources *s, const char *abs, const char *rel)
{
    if (s->len == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 256;
        vp_source *grown = realloc(s->items, cap * sizeof *grown);
        if (!grown)
            return -1;
        s->items = grown;
        s->cap = cap;
    }
    s->items[s->len].abs_path = strdup(abs);
    s->items[s->len].rel_path = strdup(rel);
    if (!s->items[s->len].abs_path || !s->items[s->len].rel_path)
        return -1;
    s->len++;
    return 0;
}

static bool has_md_suffix(const char *name)
{
    size_t n = strlen(name);
    return n > 3 && !strcmp(name + n - 3, ".md");
}

static char *join(const char *a, const char *b)
{
    size_t n = strlen(a) + strlen(b) + 2;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s%s%s", a, *a ? "/" : "", b);
    return s;
}

static int walk(vp_sources *out, const char *dir, const char *rel, char *errbuf,
                size_t errlen, int depth)
{
    if (depth > 64)
        return 0; /* a symlink loop or an absurd tree: stop descending */
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(errbuf, errlen, "%s: %s", dir, strerror(errno));
        return -1;
    }
    int rc = 0;
    struct dirent *e;
    while (rc == 0 && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char *abs = join(dir, e->d_name), *r = join(rel, e->d_name);
        struct stat st;
        if (!abs || !r)
            rc = -1;
        else if (stat(abs, &st) != 0)
            ; /* a dangling link: nothing to index */
        else if (S_ISDIR(st.st_mode))
            rc = walk(out, abs, r, errbuf, errlen, depth + 1);
        else if (S_ISREG(st.st_mode) && has_md_suffix(e->d_name))
            rc = add_source(out, abs, r);
        free(abs);
        free(r);
    }
    closedir(d);
    return rc;
}

int vp_scan_path(vp_sources *out, const char *path, char *errbuf, size_t errlen)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        snprintf(errbuf, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        char *root = strdup(path);
        if (!root)
            return -1;
        size_t n = strlen(root);
        while (n > 1 && root[n - 1] == '/')
            root[--n] = '\0';
        int rc = walk(out, root, "", errbuf, errlen, 0);
        free(root);
        return rc;
    }
    const char *base = strrchr(path, '/');
    return add_source(out, path, base ? base + 1 : path);
}

static int by_rel_path(const void *a, const void *b)
{
    return strcmp(((const vp_source *)a)->rel_path, ((const vp_source *)b)->rel_path);
}

void vp_sources_sort(vp_sources *s)
{
    if (s->len > 1)
        qsort(s->items, s->len, sizeof *s->items, by_rel_path);
}

void vp_sources_clear(vp_sources *s)
{
    for (size_t i = 0; i < s->len; i++) {
        free(s->items[i].abs_path);
        free(s->items[i].rel_path);
    }
    free(s->items);
    memset(s, 0, sizeof *s);
}
