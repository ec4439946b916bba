using Isolation.Traces.Strace;

namespace Isolation.Traces.Syntax;

/// <summary>
/// Reads trace and scenario files: this project's format (first non-blank line
/// <c># isolation-trace 1</c>) and raw <c>strace -f</c> output (anything else). Every problem is a
/// <see cref="TraceException"/> with file, line, column and a one-line reason.
/// </summary>
/// <remarks>The format is traces/FORMAT.md.</remarks>
public static class TraceParser
{
    /// <summary>Reads <paramref name="text"/>, reporting positions against <paramref name="path"/>.</summary>
    public static TraceFile Parse(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        var lines = SourceText.Lines(text, path);
        foreach (var (number, line) in lines)
        {
            var content = line.AsSpan().TrimStart(" \t");
            if (!content.IsEmpty)
            {
                return content[0] == '#' ? TraceFormatReader.Read(lines, path, number) : StraceReader.Read(lines, path);
            }
        }

        throw new TraceException(new SourceSpan(path, 1, 1), $"empty file: expected '# {HeaderReader.MagicKey} {HeaderReader.Version}' or raw strace output");
    }

    /// <summary>
    /// Reads a single event line (<c>p2 kill(p1, SIGUSR1) = ?</c>) with no file around it: any
    /// process name is accepted, since the caller composes the program and keeps its order.
    /// </summary>
    public static EventLine ParseEvent(string line, string path)
    {
        ArgumentNullException.ThrowIfNull(line);
        return TraceFormatReader.ReadEvent(line, path);
    }

    /// <summary>Reads the file at <paramref name="path"/> (UTF-8).</summary>
    public static TraceFile ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new TraceException(new SourceSpan(path, 1, 1), "file not found");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new TraceException(new SourceSpan(path, 1, 1), "cannot read file: " + e.Message);
        }

        return Parse(SourceText.DecodeUtf8(bytes, path), path);
    }
}
