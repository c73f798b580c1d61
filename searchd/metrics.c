/*
 * metrics.c: request counters and latency histograms (see metrics.h).  A
 * mutex is enough: one increment per request is nothing next to a search.
 */
#include "metrics.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

static const char *const route_names[VP_N_ROUTES] = {
    "index", "static", "search", "facets", "documents", "healthz", "metrics", "export",
    "trends", "related", "municipalities", "speakers", "feed", "other"};

static const double buckets[] = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                 0.1, 0.25, 0.5, 1.0, 2.5, 10.0};
#define N_BUCKETS (sizeof buckets / sizeof *buckets)
#define N_STATUSES 16   /* distinct statuses we can answer: far fewer than this */

static struct {
    pthread_mutex_t lock;
    struct { int status; unsigned long long count; } by_status[VP_N_ROUTES][N_STATUSES];
    unsigned long long bucket_counts[VP_N_ROUTES][N_BUCKETS];
    unsigned long long count[VP_N_ROUTES];
    double sum[VP_N_ROUTES];
    unsigned long long connections, header_timeouts;
} m = {.lock = PTHREAD_MUTEX_INITIALIZER};

const char *vp_route_name(vp_route r)
{
    return (unsigned)r < VP_N_ROUTES ? route_names[r] : "other";
}

void vp_metrics_record(vp_route route, int status, double seconds)
{
    if ((unsigned)route >= VP_N_ROUTES)
        route = VP_ROUTE_OTHER;
    pthread_mutex_lock(&m.lock);
    for (size_t i = 0; i < N_STATUSES; i++) {
        if (m.by_status[route][i].status == 0)
            m.by_status[route][i].status = status;
        if (m.by_status[route][i].status == status) {
            m.by_status[route][i].count++;
            break;
        }
    }
    for (size_t b = 0; b < N_BUCKETS; b++)
        if (seconds <= buckets[b])
            m.bucket_counts[route][b]++;
    m.count[route]++;
    m.sum[route] += seconds;
    pthread_mutex_unlock(&m.lock);
}

void vp_metrics_connection_opened(void)
{
    pthread_mutex_lock(&m.lock);
    m.connections++;
    pthread_mutex_unlock(&m.lock);
}

void vp_metrics_header_timeouts(unsigned n)
{
    pthread_mutex_lock(&m.lock);
    m.header_timeouts += n;
    pthread_mutex_unlock(&m.lock);
}

static void render_requests(vp_buf *o)
{
    vp_buf_printf(o, "# HELP vindplaats_requests_total HTTP requests answered, by route and status.\n"
           "# TYPE vindplaats_requests_total counter\n");
    for (int r = 0; r < VP_N_ROUTES; r++)
        for (size_t i = 0; i < N_STATUSES && m.by_status[r][i].status; i++)
            vp_buf_printf(o, "vindplaats_requests_total{route=\"%s\",status=\"%d\"} %llu\n",
                route_names[r], m.by_status[r][i].status, m.by_status[r][i].count);
}

static void render_latency(vp_buf *o)
{
    vp_buf_printf(o, "# HELP vindplaats_request_duration_seconds Time to answer a request, by route.\n"
           "# TYPE vindplaats_request_duration_seconds histogram\n");
    for (int r = 0; r < VP_N_ROUTES; r++) {
        if (!m.count[r])
            continue;
        for (size_t b = 0; b < N_BUCKETS; b++)
            vp_buf_printf(o, "vindplaats_request_duration_seconds_bucket{route=\"%s\",le=\"%g\"} %llu\n",
                route_names[r], buckets[b], m.bucket_counts[r][b]);
        vp_buf_printf(o, "vindplaats_request_duration_seconds_bucket{route=\"%s\",le=\"+Inf\"} %llu\n"
               "vindplaats_request_duration_seconds_sum{route=\"%s\"} %.6f\n"
               "vindplaats_request_duration_seconds_count{route=\"%s\"} %llu\n",
            route_names[r], m.count[r], route_names[r], m.sum[r], route_names[r], m.count[r]);
    }
}

char *vp_metrics_render(long long documents, unsigned long long revision)
{
    vp_buf o = VP_BUF_INIT;
    pthread_mutex_lock(&m.lock);
    render_requests(&o);
    render_latency(&o);
    vp_buf_printf(&o, "# HELP vindplaats_connections_total TCP connections accepted.\n"
            "# TYPE vindplaats_connections_total counter\nvindplaats_connections_total %llu\n"
            "# HELP vindplaats_header_timeouts_total Connections closed because their request "
            "line and headers took longer than the deadline.\n"
            "# TYPE vindplaats_header_timeouts_total counter\n"
            "vindplaats_header_timeouts_total %llu\n", m.connections, m.header_timeouts);
    pthread_mutex_unlock(&m.lock);
    vp_buf_printf(&o, "# HELP vindplaats_database_up Whether the index can be opened.\n"
            "# TYPE vindplaats_database_up gauge\nvindplaats_database_up %d\n",
        documents >= 0);
    if (documents >= 0)
        vp_buf_printf(&o, "# HELP vindplaats_documents Reports in the index.\n"
                "# TYPE vindplaats_documents gauge\nvindplaats_documents %lld\n"
                "# HELP vindplaats_database_revision Revision of the index being served.\n"
                "# TYPE vindplaats_database_revision gauge\nvindplaats_database_revision %llu\n",
            documents, revision);
    return vp_buf_detach(&o);
}
