using System.Collections.Immutable;
using Isolation.Traces.Syntax;
using static Isolation.Traces.Tests.TraceText;

namespace Isolation.Traces.Tests;

/// <summary>The canonical form, strace's string escaping, and values made by the model.</summary>
public sealed class PrinterTests
{
    /// <summary>Canonical text using every form the grammar has.</summary>
    public const string AllForms = """
        # isolation-trace 1
        # scenario: all-forms
        # design: baseline

        # a comment line
        p1 socket(AF_UNIX, SOCK_STREAM|SOCK_NONBLOCK|0x80, 0) = 3 # trailing comment
        p1 read(3, "\177ELF\2\1\0001\t\n\\\"x"..., 832) = 832
        p1 bind(3, {sa_family=AF_UNIX, sun_path=@"proxy"}, 8) = 0
        p1 fstat(3, {st_mode=S_IFSOCK|0777, st_rdev=makedev(0x1, 0x3), st_size=8192*1024, ...}) = 0
        p1 rt_sigprocmask(SIG_BLOCK, ~[RTMIN RT_1], [USR1 USR2], 8) = 0
        p1 execve("/bin/true", ["true", ...], 0x7ffd /* 47 vars */) = 0
        p1 accept4(3, {sa_family=AF_UNIX}, [110 => 2], SOCK_CLOEXEC) = 4
        p1 clone(child_stack=NULL, flags=CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f00) = p2
        p2 wait4(-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = -1 ECHILD (No child processes)
        p2 connect(4, {sa_family=AF_INET6, sin6_port=htons(80), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28) = -1 ECONNREFUSED
        p1 fcntl(3, F_GETFL) = 0x8002 (flags O_RDWR|O_LARGEFILE)
        p1 rt_sigsuspend([], 8) = ? ERESTARTNOHAND (To be restarted if no handler)
        p2 exit_group(0) = ?
        p2 +++ exited with 0 +++
        p1 --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=p2} ---

        """;

    [Fact]
    public void CanonicalText_PrintsBackExactly() => Assert.Equal(AllForms, Canonical(AllForms));

    [Theory]
    [InlineData("p1   socket( AF_UNIX ,SOCK_STREAM|0 ,0 )   =   3", "p1 socket(AF_UNIX, SOCK_STREAM|0, 0) = 3")]
    [InlineData("p1 write(1, \"\\x41\\x00\\x0a\\a\", 4) = 4", "p1 write(1, \"A\\0\\n\\7\", 4) = 4")]
    [InlineData("p1 write(1, \"é\", 2) = 2", "p1 write(1, \"\\303\\251\", 2) = 2")]
    [InlineData("p1 f(A|(B|C)) = 0", "p1 f(A|(B|C)) = 0")]
    [InlineData("p1 f((A|B)) = 0", "p1 f(A|B) = 0")]
    [InlineData("p1 f(x /*   spaced   */) = 0", "p1 f(x /* spaced */) = 0")]
    [InlineData("p1 f(x /**/) = 0", "p1 f(x /* */) = 0")]
    [InlineData("p1 f() = 0#tight", "p1 f() = 0 #tight")]
    [InlineData("p1 f() = -1 EWOULDBLOCK", "p1 f() = -1 EAGAIN")]
    [InlineData("# isolation-trace 1", "# isolation-trace 1")]
    public void NonCanonicalInput_PrintsCanonically(string line, string expected)
    {
        string text = line.StartsWith('#') ? line + "\n" : Magic + line + "\n";
        string printed = Canonical(text);
        Assert.Equal(line.StartsWith('#') ? expected + "\n" : Magic + expected + "\n", printed);
        Assert.Equal(printed, Canonical(printed));
    }

    [Theory]
    [InlineData(new byte[] { 0, (byte)'1' }, "\"\\0001\"")]
    [InlineData(new byte[] { 0, (byte)'8' }, "\"\\08\"")]
    [InlineData(new byte[] { 0x1b, (byte)'7' }, "\"\\0337\"")]
    [InlineData(new byte[] { 0x7f, 0xff, 8 }, "\"\\177\\377\\10\"")]
    [InlineData(new byte[] { 9, 10, 11, 12, 13 }, "\"\\t\\n\\v\\f\\r\"")]
    [InlineData(new byte[] { (byte)'"', (byte)'\\', (byte)'\'', (byte)'?' }, "\"\\\"\\\\'?\"")]
    public void Bytes_AreEscapedAsStraceDoes(byte[] bytes, string expected) =>
        Assert.Equal(expected, TracePrinter.PrintExpr(StringExpr.Of(bytes)));

    [Fact]
    public void ModelValues_PrintInCanonicalForm()
    {
        Assert.Equal("3", TracePrinter.PrintResult(ValueResult.Of(3)));
        Assert.Equal("-1 EPERM (Operation not permitted)", TracePrinter.PrintResult(ErrorResult.Of(Errno.EPERM)));
        Assert.Equal("-1 EACCES", TracePrinter.PrintResult(new ErrorResult(Errno.EACCES, null, SourceSpan.None)));
        Assert.Equal("?", TracePrinter.PrintResult(UnknownResult.Model));
        Assert.Equal("p2", TracePrinter.PrintResult(new ProcessResult("p2", SourceSpan.None)));
        Assert.Equal("@\"proxy\"", TracePrinter.PrintExpr(StringExpr.Of("proxy", isAbstract: true)));
        Assert.Equal("-5", TracePrinter.PrintExpr(IntExpr.Of(-5)));
    }

    [Fact]
    public void ModelEvent_PrintsAsOneLine()
    {
        var ev = new EventLine("p1", "kill", [SymbolExpr.Of("p2"), SymbolExpr.Of("SIGUSR1")], ValueResult.Of(0), null, SourceSpan.None);
        Assert.Equal("p1 kill(p2, SIGUSR1) = 0", TracePrinter.PrintEvent(ev));
    }

    [Fact]
    public void TreesThatNeedGrouping_GetParentheses()
    {
        var none = SourceSpan.None;
        var ab = new OrExpr([SymbolExpr.Of("A"), SymbolExpr.Of("B")], none);
        Assert.Equal("(A|B)|C", TracePrinter.PrintExpr(new OrExpr([ab, SymbolExpr.Of("C")], none)));
        Assert.Equal("(A|B) /* c */", TracePrinter.PrintExpr(new AnnotatedExpr(ab, "c", none)));
        Assert.Equal("~(A|B)", TracePrinter.PrintExpr(new NotExpr(ab, none)));
        Assert.Equal("2*(3*4)", TracePrinter.PrintExpr(new BinaryExpr(IntExpr.Of(2), "*", new BinaryExpr(IntExpr.Of(3), "*", IntExpr.Of(4), none), none)));
        Assert.Equal("A|B => 1", TracePrinter.PrintExpr(new BinaryExpr(ab, "=>", IntExpr.Of(1), none)));
        Assert.Equal("(a=1)|B", TracePrinter.PrintExpr(new OrExpr([new FieldExpr("a", IntExpr.Of(1), none), SymbolExpr.Of("B")], none)));
    }

    [Fact]
    public void FileWithoutMagicLine_GetsOneWhenPrinted()
    {
        var file = new TraceFile("m.trace", ImmutableArray.Create<TraceLine>(new EventLine("p1", "getpid", [], ValueResult.Of(1), null, SourceSpan.None)));
        Assert.Equal(Magic + "p1 getpid() = 1\n", TracePrinter.Print(file));
    }

    [Fact]
    public void HeaderWithEmptyValue_PrintsWithoutTrailingSpace() =>
        Assert.Equal(Magic + "# user:\np1 getpid() = 1\n", Canonical(Magic + "# user:   \np1 getpid() = 1\n"));
}
