/* worker.h - a worker process: one per logical process, driven over two pipes above fd 900. */
#ifndef RUNNER_WORKER_H
#define RUNNER_WORKER_H

#include <sys/types.h>

#include "call.h"
#include "render.h"

#define MAXPROC 62   /* pipes of every process fit in 900..1023 */
#define FD_BASE 900
#define MAXWATCH 64

/* What a worker knows: its name, the pids of all processes, its children and tracees. */
struct wctx {
	int self;                   /* logical index: p1 is 1 */
	int nproc;                  /* how many logical processes the scenario can make */
	pid_t pids[MAXPROC + 1];    /* real pids as last sent by the coordinator; 0 = not yet made */
	unsigned long long closed;  /* bit k: pipes of process k already closed here */
	pid_t watch[MAXWATCH];      /* children and tracees whose ptrace stops this worker handles */
	int nwatch;
	int child_index;            /* the logical name a process made by this event takes */
	pid_t detach_pid;           /* a tracee the coordinator stopped for PTRACE_DETACH */
};

/* The worker ends of process k's pipes: commands in, replies out. */
static inline int cmd_fd(int k) { return FD_BASE + 2 * (k - 1); }
static inline int reply_fd(int k) { return FD_BASE + 2 * (k - 1) + 1; }

/* Serves events until the process exits; never returns. */
void worker_loop(struct wctx *w) __attribute__((noreturn));

/* Entry point after execve: argv holds '--worker <self> <nproc> <closed> <watch,...>'. */
int worker_exec_main(int argc, char **argv) __attribute__((noreturn));

/* Turns the child of a fork-like call into the worker for w->child_index and says hello. */
void worker_adopt(struct wctx *w, int shared_fds);

/* Adds a child or tracee to the set whose stops this worker handles. */
void worker_watch(struct wctx *w, pid_t p);

/* Sends the reply for call c on fd. */
void worker_reply(int fd, struct call *c);

/* This process's pid as /proc (the coordinator's pid namespace) numbers it. */
pid_t proc_self_pid(void);

/* Resumes watched tracees that stopped (signals re-injected, exec traps and stops dropped). */
void trace_service(struct wctx *w);

/* Waits until tracee p reports a stop for signal sig and leaves it stopped; -1 if it is gone. */
int trace_wait_stop(struct wctx *w, pid_t p, int sig, int timeout_ms);

/* Milliseconds on the monotonic clock, for timeouts. */
long now_ms(void);

/* Length-prefixed messages on a pipe. */
int msg_write(int fd, const char *s, size_t n);
int msg_read(int fd, struct sbuf *b);



/* Prints pid p as its logical name pN when it is a worker, else as a number. */
void sb_pid(struct sbuf *b, const struct wctx *w, pid_t p);
#endif
