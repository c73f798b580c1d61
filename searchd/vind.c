/*
 * vind.c: the command line over the same query layer as searchd.
 *
 *   vind [--db PATH | --server URL] [--json] [--municipality M]... [--speaker S]...
 *        [--theme T]... [--from D] [--to D] [--sort S] [--page N] [--per-page N]
 *        [--facet-limit N] [--data DIR] [QUERY...]
 *   vind [--db PATH | --server URL] [--json] show ID
 *   vind [--db PATH | --server URL] [--json] [--limit N] related ID
 *   vind [--db PATH | --server URL] [--json] [--page N] [--per-page N]
 *        municipality NAME | speaker NAME
 *   vind [--db PATH | --server URL] feed [filters] [QUERY...]
 *
 * With --db the query runs here (vp_search); with --server it is sent to a
 * searchd and the JSON comes back.  Either way the same JSON is printed
 * (--json) or rendered for a person.  Exit 0 with results, 1 with none, 2 on
 * an error (bad argument, unavailable index, server error).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "budget.h"
#include "cli.h"
#include "httpget.h"
#include "mem.h"
#include "params.h"
#include "query.h"
#include "vind_print.h"
#include "vind_explore.h"
#include "vind_research.h"
#include "xapian_c.h"

enum { EXIT_RESULTS = 0, EXIT_NONE = 1, EXIT_ERROR = 2 };

typedef struct options {
    const char *db, *server, *data;
    bool json;
    vp_request req;
    char *query;           /* QUERY... joined, or NULL */
    const char *show_id;   /* vind show ID */
    vind_research research;   /* --export or trends (vind_research.h) */
    bool trends, trends_options;
    vind_explore explore;     /* related, municipality, speaker, feed (vind_explore.h) */
    bool exploring;
    const char *limit;        /* --limit: trends' or related's */
    bool per_page_given;
    vp_budget_limits limits;  /* with --db (budget.h); a server has its own */
} options;

static void usage(FILE *f)
{
    fputs("usage: vind [--db PATH | --server URL] [--json] [--municipality M]... [--speaker S]...\n"
          "            [--theme T]... [--from D] [--to D] [--sort relevance|date|date_asc]\n"
          "            [--page N] [--per-page N] [--facet-limit N] [--data DIR] [QUERY...]\n"
          "       vind [--db PATH | --server URL] [--json] show ID\n"
          "       vind [--db PATH | --server URL] [--json] [--limit N] related ID\n"
          "       vind [--db PATH | --server URL] [--json] [--page N] [--per-page N]\n"
          "            municipality NAME | speaker NAME\n"
          "       vind [--db PATH | --server URL] feed [filters] [QUERY...]\n"
          "       vind [--db PATH | --server URL] --export csv|jsonl [filters] [QUERY...]\n"
          "       vind [--db PATH | --server URL] [--json | --csv] trends\n"
          "            [--by theme|municipality|speaker] [--interval year|quarter] [--limit N]\n"
          "            [filters] [QUERY...]\n"
          "with --db, what one query may cost (a server has its own limits):\n"
          VP_BUDGET_OPTIONS_USAGE
          "  --help, --version\n"
          "exit status: 0 results, 1 none, 2 error\n", f);
}

static char *join_words(char **words, int n)
{
    size_t len = 1;
    for (int i = 0; i < n; i++)
        len += strlen(words[i]) + 1;
    char *s = vp_xcalloc(1, len);
    for (int i = 0; i < n; i++) {
        if (i)
            strcat(s, " ");
        strcat(s, words[i]);
    }
    return s;
}

static int limit_misplaced(void)
{
    fprintf(stderr, "vind: --limit goes with trends or related\n");
    return -1;
}

/* The subcommands of vind_explore.h that take one argument (an id or a
 * name), or -1. */
static int explore_word(const char *word)
{
    return strcmp(word, "related") == 0        ? VIND_RELATED
           : strcmp(word, "municipality") == 0 ? VIND_MUNICIPALITY
           : strcmp(word, "speaker") == 0      ? VIND_SPEAKER
                                               : -1;
}

/* What the explore subcommands leave no room for. */
static int explore_excludes(const options *o)
{
    const char *why = o->research.export_format >= 0 ? "--export goes with a search, not with %s"
                    : o->trends_options ? "--by and --interval go with trends, not with %s"
                    : o->explore.what == VIND_FEED && o->json ? "%s prints Atom XML: --json does not apply"
                    : NULL;
    static const char *const words[] = {"related", "municipality", "speaker", "feed"};
    if (why) {
        fputs("vind: ", stderr);
        fprintf(stderr, why, words[o->explore.what]);
        fputc('\n', stderr);
    }
    return why ? -1 : 0;
}

/* vind related ID, vind municipality NAME, vind speaker NAME: the word at
 * argv[optind] and its one argument. */
static int parse_explore(options *o, int argc, char **argv)
{
    o->exploring = true;
    o->explore.what = (vind_explore_what)explore_word(argv[optind]);
    if (argc - optind != 2) {
        fprintf(stderr, "vind: %s wants exactly one %s\n", argv[optind],
                o->explore.what == VIND_RELATED ? "report id" : "name");
        return -1;
    }
    if (explore_excludes(o) != 0)
        return -1;
    o->explore.name = argv[optind + 1];
    vp_qerror e = {0};
    if (o->explore.what == VIND_RELATED) {
        if (vp_related_limit(o->limit, &o->explore.limit, &e) != 0) {
            fprintf(stderr, "vind: --%s\n", e.message);
            return -1;
        }
        return 0;
    }
    if (o->limit)
        return limit_misplaced();
    vp_entity_request_init(&o->explore.page);
    o->explore.page.page = o->req.page;
    if (o->per_page_given)
        o->explore.page.per_page = o->req.per_page;
    return 0;
}

/* Maps an option to its request parameter and sets it (validated there). */
static int set_param(options *o, const char *key, const char *value)
{
    vp_qerror e = {0};
    if (vp_request_set(&o->req, key, value, &e) != 0) {
        fprintf(stderr, "vind: %s\n", e.message);
        return -1;
    }
    return 0;
}

static int set_trends_option(options *o, const char *key, const char *value)
{
    vp_qerror e = {0};
    o->trends_options = true;
    if (vp_trends_option_set(&o->research.trends, key, value, &e) != 0) {
        fprintf(stderr, "vind: %s\n", e.message);
        return -1;
    }
    return 0;
}

/* --by, --interval and --limit belong to trends; --export excludes trends. */
static int check_research(const options *o)
{
    const char *why = o->trends_options && !o->trends ? "--by, --interval and --limit go with trends"
                    : o->trends && o->research.export_format >= 0 ? "--export and trends exclude each other"
                    : o->research.export_format >= 0 && o->req.sort == VP_SORT_RELEVANCE
                        ? "--sort relevance: " VP_EXPORT_SORT_MESSAGE
                    : NULL;
    if (why)
        fprintf(stderr, "vind: %s\n", why);
    return why ? -1 : 0;
}

/* vind --export and vind trends (vind_research.c). */
static int run_research(options *o)
{
    o->research.db = o->db;
    o->research.server = o->server;
    o->research.data = o->data;
    o->research.req = &o->req;
    o->research.json = o->json;
    o->research.limits = &o->limits;
    return vind_research_run(&o->research);
}

static int parse_args(int argc, char **argv, options *o)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'}, {"server", required_argument, NULL, 'S'},
        {"export", required_argument, NULL, 'E'}, {"csv", no_argument, NULL, 'C'},
        {"by", required_argument, NULL, 'B'}, {"interval", required_argument, NULL, 'I'},
        {"limit", required_argument, NULL, 'L'},
        {"json", no_argument, NULL, 'j'}, {"data", required_argument, NULL, 'D'},
        {"municipality", required_argument, NULL, 'm'}, {"speaker", required_argument, NULL, 's'},
        {"theme", required_argument, NULL, 't'}, {"from", required_argument, NULL, 'f'},
        {"to", required_argument, NULL, 'T'}, {"sort", required_argument, NULL, 'o'},
        {"page", required_argument, NULL, 'p'}, {"per-page", required_argument, NULL, 'n'},
        {"facet-limit", required_argument, NULL, 'l'}, {"help", no_argument, NULL, 'h'},
        VP_BUDGET_LONGOPTS,
        {"version", no_argument, NULL, 'V'}, {NULL, 0, NULL, 0}};
    static const struct { int opt; const char *key; } keys[] = {
        {'m', "municipality"}, {'s', "speaker"}, {'t', "theme"}, {'f', "from"}, {'T', "to"},
        {'o', "sort"}, {'p', "page"}, {'n', "per_page"}, {'l', "facet_limit"}};
    int c, index = 0;
parse_options:   /* again after the word "trends", for its own options */
    while ((c = getopt_long(argc, argv, "+", longopts, &index)) != -1) {
        size_t k;
        for (k = 0; k < sizeof keys / sizeof *keys && keys[k].opt != c; k++)
            ;
        if (k < sizeof keys / sizeof *keys) {
            if (set_param(o, keys[k].key, optarg) != 0)
                return -1;
            o->per_page_given |= c == 'n';
            continue;
        }
        switch (c) {
        case 'd': o->db = optarg; break;
        case 'S': o->server = optarg; break;
        case 'D': o->data = optarg; break;
        case 'j': o->json = true; break;
        case 'C': o->research.csv = true; break;
        case 'E':
            if ((o->research.export_format = vp_export_format_from_name(optarg)) < 0 || !*optarg) {
                fprintf(stderr, "vind: --export wants csv or jsonl, not '%s'\n", optarg);
                return -1;
            }
            break;
        case 'B': case 'I':
            if (set_trends_option(o, c == 'B' ? "by" : "interval", optarg) != 0)
                return -1;
            break;
        case 'L': o->limit = optarg; break;   /* trends' or related's: see below */
        case 'b':   /* the limits of budget.h */
            if (vp_budget_option(&o->limits, "vind", longopts[index].name, optarg) != 0)
                return -1;
            break;
        case 'h': usage(stdout); exit(EXIT_RESULTS);
        case 'V':
            printf("vind (Vindplaats) %s, Xapian %s\n", VINDPLAATS_VERSION, xapc_version());
            exit(EXIT_RESULTS);
        default: usage(stderr); return -1;
        }
    }
    if (!o->trends && !o->exploring && optind < argc && strcmp(argv[optind], "trends") == 0) {
        o->trends = true;
        optind++;
        goto parse_options;
    }
    if (!o->trends && !o->exploring && optind < argc && strcmp(argv[optind], "feed") == 0) {
        o->exploring = true;
        o->explore.what = VIND_FEED;
        optind++;
        goto parse_options;
    }
    if (o->limit && o->trends && set_trends_option(o, "limit", o->limit) != 0)
        return -1;
    if (check_research(o) != 0 || (o->exploring && explore_excludes(o) != 0))
        return -1;
    if (!o->db == !o->server) {
        fprintf(stderr, "vind: give exactly one of --db PATH and --server URL\n");
        return -1;
    }
    if (optind < argc && strcmp(argv[optind], "show") == 0) {
        if (argc - optind != 2) {
            fprintf(stderr, "vind: show wants exactly one report id\n");
            return -1;
        }
        o->show_id = argv[optind + 1];
        return o->limit ? limit_misplaced() : 0;
    }
    if (!o->exploring && optind < argc && explore_word(argv[optind]) >= 0)
        return parse_explore(o, argc, argv);
    if (o->limit && !o->trends)
        return limit_misplaced();
    if (optind < argc) {
        o->query = join_words(argv + optind, argc - optind);
        if (set_param(o, "q", o->query) != 0)
            return -1;
    }
    vp_qerror e = {0};
    if (vp_request_validate(&o->req, &e) != 0) {
        fprintf(stderr, "vind: %s\n", e.message);
        return -1;
    }
    if (o->exploring)        /* vind feed */
        o->explore.req = &o->req;
    return 0;
}

/* Runs the request against the local index; the JSON or NULL with e set. */
static json_t *run_local(const options *o, vp_qerror *e)
{
    vp_data data;
    if (vp_data_load("vind", o->data, &data) != 0) {
        vp_qfail(e, VP_QERR_INTERNAL, "data/ cannot be loaded");
        return NULL;
    }
    vp_searcher_config cfg = {o->db, data.gazetteer, data.themes, 0};
    vp_searcher *s = vp_searcher_new(&cfg);
    vp_searcher_set_limits(s, &o->limits);
    json_t *out = o->show_id ? vp_document_get(s, o->show_id, e) : vp_search(s, &o->req, e);
    vp_searcher_free(s);
    vp_data_free(&data);
    return out;
}

static char *document_path(const char *id)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = strlen(id);
    char *p = vp_xmalloc(12 + 3 * n + 1), *w = p;
    w += sprintf(w, "/documents/");
    for (const unsigned char *s = (const unsigned char *)id; *s; s++) {
        if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
            strchr("-._~/", *s)) {
            *w++ = (char)*s;
        } else {
            *w++ = '%';
            *w++ = hex[*s >> 4];
            *w++ = hex[*s & 15];
        }
    }
    *w = '\0';
    return p;
}

/* Runs the request on a searchd; an error answer becomes e. */
static json_t *run_remote(const options *o, vp_qerror *e)
{
    char *qs = o->show_id ? NULL : vp_request_to_query_string(&o->req);
    char *path = o->show_id ? document_path(o->show_id) : NULL;
    char *target = NULL, why[512], *body = NULL;
    size_t len = 0;
    int status = 0;
    json_t *out = NULL;
    if (!o->show_id) {
        target = vp_xmalloc(strlen(qs) + 9);
        sprintf(target, "/search?%s", qs);
    }
    if (vp_http_get(o->server, target ? target : path, &status, &body, &len, why,
                    sizeof why) != 0) {
        vp_qfail(e, VP_QERR_UNAVAILABLE, "%s", why);
    } else if (!(out = json_loadb(body, len, 0, NULL))) {
        vp_qfail(e, VP_QERR_INTERNAL, "the server sent something that is not JSON (HTTP %d)", status);
    } else if (status != 200) {
        const json_t *err = json_object_get(out, "error");
        const char *msg = json_string_value(json_object_get(err, "message"));
        vp_qfail(e, status == 404 ? VP_QERR_NOT_FOUND : status == 400 ? VP_QERR_BAD_PARAMETER
                                                                      : VP_QERR_UNAVAILABLE,
                 "%s (HTTP %d)", msg ? msg : "error", status);
        json_decref(out);
        out = NULL;
    }
    free(body);
    free(target);
    free(path);
    free(qs);
    return out;
}

static int print_output(const options *o, json_t *out)
{
    bool tty = isatty(STDOUT_FILENO);
    if (o->json) {
        char *text = json_dumps(out, VP_JSON_FLAGS);
        if (text)
            puts(text);
        free(text);
    } else if (o->show_id) {
        vind_print_document(stdout, out, tty);
    } else {
        vind_print_result(stdout, out, tty);
    }
    if (o->show_id)
        return EXIT_RESULTS;
    return json_integer_value(json_object_get(out, "total")) > 0 ? EXIT_RESULTS : EXIT_NONE;
}

int main(int argc, char **argv)
{
    options o = {0};
    o.limits = vp_budget_defaults();
    vp_request_init(&o.req);
    int rc = EXIT_ERROR;
    o.research.export_format = -1;
    vp_trends_options_init(&o.research.trends);
    bool parsed = parse_args(argc, argv, &o) == 0;
    if (parsed && o.exploring) {
        o.explore.db = o.db;
        o.explore.server = o.server;
        o.explore.data = o.data;
        o.explore.json = o.json;
        rc = vind_explore_run(&o.explore);
    } else if (parsed && (o.trends || o.research.export_format >= 0)) {
        rc = run_research(&o);
    } else if (parsed) {
        vp_qerror e = {0};
        json_t *out = o.server ? run_remote(&o, &e) : run_local(&o, &e);
        if (out) {
            rc = print_output(&o, out);
        } else {
            fprintf(stderr, "vind: %s\n", e.message);
            rc = e.kind == VP_QERR_NOT_FOUND ? EXIT_NONE : EXIT_ERROR;
        }
        json_decref(out);
    }
    free(o.query);
    vp_request_clear(&o.req);
    return rc;
}
