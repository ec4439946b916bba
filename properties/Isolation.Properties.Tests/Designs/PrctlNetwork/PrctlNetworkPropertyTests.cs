using Isolation.Model.Designs.PrctlNetwork;
using Isolation.Properties.Designs.PrctlNetwork;

namespace Isolation.Properties.Tests.Designs.PrctlNetwork;

/// <summary>prctl-network's (v2) claims on its scenarios.</summary>
public sealed class PrctlNetworkPropertyTests
{
    private const string Design = PrctlNetworkDesign.Name;

    [Theory]
    [InlineData("connect-inet-refused")]
    [InlineData("unix-pathname-stream-allowed")]
    [InlineData("unix-abstract-connect")]
    [InlineData("unix-abstract-dgram-sendto")]
    [InlineData("ptrace-of-restricted")]
    [InlineData("ptrace-of-unrestricted-refused")]
    [InlineData("ptrace-by-unrestricted-allowed")]
    [InlineData("cannot-clear")]
    [InlineData("root-cannot-clear")]
    [InlineData("inherited-over-fork")]
    public void Claims_HoldWhereTheAuthorSaysTheyDo(string scenario) =>
        SpecScenarios.AssertAllHold(Design, scenario, PrctlNetworkProperties.All);

    [Fact]
    public void SigkillToAnUnrestrictedTask_BreaksStonesPointEight() =>
        SpecScenarios.AssertViolated(Design, "signal-not-covered", PrctlNetworkProperties.All, "prctl-network/sufficiently-controlled");
}
