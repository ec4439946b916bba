using Isolation.Model.Abi;
using Isolation.Model.Kernel;
using Isolation.Model.Kernel.Netns;
using Isolation.Model.Kernel.Sockets;
using Isolation.Model.Tests.Sockets;

namespace Isolation.Model.Tests.Netns;

/// <summary>Network namespaces and the setups: net/core/net_namespace.c, net/ipv4/devinet.c, drivers/net/veth.c (6.12).</summary>
public sealed class NetNamespaceTests
{
    [Fact]
    public void FreshNamespace_HasOnlyLoopback_Down_AndNoAddresses()
    {
        var kernel = new NetHarness().Kernel;
        var ns = NetNamespace.CreateFresh(kernel, kernel.InitUserNs);
        var lo = Assert.Single(ns.Devices);
        Assert.Equal("lo", lo.Name);
        Assert.False(lo.IsUp);
        Assert.Empty(lo.Addresses);
        Assert.Equal(NetDeviceAbi.IffLoopback, lo.Flags);
        Assert.False(ns.HasLocalTable);
    }

    [Fact]
    public void BringingLoUp_Gives127And6Loopback_DownDropsOnlyTheIPv6One()
    {
        var kernel = new NetHarness().Kernel;
        var ns = NetNamespace.CreateFresh(kernel, kernel.InitUserNs);
        ns.SetUp(ns.Loopback, true);
        Assert.Equal([(IpAddr.LoopbackV4, 8), (IpAddr.LoopbackV6, 128)], ns.Loopback.Addresses);
        Assert.Equal(NetDeviceAbi.IffUp | NetDeviceAbi.IffLoopback | NetDeviceAbi.IffRunning, ns.Loopback.Flags);
        ns.SetUp(ns.Loopback, false);
        Assert.Equal([(IpAddr.LoopbackV4, 8)], ns.Loopback.Addresses);
    }

    [Fact]
    public void HostSetup_PutsP1InTheInitialNamespaceWithLoUp()
    {
        var h = new NetHarness("host");
        Assert.Same(h.Kernel.InitNetNs, h.P(1).NetNs);
        Assert.True(h.Kernel.InitNetNs.Loopback.IsUp);
    }

    [Fact]
    public void NetnsSetup_JoinsP1sNamespaceToTheParentWithAVethPair()
    {
        var h = new NetHarness("netns");
        var ns = h.P(1).NetNs;
        Assert.NotSame(h.Kernel.InitNetNs, ns);
        var veth0 = ns.FindDevice("veth0")!;
        var veth1 = h.Kernel.InitNetNs.FindDevice("veth1")!;
        Assert.Same(veth1, veth0.Peer);
        Assert.Equal([(NetSetups.Veth0Address, 24)], veth0.Addresses);
        Assert.Equal([(NetSetups.Veth1Address, 24)], veth1.Addresses);
        Assert.Equal(NetDeviceAbi.IffUp | NetDeviceAbi.IffBroadcast | NetDeviceAbi.IffRunning | NetDeviceAbi.IffMulticast, veth0.Flags);
        Assert.Same(h.Kernel.InitUserNs, ns.Owner);
    }

    [Fact]
    public void VethLosesCarrier_WhenItsPeerGoesDown()
    {
        var h = new NetHarness("netns");
        var veth0 = h.P(1).NetNs.FindDevice("veth0")!;
        h.Kernel.InitNetNs.SetUp(veth0.Peer!, false);
        Assert.True(veth0.IsUp);
        Assert.False(veth0.IsRunning);
        Assert.Equal(Errno("ENETUNREACH"), Routing.OutputV4(veth0.Namespace, NetSetups.Veth1Address).Error);
    }

    [Fact]
    public void UnknownSetup_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => KernelState.Boot(new BootOptions([], "wifi")));
    }

    [Fact]
    public void SiocsifflagsUp_WorksForRootInAFreshNamespace()
    {
        var h = new NetHarness();
        h.Setup("p1 unshare(CLONE_NEWNET)", "p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP)");
        Assert.Equal("{ifr_name=\"lo\", ifr_flags=IFF_LOOPBACK}", h.Out("p1 ioctl(3, SIOCGIFFLAGS, {ifr_name=\"lo\"})", 2));
        Assert.Equal("0", h.R("p1 ioctl(3, SIOCSIFFLAGS, {ifr_name=\"lo\", ifr_flags=IFF_UP})"));
        Assert.Equal("{ifr_name=\"lo\", ifr_flags=IFF_UP|IFF_LOOPBACK|IFF_RUNNING}", h.Out("p1 ioctl(3, SIOCGIFFLAGS, {ifr_name=\"lo\"})", 2));
    }

    [Fact]
    public void Siocsifflags_NeedsCapNetAdmin_OverTheSocketsNamespace()
    {
        var h = new NetHarness(user: 1000);
        h.Setup("p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP)");
        Assert.Equal("EPERM", h.R("p1 ioctl(3, SIOCSIFFLAGS, {ifr_name=\"lo\", ifr_flags=0})"));
        Assert.Equal("ENODEV", h.R("p1 ioctl(3, SIOCGIFFLAGS, {ifr_name=\"eth9\"})"));
        Assert.Equal("ENOTTY", h.R("p1 ioctl(1, SIOCGIFFLAGS, {ifr_name=\"lo\"})"));
    }

    [Fact]
    public void InterfaceIoctl_ActsOnTheSocketsNamespace_NotTheCallers()
    {
        var h = new NetHarness();
        h.Setup("p1 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP)", "p1 unshare(CLONE_NEWNET)");
        Assert.Equal("{ifr_name=\"lo\", ifr_flags=IFF_UP|IFF_LOOPBACK|IFF_RUNNING}", h.Out("p1 ioctl(3, SIOCGIFFLAGS, {ifr_name=\"lo\"})", 2));
    }

    private static Isolation.Traces.Errno Errno(string name) => Enum.Parse<Isolation.Traces.Errno>(name);
}
