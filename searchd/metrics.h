/*
 * metrics.h: searchd's counters for /metrics (Prometheus text format):
 * requests by route and status, and a latency histogram by route.  Thread
 * safe; one global set per process.
 */
#ifndef VP_METRICS_H
#define VP_METRICS_H

#include <stddef.h>

typedef enum {
    VP_ROUTE_INDEX, VP_ROUTE_STATIC, VP_ROUTE_SEARCH, VP_ROUTE_FACETS,
    VP_ROUTE_DOCUMENTS, VP_ROUTE_HEALTHZ, VP_ROUTE_METRICS, VP_ROUTE_EXPORT,
    VP_ROUTE_TRENDS, VP_ROUTE_RELATED, VP_ROUTE_MUNICIPALITIES, VP_ROUTE_SPEAKERS,
    VP_ROUTE_FEED, VP_ROUTE_OTHER,
    VP_N_ROUTES
} vp_route;

/* The route's label in the metrics ("search", "documents" ...): static. */
const char *vp_route_name(vp_route r);

/* Counts one answered request and its duration (thread-safe). */
void vp_metrics_record(vp_route route, int status, double seconds);
/* A connection was accepted (keep-alive makes these far fewer than requests). */
void vp_metrics_connection_opened(void);
/* n connections were closed mid-request by the header deadline (conns.h). */
void vp_metrics_header_timeouts(unsigned n);

/* The exposition text, with the documents and revision gauges (negative
 * documents: database unavailable, gauges left out).  Caller frees (never
 * NULL). */
char *vp_metrics_render(long long documents, unsigned long long revision);

#endif /* VP_METRICS_H */
