using Isolation.Model.Abi;
using Isolation.Model.Kernel.Tasks;
using Isolation.Traces;
using Isolation.Traces.Syntax;

namespace Isolation.Model.Tests.Tasks;

/// <summary>fork, vfork, clone and clone3: kernel/fork.c copy_process (6.12).</summary>
public sealed class ForkTests
{
    [Fact]
    public void Fork_NamesChildP2_WithParentsCredsDescriptorsAndSignals()
    {
        var h = new ProcHarness(user: 1000);
        Assert.Equal("p2", h.R("p1 fork()"));
        var (p1, p2) = (h.P(1), h.P(2));
        Assert.Equal(p1, p2.Parent);
        Assert.Equal(p1.Cred, p2.Cred);
        Assert.Equal(p1.Files.Numbers, p2.Files.Numbers);
        Assert.Equal(p1.Files.Get(0), p2.Files.Get(0));
        Assert.Equal(p1.IgnoredSignals.Order(), p2.IgnoredSignals.Order());
        Assert.Equal(p1.NetNs, p2.NetNs);
    }

    [Fact]
    public void Fork_CopiesDumpableNoNewPrivsRlimitsAndNice()
    {
        var h = new ProcHarness(user: 1000);
        h.Setup(
            "p1 prctl(PR_SET_DUMPABLE, SUID_DUMP_DISABLE)",
            "p1 prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)",
            "p1 setrlimit(RLIMIT_NOFILE, {rlim_cur=10, rlim_max=20})",
            "p1 setpriority(PRIO_PROCESS, 0, 7)",
            "p1 fork()");
        var p2 = h.P(2);
        Assert.Equal(0, p2.Dumpable);
        Assert.True(p2.NoNewPrivs);
        Assert.Equal((10UL, 20UL), ResourceLimits.Get(p2, Rlimits.NoFile));
        Assert.Equal(7, p2.Nice);
    }

    [Fact]
    public void Fork_RefusedByTaskAlloc_MakesNoProcess()
    {
        var refuse = true;
        var module = new TestModule((hooks, m) => hooks.TaskAlloc.Add(m, (_, _, _) => refuse ? Errno.EAGAIN : Errno.None));
        var h = new ProcHarness(0, module);
        Assert.Equal("EAGAIN", h.R("p1 fork()"));
        Assert.Single(h.Kernel.Tasks);
        refuse = false;
        Assert.Equal("p2", h.R("p1 fork()"));
    }

    [Fact]
    public void CloneNewNet_AsRoot_GivesTheChildAFreshNamespace()
    {
        var h = new ProcHarness();
        Assert.Equal("p2", h.R("p1 clone(child_stack=NULL, flags=CLONE_NEWNET|SIGCHLD)"));
        Assert.NotEqual(h.P(1).NetNs, h.P(2).NetNs);
        Assert.Equal(h.Kernel.InitUserNs, h.P(2).NetNs.Owner);
    }

    [Fact]
    public void CloneNewNet_AsUser_IsEPERM_AndTheChildNeverExists()
    {
        var h = new ProcHarness(user: 1000);
        Assert.Equal("EPERM", h.R("p1 clone(child_stack=NULL, flags=CLONE_NEWNET|SIGCHLD)"));
        Assert.Single(h.Kernel.Tasks);
    }

    [Fact]
    public void CloneNewUserAndNewNet_AsUser_MakesTheNetNamespaceInsideTheNewUserNamespace()
    {
        var h = new ProcHarness(user: 1000);
        Assert.Equal("p2", h.R("p1 clone(child_stack=NULL, flags=CLONE_NEWUSER|CLONE_NEWNET|SIGCHLD)"));
        var p2 = h.P(2);
        Assert.Equal(p2.Cred.UserNs, p2.NetNs.Owner);
        Assert.Equal(h.Kernel.InitUserNs, p2.Cred.UserNs.Parent);
        Assert.Equal(CapSetFull, p2.Cred.Effective.Bits);
        Assert.Equal(h.Kernel.InitUserNs, h.P(1).Cred.UserNs);
    }

    [Theory]
    [InlineData("CLONE_NEWNS|CLONE_FS|SIGCHLD")]
    [InlineData("CLONE_NEWUSER|CLONE_FS|SIGCHLD")]
    [InlineData("CLONE_THREAD|SIGCHLD")]
    [InlineData("CLONE_SIGHAND|SIGCHLD")]
    public void Clone_InconsistentFlags_IsEINVAL(string flags)
    {
        var h = new ProcHarness();
        Assert.Equal("EINVAL", h.R($"p1 clone(child_stack=NULL, flags={flags})"));
    }

    [Fact]
    public void CloneNewIpcWithSysvsem_IsEINVAL()
    {
        var h = new ProcHarness();
        Assert.Equal("EINVAL", h.R("p1 clone(child_stack=NULL, flags=CLONE_NEWIPC|CLONE_SYSVSEM|SIGCHLD)"));
    }

    [Fact]
    public void CloneFiles_IsAScenarioTheModelCannotAnswer()
    {
        var h = new ProcHarness();
        var e = Assert.Throws<TraceException>(() => h.Run("p1 clone(child_stack=NULL, flags=CLONE_FILES|SIGCHLD)"));
        Assert.Contains("CLONE_FILES", e.Message);
    }

    [Fact]
    public void GlibcForkClone_WithTidPointers_IsAFork()
    {
        var h = new ProcHarness();
        Assert.Equal("p2", h.R("p1 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f34a836aa10)"));
    }

    [Fact]
    public void Clone3NewIpc_GivesTheChildAFreshIpcNamespace()
    {
        var h = new ProcHarness();
        Assert.Equal("p2", h.R("p1 clone3({flags=CLONE_NEWIPC, exit_signal=SIGCHLD, stack=NULL, stack_size=0}, 88)"));
        Assert.NotEqual(h.P(1).IpcNs, h.P(2).IpcNs);
    }

    [Theory]
    [InlineData("{flags=SIGCHLD, exit_signal=SIGCHLD, stack=NULL, stack_size=0}, 88")]
    [InlineData("{flags=CLONE_DETACHED, exit_signal=SIGCHLD, stack=NULL, stack_size=0}, 88")]
    [InlineData("{flags=0, exit_signal=SIGCHLD, stack=NULL, stack_size=0}, 32")]
    public void Clone3_BadArguments_IsEINVAL(string args)
    {
        var h = new ProcHarness();
        Assert.Equal("EINVAL", h.R($"p1 clone3({args})"));
    }

    [Fact]
    public void Vfork_RunsAsAFork()
    {
        var h = new ProcHarness();
        Assert.Equal("p2", h.R("p1 vfork()"));
        Assert.Equal("0", h.R("p2 getuid()"));
        Assert.True(h.P(1).IsAlive);
    }

    [Fact]
    public void Fork_WithResetOnFork_ChildGetsTheNormalPolicy()
    {
        var h = new ProcHarness();
        h.Setup("p1 sched_setscheduler(0, SCHED_FIFO|SCHED_RESET_ON_FORK, [10])", "p1 fork()");
        Assert.Equal(Scheduling.Normal, h.P(2).SchedPolicy);
        Assert.Equal(Scheduling.Fifo | Scheduling.ResetOnFork, TaskScheduling.Policy(h.P(1)));
    }

    private static ulong CapSetFull => Kernel.Creds.CapSet.Full.Bits;
}
