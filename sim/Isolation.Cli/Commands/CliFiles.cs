using Isolation.Traces.Syntax;

namespace Isolation.Cli.Commands;

/// <summary>Turns the command line's file arguments into trace files: directories are searched for <c>*.trace</c>.</summary>
internal static class CliFiles
{
    /// <summary>The files named, with each directory replaced by its <c>*.trace</c> files in ordinal order.</summary>
    public static IEnumerable<string> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*.trace", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    yield return file;
                }
            }
            else
            {
                yield return path;
            }
        }
    }

    /// <summary>Reads one file, or writes its error to <paramref name="stderr"/> and returns null.</summary>
    public static TraceFile? TryRead(string path, TextWriter stderr)
    {
        try
        {
            return TraceParser.ReadFile(path);
        }
        catch (TraceException e)
        {
            stderr.WriteLine(e.Diagnostic);
            return null;
        }
    }
}
