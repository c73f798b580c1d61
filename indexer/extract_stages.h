/*
 * extract_stages.h: the contract between the extraction driver (extract.c)
 * and its stages (extract_*.c).  Private to indexer/: users of the
 * extraction include extract.h.
 *
 * A stage reads the parsed report and the document fields that earlier
 * stages filled (extract.c's table says which), fills its own fields, and
 * returns a status.  A problem the user can fix (an unknown name in the
 * front matter) goes into the issue with vp_extract_note() and is not a
 * failure; a library call that fails for want of memory is (ours abort,
 * mem.h).
 */
#ifndef VP_EXTRACT_STAGES_H
#define VP_EXTRACT_STAGES_H

#include <stdarg.h>
#include <stdio.h>

#include "extract.h"

typedef vp_extract_status (*vp_extract_stage_fn)(const vp_extract_ctx *ctx,
                                                 const vp_parsed *p,
                                                 vp_document *d,
                                                 vp_extract_issue *issue);

/* The document fields a stage reads or fills (a bit set). */
enum {
    VP_FIELD_TITLE = 1u << 0,
    VP_FIELD_DATE = 1u << 1,
    VP_FIELD_PLACES = 1u << 2,      /* municipalities and host */
    VP_FIELD_SPEAKERS = 1u << 3,
    VP_FIELD_THEMES = 1u << 4,
    VP_FIELD_PATH = 1u << 5,        /* set by the caller before extraction */
};

typedef struct vp_extract_stage {
    const char *name;
    unsigned reads;      /* fields an earlier stage (or the caller) filled */
    unsigned fills;
    vp_extract_stage_fn run;
} vp_extract_stage;

/* The table of extract.c, in running order; *n receives its length. */
const vp_extract_stage *vp_extract_stages(size_t *n);

/* The stages (one file each, extract_<name>.c). */
vp_extract_status vp_extract_title_stage(const vp_extract_ctx *ctx, const vp_parsed *p,
                                         vp_document *d, vp_extract_issue *issue);
vp_extract_status vp_extract_date(const vp_extract_ctx *ctx, const vp_parsed *p,
                                  vp_document *d, vp_extract_issue *issue);
vp_extract_status vp_extract_places(const vp_extract_ctx *ctx, const vp_parsed *p,
                                    vp_document *d, vp_extract_issue *issue);
vp_extract_status vp_extract_speakers(const vp_extract_ctx *ctx, const vp_parsed *p,
                                      vp_document *d, vp_extract_issue *issue);
vp_extract_status vp_extract_themes(const vp_extract_ctx *ctx, const vp_parsed *p,
                                    vp_document *d, vp_extract_issue *issue);

/* Sorts d->speakers by folded name: the order the speakers stage leaves,
 * kept by the cross-report resolution (speakers_corpus.c) when it renames. */
void vp_speakers_sort(vp_document *d);

/* Records a problem unless one is already recorded (the first one wins). */
static inline void vp_extract_note(vp_extract_issue *issue, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static inline void vp_extract_note(vp_extract_issue *issue, int line, const char *fmt, ...)
{
    if (!issue || issue->message[0])
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(issue->message, sizeof issue->message, fmt, ap);
    va_end(ap);
    issue->line = line;
}

#endif /* VP_EXTRACT_STAGES_H */
