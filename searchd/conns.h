/*
 * conns.h: searchd's open connections: who is at the other end, and a
 * deadline for the request line and headers.
 *
 * libmicrohttpd 0.9.75 has an idle timeout only: a client that sends one
 * header byte every few seconds keeps its connection (and its slot under
 * the connection limits) for ever.  So every connection is registered here,
 * and a reaper thread shuts down the socket of one that has not completed
 * its request line and headers within the deadline, counted from the
 * accept or from the end of its previous answer (so an idle kept-alive
 * connection is closed after the deadline too), unless what it sent is
 * still waiting to be read (a busy worker's delay is not the client's).
 * libmicrohttpd then sees
 * the end of the stream and closes it as it would any other.  A socket is
 * shut down only under the registry's lock and libmicrohttpd reports a
 * connection closed (vp_conns_remove) before it closes the descriptor, so
 * the reaper never touches a descriptor that was reused.  Connections cut
 * in the middle of a request (slow or stalled headers, not merely idle) are
 * counted in /metrics and said on stderr, one line per sweep.
 */
#ifndef VP_CONNS_H
#define VP_CONNS_H

#include <netinet/in.h>
#include <stdbool.h>
#include <sys/socket.h>

typedef struct vp_conns vp_conns;

/* One connection, owned by the registry from vp_conns_add to vp_conns_remove. */
typedef struct vp_conn {
    struct vp_conn *prev, *next;
    void *request;             /* the caller's per-request state, or NULL */
    int fd;
    char peer[INET6_ADDRSTRLEN];   /* the client's address as text, "-" unknown */
    /* Below: guarded by the registry's lock. */
    double waiting_since;      /* accept, or the end of the previous answer */
    bool in_request;           /* headers complete: being answered */
    bool started;              /* a request line has come in */
    bool cut;                  /* shut down by the deadline or at stop */
} vp_conn;

/* Starts the reaper with a deadline of header_timeout_s seconds (> 0).
 * NULL when its thread cannot be started. */
vp_conns *vp_conns_start(unsigned header_timeout_s);
/* Stops the reaper; every connection must have been removed. */
void vp_conns_stop(vp_conns *cs);

/* Registers a new connection (fd: its socket, -1 if unknown; peer: its
 * address, may be NULL).  Never NULL. */
vp_conn *vp_conns_add(vp_conns *cs, int fd, const struct sockaddr *peer);
/* Unregisters and frees c (before its socket is closed). */
void vp_conns_remove(vp_conns *cs, vp_conn *c);

/* A request line has come in on c. */
void vp_conn_request_line(vp_conns *cs, vp_conn *c);
/* c's request line and headers are complete: no deadline while it is answered. */
void vp_conn_request_started(vp_conns *cs, vp_conn *c);
/* c's answer is complete: the deadline runs again for the next request. */
void vp_conn_request_done(vp_conns *cs, vp_conn *c);

/* How many connections are open (registered). */
unsigned vp_conns_open(vp_conns *cs);

/* Shuts down every connection that is not being answered (at stop: idle
 * kept-alive connections need not wait for their deadline). */
void vp_conns_cut_idle(vp_conns *cs);

#endif /* VP_CONNS_H */
