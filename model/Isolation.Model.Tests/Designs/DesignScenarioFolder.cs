using Isolation.Traces.Syntax;

namespace Isolation.Model.Tests.Designs;

/// <summary>The scenario folder of one design, traces/spec/designs/&lt;design&gt;: its files by name, and their replay.</summary>
internal static class DesignScenarioFolder
{
    /// <summary>The names (without .trace) of the design's scenario files, in order.</summary>
    public static TheoryData<string> Files(string design) => SpecFolder.Files("designs/" + design);

    /// <summary>Parses the design's scenario <paramref name="name"/>.</summary>
    public static TraceFile Read(string design, string name) => SpecFolder.Read("designs/" + design, name);

    /// <summary>Replays the scenario, which must name the design in its header, and fails the test with every mismatch.</summary>
    public static void AssertReplays(string design, string name)
    {
        var trace = Read(design, name);
        Assert.Equal(design, trace.HeaderValue("design"));
        SpecFolder.AssertReplays(trace);
    }

    /// <summary>traces/spec/designs/&lt;design&gt; of the repository.</summary>
    public static string Folder(string design) => SpecFolder.PathOf("designs/" + design);
}
