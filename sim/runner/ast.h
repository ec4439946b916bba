/* ast.h - the scenario syntax tree: strace's argument forms, events, whole files. */
#ifndef RUNNER_AST_H
#define RUNNER_AST_H

#include <stddef.h>

/* Argument expression kinds, as strace prints arguments. */
enum nkind {
	N_INT,      /* 3, -1, 0x1ff, 0600: ival, text keeps the spelling */
	N_SYM,      /* AF_UNIX, NULL, p2: text */
	N_OR,       /* A|B: kids */
	N_STR,      /* "..." (bytes, len, abstract for @"...", truncated for "..."...) */
	N_STRUCT,   /* {a=1, b}: kids (N_FIELD or positional) */
	N_FIELD,    /* name=value: text, kids[0] */
	N_ARRAY,    /* [a, b] or [A B]: kids, spaced */
	N_CALL,     /* htons(80), inet_addr("1.2.3.4"): text, kids */
	N_REF,      /* &sin6_addr: text */
	N_NOT,      /* ~[A]: kids[0] */
	N_ELLIPSIS, /* ... */
	N_MUL,      /* 8192*1024: kids[0] * kids[1] */
	N_ARROW,    /* 128 => 16: kids[0] (in), kids[1] (out) */
	N_ANNOT     /* x /+ comment +/ : kids[0], text = comment */
};

/* One argument expression with the position it was read from. */
struct node {
	enum nkind kind;
	int line, col;
	long long ival;
	char *text;
	unsigned char *bytes;
	size_t len;
	int abstract, truncated, spaced;
	struct node **kids;
	int nkids;
};

/* What follows '=' on an event line. */
enum rkind { R_VALUE, R_PROC, R_ERROR, R_UNKNOWN };

struct result {
	enum rkind kind;
	long long value;   /* R_VALUE */
	char *text;        /* spelling: "3", "0x1 (flags FD_CLOEXEC)", "p2", "EACCES" */
};

/* One event line: <proc> <call>(<args>) = <result>. */
struct event {
	int line, col, call_col;
	int proc;            /* logical index: p1 is 1 */
	char *call;
	char *calltext;      /* "call(args)" exactly as written, sent to the worker */
	struct node **args;
	int nargs;
	struct result expect;
	const struct callspec *spec;
};

/* A header line '# key: value' kept for the output. */
struct header {
	char *key, *value;
};

/* A parsed scenario file. */
struct scenario {
	const char *path;
	struct header *headers;
	int nheaders;
	struct event *events;
	int nevents;
	const char *setup;   /* "host" unless a '# setup:' header says otherwise */
	long user;           /* -1 unless '# user: N' */
};

/* Reports 'file:line:col: error: reason' on stderr. */
void syntax_error(const char *file, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Reads a whole scenario; returns 0, or -1 after reporting the first error. */
int parse_scenario(const char *path, struct scenario *out);

/* Parses one event line from column start; returns 0 or -1 (error reported). */
int parse_event(const char *file, int line, const char *text, int start, struct event *e);

/* Parses "call(args)" text (as sent to a worker); returns 0 or -1 (error reported). */
int parse_call(const char *file, int line, const char *text, char **call, struct node ***args, int *nargs);

/* Allocation that never fails (exits 3 on exhaustion); the runner never frees. */
void *xalloc(size_t n);
char *xstrndup(const char *s, size_t n);

/* The field called name in a struct node, or NULL. */
struct node *field(const struct node *st, const char *name);

#endif
