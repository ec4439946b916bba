/* render.c - strace output conventions (strace 6.x: util.c string_quote, sockaddr.c, resource.c). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/un.h>

#include "render.h"

static void grow(struct sbuf *b, size_t n)
{
	if (b->len + n + 1 <= b->cap)
		return;
	b->cap = (b->len + n + 1) * 2 + 64;
	b->s = realloc(b->s, b->cap);
	if (!b->s)
		exit(3);
}

void sb_putc(struct sbuf *b, char c)
{
	grow(b, 1);
	b->s[b->len++] = c;
	b->s[b->len] = 0;
}

void sb_puts(struct sbuf *b, const char *s)
{
	size_t n = strlen(s);
	grow(b, n);
	memcpy(b->s + b->len, s, n + 1);
	b->len += n;
}

void sb_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	grow(b, n);
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, n + 1, fmt, ap);
	va_end(ap);
	b->len += n;
}

void sb_quoted(struct sbuf *b, const unsigned char *p, size_t len, size_t max)
{
	size_t n = max && len > max ? max : len;
	sb_putc(b, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = p[i];
		const char *esc = c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\f' ? "\\f" :
				  c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" :
				  c == '\v' ? "\\v" : NULL;
		if (esc) {
			sb_puts(b, esc);
		} else if (c >= ' ' && c <= 0x7e) {
			sb_putc(b, (char)c);
		} else {
			/* octal, as short as possible unless an octal digit follows */
			sb_putc(b, '\\');
			if (i + 1 < n && p[i + 1] >= '0' && p[i + 1] <= '7') {
				sb_putc(b, (char)('0' + (c >> 6)));
				sb_putc(b, (char)('0' + ((c >> 3) & 7)));
			} else if (c >> 3) {
				if (c >> 6)
					sb_putc(b, (char)('0' + (c >> 6)));
				sb_putc(b, (char)('0' + ((c >> 3) & 7)));
			}
			sb_putc(b, (char)('0' + (c & 7)));
		}
	}
	sb_putc(b, '"');
	if (n < len)
		sb_puts(b, "...");
}

void sb_flags(struct sbuf *b, enum group g, unsigned long long v)
{
	int any = 0;
	if (g == G_OFLAG) {
		sb_puts(b, sym_name(G_OFLAG, v & 3) ? sym_name(G_OFLAG, v & 3) : "0x3");
		v &= ~3ULL;
		any = 1;
	}
	for (const struct sym *s = symbols; s->name && v; s++) {
		if (s->group != g || !s->value || (v & s->value) != s->value)
			continue;
		if (any++)
			sb_putc(b, '|');
		sb_puts(b, s->name);
		v &= ~s->value;
	}
	if (v || !any) {
		if (any)
			sb_putc(b, '|');
		sb_printf(b, v ? "%#llx" : "0", v);
	}
}

static void family(struct sbuf *b, int f)
{
	const char *n = sym_name(G_AF, (unsigned)f);
	if (n)
		sb_printf(b, "{sa_family=%s", n);
	else
		sb_printf(b, "{sa_family=%d", f);
}

void sb_sockaddr(struct sbuf *b, const struct sockaddr *sa, socklen_t len)
{
	char a[INET6_ADDRSTRLEN];
	if (len < sizeof sa->sa_family) {
		sb_puts(b, "{}");
		return;
	}
	family(b, sa->sa_family);
	if (sa->sa_family == AF_UNIX && len > offsetof(struct sockaddr_un, sun_path)) {
		const struct sockaddr_un *u = (const void *)sa;
		size_t n = len - offsetof(struct sockaddr_un, sun_path);
		if (n > sizeof u->sun_path)
			n = sizeof u->sun_path;
		sb_puts(b, ", sun_path=");
		if (u->sun_path[0] == 0 && n > 0) {
			sb_putc(b, '@');
			sb_quoted(b, (const unsigned char *)u->sun_path + 1, n - 1, 0);
		} else {
			sb_quoted(b, (const unsigned char *)u->sun_path, strnlen(u->sun_path, n), 0);
		}
	} else if (sa->sa_family == AF_INET && len >= sizeof(struct sockaddr_in)) {
		const struct sockaddr_in *in = (const void *)sa;
		inet_ntop(AF_INET, &in->sin_addr, a, sizeof a);
		sb_printf(b, ", sin_port=htons(%u), sin_addr=inet_addr(\"%s\")", ntohs(in->sin_port), a);
	} else if (sa->sa_family == AF_INET6 && len >= sizeof(struct sockaddr_in6)) {
		const struct sockaddr_in6 *in6 = (const void *)sa;
		inet_ntop(AF_INET6, &in6->sin6_addr, a, sizeof a);
		sb_printf(b, ", sin6_port=htons(%u), sin6_flowinfo=htonl(%u), inet_pton(AF_INET6, \"%s\", &sin6_addr), sin6_scope_id=%u",
			  ntohs(in6->sin6_port), ntohl(in6->sin6_flowinfo), a, in6->sin6_scope_id);
	}
	sb_putc(b, '}');
}

void sb_rlim(struct sbuf *b, unsigned long long v)
{
	if (v == ~0ULL)
		sb_puts(b, "RLIM64_INFINITY");
	else if (v > 1024 && v % 1024 == 0)
		sb_printf(b, "%llu*1024", v / 1024);
	else
		sb_printf(b, "%llu", v);
}

static void list(struct sbuf *b, const struct node *n, const char *sep)
{
	for (int i = 0; i < n->nkids; i++) {
		if (i)
			sb_puts(b, sep);
		sb_node(b, n->kids[i]);
	}
}

void sb_node(struct sbuf *b, const struct node *n)
{
	switch (n->kind) {
	case N_INT:
	case N_SYM:
		sb_puts(b, n->text);
		break;
	case N_OR:
		list(b, n, "|");
		break;
	case N_STR:
		if (n->abstract)
			sb_putc(b, '@');
		sb_quoted(b, n->bytes, n->len, 0);
		if (n->truncated)
			sb_puts(b, "...");
		break;
	case N_STRUCT:
		sb_putc(b, '{');
		list(b, n, ", ");
		sb_putc(b, '}');
		break;
	case N_FIELD:
		sb_printf(b, "%s=", n->text);
		sb_node(b, n->kids[0]);
		break;
	case N_ARRAY:
		sb_putc(b, '[');
		list(b, n, n->spaced ? " " : ", ");
		sb_putc(b, ']');
		break;
	case N_CALL:
		sb_printf(b, "%s(", n->text);
		list(b, n, ", ");
		sb_putc(b, ')');
		break;
	case N_REF:
		sb_printf(b, "&%s", n->text);
		break;
	case N_NOT:
		sb_putc(b, '~');
		sb_node(b, n->kids[0]);
		break;
	case N_ELLIPSIS:
		sb_puts(b, "...");
		break;
	case N_MUL:
		list(b, n, "*");
		break;
	case N_ARROW:
		list(b, n, " => ");
		break;
	case N_ANNOT:
		sb_node(b, n->kids[0]);
		sb_printf(b, " /* %s */", n->text);
		break;
	}
}
