namespace Isolation.Traces.Syntax;

/// <summary>
/// Raised by readers of a trace (parser, binder, simulator) when input cannot be used; carries the
/// diagnostic that the CLI prints as <c>file:line:col: error: reason</c>.
/// </summary>
public sealed class TraceException : Exception
{
    /// <summary>Creates the exception for a diagnostic.</summary>
    public TraceException(TraceDiagnostic diagnostic)
        : base(diagnostic.ToString()) => Diagnostic = diagnostic;

    /// <summary>Creates the exception for a message at a place.</summary>
    public TraceException(SourceSpan span, string message)
        : this(new TraceDiagnostic(span, message))
    {
    }

    /// <summary>What went wrong, and where.</summary>
    public TraceDiagnostic Diagnostic { get; }
}
