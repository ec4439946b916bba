using Isolation.Model.Kernel.Creds;
using Isolation.Traces;

namespace Isolation.Model.Tests.Tasks;

/// <summary>unshare: kernel/fork.c ksys_unshare, kernel/nsproxy.c, kernel/user_namespace.c create_user_ns (6.12).</summary>
public sealed class NamespaceTests
{
    [Theory]
    [InlineData("CLONE_NEWNET")]
    [InlineData("CLONE_NEWIPC")]
    [InlineData("CLONE_NEWNS")]
    [InlineData("CLONE_NEWUTS")]
    public void Unshare_ANamespace_AsUser_IsEPERM(string flag)
    {
        var h = new ProcHarness(user: 1000);
        Assert.Equal("EPERM", h.R($"p1 unshare({flag})"));
    }

    [Fact]
    public void UnshareNewNet_AsRoot_MovesTheCallerOnly()
    {
        var h = new ProcHarness();
        h.Setup("p1 fork()");
        var before = h.P(1).NetNs;
        Assert.Equal("0", h.R("p1 unshare(CLONE_NEWNET)"));
        Assert.NotEqual(before, h.P(1).NetNs);
        Assert.Equal(before, h.P(2).NetNs);
    }

    [Fact]
    public void UnshareNewUser_AsUser_SeesOverflowIdsAndHasEveryCapabilityThere()
    {
        var h = new ProcHarness(user: 1000);
        Assert.Equal("0", h.R("p1 unshare(CLONE_NEWUSER)"));
        Assert.Equal("65534", h.R("p1 getuid()"));
        Assert.Equal("65534", h.R("p1 getegid()"));
        var cred = h.P(1).Cred;
        Assert.Equal(CapSet.Full, cred.Effective);
        Assert.Equal(1000, cred.Uid);
        Assert.False(Capabilities.Capable(h.Kernel, h.P(1), Abi.Capability.SysAdmin));
        Assert.Equal(1, h.P(1).Dumpable);
    }

    [Fact]
    public void UnshareNewUserAndNewNet_AsUser_Succeeds()
    {
        var h = new ProcHarness(user: 1000);
        Assert.Equal("0", h.R("p1 unshare(CLONE_NEWUSER|CLONE_NEWNET)"));
        Assert.Equal(h.P(1).Cred.UserNs, h.P(1).NetNs.Owner);
    }

    [Fact]
    public void UnshareNewNet_AfterUnshareNewUser_IsAllowedInside()
    {
        var h = new ProcHarness(user: 1000);
        h.Setup("p1 unshare(CLONE_NEWUSER)");
        Assert.Equal("0", h.R("p1 unshare(CLONE_NEWNET)"));
    }

    [Fact]
    public void Unshare_UnknownFlag_IsEINVAL()
    {
        var h = new ProcHarness();
        Assert.Equal("EINVAL", h.R("p1 unshare(CLONE_VFORK)"));
    }

    [Fact]
    public void UnshareNewUser_RefusedByUsernsCreate_ChangesNothing()
    {
        var module = new TestModule((hooks, m) => hooks.UsernsCreate.Add(m, _ => Errno.EACCES));
        var h = new ProcHarness(1000, module);
        Assert.Equal("EACCES", h.R("p1 unshare(CLONE_NEWUSER|CLONE_NEWNET)"));
        Assert.Equal(h.Kernel.InitUserNs, h.P(1).Cred.UserNs);
        Assert.Equal(h.Kernel.InitNetNs, h.P(1).NetNs);
    }

    [Fact]
    public void UnshareNewUser_AgainWithoutAMapping_IsEPERM()
    {
        var h = new ProcHarness(user: 1000);
        h.Setup("p1 unshare(CLONE_NEWUSER)");
        Assert.Equal("EPERM", h.R("p1 unshare(CLONE_NEWUSER)"));
    }

    [Fact]
    public void CreateUserNamespace_Below32Levels_IsENOSPC()
    {
        var h = new ProcHarness();
        var ns = h.Kernel.InitUserNs;
        for (var i = 0; i < 33; i++)
        {
            ns = new UserNamespace(h.Kernel.NextObjectId(), ns, 0, 0) { UidMap = [new(0, 0, 1)], GidMap = [new(0, 0, 1)] };
        }

        Assert.Equal(33, ns.Level);
        var cred = h.P(1).Cred with { UserNs = ns };
        Assert.Equal(Errno.ENOSPC, UserNamespaces.Create(h.Kernel, h.P(1), cred, out _));
        Assert.Equal(Errno.None, UserNamespaces.Create(h.Kernel, h.P(1), cred with { UserNs = ns.Parent! }, out _));
    }

    [Fact]
    public void UnshareNewPid_IsAScenarioTheModelCannotAnswer()
    {
        var h = new ProcHarness();
        Assert.Throws<Isolation.Traces.Syntax.TraceException>(() => h.Run("p1 unshare(CLONE_NEWPID)"));
    }
}
