/*
 * speaker_words.h: the word lists the speaker extractor reads prose with
 * (data/speakers.tsv): roles, titles, verbs and other cues around a name,
 * the words that make a sentence or a heading about the audience, and the
 * capitalised words that are never part of a person's name.
 *
 * They are data, not code, so that a writer who meets a new role or cue
 * adds a line, and so that the data hash the indexer records re-extracts
 * the reports when a list changes.  Dutch and English sit side by side.
 */
#ifndef VP_SPEAKER_WORDS_H
#define VP_SPEAKER_WORDS_H

#include <stdbool.h>
#include <stddef.h>

typedef enum vp_speaker_list {
    VP_SW_ROLE,             /* "burgemeester", "alderman": a role word */
    VP_SW_ROLE_ADJECTIVE,   /* "strategisch", "deputy": belongs to the role after it */
    VP_SW_ROLE_SUFFIX,      /* "adviseur": ends a compound role ("retailadviseur") */
    VP_SW_HONORIFIC,        /* "dhr", "prof": before a name, not part of it */
    VP_SW_VERB_BEFORE,      /* "presenteerde", "door", "by": a speaker follows */
    VP_SW_VERB_AFTER,       /* "vertelde", "explained": a speaker precedes */
    VP_SW_AUDIENCE_CUE,     /* "aanwezig waren": the sentence names the audience */
    VP_SW_SPEAKER_CUE,      /* "aan tafel zaten": the names after it speak */
    VP_SW_NOT_SPEAKER_CUE,  /* "moest afzeggen", "opvolger": the names before it
                               in the clause did not speak, anywhere in the report */
    VP_SW_NOT_SPEAKER_LEAD, /* "bedankte": the names after it are no speakers here */
    VP_SW_AUDIENCE_HEADING, /* "aanwezig": a heading or "X:" over attendees */
    VP_SW_SPEAKER_HEADING,  /* "sprekers": a heading or "X:" over speakers */
    VP_SW_SPEAKER_COLUMN,   /* "spreker", "door": a table column of speakers */
    VP_SW_ORG_COLUMN,       /* "organisatie": a table column of their organisations */
    VP_SW_ACTION_COLUMN,    /* "actie", "wanneer": a table of actions, not speakers */
    VP_SW_NOT_NAME,         /* "gemeente", "workshop": never in a person's name */
    VP_SW_ORG_WORD,         /* "university", "centre": makes a span an organisation */
    VP_SW_SECOND_GIVEN,     /* "willem" in "Jan Willem van Dijk": "van" goes on */
    VP_SW_CHAIR_ROLE,       /* "dagvoorzitter": a byline with it names a speaker */
    VP_SW_NEGATED_SPEAKING, /* "gesproken", "spoken": after "niet"/"not", the names
                               before the negation did not speak there */
    VP_SW_NOT_SPEAKER_NEXT, /* "zijn opvolger": the name right after it (after ","
                               or "is") did not speak, anywhere in the report */
    VP_SW_BYLINE_LEAD,      /* "door", "blog van": a short line opening so names
                               its writer */
    VP_SW_ROLE_PLURAL,      /* "wethouders": a role that every name of the group
                               after it holds */
    VP_SW_SPEAKING_ROLE,    /* "spreker", "inleider": "X was spreker" names a speaker
                               (besides the chair roles) */
    VP_SW_ELSEWHERE_CUE,    /* "vorige week", "schreef": the sentence tells of another
                               time or text; none of its names spoke there */
    VP_SW_SESSION_WORD,     /* "workshop", "sessie": a name after it, then "over" and
                               a subject, gave that session */
    VP_SW_HEADER_FIELD,     /* "van", "betreft": a memo's or a mail's header field;
                               a paragraph of such "label: value" lines names
                               its writers and readers, no speakers */
    VP_SW_FIRST_PERSON,     /* "ik vertelde", "gaf ik": a post's writer who says
                               she spoke */
    VP_SW_COUNT
} vp_speaker_list;

typedef struct vp_speaker_words vp_speaker_words;

/* Loads path (see data/README.md); NULL with the message in errbuf on a
 * missing file, an unknown list name or an empty entry. */
vp_speaker_words *vp_speaker_words_load(const char *path, char *errbuf, size_t errlen);
void vp_speaker_words_free(vp_speaker_words *w);

/* The entries of one list, lower case, NULL-terminated (never NULL). */
const char *const *vp_speaker_words_list(const vp_speaker_words *w, vp_speaker_list list);

/* s[0..n) is an entry of list, ignoring ASCII case. */
bool vp_speaker_words_has(const vp_speaker_words *w, vp_speaker_list list,
                          const char *s, size_t n);

/* Where the lower-case text holds entry as whole words ("schreef" is not in
 * "beschreef"); an entry that ends in "*" may go on ("aanwezig*" is in
 * "aanwezigen").  NULL when it does not. */
const char *vp_speaker_words_find(const char *lowered, const char *entry);

/* The lower-case text holds an entry of list (vp_speaker_words_find). */
bool vp_speaker_words_in(const vp_speaker_words *w, vp_speaker_list list,
                         const char *lowered);

#endif /* VP_SPEAKER_WORDS_H */
