using FsCheck;
using FsCheck.Fluent;
using Isolation.Model.Designs;
using Isolation.Traces.Syntax;
using Microsoft.FSharp.Core;
using Xunit.Abstractions;

namespace Isolation.Properties.Tests.Random;

/// <summary>
/// For every design: random syscall programs never crash the model, and every property of the
/// design evaluates on every state they reach. A program may stop early with a scenario error
/// (an event for a process that has died, say) — that is a clean answer, not a crash.
/// </summary>
public sealed class RandomProgramTests(ITestOutputHelper output)
{
    /// <summary>The seed used when ISOLATION_FUZZ_SEED is not set.</summary>
    private const ulong DefaultSeed = 20261122;

    /// <summary>Every design alone, and stacks that put two modules' hooks on the same calls.</summary>
    public static TheoryData<string> Designs() =>
        [.. DesignCatalog.All.Select(d => d.Name), "netns+rlimit-network", "bsdjail+prctl-network-lsm", "netcontainer+socket-table"];

    [Theory]
    [MemberData(nameof(Designs))]
    public void RandomPrograms_NeverCrashAndEveryPropertyEvaluates(string design)
    {
        var properties = PropertyCatalog.ForDesigns(design.Split('+'));
        var seed = ulong.TryParse(Environment.GetEnvironmentVariable("ISOLATION_FUZZ_SEED"), out var s) ? s : DefaultSeed;
        output.WriteLine($"design {design}, {properties.Length} properties, FsCheck seed {seed} (set ISOLATION_FUZZ_SEED to replay)");
        var config = Config.QuickThrowOnFailure.WithMaxTest(150)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed), FSharpOption<int>.None)));

        int completed = 0, stopped = 0, violations = 0;
        var errors = new Dictionary<string, int>();
        Check.One(config, Prop.ForAll(RandomPrograms.Choices(12).ToArbitrary(), choices =>
        {
            var text = RandomPrograms.Render(design, choices);
            try
            {
                var verdicts = PropertyRun.Check(TraceParser.Parse(text, "random.trace"), properties);
                completed++;
                violations += verdicts.Count(v => !v.Verdict.Holds);
                return verdicts.Count == properties.Length;
            }
            catch (TraceException e)
            {
                stopped++;
                var reason = e.Diagnostic.Message.Split(':')[0];
                errors[reason] = errors.GetValueOrDefault(reason) + 1;
                return true;
            }
        }).Label("program"));

        output.WriteLine($"{completed} programs ran to the end ({violations} property violations among them), {stopped} stopped at a scenario error: {string.Join("; ", errors.Select(e => $"{e.Key} x{e.Value}"))}");
        Assert.True(completed > stopped, $"only {completed} of {completed + stopped} programs ran to the end: the generator tests too little");
    }
}
