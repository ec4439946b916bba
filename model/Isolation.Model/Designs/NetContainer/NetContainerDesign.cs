using System.Collections.Immutable;

namespace Isolation.Model.Designs.NetContainer;

/// <summary>
/// Lezcano's network container subsystem (seed 002): a cgroup controller with a per-container
/// IPv4 allow-list in <c>network.ipv4</c>, and bind() filtering through the socket_bind hook; plus
/// the variant with the can_attach Hallyn asked for.
/// </summary>
/// <remarks>Seed 002_d6ff0dffc80eb989.txt, "[RFC][patch 1-3/3] Network container subsystem - bind filtering".</remarks>
public static class NetContainerDesign
{
    /// <summary>How a process makes, joins and leaves a container, for the checker; the same for both variants.</summary>
    private static readonly ImmutableArray<EntryMove> EntryMoves =
    [
        new("make-container", ["mkdir(\"/sys/fs/cgroup/c1\", 0755)", "openat(AT_FDCWD, \"/sys/fs/cgroup/c1/network.ipv4\", O_WRONLY)", "write({r2}, \"add.0100007F\\n\", 13)", "close({r2})"]) { Shared = true },
        new("join-container", ["openat(AT_FDCWD, \"/sys/fs/cgroup/c1/cgroup.procs\", O_WRONLY)", "write({r1}, \"0\", 1)", "close({r1})"]),
        new("leave-container", ["openat(AT_FDCWD, \"/sys/fs/cgroup/cgroup.procs\", O_WRONLY)", "write({r1}, \"0\", 1)", "close({r1})"]),
        new("drop-net-admin", ["prctl(PR_CAPBSET_DROP, CAP_NET_ADMIN)", "capset({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, {effective=0, permitted=0, inheritable=0})"]),
    ];

    /// <summary>The design's name everywhere.</summary>
    public const string Name = "netcontainer";

    /// <summary>The name of the variant that refuses moves between containers without CAP_NET_ADMIN.</summary>
    public const string CanAttachName = "netcontainer-can-attach";

    /// <summary>The seed the design comes from.</summary>
    public const string Source = "seeds/002_d6ff0dffc80eb989.txt";

    /// <summary>The catalog entry of the design as posted (no can_attach).</summary>
    public static Design Design { get; } = new(
        Name,
        "cgroup controller 'network': per-container IPv4 allow-list (network.ipv4), bind() to other addresses is EPERM",
        Source,
        () => new NetContainerModule(canAttach: false))
    {
        Entry = EntryMoves,
        Rules = [new("socket_bind", ContainerRules.SocketBind), new("can_attach", ContainerRules.CanAttachPosted)],
    };

    /// <summary>The catalog entry of the variant with can_attach.</summary>
    public static Design CanAttachDesign { get; } = new(
        CanAttachName,
        "netcontainer plus the can_attach Hallyn asked for: moving a task to another container needs CAP_NET_ADMIN",
        Source,
        () => new NetContainerModule(canAttach: true))
    {
        Entry = EntryMoves,
        Rules = [new("socket_bind", ContainerRules.SocketBind), new("can_attach", ContainerRules.CanAttachNetAdmin)],
    };
}
