using Isolation.Traces.Syntax;
using static Isolation.Traces.Tests.TraceText;

namespace Isolation.Traces.Tests;

/// <summary>Raw strace output, captured on this machine (Fixtures/) or written like it.</summary>
public sealed class StraceInputTests
{
    [Theory]
    [InlineData("fork_kill.strace")]
    [InlineData("sig.strace")]
    [InlineData("stderr.strace")]
    [InlineData("nof.strace")]
    public void CapturedTrace_ReadsAndPrintsToAFixedPoint(string name)
    {
        var file = TraceParser.ReadFile(Fixtures.PathOf(name));
        Assert.NotEmpty(file.Events);
        Assert.Equal(ProcessNames.First, file.Events.First().Process);
        string printed = TracePrinter.Print(file);
        Assert.StartsWith(Magic, printed, StringComparison.Ordinal);
        Assert.Equal(printed, TracePrinter.Print(TraceParser.Parse(printed, "printed.trace")));
    }

    [Fact]
    public void ForkKillCapture_MapsPidsToLogicalNames()
    {
        var events = TraceParser.ReadFile(Fixtures.PathOf("fork_kill.strace")).Events.ToList();
        var clones = events.Where(e => e.Call == "clone").ToList();
        Assert.Equal(["p2", "p3"], clones.Select(e => Assert.IsType<ProcessResult>(e.Result).Process));
        Assert.Equal("p1 kill(p3, SIGKILL) = 0", TracePrinter.PrintEvent(events.Single(e => e.Call == "kill" && e.Args[1] is SymbolExpr { Name: "SIGKILL" })));
        Assert.Equal("p1 kill(p4, 0) = -1 ESRCH (No such process)", TracePrinter.PrintEvent(events.Single(e => e.Call == "kill" && e.Args[1] is IntExpr)));
        Assert.Equal("p1 wait4(p2, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = 8981", TracePrinter.PrintEvent(events.First(e => e.Call == "wait4")));
        Assert.Equal("p2 gettid() = 8981", TracePrinter.PrintEvent(events.First(e => e.Process == "p2" && e.Call == "gettid")));
    }

    [Fact]
    public void SplitCall_IsJoinedWhereItStarted()
    {
        var events = TraceParser.ReadFile(Fixtures.PathOf("fork_kill.strace")).Events.ToList();
        int accept = events.FindIndex(e => e.Call == "accept4");
        Assert.Equal("p1 accept4(3, {sa_family=AF_UNIX}, [110 => 2], SOCK_CLOEXEC) = 4", TracePrinter.PrintEvent(events[accept]));
        Assert.Equal("p2", events[accept + 1].Process);
        Assert.Equal("set_robust_list", events[accept + 1].Call);
    }

    [Fact]
    public void CallOfAKilledProcess_HasUnknownResult()
    {
        var events = TraceParser.ReadFile(Fixtures.PathOf("fork_kill.strace")).Events.ToList();
        Assert.Equal("p3 gettid() = ?", TracePrinter.PrintEvent(events.Single(e => e.Process == "p3" && e.Call == "gettid")));
    }

    [Fact]
    public void ThreadAndForkAfterIt_GetNamesInOrderOfCreation()
    {
        var file = TraceParser.ReadFile(Fixtures.PathOf("sig.strace"));
        var events = file.Events.ToList();
        Assert.Equal("p2", Assert.IsType<ProcessResult>(events.Single(e => e.Call == "clone3").Result).Process);
        int clone = events.FindIndex(e => e.Call == "clone");
        Assert.Equal("p3", Assert.IsType<ProcessResult>(events[clone].Result).Process);
        Assert.DoesNotContain(events.Take(clone), e => e.Process == "p3");
        Assert.Equal("p1 kill(p1, SIGUSR1) = 0", TracePrinter.PrintEvent(events.Single(e => e.Call == "kill")));
        Assert.Contains(file.Lines.OfType<NoteLine>(), n => n.Process == "p1" && n.Text.StartsWith("--- SIGUSR1 {", StringComparison.Ordinal));
    }

    [Fact]
    public void StraceOnATerminal_GivesUnprefixedLinesToTheOnlyLiveProcess()
    {
        var file = TraceParser.ReadFile(Fixtures.PathOf("stderr.strace"));
        var events = file.Events.ToList();
        Assert.Equal("p1 getpid() = 9190", TracePrinter.PrintEvent(events.First(e => e.Call == "getpid")));
        Assert.Equal("p1 rt_sigsuspend([], 8) = ? ERESTARTNOHAND (To be restarted if no handler)", TracePrinter.PrintEvent(events.Single(e => e.Call == "rt_sigsuspend")));
        Assert.Equal(["p1", "p2"], events.Select(e => e.Process).Distinct());
        Assert.Equal(" strace: Process 9191 attached", file.Lines.OfType<CommentLine>().Single().Text);
        Assert.Equal("p1", events[^1].Process);
    }

    [Fact]
    public void StraceWithoutFollowForks_IsAllP1() =>
        Assert.All(TraceParser.ReadFile(Fixtures.PathOf("nof.strace")).Events, e => Assert.Equal("p1", e.Process));

    [Fact]
    public void BracketedPidsWithPadding_AreRead()
    {
        var f = Parse("clone(child_stack=NULL, flags=SIGCHLD) = 4001\n[pid  4001] getppid() = 4000\n[pid  4000] wait4(4001, NULL, 0, NULL) = 4001\n");
        Assert.Equal(["p1", "p2", "p1"], f.Events.Select(e => e.Process));
        Assert.Equal("p1 wait4(p2, NULL, 0, NULL) = 4001", TracePrinter.PrintEvent(f.Events.Last()));
    }

    [Fact]
    public void CallThatNeverResumes_EndsWithUnknownResult()
    {
        var f = Parse("100 read(0, <unfinished ...>\n100 +++ killed by SIGKILL +++\n200 wait4(-1,  <unfinished ...>\n");
        Assert.Equal(["p1 read(0, ...) = ?", "p1 +++ killed by SIGKILL +++", "p2 wait4(-1, ...) = ?"], f.Lines.Select(TracePrinter.PrintLine));
    }

    [Fact]
    public void ResumedUnfinished_MeansTheProcessDiedInTheCall()
    {
        var f = Parse("100 nanosleep({tv_sec=10, tv_nsec=0},  <unfinished ...>\n100 <... nanosleep resumed> <unfinished ...>) = ?\n100 +++ killed by SIGKILL +++\n");
        Assert.Equal("p1 nanosleep({tv_sec=10, tv_nsec=0}, ...) = ?", TracePrinter.PrintLine(f.Lines[0]));
    }

    [Fact]
    public void PidArguments_BecomeLogicalNames()
    {
        var f = Parse(string.Join('\n',
            "10 fork() = 11",
            "10 tgkill(11, 11, SIGUSR1) = 0",
            "10 ptrace(PTRACE_ATTACH, 11) = 0",
            "10 waitid(P_PID, 11, NULL, WEXITED, NULL) = 0",
            "10 waitid(P_ALL, 11, NULL, WEXITED, NULL) = 0",
            "10 setpriority(PRIO_PROCESS, 11, 5) = 0",
            "10 setpriority(PRIO_PGRP, 11, 5) = 0",
            "10 prlimit64(11, RLIMIT_NOFILE, NULL, NULL) = 0",
            "10 kill(0, SIGTERM) = 0",
            "10 kill(-1, SIGTERM) = 0",
            "10 kill(-11, SIGTERM) = 0",
            "10 pidfd_open(12, 0) = 3",
            "") + "\n");
        Assert.Equal(
            [
                "p1 fork() = p2",
                "p1 tgkill(p2, p2, SIGUSR1) = 0",
                "p1 ptrace(PTRACE_ATTACH, p2) = 0",
                "p1 waitid(P_PID, p2, NULL, WEXITED, NULL) = 0",
                "p1 waitid(P_ALL, 11, NULL, WEXITED, NULL) = 0",
                "p1 setpriority(PRIO_PROCESS, p2, 5) = 0",
                "p1 setpriority(PRIO_PGRP, 11, 5) = 0",
                "p1 prlimit64(p2, RLIMIT_NOFILE, NULL, NULL) = 0",
                "p1 kill(0, SIGTERM) = 0",
                "p1 kill(-1, SIGTERM) = 0",
                "p1 kill(-11, SIGTERM) = 0",
                "p1 pidfd_open(p3, 0) = 3",
            ],
            f.Events.Select(TracePrinter.PrintEvent));
    }

    [Fact]
    public void PidReusedAfterExit_GetsANewName()
    {
        var f = Parse("10 vfork() = 11\n11 exit_group(0) = ?\n11 +++ exited with 0 +++\n10 fork() = 11\n11 getpid() = 11\n");
        Assert.Equal(["p1", "p2", "p1", "p3"], f.Events.Select(e => e.Process));
        Assert.Equal("p3", Assert.IsType<ProcessResult>(f.Events.ElementAt(2).Result).Process);
    }

    [Fact]
    public void ErrorInResumedPart_PointsAtThePhysicalLine()
    {
        var d = Error("42 read(3,  <unfinished ...>\n43 getpid() = 43\n42 <... read resumed>\"abc, 10) = 3\n");
        Assert.Equal((3, 22), (d.Span.Line, d.Span.Column));
        Assert.Contains("unterminated string", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorInPrefixedLine_CountsColumnsFromTheLineStart()
    {
        var d = Error("[pid  42] socket(AF_UNIX, SOCK_STREAM, 0) = -1 EBOGUS\n");
        Assert.Equal((1, 48), (d.Span.Line, d.Span.Column));
    }

    [Theory]
    [InlineData("12:34:56.789012 getpid() = 1\n", 1, 1, "timestamps")]
    [InlineData("1700000000.123456 getpid() = 1\n", 1, 1, "timestamps")]
    [InlineData("42 12:34:56 getpid() = 1\n", 1, 4, "timestamps")]
    [InlineData("42 getpid() = 42 <0.000012>\n", 1, 18, "strace -T")]
    [InlineData("[pid 12] <... read resumed>) = 0\n", 1, 10, "without an earlier unfinished read call")]
    [InlineData("1 read(3, <unfinished ...>\n1 <... write resumed>) = 0\n", 2, 3, "the unfinished call of this process is read (line 1)")]
    [InlineData("[pid x] getpid() = 1\n", 1, 6, "expected a pid")]
    [InlineData("42 <... read\n", 1, 4, "expected '<... name resumed>'")]
    public void UnsupportedRawForms_AreRefusedClearly(string text, int line, int column, string reason)
    {
        var d = Error(text);
        Assert.Equal((line, column), (d.Span.Line, d.Span.Column));
        Assert.Contains(reason, d.Message, StringComparison.Ordinal);
    }
}
