/*
 * extract.c: the extraction pipeline, as a table of stages.
 *
 * A report is parsed once (markdown.c, frontmatter.c) into a vp_parsed: its
 * front matter and its blocks (headings, paragraphs, list items, table
 * rows).  The stages below then run in order over it, each in a file of its
 * own, and each fills its part of the vp_document.  A stage may read what an
 * earlier stage filled, and only that: the `reads` column names it (a unit
 * test checks that each is filled by a stage above it).  No stage recomputes
 * another's field: themes reads d->title, it does not look for a title
 * itself.  A stage that fails (out of memory) stops the pipeline, and the
 * caller does not store the report.
 *
 *   title     extract_title.c    front matter title, first heading before
 *                                the body, or the first line
 *   date      extract_date.c     the event date (date_parse.c reads one
 *                                date, date_cues.c the words around it,
 *                                date_relative.c "gisteren"): front
 *                                matter, title, then
 *                                the text (Dutch and English prose, numeric,
 *                                ISO 8601), skipping dates of next meetings,
 *                                publications and laws; the year of a date
 *                                without one from the title, the publication
 *                                line, the file name (d->path)
 *   speakers  extract_speakers.c persons who present, open, lead or close,
 *                                with organisation and role
 *   places    extract_places.c   municipalities and the host (extract_host.c),
 *                                through the gazetteer of municipalities and
 *                                places; the date says which municipality a
 *                                place was in, the speakers which names are
 *                                persons when they come back bare ("Goes")
 *   themes    extract_themes.c   themes of the taxonomy; the title weighs more
 *
 * Then, once per run rather than per report, the cross-report resolution
 * (speakers_corpus.c, run by the indexer's main.c after every report of the
 * run is stored): a speaker named by initials or surname only in one report
 * takes the full name another report gives.  It needs every report's
 * speakers, so it cannot be a row of this table.
 *
 * The helpers the stages share (characters, words, sentences) are in
 * extract_text.c; they know nothing of stages, so no stage file depends on
 * this one and this one on no helper.
 */
#include "extract_stages.h"

static const vp_extract_stage STAGES[] = {
    {"title", 0, VP_FIELD_TITLE, vp_extract_title_stage},
    {"date", VP_FIELD_TITLE | VP_FIELD_PATH, VP_FIELD_DATE, vp_extract_date},
    {"speakers", 0, VP_FIELD_SPEAKERS, vp_extract_speakers},
    {"places", VP_FIELD_TITLE | VP_FIELD_DATE | VP_FIELD_SPEAKERS, VP_FIELD_PLACES,
     vp_extract_places},
    {"themes", VP_FIELD_TITLE, VP_FIELD_THEMES, vp_extract_themes},
};

enum { N_STAGES = sizeof STAGES / sizeof STAGES[0] };

const vp_extract_stage *vp_extract_stages(size_t *n)
{
    *n = N_STAGES;
    return STAGES;
}

vp_extract_status vp_extract_all(const vp_extract_ctx *ctx, const vp_parsed *p,
                                 vp_document *d, vp_extract_issue *issue)
{
    for (size_t i = 0; i < N_STAGES; i++) {
        vp_extract_status st = STAGES[i].run(ctx, p, d, issue);
        if (st != VP_EXTRACT_OK)
            return st;
    }
    return VP_EXTRACT_OK;
}
