/*
 * problem.h: the one error type of the tree and the one helper for a
 * caller's message buffer.
 *
 * A vp_problem says what went wrong for a person ("path:line: what is
 * wrong" is made from it), where (a line of a file, when there is one) and
 * what kind of failure it is (an enum of the module that reports it, such
 * as vp_qerr_kind of the query layer, which the HTTP status follows).
 *
 * Where a function only has a message to give, the caller passes a buffer
 * by the one name `char *errbuf, size_t errlen`, filled with vp_errorf().
 * The Xapian wrapper keeps xapc_error (status + message): it knows nothing
 * of ours, and its callers turn one into the other.
 */
#ifndef VP_PROBLEM_H
#define VP_PROBLEM_H

#include <stdarg.h>
#include <stddef.h>

typedef struct vp_problem {
    int kind;            /* 0: no problem; else the reporting module's enum */
    int line;            /* 1-based line of the file concerned; 0: none */
    char message[512];   /* for a person: what is wrong, and what is allowed */
} vp_problem;

#define VP_PROBLEM_INIT {0, 0, ""}

/* Fills p (may be NULL) with kind, line and the printf-style message.
 * Returns -1, for `return vp_problem_set(...)`. */
int vp_problem_set(vp_problem *p, int kind, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* The same with a va_list. */
int vp_problem_vset(vp_problem *p, int kind, int line, const char *fmt, va_list ap)
    __attribute__((format(printf, 4, 0)));

/* No problem: kind 0, no line, an empty message. */
void vp_problem_clear(vp_problem *p);

/* snprintf into a caller's errbuf, which may be NULL.  Returns -1, for
 * `return vp_errorf(...)`. */
int vp_errorf(char *errbuf, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif /* VP_PROBLEM_H */
