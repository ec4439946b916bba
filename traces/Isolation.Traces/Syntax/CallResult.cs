namespace Isolation.Traces.Syntax;

/// <summary>What follows <c>=</c> on an event line.</summary>
public abstract record CallResult(SourceSpan Span);

/// <summary><c>= N</c>: success with a value; <see cref="Text"/> keeps the spelling, <see cref="Note"/> strace's trailing <c>(…)</c> if any.</summary>
public sealed record ValueResult(long Value, string Text, string? Note, SourceSpan Span) : CallResult(Span)
{
    /// <summary>A decimal result made by the model.</summary>
    public static ValueResult Of(long value) => new(value, value.ToString(System.Globalization.CultureInfo.InvariantCulture), null, SourceSpan.None);
}

/// <summary><c>= pN</c>: a call that made a process names the child.</summary>
public sealed record ProcessResult(string Process, SourceSpan Span) : CallResult(Span);

/// <summary><c>= -1 ERRNO (text)</c>: failure; the text is optional on input.</summary>
public sealed record ErrorResult(Errno Errno, string? Text, SourceSpan Span) : CallResult(Span)
{
    /// <summary>A failure made by the model, with the errno's standard text.</summary>
    public static ErrorResult Of(Errno errno) => new(errno, ErrnoInfo.Text(errno), SourceSpan.None);
}

/// <summary><c>= ?</c>: no value (a scenario's "record whatever comes back", or a call that never returns such as <c>exit_group</c>).</summary>
public sealed record UnknownResult(SourceSpan Span) : CallResult(Span)
{
    /// <summary>What strace printed after the <c>?</c>, if anything: <c>ERESTARTNOHAND (To be restarted if no handler)</c>.</summary>
    public string? Note { get; init; }

    /// <summary>The unknown result made by the model.</summary>
    public static readonly UnknownResult Model = new(SourceSpan.None);
}
