/* worker.c - the worker loop: receive an event, perform the call, reply with the result. */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "worker.h"

pid_t proc_self_pid(void)
{
	char buf[32];
	ssize_t n = readlink("/proc/self", buf, sizeof buf - 1);
	if (n <= 0)
		return getpid();
	buf[n] = 0;
	return (pid_t)atoi(buf);
}

void worker_watch(struct wctx *w, pid_t p)
{
	for (int i = 0; i < w->nwatch; i++)
		if (w->watch[i] == p)
			return;
	if (w->nwatch < MAXWATCH)
		w->watch[w->nwatch++] = p;
}

static void say_hello(int k)
{
	char m[32];
	int n = snprintf(m, sizeof m, "H %d\n", (int)proc_self_pid());
	msg_write(reply_fd(k), m, (size_t)n);
}

void worker_adopt(struct wctx *w, int shared_fds)
{
	if (!shared_fds) {
		close(cmd_fd(w->self));
		close(reply_fd(w->self));
	}
	w->closed |= 1ULL << w->self;
	w->self = w->child_index;
	w->nwatch = 0;
	say_hello(w->self);
}

/* Closes the pipes of processes that exist now and are not this one. */
static void close_made(struct wctx *w)
{
	for (int k = 1; k <= w->nproc; k++) {
		if (k == w->self || !w->pids[k] || (w->closed >> k & 1))
			continue;
		close(cmd_fd(k));
		close(reply_fd(k));
		w->closed |= 1ULL << k;
	}
}

void worker_reply(int fd, struct call *c)
{
	struct sbuf m = {0};
	sb_printf(&m, "R %lld %d %d\n", c->ret, c->err, c->child_pid);
	for (int i = 0; i < MAXARGS; i++)
		if (c->out[i].s)
			sb_printf(&m, "A%d %s\n", i, c->out[i].s);
	if (c->note.s)
		sb_printf(&m, "N %s\n", c->note.s);
	if (c->fatal[0])
		sb_printf(&m, "X %s\n", c->fatal);
	msg_write(fd, m.s, m.len);
}

/* Header 'E <child> <detach> <nproc> <pid>...' then the call text. */
static void handle(struct wctx *w, char *msg)
{
	char *text = strchr(msg, '\n');
	if (!text || msg[0] != 'E')
		_exit(3);
	*text++ = 0;
	char *p = msg + 1;
	w->child_index = (int)strtol(p, &p, 10);
	w->detach_pid = (pid_t)strtol(p, &p, 10);
	int n = (int)strtol(p, &p, 10);
	for (int k = 1; k <= n && k <= MAXPROC; k++)
		w->pids[k] = (pid_t)strtol(p, &p, 10);
	close_made(w);

	struct call c = {0};
	c.file = "worker";
	c.w = w;
	char *name;
	if (parse_call("worker", 0, text, &name, &c.args, &c.nargs) || !(c.spec = call_lookup(name))) {
		runner_fail(&c, "worker could not read the event");
	} else {
		trace_service(w);
		c.spec->run(&c);
		w->detach_pid = 0;
		if (c.in_child || c.noreply)
			return;
		trace_service(w);
	}
	worker_reply(reply_fd(w->self), &c);
}

void worker_loop(struct wctx *w)
{
	struct sbuf m = {0};
	for (;;) {
		struct pollfd pf = {cmd_fd(w->self), POLLIN, 0};
		trace_service(w);
		int r = poll(&pf, 1, w->nwatch ? 10 : -1);
		if (r < 0 && errno != EINTR)
			_exit(3);
		if (r <= 0)
			continue;
		if (msg_read(cmd_fd(w->self), &m))
			_exit(0); /* the coordinator is gone */
		sb_putc(&m, 0);
		handle(w, m.s);
	}
}

int worker_exec_main(int argc, char **argv)
{
	struct wctx w = {0};
	if (argc < 6)
		_exit(3);
	w.self = atoi(argv[2]);
	w.nproc = atoi(argv[3]);
	w.closed = strtoull(argv[4], NULL, 16);
	for (char *p = argv[5]; *p;) {
		pid_t t = (pid_t)strtol(p, &p, 10);
		if (t > 0)
			worker_watch(&w, t);
		if (*p)
			p++;
	}
	if (w.self < 1 || w.self > MAXPROC || w.nproc > MAXPROC)
		_exit(3);
	struct call c = {0}; /* the execve that started this image succeeded */
	worker_reply(reply_fd(w.self), &c);
	worker_loop(&w);
}

void sb_pid(struct sbuf *b, const struct wctx *w, pid_t p)
{
	for (int k = 1; w && p > 0 && k <= w->nproc; k++)
		if (w->pids[k] == p) {
			sb_printf(b, "p%d", k);
			return;
		}
	sb_printf(b, "%d", (int)p);
}
