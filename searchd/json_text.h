/*
 * json_text.h: JSON written straight into a vp_buf, byte for byte as
 * jansson's json_dumps writes it with VP_JSON_FLAGS (compact, no ASCII
 * escaping, reals to 6 significant digits).  A /search answer's hits are
 * written this way from the stored hit records: no json_t per field, no
 * tree to dump and free (report_json.h, vp_search_text in query.h).
 */
#ifndef VP_JSON_TEXT_H
#define VP_JSON_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <jansson.h>

#include "buf.h"

/* s (len bytes) as a JSON string; false, with nothing written, when s is
 * not valid UTF-8 (jansson refuses such a string too). */
bool vp_json_put_string(vp_buf *b, const char *s, size_t len);

/* An unsigned integer in decimal, as jansson writes an integer. */
void vp_json_put_uint(vp_buf *b, unsigned long long n);

/* A real as jansson writes it with JSON_REAL_PRECISION(6): "%.6g", ".0"
 * added when that reads as an integer, the exponent without '+' or
 * leading zeros.  x must be finite. */
void vp_json_put_real(vp_buf *b, double x);

/* Any json_t as json_dumps(v, VP_JSON_FLAGS) writes it. */
bool vp_json_put_value(vp_buf *b, const json_t *v);

#endif /* VP_JSON_TEXT_H */
