/*
 * fixture_main.c: the fixture builder as a program, for the end-to-end
 * tests (searchd, vind, reindex while serving):
 *   vp_fixture DB --small | --generated N [--seed S] [--append]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: vp_fixture DB --small | --generated N [--seed S] [--append]\n");
        return 2;
    }
    bool small = false, append = false;
    size_t n = 0;
    unsigned seed = 1;
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--small") == 0) small = true;
        else if (strcmp(argv[i], "--append") == 0) append = true;
        else if (strcmp(argv[i], "--generated") == 0 && i + 1 < argc) n = strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc) seed = (unsigned)strtoul(argv[++i], NULL, 10);
        else {
            fprintf(stderr, "vp_fixture: unknown argument %s\n", argv[i]);
            return 2;
        }
    }
    vp_gazetteer *g = vp_fixture_gazetteer();
    vp_document *docs;
    size_t count = small ? vp_fixture_small(&docs) : n;
    if (!small)
        docs = vp_fixture_generate(n, seed);
    char why[600];
    int rc = vp_fixture_write(argv[1], docs, count, g, append, why, sizeof why);
    if (rc != 0)
        fprintf(stderr, "vp_fixture: %s\n", why);
    vp_fixture_free_docs(docs, count);
    vp_gazetteer_free(g);
    return rc ? 1 : 0;
}
