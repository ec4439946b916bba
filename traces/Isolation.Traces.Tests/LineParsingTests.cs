using Isolation.Traces.Syntax;
using static Isolation.Traces.Tests.TraceText;

namespace Isolation.Traces.Tests;

/// <summary>Header, comment, blank and note lines, and the process column.</summary>
public sealed class LineParsingTests
{
    [Fact]
    public void Header_IsReadByKey()
    {
        var f = Parse(Magic + "# scenario: v3-abstract-proxy\n# kernel: 6.12.117 (patched: prctl-network-lsm)\n# design: prctl-network-lsm\n# setup: netns\np1 getpid() = 1\n# later: not a header\n");
        Assert.Equal("v3-abstract-proxy", f.HeaderValue("scenario"));
        Assert.Equal("6.12.117 (patched: prctl-network-lsm)", f.HeaderValue("kernel"));
        Assert.Equal("netns", f.HeaderValue("setup"));
        Assert.Equal("1", f.HeaderValue("isolation-trace"));
        Assert.Null(f.HeaderValue("later"));
        Assert.Equal(" later: not a header", Assert.IsType<CommentLine>(f.Lines[^1]).Text);
    }

    [Fact]
    public void CommentsAndBlankLines_AreKeptInOrder()
    {
        var f = Parse("\n" + Magic + "\n# just a remark\np1 getpid() = 1\n");
        Assert.Equal([typeof(BlankLine), typeof(HeaderLine), typeof(BlankLine), typeof(CommentLine), typeof(EventLine)], f.Lines.Select(l => l.GetType()));
    }

    [Fact]
    public void CarriageReturnLineEnds_AreAccepted() =>
        Assert.Single(Parse("# isolation-trace 1\r\np1 getpid() = 1\r\n").Events);

    [Fact]
    public void NoteLines_BelongToTheirProcess()
    {
        var f = Parse(Magic + "p1 fork() = p2\np2 exit_group(0) = ?\np2 +++ exited with 0 +++\np1 --- SIGCHLD {si_signo=SIGCHLD, si_pid=p2} ---\n");
        var notes = f.Lines.OfType<NoteLine>().ToList();
        Assert.Equal(("p2", "+++ exited with 0 +++"), (notes[0].Process, notes[0].Text));
        Assert.Equal("--- SIGCHLD {si_signo=SIGCHLD, si_pid=p2} ---", notes[1].Text);
    }

    [Fact]
    public void ProcessNamedByAResult_MayRunCalls()
    {
        var f = Parse(Magic + "p1 fork() = p2\np2 fork() = p3\np3 getpid() = 3\np1 kill(p3, SIGUSR1) = 0\n");
        Assert.Equal(["p1", "p2", "p3", "p1"], f.Events.Select(e => e.Process));
    }

    [Fact]
    public void EventSpan_CoversTheLine()
    {
        var e = Event("p1 getpid() = 1");
        Assert.Equal(new SourceSpan(FileName, 2, 1, 15), e.Span);
    }

    [Theory]
    [InlineData("p1")]
    [InlineData("p2")]
    [InlineData("p10")]
    [InlineData("p123")]
    public void WellFormedProcessNames_AreValid(string name) => Assert.True(ProcessNames.IsValid(name));

    [Theory]
    [InlineData("p0")]
    [InlineData("p01")]
    [InlineData("p")]
    [InlineData("P1")]
    [InlineData("p1a")]
    [InlineData("1")]
    public void MalformedProcessNames_AreInvalid(string name) => Assert.False(ProcessNames.IsValid(name));

    [Fact]
    public void ReadFile_ReadsUtf8File()
    {
        string path = Path.Combine(Path.GetTempPath(), $"isolation-traces-{Guid.NewGuid():N}.trace");
        File.WriteAllText(path, Magic + "p1 write(1, \"é\", 2) = 2\n");
        try
        {
            var f = TraceParser.ReadFile(path);
            Assert.Equal(path, f.Path);
            Assert.Equal(Bytes("é"), Assert.IsType<StringExpr>(f.Events.Single().Args[1]).Bytes);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
