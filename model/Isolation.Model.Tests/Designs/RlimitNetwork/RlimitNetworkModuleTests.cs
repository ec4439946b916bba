using FsCheck.Fluent;
using Isolation.Model.Abi;
using Isolation.Model.Designs.RlimitNetwork;
using Isolation.Model.Kernel.Sockets;
using Isolation.Model.Lsm;
using Isolation.Model.Tests.Tasks;
using Isolation.Traces;
using Xunit.Abstractions;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Tests.Designs.RlimitNetwork;

/// <summary>
/// The decisions of "[PATCH] Security: Implement RLIMIT_NETWORK." (seed 004), hunk by hunk, through
/// the security_* entry points and the model hook points that stand for the inline code.
/// </summary>
public sealed class RlimitNetworkModuleTests(ITestOutputHelper output)
{
    private static readonly IpAddr Loopback = IpAddr.LoopbackV4;

    [Theory]
    [InlineData(SocketAbi.AfInet)]
    [InlineData(SocketAbi.AfInet6)]
    [InlineData(SocketAbi.AfNetlink)]
    [InlineData(SocketAbi.AfPacket)]
    public void SocketCreate_NonUnixFamilyWithSoftLimitZero_IsEPERM(int family)
    {
        var (h, p1) = Boot(0, 0);
        Assert.Equal(Errno.EPERM, h.Kernel.Security.SocketCreate(p1, family, SocketAbi.SockStream, 0, kern: false));
        Assert.Equal(Errno.None, h.Kernel.Security.SocketCreate(p1, SocketAbi.AfUnix, SocketAbi.SockStream, 0, kern: false));
    }

    [Fact]
    public void SocketCreate_KernelSocketInARestrictedTask_IsEPERMToo()
    {
        var (h, p1) = Boot(0, 0);
        Assert.Equal(Errno.EPERM, h.Kernel.Security.SocketCreate(p1, SocketAbi.AfInet, SocketAbi.SockDgram, 0, kern: true));
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(Rlimits.Infinity)]
    public void SocketCreate_AnyNonzeroSoftLimit_IsAllowed(ulong cur)
    {
        var (h, p1) = Boot(cur, Rlimits.Infinity);
        Assert.Equal(Errno.None, h.Kernel.Security.SocketCreate(p1, SocketAbi.AfInet, SocketAbi.SockStream, 0, kern: false));
    }

    [Fact]
    public void BindAndConnect_TestTheAddressFamilyAsWritten_NotTheSocket()
    {
        var (h, p1) = Boot(0, 0);
        var unix = Sock(h, SocketAbi.AfUnix);
        var inet = Sock(h, SocketAbi.AfInet);
        Assert.Equal(Errno.EPERM, h.Kernel.Security.SocketBind(p1, unix, new InetAddress(Loopback, 80)));
        Assert.Equal(Errno.EPERM, h.Kernel.Security.SocketConnect(p1, unix, new InetAddress(Loopback, 80)));
        Assert.Equal(Errno.None, h.Kernel.Security.SocketBind(p1, inet, new UnixAddress(UnixAddressKind.Pathname, "/tmp/x")));
        Assert.Equal(Errno.None, h.Kernel.Security.SocketConnect(p1, inet, new UnixAddress(UnixAddressKind.Abstract, "x")));
    }

    [Fact]
    public void Connect_AfUnspecDisconnect_IsEPERM()
    {
        var (h, p1) = Boot(0, 0);
        Assert.Equal(Errno.EPERM, h.Kernel.Security.SocketConnect(p1, Sock(h, SocketAbi.AfInet), new OtherAddress(SocketAbi.AfUnspec)));
    }

    [Fact]
    public void Sendmsg_RefusesOnlyAnAddressOnANonUnixSocket()
    {
        var (h, p1) = Boot(0, 0);
        var inet = Sock(h, SocketAbi.AfInet);
        Assert.Equal(Errno.None, h.Kernel.Security.SocketSendmsg(p1, inet, null, 2));
        Assert.Equal(Errno.EPERM, h.Kernel.Security.SocketSendmsg(p1, inet, new InetAddress(Loopback, 53), 2));
        Assert.Equal(Errno.None, h.Kernel.Security.SocketSendmsg(p1, Sock(h, SocketAbi.AfUnix), new UnixAddress(UnixAddressKind.Abstract, "dg"), 2));
    }

    [Theory]
    [InlineData(UnixAddressKind.Abstract, 0UL, Errno.EPERM)]
    [InlineData(UnixAddressKind.Pathname, 0UL, Errno.None)]
    [InlineData(UnixAddressKind.Unnamed, 0UL, Errno.None)]
    [InlineData(UnixAddressKind.Abstract, 1UL, Errno.None)]
    public void UnixAddressCheck_RefusesAbstractNamesWhileOff(UnixAddressKind kind, ulong cur, Errno expected)
    {
        var (h, p1) = Boot(cur, 1);
        Assert.Equal(expected, h.Kernel.Security.UnixAddressCheck(p1, Sock(h, SocketAbi.AfUnix), new UnixAddress(kind, "name")));
    }

    [Theory]
    [InlineData(true, Errno.EPERM)]
    [InlineData(false, Errno.None)]
    public void PtraceMayAccess_DependsOnTheTracerOnly(bool tracerOff, Errno expected)
    {
        var h = new ProcHarness(1000, new RlimitNetworkModule());
        h.Setup("p1 fork()");
        h.P(2).Rlimits[SeedConstants.RlimitNetwork] = (0, 0);
        if (tracerOff)
        {
            h.P(1).Rlimits[SeedConstants.RlimitNetwork] = (0, 0);
        }

        Assert.Equal(expected, h.Kernel.Security.PtraceAccessCheck(h.P(1), h.P(2), PtraceMode.Attach | PtraceMode.RealCreds));
        Assert.Equal(expected, h.Kernel.Security.PtraceAccessCheck(h.P(1), h.P(2), PtraceMode.Read | PtraceMode.FsCreds));
    }

    [Fact]
    public void RlimitResource_DefinesOnlyResource16AtInfinity()
    {
        var (h, _) = Boot(Rlimits.Infinity, Rlimits.Infinity);
        Assert.Equal((Rlimits.Infinity, Rlimits.Infinity), h.Kernel.Security.RlimitResource(SeedConstants.RlimitNetwork));
        Assert.Null(h.Kernel.Security.RlimitResource(SeedConstants.RlimitNetwork + 1));
        Assert.Null(new ProcHarness().Kernel.Security.RlimitResource(SeedConstants.RlimitNetwork));
    }

    [Fact]
    public void InlineCheck_ComesAfterEveryModulesHook_WhateverTheStackingOrder()
    {
        var refuse = new TestModule((hooks, m) => hooks.SocketBind.Add(m, (_, _, _) => Errno.EACCES));
        foreach (var stack in new SecurityModule[][] { [new RlimitNetworkModule(), refuse], [refuse, new RlimitNetworkModule()] })
        {
            var h = new ProcHarness(1000, stack);
            h.P(1).Rlimits[SeedConstants.RlimitNetwork] = (0, 0);
            Assert.Equal(Errno.EACCES, h.Kernel.Security.SocketBind(h.P(1), Sock(h, SocketAbi.AfInet), new InetAddress(Loopback, 80)));
        }
    }

    [Fact]
    public void SocketCreate_EveryFamilyAndLimit_IsAfUnixOrSoftLimitNonzero()
    {
        var prop = Prop.ForAll<byte, ulong>((family, cur) =>
        {
            var (h, p1) = Boot(cur, Rlimits.Infinity);
            var allowed = family == SocketAbi.AfUnix || cur != 0;
            Assert.Equal(allowed ? Errno.None : Errno.EPERM, h.Kernel.Security.SocketCreate(p1, family, SocketAbi.SockDgram, 0, kern: false));
        });
        FsCheck.Check.One(SeedFourCheck.Config(output, 200), prop);
    }

    [Fact]
    public void Resource16_IsEINVALWithoutTheDesign_AndAnRlimitWithIt()
    {
        var without = new ProcHarness(1000);
        Assert.Equal("EINVAL", without.R("p1 setrlimit(RLIMIT_NETWORK, {rlim_cur=0, rlim_max=0})"));
        Assert.Equal("EINVAL", without.R("p1 getrlimit(RLIMIT_NETWORK, NULL)"));

        var with = new ProcHarness(1000, new RlimitNetworkModule());
        Assert.Equal("0", with.R("p1 setrlimit(RLIMIT_NETWORK, {rlim_cur=0, rlim_max=RLIM64_INFINITY})"));
        Assert.True(RlimitNetworkModule.IsNetworkOff(with.P(1)));
        Assert.False(RlimitNetworkModule.IsDroppedForGood(with.P(1)));
        Assert.Equal("0", with.R("p1 setrlimit(RLIMIT_NETWORK, {rlim_cur=0, rlim_max=0})"));
        Assert.True(RlimitNetworkModule.IsDroppedForGood(with.P(1)));
        Assert.Equal("EPERM", with.R("p1 setrlimit(RLIMIT_NETWORK, {rlim_cur=1, rlim_max=1})"));
    }

    private static (ProcHarness H, Task P1) Boot(ulong cur, ulong max)
    {
        var h = new ProcHarness(1000, new RlimitNetworkModule());
        h.P(1).Rlimits[SeedConstants.RlimitNetwork] = (cur, max);
        return (h, h.P(1));
    }

    private static Socket Sock(ProcHarness h, int family) => new(family, SocketAbi.SockStream, 0, h.Kernel.InitNetNs);
}
