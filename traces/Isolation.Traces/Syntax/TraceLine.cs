using System.Collections.Immutable;

namespace Isolation.Traces.Syntax;

/// <summary>One line of a trace file.</summary>
public abstract record TraceLine(SourceSpan Span);

/// <summary>An empty or whitespace-only line.</summary>
public sealed record BlankLine(SourceSpan Span) : TraceLine(Span);

/// <summary>A <c># ...</c> comment line; <see cref="Text"/> is everything after <c>#</c>.</summary>
public sealed record CommentLine(string Text, SourceSpan Span) : TraceLine(Span);

/// <summary>A header comment <c># key: value</c> (or the magic <c># isolation-trace 1</c>, with key <c>isolation-trace</c>).</summary>
public sealed record HeaderLine(string Key, string Value, SourceSpan Span) : TraceLine(Span);

/// <summary>
/// A line raw strace prints that is not a call: <c>+++ exited with 0 +++</c>,
/// <c>--- SIGCHLD {...} ---</c>. Kept so a raw file round-trips; it has no effect on the model.
/// </summary>
public sealed record NoteLine(string Process, string Text, SourceSpan Span) : TraceLine(Span);

/// <summary>An event: <c>&lt;proc&gt; &lt;call&gt;(&lt;args&gt;) = &lt;result&gt;</c>, with an optional trailing comment.</summary>
public sealed record EventLine(string Process, string Call, ImmutableArray<Expr> Args, CallResult Result, string? Comment, SourceSpan Span) : TraceLine(Span)
{
    /// <summary>The span of the call name, for errors about the call itself.</summary>
    public SourceSpan CallSpan { get; init; } = Span;
}
