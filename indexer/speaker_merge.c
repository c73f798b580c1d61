/*
 * speaker_merge.c: one person per set of mentions in a report, and the
 * speakers stored (see speakers_internal.h).
 *
 * The person-name model decides who is who: "M. Hoogerbrugge", "Marloes
 * Hoogerbrugge" and "mevrouw Hoogerbrugge" are one person with the fullest
 * spelling; within one report a formal name of initials and the one name
 * its person goes by ("A.J. Blom", "Anton Blom") are one person too.
 * Attendee lists and untriggered mentions only give spellings;
 * a vetoed mention (absent, a successor) makes its person no speaker.
 *
 * Linear in the mentions: the persons and the mentions are filed by the
 * model's key (vp_person_name_key), so a mention is compared only with the
 * names that share its surname, and at most SAME_KEY of those.
 */
#include "speakers_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract_text.h"
#include "mem.h"
#include "strset.h"
#include "text.h"

/* Names with one key that a mention is compared with: more people of one
 * surname than this in a report is no report, and without a bound a
 * hostile one makes the merge quadratic again. */
#define SAME_KEY 64

/* ---- merging ---- */

/* Is b a fuller form of the name than a? */
static bool fuller(const mention *b, const mention *a)
{
    return vp_person_name_fuller(&b->person, &a->person);
}

static void absorb(mention *into, mention *from)
{
    if (fuller(from, into)) {
        char *t = into->name;
        into->name = from->name;
        from->name = t;
        vp_person_name pt = into->person;
        into->person = from->person;
        from->person = pt;
        into->words = from->words;
        into->initials = from->initials;
    }
    if (!into->org && from->org) {
        into->org = from->org;
        from->org = NULL;
    }
    if (!into->role && !into->role_owned) {
        into->role = from->role;
        into->role_owned = from->role_owned;
        from->role_owned = NULL;
    }
    into->triggered = into->triggered || from->triggered;
    into->vetoed = into->vetoed || from->vetoed;
}

/* "A.J. Blom" and "Anton Blom": a formal name of all the initials and the
 * name a person goes by, its first initial, with one surname.  The model
 * keeps them apart (two people may share a surname and an initial); within
 * one report, where only one such pair is, they are one person. */
static bool goes_by(const vp_person_name *formal, const vp_person_name *called)
{
    return formal->form == VP_PERSON_INITIALS && formal->n_given >= 2 &&
           called->form == VP_PERSON_FULL && called->n_given == 1 &&
           formal->given[0] == called->given[0] &&
           strcmp(formal->surname, called->surname) == 0;
}

/* The persons m may be: the first one (first), or only when it is the one
 * (!first).  Returns the count, at most 2 when !first.  When the model
 * finds none, the one person m goes by or who goes by m (goes_by). */
static size_t find_person(const mentions *persons, const mention *m, bool first,
                          size_t *hit)
{
    size_t hits = 0, seen = 0, called = 0, called_at = 0;
    for (size_t j = vp_person_index_first_name(persons->index, &m->person);
         j != VP_PERSON_NONE && hits < 2 && seen++ < SAME_KEY;
         j = vp_person_index_next(persons->index, j)) {
        const vp_person_name *p = &persons->v[j].person;
        if (vp_person_name_may_be(p, &m->person)) {
            if (hits++ == 0)
                *hit = j;
            if (first)
                break;
        } else if (goes_by(p, &m->person) || goes_by(&m->person, p)) {
            if (called++ == 0)
                called_at = j;
        }
    }
    if (hits == 0 && called == 1) {
        *hit = called_at;
        return 1;
    }
    return hits;
}

/* A new person at the end of persons, filed under its key. */
static mention *add_person(mentions *persons, mention *from)
{
    mention *p = vp_sp_add_mention(persons);
    *p = *from;
    memset(from, 0, sizeof *from);
    vp_person_index_add_name(persons->index, &p->person, persons->n - 1);
    return p;
}

/* "Wethouder Wijnen van Eindhoven" beside "wethouder Frans Wijnen": the
 * one given name is the surname of another mention, so "van Eindhoven" is
 * the place ("wethouder Ruud van Gorinchem" alone keeps its name). */
static void split_place_from_surname(mentions *ms)
{
    /* the cores of the mentions with a given name, and how many have each */
    vp_strset *cores = vp_strset_new();
    size_t *count = NULL, cap = 0;
    for (size_t i = 0; i < ms->n; i++) {
        const vp_person_name *pn = &ms->v[i].person;
        if (!ms->v[i].name || pn->n_given == 0)
            continue;
        bool added;
        size_t id = vp_strset_add(cores, pn->core, strlen(pn->core), &added);
        VP_GROW(count, cap, id + 1);
        count[id] = added ? 1 : count[id] + 1;
    }
    for (size_t i = 0; i < ms->n; i++) {
        mention *m = &ms->v[i];
        if (!m->name || !m->role_before || m->person.form != VP_PERSON_FULL ||
            m->person.n_given != 1 || strncmp(m->person.surname, "van ", 4) != 0)
            continue;
        size_t id = vp_strset_find(cores, m->person.given, strlen(m->person.given));
        bool own = strcmp(m->person.core, m->person.given) == 0;
        const char *van = strstr(m->name, " van ");
        if (id == VP_STRSET_NONE || count[id] < 1u + own || !van)
            continue;
        char *given = vp_xstrndup(m->name, (size_t)(van - m->name));
        vp_person_name pn;
        if (vp_person_name_parse(given, &pn)) {
            if (!m->org)
                m->org = vp_xstrdup(van + 5);
            free(m->name);
            m->name = given;
            given = NULL;
            vp_person_name_clear(&m->person);
            m->person = pn;
        }
        free(given);
    }
    free(count);
    vp_strset_free(cores);
}

static const char *role_of(const mention *m)
{
    return m->role_owned ? m->role_owned : m->role;
}

/* "De voorzitter opent de vergadering" in minutes whose attendee list
 * names one person as "voorzitter": that person spoke. */
static void promote_speaking_roles(mentions *ms)
{
    for (size_t r = 0; r < ms->n_speaking_roles; r++) {
        mention *holder = NULL;
        bool unique = true;
        for (size_t i = 0; i < ms->n && unique; i++) {
            mention *m = &ms->v[i];
            const char *role = role_of(m), *also = m->also_role;
            bool has = (role && strcmp(role, ms->speaking_roles[r]) == 0) ||
                       (also && strcmp(also, ms->speaking_roles[r]) == 0);
            if (!m->name || m->vetoed || m->person.form == VP_PERSON_SURNAME || !has)
                continue;
            if (holder && !vp_person_name_may_be(&holder->person, &m->person))
                unique = false;
            holder = holder ? holder : m;
        }
        if (holder && unique) {
            holder->triggered = true;
            holder->listed = false;
        }
    }
}

/* A bare surname with a speaking verb ("Sanders vertelde"): the one full
 * name or initials in the report it can be (an attendee list, a table), or
 * NULL when there is none, or two.  by_key: ms filed by key. */
static mention *listed_full_name(mentions *ms, const vp_person_index *by_key,
                                 const mention *surname)
{
    mention *only = NULL;
    size_t seen = 0;
    for (size_t i = vp_person_index_first_name(by_key, &surname->person);
         i != VP_PERSON_NONE && seen++ < SAME_KEY; i = vp_person_index_next(by_key, i)) {
        mention *m = &ms->v[i];
        if (!m->name || m->person.form == VP_PERSON_SURNAME ||
            !vp_person_name_may_be(&m->person, &surname->person))
            continue;
        if (only && !vp_person_name_may_be(&only->person, &m->person))
            return NULL;   /* two people it can be */
        only = only ? only : m;
    }
    return only && !only->vetoed ? only : NULL;
}

/* The first given name of a full name: "jorien" of "Jorien Kuipers". */
static const char *first_given(const vp_person_name *pn, size_t *len)
{
    *len = strcspn(pn->given, " ");
    return pn->given;
}

/* "Jorien liet onderzoek zien" after "samen met Jorien Kuipers": a single
 * word with a speaking verb that is the first given name of one full name
 * in the report, and no surname of any.  by_given: the full names filed by
 * their first given name. */
static mention *given_name_of(mentions *ms, const vp_person_index *by_given,
                              const mention *word)
{
    if (strchr(word->person.surname, ' ') || strchr(word->person.surname, '-'))
        return NULL;
    mention *only = NULL;
    size_t seen = 0;
    for (size_t i = vp_person_index_first(by_given, word->person.surname,
                                          strlen(word->person.surname));
         i != VP_PERSON_NONE && seen++ < SAME_KEY; i = vp_person_index_next(by_given, i)) {
        mention *m = &ms->v[i];
        /* a person the report presents as one: an organisation, a role, a
         * title or a cue (not a heading "Veiligheidshuis Brabant") */
        if (!m->name || !(m->org || m->role || m->honorific || m->triggered))
            continue;
        if (only && !vp_person_name_may_be(&only->person, &m->person))
            return NULL;   /* two people of that given name */
        only = only ? only : m;
    }
    return only && !only->vetoed ? only : NULL;
}

/* A bare surname that makes a person of its own when no full name in the
 * report matches it: after a role ("wethouder Bakker"), after an honorific
 * with a speaking cue ("een toespraak van dhr. Bakker"), or with a speaking
 * cue and an organisation that is no municipality ("Bosch (VNG) vertelde";
 * a member of the meeting named by surname and municipality, "Bakker
 * (Assen) vraagt", is no speaker).  The corpus-wide pass gives it the full
 * name another report spells out. */
static bool surname_speaks(const mention *m)
{
    return m->triggered && (m->role_before || (m->honorific && m->cued) ||
                            (m->cued && m->org && !m->org_place));
}

/* Persons from mentions (the person-name model decides who is who): the
 * triggered full names and initials make the persons; then bare surnames
 * join the one person they can be, or stand alone (surname_speaks); then the
 * other full names (untriggered, listed, vetoed) give a person its fullest
 * spelling ("Daarna hield Sietske de Wit een inleiding" after "S. de Wit
 * (Platform31)") or its veto.  A vetoed person is no speaker. */
void vp_sp_merge(mentions *ms, mentions *persons)
{
    for (size_t i = 0; i < ms->n; i++) {
        mention *m = &ms->v[i];
        if (m->name && !vp_person_name_parse(m->name, &m->person)) {
            free(m->name);
            m->name = NULL;
        }
    }
    split_place_from_surname(ms);
    promote_speaking_roles(ms);
    vp_person_index *by_key = vp_person_index_new(), *by_given = vp_person_index_new();
    for (size_t i = 0; i < ms->n; i++) {
        if (!ms->v[i].name)
            continue;
        vp_person_index_add_name(by_key, &ms->v[i].person, i);
        if (ms->v[i].person.form == VP_PERSON_FULL) {
            size_t len;
            const char *given = first_given(&ms->v[i].person, &len);
            vp_person_index_add(by_given, given, len, i);
        }
    }
    if (!persons->index)
        persons->index = vp_person_index_new();
    for (int pass = 0; pass < 3; pass++) {
        for (size_t i = 0; i < ms->n; i++) {
            mention *m = &ms->v[i];
            if (!m->name)
                continue;
            bool surname_only = m->person.form == VP_PERSON_SURNAME;
            if (surname_only != (pass == 1) || (pass == 0 && !m->triggered))
                continue;
            size_t hit = 0, hits = find_person(persons, m, pass != 1, &hit);
            mention *full = hits == 0 && pass == 1 && m->triggered && m->cued
                                ? listed_full_name(ms, by_key, m) : NULL;
            /* "Jorien liet zien": no surname in the report, one given name */
            if (!full && hits == 0 && pass == 1 && m->triggered && m->cued && !m->role_before &&
                vp_person_index_first_name(by_key, &m->person) == i &&
                vp_person_index_next(by_key, i) == VP_PERSON_NONE)
                full = given_name_of(ms, by_given, m);
            if (full) {   /* "Sanders vertelde" after "R. Sanders" in the list */
                mention *p = add_person(persons, full);
                p->triggered = true;
                p->listed = false;
                hits = 1;
                hit = persons->n - 1;
            }
            if (hits == 1 || (hits > 1 && pass != 1)) {
                absorb(&persons->v[hit], m);
                free(m->name);   /* read once */
                m->name = NULL;
                continue;
            }
            if (hits > 1 || !m->triggered ||
                (surname_only && !surname_speaks(m)))
                continue;
            add_person(persons, m);
        }
    }
    vp_person_index_free(by_key);
    vp_person_index_free(by_given);
}

/* The folded form of s (vp_fold fails only for want of memory). */
static char *folded(const char *s)
{
    char *f = vp_fold(s);
    return f;
}

void vp_sp_add_speaker(vp_document *d, vp_strset *seen, const char *name,
                       const char *org, const char *role)
{
    char *f = folded(name);
    bool added;
    vp_strset_add(seen, f, strlen(f), &added);
    free(f);
    if (added)
        vp_document_add_speaker(d, name, org, role);
}

void vp_sp_store(vp_document *d, const mentions *persons)
{
    vp_strset *seen = vp_strset_new();
    for (size_t i = 0; i < persons->n; i++) {
        const mention *m = &persons->v[i];
        if (m->triggered && !m->vetoed && m->name)
            vp_sp_add_speaker(d, seen, m->person.display ? m->person.display : m->name,
                              m->org, m->role_owned ? m->role_owned : m->role);
    }
    vp_strset_free(seen);
    vp_speakers_sort(d);
}

/* A speaker with its folded name, the sort key. */
typedef struct sort_item {
    vp_speaker sp;
    char *folded;
} sort_item;

static int compare_items(const void *a, const void *b)
{
    const sort_item *x = a, *y = b;
    int c = strcmp(x->folded, y->folded);
    return c ? c : strcmp(x->sp.name, y->sp.name);
}

/* By folded name, then bytes: each name folded once, not per comparison. */
void vp_speakers_sort(vp_document *d)
{
    if (d->n_speakers < 2)
        return;
    sort_item *items = vp_xmalloc(d->n_speakers * sizeof *items);
    for (size_t i = 0; i < d->n_speakers; i++)
        items[i] = (sort_item){d->speakers[i], folded(d->speakers[i].name)};
    qsort(items, d->n_speakers, sizeof *items, compare_items);
    for (size_t i = 0; i < d->n_speakers; i++) {
        d->speakers[i] = items[i].sp;
        free(items[i].folded);
    }
    free(items);
}

/* The text says this person did not speak ("moest afzeggen"). */
bool vp_sp_vetoed(const mentions *persons, const char *name)
{
    vp_person_name pn;
    if (!persons->index || !vp_person_name_parse(name, &pn))
        return false;
    bool vetoed = false;
    size_t seen = 0;
    for (size_t i = vp_person_index_first_name(persons->index, &pn);
         i != VP_PERSON_NONE && !vetoed && seen++ < SAME_KEY;
         i = vp_person_index_next(persons->index, i)) {
        const mention *m = &persons->v[i];
        vetoed = m->vetoed && m->name && vp_person_name_may_be(&m->person, &pn);
    }
    vp_person_name_clear(&pn);
    return vetoed;
}
