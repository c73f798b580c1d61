/*
 * fuzz_speaker_words.c: the speaker word lists for the indexer's fuzz
 * targets (see fuzz_common.h); apart from fuzz_common.c so that the
 * searchd targets do not link the indexer.
 */
#include "fuzz_common.h"

#include <stdio.h>
#include <stdlib.h>

#include "speaker_words.h"

static vp_speaker_words *speaker_words;

/* A global, reachable until exit, so LeakSanitizer does not count it. */
const vp_speaker_words *fuzz_speaker_words(void)
{
    char err[256];
    if (!speaker_words &&
        !(speaker_words = vp_speaker_words_load(VP_DATA_DIR "/speakers.tsv", err, sizeof err))) {
        fprintf(stderr, "fuzz: %s\n", err);
        abort();
    }
    return speaker_words;
}
