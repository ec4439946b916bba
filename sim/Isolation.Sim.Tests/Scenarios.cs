using Isolation.Traces.Syntax;

namespace Isolation.Sim.Tests;

/// <summary>Builds scenario files from text for tests.</summary>
internal static class Scenarios
{
    /// <summary>Parses a scenario given as lines; the magic header is added.</summary>
    public static TraceFile Parse(params string[] lines) =>
        TraceParser.Parse("# isolation-trace 1\n" + string.Join("\n", lines) + "\n", "test.trace");
}
