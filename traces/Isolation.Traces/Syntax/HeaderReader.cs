namespace Isolation.Traces.Syntax;

/// <summary>
/// Reads comment lines: the magic <c># isolation-trace 1</c>, header lines <c># key: value</c>
/// (before the first event) and plain comments.
/// </summary>
internal static class HeaderReader
{
    /// <summary>The key of the magic first line.</summary>
    public const string MagicKey = "isolation-trace";

    /// <summary>The only format version this reader knows.</summary>
    public const string Version = "1";

    /// <summary>
    /// Reads the comment whose <c>#</c> is at <paramref name="hash"/>; <paramref name="inHeader"/>
    /// says whether no event has come yet (only then is <c># key: value</c> a header line).
    /// </summary>
    public static TraceLine Read(SourceLine line, int hash, bool inHeader)
    {
        string text = line.Text[(hash + 1)..];
        var span = line.Span(hash, line.Text.Length - hash);
        if (inHeader && TryMagic(text, out string? version))
        {
            return new HeaderLine(MagicKey, version, span);
        }

        if (inHeader && TryKeyValue(text, out string? key, out string? value))
        {
            return new HeaderLine(key, value, span);
        }

        return new CommentLine(text, span);
    }

    /// <summary>Checks that the first non-blank line (with its <c>#</c> at <paramref name="hash"/>) is the magic line of version 1.</summary>
    public static void CheckMagic(SourceLine line, int hash)
    {
        if (!TryMagic(line.Text[(hash + 1)..], out string? version))
        {
            throw new TraceException(line.Span(hash), $"missing header: the first line must be '# {MagicKey} {Version}'");
        }

        if (version != Version)
        {
            throw new TraceException(line.Span(hash), $"unsupported trace format version '{version}' (this reader knows version {Version})");
        }
    }

    private static bool TryMagic(string text, out string version)
    {
        var rest = text.AsSpan().TrimStart(" \t");
        version = "";
        if (!rest.StartsWith(MagicKey) || rest.Length == MagicKey.Length || rest[MagicKey.Length] is not (' ' or '\t'))
        {
            return false;
        }

        version = rest[MagicKey.Length..].Trim(" \t").ToString();
        return version.Length > 0;
    }

    private static bool TryKeyValue(string text, out string key, out string value)
    {
        var rest = text.AsSpan().TrimStart(" \t");
        int end = 0;
        while (end < rest.Length && (LineCursor.IsIdentifierPart(rest[end]) || (end > 0 && rest[end] is '-' or '.')))
        {
            end++;
        }

        key = rest[..end].ToString();
        value = end < rest.Length ? rest[(end + 1)..].Trim(" \t").ToString() : "";
        return end > 0 && char.IsAsciiLetter(rest[0]) && end < rest.Length && rest[end] == ':';
    }
}
