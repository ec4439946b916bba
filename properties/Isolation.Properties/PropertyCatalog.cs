using System.Collections.Immutable;

namespace Isolation.Properties;

/// <summary>Every property of every design, in one table; each design's folder under Designs/ contributes its list.</summary>
public static class PropertyCatalog
{
    /// <summary>All properties, grouped by design in catalog order.</summary>
    public static ImmutableArray<Property> All { get; } =
    [
        .. Designs.Netns.NetnsProperties.All,
        .. Designs.Bsdjail.BsdjailProperties.All,
        .. Designs.TaskLookup.TaskLookupProperties.All,
        .. Designs.NetContainer.NetContainerProperties.All,
        .. Designs.NetContainer.NetContainerProperties.CanAttach,
        .. Designs.SocketTable.SocketTableProperties.All,
        .. Designs.RlimitNetwork.RlimitNetworkProperties.All,
        .. Designs.PrctlNetwork.PrctlNetworkProperties.All,
        .. Designs.PrctlNetworkLsm.PrctlNetworkLsmProperties.All,
        .. Designs.PrctlNetworkLsm.PrctlNetworkLsmProperties.Fixed,
        .. Designs.NosuidUnshare.NosuidUnshareProperties.All,
        .. Designs.Landlock.LandlockProperties.All,
        .. Designs.Landlock.LandlockProperties.Linux618,
    ];

    /// <summary>The properties claimed by the designs named in a stack spec (<c>a+b</c>).</summary>
    public static ImmutableArray<Property> ForDesigns(IEnumerable<string> designs) =>
        [.. All.Where(p => designs.Contains(p.Design))];
}
