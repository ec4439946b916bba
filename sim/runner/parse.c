/* parse.c - recursive-descent reader for strace syntax: argument expressions, results, event lines. */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"

/* A cursor over one line of text. */
struct lx {
	const char *file;
	int line;
	const char *s;
	int pos;
	int err;
};

void *xalloc(size_t n)
{
	void *p = calloc(1, n ? n : 1);
	if (!p) {
		fputs("runner: out of memory\n", stderr);
		exit(3);
	}
	return p;
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xalloc(n + 1);
	memcpy(p, s, n);
	return p;
}

void syntax_error(const char *file, int line, int col, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s:%d:%d: error: ", file, line, col);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static struct node *syntax_fail(struct lx *l, int pos, const char *msg)
{
	if (!l->err)
		syntax_error(l->file, l->line, pos + 1, "%s", msg);
	l->err = 1;
	return NULL;
}

static struct node *mk(struct lx *l, enum nkind k, int pos)
{
	struct node *n = xalloc(sizeof *n);
	n->kind = k;
	n->line = l->line;
	n->col = pos + 1;
	return n;
}

static void add(struct node *n, struct node *kid)
{
	struct node **k = realloc(n->kids, (n->nkids + 1) * sizeof *k);
	if (!k)
		exit(3);
	k[n->nkids++] = kid;
	n->kids = k;
}

struct node *field(const struct node *st, const char *name)
{
	if (!st || st->kind != N_STRUCT)
		return NULL;
	for (int i = 0; i < st->nkids; i++)
		if (st->kids[i]->kind == N_FIELD && !strcmp(st->kids[i]->text, name))
			return st->kids[i]->kids[0];
	return NULL;
}

static void ws(struct lx *l)
{
	while (l->s[l->pos] == ' ' || l->s[l->pos] == '\t')
		l->pos++;
}

static char peek(struct lx *l)
{
	ws(l);
	return l->s[l->pos];
}

static int isid0(int c) { return isalpha(c) || c == '_'; }
static int isid(int c) { return isalnum(c) || c == '_'; }

static char *ident(struct lx *l)
{
	int p = l->pos;
	while (isid((unsigned char)l->s[l->pos]))
		l->pos++;
	return xstrndup(l->s + p, l->pos - p);
}

static struct node *number(struct lx *l)
{
	int p = l->pos, neg = l->s[p] == '-';
	const char *d = l->s + p + neg;
	char *end;
	if (!isdigit((unsigned char)*d))
		return syntax_fail(l, p, "expected a number");
	errno = 0;
	unsigned long long v = strtoull(d, &end, 0);
	if (errno || isid((unsigned char)*end))
		return syntax_fail(l, p, "malformed number");
	struct node *n = mk(l, N_INT, p);
	n->ival = neg ? -(long long)v : (long long)v;
	l->pos = end - l->s;
	n->text = xstrndup(l->s + p, l->pos - p);
	return n;
}

static int escape(struct lx *l, unsigned char *out)
{
	const char *s = l->s;
	char c = s[l->pos++];
	static const char from[] = "nrtvfab\\\"'e?", to[] = "\n\r\t\v\f\a\b\\\"'\033?";
	const char *f = c ? strchr(from, c) : NULL;
	if (f) {
		*out = to[f - from];
		return 0;
	}
	if (c >= '0' && c <= '7') {
		int v = c - '0';
		for (int i = 0; i < 2 && s[l->pos] >= '0' && s[l->pos] <= '7'; i++)
			v = v * 8 + s[l->pos++] - '0';
		*out = (unsigned char)v;
		return v > 255 ? -1 : 0;
	}
	if (c == 'x' && isxdigit((unsigned char)s[l->pos])) {
		int v = 0;
		for (int i = 0; i < 2 && isxdigit((unsigned char)s[l->pos]); i++) {
			char h = s[l->pos++];
			v = v * 16 + (isdigit((unsigned char)h) ? h - '0' : (tolower(h) - 'a' + 10));
		}
		*out = (unsigned char)v;
		return 0;
	}
	return -1;
}

static struct node *string(struct lx *l, int abstract)
{
	int p = l->pos - abstract;
	struct node *n = mk(l, N_STR, p);
	size_t cap = strlen(l->s) + 1;
	n->bytes = xalloc(cap);
	n->abstract = abstract;
	l->pos++;
	for (;;) {
		char c = l->s[l->pos];
		if (!c || c == '\n')
			return syntax_fail(l, p, "unterminated string");
		l->pos++;
		if (c == '"')
			break;
		if (c == '\\') {
			if (escape(l, &n->bytes[n->len]))
				return syntax_fail(l, l->pos - 2, "bad escape sequence in string");
			n->len++;
		} else {
			n->bytes[n->len++] = (unsigned char)c;
		}
	}
	if (!strncmp(l->s + l->pos, "...", 3)) {
		n->truncated = 1;
		l->pos += 3;
	}
	return n;
}

static struct node *expr(struct lx *l);

/* Items of {...} or [...] up to the closing bracket; arrays may be space-separated. */
static struct node *items(struct lx *l, enum nkind k, char close)
{
	struct node *n = mk(l, k, l->pos);
	l->pos++;
	if (peek(l) == close) {
		l->pos++;
		return n;
	}
	for (;;) {
		struct node *it = expr(l);
		if (!it)
			return NULL;
		add(n, it);
		char c = peek(l);
		if (c == close) {
			l->pos++;
			return n;
		}
		if (c == ',') {
			l->pos++;
			continue;
		}
		if (k == N_ARRAY && c && c != ')' && c != '}' && c != '#') {
			n->spaced = 1;
			continue;
		}
		return syntax_fail(l, l->pos, close == '}' ? "expected ',' or '}'" : "expected ',' or ']'");
	}
}

static struct node *arglist(struct lx *l, struct node *call)
{
	l->pos++;
	if (peek(l) == ')') {
		l->pos++;
		return call;
	}
	for (;;) {
		struct node *a = expr(l);
		if (!a)
			return NULL;
		add(call, a);
		char c = peek(l);
		l->pos++;
		if (c == ')')
			return call;
		if (c != ',')
			return syntax_fail(l, l->pos - 1, "expected ',' or ')'");
	}
}

static struct node *primary(struct lx *l)
{
	char c = peek(l);
	int p = l->pos;
	if (c == '"')
		return string(l, 0);
	if (c == '@' && l->s[p + 1] == '"') {
		l->pos++;
		return string(l, 1);
	}
	if (c == '-' || isdigit((unsigned char)c))
		return number(l);
	if (c == '{')
		return items(l, N_STRUCT, '}');
	if (c == '[')
		return items(l, N_ARRAY, ']');
	if (c == '~') {
		struct node *n = mk(l, N_NOT, p);
		l->pos++;
		struct node *k = primary(l);
		if (!k)
			return NULL;
		add(n, k);
		return n;
	}
	if (c == '&') {
		struct node *n = mk(l, N_REF, p);
		l->pos++;
		if (!isid0((unsigned char)l->s[l->pos]))
			return syntax_fail(l, l->pos, "expected a name after '&'");
		n->text = ident(l);
		return n;
	}
	if (!strncmp(l->s + p, "...", 3)) {
		l->pos += 3;
		return mk(l, N_ELLIPSIS, p);
	}
	if (!isid0((unsigned char)c))
		return syntax_fail(l, p, c ? "expected an argument" : "unexpected end of line");
	char *name = ident(l);
	char d = peek(l);
	if (d == '(') {
		struct node *n = mk(l, N_CALL, p);
		n->text = name;
		return arglist(l, n);
	}
	if (d == '=' && l->s[l->pos + 1] != '>') {
		struct node *n = mk(l, N_FIELD, p);
		n->text = name;
		l->pos++;
		struct node *v = expr(l);
		if (!v)
			return NULL;
		add(n, v);
		return n;
	}
	struct node *n = mk(l, N_SYM, p);
	n->text = name;
	return n;
}

static struct node *pair(struct lx *l, enum nkind k, struct node *a, int skip)
{
	struct node *n = mk(l, k, a->col - 1);
	n->line = a->line;
	l->pos += skip;
	struct node *b = primary(l);
	if (!b)
		return NULL;
	add(n, a);
	add(n, b);
	return n;
}

static struct node *term(struct lx *l)
{
	struct node *t = primary(l);
	if (!t)
		return NULL;
	if (peek(l) == '*')
		t = pair(l, N_MUL, t, 1);
	if (t && peek(l) == '=' && l->s[l->pos + 1] == '>')
		t = pair(l, N_ARROW, t, 2);
	if (t && peek(l) == '/' && l->s[l->pos + 1] == '*') {
		const char *e = strstr(l->s + l->pos + 2, "*/");
		if (!e)
			return syntax_fail(l, l->pos, "unterminated comment");
		struct node *n = mk(l, N_ANNOT, t->col - 1);
		const char *b = l->s + l->pos + 2;
		while (*b == ' ')
			b++;
		size_t len = e - b;
		while (len && b[len - 1] == ' ')
			len--;
		n->text = xstrndup(b, len);
		add(n, t);
		l->pos = e + 2 - l->s;
		t = n;
	}
	return t;
}

static struct node *expr(struct lx *l)
{
	struct node *t = term(l);
	if (!t || peek(l) != '|')
		return t;
	struct node *n = mk(l, N_OR, t->col - 1);
	add(n, t);
	while (t && peek(l) == '|') {
		l->pos++;
		t = term(l);
		if (t)
			add(n, t);
	}
	return t ? n : NULL;
}

static int call_at(struct lx *l, char **call, struct node ***args, int *nargs)
{
	if (!isid0((unsigned char)peek(l)))
		return syntax_fail(l, l->pos, "expected a system call name"), -1;
	*call = ident(l);
	if (peek(l) != '(')
		return syntax_fail(l, l->pos, "expected '(' after the call name"), -1;
	struct node holder = {0};
	if (!arglist(l, &holder))
		return -1;
	*args = holder.kids;
	*nargs = holder.nkids;
	return 0;
}

int parse_call(const char *file, int line, const char *text, char **call, struct node ***args, int *nargs)
{
	struct lx l = {file, line, text, 0, 0};
	return call_at(&l, call, args, nargs);
}

static int result(struct lx *l, struct result *r)
{
	char c = peek(l);
	int p = l->pos;
	if (c == '?') {
		l->pos++;
		r->kind = R_UNKNOWN;
		r->text = "?";
		return 0;
	}
	if (c == 'p' && isdigit((unsigned char)l->s[p + 1])) {
		r->kind = R_PROC;
		r->text = ident(l);
		r->value = atol(r->text + 1);
		return 0;
	}
	struct node *n = number(l);
	if (!n)
		return -1;
	r->value = n->ival;
	r->kind = R_VALUE;
	if (n->ival == -1 && isid0((unsigned char)peek(l))) {
		r->kind = R_ERROR;
		r->text = ident(l);
	}
	if (peek(l) == '(') {
		const char *e = strchr(l->s + l->pos, ')');
		if (!e)
			return syntax_fail(l, l->pos, "expected ')' after the result note"), -1;
		l->pos = e + 1 - l->s;
	}
	if (r->kind == R_VALUE)
		r->text = xstrndup(l->s + p, l->pos - p);
	return 0;
}

int parse_event(const char *file, int line, const char *text, int start, struct event *e)
{
	struct lx lx = {file, line, text, start, 0}, *l = &lx;
	if (!isid0((unsigned char)peek(l)))
		return syntax_fail(l, l->pos, "expected a process name like p1"), -1;
	int p = l->pos;
	char *first = ident(l);
	e->line = l->line;
	e->col = p + 1;
	e->proc = 1;
	if (peek(l) != '(') {
		char *end;
		long v = first[0] == 'p' ? strtol(first + 1, &end, 10) : 0;
		if (v < 1 || *end || !isdigit((unsigned char)first[1]))
			return syntax_fail(l, p, "expected a process name like p1"), -1;
		e->proc = (int)v;
		ws(l);
	} else {
		l->pos = p;
	}
	int cp = l->pos;
	e->call_col = cp + 1;
	if (call_at(l, &e->call, &e->args, &e->nargs))
		return -1;
	e->calltext = xstrndup(l->s + cp, l->pos - cp);
	if (peek(l) != '=')
		return syntax_fail(l, l->pos, "expected '= result'"), -1;
	l->pos++;
	if (result(l, &e->expect))
		return -1;
	char c = peek(l);
	if (c && c != '#' && c != '\r')
		return syntax_fail(l, l->pos, "unexpected text after the result"), -1;
	return 0;
}

