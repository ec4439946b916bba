using System.Collections.Immutable;
using Isolation.Traces.Syntax;

namespace Isolation.Traces.Strace;

/// <summary>
/// Reads raw <c>strace</c> or <c>strace -f</c> output (pids as <c>1234 </c>, <c>[pid 1234] </c> or
/// absent) into an ordinary <see cref="TraceFile"/> with logical process names.
/// </summary>
/// <remarks>The mapping rules are in traces/FORMAT.md ("Raw strace input").</remarks>
internal static class StraceReader
{
    /// <summary>Reads the physical <paramref name="lines"/> of a raw strace file.</summary>
    public static TraceFile Read(IEnumerable<(int Number, string Text)> lines, string path)
    {
        var cursor = new LineCursor(new SourceLine(path, "", 1));
        var exprs = new ExprParser(cursor);
        var classified = new List<StraceLine>();
        foreach (var (number, text) in lines)
        {
            classified.Add(StraceLineClassifier.Classify(text, number, path, cursor));
        }

        var names = new PidNames();
        var result = ImmutableArray.CreateBuilder<TraceLine>(classified.Count);
        foreach (var line in CallJoiner.Join(classified))
        {
            var body = line.Body;
            var span = body.Span(0, body.Text.Length);
            result.Add(line.Kind switch
            {
                StraceLineKind.Blank => new BlankLine(span),
                StraceLineKind.Comment => new CommentLine(body.Text.StartsWith('#') ? body.Text[1..] : " " + body.Text, span),
                StraceLineKind.Note => ReadNote(line, names, cursor),
                _ => ReadEvent(line, names, cursor, exprs),
            });
        }

        return new TraceFile(path, result.ToImmutable());
    }

    private static NoteLine ReadNote(StraceLine line, PidNames names, LineCursor cursor)
    {
        string process = names.ForLine(line.Pid);
        cursor.Load(line.Body);
        var note = NoteReader.Read(cursor, process, 0);
        if (note.Text.StartsWith("+++", StringComparison.Ordinal))
        {
            names.Exited(process);
        }

        return note;
    }

    private static EventLine ReadEvent(StraceLine line, PidNames names, LineCursor cursor, ExprParser exprs)
    {
        string process = names.ForLine(line.Pid);
        cursor.Load(line.Body);
        if (cursor.IsAt(0, "p") && char.IsAsciiDigit(cursor.CharAt(1)) && cursor.CharAt(cursor.IdentifierEnd(0)) is ' ' or '\t')
        {
            throw cursor.Error(0, "a file with logical process names (p1, p2, …) must start with the header '# isolation-trace 1'");
        }

        return PidArguments.Rewrite(CallReader.Read(cursor, exprs, process, 0), names);
    }
}
