/* calls_net.c - sockets: socket, socketpair, bind, listen, accept, connect, send/recv, options, ioctl. */
#include <net/if.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "call.h"
#include "worker.h"

/* Address buffer big enough for any length a scenario may pass. */
struct addrbuf {
	struct sockaddr_storage ss;
	char slack[128];
};

/* Prints the address and '[in => out]' length the kernel returned into arguments ai and li. */
static void addr_out(struct call *c, int ai, int li, const struct addrbuf *a, socklen_t in, socklen_t got)
{
	socklen_t shown = got < in ? got : in;
	if (a_null(c, ai))
		return;
	/* nothing filled in (an unbound sender): the argument prints as written */
	if (shown < sizeof(sa_family_t))
		sb_node(out(c, ai), arg(c, ai));
	else
		sb_sockaddr(out(c, ai), (const struct sockaddr *)&a->ss, shown);
	if (in != got)
		sb_printf(out(c, li), "[%u => %u]", in, got);
	else
		sb_printf(out(c, li), "[%u]", got);
}

/* Decodes address argument ai (NULL allowed) into a; returns the pointer to pass. */
static struct sockaddr *addr_in(struct call *c, int ai, struct addrbuf *a)
{
	memset(a, 0, sizeof *a);
	if (a_null(c, ai))
		return NULL;
	sockaddr_of(c, arg(c, ai), &a->ss);
	return (struct sockaddr *)&a->ss;
}

static void h_socket(struct call *c)
{
	long long d = a_int(c, 0), t = a_int(c, 1), p = a_int(c, 2);
	if (ready(c))
		done(c, syscall(SYS_socket, d, t, p));
}

static void h_socketpair(struct call *c)
{
	long long d = a_int(c, 0), t = a_int(c, 1), p = a_int(c, 2);
	int sv[2];
	if (!ready(c))
		return;
	done(c, syscall(SYS_socketpair, d, t, p, sv));
	if (c->ret == 0)
		sb_printf(out(c, 3), "[%d, %d]", sv[0], sv[1]);
}

/* bind and connect: (fd, address, length). */
static void h_addr(struct call *c)
{
	struct addrbuf a;
	long long fd = a_int(c, 0);
	struct sockaddr *sa = addr_in(c, 1, &a);
	long long len = a_int(c, 2);
	if (ready(c))
		done(c, syscall(!strcmp(c->spec->name, "bind") ? SYS_bind : SYS_connect, fd, sa, len));
}

static void h_listen(struct call *c)
{
	long long fd = a_int(c, 0), n = a_int(c, 1);
	if (ready(c))
		done(c, syscall(SYS_listen, fd, n));
}

static void h_shutdown(struct call *c)
{
	long long fd = a_int(c, 0), how = a_int(c, 1);
	if (ready(c))
		done(c, syscall(SYS_shutdown, fd, how));
}

/* accept, accept4, getsockname, getpeername: (fd, address template, [length], ...). */
static void h_getaddr(struct call *c)
{
	struct addrbuf a;
	memset(&a, 0, sizeof a);
	long long fd = a_int(c, 0), flags = c->nargs > 3 ? a_int(c, 3) : 0;
	socklen_t in = a_null(c, 2) ? 0 : (socklen_t)boxed(c, arg(c, 2)), len = in;
	const char *n = c->spec->name;
	long nr = !strcmp(n, "getsockname") ? SYS_getsockname : !strcmp(n, "getpeername") ? SYS_getpeername : SYS_accept4;
	if (!ready(c))
		return;
	done(c, syscall(nr, fd, a_null(c, 1) ? NULL : &a.ss, a_null(c, 2) ? NULL : &len, flags));
	if (c->ret >= 0)
		addr_out(c, 1, 2, &a, in, len);
}

static void h_sendto(struct call *c)
{
	struct addrbuf a;
	size_t n;
	long long fd = a_int(c, 0), len = a_int(c, 2), flags = a_int(c, 3);
	unsigned char *data = sval(c, arg(c, 1), len > 0 ? (size_t)len : 0, &n);
	struct sockaddr *sa = addr_in(c, 4, &a);
	long long alen = c->nargs > 5 ? a_int(c, 5) : 0;
	if (ready(c))
		done(c, syscall(SYS_sendto, fd, data, len, flags, sa, alen));
}

static void h_recvfrom(struct call *c)
{
	struct addrbuf a;
	memset(&a, 0, sizeof a);
	long long fd = a_int(c, 0), len = a_int(c, 2), flags = a_int(c, 3);
	socklen_t in = a_null(c, 5) ? 0 : (socklen_t)boxed(c, arg(c, 5)), got = in;
	if (len < 0 || len > (1 << 20))
		bad(c, arg(c, 2), "buffer length out of range");
	if (!ready(c))
		return;
	unsigned char *buf = xalloc((size_t)len);
	done(c, syscall(SYS_recvfrom, fd, buf, len, flags, a_null(c, 4) ? NULL : &a.ss, a_null(c, 5) ? NULL : &got));
	if (c->ret < 0)
		return;
	/* with MSG_TRUNC the result is the datagram's full length: strace prints what fits the buffer */
	sb_quoted(out(c, 1), buf, (size_t)(c->ret < len ? c->ret : len), STRACE_STRSIZE);
	addr_out(c, 4, 5, &a, in, got);
}

/* setsockopt(fd, level, name, [int] | "bytes" | NULL, len) */
static void h_setsockopt(struct call *c)
{
	long long fd = a_int(c, 0), lvl = a_int(c, 1), name = a_int(c, 2), len = a_int(c, 4);
	struct node *v = arg(c, 3);
	int iv = 0;
	size_t n;
	const void *p = NULL;
	if (v && v->kind == N_ARRAY) {
		iv = (int)boxed(c, v);
		p = &iv;
	} else if (v && v->kind == N_STR) {
		p = sval(c, v, len > 0 ? (size_t)len : 0, &n);
	} else if (!a_null(c, 3)) {
		bad(c, v, "expected [value], a string or NULL");
	}
	if (ready(c))
		done(c, syscall(SYS_setsockopt, fd, lvl, name, p, len));
}

/* getsockopt(fd, level, name, [template], [len]): prints [value] and the length. */
static void h_getsockopt(struct call *c)
{
	long long fd = a_int(c, 0), lvl = a_int(c, 1), name = a_int(c, 2);
	socklen_t in = (socklen_t)boxed(c, arg(c, 4)), got = in;
	union { int i; struct ucred cr; char b[256]; } v;
	memset(&v, 0, sizeof v);
	if (in > sizeof v)
		bad(c, arg(c, 4), "option length too large");
	if (!ready(c))
		return;
	done(c, syscall(SYS_getsockopt, fd, lvl, name, &v, &got));
	if (c->ret < 0)
		return;
	struct sbuf *o = out(c, 3);
	if (lvl == SOL_SOCKET && name == SO_PEERCRED && got >= sizeof v.cr) {
		sb_puts(o, "{pid=");
		sb_pid(o, c->w, v.cr.pid);
		sb_printf(o, ", uid=%u, gid=%u}", v.cr.uid, v.cr.gid);
	} else if (lvl == SOL_SOCKET && name == SO_ERROR && got == sizeof(int) && v.i > 0 &&
		   strerrorname_np(v.i)) {
		/* strace names a pending socket error: [ECONNREFUSED]. */
		sb_printf(o, "[%s]", strerrorname_np(v.i));
	} else if (got == sizeof(int)) {
		sb_printf(o, "[%d]", v.i);
	} else {
		sb_quoted(o, (unsigned char *)v.b, got, STRACE_STRSIZE);
	}
	if (in != got)
		sb_printf(out(c, 4), "[%u => %u]", in, got);
	else
		sb_printf(out(c, 4), "[%u]", got);
}

/* ioctl(fd, SIOCGIFFLAGS | SIOCSIFFLAGS, {ifr_name="lo", ifr_flags=...}) */
static void h_ioctl(struct call *c)
{
	long long fd = a_int(c, 0), req = a_int(c, 1);
	struct node *s = arg(c, 2), *name = field(s, "ifr_name");
	struct ifreq ifr;
	size_t n;
	memset(&ifr, 0, sizeof ifr);
	if (!c->bad && req != SIOCGIFFLAGS && req != SIOCSIFFLAGS)
		bad(c, arg(c, 1), "only SIOCGIFFLAGS and SIOCSIFFLAGS are supported");
	unsigned char *nm = sval(c, name, 0, &n);
	if (n >= IFNAMSIZ)
		bad(c, name, "interface name too long");
	memcpy(ifr.ifr_name, nm, n < IFNAMSIZ ? n : 0);
	if (req == SIOCSIFFLAGS)
		ifr.ifr_flags = (short)ival(c, field(s, "ifr_flags"));
	if (!ready(c))
		return;
	done(c, syscall(SYS_ioctl, fd, req, &ifr));
	if (c->ret == 0 && req == SIOCGIFFLAGS) {
		struct sbuf *o = out(c, 2);
		sb_puts(o, "{ifr_name=");
		sb_quoted(o, (unsigned char *)ifr.ifr_name, strnlen(ifr.ifr_name, IFNAMSIZ), 0);
		sb_puts(o, ", ifr_flags=");
		sb_flags(o, G_IFF, (unsigned short)ifr.ifr_flags);
		sb_putc(o, '}');
	}
}

void h_sendmsg(struct call *c);
void h_recvmsg(struct call *c);

const struct callspec net_calls[] = {
	{"socket", 3, 3, K_PLAIN, h_socket},
	{"socketpair", 4, 4, K_PLAIN, h_socketpair},
	{"bind", 3, 3, K_PLAIN, h_addr},
	{"connect", 3, 3, K_PLAIN, h_addr},
	{"listen", 2, 2, K_PLAIN, h_listen},
	{"accept", 3, 3, K_PLAIN, h_getaddr},
	{"accept4", 4, 4, K_PLAIN, h_getaddr},
	{"getsockname", 3, 3, K_PLAIN, h_getaddr},
	{"getpeername", 3, 3, K_PLAIN, h_getaddr},
	{"sendto", 6, 6, K_PLAIN, h_sendto},
	{"recvfrom", 6, 6, K_PLAIN, h_recvfrom},
	{"sendmsg", 3, 3, K_PLAIN, h_sendmsg},
	{"recvmsg", 3, 3, K_PLAIN, h_recvmsg},
	{"shutdown", 2, 2, K_PLAIN, h_shutdown},
	{"setsockopt", 5, 5, K_PLAIN, h_setsockopt},
	{"getsockopt", 5, 5, K_PLAIN, h_getsockopt},
	{"ioctl", 3, 3, K_PLAIN, h_ioctl},
	{NULL, 0, 0, K_PLAIN, NULL},
};
