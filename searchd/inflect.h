/*
 * inflect.h: the forms a Dutch word takes in running text, for the query
 * layer (expand.c).
 *
 * Phrases match words as written, and Xapian's Dutch stemmer leaves some
 * forms of one word apart (sociaal / sociale, financieel / financiële,
 * gemeente / gemeentes, haven / havens, actief / actieve), so "sociaal
 * domein" would not find "het sociale domein".  From one word this module
 * proposes the forms of the regular inflection: an adjective with and
 * without its -e (a long vowel written once or twice, a final consonant
 * doubled, f/v and s/z alternating), and a noun's plural in -en, -s or -'s.
 * It only proposes: the caller keeps the forms the index holds, so a
 * proposal that is no Dutch word costs a lookup and nothing else.
 *
 * Words are taken folded (lower case, accents removed, as vp_fold gives
 * them); a proposal with a diaeresis is written both ways ("financiele" and
 * "financiële"), because the index keeps the accents that the text has.
 */
#ifndef VP_INFLECT_H
#define VP_INFLECT_H

#include "strvec.h"

#define VP_INFLECT_MIN_LEN  3    /* shorter words are left as they are */
#define VP_INFLECT_MAX_LEN 40    /* ... and so are longer ones */

/* Appends to out the other forms of word (not word itself, not what out
 * holds already).  Words with characters other than a-z are given none. */
void vp_inflect_forms(const char *word, vp_strvec *out);

#endif /* VP_INFLECT_H */
