/* calls_ptrace.c - ptrace, and keeping tracees running so that ptrace stops stay invisible. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "call.h"
#include "worker.h"

#define ATTACH_TIMEOUT_MS 2000

/*
 * Handles one pending report of watched process p. Returns -1 if p is gone or not ours, 1 if a
 * stop was handled (or, when it is the stop for signal want, left in place: then *held is set),
 * 0 if there was nothing to do. Exits are never consumed: zombies stay for the whole run.
 */
static int service_one(pid_t p, int want, int *held)
{
	siginfo_t si;
	memset(&si, 0, sizeof si);
	if (waitid(P_PID, (id_t)p, &si, WEXITED | WSTOPPED | WNOHANG | __WALL | WNOWAIT) < 0)
		return -1;
	if (!si.si_pid)
		return 0;
	if (si.si_code == CLD_EXITED || si.si_code == CLD_KILLED || si.si_code == CLD_DUMPED)
		return -1;
	if (si.si_code != CLD_TRAPPED)
		return 0; /* a group stop of a child nobody traces: not ours to resume */
	memset(&si, 0, sizeof si);
	if (waitid(P_PID, (id_t)p, &si, WSTOPPED | WNOHANG | __WALL) < 0 || !si.si_pid)
		return 0;
	/* waitid reports a ptrace stop's exit code: the signal, and the ptrace event above it */
	int sig = si.si_status & 0xff, event = si.si_status >> 8;
	if (want && sig == want && !event) {
		*held = 1;
		return 1;
	}
	siginfo_t ti;
	int inject = 0;
	if (!event && sig != SIGTRAP && sig != SIGSTOP && !ptrace(PTRACE_GETSIGINFO, p, NULL, &ti))
		inject = sig; /* a signal-delivery stop: deliver it; a group stop has no siginfo */
	ptrace(PTRACE_CONT, p, NULL, (void *)(long)inject);
	return 1;
}

void trace_service(struct wctx *w)
{
	for (int i = 0; i < w->nwatch; i++) {
		int held = 0, r, rounds = 0;
		if (w->watch[i] == w->detach_pid)
			continue; /* its SIGSTOP is for PTRACE_DETACH: leave it stopped */
		while ((r = service_one(w->watch[i], 0, &held)) == 1 && ++rounds < 64)
			;
		if (r < 0) {
			w->watch[i--] = w->watch[--w->nwatch];
		}
	}
}

int trace_wait_stop(struct wctx *w, pid_t p, int sig, int timeout_ms)
{
	long end = now_ms() + timeout_ms;
	while (now_ms() < end) {
		int held = 0;
		int r = service_one(p, sig, &held);
		if (held)
			return 0;
		if (r < 0)
			return -1;
		if (r == 0) {
			trace_service(w);
			usleep(500);
		}
	}
	return -1;
}

/* ptrace(request, pid, addr, data): ATTACH, SEIZE, DETACH and TRACEME keep the tracee running. */
static void h_ptrace(struct call *c)
{
	long long req = a_int(c, 0);
	long long pid = c->nargs > 1 ? a_int(c, 1) : 0, addr = c->nargs > 2 ? a_int(c, 2) : 0;
	long long data = c->nargs > 3 ? a_int(c, 3) : 0;
	if (!ready(c))
		return;
	struct wctx *w = c->w;
	/* if the tracee is gone or does not stop, the kernel answers the detach as it will */
	if (req == PTRACE_DETACH && w->detach_pid == pid) {
		msg_write(reply_fd(w->self), "S\n", 2); /* now the coordinator sends the SIGSTOP */
		trace_wait_stop(w, (pid_t)pid, SIGSTOP, ATTACH_TIMEOUT_MS);
	}
	done(c, syscall(SYS_ptrace, req, pid, addr, data));
	if (c->ret != 0)
		return;
	if (req == PTRACE_ATTACH) {
		worker_watch(w, (pid_t)pid);
		if (!trace_wait_stop(w, (pid_t)pid, SIGSTOP, ATTACH_TIMEOUT_MS))
			ptrace(PTRACE_CONT, (pid_t)pid, NULL, NULL);
	} else if (req == PTRACE_SEIZE) {
		worker_watch(w, (pid_t)pid);
	}
}

const struct callspec ptrace_calls[] = {
	{"ptrace", 1, 4, K_PTRACE, h_ptrace},
	{NULL, 0, 0, K_PLAIN, NULL},
};
