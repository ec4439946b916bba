using System.Collections.Immutable;
using Isolation.Properties.Designs.RlimitNetwork;

namespace Isolation.Properties.Stated;

/// <summary>Every design's stated rules, by design name.</summary>
public static class StatedRuleCatalog
{
    /// <summary>All stated rules, design by design.</summary>
    public static ImmutableArray<StatedRule> All { get; } =
    [
        .. NetworkOffStatedRules.Create(Model.Designs.RlimitNetwork.RlimitNetworkDesign.Name, ptraceOfEquallyRestricted: false),
        .. NetworkOffStatedRules.Create(Model.Designs.PrctlNetwork.PrctlNetworkDesign.Name, ptraceOfEquallyRestricted: true),
        .. NetworkOffStatedRules.Create(Model.Designs.PrctlNetworkLsm.PrctlNetworkLsmDesign.Name, ptraceOfEquallyRestricted: true),
        .. NetworkOffStatedRules.Create(Model.Designs.PrctlNetworkLsm.PrctlNetworkLsmFixedDesign.Name, ptraceOfEquallyRestricted: true),
        .. Designs.Bsdjail.BsdjailStatedRules.All,
        Designs.TaskLookup.TaskLookupStatedRules.Lookup,
        Designs.NosuidUnshare.NosuidStatedRules.Exec,
        .. Designs.NetContainer.NetContainerStatedRules.Create(Model.Designs.NetContainer.NetContainerDesign.Name),
        .. Designs.NetContainer.NetContainerStatedRules.Create(Model.Designs.NetContainer.NetContainerDesign.CanAttachName),
        Designs.SocketTable.SocketTableStatedRules.Verdict,
        .. Designs.Landlock.LandlockStatedRules.Create(Model.Designs.Landlock.LandlockDesign.Name),
        .. Designs.Landlock.LandlockStatedRules.Create(Model.Designs.Landlock.Landlock618Design.Name),
    ];

    /// <summary>All stated invariants, design by design.</summary>
    public static ImmutableArray<StatedInvariant> Invariants { get; } =
    [
        NetworkOffStatedRules.OnlyDropped(Model.Designs.PrctlNetwork.PrctlNetworkDesign.Name),
        NetworkOffStatedRules.OnlyDropped(Model.Designs.PrctlNetworkLsm.PrctlNetworkLsmDesign.Name),
        NetworkOffStatedRules.OnlyDropped(Model.Designs.PrctlNetworkLsm.PrctlNetworkLsmFixedDesign.Name),
        Designs.Bsdjail.BsdjailStatedRules.Remap,
        Designs.Bsdjail.BsdjailStatedRules.NoReconfiguration,
        Designs.TaskLookup.TaskLookupStatedRules.NoEscape,
        Designs.NosuidUnshare.NosuidStatedRules.Unshare,
        Designs.NosuidUnshare.NosuidStatedRules.OneWay,
        .. Designs.SocketTable.SocketTableStatedRules.Fed,
    ];

    /// <summary>The stated rules of <paramref name="design"/>.</summary>
    public static IEnumerable<StatedRule> For(string design) => All.Where(r => r.Design == design);
}
