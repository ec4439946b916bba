using Isolation.Model.Kernel.Creds;
using Isolation.Model.Tests.Tasks;

namespace Isolation.Model.Tests.Creds;

/// <summary>The set*id family: kernel/sys.c and security/commoncap.c cap_task_fix_setuid (6.12).</summary>
public sealed class SetIdTests
{
    [Fact]
    public void Setuid_UserToAnotherUid_IsEPERM()
    {
        var h = new ProcHarness(user: 1000);
        Assert.Equal("EPERM", h.R("p1 setuid(0)"));
        Assert.Equal("0", h.R("p1 setuid(1000)"));
    }

    [Fact]
    public void Setuid_RootToUser_DropsEveryCapabilityAndDumpability()
    {
        var h = new ProcHarness();
        Assert.Equal("0", h.R("p1 setuid(1000)"));
        var cred = h.P(1).Cred;
        Assert.Equal((1000, 1000, 1000, 1000), (cred.Uid, cred.Euid, cred.Suid, cred.Fsuid));
        Assert.Equal(CapSet.Empty, cred.Permitted);
        Assert.Equal(CapSet.Empty, cred.Effective);
        Assert.Equal(0, h.P(1).Dumpable);
        Assert.Equal("EPERM", h.R("p1 setuid(0)"));
    }

    [Fact]
    public void Setreuid_RootMovingOnlyTheEffectiveUid_CanComeBack()
    {
        var h = new ProcHarness();
        Assert.Equal("0", h.R("p1 setreuid(-1, 1000)"));
        Assert.Equal(CapSet.Empty, h.P(1).Cred.Effective);
        Assert.Equal(CapSet.Full, h.P(1).Cred.Permitted);
        Assert.Equal("1000", h.R("p1 geteuid()"));
        Assert.Equal("0", h.R("p1 setreuid(-1, 0)"));
        Assert.Equal(CapSet.Full, h.P(1).Cred.Effective);
    }

    [Fact]
    public void Setreuid_SavedUidFollowsTheEffectiveOneWhenTheRealOneIsSet()
    {
        var h = new ProcHarness();
        h.Setup("p1 setreuid(1000, 2000)");
        var cred = h.P(1).Cred;
        Assert.Equal((1000, 2000, 2000, 2000), (cred.Uid, cred.Euid, cred.Suid, cred.Fsuid));
    }

    [Fact]
    public void Setresuid_NoChange_SucceedsForAUser()
    {
        var h = new ProcHarness(user: 1000);
        Assert.Equal("0", h.R("p1 setresuid(-1, 1000, -1)"));
        Assert.Equal("EPERM", h.R("p1 setresuid(-1, 1001, -1)"));
    }

    [Fact]
    public void Setresuid_ToAnIdAlreadyHeld_NeedsNoCapability()
    {
        var h = new ProcHarness();
        h.Setup("p1 setresuid(1000, 2000, 3000)");
        Assert.Equal("0", h.R("p1 setresuid(3000, 1000, 2000)"));
        Assert.Equal("EPERM", h.R("p1 setresuid(4000, -1, -1)"));
        var outcome = h.Run("p1 getresuid([0], [0], [0])");
        Assert.Equal(["[3000]", "[1000]", "[2000]"], Enumerable.Range(0, 3).Select(i => ProcHarness.Output(outcome, i)));
    }

    [Fact]
    public void Setuid_WithKeepcaps_KeepsPermittedButNotEffective()
    {
        var h = new ProcHarness();
        h.Setup("p1 prctl(PR_SET_KEEPCAPS, 1)", "p1 setuid(1000)");
        Assert.Equal(CapSet.Full, h.P(1).Cred.Permitted);
        Assert.Equal(CapSet.Empty, h.P(1).Cred.Effective);
    }

    [Fact]
    public void Setuid_WithNoSetuidFixup_KeepsEverything()
    {
        var h = new ProcHarness();
        h.Setup("p1 prctl(PR_SET_SECUREBITS, SECBIT_NO_SETUID_FIXUP)", "p1 setuid(1000)");
        Assert.Equal(CapSet.Full, h.P(1).Cred.Effective);
    }

    [Fact]
    public void Setgid_UserToItsOwnGid_SucceedsAndToAnother_IsEPERM()
    {
        var h = new ProcHarness(user: 1000);
        Assert.Equal("0", h.R("p1 setgid(1000)"));
        Assert.Equal("EPERM", h.R("p1 setgid(0)"));
        Assert.Equal("EPERM", h.R("p1 setresgid(0, -1, -1)"));
        Assert.Equal("EPERM", h.R("p1 setregid(-1, 5)"));
    }

    [Fact]
    public void Setgid_ByRoot_ChangesEveryGidAndKeepsCapabilities()
    {
        var h = new ProcHarness();
        h.Setup("p1 setgid(50)");
        var cred = h.P(1).Cred;
        Assert.Equal((50, 50, 50, 50), (cred.Gid, cred.Egid, cred.Sgid, cred.Fsgid));
        Assert.Equal(CapSet.Full, cred.Effective);
    }

    [Fact]
    public void Setgroups_AsUser_IsEPERM_AsRootSortsTheList()
    {
        var user = new ProcHarness(user: 1000);
        Assert.Equal("EPERM", user.R("p1 setgroups(0, NULL)"));
        var root = new ProcHarness();
        Assert.Equal("0", root.R("p1 setgroups(3, [30, 10, 20])"));
        Assert.Equal([10, 20, 30], root.P(1).Cred.Groups.ToArray());
        Assert.Equal("3", root.R("p1 getgroups(0, NULL)"));
        Assert.Equal("[10, 20, 30]", ProcHarness.Output(root.Run("p1 getgroups(3, [])"), 1));
        Assert.Equal("EINVAL", root.R("p1 getgroups(2, [])"));
    }

    [Fact]
    public void SetuidToAnUnmappedId_InAUserNamespace_IsEINVAL()
    {
        var h = new ProcHarness(user: 1000);
        h.Setup("p1 unshare(CLONE_NEWUSER)");
        Assert.Equal("EINVAL", h.R("p1 setuid(0)"));
        Assert.Equal("EPERM", h.R("p1 setgroups(0, NULL)"));
    }
}
