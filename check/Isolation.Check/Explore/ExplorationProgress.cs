namespace Isolation.Check.Explore;

/// <summary>Where a search is: told after every chunk of states expanded.</summary>
/// <param name="Depth">The depth being expanded.</param>
/// <param name="States">Distinct states stored so far.</param>
/// <param name="Transitions">Moves tried so far.</param>
/// <param name="Elapsed">Time since the search began.</param>
/// <param name="ManagedBytes">Managed memory in use.</param>
public sealed record ExplorationProgress(int Depth, long States, long Transitions, TimeSpan Elapsed, long ManagedBytes)
{
    /// <summary>States per second so far.</summary>
    public double StatesPerSecond => Elapsed.TotalSeconds > 0 ? States / Elapsed.TotalSeconds : 0;
}
