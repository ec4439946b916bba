using System.Collections.Concurrent;
using Isolation.Traces.Syntax;

namespace Isolation.Check.Explore;

/// <summary>Parses event lines once: the explorer runs the same few hundred lines millions of times.</summary>
internal static class EventCache
{
    private static readonly ConcurrentDictionary<string, EventLine> Parsed = new(StringComparer.Ordinal);

    /// <summary>The event <c>process call = ?</c>, parsed.</summary>
    public static EventLine Get(string process, string call) =>
        Parsed.GetOrAdd($"{process} {call} = ?", static line =>
            TraceParser.ParseEvent(line, "<explorer>"));
}
