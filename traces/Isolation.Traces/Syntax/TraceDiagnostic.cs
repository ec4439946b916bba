namespace Isolation.Traces.Syntax;

/// <summary>One error in a trace or scenario, with the place it was found and a one-line reason.</summary>
public sealed record TraceDiagnostic(SourceSpan Span, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Span}: error: {Message}";
}
