/* calls_cred.c - credentials: set*id, setres*id, setgroups, get*id. */
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "call.h"

/* Calls taking up to three integer ids; the syscall number is looked up by name. */
static void h_ids(struct call *c)
{
	static const struct sysnr t[] = {
		{"setuid", SYS_setuid}, {"setgid", SYS_setgid}, {"setresuid", SYS_setresuid},
		{"setresgid", SYS_setresgid}, {"setreuid", SYS_setreuid}, {"setregid", SYS_setregid},
		{"getuid", SYS_getuid}, {"geteuid", SYS_geteuid}, {"getgid", SYS_getgid},
		{"getegid", SYS_getegid},
	};
	call_ints(c, t);
}

/* setgroups(n, [g, ...] | NULL) */
static void h_setgroups(struct call *c)
{
	long long n = a_int(c, 0);
	struct node *l = arg(c, 1);
	gid_t g[64];
	int k = 0;
	if (!a_null(c, 1) && (!l || l->kind != N_ARRAY || l->nkids > 64))
		bad(c, l, "expected [gid, ...] or NULL");
	for (; !a_null(c, 1) && l && l->kind == N_ARRAY && k < l->nkids && k < 64; k++)
		g[k] = (gid_t)ival(c, l->kids[k]);
	if (ready(c))
		done(c, syscall(SYS_setgroups, n, a_null(c, 1) ? NULL : g));
}

const struct callspec cred_calls[] = {
	{"setuid", 1, 1, K_PLAIN, h_ids},
	{"setgid", 1, 1, K_PLAIN, h_ids},
	{"setreuid", 2, 2, K_PLAIN, h_ids},
	{"setregid", 2, 2, K_PLAIN, h_ids},
	{"setresuid", 3, 3, K_PLAIN, h_ids},
	{"setresgid", 3, 3, K_PLAIN, h_ids},
	{"getuid", 0, 0, K_PLAIN, h_ids},
	{"geteuid", 0, 0, K_PLAIN, h_ids},
	{"getgid", 0, 0, K_PLAIN, h_ids},
	{"getegid", 0, 0, K_PLAIN, h_ids},
	{"setgroups", 2, 2, K_PLAIN, h_setgroups},
	{NULL, 0, 0, K_PLAIN, NULL},
};
