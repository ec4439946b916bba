using System.Collections.Immutable;

namespace Isolation.Traces.Syntax;

/// <summary>A parsed trace or scenario file: its lines in order, comments and blanks included.</summary>
public sealed record TraceFile(string Path, ImmutableArray<TraceLine> Lines)
{
    /// <summary>The header values (<c># key: value</c> lines before the first event), by key.</summary>
    public IReadOnlyDictionary<string, string> Header =>
        Lines.TakeWhile(l => l is not EventLine and not NoteLine).OfType<HeaderLine>()
            .GroupBy(h => h.Key).ToDictionary(g => g.Key, g => g.Last().Value);

    /// <summary>The events in file order.</summary>
    public IEnumerable<EventLine> Events => Lines.OfType<EventLine>();

    /// <summary>The header value for <paramref name="key"/>, or null.</summary>
    public string? HeaderValue(string key) => Header.TryGetValue(key, out var v) ? v : null;
}
