/*
 * datadir.c: the default data folder (see datadir.h).
 *
 * Compiled in by CMake: VP_DATA_DIR (the source tree's data/), VP_BUILD_DIR
 * (the build tree), VP_INSTALL_DATA_DIR (the configured install folder) and
 * VP_BIN_TO_DATA (the path from bin/ to the data folder, e.g.
 * "../share/vindplaats").
 */
#include "datadir.h"

#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sys.h"

/* Room for the program's folder, '/' and VP_BIN_TO_DATA. */
static char default_dir[PATH_MAX + sizeof VP_BIN_TO_DATA + 1];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static bool path_is_under(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    return strncmp(path, dir, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

static bool is_data_dir(const char *dir)
{
    char *probe = vp_path_join(dir, "gemeenten.tsv");
    bool yes = access(probe, R_OK) == 0;
    free(probe);
    return yes;
}

static void find_default_dir(void)
{
    char exe[PATH_MAX], resolved[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0)
        exe[n] = '\0';
    char *slash = n > 0 ? strrchr(exe, '/') : NULL;
    if (slash) {
        *slash = '\0';
        /* An installed tree: bin/../share/vindplaats beside the program. */
        char *beside = vp_path_join(exe, VP_BIN_TO_DATA);
        snprintf(default_dir, sizeof default_dir, "%s", beside);
        free(beside);
        if (is_data_dir(default_dir)) {
            if (realpath(default_dir, resolved))
                snprintf(default_dir, sizeof default_dir, "%s", resolved);
            return;
        }
        *slash = '/';
    }
    if (slash && path_is_under(exe, VP_BUILD_DIR))
        snprintf(default_dir, sizeof default_dir, "%s", VP_DATA_DIR);
    else
        snprintf(default_dir, sizeof default_dir, "%s", VP_INSTALL_DATA_DIR);
}

const char *vp_default_data_dir(void)
{
    pthread_once(&once, find_default_dir);
    return default_dir;
}
