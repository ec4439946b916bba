using Isolation.Sim.Simulation;
using Isolation.Traces.Syntax;

namespace Isolation.Properties;

/// <summary>Runs a scenario in the model and evaluates properties on every state it reaches.</summary>
public static class PropertyRun
{
    /// <summary>The verdict of each property on <paramref name="scenario"/>, in the order given.</summary>
    public static IReadOnlyList<(Property Property, Verdict Verdict)> Check(TraceFile scenario, IReadOnlyList<Property> properties, string? designOverride = null)
    {
        var monitors = properties.Select(p => p.CreateMonitor()).ToArray();
        var verdicts = properties.Select(_ => Verdict.Hold).ToArray();
        var index = 0;
        Simulator.Run(scenario, designOverride, (kernel, step) =>
        {
            for (var i = 0; i < monitors.Length; i++)
            {
                if (verdicts[i].Holds && monitors[i].OnStep(kernel, index, step) is { } reason)
                {
                    verdicts[i] = Verdict.Violated(index, reason);
                }
            }

            index++;
        });
        return [.. properties.Zip(verdicts)];
    }
}
