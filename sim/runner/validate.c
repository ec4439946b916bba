/* validate.c - checks a whole scenario before anything runs: calls, arity, names, arguments. */
#include <string.h>

#include "coord.h"
#include "worker.h"

/* kill(-1, ...) would signal every process on the machine, not just the scenario's. */
static int everyone(struct call *c)
{
	struct node *a = arg(c, 0);
	return !strcmp(c->spec->name, "kill") && a && a->kind == N_INT && a->ival == -1;
}

int validate(struct scenario *sc, int *nproc)
{
	int made = 1;
	for (int i = 0; i < sc->nevents; i++) {
		struct event *e = &sc->events[i];
		e->spec = call_lookup(e->call);
		if (!e->spec) {
			syntax_error(sc->path, e->line, e->call_col, "unknown call '%s'", e->call);
			return -1;
		}
		if (e->nargs < e->spec->min || e->nargs > e->spec->max) {
			if (e->spec->min == e->spec->max)
				syntax_error(sc->path, e->line, e->call_col, "%s takes %d argument%s, not %d",
					     e->call, e->spec->min, e->spec->min == 1 ? "" : "s", e->nargs);
			else
				syntax_error(sc->path, e->line, e->call_col, "%s takes %d to %d arguments, not %d",
					     e->call, e->spec->min, e->spec->max, e->nargs);
			return -1;
		}
		if (e->proc > made) {
			syntax_error(sc->path, e->line, e->col, "p%d is never created before this line", e->proc);
			return -1;
		}
		struct call c = {0};
		c.file = sc->path;
		c.line = e->line;
		c.spec = e->spec;
		c.args = e->args;
		c.nargs = e->nargs;
		c.check = 1;
		c.maxproc = made;
		e->spec->run(&c);
		if (c.bad)
			return -1;
		if (everyone(&c)) {
			syntax_error(sc->path, e->line, e->args[0]->col, "kill(-1, ...) is not supported by the runner: it would signal every process on the machine");
			return -1;
		}
		if (e->spec->kind == K_FORK && ++made > MAXPROC) {
			syntax_error(sc->path, e->line, e->call_col, "more than %d processes", MAXPROC);
			return -1;
		}
	}
	*nproc = made;
	return 0;
}
