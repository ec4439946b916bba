using Isolation.Model.Designs.SocketTable;
using Isolation.Properties.Designs.SocketTable;

namespace Isolation.Properties.Tests.Designs.SocketTable;

/// <summary>
/// The socket table's claims on its scenarios: they hold where the chains are walked, and fall where
/// the proposal walks them with the wrong ends (connect before autobind), not at all (sends on a
/// bound datagram socket), or where a task leaves the cgroup its rules name.
/// </summary>
public sealed class SocketTablePropertyTests
{
    private const string Design = SocketTableDesign.Name;

    [Theory]
    [InlineData("bind-drop-rule")]
    [InlineData("bind-reject-is-eperm")]
    [InlineData("first-match-wins")]
    [InlineData("policy-drop-with-port-exception")]
    [InlineData("connect-drop")]
    [InlineData("accept-drop-closes-connection")]
    [InlineData("accept-allowed-by-source-port")]
    [InlineData("control-group-match")]
    [InlineData("control-group-range")]
    [InlineData("sendto-unbound-drop")]
    [InlineData("recvfrom-unbound-drop")]
    [InlineData("bind-verdict-comes-before-protocol-errors")]
    public void Claims_HoldWhereTheChainsAreWalked(string scenario) =>
        SpecScenarios.AssertAllHold(Design, scenario, SocketTableProperties.All);

    [Fact]
    public void Connect_IsFilteredWithTheSourceItHadBeforeAutobind() =>
        SpecScenarios.AssertViolated(Design, "connect-source-is-unbound-at-hook-time", SocketTableProperties.All, $"{Design}/calls-filtered");

    [Theory]
    [InlineData("sendto-after-bind-is-unfiltered")]
    [InlineData("sendto-after-autobind-is-unfiltered")]
    public void BoundDatagramSockets_SendPastSendto(string scenario) =>
        SpecScenarios.AssertViolated(Design, scenario, SocketTableProperties.All, $"{Design}/datagrams-filtered");

    [Fact]
    public void WithoutCanAttach_ATaskLeavesTheCgroupItsRulesName() =>
        SpecScenarios.AssertViolated(Design, "cgroup-escape", SocketTableProperties.All, $"{Design}/stays-in-cgroup");

    [Fact]
    public void Properties_AreAllSocketTables() =>
        Assert.All(SocketTableProperties.All, p => Assert.Equal(Design, p.Design));
}
