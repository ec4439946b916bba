/* consts.h - the symbolic constants strace prints, by name and by group for rendering. */
#ifndef RUNNER_CONSTS_H
#define RUNNER_CONSTS_H

/* Groups used to print a value back symbolically. */
enum group {
	G_NONE, G_AF, G_IFF, G_OFLAG, G_MSG, G_SIG, G_SOL, G_SCM, G_DUMP, G_FD,
	G_LL_FS, G_LL_NET, G_LL_SCOPE
};

/* Looks a constant up by name; returns 0 and sets *v, or -1. */
int sym_value(const char *name, unsigned long long *v);

/* The name of v in group g, or NULL. */
const char *sym_name(enum group g, unsigned long long v);

/* The first name of a bit in group g (table order), for flag printing. */
struct sym {
	const char *name;
	unsigned long long value;
	enum group group;
};

/* All constants, terminated by a NULL name. */
extern const struct sym symbols[];

#endif
