/*
 * speaker_words.c: loading data/speakers.tsv (see speaker_words.h).
 *
 * A line is "list <TAB> entry, entry, ..."; a list may take several lines.
 * Entries are kept lower-cased, in file order, as NULL-terminated arrays so
 * that the extractor walks them like the static arrays they replace.
 */
#include "speaker_words.h"

#include <stdlib.h>
#include <string.h>

#include "datafile.h"
#include "extract_text.h"
#include "mem.h"
#include "text.h"

static const char *const LIST_NAMES[VP_SW_COUNT] = {
    [VP_SW_ROLE] = "role",
    [VP_SW_ROLE_ADJECTIVE] = "role-adjective",
    [VP_SW_ROLE_SUFFIX] = "role-suffix",
    [VP_SW_HONORIFIC] = "honorific",
    [VP_SW_VERB_BEFORE] = "verb-before",
    [VP_SW_VERB_AFTER] = "verb-after",
    [VP_SW_AUDIENCE_CUE] = "audience-cue",
    [VP_SW_SPEAKER_CUE] = "speaker-cue",
    [VP_SW_NOT_SPEAKER_CUE] = "not-speaker-cue",
    [VP_SW_NOT_SPEAKER_LEAD] = "not-speaker-lead",
    [VP_SW_AUDIENCE_HEADING] = "audience-heading",
    [VP_SW_SPEAKER_HEADING] = "speaker-heading",
    [VP_SW_SPEAKER_COLUMN] = "speaker-column",
    [VP_SW_ORG_COLUMN] = "org-column",
    [VP_SW_ACTION_COLUMN] = "action-column",
    [VP_SW_NOT_NAME] = "not-name",
    [VP_SW_ORG_WORD] = "org-word",
    [VP_SW_SECOND_GIVEN] = "second-given-name",
    [VP_SW_CHAIR_ROLE] = "chair-role",
    [VP_SW_NEGATED_SPEAKING] = "negated-speaking",
    [VP_SW_NOT_SPEAKER_NEXT] = "not-speaker-next",
    [VP_SW_BYLINE_LEAD] = "byline-lead",
    [VP_SW_ROLE_PLURAL] = "role-plural",
    [VP_SW_SPEAKING_ROLE] = "speaking-role",
    [VP_SW_ELSEWHERE_CUE] = "elsewhere-cue",
    [VP_SW_SESSION_WORD] = "session-word",
    [VP_SW_HEADER_FIELD] = "header-field",
    [VP_SW_FIRST_PERSON] = "first-person",
};

struct vp_speaker_words {
    char **lists[VP_SW_COUNT];   /* each NULL-terminated */
    size_t len[VP_SW_COUNT], cap[VP_SW_COUNT];
};

static void add_entry(vp_speaker_words *w, int list, const char *s, size_t n)
{
    VP_GROW(w->lists[list], w->cap[list], w->len[list] + 2);
    char *copy = vp_xstrndup(s, n);
    for (char *c = copy; *c; c++)
        if (*c >= 'A' && *c <= 'Z')
            *c = (char)(*c - 'A' + 'a');
    w->lists[list][w->len[list]++] = copy;
    w->lists[list][w->len[list]] = NULL;
}

static int read_line(char *line, size_t lineno, const char *path, void *ctx,
                     char *errbuf, size_t errlen)
{
    vp_speaker_words *w = ctx;
    char *tab = strchr(line, '\t');
    if (!tab) {
        vp_errorf(errbuf, errlen, "%s:%zu: expected \"list<TAB>entries\"", path, lineno);
        return -1;
    }
    *tab = '\0';
    int list = -1;
    for (int i = 0; i < VP_SW_COUNT; i++)
        if (strcmp(line, LIST_NAMES[i]) == 0)
            list = i;
    if (list < 0) {
        vp_errorf(errbuf, errlen, "%s:%zu: unknown list \"%s\"", path, lineno, line);
        return -1;
    }
    for (char *s = tab + 1; *s;) {
        size_t n = strcspn(s, ",");
        char *e = s + n;
        while (s < e && (*s == ' ' || *s == '\t'))
            s++;
        char *end = e;
        while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
            end--;
        if (end == s) {
            vp_errorf(errbuf, errlen, "%s:%zu: empty entry in list %s", path, lineno,
                      LIST_NAMES[list]);
            return -1;
        }
        add_entry(w, list, s, (size_t)(end - s));
        s = *e ? e + 1 : e;
    }
    return 0;
}

vp_speaker_words *vp_speaker_words_load(const char *path, char *errbuf, size_t errlen)
{
    vp_speaker_words *w = vp_xcalloc(1, sizeof *w);
    if (vp_datafile_each_line(path, read_line, w, errbuf, errlen) != 0) {
        vp_speaker_words_free(w);
        return NULL;
    }
    return w;
}

void vp_speaker_words_free(vp_speaker_words *w)
{
    if (!w)
        return;
    for (int i = 0; i < VP_SW_COUNT; i++) {
        for (size_t j = 0; j < w->len[i]; j++)
            free(w->lists[i][j]);
        free(w->lists[i]);
    }
    free(w);
}

const char *const *vp_speaker_words_list(const vp_speaker_words *w, vp_speaker_list list)
{
    static const char *const none[] = {NULL};
    return w && w->lists[list] ? (const char *const *)w->lists[list] : none;
}

bool vp_speaker_words_has(const vp_speaker_words *w, vp_speaker_list list,
                          const char *s, size_t n)
{
    for (const char *const *e = vp_speaker_words_list(w, list); *e; e++)
        if (vp_ex_eq(s, n, *e))
            return true;
    return false;
}

/* A letter or digit byte (any byte of a multi-byte character counts). */
static bool word_byte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (unsigned char)c >= 0x80;
}

const char *vp_speaker_words_find(const char *lowered, const char *entry)
{
    char key[128];
    size_t n = strlen(entry);
    bool prefix = n > 0 && entry[n - 1] == '*';
    if (prefix)
        n--;
    if (n == 0 || n >= sizeof key)
        return NULL;
    memcpy(key, entry, n);
    key[n] = '\0';
    for (const char *hit = lowered; (hit = strstr(hit, key)) != NULL; hit++) {
        bool starts = hit == lowered || !word_byte(hit[-1]) || !word_byte(entry[0]);
        bool ends = prefix || !word_byte(hit[n]) || !word_byte(entry[n - 1]);
        if (starts && ends)
            return hit;
    }
    return NULL;
}

bool vp_speaker_words_in(const vp_speaker_words *w, vp_speaker_list list,
                         const char *lowered)
{
    for (const char *const *e = vp_speaker_words_list(w, list); *e; e++)
        if (vp_speaker_words_find(lowered, *e))
            return true;
    return false;
}
