/* coord.h - the coordinator: validates a scenario, prepares the setup, drives the workers. */
#ifndef RUNNER_COORD_H
#define RUNNER_COORD_H

#include "ast.h"
#include "call.h"

/* Exit codes. */
enum { EXIT_OK = 0, EXIT_MISMATCH = 1, EXIT_INPUT = 2, EXIT_RUNNER = 3, EXIT_SETUP = 4 };

/* With -x: compare every result with the scenario's expectation (a reproducer's check). */
extern int expect_mode;

/* Checks every event; sets *nproc to the number of logical processes the scenario can make. */
int validate(struct scenario *sc, int *nproc);

/* Runs a validated scenario and prints its trace on stdout; returns an exit code. */
int coord_run(struct scenario *sc, int nproc, int timeout_ms);

/* Namespaces and scratch for the run (in the coordinator, before p1 exists); 0 or an exit code. */
int setup_prepare(const struct scenario *sc);

/* p1's start: descriptors, signals, identity; 0 or -1 after a message on stderr. */
int setup_p1(const struct scenario *sc, int nproc);

/* Network helpers (ioctl and rtnetlink). */
int link_up(const char *ifname);
int link_is_up(const char *ifname);
int link_wait_running(const char *ifname, int timeout_ms); /* the kernel sets IFF_RUNNING later */
int addr_set(const char *ifname, const char *addr, const char *mask);
int veth_create(const char *name, const char *peer, int peer_netns_fd);

#endif
