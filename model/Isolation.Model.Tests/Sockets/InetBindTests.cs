using FsCheck;
using FsCheck.Fluent;
using Isolation.Model.Kernel.Sockets;
using static Isolation.Model.Tests.Sockets.NetHarness;

namespace Isolation.Model.Tests.Sockets;

/// <summary>net/ipv4/af_inet.c __inet_bind, net/ipv6/af_inet6.c __inet6_bind, net/ipv4/inet_connection_sock.c bind conflicts (6.12).</summary>
public sealed class InetBindTests
{
    [Fact]
    public void BindToAddressOfNoDevice_IsEADDRNOTAVAIL()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP)");
        Assert.Equal("EADDRNOTAVAIL", h.R($"p1 bind(3, {In4("192.0.2.1", 7000)}, 16)"));
        Assert.Equal("0", h.R($"p1 bind(3, {In4("127.0.0.5", 7000)}, 16)"));
    }

    [Fact]
    public void LowPortWithoutCapNetBindService_IsEACCES_BeforeTheAddressCheckForIPv6()
    {
        var h = new NetHarness(user: 1000);
        h.Setup("p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP)", "p1 socket(AF_INET6, SOCK_STREAM, IPPROTO_IP)");
        Assert.Equal("EADDRNOTAVAIL", h.R($"p1 bind(3, {In4("192.0.2.1", 80)}, 16)"));
        Assert.Equal("EACCES", h.R($"p1 bind(3, {In4("127.0.0.1", 80)}, 16)"));
        Assert.Equal("EACCES", h.R($"p1 bind(4, {In6("2001:db8::1", 80)}, 28)"));
    }

    [Fact]
    public void AnyV6WithoutV6Only_ConflictsWithIPv4OnTheSamePort()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP)", $"p1 bind(3, {In4("127.0.0.1", 7001)}, 16)", "p1 socket(AF_INET6, SOCK_STREAM, IPPROTO_IP)");
        Assert.Equal("EADDRINUSE", h.R($"p1 bind(4, {In6("::", 7001)}, 28)"));
        h.Setup("p1 setsockopt(4, SOL_IPV6, IPV6_V6ONLY, [1], 4)");
        Assert.Equal("0", h.R($"p1 bind(4, {In6("::", 7001)}, 28)"));
    }

    [Fact]
    public void SpecificIPv6Address_MakesTheSocketV6Only()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_INET6, SOCK_STREAM, IPPROTO_IP)", $"p1 bind(3, {In6("::1", 7002)}, 28)");
        Assert.True(h.Sock<TcpSocket>(1, 3).V6Only);
        Assert.Equal("[1]", h.Out("p1 getsockopt(3, SOL_IPV6, IPV6_V6ONLY, [0], [4])", 3));
    }

    [Fact]
    public void SecondBind_IsEINVAL_AndShortAddressEINVAL()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP)", $"p1 bind(3, {In4("127.0.0.1", 7003)}, 16)", "p1 socket(AF_INET6, SOCK_DGRAM, IPPROTO_IP)");
        Assert.Equal("EINVAL", h.R($"p1 bind(3, {In4("127.0.0.1", 7004)}, 16)"));
        Assert.Equal("EINVAL", h.R($"p1 bind(4, {In6("::1", 7004)}, 20)"));
        Assert.Equal("EAFNOSUPPORT", h.R($"p1 bind(4, {In4("127.0.0.1", 7004)}, 28)"));
    }

    [Fact]
    public void LinkLocalWithoutScope_IsEINVAL()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_INET6, SOCK_DGRAM, IPPROTO_IP)");
        Assert.Equal("EINVAL", h.R($"p1 bind(3, {In6("fe80::1", 7005)}, 28)"));
    }

    [Fact]
    public void FailedBindForAPortInUse_ZeroesTheSourceAddress()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP)", $"p1 bind(3, {In4("127.0.0.1", 7006)}, 16)", "p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP)");
        Assert.Equal("EADDRINUSE", h.R($"p1 bind(4, {In4("127.0.0.1", 7006)}, 16)"));
        Assert.True(h.Sock<TcpSocket>(1, 4).InetSaddr.IsAny);
    }

    [Fact]
    public void AddressOverlap_IsSymmetricForSocketsThatAreNotV6Only()
    {
        var addresses = new[] { IpAddr.AnyV4, IpAddr.LoopbackV4, IpAddr.V4(127, 0, 0, 2) };
        Prop.ForAll(
            Gen.Elements(addresses).ToArbitrary(),
            Gen.Elements(addresses).ToArbitrary(),
            Gen.Elements(true, false).ToArbitrary(),
            (a, b, v6) =>
            {
                var h = new NetHarness();
                var first = Bound(h, a, v6, 7100);
                var second = Bound(h, b, !v6, 7200);
                return first.AddressesOverlap(second) == second.AddressesOverlap(first)
                    && first.AddressesOverlap(second) == (a.IsAny || b.IsAny || a == b);
            }).QuickCheckThrowOnFailure();
    }

    private static InetSocket Bound(NetHarness h, IpAddr address, bool v6, int port)
    {
        var fd = checked((int)((Isolation.Traces.Syntax.ValueResult)h.Run(v6 ? "p1 socket(AF_INET6, SOCK_DGRAM, IPPROTO_IP)" : "p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP)").Result).Value);
        var sockaddr = v6 ? $"{In6(address.IsAny ? "::" : address.ToV4Mapped().ToString(), port)}, 28" : $"{In4(address.ToString(), port)}, 16";
        h.Setup($"p1 bind({fd}, {sockaddr})");
        return h.Sock<InetSocket>(1, fd);
    }
}
