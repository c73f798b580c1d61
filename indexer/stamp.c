/* stamp.c: see stamp.h. */
#include "stamp.h"

#include <stdio.h>
#include <string.h>

#include "hash.h"

void vp_stamp_quick(const struct stat *st, char *buf, size_t len)
{
    snprintf(buf, len, "%lld:%lld.%09ld", (long long)st->st_size,
             (long long)st->st_mtim.tv_sec, st->st_mtim.tv_nsec);
}

void vp_stamp_content(const char *content, size_t len, char hash[VP_STAMP_HASH_LEN])
{
    snprintf(hash, VP_STAMP_HASH_LEN, "%016llx",
             (unsigned long long)vp_fnv1a(VP_FNV1A_INIT, content, len));
}

bool vp_stamp_same(const char *old, const char *datahash, const char *quick,
                   const char *hash)
{
    size_t d = strlen(datahash), q = strlen(quick);
    if (!old || strncmp(old, datahash, d) != 0 || old[d] != '|')
        return false;
    old += d + 1;
    if (!strncmp(old, quick, q) && old[q] == '|')
        return true;
    const char *old_hash = strrchr(old, '|');
    return hash && old_hash && !strcmp(old_hash + 1, hash);
}
