using Isolation.Traces.Syntax;

namespace Isolation.Traces.Strace;

/// <summary>
/// Takes the pid prefix off a line of raw strace output (<c>1234 </c>, <c>[pid  1234] </c> or
/// none) and says what the rest is.
/// </summary>
/// <remarks>strace.c printleader and strace's -f output; -t/-tt/-ttt/-r prefixes are refused.</remarks>
internal static class StraceLineClassifier
{
    private const string UnfinishedMarker = "<unfinished ...>";

    /// <summary>Classifies physical line <paramref name="number"/>, reading it with <paramref name="c"/>.</summary>
    public static StraceLine Classify(string text, int number, string path, LineCursor c)
    {
        c.Load(new SourceLine(path, text, number));
        c.SkipSpaces();
        if (c.Current == '\0')
        {
            return new StraceLine(StraceLineKind.Blank, null, c.Line);
        }

        if (c.Current == '#')
        {
            return new StraceLine(StraceLineKind.Comment, null, Rest(c));
        }

        long? pid = ReadPid(c);
        RefuseTimestamp(c);
        var body = Rest(c);
        string b = body.Text;
        if (pid is null && b.StartsWith("strace: ", StringComparison.Ordinal))
        {
            return new StraceLine(StraceLineKind.Comment, null, body);
        }

        if (b.StartsWith("+++", StringComparison.Ordinal) || b.StartsWith("---", StringComparison.Ordinal))
        {
            return new StraceLine(StraceLineKind.Note, pid, body);
        }

        if (b.StartsWith("<...", StringComparison.Ordinal))
        {
            return Resumed(c, pid);
        }

        string trimmed = b.TrimEnd(' ', '\t');
        if (trimmed.EndsWith(UnfinishedMarker, StringComparison.Ordinal))
        {
            string partial = trimmed[..^UnfinishedMarker.Length].TrimEnd(' ', '\t');
            return new StraceLine(StraceLineKind.Unfinished, pid, new SourceLine(path, partial, number, c.Position + 1), CallName(c));
        }

        return new StraceLine(StraceLineKind.Call, pid, body);
    }

    /// <summary>True if <paramref name="text"/> (a resumed line's rest) says the call never finished: <c> &lt;unfinished ...&gt;) = ?</c>.</summary>
    public static bool StartsUnfinished(string text, out int after)
    {
        int start = text.Length - text.TrimStart(' ', '\t').Length;
        after = start + UnfinishedMarker.Length;
        return text.AsSpan(start).StartsWith(UnfinishedMarker, StringComparison.Ordinal);
    }

    private static long? ReadPid(LineCursor c)
    {
        int start = c.Position;
        bool bracketed = c.IsAt(start, "[pid");
        if (bracketed)
        {
            c.Position += 4;
            c.SkipSpaces();
        }
        else if (!char.IsAsciiDigit(c.Current) || !IsPidEnd(c.CharAt(DigitsEnd(c, start))))
        {
            return null;
        }

        int digits = c.Position;
        c.Position = DigitsEnd(c, digits);
        if (c.Position == digits || c.Position - digits > 10 || !long.TryParse(c.Text.AsSpan(digits, c.Position - digits), out long pid))
        {
            throw c.Error(digits, "expected a pid");
        }

        if (bracketed && !c.Skip(']'))
        {
            throw c.Unexpected("']' after the pid");
        }

        c.SkipSpaces();
        return pid;
    }

    private static bool IsPidEnd(char ch) => ch is ' ' or '\t';

    private static int DigitsEnd(LineCursor c, int from)
    {
        while (char.IsAsciiDigit(c.CharAt(from)))
        {
            from++;
        }

        return from;
    }

    /// <summary>strace -t/-tt print <c>12:34:56.789</c>, -ttt and -r <c>1700000000.123456</c> before the call.</summary>
    private static void RefuseTimestamp(LineCursor c)
    {
        if (char.IsAsciiDigit(c.Current) && c.CharAt(DigitsEnd(c, c.Position)) is ':' or '.')
        {
            throw c.Error(c.Position, "timestamps (strace -t, -tt, -ttt, -r) are not supported; capture without them");
        }
    }

    private static StraceLine Resumed(LineCursor c, long? pid)
    {
        int start = c.Position;
        c.Position += 4;
        c.SkipSpaces();
        string name = c.ReadIdentifier("a call name in '<... name resumed>'");
        c.SkipSpaces();
        if (!c.IsAt(c.Position, "resumed>"))
        {
            throw c.Error(start, "expected '<... name resumed>'");
        }

        c.Position += "resumed>".Length;
        return new StraceLine(StraceLineKind.Resumed, pid, Rest(c), name) { Start = c.Line.Span(start) };
    }

    private static string CallName(LineCursor c) => c.Text[c.Position..c.IdentifierEnd(c.Position)] is { Length: > 0 } name
        ? name
        : throw c.Unexpected("a call name");

    private static SourceLine Rest(LineCursor c) => new(c.Line.File, c.Text[c.Position..], c.Line.Line, c.Position + 1);
}
