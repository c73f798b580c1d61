/* extract_data.c: see extract_data.h. */
#include "extract_data.h"

#include <stdio.h>

#include "gazetteer.h"
#include "speaker_words.h"
#include "themes.h"

vp_extract_ctx vp_test_data;

static vp_gazetteer *gaz;
static vp_themes *themes;
static vp_speaker_words *words;

int vp_test_data_load(void **state)
{
    (void)state;
    char err[256];
    gaz = vp_gazetteer_load(VP_DATA_DIR "/gemeenten.tsv", err, sizeof err);
    words = gaz ? vp_speaker_words_load(VP_DATA_DIR "/speakers.tsv", err, sizeof err) : NULL;
    themes = words ? vp_themes_load(VP_DATA_DIR "/themes.tsv", err, sizeof err) : NULL;
    if (!themes) {
        fprintf(stderr, "%s\n", err);
        return -1;
    }
    vp_test_data = (vp_extract_ctx){gaz, themes, words};
    return 0;
}

int vp_test_data_free(void **state)
{
    (void)state;
    vp_gazetteer_free(gaz);
    vp_themes_free(themes);
    vp_speaker_words_free(words);
    vp_test_data = (vp_extract_ctx){0};
    return 0;
}
