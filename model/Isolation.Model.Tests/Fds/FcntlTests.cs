using Isolation.Model.Tests.Tasks;
using Isolation.Traces;
using Isolation.Traces.Syntax;

namespace Isolation.Model.Tests.Fds;

/// <summary>fcntl(2): fs/fcntl.c do_fcntl, setfl, f_dupfd, f_setown (6.12); values checked on 6.18 with strace.</summary>
public sealed class FcntlTests
{
    [Fact]
    public void GetflOfFileOpenedReadWrite_IsO_RDWR_WithO_LARGEFILE_AndWithoutO_CLOEXEC()
    {
        var h = new ProcHarness();
        h.Setup("p1 open(\"/tmp/f\", O_RDWR|O_CREAT|O_CLOEXEC, 0644)");
        var outcome = h.Run("p1 fcntl(3, F_GETFL)");
        var result = Assert.IsType<ValueResult>(outcome.Result);
        Assert.Equal(0x8002, result.Value);
        Assert.Equal("0x8002", result.Text);
        Assert.Equal("flags O_RDWR|O_LARGEFILE", result.Note);
    }

    [Fact]
    public void SetflNonblock_ChangesOnlyTheStatusFlags()
    {
        var h = new ProcHarness();
        h.Setup("p1 open(\"/tmp/f\", O_RDWR|O_CREAT, 0644)");
        Assert.Equal("0", h.R("p1 fcntl(3, F_SETFL, O_RDONLY|O_NONBLOCK)"));
        Assert.Equal("34818", h.R("p1 fcntl(3, F_GETFL)"));
        Assert.True(h.P(1).Files.Get(3)!.NonBlocking);
    }

    [Fact]
    public void SetfdAndGetfd_ToggleCloseOnExec()
    {
        var h = new ProcHarness();
        Assert.Equal("0", h.R("p1 fcntl(1, F_GETFD)"));
        Assert.Equal("0", h.R("p1 fcntl(1, F_SETFD, FD_CLOEXEC)"));
        var outcome = h.Run("p1 fcntl(1, F_GETFD)");
        Assert.Equal("flags FD_CLOEXEC", Assert.IsType<ValueResult>(outcome.Result).Note);
        Assert.Equal("0", h.R("p1 fcntl(1, F_SETFD, 0)"));
        Assert.Equal("0", h.R("p1 fcntl(1, F_GETFD)"));
    }

    [Fact]
    public void Dupfd_TakesLowestAtOrAboveTheArgument_AndCloexecVariantSetsTheFlag()
    {
        var h = new ProcHarness();
        Assert.Equal("10", h.R("p1 fcntl(1, F_DUPFD, 10)"));
        Assert.Equal("11", h.R("p1 fcntl(1, F_DUPFD_CLOEXEC, 10)"));
        Assert.True(h.P(1).Files.IsCloseOnExec(11));
        Assert.False(h.P(1).Files.IsCloseOnExec(10));
    }

    [Fact]
    public void DupfdFromAtOrAboveNofile_IsEINVAL_AndUnknownCommand_IsEINVAL()
    {
        var h = new ProcHarness();
        Assert.Equal("EINVAL", h.R("p1 fcntl(1, F_DUPFD, 100000)"));
        Assert.Equal("EINVAL", h.R("p1 fcntl(1, 9999)"));
        Assert.Equal("EBADF", h.R("p1 fcntl(7, F_GETFD)"));
    }

    [Fact]
    public void Setown_CallsFileSetFowner_AndRecordsTheOwner()
    {
        var calls = 0;
        var module = new TestModule((hooks, m) => hooks.FileSetFowner.Add(m, (_, _) => { calls++; return Errno.None; }));
        var h = new ProcHarness(0, module);
        h.Setup("p1 fork()");
        Assert.Equal("0", h.R("p1 fcntl(1, F_SETOWN, p2)"));
        Assert.Equal(1, calls);
        Assert.Equal(h.P(2), h.P(1).Files.Get(1)!.Owner!.Task);
        Assert.Equal("0", h.R("p1 fcntl(1, F_SETOWN, 0)"));
        Assert.Equal(1, calls);
        Assert.Null(h.P(1).Files.Get(1)!.Owner);
    }

    [Fact]
    public void SetownRefusedByModule_ReturnsItsError()
    {
        var module = new TestModule((hooks, m) => hooks.FileSetFowner.Add(m, (_, _) => Errno.EPERM));
        var h = new ProcHarness(0, module);
        h.Setup("p1 fork()");
        Assert.Equal("EPERM", h.R("p1 fcntl(1, F_SETOWN, p2)"));
    }

    [Fact]
    public void OpathDescriptor_AllowsGetflButNotSetflOrRead()
    {
        var h = new ProcHarness();
        h.Setup("p1 open(\"/tmp\", O_PATH)");
        Assert.Equal("0", h.R("p1 fcntl(3, F_GETFD)"));
        Assert.Equal("EBADF", h.R("p1 fcntl(3, F_SETFL, O_NONBLOCK)"));
        Assert.Equal("EBADF", h.R("p1 read(3, \"\", 1)"));
    }
}
