using Isolation.Traces.Syntax;

namespace Isolation.Traces.Strace;

/// <summary>
/// One line of raw strace output with its pid prefix taken off. <see cref="Body"/> is what follows
/// the prefix (for <see cref="StraceLineKind.Unfinished"/> without the marker, for
/// <see cref="StraceLineKind.Resumed"/> what follows <c>&lt;... name resumed&gt;</c>);
/// <see cref="Call"/> names the call of a split one.
/// </summary>
internal sealed record StraceLine(StraceLineKind Kind, long? Pid, SourceLine Body, string? Call = null)
{
    /// <summary>Where the line's content starts (after the pid prefix), for messages about the whole line.</summary>
    public SourceSpan Start { get; init; } = Body.Span(0);

    /// <summary>The physical line number, for messages.</summary>
    public int Number => Body.Line;
}
