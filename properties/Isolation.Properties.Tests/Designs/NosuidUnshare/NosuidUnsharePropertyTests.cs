using Isolation.Model.Designs.NosuidUnshare;
using Isolation.Properties.Designs.NosuidUnshare;

namespace Isolation.Properties.Tests.Designs.NosuidUnshare;

/// <summary>nosuid-unshare's claims on its scenarios: the namespace keeps the network in, ptrace of a same-uid task outside does not.</summary>
public sealed class NosuidUnsharePropertyTests
{
    private const string Design = NosuidUnshareDesign.Name;

    [Theory]
    [InlineData("inet-unreachable-after-unshare")]
    [InlineData("listener-outside-unreachable")]
    [InlineData("abstract-names-are-per-namespace")]
    [InlineData("pathname-socket-reaches-outside")]
    [InlineData("abstract-inside-namespace")]
    [InlineData("ptrace-with-an-unused-uid")]
    [InlineData("inherited-over-fork")]
    [InlineData("exec-without-set-id-allowed")]
    [InlineData("cannot-clear")]
    public void Claims_HoldWhereTheAuthorSaysTheyDo(string scenario) =>
        SpecScenarios.AssertAllHold(Design, scenario, NosuidUnshareProperties.All);

    [Fact]
    public void PtraceOfASameUidTaskOutside_LeaksTheNetwork() =>
        SpecScenarios.AssertViolated(Design, "ptrace-out-of-namespace", NosuidUnshareProperties.All, "nosuid-unshare/no-network-channel-out");

    [Fact]
    public void GainComparison_CountsOnlyNewIdsAndCapabilities()
    {
        var user = Model.Kernel.Creds.Cred.User(new Model.Kernel.Creds.UserNamespace(1, null, 0, 0), 1000);
        Assert.False(NoPrivilegeGainProperty.Gains(user, user));
        Assert.True(NoPrivilegeGainProperty.Gains(user, user with { Euid = 0 }));
        Assert.True(NoPrivilegeGainProperty.Gains(user, user with { Permitted = user.Permitted.With(Model.Abi.Capability.NetRaw) }));
        Assert.False(NoPrivilegeGainProperty.Gains(user with { Suid = 0 }, user with { Euid = 0 }));
    }
}
