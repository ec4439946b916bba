using Isolation.Model.Designs.PrctlNetworkLsm;
using Isolation.Properties.Designs.PrctlNetworkLsm;

namespace Isolation.Properties.Tests.Designs.PrctlNetworkLsm;

/// <summary>prctl-network-lsm-fixed: the abstract-socket scenarios that break v3's claim leave the fixed variant's intact.</summary>
public sealed class PrctlNetworkLsmFixedPropertyTests
{
    private const string Design = PrctlNetworkLsmFixedDesign.Name;

    [Theory]
    [InlineData("unix-abstract-connect")]
    [InlineData("unix-abstract-dgram-sendto")]
    [InlineData("unix-abstract-dgram-connect")]
    [InlineData("unix-pathname-stream-allowed")]
    [InlineData("ptrace-of-restricted")]
    [InlineData("connect-inet-refused")]
    public void Claims_HoldOnTheFixedVariant(string scenario) =>
        SpecScenarios.AssertAllHold(Design, scenario, PrctlNetworkLsmProperties.Fixed);
}
