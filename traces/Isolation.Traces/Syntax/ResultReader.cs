namespace Isolation.Traces.Syntax;

/// <summary>
/// Reads what follows <c>=</c>: <c>3</c>, <c>0x8000 (flags O_RDONLY|O_LARGEFILE)</c>, <c>p2</c>,
/// <c>-1 EPERM (Operation not permitted)</c>, <c>?</c>, <c>? ERESTARTNOHAND (To be restarted if no handler)</c>.
/// </summary>
/// <remarks>strace's syscall.c syscall_exiting_trace prints these forms.</remarks>
internal static class ResultReader
{
    /// <summary>Reads a result at the cursor.</summary>
    public static CallResult Read(LineCursor c)
    {
        int start = c.Position;
        char ch = c.Current;
        if (ch == '?')
        {
            c.Position++;
            int noteStart = c.SpacesEnd(c.Position);
            string? note = null;
            if (!LineCursor.IsEnd(c.CharAt(noteStart)))
            {
                c.Position = noteStart;
                note = ReadBalanced(c, untilEnd: true).TrimEnd(' ', '\t');
            }

            return new UnknownResult(c.SpanFrom(start)) { Note = note };
        }

        if (ch == 'p')
        {
            return new ProcessResult(ProcessNames.Read(c), c.SpanFrom(start));
        }

        if (ch != '-' && !char.IsAsciiDigit(ch))
        {
            throw c.Unexpected("a result (a number, pN, '-1 ERRNO' or '?')");
        }

        var number = NumberReader.Read(c);
        int nameStart = c.SpacesEnd(c.Position);
        bool named = LineCursor.IsIdentifierStart(c.CharAt(nameStart));
        if (named && number.Value != -1 && ErrnoInfo.TryParse(c.Text[nameStart..c.IdentifierEnd(nameStart)], out _))
        {
            throw c.Error(start, "a failure is written '-1 ERRNO' (strace prints -1 and the errno name)");
        }

        if (!named || number.Value != -1)
        {
            return new ValueResult(number.Value, number.Text, ReadNote(c), c.SpanFrom(start));
        }

        c.Position = nameStart;
        string name = c.ReadIdentifier("an errno name");
        if (!ErrnoInfo.TryParse(name, out var errno))
        {
            throw c.Error(nameStart, $"unknown errno name '{name}'");
        }

        return new ErrorResult(errno, ReadNote(c), c.SpanFrom(start));
    }

    /// <summary>Reads an optional <c>(text)</c> after a result and returns the text between the parentheses.</summary>
    private static string? ReadNote(LineCursor c)
    {
        int open = c.SpacesEnd(c.Position);
        if (c.CharAt(open) != '(')
        {
            return null;
        }

        c.Position = open;
        string text = ReadBalanced(c, untilEnd: false);
        return text[1..^1];
    }

    /// <summary>
    /// Reads text with balanced parentheses, strings skipped whole: one parenthesized group, or
    /// (<paramref name="untilEnd"/>) everything up to the end of the line or a <c>#</c> outside them.
    /// </summary>
    private static string ReadBalanced(LineCursor c, bool untilEnd)
    {
        string text = c.Text;
        int start = c.Position, i = start;
        var opens = new Stack<int>();
        for (; i < text.Length; i++)
        {
            char ch = text[i];
            if (ch == '"')
            {
                i = StringEnd(c, i);
            }
            else if (ch == '(')
            {
                opens.Push(i);
            }
            else if (ch == ')')
            {
                if (opens.Count == 0)
                {
                    throw c.Error(i, "unbalanced ')' in the result");
                }

                opens.Pop();
                if (opens.Count == 0 && !untilEnd)
                {
                    c.Position = i + 1;
                    return text[start..c.Position];
                }
            }
            else if (ch == '#' && opens.Count == 0 && untilEnd)
            {
                break;
            }
        }

        if (opens.Count > 0)
        {
            throw c.Error(i, $"missing ')' to close '(' at column {c.Line.Span(opens.Peek()).Column}");
        }

        c.Position = i;
        return text[start..i];
    }

    private static int StringEnd(LineCursor c, int open)
    {
        for (int i = open + 1; i < c.Text.Length; i++)
        {
            if (c.Text[i] == '\\')
            {
                i++;
            }
            else if (c.Text[i] == '"')
            {
                return i;
            }
        }

        throw c.Error(open, "unterminated string (missing '\"')");
    }
}
