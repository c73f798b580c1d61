/* datafile.c: see datafile.h. */
#include "datafile.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

int vp_datafile_each_line(const char *path, vp_datafile_line_fn fn, void *ctx,
                          char *errbuf, size_t errlen)
{
    vp_errorf(errbuf, errlen, "%s", "");
    FILE *fp = fopen(path, "r");
    if (!fp) {
        vp_errorf(errbuf, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t n;
    int rc = 0;
    while (rc == 0 && (n = getline(&line, &cap, fp)) != -1) {
        size_t len = (size_t)n, bad;
        char *s = line;
        lineno++;
        while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == '\r'))
            s[--len] = '\0';
        if (lineno == 1 && len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
            s += 3;
            len -= 3;
        }
        if (!vp_utf8_valid(s, len, &bad)) {
            vp_errorf(errbuf, errlen, "%s:%zu: invalid UTF-8 (or NUL) at byte %zu", path,
                      lineno, bad + 1);
            rc = -1;
        } else if (s[0] != '#' && s[strspn(s, " \t")] != '\0') {
            rc = fn(s, lineno, path, ctx, errbuf, errlen) ? -1 : 0;
        }
    }
    if (rc == 0 && ferror(fp)) {
        vp_errorf(errbuf, errlen, "%s: read error", path);
        rc = -1;
    }
    free(line);
    fclose(fp);
    return rc;
}
