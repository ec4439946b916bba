using System.Collections.Immutable;
using Isolation.Model.Designs.NosuidUnshare;
using Isolation.Model.Kernel;
using Isolation.Model.Kernel.Channels;
using Isolation.Model.Kernel.Tasks;
using Isolation.Properties.Kinds;

namespace Isolation.Properties.Designs.NosuidUnshare;

/// <summary>
/// The claims of nosuid-unshare: the flag is one-way and inherited, a flagged task gains nothing
/// by exec, and a task in a network namespace it unshared without privilege reaches no task
/// outside it through the network — which ptrace of a same-uid task outside breaks ("Solve that
/// with an unused uid").
/// </summary>
/// <remarks>Seed 004_395e695cd1b36f96.txt, Biederman 2009-12-13, 2009-12-18 and 2009-12-24.</remarks>
public static class NosuidUnshareProperties
{
    private const string Source = "seeds/004_395e695cd1b36f96.txt";

    /// <summary>The task gave up set-id execs.</summary>
    public static Restriction NoSuid { get; } = new("nosuid", (kernel, task) => Module(kernel)?.IsNoSuid(task) ?? false);

    /// <summary>The task lives in a network namespace the design let it (or an ancestor) create without privilege.</summary>
    public static Restriction Unshared { get; } = new("network-unshared", (kernel, task) => Module(kernel)?.HasUnsharedNet(task) ?? false);

    /// <summary>The design's properties.</summary>
    public static ImmutableArray<Property> All { get; } =
    [
        IrrevocableProperty.Create(NosuidUnshareDesign.Name, NoSuid, Source, "Biederman, 2009-12-18: \"I propose you introduce a permanent disable of executing suid applications.\""),
        InheritedProperty.Create(NosuidUnshareDesign.Name, NoSuid, Source, "Biederman, 2009-12-24: \"A one-way removal of the ability to exec suid programs is generally simple and handy like chroot\" (a child that could exec them would undo it)"),
        NoPrivilegeGainProperty.Create(NosuidUnshareDesign.Name, NoSuid, Source, "Biederman, 2009-12-24: \"With namespaces it is possible to masquarade as a trusted source, of information to a suid program\"; so no suid exec once the flag is set"),
        NoNewChannelProperty.Create(NosuidUnshareDesign.Name, "no-network-channel-out", Unshared, StaysInside, Source, "Biederman, 2009-12-18: \"After which point it is another trivial patch to allow unsharing of the network namespace\"; the ptrace hole raised against RLIMIT_NETWORK (\"perform networking through a ptrace()'d victim\"), answered \"Solve that with an unused uid.\""),
    ];

    /// <summary>
    /// A channel that stays in the task's own network namespace, or one the namespace does not
    /// govern: filesystem unix sockets (reachable from any namespace in 6.12, DAC-checked),
    /// socketpairs, signals, SysV IPC, passed descriptors. Network sockets, abstract names and
    /// ptrace must stay inside.
    /// </summary>
    public static bool StaysInside(KernelState kernel, Channel channel) =>
        !(ChannelClasses.IsAbstractUnix(channel) || ChannelClasses.IsInet(channel) || channel.Kind == ChannelKind.Ptrace) ||
        channel.From.NetNs == channel.To.NetNs;

    private static NosuidUnshareModule? Module(KernelState kernel) => kernel.Security.Modules.OfType<NosuidUnshareModule>().FirstOrDefault();
}
