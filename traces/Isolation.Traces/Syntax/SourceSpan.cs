namespace Isolation.Traces.Syntax;

/// <summary>A place in a trace file: file, 1-based line and column, and the length of the text.</summary>
public readonly record struct SourceSpan(string File, int Line, int Column, int Length = 0)
{
    /// <summary>The span used for values made by the model rather than read from a file.</summary>
    public static readonly SourceSpan None = new("<model>", 0, 0);

    /// <inheritdoc/>
    public override string ToString() => $"{File}:{Line}:{Column}";
}
