/* scenario.c - reads a scenario file: the magic line, header lines, events. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0;
	char *b = xalloc(cap + 1);
	size_t r;
	while ((r = fread(b + n, 1, cap - n, f)) > 0) {
		n += r;
		if (n == cap) {
			b = realloc(b, (cap *= 2) + 1);
			if (!b)
				exit(3);
		}
	}
	fclose(f);
	b[n] = 0;
	*len = n;
	return b;
}

/* '# key: value' with key [a-z][a-z0-9-]*; returns 1 and fills h, else 0. */
static int header(const char *s, struct header *h)
{
	const char *k = s + 1;
	while (*k == ' ')
		k++;
	const char *e = k;
	if (!islower((unsigned char)*e))
		return 0;
	while (islower((unsigned char)*e) || isdigit((unsigned char)*e) || *e == '-')
		e++;
	if (*e != ':')
		return 0;
	const char *v = e + 1;
	while (*v == ' ')
		v++;
	size_t vl = strlen(v);
	while (vl && (v[vl - 1] == ' ' || v[vl - 1] == '\r'))
		vl--;
	h->key = xstrndup(k, e - k);
	h->value = xstrndup(v, vl);
	return 1;
}

static int meta(struct scenario *sc, const struct header *h, int line)
{
	if (!strcmp(h->key, "setup"))
		sc->setup = h->value;
	if (!strcmp(h->key, "user")) {
		char *end;
		long u = strtol(h->value, &end, 10);
		if (!*h->value || *end || u < 0 || u > 65535) {
			syntax_error(sc->path, line, 1, "'# user:' needs a numeric uid");
			return -1;
		}
		sc->user = u;
	}
	return 0;
}

int parse_scenario(const char *path, struct scenario *sc)
{
	size_t len;
	char *text = slurp(path, &len);
	memset(sc, 0, sizeof *sc);
	sc->path = path;
	sc->setup = "host";
	sc->user = -1;
	if (!text) {
		fprintf(stderr, "%s: error: %s\n", path, strerror(errno));
		return -1;
	}
	int line = 0, seen_magic = 0, cap = 0, hcap = 0;
	for (char *s = text, *nl; s && *s; s = nl) {
		nl = strchr(s, '\n');
		if (nl)
			*nl++ = 0;
		line++;
		char *line0 = s;
		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s || *s == '\r')
			continue;
		if (!seen_magic) {
			if (strncmp(s, "# isolation-trace 1", 19) || (s[19] && !isspace((unsigned char)s[19]))) {
				syntax_error(path, line, 1, "expected '# isolation-trace 1' as the first line");
				return -1;
			}
			seen_magic = 1;
			continue;
		}
		if (*s == '#') {
			struct header h;
			if (sc->nevents || !header(s, &h))
				continue;
			if (meta(sc, &h, line))
				return -1;
			if (!strcmp(h.key, "kernel"))
				continue;
			if (sc->nheaders == hcap)
				sc->headers = realloc(sc->headers, (hcap = hcap * 2 + 8) * sizeof *sc->headers);
			sc->headers[sc->nheaders++] = h;
			continue;
		}
		if (sc->nevents == cap)
			sc->events = realloc(sc->events, (cap = cap * 2 + 16) * sizeof *sc->events);
		struct event *e = &sc->events[sc->nevents];
		memset(e, 0, sizeof *e);
		if (parse_event(path, line, line0, (int)(s - line0), e))
			return -1;
		sc->nevents++;
	}
	if (!seen_magic) {
		syntax_error(path, 1, 1, "expected '# isolation-trace 1' as the first line");
		return -1;
	}
	return 0;
}
