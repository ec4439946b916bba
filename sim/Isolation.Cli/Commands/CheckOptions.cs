using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using Isolation.Check.Explore;
using Isolation.Check.Universe;
using Isolation.Model.Designs;

namespace Isolation.Cli.Commands;

/// <summary>The options <c>check</c> and <c>compare</c> share: bounds, threat model, reductions.</summary>
internal sealed class CheckOptions
{
    public Option<int> Depth { get; } = new("--depth") { Description = "Moves per program (default 5).", DefaultValueFactory = _ => ProgramUniverse.DefaultDepth };

    public Option<int> Procs { get; } = new("--procs") { Description = "Processes per program, p1 included (default 2).", DefaultValueFactory = _ => ProgramUniverse.DefaultProcesses };

    public Option<string> Users { get; } = new("--users") { Description = "Users p1 starts as, one search each (default 0,1000).", DefaultValueFactory = _ => "0,1000" };

    public Option<string?> Families { get; } = new("--families") { Description = $"Call families the attacker may use (default all: {string.Join(",", CallFamilies.Names)})." };

    public Option<bool> Colluder { get; } = new("--colluder") { Description = "Add a colluding unrestricted process outside (p1; the attacker starts at p2)." };

    public Option<long> MaxStates { get; } = new("--max-states") { Description = "Stop a search after this many states (default 2,000,000).", DefaultValueFactory = _ => 2_000_000 };

    public Option<int> Workers { get; } = new("--workers") { Description = "Threads (default: one per core)." };

    public Option<bool> NoSymmetry { get; } = new("--no-symmetry") { Description = "Turn symmetry reduction off." };

    public Option<bool> NoPartialOrder { get; } = new("--no-por") { Description = "Turn partial-order reduction off." };

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Depth, Procs, Users, Families, Colluder, MaxStates, Workers, NoSymmetry, NoPartialOrder })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The universes (one per user) for <paramref name="design"/>, or an error message.</summary>
    public (ImmutableArray<ProgramUniverse> Universes, string? Error) Universes(ParseResult parse, string design)
    {
        var families = parse.GetValue(Families) is { } list ? list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [.. CallFamilies.Names];
        if (families.FirstOrDefault(f => !CallFamilies.Names.Contains(f)) is { } unknown)
        {
            return ([], $"unknown call family '{unknown}' (known: {string.Join(", ", CallFamilies.Names)})");
        }

        var users = new List<int>();
        foreach (var text in parse.GetValue(Users)!.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var user))
            {
                return ([], $"bad user '{text}' in --users: expected numeric uids such as 0,1000");
            }

            users.Add(user);
        }

        if (DesignCatalog.Resolve(design).UnknownName is { } name)
        {
            return ([], $"unknown design '{name}' (see `isolation designs`)");
        }

        var depth = parse.GetValue(Depth);
        var procs = parse.GetValue(Procs);
        if (depth < 1 || procs < 1 || procs > 6)
        {
            return ([], "--depth must be at least 1 and --procs between 1 and 6");
        }

        var threat = new ThreatModel([.. families], parse.GetValue(Colluder));
        return ([.. users.Select(u => ProgramUniverse.For(design, depth, procs, threat, u))], null);
    }

    /// <summary>The explorer options.</summary>
    public ExplorerOptions Explorer(ParseResult parse) =>
        new(!parse.GetValue(NoSymmetry), !parse.GetValue(NoPartialOrder), parse.GetValue(Workers), parse.GetValue(MaxStates));
}
