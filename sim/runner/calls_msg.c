/* calls_msg.c - sendmsg and recvmsg: msghdr templates, SCM_RIGHTS and SCM_CREDENTIALS. */
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "call.h"
#include "worker.h"

#define MAXIOV 8
#define CTLSIZE 1024

/* A msghdr with room for everything it points to. */
struct mh {
	struct msghdr m;
	struct iovec iov[MAXIOV];
	struct sockaddr_storage name;
	char slack[128];
	_Alignas(struct cmsghdr *) char ctl[CTLSIZE];
	socklen_t namelen_in;
};

/* Encodes one {cmsg_len=, cmsg_level=, cmsg_type=, cmsg_data=} at *off. */
static void cmsg_in(struct call *c, const struct node *n, struct mh *h, size_t *off)
{
	const struct node *d = field(n, "cmsg_data");
	int lvl = (int)ival(c, field(n, "cmsg_level")), type = (int)ival(c, field(n, "cmsg_type"));
	unsigned char data[256];
	size_t dl = 0;
	if (d && d->kind == N_ARRAY) {
		for (int i = 0; i < d->nkids && dl + 4 <= sizeof data; i++, dl += 4) {
			int fd = (int)ival(c, d->kids[i]);
			memcpy(data + dl, &fd, 4);
		}
	} else if (d && d->kind == N_STRUCT) {
		struct ucred cr = {(pid_t)ival(c, field(d, "pid")), (uid_t)ival(c, field(d, "uid")), (gid_t)ival(c, field(d, "gid"))};
		memcpy(data, &cr, dl = sizeof cr);
	} else {
		bad(c, d ? d : n, "expected cmsg_data=[fd, ...] or {pid=, uid=, gid=}");
		return;
	}
	if (*off + CMSG_SPACE(dl) > CTLSIZE) {
		bad(c, n, "control data too large");
		return;
	}
	struct cmsghdr *cm = (struct cmsghdr *)(h->ctl + *off);
	const struct node *len = field(n, "cmsg_len");
	cm->cmsg_len = len ? (size_t)ival(c, len) : CMSG_LEN(dl);
	cm->cmsg_level = lvl;
	cm->cmsg_type = type;
	memcpy(CMSG_DATA(cm), data, dl);
	*off += CMSG_SPACE(dl);
}

/* Decodes a msghdr template: for sending, the data and control messages; for receiving, the sizes. */
static void msghdr_in(struct call *c, const struct node *n, struct mh *h, int sending)
{
	memset(h, 0, sizeof *h);
	if (!n || n->kind != N_STRUCT) {
		bad(c, n, "expected a msghdr {msg_name=..., msg_iov=[...], ...}");
		return;
	}
	const struct node *name = field(n, "msg_name"), *iov = field(n, "msg_iov"), *ctl = field(n, "msg_control");
	const struct node *nl = field(n, "msg_namelen"), *il = field(n, "msg_iovlen"), *cl = field(n, "msg_controllen");
	if (name && name->kind == N_STRUCT) {
		socklen_t natural = sending ? sockaddr_of(c, name, &h->name) : sizeof h->name;
		h->m.msg_name = &h->name;
		h->namelen_in = nl ? (socklen_t)ival(c, nl->kind == N_ARROW ? nl->kids[0] : nl) : natural;
		h->m.msg_namelen = h->namelen_in;
	}
	if (iov && (iov->kind != N_ARRAY || iov->nkids > MAXIOV)) {
		bad(c, iov, "expected msg_iov=[{iov_base=..., iov_len=N}, ...]");
		return;
	}
	for (int i = 0; iov && i < iov->nkids; i++) {
		const struct node *e = iov->kids[i], *base = field(e, "iov_base");
		size_t len = (size_t)ival(c, field(e, "iov_len")), got;
		if (len > (1 << 20)) {
			bad(c, e, "iov_len out of range");
			return;
		}
		h->iov[i].iov_base = sending ? sval(c, base, len, &got) : xalloc(len);
		h->iov[i].iov_len = len;
	}
	h->m.msg_iov = h->iov;
	h->m.msg_iovlen = il ? (size_t)ival(c, il) : (size_t)(iov ? iov->nkids : 0);
	size_t off = 0;
	for (int i = 0; sending && ctl && ctl->kind == N_ARRAY && i < ctl->nkids; i++)
		cmsg_in(c, ctl->kids[i], h, &off);
	h->m.msg_controllen = cl ? (size_t)ival(c, cl) : off;
	if (h->m.msg_controllen > CTLSIZE)
		bad(c, cl, "msg_controllen too large for the runner");
	h->m.msg_control = h->m.msg_controllen || ctl ? h->ctl : NULL;
}

void h_sendmsg(struct call *c)
{
	struct mh h;
	long long fd = a_int(c, 0), flags = a_int(c, 2);
	msghdr_in(c, arg(c, 1), &h, 1);
	if (ready(c))
		done(c, syscall(SYS_sendmsg, fd, &h.m, flags));
}

static void cmsg_out(struct sbuf *o, const struct wctx *w, struct cmsghdr *cm)
{
	const char *lvl = sym_name(G_SOL, (unsigned)cm->cmsg_level);
	const char *type = cm->cmsg_level == SOL_SOCKET ? sym_name(G_SCM, (unsigned)cm->cmsg_type) : NULL;
	size_t dl = cm->cmsg_len - CMSG_LEN(0);
	sb_printf(o, "{cmsg_len=%zu, cmsg_level=", (size_t)cm->cmsg_len);
	lvl ? sb_puts(o, lvl) : sb_printf(o, "%d", cm->cmsg_level);
	sb_puts(o, ", cmsg_type=");
	type ? sb_puts(o, type) : sb_printf(o, "%#x", cm->cmsg_type);
	sb_puts(o, ", cmsg_data=");
	if (cm->cmsg_level == SOL_SOCKET && cm->cmsg_type == SCM_RIGHTS) {
		sb_putc(o, '[');
		for (size_t i = 0; i + 4 <= dl; i += 4) {
			int fd;
			memcpy(&fd, CMSG_DATA(cm) + i, 4);
			sb_printf(o, i ? ", %d" : "%d", fd);
		}
		sb_putc(o, ']');
	} else if (cm->cmsg_level == SOL_SOCKET && cm->cmsg_type == SCM_CREDENTIALS && dl >= sizeof(struct ucred)) {
		struct ucred cr;
		memcpy(&cr, CMSG_DATA(cm), sizeof cr);
		sb_puts(o, "{pid=");
		sb_pid(o, w, cr.pid);
		sb_printf(o, ", uid=%u, gid=%u}", cr.uid, cr.gid);
	} else {
		sb_quoted(o, CMSG_DATA(cm), dl, STRACE_STRSIZE);
	}
	sb_putc(o, '}');
}

/* Renders the msghdr as strace prints it after a successful recvmsg of n bytes. */
static void msghdr_out(struct call *c, const struct node *tmpl, struct mh *h, size_t n)
{
	struct sbuf *o = out(c, 1);
	socklen_t got = h->m.msg_namelen, shown = got < h->namelen_in ? got : h->namelen_in;
	sb_puts(o, "{msg_name=");
	if (h->m.msg_name && shown)
		sb_sockaddr(o, (struct sockaddr *)&h->name, shown);
	else
		sb_node(o, field(tmpl, "msg_name") ? field(tmpl, "msg_name") : &(struct node){.kind = N_SYM, .text = "NULL"});
	if (h->namelen_in != got)
		sb_printf(o, ", msg_namelen=%u => %u", h->namelen_in, got);
	else
		sb_printf(o, ", msg_namelen=%u", got);
	sb_puts(o, ", msg_iov=[");
	for (size_t i = 0; i < h->m.msg_iovlen && i < MAXIOV; i++) {
		size_t k = h->iov[i].iov_len < n ? h->iov[i].iov_len : n;
		sb_puts(o, i ? ", {iov_base=" : "{iov_base=");
		sb_quoted(o, h->iov[i].iov_base, k, STRACE_STRSIZE);
		sb_printf(o, ", iov_len=%zu}", h->iov[i].iov_len);
		n -= k;
	}
	sb_printf(o, "], msg_iovlen=%zu", (size_t)h->m.msg_iovlen);
	if (h->m.msg_controllen) {
		sb_puts(o, ", msg_control=[");
		int first = 1;
		for (struct cmsghdr *cm = CMSG_FIRSTHDR(&h->m); cm; cm = CMSG_NXTHDR(&h->m, cm)) {
			if (!first)
				sb_puts(o, ", ");
			first = 0;
			cmsg_out(o, c->w, cm);
		}
		sb_putc(o, ']');
	}
	sb_printf(o, ", msg_controllen=%zu, msg_flags=", (size_t)h->m.msg_controllen);
	sb_flags(o, G_MSG, (unsigned)h->m.msg_flags);
	sb_putc(o, '}');
}

void h_recvmsg(struct call *c)
{
	struct mh h;
	long long fd = a_int(c, 0), flags = a_int(c, 2);
	msghdr_in(c, arg(c, 1), &h, 0);
	if (!ready(c))
		return;
	done(c, syscall(SYS_recvmsg, fd, &h.m, flags));
	if (c->ret >= 0)
		msghdr_out(c, arg(c, 1), &h, (size_t)c->ret);
}
