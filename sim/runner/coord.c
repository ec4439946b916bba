/* coord.c - the coordinator: one worker per logical process, events strictly in file order. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "coord.h"
#include "worker.h"

/* The coordinator's view of one logical process. */
struct proc {
	pid_t pid;
	int cmd, reply; /* coordinator ends of the pipes */
	int made;
};

/* A worker's answer to one event. */
struct reply {
	long long ret;
	int err, child;
	char *arg[MAXARGS];
	char *note, *fatal;
};

static struct proc procs[MAXPROC + 1];
static int nprocs, timeout_ms;
static const struct scenario *scen;

static void kill_all(void)
{
	for (int k = 1; k <= nprocs; k++)
		if (procs[k].made)
			kill(procs[k].pid, SIGKILL);
	if (procs[1].made)
		waitpid(procs[1].pid, NULL, __WALL);
}

static int coord_fail(const struct event *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int coord_fail(const struct event *e, const char *fmt, ...)
{
	va_list ap;
	fflush(stdout);
	if (e)
		fprintf(stderr, "%s:%d: runner error: ", scen->path, e->line);
	else
		fprintf(stderr, "%s: runner error: ", scen->path);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	kill_all();
	return EXIT_RUNNER;
}

/* A field of /proc/<pid>/status as a number in base (0 if absent). */
static unsigned long long status_field(pid_t p, const char *key, int base)
{
	char path[64], line[256];
	unsigned long long v = 0;
	snprintf(path, sizeof path, "/proc/%d/status", (int)p);
	FILE *f = fopen(path, "r");
	size_t kl = strlen(key);
	while (f && fgets(line, sizeof line, f))
		if (!strncmp(line, key, kl) && line[kl] == ':')
			v = strtoull(line + kl + 1, NULL, base);
	if (f)
		fclose(f);
	return v;
}

/* The scheduler state letter of p, or 0 when p is gone. */
static char state_of(pid_t p)
{
	char path[64], buf[512];
	snprintf(path, sizeof path, "/proc/%d/stat", (int)p);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	buf[n > 0 ? n : 0] = 0;
	char *r = strrchr(buf, ')');
	return r && r[1] == ' ' ? r[2] : 0;
}

static int dead(pid_t p)
{
	char s = state_of(p);
	return !s || s == 'Z' || s == 'X';
}

/* Signals whose default action ends the process (SIGKILL included), as a /proc mask. */
static int fatal_pending(pid_t p)
{
	unsigned long long keep = 1ULL << (SIGCHLD - 1) | 1ULL << (SIGCONT - 1) | 1ULL << (SIGSTOP - 1) |
				  1ULL << (SIGTSTP - 1) | 1ULL << (SIGTTIN - 1) | 1ULL << (SIGTTOU - 1) |
				  1ULL << (SIGURG - 1) | 1ULL << (SIGWINCH - 1);
	unsigned long long pend = status_field(p, "SigPnd", 16) | status_field(p, "ShdPnd", 16);
	unsigned long long ign = status_field(p, "SigIgn", 16) & ~(1ULL << (SIGKILL - 1));
	return (pend & ~ign & ~keep) != 0;
}

/* Waits for fd to be readable: 1, or 0 if pid died first (pid 0: never), -1 on timeout. */
static int await(int fd, pid_t pid, long deadline)
{
	struct pollfd pf = {fd, POLLIN, 0};
	for (;;) {
		if (poll(&pf, 1, 10) > 0)
			return 1;
		if (pid && dead(pid))
			return poll(&pf, 1, 0) > 0 ? 1 : 0;
		if (now_ms() > deadline)
			return -1;
	}
}

static void parse_reply(char *m, struct reply *r)
{
	memset(r, 0, sizeof *r);
	for (char *l = m, *nl; l && *l; l = nl) {
		nl = strchr(l, '\n');
		if (nl)
			*nl++ = 0;
		if (l[0] == 'R')
			sscanf(l + 1, "%lld %d %d", &r->ret, &r->err, &r->child);
		else if (l[0] == 'A' && atoi(l + 1) >= 0 && atoi(l + 1) < MAXARGS && strchr(l, ' '))
			r->arg[atoi(l + 1)] = strchr(l, ' ') + 1;
		else if (l[0] == 'N')
			r->note = l + 2;
		else if (l[0] == 'X')
			r->fatal = l + 2;
	}
}

int expect_mode;
static int mismatches;

/* With -x, a result other than the scenario's expectation ('?' expects nothing) is reported on stderr and counted. */
static void check_expectation(const struct event *e, const char *result)
{
	const struct result *x = &e->expect;
	if (!expect_mode || x->kind == R_UNKNOWN)
		return;
	int same;
	if (x->kind == R_ERROR)
		same = !strncmp(result, "-1 ", 3) && !strncmp(result + 3, x->text, strlen(x->text)) &&
		       (result[3 + strlen(x->text)] == ' ' || !result[3 + strlen(x->text)]);
	else if (x->kind == R_VALUE)
		same = strncmp(result, "-1 ", 3) && strtoll(result, NULL, 0) == x->value;
	else
		same = !strcmp(result, x->text);
	if (!same) {
		fprintf(stderr, "%s:%d: p%d %s: expected %s%s, the kernel answered %s\n", scen->path, e->line, e->proc, e->call,
			x->kind == R_ERROR ? "-1 " : "", x->text, result);
		mismatches++;
	}
}

static void print_event(const struct event *e, const struct reply *r, const char *result)
{
	struct sbuf b = {0};
	sb_printf(&b, "p%d %s(", e->proc, e->call);
	for (int i = 0; i < e->nargs; i++) {
		if (i)
			sb_puts(&b, ", ");
		if (r && i < MAXARGS && r->arg[i])
			sb_puts(&b, r->arg[i]);
		else
			sb_node(&b, e->args[i]);
	}
	sb_printf(&b, ") = %s\n", result);
	fputs(b.s, stdout);
	check_expectation(e, result);
}

/* The pid a logical argument names, with the current table (0 if it names nobody). */
static pid_t eval_pid(const struct event *e, int i, long long *v)
{
	struct wctx w = {0};
	struct call c = {0};
	w.nproc = nprocs;
	for (int k = 1; k <= nprocs; k++)
		w.pids[k] = procs[k].pid;
	c.w = &w;
	c.args = e->args;
	c.nargs = e->nargs;
	*v = a_int(&c, i);
	return c.bad || c.fatal[0] ? 0 : (pid_t)*v;
}

/* Linux detaches only a stopped tracee: the coordinator (unconfined, root) stops it when the caller traces it. */
static pid_t detach_prep(const struct event *e)
{
	long long req, target;
	if (e->spec->kind != K_PTRACE || e->nargs < 2 || !eval_pid(e, 0, &req) || req != PTRACE_DETACH)
		return 0;
	pid_t t = eval_pid(e, 1, &target);
	if (t <= 0 || (pid_t)status_field(t, "TracerPid", 10) != procs[e->proc].pid || dead(t))
		return 0;
	return t;
}

/* The tracer asks ('S') once it is ready to see the stop; only then is the SIGSTOP sent. */
static int detach_stop(const struct event *e, pid_t t, long deadline)
{
	struct sbuf m = {0};
	struct proc *p = &procs[e->proc];
	if (await(p->reply, p->pid, deadline) <= 0 || msg_read(p->reply, &m) || m.len < 1 || m.s[0] != 'S')
		return coord_fail(e, "p%d did not get ready for PTRACE_DETACH", e->proc);
	syscall(SYS_tgkill, t, t, SIGSTOP);
	return 0;
}

/* After an event: a process with a fatal signal pending must be dead before the next one. */
static int settle(const struct event *e)
{
	for (int k = 1; k <= nprocs; k++) {
		pid_t p = procs[k].pid;
		if (!procs[k].made || dead(p) || state_of(p) == 'T' || !fatal_pending(p))
			continue;
		long deadline = now_ms() + timeout_ms;
		while (!dead(p)) {
			if (now_ms() > deadline)
				return coord_fail(e, "p%d has a fatal signal pending but did not die", k);
			usleep(500);
		}
	}
	return 0;
}

static int await_hello(int k, long deadline)
{
	struct sbuf m = {0};
	if (await(procs[k].reply, 0, deadline) <= 0 || msg_read(procs[k].reply, &m) || m.len < 2 || m.s[0] != 'H')
		return -1;
	sb_putc(&m, 0);
	procs[k].pid = (pid_t)atoi(m.s + 2);
	procs[k].made = 1;
	return 0;
}

static int run_event(const struct event *e, int *next)
{
	struct proc *p = &procs[e->proc];
	if (!p->made)
		return coord_fail(e, "p%d does not exist (the call that should have made it failed)", e->proc);
	if (dead(p->pid))
		return coord_fail(e, "p%d has exited", e->proc);
	int child = e->spec->kind == K_FORK ? *next : 0;
	pid_t detach = detach_prep(e);
	struct sbuf m = {0};
	sb_printf(&m, "E %d %d %d", child, (int)detach, nprocs);
	for (int k = 1; k <= nprocs; k++)
		sb_printf(&m, " %d", (int)procs[k].pid);
	sb_printf(&m, "\n%s", e->calltext);
	if (msg_write(p->cmd, m.s, m.len))
		return coord_fail(e, "p%d is not listening", e->proc);
	long deadline = now_ms() + timeout_ms;
	if (detach && detach_stop(e, detach, deadline))
		return EXIT_RUNNER;
	int got = e->spec->kind == K_EXIT ? 0 : await(p->reply, p->pid, deadline);
	if (got < 0)
		return coord_fail(e, "the call did not return within %d ms", timeout_ms);
	struct reply r;
	if (got == 0 || msg_read(p->reply, &m)) {
		/* no answer: the process ended inside the call (exit_group, a fatal signal) */
		while (!dead(p->pid)) {
			if (now_ms() > deadline)
				return coord_fail(e, "p%d neither answered nor exited within %d ms", e->proc, timeout_ms);
			usleep(500);
		}
		print_event(e, NULL, "?");
		return settle(e);
	}
	sb_putc(&m, 0);
	parse_reply(m.s, &r);
	if (r.fatal)
		return coord_fail(e, "%s", r.fatal);
	struct sbuf res = {0};
	if (r.err)
		sb_printf(&res, "-1 %s (%s)", strerrorname_np(r.err) ? strerrorname_np(r.err) : "E???",
			  strerrordesc_np(r.err) ? strerrordesc_np(r.err) : "Unknown error");
	else if (e->spec->kind == K_FORK) {
		if (await_hello(child, deadline))
			return coord_fail(e, "the new process p%d did not start", child);
		sb_printf(&res, "p%d", child);
		++*next;
	} else if (r.note)
		sb_puts(&res, r.note);
	else
		sb_printf(&res, "%lld", r.ret);
	print_event(e, &r, res.s);
	return settle(e);
}

/* The pipes of every logical process; the worker ends sit at fixed numbers from FD_BASE. */
static int make_pipes(void)
{
	for (int k = 1; k <= nprocs; k++) {
		int c[2], r[2];
		if (pipe2(c, O_CLOEXEC) || pipe2(r, O_CLOEXEC))
			return -1;
		if (dup2(c[0], cmd_fd(k)) < 0 || dup2(r[1], reply_fd(k)) < 0)
			return -1;
		close(c[0]);
		close(r[1]);
		procs[k].cmd = c[1];
		procs[k].reply = r[0];
	}
	return 0;
}

static void close_worker_ends(void)
{
	for (int k = 1; k <= nprocs; k++) {
		close(cmd_fd(k));
		close(reply_fd(k));
	}
}

static void print_headers(void)
{
	struct utsname u;
	uname(&u);
	puts("# isolation-trace 1");
	for (int i = 0; i < scen->nheaders; i++)
		printf("# %s: %s\n", scen->headers[i].key, scen->headers[i].value);
	printf("# kernel: %s\n", u.release);
}

int coord_run(struct scenario *sc, int nproc, int timeout)
{
	scen = sc;
	nprocs = nproc;
	timeout_ms = timeout;
	signal(SIGPIPE, SIG_IGN);
	int rc = setup_prepare(sc);
	if (rc)
		return rc;
	if (make_pipes())
		return coord_fail(NULL, "cannot create pipes above fd %d: %s", FD_BASE, strerror(errno));
	print_headers();
	fflush(stdout);
	pid_t p1 = fork();
	if (p1 < 0)
		return coord_fail(NULL, "fork: %s", strerror(errno));
	if (p1 == 0) {
		struct wctx w = {0};
		w.self = 1;
		w.nproc = nproc;
		if (setup_p1(sc, nproc))
			_exit(EXIT_RUNNER);
		char m[32];
		int n = snprintf(m, sizeof m, "H %d\n", (int)proc_self_pid());
		msg_write(reply_fd(1), m, (size_t)n);
		worker_loop(&w);
	}
	close_worker_ends();
	procs[1].pid = p1;
	procs[1].made = 1;
	if (await_hello(1, now_ms() + timeout_ms))
		return coord_fail(NULL, "p1 could not start");
	int next = 2;
	for (int i = 0; i < sc->nevents; i++)
		if ((rc = run_event(&sc->events[i], &next)))
			return rc;
	fflush(stdout);
	kill_all();
	return mismatches ? EXIT_MISMATCH : EXIT_OK;
}
