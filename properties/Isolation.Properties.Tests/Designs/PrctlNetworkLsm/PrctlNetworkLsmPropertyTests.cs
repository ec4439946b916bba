using Isolation.Model.Designs.PrctlNetworkLsm;
using Isolation.Properties.Designs.PrctlNetworkLsm;

namespace Isolation.Properties.Tests.Designs.PrctlNetworkLsm;

/// <summary>prctl-network-lsm's (v3) claims on its scenarios: the abstract-socket exemption of the cover letter breaks the commit message's claim.</summary>
public sealed class PrctlNetworkLsmPropertyTests
{
    private const string Design = PrctlNetworkLsmDesign.Name;

    [Theory]
    [InlineData("connect-inet-refused")]
    [InlineData("unix-pathname-stream-allowed")]
    [InlineData("unix-pathname-dgram-sendto-allowed")]
    [InlineData("ptrace-of-restricted")]
    [InlineData("ptrace-by-unrestricted-allowed")]
    [InlineData("cannot-clear")]
    [InlineData("inherited-over-exec")]
    public void Claims_HoldWhereTheAuthorSaysTheyDo(string scenario) =>
        SpecScenarios.AssertAllHold(Design, scenario, PrctlNetworkLsmProperties.All);

    [Theory]
    [InlineData("unix-abstract-connect")]
    [InlineData("unix-abstract-dgram-sendto")]
    public void AbstractUnixChannel_BreaksTheFilesystemSocketsOnlyClaim(string scenario) =>
        SpecScenarios.AssertViolated(Design, scenario, PrctlNetworkLsmProperties.All, "prctl-network-lsm/no-network-channel", "prctl-network-lsm/sufficiently-controlled");
}
