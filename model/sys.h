/*
 * sys.h: what the programs ask of the operating system, asked one way:
 * joining a path, reading a whole file, reading the monotonic clock.
 */
#ifndef VP_SYS_H
#define VP_SYS_H

#include <stddef.h>

/* "dir/name", malloc'd (caller frees; never NULL, mem.h).  dir is taken as
 * it is: a trailing slash gives "dir//name", which the system reads as
 * "dir/name". */
char *vp_path_join(const char *dir, const char *name);

/* The whole file at path, NUL-terminated, its length (without the NUL) in
 * *len (may be NULL); caller frees.  NULL with errno set when it cannot be
 * opened or read (EIO for a read error). */
char *vp_read_file(const char *path, size_t *len);

/* Milliseconds on the monotonic clock (CLOCK_MONOTONIC, which no clock
 * change moves), for durations and time-outs; not a time of day. */
double vp_now_ms(void);

/* Hands the heap's free pages back to the system (glibc's malloc_trim):
 * glibc keeps what was freed for the next allocations, so without it a
 * process's RSS stays at its peak.  Nothing where AddressSanitizer's
 * allocator owns the heap (glibc's arenas hold nothing to trim there, and
 * trimming them from searchd's threads crashed under ASan). */
void vp_give_back_memory(void);

#endif /* VP_SYS_H */
