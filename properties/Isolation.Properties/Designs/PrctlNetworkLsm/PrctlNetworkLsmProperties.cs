using System.Collections.Immutable;
using Isolation.Model.Designs.PrctlNetworkLsm;
using Isolation.Properties.Designs.PrctlNetwork;

namespace Isolation.Properties.Designs.PrctlNetworkLsm;

/// <summary>
/// The claims of prctl-network-lsm (v3): its commit message and Documentation keep v2's words
/// ("except … AF_UNIX filesystem sockets"), while its cover letter says abstract unix sockets are
/// now exempt — so no-network-channel is violated by an abstract connection.
/// </summary>
/// <remarks>Seed 004, "[PATCH 0/3] Discarding networking privilege via LSM" and its "(v3)" patches, 2009-12-24.</remarks>
public static class PrctlNetworkLsmProperties
{
    /// <summary>The design's properties.</summary>
    public static ImmutableArray<Property> All { get; } = PrctlNetworkProperties.Create(PrctlNetworkLsmDesign.Name);

    /// <summary>The same claims for the prctl-network-lsm-fixed variant, on which they should all hold.</summary>
    public static ImmutableArray<Property> Fixed { get; } = PrctlNetworkProperties.Create(PrctlNetworkLsmFixedDesign.Name);
}
