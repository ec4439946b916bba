using Isolation.Model.Designs.NetContainer;
using Isolation.Properties.Designs.NetContainer;
using Isolation.Traces.Syntax;

namespace Isolation.Properties.Tests.Designs.NetContainer;

/// <summary>
/// The network container's claims on its scenarios: they hold where Lezcano says the patch works,
/// and fall to the holes the reviewers named (no can_attach, IPv4 only, connect and sendto
/// unfiltered); the can_attach variant closes the first and only the first.
/// </summary>
public sealed class NetContainerPropertyTests
{
    private const string Design = NetContainerDesign.Name;
    private const string Variant = NetContainerDesign.CanAttachName;

    [Theory]
    [InlineData("bind-listed-address")]
    [InlineData("bind-unlisted-loopback-is-eperm")]
    [InlineData("bind-inaddr-any-is-allowed")]
    [InlineData("bind-in-root-container-is-unfiltered")]
    [InlineData("bind-natural-hex-does-not-match")]
    [InlineData("bind-eperm-comes-before-eaddrnotavail")]
    [InlineData("bind-unix-socket-is-unfiltered")]
    [InlineData("child-stays-in-container")]
    [InlineData("rmdir-populated-and-after")]
    public void Claims_HoldWhereLezcanoSaysThePatchWorks(string scenario) =>
        SpecScenarios.AssertAllHold(Design, scenario, NetContainerProperties.All);

    [Theory]
    [InlineData("escape-to-root-container")]
    [InlineData("escape-to-sibling-container")]
    public void WithoutCanAttach_AContainedTaskMovesItself(string scenario) =>
        SpecScenarios.AssertViolated(Design, scenario, NetContainerProperties.All, $"{Design}/stays-in-container");

    [Fact]
    public void IPv6Socket_BindsAMappedLoopbackAddress() =>
        SpecScenarios.AssertViolated(Design, "bind-ipv6-socket-is-unfiltered", NetContainerProperties.All, $"{Design}/bind-listed-only", $"{Design}/no-other-address");

    [Theory]
    [InlineData("connect-is-unfiltered")]
    [InlineData("udp-sendto-is-unfiltered")]
    public void ConnectAndSendto_UseAnAddressOffTheList(string scenario) =>
        SpecScenarios.AssertViolated(Design, scenario, NetContainerProperties.All, $"{Design}/no-other-address");

    [Theory]
    [InlineData("escape-to-root-container")]
    [InlineData("escape-to-sibling-container")]
    public void Variant_KeepsTheTaskInItsContainer(string scenario)
    {
        var trace = TraceParser.ReadFile(SpecScenarios.PathOf(Design, scenario));
        Assert.All(PropertyRun.Check(trace, NetContainerProperties.CanAttach, Variant), v => Assert.True(v.Verdict.Holds, $"{v.Property.Id}: {v.Verdict.Reason}"));
    }

    [Theory]
    [InlineData("can-attach-blocks-escape")]
    [InlineData("can-attach-blocks-sibling-escape")]
    [InlineData("can-attach-admin-moves")]
    [InlineData("can-attach-admin-moves-child-in")]
    [InlineData("can-attach-keeps-bind-filter")]
    [InlineData("can-attach-same-cgroup-is-no-move")]
    public void Variant_Claims_HoldOnItsScenarios(string scenario) =>
        SpecScenarios.AssertAllHold(Variant, scenario, NetContainerProperties.CanAttach);

    [Fact]
    public void Variant_StillLetsIPv6Through() =>
        SpecScenarios.AssertViolated(Variant, "can-attach-ipv6-still-unfiltered", NetContainerProperties.CanAttach, $"{Variant}/bind-listed-only", $"{Variant}/no-other-address");

    [Fact]
    public void Properties_BelongToTheirDesigns()
    {
        Assert.All(NetContainerProperties.All, p => Assert.Equal(Design, p.Design));
        Assert.All(NetContainerProperties.CanAttach, p => Assert.Equal(Variant, p.Design));
    }
}
