#!/usr/bin/env python3
"""Writes the host-corpus scenario families (<area>/*.scn) from tables of variants; rerun after editing."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def write(area, name, design, source, events, user=None, setup=None):
    os.makedirs(os.path.join(HERE, area), exist_ok=True)
    head = ["# isolation-trace 1", f"# scenario: {name}", f"# design: {design}"]
    if setup:
        head.append(f"# setup: {setup}")
    if user is not None:
        head.append(f"# user: {user}")
    head.append(f"# source: {source}; captured on the host kernel")
    with open(os.path.join(HERE, area, name + ".scn"), "w") as f:
        f.write("\n".join(head + [e + " = ?" for e in events]) + "\n")


UNIX_SRC = "unix(7); net/unix/af_unix.c (6.12)"
for kind in ["SOCK_STREAM", "SOCK_DGRAM", "SOCK_SEQPACKET"]:
    k = kind.split("_")[1].lower()
    for where, split in [("same-netns", []), ("other-netns", ["p2 unshare(CLONE_NEWNET)"])]:
        for ns in ["path", "abstract"]:
            addr = '{sa_family=AF_UNIX, sun_path="/tmp/s"}, 110' if ns == "path" \
                else '{sa_family=AF_UNIX, sun_path=@"iso"}, 110'
            ev = [f"p1 socket(AF_UNIX, {kind}|SOCK_NONBLOCK, 0)", f"p1 bind(3, {addr})"]
            if kind != "SOCK_DGRAM":
                ev.append("p1 listen(3, 5)")
            ev += ["p1 fork()"] + split + [f"p2 socket(AF_UNIX, {kind}|SOCK_NONBLOCK, 0)", f"p2 connect(4, {addr})"]
            write("unix", f"unix-{k}-{ns}-{where}", "baseline", UNIX_SRC, ev)

for user, uname in [(None, "root"), (1000, "user")]:
    for userns in [False, True]:
        ev = ["p1 fork()"]
        if userns:
            ev.append("p2 unshare(CLONE_NEWUSER)")
        ev += ["p2 kill(p1, 0)", "p2 kill(p1, SIGUSR1)", "p2 ptrace(PTRACE_SEIZE, p1, NULL, 0)"]
        write("task", f"kill-ptrace-{uname}{'-userns' if userns else ''}", "baseline",
              "kill(2), ptrace(2); kernel/signal.c, kernel/ptrace.c (6.12)", ev, user=user)

INET_SRC = "tcp(7), udp(7), ip(7); net/ipv4/af_inet.c, net/ipv4/inet_connection_sock.c (6.12)"
INET_PLACES = [
    ("loopback", "baseline", None, "127.0.0.1", "127.0.0.1", []),
    ("loopback-other-netns", "baseline", None, "127.0.0.1", "127.0.0.1", ["p2 unshare(CLONE_NEWNET)"]),
    ("veth", "netns", "netns", "10.0.0.1", "10.0.0.1", []),
    ("veth-peer-netns", "netns", "netns", "10.0.0.2", "10.0.0.2", []),
]
for i, (place, design, setup, baddr, caddr, split) in enumerate(INET_PLACES):
    port = 40100 + i
    sa = lambda a, p: f'{{sa_family=AF_INET, sin_port=htons({p}), sin_addr=inet_addr("{a}")}}, 16'
    write("inet", f"tcp-{place}", design, INET_SRC,
          ["p1 socket(AF_INET, SOCK_STREAM|SOCK_NONBLOCK, IPPROTO_TCP)", f"p1 bind(3, {sa(baddr, port)})",
           "p1 listen(3, 5)", "p1 fork()"] + split +
          ["p2 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)", f"p2 bind(4, {sa(caddr, port + 100)})",
           f"p2 connect(4, {sa(caddr, port)})"], setup=setup)
    write("inet", f"udp-{place}", design, INET_SRC,
          ["p1 socket(AF_INET, SOCK_DGRAM|SOCK_NONBLOCK, IPPROTO_UDP)", f"p1 bind(3, {sa(baddr, port)})",
           "p1 fork()"] + split +
          ["p2 socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP)", f"p2 bind(4, {sa(caddr, port + 200)})",
           f'p2 sendto(4, "ping", 4, 0, {sa(caddr, port)})',
           f'p1 recvfrom(3, "", 16, MSG_DONTWAIT, {sa("0.0.0.0", 0)[:-4]}, [16])'], setup=setup)
    write("inet", f"bind-twice-{place}", design, INET_SRC,
          ["p1 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)", f"p1 bind(3, {sa(baddr, port + 300)})",
           "p1 fork()"] + split +
          ["p2 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)", f"p2 bind(4, {sa(caddr, port + 300)})"], setup=setup)

IPC_SRC = "svipc(7), shmget(2), msgget(2), semget(2); ipc/util.c ipcperms, ipc/shm.c, ipc/msg.c, ipc/sem.c (6.12)"
IPC_CALLS = {
    "shm": ("shmget(0x1234, 4096, IPC_CREAT|{mode})", "shmget(0x1234, 4096, {mode})", "shmctl(0, IPC_RMID, NULL)"),
    "msg": ("msgget(0x1234, IPC_CREAT|{mode})", "msgget(0x1234, {mode})", "msgctl(0, IPC_RMID, NULL)"),
    "sem": ("semget(0x1234, 1, IPC_CREAT|{mode})", "semget(0x1234, 1, {mode})", "semctl(0, 0, IPC_RMID, NULL)"),
}
for kind, (create, get, rmid) in IPC_CALLS.items():
    for mode in ["0600", "0644", "0666"]:
        for other, steps in [("user", ["p2 setresgid(1000, 1000, 1000)", "p2 setresuid(1000, 1000, 1000)"]),
                             ("userns", ["p2 unshare(CLONE_NEWUSER)"]),
                             ("ipcns", ["p2 unshare(CLONE_NEWIPC)"])]:
            ev = ["p1 " + create.format(mode=mode), "p1 fork()"] + steps + [
                "p2 " + get.format(mode="0400"), "p2 " + get.format(mode="0200"), "p2 " + rmid]
            write("ipc", f"{kind}-{mode}-{other}", "baseline", IPC_SRC, ev)

SCM_SRC = "unix(7) SCM_RIGHTS; net/unix/af_unix.c, net/core/scm.c (6.12)"
for what, make in [("stream", "p1 socket(AF_UNIX, SOCK_STREAM, 0)"), ("unix", "p1 socket(AF_UNIX, SOCK_DGRAM, 0)"),
                   ("udp", "p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP)")]:
    for split in [[], ["p2 unshare(CLONE_NEWNET)"], ["p2 setresuid(1000, 1000, 1000)"]]:
        tag = "same" if not split else ("netns" if "NEWNET" in split[0] else "user")
        ev = [make, "p1 socketpair(AF_UNIX, SOCK_DGRAM, 0, [4, 5])", "p1 fork()"] + split
        a, b = "4", "5"
        ev += [f'p1 sendmsg({a}, {{msg_name=NULL, msg_namelen=0, msg_iov=[{{iov_base="x", iov_len=1}}], msg_iovlen=1, '
               f'msg_control=[{{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[3]}}], '
               f'msg_controllen=24, msg_flags=0}}, 0)',
               f'p2 recvmsg({b}, {{msg_name=NULL, msg_namelen=0, msg_iov=[{{iov_base="", iov_len=8}}], msg_iovlen=1, '
               f'msg_control=[], msg_controllen=64, msg_flags=0}}, MSG_DONTWAIT)']
        write("scm", f"scm-rights-{what}-{tag}", "baseline", SCM_SRC, ev)
