/* calls_landlock.c - landlock_create_ruleset, landlock_add_rule, landlock_restrict_self (raw numbers). */
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "call.h"

#define NR_landlock_create_ruleset 444
#define NR_landlock_add_rule 445
#define NR_landlock_restrict_self 446
#define RULE_PATH_BENEATH 1
#define RULE_NET_PORT 2

/* struct landlock_ruleset_attr (ABI 6): fields in order, any prefix may be passed. */
struct ruleset_attr {
	uint64_t handled_access_fs, handled_access_net, scoped;
};

/* {handled_access_fs=..., handled_access_net=..., scoped=...}, size, flags. The attribute sits at
 * the start of a zeroed page, so that a size up to PAGE_SIZE reads zeros past the structure. */
static void h_create(struct call *c)
{
	static union { struct ruleset_attr attr; char page[4096]; } buf;
	struct ruleset_attr a = {0, 0, 0};
	struct node *s = arg(c, 0);
	static const char *const names[] = {"handled_access_fs", "handled_access_net", "scoped"};
	uint64_t *f[] = {&a.handled_access_fs, &a.handled_access_net, &a.scoped};
	if (!a_null(c, 0) && (!s || s->kind != N_STRUCT))
		bad(c, s, "expected {handled_access_fs=..., handled_access_net=..., scoped=...} or NULL");
	for (int i = 0; !a_null(c, 0) && s && i < s->nkids; i++) {
		struct node *k = s->kids[i];
		int j = 0;
		while (j < 3 && (k->kind != N_FIELD || strcmp(k->text, names[j])))
			j++;
		if (j == 3)
			bad(c, k, "unknown ruleset attribute");
		else
			*f[j] = (uint64_t)ival(c, k);
	}
	long long size = a_int(c, 1), flags = a_int(c, 2);
	if (ready(c)) {
		memset(&buf, 0, sizeof buf);
		buf.attr = a;
		done(c, syscall(NR_landlock_create_ruleset, a_null(c, 0) ? NULL : &buf, size, flags));
	}
}

/* landlock_add_rule(fd, LANDLOCK_RULE_NET_PORT, {allowed_access=..., port=N}, 0) and PATH_BENEATH. */
static void h_add_rule(struct call *c)
{
	struct { uint64_t allowed_access, port; } net = {0, 0};
	struct __attribute__((packed)) { uint64_t allowed_access; int32_t parent_fd; } path = {0, 0};
	long long fd = a_int(c, 0), type = a_int(c, 1), flags = a_int(c, 3);
	struct node *s = arg(c, 2);
	void *attr = NULL;
	if (type == RULE_NET_PORT && s && s->kind == N_STRUCT) {
		net.allowed_access = (uint64_t)ival(c, field(s, "allowed_access"));
		net.port = (uint64_t)ival(c, field(s, "port"));
		attr = &net;
	} else if (type == RULE_PATH_BENEATH && s && s->kind == N_STRUCT) {
		path.allowed_access = (uint64_t)ival(c, field(s, "allowed_access"));
		path.parent_fd = (int32_t)ival(c, field(s, "parent_fd"));
		attr = &path;
	} else if (!a_null(c, 2)) {
		bad(c, s, "expected {allowed_access=..., port=N} or {allowed_access=..., parent_fd=N}");
	}
	if (ready(c))
		done(c, syscall(NR_landlock_add_rule, fd, type, attr, flags));
}

static void h_restrict(struct call *c)
{
	long long fd = a_int(c, 0), flags = a_int(c, 1);
	if (ready(c))
		done(c, syscall(NR_landlock_restrict_self, fd, flags));
}

const struct callspec landlock_calls[] = {
	{"landlock_create_ruleset", 3, 3, K_PLAIN, h_create},
	{"landlock_add_rule", 4, 4, K_PLAIN, h_add_rule},
	{"landlock_restrict_self", 2, 2, K_PLAIN, h_restrict},
	{NULL, 0, 0, K_PLAIN, NULL},
};
