using Isolation.Model.Kernel.Netns;
using Isolation.Model.Kernel.Sockets;
using Isolation.Model.Tests.Sockets;
using Isolation.Traces;
using static Isolation.Model.Tests.Sockets.NetHarness;

namespace Isolation.Model.Tests.Netns;

/// <summary>Routing and address types: net/ipv4/fib_frontend.c, net/ipv4/route.c, net/ipv6/route.c (6.12).</summary>
public sealed class RoutingTests
{
    [Fact]
    public void WithoutALocalTable_EveryIPv4AddressIsBindable()
    {
        var kernel = new NetHarness().Kernel;
        var ns = NetNamespace.CreateFresh(kernel, kernel.InitUserNs);
        Assert.Equal(Ipv4AddrType.Broadcast, Routing.AddrType(ns, IpAddr.V4(192, 0, 2, 1)));
        ns.SetUp(ns.Loopback, true);
        Assert.Equal(Ipv4AddrType.Unicast, Routing.AddrType(ns, IpAddr.V4(192, 0, 2, 1)));
        Assert.Equal(Ipv4AddrType.Local, Routing.AddrType(ns, IpAddr.V4(127, 1, 2, 3)));
        Assert.Equal(Ipv4AddrType.Multicast, Routing.AddrType(ns, IpAddr.V4(224, 0, 0, 1)));
    }

    [Fact]
    public void FreshNamespace_LoopbackIsUnreachable_ForIPv4AndHasNoIPv6Source()
    {
        var kernel = new NetHarness().Kernel;
        var ns = NetNamespace.CreateFresh(kernel, kernel.InitUserNs);
        Assert.Equal(Errno.ENETUNREACH, Routing.OutputV4(ns, IpAddr.LoopbackV4).Error);
        Assert.Equal(Errno.EADDRNOTAVAIL, Routing.OutputV6(ns, IpAddr.LoopbackV6).Error);
        Assert.Equal(Errno.ENETUNREACH, Routing.OutputV6(ns, IpAddr.AnyV6 with { Value = 0x20010db8UL << 96 }).Error);
    }

    [Fact]
    public void LoopbackDownAfterBeingUp_KeepsTheRoute_ButPacketsAreLost()
    {
        var kernel = new NetHarness().Kernel;
        var ns = NetNamespace.CreateFresh(kernel, kernel.InitUserNs);
        ns.SetUp(ns.Loopback, true);
        ns.SetUp(ns.Loopback, false);
        var route = Routing.OutputV4(ns, IpAddr.LoopbackV4);
        Assert.Equal(Errno.None, route.Error);
        Assert.Null(route.ArrivesIn);
        Assert.Equal(Errno.ETIMEDOUT, route.LossError);
    }

    [Fact]
    public void AnyDestination_IsTheBoundSourceAddress_OrLoopbackWhenUnbound()
    {
        var h = new NetHarness("netns");
        var ns = h.P(1).NetNs;
        var unbound = Routing.OutputV4(ns, IpAddr.AnyV4);
        Assert.Equal((IpAddr.LoopbackV4, IpAddr.LoopbackV4), (unbound.Destination, unbound.Source));
        var bound = Routing.OutputV4(ns, IpAddr.AnyV4, NetSetups.Veth0Address);
        Assert.Equal((NetSetups.Veth0Address, NetSetups.Veth0Address), (bound.Destination, bound.Source));
        Assert.Same(ns, bound.ArrivesIn);
    }

    [Fact]
    public void VethSubnet_ReachesThePeerNamespace_OrLosesPacketsToUnknownNeighbours()
    {
        var h = new NetHarness("netns");
        var ns = h.P(1).NetNs;
        var toPeer = Routing.OutputV4(ns, NetSetups.Veth1Address);
        Assert.Same(h.Kernel.InitNetNs, toPeer.ArrivesIn);
        Assert.Equal(NetSetups.Veth0Address, toPeer.Source);
        var toNobody = Routing.OutputV4(ns, IpAddr.V4(10, 0, 0, 3));
        Assert.Null(toNobody.ArrivesIn);
        Assert.Equal(Errno.EHOSTUNREACH, toNobody.LossError);
        Assert.Equal(Errno.ENETUNREACH, Routing.OutputV4(ns, IpAddr.V4(192, 0, 2, 1)).Error);
    }

    [Fact]
    public void ConnectToParentWhereNobodyListens_IsECONNREFUSED_AndAParentListenerIsReached()
    {
        var h = new NetHarness("netns");
        h.Setup("p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP)");
        Assert.Equal("ECONNREFUSED", h.R($"p1 connect(3, {In4("10.0.0.2", 8000)}, 16)"));
        var parentListener = new TcpSocket(Abi.SocketAbi.AfInet, h.Kernel.InitNetNs);
        Assert.Equal(Errno.None, SocketLayer.Bind(h.Kernel, h.P(1), parentListener, new UserSockAddr(2, 16, new InetAddress(NetSetups.Veth1Address, 8000))));
        Assert.Equal(Errno.None, SocketLayer.Listen(h.Kernel, h.P(1), parentListener, 8));
        h.Setup("p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP)");
        Assert.Equal("0", h.R($"p1 connect(4, {In4("10.0.0.2", 8000)}, 16)"));
        Assert.Equal(NetSetups.Veth0Address.ToV4Mapped().MappedV4, ((TcpSocket)parentListener.NextAcceptable!).RemoteAddress);
    }

    [Fact]
    public void ZeroDestination_MeansLoopback()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP)", $"p1 bind(3, {In4("127.0.0.1", 8001)}, 16)", "p1 listen(3, 8)", "p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP)");
        Assert.Equal("0", h.R($"p1 connect(4, {In4("0.0.0.0", 8001)}, 16)"));
        Assert.Equal(In4("127.0.0.1", 8001), h.Out("p1 getpeername(4, {sa_family=AF_INET}, [16])", 1));
    }

    /// <summary>net/ipv4/route.c ip_route_output_key_hash_rcu (6.12): a source no device owns is -ENETUNREACH.</summary>
    [Fact]
    public void PresetSourceAddressNoDeviceHas_MakesConnectENETUNREACH()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP)");
        h.Sock<TcpSocket>(1, 3).InetSaddr = IpAddr.V4(192, 0, 2, 7);
        Assert.Equal("ENETUNREACH", h.R($"p1 connect(3, {In4("127.0.0.1", 8002)}, 16)"));
        Assert.Equal(In4("192.0.2.7", 0), h.Out("p1 getsockname(3, {sa_family=AF_INET}, [16])", 1));
    }
}
