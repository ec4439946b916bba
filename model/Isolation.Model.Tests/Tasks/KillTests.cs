using Isolation.Model.Kernel.Channels;
using Isolation.Traces;
using Isolation.Traces.Syntax;

namespace Isolation.Model.Tests.Tasks;

/// <summary>kill, tkill, tgkill and dispositions: kernel/signal.c check_kill_permission, prepare_signal, do_sigaction (6.12).</summary>
public sealed class KillTests
{
    [Fact]
    public void Kill_WithASignalIgnoredAtStart_LeavesTheTargetRunning()
    {
        var h = Pair(1000);
        Assert.Equal("0", h.R("p1 kill(p2, SIGUSR1)"));
        Assert.True(h.P(2).IsAlive);
        Assert.Contains(h.Kernel.Channels, c => c.Kind == ChannelKind.Signal && c.Via == "SIGUSR1");
    }

    [Fact]
    public void Kill_WithAFatalSignal_LeavesAZombie()
    {
        var h = Pair(1000);
        Assert.Equal("0", h.R("p1 kill(p2, SIGTERM)"));
        Assert.True(h.P(2).IsZombie);
        Assert.Equal(15, h.P(2).KilledBySignal);
        Assert.Equal("0", h.R("p1 kill(p2, SIGKILL)"));
        Assert.Equal("0", h.R("p1 kill(p2, 0)"));
    }

    [Fact]
    public void Kill_DefaultIgnoredSignal_DoesNothing()
    {
        var h = Pair(0);
        Assert.Equal("0", h.R("p1 kill(p2, SIGCHLD)"));
        Assert.Equal("0", h.R("p1 kill(p2, SIGWINCH)"));
        Assert.True(h.P(2).IsAlive);
    }

    [Fact]
    public void Kill_WithAnInvalidSignal_IsEINVAL()
    {
        var h = Pair(0);
        Assert.Equal("EINVAL", h.R("p1 kill(p2, 65)"));
    }

    [Fact]
    public void Kill_AnotherUsersProcess_IsEPERM_ExceptSigcont()
    {
        var h = Pair(0);
        h.Setup("p2 setresuid(1000, 1000, 1000)");
        Assert.Equal("EPERM", h.R("p2 kill(p1, SIGUSR1)"));
        Assert.Equal("EPERM", h.R("p2 kill(p1, 0)"));
        Assert.Equal("0", h.R("p2 kill(p1, SIGCONT)"));
        Assert.Equal("0", h.R("p1 kill(p2, SIGUSR1)"));
    }

    [Fact]
    public void Kill_MatchesTheSendersRealUidAgainstTheTargetsSavedUid()
    {
        var h = Pair(0);
        h.Setup("p1 setresuid(1000, 2000, 0)", "p2 setresuid(3000, 3000, 1000)");
        Assert.Equal("0", h.R("p1 kill(p2, SIGUSR2)"));
    }

    [Fact]
    public void Kill_AReapedProcess_IsESRCH()
    {
        var h = new ProcHarness();
        h.Setup("p1 rt_sigaction(SIGCHLD, {sa_handler=SIG_IGN, sa_mask=[], sa_flags=0}, NULL, 8)", "p1 fork()", "p1 kill(p2, SIGKILL)");
        Assert.Equal("ESRCH", h.R("p1 kill(p2, 0)"));
        Assert.Equal("ESRCH", h.R("p1 kill(p2, 65)"));
    }

    [Fact]
    public void Kill_OneselfWithSigkill_DoesNotReturn_WithSigterm_ReturnsFirst()
    {
        var h = Pair(0);
        Assert.Equal("?", h.R("p2 kill(p2, SIGKILL)"));
        Assert.True(h.P(2).IsZombie);
        Assert.Equal("0", h.R("p1 kill(p1, SIGTERM)"));
        Assert.True(h.P(1).IsZombie);
    }

    [Fact]
    public void Kill_RefusedByTaskKill_SendsNothing()
    {
        var module = new TestModule((hooks, m) => hooks.TaskKill.Add(m, (_, _, sig) => sig == 15 ? Errno.EACCES : Errno.None));
        var h = new ProcHarness(0, module);
        h.Setup("p1 fork()");
        Assert.Equal("EACCES", h.R("p1 kill(p2, SIGTERM)"));
        Assert.True(h.P(2).IsAlive);
        Assert.DoesNotContain(h.Kernel.Channels, c => c.Kind == ChannelKind.Signal);
    }

    [Fact]
    public void Sigstop_HoldsAFatalSignalUntilSigcont()
    {
        var h = Pair(0);
        h.Setup("p1 kill(p2, SIGSTOP)");
        Assert.True(h.P(2).Stopped);
        h.Setup("p1 kill(p2, SIGTERM)");
        Assert.True(h.P(2).IsAlive);
        h.Setup("p1 kill(p2, SIGCONT)");
        Assert.True(h.P(2).IsZombie);
        Assert.Equal(15, h.P(2).KilledBySignal);
    }

    [Fact]
    public void Sigkill_KillsAStoppedTask()
    {
        var h = Pair(0);
        h.Setup("p1 kill(p2, SIGSTOP)", "p1 kill(p2, SIGKILL)");
        Assert.True(h.P(2).IsZombie);
        Assert.False(h.P(2).Stopped);
    }

    [Fact]
    public void Tgkill_ToAThreadOfAnotherGroup_IsESRCH_AndTkillChecksTheId()
    {
        var h = Pair(0);
        Assert.Equal("ESRCH", h.R("p1 tgkill(p1, p2, SIGUSR1)"));
        Assert.Equal("0", h.R("p1 tgkill(p2, p2, 0)"));
        Assert.Equal("EINVAL", h.R("p1 tkill(0, SIGUSR1)"));
        Assert.Equal("0", h.R("p1 tkill(p2, SIGUSR2)"));
    }

    [Fact]
    public void KillToAProcessGroup_CannotBeAnswered()
    {
        var h = Pair(0);
        Assert.Throws<TraceException>(() => h.Run("p1 kill(0, SIGUSR1)"));
    }

    [Fact]
    public void RtSigaction_CannotChangeSigkillOrSigstop()
    {
        var h = Pair(0);
        Assert.Equal("EINVAL", h.R("p1 rt_sigaction(SIGKILL, {sa_handler=SIG_IGN, sa_mask=[], sa_flags=0}, NULL, 8)"));
        Assert.Equal("EINVAL", h.R("p1 rt_sigaction(SIGUSR1, {sa_handler=SIG_IGN, sa_mask=[], sa_flags=0}, NULL, 4)"));
        Assert.Equal("0", h.R("p1 rt_sigaction(SIGKILL, NULL, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8)"));
    }

    [Fact]
    public void RtSigaction_RestoringTheDefault_MakesSigusr1Fatal_AndReportsTheOldAction()
    {
        var h = Pair(0);
        var outcome = h.Run("p2 rt_sigaction(SIGUSR1, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8)");
        Assert.Equal("{sa_handler=SIG_IGN, sa_mask=[], sa_flags=0}", ProcHarness.Output(outcome, 2));
        h.Setup("p1 kill(p2, SIGUSR1)");
        Assert.True(h.P(2).IsZombie);
    }

    [Fact]
    public void RtSigaction_WithAHandler_CannotBeAnswered()
    {
        var h = Pair(0);
        Assert.Throws<TraceException>(() => h.Run("p1 rt_sigaction(SIGTERM, {sa_handler=0x401136, sa_mask=[], sa_flags=SA_RESTORER}, NULL, 8)"));
    }

    [Fact]
    public void CapKill_OverTheTargetsNamespace_AllowsSignallingAnotherUser()
    {
        var h = new ProcHarness();
        h.Setup("p1 fork()", "p2 setresuid(1000, 1000, 1000)", "p2 unshare(CLONE_NEWUSER)", "p2 fork()");
        h.P(3).Cred = h.P(3).Cred with { Uid = 2000, Suid = 2000, Euid = 2000 };
        Assert.Equal("0", h.R("p2 kill(p3, SIGUSR1)"));
        Assert.Equal("EPERM", h.R("p2 kill(p1, SIGUSR1)"));
    }

    private static ProcHarness Pair(int user)
    {
        var h = new ProcHarness(user);
        h.Setup("p1 fork()");
        return h;
    }
}
