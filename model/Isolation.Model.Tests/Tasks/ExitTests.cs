using Isolation.Model.Abi;
using Isolation.Model.Kernel.Fds;
using Isolation.Model.Kernel.Tasks;

namespace Isolation.Model.Tests.Tasks;

/// <summary>exit_group and reaping: kernel/exit.c do_exit, exit_notify, forget_original_parent, release_task (6.12).</summary>
public sealed class ExitTests
{
    [Fact]
    public void ExitGroup_LeavesAZombieWithItsDescriptorsClosed()
    {
        var h = new ProcHarness();
        h.Setup("p1 fork()");
        var file = new OpenFile(new StdioFile(), OpenFlags.ReadWrite);
        h.P(2).Files.InstallAt(7, file, closeOnExec: false);
        Assert.Equal("?", h.R("p2 exit_group(3)"));
        Assert.Equal(TaskState.Zombie, h.P(2).State);
        Assert.Equal(3, h.P(2).ExitStatus);
        Assert.Empty(h.P(2).Files.Numbers);
        Assert.Equal(0, file.References);
        Assert.Contains(h.P(2), h.P(1).Children);
    }

    [Fact]
    public void ExitGroup_ZombieIsNotFreed_WhileNobodyWaits()
    {
        var freed = new List<string>();
        var module = new TestModule((hooks, m) => hooks.TaskFree.Add(m, t => freed.Add(t.Name)));
        var h = new ProcHarness(0, module);
        h.Setup("p1 fork()", "p2 exit_group(0)");
        Assert.Empty(freed);
        Assert.Equal("0", h.R("p1 kill(p2, 0)"));
    }

    [Fact]
    public void Exit_WhenTheParentIgnoresSigchld_IsReapedAtOnce()
    {
        var freed = new List<string>();
        var module = new TestModule((hooks, m) => hooks.TaskFree.Add(m, t => freed.Add(t.Name)));
        var h = new ProcHarness(0, module);
        h.Setup(
            "p1 rt_sigaction(SIGCHLD, {sa_handler=SIG_IGN, sa_mask=[], sa_flags=0}, NULL, 8)",
            "p1 fork()",
            "p2 exit_group(0)");
        Assert.Equal(TaskState.Dead, h.P(2).State);
        Assert.Equal(["p2"], freed);
        Assert.DoesNotContain(h.P(2), h.P(1).Children);
        Assert.Equal("ESRCH", h.R("p1 kill(p2, 0)"));
    }

    [Fact]
    public void Exit_HandsChildrenToAReaperOutsideTheScenario()
    {
        var h = new ProcHarness();
        h.Setup("p1 fork()", "p2 fork()", "p2 exit_group(0)");
        Assert.Null(h.P(3).Parent);
        Assert.Empty(h.P(2).Children);
        Assert.True(h.P(3).IsAlive);
    }

    [Fact]
    public void Exit_SendsTheParentDeathSignal()
    {
        var h = new ProcHarness();
        h.Setup("p1 fork()", "p2 fork()", "p3 prctl(PR_SET_PDEATHSIG, SIGTERM)", "p2 exit_group(0)");
        Assert.True(h.P(3).IsZombie);
        Assert.Equal(15, h.P(3).KilledBySignal);
    }

    [Fact]
    public void Exit_ParentDeathSignalIsCheckedLikeKill()
    {
        var h = new ProcHarness();
        h.Setup("p1 fork()", "p2 fork()", "p3 prctl(PR_SET_PDEATHSIG, SIGTERM)", "p2 setresuid(1000, 1000, 1000)", "p2 exit_group(0)");
        Assert.True(h.P(3).IsAlive);
    }

    [Fact]
    public void SetuidAfterPdeathsig_ClearsIt()
    {
        var h = new ProcHarness();
        h.Setup("p1 prctl(PR_SET_PDEATHSIG, SIGKILL)", "p1 setuid(1000)");
        Assert.Equal(0, h.P(1).PdeathSignal);
    }
}
