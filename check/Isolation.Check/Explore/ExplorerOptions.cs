namespace Isolation.Check.Explore;

/// <summary>How the explorer searches: which reductions, how many workers, how many states at most.</summary>
/// <param name="Symmetry">Symmetry reduction over processes (fingerprints under renaming) and over names, ports and addresses.</param>
/// <param name="PartialOrder">Partial-order reduction: local moves of different processes are tried in one order only.</param>
/// <param name="Workers">Threads expanding states; 0 means one per core.</param>
/// <param name="MaxStates">The bound on stored states; reaching it stops the search with a message saying so.</param>
/// <param name="StopWhenAllViolated">Stop as soon as every property has a counterexample.</param>
public sealed record ExplorerOptions(bool Symmetry = true, bool PartialOrder = true, int Workers = 0, long MaxStates = 2_000_000, bool StopWhenAllViolated = true)
{
    /// <summary>The number of threads to use.</summary>
    public int WorkerCount => Workers > 0 ? Workers : Environment.ProcessorCount;
}
