/*
 * scan.h: the report files under the paths given on the command line.
 * A directory contributes every regular `*.md` file below it (hidden
 * folders such as .git skipped), with its path relative to that directory;
 * a file contributes itself, relative to its own folder.
 */
#ifndef VP_SCAN_H
#define VP_SCAN_H

#include <stddef.h>

typedef struct vp_source {
    char *abs_path;   /* as opened */
    char *rel_path;   /* '/'-separated, relative to its root */
} vp_source;

typedef struct vp_sources {
    vp_source *items;
    size_t len, cap;
} vp_sources;

/* Adds the files under path.  Returns 0, or -1 with a message in errbuf
 * (a path that does not exist or cannot be read). */
int vp_scan_path(vp_sources *out, const char *path, char *errbuf, size_t errlen);
/* Sorts by relative path, so runs are deterministic. */
void vp_sources_sort(vp_sources *s);
void vp_sources_clear(vp_sources *s);

#endif /* VP_SCAN_H */
