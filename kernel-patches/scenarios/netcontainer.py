#!/usr/bin/env python3
"""Writes the scenarios that extend traces/spec/designs/netcontainer/ for the patched-kernel corpus
into kernel-patches/netcontainer/scenarios/. The expected results are what Lezcano's patches say
(seed 002), read as the 6.12 port runs them (model/Isolation.Model/Designs/NetContainer/README.md):
network.ipv4 takes "add.HEX"/"del.HEX", the hex is a host-order number (0100007F is 127.0.0.1 on
x86), and bind of an AF_INET socket outside the root cgroup must name a listed address or
INADDR_ANY.

    kernel-patches/scenarios/netcontainer.py
"""
from common import ScenarioSet, in4

SEED = "seed 002_d6ff0dffc80eb989.txt"
EPERM = "-1 EPERM (Operation not permitted)"
EINVAL = "-1 EINVAL (Invalid argument)"
EACCES = "-1 EACCES (Permission denied)"
EADDRINUSE = "-1 EADDRINUSE (Address already in use)"
EAFNOSUPPORT = "-1 EAFNOSUPPORT (Address family not supported by protocol)"
SCENARIOS = ScenarioSet("netcontainer")
BIND = f"{SEED} patch 3/3 network_socket_bind: root container, non-AF_INET sockets and INADDR_ANY pass; else the address must be listed (EPERM)"
FILE = f"{SEED} patch 1/3 network_write, network_parse_ipv4_address (split at the first '.', sscanf %X), network_fill_ipv4_address"
LOOP = {"127.0.0.1": "0100007F", "127.0.0.2": "0200007F", "10.0.0.1": "0100000A"}


def scenario(name, sources, events, user=False):
    SCENARIOS.add(name, sources, events, user=user)


def make(p, cg, fd):
    """p makes the cgroup and opens its network.ipv4 for writing on fd."""
    return [f'{p} mkdir("/sys/fs/cgroup/{cg}", 0755) = 0',
            f'{p} openat(AT_FDCWD, "/sys/fs/cgroup/{cg}/network.ipv4", O_WRONLY) = {fd}']


def write(p, fd, text, result=None):
    shown = text.replace("\n", "\\n")
    return f'{p} write({fd}, "{shown}", {len(text)}) = {len(text) if result is None else result}'


def add(p, fd, addr):
    return write(p, fd, f"add.{LOOP[addr]}\n")


def enter(p, cg, fd):
    return [f'{p} openat(AT_FDCWD, "/sys/fs/cgroup/{cg}/cgroup.procs", O_WRONLY) = {fd}', f'{p} write({fd}, "0", 1) = 1']



def bind(p, fd, port, addr, result="0"):
    return f"{p} bind({fd}, {in4(port, addr)}) = {result}"


def read(p, cg, fd, data, size=64):
    return [f'{p} openat(AT_FDCWD, "/sys/fs/cgroup/{cg}/network.ipv4", O_RDONLY) = {fd}',
            f'{p} read({fd}, "{data}", {size}) = {len(data.encode().decode("unicode_escape"))}']


scenario("bind-listed-udp", [BIND],
         make("p1", "c1", 3) + [add("p1", 3, "127.0.0.1"), "p1 fork() = p2"] + enter("p2", "c1", 4)
         + ["p2 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 5", bind("p2", 5, 47201, "127.0.0.1")])
scenario("bind-after-del-refused", [BIND, FILE],
         make("p1", "c1", 3) + [add("p1", 3, "127.0.0.1"), write("p1", 3, "del.0100007F\n"), "p1 fork() = p2"]
         + enter("p2", "c1", 4) + ["p2 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 5", bind("p2", 5, 47202, "127.0.0.1", EPERM)])
scenario("bind-other-loopback-refused", [BIND],
         make("p1", "c1", 3) + [add("p1", 3, "127.0.0.1"), "p1 fork() = p2"] + enter("p2", "c1", 4)
         + ["p2 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 5", bind("p2", 5, 47203, "127.0.0.2", EPERM),
            bind("p2", 5, 47203, "127.0.0.1")])
scenario("two-containers", [BIND],
         make("p1", "c1", 3) + [add("p1", 3, "127.0.0.1")] + make("p1", "c2", 4) + [add("p1", 4, "127.0.0.2"),
                                                                                   "p1 fork() = p2", "p1 fork() = p3"]
         + enter("p2", "c1", 5) + enter("p3", "c2", 5)
         + ["p2 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 6", bind("p2", 6, 47204, "127.0.0.2", EPERM), bind("p2", 6, 47204, "127.0.0.1"),
            "p3 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 6", bind("p3", 6, 47205, "127.0.0.1", EPERM), bind("p3", 6, 47205, "127.0.0.2")])
scenario("nested-container-has-its-own-list", [BIND, "each cgroup has its own list; a child's is not its parent's"],
         make("p1", "c1", 3) + [add("p1", 3, "127.0.0.1")] + make("p1", "c1/c2", 4) + ["p1 fork() = p2"] + enter("p2", "c1/c2", 5)
         + ["p2 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 6", bind("p2", 6, 47206, "127.0.0.1", EPERM)])
scenario("child-forked-in-container-filtered", [BIND, "a child starts in its parent's cgroup"],
         make("p1", "c1", 3) + ["p1 fork() = p2"] + enter("p2", "c1", 4) + ["p2 fork() = p3",
                                                                           "p3 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 5",
                                                                           bind("p3", 5, 47207, "127.0.0.1", EPERM)])
scenario("root-container-binds-anything", [BIND],
         make("p1", "c1", 3) + ["p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 4", bind("p1", 4, 47208, "127.0.0.2")])
scenario("ipv4-write-moves-the-position", [FILE, "fs/kernfs/file.c kernfs_fop_write_iter (6.12): a write advances the file position"],
         make("p1", "c1", 3)[:1] + ['p1 openat(AT_FDCWD, "/sys/fs/cgroup/c1/network.ipv4", O_RDWR) = 3', add("p1", 3, "127.0.0.1"),
                                    'p1 read(3, "", 64) = 0', "p1 lseek(3, 0, SEEK_SET) = 0", 'p1 read(3, "100007F\\n", 64) = 8'])
scenario("bind-unspec-is-inaddr-any", [BIND, "net/ipv4/af_inet.c __inet_bind (6.12) maps AF_UNSPEC with INADDR_ANY to AF_INET"],
         make("p1", "c1", 3) + ["p1 fork() = p2"] + enter("p2", "c1", 4)
         + ["p2 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 5", "p2 bind(5, {sa_family=AF_UNSPEC}, 16) = 0"])
scenario("inet6-address-on-inet-socket", [BIND, "the hook reads sin_addr whatever sa_family says: sin6_flowinfo, 0 here",
                                          "net/ipv4/af_inet.c __inet_bind (6.12): EAFNOSUPPORT"],
         make("p1", "c1", 3) + ["p1 fork() = p2"] + enter("p2", "c1", 4)
         + ["p2 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 5",
            'p2 bind(5, {sa_family=AF_INET6, sin6_port=htons(47209), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28) = '
            + EAFNOSUPPORT])
scenario("v4-mapped-on-inet6-unfiltered", [BIND, "AF_INET6 sockets are never filtered, v4-mapped addresses included"],
         make("p1", "c1", 3) + ["p1 fork() = p2"] + enter("p2", "c1", 4)
         + ["p2 socket(AF_INET6, SOCK_DGRAM, IPPROTO_IP) = 5",
            'p2 bind(5, {sa_family=AF_INET6, sin6_port=htons(47210), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::ffff:127.0.0.2", &sin6_addr), sin6_scope_id=0}, 28) = 0'])
scenario("eperm-before-eaddrinuse", [BIND, "the hook runs in security_socket_bind, before inet_bind"],
         make("p1", "c1", 3) + ["p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 4", bind("p1", 4, 47211, "127.0.0.2"),
                                "p1 fork() = p2"] + enter("p2", "c1", 5)
         + ["p2 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 6", bind("p2", 6, 47211, "127.0.0.2", EPERM)])
scenario("listed-address-in-use", [BIND, "a listed address goes on to inet_bind: EADDRINUSE"],
         make("p1", "c1", 3) + [add("p1", 3, "127.0.0.1"), "p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 4",
                                bind("p1", 4, 47212, "127.0.0.1"), "p1 fork() = p2"] + enter("p2", "c1", 5)
         + ["p2 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 6", bind("p2", 6, 47212, "127.0.0.1", EADDRINUSE)])
scenario("inaddr-any-receives-every-address", [BIND, "Hallyn on 3/3: a container bound to INADDR_ANY gets traffic for every address"],
         make("p1", "c1", 3) + ["p1 fork() = p2"] + enter("p2", "c1", 4)
         + ["p2 socket(AF_INET, SOCK_DGRAM|SOCK_NONBLOCK, IPPROTO_IP) = 5", bind("p2", 5, 47213, "0.0.0.0"),
            "p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 4", f'p1 sendto(4, "x", 1, 0, {in4(47213, "127.0.0.2")}) = 1',
            'p2 recvfrom(5, "x", 16, MSG_DONTWAIT, NULL, NULL) = 1'])
scenario("listen-on-listed-address", [BIND],
         make("p1", "c1", 3) + [add("p1", 3, "127.0.0.1"), "p1 fork() = p2"] + enter("p2", "c1", 4)
         + ["p2 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 5", bind("p2", 5, 47214, "127.0.0.1"), "p2 listen(5, 8) = 0",
            "p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 4", f"p1 connect(4, {in4(47214, '127.0.0.1')}) = 0"])
scenario("subcontainer-made-from-inside", [BIND, "a task in c1 with CAP_NET_ADMIN makes c1/c2, whose list starts empty"],
         make("p1", "c1", 3) + [add("p1", 3, "127.0.0.1"), "p1 fork() = p2"] + enter("p2", "c1", 4)
         + ['p2 mkdir("/sys/fs/cgroup/c1/c2", 0755) = 0'] + enter("p2", "c1/c2", 5)
         + ["p2 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 6", bind("p2", 6, 47215, "127.0.0.1", EPERM)])
scenario("move-needs-write-access", ["kernel/cgroup/cgroup.c cgroup_procs_write_permission (6.12): a user without write access to the common ancestor's cgroup.procs gets EACCES"],
         ['p1 openat(AT_FDCWD, "/sys/fs/cgroup/cgroup.procs", O_WRONLY) = ' + EACCES], user=True)
scenario("recreated-container-is-empty", [FILE, "network_destroy flushes the list; a new cgroup gets a new one"],
         make("p1", "c1", 3) + [add("p1", 3, "127.0.0.1"), "p1 close(3) = 0", 'p1 rmdir("/sys/fs/cgroup/c1") = 0']
         + make("p1", "c1", 3) + read("p1", "c1", 4, ""))
scenario("ipv4-del-first-of-duplicates", [FILE, "network_del_ipv4_address removes the first match only"],
         make("p1", "c1", 3) + [add("p1", 3, "127.0.0.1"), add("p1", 3, "127.0.0.1"), write("p1", 3, "del.0100007F\n")]
         + read("p1", "c1", 4, "100007F\\n"))
scenario("ipv4-del-absent", [FILE], make("p1", "c1", 3) + [write("p1", 3, "del.0100007F\n", EINVAL), write("p1", 3, "del.0\n", EINVAL)])
scenario("ipv4-read-empty", [FILE], make("p1", "c1", 3) + read("p1", "c1", 4, ""))
scenario("ipv4-lowercase-hex", [FILE, "%X reads lower case too"],
         make("p1", "c1", 3) + [write("p1", 3, "add.0a0b0c0d\n")] + read("p1", "c1", 4, "A0B0C0D\\n"))
scenario("ipv4-trailing-garbage", [FILE, "%X stops at the first non-hex character"],
         make("p1", "c1", 3) + [write("p1", 3, "add.7Fzz\n")] + read("p1", "c1", 4, "7F\\n"))
scenario("ipv4-command-case", [FILE, "strcmp with \"add\" and \"del\""],
         make("p1", "c1", 3) + [write("p1", 3, "ADD.7F\n", EINVAL), write("p1", 3, "Add.7F", EINVAL)])
scenario("ipv4-no-dot", [FILE, "memchr finds no '.'"],
         make("p1", "c1", 3) + [write("p1", 3, "add\n", EINVAL), write("p1", 3, "add 7F", EINVAL), write("p1", 3, "\n", EINVAL)])
scenario("ipv4-empty-write", [FILE, "fs/kernfs/file.c kernfs_fop_write_iter (6.12): an empty write returns 0 without the handler"],
         make("p1", "c1", 3) + ['p1 write(3, "", 0) = 0'])
scenario("ipv4-many-entries-newest-first", [FILE, "list_add at the head"],
         make("p1", "c1", 3) + [write("p1", 3, f"add.{h}\n") for h in ["1", "22", "333", "4444", "55555"]]
         + read("p1", "c1", 4, "55555\\n4444\\n333\\n22\\n1\\n"))
scenario("ipv4-read-in-pieces", [FILE, "fs/seq_file.c seq_read (6.12): successive reads continue where the last stopped"],
         make("p1", "c1", 3) + [add("p1", 3, "127.0.0.1"), add("p1", 3, "10.0.0.1")]
         + ['p1 openat(AT_FDCWD, "/sys/fs/cgroup/c1/network.ipv4", O_RDONLY) = 4', 'p1 read(4, "1000", 4) = 4',
            'p1 read(4, "00A\\n100", 7) = 7', 'p1 read(4, "007F\\n", 64) = 5', 'p1 read(4, "", 64) = 0'])
scenario("ipv4-two-commands-one-write", [FILE, "one command per write: sscanf reads the first address and the rest is ignored"],
         make("p1", "c1", 3) + [write("p1", 3, "add.1\nadd.2\n")] + read("p1", "c1", 4, "1\\n"))
scenario("ipv4-max-value", [FILE, "%X into 32 bits"],
         make("p1", "c1", 3) + [write("p1", 3, "add.FFFFFFFF\n")] + read("p1", "c1", 4, "FFFFFFFF\\n"))
scenario("ipv4-space-before-dot-invalid", [FILE, "the command must be exactly add or del"],
         make("p1", "c1", 3) + [write("p1", 3, "add .7F\n", EINVAL), write("p1", 3, " add.7F\n")] + read("p1", "c1", 4, "7F\\n"))
scenario("ipv4-write-as-user-refused", ["kernel/cgroup/cgroup.c cgroup_file_mode (6.12): network.ipv4 is 0644, uid 0: a user cannot open it for writing"],
         ['p1 openat(AT_FDCWD, "/sys/fs/cgroup/network.ipv4", O_WRONLY) = ' + EACCES], user=True)
scenario("unix-bind-in-container-unfiltered", [BIND, "only AF_INET sockets are looked at"],
         make("p1", "c1", 3) + ["p1 fork() = p2"] + enter("p2", "c1", 4)
         + ["p2 socket(AF_UNIX, SOCK_DGRAM, 0) = 5", 'p2 bind(5, {sa_family=AF_UNIX, sun_path=@"ct"}, 5) = 0',
            "p2 socket(AF_UNIX, SOCK_STREAM, 0) = 6", 'p2 bind(6, {sa_family=AF_UNIX, sun_path="/tmp/ct"}, 110) = 0'])


def main():
    SCENARIOS.write()


if __name__ == "__main__":
    main()
