/* layout.c: see layout.h. */
#include "layout.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "hash.h"
#include "mem.h"
#include "sys.h"

unsigned vp_shard_of(const char *id, unsigned n)
{
    return (unsigned)(vp_fnv1a(VP_FNV1A_INIT, id, strlen(id)) % n);
}

void vp_shard_name(unsigned i, char name[32])
{
    snprintf(name, 32, "shard-%03u", i);
}

/* True when dir/name exists and is a regular file (or, want_dir, a
 * folder). */
static bool has_entry(const char *dir, const char *name, bool want_dir)
{
    char *p = vp_path_join(dir, name);
    struct stat st;
    bool yes = stat(p, &st) == 0 && (want_dir ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode));
    free(p);
    return yes;
}

bool vp_layout_is_database(const char *dir)
{
    return has_entry(dir, "iamglass", false);
}

char *vp_stub_find(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return NULL;
    if (S_ISREG(st.st_mode))
        return vp_xstrdup(path);
    if (S_ISDIR(st.st_mode) && !vp_layout_is_database(path) &&
        has_entry(path, VP_LAYOUT_STUB, false))
        return vp_path_join(path, VP_LAYOUT_STUB);
    return NULL;
}

/* Splits "type where" in place; false for a blank or comment line. */
static bool split_line(char *line, char **type, char **where)
{
    line[strcspn(line, "\r\n")] = '\0';
    char *t = line + strspn(line, " \t");
    if (!*t || *t == '#')
        return false;
    char *w = t + strcspn(t, " \t");
    if (*w)
        *w++ = '\0';
    w += strspn(w, " \t");
    w[strcspn(w, " \t")] = '\0';
    *type = t;
    *where = w;
    return true;
}

int vp_stub_read(const char *path, vp_stub *stub)
{
    vp_stub_clear(stub);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char *line = NULL, *type, *where;
    size_t cap = 0;
    int lineno = 0;
    while (getline(&line, &cap, f) != -1) {
        lineno++;
        if (!split_line(line, &type, &where))
            continue;
        VP_GROW(stub->entries, stub->cap, stub->len + 1);
        stub->entries[stub->len++] =
            (vp_stub_entry){vp_xstrdup(type), vp_xstrdup(where), lineno};
    }
    free(line);
    int failed = ferror(f);
    fclose(f);
    if (failed) {
        vp_stub_clear(stub);
        errno = EIO;
        return -1;
    }
    return 0;
}

void vp_stub_clear(vp_stub *stub)
{
    for (size_t i = 0; i < stub->len; i++) {
        free(stub->entries[i].type);
        free(stub->entries[i].where);
    }
    free(stub->entries);
    *stub = (vp_stub)VP_STUB_INIT;
}

char *vp_stub_dir(const char *stub_path)
{
    const char *slash = strrchr(stub_path, '/');
    return slash ? vp_xstrndup(stub_path, (size_t)(slash - stub_path)) : vp_xstrdup(".");
}

char *vp_stub_entry_path(const char *stub_path, const vp_stub_entry *e)
{
    if (e->where[0] == '/')
        return vp_xstrdup(e->where);
    char *dir = vp_stub_dir(stub_path);
    char *p = vp_path_join(dir, e->where);
    free(dir);
    return p;
}

char *vp_stub_meta(const char *stub_path)
{
    char *dir = vp_stub_dir(stub_path);
    char *meta = has_entry(dir, VP_LAYOUT_META, true) ? vp_path_join(dir, VP_LAYOUT_META) : NULL;
    free(dir);
    return meta;
}

int vp_stub_write(const char *dir, unsigned n, char *errbuf, size_t errlen)
{
    vp_buf want = VP_BUF_INIT;
    for (unsigned i = 0; i < n; i++) {
        char name[32];
        vp_shard_name(i, name);
        vp_buf_printf(&want, "auto %s\n", name);
    }
    char *path = vp_path_join(dir, VP_LAYOUT_STUB);
    char *tmp = vp_path_join(dir, VP_LAYOUT_STUB ".tmp");
    char *have = vp_read_file(path, NULL);
    int rc = 0;
    if (!have || strcmp(have, vp_buf_str(&want)) != 0) {
        FILE *f = fopen(tmp, "w");
        bool ok = f && fputs(vp_buf_str(&want), f) >= 0;
        ok = f && fclose(f) == 0 && ok;
        if (!ok || rename(tmp, path) != 0) {
            snprintf(errbuf, errlen, "%s: cannot write the stub file: %s", path,
                     strerror(errno));
            unlink(tmp);
            rc = -1;
        }
    }
    free(have);
    free(path);
    free(tmp);
    vp_buf_free(&want);
    return rc;
}
