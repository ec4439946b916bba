using System.Collections.Immutable;
using System.Globalization;
using Isolation.Model.Designs;
using Isolation.Model.Kernel;
using Isolation.Model.Kernel.Netns;
using Isolation.Traces.Syntax;

namespace Isolation.Sim.Simulation;

/// <summary>
/// What a scenario runs against, read from its header (<c># design:</c>, <c># setup:</c>,
/// <c># user:</c>) or given on the command line: the design stack, the setup and p1's user.
/// </summary>
public sealed record RunEnvironment(string DesignSpec, ImmutableArray<Design> Designs, string Setup, int User)
{
    /// <summary>
    /// The environment a scenario asks for; <paramref name="designOverride"/> (the CLI's
    /// <c>--design</c>) wins over the header. Bad values are errors at the header line.
    /// </summary>
    public static RunEnvironment FromHeader(TraceFile scenario, string? designOverride)
    {
        var spec = designOverride ?? scenario.HeaderValue("design") ?? "baseline";
        var (designs, unknown) = DesignCatalog.Resolve(spec);
        if (unknown is not null)
        {
            throw new TraceException(SpanOf(scenario, "design", designOverride is not null), $"unknown design '{unknown}' (see `isolation designs`)");
        }

        var setup = scenario.HeaderValue("setup") ?? "host";
        if (!NetSetups.Names.Contains(setup))
        {
            throw new TraceException(SpanOf(scenario, "setup", false), $"unknown setup '{setup}' (the model provides: {string.Join(", ", NetSetups.Names)})");
        }

        var userText = scenario.HeaderValue("user") ?? "0";
        if (!int.TryParse(userText, NumberStyles.None, CultureInfo.InvariantCulture, out var user))
        {
            throw new TraceException(SpanOf(scenario, "user", false), $"bad user '{userText}': expected a numeric uid such as 1000");
        }

        return new RunEnvironment(spec, designs, setup, user);
    }

    /// <summary>Boots a fresh kernel for this environment.</summary>
    public KernelState Boot() => KernelState.Boot(new BootOptions(DesignCatalog.CreateModules(Designs), Setup, User));

    private static SourceSpan SpanOf(TraceFile file, string key, bool fromCommandLine) =>
        fromCommandLine
            ? new SourceSpan("--design", 1, 1)
            : file.Lines.OfType<HeaderLine>().LastOrDefault(h => h.Key == key)?.Span ?? new SourceSpan(file.Path, 1, 1);
}
