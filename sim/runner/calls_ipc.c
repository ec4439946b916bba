/* calls_ipc.c - System V IPC: shared memory, message queues, semaphores. */
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "call.h"
#include "worker.h"

/* shmget, msgget, semget, shmdt: integer arguments only. */
static void h_ipc_ints(struct call *c)
{
	static const struct sysnr t[] = {
		{"shmget", SYS_shmget}, {"msgget", SYS_msgget}, {"semget", SYS_semget}, {"shmdt", SYS_shmdt},
	};
	call_ints(c, t);
}

/* shmat returns an address: printed in hex, as strace does. */
static void h_shmat(struct call *c)
{
	long long id = a_int(c, 0), addr = a_int(c, 1), flags = a_int(c, 2);
	if (!ready(c))
		return;
	done(c, syscall(SYS_shmat, id, addr, flags));
	if (c->ret != -1)
		sb_printf(&c->note, "%#llx", (unsigned long long)c->ret);
}

/* {uid=, gid=, mode=} of an IPC_SET template into p (other fields keep their values). */
static void perm_in(struct call *c, const struct node *s, struct ipc_perm *p)
{
	if (!s || s->kind != N_STRUCT) {
		bad(c, s, "expected {uid=N, gid=N, mode=N}");
		return;
	}
	if (field(s, "uid"))
		p->uid = (uid_t)ival(c, field(s, "uid"));
	if (field(s, "gid"))
		p->gid = (gid_t)ival(c, field(s, "gid"));
	if (field(s, "mode"))
		p->mode = (unsigned short)ival(c, field(s, "mode"));
}

static void perm_out(struct sbuf *o, const char *name, const struct ipc_perm *p)
{
	sb_printf(o, "{%s={uid=%u, gid=%u, mode=%#o, key=%#x, cuid=%u, cgid=%u}", name, p->uid, p->gid,
		  (unsigned)p->mode, (unsigned)p->__key, p->cuid, p->cgid);
}

/* The pid fields of IPC_STAT, as logical names. */
static void pid_field(struct sbuf *o, const struct wctx *w, const char *name, pid_t p)
{
	sb_printf(o, ", %s=", name);
	sb_pid(o, w, p);
}

static long ctl(long nr, int sem, long long id, long long num, long long cmd, void *p)
{
	return sem ? syscall(nr, id, num, cmd, p) : syscall(nr, id, cmd, p);
}

/*
 * shmctl, msgctl, semctl with IPC_RMID, IPC_STAT, IPC_SET (and semctl's GETVAL, SETVAL, GETNCNT,
 * GETZCNT). IPC_STAT prints the fields that do not depend on the clock.
 */
static void h_ctl(struct call *c)
{
	int sem = !strcmp(c->spec->name, "semctl"), msg = !strcmp(c->spec->name, "msgctl");
	long long id = a_int(c, 0), num = sem ? a_int(c, 1) : 0, cmd = a_int(c, 1 + sem);
	int ai = 2 + sem;
	union { struct shmid_ds shm; struct msqid_ds msq; struct semid_ds sem; } ds;
	long nr = sem ? SYS_semctl : msg ? SYS_msgctl : SYS_shmctl;
	memset(&ds, 0, sizeof ds);
	if (cmd != IPC_RMID && cmd != IPC_STAT && cmd != IPC_SET &&
	    !(sem && (cmd == GETVAL || cmd == SETVAL || cmd == GETNCNT || cmd == GETZCNT)))
		bad(c, arg(c, 1 + sem), "command not supported by the runner");
	long long val = sem && cmd == SETVAL ? a_int(c, ai) : 0;
	struct node *t = arg(c, ai);
	if (cmd == IPC_SET) {
		if (ready(c))
			ctl(nr, sem, id, num, IPC_STAT, &ds); /* keep the fields the template leaves out */
		perm_in(c, field(t, sem ? "sem_perm" : msg ? "msg_perm" : "shm_perm"), sem ? &ds.sem.sem_perm : msg ? &ds.msq.msg_perm : &ds.shm.shm_perm);
		if (msg && field(t, "msg_qbytes"))
			ds.msq.msg_qbytes = (msglen_t)ival(c, field(t, "msg_qbytes"));
	}
	if (!ready(c))
		return;
	void *p = cmd == IPC_STAT || cmd == IPC_SET ? (void *)&ds : NULL;
	done(c, ctl(nr, sem, id, num, cmd, cmd == SETVAL ? (void *)(long)val : p));
	if (c->ret < 0 || cmd != IPC_STAT)
		return;
	struct sbuf *o = out(c, ai);
	if (sem) {
		perm_out(o, "sem_perm", &ds.sem.sem_perm);
		sb_printf(o, ", sem_nsems=%lu}", (unsigned long)ds.sem.sem_nsems);
	} else if (msg) {
		perm_out(o, "msg_perm", &ds.msq.msg_perm);
		sb_printf(o, ", msg_qnum=%lu, msg_qbytes=%lu", (unsigned long)ds.msq.msg_qnum, (unsigned long)ds.msq.msg_qbytes);
		pid_field(o, c->w, "msg_lspid", ds.msq.msg_lspid);
		pid_field(o, c->w, "msg_lrpid", ds.msq.msg_lrpid);
		sb_putc(o, '}');
	} else {
		perm_out(o, "shm_perm", &ds.shm.shm_perm);
		sb_printf(o, ", shm_segsz=%zu", ds.shm.shm_segsz);
		pid_field(o, c->w, "shm_cpid", ds.shm.shm_cpid);
		pid_field(o, c->w, "shm_lpid", ds.shm.shm_lpid);
		sb_printf(o, ", shm_nattch=%lu}", (unsigned long)ds.shm.shm_nattch);
	}
}

/* msgsnd(id, {mtype=N, mtext="..."}, size, flags) */
static void h_msgsnd(struct call *c)
{
	long long id = a_int(c, 0), size = a_int(c, 2), flags = a_int(c, 3);
	struct node *m = arg(c, 1);
	if (size < 0 || size > 65536)
		bad(c, arg(c, 2), "size out of range");
	if (!m || m->kind != N_STRUCT || m->nkids != 2)
		bad(c, m, "expected {mtype=N, mtext=\"...\"}");
	if (c->bad)
		return;
	size_t len;
	struct node *type = field(m, "mtype") ? field(m, "mtype") : m->kids[0];
	struct node *text = field(m, "mtext") ? field(m, "mtext") : m->kids[1];
	long t = (long)ival(c, type);
	unsigned char *s = sval(c, text, (size_t)size, &len);
	unsigned char *buf = xalloc(sizeof(long) + (size_t)size + len);
	memcpy(buf, &t, sizeof t);
	memcpy(buf + sizeof t, s, len > (size_t)size ? len : (size_t)size);
	if (ready(c))
		done(c, syscall(SYS_msgsnd, id, buf, size, flags));
}

/* msgrcv(id, template, size, type, flags): strace prints size bytes of mtext. */
static void h_msgrcv(struct call *c)
{
	long long id = a_int(c, 0), size = a_int(c, 2), type = a_int(c, 3), flags = a_int(c, 4);
	if (size < 0 || size > 65536)
		bad(c, arg(c, 2), "size out of range");
	if (!ready(c))
		return;
	unsigned char *buf = xalloc(sizeof(long) + (size_t)size);
	done(c, syscall(SYS_msgrcv, id, buf, size, type, flags));
	if (c->ret < 0)
		return;
	long t;
	memcpy(&t, buf, sizeof t);
	struct sbuf *o = out(c, 1);
	sb_printf(o, "{mtype=%ld, mtext=", t);
	sb_quoted(o, buf + sizeof t, (size_t)size, STRACE_STRSIZE);
	sb_putc(o, '}');
}

/* semop(id, [{sem_num=N, sem_op=N, sem_flg=F}, ...], n); semtimedop(..., NULL), which glibc's semop is. */
static void h_semop(struct call *c)
{
	long long id = a_int(c, 0), n = a_int(c, 2);
	struct node *l = arg(c, 1);
	struct sembuf ops[32];
	int k = 0;
	if (!l || l->kind != N_ARRAY || l->nkids > 32)
		bad(c, l, "expected [{sem_num=N, sem_op=N, sem_flg=F}, ...]");
	for (; l && l->kind == N_ARRAY && k < l->nkids && k < 32; k++) {
		ops[k].sem_num = (unsigned short)ival(c, field(l->kids[k], "sem_num"));
		ops[k].sem_op = (short)ival(c, field(l->kids[k], "sem_op"));
		ops[k].sem_flg = (short)ival(c, field(l->kids[k], "sem_flg"));
	}
	if (c->nargs > 3 && !a_null(c, 3))
		bad(c, arg(c, 3), "only a NULL timeout is supported (no call may wait)");
	if (ready(c))
		done(c, syscall(SYS_semop, id, ops, n));
}

const struct callspec ipc_calls[] = {
	{"shmget", 3, 3, K_PLAIN, h_ipc_ints},
	{"shmat", 3, 3, K_PLAIN, h_shmat},
	{"shmdt", 1, 1, K_PLAIN, h_ipc_ints},
	{"shmctl", 3, 3, K_PLAIN, h_ctl},
	{"msgget", 2, 2, K_PLAIN, h_ipc_ints},
	{"msgsnd", 4, 4, K_PLAIN, h_msgsnd},
	{"msgrcv", 5, 5, K_PLAIN, h_msgrcv},
	{"msgctl", 3, 3, K_PLAIN, h_ctl},
	{"semget", 3, 3, K_PLAIN, h_ipc_ints},
	{"semop", 3, 3, K_PLAIN, h_semop},
	{"semtimedop", 4, 4, K_PLAIN, h_semop},
	{"semctl", 4, 4, K_PLAIN, h_ctl},
	{NULL, 0, 0, K_PLAIN, NULL},
};
