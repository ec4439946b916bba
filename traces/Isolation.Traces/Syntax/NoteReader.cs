namespace Isolation.Traces.Syntax;

/// <summary>Reads strace's lines about a process rather than a call: <c>+++ exited with 0 +++</c>, <c>--- SIGCHLD {...} ---</c>.</summary>
internal static class NoteReader
{
    /// <summary>Reads the note at the cursor (at <c>+++</c> or <c>---</c>) for <paramref name="process"/>; the line's span starts at <paramref name="lineStart"/>.</summary>
    public static NoteLine Read(LineCursor c, string process, int lineStart)
    {
        string text = c.Text[c.Position..].TrimEnd(' ', '\t');
        string marker = text[..3];
        if (text.Length < 7 || text[3] != ' ' || !text.EndsWith(" " + marker, StringComparison.Ordinal))
        {
            throw c.Error(c.Position, $"a note line is written '{marker} text {marker}'");
        }

        return new NoteLine(process, text, c.Line.Span(lineStart, c.Text.Length - lineStart));
    }
}
