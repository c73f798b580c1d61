/*
 * scan.h: the report files under the paths given on the command line, and
 * reading one of them.
 *
 * A directory (a root) contributes every regular `*.md` file below it
 * (hidden entries such as .git skipped), with its path relative to the
 * root; a file contributes itself, relative to its own folder.
 *
 * The scan never leaves a root.  A symbolic link is followed only when its
 * target (realpath) lies inside the root, and only to a folder or file not
 * met before (by device and inode): a link out of the root, a link loop
 * (`ln -s . a`), a second way to a folder or file, a broken link are each
 * skipped with one problem.  The real tree is walked before any link, so
 * the ids are those of the real paths.  Links that could not name a report
 * (to anything but a folder or a `*.md` file) are passed over silently.
 */
#ifndef VP_SCAN_H
#define VP_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

typedef struct vp_source {
    char *abs_path;   /* as found: below the root as given */
    char *rel_path;   /* '/'-separated, relative to its root */
    size_t root;      /* its root in vp_sources.roots; VP_NO_ROOT for a file
                         named on the command line */
} vp_source;

#define VP_NO_ROOT ((size_t)-1)

/* Something under a root that is not indexed: "path: message". */
typedef struct vp_scan_problem {
    char *path;
    char *message;
} vp_scan_problem;

typedef struct vp_sources {
    vp_source *items;
    size_t len, cap;
    char **roots;            /* the realpath of each folder scanned */
    size_t n_roots, cap_roots;
    vp_scan_problem *problems; /* skipped links, unreadable folders */
    size_t n_problems, cap_problems;
} vp_sources;

/* Adds the files under path.  Returns 0 (problems below it are added to
 * out->problems), or -1 with a message in errbuf: a path that does not
 * exist or cannot be read. */
int vp_scan_path(vp_sources *out, const char *path, char *errbuf, size_t errlen);
/* Sorts by relative path, so runs are deterministic. */
void vp_sources_sort(vp_sources *s);
void vp_sources_clear(vp_sources *s);

typedef enum {
    VP_READ_OK = 0,
    VP_READ_PROBLEM      /* not read: why says so; the file is skipped */
} vp_read_result;

/* Reads src whole into *buf (NUL-terminated, caller frees) when it is a
 * regular file of at most max_bytes that still lies inside its root (the
 * path is opened again, so a link or folder swapped in since the scan
 * cannot lead out of the root).  A larger file is not read:
 * "too large (N bytes, more than the limit of M)". */
vp_read_result vp_source_read(const vp_sources *s, const vp_source *src, size_t max_bytes,
                              char **buf, size_t *len, char *why, size_t whylen);

#endif /* VP_SCAN_H */
