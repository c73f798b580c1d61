/*
 * speaker_merge.c: one person per set of mentions in a report, and the
 * speakers stored (see speakers_internal.h).
 *
 * The person-name model decides who is who: "M. Hoogerbrugge", "Marloes
 * Hoogerbrugge" and "mevrouw Hoogerbrugge" are one person with the fullest
 * spelling.  Attendee lists and untriggered mentions only give spellings;
 * a vetoed mention (absent, a successor) makes its person no speaker.
 */
#include "speakers_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract_text.h"
#include "text.h"

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

/* The persons m may be: the first one (first), or only when it is the one
 * (!first).  Returns the count, at most 2 when !first. */
static size_t find_person(const mentions *persons, const mention *m, bool first,
                          size_t *hit)
{
    size_t hits = 0;
    for (size_t j = 0; j < persons->n && hits < 2; j++)
        if (vp_person_name_may_be(&persons->v[j].person, &m->person)) {
            if (hits++ == 0)
                *hit = j;
            if (first)
                break;
        }
    return hits;
}

/* "Wethouder Wijnen van Eindhoven" beside "wethouder Frans Wijnen": the
 * one given name is the surname of another mention, so "van Eindhoven" is
 * the place ("wethouder Ruud van Gorinchem" alone keeps its name). */
static void split_place_from_surname(mentions *ms)
{
    for (size_t i = 0; i < ms->n; i++) {
        mention *m = &ms->v[i];
        if (!m->name || !m->role_before || m->person.form != VP_PERSON_FULL ||
            m->person.n_given != 1 || strncmp(m->person.surname, "van ", 4) != 0)
            continue;
        bool surname = false;
        for (size_t j = 0; j < ms->n && !surname; j++)
            surname = j != i && ms->v[j].name && ms->v[j].person.n_given > 0 &&
                      strcmp(ms->v[j].person.core, m->person.given) == 0;
        const char *van = strstr(m->name, " van ");
        if (!surname || !van)
            continue;
        char *given = vp_strndup(m->name, (size_t)(van - m->name));
        vp_person_name pn;
        if (given && vp_person_name_parse(given, &pn)) {
            if (!m->org)
                m->org = strdup(van + 5);
            free(m->name);
            m->name = given;
            given = NULL;
            vp_person_name_clear(&m->person);
            m->person = pn;
        }
        free(given);
    }
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
 * NULL when there is none, or two. */
static mention *listed_full_name(mentions *ms, const mention *surname)
{
    mention *only = NULL;
    for (size_t i = 0; i < ms->n; i++) {
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

/* A bare surname that makes a person of its own when no full name in the
 * report matches it: after a role ("wethouder Bakker"), or after an
 * honorific with a speaking cue ("een toespraak van dhr. Bakker"). */
static bool surname_speaks(const mention *m)
{
    return m->triggered && (m->role_before || (m->honorific && m->cued));
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
                                ? listed_full_name(ms, m) : NULL;
            if (full) {   /* "Sanders vertelde" after "R. Sanders" in the list */
                mention *p = vp_sp_add_mention(persons);
                if (!p)
                    return;
                *p = *full;
                memset(full, 0, sizeof *full);
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
            if (hits > 1 || !m->triggered || (surname_only && !surname_speaks(m)))
                continue;
            mention *p = vp_sp_add_mention(persons);
            if (!p)
                return;
            *p = *m;
            memset(m, 0, sizeof *m);
        }
    }
}

int vp_sp_compare_speakers(const void *a, const void *b)
{
    const vp_speaker *x = a, *y = b;
    char *fx = vp_fold(x->name), *fy = vp_fold(y->name);
    int c = (fx && fy) ? strcmp(fx, fy) : 0;
    free(fx);
    free(fy);
    return c ? c : strcmp(x->name, y->name);
}

/* False when out of memory. */
bool vp_sp_store(vp_document *d, const mentions *persons)
{
    for (size_t i = 0; i < persons->n; i++) {
        const mention *m = &persons->v[i];
        if (!m->triggered || m->vetoed || !m->name)
            continue;
        const char *name = m->person.display ? m->person.display : m->name;
        bool dup = false;
        for (size_t j = 0; j < d->n_speakers && !dup; j++)
            dup = vp_fold_equal(d->speakers[j].name, name);
        if (!dup && !vp_document_add_speaker(d, name, m->org,
                                             m->role_owned ? m->role_owned : m->role))
            return false;
    }
    if (d->n_speakers > 1)
        vp_speakers_sort(d);
    return true;
}

void vp_speakers_sort(vp_document *d)
{
    qsort(d->speakers, d->n_speakers, sizeof *d->speakers, vp_sp_compare_speakers);
}

/* The text says this person did not speak ("moest afzeggen"). */
bool vp_sp_vetoed(const mentions *persons, const char *name)
{
    vp_person_name pn;
    if (!vp_person_name_parse(name, &pn))
        return false;
    bool vetoed = false;
    for (size_t i = 0; i < persons->n && !vetoed; i++) {
        const mention *m = &persons->v[i];
        vetoed = m->vetoed && m->name && vp_person_name_may_be(&m->person, &pn);
    }
    vp_person_name_clear(&pn);
    return vetoed;
}
