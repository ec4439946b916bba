using Isolation.Model.Designs.RlimitNetwork;
using Isolation.Properties.Designs.RlimitNetwork;

namespace Isolation.Properties.Tests.Designs.RlimitNetwork;

/// <summary>rlimit-network's claims on its scenarios: they hold where the author says the patch is fine, and the holes show.</summary>
public sealed class RlimitNetworkPropertyTests
{
    private const string Design = RlimitNetworkDesign.Name;

    [Theory]
    [InlineData("connect-inet-refused")]
    [InlineData("unix-pathname-stream-allowed")]
    [InlineData("unix-abstract-connect")]
    [InlineData("unix-abstract-dgram-sendto")]
    [InlineData("ptrace-of-unrestricted-refused")]
    [InlineData("ptrace-by-unrestricted-allowed")]
    [InlineData("ptrace-traceme-unchecked")]
    [InlineData("inherited-over-fork")]
    [InlineData("permanent-drop")]
    [InlineData("temporary-drop")]
    public void Claims_HoldWhereTheAuthorSaysTheyDo(string scenario) =>
        SpecScenarios.AssertAllHold(Design, scenario, RlimitNetworkProperties.All);

    [Fact]
    public void RootRaisingTheHardLimit_BreaksIrrevocable() =>
        SpecScenarios.AssertViolated(Design, "root-raises-it-again", RlimitNetworkProperties.All, "rlimit-network/irrevocable");

    [Fact]
    public void SigkillToAnUnrestrictedTask_BreaksStonesPointEight() =>
        SpecScenarios.AssertViolated(Design, "signal-not-covered", RlimitNetworkProperties.All, "rlimit-network/sufficiently-controlled");
}
