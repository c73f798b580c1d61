/*
 * scan.c: collecting report files and reading one (see scan.h).
 *
 * A plain recursive opendir walk rather than nftw, because nftw's callback
 * has no context pointer, and because links need a policy of their own:
 * nftw either follows every link (out of the root, round a loop) or none.
 * Links are queued while the real tree is walked and followed afterwards,
 * so a link to a folder inside the root finds it already seen (by device
 * and inode) instead of indexing its reports a second time under another
 * id; a loop ends for the same reason.
 */
#include "scan.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mem.h"
#include "problem.h"
#include "strset.h"
#include "strvec.h"
#include "sys.h"

/* Deeper real trees than this are not reports folders but accidents (or a
 * bind mount of a parent); the walk also recurses, so this bounds its stack. */
enum { MAX_DEPTH = 256 };

/* ---- the result --------------------------------------------------------- */

static void add_source(vp_sources *s, const char *abs, const char *rel, size_t root)
{
    VP_GROW(s->items, s->cap, s->len + 1);
    s->items[s->len++] = (vp_source){vp_xstrdup(abs), vp_xstrdup(rel), root};
}

static void add_problem(vp_sources *s, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void add_problem(vp_sources *s, const char *path, const char *fmt, ...)
{
    char msg[PATH_MAX + 200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    VP_GROW(s->problems, s->cap_problems, s->n_problems + 1);
    s->problems[s->n_problems++] = (vp_scan_problem){vp_xstrdup(path), vp_xstrdup(msg)};
}

/* ---- one root ----------------------------------------------------------- */

typedef struct scan {
    vp_sources *out;
    size_t root;          /* index in out->roots */
    const char *root_real;
    vp_strset *seen;      /* folders walked and reports added, by file_key */
    vp_strvec link_abs, link_rel; /* links met, followed after the real tree */
} scan;

/* A file's identity as a key of the seen set: device and inode. */
typedef struct file_key {
    char bytes[sizeof(dev_t) + sizeof(ino_t)];
} file_key;

static file_key key_of(const struct stat *st)
{
    file_key k;
    memcpy(k.bytes, &st->st_dev, sizeof st->st_dev);
    memcpy(k.bytes + sizeof st->st_dev, &st->st_ino, sizeof st->st_ino);
    return k;
}

static bool seen(const scan *sc, const struct stat *st)
{
    file_key k = key_of(st);
    return vp_strset_find(sc->seen, k.bytes, sizeof k.bytes) != VP_STRSET_NONE;
}

static void remember(scan *sc, const struct stat *st)
{
    file_key k = key_of(st);
    vp_strset_add(sc->seen, k.bytes, sizeof k.bytes, NULL);
}

static bool has_md_suffix(const char *name)
{
    size_t n = strlen(name);
    return n > 3 && !strcmp(name + n - 3, ".md");
}

/* "a/b", or "b" when a is empty (a relative path at the root). */
static char *join(const char *a, const char *b)
{
    return *a ? vp_path_join(a, b) : vp_xstrdup(b);
}

/* path (a realpath) is root_real or below it. */
static bool inside(const char *root_real, const char *path)
{
    size_t n = strlen(root_real);
    if (n == 1 && root_real[0] == '/')
        return path[0] == '/';
    return !strncmp(path, root_real, n) && (path[n] == '/' || path[n] == '\0');
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The visible names in dir, sorted (so that which of two ways to the same
 * folder wins does not depend on the file system's order); -1 with errno. */
static int list_dir(const char *dir, vp_strvec *names)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    struct dirent *e;
    for (;;) {
        errno = 0;   /* readdir's NULL means the end or, with errno, a failure */
        if (!(e = readdir(d)))
            break;
        if (e->d_name[0] != '.')
            vp_strvec_push(names, e->d_name);
    }
    int rc = errno ? -1 : 0, saved = errno;
    closedir(d);
    errno = saved;
    if (rc == 0 && names->len > 1)
        qsort(names->items, names->len, sizeof *names->items, by_name);
    return rc;
}

static int walk(scan *sc, const char *dir, const char *rel, int depth);

/* One entry of a folder: a folder is walked, a report added, a link queued. */
static void visit(scan *sc, const char *abs, const char *rel, const char *name, int depth)
{
    struct stat st;
    if (lstat(abs, &st) != 0)
        return; /* gone since the folder was listed */
    if (S_ISLNK(st.st_mode)) {
        vp_strvec_push(&sc->link_abs, abs);
        vp_strvec_push(&sc->link_rel, rel);
    } else if (S_ISDIR(st.st_mode)) {
        if (seen(sc, &st))
            add_problem(sc->out, abs, "the same folder as one already scanned "
                        "(a bind mount?); skipped");
        else
            walk(sc, abs, rel, depth + 1);
    } else if (S_ISREG(st.st_mode) && has_md_suffix(name)) {
        remember(sc, &st);
        add_source(sc->out, abs, rel, sc->root);
    }
}

/* The folder dir and everything below it but links.  -1 with errno when
 * dir cannot be read: for the root, an error of the run; below it, a
 * problem (reported here). */
static int walk(scan *sc, const char *dir, const char *rel, int depth)
{
    struct stat st;
    vp_strvec names = VP_STRVEC_INIT;
    if (depth > MAX_DEPTH) {
        add_problem(sc->out, dir, "folders nested more than %d deep; skipped", MAX_DEPTH);
        return 0;
    }
    if (stat(dir, &st) != 0 || list_dir(dir, &names) != 0) {
        int e = errno;
        vp_strvec_clear(&names);
        if (depth > 0)
            add_problem(sc->out, dir, "cannot read the folder: %s; skipped", strerror(e));
        errno = e;
        return -1;
    }
    remember(sc, &st);
    for (size_t i = 0; i < names.len; i++) {
        char *abs = join(dir, names.items[i]), *r = join(rel, names.items[i]);
        visit(sc, abs, r, names.items[i], depth);
        free(abs);
        free(r);
    }
    vp_strvec_clear(&names);
    return 0;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* A queued link: followed when it stays inside the root and leads to a
 * folder or report not met before; else one problem.  A link that cannot
 * name a report is passed over. */
static void follow_link(scan *sc, const char *abs, const char *rel)
{
    struct stat st;
    bool md = has_md_suffix(base_name(abs));
    if (stat(abs, &st) != 0) {
        if (md)
            add_problem(sc->out, abs, "symbolic link to a missing file (%s); skipped",
                        strerror(errno));
        return;
    }
    bool dir = S_ISDIR(st.st_mode);
    if (!dir && !(S_ISREG(st.st_mode) && md))
        return;
    char real[PATH_MAX];
    if (!realpath(abs, real))
        add_problem(sc->out, abs, "symbolic link that cannot be resolved (%s); skipped",
                    strerror(errno));
    else if (!inside(sc->root_real, real))
        add_problem(sc->out, abs, "symbolic link to %s, outside %s; skipped", real,
                    sc->root_real);
    else if (seen(sc, &st))
        add_problem(sc->out, abs, "symbolic link to %s, a %s already %s; skipped", real,
                    dir ? "folder" : "report", dir ? "scanned" : "indexed");
    else if (dir)
        walk(sc, abs, rel, 1);
    else {
        remember(sc, &st);
        add_source(sc->out, abs, rel, sc->root);
    }
}

static int scan_root(vp_sources *out, const char *root, char *errbuf, size_t errlen)
{
    char real[PATH_MAX];
    if (!realpath(root, real)) {
        snprintf(errbuf, errlen, "%s: %s", root, strerror(errno));
        return -1;
    }
    VP_GROW(out->roots, out->cap_roots, out->n_roots + 1);
    out->roots[out->n_roots++] = vp_xstrdup(real);
    scan sc = {.out = out, .root = out->n_roots - 1, .root_real = out->roots[out->n_roots - 1],
               .seen = vp_strset_new(), .link_abs = VP_STRVEC_INIT,
               .link_rel = VP_STRVEC_INIT};
    int rc = walk(&sc, root, "", 0);
    if (rc != 0)
        snprintf(errbuf, errlen, "%s: %s", root, strerror(errno));
    /* Following a link to a folder may queue more links: len grows. */
    for (size_t i = 0; rc == 0 && i < sc.link_abs.len; i++)
        follow_link(&sc, sc.link_abs.items[i], sc.link_rel.items[i]);
    vp_strvec_clear(&sc.link_abs);
    vp_strvec_clear(&sc.link_rel);
    vp_strset_free(sc.seen);
    return rc;
}

int vp_scan_path(vp_sources *out, const char *path, char *errbuf, size_t errlen)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        snprintf(errbuf, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    if (!S_ISDIR(st.st_mode)) {
        add_source(out, path, base_name(path), VP_NO_ROOT);
        return 0;
    }
    char *root = vp_xstrdup(path);
    size_t n = strlen(root);
    while (n > 1 && root[n - 1] == '/')
        root[--n] = '\0';
    int rc = scan_root(out, root, errbuf, errlen);
    free(root);
    return rc;
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
    for (size_t i = 0; i < s->n_roots; i++)
        free(s->roots[i]);
    for (size_t i = 0; i < s->n_problems; i++) {
        free(s->problems[i].path);
        free(s->problems[i].message);
    }
    free(s->items);
    free(s->roots);
    free(s->problems);
    memset(s, 0, sizeof *s);
}

/* ---- reading one report ------------------------------------------------- */

static vp_read_result say(char *why, size_t whylen, const char *what)
{
    vp_errorf(why, whylen, "%s", what);
    return VP_READ_PROBLEM;
}

/* Whether the open file lies inside root_real: where the kernel says the
 * descriptor points, which no link swapped in after the open can change. */
static bool fd_inside(int fd, const char *abs_path, const char *root_real)
{
    char proc[64], real[PATH_MAX];
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(proc, real, sizeof real - 1);
    if (n > 0) {
        real[n] = '\0';
        return inside(root_real, real);
    }
    /* No /proc: the path once more (a swap in between goes unnoticed). */
    return realpath(abs_path, real) && inside(root_real, real);
}

static void say_size(char *buf, size_t len, unsigned long long bytes)
{
    if (bytes >= (1u << 20) && bytes % (1u << 20) == 0)
        snprintf(buf, len, "%llu MiB", bytes >> 20);
    else if (bytes >= (1u << 20))
        snprintf(buf, len, "%.1f MiB", (double)bytes / (1u << 20));
    else
        snprintf(buf, len, "%llu bytes", bytes);
}

static vp_read_result too_large(char *why, size_t whylen, unsigned long long size,
                                size_t max_bytes)
{
    char have[32], limit[32];
    say_size(have, sizeof have, size);
    say_size(limit, sizeof limit, max_bytes);
    vp_errorf(why, whylen, "too large (%s, more than the limit of %s)", have, limit);
    return VP_READ_PROBLEM;
}

/* Reads fd to its end, at most max_bytes + 1 (a file that grows while it
 * is read is caught too). */
static vp_read_result read_all(int fd, size_t hint, size_t max_bytes, char **buf,
                               size_t *len, char *why, size_t whylen)
{
    size_t cap = (hint < max_bytes ? hint : max_bytes) + 2, n = 0;
    char *b = vp_xmalloc(cap);
    for (;;) {
        if (n + 1 == cap) { /* n <= max_bytes here, so the buffer can grow */
            cap = cap * 2 < max_bytes + 2 ? cap * 2 : max_bytes + 2;
            b = vp_xrealloc(b, cap);
        }
        ssize_t got = read(fd, b + n, cap - n - 1);
        if (got == 0)
            break;
        if (got < 0 && errno == EINTR)
            continue;
        vp_read_result r = VP_READ_OK;
        if (got < 0)
            r = say(why, whylen, strerror(errno));
        else if ((n += (size_t)got) > max_bytes)
            r = too_large(why, whylen, n, max_bytes);
        if (r != VP_READ_OK) {
            free(b);
            return r;
        }
    }
    b[n] = '\0';
    *buf = b;
    *len = n;
    return VP_READ_OK;
}

vp_read_result vp_source_read(const vp_sources *s, const vp_source *src, size_t max_bytes,
                              char **buf, size_t *len, char *why, size_t whylen)
{
    *buf = NULL;
    *len = 0;
    int fd = open(src->abs_path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return say(why, whylen, strerror(errno));
    struct stat st;
    vp_read_result r;
    if (fstat(fd, &st) != 0)
        r = say(why, whylen, strerror(errno));
    else if (!S_ISREG(st.st_mode))
        r = say(why, whylen, "not a regular file");
    else if (src->root != VP_NO_ROOT && src->root < s->n_roots &&
             !fd_inside(fd, src->abs_path, s->roots[src->root])) {
        vp_errorf(why, whylen, "now outside %s (a link changed since the scan)",
                  s->roots[src->root]);
        r = VP_READ_PROBLEM;
    } else if ((unsigned long long)st.st_size > max_bytes)
        r = too_large(why, whylen, (unsigned long long)st.st_size, max_bytes);
    else
        r = read_all(fd, (size_t)st.st_size, max_bytes, buf, len, why, whylen);
    close(fd);
    return r;
}
