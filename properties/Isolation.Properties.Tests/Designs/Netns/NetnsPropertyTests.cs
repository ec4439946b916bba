using Isolation.Model.Designs.Netns;
using Isolation.Properties.Designs.Netns;

namespace Isolation.Properties.Tests.Designs.Netns;

/// <summary>The network-namespace claims: separation holds for abstract names, ports and loopback; pathname sockets, signals, ptrace and old sockets cross.</summary>
public sealed class NetnsPropertyTests
{
    private const string Design = NetnsDesign.Name;

    [Theory]
    [InlineData("abstract-connect-across-refused")]
    [InlineData("abstract-name-per-namespace")]
    [InlineData("port-tables-per-namespace")]
    [InlineData("veth-listener-within-namespace")]
    [InlineData("child-inherits-namespace")]
    [InlineData("udp-loopback-separate")]
    [InlineData("loopback-up-separate-listeners")]
    public void Separation_HoldsForNamesPortsAndLoopback(string scenario) =>
        SpecScenarios.AssertAllHold(Design, scenario, NetnsProperties.All);

    [Theory]
    [InlineData("pathname-dgram-across")]
    [InlineData("pathname-hole-after-unshare")]
    public void PathnameSockets_JoinNamespaces(string scenario) =>
        SpecScenarios.AssertViolated(Design, scenario, NetnsProperties.All, "netns/sockets-only-through-devices", "netns/isolated-from-parent");

    [Theory]
    [InlineData("signals-cross-namespaces")]
    [InlineData("ptrace-crosses-namespaces")]
    public void SignalsAndPtrace_AreNotNetworkChannels(string scenario) =>
        SpecScenarios.AssertViolated(Design, scenario, NetnsProperties.All, "netns/isolated-from-parent");

    [Fact]
    public void SocketMadeBeforeUnshare_ReachesTheOldLoopback() =>
        SpecScenarios.AssertViolated(Design, "socket-keeps-its-namespace", NetnsProperties.All, "netns/loopback-per-namespace");
}
