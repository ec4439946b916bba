namespace Isolation.Model.Designs.SocketTable;

/// <summary>
/// Menage's proposal in seed 002: a "socket" filter table with BIND, ACCEPT and CONNECT chains
/// (and SENDTO and RECVFROM for unbound datagram sockets) that each such call's fake packet goes
/// through, and a <c>network_id</c> cgroup controller that a <c>control_group</c> match reads.
/// </summary>
/// <remarks>Seed 002_d6ff0dffc80eb989.txt, replies to "[RFC][patch 3/3] activate filtering for the bind", 10 Sep 2007.</remarks>
public static class SocketTableDesign
{
    /// <summary>The design's name everywhere.</summary>
    public const string Name = "socket-table";

    /// <summary>The catalog entry.</summary>
    public static Design Design { get; } = new(
        Name,
        "iptables-like 'socket' table (BIND/ACCEPT/CONNECT/SENDTO/RECVFROM chains, /proc/net/socket_table) with a cgroup network_id match",
        "seeds/002_d6ff0dffc80eb989.txt",
        () => new SocketTableModule())
    {
        Entry =
        [
            new("make-group", ["mkdir(\"/sys/fs/cgroup/c1\", 0755)"]) { Shared = true },
            new("filter-group", ["openat(AT_FDCWD, \"/proc/net/socket_table\", O_WRONLY)", "write({r1}, \"-A CONNECT -m control_group --network-id 1 -j DROP\\n\", 51)", "close({r1})"]) { Shared = true },
            new("join-group", ["openat(AT_FDCWD, \"/sys/fs/cgroup/c1/cgroup.procs\", O_WRONLY)", "write({r1}, \"0\", 1)", "close({r1})"]),
            new("leave-group", ["openat(AT_FDCWD, \"/sys/fs/cgroup/cgroup.procs\", O_WRONLY)", "write({r1}, \"0\", 1)", "close({r1})"]),
            new("drop-net-admin", ["prctl(PR_CAPBSET_DROP, CAP_NET_ADMIN)", "capset({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, {effective=0, permitted=0, inheritable=0})"]),
        ],
        Rules =
        [
            new("socket_bind", TableRules.FedAddress),
            new("socket_connect", TableRules.FedAddress),
            new("socket_post_accept", TableRules.FedAccept),
            new("socket_sendmsg", TableRules.FedDatagram),
            new("socket_recvmsg", TableRules.FedDatagram),
            new("socket_table_match", TableRules.Matches),
            new("socket_table_verdict", TableRules.VerdictErrno),
        ],
    };
}
