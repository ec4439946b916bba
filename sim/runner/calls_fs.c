/* calls_fs.c - descriptors and files: close, dup*, fcntl, read, write, open*, directories, nodes, mount,
 * attributes (stat*, access*, chown*, chmod*, umask). */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "call.h"
#include "worker.h"

#ifndef PROC_SUPER_MAGIC
#define PROC_SUPER_MAGIC 0x9fa0
#endif

/* Calls whose arguments are all integers: the syscall number comes from the table below. */
static long nr_of(const char *name)
{
	static const struct { const char *n; long nr; } t[] = {
		{"close", SYS_close}, {"dup", SYS_dup}, {"dup2", SYS_dup2}, {"dup3", SYS_dup3},
		{"fchmod", SYS_fchmod}, {"fchown", SYS_fchown}, {"lseek", SYS_lseek},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (!strcmp(t[i].n, name))
			return t[i].nr;
	return -1;
}

static void h_fd_ints(struct call *c)
{
	long long a[3] = {0};
	for (int i = 0; i < c->nargs && i < 3; i++)
		a[i] = a_int(c, i);
	if (ready(c))
		done(c, syscall(nr_of(c->spec->name), a[0], a[1], a[2]));
}

/* umask(077) = 022: strace prints the old mask in octal. */
static void h_umask(struct call *c)
{
	long long mask = a_int(c, 0);
	if (!ready(c))
		return;
	done(c, syscall(SYS_umask, mask));
	sb_printf(&c->note, "%#llo", c->ret);
}

static void h_fcntl(struct call *c)
{
	long long fd = a_int(c, 0), cmd = a_int(c, 1), v = c->nargs > 2 ? a_int(c, 2) : 0;
	if (!ready(c))
		return;
	done(c, syscall(SYS_fcntl, fd, cmd, v));
	/* strace: F_GETFD prints nonzero values as hex flags, F_GETFL always */
	if ((cmd == F_GETFD && c->ret > 0) || (cmd == F_GETFL && c->ret >= 0)) {
		sb_printf(&c->note, c->ret ? "%#llx (flags " : "0 (flags ", c->ret);
		sb_flags(&c->note, cmd == F_GETFD ? G_FD : G_OFLAG, (unsigned long long)c->ret);
		sb_putc(&c->note, ')');
	}
}

static void h_read(struct call *c)
{
	long long fd = a_int(c, 0), n = a_int(c, 2);
	if (n < 0 || n > (1 << 20))
		bad(c, arg(c, 2), "count out of range");
	if (!ready(c))
		return;
	unsigned char *buf = xalloc((size_t)n);
	done(c, syscall(SYS_read, fd, buf, n));
	if (c->ret >= 0)
		sb_quoted(out(c, 1), buf, (size_t)c->ret, STRACE_STRSIZE);
}

static void h_write(struct call *c)
{
	size_t len;
	long long fd = a_int(c, 0), n = a_int(c, 2);
	unsigned char *data = sval(c, arg(c, 1), n > 0 && n < (1 << 20) ? (size_t)n : 0, &len);
	if (ready(c))
		done(c, syscall(SYS_write, fd, data, n));
}

/* open(path, flags[, mode]) and openat(dirfd, path, flags[, mode]). */
static void h_open(struct call *c)
{
	int at = !strcmp(c->spec->name, "openat");
	long long dfd = at ? a_int(c, 0) : AT_FDCWD;
	const char *path = a_path(c, at);
	long long flags = a_int(c, at + 1), mode = c->nargs > at + 2 ? a_int(c, at + 2) : 0;
	if (ready(c))
		done(c, syscall(SYS_openat, dfd, path, flags, mode));
}

/* Calls of the form [dirfd,] path[, int...]: directories, nodes, modes, owners, access checks. */
static void h_path(struct call *c)
{
	static const struct { const char *n; long nr; int at; } t[] = {
		{"mkdir", SYS_mkdir, 0}, {"chmod", SYS_chmod, 0}, {"unlink", SYS_unlink, 0},
		{"rmdir", SYS_rmdir, 0}, {"mknod", SYS_mknod, 0}, {"mkdirat", SYS_mkdirat, 1},
		{"unlinkat", SYS_unlinkat, 1}, {"mknodat", SYS_mknodat, 1}, {"access", SYS_access, 0},
		{"faccessat", SYS_faccessat, 1}, {"faccessat2", SYS_faccessat2, 1}, {"chown", SYS_chown, 0},
		{"lchown", SYS_lchown, 0}, {"fchownat", SYS_fchownat, 1}, {"fchmodat", SYS_fchmodat, 1},
	};
	size_t i = 0;
	while (strcmp(t[i].n, c->spec->name))
		i++;
	int at = t[i].at;
	long long dfd = at ? a_int(c, 0) : 0, a[3] = {0};
	const char *path = a_path(c, at);
	for (int k = 0; k < 3 && at + 1 + k < c->nargs; k++)
		a[k] = a_int(c, at + 1 + k);
	if (!ready(c))
		return;
	if (at)
		done(c, syscall(t[i].nr, dfd, path, a[0], a[1], a[2]));
	else
		done(c, syscall(t[i].nr, path, a[0], a[1], a[2]));
}

/* strace's abbreviated struct stat: {st_mode=S_IFSOCK|0755, st_size=0, ...}, st_rdev for devices. */
static void sb_stat(struct sbuf *b, const struct stat *st)
{
	static const struct { const char *n; unsigned bits; } types[] = {
		{"S_IFSOCK", S_IFSOCK}, {"S_IFLNK", S_IFLNK}, {"S_IFREG", S_IFREG}, {"S_IFBLK", S_IFBLK},
		{"S_IFDIR", S_IFDIR}, {"S_IFCHR", S_IFCHR}, {"S_IFIFO", S_IFIFO},
	}, special[] = {{"S_ISUID", S_ISUID}, {"S_ISGID", S_ISGID}, {"S_ISVTX", S_ISVTX}};
	sb_puts(b, "{st_mode=");
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
		if ((st->st_mode & S_IFMT) == types[i].bits)
			sb_printf(b, "%s|", types[i].n);
	for (size_t i = 0; i < sizeof special / sizeof special[0]; i++)
		if (st->st_mode & special[i].bits)
			sb_printf(b, "%s|", special[i].n);
	sb_printf(b, "%#03o, ", st->st_mode & 0777);
	if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
		sb_printf(b, "st_rdev=makedev(%#x, %#x), ...}", major(st->st_rdev), minor(st->st_rdev));
	else
		sb_printf(b, "st_size=%lld, ...}", (long long)st->st_size);
}

/* stat(path, st), lstat(path, st), newfstatat(dirfd, path, st, flags), fstat(fd, st). */
static void h_stat(struct call *c)
{
	const char *name = c->spec->name;
	int at = !strcmp(name, "newfstatat"), byfd = !strcmp(name, "fstat");
	long long fd = at || byfd ? a_int(c, 0) : AT_FDCWD, flags = at ? a_int(c, 3) : 0;
	const char *path = byfd ? "" : a_path(c, at);
	if (!strcmp(name, "lstat"))
		flags = AT_SYMLINK_NOFOLLOW;
	if (byfd)
		flags = AT_EMPTY_PATH;
	if (!ready(c))
		return;
	struct stat st;
	done(c, syscall(SYS_newfstatat, fd, path, &st, flags));
	if (c->ret == 0)
		sb_stat(out(c, at + 1), &st);
}

static void h_mount(struct call *c)
{
	const char *src = a_path(c, 0), *dst = a_path(c, 1), *type = a_path(c, 2), *data = a_path(c, 4);
	long long flags = a_int(c, 3);
	if (ready(c))
		done(c, syscall(SYS_mount, src, dst, type, flags, data));
}

static void h_pipe(struct call *c)
{
	long long flags = c->nargs > 1 ? a_int(c, 1) : 0;
	int fds[2];
	if (!ready(c))
		return;
	done(c, syscall(SYS_pipe2, fds, flags));
	if (c->ret == 0)
		sb_printf(out(c, 0), "[%d, %d]", fds[0], fds[1]);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * getdents64, the model's convention: all entries are read; on /proc the array lists the
 * scenario's processes among them (logical names, in logical order), elsewhere the names
 * (sorted, without "." and ".."); the result is the number listed.
 */
static void h_getdents64(struct call *c)
{
	long long fd = a_int(c, 0), count = a_int(c, 2);
	struct stat st;
	struct statfs sf;
	if (count <= 0 || count > (1 << 20))
		bad(c, arg(c, 2), "count out of range");
	if (!ready(c))
		return;
	int isproc = !fstat((int)fd, &st) && !fstatfs((int)fd, &sf) && sf.f_type == PROC_SUPER_MAGIC && st.st_ino == 1;
	char *buf = xalloc((size_t)count), **names = NULL;
	size_t nn = 0, cap = 0;
	long r;
	while ((r = syscall(SYS_getdents64, fd, buf, count)) > 0) {
		for (long off = 0; off < r;) {
			unsigned short reclen;
			memcpy(&reclen, buf + off + 16, 2);
			const char *name = buf + off + 19;
			if (strcmp(name, ".") && strcmp(name, "..")) {
				if (nn == cap)
					names = realloc(names, (cap = cap * 2 + 64) * sizeof *names);
				names[nn++] = xstrndup(name, strlen(name));
			}
			off += reclen;
		}
	}
	if (r < 0 && !nn) {
		done(c, -1);
		return;
	}
	struct sbuf *o = out(c, 1);
	long listed = 0;
	sb_putc(o, '[');
	if (isproc) {
		for (int k = 1; k <= c->w->nproc; k++)
			for (size_t i = 0; i < nn && c->w->pids[k]; i++)
				if (atoi(names[i]) == c->w->pids[k]) {
					sb_printf(o, listed++ ? ", p%d" : "p%d", k);
					break;
				}
	} else {
		qsort(names, nn, sizeof *names, cmp_str);
		for (size_t i = 0; i < nn; i++, listed++) {
			if (i)
				sb_puts(o, ", ");
			sb_quoted(o, (unsigned char *)names[i], strlen(names[i]), 0);
		}
	}
	sb_putc(o, ']');
	done(c, listed);
}

const struct callspec fs_calls[] = {
	{"close", 1, 1, K_PLAIN, h_fd_ints},
	{"dup", 1, 1, K_PLAIN, h_fd_ints},
	{"dup2", 2, 2, K_PLAIN, h_fd_ints},
	{"dup3", 3, 3, K_PLAIN, h_fd_ints},
	{"fcntl", 2, 3, K_PLAIN, h_fcntl},
	{"lseek", 3, 3, K_PLAIN, h_fd_ints},
	{"fchmod", 2, 2, K_PLAIN, h_fd_ints},
	{"fchown", 3, 3, K_PLAIN, h_fd_ints},
	{"umask", 1, 1, K_PLAIN, h_umask},
	{"access", 2, 2, K_PLAIN, h_path},
	{"faccessat", 3, 3, K_PLAIN, h_path},
	{"faccessat2", 4, 4, K_PLAIN, h_path},
	{"chown", 3, 3, K_PLAIN, h_path},
	{"lchown", 3, 3, K_PLAIN, h_path},
	{"fchownat", 5, 5, K_PLAIN, h_path},
	{"fchmodat", 3, 3, K_PLAIN, h_path},
	{"stat", 2, 2, K_PLAIN, h_stat},
	{"lstat", 2, 2, K_PLAIN, h_stat},
	{"fstat", 2, 2, K_PLAIN, h_stat},
	{"newfstatat", 4, 4, K_PLAIN, h_stat},
	{"read", 3, 3, K_PLAIN, h_read},
	{"write", 3, 3, K_PLAIN, h_write},
	{"open", 2, 3, K_PLAIN, h_open},
	{"openat", 3, 4, K_PLAIN, h_open},
	{"mkdir", 2, 2, K_PLAIN, h_path},
	{"mkdirat", 3, 3, K_PLAIN, h_path},
	{"chmod", 2, 2, K_PLAIN, h_path},
	{"unlink", 1, 1, K_PLAIN, h_path},
	{"unlinkat", 3, 3, K_PLAIN, h_path},
	{"rmdir", 1, 1, K_PLAIN, h_path},
	{"mknod", 2, 3, K_PLAIN, h_path},
	{"mknodat", 3, 4, K_PLAIN, h_path},
	{"mount", 5, 5, K_PLAIN, h_mount},
	{"pipe", 1, 1, K_PLAIN, h_pipe},
	{"pipe2", 2, 2, K_PLAIN, h_pipe},
	{"getdents64", 3, 3, K_PLAIN, h_getdents64},
	{NULL, 0, 0, K_PLAIN, NULL},
};
