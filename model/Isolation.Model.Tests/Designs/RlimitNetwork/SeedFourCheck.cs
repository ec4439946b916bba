using FsCheck;
using Microsoft.FSharp.Core;
using Xunit.Abstractions;

namespace Isolation.Model.Tests.Designs.RlimitNetwork;

/// <summary>The FsCheck configuration of the seed-004 design tests: a logged seed (ISOLATION_FUZZ_SEED replays another), shrinking on.</summary>
internal static class SeedFourCheck
{
    /// <summary>The seed used when ISOLATION_FUZZ_SEED is not set.</summary>
    public const ulong DefaultSeed = 4004;

    /// <summary>A configuration running <paramref name="tests"/> cases from the logged seed.</summary>
    public static Config Config(ITestOutputHelper output, int tests)
    {
        var seed = ulong.TryParse(Environment.GetEnvironmentVariable("ISOLATION_FUZZ_SEED"), out var s) ? s : DefaultSeed;
        output.WriteLine($"FsCheck seed {seed} (set ISOLATION_FUZZ_SEED to replay)");
        return FsCheck.Config.QuickThrowOnFailure.WithMaxTest(tests).WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed), FSharpOption<int>.None)));
    }
}
