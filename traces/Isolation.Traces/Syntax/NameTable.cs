namespace Isolation.Traces.Syntax;

/// <summary>
/// Shares one string per distinct name or short number in a file (<c>AF_UNIX</c>, <c>p1</c>,
/// <c>3</c>), so that a large trace holds each spelling once and reading it allocates little.
/// </summary>
internal sealed class NameTable
{
    /// <summary>Names longer than this are not shared.</summary>
    private const int MaxName = 32;

    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>An empty table.</summary>
    public NameTable() => _lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The shared string equal to <paramref name="text"/>, if it is at most <paramref name="max"/> long (numbers pass a small bound: addresses rarely repeat).</summary>
    public string Get(ReadOnlySpan<char> text, int max = MaxName)
    {
        if (text.Length > max)
        {
            return text.ToString();
        }

        if (!_lookup.TryGetValue(text, out string? name))
        {
            name = text.ToString();
            _names.Add(name, name);
        }

        return name;
    }
}
