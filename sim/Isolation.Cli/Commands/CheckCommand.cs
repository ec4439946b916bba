using System.CommandLine;
using Isolation.Check.Explore;
using Isolation.Check.Reports;
using Isolation.Model.Designs;

namespace Isolation.Cli.Commands;

/// <summary>
/// <c>isolation check</c>: explores every program of the universe for each design, checks its
/// properties in every state, writes one verified counterexample per violated property and prints
/// the table. Exit 0 when every property held, 1 when one was violated, 2 on bad input.
/// </summary>
internal static class CheckCommand
{
    /// <summary>Makes the verb.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var design = new Option<string>("--design", "-d") { Description = "Design (or stack a+b), or 'all' (default).", DefaultValueFactory = _ => "all" };
        var property = new Option<string>("--property", "-p") { Description = "Property id (design/claim or claim), or 'all' (default).", DefaultValueFactory = _ => "all" };
        var outDir = new Option<string>("--out") { Description = "Folder for counterexamples (default counterexamples/).", DefaultValueFactory = _ => "counterexamples" };
        var json = new Option<bool>("--json") { Description = "Print the results as JSON instead of the table." };
        var sarif = new Option<string?>("--sarif") { Description = "Also write SARIF 2.1.0 to this file." };
        var junit = new Option<string?>("--junit") { Description = "Also write JUnit XML to this file." };
        var options = new CheckOptions();
        var command = new Command("check", "Search every program up to a bound for violations of the designs' claims; write a counterexample per violated property.") { design, property, outDir, json, sarif, junit };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var designs = parse.GetValue(design) == "all" ? DesignCatalog.All.Select(d => d.Name).ToList() : [parse.GetValue(design)!];
            var checks = new List<DesignCheck>();
            foreach (var name in designs)
            {
                var (universes, error) = options.Universes(parse, name);
                if (error is not null)
                {
                    stderr.WriteLine($"isolation check: {error}");
                    return 2;
                }

                var properties = Checker.PropertiesOf(name, parse.GetValue(property));
                if (properties.IsEmpty)
                {
                    if (designs.Count == 1)
                    {
                        stderr.WriteLine($"isolation check: design '{name}' has no property '{parse.GetValue(property)}' (see `isolation properties --design {name}`)");
                        return 2;
                    }

                    continue;
                }

                checks.Add(Checker.Check(universes, properties, options.Explorer(parse), parse.GetValue(outDir), Progress(name, stderr)));
            }

            var report = new CheckReport(checks);
            stdout.Write(parse.GetValue(json) ? report.Json() : report.Table());
            if (parse.GetValue(sarif) is { } sarifPath)
            {
                File.WriteAllText(sarifPath, report.Sarif());
            }

            if (parse.GetValue(junit) is { } junitPath)
            {
                File.WriteAllText(junitPath, report.Junit());
            }

            return report.AnyViolation ? 1 : 0;
        });
        return command;
    }

    /// <summary>Live progress on a terminal (stderr), one line rewritten in place; nothing when stderr is redirected.</summary>
    public static Action<ExplorationProgress>? Progress(string design, TextWriter stderr) =>
        Console.IsErrorRedirected || stderr != Console.Error ? null : p =>
            stderr.Write($"\r{design}: depth {p.Depth}, {p.States:N0} states, {p.StatesPerSecond:N0} states/s, {p.ManagedBytes / (1 << 20):N0} MiB   \r");
}
