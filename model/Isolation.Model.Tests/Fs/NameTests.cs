using Isolation.Model.Kernel.Fs;
using Isolation.Model.Tests.Tasks;
using Isolation.Traces;

namespace Isolation.Model.Tests.Fs;

/// <summary>mkdir, mknod, unlink, rmdir: fs/namei.c (6.12); every errno here checked on 6.18.</summary>
public sealed class NameTests
{
    [Fact]
    public void MkdirOfExistingName_IsEEXIST_BeforeAnyPermissionCheck()
    {
        var h = FsHarness.WithUser(["p1 mkdir(\"/tmp/d\", 0755)"]);
        Assert.Equal("EEXIST", h.R("p2 mkdir(\"/tmp/d\", 0755)"));
        Assert.Equal("EEXIST", h.R("p2 mkdir(\"/tmp/d/.\", 0755)"));
        Assert.Equal("EACCES", h.R("p2 mkdir(\"/tmp/d/x\", 0755)"));
        Assert.Equal("ENOENT", h.R("p2 mkdir(\"/tmp/nope/x\", 0755)"));
        Assert.Equal("0", h.R("p2 mkdir(\"/tmp/mine/\", 0777)"));
    }

    [Fact]
    public void Mkdir_AppliesUmask_AndInheritsTheGroupAndSetgidOfASetgidParent()
    {
        var h = new ProcHarness();
        h.Setup("p1 mkdir(\"/tmp/d\", 0777)", "p1 chown(\"/tmp/d\", 0, 50)", "p1 chmod(\"/tmp/d\", 02777)", "p1 mkdir(\"/tmp/d/e\", 0777)");
        var d = (TmpfsDirectory)h.Kernel.Fs.Tmp.Entries["d"];
        var e = d.Entries["e"];
        Assert.Equal(0x4000 | 0x400 | 0x1ED, e.Mode);
        Assert.Equal(50, e.Gid);
        Assert.Equal(0x4000 | 0x400 | 0x1FF, d.Mode);
    }

    [Fact]
    public void RmdirOfNonEmptyDirectory_IsENOTEMPTY_AndOfFile_IsENOTDIR()
    {
        var h = new ProcHarness();
        h.Setup("p1 mkdir(\"/tmp/d\", 0755)", "p1 open(\"/tmp/d/f\", O_WRONLY|O_CREAT, 0644)");
        Assert.Equal("ENOTEMPTY", h.R("p1 rmdir(\"/tmp/d\")"));
        Assert.Equal("ENOTDIR", h.R("p1 rmdir(\"/tmp/d/f\")"));
        Assert.Equal("ENOENT", h.R("p1 rmdir(\"/tmp/nope\")"));
        Assert.Equal("0", h.R("p1 unlink(\"/tmp/d/f\")"));
        Assert.Equal("0", h.R("p1 rmdir(\"/tmp/d\")"));
    }

    [Fact]
    public void RmdirOfDotDotDotAndRoot_AreENOTEMPTY_EINVAL_EBUSY()
    {
        var h = new ProcHarness();
        h.Setup("p1 mkdir(\"/tmp/d\", 0755)");
        Assert.Equal("ENOTEMPTY", h.R("p1 rmdir(\"/tmp/d/..\")"));
        Assert.Equal("EINVAL", h.R("p1 rmdir(\"/tmp/d/.\")"));
        Assert.Equal("EBUSY", h.R("p1 rmdir(\"/\")"));
        Assert.Equal("EBUSY", h.R("p1 rmdir(\"/tmp\")"));
    }

    [Fact]
    public void UnlinkOfDirectory_IsEISDIR_AndTrailingSlashOnFile_IsENOTDIR()
    {
        var h = new ProcHarness();
        h.Setup("p1 mkdir(\"/tmp/d\", 0755)", "p1 open(\"/tmp/f\", O_WRONLY|O_CREAT, 0644)");
        Assert.Equal("EISDIR", h.R("p1 unlink(\"/tmp/d\")"));
        Assert.Equal("ENOTDIR", h.R("p1 unlink(\"/tmp/f/\")"));
        Assert.Equal("ENOENT", h.R("p1 unlink(\"/tmp/nope\")"));
        Assert.Equal("EISDIR", h.R("p1 unlink(\"/tmp/.\")"));
        Assert.Equal("EINVAL", h.R("p1 unlinkat(AT_FDCWD, \"/tmp/f\", AT_EACCESS|AT_SYMLINK_NOFOLLOW)"));
        Assert.Equal("0", h.R("p1 unlinkat(AT_FDCWD, \"/tmp/d\", AT_REMOVEDIR)"));
    }

    [Fact]
    public void InStickyTmp_OnlyTheOwnerTheDirectoryOwnerOrCapFownerMayRemove()
    {
        var h = FsHarness.WithUser(["p1 open(\"/tmp/rootfile\", O_WRONLY|O_CREAT, 0666)", "p1 mkdir(\"/tmp/rootdir\", 0777)"]);
        Assert.Equal("EPERM", h.R("p2 unlink(\"/tmp/rootfile\")"));
        Assert.Equal("EPERM", h.R("p2 rmdir(\"/tmp/rootdir\")"));
        h.Setup("p2 open(\"/tmp/mine\", O_WRONLY|O_CREAT, 0600)");
        Assert.Equal("0", h.R("p1 unlink(\"/tmp/mine\")"));
        Assert.Equal("0", h.R("p1 unlink(\"/tmp/rootfile\")"));
    }

    [Fact]
    public void RemovalFromDirectoryWithoutWritePermission_IsEACCES_BeforeTheStickyRule()
    {
        var h = FsHarness.WithUser(["p1 mkdir(\"/tmp/d\", 01755)", "p1 open(\"/tmp/d/f\", O_WRONLY|O_CREAT, 0644)"]);
        Assert.Equal("EACCES", h.R("p2 unlink(\"/tmp/d/f\")"));
    }

    [Fact]
    public void MknodOfDirectoryType_IsEPERM_AndOfUnknownType_IsEINVAL()
    {
        var h = new ProcHarness();
        Assert.Equal("EPERM", h.R("p1 mknod(\"/tmp/d\", S_IFDIR|0755)"));
        Assert.Equal("EINVAL", h.R("p1 mknod(\"/tmp/x\", 0170644)"));
        Assert.Equal("0", h.R("p1 mknod(\"/tmp/r\", 0644)"));
        Assert.Equal("EEXIST", h.R("p1 mknod(\"/tmp/r\", 0644)"));
        Assert.True(h.Kernel.Fs.Tmp.Entries["r"].IsRegular);
    }

    [Fact]
    public void MknodOfDevice_NeedsCapMknod_AfterWritePermissionOnTheDirectory()
    {
        var h = FsHarness.WithUser(["p1 mkdir(\"/tmp/d\", 0755)"]);
        Assert.Equal("EPERM", h.R("p2 mknod(\"/tmp/null\", S_IFCHR|0666, makedev(0x1, 0x3))"));
        Assert.Equal("EACCES", h.R("p2 mknod(\"/tmp/d/null\", S_IFCHR|0666, makedev(0x1, 0x3))"));
        Assert.Equal("0", h.R("p2 mknod(\"/tmp/fifo\", S_IFIFO|0644)"));
        Assert.Equal("0", h.R("p1 mknodat(AT_FDCWD, \"/tmp/n\", S_IFCHR|0666, makedev(0x1, 0x3))"));
        var stat = h.Run("p1 newfstatat(AT_FDCWD, \"/tmp/n\", {}, 0)");
        Assert.Equal("{st_mode=S_IFCHR|0644, st_rdev=makedev(0x1, 0x3), ...}", ProcHarness.Output(stat, 2));
    }

    [Fact]
    public void InodeMknodHook_SeesDevicesFifosAndSockets_ButNotRegularFiles()
    {
        var seen = new List<string>();
        var module = new TestModule((hooks, m) => hooks.InodeMknod.Add(m, (_, _, name, _, _) =>
        {
            seen.Add(name);
            return name == "denied" ? Errno.EPERM : Errno.None;
        }));
        var h = new ProcHarness(0, module);
        h.Setup("p1 mknod(\"/tmp/fifo\", S_IFIFO|0644)", "p1 mknod(\"/tmp/reg\", S_IFREG|0644)", "p1 mknod(\"/tmp/sock\", S_IFSOCK|0644)");
        Assert.Equal("EPERM", h.R("p1 mknod(\"/tmp/denied\", S_IFIFO|0644)"));
        Assert.Equal(["fifo", "sock", "denied"], seen);
        Assert.False(h.Kernel.Fs.Tmp.Entries.ContainsKey("denied"));
    }
}
