using Isolation.Model.Tests.Tasks;
using Isolation.Traces;

namespace Isolation.Model.Tests.Fs;

/// <summary>chmod, chown, access, stat: fs/open.c, fs/attr.c, fs/stat.c (6.12); errnos checked on 6.18.</summary>
public sealed class AttrTests
{
    [Fact]
    public void ChmodByNonOwner_IsEPERM_ByOwnerOrRootSucceeds()
    {
        var h = FsHarness.WithUser(["p1 open(\"/tmp/rootfile\", O_WRONLY|O_CREAT, 0644)"]);
        Assert.Equal("EPERM", h.R("p2 chmod(\"/tmp/rootfile\", 0777)"));
        h.Setup("p2 open(\"/tmp/mine\", O_WRONLY|O_CREAT, 0600)");
        Assert.Equal("0", h.R("p2 fchmodat(AT_FDCWD, \"/tmp/mine\", 0640)"));
        Assert.Equal("0", h.R("p1 chmod(\"/tmp/mine\", 04755)"));
        Assert.Equal(0x8000 | 0x9ED, h.Kernel.Fs.Tmp.Entries["mine"].Mode);
    }

    [Fact]
    public void ChmodBySomeoneNotInTheGroup_DropsSetgid()
    {
        var h = FsHarness.WithUser([]);
        h.Setup("p2 open(\"/tmp/f\", O_WRONLY|O_CREAT, 0644)", "p1 chown(\"/tmp/f\", 1000, 50)", "p2 chmod(\"/tmp/f\", 02755)");
        Assert.Equal(0x8000 | 0x1ED, h.Kernel.Fs.Tmp.Entries["f"].Mode);
    }

    [Fact]
    public void ChownToAnotherUser_IsEPERM_WithoutCapChown_ToOneselfIsAllowed()
    {
        var h = FsHarness.WithUser(["p1 open(\"/tmp/rootfile\", O_WRONLY|O_CREAT, 0644)"]);
        Assert.Equal("EPERM", h.R("p2 chown(\"/tmp/rootfile\", 1000, 1000)"));
        h.Setup("p2 open(\"/tmp/mine\", O_WRONLY|O_CREAT, 0644)");
        Assert.Equal("0", h.R("p2 chown(\"/tmp/mine\", 1000, 1000)"));
        Assert.Equal("EPERM", h.R("p2 chown(\"/tmp/mine\", 0, -1)"));
        Assert.Equal("EPERM", h.R("p2 fchownat(AT_FDCWD, \"/tmp/mine\", -1, 0, 0)"));
        Assert.Equal("EINVAL", h.R("p2 fchownat(AT_FDCWD, \"/tmp/mine\", -1, 0, AT_REMOVEDIR)"));
        Assert.Equal("0", h.R("p1 chown(\"/tmp/mine\", 0, 0)"));
    }

    [Fact]
    public void Chown_ClearsSetuidOfAFile()
    {
        var h = new ProcHarness();
        h.Setup("p1 open(\"/tmp/f\", O_WRONLY|O_CREAT, 0644)", "p1 chmod(\"/tmp/f\", 06755)", "p1 chown(\"/tmp/f\", 1000, -1)");
        Assert.Equal(0x8000 | 0x1ED, h.Kernel.Fs.Tmp.Entries["f"].Mode);
    }

    [Fact]
    public void AccessUsesTheRealUid_NotTheEffectiveOne()
    {
        var h = new ProcHarness();
        h.Setup("p1 open(\"/tmp/f\", O_WRONLY|O_CREAT, 0600)", "p1 fork()", "p2 setresuid(1000, 0, 0)");
        Assert.Equal("EACCES", h.R("p2 access(\"/tmp/f\", W_OK)"));
        Assert.Equal("0", h.R("p2 faccessat2(AT_FDCWD, \"/tmp/f\", W_OK, AT_EACCESS)"));
        Assert.Equal("4", h.R("p2 open(\"/tmp/f\", O_WRONLY)"));
        Assert.Equal("0", h.R("p2 access(\"/tmp/f\", F_OK)"));
    }

    [Fact]
    public void AccessWithUnknownModeBits_IsEINVAL_BeforeTheLookup()
    {
        var h = new ProcHarness();
        Assert.Equal("EINVAL", h.R("p1 access(\"/nope\", 8)"));
        Assert.Equal("ENOENT", h.R("p1 access(\"/nope\", R_OK)"));
    }

    [Fact]
    public void StatOfTmp_IsAnEmptyStickyTmpfsDirectory_AndGrowsByTwentyPerEntry()
    {
        var h = new ProcHarness();
        Assert.Equal("{st_mode=S_IFDIR|S_ISVTX|0777, st_size=40, ...}", ProcHarness.Output(h.Run("p1 stat(\"/tmp\", {})"), 1));
        h.Setup("p1 mkdir(\"/tmp/d\", 0755)");
        Assert.Equal("{st_mode=S_IFDIR|S_ISVTX|0777, st_size=60, ...}", ProcHarness.Output(h.Run("p1 stat(\"/tmp/\", {})"), 1));
        Assert.Equal("{st_mode=S_IFDIR|0755, st_size=40, ...}", ProcHarness.Output(h.Run("p1 newfstatat(AT_FDCWD, \"/tmp/d\", {}, 0)"), 2));
    }

    [Fact]
    public void StatGoesThroughInodeGetattr()
    {
        var module = new TestModule((hooks, m) => hooks.InodeGetattr.Add(m, (_, inode) => inode.IsDirectory ? Errno.EACCES : Errno.None));
        var h = new ProcHarness(0, module);
        h.Setup("p1 open(\"/tmp/f\", O_WRONLY|O_CREAT, 0644)");
        Assert.Equal("EACCES", h.R("p1 stat(\"/tmp\", {})"));
        Assert.Equal("0", h.R("p1 fstat(3, {})"));
    }

    [Fact]
    public void InodePermissionHook_RunsAfterTheModeBitsAllowed()
    {
        var masks = new List<int>();
        var module = new TestModule((hooks, m) => hooks.InodePermission.Add(m, (_, inode, mask) =>
        {
            masks.Add(mask);
            return inode.IsRegular ? Errno.EPERM : Errno.None;
        }));
        var h = new ProcHarness(0, module);
        h.Setup("p1 mkdir(\"/tmp/d\", 0755)");
        Assert.Equal("EPERM", h.R("p1 open(\"/tmp/d/f\", O_WRONLY|O_CREAT, 0644)"));
        masks.Clear();
        Assert.Equal("EPERM", h.R("p1 open(\"/tmp/d/f\", O_RDONLY)"));
        Assert.Equal([1, 1, 1, 0x24], masks);
    }
}
