using FsCheck;
using FsCheck.Fluent;
using Isolation.Traces.Syntax;
using Microsoft.FSharp.Core;
using Xunit.Abstractions;

namespace Isolation.Traces.Tests;

/// <summary>Printing and parsing are inverse on generated trees (FsCheck; seed from ISOLATION_FUZZ_SEED or fixed, and logged).</summary>
public sealed class RoundTripProperties(ITestOutputHelper output)
{
    [Fact]
    public void GeneratedExpression_PrintsAndParsesBackToTheSameTree()
    {
        var prop = Prop.ForAll(Arb.From(TraceGenerators.Expr(4)), expr =>
        {
            string printed = TracePrinter.PrintExpr(expr);
            var parsed = TraceText.Arg(printed);
            Assert.Equal(AstDump.Of(expr), AstDump.Of(parsed));
            Assert.Equal(printed, TracePrinter.PrintExpr(parsed));
        });
        Check.One(Config(500), prop);
    }

    [Fact]
    public void GeneratedFile_PrintParsePrintIsIdentity()
    {
        var prop = Prop.ForAll(Arb.From(TraceGenerators.File()), file =>
        {
            string printed = TracePrinter.Print(file);
            var parsed = TraceParser.Parse(printed, "gen.trace");
            Assert.Equal(AstDump.Of(file), AstDump.Of(parsed));
            Assert.Equal(printed, TracePrinter.Print(parsed));
        });
        Check.One(Config(300), prop);
    }

    private FsCheck.Config Config(int tests)
    {
        ulong seed = FuzzSeed.Get();
        output.WriteLine($"FsCheck seed {seed} (set ISOLATION_FUZZ_SEED to replay)");
        var replay = new Replay(new Rnd(seed), FSharpOption<int>.None);
        return FsCheck.Config.QuickThrowOnFailure.WithMaxTest(tests).WithReplay(FSharpOption<Replay>.Some(replay));
    }
}
