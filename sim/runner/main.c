/* main.c - runner: executes a scenario on the running kernel and prints the trace. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/personality.h>
#include <unistd.h>

#include "coord.h"
#include "worker.h"

static int usage(FILE *f, int code)
{
	fputs("usage: runner [-x] [-t SECONDS] SCENARIO.trace > OUT.trace\n"
	      "Runs the scenario's system calls on this kernel, one process per logical name,\n"
	      "and prints the trace with the real results.\n"
	      "  -t SECONDS  how long one call may take before it is a runner error (default 2)\n"
	      "  -x          check every result against the scenario's expectation (exit 1 if any differs)\n"
	      "exit: 0 ok, 1 a result differs (-x), 2 bad input, 3 runner error, 4 setup unavailable\n", f);
	return code;
}

/* Address-space layout without randomization, so that shmat addresses repeat run after run. */
static void no_aslr(char **argv)
{
	int cur = personality(0xffffffff);
	if (cur == -1 || (cur & ADDR_NO_RANDOMIZE))
		return;
	if (personality((unsigned long)cur | ADDR_NO_RANDOMIZE) != -1)
		execv("/proc/self/exe", argv);
}

static int traced(void)
{
	char line[128];
	int t = 0;
	FILE *f = fopen("/proc/self/status", "r");
	while (f && fgets(line, sizeof line, f))
		if (!strncmp(line, "TracerPid:", 10))
			t = atoi(line + 10);
	if (f)
		fclose(f);
	return t;
}

int main(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "--worker"))
		worker_exec_main(argc, argv);
	int timeout_ms = 2000, opt;
	while ((opt = getopt(argc, argv, "hxt:")) != -1) {
		if (opt == 'h')
			return usage(stdout, EXIT_OK);
		if (opt == 'x') {
			expect_mode = 1;
			continue;
		}
		if (opt != 't')
			return usage(stderr, EXIT_INPUT);
		char *end;
		double s = strtod(optarg, &end);
		if (*end || s <= 0 || s > 3600)
			return usage(stderr, EXIT_INPUT);
		timeout_ms = (int)(s * 1000);
	}
	if (optind != argc - 1)
		return usage(stderr, EXIT_INPUT);
	no_aslr(argv);
	if (traced()) {
		fputs("runner: must not run under a tracer: it uses ptrace itself\n", stderr);
		return EXIT_RUNNER;
	}
	struct scenario sc;
	int nproc;
	if (parse_scenario(argv[optind], &sc) || validate(&sc, &nproc))
		return EXIT_INPUT;
	return coord_run(&sc, nproc, timeout_ms);
}
