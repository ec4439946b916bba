using Isolation.Traces.Syntax;
using static Isolation.Traces.Tests.TraceText;

namespace Isolation.Traces.Tests;

/// <summary>The result forms after <c>=</c>.</summary>
public sealed class ResultParsingTests
{
    [Fact]
    public void DecimalValue_IsValueResult()
    {
        var r = Assert.IsType<ValueResult>(Event("p1 socket(AF_UNIX, SOCK_STREAM, 0) = 3").Result);
        Assert.Equal(3L, r.Value);
        Assert.Equal("3", r.Text);
        Assert.Null(r.Note);
        Assert.Equal(new SourceSpan(FileName, 2, 38, 1), r.Span);
    }

    [Fact]
    public void HexValueWithStraceNote_KeepsTextAndNote()
    {
        var r = Assert.IsType<ValueResult>(Event("p1 fcntl(3, F_GETFL) = 0x8000 (flags O_RDONLY|O_LARGEFILE)").Result);
        Assert.Equal(0x8000L, r.Value);
        Assert.Equal("0x8000", r.Text);
        Assert.Equal("flags O_RDONLY|O_LARGEFILE", r.Note);
    }

    [Fact]
    public void NoteWithNestedBracketsAndParens_IsKeptWhole() =>
        Assert.Equal("[{fd=3, revents=POLLIN}] (x)", Assert.IsType<ValueResult>(Event("p1 poll([{fd=3, events=POLLIN}], 1, 0) = 1 ([{fd=3, revents=POLLIN}] (x))").Result).Note);

    [Fact]
    public void ChildName_IsProcessResult() =>
        Assert.Equal("p2", Assert.IsType<ProcessResult>(Event("p1 fork() = p2").Result).Process);

    [Fact]
    public void Failure_IsErrnoWithText()
    {
        var r = Assert.IsType<ErrorResult>(Event("p1 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = -1 EPERM (Operation not permitted)").Result);
        Assert.Equal(Errno.EPERM, r.Errno);
        Assert.Equal("Operation not permitted", r.Text);
    }

    [Fact]
    public void FailureWithoutText_HasNullText()
    {
        var r = Assert.IsType<ErrorResult>(Event("p1 connect(4, {sa_family=AF_UNIX, sun_path=@\"x\"}, 4) = -1 ECONNREFUSED").Result);
        Assert.Equal(Errno.ECONNREFUSED, r.Errno);
        Assert.Null(r.Text);
    }

    [Fact]
    public void ErrnoAlias_ReadsAsLinuxName() =>
        Assert.Equal(Errno.EAGAIN, Assert.IsType<ErrorResult>(Event("p1 recvfrom(3, \"\", 1, MSG_DONTWAIT, NULL, NULL) = -1 EWOULDBLOCK").Result).Errno);

    [Fact]
    public void QuestionMark_IsUnknownResult()
    {
        var r = Assert.IsType<UnknownResult>(Event("p1 exit_group(0) = ?").Result);
        Assert.Null(r.Note);
    }

    [Fact]
    public void QuestionMarkWithRestartNote_KeepsTheNote() =>
        Assert.Equal("ERESTARTNOHAND (To be restarted if no handler)", Assert.IsType<UnknownResult>(Event("p1 rt_sigsuspend([], 8) = ? ERESTARTNOHAND (To be restarted if no handler)").Result).Note);

    [Fact]
    public void TrailingComment_IsKeptAfterResult()
    {
        var e = Event("p1 listen(3, 8) = 0 # the backlog");
        Assert.Equal(" the backlog", e.Comment);
        Assert.Equal(0L, Assert.IsType<ValueResult>(e.Result).Value);
    }

    [Fact]
    public void HashInsideString_IsNotAComment()
    {
        var e = Event("p1 write(1, \"#x\", 2) = 2");
        Assert.Null(e.Comment);
        Assert.Equal("#x", Assert.IsType<StringExpr>(e.Args[1]).Text);
    }
}
