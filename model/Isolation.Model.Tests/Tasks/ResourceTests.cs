using Isolation.Traces;

namespace Isolation.Model.Tests.Tasks;

/// <summary>Rlimits, nice values and policies: kernel/sys.c do_prlimit, set_one_prio; kernel/sched/syscalls.c (6.12).</summary>
public sealed class ResourceTests
{
    [Fact]
    public void Setpriority_LoweringNiceAsUser_IsEACCES()
    {
        var h = new ProcHarness(user: 1000);
        Assert.Equal("0", h.R("p1 setpriority(PRIO_PROCESS, 0, 5)"));
        Assert.Equal("EACCES", h.R("p1 setpriority(PRIO_PROCESS, 0, 2)"));
        Assert.Equal("15", h.R("p1 getpriority(PRIO_PROCESS, 0)"));
    }

    [Fact]
    public void Setpriority_AnotherUsersProcess_IsEPERM()
    {
        var h = new ProcHarness();
        h.Setup("p1 fork()", "p2 setresuid(1000, 1000, 1000)");
        Assert.Equal("EPERM", h.R("p2 setpriority(PRIO_PROCESS, p1, 5)"));
        Assert.Equal("0", h.R("p1 setpriority(PRIO_PROCESS, p2, -5)"));
        Assert.Equal("25", h.R("p1 getpriority(PRIO_PROCESS, p2)"));
    }

    [Fact]
    public void Setpriority_ClampsToTheNiceRange()
    {
        var h = new ProcHarness();
        h.Setup("p1 setpriority(PRIO_PROCESS, 0, 100)");
        Assert.Equal(19, h.P(1).Nice);
    }

    [Fact]
    public void Setpriority_RefusedByTaskSetnice()
    {
        var module = new TestModule((hooks, m) => hooks.TaskSetnice.Add(m, (_, _, _) => Errno.EACCES));
        var h = new ProcHarness(0, module);
        Assert.Equal("EACCES", h.R("p1 setpriority(PRIO_PROCESS, 0, 1)"));
        Assert.Equal(0, h.P(1).Nice);
    }

    [Fact]
    public void Setrlimit_RaisingTheHardLimitAsUser_IsEPERM()
    {
        var h = new ProcHarness(user: 1000);
        Assert.Equal("0", h.R("p1 setrlimit(RLIMIT_NOFILE, {rlim_cur=100, rlim_max=200})"));
        Assert.Equal("EPERM", h.R("p1 setrlimit(RLIMIT_NOFILE, {rlim_cur=100, rlim_max=201})"));
        Assert.Equal("EINVAL", h.R("p1 setrlimit(RLIMIT_NOFILE, {rlim_cur=300, rlim_max=200})"));
    }

    [Fact]
    public void Setrlimit_NofileAboveNrOpen_IsEPERMEvenForRoot()
    {
        var h = new ProcHarness();
        Assert.Equal("EPERM", h.R("p1 setrlimit(RLIMIT_NOFILE, {rlim_cur=1024, rlim_max=RLIM64_INFINITY})"));
        Assert.Equal("0", h.R("p1 setrlimit(RLIMIT_CORE, {rlim_cur=RLIM64_INFINITY, rlim_max=RLIM64_INFINITY})"));
    }

    [Fact]
    public void Getrlimit_PrintsAsStraceDoes()
    {
        var h = new ProcHarness();
        var outcome = h.Run("p1 getrlimit(RLIMIT_STACK, NULL)");
        Assert.Equal("{rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}", ProcHarness.Output(outcome, 1));
        h.Setup("p1 setrlimit(RLIMIT_CORE, {rlim_cur=2*1024, rlim_max=4*1024})");
        Assert.Equal("{rlim_cur=2*1024, rlim_max=4*1024}", ProcHarness.Output(h.Run("p1 prlimit64(0, RLIMIT_CORE, NULL, {rlim_cur=0, rlim_max=0})"), 3));
    }

    [Fact]
    public void Prlimit64_OnAnotherUsersProcess_IsEPERM()
    {
        var h = new ProcHarness();
        h.Setup("p1 fork()", "p2 setresuid(1000, 1000, 1000)");
        Assert.Equal("EPERM", h.R("p2 prlimit64(p1, RLIMIT_NOFILE, NULL, NULL)"));
        Assert.Equal("0", h.R("p1 prlimit64(p2, RLIMIT_NOFILE, {rlim_cur=1, rlim_max=2}, NULL)"));
        Assert.Equal("EINVAL", h.R("p1 prlimit64(p2, 99, NULL, NULL)"));
    }

    [Fact]
    public void Setrlimit_RefusedByTaskSetrlimit()
    {
        var module = new TestModule((hooks, m) => hooks.TaskSetrlimit.Add(m, (_, _, r, _, _) => r == 7 ? Errno.EACCES : Errno.None));
        var h = new ProcHarness(0, module);
        Assert.Equal("EACCES", h.R("p1 setrlimit(RLIMIT_NOFILE, {rlim_cur=1, rlim_max=2})"));
        Assert.Equal("0", h.R("p1 setrlimit(RLIMIT_CORE, {rlim_cur=1, rlim_max=2})"));
    }

    [Fact]
    public void SchedSetscheduler_RealTimeAsUser_IsEPERM()
    {
        var h = new ProcHarness(user: 1000);
        Assert.Equal("EPERM", h.R("p1 sched_setscheduler(0, SCHED_FIFO, [1])"));
        Assert.Equal("0", h.R("p1 sched_setscheduler(0, SCHED_BATCH, [0])"));
        Assert.Equal("3", h.R("p1 sched_getscheduler(0)"));
    }

    [Theory]
    [InlineData("SCHED_FIFO, [0]")]
    [InlineData("SCHED_OTHER, [1]")]
    [InlineData("SCHED_FIFO, [100]")]
    [InlineData("SCHED_DEADLINE, [0]")]
    [InlineData("17, [0]")]
    public void SchedSetscheduler_PriorityThatDoesNotFitThePolicy_IsEINVAL(string args)
    {
        var h = new ProcHarness();
        Assert.Equal("EINVAL", h.R($"p1 sched_setscheduler(0, {args})"));
    }

    [Fact]
    public void SchedSetscheduler_RootChangesAnotherUsersPolicy()
    {
        var h = new ProcHarness();
        h.Setup("p1 fork()", "p2 setresuid(1000, 1000, 1000)");
        Assert.Equal("0", h.R("p1 sched_setscheduler(p2, SCHED_RR, [5])"));
        Assert.Equal("EPERM", h.R("p2 sched_setscheduler(p1, SCHED_BATCH, [0])"));
    }
}
