/* calls_task.c - task attributes: prctl, rlimits, scheduling priority and policy. */
#include <sched.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "call.h"

static void h_prctl(struct call *c)
{
	long long a[5] = {0};
	for (int i = 0; i < c->nargs; i++)
		a[i] = a_int(c, i);
	if (!ready(c))
		return;
	done(c, syscall(SYS_prctl, a[0], a[1], a[2], a[3], a[4]));
	/* strace names the dumpable mode after the value */
	const char *mode = a[0] == PR_GET_DUMPABLE && c->ret >= 0 ? sym_name(G_DUMP, (unsigned long long)c->ret) : NULL;
	if (mode)
		sb_printf(&c->note, "%lld (%s)", c->ret, mode);
}

/* {rlim_cur=N, rlim_max=N} into r (NULL argument: returns NULL). */
static struct rlimit *rlim_in(struct call *c, int i, struct rlimit *r)
{
	struct node *s = arg(c, i);
	if (a_null(c, i))
		return NULL;
	if (!s || s->kind != N_STRUCT)
		return bad(c, s, "expected {rlim_cur=N, rlim_max=N}"), r;
	r->rlim_cur = (rlim_t)ival(c, field(s, "rlim_cur"));
	r->rlim_max = (rlim_t)ival(c, field(s, "rlim_max"));
	return r;
}

static void rlim_out(struct call *c, int i, const struct rlimit *r)
{
	struct sbuf *o = out(c, i);
	sb_puts(o, "{rlim_cur=");
	sb_rlim(o, r->rlim_cur);
	sb_puts(o, ", rlim_max=");
	sb_rlim(o, r->rlim_max);
	sb_putc(o, '}');
}

static void h_setrlimit(struct call *c)
{
	struct rlimit r = {0, 0};
	long long res = a_int(c, 0);
	struct rlimit *p = rlim_in(c, 1, &r);
	if (ready(c))
		done(c, syscall(SYS_setrlimit, res, p));
}

static void h_getrlimit(struct call *c)
{
	struct rlimit r = {0, 0};
	long long res = a_int(c, 0);
	if (!ready(c))
		return;
	done(c, syscall(SYS_getrlimit, res, a_null(c, 1) ? NULL : &r));
	if (c->ret == 0 && !a_null(c, 1))
		rlim_out(c, 1, &r);
}

/* prlimit64(pid, resource, new | NULL, old template | NULL) */
static void h_prlimit64(struct call *c)
{
	struct rlimit n = {0, 0}, o = {0, 0};
	long long pid = a_int(c, 0), res = a_int(c, 1);
	struct rlimit *np = rlim_in(c, 2, &n);
	if (!ready(c))
		return;
	done(c, syscall(SYS_prlimit64, pid, res, np, a_null(c, 3) ? NULL : &o));
	if (c->ret == 0 && !a_null(c, 3))
		rlim_out(c, 3, &o);
}

static void h_priority(struct call *c)
{
	long long which = a_int(c, 0), who = a_int(c, 1), prio = c->nargs > 2 ? a_int(c, 2) : 0;
	if (ready(c))
		done(c, c->nargs > 2 ? syscall(SYS_setpriority, which, who, prio) : syscall(SYS_getpriority, which, who));
}

/* sched_setscheduler(pid, policy, [prio] | {sched_priority=N} | NULL), sched_getscheduler(pid) */
static void h_scheduler(struct call *c)
{
	long long pid = a_int(c, 0), policy = c->nargs > 1 ? a_int(c, 1) : 0;
	struct sched_param sp = {0};
	struct node *p = c->nargs > 2 ? arg(c, 2) : NULL;
	if (p && !a_null(c, 2))
		sp.sched_priority = (int)(p->kind == N_STRUCT ? ival(c, field(p, "sched_priority")) : boxed(c, p));
	if (!ready(c))
		return;
	if (c->nargs == 1)
		done(c, syscall(SYS_sched_getscheduler, pid));
	else
		done(c, syscall(SYS_sched_setscheduler, pid, policy, a_null(c, 2) ? NULL : &sp));
}

const struct callspec task_calls[] = {
	{"prctl", 1, 5, K_PLAIN, h_prctl},
	{"setrlimit", 2, 2, K_PLAIN, h_setrlimit},
	{"getrlimit", 2, 2, K_PLAIN, h_getrlimit},
	{"prlimit64", 4, 4, K_PLAIN, h_prlimit64},
	{"setpriority", 3, 3, K_PLAIN, h_priority},
	{"getpriority", 2, 2, K_PLAIN, h_priority},
	{"sched_setscheduler", 3, 3, K_PLAIN, h_scheduler},
	{"sched_getscheduler", 1, 1, K_PLAIN, h_scheduler},
	{NULL, 0, 0, K_PLAIN, NULL},
};
