using Isolation.Model.Kernel;
using Isolation.Model.Kernel.Tasks;
using Isolation.Sim.Simulation;
using Isolation.Traces.Syntax;

namespace Isolation.Properties.Kinds;

/// <summary>A restriction is inherited: a child made by a restricted task is restricted from birth.</summary>
public static class InheritedProperty
{
    /// <summary>Makes the property for <paramref name="restriction"/>.</summary>
    public static Property Create(string design, Restriction restriction, string source, string quote) =>
        new($"{design}/inherited", design, source, quote, () => new Monitor(restriction));

    private sealed class Monitor(Restriction restriction) : RestrictionMonitor(restriction)
    {
        protected override string? Check(KernelState kernel, Step step, IReadOnlySet<Task> before, IReadOnlySet<Task> after)
        {
            if (step.Outcome.Result is not ProcessResult { Process: var name } || kernel.FindTask(name) is not { } child)
            {
                return null;
            }

            var parent = child.Parent;
            return parent is not null && before.Contains(parent) && !after.Contains(child)
                ? $"{child.Name}, made by {Restriction.Name} {parent.Name}, is not {Restriction.Name}"
                : null;
        }
    }
}
