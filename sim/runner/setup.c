/* setup.c - the environment of a run: scratch /tmp, fresh IPC namespace, host or netns, p1's identity. */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "coord.h"
#include "worker.h"

#define LINK_WAIT_MS 5000

static int cannot(const struct scenario *sc, const char *what)
{
	fprintf(stderr, "runner: cannot provide setup %s: %s: %s\n", sc->setup, what, strerror(errno));
	return EXIT_SETUP;
}

static int open_netns(void)
{
	return open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
}

/* A fresh parent namespace (the machine's is never touched) and p1's, joined by veth1/veth0. */
static int netns(const struct scenario *sc)
{
	if (unshare(CLONE_NEWNET))
		return cannot(sc, "unshare(CLONE_NEWNET)");
	int parent = open_netns();
	if (parent < 0 || link_up("lo"))
		return cannot(sc, "parent namespace loopback");
	if (unshare(CLONE_NEWNET))
		return cannot(sc, "unshare(CLONE_NEWNET)");
	int child = open_netns();
	if (child < 0 || link_up("lo"))
		return cannot(sc, "p1 namespace loopback");
	if (setns(parent, CLONE_NEWNET))
		return cannot(sc, "setns(parent)");
	if (veth_create("veth1", "veth0", child))
		return cannot(sc, "creating veth0/veth1");
	if (addr_set("veth1", "10.0.0.2", "255.255.255.0") || link_up("veth1"))
		return cannot(sc, "configuring veth1");
	if (setns(child, CLONE_NEWNET))
		return cannot(sc, "setns(p1)");
	if (addr_set("veth0", "10.0.0.1", "255.255.255.0") || link_up("veth0"))
		return cannot(sc, "configuring veth0");
	if (link_wait_running("lo", LINK_WAIT_MS) || link_wait_running("veth0", LINK_WAIT_MS))
		return cannot(sc, "waiting for veth0 to run");
	if (setns(parent, CLONE_NEWNET) || link_wait_running("lo", LINK_WAIT_MS) ||
	    link_wait_running("veth1", LINK_WAIT_MS) || setns(child, CLONE_NEWNET))
		return cannot(sc, "waiting for veth1 to run");
	/* the open descriptor keeps the parent namespace, and so the veth pair, alive for the run */
	close(child);
	return 0;
}

/*
 * The limits a process started by init has (include/asm-generic/resource.h INIT_RLIMITS, 6.12),
 * so that the run does not depend on the shell that started the runner. RLIMIT_NPROC and
 * RLIMIT_SIGPENDING are sized at boot and stay as they are.
 */
static int limits(void)
{
	static const struct { int res; rlim_t cur, max; } l[] = {
		{RLIMIT_CPU, RLIM_INFINITY, RLIM_INFINITY}, {RLIMIT_FSIZE, RLIM_INFINITY, RLIM_INFINITY},
		{RLIMIT_DATA, RLIM_INFINITY, RLIM_INFINITY}, {RLIMIT_STACK, 8 << 20, RLIM_INFINITY},
		{RLIMIT_CORE, 0, RLIM_INFINITY}, {RLIMIT_RSS, RLIM_INFINITY, RLIM_INFINITY},
		{RLIMIT_NOFILE, 1024, 4096}, {RLIMIT_MEMLOCK, 8 << 20, 8 << 20},
		{RLIMIT_AS, RLIM_INFINITY, RLIM_INFINITY}, {RLIMIT_LOCKS, RLIM_INFINITY, RLIM_INFINITY},
		{RLIMIT_MSGQUEUE, 819200, 819200}, {RLIMIT_NICE, 0, 0}, {RLIMIT_RTPRIO, 0, 0},
		{RLIMIT_RTTIME, RLIM_INFINITY, RLIM_INFINITY},
	};
	for (size_t i = 0; i < sizeof l / sizeof l[0]; i++) {
		struct rlimit r = {l[i].cur, l[i].max};
		if (setrlimit(l[i].res, &r))
			return -1;
	}
	return setpriority(PRIO_PROCESS, 0, 0);
}

int setup_prepare(const struct scenario *sc)
{
	int host = !strcmp(sc->setup, "host");
	if (!host && strcmp(sc->setup, "netns")) {
		fprintf(stderr, "runner: cannot provide setup %s\n", sc->setup);
		return EXIT_SETUP;
	}
	/* every run: a private mount namespace with an empty /tmp, and a fresh IPC namespace */
	if (unshare(CLONE_NEWNS | CLONE_NEWIPC))
		return cannot(sc, "unshare(CLONE_NEWNS|CLONE_NEWIPC)");
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL))
		return cannot(sc, "making / private");
	if (mkdir("/tmp", 01777) && errno != EEXIST)
		return cannot(sc, "mkdir /tmp");
	if (mount("tmpfs", "/tmp", "tmpfs", 0, "mode=1777"))
		return cannot(sc, "mounting a tmpfs on /tmp");
	if (limits())
		return cannot(sc, "setting the initial resource limits");
	if (!host)
		return netns(sc);
	if (!link_is_up("lo") && (link_up("lo") || link_wait_running("lo", LINK_WAIT_MS)))
		return cannot(sc, "bringing lo up");
	return 0;
}

/* stdin, stdout, stderr on /dev/null (the trace is the coordinator's stdout); without /dev/null,
 * stdin reads end-of-file from an empty pipe and stdout joins the coordinator's stderr. */
static void stdio_null(void)
{
	int fd = open("/dev/null", O_RDWR), p[2];
	if (fd < 0) {
		if (pipe(p))
			return;
		dup2(p[0], 0);
		dup2(2, 1);
		close(p[0]);
		close(p[1]);
		return;
	}
	for (int i = 0; i < 3; i++)
		if (fd != i)
			dup2(fd, i);
	if (fd > 2)
		close(fd);
}

static void signals(void)
{
	sigset_t none;
	for (int s = 1; s < NSIG; s++)
		if (s != SIGKILL && s != SIGSTOP)
			signal(s, SIG_DFL);
	signal(SIGUSR1, SIG_IGN);
	signal(SIGUSR2, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
}

int setup_p1(const struct scenario *sc, int nproc)
{
	syscall(SYS_close_range, 3, FD_BASE - 1, 0);
	syscall(SYS_close_range, FD_BASE + 2 * nproc, ~0U, 0);
	signals();
	umask(022);
	if (chdir("/"))
		return -1;
	setpgid(0, 0); /* kill(0, ...) reaches the scenario's processes, never the coordinator */
	if (sc->user >= 0) {
		uid_t u = (uid_t)sc->user;
		if (syscall(SYS_setgroups, 0, NULL) || syscall(SYS_setresgid, u, u, u) ||
		    syscall(SYS_setresuid, u, u, u) || prctl(PR_SET_DUMPABLE, 1, 0, 0, 0)) {
			fprintf(stderr, "runner: cannot become user %ld: %s\n", sc->user, strerror(errno));
			return -1;
		}
	}
	stdio_null();
	return 0;
}
