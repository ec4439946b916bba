using Isolation.Model.Kernel.Sockets;

namespace Isolation.Model.Designs.Bsdjail;

/// <summary>
/// One jail (struct jail_struct): the configuration written to /proc/self/attr/exec, and once the
/// exec enabled it, the state shared by every task of the jail. Tasks, abstract unix sockets,
/// files, SysV objects and /proc inodes point at the same object; the hooks compare these
/// references as the patch compares <c>task-&gt;security</c> pointers.
/// </summary>
/// <remarks>security/bsdjail.c struct jail_struct, seed 000_b30739e92565e0a7.txt.</remarks>
public sealed class Jail
{
    /// <summary>ip4_addr_name: the text after <c>ip </c>, or null.</summary>
    public string? Ip4AddrName { get; internal set; }

    /// <summary>ip6_addr_name: the text after <c>ip6 </c>, or null.</summary>
    public string? Ip6AddrName { get; internal set; }

    /// <summary>addr4: the parsed IPv4 address, set when the jail is enabled.</summary>
    public IpAddr Addr4 { get; internal set; } = IpAddr.AnyV4;

    /// <summary>addr6: the parsed IPv6 address, set when the jail is enabled.</summary>
    public IpAddr Addr6 { get; internal set; } = IpAddr.AnyV6;

    /// <summary>max_nrtask: the most tasks the jail may hold; 0 is no limit.</summary>
    public int MaxNrTask { get; internal set; }

    /// <summary>cur_nrtask: tasks in the jail, zombies included (the count drops at task_free).</summary>
    public int CurNrTask { get; internal set; }

    /// <summary>maxtimeslice: <c>slice</c>/<c>timeslice</c>, applied as RLIMIT_CPU.</summary>
    public long MaxTimeslice { get; internal set; }

    /// <summary>nice: the nice level set at exec and at every fork.</summary>
    public long Nice { get; internal set; }

    /// <summary>max_data: RLIMIT_DATA at exec.</summary>
    public long MaxData { get; internal set; }

    /// <summary>max_memlock: RLIMIT_MEMLOCK at exec.</summary>
    public long MaxMemlock { get; internal set; }

    /// <summary>IN_USE: the exec enabled the jail; before, the task is only setting it up.</summary>
    public bool InUse { get; internal set; }

    /// <summary>GOT_IPV4: <see cref="Ip4AddrName"/> parsed.</summary>
    public bool GotIpv4 { get; internal set; }

    /// <summary>GOT_IPV6: <see cref="Ip6AddrName"/> parsed.</summary>
    public bool GotIpv6 { get; internal set; }

    /// <summary>Whether the jail has an address of either family (GOT_IPV4 | GOT_IPV6).</summary>
    public bool HasAddress => GotIpv4 || GotIpv6;
}
