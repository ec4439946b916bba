using Isolation.Model.Abi;
using Isolation.Model.Designs.NosuidUnshare;
using Isolation.Model.Kernel.Creds;
using Isolation.Model.Lsm;
using Isolation.Model.Tests.Tasks;
using Isolation.Traces;

namespace Isolation.Model.Tests.Designs.NosuidUnshare;

/// <summary>
/// The nosuid-unshare design (seed 004, Biederman's proposal): the one-way flag and its prctl, the
/// refusal of privilege-raising execs, and the unshare(CLONE_NEWNET) it permits without CAP_SYS_ADMIN.
/// </summary>
public sealed class NosuidUnshareModuleTests
{
    [Theory]
    [InlineData(1L, 0L, 0L)]
    [InlineData(0L, 0L, -(long)Errno.EINVAL)]
    [InlineData(2L, 0L, -(long)Errno.EINVAL)]
    [InlineData(1L, 1L, -(long)Errno.EINVAL)]
    public void SetNosuid_TakesOnlyOneWithNoFurtherArgument(long arg2, long arg3, long expected)
    {
        var (h, m) = Boot();
        Assert.Equal(expected, m.State.TaskPrctl(h.P(1), SeedConstants.SetNosuid, arg2, arg3, 0, 0));
        Assert.Equal(expected == 0, m.IsNoSuid(h.P(1)));
    }

    [Fact]
    public void GetNosuid_ReadsTheFlag_AndWantsZeroArguments()
    {
        var (h, m) = Boot();
        Assert.Equal(0, m.State.TaskPrctl(h.P(1), SeedConstants.GetNosuid, 0, 0, 0, 0));
        m.State.TaskPrctl(h.P(1), SeedConstants.SetNosuid, 1, 0, 0, 0);
        Assert.Equal(1, m.State.TaskPrctl(h.P(1), SeedConstants.GetNosuid, 0, 0, 0, 0));
        Assert.Equal(-(long)Errno.EINVAL, m.State.TaskPrctl(h.P(1), SeedConstants.GetNosuid, 0, 0, 0, 1));
        Assert.Equal(-(long)Errno.ENOSYS, m.State.TaskPrctl(h.P(1), SeedConstants.SetNetwork, 1, 0, 0, 0));
    }

    [Fact]
    public void Fork_CopiesTheFlag()
    {
        var (h, m) = Boot();
        m.State.TaskPrctl(h.P(1), SeedConstants.SetNosuid, 1, 0, 0, 0);
        h.Setup("p1 fork()");
        Assert.True(m.IsNoSuid(h.P(2)));
    }

    [Theory]
    [InlineData(false, CloneFlags.NewNet, false)]
    [InlineData(true, CloneFlags.NewNet, true)]
    [InlineData(true, CloneFlags.NewNet | CloneFlags.Files | CloneFlags.Fs, true)]
    [InlineData(true, CloneFlags.NewNet | CloneFlags.NewUts, false)]
    [InlineData(true, CloneFlags.NewIpc, false)]
    [InlineData(true, CloneFlags.NewNs, false)]
    [InlineData(true, CloneFlags.NewUser | CloneFlags.NewNet, false)]
    public void UnsharePermit_OnlyTheNetworkNamespaceAndOnlyWithTheFlag(bool flag, long flags, bool permitted)
    {
        var (h, m) = Boot();
        if (flag)
        {
            m.State.TaskPrctl(h.P(1), SeedConstants.SetNosuid, 1, 0, 0, 0);
        }

        Assert.Equal(permitted, h.Kernel.Security.UnsharePermit(h.P(1), flags));
        Assert.Equal(permitted, m.HasUnsharedNet(h.P(1)));
    }

    [Fact]
    public void Exec_ThatWouldRaiseTheEffectiveUid_IsEPERM()
    {
        var (h, m) = Boot();
        var p1 = h.P(1);
        var setuidRoot = new Binprm(p1, "/usr/bin/su", p1.Cred with { Euid = 0, Suid = 0, Fsuid = 0 });
        Assert.Equal(Errno.None, h.Kernel.Security.BprmCredsFromFile(setuidRoot));
        m.State.TaskPrctl(p1, SeedConstants.SetNosuid, 1, 0, 0, 0);
        Assert.Equal(Errno.EPERM, h.Kernel.Security.BprmCredsFromFile(setuidRoot));
    }

    [Fact]
    public void Exec_ThatWouldAddPermittedCapabilities_IsEPERM()
    {
        var (h, m) = Boot();
        var p1 = h.P(1);
        m.State.TaskPrctl(p1, SeedConstants.SetNosuid, 1, 0, 0, 0);
        var fileCaps = new Binprm(p1, "/usr/bin/ping", p1.Cred with { Permitted = CapSet.Empty.With(Capability.NetRaw) });
        Assert.Equal(Errno.EPERM, h.Kernel.Security.BprmCredsFromFile(fileCaps));
    }

    [Fact]
    public void Exec_WithoutAGain_IsAllowed()
    {
        var (h, m) = Boot();
        var p1 = h.P(1);
        m.State.TaskPrctl(p1, SeedConstants.SetNosuid, 1, 0, 0, 0);
        Assert.Equal(Errno.None, h.Kernel.Security.BprmCredsFromFile(new Binprm(p1, "/bin/sh", p1.Cred)));
        var r = new NosuidUnshareModule();
        var root = new ProcHarness(0, r);
        r.State.TaskPrctl(root.P(1), SeedConstants.SetNosuid, 1, 0, 0, 0);
        Assert.Equal(Errno.None, root.Kernel.Security.BprmCredsFromFile(new Binprm(root.P(1), "/usr/bin/su", root.P(1).Cred)));
    }

    [Fact]
    public void PrSetNosuid_IsEINVALWithoutTheDesign_AndUnshareStaysPrivileged()
    {
        var without = new ProcHarness(1000);
        Assert.Equal("EINVAL", without.R("p1 prctl(PR_SET_NOSUID, 1)"));
        Assert.Equal("EPERM", without.R("p1 unshare(CLONE_NEWNET)"));

        var (h, m) = Boot();
        Assert.Equal("0", h.R("p1 prctl(PR_SET_NOSUID, 1)"));
        Assert.Equal("0", h.R("p1 unshare(CLONE_NEWNET)"));
        Assert.True(m.HasUnsharedNet(h.P(1)));
    }

    private static (ProcHarness H, NosuidUnshareModule M) Boot()
    {
        var m = new NosuidUnshareModule();
        return (new ProcHarness(1000, m), m);
    }
}
