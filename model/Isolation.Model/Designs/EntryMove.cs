using System.Collections.Immutable;

namespace Isolation.Model.Designs;

/// <summary>
/// One way a process enters or configures a design, as the system calls a real program makes, in
/// order, by one process: <c>prctl(PR_SET_NETWORK, PR_NETWORK_OFF)</c>, or open
/// <c>/proc/self/attr/exec</c>, write a jail request, close it and exec. The checker offers each
/// move as one step of the programs it explores (the calls of a move touch only the caller, so
/// running them back to back loses no interleaving that matters).
/// </summary>
/// <param name="Name">A short name for reports: <c>network-off</c>, <c>enter-jail</c>.</param>
/// <param name="Calls">
/// The calls, with holes the checker fills: <c>{r1}</c> is the result of the move's first call
/// (a descriptor it opened), <c>{fd}</c> any descriptor the caller holds.
/// </param>
public sealed record EntryMove(string Name, ImmutableArray<string> Calls)
{
    /// <summary>
    /// Whether the move changes state other processes see (a cgroup it creates, a table rule): such a
    /// move is never reordered with other processes' moves by the checker's partial-order reduction.
    /// </summary>
    public bool Shared { get; init; }

    /// <summary>A move of one call.</summary>
    public static EntryMove Single(string name, string call) => new(name, [call]);
}
