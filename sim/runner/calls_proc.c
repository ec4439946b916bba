/* calls_proc.c - processes: fork, vfork, clone, execve, exit_group, unshare, kill, tkill, tgkill,
 * rt_sigaction. */
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "call.h"
#include "worker.h"

#define VFORK_STACK (256 * 1024)

/* What a vfork child needs: a copy of the parent's state, made before the parent sleeps. */
struct vfork_arg {
	struct wctx w;
};

/* The child of a CLONE_VM|CLONE_VFORK call runs on its own stack while the parent sleeps. */
static int vfork_child(void *p)
{
	struct wctx w = ((struct vfork_arg *)p)->w;
	struct call c = {0};
	pid_t me = proc_self_pid();
	c.ret = me;
	c.child_pid = me;
	worker_reply(reply_fd(w.self), &c); /* the parent's answer: it cannot send it while asleep */
	worker_adopt(&w, 0);
	worker_loop(&w);
}

static void spawn(struct call *c, unsigned long flags)
{
	struct wctx *w = c->w;
	if (flags & (CLONE_VM | CLONE_VFORK)) {
		/* a fresh stack each time: a vfork child may vfork again while running on its own */
		char *stack = mmap(NULL, VFORK_STACK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (stack == MAP_FAILED) {
			runner_fail(c, "cannot allocate a stack for vfork");
			return;
		}
		struct vfork_arg a = {*w};
		long r = clone(vfork_child, stack + VFORK_STACK, (int)flags, &a);
		done(c, r);
		if (r > 0) {
			c->noreply = 1; /* the child replied for us before exec or exit woke us */
			worker_watch(w, (pid_t)r);
		}
		return;
	}
	long r = syscall(SYS_clone, flags, NULL, NULL, NULL, 0);
	if (r == 0) {
		worker_adopt(w, (flags & CLONE_FILES) != 0);
		c->in_child = 1;
		return;
	}
	done(c, r);
	if (r > 0) {
		c->child_pid = (int)r;
		worker_watch(w, (pid_t)r);
	}
}

static void h_fork(struct call *c)
{
	if (ready(c))
		spawn(c, !strcmp(c->spec->name, "vfork") ? CLONE_VM | CLONE_VFORK | SIGCHLD : SIGCHLD);
}

static int null_node(const struct node *n)
{
	return (n->kind == N_SYM && !strcmp(n->text, "NULL")) || (n->kind == N_INT && !n->ival);
}

/* clone(child_stack=NULL, flags=...|SIGCHLD): no pointers, no threads. */
static void h_clone(struct call *c)
{
	unsigned long flags = 0;
	for (int i = 0; i < c->nargs; i++) {
		struct node *a = arg(c, i);
		if (a->kind == N_FIELD && !strcmp(a->text, "flags"))
			flags = (unsigned long)ival(c, a);
		else if (!(a->kind == N_FIELD && !strcmp(a->text, "child_stack") && null_node(a->kids[0])))
			bad(c, a, "only child_stack=NULL and flags=... are supported");
	}
	const unsigned long unsupported = CLONE_THREAD | CLONE_SIGHAND | CLONE_SETTLS | CLONE_PARENT_SETTID |
					  CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | CLONE_PIDFD;
	if (flags & unsupported)
		bad(c, arg(c, 0), "clone flags that need pointers or threads are not supported by the runner");
	if ((flags & CLONE_VM) && !(flags & CLONE_VFORK))
		bad(c, arg(c, 0), "CLONE_VM without CLONE_VFORK is not supported by the runner");
	if (ready(c))
		spawn(c, flags);
}

/* argv or envp: NULL or an array of strings; returns a NULL-terminated vector. */
static char **strv(struct call *c, int i, int extra)
{
	struct node *a = arg(c, i);
	int n = a && a->kind == N_ARRAY ? a->nkids : 0;
	char **v = xalloc((size_t)(n + extra + 1) * sizeof *v);
	if (!a_null(c, i) && (!a || a->kind != N_ARRAY))
		bad(c, a, "expected an array of strings or NULL");
	for (int k = 0; k < n; k++) {
		size_t len;
		v[k] = (char *)sval(c, a->kids[k], 1, &len);
		v[k][len] = 0;
	}
	return v;
}

/* execve(PATH, argv, envp): PATH must be the runner itself, which comes back as this worker. */
static void h_execve(struct call *c)
{
	const char *path = a_path(c, 0);
	char **av = strv(c, 1, 0), **env = strv(c, 2, 0);
	struct wctx *w = c->w;
	if (!ready(c))
		return;
	struct stat a, self;
	if (path && !stat(path, &a) && S_ISREG(a.st_mode) && !stat("/proc/self/exe", &self) &&
	    (a.st_dev != self.st_dev || a.st_ino != self.st_ino)) {
		runner_fail(c, "execve(\"%s\"): the runner can only re-execute itself", path);
		return;
	}
	char self_s[16], n_s[16], closed_s[24], watch_s[MAXWATCH * 12 + 1] = "";
	snprintf(self_s, sizeof self_s, "%d", w->self);
	snprintf(n_s, sizeof n_s, "%d", w->nproc);
	snprintf(closed_s, sizeof closed_s, "%llx", w->closed);
	for (int i = 0; i < w->nwatch; i++)
		snprintf(watch_s + strlen(watch_s), sizeof watch_s - strlen(watch_s), "%d,", (int)w->watch[i]);
	char *argv[] = {av[0] ? av[0] : (char *)path, "--worker", self_s, n_s, closed_s, watch_s, NULL};
	done(c, syscall(SYS_execve, path, argv, env));
}

static void h_exit_group(struct call *c)
{
	long long status = a_int(c, 0);
	if (ready(c))
		syscall(SYS_exit_group, status);
}

static void h_unshare(struct call *c)
{
	long long flags = a_int(c, 0);
	if (ready(c))
		done(c, syscall(SYS_unshare, flags));
}

/* kill(pid, sig), tkill(tid, sig), tgkill(tgid, tid, sig) */
static void h_kill(struct call *c)
{
	const char *n = c->spec->name;
	long nr = !strcmp(n, "kill") ? SYS_kill : !strcmp(n, "tkill") ? SYS_tkill : SYS_tgkill;
	long long a0 = a_int(c, 0), a1 = a_int(c, 1), a2 = c->nargs > 2 ? a_int(c, 2) : 0;
	if (ready(c))
		done(c, syscall(nr, a0, a1, a2));
}

/*
 * rt_sigaction(SIG, {sa_handler=SIG_IGN|SIG_DFL, sa_mask=[], sa_flags=0}, NULL, 8): only the two
 * dispositions that need no handler code (the model's convention); SIGCHLD ignored makes the
 * kernel reap this process's children as they exit.
 */
static void h_rt_sigaction(struct call *c)
{
	struct { unsigned long handler, flags, restorer, mask; } act = {0, 0, 0, 0};
	long long sig = a_int(c, 0), size = a_int(c, 3);
	struct node *s = arg(c, 1), *mask = field(s, "sa_mask");
	if (!s || s->kind != N_STRUCT || !field(s, "sa_handler") || !mask || mask->kind != N_ARRAY || mask->nkids)
		bad(c, s, "expected {sa_handler=SIG_IGN or SIG_DFL, sa_mask=[], sa_flags=0}");
	else
		act.handler = (unsigned long)ival(c, field(s, "sa_handler"));
	if (!c->bad && act.handler > 1)
		bad(c, field(s, "sa_handler"), "only SIG_IGN and SIG_DFL are supported");
	if (s && field(s, "sa_flags"))
		act.flags = (unsigned long)ival(c, field(s, "sa_flags"));
	if (!a_null(c, 2))
		bad(c, arg(c, 2), "the old action must be NULL");
	if (ready(c))
		done(c, syscall(SYS_rt_sigaction, sig, &act, NULL, size));
}

const struct callspec proc_calls[] = {
	{"fork", 0, 0, K_FORK, h_fork},
	{"vfork", 0, 0, K_FORK, h_fork},
	{"clone", 1, 2, K_FORK, h_clone},
	{"execve", 3, 3, K_PLAIN, h_execve},
	{"exit_group", 1, 1, K_EXIT, h_exit_group},
	{"unshare", 1, 1, K_PLAIN, h_unshare},
	{"kill", 2, 2, K_PLAIN, h_kill},
	{"tkill", 2, 2, K_PLAIN, h_kill},
	{"tgkill", 3, 3, K_PLAIN, h_kill},
	{"rt_sigaction", 4, 4, K_PLAIN, h_rt_sigaction},
	{NULL, 0, 0, K_PLAIN, NULL},
};
