#!/usr/bin/env python3
"""Writes the scenarios that extend traces/spec/designs/bsdjail/ for the patched-kernel corpus into
kernel-patches/bsdjail/scenarios/. The expected results are what security/bsdjail.c of the posting
says (seed 000), read as the 6.12 port runs it (porting notes in
model/Isolation.Model/Designs/Bsdjail/README.md).

    kernel-patches/scenarios/bsdjail.py
"""
from common import ScenarioSet, in4, in6

SEED = "seed 000_b30739e92565e0a7.txt"
EPERM = "-1 EPERM (Operation not permitted)"
EACCES = "-1 EACCES (Permission denied)"
EINVAL = "-1 EINVAL (Invalid argument)"
ENOENT = "-1 ENOENT (No such file or directory)"
SCENARIOS = ScenarioSet("bsdjail")


def scenario(name, sources, events, setup=None, user=False):
    SCENARIOS.add(name, sources, events, setup=setup, user=user)


def src(where):
    return f"security/bsdjail.c {where} ({SEED})"


def jail(p, *keywords, fd=3):
    """p writes the keywords to attr/exec and execs itself, entering the jail."""
    events = [f'{p} openat(AT_FDCWD, "/proc/self/attr/exec", O_WRONLY) = {fd}']
    events += [f'{p} write({fd}, "{k}", {len(k)}) = {len(k)}' for k in keywords]
    return events + [f"{p} close({fd}) = 0", f'{p} execve("/proc/self/exe", ["runner"], NULL) = 0']




def un(name):
    return f'{{sa_family=AF_UNIX, sun_path=@"{name}"}}, {len(name) + 3}'


PTRACE = src('jail_ptrace: "process in jail may not ptrace process not in the same jail"')
KILL = src('jail_task_kill: "process in jail may not send signal to process not in the same jail" (SIGCHLD excepted)')
CREATE = src('jail_socket_create: "If locked in an ipv6 jail, don\'t let them use ipv4, and vice versa"')
BIND = src("jail_socket_bind, jail_inet4_bind, jail_inet6_bind: the jail's address, 127.0.0.1, 0.0.0.0 or ::1; else EPERM")
LISTEN = src("jail_socket_listen compares inet->saddr with the jail's address")
UNIX = src("jail_socket_unix_bind labels an abstract socket bound in a jail; unix_may_send and unix_stream_connect compare the sender's jail with it")
ATTR = src("jail_setprocattr, jail_getprocattr")
IPC = src("basic_ipc_security_check through the ipc hooks")
FS = src("jail_inode_mknod, jail_sysctl, jail_proc_inode_permission")

scenario("ptrace-within-jail", [PTRACE],
         jail("p1", "lock") + ["p1 fork() = p2", "p1 ptrace(PTRACE_SEIZE, p2, NULL, 0) = 0"])
scenario("ptrace-into-jail-from-outside", [PTRACE, "only the tracer's jail is looked at"],
         ["p1 fork() = p2"] + jail("p2", "lock") + ["p1 ptrace(PTRACE_SEIZE, p2, NULL, 0) = 0"])
scenario("ptrace-between-jails", [PTRACE],
         ["p1 fork() = p2", "p1 fork() = p3"] + jail("p2", "lock") + jail("p3", "lock")
         + [f"p2 ptrace(PTRACE_SEIZE, p3, NULL, 0) = {EPERM}", f"p3 ptrace(PTRACE_ATTACH, p2) = {EPERM}"])
scenario("ptrace-jailed-of-parent", [PTRACE],
         ["p1 fork() = p2"] + jail("p2", "lock") + [f"p2 ptrace(PTRACE_SEIZE, p1, NULL, 0) = {EPERM}"])
scenario("traceme-by-child-of-jail", [PTRACE, "ptrace_traceme asks jail_ptrace(parent, current)"],
         jail("p1", "lock") + ["p1 fork() = p2", "p2 ptrace(PTRACE_TRACEME) = 0"])
scenario("kill-sigchld-leaves-jail", [KILL],
         ["p1 fork() = p2"] + jail("p2", "lock") + ["p2 kill(p1, SIGCHLD) = 0", f"p2 kill(p1, SIGUSR1) = {EPERM}",
                                                    f"p2 kill(p1, 0) = {EPERM}"])
scenario("kill-into-jail-allowed", [KILL, "only the sender's jail is looked at"],
         ["p1 fork() = p2"] + jail("p2", "lock") + ["p1 kill(p2, SIGUSR1) = 0", "p1 kill(p2, 0) = 0"])
scenario("kill-within-jail", [KILL],
         jail("p1", "lock") + ["p1 fork() = p2", "p2 kill(p1, SIGUSR2) = 0", "p1 kill(p2, SIGKILL) = 0"])
scenario("kill-between-jails", [KILL],
         ["p1 fork() = p2", "p1 fork() = p3"] + jail("p2", "lock") + jail("p3", "lock") + [f"p2 kill(p3, SIGUSR1) = {EPERM}"])
scenario("ipv4-jail-refuses-ipv6", [CREATE],
         jail("p1", "ip 10.0.0.1") + ["p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 3",
                                      f"p1 socket(AF_INET6, SOCK_DGRAM, IPPROTO_IP) = {EPERM}",
                                      "p1 socket(AF_UNIX, SOCK_DGRAM, 0) = 4"], setup="netns")
scenario("ipv6-jail-refuses-ipv4", [CREATE],
         jail("p1", "ip6 0:0:0:0:0:0:0:1") + [f"p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = {EPERM}",
                                              "p1 socket(AF_INET6, SOCK_STREAM, IPPROTO_IP) = 3"], setup="netns")
scenario("two-family-jail", [CREATE],
         jail("p1", "ip 10.0.0.1", "ip6 0:0:0:0:0:0:0:1") + ["p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3",
                                                             "p1 socket(AF_INET6, SOCK_STREAM, IPPROTO_IP) = 4"], setup="netns")
scenario("bind-other-address-refused", [BIND],
         jail("p1", "ip 10.0.0.1") + ["p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 3",
                                      f"p1 bind(3, {in4(7001, '10.0.0.2')}) = {EPERM}",
                                      f"p1 bind(3, {in4(7001, '127.0.0.2')}) = {EPERM}",
                                      f"p1 bind(3, {in4(7001, '10.0.0.1')}) = 0"], setup="netns")
scenario("listen-on-jail-address", [LISTEN, BIND],
         jail("p1", "ip 10.0.0.1") + ["p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3",
                                      f"p1 bind(3, {in4(7002, '10.0.0.1')}) = 0", "p1 listen(3, 8) = 0",
                                      "p1 fork() = p2", "p2 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 4",
                                      f"p2 connect(4, {in4(7002, '10.0.0.1')}) = 0"], setup="netns")
scenario("ipv6-bind-any-refused", [BIND, "only ::1 is remapped; :: is neither the jail's address nor loopback"],
         jail("p1", "ip6 0:0:0:0:0:0:0:1") + ["p1 socket(AF_INET6, SOCK_STREAM, IPPROTO_IP) = 3",
                                              f"p1 bind(3, {in6(7003, '::')}) = {EPERM}",
                                              f"p1 bind(3, {in6(7003, '::1')}) = 0", "p1 listen(3, 8) = 0"], setup="netns")
scenario("inet-bind-in-jail-without-address", [BIND, "a jail without an address restricts no bind"],
         jail("p1", "lock") + ["p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3",
                               f"p1 bind(3, {in4(7004, '127.0.0.1')}) = 0", "p1 listen(3, 8) = 0",
                               "p1 socket(AF_INET6, SOCK_STREAM, IPPROTO_IP) = 4"])
scenario("unix-dgram-abstract-in-jail", [UNIX],
         jail("p1", "lock") + ["p1 socket(AF_UNIX, SOCK_DGRAM, 0) = 3", f"p1 bind(3, {un('inbox')}) = 0", "p1 fork() = p2",
                               "p2 socket(AF_UNIX, SOCK_DGRAM, 0) = 4", f'p2 sendto(4, "hi", 2, 0, {un("inbox")}) = 2',
                               'p1 recvfrom(3, "hi", 16, MSG_DONTWAIT, NULL, NULL) = 2'])
scenario("unix-jailed-to-outside-refused", [UNIX],
         ["p1 socket(AF_UNIX, SOCK_DGRAM, 0) = 3", f"p1 bind(3, {un('outside')}) = 0", "p1 fork() = p2"] + jail("p2", "lock", fd=4)
         + ["p2 socket(AF_UNIX, SOCK_DGRAM, 0) = 4", f'p2 sendto(4, "hi", 2, 0, {un("outside")}) = {EPERM}'])
scenario("unix-between-jails-refused", [UNIX],
         ["p1 fork() = p2", "p1 fork() = p3"] + jail("p2", "lock") + jail("p3", "lock")
         + ["p2 socket(AF_UNIX, SOCK_STREAM, 0) = 3", f"p2 bind(3, {un('j1')}) = 0", "p2 listen(3, 8) = 0",
            "p3 socket(AF_UNIX, SOCK_STREAM, 0) = 3", f"p3 connect(3, {un('j1')}) = {EPERM}"])
scenario("attr-read-names", [ATTR, "outside a jail: exec gives usage, current the status, others EPERM; in a jail: only current"],
         ["p1 fork() = p2"] + jail("p2", "lock")
         + ['p1 openat(AT_FDCWD, "/proc/self/attr/prev", O_RDONLY) = 3', f'p1 read(3, "", 64) = {EPERM}',
            'p2 openat(AT_FDCWD, "/proc/self/attr/prev", O_RDONLY) = 3', f'p2 read(3, "", 64) = {EINVAL}',
            'p2 openat(AT_FDCWD, "/proc/self/attr/exec", O_RDONLY) = 4', f'p2 read(4, "", 64) = {EINVAL}',
            'p2 openat(AT_FDCWD, "/proc/self/attr/current", O_RDONLY) = 5',
            'p2 read(5, "No network information\\n", 64) = 23'])
scenario("attr-write-in-jail-invalid", [ATTR, '"let them guess why": EINVAL in a jail, whatever the file'],
         jail("p1", "lock") + ['p1 openat(AT_FDCWD, "/proc/self/attr/exec", O_WRONLY) = 3', f'p1 write(3, "lock", 4) = {EINVAL}',
                               'p1 openat(AT_FDCWD, "/proc/self/attr/current", O_WRONLY) = 4',
                               f'p1 write(4, "lock", 4) = {EINVAL}'])
scenario("status-counts-tasks", [ATTR, "cur_nrtask counts the jail's tasks, zombies included"],
         ["p1 fork() = p2"] + jail("p2", "nrtask 9") + ["p2 fork() = p3", "p3 fork() = p4", "p4 exit_group(0) = ?",
                                                        'p1 openat(AT_FDCWD, "/proc/p2/attr/current", O_RDONLY) = 3',
                                                        'p1 read(3, "IPv4: (none)\\nIPv6: (none)\\nmax_nrtask 9 current nrtask 3 max_timeslice 0 nice 0\\nmax_memlock 0 max_data 0\\n", 4096) = 104'])
scenario("netinfo-ipv4-only", [ATTR, "print_jail_net_info in a jail"],
         jail("p1", "ip 10.0.0.1") + ['p1 openat(AT_FDCWD, "/proc/self/attr/current", O_RDONLY) = 3',
                                      'p1 read(3, "10.0.0.1\\n", 4096) = 9'], setup="netns")
scenario("nrtask-two", [src("jail_security_task_create: a full jail refuses the fork")],
         jail("p1", "nrtask 2") + ["p1 fork() = p2", f"p1 fork() = {EPERM}", f"p2 fork() = {EPERM}"])
scenario("mknod-kinds", [FS, "fs/namei.c do_mknodat: a regular file is made by vfs_create, not vfs_mknod (6.12)"],
         jail("p1", "lock") + ['p1 mknod("/tmp/fifo", S_IFIFO|0600) = 0',
                               f'p1 mknod("/tmp/null", S_IFCHR|0600, makedev(0x1, 0x3)) = {EPERM}',
                               f'p1 mknod("/tmp/sock", S_IFSOCK|0600) = {EPERM}'])
scenario("sysctl-read-allowed", [FS, "jail_sysctl refuses writes only (op & 002)"],
         jail("p1", "lock") + ['p1 openat(AT_FDCWD, "/proc/sys/net/ipv4/ip_forward", O_RDONLY) = 3',
                               f'p1 openat(AT_FDCWD, "/proc/sys/net/ipv4/ip_forward", O_WRONLY) = {EPERM}'])
scenario("proc-pid-own-jail", [FS],
         jail("p1", "lock") + ["p1 fork() = p2", 'p1 openat(AT_FDCWD, "/proc/p2/status", O_RDONLY) = 3',
                               'p1 stat("/proc/p2", {st_mode=S_IFDIR|0555, st_size=0, ...}) = 0'])
scenario("proc-pid-outside-jail", [FS, "a jailed task gets ENOENT for /proc/<pid> outside its jail, /proc/self still works"],
         ["p1 fork() = p2"] + jail("p2", "lock") + [f'p2 openat(AT_FDCWD, "/proc/p1/status", O_RDONLY) = {ENOENT}',
                                                    f'p2 stat("/proc/p1", 0x1) = {ENOENT}',
                                                    'p2 openat(AT_FDCWD, "/proc/self/status", O_RDONLY) = 3'])
scenario("ipc-made-in-jail-open-to-outside", [IPC, "the check looks at the caller's jail only"],
         jail("p1", "lock") + ["p1 msgget(0x31, IPC_CREAT|0666) = 0", "p1 fork() = p2",
                               'p1 msgsnd(0, {mtype=1, mtext="in"}, 2, IPC_NOWAIT) = 0'])
scenario("setuid-in-jail", [src("jail_capable: CAP_SETUID is not among the jail's denials; the superuser rule needs euid 0")],
         jail("p1", "lock") + ["p1 setuid(1000) = 0", f"p1 setuid(0) = {EPERM}"])

# The spec scenarios fork-sets-rlimit-cpu and status-limits-and-rlimits set RLIMIT_DATA to a few
# kilobytes at exec, which kills the exec'd runner on a real kernel (the limit is enforced while
# the image is mapped); these are the same checks with limits the runner survives.
BIG = 1 << 30
scenario("fork-sets-rlimit-cpu-large", [src("jail_task_alloc_security writes max_data to RLIMIT_CPU of tsk->signal, still the parent's in copy_process")],
         jail("p1", f"data {BIG}") + ["p1 prlimit64(0, RLIMIT_DATA, NULL, {rlim_cur=1048576*1024, rlim_max=1048576*1024}) = 0",
                                      "p1 prlimit64(0, RLIMIT_CPU, NULL, {rlim_cur=RLIM64_INFINITY, rlim_max=RLIM64_INFINITY}) = 0",
                                      "p1 fork() = p2",
                                      "p1 prlimit64(0, RLIMIT_CPU, NULL, {rlim_cur=1048576*1024, rlim_max=1048576*1024}) = 0",
                                      "p2 prlimit64(0, RLIMIT_CPU, NULL, {rlim_cur=1048576*1024, rlim_max=1048576*1024}) = 0"])
scenario("status-limits-large", [ATTR, "enable_jail sets RLIMIT_DATA, RLIMIT_MEMLOCK, RLIMIT_CPU; the status prints max_data as max_memlock and back"],
         ["p1 fork() = p2"] + jail("p1", f"data {BIG}", "memlock 2000", "nrtask 5", "slice 3000")
         + ['p2 openat(AT_FDCWD, "/proc/p1/attr/current", O_RDONLY) = 3',
            'p2 read(3, "IPv4: (none)\\nIPv6: (none)\\nmax_nrtask 5 current nrtask 1 max_timeslice 3000 nice 0\\nmax_memlock 1073741824 max_data 2000\\n", 4096) = 119',
            "p1 prlimit64(0, RLIMIT_DATA, NULL, {rlim_cur=1048576*1024, rlim_max=1048576*1024}) = 0",
            "p1 prlimit64(0, RLIMIT_MEMLOCK, NULL, {rlim_cur=2000, rlim_max=2000}) = 0",
            "p1 prlimit64(0, RLIMIT_CPU, NULL, {rlim_cur=3000, rlim_max=3000}) = 0"])


def main():
    SCENARIOS.write()


if __name__ == "__main__":
    main()
