/*
 * fuzz_common.h: what the libFuzzer targets share: the entry point they
 * define, a NUL-terminated copy of the input, and the real data files
 * (gazetteer and themes of VP_DATA_DIR), loaded once per process.
 *
 * The same target sources build two ways: with clang and -fsanitize=fuzzer
 * (VP_FUZZ=ON) as fuzzers, and with any compiler plus replay_main.c as
 * replayers that run saved inputs (tests/fuzz/regressions) under ctest.
 */
#ifndef VP_FUZZ_COMMON_H
#define VP_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "gazetteer.h"
#include "themes.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* data[0..size) as a malloc'd C string (stops at the first NUL, as a C
 * caller would see it).  Aborts when out of memory. */
char *fuzz_cstring(const uint8_t *data, size_t size);

/* The real data files, loaded on first use; abort when they are missing. */
const vp_gazetteer *fuzz_gazetteer(void);
const vp_themes *fuzz_themes(void);
/* The speaker word lists (fuzz_speaker_words.c, in the indexer targets). */
typedef struct vp_speaker_words vp_speaker_words;
const vp_speaker_words *fuzz_speaker_words(void);

#endif /* VP_FUZZ_COMMON_H */
