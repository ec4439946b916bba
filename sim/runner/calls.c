/* calls.c - the table of supported calls, across the family files. */
#include <string.h>

#include "call.h"

static const struct callspec *const tables[] = {
	net_calls, fs_calls, proc_calls, cred_calls, task_calls, ptrace_calls, ipc_calls, landlock_calls,
};

const struct callspec *call_lookup(const char *name)
{
	for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++)
		for (const struct callspec *s = tables[t]; s->name; s++)
			if (!strcmp(s->name, name))
				return s;
	return NULL;
}
