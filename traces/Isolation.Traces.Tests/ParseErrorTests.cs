using Isolation.Traces.Syntax;
using static Isolation.Traces.Tests.TraceText;

namespace Isolation.Traces.Tests;

/// <summary>Every refusal names the file, line and column and gives a stable one-line reason.</summary>
public sealed class ParseErrorTests
{
    [Theory]
    [InlineData("p1 socket(AF_UNIX, SOCK_STREAM", 31, "missing ')' to close '(' at column 10")]
    [InlineData("p1 socket(AF_UNIX, SOCK_STREAM, 0)", 35, "expected '=' and a result after ')'")]
    [InlineData("p1 socket(AF_UNIX, SOCK_STREAM, 0) =", 37, "expected a result")]
    [InlineData("p1 hello", 9, "expected '(' after the call name 'hello'")]
    [InlineData("p1 = 3", 4, "expected a call name")]
    [InlineData("p1", 3, "expected a space and a call after the process name p1")]
    [InlineData("p1 bind(3, {sa_family=AF_UNIX, sun_path=\"x\", 8) = 0", 47, "expected ',' or '}', found ')'")]
    [InlineData("p1 bind(3, {sa_family=AF_UNIX}}, 8) = 0", 31, "expected ',' or ')', found '}'")]
    [InlineData("p1 bind(3, [1, 2}, 8) = 0", 17, "expected ',' or ']', found '}'")]
    [InlineData("p1 bind(3, {sa_family=AF_UNIX, sun_path=\"x\"", 44, "missing '}' to close '{' at column 12")]
    [InlineData("p1 write(1, \"abc, 3) = 3", 13, "unterminated string")]
    [InlineData("p1 connect(3, {sa_family=AF_INET, sin_addr=inet_addr(\"10.0.0.5)}, 16) = 0", 54, "unterminated string")]
    [InlineData("p1 connect(3, {sa_family=AF_INET, sin_addr=inet_addr(10.0.0.5)}, 16) = 0", 54, "bad number '10.0.0.5'")]
    [InlineData("p1 socket(AF_UNIX, SOCK_STREAM, 0) = -1 EFOO (Nope)", 41, "unknown errno name 'EFOO'")]
    [InlineData("p1 socket(AF_UNIX, SOCK_STREAM, 0) = -2 EPERM", 38, "a failure is written '-1 ERRNO'")]
    [InlineData("p2 getpid() = 2", 1, "the first process must be p1, not p2")]
    [InlineData("p01 getpid() = 1", 1, "bad process name 'p01'")]
    [InlineData("P1 getpid() = 1", 1, "bad process name 'P1'")]
    [InlineData("1234 socket(AF_UNIX, SOCK_STREAM, 0) = 3", 1, "found a raw strace pid")]
    [InlineData("p1 read(0x1g, \"\", 0) = 0", 9, "bad number '0x1g'")]
    [InlineData("p1 read(08, \"\", 0) = 0", 9, "bad number '08'")]
    [InlineData("p1 read(99999999999999999999999, \"\", 0) = 0", 9, "number out of range")]
    [InlineData("p1 read(3, \"\\q\", 0) = 0", 13, "unknown escape '\\q'")]
    [InlineData("p1 read(3, \"\\400\", 0) = 0", 13, "octal escape out of range")]
    [InlineData("p1 read(3, \"\\x\", 0) = 0", 13, "'\\x' escape without hex digits")]
    [InlineData("p1 f(1) = 3 <0.000012>", 13, "strace -T durations are not supported")]
    [InlineData("p1 f(1) = 3 junk", 13, "unexpected 'j' after the result")]
    [InlineData("p1 f(a /* x) = 3", 8, "unterminated comment")]
    [InlineData("p1 f(3</etc/passwd>) = 3", 7, "strace -y decorations are not supported")]
    [InlineData("p1 f(1) = 3 (unclosed", 22, "missing ')' to close '(' at column 13")]
    [InlineData("p1 f(1) = ? )", 13, "unbalanced ')'")]
    [InlineData("p1 +++ exited with 0", 4, "a note line is written '+++ text +++'")]
    [InlineData("p1 f(@x) = 0", 7, "expected '\"' after '@'")]
    [InlineData("p1 f(&1) = 0", 7, "expected a name after '&'")]
    [InlineData("p1 f([1 2, 3]) = 0", 10, "expected ' ' or ']', found ','")]
    [InlineData("p1 f([1, 2 3]) = 0", 12, "expected ',' or ']', found '3'")]
    [InlineData("p1 f(.) = 0", 6, "expected a value, found '.'")]
    [InlineData("p1 f(-x) = 0", 7, "expected a digit after '-'")]
    [InlineData("p1 f(1) = p0", 11, "bad process name 'p0'")]
    [InlineData("p1 f(a|) = 0", 8, "expected a value, found ')'")]
    [InlineData("p1 f(a # comment) = 0", 8, "missing ')' to close '(' at column 5")]
    public void MalformedEventLine_IsRefusedAtItsColumn(string line, int column, string reason)
    {
        var d = Error(Magic + line + "\n");
        Assert.Equal((FileName, 2, column), (d.Span.File, d.Span.Line, d.Span.Column));
        Assert.Contains(reason, d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p1 getpid() = 1\np3 getpid() = 3\n", 3, 1, "unknown process p3")]
    [InlineData("p1 getpid() = 1\np2 getpid() = 2\np1 fork() = p2\n", 3, 1, "unknown process p2: no earlier line's result names it")]
    [InlineData("p1 fork() = p2\np3 +++ exited with 0 +++\n", 3, 1, "unknown process p3")]
    public void ProcessUsedBeforeAResultNamesIt_IsUnknown(string body, int line, int column, string reason)
    {
        var d = Error(Magic + body);
        Assert.Equal((line, column), (d.Span.Line, d.Span.Column));
        Assert.Contains(reason, d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 1, 1, "empty file")]
    [InlineData("\n  \n\t\n", 1, 1, "empty file")]
    [InlineData("# scenario: x\np1 f() = 0\n", 1, 1, "missing header: the first line must be '# isolation-trace 1'")]
    [InlineData("\n  # scenario: x\n", 2, 3, "missing header")]
    [InlineData("# isolation-trace 2\n", 1, 1, "unsupported trace format version '2'")]
    [InlineData("p1 socket(AF_UNIX, SOCK_STREAM, 0) = 3\n", 1, 1, "must start with the header '# isolation-trace 1'")]
    [InlineData("# isolation-trace 1\np1 f(\"a\0b\") = 0\n", 2, 8, "NUL byte")]
    [InlineData("# isolation-trace 1\np1 f(\u0001) = 0\n", 2, 6, "control character U+0001")]
    public void MalformedFile_IsRefusedAtItsPosition(string text, int line, int column, string reason)
    {
        var d = Error(text);
        Assert.Equal((line, column), (d.Span.Line, d.Span.Column));
        Assert.Contains(reason, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnpairedSurrogate_IsRefused()
    {
        var d = Error(Magic + "p1 f(\"" + '\ud800' + "\") = 0\n");
        Assert.Equal((2, 7), (d.Span.Line, d.Span.Column));
        Assert.Contains("unpaired surrogate U+D800", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_NamesThePath()
    {
        string path = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "x.trace");
        var d = Assert.Throws<TraceException>(() => TraceParser.ReadFile(path)).Diagnostic;
        Assert.Equal(path, d.Span.File);
        Assert.Contains("file not found", d.Message, StringComparison.Ordinal);
        Assert.StartsWith(path + ":1:1: error: ", d.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidUtf8_IsRefusedAtTheBadByte()
    {
        var d = ReadBytes([.. Bytes(Magic + "p1 write(1, \"é"), 0xC3, 0x28, .. Bytes("\", 2) = 2\n")]);
        Assert.Equal((2, 15), (d.Span.Line, d.Span.Column));
        Assert.Contains("invalid UTF-8 byte 0xC3", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BinaryGarbage_IsRefusedNotCrashed()
    {
        var random = new Random(7);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        var d = ReadBytes(bytes);
        Assert.Equal(1, d.Span.Line);
        Assert.Contains("not a text file", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NulBytesInFile_AreRefused()
    {
        var d = ReadBytes([.. Bytes(Magic + "p1 getpid()"), 0, .. Bytes(" = 1\n")]);
        Assert.Equal((2, 12), (d.Span.Line, d.Span.Column));
        Assert.Contains("NUL byte", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnostic_PrintsFileLineColumnAndReason() =>
        Assert.Equal("t.trace:2:41: error: unknown errno name 'EFOO'", Error(Magic + "p1 socket(AF_UNIX, SOCK_STREAM, 0) = -1 EFOO\n").ToString());

    private static TraceDiagnostic ReadBytes(byte[] bytes)
    {
        string path = Path.Combine(Path.GetTempPath(), $"isolation-traces-{Guid.NewGuid():N}.trace");
        File.WriteAllBytes(path, bytes);
        try
        {
            return Assert.Throws<TraceException>(() => TraceParser.ReadFile(path)).Diagnostic;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
