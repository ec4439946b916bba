using Isolation.Traces.Syntax;

namespace Isolation.Properties.Tests.Designs;

/// <summary>The scenario files of traces/spec/designs/&lt;design&gt; and the verdicts of a design's properties on them.</summary>
internal static class SpecScenarios
{
    /// <summary>Every verdict, by property id, of <paramref name="properties"/> on the design's scenario <paramref name="name"/>.</summary>
    public static IReadOnlyDictionary<string, Verdict> Verdicts(string design, string name, IReadOnlyList<Property> properties)
    {
        var trace = TraceParser.ReadFile(PathOf(design, name));
        return PropertyRun.Check(trace, properties).ToDictionary(v => v.Property.Id, v => v.Verdict);
    }

    /// <summary>Asserts that every property holds on the scenario.</summary>
    public static void AssertAllHold(string design, string name, IReadOnlyList<Property> properties)
    {
        foreach (var (id, verdict) in Verdicts(design, name, properties))
        {
            Assert.True(verdict.Holds, $"{id} violated on {design}/{name} at step {verdict.Step}: {verdict.Reason}");
        }
    }

    /// <summary>Asserts that exactly the properties in <paramref name="violated"/> are violated on the scenario.</summary>
    public static void AssertViolated(string design, string name, IReadOnlyList<Property> properties, params string[] violated)
    {
        var verdicts = Verdicts(design, name, properties);
        foreach (var (id, verdict) in verdicts)
        {
            Assert.True(verdict.Holds != violated.Contains(id), $"{id} on {design}/{name}: expected {(violated.Contains(id) ? "violated" : "holds")}, got {(verdict.Holds ? "holds" : "violated: " + verdict.Reason)}");
        }
    }

    /// <summary>The path of the design's scenario <paramref name="name"/>.</summary>
    public static string PathOf(string design, string name) => Path.Combine(Folder(design), name + ".trace");

    private static string Folder(string design) => Isolation.Model.Tests.SpecFolder.PathOf("designs/" + design);
}
