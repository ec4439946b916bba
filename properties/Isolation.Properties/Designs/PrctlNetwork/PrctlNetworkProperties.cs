using System.Collections.Immutable;
using Isolation.Model.Designs.PrctlNetwork;
using Isolation.Model.Kernel;
using Isolation.Model.Kernel.Channels;
using Isolation.Properties.Designs.RlimitNetwork;
using Isolation.Properties.Kinds;

namespace Isolation.Properties.Designs.PrctlNetwork;

/// <summary>The claims of prctl-network (v2): "network off" is PR_NETWORK_OFF; ptrace is allowed of tasks that have it too.</summary>
/// <remarks>Seed 004, the three "(v2)" patches and Documentation/prctl/network.txt, 2009-12-18.</remarks>
public static class PrctlNetworkProperties
{
    /// <summary>The task has PR_NETWORK_OFF (read from whichever loaded module keeps the flag).</summary>
    public static Restriction NetworkOff { get; } = new("network off", IsNetworkOff);

    /// <summary>The design's properties.</summary>
    public static ImmutableArray<Property> All { get; } = Create(PrctlNetworkDesign.Name);

    /// <summary>The v2 claims for <paramref name="design"/>: v3 documents the same semantics.</summary>
    public static ImmutableArray<Property> Create(string design) => NetworkOffClaims.Create(
        design,
        NetworkOff,
        NetworkOff,
        TraceeHasTheFlag,
        "Documentation/prctl/network.txt: \"or, in the case of ptrace(), we are ptracing() a process which has all of our own networking restriction flags set\"",
        "Documentation/prctl/network.txt: \"Writes which attempt to clear bits in current->network return -EPERM.\"",
        "Documentation/prctl/network.txt: \"current->network is a flags field which is preserved across all variants of fork() and exec().\"");

    /// <summary>PR_NETWORK_OFF is the only flag, so "has all of our own networking restriction flags" is "has the flag".</summary>
    public static bool TraceeHasTheFlag(KernelState kernel, Channel channel) => IsNetworkOff(kernel, channel.To);

    private static bool IsNetworkOff(KernelState kernel, Model.Kernel.Tasks.Task task) =>
        kernel.Security.Modules.Any(m => m switch
        {
            PrctlNetworkModule v2 => v2.IsNetworkOff(task),
            Model.Designs.PrctlNetworkLsm.PrctlNetworkLsmModule v3 => v3.IsNetworkOff(task),
            _ => false,
        });
}
