/* args.c - decoding scenario arguments into system call arguments. */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysmacros.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

#include "call.h"
#include "worker.h"

struct node *arg(struct call *c, int i)
{
	return i < c->nargs ? c->args[i] : NULL;
}

long long bad(struct call *c, const struct node *n, const char *fmt, ...)
{
	if (c->check && !c->bad) {
		char msg[256];
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(msg, sizeof msg, fmt, ap);
		va_end(ap);
		syntax_error(c->file, n ? n->line : c->line, n ? n->col : 1, "%s", msg);
	}
	c->bad = 1;
	return 0;
}

void runner_fail(struct call *c, const char *fmt, ...)
{
	va_list ap;
	if (c->fatal[0])
		return;
	va_start(ap, fmt);
	vsnprintf(c->fatal, sizeof c->fatal, fmt, ap);
	va_end(ap);
}

int ready(struct call *c)
{
	return !c->check && !c->bad && !c->fatal[0];
}

void done(struct call *c, long long r)
{
	c->err = r == -1 ? errno : 0;
	c->ret = r;
}

struct sbuf *out(struct call *c, int i)
{
	struct sbuf *b = &c->out[i];
	b->len = 0;
	if (b->s)
		b->s[0] = 0;
	sb_puts(b, "");
	return b;
}

/* "pN" names logical process N; returns N or 0. */
static int logical(const char *s)
{
	if (s[0] != 'p' || !isdigit((unsigned char)s[1]) || s[1] == '0')
		return 0;
	char *end;
	long k = strtol(s + 1, &end, 10);
	return *end || k > 1000000 ? 0 : (int)k;
}

pid_t pid_of(struct call *c, const struct node *n, int k)
{
	if (c->check) {
		if (k > c->maxproc)
			bad(c, n, "p%d is never created before this line", k);
		return 1;
	}
	if (!c->w || k > c->w->nproc || !c->w->pids[k]) {
		runner_fail(c, "p%d does not exist", k);
		return 0;
	}
	return c->w->pids[k];
}

long long ival(struct call *c, const struct node *n)
{
	unsigned long long v;
	long long r = 0;
	if (!n)
		return bad(c, NULL, "missing argument");
	switch (n->kind) {
	case N_INT:
		return n->ival;
	case N_SYM:
		if (logical(n->text))
			return pid_of(c, n, logical(n->text));
		if (sym_value(n->text, &v))
			return bad(c, n, "unknown constant '%s'", n->text);
		return (long long)v;
	case N_OR:
		for (int i = 0; i < n->nkids; i++)
			r |= ival(c, n->kids[i]);
		return r;
	case N_MUL:
		return ival(c, n->kids[0]) * ival(c, n->kids[1]);
	case N_ANNOT:
	case N_FIELD:
		return ival(c, n->kids[0]);
	case N_CALL:
		if (n->nkids == 1 && (!strcmp(n->text, "htons") || !strcmp(n->text, "htonl")))
			return ival(c, n->kids[0]);
		if (n->nkids == 2 && !strcmp(n->text, "makedev"))
			return (long long)makedev(ival(c, n->kids[0]), ival(c, n->kids[1]));
		return bad(c, n, "unknown function '%s' here", n->text);
	default:
		return bad(c, n, "expected a number");
	}
}

long long a_int(struct call *c, int i)
{
	struct node *n = arg(c, i);
	return n ? ival(c, n) : bad(c, NULL, "missing argument %d", i + 1);
}

int a_null(struct call *c, int i)
{
	struct node *n = arg(c, i);
	return !n || (n->kind == N_SYM && !strcmp(n->text, "NULL")) || (n->kind == N_INT && n->ival == 0);
}

const char *a_path(struct call *c, int i)
{
	struct node *n = arg(c, i);
	if (a_null(c, i))
		return NULL;
	if (n->kind != N_STR || n->abstract)
		return bad(c, n, "expected a string"), NULL;
	char *s = xstrndup((const char *)n->bytes, n->len);
	if (strncmp(s, "/proc/p", 7))
		return s;
	size_t e = 6;
	while (s[e] && s[e] != '/')
		e++;
	char name[32];
	if (e - 6 >= sizeof name)
		return s;
	memcpy(name, s + 6, e - 6);
	name[e - 6] = 0;
	int k = logical(name);
	if (!k)
		return s;
	pid_t p = pid_of(c, n, k);
	char *m = xalloc(strlen(s) + 32);
	sprintf(m, "/proc/%d%s", (int)p, s + e);
	return m;
}

unsigned char *sval(struct call *c, const struct node *n, size_t want, size_t *len)
{
	*len = 0;
	if (!n || n->kind != N_STR)
		return bad(c, n, "expected a string"), xalloc(want);
	*len = n->len;
	unsigned char *b = xalloc(n->len > want ? n->len : want);
	memcpy(b, n->bytes, n->len);
	return b;
}

long long boxed(struct call *c, const struct node *n)
{
	if (!n || n->kind != N_ARRAY || n->nkids != 1)
		return bad(c, n, "expected '[N]'");
	const struct node *v = n->kids[0];
	return ival(c, v->kind == N_ARROW ? v->kids[0] : v);
}

static void inaddr(struct call *c, const struct node *v, int af, void *dst)
{
	const struct node *s = NULL;
	if (v && v->kind == N_CALL && af == AF_INET && !strcmp(v->text, "inet_addr") && v->nkids == 1)
		s = v->kids[0];
	if (v && v->kind == N_CALL && af == AF_INET6 && !strcmp(v->text, "inet_pton") && v->nkids == 3)
		s = v->kids[1];
	if (!s || s->kind != N_STR || s->len > 63) {
		bad(c, v, af == AF_INET ? "expected inet_addr(\"a.b.c.d\")" : "expected inet_pton(AF_INET6, \"addr\", &sin6_addr)");
		return;
	}
	char text[64];
	memcpy(text, s->bytes, s->len);
	text[s->len] = 0;
	if (inet_pton(af, text, dst) != 1)
		bad(c, s, "not an address: %s", text);
}

static void unix_path(struct call *c, const struct node *p, struct sockaddr_un *u, socklen_t *len)
{
	if (!p)
		return;
	if (p->kind != N_STR || p->len + p->abstract > sizeof u->sun_path) {
		bad(c, p, "expected a sun_path string");
		return;
	}
	memcpy(u->sun_path + p->abstract, p->bytes, p->len);
	*len += p->len + 1; /* the leading NUL of an abstract name, or the trailing one */
}

socklen_t sockaddr_of(struct call *c, const struct node *n, struct sockaddr_storage *ss)
{
	memset(ss, 0, sizeof *ss);
	if (!n || n->kind != N_STRUCT || !field(n, "sa_family"))
		return bad(c, n, "expected a socket address {sa_family=...}"), 0;
	int af = (int)ival(c, field(n, "sa_family"));
	socklen_t len = sizeof(sa_family_t);
	ss->ss_family = (sa_family_t)af;
	for (int i = 0; i < n->nkids; i++) {
		const struct node *k = n->kids[i];
		const char *f = k->kind == N_FIELD ? k->text : k->kind == N_CALL ? k->text : "";
		const struct node *v = k->kind == N_FIELD ? k->kids[0] : k;
		struct sockaddr_in *in = (void *)ss;
		struct sockaddr_in6 *in6 = (void *)ss;
		if (!strcmp(f, "sa_family"))
			continue;
		if (af == AF_UNIX && !strcmp(f, "sun_path"))
			unix_path(c, v, (void *)ss, &len);
		else if (af == AF_INET && !strcmp(f, "sin_port"))
			in->sin_port = htons((uint16_t)ival(c, v));
		else if (af == AF_INET && !strcmp(f, "sin_addr"))
			inaddr(c, v, AF_INET, &in->sin_addr);
		else if (af == AF_INET6 && !strcmp(f, "sin6_port"))
			in6->sin6_port = htons((uint16_t)ival(c, v));
		else if (af == AF_INET6 && !strcmp(f, "sin6_flowinfo"))
			in6->sin6_flowinfo = htonl((uint32_t)ival(c, v));
		else if (af == AF_INET6 && !strcmp(f, "inet_pton"))
			inaddr(c, v, AF_INET6, &in6->sin6_addr);
		else if (af == AF_INET6 && !strcmp(f, "sin6_scope_id"))
			in6->sin6_scope_id = (uint32_t)ival(c, v);
		else
			return bad(c, k, "unexpected item in a socket address"), 0;
	}
	if (af == AF_INET)
		len = sizeof(struct sockaddr_in);
	if (af == AF_INET6)
		len = sizeof(struct sockaddr_in6);
	return len;
}

void call_ints(struct call *c, const struct sysnr *t)
{
	long long a[3] = {0};
	size_t i = 0;

	while (strcmp(t[i].n, c->spec->name))
		i++;
	for (int k = 0; k < c->nargs && k < 3; k++)
		a[k] = a_int(c, k);
	if (ready(c))
		done(c, syscall(t[i].nr, a[0], a[1], a[2]));
}
