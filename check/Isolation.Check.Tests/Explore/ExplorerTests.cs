using Isolation.Check.Counterexamples;
using Isolation.Check.Explore;
using Isolation.Check.Universe;
using Isolation.Model.Designs;
using Isolation.Properties;

namespace Isolation.Check.Tests.Explore;

/// <summary>
/// The explorer finds the holes the seeds' reviewers named by search alone — the universe is the
/// same for every design and knows nothing of them — and none where a variant closes them.
/// </summary>
public sealed class ExplorerTests
{
    /// <summary>Sockets, forks and the design's entry moves only: the families the network claims are about.</summary>
    private static readonly ThreatModel Sockets = new(["process", "unix", "stream", CallFamilies.Entry], Colluder: false);

    private static ExplorationResult Explore(string design, int depth, ThreatModel? threat = null, int user = 0, ExplorerOptions? options = null) =>
        new Explorer(ProgramUniverse.For(design, depth, 2, threat, user), PropertyCatalog.ForDesigns([design]), options ?? new ExplorerOptions(StopWhenAllViolated: false)).Run();

    private static PropertyOutcome Outcome(ExplorationResult result, string id) => result.Outcomes.Single(o => o.Property.Id == id);

    [Fact]
    public void NosuidUnshare_PtraceOfATaskOutsideTheUnsharedNamespace_IsFoundInFourEvents()
    {
        var result = Explore("nosuid-unshare", depth: 4, user: 1000);

        var cx = Outcome(result, "nosuid-unshare/no-network-channel-out").Counterexample;
        Assert.NotNull(cx);
        Assert.Equal(4, cx.Events.Length);
        Assert.Contains("Ptrace", cx.Violation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void PrctlNetworkLsm_AnAbstractUnixDatagramFromTheRestrictedTask_IsFoundInSixEvents()
    {
        var result = Explore("prctl-network-lsm", depth: 6, Sockets);

        var cx = Outcome(result, "prctl-network-lsm/no-network-channel").Counterexample;
        Assert.NotNull(cx);
        Assert.Equal(6, cx.Events.Length);
        Assert.Contains("@\"", cx.Violation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void PrctlNetworkLsmFixed_SameUniverse_NoViolation()
    {
        var result = Explore("prctl-network-lsm-fixed", depth: 6, Sockets);

        Assert.All(result.Outcomes, o => Assert.True(o.Holds, $"{o.Property.Id}: {o.Counterexample?.Violation.Reason}"));
        Assert.Equal(6, result.DepthCompleted);
    }

    [Fact]
    public void Search_IsDeterministic_WhateverTheNumberOfWorkers()
    {
        var one = Explore("rlimit-network", depth: 4, options: new ExplorerOptions(Workers: 1, StopWhenAllViolated: false));
        var two = Explore("rlimit-network", depth: 4, options: new ExplorerOptions(Workers: 2, StopWhenAllViolated: false));

        Assert.Equal(one.States, two.States);
        Assert.Equal(one.Transitions, two.Transitions);
        Assert.Equal(
            one.Outcomes.Select(o => o.Holds ? "" : CounterexampleWriter.Write(o.Counterexample!)),
            two.Outcomes.Select(o => o.Holds ? "" : CounterexampleWriter.Write(o.Counterexample!)));
    }

    public static TheoryData<string> Designs() => [.. DesignCatalog.All.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(Designs))]
    public void Reductions_KeepEveryVerdictAndTheLengthOfEveryCounterexample(string design)
    {
        var full = Explore(design, depth: 3, options: new ExplorerOptions(Symmetry: false, PartialOrder: false, StopWhenAllViolated: false));
        var reduced = Explore(design, depth: 3);

        Assert.True(reduced.States <= full.States);
        Assert.Equal(
            full.Outcomes.Select(o => (o.Property.Id, o.Counterexample?.Events.Length)),
            reduced.Outcomes.Select(o => (o.Property.Id, o.Counterexample?.Events.Length)));
    }

    [Fact]
    public void StateBound_StopsTheSearchWithAMessageSayingSo()
    {
        var result = Explore("baseline", depth: 6, options: new ExplorerOptions(MaxStates: 100, StopWhenAllViolated: false));

        Assert.NotNull(result.BoundMessage);
        Assert.Contains("state bound reached", result.BoundMessage, StringComparison.Ordinal);
        Assert.True(result.DepthCompleted < 6);
    }
}
