#!/usr/bin/env python3
"""Writes the scenarios that extend traces/spec/designs/<design>/ for the patched-kernel corpus
of the three "network off" designs of seed 004 (rlimit-network, prctl-network,
prctl-network-lsm) and of the variant prctl-network-lsm-fixed into kernel-patches/<design>/scenarios/.

Each family below is one scenario written once for the three designs; a design differs only in
how a task drops networking (setrlimit or prctl), whether abstract unix names are refused (v1,
v2) or exempt (v3), and whether ptrace by a restricted task is refused always (v1) or only
towards a task lacking one of its flags (v2, v3). The expected results are what the postings
say, checked against the patched kernel by kernel-patches/capture (the trace it stores is the
kernel's answer, whatever is written here).

    kernel-patches/scenarios/gen.py        rewrite every generated scenario
"""
import os
from dataclasses import dataclass

from common import in4, in6

HERE = os.path.dirname(os.path.abspath(__file__))
OK = "0"
EPERM = "-1 EPERM (Operation not permitted)"
EACCES = "-1 EACCES (Permission denied)"
EINVAL = "-1 EINVAL (Invalid argument)"
EAFNOSUPPORT = "-1 EAFNOSUPPORT (Address family not supported by protocol)"
EISCONN = "-1 EISCONN (Transport endpoint is already connected)"
EDESTADDRREQ = "-1 EDESTADDRREQ (Destination address required)"


@dataclass(frozen=True)
class Design:
    name: str
    patch: str            # the posting the checks come from
    drop: str             # the call that turns networking off
    is_prctl: bool        # prctl(PR_{GET,SET}_NETWORK) exists
    abstract_refused: bool
    ptrace_refused_always: bool
    abstract_in_sendmsg_hook: bool = False  # the refusal sits in socket_sendmsg, before the protocol


    def off(self, p):
        return f"{p} {self.drop} = 0"


SEED = "seed 004_395e695cd1b36f96.txt"
DESIGNS = [
    Design("rlimit-network", '"[PATCH] Security: Implement RLIMIT_NETWORK."',
           "setrlimit(RLIMIT_NETWORK, {rlim_cur=0, rlim_max=0})", False, True, True),
    Design("prctl-network", '"[PATCH 2/3] Security: Implement prctl(PR_SET_NETWORK, PR_NETWORK_OFF) semantics. (v2)"',
           "prctl(PR_SET_NETWORK, PR_NETWORK_OFF)", True, True, False),
    Design("prctl-network-lsm", '"[PATCH 2/3] Security: Implement prctl(PR_SET_NETWORK, PR_NETWORK_OFF) semantics. (v3)"',
           "prctl(PR_SET_NETWORK, PR_NETWORK_OFF)", True, False, False),
    Design("prctl-network-lsm-fixed", '"[PATCH 0/3] Discarding networking privilege via LSM" (abstract names "to revisit"), v3 hooks refusing them',
           "prctl(PR_SET_NETWORK, PR_NETWORK_OFF)", True, True, False, abstract_in_sendmsg_hook=True),
]




def un(path):
    name = f'@"{path[1:]}"' if path.startswith("@") else f'"{path}"'
    return f"{{sa_family=AF_UNIX, sun_path={name}}}, {len(path) + 2 if path.startswith('@') else 110}"


def msg(name, data):
    head = f"msg_name={name.rsplit(', ', 1)[0]}, msg_namelen={name.rsplit(', ', 1)[1]}" if name else "msg_name=NULL, msg_namelen=0"
    return (f"{{{head}, msg_iov=[{{iov_base=\"{data}\", iov_len={len(data)}}}], msg_iovlen=1, "
            f"msg_controllen=0, msg_flags=0}}")


def src(d, where):
    return f"{d.patch} {where} ({SEED})"


# Each family: (name, function of the design returning (sources, user, events) or None).
FAMILIES = []


def family(fn):
    FAMILIES.append((fn.__name__.replace("_", "-"), fn))
    return fn


@family
def socket_inet6_refused(d):
    return ([src(d, "__sock_create check: every family but AF_UNIX")], True,
            [d.off("p1"), f"p1 socket(AF_INET6, SOCK_STREAM, IPPROTO_IP) = {EPERM}",
             f"p1 socket(AF_INET6, SOCK_DGRAM, IPPROTO_IP) = {EPERM}"])


@family
def socket_unix_types_allowed(d):
    return ([src(d, "__sock_create check: AF_UNIX is exempt")], True,
            [d.off("p1"), "p1 socket(AF_UNIX, SOCK_STREAM, 0) = 3", "p1 socket(AF_UNIX, SOCK_DGRAM, 0) = 4",
             "p1 socket(AF_UNIX, SOCK_SEQPACKET, 0) = 5"])


@family
def root_is_refused_too(d):
    return ([src(d, "the checks test the flag or limit only, never a capability"),
             "net/ipv4/af_inet.c inet_create (6.12): root may open a raw socket"], False,
            ["p1 socket(AF_INET, SOCK_RAW, IPPROTO_ICMP) = 3", d.off("p1"),
             f"p1 socket(AF_INET, SOCK_RAW, IPPROTO_ICMP) = {EPERM}",
             f"p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = {EPERM}"])


@family
def bind_inet6_refused(d):
    return ([src(d, "bind check after security_socket_bind")], True,
            ["p1 socket(AF_INET6, SOCK_STREAM, IPPROTO_IP) = 3", d.off("p1"),
             f"p1 bind(3, {in6(47101)}) = {EPERM}"])


@family
def bind_unspec_refused(d):
    return ([src(d, "bind check: the address family, AF_UNSPEC included, is not AF_UNIX"),
             "net/ipv4/af_inet.c __inet_bind (6.12) maps AF_UNSPEC with INADDR_ANY to AF_INET"], True,
            ["p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 3", "p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 4",
             "p1 bind(3, {sa_family=AF_UNSPEC}, 16) = 0", d.off("p1"),
             f"p1 bind(4, {{sa_family=AF_UNSPEC}}, 16) = {EPERM}"])


@family
def inet_socket_unix_address_bind(d):
    return ([src(d, "bind check looks at the address family only: AF_UNIX passes"),
             "net/ipv4/af_inet.c __inet_bind (6.12): an address that is not AF_INET is EAFNOSUPPORT"], True,
            ["p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3", d.off("p1"),
             f"p1 bind(3, {un('/tmp/in')}) = {EAFNOSUPPORT}"])


@family
def inet_socket_unix_address_connect(d):
    return ([src(d, "connect check looks at the address family only: AF_UNIX passes"),
             "net/ipv4/tcp_ipv4.c tcp_v4_connect (6.12): an address that is not AF_INET is EAFNOSUPPORT"], True,
            ["p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3", d.off("p1"),
             f"p1 connect(3, {un('/tmp/in')}) = {EAFNOSUPPORT}"])


@family
def connect_inet6_refused(d):
    return ([src(d, "connect check after security_socket_connect")], True,
            ["p1 socket(AF_INET6, SOCK_DGRAM, IPPROTO_IP) = 3", d.off("p1"),
             f"p1 connect(3, {in6(47102)}) = {EPERM}"])


@family
def disconnect_udp_refused(d):
    return ([src(d, "connect check: AF_UNSPEC (disconnect) is not AF_UNIX"),
             "net/ipv4/udp.c udp_disconnect (6.12)"], True,
            ["p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 3", f"p1 connect(3, {in4(47103)}) = 0", d.off("p1"),
             f"p1 connect(3, {{sa_family=AF_UNSPEC}}, 16) = {EPERM}", 'p1 write(3, "x", 1) = 1'])


@family
def disconnect_unix_dgram_refused(d):
    return ([src(d, "connect check: the address family is tested, not the socket's, so AF_UNSPEC on a unix socket is refused"),
             "net/unix/af_unix.c unix_dgram_connect (6.12): AF_UNSPEC disconnects"], True,
            ["p1 socket(AF_UNIX, SOCK_DGRAM, 0) = 3", "p1 bind(3, " + un("/tmp/d") + ") = 0",
             "p1 socket(AF_UNIX, SOCK_DGRAM, 0) = 4", "p1 connect(4, " + un("/tmp/d") + ") = 0",
             "p1 connect(4, {sa_family=AF_UNSPEC}, 2) = 0", "p1 connect(4, " + un("/tmp/d") + ") = 0", d.off("p1"),
             f"p1 connect(4, {{sa_family=AF_UNSPEC}}, 2) = {EPERM}"])


@family
def unix_pathname_dgram_connect_allowed(d):
    return ([src(d, "AF_UNIX filesystem sockets are exempt")], True,
            ["p1 socket(AF_UNIX, SOCK_DGRAM, 0) = 3", "p1 bind(3, " + un("/tmp/sink") + ") = 0", "p1 fork() = p2",
             d.off("p2"), "p2 socket(AF_UNIX, SOCK_DGRAM, 0) = 4", "p2 connect(4, " + un("/tmp/sink") + ") = 0",
             'p2 write(4, "hi", 2) = 2', 'p1 recvfrom(3, "hi", 16, MSG_DONTWAIT, NULL, NULL) = 2'])


@family
def unix_pathname_seqpacket_allowed(d):
    return ([src(d, "AF_UNIX filesystem sockets are exempt")], True,
            ["p1 socket(AF_UNIX, SOCK_SEQPACKET, 0) = 3", "p1 bind(3, " + un("/tmp/sp") + ") = 0", "p1 listen(3, 8) = 0",
             "p1 fork() = p2", d.off("p2"), "p2 socket(AF_UNIX, SOCK_SEQPACKET, 0) = 4",
             "p2 connect(4, " + un("/tmp/sp") + ") = 0", 'p2 write(4, "hi", 2) = 2'])


@family
def unix_abstract_listen_by_restricted(d):
    bind = EPERM if d.abstract_refused else OK
    events = ["p1 fork() = p2", d.off("p2"), "p2 socket(AF_UNIX, SOCK_STREAM, 0) = 3",
              f'p2 bind(3, {un("@svc")}) = {bind}']
    if not d.abstract_refused:
        events += ["p2 listen(3, 8) = 0", "p1 socket(AF_UNIX, SOCK_STREAM, 0) = 3", f'p1 connect(3, {un("@svc")}) = 0',
                   'p1 write(3, "in", 2) = 2']
    return ([src(d, "unix_bind: an abstract name is " + ("refused" if d.abstract_refused else "exempt like any AF_UNIX address"))],
            True, events)


@family
def unix_abstract_sendmsg(d):
    sent = EPERM if d.abstract_refused else "2"
    events = ["p1 socket(AF_UNIX, SOCK_DGRAM, 0) = 3", f'p1 bind(3, {un("@sink")}) = 0', "p1 fork() = p2", d.off("p2"),
              "p2 socket(AF_UNIX, SOCK_DGRAM, 0) = 4", f'p2 sendmsg(4, {msg(un("@sink"), "hi")}, 0) = {sent}']
    if not d.abstract_refused:
        events.append('p1 recvfrom(3, "hi", 16, MSG_DONTWAIT, NULL, NULL) = 2')
    return ([src(d, "unix_dgram_sendmsg: an abstract msg_name is " + ("refused" if d.abstract_refused else "exempt"))],
            True, events)


@family
def unix_stream_sendto_address_is_eisconn(d):
    return ([src(d, "sendmsg check exempts AF_UNIX sockets"),
             "net/unix/af_unix.c unix_stream_sendmsg (6.12): an address on a connected stream socket is EISCONN"], True,
            ["p1 socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4]) = 0", d.off("p1"),
             f'p1 sendto(3, "x", 1, 0, {un("@peer")}) = {EPERM if d.abstract_in_sendmsg_hook else EISCONN}',
             'p1 write(3, "x", 1) = 1'])


@family
def unix_autobind_by_restricted(d):
    return ([src(d, "unix_bind: autobind (only sa_family) returns before the abstract-name check")], True,
            [d.off("p1"), "p1 socket(AF_UNIX, SOCK_DGRAM, 0) = 3", "p1 bind(3, {sa_family=AF_UNIX}, 2) = 0"])


@family
def socketpair_dgram_after_drop(d):
    return ([src(d, "AF_UNIX is exempt")], True,
            [d.off("p1"), "p1 socketpair(AF_UNIX, SOCK_DGRAM, 0, [3, 4]) = 0", 'p1 write(3, "x", 1) = 1',
             'p1 read(4, "x", 8) = 1'])


@family
def udp_sendmsg_with_name_refused(d):
    return ([src(d, "sendmsg check: msg_name on a socket that is not AF_UNIX"),
             "net/ipv4/udp.c udp_sendmsg (6.12): no address on an unconnected socket is EDESTADDRREQ"], True,
            ["p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 3", d.off("p1"),
             f'p1 sendmsg(3, {msg(in4(47104), "hi")}, 0) = {EPERM}',
             f'p1 sendmsg(3, {msg(None, "hi")}, 0) = {EDESTADDRREQ}'])


@family
def udp6_sendto_refused(d):
    return ([src(d, "sendmsg check: an address on a socket that is not AF_UNIX")], True,
            ["p1 socket(AF_INET6, SOCK_DGRAM, IPPROTO_IP) = 3", d.off("p1"),
             f'p1 sendto(3, "hi", 2, 0, {in6(47105)}) = {EPERM}'])


@family
def listen_and_accept_after_drop(d):
    return ([src(d, "no check on listen or accept: a socket bound before the drop still takes connections")], True,
            ["p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3", f"p1 bind(3, {in4(47106)}) = 0", "p1 fork() = p2",
             d.off("p1"), "p1 listen(3, 8) = 0", "p2 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 4",
             f"p2 connect(4, {in4(47106)}) = 0", 'p2 write(4, "in", 2) = 2', "p1 accept(3, NULL, NULL) = 4",
             'p1 read(4, "in", 16) = 2', 'p1 write(4, "out", 3) = 3'])


@family
def udp_receive_after_drop(d):
    return ([src(d, "no check on receiving")], True,
            ["p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 3", f"p1 bind(3, {in4(47107)}) = 0", "p1 fork() = p2",
             d.off("p1"), "p2 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 4", f'p2 sendto(4, "in", 2, 0, {in4(47107)}) = 2',
             'p1 recvfrom(3, "in", 16, MSG_DONTWAIT, NULL, NULL) = 2'])


@family
def ptrace_seize_of_unrestricted(d):
    return ([src(d, "__ptrace_may_access check (ptrace_access_check hook in v3)")], True,
            ["p1 fork() = p2", d.off("p1"), f"p1 ptrace(PTRACE_SEIZE, p2, NULL, 0) = {EPERM}"])


@family
def ptrace_by_restricted_root(d):
    return ([src(d, "__ptrace_may_access check: CAP_SYS_PTRACE does not bypass it")], False,
            ["p1 fork() = p2", d.off("p1"), f"p1 ptrace(PTRACE_ATTACH, p2) = {EPERM}"])


@family
def proc_environ_of_unrestricted(d):
    return ([src(d, "__ptrace_may_access check, reached by PTRACE_MODE_READ"),
             "fs/proc/base.c __mem_open, kernel/fork.c mm_access (6.12): a refused access check is EACCES; one's own mm is not checked"],
            True,
            ["p1 fork() = p2", d.off("p1"), f'p1 openat(AT_FDCWD, "/proc/p2/environ", O_RDONLY) = {EACCES}',
             'p1 openat(AT_FDCWD, "/proc/self/environ", O_RDONLY) = 3',
             'p1 openat(AT_FDCWD, "/proc/p2/status", O_RDONLY) = 4'])


@family
def proc_environ_of_restricted(d):
    result = EACCES if d.ptrace_refused_always else "3"
    return ([src(d, "__ptrace_may_access check towards a task with the same restriction")], True,
            [d.off("p1"), "p1 fork() = p2", f'p1 openat(AT_FDCWD, "/proc/p2/environ", O_RDONLY) = {result}'])


@family
def inherited_by_grandchild(d):
    return ([src(d, "the flag or limit is copied at fork")], True,
            [d.off("p1"), "p1 fork() = p2", "p2 fork() = p3", f"p3 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = {EPERM}"])


@family
def inherited_by_clone(d):
    return ([src(d, "the flag or limit is copied by every variant of fork")], True,
            [d.off("p1"), "p1 clone(child_stack=NULL, flags=SIGCHLD) = p2",
             f"p2 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = {EPERM}"])


@family
def child_drop_leaves_parent(d):
    return ([src(d, "the restriction is per process: a child's drop does not reach its parent")], True,
            ["p1 fork() = p2", d.off("p2"), f"p2 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = {EPERM}",
             "p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3"])


@family
def exec_then_fork(d):
    return ([src(d, "kept over exec, then copied at fork")], True,
            [d.off("p1"), 'p1 execve("/proc/self/exe", ["self"], NULL) = 0', "p1 fork() = p2",
             f"p2 socket(AF_INET6, SOCK_DGRAM, IPPROTO_IP) = {EPERM}"])


@family
def sysv_msg_not_covered(d):
    return ([src(d, "no hunk touches ipc/: SysV message queues stay a channel (Denis-Courmont, 2009-12-13)")], True,
            ["p1 msgget(0x71, IPC_CREAT|0600) = 0", "p1 fork() = p2", d.off("p2"),
             'p2 msgsnd(0, {mtype=1, mtext="out"}, 3, IPC_NOWAIT) = 0',
             'p1 msgrcv(0, {mtype=1, mtext="out"}, 3, 0, IPC_NOWAIT) = 3'])


@family
def get_reads_the_flag(d):
    if not d.is_prctl:
        return None
    return ([src(d, "kernel/sys.c prctl_get_network (v2), the task_prctl hook (v3 port)")], True,
            ["p1 prctl(PR_GET_NETWORK) = 0", d.off("p1"), "p1 prctl(PR_GET_NETWORK) = 1", "p1 fork() = p2",
             "p2 prctl(PR_GET_NETWORK) = 1"])


@family
def set_is_idempotent(d):
    if not d.is_prctl:
        return None
    return ([src(d, "prctl_set_network: only clearing a set bit is EPERM")], True,
            ["p1 prctl(PR_SET_NETWORK, PR_NETWORK_ON) = 0", d.off("p1"), d.off("p1"), "p1 prctl(PR_GET_NETWORK) = 1"])


@family
def extra_arguments_ignored(d):
    if not d.is_prctl:
        return None
    return ([src(d, "prctl_set_network and prctl_get_network look at arg2 only")], True,
            ["p1 prctl(PR_GET_NETWORK, 1, 2, 3, 4) = 0", "p1 prctl(PR_SET_NETWORK, PR_NETWORK_OFF, 1, 2, 3) = 0",
             "p1 prctl(PR_GET_NETWORK, 1, 2, 3, 4) = 1"])


@family
def getrlimit_after_drop(d):
    if d.is_prctl:
        return None
    return ([src(d, "RLIMIT_NETWORK is an ordinary rlimit: read back, inherited")], True,
            [d.off("p1"), "p1 getrlimit(RLIMIT_NETWORK, {rlim_cur=0, rlim_max=0}) = 0", "p1 fork() = p2",
             "p2 getrlimit(RLIMIT_NETWORK, {rlim_cur=0, rlim_max=0}) = 0"])


@family
def prlimit_imposes_on_another(d):
    if d.is_prctl:
        return None
    return ([src(d, "RLIMIT_NETWORK is an ordinary rlimit"),
             "kernel/sys.c prlimit64, check_prlimit_permission (6.12): a task with the same ids may set another's limits"], True,
            ["p1 fork() = p2", "p1 prlimit64(p2, RLIMIT_NETWORK, {rlim_cur=0, rlim_max=0}, NULL) = 0",
             f"p2 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = {EPERM}", "p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3"])


@family
def soft_limit_raised_within_hard(d):
    if d.is_prctl:
        return None
    return ([src(d, "a soft limit of 0 under an unlimited hard limit is a temporary drop")], True,
            ["p1 setrlimit(RLIMIT_NETWORK, {rlim_cur=0, rlim_max=RLIM64_INFINITY}) = 0",
             f"p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = {EPERM}",
             "p1 setrlimit(RLIMIT_NETWORK, {rlim_cur=1, rlim_max=RLIM64_INFINITY}) = 0",
             "p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 3"])


def write(d, name, sources, user, events):
    folder = os.path.join(HERE, "..", d.name, "scenarios")
    os.makedirs(folder, exist_ok=True)
    lines = ["# isolation-trace 1", f"# scenario: {name}", f"# design: {d.name}"]
    if user:
        lines.append("# user: 1000")
    lines += [f"# source: {s}" for s in sources] + events
    with open(os.path.join(folder, name + ".trace"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def main():
    for d in DESIGNS:
        folder = os.path.join(HERE, "..", d.name, "scenarios")
        if os.path.isdir(folder):
            for old in os.listdir(folder):
                if old.endswith(".trace"):
                    os.remove(os.path.join(folder, old))
        for name, fn in FAMILIES:
            made = fn(d)
            if made:
                write(d, name, *made)


if __name__ == "__main__":
    main()
