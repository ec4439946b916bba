using FsCheck.Fluent;
using Isolation.Model.Abi;
using Isolation.Model.Designs.PrctlNetwork;
using Isolation.Model.Designs.RlimitNetwork;
using Isolation.Model.Kernel.Sockets;
using Isolation.Model.Lsm;
using Isolation.Model.Tests.Designs.RlimitNetwork;
using Isolation.Model.Tests.Tasks;
using Isolation.Traces;
using Xunit.Abstractions;

namespace Isolation.Model.Tests.Designs.PrctlNetwork;

/// <summary>
/// The decisions of the prctl-network (v2) patches (seed 004): kernel/sys.c prctl_set_network and
/// prctl_get_network, the inheritance, the socket hunks with <c>current-&gt;network</c>, the ptrace rule.
/// </summary>
public sealed class PrctlNetworkModuleTests(ITestOutputHelper output)
{
    private const long Enosys = -(long)Errno.ENOSYS;

    [Fact]
    public void SetNetworkOff_ThenGet_IsOne()
    {
        var (h, m) = Boot();
        Assert.Equal(0, Prctl(m, h, SeedConstants.GetNetwork, 0));
        Assert.Equal(0, Prctl(m, h, SeedConstants.SetNetwork, SeedConstants.NetworkOff));
        Assert.Equal(1, Prctl(m, h, SeedConstants.GetNetwork, 0));
        Assert.Equal(0, Prctl(m, h, SeedConstants.SetNetwork, SeedConstants.NetworkOff));
    }

    [Theory]
    [InlineData(0L, 0L, 0L)]
    [InlineData(0L, 1L, 0L)]
    [InlineData(0L, 2L, -(long)Errno.EINVAL)]
    [InlineData(0L, -1L, -(long)Errno.EINVAL)]
    [InlineData(1L, 0L, -(long)Errno.EPERM)]
    [InlineData(1L, 2L, -(long)Errno.EPERM)]
    [InlineData(1L, 3L, -(long)Errno.EINVAL)]
    [InlineData(1L, 1L, 0L)]
    public void SetNetwork_ClearingIsEPERMBeforeAnUndefinedBitIsEINVAL(long current, long requested, long expected)
    {
        var (h, m) = Boot();
        Assert.Equal(0, Prctl(m, h, SeedConstants.SetNetwork, current));
        Assert.Equal(expected, Prctl(m, h, SeedConstants.SetNetwork, requested));
        Assert.Equal(expected == 0 ? (ulong)requested : (ulong)current, m.Flags.Get(h.P(1)));
    }

    [Fact]
    public void SetNetwork_IgnoresArgumentsThreeToFive()
    {
        var (h, m) = Boot();
        Assert.Equal(0, m.Flags.TaskPrctl(h.P(1), SeedConstants.SetNetwork, 1, 7, 7, 7));
        Assert.Equal(1, m.Flags.TaskPrctl(h.P(1), SeedConstants.GetNetwork, 9, 9, 9, 9));
    }

    [Fact]
    public void OtherOptions_AreNotThisModules()
    {
        var (h, m) = Boot();
        Assert.Equal(Enosys, Prctl(m, h, Abi.Prctl.SetNoNewPrivs, 1));
        Assert.Equal(Enosys, Prctl(m, h, 35, 1));
    }

    [Fact]
    public void AnySequenceOfSets_NeverClearsTheFlag()
    {
        var prop = Prop.ForAll<long[]>(requests =>
        {
            var (h, m) = Boot();
            ulong seen = 0;
            foreach (var r in requests)
            {
                Prctl(m, h, SeedConstants.SetNetwork, r);
                var now = m.Flags.Get(h.P(1));
                Assert.Equal(seen, now & seen);
                Assert.Equal(0UL, now & ~(ulong)SeedConstants.NetworkAllFlags);
                seen = now;
            }
        });
        FsCheck.Check.One(SeedFourCheck.Config(output, 200), prop);
    }

    [Fact]
    public void Fork_CopiesTheFlag()
    {
        var (h, m) = Boot();
        Prctl(m, h, SeedConstants.SetNetwork, SeedConstants.NetworkOff);
        h.Setup("p1 fork()");
        Assert.True(m.IsNetworkOff(h.P(2)));
        Assert.Equal(Errno.EPERM, h.Kernel.Security.SocketCreate(h.P(2), SocketAbi.AfInet, SocketAbi.SockStream, 0, kern: false));
    }

    // tracer \ tracee   on    off
    //   on              ok    ok
    //   off           EPERM   ok      ("You may ptrace() any process that has all the network restrictions you do.")
    [Theory]
    [InlineData(false, false, Errno.None)]
    [InlineData(false, true, Errno.None)]
    [InlineData(true, false, Errno.EPERM)]
    [InlineData(true, true, Errno.None)]
    public void PtraceMayAccess_NeedsTheTraceeToHaveTheTracersRestrictions(bool tracerOff, bool traceeOff, Errno expected)
    {
        var (h, m) = Boot();
        h.Setup("p1 fork()");
        if (tracerOff)
        {
            Prctl(m, h, SeedConstants.SetNetwork, 1);
        }

        if (traceeOff)
        {
            m.Flags.TaskPrctl(h.P(2), SeedConstants.SetNetwork, 1, 0, 0, 0);
        }

        Assert.Equal(expected, h.Kernel.Security.PtraceAccessCheck(h.P(1), h.P(2), PtraceMode.Attach | PtraceMode.RealCreds));
    }

    [Fact]
    public void PtraceOfARestrictedTask_IsWhatV1RefusedAndV2Allows()
    {
        var v1 = new ProcHarness(1000, new RlimitNetworkModule());
        v1.Setup("p1 fork()");
        v1.P(1).Rlimits[SeedConstants.RlimitNetwork] = (0, 0);
        v1.P(2).Rlimits[SeedConstants.RlimitNetwork] = (0, 0);
        Assert.Equal(Errno.EPERM, v1.Kernel.Security.PtraceAccessCheck(v1.P(1), v1.P(2), PtraceMode.Attach | PtraceMode.RealCreds));

        var (v2, m) = Boot();
        Prctl(m, v2, SeedConstants.SetNetwork, 1);
        v2.Setup("p1 fork()");
        Assert.Equal(Errno.None, v2.Kernel.Security.PtraceAccessCheck(v2.P(1), v2.P(2), PtraceMode.Attach | PtraceMode.RealCreds));
    }

    [Fact]
    public void SocketChecks_AreTheRlimitHunksWithTheFlag()
    {
        var (h, m) = Boot();
        Prctl(m, h, SeedConstants.SetNetwork, 1);
        var unix = new Socket(SocketAbi.AfUnix, SocketAbi.SockStream, 0, h.Kernel.InitNetNs);
        Assert.Equal(Errno.EPERM, h.Kernel.Security.UnixAddressCheck(h.P(1), unix, new UnixAddress(UnixAddressKind.Abstract, "proxy")));
        Assert.Equal(Errno.None, h.Kernel.Security.UnixAddressCheck(h.P(1), unix, new UnixAddress(UnixAddressKind.Pathname, "/tmp/x")));
        Assert.Equal(Errno.EPERM, h.Kernel.Security.SocketConnect(h.P(1), unix, new InetAddress(IpAddr.LoopbackV4, 80)));
        Assert.Empty(h.Kernel.Security.Table.SocketConnect.Entries);
    }

    [Fact]
    public void PrSetNetwork_IsEINVALWithoutTheDesign_AndSetsTheFlagWithIt()
    {
        var without = new ProcHarness(1000);
        Assert.Equal("EINVAL", without.R("p1 prctl(PR_SET_NETWORK, PR_NETWORK_OFF)"));
        Assert.Equal("EINVAL", without.R("p1 prctl(PR_GET_NETWORK)"));

        var (h, m) = Boot();
        Assert.Equal("0", h.R("p1 prctl(PR_SET_NETWORK, PR_NETWORK_OFF)"));
        Assert.Equal("1", h.R("p1 prctl(PR_GET_NETWORK)"));
        Assert.True(m.IsNetworkOff(h.P(1)));
    }

    private static (ProcHarness H, PrctlNetworkModule M) Boot()
    {
        var m = new PrctlNetworkModule();
        return (new ProcHarness(1000, m), m);
    }

    private static long Prctl(PrctlNetworkModule m, ProcHarness h, int option, long arg2) => m.Flags.TaskPrctl(h.P(1), option, arg2, 0, 0, 0);
}
