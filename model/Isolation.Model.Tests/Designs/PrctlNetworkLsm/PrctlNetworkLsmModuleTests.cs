using Isolation.Model.Abi;
using Isolation.Model.Designs.PrctlNetworkLsm;
using Isolation.Model.Kernel.Sockets;
using Isolation.Model.Lsm;
using Isolation.Model.Tests.Tasks;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Tests.Designs.PrctlNetworkLsm;

/// <summary>
/// The hooks of security/prctl_network.c (seed 004, v3): what they refuse, what they exempt — every
/// AF_UNIX socket and address, abstract names included — and where they sit in the LSM stack.
/// </summary>
public sealed class PrctlNetworkLsmModuleTests
{
    [Fact]
    public void Hooks_AreTheFiveOfTheSecurityOps()
    {
        var (h, _, _) = Boot(off: false);
        var t = h.Kernel.Security.Table;
        Assert.Single(t.SocketCreate.Entries);
        Assert.Single(t.SocketBind.Entries);
        Assert.Single(t.SocketConnect.Entries);
        Assert.Single(t.SocketSendmsg.Entries);
        Assert.Single(t.PtraceAccessCheck.Entries);
        Assert.Empty(t.PtraceTraceme.Entries);
        Assert.Empty(t.UnixAddressCheck.Entries);
        Assert.Empty(t.SocketCreateInline.Entries);
    }

    [Theory]
    [InlineData(UnixAddressKind.Abstract)]
    [InlineData(UnixAddressKind.Pathname)]
    [InlineData(UnixAddressKind.Unnamed)]
    public void UnixAddresses_AreAllExempt_AbstractToo(UnixAddressKind kind)
    {
        var (h, p1, _) = Boot(off: true);
        var unix = Sock(h, SocketAbi.AfUnix);
        var addr = new UnixAddress(kind, "proxy");
        Assert.Equal(Errno.None, h.Kernel.Security.SocketBind(p1, unix, addr));
        Assert.Equal(Errno.None, h.Kernel.Security.SocketConnect(p1, unix, addr));
        Assert.Equal(Errno.None, h.Kernel.Security.SocketSendmsg(p1, unix, addr, 2));
        Assert.Equal(Errno.None, h.Kernel.Security.UnixAddressCheck(p1, unix, addr));
    }

    [Theory]
    [InlineData(UnixAddressKind.Abstract, Errno.EPERM)]
    [InlineData(UnixAddressKind.Pathname, Errno.None)]
    [InlineData(UnixAddressKind.Unnamed, Errno.None)]
    public void FixedVariant_RefusesOnlyAbstractUnixAddresses(UnixAddressKind kind, Errno expected)
    {
        var m = new PrctlNetworkLsmModule(refuseAbstract: true);
        var h = new ProcHarness(1000, m);
        m.Flags.TaskPrctl(h.P(1), SeedConstants.SetNetwork, 1, 0, 0, 0);
        var unix = Sock(h, SocketAbi.AfUnix);
        var addr = new UnixAddress(kind, "proxy");
        Assert.Equal(PrctlNetworkLsmFixedDesign.Name, m.Name);
        Assert.Equal(expected, h.Kernel.Security.SocketBind(h.P(1), unix, addr));
        Assert.Equal(expected, h.Kernel.Security.SocketConnect(h.P(1), unix, addr));
        Assert.Equal(expected, h.Kernel.Security.SocketSendmsg(h.P(1), unix, addr, 2));
        Assert.Equal(Errno.None, h.Kernel.Security.SocketSendmsg(h.P(1), unix, null, 2));
    }

    [Fact]
    public void NonUnix_IsMaybeAllow()
    {
        var (h, p1, _) = Boot(off: true);
        var inet = Sock(h, SocketAbi.AfInet);
        var addr = new InetAddress(IpAddr.LoopbackV4, 80);
        Assert.Equal(Errno.EPERM, h.Kernel.Security.SocketCreate(p1, SocketAbi.AfInet6, SocketAbi.SockDgram, 0, kern: true));
        Assert.Equal(Errno.EPERM, h.Kernel.Security.SocketBind(p1, inet, addr));
        Assert.Equal(Errno.EPERM, h.Kernel.Security.SocketConnect(p1, inet, addr));
        Assert.Equal(Errno.EPERM, h.Kernel.Security.SocketSendmsg(p1, inet, addr, 2));
        Assert.Equal(Errno.None, h.Kernel.Security.SocketSendmsg(p1, inet, null, 2));
        Assert.Equal(Errno.EPERM, h.Kernel.Security.SocketConnect(p1, Sock(h, SocketAbi.AfUnix), addr));
    }

    [Fact]
    public void NetworkOn_PassesEveryHook()
    {
        var (h, p1, _) = Boot(off: false);
        var inet = Sock(h, SocketAbi.AfInet);
        Assert.Equal(Errno.None, h.Kernel.Security.SocketCreate(p1, SocketAbi.AfInet, SocketAbi.SockStream, 0, kern: false));
        Assert.Equal(Errno.None, h.Kernel.Security.SocketSendmsg(p1, inet, new InetAddress(IpAddr.LoopbackV4, 53), 2));
    }

    [Fact]
    public void LsmHooks_FollowTheStackingOrder_UnlikeTheInlineChecks()
    {
        var refuse = new TestModule((hooks, m) => hooks.SocketBind.Add(m, (_, _, _) => Errno.EACCES));
        var first = new PrctlNetworkLsmModule();
        var h = new ProcHarness(1000, first, refuse);
        first.Flags.TaskPrctl(h.P(1), SeedConstants.SetNetwork, 1, 0, 0, 0);
        Assert.Equal(Errno.EPERM, h.Kernel.Security.SocketBind(h.P(1), Sock(h, SocketAbi.AfInet), new InetAddress(IpAddr.LoopbackV4, 80)));

        var second = new PrctlNetworkLsmModule();
        var g = new ProcHarness(1000, refuse, second);
        second.Flags.TaskPrctl(g.P(1), SeedConstants.SetNetwork, 1, 0, 0, 0);
        Assert.Equal(Errno.EACCES, g.Kernel.Security.SocketBind(g.P(1), Sock(g, SocketAbi.AfInet), new InetAddress(IpAddr.LoopbackV4, 80)));
    }

    [Theory]
    [InlineData(false, false, Errno.None)]
    [InlineData(false, true, Errno.None)]
    [InlineData(true, false, Errno.EPERM)]
    [InlineData(true, true, Errno.None)]
    public void PtraceAccessCheck_KeepsTheV2Rule(bool tracerOff, bool traceeOff, Errno expected)
    {
        var (h, p1, m) = Boot(off: false);
        h.Setup("p1 fork()");
        if (tracerOff)
        {
            m.Flags.TaskPrctl(p1, SeedConstants.SetNetwork, 1, 0, 0, 0);
        }

        if (traceeOff)
        {
            m.Flags.TaskPrctl(h.P(2), SeedConstants.SetNetwork, 1, 0, 0, 0);
        }

        Assert.Equal(expected, h.Kernel.Security.PtraceAccessCheck(p1, h.P(2), PtraceMode.Attach | PtraceMode.RealCreds));
    }

    [Fact]
    public void Fork_CopiesTheFlag_AsDupTaskStructDid()
    {
        var (h, p1, m) = Boot(off: true);
        h.Setup("p1 fork()");
        Assert.True(m.IsNetworkOff(h.P(2)));
        Assert.True(m.IsNetworkOff(p1));
    }

    private static (ProcHarness H, Task P1, PrctlNetworkLsmModule M) Boot(bool off)
    {
        var m = new PrctlNetworkLsmModule();
        var h = new ProcHarness(1000, m);
        if (off)
        {
            Assert.Equal(0, m.Flags.TaskPrctl(h.P(1), SeedConstants.SetNetwork, 1, 0, 0, 0));
        }

        return (h, h.P(1), m);
    }

    private static Socket Sock(ProcHarness h, int family) => new(family, SocketAbi.SockStream, 0, h.Kernel.InitNetNs);
}
