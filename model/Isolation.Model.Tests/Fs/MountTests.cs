using Isolation.Model.Tests.Tasks;
using Isolation.Traces;

namespace Isolation.Model.Tests.Fs;

/// <summary>mount(2): fs/namespace.c do_mount, path_mount, do_new_mount (6.12); errnos checked on 6.18.</summary>
public sealed class MountTests
{
    [Fact]
    public void MountByUser_IsEPERM_ButAMissingTargetIsENOENTFirst()
    {
        var h = FsHarness.WithUser(["p1 mkdir(\"/tmp/d\", 0777)"]);
        Assert.Equal("EPERM", h.R("p2 mount(\"none\", \"/tmp/d\", \"tmpfs\", 0, NULL)"));
        Assert.Equal("ENOENT", h.R("p2 mount(\"none\", \"/tmp/nope\", \"tmpfs\", 0, NULL)"));
    }

    [Fact]
    public void NewMount_UnknownTypeIsENODEV_OnAFileENOTDIR()
    {
        var h = new ProcHarness();
        h.Setup("p1 mkdir(\"/tmp/d\", 0755)", "p1 open(\"/tmp/f\", O_WRONLY|O_CREAT, 0644)");
        Assert.Equal("ENODEV", h.R("p1 mount(\"none\", \"/tmp/d\", \"nosuchfs\", 0, NULL)"));
        Assert.Equal("ENOTDIR", h.R("p1 mount(\"none\", \"/tmp/f\", \"tmpfs\", 0, NULL)"));
        Assert.Equal("ENOTDIR", h.R("p1 mount(\"/tmp/d\", \"/tmp/f\", NULL, MS_BIND, NULL)"));
    }

    [Fact]
    public void TmpfsMount_CoversTheDirectoryWithAnEmptyStickyRoot()
    {
        var h = new ProcHarness();
        h.Setup("p1 mkdir(\"/tmp/d\", 0755)", "p1 mkdir(\"/tmp/d/old\", 0755)");
        Assert.Equal("0", h.R("p1 mount(\"none\", \"/tmp/d\", \"tmpfs\", MS_NOSUID|MS_NODEV, \"size=1m\")"));
        Assert.Equal("ENOENT", h.R("p1 stat(\"/tmp/d/old\", {})"));
        Assert.Equal("{st_mode=S_IFDIR|S_ISVTX|0777, st_size=40, ...}", ProcHarness.Output(h.Run("p1 stat(\"/tmp/d\", {})"), 1));
        Assert.Equal("EBUSY", h.R("p1 rmdir(\"/tmp/d\")"));
        Assert.Equal("tmpfs", h.Kernel.Fs.Mounts[^1].FsType);
    }

    [Fact]
    public void PropagationChange_NeedsAMountRoot()
    {
        var h = new ProcHarness();
        h.Setup("p1 mkdir(\"/tmp/d\", 0755)");
        Assert.Equal("EINVAL", h.R("p1 mount(\"none\", \"/tmp/d\", NULL, MS_REC|MS_PRIVATE, NULL)"));
        Assert.Equal("0", h.R("p1 mount(\"none\", \"/tmp\", NULL, MS_REC|MS_PRIVATE, NULL)"));
    }

    [Fact]
    public void SbMountHook_RunsBeforeTheCapabilityCheck()
    {
        var module = new TestModule((hooks, m) => hooks.SbMount.Add(m, (_, _, target, _, _) => target == "/tmp" ? Errno.EACCES : Errno.None));
        var h = FsHarness.WithUser([], module);
        Assert.Equal("EACCES", h.R("p2 mount(\"none\", \"/tmp\", \"tmpfs\", 0, NULL)"));
        Assert.Equal("EPERM", h.R("p2 mount(\"none\", \"/tmp/\", \"tmpfs\", 0, NULL)"));
    }
}
