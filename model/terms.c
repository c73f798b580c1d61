/* terms.c: see terms.h. */
#include "terms.h"

#include <stdlib.h>
#include <string.h>

#include "schema.h"
#include "text.h"

static char *join(const char *prefix, const char *value)
{
    size_t np = strlen(prefix), nv = strlen(value);
    char *term = malloc(np + nv + 1);
    if (term) {
        memcpy(term, prefix, np);
        memcpy(term + np, value, nv + 1);
    }
    return term;
}

char *vp_filter_term(const char *prefix, const char *value)
{
    char *folded = vp_fold(value);
    char *term = folded ? join(prefix, folded) : NULL;
    free(folded);
    return term;
}

char *vp_id_term(const char *id)
{
    return join(VP_PREFIX_ID, id);
}
