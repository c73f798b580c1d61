/*
 * fuzz_matchers.c: the gazetteer scan over arbitrary text (exactly sized,
 * not NUL-terminated, as the extractors pass slices) and the front matter
 * speaker parser.  Oracle: every match lies inside the text, in text order,
 * and names a municipality; a parsed speaker has a non-empty name.
 */
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "fuzz_common.h"

typedef struct scan_check {
    size_t len;
    size_t last_start;
} scan_check;

static bool check_match(const vp_gaz_match *match, void *arg)
{
    scan_check *c = arg;
    if (match->start >= match->end || match->end > c->len || !match->m ||
        match->start < c->last_start)
        abort();
    c->last_start = match->start;
    return true;
}

static void check_speaker(const uint8_t *data, size_t size)
{
    char *s = fuzz_cstring(data, size);
    char *name = NULL, *org = NULL, *role = NULL;
    if (vp_parse_speaker(fuzz_speaker_words(), s, &name, &org, &role) && (!name || !name[0]))
        abort();
    free(name);
    free(org);
    free(role);
    free(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    scan_check c = {size, 0};
    vp_gazetteer_scan(fuzz_gazetteer(), (const char *)data, size, check_match, &c);
    check_speaker(data, size);
    return 0;
}
