using Isolation.Model.Kernel;
using Isolation.Model.Kernel.Tasks;
using Isolation.Sim.Simulation;
using Isolation.Traces.Syntax;

namespace Isolation.Properties.Kinds;

/// <summary>
/// A restricted task reaches no <c>/proc/&lt;pid&gt;</c> entry of a task it may not see: no call of
/// a restricted task that names <c>/proc/pN</c> (or anything below it) succeeds unless the design
/// lets it see pN. bsdjail claims it for jails, task-lookup's hook for domains.
/// </summary>
public static class ProcEntryProperty
{
    private const string ProcPrefix = "/proc/";

    /// <summary>Makes the property; <paramref name="maySee"/> says whether a task may see another's entry.</summary>
    public static Property Create(string design, string claim, Restriction restriction, Func<KernelState, Task, Task, bool> maySee, string source, string quote) =>
        new($"{design}/{claim}", design, source, quote, () => new Monitor(restriction, maySee));

    /// <summary>The task a path names as <c>/proc/pN…</c>, or null (<c>/proc/self</c>, other paths).</summary>
    public static Task? NamedTask(KernelState kernel, string path)
    {
        if (!path.StartsWith(ProcPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = path[ProcPrefix.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return kernel.FindTask(slash < 0 ? rest : rest[..slash]);
    }

    private sealed class Monitor(Restriction restriction, Func<KernelState, Task, Task, bool> maySee) : RestrictionMonitor(restriction)
    {
        protected override string? Check(KernelState kernel, Step step, IReadOnlySet<Task> before, IReadOnlySet<Task> after)
        {
            if (step.Outcome.IsError || kernel.FindTask(step.Written.Process) is not { } caller || !before.Contains(caller))
            {
                return null;
            }

            foreach (var arg in step.Written.Args)
            {
                if (arg is StringExpr { Abstract: false } s && NamedTask(kernel, s.Text) is { } target && !maySee(kernel, caller, target))
                {
                    return $"{Restriction.Name} {caller.Name} reached {s.Text} of {target.Name} by {step.Written.Call}";
                }
            }

            return null;
        }
    }
}
