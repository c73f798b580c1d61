/*
 * facet_column.c: the facet column's file (see facet_column.h).
 *
 * Layout: a fixed header, then 8-byte aligned sections it points to: per
 * facet the dictionary (value offsets, then the values, each NUL-ended),
 * the documents' offsets and the ordinals; the dates; the sort order and
 * the places.  A reader checks every offset and every ordinal against the
 * file's size once, when it maps the file, so a damaged file is refused
 * rather than read out of bounds.
 */
#define _GNU_SOURCE
#include "facet_column.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mem.h"
#include "strset.h"
#include "sys.h"

#define MAGIC "VPFCOL\0\1"
enum { VERSION = 1, BYTE_ORDER_MARK = 0x01020304, UUID_BYTES = 80 };

typedef struct facet_header {
    uint32_t slot, n_values;
    uint64_t dict_offsets, dict_bytes, dict_size;   /* uint32[n_values + 1], bytes */
    uint64_t offsets, ords, n_ords;                 /* uint32[lastdocid + 2], uint32[n_ords] */
} facet_header;

typedef struct header {
    char magic[8];
    uint32_t version, byte_order;
    uint64_t revision, file_size;
    char uuid[UUID_BYTES];
    uint32_t lastdocid, doccount, n_facets;
    uint32_t date_slot, has_dates, order_slot, has_order, pad;
    facet_header facets[VP_FCOL_MAX_FACETS];
    uint64_t dates, order, places;   /* uint64[lastdocid + 1], uint32[doccount], uint32[lastdocid + 1] */
} header;

struct vp_fcol {
    const unsigned char *base;
    size_t size;
    const header *h;
};

/* ---- reading ------------------------------------------------------------- */

static bool within(const vp_fcol *c, uint64_t offset, uint64_t count, size_t size)
{
    return offset % 8 == 0 && offset <= c->size &&
           count <= (c->size - offset) / size;
}

static const void *at(const vp_fcol *c, uint64_t offset)
{
    return c->base + offset;
}

/* Every offset inside the file, every ordinal inside its dictionary. */
static bool check_facet(const vp_fcol *c, const facet_header *f)
{
    uint32_t last = c->h->lastdocid;
    if (!within(c, f->dict_offsets, (uint64_t)f->n_values + 1, 4) ||
        !within(c, f->dict_bytes, f->dict_size, 1) ||
        !within(c, f->offsets, (uint64_t)last + 2, 4) || !within(c, f->ords, f->n_ords, 4))
        return false;
    const uint32_t *doff = at(c, f->dict_offsets);
    const char *bytes = at(c, f->dict_bytes);
    for (uint32_t i = 0; i < f->n_values; i++)
        if (doff[i] >= doff[i + 1] || doff[i + 1] > f->dict_size || bytes[doff[i + 1] - 1] != '\0')
            return false;
    const uint32_t *off = at(c, f->offsets), *ords = at(c, f->ords);
    for (uint32_t d = 0; d <= last; d++)
        if (off[d] > off[d + 1])
            return false;
    if (off[last + 1] != f->n_ords)
        return false;
    for (uint64_t i = 0; i < f->n_ords; i++)
        if (ords[i] >= f->n_values)
            return false;
    return true;
}

static bool check_order(const vp_fcol *c)
{
    const header *h = c->h;
    if (!within(c, h->order, h->doccount, 4) || !within(c, h->places, (uint64_t)h->lastdocid + 1, 4))
        return false;
    const uint32_t *order = at(c, h->order), *places = at(c, h->places);
    for (uint32_t i = 0; i < h->doccount; i++)
        if (order[i] == 0 || order[i] > h->lastdocid || places[order[i]] != i + 1)
            return false;
    return true;
}

static bool check(const vp_fcol *c, char *why, size_t whylen)
{
    const header *h = c->h;
    const char *bad = NULL;
    if (h->n_facets > VP_FCOL_MAX_FACETS || h->lastdocid == UINT32_MAX)
        bad = "bad header";
    for (uint32_t f = 0; !bad && f < h->n_facets; f++)
        if (!check_facet(c, &h->facets[f]))
            bad = "a facet section is damaged";
    if (!bad && h->has_dates && !within(c, h->dates, (uint64_t)h->lastdocid + 1, 8))
        bad = "the date section is damaged";
    if (!bad && h->has_order && !check_order(c))
        bad = "the order section is damaged";
    if (bad)
        snprintf(why, whylen, "%s", bad);
    return !bad;
}

vp_fcol *vp_fcol_open(const char *db_dir, const char *uuid, uint64_t revision,
                      char *why, size_t whylen)
{
    char *path = vp_path_join(db_dir, VP_FCOL_FILE);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    free(path);
    if (fd < 0) {
        snprintf(why, whylen, "no facet column (%s)", strerror(errno));
        return NULL;
    }
    struct stat st;
    void *base = MAP_FAILED;
    if (fstat(fd, &st) == 0 && (size_t)st.st_size >= sizeof(header))
        base = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_SHARED, fd, 0);
    close(fd);
    if (base == MAP_FAILED) {
        snprintf(why, whylen, "the facet column cannot be mapped");
        return NULL;
    }
    vp_fcol *c = vp_xcalloc(1, sizeof *c);
    c->base = base;
    c->size = (size_t)st.st_size;
    c->h = base;
    const header *h = c->h;
    if (memcmp(h->magic, MAGIC, 8) != 0 || h->version != VERSION ||
        h->byte_order != BYTE_ORDER_MARK || h->file_size != c->size) {
        snprintf(why, whylen, "the facet column is of another format");
    } else if (strncmp(h->uuid, uuid, UUID_BYTES) != 0 || h->revision != revision) {
        snprintf(why, whylen, "the facet column is of revision %llu, the database at %llu",
                 (unsigned long long)h->revision, (unsigned long long)revision);
    } else if (check(c, why, whylen)) {
        madvise(base, c->size, MADV_WILLNEED);
        return c;
    }
    vp_fcol_close(c);
    return NULL;
}

void vp_fcol_close(vp_fcol *c)
{
    if (!c)
        return;
    munmap((void *)c->base, c->size);
    free(c);
}

uint32_t vp_fcol_lastdocid(const vp_fcol *c) { return c->h->lastdocid; }
uint32_t vp_fcol_doccount(const vp_fcol *c) { return c->h->doccount; }
uint64_t vp_fcol_revision(const vp_fcol *c) { return c->h->revision; }
size_t vp_fcol_facets(const vp_fcol *c) { return c->h->n_facets; }
uint32_t vp_fcol_facet_slot(const vp_fcol *c, size_t f) { return c->h->facets[f].slot; }
uint32_t vp_fcol_values(const vp_fcol *c, size_t f) { return c->h->facets[f].n_values; }
size_t vp_fcol_mapped_bytes(const vp_fcol *c) { return c->size; }

const char *vp_fcol_value(const vp_fcol *c, size_t f, uint32_t ord, size_t *len)
{
    const facet_header *fh = &c->h->facets[f];
    const uint32_t *doff = at(c, fh->dict_offsets);
    if (len)
        *len = doff[ord + 1] - doff[ord] - 1;
    return (const char *)at(c, fh->dict_bytes) + doff[ord];
}

const uint32_t *vp_fcol_offsets(const vp_fcol *c, size_t f)
{
    return at(c, c->h->facets[f].offsets);
}

const uint32_t *vp_fcol_ords(const vp_fcol *c, size_t f)
{
    return at(c, c->h->facets[f].ords);
}

const uint64_t *vp_fcol_dates(const vp_fcol *c, uint32_t *slot)
{
    if (slot)
        *slot = c->h->date_slot;
    return c->h->has_dates ? at(c, c->h->dates) : NULL;
}

const uint32_t *vp_fcol_order(const vp_fcol *c, uint32_t *slot)
{
    if (slot)
        *slot = c->h->order_slot;
    return c->h->has_order ? at(c, c->h->order) : NULL;
}

const uint32_t *vp_fcol_places(const vp_fcol *c)
{
    return c->h->has_order ? at(c, c->h->places) : NULL;
}

/* ---- writing ------------------------------------------------------------- */

typedef struct wfacet {
    uint32_t slot;
    bool list;
    char sep;
    vp_strset *values;           /* temporary ids, in the order first seen */
    uint32_t *dids, *starts;     /* per document that has values */
    size_t n_docs, dids_cap, starts_cap;
    uint32_t *ids;               /* temporary ids of every document's members */
    size_t n_ids, ids_cap;
} wfacet;

typedef struct key {
    char *bytes;
    size_t len;
    uint32_t did;
} key;

struct vp_fcol_writer {
    uint32_t lastdocid, doccount;
    wfacet facets[VP_FCOL_MAX_FACETS];
    size_t n_facets;
    uint64_t *dates;
    uint32_t date_slot;
    bool dates_regular;
    key *keys;
    size_t n_keys, keys_cap;
    uint32_t key_slot;
};

vp_fcol_writer *vp_fcol_writer_new(uint32_t lastdocid, uint32_t doccount)
{
    vp_fcol_writer *w = vp_xcalloc(1, sizeof *w);
    w->lastdocid = lastdocid;
    w->doccount = doccount;
    w->dates = vp_xcalloc((size_t)lastdocid + 1, sizeof *w->dates);
    w->dates_regular = true;
    return w;
}

void vp_fcol_writer_free(vp_fcol_writer *w)
{
    if (!w)
        return;
    for (size_t f = 0; f < w->n_facets; f++) {
        vp_strset_free(w->facets[f].values);
        free(w->facets[f].dids);
        free(w->facets[f].starts);
        free(w->facets[f].ids);
    }
    for (size_t i = 0; i < w->n_keys; i++)
        free(w->keys[i].bytes);
    free(w->keys);
    free(w->dates);
    free(w);
}

size_t vp_fcol_writer_facet(vp_fcol_writer *w, uint32_t slot, bool list, char sep)
{
    if (w->n_facets == VP_FCOL_MAX_FACETS)
        abort();   /* a programming error: the schema has four */
    wfacet *f = &w->facets[w->n_facets];
    f->slot = slot;
    f->list = list;
    f->sep = sep;
    f->values = vp_strset_new();
    return w->n_facets++;
}

static void add_member(wfacet *f, const char *v, size_t len)
{
    if (len == 0)
        return;
    VP_GROW(f->ids, f->ids_cap, f->n_ids + 1);
    f->ids[f->n_ids++] = (uint32_t)vp_strset_add(f->values, v, len, NULL);
}

void vp_fcol_writer_add(vp_fcol_writer *w, size_t fi, uint32_t did, const char *value,
                        size_t len)
{
    wfacet *f = &w->facets[fi];
    if (did == 0 || did > w->lastdocid || (f->n_docs && f->dids[f->n_docs - 1] >= did))
        return;   /* out of order: the caller's stream is docid-ordered */
    VP_GROW(f->dids, f->dids_cap, f->n_docs + 1);
    VP_GROW(f->starts, f->starts_cap, f->n_docs + 1);
    f->dids[f->n_docs] = did;
    f->starts[f->n_docs++] = (uint32_t)f->n_ids;
    const char *p = value, *end = value + len;
    while (f->list && p < end) {
        const char *sep = memchr(p, f->sep, (size_t)(end - p));
        size_t n = sep ? (size_t)(sep - p) : (size_t)(end - p);
        add_member(f, p, n);
        p += n + 1;
    }
    if (!f->list)
        add_member(f, value, len);
}

void vp_fcol_writer_date(vp_fcol_writer *w, uint32_t slot, uint32_t did,
                         const char *value, size_t len)
{
    w->date_slot = slot;
    if (did == 0 || did > w->lastdocid || len == 0)
        return;
    if (len != 8) {
        w->dates_regular = false;
        return;
    }
    uint64_t packed = 0;
    for (int i = 0; i < 8; i++)
        packed = packed << 8 | (unsigned char)value[i];
    w->dates[did] = packed;
}

void vp_fcol_writer_key(vp_fcol_writer *w, uint32_t slot, uint32_t did, const char *k,
                        size_t len)
{
    w->key_slot = slot;
    if (did == 0 || did > w->lastdocid || len == 0)
        return;
    VP_GROW(w->keys, w->keys_cap, w->n_keys + 1);
    w->keys[w->n_keys++] = (key){vp_xstrndup(k, len), len, did};
}

/* Byte order, a prefix first: the order of Xapian's string values. */
static int bytes_cmp(const char *a, size_t al, const char *b, size_t bl)
{
    int c = memcmp(a, b, al < bl ? al : bl);
    return c ? c : (al > bl) - (al < bl);
}

static int by_key(const void *x, const void *y)
{
    const key *a = x, *b = y;
    return bytes_cmp(a->bytes, a->len, b->bytes, b->len);
}

static const vp_strset *sort_set;   /* qsort has no context argument */

static int by_value(const void *x, const void *y)
{
    size_t al, bl;
    const char *a = vp_strset_key(sort_set, *(const uint32_t *)x, &al);
    const char *b = vp_strset_key(sort_set, *(const uint32_t *)y, &bl);
    return bytes_cmp(a, al, b, bl);
}

static int by_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return (a > b) - (a < b);
}

/* The facet in its final form: dictionary in byte order, ordinals. */
typedef struct ffacet {
    uint32_t n_values;
    uint32_t *dict_offsets;
    char *dict;
    size_t dict_size;
    uint32_t *offsets, *ords;
    size_t n_ords;
} ffacet;

static void finish_facet(const vp_fcol_writer *w, const wfacet *f, ffacet *out)
{
    size_t n = vp_strset_size(f->values);
    uint32_t *by_name = vp_xmalloc((n ? n : 1) * sizeof *by_name);
    uint32_t *final = vp_xmalloc((n ? n : 1) * sizeof *final);
    for (size_t i = 0; i < n; i++)
        by_name[i] = (uint32_t)i;
    sort_set = f->values;
    qsort(by_name, n, sizeof *by_name, by_value);
    out->n_values = (uint32_t)n;
    out->dict_offsets = vp_xmalloc((n + 1) * sizeof *out->dict_offsets);
    out->dict_size = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len;
        vp_strset_key(f->values, by_name[i], &len);
        out->dict_offsets[i] = (uint32_t)out->dict_size;
        out->dict_size += len + 1;
        final[by_name[i]] = (uint32_t)i;
    }
    out->dict_offsets[n] = (uint32_t)out->dict_size;
    out->dict = vp_xmalloc(out->dict_size ? out->dict_size : 1);
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *v = vp_strset_key(f->values, by_name[i], &len);
        memcpy(out->dict + out->dict_offsets[i], v, len + 1);
    }
    out->offsets = vp_xcalloc((size_t)w->lastdocid + 2, sizeof *out->offsets);
    out->ords = vp_xmalloc((f->n_ids ? f->n_ids : 1) * sizeof *out->ords);
    out->n_ords = 0;
    size_t k = 0;
    for (uint32_t d = 1; d <= w->lastdocid; d++) {
        out->offsets[d] = (uint32_t)out->n_ords;
        if (k < f->n_docs && f->dids[k] == d) {
            size_t from = f->starts[k], to = k + 1 < f->n_docs ? f->starts[k + 1] : f->n_ids;
            uint32_t *mine = out->ords + out->n_ords;
            for (size_t i = from; i < to; i++)
                mine[i - from] = final[f->ids[i]];
            qsort(mine, to - from, sizeof *mine, by_u32);
            size_t kept = 0;
            for (size_t i = 0; i < to - from; i++)   /* a member once per document */
                if (kept == 0 || mine[kept - 1] != mine[i])
                    mine[kept++] = mine[i];
            out->n_ords += kept;
            k++;
        }
    }
    out->offsets[0] = 0;
    out->offsets[w->lastdocid + 1] = (uint32_t)out->n_ords;
    free(by_name);
    free(final);
}

static void free_facet(ffacet *f)
{
    free(f->dict_offsets);
    free(f->dict);
    free(f->offsets);
    free(f->ords);
}

/* Appends len bytes at an 8-aligned offset; returns that offset. */
static uint64_t put(FILE *out, uint64_t *pos, const void *p, size_t len)
{
    static const char zeros[8];
    size_t pad = (size_t)((8 - *pos % 8) % 8);
    fwrite(zeros, 1, pad, out);
    *pos += pad;
    uint64_t at_offset = *pos;
    if (len)
        fwrite(p, 1, len, out);
    *pos += len;
    return at_offset;
}

static int fsync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    close(fd);
    return rc;
}

int vp_fcol_writer_save(vp_fcol_writer *w, const char *db_dir, const char *uuid,
                        uint64_t revision, char *why, size_t whylen)
{
    header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, MAGIC, 8);
    h.version = VERSION;
    h.byte_order = BYTE_ORDER_MARK;
    h.revision = revision;
    snprintf(h.uuid, sizeof h.uuid, "%s", uuid);
    h.lastdocid = w->lastdocid;
    h.doccount = w->doccount;
    h.n_facets = (uint32_t)w->n_facets;
    h.date_slot = w->date_slot;
    h.has_dates = w->dates_regular;
    h.order_slot = w->key_slot;
    h.has_order = w->n_keys == w->doccount;

    char *path = vp_path_join(db_dir, VP_FCOL_FILE);
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid());
    FILE *out = fopen(tmp, "wb");
    if (!out) {
        snprintf(why, whylen, "%s: %s", tmp, strerror(errno));
        free(path);
        return -1;
    }
    uint64_t pos = 0;
    put(out, &pos, &h, sizeof h);      /* again at the end, with the offsets */
    for (size_t fi = 0; fi < w->n_facets; fi++) {
        ffacet f;
        finish_facet(w, &w->facets[fi], &f);
        facet_header *fh = &h.facets[fi];
        fh->slot = w->facets[fi].slot;
        fh->n_values = f.n_values;
        fh->dict_offsets = put(out, &pos, f.dict_offsets, ((size_t)f.n_values + 1) * 4);
        fh->dict_bytes = put(out, &pos, f.dict, f.dict_size);
        fh->dict_size = f.dict_size;
        fh->offsets = put(out, &pos, f.offsets, ((size_t)w->lastdocid + 2) * 4);
        fh->ords = put(out, &pos, f.ords, f.n_ords * 4);
        fh->n_ords = f.n_ords;
        free_facet(&f);
    }
    if (h.has_dates)
        h.dates = put(out, &pos, w->dates, ((size_t)w->lastdocid + 1) * 8);
    if (h.has_order) {
        qsort(w->keys, w->n_keys, sizeof *w->keys, by_key);
        uint32_t *order = vp_xmalloc((w->n_keys ? w->n_keys : 1) * sizeof *order);
        uint32_t *places = vp_xcalloc((size_t)w->lastdocid + 1, sizeof *places);
        for (size_t i = 0; i < w->n_keys; i++) {
            order[i] = w->keys[i].did;
            places[w->keys[i].did] = (uint32_t)i + 1;
        }
        h.order = put(out, &pos, order, w->n_keys * 4);
        h.places = put(out, &pos, places, ((size_t)w->lastdocid + 1) * 4);
        free(order);
        free(places);
    }
    put(out, &pos, NULL, 0);          /* the size ends aligned */
    h.file_size = pos;
    bool ok = fseek(out, 0, SEEK_SET) == 0 && fwrite(&h, sizeof h, 1, out) == 1;
    ok = fflush(out) == 0 && ok && !ferror(out) && fsync(fileno(out)) == 0;
    ok = fclose(out) == 0 && ok;
    if (ok && rename(tmp, path) != 0)
        ok = false;
    if (!ok) {
        snprintf(why, whylen, "%s: %s", path, strerror(errno));
        unlink(tmp);
    } else {
        fsync_dir(db_dir);
    }
    free(path);
    return ok ? 0 : -1;
}
