/*
 * speakers_corpus.h: one person, one name across the whole corpus.
 *
 * The speaker extractor merges "M. Hoogerbrugge" into "Marloes Hoogerbrugge"
 * within one report only.  This module owns the corpus-wide step: after a
 * run's reports are stored it reads every report's speaker names (all
 * shards) and rewrites the reports that name a person by initials
 * ("M. Hoogerbrugge", "J.P. de Vries") or by bare surname ("Hoogerbrugge")
 * when the corpus holds exactly one full name for them: the same surname
 * (particles included, folded) and given names that start with the same
 * initials.  With two such full names it never guesses.
 */
#ifndef VP_SPEAKERS_CORPUS_H
#define VP_SPEAKERS_CORPUS_H

#include <stddef.h>

#include "docbuild.h"
#include "shards.h"
#include "xapian_c.h"

/* The distinct speaker names of a corpus (distinct by vp_fold). */
typedef struct vp_speaker_names vp_speaker_names;

vp_speaker_names *vp_speaker_names_new(void);   /* never NULL */
void vp_speaker_names_free(vp_speaker_names *n);
/* Adds a name unless a folded-equal one is present; false when it is no
 * person's name (vp_person_name_parse). */
bool vp_speaker_names_add(vp_speaker_names *n, const char *name);
/* The one full name that name (written with initials or as a bare surname)
 * stands for, or NULL when name is itself a full name, has no candidate or
 * has more than one.  Borrowed from n. */
const char *vp_speaker_names_resolve(const vp_speaker_names *n, const char *name);

/* Rewrites every report in s whose speakers resolve to another name,
 * rebuilt through b with its stored document and stamp, uncommitted.
 * *rewritten receives how many.  XAPC_OK or the failing status (err set). */
xapc_status vp_speakers_corpus_resolve(vp_shards *s, vp_docbuilder *b,
                                       size_t *rewritten, xapc_error *err);

#endif /* VP_SPEAKERS_CORPUS_H */
