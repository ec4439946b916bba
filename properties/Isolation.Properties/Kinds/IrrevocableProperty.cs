using Isolation.Model.Kernel;
using Isolation.Model.Kernel.Tasks;
using Isolation.Sim.Simulation;

namespace Isolation.Properties.Kinds;

/// <summary>A restriction can never be undone: a task restricted before a step is restricted after it (while alive).</summary>
public static class IrrevocableProperty
{
    /// <summary>Makes the property for <paramref name="restriction"/>.</summary>
    public static Property Create(string design, Restriction restriction, string source, string quote) =>
        new($"{design}/irrevocable", design, source, quote, () => new Monitor(restriction));

    private sealed class Monitor(Restriction restriction) : RestrictionMonitor(restriction)
    {
        protected override string? Check(KernelState kernel, Step step, IReadOnlySet<Task> before, IReadOnlySet<Task> after) =>
            before.FirstOrDefault(t => t.IsAlive && !after.Contains(t)) is { } freed
                ? $"{freed.Name} was {Restriction.Name} and is not after {step.Written.Process} {step.Written.Call}"
                : null;
    }
}
