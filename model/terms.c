/* terms.c: see terms.h. */
#include "terms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "schema.h"
#include "text.h"

static char *join(const char *prefix, const char *value)
{
    size_t np = strlen(prefix), nv = strlen(value);
    char *term = vp_xmalloc(np + nv + 1);
    memcpy(term, prefix, np);
    memcpy(term + np, value, nv + 1);
    return term;
}

char *vp_filter_term(const char *prefix, const char *value)
{
    char *folded = vp_fold(value);
    char *term = join(prefix, folded);
    free(folded);
    return term;
}

char *vp_id_term(const char *id)
{
    return join(VP_PREFIX_ID, id);
}

char *vp_sort_key(const char *date, const char *id)
{
    char day[9] = "00000000";
    if (date && strlen(date) == 10)
        snprintf(day, sizeof day, "%.4s%.2s%.2s", date, date + 5, date + 8);
    return join(day, id);
}
