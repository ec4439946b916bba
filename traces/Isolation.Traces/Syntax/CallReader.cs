namespace Isolation.Traces.Syntax;

/// <summary>Reads the part of an event line after the process: <c>call(args) = result  # comment</c>.</summary>
internal static class CallReader
{
    /// <summary>Reads a call for <paramref name="process"/>; the event's span starts at <paramref name="lineStart"/>.</summary>
    public static EventLine Read(LineCursor c, ExprParser exprs, string process, int lineStart)
    {
        int callStart = c.Position;
        string call = c.ReadIdentifier("a call name");
        if (c.Current != '(')
        {
            throw c.Unexpected($"'(' after the call name '{call}'");
        }

        int open = c.Position++;
        var args = exprs.ReadList(')', open);
        int equals = c.SpacesEnd(c.Position);
        if (c.CharAt(equals) != '=')
        {
            throw c.Error(equals, $"expected '=' and a result after ')', found {c.Describe(equals)}");
        }

        c.Position = c.SpacesEnd(equals + 1);
        var result = ResultReader.Read(c);
        string? comment = ReadTrailingComment(c, "the result");
        return new EventLine(process, call, args, result, comment, c.Line.Span(lineStart, c.Text.Length - lineStart))
        {
            CallSpan = c.Line.Span(callStart, call.Length),
        };
    }

    /// <summary>Reads what may follow the end of a line's content: nothing, or a <c>#</c> comment (returned without the <c>#</c>).</summary>
    public static string? ReadTrailingComment(LineCursor c, string after)
    {
        c.SkipSpaces();
        if (c.Current == '#')
        {
            return c.Text[(c.Position + 1)..];
        }

        if (c.Current == '\0')
        {
            return null;
        }

        // strace -T appends the time spent in the call: "= 0 <0.000012>".
        string hint = c.Current == '<' && char.IsAsciiDigit(c.CharAt(c.Position + 1)) ? " (strace -T durations are not supported)" : "";
        throw c.Error(c.Position, $"unexpected {c.Describe(c.Position)} after {after}{hint}");
    }
}
