namespace Isolation.Traces.Syntax;

/// <summary>
/// A read position in one <see cref="SourceLine"/>, shared by the expression, result and call
/// readers. <c>#</c> outside strings and notes ends the content of a line.
/// </summary>
internal sealed class LineCursor
{
    private int _spacesFrom = -1;
    private int _spacesTo;

    /// <summary>A cursor at the start of <paramref name="line"/>, with a fresh <see cref="NameTable"/>.</summary>
    public LineCursor(SourceLine line)
    {
        Line = line;
        Text = line.Text;
    }

    /// <summary>The names shared by everything read with this cursor.</summary>
    public NameTable Names { get; } = new();

    /// <summary>The line being read.</summary>
    public SourceLine Line { get; private set; }

    /// <summary>The text of the line.</summary>
    public string Text { get; private set; }

    /// <summary>The index of the next character to read.</summary>
    public int Position { get; set; }

    /// <summary>Moves the cursor to the start of another line.</summary>
    public void Load(SourceLine line)
    {
        Line = line;
        Text = line.Text;
        Position = 0;
        _spacesFrom = -1;
    }

    /// <summary>The next character, or <c>'\0'</c> at the end of the text (input never holds NUL).</summary>
    public char Current => CharAt(Position);

    /// <summary>True at the end of the text or at a <c>#</c> comment.</summary>
    public bool AtEnd => IsEnd(Current);

    /// <summary>True if <paramref name="c"/> ends the content of a line.</summary>
    public static bool IsEnd(char c) => c is '\0' or '#';

    /// <summary>True if <paramref name="c"/> may start an identifier.</summary>
    public static bool IsIdentifierStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    /// <summary>True if <paramref name="c"/> may continue an identifier or a number.</summary>
    public static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || char.IsAsciiDigit(c);

    /// <summary>The character at <paramref name="index"/>, or <c>'\0'</c> past the end.</summary>
    public char CharAt(int index) => index < Text.Length ? Text[index] : '\0';

    /// <summary>True if the text at <paramref name="index"/> starts with <paramref name="s"/>.</summary>
    public bool IsAt(int index, string s) => index + s.Length <= Text.Length && Text.AsSpan(index, s.Length).SequenceEqual(s);

    /// <summary>The index after the spaces and tabs at <paramref name="from"/> (memoized, so that re-checks stay linear).</summary>
    public int SpacesEnd(int from)
    {
        if (from != _spacesFrom)
        {
            int p = from;
            while (p < Text.Length && Text[p] is ' ' or '\t')
            {
                p++;
            }

            _spacesFrom = from;
            _spacesTo = p;
        }

        return _spacesTo;
    }

    /// <summary>Moves past spaces and tabs.</summary>
    public void SkipSpaces() => Position = SpacesEnd(Position);

    /// <summary>Consumes <paramref name="c"/> if it is next.</summary>
    public bool Skip(char c)
    {
        if (Current != c)
        {
            return false;
        }

        Position++;
        return true;
    }

    /// <summary>The index after the identifier at <paramref name="from"/> (equal to it if there is none).</summary>
    public int IdentifierEnd(int from)
    {
        if (!IsIdentifierStart(CharAt(from)))
        {
            return from;
        }

        int p = from + 1;
        while (IsIdentifierPart(CharAt(p)))
        {
            p++;
        }

        return p;
    }

    /// <summary>Reads an identifier, or throws with <paramref name="expected"/> as the reason.</summary>
    public string ReadIdentifier(string expected)
    {
        int end = IdentifierEnd(Position);
        if (end == Position)
        {
            throw Unexpected(expected);
        }

        string name = Names.Get(Text.AsSpan(Position, end - Position));
        Position = end;
        return name;
    }

    /// <summary>The span from <paramref name="start"/> to the current position.</summary>
    public SourceSpan SpanFrom(int start) => Line.Span(start, Position - start);

    /// <summary>An error at <paramref name="index"/>.</summary>
    public TraceException Error(int index, string message) => new(Line.Span(index), message);

    /// <summary>An error at the current position: "expected X, found Y".</summary>
    public TraceException Unexpected(string expected) => Error(Position, $"expected {expected}, found {Describe(Position)}");

    /// <summary>How the text at <paramref name="index"/> reads in a message: <c>end of line</c> or <c>'x'</c>.</summary>
    public string Describe(int index) => IsEnd(CharAt(index)) ? "end of line" : $"'{Text[index]}'";
}
