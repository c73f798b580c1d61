/*
 * params.h: URL query strings into search requests, for searchd (and any
 * other program that receives a raw query string).
 *
 * searchd parses the raw query string itself instead of taking libmicrohttpd's
 * decoded arguments, because MHD passes invalid percent-encodings through
 * silently and merges nothing: here a bad "%zz", invalid UTF-8, a repeated
 * single-valued parameter or an unknown parameter each give a 400 with a
 * message that names the parameter.
 */
#ifndef VP_PARAMS_H
#define VP_PARAMS_H

#include <stddef.h>

#include "query.h"

typedef struct vp_param {
    char *key;     /* decoded, owned */
    char *value;   /* decoded, owned ("" for "key" and "key=") */
} vp_param;

typedef struct vp_params {
    vp_param *items;
    size_t len;
} vp_params;

/* Decodes s[0..len) ('+' is a space, %XX a byte) into a new string.  NULL
 * for a malformed escape, a NUL byte or invalid UTF-8 (why says which). */
char *vp_percent_decode(const char *s, size_t len, const char **why);
/* The same for a URL path, where '+' is itself. */
char *vp_percent_decode_path(const char *s, size_t len, const char **why);

/* Splits "a=1&b=2" (without the '?').  Empty pieces ("a=1&&b=2") are
 * skipped.  0, or -1 with a 400 message in e. */
int vp_params_parse(const char *query, vp_params *out, vp_qerror *e);
void vp_params_clear(vp_params *p);

/* The value of the first parameter named key, or NULL. */
const char *vp_params_get(const vp_params *p, const char *key);

/* Fills r (initialised by the caller) from the parameters; municipality,
 * speaker and theme may repeat, every other parameter may occur once.  Keys
 * in `ignore` (NULL-terminated, may be NULL) are skipped.  0 or -1. */
int vp_request_from_params(const vp_params *p, vp_request *r,
                           const char *const *ignore, vp_qerror *e);

#endif /* VP_PARAMS_H */
