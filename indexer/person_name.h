/*
 * person_name.h: the one model of a Dutch person's name, shared by the
 * speaker extractor (merging the mentions of one report), the corpus-wide
 * speaker pass (one name per person across a run) and the places stage
 * (a municipality inside a person's name is no municipality).
 *
 * A name is given names (words or initials), then a surname: particles
 * ("van", "van der", "in 't", "ten") and regional prefixes ("Oude",
 * "Olde", "Groot", "Klein", "Te", "Ter") before a core ("Berg",
 * "Wesselink", "Hoopen-Verbeek").  Mentions of one person take three
 * forms: the full name, initials and surname ("J.W. van Dijk"), the surname
 * alone ("Van Dijk", "Oude Wesselink").
 *
 * Case of particles is not identity: "Anna Van der Berg" is "Anna van der
 * Berg".  The display form writes particles in lower case after a given
 * name and capitalises the first one when the surname stands alone; it
 * keeps regional prefixes as written (they are part of the surname).
 */
#ifndef VP_PERSON_NAME_H
#define VP_PERSON_NAME_H

#include <stdbool.h>
#include <stddef.h>

typedef enum vp_person_form {
    VP_PERSON_FULL,       /* given names written out: "Jan Willem de Groot" */
    VP_PERSON_INITIALS,   /* some given name as initials: "J.W. de Groot" */
    VP_PERSON_SURNAME,    /* no given name: "De Groot", "Oude Wesselink" */
} vp_person_form;

typedef struct vp_person_name {
    char *display;        /* normalised spelling (see above) */
    char *given;          /* folded given names, one space between, hyphens
                             split ("jan willem"); an initial keeps its dot
                             ("j. w.", "th."); "" when none */
    char *surname;        /* folded surname with particles: "van der berg" */
    char *core;           /* folded surname without particles: "berg";
                             regional prefixes stay: "oude wesselink" */
    char *folded;         /* the display form folded: "anna van der berg" */
    size_t n_given;       /* given names (each initial counts as one) */
    vp_person_form form;
} vp_person_name;

/* Takes a name apart ("Anna Van der Berg", "J. P. de Vries", "Smulders - de
 * Wit").  False (out cleared) when it holds no surname or memory runs out;
 * vp_person_name_clear frees it either way. */
bool vp_person_name_parse(const char *name, vp_person_name *out);
void vp_person_name_clear(vp_person_name *p);

/* The display form of a name (malloc'd), or NULL when it does not parse. */
char *vp_person_name_normalise(const char *name);

/* Can a and b name the same person?  Surnames agree (folded, particles
 * included; a surname written without its particles agrees with the core
 * of one that has them: "Dijk" ~ "van Dijk", never the other way round
 * between two surnames that both carry particles), and given names agree:
 * equal words, one list a start of the other ("Jan" ~ "Jan Willem"), each
 * initial starting the given name in its place ("J.W." ~ "Jan-Willem"), or
 * one side without given names.  A name of two words or more that ends
 * another one ("Vestergaard Holm" ~ "Anders Vestergaard Holm") is the same
 * person too: a double surname read as a given name and a surname. */
bool vp_person_name_may_be(const vp_person_name *a, const vp_person_name *b);

/* Is b a fuller spelling of the person than a (full over initials over
 * surname; more given names; longer)? */
bool vp_person_name_fuller(const vp_person_name *b, const vp_person_name *a);

/* The key two names share whenever vp_person_name_may_be holds for them:
 * the first part of the folded surname that is no particle ("wal" for
 * "Ineke van der Wal", "Van der Wal" and "I. van der Wal-Bosch").  Points
 * into p, *len bytes long (not NUL-terminated). */
const char *vp_person_name_key(const vp_person_name *p, size_t *len);

/* The key of the second part of a double surname ("bosch" for "Ineke van
 * der Wal-Bosch", "wit" for "Lieke Smulders-de Wit"), NULL for any other
 * surname: the first part's key is vp_person_name_key. */
const char *vp_person_name_second_key(const vp_person_name *p, size_t *len);

/* Is a's surname one part of b's double surname, b written in full
 * ("Van der Wal" and "Bosch" of "Ineke van der Wal-Bosch"), whatever the
 * given names? */
bool vp_person_name_part_of(const vp_person_name *b, const vp_person_name *a);

/* Is b, written in full, a with a double surname of which a's surname is
 * one part ("Ineke van der Wal-Bosch" of "Ineke van der Wal", "Ineke Bosch"
 * or "I. van der Wal"), the given names agreeing as for
 * vp_person_name_may_be?  a must have given names: a bare "Van der Wal" may
 * be another member of the family. */
bool vp_person_name_double_of(const vp_person_name *b, const vp_person_name *a);

/* Names filed by key, so that finding the names one may be looks only at
 * those that share its key (comparing every name with every other is
 * quadratic).  Items are the caller's numbers, each filed once in an
 * index; the items of a key come back in the order they were filed. */
typedef struct vp_person_index vp_person_index;

#define VP_PERSON_NONE ((size_t)-1)

vp_person_index *vp_person_index_new(void);   /* never NULL */
void vp_person_index_free(vp_person_index *ix);
/* Files item under key[0..len). */
void vp_person_index_add(vp_person_index *ix, const char *key, size_t len, size_t item);
/* Files item under the key of p (vp_person_name_key). */
void vp_person_index_add_name(vp_person_index *ix, const vp_person_name *p, size_t item);
/* The first item filed under key[0..len) (or the key of p), VP_PERSON_NONE
 * when there is none; then vp_person_index_next until VP_PERSON_NONE.  Every
 * filed name p may be is among the items of its key (others with the key
 * are too: ask vp_person_name_may_be). */
size_t vp_person_index_first(const vp_person_index *ix, const char *key, size_t len);
size_t vp_person_index_first_name(const vp_person_index *ix, const vp_person_name *p);
size_t vp_person_index_next(const vp_person_index *ix, size_t item);

/* s[0..n) is a name particle ("van", "der", "'t", "ten"), in any case. */
bool vp_person_is_particle(const char *s, size_t n);
/* s[0..n) is a regional surname prefix ("Oude", "Olde", "Groot", "Klein",
 * "Te", "Ter"), in any case. */
bool vp_person_is_prefix(const char *s, size_t n);

/* Flags for vp_person_name_at. */
enum {
    /* a capitalised word right before the span makes it a surname ("Marcel
     * Bosch"); only for running text: titles and headings put places after
     * nouns ("Netwerkdag Gorinchem") */
    VP_PERSON_BARE_GIVEN = 1u << 0,
};

/* Does the word(s) t[start..end) stand inside a person's name in t?  True
 * after initials ("H. Bosch"), after an honorific ("dhr. Weert", "mevrouw
 * Ede"), after particles that follow a given name or initials ("Ruud van
 * Gorinchem", "R. van Gorinchem"), after a capitalised particle inside a
 * sentence ("... zei Van Gorinchem"), and with VP_PERSON_BARE_GIVEN after a
 * capitalised word that could be a given name, not at a sentence start.
 * not_given (may be NULL) tells capitalised words that are never a given
 * name ("Gemeente", "Wethouder"): called with the folded word. */
typedef bool (*vp_person_word_fn)(const char *folded, void *ctx);
bool vp_person_name_at(const char *t, size_t len, size_t start, size_t end,
                       unsigned flags, vp_person_word_fn not_given, void *ctx);

#endif /* VP_PERSON_NAME_H */
