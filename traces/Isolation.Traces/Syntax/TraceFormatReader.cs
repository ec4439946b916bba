using System.Collections.Immutable;

namespace Isolation.Traces.Syntax;

/// <summary>Reads a file in this project's format: the magic header, header comments, events with logical process names.</summary>
internal static class TraceFormatReader
{
    /// <summary>Reads <paramref name="lines"/>, whose first non-blank line (number <paramref name="first"/>) is a comment.</summary>
    public static TraceFile Read(IEnumerable<(int Number, string Text)> lines, string path, int first)
    {
        var cursor = new LineCursor(new SourceLine(path, "", 1));
        var exprs = new ExprParser(cursor);
        var tracker = new ProcessTracker();
        var result = ImmutableArray.CreateBuilder<TraceLine>();
        bool inHeader = true;
        foreach (var (number, text) in lines)
        {
            var line = new SourceLine(path, text, number);
            cursor.Load(line);
            cursor.SkipSpaces();
            int start = cursor.Position;
            if (cursor.Current == '\0')
            {
                result.Add(new BlankLine(line.Span(0, text.Length)));
                continue;
            }

            if (cursor.Current == '#')
            {
                if (number == first)
                {
                    HeaderReader.CheckMagic(line, start);
                }

                result.Add(HeaderReader.Read(line, start, inHeader));
                continue;
            }

            inHeader = false;
            result.Add(ReadProcessLine(cursor, exprs, tracker));
        }

        return new TraceFile(path, result.ToImmutable());
    }

    /// <summary>
    /// Reads one event line on its own, for tools that compose programs line by line (the checker):
    /// the process order of a file is theirs to keep, so any process name is accepted here.
    /// </summary>
    public static EventLine ReadEvent(string text, string path)
    {
        var cursor = new LineCursor(new SourceLine(path, text, 1));
        cursor.SkipSpaces();
        var tracker = new ProcessTracker();
        tracker.Create(ProcessNames.First);
        var start = cursor.Position;
        tracker.Create(ProcessNames.Read(cursor));
        cursor.Position = start;
        return ReadProcessLine(cursor, new ExprParser(cursor), tracker) as EventLine
            ?? throw new TraceException(new SourceSpan(path, 1, start + 1), "expected an event line, found a note");
    }

    private static TraceLine ReadProcessLine(LineCursor c, ExprParser exprs, ProcessTracker tracker)
    {
        int start = c.Position;
        if (char.IsAsciiDigit(c.Current) || c.Current == '[')
        {
            throw c.Error(start, "expected a process name (p1, p2, …), found a raw strace pid; raw strace files have no '#' header");
        }

        string process = ProcessNames.Read(c);
        tracker.Use(process, c.Line.Span(start, process.Length));
        if (c.Current is not (' ' or '\t'))
        {
            throw c.Unexpected($"a space and a call after the process name {process}");
        }

        c.SkipSpaces();
        if (c.IsAt(c.Position, "+++") || c.IsAt(c.Position, "---"))
        {
            return NoteReader.Read(c, process, start);
        }

        var ev = CallReader.Read(c, exprs, process, start);
        if (ev.Result is ProcessResult created)
        {
            tracker.Create(created.Process);
        }

        return ev;
    }
}
