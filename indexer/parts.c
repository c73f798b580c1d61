/* parts.c: see parts.h. */
#include "parts.h"

#include <stdlib.h>

#include "mem.h"

size_t vp_part_bytes(void)
{
    const char *env = getenv("VP_PART_BYTES");
    char *end;
    unsigned long long n = env ? strtoull(env, &end, 10) : 0;
    return env && *env && !*end && n > 0 ? (size_t)n : VP_PART_BYTES_DEFAULT;
}

unsigned vp_plan_parts(const size_t *sizes, size_t n_sources, size_t part_bytes,
                       unsigned min_parts, size_t **bounds)
{
    size_t total = 0;
    for (size_t i = 0; i < n_sources; i++)
        total += sizes[i] + 1;
    size_t n = (total + part_bytes - 1) / part_bytes;
    n = n < min_parts ? min_parts : n > VP_PARTS_MAX ? VP_PARTS_MAX : n;
    if (n_sources && n > n_sources)
        n = n_sources > min_parts ? n_sources : min_parts;
    size_t *b = vp_xmalloc((n + 1) * sizeof *b);
    size_t i = 0, sum = 0;
    b[0] = 0;
    for (size_t k = 1; k < n; k++) {
        size_t target = (size_t)((double)total * k / n);
        while (i < n_sources && sum < target)
            sum += sizes[i++] + 1;
        b[k] = i;
    }
    b[n] = n_sources;
    *bounds = b;
    return (unsigned)n;
}
