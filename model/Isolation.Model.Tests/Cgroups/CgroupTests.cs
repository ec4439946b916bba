using Isolation.Model.Tests.Tasks;
using Isolation.Traces;

namespace Isolation.Model.Tests.Cgroups;

/// <summary>The cgroup v2 hierarchy: kernel/cgroup/cgroup.c cgroup_mkdir, __cgroup_procs_write, cgroup_rmdir; fs/kernfs/file.c (6.12); checked on 6.18.</summary>
public sealed class CgroupTests
{
    private readonly TestController _controller = new();

    [Fact]
    public void Mkdir_MakesADirectoryWithProcsAndControllerFiles_OwnedByTheCreator()
    {
        var h = Harness();
        Assert.Equal("0", h.R("p1 setresgid(0, 7, 0)"));
        Assert.Equal("0", h.R("p1 mkdir(\"/sys/fs/cgroup/c1\", 0750)"));
        var dir = h.Kernel.Cgroups.Root.Children["c1"].Directory;
        Assert.Equal(0x41E8, dir.Mode);
        Assert.Equal(7, dir.Gid);
        Assert.Equal("3", h.R("p1 openat(AT_FDCWD, \"/sys/fs/cgroup/c1/cgroup.procs\", O_RDONLY)"));
        Assert.Equal("4", h.R("p1 openat(AT_FDCWD, \"/sys/fs/cgroup/c1/test.value\", O_RDWR)"));
        Assert.Equal("EEXIST", h.R("p1 mkdir(\"/sys/fs/cgroup/c1/test.value\", 0755)"));
    }

    [Fact]
    public void MkdirInTheRoot_AsUser_IsEACCES_AndWithANewline_IsEINVAL()
    {
        Assert.Equal("EACCES", new ProcHarness(1000, new TestController.Module(_controller)).R("p1 mkdir(\"/sys/fs/cgroup/c1\", 0755)"));
        Assert.Equal("EINVAL", Harness().R("p1 mkdir(\"/sys/fs/cgroup/a\\nb\", 0755)"));
    }

    [Fact]
    public void CssAllocError_FailsTheMkdir_AndNothingIsMade()
    {
        var h = Harness();
        _controller.AllocError = Errno.EPERM;
        Assert.Equal("EPERM", h.R("p1 mkdir(\"/sys/fs/cgroup/c1\", 0755)"));
        Assert.Empty(h.Kernel.Cgroups.Root.Children);
        Assert.Equal("ENOENT", h.R("p1 openat(AT_FDCWD, \"/sys/fs/cgroup/c1/cgroup.procs\", O_RDONLY)"));
    }

    [Fact]
    public void WritingZeroToProcs_MovesTheWriter_AndItsLaterChildren()
    {
        var h = Harness();
        h.Setup("p1 mkdir(\"/sys/fs/cgroup/c1\", 0755)", "p1 openat(AT_FDCWD, \"/sys/fs/cgroup/c1/cgroup.procs\", O_RDWR)");
        Assert.Equal("2", h.R("p1 write(3, \"0\\n\", 2)"));
        Assert.Equal("/c1", h.Kernel.Cgroups.CgroupOf(h.P(1)).Path);
        Assert.Equal("p2", h.R("p1 fork()"));
        Assert.Equal("/c1", h.Kernel.Cgroups.CgroupOf(h.P(2)).Path);
        h.Setup("p1 openat(AT_FDCWD, \"/sys/fs/cgroup/c1/cgroup.procs\", O_RDONLY)");
        Assert.Equal("\"101\\n102\\n\"", ProcHarness.Output(h.Run("p1 read(4, \"\", 64)"), 1));
        Assert.Equal(1, _controller.Attaches);
    }

    [Fact]
    public void ControlFileWrite_AdvancesThePosition_ForAReadOnTheSameDescriptor()
    {
        var h = Harness();
        h.Setup("p1 mkdir(\"/sys/fs/cgroup/c1\", 0755)", "p1 openat(AT_FDCWD, \"/sys/fs/cgroup/c1/cgroup.procs\", O_RDWR)");
        Assert.Equal("2", h.R("p1 write(3, \"0\\n\", 2)"));
        Assert.Equal("\"1\\n\"", ProcHarness.Output(h.Run("p1 read(3, \"\", 64)"), 1));
    }

    [Theory]
    [InlineData("abc", "EINVAL")]
    [InlineData("-1", "EINVAL")]
    [InlineData("99999", "ESRCH")]
    [InlineData(" 0 \\n", "4")]
    [InlineData("0x0", "3")]
    [InlineData("", "0")]
    public void ProcsWrite_ParsesThePidAsKstrtoint(string text, string expected)
    {
        var h = Harness();
        h.Setup("p1 mkdir(\"/sys/fs/cgroup/c1\", 0755)", "p1 openat(AT_FDCWD, \"/sys/fs/cgroup/c1/cgroup.procs\", O_WRONLY)");
        var length = System.Text.RegularExpressions.Regex.Unescape(text).Length;
        Assert.Equal(expected, h.R($"p1 write(3, \"{text}\", {length})"));
    }

    [Fact]
    public void ProcsWrite_ChecksTheOpenersCredentials_NotTheWriters()
    {
        var h = Harness();
        h.Setup("p1 mkdir(\"/sys/fs/cgroup/c1\", 0755)", "p1 openat(AT_FDCWD, \"/sys/fs/cgroup/c1/cgroup.procs\", O_WRONLY)", "p1 setresuid(1000, 1000, 1000)");
        Assert.Equal("EACCES", h.R("p1 openat(AT_FDCWD, \"/sys/fs/cgroup/c1/cgroup.procs\", O_WRONLY)"));
        Assert.Equal("1", h.R("p1 write(3, \"0\", 1)"));
        Assert.Equal("/c1", h.Kernel.Cgroups.CgroupOf(h.P(1)).Path);
    }

    [Fact]
    public void CanAttachError_FailsTheWrite_ButAMoveToTheSameCgroupAsksNobody()
    {
        var h = Harness();
        h.Setup("p1 mkdir(\"/sys/fs/cgroup/c1\", 0755)", "p1 openat(AT_FDCWD, \"/sys/fs/cgroup/c1/cgroup.procs\", O_WRONLY)", "p1 openat(AT_FDCWD, \"/sys/fs/cgroup/cgroup.procs\", O_WRONLY)");
        _controller.AttachError = Errno.EPERM;
        Assert.Equal("EPERM", h.R("p1 write(3, \"0\", 1)"));
        Assert.Equal("/", h.Kernel.Cgroups.CgroupOf(h.P(1)).Path);
        Assert.Equal("1", h.R("p1 write(4, \"0\", 1)"));
        Assert.Equal(1, _controller.Attaches);
    }

    [Fact]
    public void Rmdir_WhilePopulated_IsEBUSY_AfterwardsItsFilesAreENODEV()
    {
        var h = Harness();
        h.Setup(
            "p1 mkdir(\"/sys/fs/cgroup/c1\", 0755)",
            "p1 openat(AT_FDCWD, \"/sys/fs/cgroup/c1/test.value\", O_RDWR)",
            "p1 fork()",
            "p2 openat(AT_FDCWD, \"/sys/fs/cgroup/c1/cgroup.procs\", O_WRONLY)",
            "p2 write(4, \"0\", 1)");
        Assert.Equal("EBUSY", h.R("p1 rmdir(\"/sys/fs/cgroup/c1\")"));
        h.Setup("p2 exit_group(0)");
        Assert.Equal("0", h.R("p1 rmdir(\"/sys/fs/cgroup/c1\")"));
        Assert.Equal(1, _controller.Frees);
        Assert.Equal("ENODEV", h.R("p1 write(3, \"x\", 1)"));
        Assert.Equal("ENODEV", h.R("p1 read(3, \"\", 8)"));
    }

    [Fact]
    public void ControllerFile_WritesOverAPage_AreE2BIG_EmptyWritesAreZero_ErrorsPassThrough()
    {
        var h = Harness();
        h.Setup("p1 mkdir(\"/sys/fs/cgroup/c1\", 0755)", "p1 openat(AT_FDCWD, \"/sys/fs/cgroup/c1/test.value\", O_RDWR)");
        Assert.Equal("E2BIG", h.R($"p1 write(3, \"{new string('a', 4097)}\", 4097)"));
        Assert.Equal("4096", h.R($"p1 write(3, \"{new string('a', 4096)}\", 4096)"));
        Assert.Equal("0", h.R("p1 write(3, \"\", 0)"));
        Assert.Equal("EINVAL", h.R("p1 write(3, \"!\", 1)"));
    }

    private ProcHarness Harness() => new(0, new TestController.Module(_controller));
}
