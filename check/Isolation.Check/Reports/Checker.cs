using System.Collections.Immutable;
using Isolation.Check.Counterexamples;
using Isolation.Check.Explore;
using Isolation.Check.Universe;
using Isolation.Properties;

namespace Isolation.Check.Reports;

/// <summary>
/// Checks designs: builds each one's universe, runs the explorer over its properties, writes every
/// counterexample (verified by replay) under the output folder. What <c>check</c> and <c>compare</c> share.
/// </summary>
public static class Checker
{
    /// <summary>
    /// Checks one design (or stack) in one universe per start user, keeps per property the shortest
    /// counterexample, and writes it under <paramref name="outDir"/>/&lt;design&gt;/.
    /// </summary>
    public static DesignCheck Check(IReadOnlyList<ProgramUniverse> universes, IReadOnlyList<Property> properties, ExplorerOptions options, string? outDir, Action<ExplorationProgress>? progress = null)
    {
        var runs = universes.Select(u => new Explorer(u, properties, options).Run(progress)).ToImmutableArray();
        var outcomes = properties.Select((p, i) => new PropertyOutcome(p, runs
            .Select(r => r.Outcomes[i].Counterexample)
            .Where(c => c is not null)
            .OrderBy(c => c!.Events.Length)
            .FirstOrDefault())).ToImmutableArray();
        var design = universes[0].DesignSpec;
        var files = ImmutableDictionary.CreateBuilder<string, string>();
        foreach (var outcome in outcomes.Where(o => !o.Holds))
        {
            var text = CounterexampleWriter.Write(outcome.Counterexample!);
            if (outDir is not null)
            {
                var dir = Path.Combine(outDir, design);
                Directory.CreateDirectory(dir);
                var path = Path.Combine(dir, CounterexampleWriter.FileName(outcome.Property));
                File.WriteAllText(path, text);
                files[outcome.Property.Id] = path;
            }
        }

        return new DesignCheck(design, runs, outcomes, files.ToImmutable());
    }

    /// <summary>The properties of a design stack, filtered to one id (or all).</summary>
    public static ImmutableArray<Property> PropertiesOf(string designSpec, string? property) =>
        [.. PropertyCatalog.ForDesigns(designSpec.Split('+')).Where(p => property is null or "all" || p.Id == property || p.Id.EndsWith("/" + property, StringComparison.Ordinal))];
}
