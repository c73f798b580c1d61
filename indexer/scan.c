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
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "strvec.h"

/* Deeper real trees than this are not reports folders but accidents (or a
 * bind mount of a parent); the walk also recurses, so this bounds its stack. */
enum { MAX_DEPTH = 256 };

/* ---- the result --------------------------------------------------------- */

static int add_source(vp_sources *s, const char *abs, const char *rel, size_t root)
{
    if (s->len == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 256;
        vp_source *grown = realloc(s->items, cap * sizeof *grown);
        if (!grown)
            return -1;
        s->items = grown;
        s->cap = cap;
    }
    vp_source *src = &s->items[s->len];
    src->abs_path = strdup(abs);
    src->rel_path = strdup(rel);
    src->root = root;
    if (!src->abs_path || !src->rel_path) {
        free(src->abs_path);
        free(src->rel_path);
        return -1;
    }
    s->len++;
    return 0;
}

static int add_problem(vp_sources *s, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int add_problem(vp_sources *s, const char *path, const char *fmt, ...)
{
    if (s->n_problems == s->cap_problems) {
        size_t cap = s->cap_problems ? s->cap_problems * 2 : 8;
        vp_scan_problem *grown = realloc(s->problems, cap * sizeof *grown);
        if (!grown)
            return -1;
        s->problems = grown;
        s->cap_problems = cap;
    }
    char msg[PATH_MAX + 200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    vp_scan_problem *p = &s->problems[s->n_problems];
    p->path = strdup(path);
    p->message = strdup(msg);
    if (!p->path || !p->message) {
        free(p->path);
        free(p->message);
        return -1;
    }
    s->n_problems++;
    return 0;
}

/* ---- folders and files already met -------------------------------------- */

typedef struct file_id {
    dev_t dev;
    ino_t ino;
} file_id;

/* An open-addressing set of (device, inode); slot ino 0 with used 0 empty. */
typedef struct seen_set {
    file_id *slots;
    unsigned char *used;
    size_t cap, n;
} seen_set;

static size_t id_hash(file_id id, size_t cap)
{
    uint64_t h = ((uint64_t)id.dev * 0x9E3779B97F4A7C15u) ^ (uint64_t)id.ino;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9u;
    h ^= h >> 32;
    return (size_t)h & (cap - 1);
}

static bool seen_has(const seen_set *s, file_id id)
{
    if (s->cap == 0)
        return false;
    for (size_t h = id_hash(id, s->cap); s->used[h]; h = (h + 1) & (s->cap - 1))
        if (s->slots[h].dev == id.dev && s->slots[h].ino == id.ino)
            return true;
    return false;
}

static void seen_put_unchecked(seen_set *s, file_id id)
{
    size_t h = id_hash(id, s->cap);
    while (s->used[h])
        h = (h + 1) & (s->cap - 1);
    s->slots[h] = id;
    s->used[h] = 1;
    s->n++;
}

/* Adds id; false when out of memory. */
static bool seen_add(seen_set *s, file_id id)
{
    if (seen_has(s, id))
        return true;
    if ((s->n + 1) * 2 > s->cap) {
        seen_set bigger = {.cap = s->cap ? s->cap * 2 : 1024};
        bigger.slots = malloc(bigger.cap * sizeof *bigger.slots);
        bigger.used = calloc(bigger.cap, 1);
        if (!bigger.slots || !bigger.used) {
            free(bigger.slots);
            free(bigger.used);
            return false;
        }
        for (size_t i = 0; i < s->cap; i++)
            if (s->used[i])
                seen_put_unchecked(&bigger, s->slots[i]);
        free(s->slots);
        free(s->used);
        *s = bigger;
    }
    seen_put_unchecked(s, id);
    return true;
}

static file_id id_of(const struct stat *st)
{
    return (file_id){st->st_dev, st->st_ino};
}

/* ---- one root ----------------------------------------------------------- */

typedef struct scan {
    vp_sources *out;
    size_t root;          /* index in out->roots */
    const char *root_real;
    seen_set seen;        /* folders walked, reports added */
    vp_strvec link_abs, link_rel; /* links met, followed after the real tree */
    char *errbuf;
    size_t errlen;
} scan;

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
    int rc = 0;
    errno = 0;
    while (rc == 0 && (e = readdir(d)))
        if (e->d_name[0] != '.' && !vp_strvec_push(names, e->d_name)) {
            errno = ENOMEM;
            rc = -1;
        }
    if (rc == 0 && errno != 0)
        rc = -1;
    int saved = errno;
    closedir(d);
    errno = saved;
    if (rc == 0 && names->len > 1)
        qsort(names->items, names->len, sizeof *names->items, by_name);
    return rc;
}

static int walk(scan *sc, const char *dir, const char *rel, int depth);

/* One entry of a folder: a folder is walked, a report added, a link queued. */
static int visit(scan *sc, const char *abs, const char *rel, const char *name, int depth)
{
    struct stat st;
    if (lstat(abs, &st) != 0)
        return 0; /* gone since the folder was listed */
    if (S_ISLNK(st.st_mode))
        return vp_strvec_push(&sc->link_abs, abs) && vp_strvec_push(&sc->link_rel, rel)
               ? 0 : -1;
    if (S_ISDIR(st.st_mode)) {
        if (seen_has(&sc->seen, id_of(&st)))
            return add_problem(sc->out, abs, "the same folder as one already scanned "
                               "(a bind mount?); skipped");
        return walk(sc, abs, rel, depth + 1);
    }
    if (S_ISREG(st.st_mode) && has_md_suffix(name))
        return seen_add(&sc->seen, id_of(&st)) ? add_source(sc->out, abs, rel, sc->root) : -1;
    return 0;
}

static int walk(scan *sc, const char *dir, const char *rel, int depth)
{
    struct stat st;
    if (depth > MAX_DEPTH)
        return add_problem(sc->out, dir, "folders nested more than %d deep; skipped",
                           MAX_DEPTH);
    if (stat(dir, &st) != 0) {
        if (depth > 0)
            return 0; /* gone since its parent was listed */
        snprintf(sc->errbuf, sc->errlen, "%s: %s", dir, strerror(errno));
        return -1;
    }
    if (!seen_add(&sc->seen, id_of(&st)))
        return -1;
    vp_strvec names = VP_STRVEC_INIT;
    if (list_dir(dir, &names) != 0) {
        int e = errno;
        vp_strvec_clear(&names);
        if (depth == 0 || e == ENOMEM) {
            snprintf(sc->errbuf, sc->errlen, "%s: %s", dir, strerror(e));
            return -1;
        }
        return add_problem(sc->out, dir, "cannot read the folder: %s; skipped",
                           strerror(e));
    }
    int rc = 0;
    for (size_t i = 0; i < names.len && rc == 0; i++) {
        char *abs = join(dir, names.items[i]), *r = join(rel, names.items[i]);
        rc = abs && r ? visit(sc, abs, r, names.items[i], depth) : -1;
        free(abs);
        free(r);
    }
    vp_strvec_clear(&names);
    return rc;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* A queued link: followed when it stays inside the root and leads to a
 * folder or report not met before; else one problem.  A link that cannot
 * name a report is passed over. */
static int follow_link(scan *sc, const char *abs, const char *rel)
{
    struct stat st;
    bool md = has_md_suffix(base_name(abs));
    if (stat(abs, &st) != 0)
        return md ? add_problem(sc->out, abs, "symbolic link to a missing file (%s); skipped",
                                strerror(errno)) : 0;
    bool dir = S_ISDIR(st.st_mode);
    if (!dir && !(S_ISREG(st.st_mode) && md))
        return 0;
    char real[PATH_MAX];
    if (!realpath(abs, real))
        return add_problem(sc->out, abs, "symbolic link that cannot be resolved (%s); skipped",
                           strerror(errno));
    if (!inside(sc->root_real, real))
        return add_problem(sc->out, abs, "symbolic link to %s, outside %s; skipped", real,
                           sc->root_real);
    if (seen_has(&sc->seen, id_of(&st)))
        return add_problem(sc->out, abs, "symbolic link to %s, a %s already %s; skipped", real,
                           dir ? "folder" : "report", dir ? "scanned" : "indexed");
    if (dir)
        return walk(sc, abs, rel, 1);
    return seen_add(&sc->seen, id_of(&st)) ? add_source(sc->out, abs, rel, sc->root) : -1;
}

static int add_root(vp_sources *s, const char *real)
{
    char **grown = realloc(s->roots, (s->n_roots + 1) * sizeof *grown);
    if (!grown)
        return -1;
    s->roots = grown;
    if (!(s->roots[s->n_roots] = strdup(real)))
        return -1;
    s->n_roots++;
    return 0;
}

static int scan_root(vp_sources *out, const char *root, char *errbuf, size_t errlen)
{
    char real[PATH_MAX];
    if (!realpath(root, real)) {
        snprintf(errbuf, errlen, "%s: %s", root, strerror(errno));
        return -1;
    }
    if (add_root(out, real) != 0) {
        snprintf(errbuf, errlen, "out of memory");
        return -1;
    }
    scan sc = {.out = out, .root = out->n_roots - 1, .root_real = out->roots[out->n_roots - 1],
               .link_abs = VP_STRVEC_INIT, .link_rel = VP_STRVEC_INIT,
               .errbuf = errbuf, .errlen = errlen};
    int rc = walk(&sc, root, "", 0);
    /* Following a link to a folder may queue more links: len grows. */
    for (size_t i = 0; rc == 0 && i < sc.link_abs.len; i++)
        rc = follow_link(&sc, sc.link_abs.items[i], sc.link_rel.items[i]);
    if (rc != 0 && !errbuf[0])
        snprintf(errbuf, errlen, "out of memory");
    vp_strvec_clear(&sc.link_abs);
    vp_strvec_clear(&sc.link_rel);
    free(sc.seen.slots);
    free(sc.seen.used);
    return rc;
}

int vp_scan_path(vp_sources *out, const char *path, char *errbuf, size_t errlen)
{
    struct stat st;
    errbuf[0] = '\0';
    if (stat(path, &st) != 0) {
        snprintf(errbuf, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        char *root = strdup(path);
        if (!root) {
            snprintf(errbuf, errlen, "out of memory");
            return -1;
        }
        size_t n = strlen(root);
        while (n > 1 && root[n - 1] == '/')
            root[--n] = '\0';
        int rc = scan_root(out, root, errbuf, errlen);
        free(root);
        return rc;
    }
    if (add_source(out, path, base_name(path), VP_NO_ROOT) != 0) {
        snprintf(errbuf, errlen, "out of memory");
        return -1;
    }
    return 0;
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

static vp_read_result say(char *why, size_t whylen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static vp_read_result say(char *why, size_t whylen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, whylen, fmt, ap);
    va_end(ap);
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
    return say(why, whylen, "too large (%s, more than the limit of %s)", have, limit);
}

/* Reads fd to its end, at most max_bytes + 1 (a file that grows while it
 * is read is caught too). */
static vp_read_result read_all(int fd, size_t hint, size_t max_bytes, char **buf,
                               size_t *len, char *why, size_t whylen)
{
    size_t cap = (hint < max_bytes ? hint : max_bytes) + 2, n = 0;
    char *b = malloc(cap);
    if (!b)
        return VP_READ_NO_MEMORY;
    for (;;) {
        if (n + 1 == cap) { /* n <= max_bytes here, so the buffer can grow */
            size_t bigger = cap * 2 < max_bytes + 2 ? cap * 2 : max_bytes + 2;
            char *grown = realloc(b, bigger);
            if (!grown) {
                free(b);
                return VP_READ_NO_MEMORY;
            }
            b = grown;
            cap = bigger;
        }
        ssize_t got = read(fd, b + n, cap - n - 1);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            int e = errno;
            free(b);
            return say(why, whylen, "%s", strerror(e));
        }
        if (got == 0)
            break;
        n += (size_t)got;
        if (n > max_bytes) {
            free(b);
            return too_large(why, whylen, n, max_bytes);
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
        return say(why, whylen, "%s", strerror(errno));
    struct stat st;
    vp_read_result r;
    if (fstat(fd, &st) != 0)
        r = say(why, whylen, "%s", strerror(errno));
    else if (!S_ISREG(st.st_mode))
        r = say(why, whylen, "not a regular file");
    else if (src->root != VP_NO_ROOT && src->root < s->n_roots &&
             !fd_inside(fd, src->abs_path, s->roots[src->root]))
        r = say(why, whylen, "now outside %s (a link changed since the scan)",
                s->roots[src->root]);
    else if ((unsigned long long)st.st_size > max_bytes)
        r = too_large(why, whylen, (unsigned long long)st.st_size, max_bytes);
    else
        r = read_all(fd, (size_t)st.st_size, max_bytes, buf, len, why, whylen);
    close(fd);
    return r;
}
