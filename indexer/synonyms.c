/* synonyms.c: see synonyms.h. */
#include "synonyms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datafile.h"
#include "mem.h"
#include "text.h"

static void add_group(vp_synonyms *s, vp_strvec *group)
{
    s->groups = vp_xrealloc(s->groups, (s->n + 1) * sizeof *s->groups);
    s->groups[s->n++] = *group;
}

/* A member as the term generator indexes it: ASCII letters lowered, white
 * space made single, accents kept (a phrase "financiële positie" must match
 * the words of the text, which keep their accents).  NULL for a member of
 * white space only.  Caller frees. */
static char *as_indexed(const char *s)
{
    char *out = vp_xmalloc(strlen(s) + 1), *o = out;
    for (const char *p = s + strspn(s, " \t"); *p; p++) {
        if (*p == ' ' || *p == '\t') {
            if (o > out && o[-1] != ' ')
                *o++ = ' ';
            continue;
        }
        *o++ = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;
    }
    while (o > out && o[-1] == ' ')
        o--;
    *o = '\0';
    if (o == out) {
        free(out);
        return NULL;
    }
    return out;
}

/* "term<TAB>syn; syn" -> group {term, syn, syn}, as indexed (as_indexed);
 * members that fold alike are one. */
static int parse_line(char *line, vp_strvec *group)
{
    char *tab = strchr(line, '\t');
    if (!tab)
        return -1;
    *tab = '\0';
    char *first = as_indexed(line);
    if (!first || !vp_strvec_push_unique(group, first)) {
        free(first);
        return -1;
    }
    free(first);
    for (char *save = NULL, *tok = strtok_r(tab + 1, ";", &save); tok;
         tok = strtok_r(NULL, ";", &save)) {
        char *f = as_indexed(tok);
        if (f)
            vp_strvec_push_unique(group, f);
        free(f);
    }
    return group->len >= 2 ? 0 : -1;
}

static int synonyms_line(char *line, size_t lineno, const char *path, void *s,
                         char *errbuf, size_t errlen)
{
    vp_strvec group = VP_STRVEC_INIT;
    if (parse_line(line, &group) == 0) {
        add_group(s, &group);
        return 0;
    }
    vp_strvec_clear(&group);
    vp_errorf(errbuf, errlen, "%s:%zu: expected `term<TAB>synonym; synonym ...` "
              "with at least one synonym", path, lineno);
    return -1;
}

int vp_synonyms_load(const char *path, vp_synonyms *out, char *errbuf, size_t errlen)
{
    memset(out, 0, sizeof *out);
    int rc = vp_datafile_each_line(path, synonyms_line, out, errbuf, errlen);
    if (rc != 0)
        vp_synonyms_clear(out);
    return rc;
}

void vp_synonyms_clear(vp_synonyms *s)
{
    for (size_t i = 0; i < s->n; i++)
        vp_strvec_clear(&s->groups[i]);
    free(s->groups);
    memset(s, 0, sizeof *s);
}

/* ---- storing ------------------------------------------------------------ */

/* "Z" + stem for a single word; NULL for a phrase (Xapian keys are terms). */
static char *stemmed_term(const xapc_stem *stem, const char *word, xapc_error *err)
{
    if (strchr(word, ' '))
        return NULL;
    return xapc_stem_term(stem, word, err);
}

/* The member self of group as a key (folded, as the query layer looks it
 * up) whose synonyms are the other members as indexed; a one-word member
 * also as the Z-prefixed stem Xapian's FLAG_AUTO_SYNONYMS looks up. */
static xapc_status store_member(const vp_strvec *group, size_t self, xapc_wdb *wdb,
                                const xapc_stem *stem, vp_strvec *keys, xapc_error *err)
{
    char *key = vp_fold(group->items[self]);
    char *zkey = stemmed_term(stem, key, err);
    xapc_status st = XAPC_OK;
    for (size_t j = 0; j < group->len && st == XAPC_OK; j++) {
        if (j == self)
            continue;
        st = xapc_wdb_add_synonym(wdb, key, group->items[j], err);
        char *zval = stemmed_term(stem, group->items[j], err);
        if (st == XAPC_OK && zkey && zval)
            st = xapc_wdb_add_synonym(wdb, zkey, zval, err);
        free(zval);
    }
    if (st == XAPC_OK) {
        vp_strvec_push(keys, key);
        if (zkey)
            vp_strvec_push(keys, zkey);
    }
    free(zkey);
    free(key);
    return st;
}

static xapc_status clear_old_keys(xapc_wdb *wdb, xapc_error *err)
{
    char *old = xapc_db_get_metadata(xapc_wdb_reader(wdb), VP_META_SYNONYM_KEYS, err);
    if (!old)
        return err->status;
    vp_strvec keys = VP_STRVEC_INIT;
    vp_list_decode(old, strlen(old), &keys);
    xapc_status st = XAPC_OK;
    for (size_t i = 0; i < keys.len && st == XAPC_OK; i++)
        st = xapc_wdb_clear_synonyms(wdb, keys.items[i], err);
    vp_strvec_clear(&keys);
    free(old);
    return st;
}

xapc_status vp_synonyms_store(const vp_synonyms *s, xapc_wdb *wdb,
                              const char *stemmer, xapc_error *err)
{
    xapc_status st = clear_old_keys(wdb, err);
    if (st != XAPC_OK)
        return st;
    xapc_stem *stem = xapc_stem_new(stemmer, err);
    if (!stem)
        return err->status;
    vp_strvec keys = VP_STRVEC_INIT;
    for (size_t g = 0; g < s->n && st == XAPC_OK; g++)
        for (size_t i = 0; i < s->groups[g].len && st == XAPC_OK; i++)
            st = store_member(&s->groups[g], i, wdb, stem, &keys, err);
    if (st == XAPC_OK) {
        char *encoded = vp_list_encode(&keys);
        st = xapc_wdb_set_metadata(wdb, VP_META_SYNONYM_KEYS, encoded, err);
        free(encoded);
    }
    vp_strvec_clear(&keys);
    xapc_stem_free(stem);
    return st;
}
