using Isolation.Model.Kernel.Creds;
using Isolation.Model.Tests.Tasks;
using Isolation.Traces;

namespace Isolation.Model.Tests.Creds;

/// <summary>uid_map, gid_map and setgroups writes: kernel/user_namespace.c map_write, new_idmap_permitted, proc_setgroups_write (6.12).</summary>
public sealed class UserNamespaceTests
{
    [Fact]
    public void UidMap_UnprivilegedCreatorMapsItsOwnUid()
    {
        var h = UserInNewNs(out var ns);
        Assert.Equal(Errno.None, UserNamespaces.WriteUidMap(h.Kernel, h.P(1), ns, "0 1000 1\n"));
        Assert.Equal("0", h.R("p1 getuid()"));
        Assert.Equal("65534", h.R("p1 getgid()"));
        Assert.Equal(Errno.EPERM, UserNamespaces.WriteUidMap(h.Kernel, h.P(1), ns, "0 1000 1\n"));
    }

    [Theory]
    [InlineData("0 1000 2")]
    [InlineData("0 0 1")]
    [InlineData("0 1000 1\n1 1001 1")]
    public void UidMap_UnprivilegedCreatorMappingMore_IsEPERM(string text)
    {
        var h = UserInNewNs(out var ns);
        Assert.Equal(Errno.EPERM, UserNamespaces.WriteUidMap(h.Kernel, h.P(1), ns, text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0 1000")]
    [InlineData("0 1000 1 junk")]
    [InlineData("0 1000 0")]
    [InlineData("x 1000 1")]
    [InlineData("4294967295 1000 1")]
    [InlineData("\n0 1000 1")]
    [InlineData("0 0 10\n5 100 1")]
    public void UidMap_MalformedText_IsEINVAL(string text)
    {
        var h = new ProcHarness();
        h.Setup("p1 unshare(CLONE_NEWUSER)");
        Assert.Equal(Errno.EINVAL, UserNamespaces.WriteUidMap(h.Kernel, h.P(1), h.P(1).Cred.UserNs, text));
    }

    [Fact]
    public void UidMap_WriteNotAtOffsetZero_IsEINVAL()
    {
        var h = UserInNewNs(out var ns);
        Assert.Equal(Errno.EINVAL, UserNamespaces.WriteUidMap(h.Kernel, h.P(1), ns, "0 1000 1", position: 3));
    }

    [Fact]
    public void GidMap_Unprivileged_NeedsSetgroupsDenied()
    {
        var h = UserInNewNs(out var ns);
        Assert.Equal(Errno.EPERM, UserNamespaces.WriteGidMap(h.Kernel, h.P(1), ns, "0 1000 1"));
        Assert.Equal(Errno.None, UserNamespaces.WriteSetgroups(ns, "deny"));
        Assert.Equal(Errno.EPERM, UserNamespaces.WriteSetgroups(ns, "allow"));
        Assert.Equal(Errno.None, UserNamespaces.WriteGidMap(h.Kernel, h.P(1), ns, "0 1000 1"));
        Assert.Equal("0", h.R("p1 getgid()"));
    }

    [Fact]
    public void Setgroups_DenyAfterTheGidMapIsWritten_IsEPERM()
    {
        var h = new ProcHarness();
        h.Setup("p1 fork()", "p2 unshare(CLONE_NEWUSER)");
        var ns = h.P(2).Cred.UserNs;
        Assert.Equal(Errno.EPERM, UserNamespaces.WriteGidMap(h.Kernel, h.P(2), ns, "0 0 4294967295"));
        Assert.Equal(Errno.None, UserNamespaces.WriteGidMap(h.Kernel, h.P(1), ns, "0 0 4294967295"));
        Assert.Equal(Errno.EPERM, UserNamespaces.WriteSetgroups(ns, "deny"));
        Assert.Equal(Errno.EINVAL, UserNamespaces.WriteSetgroups(ns, "maybe"));
        Assert.Equal(Errno.EINVAL, UserNamespaces.WriteSetgroups(ns, "deny   x"));
    }

    [Fact]
    public void UidMap_RootOfTheParentMapsARange_ForAChildNamespace()
    {
        var h = new ProcHarness();
        h.Setup("p1 fork()", "p2 setresuid(1000, 1000, 1000)", "p2 unshare(CLONE_NEWUSER)");
        var ns = h.P(2).Cred.UserNs;
        Assert.Equal(Errno.None, UserNamespaces.WriteUidMap(h.Kernel, h.P(1), ns, "0 100000 65536\n"));
        Assert.Equal(100000, ns.MakeKuid(0));
        Assert.Equal("         0     100000      65536\n", UserNamespaces.FormatMap(ns, h.Kernel.InitUserNs, gid: false));
    }

    [Fact]
    public void UidMap_ByAProcessOutsideTheParent_IsEPERM()
    {
        var h = new ProcHarness(user: 1000);
        h.Setup("p1 fork()", "p2 unshare(CLONE_NEWUSER)", "p1 unshare(CLONE_NEWUSER)");
        Assert.Equal(Errno.EPERM, UserNamespaces.WriteUidMap(h.Kernel, h.P(1), h.P(2).Cred.UserNs, "0 1000 1"));
    }

    [Fact]
    public void UidMap_OfTheInitialNamespace_IsEPERM_AndReadsAsTheIdentity()
    {
        var h = new ProcHarness();
        Assert.Equal(Errno.EPERM, UserNamespaces.WriteUidMap(h.Kernel, h.P(1), h.Kernel.InitUserNs, "0 0 1"));
        Assert.Equal("         0          0 4294967295\n", UserNamespaces.FormatMap(h.Kernel.InitUserNs, h.Kernel.InitUserNs, gid: false));
    }

    [Fact]
    public void UidMap_RootMappingParentRoot_FromInside_NeedsSetfcapAtUnshare()
    {
        var h = new ProcHarness();
        h.Setup("p1 prctl(PR_CAPBSET_DROP, CAP_SETFCAP)");
        h.P(1).Cred = h.P(1).Cred with { Effective = h.P(1).Cred.Effective.Without(Abi.Capability.Setfcap) };
        h.Setup("p1 unshare(CLONE_NEWUSER)");
        Assert.False(h.P(1).Cred.UserNs.ParentCouldSetfcap);
        Assert.Equal(Errno.EPERM, UserNamespaces.WriteUidMap(h.Kernel, h.P(1), h.P(1).Cred.UserNs, "0 0 1"));

        var withSetfcap = new ProcHarness();
        withSetfcap.Setup("p1 unshare(CLONE_NEWUSER)");
        Assert.Equal(Errno.None, UserNamespaces.WriteUidMap(withSetfcap.Kernel, withSetfcap.P(1), withSetfcap.P(1).Cred.UserNs, "0 0 1"));
        Assert.Equal("0", withSetfcap.R("p1 getuid()"));
    }

    [Fact]
    public void OpeningSetgroupsForWrite_WithoutCapSysAdmin_IsEACCES()
    {
        var h = UserInNewNs(out var ns);
        Assert.Equal(Errno.None, UserNamespaces.MayOpenSetgroupsForWrite(h.Kernel, h.P(1), ns));
        Assert.Equal(Errno.EACCES, UserNamespaces.MayOpenSetgroupsForWrite(h.Kernel, h.P(1), h.Kernel.InitUserNs));
    }

    [Fact]
    public void InitialNamespaceMap_ReadFromAChildNamespace_ShowsUnmappedLowerIdsAsMinusOne()
    {
        var h = UserInNewNs(out var ns);
        UserNamespaces.WriteUidMap(h.Kernel, h.P(1), ns, "0 1000 1");
        Assert.Equal("         0 4294967295 4294967295\n", UserNamespaces.FormatMap(h.Kernel.InitUserNs, ns, gid: false));
    }

    [Fact]
    public void FormatMap_ReadFromInside_ShowsTheParentsView()
    {
        var h = UserInNewNs(out var ns);
        UserNamespaces.WriteUidMap(h.Kernel, h.P(1), ns, "0 1000 1");
        Assert.Equal("         0       1000          1\n", UserNamespaces.FormatMap(ns, ns, gid: false));
    }

    private static ProcHarness UserInNewNs(out UserNamespace ns)
    {
        var h = new ProcHarness(user: 1000);
        h.Setup("p1 unshare(CLONE_NEWUSER)");
        ns = h.P(1).Cred.UserNs;
        return h;
    }
}
