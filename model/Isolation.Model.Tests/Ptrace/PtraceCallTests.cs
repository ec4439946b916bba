using Isolation.Model.Kernel.Channels;
using Isolation.Model.Tests.Tasks;
using Isolation.Traces;
using Isolation.Traces.Syntax;

namespace Isolation.Model.Tests.Ptrace;

/// <summary>ptrace(2) requests: kernel/ptrace.c ptrace_attach, ptrace_traceme, ptrace_check_attach, exit_ptrace (6.12).</summary>
public sealed class PtraceCallTests
{
    [Fact]
    public void Attach_ToASibling_LinksAndRecordsTheChannel()
    {
        var h = Family(1000);
        Assert.Equal("0", h.R("p2 ptrace(PTRACE_ATTACH, p3)"));
        Assert.Equal(h.P(2), h.P(3).Tracer);
        Assert.Equal(h.P(2).Cred, h.P(3).PtracerCred);
        Assert.Contains(h.Kernel.Channels, c => c.Kind == ChannelKind.Ptrace && c.From == h.P(2) && c.To == h.P(3));
    }

    [Fact]
    public void Attach_ToItself_IsEPERM()
    {
        var h = Family(0);
        Assert.Equal("EPERM", h.R("p1 ptrace(PTRACE_ATTACH, p1)"));
    }

    [Fact]
    public void Attach_ToATracedTask_IsEPERM()
    {
        var h = Family(1000);
        h.Setup("p1 ptrace(PTRACE_SEIZE, p3, NULL, 0)");
        Assert.Equal("EPERM", h.R("p2 ptrace(PTRACE_ATTACH, p3)"));
    }

    [Fact]
    public void Attach_ToAZombie_IsEPERM_AndToAReapedTask_IsESRCH()
    {
        var h = Family(0);
        h.Setup("p3 exit_group(0)");
        Assert.Equal("EPERM", h.R("p1 ptrace(PTRACE_ATTACH, p3)"));
        h.Setup("p2 rt_sigaction(SIGCHLD, {sa_handler=SIG_IGN, sa_mask=[], sa_flags=0}, NULL, 8)", "p2 fork()", "p4 exit_group(0)");
        Assert.Equal("ESRCH", h.R("p1 ptrace(PTRACE_ATTACH, p4)"));
    }

    [Fact]
    public void Attach_ToARootProcess_AsUser_IsEPERM()
    {
        var h = new ProcHarness();
        h.Setup("p1 fork()", "p2 setresuid(1000, 1000, 1000)", "p2 execve(\"/proc/self/exe\", [], NULL)");
        Assert.Equal("EPERM", h.R("p2 ptrace(PTRACE_ATTACH, p1)"));
        Assert.Equal("0", h.R("p1 ptrace(PTRACE_ATTACH, p2)"));
    }

    [Fact]
    public void Attach_ToANonDumpableTask_AsUser_IsEPERM()
    {
        var h = Family(1000);
        h.Setup("p3 prctl(PR_SET_DUMPABLE, SUID_DUMP_DISABLE)");
        Assert.Equal("EPERM", h.R("p2 ptrace(PTRACE_ATTACH, p3)"));
    }

    [Fact]
    public void Attach_AfterTheTargetDroppedPrivileges_IsEPERM_UntilItExecs()
    {
        var h = new ProcHarness();
        h.Setup("p1 fork()", "p1 fork()", "p2 setresuid(1000, 1000, 1000)", "p3 setresuid(1000, 1000, 1000)");
        Assert.Equal("EPERM", h.R("p2 ptrace(PTRACE_ATTACH, p3)"));
        h.Setup("p3 execve(\"/proc/self/exe\", [], NULL)");
        Assert.Equal("0", h.R("p2 ptrace(PTRACE_ATTACH, p3)"));
    }

    [Theory]
    [InlineData("ptrace(PTRACE_SEIZE, p3, 0x1, 0)")]
    [InlineData("ptrace(PTRACE_SEIZE, p3, NULL, 0x400)")]
    public void Seize_WithAnAddressOrAnUnknownOption_IsEIO(string call)
    {
        var h = Family(1000);
        Assert.Equal("EIO", h.R("p2 " + call));
    }

    [Fact]
    public void Traceme_MakesTheParentTheTracer_OnlyOnce()
    {
        var h = Family(1000);
        Assert.Equal("0", h.R("p2 ptrace(PTRACE_TRACEME)"));
        Assert.Equal(h.P(1), h.P(2).Tracer);
        Assert.Equal(h.P(2).Cred, h.P(2).PtracerCred);
        Assert.Equal("EPERM", h.R("p2 ptrace(PTRACE_TRACEME)"));
    }

    [Fact]
    public void Traceme_ToAParentWithFewerCapabilities_IsEPERM()
    {
        var h = new ProcHarness();
        h.Setup("p1 fork()", "p1 setresuid(1000, 1000, 1000)");
        Assert.Equal("EPERM", h.R("p2 ptrace(PTRACE_TRACEME)"));
    }

    [Fact]
    public void Traceme_RefusedByAModule()
    {
        var module = new TestModule((hooks, m) => hooks.PtraceTraceme.Add(m, (_, _) => Errno.EACCES));
        var h = new ProcHarness(1000, module);
        h.Setup("p1 fork()");
        Assert.Equal("EACCES", h.R("p2 ptrace(PTRACE_TRACEME)"));
    }

    [Fact]
    public void Traceme_ByP1_CannotBeAnswered()
    {
        var h = new ProcHarness();
        Assert.Throws<TraceException>(() => h.Run("p1 ptrace(PTRACE_TRACEME)"));
    }

    [Fact]
    public void Detach_ByTheTracer_Unlinks_AndByAnyoneElse_IsESRCH()
    {
        var h = Family(1000);
        h.Setup("p2 ptrace(PTRACE_ATTACH, p3)");
        Assert.Equal("ESRCH", h.R("p1 ptrace(PTRACE_DETACH, p3, NULL, 0)"));
        Assert.Equal("0", h.R("p2 ptrace(PTRACE_DETACH, p3, NULL, 0)"));
        Assert.Null(h.P(3).Tracer);
        Assert.Equal("ESRCH", h.R("p2 ptrace(PTRACE_DETACH, p3, NULL, 0)"));
    }

    [Fact]
    public void Detach_AZombieTracee_IsESRCH()
    {
        var h = Family(1000);
        h.Setup("p2 ptrace(PTRACE_ATTACH, p3)", "p3 exit_group(0)");
        Assert.Equal(h.P(2), h.P(3).Tracer);
        Assert.Equal("ESRCH", h.R("p2 ptrace(PTRACE_DETACH, p3, NULL, 0)"));
    }

    [Fact]
    public void Detach_WithAnInvalidSignal_IsEIO()
    {
        var h = Family(1000);
        h.Setup("p2 ptrace(PTRACE_ATTACH, p3)");
        Assert.Equal("EIO", h.R("p2 ptrace(PTRACE_DETACH, p3, NULL, 99)"));
        Assert.Throws<TraceException>(() => h.Run("p2 ptrace(PTRACE_DETACH, p3, NULL, SIGCONT)"));
    }

    [Fact]
    public void SeizeWithTraceFork_TracesTheTraceesChildrenToo()
    {
        var h = Family(1000);
        h.Setup("p2 ptrace(PTRACE_SEIZE, p3, NULL, PTRACE_O_TRACEFORK)", "p3 fork()", "p3 vfork()");
        Assert.Equal(h.P(2), h.P(4).Tracer);
        Assert.Null(h.P(5).Tracer);
    }

    [Fact]
    public void TracerExit_DetachesItsTracees_AndKillsThoseSeizedWithExitKill()
    {
        var h = Family(1000);
        h.Setup("p1 fork()", "p2 ptrace(PTRACE_ATTACH, p3)", "p2 ptrace(PTRACE_SEIZE, p4, NULL, PTRACE_O_EXITKILL)", "p2 exit_group(0)");
        Assert.Null(h.P(3).Tracer);
        Assert.True(h.P(3).IsAlive);
        Assert.True(h.P(4).IsZombie);
        Assert.Equal(9, h.P(4).KilledBySignal);
    }

    [Fact]
    public void OtherRequests_OnAnUntracedTask_AreESRCH()
    {
        var h = Family(1000);
        Assert.Equal("ESRCH", h.R("p2 ptrace(PTRACE_CONT, p3, NULL, 0)"));
        h.Setup("p2 ptrace(PTRACE_ATTACH, p3)");
        Assert.Throws<TraceException>(() => h.Run("p2 ptrace(PTRACE_CONT, p3, NULL, 0)"));
        Assert.Equal("EIO", h.R("p2 ptrace(0x4299, p3, NULL, 0)"));
    }

    // p1 with two children p2 and p3, all as one user.
    private static ProcHarness Family(int user)
    {
        var h = new ProcHarness(user);
        h.Setup("p1 fork()", "p1 fork()");
        return h;
    }
}
