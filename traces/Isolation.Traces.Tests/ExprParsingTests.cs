using Isolation.Traces.Syntax;
using static Isolation.Traces.Tests.TraceText;

namespace Isolation.Traces.Tests;

/// <summary>Every argument form strace 6.x prints, read into the AST.</summary>
public sealed class ExprParsingTests
{
    [Theory]
    [InlineData("3", 3L)]
    [InlineData("-1", -1L)]
    [InlineData("0x1ff", 0x1ffL)]
    [InlineData("0X1F", 0x1fL)]
    [InlineData("0755", 493L)]
    [InlineData("0", 0L)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("18446744073709551615", -1L)]
    [InlineData("0xffffffffffffffff", -1L)]
    public void Integer_KeepsValueAndSpelling(string text, long value)
    {
        var e = Assert.IsType<IntExpr>(Arg(text));
        Assert.Equal(value, e.Value);
        Assert.Equal(text, e.Text);
    }

    [Theory]
    [InlineData("AF_UNIX")]
    [InlineData("NULL")]
    [InlineData("p2")]
    [InlineData("SIGUSR1")]
    [InlineData("RT_1")]
    [InlineData("_X9")]
    public void Identifier_IsSymbol(string name) => Assert.Equal(name, Assert.IsType<SymbolExpr>(Arg(name)).Name);

    [Fact]
    public void OrFlags_AreOneOrExprWithAllTerms()
    {
        var or = Assert.IsType<OrExpr>(Arg("SOCK_STREAM|SOCK_NONBLOCK|0x80"));
        Assert.Equal(["SOCK_STREAM", "SOCK_NONBLOCK"], or.Terms.Take(2).Cast<SymbolExpr>().Select(s => s.Name));
        Assert.Equal(0x80L, Assert.IsType<IntExpr>(or.Terms[2]).Value);
    }

    [Fact]
    public void StringEscapes_DecodeToBytes()
    {
        var s = Assert.IsType<StringExpr>(Arg("\"a\\n\\t\\\\\\\"\\x41\\101\\0\\177\\r\\v\\f\\a\\b\\'\\?\""));
        Assert.Equal(new byte[] { (byte)'a', 10, 9, (byte)'\\', (byte)'"', 0x41, 0x41, 0, 0x7f, 13, 11, 12, 7, 8, (byte)'\'', (byte)'?' }, s.Bytes);
        Assert.False(s.Abstract);
        Assert.False(s.Truncated);
    }

    [Fact]
    public void OctalEscape_TakesAtMostThreeDigits() =>
        Assert.Equal(new byte[] { 0, (byte)'1' }, Assert.IsType<StringExpr>(Arg("\"\\0001\"")).Bytes);

    [Fact]
    public void NonAsciiCharacters_AreTheirUtf8Bytes() =>
        Assert.Equal(Bytes("é"), Assert.IsType<StringExpr>(Arg("\"é\"")).Bytes);

    [Fact]
    public void AbstractName_DropsTheAtSign()
    {
        var s = Assert.IsType<StringExpr>(Arg("@\"proxy\""));
        Assert.True(s.Abstract);
        Assert.Equal("proxy", s.Text);
    }

    [Fact]
    public void TrailingDots_MarkTruncatedString()
    {
        var s = Assert.IsType<StringExpr>(Arg("\"\\177ELF\\2\"..."));
        Assert.True(s.Truncated);
        Assert.Equal(new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F', 2 }, s.Bytes);
    }

    [Fact]
    public void Ipv6Address_IsStructWithFieldsAndPositionalCall()
    {
        var s = Assert.IsType<StructExpr>(Arg("{sa_family=AF_INET6, sin6_port=htons(80), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}"));
        Assert.Equal("AF_INET6", Assert.IsType<SymbolExpr>(s.Field("sa_family")).Name);
        var port = Assert.IsType<CallExpr>(s.Field("sin6_port"));
        Assert.Equal("htons", port.Function);
        Assert.Equal(80L, Assert.IsType<IntExpr>(port.Args.Single()).Value);
        var pton = Assert.IsType<CallExpr>(s.Fields[3]);
        Assert.Equal("inet_pton", pton.Function);
        Assert.Equal("::1", Assert.IsType<StringExpr>(pton.Args[1]).Text);
        Assert.Equal("sin6_addr", Assert.IsType<RefExpr>(pton.Args[2]).Name);
    }

    [Fact]
    public void NestedStructWithEllipsis_Parses()
    {
        var s = Assert.IsType<StructExpr>(Arg("{a=1, b={c=2, ...}, ...}"));
        var b = Assert.IsType<StructExpr>(s.Field("b"));
        Assert.IsType<EllipsisExpr>(b.Fields[1]);
        Assert.IsType<EllipsisExpr>(s.Fields[2]);
    }

    [Fact]
    public void CommaArray_IsNotSpaceSeparated()
    {
        var a = Assert.IsType<ArrayExpr>(Arg("[3, 4]"));
        Assert.False(a.SpaceSeparated);
        Assert.Equal([3L, 4L], a.Items.Cast<IntExpr>().Select(i => i.Value));
    }

    [Fact]
    public void SignalSet_IsSpaceSeparated()
    {
        var a = Assert.IsType<ArrayExpr>(Arg("[USR1 USR2]"));
        Assert.True(a.SpaceSeparated);
        Assert.Equal(["USR1", "USR2"], a.Items.Cast<SymbolExpr>().Select(s => s.Name));
    }

    [Fact]
    public void ComplementedSet_IsNotOverArray()
    {
        var n = Assert.IsType<NotExpr>(Arg("~[RTMIN RT_1]"));
        Assert.Equal(2, Assert.IsType<ArrayExpr>(n.Operand).Items.Length);
        Assert.Empty(Assert.IsType<ArrayExpr>(Assert.IsType<NotExpr>(Arg("~[]")).Operand).Items);
    }

    [Fact]
    public void FunctionForms_AreCalls()
    {
        Assert.Equal("10.0.0.5", Assert.IsType<StringExpr>(Assert.IsType<CallExpr>(Arg("inet_addr(\"10.0.0.5\")")).Args.Single()).Text);
        var dev = Assert.IsType<CallExpr>(Arg("makedev(0x1, 0x3)"));
        Assert.Equal(["0x1", "0x3"], dev.Args.Cast<IntExpr>().Select(i => i.Text));
    }

    [Fact]
    public void InlineComment_IsAnnotation()
    {
        var a = Assert.IsType<AnnotatedExpr>(Arg("0x7ffd /* 2 entries */"));
        Assert.Equal("2 entries", a.Comment);
        Assert.Equal(0x7ffdL, Assert.IsType<IntExpr>(a.Inner).Value);
    }

    [Fact]
    public void TopLevelNamedArguments_AreFields()
    {
        var e = Event("p1 clone(child_stack=NULL, flags=CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f) = 0");
        Assert.Equal(["child_stack", "flags", "child_tidptr"], e.Args.Cast<FieldExpr>().Select(f => f.Name));
    }

    [Fact]
    public void ValueChangedByTheCall_IsArrowBinary()
    {
        var b = Assert.IsType<BinaryExpr>(Assert.IsType<ArrayExpr>(Arg("[110 => 16]")).Items.Single());
        Assert.Equal("=>", b.Operator);
        Assert.Equal(16L, Assert.IsType<IntExpr>(b.Right).Value);
    }

    [Fact]
    public void WaitStatus_BindsEqualityTighterThanAnd()
    {
        var s = Assert.IsType<StructExpr>(Assert.IsType<ArrayExpr>(Arg("[{WIFEXITED(s) && WEXITSTATUS(s) == 0}]")).Items.Single());
        var and = Assert.IsType<BinaryExpr>(s.Fields.Single());
        Assert.Equal("&&", and.Operator);
        Assert.Equal("==", Assert.IsType<BinaryExpr>(and.Right).Operator);
    }

    [Fact]
    public void RlimitProduct_IsMultiplication()
    {
        var s = Assert.IsType<StructExpr>(Arg("{rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}"));
        Assert.Equal("*", Assert.IsType<BinaryExpr>(s.Field("rlim_cur")).Operator);
    }

    [Fact]
    public void Parentheses_GroupWithoutANode() =>
        Assert.Equal(3, Assert.IsType<OrExpr>(Assert.IsType<OrExpr>(Arg("A|(B|C|D)")).Terms[1]).Terms.Length);

    [Fact]
    public void Spans_PointAtFirstCharacterWithTextLength()
    {
        var e = Event("p1 bind(3, {sa_family=AF_UNIX, sun_path=@\"x\"}, 8) = 0");
        Assert.Equal(new SourceSpan(FileName, 2, 4, 4), e.CallSpan);
        var s = Assert.IsType<StructExpr>(e.Args[1]);
        Assert.Equal(new SourceSpan(FileName, 2, 12, 34), s.Span);
        Assert.Equal(new SourceSpan(FileName, 2, 32, 13), s.Fields[1].Span);
        Assert.Equal(new SourceSpan(FileName, 2, 41, 4), s.Field("sun_path")!.Span);
        Assert.Equal(new SourceSpan(FileName, 2, 48, 1), e.Args[2].Span);
    }

    [Fact]
    public void ExtraSpaces_AreAllowedBetweenTokens()
    {
        var e = Event("  p1   socket( AF_UNIX ,SOCK_STREAM | 0 , [ 1 , 2 ] )   =   3");
        Assert.Equal(3, e.Args.Length);
        Assert.Equal(2, Assert.IsType<OrExpr>(e.Args[1]).Terms.Length);
    }
}
