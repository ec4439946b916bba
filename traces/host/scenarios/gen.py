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


# ---- Issue 3 families: unix/inet across processes and namespaces, namespaces, ptrace/kill, /proc.
# Everything touching the network runs under `# setup: netns`, so each capture has namespaces of
# its own: no TIME_WAIT or abstract name survives into the next capture. Ports 41000-41999.

def un(name):
    """A unix address and its exact length: "/tmp/NAME" is a pathname, "@NAME" an abstract name."""
    if name.startswith("@"):
        return f'{{sa_family=AF_UNIX, sun_path=@"{name[1:]}"}}, {2 + len(name)}'
    return f'{{sa_family=AF_UNIX, sun_path="{name}"}}, {3 + len(name)}'


def sa(addr, port):
    """An AF_INET or AF_INET6 address and its length."""
    if ":" in addr:
        return (f'{{sa_family=AF_INET6, sin6_port=htons({port}), sin6_flowinfo=htonl(0), '
                f'inet_pton(AF_INET6, "{addr}", &sin6_addr), sin6_scope_id=0}}, 28')
    return f'{{sa_family=AF_INET, sin_port=htons({port}), sin_addr=inet_addr("{addr}")}}, 16'


def sa_out(addr):
    """A recvfrom/accept4 address template (filled by the kernel) with its length argument."""
    blank = sa("::" if ":" in addr else "0.0.0.0", 0)
    return blank.rsplit(", ", 1)[0] + f", [{blank.rsplit(', ', 1)[1]}]"


def recv(p, fd, size=16, flags="MSG_DONTWAIT"):
    """A recvfrom that never waits and asks for no address."""
    return f'{p} recvfrom({fd}, "", {size}, {flags}, NULL, NULL)'


def kind_name(kind):
    """SOCK_STREAM -> stream, for scenario names."""
    return kind.split("_")[1].lower()


UNIX_KINDS = ["SOCK_STREAM", "SOCK_DGRAM", "SOCK_SEQPACKET"]
AS_USER = ["p2 setresgid(1000, 1000, 1000)", "p2 setresuid(1000, 1000, 1000)"]
UNIXPAIR_SRC = "unix(7), socketpair(2), shutdown(2); net/unix/af_unix.c unix_shutdown, unix_release_sock (6.12)"
UNIXPAIR_VARIANTS = {
    "shutdown-wr": ['p1 write(3, "ab", 2)', "p1 shutdown(3, SHUT_WR)", recv("p2", 4), recv("p2", 4),
                    'p1 write(3, "c", 1)', 'p2 write(4, "d", 1)', recv("p1", 3)],
    "shutdown-rd": ["p2 shutdown(4, SHUT_RD)", 'p1 write(3, "ab", 2)', recv("p2", 4), 'p2 write(4, "d", 1)',
                    recv("p1", 3)],
    "shutdown-rdwr": ["p1 shutdown(3, SHUT_RDWR)", 'p1 write(3, "ab", 2)', recv("p1", 3), 'p2 write(4, "d", 1)',
                      recv("p2", 4)],
    "close-peer": ['p1 write(3, "ab", 2)', "p2 close(4)", recv("p1", 3), 'p1 write(3, "c", 1)',
                   'p1 sendto(3, "c", 1, MSG_DONTWAIT, NULL, 0)'],
    "data-then-close": ['p1 write(3, "ab", 2)', "p1 close(3)", recv("p2", 4), recv("p2", 4), 'p2 write(4, "c", 1)'],
    "boundaries": ['p1 write(3, "one", 3)', 'p1 write(3, "two", 3)', recv("p2", 4), recv("p2", 4), recv("p2", 4)],
    "truncate": ['p1 write(3, "hello", 5)', recv("p2", 4, 2), recv("p2", 4)],
}
UNIX_SPLITS = {"user": AS_USER, "netns": ["p2 unshare(CLONE_NEWNET)"],
               "userns": ["p2 unshare(CLONE_NEWUSER|CLONE_NEWNET)"]}
for kind in UNIX_KINDS:
    k = kind_name(kind)
    base = [f"p1 socketpair(AF_UNIX, {kind}, 0, [3, 4])", "p1 fork()"]
    for variant, steps in UNIXPAIR_VARIANTS.items():
        write("unixpair", f"pair-{k}-{variant}", "baseline", UNIXPAIR_SRC,
              base + ["p1 close(4)", "p2 close(3)"] + steps, setup="netns")
    for where, split in UNIX_SPLITS.items():
        write("unixpair", f"pair-{k}-across-{where}", "baseline", UNIXPAIR_SRC,
              base + split + ["p1 close(4)", "p2 close(3)", 'p1 write(3, "to", 2)', recv("p2", 4),
                              'p2 write(4, "fro", 3)', recv("p1", 3)], setup="netns")

UNIXNAME_SRC = ("unix(7); net/unix/af_unix.c unix_bind, unix_find_other, unix_stream_connect, "
                "unix_dgram_connect (6.12); path_permission for pathname sockets")
for kind, other in zip(UNIX_KINDS, UNIX_KINDS[1:] + UNIX_KINDS[:1]):
    k = kind_name(kind)
    listen = [] if kind == "SOCK_DGRAM" else ["p1 listen(3, 5)"]
    for ns, name in [("path", "/tmp/cx"), ("abstract", "@cx")]:
        a = un(name)
        serve = [f"p1 socket(AF_UNIX, {kind}, 0)", f"p1 bind(3, {a})"] + listen
        client = [f"p2 socket(AF_UNIX, {kind}|SOCK_NONBLOCK, 0)", f"p2 connect(4, {a})"]
        peer = f'p2 getpeername(4, {{sa_family=AF_UNIX, sun_path=""}}, [110])'
        cases = {
            "bind-twice": serve + ["p1 fork()", f"p2 socket(AF_UNIX, {kind}, 0)", f"p2 bind(4, {a})",
                                   f"p2 bind(4, {un(name + 'b')})", f"p2 bind(4, {un(name + 'c')})"],
            "no-listener": ["p1 fork()", f"p2 socket(AF_UNIX, {kind}|SOCK_NONBLOCK, 0)", f"p2 connect(3, {a})"],
            "closed-listener": serve + ["p1 close(3)", "p1 fork()", f"p2 socket(AF_UNIX, {kind}|SOCK_NONBLOCK, 0)",
                                        f"p2 connect(3, {a})", f"p2 bind(3, {a})"],
            "wrong-type": serve + ["p1 fork()", f"p2 socket(AF_UNIX, {other}|SOCK_NONBLOCK, 0)", f"p2 connect(4, {a})"],
            "other-user": serve + ["p1 fork()"] + AS_USER + client
                          + ([f'p1 chmod("{name}", 0777)', f"p2 connect(4, {a})"] if ns == "path" else []) + [peer],
            "userns-netns": serve + ["p1 fork()", "p2 unshare(CLONE_NEWUSER|CLONE_NEWNET)"] + client + [peer],
        }
        if kind == "SOCK_DGRAM":
            for case in ("other-user", "userns-netns"):
                cases[case] += [f'p2 sendto(4, "hi", 2, 0, {a})', recv("p1", 3)]
        else:
            cases["backlog"] = [f"p1 socket(AF_UNIX, {kind}, 0)", f"p1 bind(3, {a})", "p1 listen(3, 0)", "p1 fork()",
                                f"p2 socket(AF_UNIX, {kind}|SOCK_NONBLOCK, 0)", f"p2 connect(4, {a})",
                                f"p2 socket(AF_UNIX, {kind}|SOCK_NONBLOCK, 0)", f"p2 connect(5, {a})",
                                "p1 accept4(3, NULL, NULL, SOCK_NONBLOCK)", f"p2 connect(5, {a})"]
        for case, ev in cases.items():
            write("unixname", f"name-{k}-{ns}-{case}", "baseline", UNIXNAME_SRC, ev, setup="netns")
    autobind = "{sa_family=AF_UNIX}, 2"  # only the family: unix_autobind picks the name
    write("unixname", f"autobind-{k}", "baseline", UNIXNAME_SRC,
          [f"p1 socket(AF_UNIX, {kind}, 0)", f"p1 bind(3, {autobind})", f"p1 bind(3, {un('/tmp/cxb')})",
           f"p1 bind(3, {autobind})", f"p1 socket(AF_UNIX, {kind}, 0)", "p1 listen(4, 1)",
           f"p1 bind(4, {autobind})", "p1 listen(4, 1)"], setup="netns")
write("unixname", "autobind-dgram-send", "baseline", UNIXNAME_SRC,
      ["p1 socket(AF_UNIX, SOCK_DGRAM, 0)", f"p1 bind(3, {un('@cx')})", "p1 fork()",
       "p2 socket(AF_UNIX, SOCK_DGRAM, 0)", "p2 bind(4, {sa_family=AF_UNIX}, 2)",
       f'p2 sendto(4, "hi", 2, 0, {un("@cx")})', recv("p1", 3)], setup="netns")


def sendmsg(fd, fds):
    data = ", ".join(str(f) for f in fds)
    return (f'sendmsg({fd}, {{msg_name=NULL, msg_namelen=0, msg_iov=[{{iov_base="x", iov_len=1}}], msg_iovlen=1, '
            f'msg_control=[{{cmsg_len={16 + 4 * len(fds)}, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, '
            f'cmsg_data=[{data}]}}], msg_controllen={(16 + 4 * len(fds) + 7) // 8 * 8}, msg_flags=0}}, 0)')


def recvmsg(fd, control=64):
    return (f'recvmsg({fd}, {{msg_name=NULL, msg_namelen=0, msg_iov=[{{iov_base="", iov_len=8}}], msg_iovlen=1, '
            f'msg_control=[], msg_controllen={control}, msg_flags=0}}, MSG_DONTWAIT)')


SCMPASS_SRC = ("unix(7) SCM_RIGHTS, network_namespaces(7); net/core/scm.c scm_fp_copy, net/socket.c: "
               "a socket keeps the namespace it was created in (sock_net) (6.12)")
SCM_PORT = 41950
SCM_LO = sa("127.0.0.1", SCM_PORT)
SCM_PASSED = {  # what p1 listens with, the socket it passes, and what p2 does with it and with its own
    "tcp": (["p1 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)", f"p1 bind(3, {SCM_LO})", "p1 listen(3, 5)"],
            "socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)", lambda fd: [f"p2 connect({fd}, {SCM_LO})"]),
    "udp": (["p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP)", f"p1 bind(3, {SCM_LO})"],
            "socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP)",
            lambda fd: [f'p2 sendto({fd}, "hi", 2, 0, {SCM_LO})', recv("p1", 3)]),
    "abstract": (["p1 socket(AF_UNIX, SOCK_STREAM, 0)", f"p1 bind(3, {un('@cxp')})", "p1 listen(3, 5)"],
                 "socket(AF_UNIX, SOCK_STREAM, 0)", lambda fd: [f"p2 connect({fd}, {un('@cxp')})"]),
}
for what, (serve, make, use) in SCM_PASSED.items():
    for where, split in [("netns", ["p2 unshare(CLONE_NEWNET)"]),
                         ("userns-netns", ["p2 unshare(CLONE_NEWUSER|CLONE_NEWNET)"]), ("user", AS_USER)]:
        ev = serve + ["p1 socketpair(AF_UNIX, SOCK_DGRAM, 0, [4, 5])", "p1 fork()"] + split + [
            f"p1 {make}", "p1 " + sendmsg(4, [6]), "p1 close(6)", "p2 " + recvmsg(5), f"p2 {make}"]
        write("scmpass", f"pass-{what}-to-{where}", "baseline", SCMPASS_SRC, ev + use(6) + use(7), setup="netns")
SCM_PAIR = ["p1 socketpair(AF_UNIX, SOCK_DGRAM, 0, [3, 4])", "p1 fork()", "p1 socket(AF_UNIX, SOCK_DGRAM, 0)",
            "p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP)"]
for name, ev in {
    "ctrunc": SCM_PAIR + ["p1 " + sendmsg(3, [5]), "p2 " + recvmsg(4, 16), recv("p2", 4)],
    "no-control-buffer": SCM_PAIR + ["p1 " + sendmsg(3, [5]), "p2 " + recvmsg(4, 0)],
    "two-fds": SCM_PAIR + ["p1 " + sendmsg(3, [5, 6]), "p2 " + recvmsg(4), "p2 getsockopt(6, SOL_SOCKET, SO_TYPE, [0], [4])"],
    "bad-fd": SCM_PAIR + ["p1 " + sendmsg(3, [9]), "p1 " + sendmsg(3, [5]), "p2 " + recvmsg(4)],
    "stream": ["p1 socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4])", "p1 fork()", "p1 socket(AF_UNIX, SOCK_DGRAM, 0)",
               "p1 " + sendmsg(3, [5]), "p1 close(5)", "p2 " + recvmsg(4), recv("p2", 4)],
    "pass-own-end": SCM_PAIR + ["p1 " + sendmsg(3, [3]), "p1 close(3)", "p2 " + recvmsg(4),
                                'p2 sendto(5, "y", 1, MSG_DONTWAIT, NULL, 0)', recv("p2", 4)],
}.items():
    write("scmpass", f"scm-{name}", "baseline", SCMPASS_SRC, ev, setup="netns")

def fill_addresses(event, fill):
    """Replaces the <a>, <a1>, ... placeholders of an event with addresses."""
    for key, value in fill.items():
        event = event.replace(f"<{key}>", value)
    return event


INET_MORE_SRC = ("tcp(7), udp(7), ip(7), ipv6(7); net/ipv4/inet_connection_sock.c inet_csk_get_port, "
                 "net/ipv4/tcp_ipv4.c, net/ipv4/udp.c, net/ipv4/icmp.c (6.12)")
INET_MORE_PLACES = [("lo", "127.0.0.1", "0.0.0.0"), ("veth", "10.0.0.1", "0.0.0.0"), ("lo6", "::1", "::")]
LO_UP = ["p2 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP)",
         'p2 ioctl(5, SIOCSIFFLAGS, {ifr_name="lo", ifr_flags=IFF_UP})']
for i, (place, addr, wild) in enumerate(INET_MORE_PLACES):
    fam = "AF_INET6" if ":" in addr else "AF_INET"
    tcp, udp = f"socket({fam}, SOCK_STREAM, IPPROTO_TCP)", f"socket({fam}, SOCK_DGRAM, IPPROTO_UDP)"
    reuse = "setsockopt({fd}, SOL_SOCKET, SO_REUSEADDR, [1], 4)"
    tcp_cases = {
        "accept-exchange": [f"p1 bind(3, <a>)", "p1 listen(3, 5)", "p1 fork()", f"p2 {tcp}", "p2 bind(4, <a1>)",
                            "p2 connect(4, <a>)", 'p2 write(4, "ping", 4)',
                            f"p1 accept4(3, {sa_out(addr)}, SOCK_NONBLOCK)", recv("p1", 4), recv("p1", 4),
                            "p1 shutdown(4, SHUT_WR)", recv("p2", 4), 'p2 write(4, "x", 1)', recv("p1", 4)],
        "refused": ["p1 connect(3, <a>)", f"p1 socket({fam}, SOCK_STREAM|SOCK_NONBLOCK, IPPROTO_TCP)",
                    "p1 connect(4, <a>)", "p1 getsockopt(4, SOL_SOCKET, SO_ERROR, [0], [4])",
                    "p1 getsockopt(4, SOL_SOCKET, SO_ERROR, [0], [4])"],
        "bind-twice": ["p1 bind(3, <a>)", "p1 fork()", f"p2 {tcp}", "p2 bind(4, <a>)", "p2 bind(4, <a1>)",
                       "p2 bind(4, <a2>)"],
        "reuseaddr-both": ["p1 " + reuse.format(fd=3), "p1 bind(3, <a>)", "p1 fork()", f"p2 {tcp}",
                           "p2 " + reuse.format(fd=4), "p2 bind(4, <a>)", "p1 listen(3, 5)", "p2 listen(4, 5)"],
        "reuseaddr-listener": ["p1 " + reuse.format(fd=3), "p1 bind(3, <a>)", "p1 listen(3, 5)", "p1 fork()",
                               f"p2 {tcp}", "p2 " + reuse.format(fd=4), "p2 bind(4, <a>)"],
        "reuseaddr-one-side": ["p1 bind(3, <a>)", "p1 fork()", f"p2 {tcp}", "p2 " + reuse.format(fd=4),
                               "p2 bind(4, <a>)"],
        "wildcard-conflict": ["p1 bind(3, <w>)", "p1 fork()", f"p2 {tcp}", "p2 bind(4, <a>)", f"p2 {tcp}",
                              "p2 bind(5, <w1>)", f"p2 {tcp}", "p2 bind(6, <a1>)"],
        "other-netns": ["p1 bind(3, <a>)", "p1 listen(3, 5)", "p1 fork()", "p2 unshare(CLONE_NEWNET)", f"p2 {tcp}",
                        "p2 connect(4, <a>)"] + LO_UP + ["p2 connect(4, <a>)"],
        "close-listener": ["p1 bind(3, <a>)", "p1 listen(3, 5)", "p1 fork()", "p2 close(3)", f"p2 {tcp}",
                           "p2 bind(3, <a1>)", "p2 connect(3, <a>)", "p1 close(3)", recv("p2", 3), recv("p2", 3),
                           'p2 write(3, "x", 1)'],
        "peer-closed": ["p1 bind(3, <a>)", "p1 listen(3, 5)", f"p1 {tcp}", "p1 bind(4, <a1>)", "p1 connect(4, <a>)",
                        "p1 connect(4, <a>)", f"p1 accept4(3, {sa_out(addr)}, 0)", "p1 close(5)", recv("p1", 4),
                        'p1 write(4, "x", 1)', recv("p1", 4), 'p1 write(4, "x", 1)'],
    }
    udp_cases = {
        "exchange": ["p1 bind(3, <a>)", "p1 fork()", f"p2 {udp}", "p2 bind(4, <a1>)", 'p2 sendto(4, "ping", 4, 0, <a>)',
                     f'p1 recvfrom(3, "", 16, MSG_DONTWAIT, {sa_out(addr)})', recv("p1", 3),
                     'p1 sendto(3, "pong", 4, 0, <a1>)', recv("p2", 4)],
        "connected-refused": ["p1 bind(3, <a>)", "p1 connect(3, <a1>)", 'p1 write(3, "x", 1)', recv("p1", 3),
                              recv("p1", 3), 'p1 write(3, "x", 1)'],
        "bind-twice": ["p1 bind(3, <a>)", "p1 fork()", f"p2 {udp}", "p2 bind(4, <a>)", "p2 bind(4, <w>)",
                       "p2 bind(4, <a1>)"],
        "reuseaddr-both": ["p1 " + reuse.format(fd=3), "p1 bind(3, <a>)", "p1 fork()", f"p2 {udp}",
                           "p2 bind(4, <a>)", "p2 " + reuse.format(fd=4), "p2 bind(4, <a>)"],
        "no-destination": ['p1 sendto(3, "x", 1, 0, NULL, 0)', 'p1 write(3, "x", 1)', recv("p1", 3),
                           f"p1 getpeername(3, {sa_out(addr)})"],
        "other-netns": ["p1 bind(3, <a>)", "p1 fork()", "p2 unshare(CLONE_NEWNET)", f"p2 {udp}",
                        'p2 sendto(4, "x", 1, 0, <a>)'] + LO_UP + ['p2 sendto(4, "x", 1, 0, <a>)', recv("p1", 3)],
        "peek": ["p1 bind(3, <a>)", f"p1 {udp}", 'p1 sendto(4, "hello", 5, 0, <a>)',
                 recv("p1", 3, 16, "MSG_DONTWAIT|MSG_PEEK"), recv("p1", 3, 2), recv("p1", 3)],
        "connect-filters": ["p1 bind(3, <a>)", "p1 connect(3, <a1>)", f"p1 {udp}", "p1 bind(4, <a2>)",
                            'p1 sendto(4, "x", 1, 0, <a>)', recv("p1", 3), f"p1 {udp}", "p1 bind(5, <a1>)",
                            'p1 sendto(5, "y", 1, 0, <a>)', recv("p1", 3)],
    }
    for proto, make, cases in [("tcp", tcp, tcp_cases), ("udp", udp, udp_cases)]:
        for j, (case, steps) in enumerate(cases.items()):
            port = 41000 + 300 * i + 10 * j + (0 if proto == "tcp" else 200)
            fill = dict(a=sa(addr, port), a1=sa(addr, port + 1), a2=sa(addr, port + 2),
                        w=sa(wild, port), w1=sa(wild, port + 1))
            ev = [f"p1 {make}"] + [fill_addresses(s, fill) for s in steps]
            write(proto, f"{proto}-{place}-{case}", "baseline", INET_MORE_SRC, ev, setup="netns")

V6ONLY = "setsockopt(3, SOL_IPV6, IPV6_V6ONLY, [1], 4)"
for name, ev in {
    "tcp-veth-peer-refused": ["p1 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)", f"p1 connect(3, {sa('10.0.0.2', 41900)})",
                              "p1 socket(AF_INET, SOCK_STREAM|SOCK_NONBLOCK, IPPROTO_TCP)",
                              f"p1 connect(4, {sa('192.168.77.1', 41900)})"],
    "tcp-bind-nonlocal": ["p1 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)", f"p1 bind(3, {sa('10.0.0.2', 41901)})",
                          f"p1 bind(3, {sa('10.0.0.9', 41901)})", f"p1 bind(3, {sa('127.0.0.2', 41901)})",
                          "p1 socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP)", f"p1 bind(4, {sa('::2', 41901)})"],
    "tcp-dualstack-conflict": ["p1 socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP)", f"p1 bind(3, {sa('::', 41902)})",
                               "p1 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)", f"p1 bind(4, {sa('127.0.0.1', 41902)})",
                               f"p1 bind(4, {sa('0.0.0.0', 41902)})"],
    "tcp-v6only": ["p1 socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP)", "p1 " + V6ONLY, f"p1 bind(3, {sa('::', 41903)})",
                   "p1 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)", f"p1 bind(4, {sa('127.0.0.1', 41903)})",
                   "p1 listen(3, 5)", "p1 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)",
                   f"p1 connect(5, {sa('127.0.0.1', 41903)})"],
}.items():
    write("tcp", name, "baseline", INET_MORE_SRC, ev, setup="netns")
write("udp", "udp-veth-broadcast", "baseline", INET_MORE_SRC,
      ["p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP)", f'p1 sendto(3, "x", 1, 0, {sa("10.0.0.255", 41904)})',
       "p1 setsockopt(3, SOL_SOCKET, SO_BROADCAST, [1], 4)", f'p1 sendto(3, "x", 1, 0, {sa("10.0.0.255", 41904)})',
       f'p1 sendto(3, "x", 1, 0, {sa("255.255.255.255", 41904)})'], setup="netns")

NS_SRC = ("unshare(2), user_namespaces(7), network_namespaces(7); kernel/nsproxy.c unshare_nsproxy_namespaces, "
          "kernel/user_namespace.c map_write, net/ipv4/af_inet.c inet_bind (CAP_NET_BIND_SERVICE) (6.12)")
LO_UP_P1 = ["p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP)", 'p1 ioctl(3, SIOCSIFFLAGS, {ifr_name="lo", ifr_flags=IFF_UP})']
LOW_PORT = ["p1 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)", f"p1 bind(4, {sa('0.0.0.0', 80)})"]
for user, who in [(None, "root"), (1000, "user")]:
    uid = 0 if user is None else user
    cases = {
        **{f"unshare-{f.lower()}": [f"p1 unshare(CLONE_{f})", "p1 getuid()"] for f in ["NEWNET", "NEWIPC", "NEWUTS", "NEWNS"]},
        "privileged-in-init-userns": LO_UP_P1 + LOW_PORT,
        "userns-then-netns": ["p1 unshare(CLONE_NEWUSER)", "p1 unshare(CLONE_NEWNET)", "p1 getuid()"] + LO_UP_P1 + LOW_PORT,
        "userns-with-netns": ["p1 unshare(CLONE_NEWUSER|CLONE_NEWNET|CLONE_NEWIPC|CLONE_NEWUTS)"] + LO_UP_P1 + LOW_PORT,
        "userns-keeps-init-netns": ["p1 unshare(CLONE_NEWUSER)"] + LO_UP_P1 + LOW_PORT,
        "uid-map": ["p1 unshare(CLONE_NEWUSER)", "p1 getuid()", 'p1 openat(AT_FDCWD, "/proc/self/uid_map", O_WRONLY)',
                    f'p1 write(3, "0 {uid} 1", {4 + len(str(uid))})', "p1 getuid()",
                    f'p1 write(3, "0 {uid} 1", {4 + len(str(uid))})',
                    'p1 openat(AT_FDCWD, "/proc/self/gid_map", O_WRONLY)', f'p1 write(4, "0 {uid} 1", {4 + len(str(uid))})',
                    'p1 openat(AT_FDCWD, "/proc/self/setgroups", O_WRONLY)', 'p1 write(5, "deny", 4)',
                    'p1 openat(AT_FDCWD, "/proc/self/gid_map", O_WRONLY)', f'p1 write(6, "0 {uid} 1", {4 + len(str(uid))})',
                    "p1 getgid()", "p1 setresuid(0, 0, 0)", "p1 setgroups(0, [])"],
        "uid-map-other-uid": ["p1 unshare(CLONE_NEWUSER)", 'p1 openat(AT_FDCWD, "/proc/self/uid_map", O_WRONLY)',
                              'p1 write(3, "0 4242 1", 8)', 'p1 write(3, "0 0 1", 5)'],
        "setuid-unmapped": ["p1 unshare(CLONE_NEWUSER)", "p1 setresuid(0, 0, 0)", "p1 setuid(1000)", "p1 geteuid()"],
        "nested-userns": ["p1 unshare(CLONE_NEWUSER)", "p1 unshare(CLONE_NEWUSER)", "p1 unshare(CLONE_NEWUSER|CLONE_NEWNET)",
                          "p1 getuid()"],
        "clone-namespaces": ["p1 clone(child_stack=NULL, flags=CLONE_NEWUSER|CLONE_NEWNET|SIGCHLD)",
                             "p2 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP)",
                             'p2 ioctl(3, SIOCSIFFLAGS, {ifr_name="lo", ifr_flags=IFF_UP})',
                             "p1 clone(child_stack=NULL, flags=CLONE_NEWNET|SIGCHLD)"],
    }
    if user is None:
        cases["dropped-root"] = ["p1 setresuid(1000, 1000, 1000)", "p1 unshare(CLONE_NEWNET)", "p1 unshare(CLONE_NEWUSER)",
                                 "p1 unshare(CLONE_NEWNET)"]
    for case, ev in cases.items():
        write("nsuser", f"ns-{who}-{case}", "baseline", NS_SRC, ev, user=user, setup="netns")

PTRACE_SRC = ("ptrace(2) \"Ptrace access mode checking\", kill(2); kernel/ptrace.c ptrace_attach, ptrace_traceme, "
              "__ptrace_may_access, security/commoncap.c cap_ptrace_access_check, kernel/signal.c kill_ok_by_cred "
              "(6.12); no Yama on the host")
NODUMP = "prctl(PR_SET_DUMPABLE, SUID_DUMP_DISABLE)"
# (name, user, steps after p1 forks p2; {t} is the process to be traced, {o} the other one)
PTRACE_CONDITIONS = [
    ("root", None, []),
    ("user", 1000, []),
    ("root-child-setuid", None, AS_USER),
    ("root-child-euid", None, ["p2 setresuid(0, 1000, 0)"]),
    ("root-target-nodump", None, ["{t} " + NODUMP]),
    ("user-target-nodump", 1000, ["{t} " + NODUMP]),
    ("root-child-userns", None, ["p2 unshare(CLONE_NEWUSER)"]),
    ("user-child-userns", 1000, ["p2 unshare(CLONE_NEWUSER)"]),
    ("user-child-userns-mapped", 1000, ["p2 unshare(CLONE_NEWUSER)",
                                        'p2 openat(AT_FDCWD, "/proc/self/uid_map", O_WRONLY)',
                                        'p2 write(3, "0 1000 1", 8)', "p2 close(3)"]),
]
PTRACE_OPS = {"attach": "ptrace(PTRACE_ATTACH, {t})", "seize": "ptrace(PTRACE_SEIZE, {t}, NULL, 0)"}
for cond, user, steps in PTRACE_CONDITIONS:
    for direction, tracer, tracee in [("down", "p1", "p2"), ("up", "p2", "p1")]:
        setup = ["p1 fork()"] + [s.format(t=tracee) for s in steps]
        signals = [f"{tracer} kill({tracee}, 0)", f"{tracer} kill({tracee}, SIGUSR1)"]
        for op, call in PTRACE_OPS.items():
            write("ptrace", f"{op}-{direction}-{cond}", "baseline", PTRACE_SRC,
                  setup + signals + [f"{tracer} " + call.format(t=tracee),
                                     f"{tracer} ptrace(PTRACE_DETACH, {tracee}, NULL, 0)"], user=user)
    write("ptrace", f"traceme-{cond}", "baseline", PTRACE_SRC,
          ["p1 fork()"] + [s.format(t="p1") for s in steps] + ["p2 ptrace(PTRACE_TRACEME)", "p2 ptrace(PTRACE_TRACEME)",
                                                              "p1 ptrace(PTRACE_ATTACH, p2)",
                                                              "p1 ptrace(PTRACE_DETACH, p2, NULL, 0)"], user=user)
for name, user, ev in [
    ("sibling-user", 1000, ["p1 fork()", "p1 fork()", "p3 kill(p2, SIGUSR1)", "p3 ptrace(PTRACE_ATTACH, p2)",
                            "p2 kill(p3, SIGUSR1)", "p3 ptrace(PTRACE_DETACH, p2, NULL, 0)"]),
    ("sibling-setuid-then-dumpable", None,
     ["p1 fork()"] + AS_USER + ["p1 fork()", "p3 setresgid(1000, 1000, 1000)", "p3 setresuid(1000, 1000, 1000)",
                                "p2 prctl(PR_GET_DUMPABLE)", "p3 kill(p2, SIGUSR1)", "p3 ptrace(PTRACE_ATTACH, p2)",
                                "p2 prctl(PR_SET_DUMPABLE, SUID_DUMP_USER)", "p3 ptrace(PTRACE_ATTACH, p2)",
                                "p3 ptrace(PTRACE_DETACH, p2, NULL, 0)"]),
    ("sibling-setuid-then-exec", None,
     ["p1 fork()"] + AS_USER + ["p1 fork()", "p3 setresgid(1000, 1000, 1000)", "p3 setresuid(1000, 1000, 1000)",
                                "p3 ptrace(PTRACE_SEIZE, p2, NULL, 0)", 'p2 execve("/proc/self/exe", ["runner"], NULL)',
                                "p2 prctl(PR_GET_DUMPABLE)", "p3 ptrace(PTRACE_SEIZE, p2, NULL, 0)",
                                "p3 ptrace(PTRACE_DETACH, p2, NULL, 0)"]),
    ("attach-twice", None, ["p1 fork()", "p1 fork()", "p1 ptrace(PTRACE_ATTACH, p2)", "p1 ptrace(PTRACE_ATTACH, p2)",
                            "p1 ptrace(PTRACE_SEIZE, p2, NULL, 0)", "p3 ptrace(PTRACE_ATTACH, p2)",
                            "p2 ptrace(PTRACE_TRACEME)", "p3 ptrace(PTRACE_DETACH, p2, NULL, 0)",
                            "p1 ptrace(PTRACE_DETACH, p2, NULL, 0)", "p3 ptrace(PTRACE_SEIZE, p2, NULL, 0)"]),
    ("tracee-traces-tracer-sibling", 1000, ["p1 fork()", "p1 fork()", "p1 ptrace(PTRACE_SEIZE, p2, NULL, 0)",
                                            "p2 ptrace(PTRACE_SEIZE, p3, NULL, 0)", "p3 ptrace(PTRACE_SEIZE, p2, NULL, 0)",
                                            "p2 ptrace(PTRACE_DETACH, p3, NULL, 0)"]),
    ("zombie-and-reaped", None, ["p1 fork()", "p2 exit_group(0)", "p1 kill(p2, 0)", "p1 ptrace(PTRACE_ATTACH, p2)",
                                 "p1 ptrace(PTRACE_SEIZE, p2, NULL, 0)"]),
    ("user-to-root-child-of-root", None, ["p1 fork()", "p1 fork()"] + [s.replace("p2", "p3") for s in AS_USER] +
     ["p3 kill(p2, 0)", "p3 ptrace(PTRACE_SEIZE, p2, NULL, 0)", "p3 kill(p1, SIGUSR1)", "p2 ptrace(PTRACE_SEIZE, p3, NULL, 0)",
      "p2 kill(p3, SIGUSR1)"]),
]:
    write("ptrace", name, "baseline", PTRACE_SRC, ev, user=user)

PROCPID_SRC = ("proc(5) /proc/[pid]/environ, /proc/[pid]/mem; fs/proc/base.c environ_open, mem_open (mm_access, "
               "PTRACE_MODE_READ/ATTACH), pid_revalidate (non-dumpable files owned by root) (6.12)")
for cond, user, steps in PTRACE_CONDITIONS:
    for direction, observer, target in [("down", "p1", "p2"), ("up", "p2", "p1")]:
        ev = ["p1 fork()"] + [s.format(t=target) for s in steps] + [
            f'{observer} openat(AT_FDCWD, "/proc", O_RDONLY|O_DIRECTORY)']
        ev += [f"{observer} getdents64(3, [], 32768)"] + [
            f'{observer} openat(AT_FDCWD, "/proc/{target}/{f}", O_RDONLY)' for f in ["status", "environ", "mem"]] + [
            f'{observer} openat(AT_FDCWD, "/proc/{target}/mem", O_RDWR)']
        write("procpid", f"proc-{direction}-{cond}", "baseline", PROCPID_SRC, ev, user=user)

# Landlock (design landlock; landlock-6.18 where this kernel's ABI 7 answers differently): TCP port
# rules, nested domains, inheritance, the abstract-unix and signal scopes, ptrace, and the syscalls'
# error paths. Ports 42000-42399, in a network namespace of each capture's own.
LL_SRC = "landlock.rst; security/landlock/syscalls.c, net.c, task.c (6.12)"
LL_TCP = "LANDLOCK_ACCESS_NET_BIND_TCP|LANDLOCK_ACCESS_NET_CONNECT_TCP"
LL_SCOPES = {"unix": "LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET", "signal": "LANDLOCK_SCOPE_SIGNAL",
             "both": "LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET|LANDLOCK_SCOPE_SIGNAL"}


def ll_attr(net="0", scoped="0"):
    return f"{{handled_access_fs=0, handled_access_net={net}, scoped={scoped}}}"


def ll_sandbox(p, fd, net="0", scoped="0", rules=()):
    """A process restricting itself: ruleset, its port rules (right, port), no_new_privs, restrict_self, close."""
    ev = [f"{p} landlock_create_ruleset({ll_attr(net, scoped)}, 24, 0)"]
    ev += [f"{p} landlock_add_rule({fd}, LANDLOCK_RULE_NET_PORT, {{allowed_access=LANDLOCK_ACCESS_NET_{r}_TCP, port={port}}}, 0)"
           for r, port in rules]
    return ev + [f"{p} prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)", f"{p} landlock_restrict_self({fd}, 0)", f"{p} close({fd})"]


def ll_sa(family, port):
    if family == "v4":
        return f'{{sa_family=AF_INET, sin_port=htons({port}), sin_addr=inet_addr("127.0.0.1")}}, 16'
    return (f'{{sa_family=AF_INET6, sin6_port=htons({port}), sin6_flowinfo=htonl(0), '
            f'inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}}, 28')


def ll_abstract(name):
    return f'{{sa_family=AF_UNIX, sun_path=@"{name}"}}, {3 + len(name)}'


def ll(name, events, design="landlock", user=None):
    # `netns`: a network namespace of its own per capture, so ports and abstract names never collide.
    write("landlock", name, design, LL_SRC, events, user=user, setup="netns")


LL_AF = {"v4": "AF_INET", "v6": "AF_INET6"}
port = 42000
for fam in ["v4", "v6"]:
    for allowed in [True, False]:
        tag = "allowed" if allowed else "denied"
        rule = [("BIND", port)] if allowed else [("BIND", port + 50)]
        ll(f"tcp-bind-{fam}-{tag}", [f"p1 socket({LL_AF[fam]}, SOCK_STREAM, IPPROTO_TCP)"] + ll_sandbox("p1", 4, LL_TCP, rules=rule)
           + [f"p1 bind(3, {ll_sa(fam, port)})", "p1 listen(3, 5)"])
        port += 1
        # A restricted client connecting to an unrestricted server, and the reverse.
        rule = [("CONNECT", port)] if allowed else [("CONNECT", port + 50)]
        ll(f"tcp-connect-out-{fam}-{tag}",
           [f"p1 socket({LL_AF[fam]}, SOCK_STREAM|SOCK_NONBLOCK, IPPROTO_TCP)", f"p1 bind(3, {ll_sa(fam, port)})", "p1 listen(3, 5)", "p1 fork()"]
           + ll_sandbox("p2", 4, LL_TCP, rules=rule)
           + [f"p2 socket({LL_AF[fam]}, SOCK_STREAM, IPPROTO_TCP)", f"p2 connect(4, {ll_sa(fam, port)})"])
        port += 1
        rule = [("BIND", port)] if allowed else []
        ll(f"tcp-connect-in-{fam}-{tag}",
           ["p1 fork()"] + ll_sandbox("p2", 3, LL_TCP, rules=rule)
           + [f"p2 socket({LL_AF[fam]}, SOCK_STREAM|SOCK_NONBLOCK, IPPROTO_TCP)", f"p2 bind(3, {ll_sa(fam, port)})", "p2 listen(3, 5)",
              f"p1 socket({LL_AF[fam]}, SOCK_STREAM, IPPROTO_TCP)", f"p1 connect(3, {ll_sa(fam, port)})"])
        port += 1

port = 42100
for right, call in [("BIND", "bind"), ("CONNECT", "connect")]:
    for inner, inner_rules in [("less", [0]), ("more", [0, 1])]:
        outer_rules = [0, 1] if inner == "less" else [0]
        ev = ["p1 socket(AF_INET, SOCK_STREAM|SOCK_NONBLOCK, IPPROTO_TCP)", "p1 socket(AF_INET, SOCK_STREAM|SOCK_NONBLOCK, IPPROTO_TCP)"]
        if call == "connect":
            ev += ["p1 fork()"] + [f"p2 socket(AF_INET, SOCK_STREAM|SOCK_NONBLOCK, IPPROTO_TCP)", f"p2 bind(5, {ll_sa('v4', port)})", "p2 listen(5, 5)",
                                   "p2 socket(AF_INET, SOCK_STREAM|SOCK_NONBLOCK, IPPROTO_TCP)", f"p2 bind(6, {ll_sa('v4', port + 1)})", "p2 listen(6, 5)"]
        ev += ll_sandbox("p1", 5, f"LANDLOCK_ACCESS_NET_{right}_TCP", rules=[(right, port + i) for i in outer_rules])
        ev += ll_sandbox("p1", 5, f"LANDLOCK_ACCESS_NET_{right}_TCP", rules=[(right, port + i) for i in inner_rules])
        ev += [f"p1 {call}(3, {ll_sa('v4', port)})", f"p1 {call}(4, {ll_sa('v4', port + 1)})"]
        ll(f"nested-{call}-inner-allows-{inner}", ev)
        port += 10

ll("inherit-fork-after", ll_sandbox("p1", 3, LL_TCP) + ["p1 fork()", "p2 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)", f"p2 bind(3, {ll_sa('v4', 42200)})"])
ll("inherit-fork-before", ["p1 fork()"] + ll_sandbox("p1", 3, LL_TCP)
   + ["p2 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)", f"p2 bind(3, {ll_sa('v4', 42201)})", "p1 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)", f"p1 bind(3, {ll_sa('v4', 42202)})"])
ll("inherit-exec", ll_sandbox("p1", 3, LL_TCP) + ['p1 execve("/proc/self/exe", ["/proc/self/exe"], NULL)',
                                                  "p1 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)", f"p1 bind(3, {ll_sa('v4', 42203)})"])
ll("inherit-grandchild-user", ll_sandbox("p1", 3, LL_TCP) + ["p1 fork()", "p2 fork()", "p3 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)",
                                                            f"p3 bind(3, {ll_sa('v4', 42204)})"], user=1000)

for kind in ["SOCK_STREAM", "SOCK_DGRAM", "SOCK_SEQPACKET"]:
    k = kind.split("_")[1].lower()
    listen = [] if kind == "SOCK_DGRAM" else ["listen(3, 5)"]
    reach = ['sendto(4, "x", 1, 0, ' + ll_abstract(f"ll{k}") + ")"] if kind == "SOCK_DGRAM" else [f"connect(4, {ll_abstract('ll' + k)})"]
    # Outbound: the scoped child reaches its unrestricted parent's socket; inbound: the reverse.
    ll(f"scope-unix-{k}-outbound", [f"p1 socket(AF_UNIX, {kind}|SOCK_NONBLOCK, 0)", f"p1 bind(3, {ll_abstract('ll' + k)})"] + ["p1 " + e for e in listen]
       + ["p1 fork()"] + ll_sandbox("p2", 4, scoped=LL_SCOPES["unix"]) + [f"p2 socket(AF_UNIX, {kind}|SOCK_NONBLOCK, 0)"] + ["p2 " + e for e in reach])
    ll(f"scope-unix-{k}-inbound", ["p1 fork()"] + ll_sandbox("p2", 3, scoped=LL_SCOPES["unix"])
       + [f"p2 socket(AF_UNIX, {kind}|SOCK_NONBLOCK, 0)", f"p2 bind(3, {ll_abstract('ll' + k)})"] + ["p2 " + e for e in listen]
       + [f"p1 socket(AF_UNIX, {kind}|SOCK_NONBLOCK, 0)"] + ["p1 " + e.replace("(4,", "(3,") for e in reach])
ll("scope-unix-pathname", ['p1 socket(AF_UNIX, SOCK_STREAM|SOCK_NONBLOCK, 0)', 'p1 bind(3, {sa_family=AF_UNIX, sun_path="/tmp/ll"}, 110)', "p1 listen(3, 5)",
                           "p1 fork()"] + ll_sandbox("p2", 4, scoped=LL_SCOPES["unix"])
   + ["p2 socket(AF_UNIX, SOCK_STREAM, 0)", 'p2 connect(4, {sa_family=AF_UNIX, sun_path="/tmp/ll"}, 110)'])
for name, outer, inner in [("inner-scoped", "0", LL_SCOPES["unix"]), ("outer-scoped", LL_SCOPES["unix"], "0"), ("both-scoped", LL_SCOPES["unix"], LL_SCOPES["unix"])]:
    # p2 enters the outer domain and listens; p3 (outer domain) and p4 (outer + inner) connect to p2 and to p1.
    ev = ["p1 socket(AF_UNIX, SOCK_STREAM|SOCK_NONBLOCK, 0)", f"p1 bind(3, {ll_abstract('top')})", "p1 listen(3, 5)", "p1 fork()"]
    ev += ll_sandbox("p2", 4, "LANDLOCK_ACCESS_NET_BIND_TCP", outer)
    ev += ["p2 socket(AF_UNIX, SOCK_STREAM|SOCK_NONBLOCK, 0)", f"p2 bind(4, {ll_abstract('mid')})", "p2 listen(4, 5)", "p2 fork()", "p2 fork()"]
    ev += ll_sandbox("p4", 5, "LANDLOCK_ACCESS_NET_BIND_TCP", inner)
    for p in ["p3", "p4"]:
        ev += [f"{p} socket(AF_UNIX, SOCK_STREAM, 0)", f"{p} connect(5, {ll_abstract('mid')})", f"{p} socket(AF_UNIX, SOCK_STREAM, 0)", f"{p} connect(6, {ll_abstract('top')})"]
    ll(f"scope-unix-nested-{name}", ev)
ll("scope-unix-sibling-domains", ["p1 fork()", "p1 fork()"] + ll_sandbox("p2", 3, scoped=LL_SCOPES["unix"]) + ll_sandbox("p3", 3, scoped=LL_SCOPES["unix"])
   + ["p2 socket(AF_UNIX, SOCK_STREAM|SOCK_NONBLOCK, 0)", f"p2 bind(3, {ll_abstract('sib')})", "p2 listen(3, 5)",
      "p3 socket(AF_UNIX, SOCK_STREAM, 0)", f"p3 connect(3, {ll_abstract('sib')})"])

for name, setup, calls in [
        ("out", ["p1 fork()"] + ll_sandbox("p2", 3, scoped=LL_SCOPES["signal"]), ["p2 kill(p1, SIGUSR1)", "p2 kill(p1, 0)", "p2 kill(p2, SIGUSR1)"]),
        ("in", ["p1 fork()"] + ll_sandbox("p2", 3, scoped=LL_SCOPES["signal"]), ["p1 kill(p2, SIGUSR1)", "p1 kill(p2, 0)"]),
        ("child", ll_sandbox("p1", 3, scoped=LL_SCOPES["signal"]) + ["p1 fork()"], ["p1 kill(p2, SIGUSR1)", "p2 kill(p1, SIGUSR1)"]),
        ("sibling", ["p1 fork()", "p1 fork()"] + ll_sandbox("p2", 3, scoped=LL_SCOPES["signal"]) + ll_sandbox("p3", 3, scoped=LL_SCOPES["signal"]),
         ["p2 kill(p3, SIGUSR1)", "p3 kill(p2, SIGUSR1)"]),
        ("nested", ["p1 fork()"] + ll_sandbox("p2", 3, "LANDLOCK_ACCESS_NET_BIND_TCP") + ["p2 fork()"] + ll_sandbox("p3", 3, scoped=LL_SCOPES["signal"]),
         ["p3 kill(p2, SIGUSR1)", "p3 kill(p1, SIGUSR1)", "p2 kill(p3, SIGUSR1)", "p2 kill(p1, SIGUSR1)"]),
        ("unscoped", ["p1 fork()"] + ll_sandbox("p2", 3, LL_TCP), ["p2 kill(p1, SIGUSR1)"])]:
    ll(f"scope-signal-{name}", setup + calls)

for name, setup, calls in [
        ("out", ["p1 fork()"] + ll_sandbox("p2", 3, LL_TCP), ["p2 ptrace(PTRACE_SEIZE, p1, NULL, 0)"]),
        ("in", ["p1 fork()"] + ll_sandbox("p2", 3, LL_TCP), ["p1 ptrace(PTRACE_SEIZE, p2, NULL, 0)"]),
        ("child", ll_sandbox("p1", 3, LL_TCP) + ["p1 fork()"], ["p1 ptrace(PTRACE_SEIZE, p2, NULL, 0)"]),
        ("sibling", ["p1 fork()", "p1 fork()"] + ll_sandbox("p2", 3, scoped=LL_SCOPES["both"]) + ll_sandbox("p3", 3, scoped=LL_SCOPES["both"]),
         ["p2 ptrace(PTRACE_SEIZE, p3, NULL, 0)"]),
        ("traceme-parent-outside", ["p1 fork()"] + ll_sandbox("p1", 3, LL_TCP), ["p2 ptrace(PTRACE_TRACEME)"]),
        ("traceme-parent-above", ll_sandbox("p1", 3, LL_TCP) + ["p1 fork()"] + ll_sandbox("p2", 3, scoped=LL_SCOPES["signal"]), ["p2 ptrace(PTRACE_TRACEME)"])]:
    ll(f"ptrace-{name}", setup + calls)

ll("version-query", ["p1 landlock_create_ruleset(NULL, 0, LANDLOCK_CREATE_RULESET_VERSION)",
                     "p1 landlock_create_ruleset(NULL, 0, LANDLOCK_CREATE_RULESET_ERRATA)",
                     "p1 landlock_create_ruleset(NULL, 4, LANDLOCK_CREATE_RULESET_VERSION)"], design="landlock-6.18")
ll("restrict-self-log-flags", [f"p1 landlock_create_ruleset({ll_attr(LL_TCP)}, 24, 0)",
                               "p1 landlock_restrict_self(3, LANDLOCK_RESTRICT_SELF_LOG_SAME_EXEC_OFF|LANDLOCK_RESTRICT_SELF_LOG_NEW_EXEC_ON)",
                               "p1 landlock_restrict_self(-1, LANDLOCK_RESTRICT_SELF_LOG_SUBDOMAINS_OFF)",
                               "p1 landlock_restrict_self(-1, LANDLOCK_RESTRICT_SELF_LOG_SAME_EXEC_OFF)",
                               "p1 landlock_restrict_self(3, 8)", "p1 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)",
                               f"p1 bind(4, {ll_sa('v4', 42300)})"], design="landlock-6.18")
ll("create-ruleset-errors", [f"p1 landlock_create_ruleset({ll_attr(LL_TCP)}, {size}, 0)" for size in [24, 23, 32, 4096, 4097, 16, 8, 7]]
   + [f"p1 landlock_create_ruleset({ll_attr('0x4')}, 24, 0)", f"p1 landlock_create_ruleset({ll_attr(scoped='0x4')}, 24, 0)",
      f"p1 landlock_create_ruleset({ll_attr()}, 24, 0)", f"p1 landlock_create_ruleset({ll_attr(LL_TCP)}, 24, 0x4)",
      "p1 landlock_create_ruleset(NULL, 24, 0)"])
ll("add-rule-errors", [f"p1 landlock_create_ruleset({ll_attr('LANDLOCK_ACCESS_NET_BIND_TCP')}, 24, 0)", "p1 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)"]
   + [f"p1 landlock_add_rule({fd}, LANDLOCK_RULE_NET_PORT, {{allowed_access={acc}, port={p}}}, {fl})" for fd, acc, p, fl in [
       (3, "0", 80, 0), (999, "LANDLOCK_ACCESS_NET_BIND_TCP", 80, 0), (4, "LANDLOCK_ACCESS_NET_BIND_TCP", 80, 0),
       (3, "LANDLOCK_ACCESS_NET_CONNECT_TCP", 80, 0), (3, "LANDLOCK_ACCESS_NET_BIND_TCP", 65536, 0),
       (3, "LANDLOCK_ACCESS_NET_BIND_TCP", 65535, 0), (3, "LANDLOCK_ACCESS_NET_BIND_TCP", 80, 1), (999, "0", 80, 1)]]
   + ["p1 landlock_add_rule(3, LANDLOCK_RULE_PATH_BENEATH, {allowed_access=LANDLOCK_ACCESS_FS_EXECUTE, parent_fd=4}, 0)",
      "p1 landlock_add_rule(3, LANDLOCK_RULE_PATH_BENEATH, {allowed_access=0, parent_fd=4}, 0)",
      "p1 landlock_add_rule(3, LANDLOCK_RULE_NET_PORT, NULL, 0)"])
ll("restrict-self-errors", [f"p1 landlock_create_ruleset({ll_attr(LL_TCP)}, 24, 0)", "p1 landlock_restrict_self(3, 0)", "p1 landlock_restrict_self(999, 0)",
                            "p1 prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)", "p1 landlock_restrict_self(999, 0)", "p1 landlock_restrict_self(0, 0)",
                            "p1 landlock_restrict_self(3, 0)"], user=1000)
ll("nesting-limit", [f"p1 landlock_create_ruleset({ll_attr(scoped=LL_SCOPES['signal'])}, 24, 0)"] + ["p1 landlock_restrict_self(3, 0)"] * 17
   + ["p1 fork()", "p2 landlock_restrict_self(3, 0)", "p2 kill(p1, 0)"])
ll("tcp-address-checks", ["p1 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)", "p1 socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP)"] + ll_sandbox("p1", 5, LL_TCP, rules=[("BIND", 0)])
   + ["p1 bind(3, {sa_family=AF_INET, sin_port=htons(42310), sin_addr=inet_addr(\"127.0.0.1\")}, 8)", f"p1 bind(3, {ll_sa('v6', 42310)})",
      f"p1 connect(4, {ll_sa('v4', 42310)})", "p1 bind(4, {sa_family=AF_UNSPEC}, 16)", "p1 bind(4, {sa_family=AF_UNSPEC}, 28)",
      "p1 connect(3, {sa_family=AF_UNSPEC}, 2)", "p1 bind(3, {sa_family=AF_UNSPEC}, 16)", "p1 listen(3, 5)"])
ll("udp-unchecked", ["p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP)", "p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP)"] + ll_sandbox("p1", 5, LL_TCP)
   + [f"p1 bind(3, {ll_sa('v4', 42320)})", f"p1 bind(4, {ll_sa('v4', 42321)})", f'p1 sendto(4, "x", 1, 0, {ll_sa("v4", 42320)})',
      'p1 recvfrom(3, "", 8, MSG_DONTWAIT, NULL, NULL)'])

# Edge cases of the same areas, one scenario each.
PEERCRED = "getsockopt({fd}, SOL_SOCKET, SO_PEERCRED, {{pid=0, uid=0, gid=0}}, [12])"
for name, ev in {
    "dgram-receiver-connected-elsewhere": [
        "p1 socket(AF_UNIX, SOCK_DGRAM, 0)", f"p1 bind(3, {un('@cxa')})", "p1 socket(AF_UNIX, SOCK_DGRAM, 0)",
        f"p1 bind(4, {un('@cxb')})", f"p1 connect(3, {un('@cxb')})", "p1 fork()", "p2 socket(AF_UNIX, SOCK_DGRAM, 0)",
        f'p2 sendto(5, "x", 1, MSG_DONTWAIT, {un("@cxa")})', f'p2 sendto(5, "x", 1, MSG_DONTWAIT, {un("@cxb")})',
        f"p1 connect(3, {{sa_family=AF_UNSPEC}}, 2)", f'p2 sendto(5, "y", 1, MSG_DONTWAIT, {un("@cxa")})', recv("p1", 3)],
    "dgram-queue-full": ["p1 socket(AF_UNIX, SOCK_DGRAM, 0)", f"p1 bind(3, {un('@cxq')})", "p1 fork()",
                         "p2 socket(AF_UNIX, SOCK_DGRAM|SOCK_NONBLOCK, 0)", f"p2 connect(4, {un('@cxq')})"]
                        + ['p2 write(4, "x", 1)'] * 13 + [recv("p1", 3), 'p2 write(4, "x", 1)'],
    "stream-sendto-and-accept-errors": [
        "p1 socket(AF_UNIX, SOCK_STREAM|SOCK_NONBLOCK, 0)", f"p1 bind(3, {un('/tmp/cx')})", 'p1 write(3, "x", 1)',
        f'p1 sendto(3, "x", 1, 0, {un("/tmp/cx")})', "p1 accept4(3, NULL, NULL, SOCK_NONBLOCK)", "p1 listen(3, 5)",
        "p1 accept4(3, NULL, NULL, SOCK_NONBLOCK)", "p1 socket(AF_UNIX, SOCK_STREAM, 0)", f"p1 connect(4, {un('/tmp/cx')})",
        f'p1 sendto(4, "x", 1, 0, {un("/tmp/cx")})', "p1 connect(4, {sa_family=AF_UNSPEC}, 2)", "p1 shutdown(3, SHUT_RDWR)",
        "p1 accept4(3, NULL, NULL, SOCK_NONBLOCK)"],
    "path-not-a-socket": ['p1 mkdir("/tmp/d", 0700)', 'p1 open("/tmp/f", O_WRONLY|O_CREAT, 0666)',
                          "p1 socket(AF_UNIX, SOCK_STREAM, 0)", f"p1 connect(4, {un('/tmp/f')})",
                          f"p1 connect(4, {un('/tmp/d')})", f"p1 bind(4, {un('/tmp/f')})",
                          f"p1 bind(4, {un('/tmp/nodir/s')})", f"p1 bind(4, {un('/tmp/d/s')})", "p1 listen(4, 5)",
                          "p1 fork()"] + AS_USER + [
                          "p2 socket(AF_UNIX, SOCK_STREAM, 0)", f"p2 connect(5, {un('/tmp/d/s')})",
                          'p1 chmod("/tmp/d", 0711)', f"p2 connect(5, {un('/tmp/d/s')})", 'p1 chown("/tmp/d/s", 1000, 1000)',
                          f"p2 connect(5, {un('/tmp/d/s')})"],
    "abstract-name-bytes": ["p1 socket(AF_UNIX, SOCK_STREAM, 0)", 'p1 bind(3, {sa_family=AF_UNIX, sun_path=@"cx\\0"}, 6)',
                            "p1 listen(3, 5)", "p1 socket(AF_UNIX, SOCK_STREAM, 0)",
                            f"p1 connect(4, {un('@cx')})", "p1 socket(AF_UNIX, SOCK_STREAM, 0)",
                            'p1 connect(5, {sa_family=AF_UNIX, sun_path=@"cx\\0"}, 6)',
                            'p1 getsockname(3, {sa_family=AF_UNIX, sun_path=""}, [110])',
                            'p1 getpeername(5, {sa_family=AF_UNIX, sun_path=""}, [110])',
                            'p1 getsockname(5, {sa_family=AF_UNIX, sun_path=""}, [110])'],
    "peercred-across-userns": ["p1 socket(AF_UNIX, SOCK_STREAM, 0)", f"p1 bind(3, {un('/tmp/cx')})", "p1 listen(3, 5)",
                               "p1 fork()", "p2 unshare(CLONE_NEWUSER)", "p2 socket(AF_UNIX, SOCK_STREAM, 0)",
                               f"p2 connect(4, {un('/tmp/cx')})", "p2 " + PEERCRED.format(fd=4),
                               "p1 accept4(3, NULL, NULL, 0)", "p1 " + PEERCRED.format(fd=4),
                               "p1 " + PEERCRED.format(fd=3)],
    "peercred-snapshot": ["p1 socket(AF_UNIX, SOCK_STREAM, 0)", f"p1 bind(3, {un('/tmp/cx')})", "p1 listen(3, 5)",
                          'p1 chmod("/tmp/cx", 0777)', "p1 socketpair(AF_UNIX, SOCK_DGRAM, 0, [4, 5])", "p1 fork()"]
                         + AS_USER + ["p2 " + PEERCRED.format(fd=5), "p2 socket(AF_UNIX, SOCK_STREAM, 0)",
                                      "p2 " + PEERCRED.format(fd=6), f"p2 connect(6, {un('/tmp/cx')})",
                                      "p2 " + PEERCRED.format(fd=6), "p1 accept4(3, NULL, NULL, 0)",
                                      "p1 " + PEERCRED.format(fd=6), "p1 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)",
                                      "p1 " + PEERCRED.format(fd=7)],
    "listener-closed-with-pending": ["p1 socket(AF_UNIX, SOCK_STREAM, 0)", f"p1 bind(3, {un('@cxl')})", "p1 listen(3, 5)",
                                     "p1 fork()", "p2 close(3)", "p2 socket(AF_UNIX, SOCK_STREAM, 0)",
                                     f"p2 connect(3, {un('@cxl')})", 'p2 write(3, "x", 1)', "p1 close(3)",
                                     recv("p2", 3), recv("p2", 3), 'p2 write(3, "x", 1)'],
    "seqpacket-peer-shutdown": ["p1 socketpair(AF_UNIX, SOCK_SEQPACKET, 0, [3, 4])", 'p1 write(3, "ab", 2)',
                                "p1 shutdown(4, SHUT_RD)", recv("p1", 4), 'p1 write(3, "c", 1)', "p1 shutdown(3, SHUT_RD)",
                                'p1 write(4, "d", 1)', recv("p1", 3)],
    "rights-in-flight-closed": ["p1 socketpair(AF_UNIX, SOCK_DGRAM, 0, [3, 4])", "p1 socket(AF_UNIX, SOCK_STREAM, 0)",
                                "p1 " + sendmsg(3, [5]), "p1 " + sendmsg(4, [3]), "p1 close(3)", "p1 close(4)",
                                "p1 close(5)", "p1 socket(AF_UNIX, SOCK_STREAM, 0)"],
}.items():
    write("unixname", f"edge-{name}", "baseline", UNIXNAME_SRC, ev, setup="netns")

for name, ev in {
    "tcp-time-wait-rebind": ["p1 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)", f"p1 bind(3, {sa('127.0.0.1', 41910)})",
                             "p1 listen(3, 5)", "p1 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)",
                             f"p1 bind(4, {sa('127.0.0.1', 41911)})", f"p1 connect(4, {sa('127.0.0.1', 41910)})",
                             "p1 accept4(3, NULL, NULL, 0)", "p1 close(5)", "p1 close(3)", "p1 close(4)",
                             "p1 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)", f"p1 bind(3, {sa('127.0.0.1', 41910)})",
                             "p1 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)", f"p1 bind(4, {sa('127.0.0.1', 41911)})",
                             "p1 setsockopt(4, SOL_SOCKET, SO_REUSEADDR, [1], 4)", f"p1 bind(4, {sa('127.0.0.1', 41911)})",
                             "p1 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)",
                             "p1 setsockopt(5, SOL_SOCKET, SO_REUSEADDR, [1], 4)", f"p1 bind(5, {sa('127.0.0.1', 41910)})"],
    "tcp-connect-any-address": ["p1 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)", f"p1 bind(3, {sa('0.0.0.0', 41912)})",
                                "p1 listen(3, 5)", "p1 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)",
                                f"p1 bind(4, {sa('10.0.0.1', 41913)})", f"p1 connect(4, {sa('0.0.0.0', 41912)})",
                                "p1 getpeername(4, {sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr(\"0.0.0.0\")}, [16])",
                                "p1 socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP)",
                                f"p1 bind(5, {sa('::ffff:127.0.0.1', 41914)})",
                                f"p1 connect(5, {sa('::ffff:127.0.0.1', 41912)})",
                                f"p1 accept4(3, {sa_out('0.0.0.0')}, 0)", f"p1 accept4(3, {sa_out('0.0.0.0')}, 0)"],
    "tcp-shutdown-read-peek": ["p1 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)", f"p1 bind(3, {sa('127.0.0.1', 41915)})",
                               "p1 listen(3, 5)", "p1 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)",
                               f"p1 bind(4, {sa('127.0.0.1', 41916)})", f"p1 connect(4, {sa('127.0.0.1', 41915)})",
                               "p1 accept4(3, NULL, NULL, SOCK_CLOEXEC)", "p1 fcntl(5, F_GETFD)", 'p1 write(4, "abc", 3)',
                               recv("p1", 5, 16, "MSG_DONTWAIT|MSG_PEEK"), recv("p1", 5, 2), "p1 shutdown(5, SHUT_RD)",
                               recv("p1", 5), 'p1 write(4, "d", 1)', recv("p1", 5), 'p1 write(5, "e", 1)', recv("p1", 4),
                               'p1 sendto(3, "x", 1, MSG_DONTWAIT, NULL, 0)'],
}.items():
    write("tcp", name, "baseline", INET_MORE_SRC, ev, setup="netns")

for name, ev in {
    "udp-send-to-any-address": ["p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP)", f"p1 bind(3, {sa('127.0.0.1', 41920)})",
                                "p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP)", f"p1 bind(4, {sa('10.0.0.1', 41921)})",
                                f'p1 sendto(4, "x", 1, 0, {sa("0.0.0.0", 41920)})', recv("p1", 3),
                                f'p1 sendto(4, "y", 1, 0, {sa("127.0.0.1", 41920)})',
                                f'p1 recvfrom(3, "", 16, MSG_DONTWAIT, {sa_out("0.0.0.0")})'],
    "udp-reuseaddr-delivery": ["p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP)",
                               "p1 setsockopt(3, SOL_SOCKET, SO_REUSEADDR, [1], 4)", f"p1 bind(3, {sa('127.0.0.1', 41922)})",
                               "p1 fork()", "p2 socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP)",
                               "p2 setsockopt(4, SOL_SOCKET, SO_REUSEADDR, [1], 4)", f"p2 bind(4, {sa('127.0.0.1', 41922)})",
                               "p2 socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP)", f'p2 sendto(5, "x", 1, 0, {sa("127.0.0.1", 41922)})',
                               recv("p1", 3), recv("p2", 4)],
    "udp-unconnected-no-error": ["p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP)", f"p1 bind(3, {sa('127.0.0.1', 41923)})",
                                 f'p1 sendto(3, "x", 1, MSG_DONTWAIT, {sa("127.0.0.1", 41924)})', recv("p1", 3),
                                 f"p1 connect(3, {sa('127.0.0.1', 41924)})", "p1 connect(3, {sa_family=AF_UNSPEC}, 16)",
                                 f'p1 sendto(3, "x", 1, MSG_DONTWAIT, {sa("127.0.0.1", 41924)})', recv("p1", 3),
                                 'p1 write(3, "x", 1)', "p1 getsockopt(3, SOL_SOCKET, SO_ERROR, [0], [4])"],
}.items():
    write("udp", name, "baseline", INET_MORE_SRC, ev, setup="netns")

SIG_SRC = "kill(2), credentials(7); kernel/signal.c check_kill_permission, kill_ok_by_cred (SIGCONT in the same session) (6.12)"
for name, user, ev in [
    ("kill-sigcont-same-session", None, ["p1 fork()"] + AS_USER + ["p2 kill(p1, SIGUSR1)", "p2 kill(p1, SIGCONT)",
                                                                   "p2 kill(p1, 0)", "p2 tgkill(p1, p1, SIGCONT)"]),
    ("kill-after-setgid-only", None, ["p1 fork()", "p2 setresgid(1000, 1000, 1000)", "p2 prctl(PR_GET_DUMPABLE)",
                                      "p1 fork()"] + [s.replace("p2", "p3") for s in AS_USER] +
     ["p3 kill(p2, SIGUSR1)", "p3 ptrace(PTRACE_SEIZE, p2, NULL, 0)"]),
    ("kill-ruid-matches", None, ["p1 fork()", "p2 setresuid(1000, 1000, 1000)", "p1 fork()", "p3 setresuid(2000, 1000, 2000)",
                                 "p3 kill(p2, SIGUSR1)", "p2 kill(p3, SIGUSR1)", "p3 ptrace(PTRACE_SEIZE, p2, NULL, 0)",
                                 "p1 fork()", "p4 setresuid(2000, 2000, 1000)", "p4 kill(p2, SIGUSR1)", "p2 kill(p4, SIGUSR1)"]),
    ("kill-mapped-root-of-userns", 1000, ["p1 fork()", "p2 unshare(CLONE_NEWUSER)",
                                          'p2 openat(AT_FDCWD, "/proc/self/uid_map", O_WRONLY)', 'p2 write(3, "0 1000 1", 8)',
                                          "p2 getuid()", "p2 kill(p1, SIGUSR1)", "p2 kill(p1, SIGCONT)"]),
    ("kill-bad-signal-and-zombie", 1000, ["p1 fork()", "p1 kill(p2, 99)", "p1 kill(p2, -1)", "p2 exit_group(3)",
                                          "p1 kill(p2, 0)", "p1 kill(p2, SIGKILL)", "p1 tgkill(p2, p2, SIGUSR1)"]),
    ("map-written-by-parent", 1000, ["p1 clone(child_stack=NULL, flags=CLONE_NEWUSER|SIGCHLD)", "p2 getuid()",
                                     'p1 openat(AT_FDCWD, "/proc/p2/uid_map", O_WRONLY)', 'p1 write(3, "0 1000 1", 8)',
                                     "p2 getuid()", "p2 setresuid(0, 0, 0)", "p1 ptrace(PTRACE_SEIZE, p2, NULL, 0)",
                                     "p1 ptrace(PTRACE_DETACH, p2, NULL, 0)", "p2 ptrace(PTRACE_SEIZE, p1, NULL, 0)"]),
]:
    write("ptrace", name, "baseline", SIG_SRC, ev, user=user)
for name, user, ev in [
    ("proc-maps-seen-from-outside", 1000, [
        "p1 fork()", "p2 unshare(CLONE_NEWUSER)", 'p2 openat(AT_FDCWD, "/proc/self/uid_map", O_WRONLY)',
        'p2 write(3, "0 1000 1", 8)', "p2 close(3)", 'p1 openat(AT_FDCWD, "/proc/p2/uid_map", O_RDONLY)',
        "p1 read(3, \"\", 64)", 'p2 openat(AT_FDCWD, "/proc/p1/uid_map", O_RDONLY)', "p2 read(3, \"\", 64)",
        'p2 openat(AT_FDCWD, "/proc/self/uid_map", O_RDONLY)', "p2 read(4, \"\", 64)",
        'p1 openat(AT_FDCWD, "/proc/p2/setgroups", O_RDONLY)', "p1 read(4, \"\", 64)",
        'p1 openat(AT_FDCWD, "/proc/p2/gid_map", O_WRONLY)', 'p1 write(5, "0 1000 1", 8)']),
    ("proc-reaped-child-disappears", None, [
        "p1 rt_sigaction(SIGCHLD, {sa_handler=SIG_IGN, sa_mask=[], sa_flags=0}, NULL, 8)", "p1 fork()", "p1 fork()",
        "p2 exit_group(0)", 'p1 openat(AT_FDCWD, "/proc", O_RDONLY|O_DIRECTORY)', "p1 getdents64(3, [], 32768)",
        'p1 openat(AT_FDCWD, "/proc/p2/status", O_RDONLY)', "p1 kill(p2, 0)", "p3 kill(p2, 0)"]),
    ("proc-zombie-files", None, [
        "p1 fork()", "p2 exit_group(0)", 'p1 openat(AT_FDCWD, "/proc", O_RDONLY|O_DIRECTORY)', "p1 getdents64(3, [], 32768)",
        'p1 openat(AT_FDCWD, "/proc/p2/status", O_RDONLY)', 'p1 openat(AT_FDCWD, "/proc/p2/environ", O_RDONLY)',
        'p1 openat(AT_FDCWD, "/proc/p2/mem", O_RDONLY)']),
]:
    write("procpid", name, "baseline", PROCPID_SRC, ev, user=user)

# More edges: IPv6 details, listener state changes, raw sockets by namespace owner.
for name, ev in {
    "udp6-mapped-and-v6only": ["p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP)", f"p1 bind(3, {sa('127.0.0.1', 41930)})",
                               "p1 socket(AF_INET6, SOCK_DGRAM, IPPROTO_UDP)",
                               f'p1 sendto(4, "x", 1, 0, {sa("::ffff:127.0.0.1", 41930)})', recv("p1", 3),
                               "p1 socket(AF_INET6, SOCK_DGRAM, IPPROTO_UDP)",
                               "p1 setsockopt(5, SOL_IPV6, IPV6_V6ONLY, [1], 4)",
                               f'p1 sendto(5, "x", 1, 0, {sa("::ffff:127.0.0.1", 41930)})',
                               f"p1 bind(5, {sa('::ffff:127.0.0.1', 41931)})",
                               "p1 socket(AF_INET6, SOCK_DGRAM, IPPROTO_UDP)", f"p1 bind(6, {sa('::', 41932)})",
                               f'p1 sendto(6, "y", 1, 0, {sa("::", 41932)})',
                               f'p1 recvfrom(6, "", 16, MSG_DONTWAIT, {sa_out("::1")})'],
    "udp-oversized-and-empty": ["p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP)", f"p1 bind(3, {sa('127.0.0.1', 41933)})",
                                f'p1 sendto(3, "", 0, 0, {sa("127.0.0.1", 41933)})', recv("p1", 3), recv("p1", 3),
                                f"p1 connect(3, {sa('127.0.0.1', 41933)})", 'p1 write(3, "self", 4)', recv("p1", 3, 2),
                                "p1 getsockname(3, {sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr(\"0.0.0.0\")}, [16])"],
}.items():
    write("udp", name, "baseline", INET_MORE_SRC, ev, setup="netns")
for name, ev in {
    "tcp-listener-state": ["p1 socket(AF_INET, SOCK_STREAM|SOCK_NONBLOCK, IPPROTO_TCP)", f"p1 bind(3, {sa('127.0.0.1', 41934)})",
                           "p1 listen(3, 1)", f"p1 bind(3, {sa('127.0.0.1', 41935)})", "p1 listen(3, 8)",
                           "p1 getsockopt(3, SOL_SOCKET, SO_ACCEPTCONN, [0], [4])", "p1 shutdown(3, SHUT_RD)",
                           "p1 accept4(3, NULL, NULL, 0)", "p1 getsockopt(3, SOL_SOCKET, SO_ACCEPTCONN, [0], [4])",
                           "p1 listen(3, 8)", "p1 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)",
                           f"p1 connect(4, {sa('127.0.0.1', 41934)})"],
    "tcp6-mapped-listener": ["p1 socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP)", f"p1 bind(3, {sa('::', 41936)})",
                             "p1 listen(3, 5)", "p1 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)",
                             f"p1 bind(4, {sa('127.0.0.1', 41937)})", f"p1 connect(4, {sa('127.0.0.1', 41936)})",
                             f"p1 accept4(3, {sa_out('::1')}, 0)", "p1 getsockname(5, " + sa_out("::1") + ")",
                             "p1 socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP)", f"p1 bind(6, {sa('::1', 41938)})",
                             f"p1 connect(6, {sa('::ffff:127.0.0.1', 41936)})"],
    "tcp-pass-listener-to-netns": ["p1 socket(AF_INET, SOCK_STREAM|SOCK_NONBLOCK, IPPROTO_TCP)",
                                   f"p1 bind(3, {sa('127.0.0.1', 41939)})", "p1 listen(3, 5)",
                                   "p1 socketpair(AF_UNIX, SOCK_DGRAM, 0, [4, 5])", "p1 fork()",
                                   "p2 close(3)", "p2 unshare(CLONE_NEWUSER|CLONE_NEWNET)", "p1 " + sendmsg(4, [3]),
                                   "p1 close(3)", "p2 " + recvmsg(5), "p1 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)",
                                   f"p1 bind(3, {sa('127.0.0.1', 41940)})", f"p1 connect(3, {sa('127.0.0.1', 41939)})",
                                   f"p2 accept4(3, {sa_out('127.0.0.1')}, 0)", recv("p2", 6)],
}.items():
    write("tcp", name, "baseline", INET_MORE_SRC, ev, setup="netns")
RAW = ["socket(AF_INET, SOCK_RAW, IPPROTO_ICMP)", "socket(AF_PACKET, SOCK_RAW, 0)", "socket(AF_NETLINK, SOCK_RAW, 0)",
       "socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP)"]
for user, who in [(None, "root"), (1000, "user")]:
    write("nsuser", f"ns-{who}-raw-sockets", "baseline", NS_SRC,
          [f"p1 {s}" for s in RAW] + ["p1 unshare(CLONE_NEWUSER|CLONE_NEWNET)"] + [f"p1 {s}" for s in RAW],
          user=user, setup="netns")
    write("nsuser", f"ns-{who}-userns-child-ptrace", "baseline", NS_SRC,
          ["p1 unshare(CLONE_NEWUSER)", "p1 fork()", "p1 ptrace(PTRACE_SEIZE, p2, NULL, 0)", "p2 unshare(CLONE_NEWUSER)",
           "p1 fork()", "p3 ptrace(PTRACE_SEIZE, p2, NULL, 0)", "p2 kill(p3, SIGUSR1)", "p3 unshare(CLONE_NEWNET)",
           "p3 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP)", 'p3 ioctl(3, SIOCSIFFLAGS, {ifr_name="lo", ifr_flags=IFF_UP})'],
          user=user, setup="netns")

# Further edges: descriptor passing details, SO_REUSEPORT across uids, id maps, saved-uid root.
for name, ev in {
    "rights-peek-and-stream-boundary": [
        "p1 socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4])", "p1 socket(AF_UNIX, SOCK_DGRAM, 0)", "p1 " + sendmsg(3, [5]),
        'p1 write(3, "y", 1)', "p1 " + recvmsg(4).replace("MSG_DONTWAIT", "MSG_DONTWAIT|MSG_PEEK"), "p1 " + recvmsg(4),
        recv("p1", 4), "p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP)", "p1 " + sendmsg(8, [5])],
    "truncated-datagrams": ["p1 socketpair(AF_UNIX, SOCK_SEQPACKET, 0, [3, 4])", 'p1 write(3, "hello", 5)',
                            recv("p1", 4, 2, "MSG_DONTWAIT|MSG_TRUNC"), "p1 socketpair(AF_UNIX, SOCK_DGRAM, 0, [5, 6])",
                            'p1 write(5, "hello", 5)', recv("p1", 6, 2, "MSG_DONTWAIT|MSG_TRUNC"),
                            'p1 write(5, "hello", 5)', recv("p1", 6, 0)],
    "dgram-path-permission": ["p1 socket(AF_UNIX, SOCK_DGRAM, 0)", f"p1 bind(3, {un('/tmp/cx')})", "p1 fork()"] + AS_USER + [
        "p2 socket(AF_UNIX, SOCK_DGRAM, 0)", f'p2 sendto(4, "x", 1, MSG_DONTWAIT, {un("/tmp/cx")})',
        f"p2 connect(4, {un('/tmp/cx')})", 'p1 chmod("/tmp/cx", 0722)', f'p2 sendto(4, "x", 1, MSG_DONTWAIT, {un("/tmp/cx")})',
        recv("p1", 3)],
}.items():
    write("unixname", f"edge-{name}", "baseline", UNIXNAME_SRC, ev, setup="netns")
REUSEPORT = "setsockopt({fd}, SOL_SOCKET, SO_REUSEPORT, [1], 4)"
for proto, make in [("tcp", "socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)"), ("udp", "socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP)")]:
    port = 41940 if proto == "tcp" else 41945
    listen = ["p1 listen(3, 5)"] if proto == "tcp" else []
    write(proto, f"{proto}-reuseport-across-uids", "baseline", INET_MORE_SRC,
          [f"p1 {make}", "p1 " + REUSEPORT.format(fd=3), f"p1 bind(3, {sa('127.0.0.1', port)})"] + listen + [
              "p1 fork()", f"p2 {make}", "p2 " + REUSEPORT.format(fd=4), f"p2 bind(4, {sa('127.0.0.1', port)})"]
          + [s.replace("p1", "p2").replace("(3", "(4") for s in listen] + [
              "p2 close(4)", "p1 fork()"] + [s.replace("p2", "p3") for s in AS_USER] + [
              f"p3 {make}", "p3 " + REUSEPORT.format(fd=4), f"p3 bind(4, {sa('127.0.0.1', port)})",
              f"p3 bind(4, {sa('0.0.0.0', port)})", f"p3 bind(4, {sa('127.0.0.1', port + 1)})",
              "p3 socket(AF_UNIX, SOCK_STREAM, 0)", "p3 " + REUSEPORT.format(fd=5)], setup="netns")
write("tcp", "tcp-bound-not-listening", "baseline", INET_MORE_SRC,
      ["p1 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)", f"p1 bind(3, {sa('127.0.0.1', 41947)})",
       "p1 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)", f"p1 connect(4, {sa('127.0.0.1', 41947)})",
       "p1 listen(3, 1)", f"p1 connect(4, {sa('127.0.0.1', 41947)})"], setup="netns")
for name, user, ev in [
    ("ns-user-maps-several-lines", 1000, ["p1 unshare(CLONE_NEWUSER)", 'p1 openat(AT_FDCWD, "/proc/self/uid_map", O_WRONLY)',
                                          'p1 write(3, "0 1000 1\\n1 1000 1\\n", 18)', 'p1 write(3, "0 1000 2", 8)',
                                          'p1 openat(AT_FDCWD, "/proc/self/setgroups", O_WRONLY)', 'p1 write(4, "deny", 4)',
                                          'p1 write(4, "allow", 5)', 'p1 openat(AT_FDCWD, "/proc/self/setgroups", O_WRONLY)',
                                          'p1 write(5, "allow", 5)']),
    ("ns-root-maps-several-lines", None, ["p1 unshare(CLONE_NEWUSER)", 'p1 openat(AT_FDCWD, "/proc/self/uid_map", O_WRONLY)',
                                          'p1 write(3, "0 0 10\\n5 100 10\\n", 16)', 'p1 write(3, "0 0 10\\n100 1000 5\\n", 18)',
                                          "p1 setresuid(102, 102, 102)", "p1 getuid()", "p1 geteuid()"]),
    ("ns-user-map-written-by-sibling", 1000, ["p1 fork()", "p2 unshare(CLONE_NEWUSER)", "p1 fork()",
                                              'p3 openat(AT_FDCWD, "/proc/p2/uid_map", O_WRONLY)', 'p3 write(3, "0 1000 1", 8)',
                                              "p2 getuid()", 'p2 openat(AT_FDCWD, "/proc/p2/gid_map", O_WRONLY)',
                                              'p3 openat(AT_FDCWD, "/proc/p2/setgroups", O_WRONLY)']),
]:
    write("nsuser", name, "baseline", NS_SRC, ev, user=user, setup="netns")
for name, user, ev in [
    ("saved-root-child", None, ["p1 fork()", "p2 setresuid(1000, 1000, 0)", "p2 kill(p1, SIGUSR1)",
                                "p2 ptrace(PTRACE_SEIZE, p1, NULL, 0)", "p1 ptrace(PTRACE_SEIZE, p2, NULL, 0)",
                                "p1 ptrace(PTRACE_DETACH, p2, NULL, 0)", "p2 setresuid(1000, 0, 0)", "p2 geteuid()",
                                "p2 kill(p1, SIGUSR1)", "p2 ptrace(PTRACE_SEIZE, p1, NULL, 0)", "p2 ptrace(PTRACE_DETACH, p1, NULL, 0)"]),
    ("traceme-nondumpable-parent", 1000, ["p1 prctl(PR_SET_DUMPABLE, SUID_DUMP_DISABLE)", "p1 fork()", "p2 prctl(PR_GET_DUMPABLE)",
                                          "p2 ptrace(PTRACE_TRACEME)", "p2 ptrace(PTRACE_SEIZE, p1, NULL, 0)",
                                          "p1 ptrace(PTRACE_DETACH, p2, NULL, 0)"]),
]:
    write("ptrace", name, "baseline", PTRACE_SRC, ev, user=user)

# Fatal signals and a user namespace's own root: who may stop or kill whom.
MAP_SELF = ['openat(AT_FDCWD, "/proc/self/uid_map", O_WRONLY)', 'write(3, "0 1000 1", 8)', "close(3)"]
for name, user, ev in [
    ("kill-fatal-across-uids", None, ["p1 fork()"] + AS_USER + ["p1 fork()", "p2 kill(p1, SIGKILL)", "p2 kill(p3, SIGTERM)",
                                                                 "p3 kill(p2, SIGSTOP)", "p3 kill(p2, SIGCONT)",
                                                                 "p3 kill(p2, SIGKILL)", "p3 kill(p2, 0)",
                                                                 "p1 ptrace(PTRACE_ATTACH, p2)"]),
    ("kill-from-userns-root", 1000, ["p1 fork()", "p2 unshare(CLONE_NEWUSER)"] + [f"p2 {s}" for s in MAP_SELF] +
     ["p2 fork()", "p3 setresuid(0, 0, 0)", "p1 kill(p3, SIGUSR1)", "p3 kill(p1, SIGUSR1)", "p3 kill(p2, SIGUSR1)",
      "p1 ptrace(PTRACE_SEIZE, p3, NULL, 0)", "p1 ptrace(PTRACE_DETACH, p3, NULL, 0)", "p3 ptrace(PTRACE_SEIZE, p2, NULL, 0)",
      "p3 ptrace(PTRACE_DETACH, p2, NULL, 0)", "p3 ptrace(PTRACE_SEIZE, p1, NULL, 0)", "p1 kill(p3, SIGKILL)",
      "p1 kill(p3, 0)"]),
    ("ptrace-nodump-inside-userns", 1000, ["p1 fork()", "p2 unshare(CLONE_NEWUSER)"] + [f"p2 {s}" for s in MAP_SELF] +
     ["p2 prctl(PR_SET_DUMPABLE, SUID_DUMP_DISABLE)", "p2 fork()", "p3 ptrace(PTRACE_SEIZE, p2, NULL, 0)",
      "p1 ptrace(PTRACE_SEIZE, p2, NULL, 0)", "p1 ptrace(PTRACE_DETACH, p2, NULL, 0)",
      'p3 openat(AT_FDCWD, "/proc/p2/mem", O_RDONLY)', 'p1 openat(AT_FDCWD, "/proc/p2/mem", O_RDONLY)']),
]:
    write("ptrace", name, "baseline", SIG_SRC, ev, user=user)
