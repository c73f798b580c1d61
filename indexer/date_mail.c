/* date_mail.c: see date_mail.h. */
#include "date_mail.h"

#include <string.h>

#include "extract_text.h"

/* The lines that make a block a mail's header: a report's first line may
 * have become its title, so the From line is not always in the block.  A
 * subject line alone does not: minutes open with "Onderwerp:" and a
 * "Datum:" that is the meeting's, so "Datum" is no sent line either, but
 * under a memo's or a letter's head, which says whom it is from and to
 * ("Aan: het college / Van: ... / Datum: ..."): that is the day it was
 * written. */
static const char *const OTHER_FIELDS[] = {"van", "from", "aan", "to", "cc", NULL};
static const char *const SENT_FIELDS[] = {"date", "verzonden", "verstuurd", "sent", NULL};
static const char *const MEMO_DATE_FIELDS[] = {"datum", NULL};
static const char *const MEMO_FROM_FIELDS[] = {"van", "from", NULL};
static const char *const MEMO_TO_FIELDS[] = {"aan", "to", NULL};

/* The start of the line holding pos. */
static size_t line_start(const char *t, size_t pos)
{
    while (pos > 0 && t[pos - 1] != '\n')
        pos--;
    return pos;
}

/* Does the line at t[ls..len) open with one of the fields and a colon,
 * after quote marks and emphasis ("> **Verzonden:** ...")? */
static bool line_is_field(const char *t, size_t len, size_t ls, const char *const *fields)
{
    size_t i = ls;
    while (i < len && (t[i] == '>' || t[i] == ' ' || t[i] == '*' || t[i] == '_'))
        i++;
    size_t ws = i;
    while (i < len && ((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' && t[i] <= 'Z')))
        i++;
    if (i == ws || !vp_ex_eq_any(t + ws, i - ws, fields))
        return false;
    while (i < len && (t[i] == '*' || t[i] == '_'))
        i++;
    return i < len && t[i] == ':';
}

/* Does some line of t[0..len) open with one of the fields? */
static bool has_field_line(const char *t, size_t len, const char *const *fields)
{
    for (size_t ls = 0; ls < len;) {
        if (line_is_field(t, len, ls, fields))
            return true;
        const char *nl = memchr(t + ls, '\n', len - ls);
        if (!nl)
            break;
        ls = (size_t)(nl - t) + 1;
    }
    return false;
}

bool vp_date_in_mail_header(const char *t, size_t len, const date_hit *h)
{
    size_t ls = line_start(t, h->start);
    if (line_is_field(t, len, ls, SENT_FIELDS))
        return has_field_line(t, len, OTHER_FIELDS);
    return line_is_field(t, len, ls, MEMO_DATE_FIELDS) &&
           has_field_line(t, len, MEMO_FROM_FIELDS) && has_field_line(t, len, MEMO_TO_FIELDS);
}
