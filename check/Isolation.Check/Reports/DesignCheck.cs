using System.Collections.Immutable;
using System.Globalization;
using Isolation.Check.Explore;

namespace Isolation.Check.Reports;

/// <summary>
/// One design's check: a search per start user, the outcome per property (the shortest
/// counterexample over all searches), and where the counterexamples were written.
/// </summary>
public sealed record DesignCheck(string Design, ImmutableArray<ExplorationResult> Runs, ImmutableArray<PropertyOutcome> Outcomes, ImmutableDictionary<string, string> CounterexampleFiles)
{
    /// <summary>Distinct states stored over all searches.</summary>
    public long States => Runs.Sum(r => r.States);

    /// <summary>Moves tried over all searches.</summary>
    public long Transitions => Runs.Sum(r => r.Transitions);

    /// <summary>The depth every search completed.</summary>
    public int DepthCompleted => Runs.Min(r => r.DepthCompleted);

    /// <summary>Wall time of all searches.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(Runs.Sum(r => r.Elapsed.Ticks));

    /// <summary>What a report says of one property: violated (and how) or the bound it held to.</summary>
    public string Verdict(PropertyOutcome outcome)
    {
        if (!outcome.Holds)
        {
            return $"violated in {outcome.Counterexample!.Events.Length} events: {outcome.Counterexample.Violation.Reason}";
        }

        var first = Runs[0].Universe;
        var users = string.Join(" and ", Runs.Select(r => r.Universe.User == 0 ? "root" : "uid " + r.Universe.User.ToString(CultureInfo.InvariantCulture)));
        return $"holds up to depth {DepthCompleted} with {first.Processes} processes (p1 as {users}), {States:N0} states";
    }
}
