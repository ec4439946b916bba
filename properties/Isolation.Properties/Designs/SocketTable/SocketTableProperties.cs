using System.Collections.Immutable;
using Isolation.Model.Abi;
using Isolation.Model.Designs.SocketTable;
using Isolation.Model.Kernel;
using Isolation.Model.Kernel.Creds;
using Isolation.Properties.Kinds;

namespace Isolation.Properties.Designs.SocketTable;

/// <summary>The claims of Menage's socket table, and the can_attach review that applies to its network_id controller as to Lezcano's.</summary>
/// <remarks>Seed 002_d6ff0dffc80eb989.txt, replies to "[RFC][patch 3/3] activate filtering for the bind", 10 Sep 2007.</remarks>
public static class SocketTableProperties
{
    /// <summary>The seed every claim comes from.</summary>
    public const string Source = "seeds/002_d6ff0dffc80eb989.txt";

    /// <summary>In a cgroup other than the root (so with a network_id rules can single out), without CAP_NET_ADMIN.</summary>
    public static Restriction Grouped { get; } = new("grouped", (kernel, task) =>
        Module(kernel) is { } module && module.Subsystem.IdOf(task) != 0 && !Capabilities.Capable(kernel, task, Capability.NetAdmin));

    /// <summary>The design's properties.</summary>
    public static ImmutableArray<Property> All { get; } =
    [
        FilteredCallProperty.Create("calls-filtered", ["bind", "connect", "accept", "accept4"], Source, "Menage: \"When ever someone tries to do a bind(), accept() or connect() we create a fake packet with the appropriate local and remote addresses and ports, and feed it through the appropriate chain. If it gets though OK we allow the operation to proceed, else we fail with EPERM.\""),
        FilteredCallProperty.Create("datagrams-filtered", ["sendto"], Source, "Hallyn: \"The only downside I see right now is what to do about a sendto() on a udp socket that hasn't been bound.\" Menage: \"Maybe have additional chains in the new iptable called \\\"sendto\\\" and \\\"recvfrom\\\"\""),
        NoMoveProperty.Create(SocketTableDesign.Name, "stays-in-cgroup", Grouped, (kernel, task) => kernel.Cgroups.CgroupOf(task).Path, Source, "Hallyn, of the container subsystem's \".can_attach = NULL\": \"you'll definately want to define can_attach() to prevent a task simply entering another container\"; network_id has none either"),
    ];

    /// <summary>The socket-table module of the kernel's stack, or null when it is not stacked.</summary>
    public static SocketTableModule? Module(KernelState kernel) => kernel.Security.Modules.OfType<SocketTableModule>().FirstOrDefault();
}
