/* call.h - one system call being checked or run: argument decoding and output recording. */
#ifndef RUNNER_CALL_H
#define RUNNER_CALL_H

#include <sys/socket.h>
#include <sys/types.h>

#include "ast.h"
#include "render.h"

#define MAXARGS 8

/* How the coordinator treats a call beyond sending it and printing the reply. */
enum ckind {
	K_PLAIN,
	K_FORK,  /* makes the next logical process: the reply's value is printed as pN */
	K_EXIT,  /* never replies: the coordinator waits for the process to die, prints '= ?' */
	K_PTRACE /* PTRACE_DETACH: the coordinator stops the tracee first */
};

struct call;

/* A supported call: name, arity, kind and the function that decodes (and, running, performs) it. */
struct callspec {
	const char *name;
	int min, max;
	enum ckind kind;
	void (*run)(struct call *c);
};

struct wctx;

/* The state of one call: the arguments, and in a worker the result and rendered outputs. */
struct call {
	const char *file;
	int line;
	const struct callspec *spec;
	struct node **args;
	int nargs;
	int check;           /* decode only: report bad arguments, run nothing */
	int maxproc;         /* while checking: the highest logical name that can exist */
	int bad;             /* an argument could not be decoded */
	struct wctx *w;      /* the worker running the call (NULL while checking) */
	long long ret;
	int err;
	struct sbuf out[MAXARGS];
	struct sbuf note;    /* replaces the decimal success value when set */
	int child_pid;       /* fork-like calls: the child's pid */
	int in_child;        /* fork-like calls: this is the child returning */
	int noreply;         /* someone else already replied for this call */
	char fatal[200];     /* a runner error: the call could not be performed as written */
};

/* The table entry for a call name, or NULL. */
const struct callspec *call_lookup(const char *name);

/* The call tables of each family, each ending with a NULL name. */
extern const struct callspec net_calls[], fs_calls[], proc_calls[], cred_calls[], task_calls[], ptrace_calls[],
	ipc_calls[], landlock_calls[];

/* Argument i, or NULL past the end. */
struct node *arg(struct call *c, int i);

/* Reports a bad argument at n (while checking) and marks the call; returns 0. */
long long bad(struct call *c, const struct node *n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Integer value of an expression: numbers, constants, A|B, N*M, pN, htons(), makedev(). */
long long ival(struct call *c, const struct node *n);
long long a_int(struct call *c, int i);

/* True when argument i is NULL (or the number 0). */
int a_null(struct call *c, int i);

/* A path or other C string (NULL for NULL); /proc/pN/... names the real pid. */
const char *a_path(struct call *c, int i);

/* The bytes of a string expression (a buffer of at least want bytes, zero-padded). */
unsigned char *sval(struct call *c, const struct node *n, size_t want, size_t *len);

/* A socket address structure into ss; returns its natural length. */
socklen_t sockaddr_of(struct call *c, const struct node *n, struct sockaddr_storage *ss);

/* The single number inside an '[N]' argument (e.g. an address length). */
long long boxed(struct call *c, const struct node *n);

/* The pid of logical process k (checks the name while checking). */
pid_t pid_of(struct call *c, const struct node *n, int k);

/* True when the system call should really run now. */
int ready(struct call *c);

/* Records a raw system call result: r, or -1 with errno. */
void done(struct call *c, long long r);

/* A system call number by name, for calls whose arguments are all integers. */
struct sysnr {
	const char *n;
	long nr;
};

/* Makes the call named c->spec->name, found in t, with up to three integer arguments. */
void call_ints(struct call *c, const struct sysnr *t);

/* The buffer that replaces argument i in the printed line. */
struct sbuf *out(struct call *c, int i);

/* Marks a runner error for the call (printed by the coordinator, exit 3). */
void runner_fail(struct call *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
