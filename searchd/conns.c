/*
 * conns.c: the connection registry and the header deadline (see conns.h).
 */
#include "conns.h"

#include <arpa/inet.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>

#include "mem.h"
#include "metrics.h"
#include "sys.h"

/* How often the reaper looks: a deadline is kept to within this. */
#define SWEEP_MS 250

struct vp_conns {
    pthread_mutex_t lock;
    pthread_cond_t wake;       /* signalled at stop */
    pthread_t reaper;
    vp_conn *head;
    unsigned open;             /* connections in the list */
    double timeout;            /* seconds */
    bool stopping;
};

static double now_s(void)
{
    return vp_now_ms() / 1e3;
}

/* Shuts c's socket down (both ways): libmicrohttpd reads the end of the
 * stream and closes the connection.  Under the lock. */
static void cut(vp_conn *c)
{
    if (c->fd >= 0 && !c->cut)
        (void)shutdown(c->fd, SHUT_RDWR);
    c->cut = true;
}

/* Bytes the client sent that libmicrohttpd has not read yet.  Under load a
 * worker answers its connections one after another, and a request may wait
 * in the kernel's buffer for longer than the deadline: that wait is the
 * server's, not the client's, so such a connection is spared until the
 * worker has read what is there. */
static int unread(const vp_conn *c)
{
    int n = 0;
    return c->fd >= 0 && ioctl(c->fd, FIONREAD, &n) == 0 ? n : 0;
}

/* One look at every connection; returns how many were cut mid-request. */
static unsigned sweep(vp_conns *cs)
{
    unsigned mid_request = 0;
    double now = now_s();
    pthread_mutex_lock(&cs->lock);
    for (vp_conn *c = cs->head; c; c = c->next) {
        if (c->in_request || c->cut || now - c->waiting_since < cs->timeout || unread(c) > 0)
            continue;
        if (c->started)
            mid_request++;
        cut(c);
    }
    pthread_mutex_unlock(&cs->lock);
    return mid_request;
}

static void *reaper(void *arg)
{
    vp_conns *cs = arg;
    pthread_mutex_lock(&cs->lock);
    while (!cs->stopping) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += SWEEP_MS * 1000000L;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        int rc = pthread_cond_timedwait(&cs->wake, &cs->lock, &until);
        if (cs->stopping || (rc != 0 && rc != ETIMEDOUT))
            break;
        pthread_mutex_unlock(&cs->lock);
        unsigned n = sweep(cs);
        if (n) {
            vp_metrics_header_timeouts(n);
            fprintf(stderr, "searchd: closed %u connection%s whose request line and headers "
                    "took longer than %.0f s\n", n, n == 1 ? "" : "s", cs->timeout);
        }
        pthread_mutex_lock(&cs->lock);
    }
    pthread_mutex_unlock(&cs->lock);
    return NULL;
}

vp_conns *vp_conns_start(unsigned header_timeout_s)
{
    vp_conns *cs = vp_xcalloc(1, sizeof *cs);
    cs->timeout = header_timeout_s;
    pthread_mutex_init(&cs->lock, NULL);
    pthread_cond_init(&cs->wake, NULL);
    if (pthread_create(&cs->reaper, NULL, reaper, cs) != 0) {
        pthread_cond_destroy(&cs->wake);
        pthread_mutex_destroy(&cs->lock);
        free(cs);
        return NULL;
    }
    return cs;
}

void vp_conns_stop(vp_conns *cs)
{
    if (!cs)
        return;
    pthread_mutex_lock(&cs->lock);
    cs->stopping = true;
    pthread_cond_signal(&cs->wake);
    pthread_mutex_unlock(&cs->lock);
    pthread_join(cs->reaper, NULL);
    pthread_cond_destroy(&cs->wake);
    pthread_mutex_destroy(&cs->lock);
    free(cs);
}

vp_conn *vp_conns_add(vp_conns *cs, int fd, const struct sockaddr *peer)
{
    vp_conn *c = vp_xcalloc(1, sizeof *c);
    c->fd = fd;
    strcpy(c->peer, "-");
    if (peer && peer->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)peer)->sin_addr, c->peer,
                  sizeof c->peer);
    else if (peer && peer->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)peer)->sin6_addr, c->peer,
                  sizeof c->peer);
    pthread_mutex_lock(&cs->lock);
    c->waiting_since = now_s();
    c->next = cs->head;
    if (cs->head)
        cs->head->prev = c;
    cs->head = c;
    cs->open++;
    pthread_mutex_unlock(&cs->lock);
    return c;
}

void vp_conns_remove(vp_conns *cs, vp_conn *c)
{
    if (!c)
        return;
    pthread_mutex_lock(&cs->lock);
    if (c->prev)
        c->prev->next = c->next;
    else
        cs->head = c->next;
    if (c->next)
        c->next->prev = c->prev;
    cs->open--;
    pthread_mutex_unlock(&cs->lock);
    free(c);
}

void vp_conn_request_line(vp_conns *cs, vp_conn *c)
{
    if (!c)
        return;
    pthread_mutex_lock(&cs->lock);
    c->started = true;
    pthread_mutex_unlock(&cs->lock);
}

void vp_conn_request_started(vp_conns *cs, vp_conn *c)
{
    if (!c)
        return;
    pthread_mutex_lock(&cs->lock);
    c->in_request = true;
    pthread_mutex_unlock(&cs->lock);
}

void vp_conn_request_done(vp_conns *cs, vp_conn *c)
{
    if (!c)
        return;
    pthread_mutex_lock(&cs->lock);
    c->in_request = false;
    c->started = false;
    c->waiting_since = now_s();
    pthread_mutex_unlock(&cs->lock);
}

unsigned vp_conns_open(vp_conns *cs)
{
    pthread_mutex_lock(&cs->lock);
    unsigned n = cs->open;
    pthread_mutex_unlock(&cs->lock);
    return n;
}

void vp_conns_cut_idle(vp_conns *cs)
{
    pthread_mutex_lock(&cs->lock);
    for (vp_conn *c = cs->head; c; c = c->next)
        if (!c->in_request)
            cut(c);
    pthread_mutex_unlock(&cs->lock);
}
