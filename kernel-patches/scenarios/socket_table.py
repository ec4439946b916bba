#!/usr/bin/env python3
"""Writes the scenarios that extend traces/spec/designs/socket-table/ for the patched-kernel corpus
into kernel-patches/socket-table/scenarios/. The expected results are what Menage's proposal says
(seed 002), with the choices model/Isolation.Model/Designs/SocketTable/README.md lists: fake
packets per chain, first matching rule with a target decides, DROP and REJECT are EPERM, and
/proc/net/socket_table takes iptables' command syntax.

    kernel-patches/scenarios/socket_table.py
"""
from common import ScenarioSet, in4

SEED = "seed 002_d6ff0dffc80eb989.txt"
EPERM = "-1 EPERM (Operation not permitted)"
EINVAL = "-1 EINVAL (Invalid argument)"
ENOENT = "-1 ENOENT (No such file or directory)"
E2BIG = "-1 E2BIG (Argument list too long)"
EAGAIN = "-1 EAGAIN (Resource temporarily unavailable)"
EDESTADDRREQ = "-1 EDESTADDRREQ (Destination address required)"
CHAIN = f"{SEED} Menage's proposal: a fake packet through the call's chain; \"If it gets though OK we allow the operation to proceed, else we fail with EPERM\""
FILE = "the control file /proc/net/socket_table (see the design README): iptables command syntax, one per line, all or nothing; libiptc's errnos"
POLICIES = ["BIND", "ACCEPT", "CONNECT", "SENDTO", "RECVFROM"]
SCENARIOS = ScenarioSet("socket-table")


def scenario(name, sources, events):
    SCENARIOS.add(name, sources, events)


def esc(text):
    return text.replace("\n", "\\n")


def rules(p, fd, text, result=None):
    """p opens the table on fd and writes text."""
    return [f'{p} openat(AT_FDCWD, "/proc/net/socket_table", O_WRONLY) = {fd}',
            f'{p} write({fd}, "{esc(text)}", {len(text)}) = {len(text) if result is None else result}']


def write(p, fd, text, result=None):
    return f'{p} write({fd}, "{esc(text)}", {len(text)}) = {len(text) if result is None else result}'


def listing(p, fd, lines, drop=()):
    text = "".join(f"-P {c} {'DROP' if c in drop else 'ACCEPT'}\n" for c in POLICIES) + "".join(l + "\n" for l in lines)
    return [f'{p} openat(AT_FDCWD, "/proc/net/socket_table", O_RDONLY) = {fd}',
            f'{p} read({fd}, "{esc(text)}", 1024) = {len(text)}']



scenario("bind-accept-rule-before-drop-policy", [CHAIN],
         rules("p1", 3, "-P BIND DROP\n-A BIND -s 127.0.0.1 -j ACCEPT\n")
         + ["p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 4", f"p1 bind(4, {in4(47401)}) = 0",
            "p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 5", f"p1 bind(5, {in4(47401, '127.0.0.2')}) = {EPERM}"])
scenario("bind-packet-has-no-destination", [CHAIN, "BIND's fake packet goes to 0.0.0.0:0"],
         rules("p1", 3, "-A BIND -p tcp --dport 0 -j DROP\n")
         + ["p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 4", f"p1 bind(4, {in4(47402)}) = {EPERM}",
            "p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 5", f"p1 bind(5, {in4(47402)}) = 0"])
scenario("bind-source-port-range", [CHAIN],
         rules("p1", 3, "-A BIND -p udp --sport 47000:47500 -j DROP\n")
         + ["p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 4", f"p1 bind(4, {in4(47403)}) = {EPERM}",
            f"p1 bind(4, {in4(47600)}) = 0", "p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 5", f"p1 bind(5, {in4(47403)}) = 0"])
scenario("bind-protocol-number", [CHAIN, "-p 17 is udp"],
         rules("p1", 3, "-A BIND -p 17 -j REJECT\n")
         + ["p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 4", f"p1 bind(4, {in4(47404)}) = {EPERM}",
            "p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 5", f"p1 bind(5, {in4(47404)}) = 0"])
scenario("bind-protocol-all", [CHAIN, "-p all matches every protocol"],
         rules("p1", 3, "-A BIND -p all -s 127.0.0.2 -j DROP\n")
         + ["p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 4", f"p1 bind(4, {in4(47405, '127.0.0.2')}) = {EPERM}",
            "p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 5", f"p1 bind(5, {in4(47405, '127.0.0.2')}) = {EPERM}"])
scenario("bind-prefix-zero-matches-all", [CHAIN],
         rules("p1", 3, "-A BIND -s 0.0.0.0/0 -j DROP\n")
         + ["p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 4", f"p1 bind(4, {in4(0, '0.0.0.0')}) = {EPERM}"])
scenario("connect-by-destination-port", [CHAIN],
         ["p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3", f"p1 bind(3, {in4(47406)}) = 0", "p1 listen(3, 8) = 0",
          "p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 4", f"p1 bind(4, {in4(47407)}) = 0", "p1 listen(4, 8) = 0"]
         + rules("p1", 5, "-A CONNECT -p tcp --dport 47406 -j REJECT\n")
         + ["p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 6", f"p1 connect(6, {in4(47406)}) = {EPERM}",
            f"p1 connect(6, {in4(47407)}) = 0"])
scenario("connect-from-bound-source", [CHAIN, "CONNECT's packet comes from the socket's local end: a bound socket's address and port"],
         ["p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 3", f"p1 bind(3, {in4(47408)}) = 0"]
         + rules("p1", 4, "-A CONNECT -p udp --sport 47408 -j DROP\n")
         + [f"p1 connect(3, {in4(47409)}) = {EPERM}", "p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 5",
            f"p1 connect(5, {in4(47409)}) = 0"])
scenario("connect-udp-destination", [CHAIN],
         rules("p1", 3, "-A CONNECT -p udp -d 127.0.0.2 -j DROP\n")
         + ["p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 4", f"p1 connect(4, {in4(47410, '127.0.0.2')}) = {EPERM}",
            f"p1 connect(4, {in4(47410)}) = 0"])
scenario("connect-unspec-unfiltered", [CHAIN, "only an AF_INET address is fed through the table"],
         rules("p1", 3, "-P CONNECT DROP\n")
         + ["p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 4", f"p1 connect(4, {in4(47411)}) = {EPERM}",
            "p1 connect(4, {sa_family=AF_UNSPEC}, 16) = 0"])
scenario("accept-by-peer-port", [CHAIN, "ACCEPT's packet comes from the peer"],
         ["p1 socket(AF_INET, SOCK_STREAM|SOCK_NONBLOCK, IPPROTO_IP) = 3", f"p1 bind(3, {in4(47412)}) = 0", "p1 listen(3, 8) = 0"]
         + rules("p1", 4, "-A ACCEPT -p tcp --sport 47413 -j DROP\n")
         + ["p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 5", f"p1 bind(5, {in4(47413)}) = 0", f"p1 connect(5, {in4(47412)}) = 0",
            f"p1 accept(3, NULL, NULL) = {EPERM}", "p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 6",
            f"p1 bind(6, {in4(47414)}) = 0", f"p1 connect(6, {in4(47412)}) = 0", "p1 accept(3, NULL, NULL) = 7"])
scenario("accept-by-local-address", [CHAIN, "ACCEPT's packet goes to the accepted socket's local end"],
         ["p1 socket(AF_INET, SOCK_STREAM|SOCK_NONBLOCK, IPPROTO_IP) = 3", f"p1 bind(3, {in4(47415, '127.0.0.2')}) = 0", "p1 listen(3, 8) = 0"]
         + rules("p1", 4, "-A ACCEPT -d 127.0.0.2 -p tcp --dport 47415 -j REJECT\n")
         + ["p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 5", f"p1 connect(5, {in4(47415, '127.0.0.2')}) = 0",
            f"p1 accept(3, NULL, NULL) = {EPERM}"])
scenario("sendto-unbound-by-destination", [CHAIN, f"{SEED} Menage: chains \"invoked for those operations on unbound datagram sockets\""],
         ["p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 3", f"p1 bind(3, {in4(47416)}) = 0"]
         + rules("p1", 4, "-A SENDTO -d 127.0.0.2 -j DROP\n")
         + ["p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 5", f'p1 sendto(5, "x", 1, 0, {in4(47416, "127.0.0.2")}) = {EPERM}',
            "p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 6", f'p1 sendto(6, "y", 1, 0, {in4(47416)}) = 1',
            'p1 recvfrom(3, "y", 16, MSG_DONTWAIT, NULL, NULL) = 1'])
scenario("sendto-without-address-reaches-protocol", [CHAIN, "a send without an address is a packet to 0.0.0.0:0",
                                                     "net/ipv4/udp.c udp_sendmsg (6.12): EDESTADDRREQ"],
         rules("p1", 3, "-A SENDTO -d 127.0.0.0/8 -j DROP\n")
         + ["p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 4", f'p1 sendto(4, "x", 1, 0, NULL, 0) = {EDESTADDRREQ}'])
scenario("sendto-after-connect-unfiltered", [CHAIN, "connect autobinds: the socket is no longer unbound"],
         ["p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 3", f"p1 bind(3, {in4(47417)}) = 0"]
         + rules("p1", 4, "-P SENDTO DROP\n")
         + ["p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 5", f"p1 connect(5, {in4(47417)}) = 0", 'p1 write(5, "x", 1) = 1',
            'p1 recvfrom(3, "x", 16, MSG_DONTWAIT, NULL, NULL) = 1'])
scenario("recvfrom-unbound-and-bound", [CHAIN],
         rules("p1", 3, "-P RECVFROM DROP\n")
         + ["p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 4", f'p1 recvfrom(4, "", 16, MSG_DONTWAIT, NULL, NULL) = {EPERM}',
            f"p1 bind(4, {in4(47418)}) = 0", f'p1 recvfrom(4, "", 16, MSG_DONTWAIT, NULL, NULL) = {EAGAIN}'])
scenario("recvfrom-tcp-unfiltered", [CHAIN, "RECVFROM is for datagram sockets only"],
         ["p1 socket(AF_INET, SOCK_STREAM|SOCK_NONBLOCK, IPPROTO_IP) = 3", f"p1 bind(3, {in4(47419)}) = 0", "p1 listen(3, 8) = 0"]
         + rules("p1", 4, "-P RECVFROM DROP\n")
         + ["p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 5", f"p1 connect(5, {in4(47419)}) = 0", 'p1 write(5, "x", 1) = 1',
            "p1 accept(3, NULL, NULL) = 6", 'p1 recvfrom(6, "x", 16, MSG_DONTWAIT, NULL, NULL) = 1'])
scenario("apply-error-leaves-table", [FILE],
         rules("p1", 3, "-A BIND -j DROP\n-D BIND 5\n", E2BIG) + listing("p1", 4, []))
scenario("parse-checked-before-apply", [FILE, "every line is parsed before any runs"],
         rules("p1", 3, "-D BIND 5\n-A BIND -x 1\n", EINVAL) + [write("p1", 3, "-D BIND 5\n-A BOND -j DROP\n", ENOENT)])
scenario("flush-one-chain", [FILE],
         rules("p1", 3, "-A BIND -j DROP\n-A CONNECT -j DROP\n-F BIND\n") + listing("p1", 4, ["-A CONNECT -j DROP"]))
scenario("policy-back-to-accept", [FILE, CHAIN],
         rules("p1", 3, "-P BIND DROP\n") + ["p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 4", f"p1 bind(4, {in4(47420)}) = {EPERM}",
                                            write("p1", 3, "-P BIND ACCEPT\n"), f"p1 bind(4, {in4(47420)}) = 0"])
scenario("insert-without-number-goes-first", [FILE],
         rules("p1", 3, "-A BIND -s 127.0.0.1 -j DROP\n-I BIND -s 127.0.0.2 -j ACCEPT\n")
         + listing("p1", 4, ["-A BIND -s 127.0.0.2/32 -j ACCEPT", "-A BIND -s 127.0.0.1/32 -j DROP"]))
scenario("insert-one-past-the-end-appends", [FILE],
         rules("p1", 3, "-A BIND -s 127.0.0.1 -j DROP\n-I BIND 2 -s 127.0.0.2 -j DROP\n")
         + listing("p1", 4, ["-A BIND -s 127.0.0.1/32 -j DROP", "-A BIND -s 127.0.0.2/32 -j DROP"]))
scenario("list-protocol-number-and-udp-port", [FILE, "iptables -S: -p by name for tcp and udp, by number otherwise; -m udp before ports"],
         rules("p1", 3, "-A BIND -p 1 -j DROP\n-A SENDTO -p udp --dport 53 -j REJECT\n")
         + listing("p1", 4, ["-A BIND -p 1 -j DROP", "-A SENDTO -p udp -m udp --dport 53 -j REJECT"]))
scenario("delete-by-masked-spec", [FILE, "rules compare as iptables stores them: the address masked with its prefix"],
         rules("p1", 3, "-A BIND -s 10.0.0.0/8 -j DROP\n") + [write("p1", 3, "-D BIND -s 10.1.2.3/8 -j DROP\n")]
         + listing("p1", 4, []))
scenario("blank-lines-ignored", [FILE],
         rules("p1", 3, "\n\n-A BIND -j DROP\n  \n\t\n") + listing("p1", 4, ["-A BIND -j DROP"]))
scenario("empty-write-einval", [FILE, "fs/proc/proc_net.c proc_simple_write (6.12): an empty write is EINVAL"],
         ['p1 openat(AT_FDCWD, "/proc/net/socket_table", O_WRONLY) = 3', f'p1 write(3, "", 0) = {EINVAL}'])
scenario("match-option-order", [FILE, "-m tcp needs -p tcp before it; --dport needs a port match"],
         rules("p1", 3, "-A BIND -m tcp -p tcp --dport 80 -j DROP\n", EINVAL)
         + [write("p1", 3, "-A BIND --dport 80 -j DROP\n", EINVAL), write("p1", 3, "-A BIND -p tcp -m udp -j DROP\n", EINVAL),
            write("p1", 3, "-A BIND -p udp -m udp --sport 5:4 -j DROP\n", EINVAL)])
scenario("chain-and-target-names", [FILE, "chains are upper case; targets ACCEPT, DROP, REJECT; policies ACCEPT or DROP"],
         rules("p1", 3, "-A bind -j DROP\n", ENOENT)
         + [write("p1", 3, "-A BIND -j LOG\n", EINVAL), write("p1", 3, "-P BIND REJECT\n", EINVAL),
            write("p1", 3, "-X BIND\n", EINVAL), write("p1", 3, "-F BIND now\n", EINVAL)])
scenario("network-id-of-nested-cgroup", [f"{SEED} Menage: \"a single uniquely-generated integer network_id for each control group\""],
         ['p1 mkdir("/sys/fs/cgroup/c1", 0755) = 0', 'p1 mkdir("/sys/fs/cgroup/c1/c2", 0755) = 0',
          'p1 openat(AT_FDCWD, "/sys/fs/cgroup/c1/c2/network_id.id", O_RDONLY) = 3', 'p1 read(3, "2\\n", 64) = 2',
          'p1 openat(AT_FDCWD, "/sys/fs/cgroup/network_id.id", O_RDONLY) = 4', 'p1 read(4, "0\\n", 64) = 2'])
scenario("network-id-zero-is-the-root", [CHAIN, "the root cgroup's network_id is 0"],
         rules("p1", 3, "-A BIND -m control_group --network-id 0 -j DROP\n")
         + ["p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 4", f"p1 bind(4, {in4(47421)}) = {EPERM}"])
scenario("network-id-range-excludes", [CHAIN],
         ['p1 mkdir("/sys/fs/cgroup/c1", 0755) = 0', 'p1 mkdir("/sys/fs/cgroup/c2", 0755) = 0']
         + rules("p1", 3, "-A CONNECT -m control_group --network-id 1:1 -j DROP\n")
         + ["p1 fork() = p2", 'p2 openat(AT_FDCWD, "/sys/fs/cgroup/c2/cgroup.procs", O_WRONLY) = 4', 'p2 write(4, "0", 1) = 1',
            "p2 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 5", f"p2 connect(5, {in4(47422)}) = 0"])


def main():
    SCENARIOS.write()


if __name__ == "__main__":
    main()
