using System.CommandLine;
using Isolation.Check.Reports;
using Isolation.Model.Designs;

namespace Isolation.Cli.Commands;

/// <summary>
/// <c>isolation compare</c>: checks every design (or those named) with the same bounds, finds for
/// each pair of designs a shortest program on which they answer differently, and writes the report
/// (Markdown, or HTML with a graph per counterexample) with the counterexamples beside it.
/// </summary>
internal static class CompareCommand
{
    /// <summary>Makes the verb.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var designs = new Option<string>("--designs") { Description = "Comma-separated designs (default: all).", DefaultValueFactory = _ => "all" };
        var output = new Option<string>("--out") { Description = "Report file, .md or .html (default compare/report.md; counterexamples go beside it).", DefaultValueFactory = _ => Path.Combine("compare", "report.md") };
        var differenceDepth = new Option<int>("--difference-depth") { Description = "Moves per program when looking for differences between two designs (default 3).", DefaultValueFactory = _ => 3 };
        var options = new CheckOptions();
        var command = new Command("compare", "Compare designs: every claim checked with the same bounds, and a shortest program on which each pair answers differently.") { designs, output, differenceDepth };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var names = parse.GetValue(designs) == "all"
                ? DesignCatalog.All.Select(d => d.Name).ToList()
                : [.. parse.GetValue(designs)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
            var report = parse.GetValue(output)!;
            var dir = Path.GetDirectoryName(Path.GetFullPath(report))!;
            Directory.CreateDirectory(dir);
            var checks = new List<DesignCheck>();
            string? bounds = null;
            foreach (var name in names)
            {
                var (universes, error) = options.Universes(parse, name);
                if (error is not null)
                {
                    stderr.WriteLine($"isolation compare: {error}");
                    return 2;
                }

                bounds ??= "Bounds: " + string.Join("; ", universes.Select(u => u.Describe()));
                var properties = Checker.PropertiesOf(name, "all");
                if (!properties.IsEmpty)
                {
                    // a design that claims nothing (baseline) has no row to search for; it still takes part in the differences
                    checks.Add(Checker.Check(universes, properties, options.Explorer(parse), Path.Combine(dir, "counterexamples"), CheckCommand.Progress(name, stderr)));
                }
            }

            var differences = new List<(string, string, Difference?, string?)>();
            for (var i = 0; i < names.Count; i++)
            {
                for (var j = i + 1; j < names.Count; j++)
                {
                    var difference = DifferenceFinder.Find(names[i], names[j], parse.GetValue(differenceDepth));
                    string? file = null;
                    if (difference is not null)
                    {
                        Directory.CreateDirectory(Path.Combine(dir, "differences"));
                        file = Path.Combine(dir, "differences", $"{names[i]}--vs--{names[j]}.trace");
                        File.WriteAllText(file, DifferenceFinder.Scenario(difference));
                    }

                    differences.Add((names[i], names[j], difference, file));
                }
            }

            var compare = new CompareReport(checks, differences, bounds ?? "");
            File.WriteAllText(report, report.EndsWith(".html", StringComparison.OrdinalIgnoreCase) ? compare.Html(dir) : compare.Markdown(dir));
            stdout.Write(compare.Markdown(dir));
            stdout.WriteLine($"report: {report}");
            return 0;
        });
        return command;
    }
}
