using Isolation.Traces.Syntax;

namespace Isolation.Sim.Replay;

/// <summary>
/// A line where the model answers differently from the trace: the place, the call, what the
/// trace (the kernel) says and what the model says.
/// </summary>
public sealed record Mismatch(SourceSpan Span, string Process, string Call, string Expected, string Actual)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Span}: mismatch: {Process} {Call}: trace says {Expected}, model says {Actual}";
}
