using Isolation.Traces.Syntax;
using static Isolation.Traces.Tests.TraceText;

namespace Isolation.Traces.Tests;

/// <summary>Huge and deeply nested input is read in linear time and bounded depth, never a stack overflow.</summary>
[Collection(TimingCollection.Name)]
public sealed class LargeInputTests
{
    [Fact]
    public void TenMegabyteLine_ParsesWellUnderASecond()
    {
        string text = Magic + $"p1 write(1, \"{new string('a', 10 << 20)}\", 10485760) = 10485760\n";
        Event("p1 getpid() = 1");
        EventLine? e = null;
        var time = CpuClock.Measure(() => e = Parse(text).Events.Single());
        Assert.Equal(10 << 20, Assert.IsType<StringExpr>(e!.Args[1]).Bytes.Length);
        Assert.True(time.Cpu < 1000, $"took {time.Cpu:F0} ms");
    }

    [Fact]
    public void TenMegabyteUnterminatedLine_IsRefusedQuickly()
    {
        string text = Magic + "p1 write(1, \"" + new string('a', 10 << 20) + "\n";
        TraceDiagnostic? d = null;
        var time = CpuClock.Measure(() => d = Error(text));
        Assert.Equal((2, 13), (d!.Span.Line, d.Span.Column));
        Assert.Contains("unterminated string", d.Message, StringComparison.Ordinal);
        Assert.True(time.Cpu < 1000, $"took {time.Cpu:F0} ms");
    }

    [Theory]
    [InlineData('{')]
    [InlineData('[')]
    [InlineData('(')]
    [InlineData('~')]
    public void TenMegabytesOfOpeningBrackets_HitTheNestingBound(char open)
    {
        string text = Magic + "p1 f(" + new string(open, 10 << 20) + "\n";
        TraceDiagnostic? d = null;
        var time = CpuClock.Measure(() => d = Error(text));
        Assert.Equal((2, 6 + ExprParser.MaxDepth), (d!.Span.Line, d.Span.Column));
        Assert.Contains("nesting deeper than 100 levels", d.Message, StringComparison.Ordinal);
        Assert.True(time.Cpu < 1000, $"took {time.Cpu:F0} ms");
    }

    [Fact]
    public void DeepFieldChains_HitTheNestingBound() =>
        Assert.Contains("nesting deeper", Error(Magic + "p1 f(" + string.Concat(Enumerable.Repeat("a=", 100_000)) + "1) = 0\n").Message, StringComparison.Ordinal);

    [Fact]
    public void NestingAtTheBound_IsAccepted() =>
        Assert.IsType<StructExpr>(Arg(new string('{', ExprParser.MaxDepth) + new string('}', ExprParser.MaxDepth)));
}
