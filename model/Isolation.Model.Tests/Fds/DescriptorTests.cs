using Isolation.Model.Tests.Tasks;

namespace Isolation.Model.Tests.Fds;

/// <summary>close, dup, dup2, dup3, read and write: fs/file.c, fs/read_write.c (6.12); errnos checked on 6.18.</summary>
public sealed class DescriptorTests
{
    [Fact]
    public void CloseOfDescriptorNotOpen_IsEBADF()
    {
        var h = new ProcHarness();
        Assert.Equal("EBADF", h.R("p1 close(3)"));
        Assert.Equal("0", h.R("p1 close(2)"));
        Assert.Equal("EBADF", h.R("p1 close(2)"));
    }

    [Fact]
    public void Dup_TakesLowestFreeNumber()
    {
        var h = new ProcHarness();
        h.Setup("p1 close(1)");
        Assert.Equal("1", h.R("p1 dup(0)"));
        Assert.Equal("3", h.R("p1 dup(0)"));
        Assert.False(h.P(1).Files.IsCloseOnExec(3));
    }

    [Fact]
    public void Dup2OntoItself_ReturnsItIfOpen_ElseEBADF()
    {
        var h = new ProcHarness();
        Assert.Equal("2", h.R("p1 dup2(2, 2)"));
        Assert.Equal("EBADF", h.R("p1 dup2(55, 55)"));
    }

    [Fact]
    public void Dup2ToNumberAtOrAboveNofileLimit_IsEBADF()
    {
        var h = new ProcHarness();
        Assert.Equal("EBADF", h.R("p1 dup2(0, 1024)"));
        Assert.Equal("EBADF", h.R("p1 dup2(0, -1)"));
        Assert.Equal("1023", h.R("p1 dup2(0, 1023)"));
    }

    [Fact]
    public void Dup3OntoItself_IsEINVAL_EvenWhenOpen()
    {
        var h = new ProcHarness();
        Assert.Equal("EINVAL", h.R("p1 dup3(1, 1, O_CLOEXEC)"));
        Assert.Equal("EINVAL", h.R("p1 dup3(1, 5, O_NONBLOCK)"));
    }

    [Fact]
    public void Dup3WithCloexec_SetsTheFlagOnTheNewNumberOnly()
    {
        var h = new ProcHarness();
        Assert.Equal("20", h.R("p1 dup3(1, 20, O_CLOEXEC)"));
        Assert.True(h.P(1).Files.IsCloseOnExec(20));
        Assert.False(h.P(1).Files.IsCloseOnExec(1));
    }

    [Fact]
    public void Dup2OverOpenDescriptor_ReleasesTheOldFileOnlyWhenLastReference()
    {
        var h = new ProcHarness();
        h.Setup("p1 open(\"/tmp/a\", O_RDWR|O_CREAT, 0644)", "p1 open(\"/tmp/b\", O_RDWR|O_CREAT, 0644)");
        var b = h.P(1).Files.Get(4)!;
        Assert.Equal("4", h.R("p1 dup2(3, 4)"));
        Assert.Equal(0, b.References);
        Assert.Equal(2, h.P(1).Files.Get(3)!.References);
    }

    [Fact]
    public void ReadOnDescriptorOpenWriteOnly_IsEBADF_AndWriteOnReadOnly_IsEBADF()
    {
        var h = new ProcHarness();
        h.Setup("p1 open(\"/tmp/f\", O_WRONLY|O_CREAT, 0644)", "p1 open(\"/tmp/f\", O_RDONLY)");
        Assert.Equal("EBADF", h.R("p1 read(3, \"\", 5)"));
        Assert.Equal("EBADF", h.R("p1 write(4, \"x\", 1)"));
        Assert.Equal("EBADF", h.R("p1 read(9, \"\", 5)"));
    }

    [Fact]
    public void WriteThenRead_SharesThePositionOfTheOpenFile()
    {
        var h = new ProcHarness();
        h.Setup("p1 open(\"/tmp/f\", O_RDWR|O_CREAT, 0644)", "p1 dup(3)");
        Assert.Equal("5", h.R("p1 write(3, \"hello\", 5)"));
        Assert.Equal("0", h.R("p1 read(4, \"\", 10)"));
        Assert.Equal("0", h.R("p1 lseek(4, 0, SEEK_SET)"));
        var read = h.Run("p1 read(3, \"\", 10)");
        Assert.Equal("\"hello\"", ProcHarness.Output(read, 1));
        Assert.Equal("3", h.R("p1 lseek(3, -2, SEEK_END)"));
    }

    [Fact]
    public void ReadOfDirectory_IsEISDIR_AndLseekOnTerminal_IsESPIPE()
    {
        var h = new ProcHarness();
        h.Setup("p1 open(\"/tmp\", O_RDONLY|O_DIRECTORY)");
        Assert.Equal("EISDIR", h.R("p1 read(3, \"\", 10)"));
        Assert.Equal("ESPIPE", h.R("p1 lseek(0, 0, SEEK_SET)"));
    }

    [Fact]
    public void OpenWithNoFreeDescriptorBelowNofile_IsEMFILE_BeforeThePathIsLookedAt()
    {
        var h = new ProcHarness();
        h.Setup("p1 setrlimit(RLIMIT_NOFILE, {rlim_cur=3, rlim_max=3})");
        Assert.Equal("EMFILE", h.R("p1 open(\"/nonexistent\", O_RDONLY)"));
        Assert.Equal("EMFILE", h.R("p1 dup(0)"));
        Assert.Equal("EBADF", h.R("p1 dup2(0, 3)"));
    }
}
