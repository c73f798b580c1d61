/* problem.c: see problem.h. */
#include "problem.h"

#include <stdio.h>

int vp_problem_vset(vp_problem *p, int kind, int line, const char *fmt, va_list ap)
{
    if (!p)
        return -1;
    p->kind = kind;
    p->line = line;
    vsnprintf(p->message, sizeof p->message, fmt, ap);
    return -1;
}

int vp_problem_set(vp_problem *p, int kind, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vp_problem_vset(p, kind, line, fmt, ap);
    va_end(ap);
    return -1;
}

void vp_problem_clear(vp_problem *p)
{
    *p = (vp_problem)VP_PROBLEM_INIT;
}

int vp_errorf(char *errbuf, size_t errlen, const char *fmt, ...)
{
    if (!errbuf || errlen == 0)
        return -1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(errbuf, errlen, fmt, ap);
    va_end(ap);
    return -1;
}
