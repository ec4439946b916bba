/* render.h - growable strings and strace's renderings (quoting, flags, sockaddrs, echoed args). */
#ifndef RUNNER_RENDER_H
#define RUNNER_RENDER_H

#include <stddef.h>
#include <sys/socket.h>

#include "ast.h"
#include "consts.h"

/* A growable NUL-terminated string. */
struct sbuf {
	char *s;
	size_t len, cap;
};

/* strace's default string limit (-s 32): longer data prints as "..."... */
#define STRACE_STRSIZE 32

void sb_putc(struct sbuf *b, char c);
void sb_puts(struct sbuf *b, const char *s);
void sb_printf(struct sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Quotes bytes as strace does; max > 0 cuts after max bytes and appends '...'. */
void sb_quoted(struct sbuf *b, const unsigned char *p, size_t len, size_t max);

/* Prints v as or'ed names of group g, leftover bits in hex, 0 as "0". */
void sb_flags(struct sbuf *b, enum group g, unsigned long long v);

/* Prints a socket address of len bytes as strace does. */
void sb_sockaddr(struct sbuf *b, const struct sockaddr *sa, socklen_t len);

/* Prints an argument expression back in the syntax it was read in. */
void sb_node(struct sbuf *b, const struct node *n);

/* strace's rlimit value: RLIM64_INFINITY, N*1024 or N. */
void sb_rlim(struct sbuf *b, unsigned long long v);

#endif
