using System.Collections.Immutable;
using Isolation.Check.Counterexamples;
using Isolation.Check.Universe;
using Isolation.Properties;

namespace Isolation.Check.Explore;

/// <summary>What a search found: per property a shortest counterexample or the bound to which it held, and the search's figures.</summary>
/// <param name="Universe">The programs searched.</param>
/// <param name="Outcomes">One per property, in the order given.</param>
/// <param name="States">Distinct states stored.</param>
/// <param name="Transitions">Moves tried.</param>
/// <param name="DepthCompleted">The deepest level explored completely.</param>
/// <param name="BoundMessage">Why the search stopped before the depth bound, or null.</param>
/// <param name="Elapsed">Wall time.</param>
/// <param name="PeakManagedBytes">The most managed memory seen in use.</param>
public sealed record ExplorationResult(
    ProgramUniverse Universe,
    ImmutableArray<PropertyOutcome> Outcomes,
    long States,
    long Transitions,
    int DepthCompleted,
    string? BoundMessage,
    TimeSpan Elapsed,
    long PeakManagedBytes);

/// <summary>One property's outcome: violated (with a shortest counterexample) or held to the bound.</summary>
public sealed record PropertyOutcome(Property Property, Counterexample? Counterexample)
{
    /// <summary>Whether no program of the universe broke the property.</summary>
    public bool Holds => Counterexample is null;
}
