using System.Collections.Immutable;
using Isolation.Model.Designs.RlimitNetwork;
using Isolation.Properties.Kinds;

namespace Isolation.Properties.Designs.RlimitNetwork;

/// <summary>The claims of rlimit-network: "network off" is a soft RLIMIT_NETWORK of 0; "for good" is a hard limit of 0.</summary>
/// <remarks>Seed 004, "[PATCH] Security: Implement RLIMIT_NETWORK.", "[PATCH] Security: Document RLIMIT_NETWORK." and Stone's reply to Drepper, 2009-12-13.</remarks>
public static class RlimitNetworkProperties
{
    /// <summary>The soft limit is 0: every check of the patch refuses.</summary>
    public static Restriction NetworkOff { get; } = new("network off", (_, task) => RlimitNetworkModule.IsNetworkOff(task));

    /// <summary>The hard limit is 0: the soft limit cannot rise again without CAP_SYS_RESOURCE.</summary>
    public static Restriction DroppedForGood { get; } = new("permanently network off", (_, task) => RlimitNetworkModule.IsDroppedForGood(task));

    /// <summary>The design's properties.</summary>
    public static ImmutableArray<Property> All { get; } = NetworkOffClaims.Create(
        RlimitNetworkDesign.Name,
        NetworkOff,
        DroppedForGood,
        ChannelClasses.NoPtrace,
        "Documentation/rlimit_network.txt: \"insert a similar access check into __ptrace_may_access() to prevent processes which have dropped their networking privileges from performing network I/O by ptracing other processes\"",
        "Stone, 2009-12-13: rlimits give \"'temporarily drop', 'permanently drop'\"; the commit message: \"irrevocably remove their ability\"",
        "Stone, 2009-12-13: rlimits give \"'persist current state across exec()'\" (and fork copies them)");
}
