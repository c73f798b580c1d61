/*
 * extract_data.h: the real data files (VP_DATA_DIR) that the extractor
 * tests read (the gazetteer, the speaker words, the themes), loaded by a
 * cmocka group's setup and freed by its teardown.
 */
#ifndef VP_TEST_EXTRACT_DATA_H
#define VP_TEST_EXTRACT_DATA_H

#include "extract.h"

/* Set by vp_test_data_load; every member non-NULL after it returned 0. */
extern vp_extract_ctx vp_test_data;

/* Group setup and teardown: 0, or -1 with the reason on stderr. */
int vp_test_data_load(void **state);
int vp_test_data_free(void **state);

#endif /* VP_TEST_EXTRACT_DATA_H */
