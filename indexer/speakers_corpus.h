/*
 * speakers_corpus.h: one person, one name across the whole corpus.
 *
 * The speaker extractor merges "M. Hoogerbrugge" into "Marloes Hoogerbrugge"
 * within one report only.  This module owns the corpus-wide step: after a
 * run's reports are stored it reads every report's speakers and the people
 * it names in full (attendees, thanks: vp_document.people), and rewrites
 * the reports whose speakers it can name more fully:
 *  - initials ("M. Hoogerbrugge", "J.P. de Vries") or a bare surname
 *    ("Hoogerbrugge") when the corpus holds exactly one full name they may
 *    be (person_name.h: the same surname, given names that start with the
 *    initials);
 *  - a name whose surname is one part of a double surname ("Ineke van der
 *    Wal", "I. van der Wal") when the corpus holds exactly one person with
 *    that double surname and those given names ("Ineke van der
 *    Wal-Bosch").
 * With two candidates it never guesses: two people are never made one.
 */
#ifndef VP_SPEAKERS_CORPUS_H
#define VP_SPEAKERS_CORPUS_H

#include <stddef.h>

#include "docbuild.h"
#include "shards.h"
#include "xapian_c.h"

/* The distinct names of a corpus (distinct by vp_fold): speakers and the
 * people that may resolve them. */
typedef struct vp_speaker_names vp_speaker_names;

vp_speaker_names *vp_speaker_names_new(void);   /* never NULL */
void vp_speaker_names_free(vp_speaker_names *n);
/* Adds a name unless a folded-equal one is present; false when it is no
 * person's name (vp_person_name_parse). */
bool vp_speaker_names_add(vp_speaker_names *n, const char *name);
/* The one full name that name stands for (see above), or NULL when name
 * is already the fullest, has no candidate or has more than one.  Borrowed
 * from n. */
const char *vp_speaker_names_resolve(const vp_speaker_names *n, const char *name);

/* Rewrites every report in s whose speakers resolve to another name,
 * rebuilt through b with its stored document and stamp, uncommitted.
 * *rewritten receives how many.  XAPC_OK or the failing status (err set). */
xapc_status vp_speakers_corpus_resolve(vp_shards *s, vp_docbuilder *b,
                                       size_t *rewritten, xapc_error *err);

#endif /* VP_SPEAKERS_CORPUS_H */
