/* proto.c - length-prefixed messages between the coordinator and the workers; the clock for timeouts. */
#include <errno.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>

#include "worker.h"

static int full(int fd, void *p, size_t n, int wr)
{
	char *c = p;
	while (n) {
		ssize_t r = wr ? write(fd, c, n) : read(fd, c, n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		c += r;
		n -= (size_t)r;
	}
	return 0;
}

int msg_write(int fd, const char *s, size_t n)
{
	uint32_t len = (uint32_t)n;
	char head[4];
	for (int i = 0; i < 4; i++)
		head[i] = (char)(len >> (8 * i));
	return full(fd, head, 4, 1) || full(fd, (void *)s, n, 1) ? -1 : 0;
}

int msg_read(int fd, struct sbuf *b)
{
	unsigned char head[4];
	if (full(fd, head, 4, 0))
		return -1;
	size_t n = head[0] | head[1] << 8 | head[2] << 16 | (size_t)head[3] << 24;
	b->len = 0;
	sb_printf(b, "%*s", (int)n, ""); /* room for n bytes */
	return full(fd, b->s, n, 0);
}

long now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000 + t.tv_nsec / 1000000;
}
