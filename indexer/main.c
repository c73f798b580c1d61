/*
 * main.c: the `indexer` program: its options, then one build (build.h).
 *
 *   indexer --db PATH [--shards N] [--rebuild] [--jobs N] [--memory MiB]
 *           [--max-size MiB] [--data DIR] [--batch N] [--quiet] PATH...
 *
 * Exit codes: 0 everything indexed, 1 some file had a problem (reported,
 * and skipped or indexed without the bad field), 2 usage or fatal error.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "build.h"
#include "datadir.h"
#include "layout.h"
#include "xapian_c.h"

enum { EXIT_PROBLEMS = 1, EXIT_FATAL = 2 };

static void usage(FILE *out)
{
    fprintf(out,
        "usage: indexer --db PATH [--shards N] [--rebuild] [--jobs N] [--memory MiB]\n"
        "               [--max-size MiB] [--data DIR] [--batch N] [--quiet] PATH...\n"
        "\n"
        "Indexes the Markdown reports (*.md) under each PATH into the Xapian\n"
        "database at --db.  Unchanged reports are left alone, changed ones are\n"
        "replaced, and reports whose file is gone are removed.\n"
        "\n"
        "  --db PATH     the database folder (created when missing)\n"
        "  --shards N    make PATH a folder of N shards and a stub file (see indexer(1))\n"
        "  --rebuild     start from an empty database\n"
        "  --jobs N      index on N threads, each writing its own database: the\n"
        "                shards, or for a full build of one database N parts\n"
        "                merged at the end (default 1; see indexer(1))\n"
        "  --memory MiB  commit before buffered changes outgrow this much memory,\n"
        "                shared by the jobs (64 to 1048576, default 512)\n"
        "  --max-size MiB\n"
        "                skip larger reports unread (1 to 1024, default 4)\n"
        "  --data DIR    gazetteer, themes, synonyms, speaker words (default %s)\n"
        "  --batch N     commit every N changed reports (default 250)\n"
        "  --quiet       no progress and no summary (problems are still reported)\n"
        "  --errors-json each problem as one JSON object per line on stderr:\n"
        "                path, line, message, action (skipped or indexed)\n"
        "  --help, --version\n"
        "\n"
        "Exit status: 0 all indexed, 1 some files had problems (one line each on\n"
        "stderr), 2 usage or fatal error.\n", vp_default_data_dir());
}

/* optarg as a whole number from min to max, or false (reported). */
static bool number_option(const char *name, long min, long max, unsigned *out)
{
    char *end;
    errno = 0;
    long n = strtol(optarg, &end, 10);
    if (errno || end == optarg || *end || n < min || n > max) {
        fprintf(stderr, "indexer: %s wants a number from %ld to %ld\n", name, min, max);
        return false;
    }
    *out = (unsigned)n;
    return true;
}

static int parse_options(int argc, char **argv, vp_build_options *o)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'},   {"data", required_argument, NULL, 'D'},
        {"rebuild", no_argument, NULL, 'r'},    {"quiet", no_argument, NULL, 'q'},
        {"batch", required_argument, NULL, 'b'}, {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},    {"errors-json", no_argument, NULL, 'J'},
        {"shards", required_argument, NULL, 's'}, {"jobs", required_argument, NULL, 'j'},
        {"memory", required_argument, NULL, 'm'},
        {"max-size", required_argument, NULL, 'M'}, {NULL, 0, NULL, 0}};
    *o = (vp_build_options){.data_dir = vp_default_data_dir(), .batch = VP_BUILD_BATCH_DEFAULT, .jobs = 1,
                            .memory = VP_BUILD_MEMORY_DEFAULT_MIB,
                            .max_size = VP_BUILD_MAX_SIZE_DEFAULT_MIB};
    int c;
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        bool ok = true;
        switch (c) {
        case 'd': o->db = optarg; break;
        case 'D': o->data_dir = optarg; break;
        case 'r': o->rebuild = true; break;
        case 'q': o->quiet = true; break;
        case 'J': o->errors_json = true; break;
        case 'b': ok = number_option("--batch", 1, 1000000, &o->batch); break;
        case 's': ok = number_option("--shards", 1, VP_SHARDS_MAX, &o->shards); break;
        case 'j': ok = number_option("--jobs", 1, VP_BUILD_JOBS_MAX, &o->jobs); break;
        case 'm': ok = number_option("--memory", VP_BUILD_MEMORY_MIN_MIB,
                                     VP_BUILD_MEMORY_MAX_MIB, &o->memory); break;
        case 'M': ok = number_option("--max-size", 1, VP_BUILD_MAX_SIZE_MAX_MIB, &o->max_size);
                  break;
        case 'h': usage(stdout); exit(0);
        case 'V': printf("indexer (Vindplaats) %s, Xapian %s\n", VINDPLAATS_VERSION, xapc_version()); exit(0);
        default: usage(stderr); return EXIT_FATAL;
        }
        if (!ok)
            return EXIT_FATAL;
    }
    if (!o->db || optind >= argc) {
        fprintf(stderr, "indexer: %s\n", !o->db ? "--db PATH is required" : "no PATH to index");
        usage(stderr);
        return EXIT_FATAL;
    }
    o->paths = argv + optind;
    o->n_paths = argc - optind;
    return 0;
}

int main(int argc, char **argv)
{
    vp_build_options opt;
    int rc = parse_options(argc, argv, &opt);
    if (rc != 0)
        return rc;
    vp_build_counts n;
    if (vp_build(&opt, &n) != 0)
        return EXIT_FATAL;
    if (!opt.quiet)
        printf("indexed %zu, unchanged %zu, removed %zu, skipped %zu, with problems %zu"
               " (%zu files) in %.2f s\n", n.indexed, n.unchanged, n.removed, n.skipped,
               n.warned, n.files, n.seconds);
    return n.skipped + n.warned > 0 ? EXIT_PROBLEMS : 0;
}
