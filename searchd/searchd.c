/*
 * searchd.c: main() of the search server: arguments, data/, signals.
 *
 *   searchd --db PATH [--listen 127.0.0.1:8080] [--threads N] [--data DIR]
 *           [--log-format clf|json] [--log-queries] [--trusted-proxy ADDR]
 *           [--max-connections N] [--max-per-address N] [--header-timeout S]
 *           [--deadline MS] [--export-deadline MS] [--max-query-terms N]
 *           [--max-wildcard-terms N]
 *
 * Port 0 picks a free port; the first line on stderr says which
 * ("searchd: listening on http://127.0.0.1:PORT/"), which the tests use.
 * SIGTERM and SIGINT stop it gracefully (exit 0).  Exit 2 on bad usage or
 * when it cannot start.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "budget.h"
#include "cli.h"
#include "datadir.h"
#include "http.h"
#include "xapian_c.h"

static void usage(FILE *f)
{
    fprintf(f, "usage: searchd --db PATH [--listen HOST:PORT] [--threads N] [--data DIR]\n"
               "               [--log-format clf|json] [--log-queries] [--trusted-proxy ADDR]\n"
               "               [--max-connections N] [--max-per-address N] [--header-timeout S]\n"
               "               [--deadline MS] [--export-deadline MS] [--max-query-terms N]\n"
               "               [--max-wildcard-terms N]\n"
               "  --db PATH        the index (a directory or a stub database file)\n"
               "  --listen H:P     IPv4 address and port (default 127.0.0.1:8080; port 0: any)\n"
               "  --threads N      worker threads (default: one per core)\n"
               "  --data DIR       gazetteer and themes (default %s)\n"
               "  --log-format F   access log on stderr: clf (common log format, default)\n"
               "                   or json (one object per line)\n"
               "  --log-queries    log the full request target with its query string\n"
               "  --trusted-proxy ADDR  a reverse proxy's address: for its requests the\n"
               "                   log names the client its X-Forwarded-For names last\n"
               "  --max-connections N   open connections in all (default %d)\n"
               "  --max-per-address N   open connections from one address (default %d)\n"
               "  --header-timeout S    seconds a connection has to send a request line\n"
               "                   and headers, from the accept or the previous answer\n"
               "                   (default %d)\n"
               VP_BUDGET_OPTIONS_USAGE
               "  --help, --version\n", vp_default_data_dir(), VP_HTTP_CONNECTION_LIMIT,
            VP_HTTP_PER_IP_LIMIT, VP_HTTP_HEADER_TIMEOUT_S);
}

typedef struct options {
    const char *db, *data, *trusted_proxy;
    char host[64];
    unsigned port, threads;
    vp_log_format log_format;
    bool log_queries;
    unsigned max_connections, max_per_address, header_timeout;
    vp_budget_limits limits;
} options;

/* A whole number from min to max for option name; -1 with a message if not. */
static int parse_count(const char *name, const char *arg, unsigned long min, unsigned long max,
                       unsigned *out)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(arg, &end, 10);
    if (errno || *end || !*arg || arg[0] == '-' || v < min || v > max) {
        fprintf(stderr, "searchd: %s wants a number from %lu to %lu, not '%s'\n", name, min,
                max, arg);
        return -1;
    }
    *out = (unsigned)v;
    return 0;
}

static int parse_listen(const char *s, options *o)
{
    const char *colon = strrchr(s, ':');
    char *end;
    if (!colon || colon == s || (size_t)(colon - s) >= sizeof o->host)
        return -1;
    long port = strtol(colon + 1, &end, 10);
    if (*end || colon[1] == '\0' || port < 0 || port > 65535)
        return -1;
    memcpy(o->host, s, (size_t)(colon - s));
    o->host[colon - s] = '\0';
    if (strcmp(o->host, "localhost") == 0)
        strcpy(o->host, "127.0.0.1");
    o->port = (unsigned)port;
    return 0;
}

static int parse_args(int argc, char **argv, options *o)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'}, {"listen", required_argument, NULL, 'l'},
        {"threads", required_argument, NULL, 't'}, {"data", required_argument, NULL, 'D'},
        {"log-format", required_argument, NULL, 'F'}, {"log-queries", no_argument, NULL, 'Q'},
        {"trusted-proxy", required_argument, NULL, 'P'},
        {"max-connections", required_argument, NULL, 'M'},
        {"max-per-address", required_argument, NULL, 'A'},
        {"header-timeout", required_argument, NULL, 'H'},
        VP_BUDGET_LONGOPTS,
        {"help", no_argument, NULL, 'h'}, {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0}};
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    *o = (options){.host = "127.0.0.1", .port = 8080, .threads = cores > 0 ? (unsigned)cores : 1,
                   .limits = vp_budget_defaults()};
    int c, index = 0;
    char *end;
    unsigned char addr[sizeof(struct in6_addr)];
    while ((c = getopt_long(argc, argv, "", longopts, &index)) != -1) {
        switch (c) {
        case 'd': o->db = optarg; break;
        case 'D': o->data = optarg; break;
        case 'l':
            if (parse_listen(optarg, o) != 0) {
                fprintf(stderr, "searchd: --listen wants HOST:PORT, not '%s'\n", optarg);
                return -1;
            }
            break;
        case 't':
            o->threads = (unsigned)strtoul(optarg, &end, 10);
            if (*end || !*optarg || o->threads < 1 || o->threads > 256) {
                fprintf(stderr, "searchd: --threads wants a number from 1 to 256\n");
                return -1;
            }
            break;
        case 'F':
            if (strcmp(optarg, "clf") != 0 && strcmp(optarg, "json") != 0) {
                fprintf(stderr, "searchd: --log-format wants clf or json, not '%s'\n", optarg);
                return -1;
            }
            o->log_format = optarg[0] == 'j' ? VP_LOG_JSON : VP_LOG_CLF;
            break;
        case 'Q': o->log_queries = true; break;
        case 'P':
            if (inet_pton(AF_INET, optarg, addr) != 1 && inet_pton(AF_INET6, optarg, addr) != 1) {
                fprintf(stderr, "searchd: --trusted-proxy wants an IP address, not '%s'\n",
                        optarg);
                return -1;
            }
            o->trusted_proxy = optarg;
            break;
        case 'M':
            if (parse_count("--max-connections", optarg, 1, 60000, &o->max_connections) != 0)
                return -1;
            break;
        case 'A':
            if (parse_count("--max-per-address", optarg, 1, 60000, &o->max_per_address) != 0)
                return -1;
            break;
        case 'H':
            if (parse_count("--header-timeout", optarg, 1, 3600, &o->header_timeout) != 0)
                return -1;
            break;
        case 'b':   /* the limits of budget.h */
            if (vp_budget_option(&o->limits, "searchd", longopts[index].name, optarg) != 0)
                return -1;
            break;
        case 'h': usage(stdout); exit(0);
        case 'V':
            printf("searchd (Vindplaats) %s, Xapian %s\n", VINDPLAATS_VERSION, xapc_version());
            exit(0);
        default: usage(stderr); return -1;
        }
    }
    if (!o->db || optind != argc) {
        usage(stderr);
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    options o;
    vp_data data;
    if (parse_args(argc, argv, &o) != 0 || vp_data_load("searchd", o.data, &data) != 0)
        return 2;
    /* Block the stop signals in every thread; the main thread waits for them. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);

    vp_server_config cfg = {.db_path = o.db, .host = o.host, .port = (uint16_t)o.port,
                            .threads = o.threads, .gazetteer = data.gazetteer,
                            .themes = data.themes, .log_format = o.log_format,
                            .log_queries = o.log_queries, .max_connections = o.max_connections,
                            .max_per_address = o.max_per_address,
                            .header_timeout_s = o.header_timeout,
                            .trusted_proxy = o.trusted_proxy, .limits = &o.limits};
    char why[512];
    vp_server *srv = vp_server_start(&cfg, why, sizeof why);
    if (!srv) {
        fprintf(stderr, "searchd: %s\n", why);
        vp_data_free(&data);
        return 2;
    }
    fprintf(stderr, "searchd: listening on http://%s:%u/ (%u threads, index %s)\n",
            o.host, (unsigned)vp_server_port(srv), o.threads, o.db);
    int sig = 0;
    sigwait(&stop, &sig);
    fprintf(stderr, "searchd: %s received, stopping\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
    vp_server_stop(srv, 3000);
    vp_data_free(&data);
    fprintf(stderr, "searchd: stopped\n");
    return 0;
}
