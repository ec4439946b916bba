namespace Isolation.Traces.Syntax;

/// <summary>
/// The text of one logical line and where each part of it came from. A raw strace call split into
/// <c>&lt;unfinished ...&gt;</c> and <c>&lt;... resumed&gt;</c> is one logical line made of two
/// physical ones, so a position in the text maps back to the physical line and column it was read at.
/// </summary>
internal sealed class SourceLine
{
    private readonly Segment _first;
    private readonly Segment[]? _more;

    /// <summary>A logical line that is (a part of) one physical line starting at <paramref name="column"/>.</summary>
    public SourceLine(string file, string text, int line, int column = 1)
        : this(file, text, new Segment(0, line, column), null)
    {
    }

    private SourceLine(string file, string text, Segment first, Segment[]? more)
    {
        File = file;
        Text = text;
        _first = first;
        _more = more;
    }

    /// <summary>The file the line was read from.</summary>
    public string File { get; }

    /// <summary>The text to parse.</summary>
    public string Text { get; }

    /// <summary>The physical line the text starts on.</summary>
    public int Line => _first.Line;

    /// <summary>The span of <paramref name="length"/> characters at <paramref name="index"/> in <see cref="Text"/>.</summary>
    public SourceSpan Span(int index, int length = 0)
    {
        var segment = _first;
        foreach (var s in _more ?? [])
        {
            if (s.Start <= index)
            {
                segment = s;
            }
        }

        return new SourceSpan(File, segment.Line, segment.Column + (index - segment.Start), length);
    }

    /// <summary>This line followed by <paramref name="text"/>, which was read at <paramref name="line"/>:<paramref name="column"/>.</summary>
    public SourceLine Append(string text, int line, int column) =>
        new(File, Text + text, _first, [.. _more ?? [], new Segment(Text.Length, line, column)]);

    /// <summary>Where a part of the text starts in the file.</summary>
    private readonly record struct Segment(int Start, int Line, int Column);
}
