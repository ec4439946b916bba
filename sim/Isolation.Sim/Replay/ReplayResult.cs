using System.Collections.Immutable;
using Isolation.Traces.Syntax;

namespace Isolation.Sim.Replay;

/// <summary>The outcome of replaying one file: its mismatches, or the error that stopped it.</summary>
public sealed record ReplayResult(string Path, int Events, ImmutableArray<Mismatch> Mismatches, TraceDiagnostic? Error)
{
    /// <summary>Whether the model agreed with every line.</summary>
    public bool Passed => Error is null && Mismatches.IsEmpty;
}
