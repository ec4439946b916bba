using Isolation.Model.Kernel;
using Isolation.Model.Kernel.Tasks;
using Isolation.Sim.Simulation;

namespace Isolation.Properties.Kinds;

/// <summary>
/// A restricted task stays where it is: the place a design keeps it in (its container, its cgroup)
/// is the same after every step as before it, for every task restricted before the step.
/// </summary>
public static class NoMoveProperty
{
    /// <summary>Makes the property; <paramref name="place"/> gives a task's place, compared with Equals.</summary>
    public static Property Create(string design, string claim, Restriction restriction, Func<KernelState, Task, object> place, string source, string quote) =>
        new($"{design}/{claim}", design, source, quote, () => new Monitor(restriction, place));

    private sealed class Monitor(Restriction restriction, Func<KernelState, Task, object> place) : RestrictionMonitor(restriction)
    {
        private Dictionary<Task, object> _places = [];

        protected override string? Check(KernelState kernel, Step step, IReadOnlySet<Task> before, IReadOnlySet<Task> after)
        {
            var now = kernel.Tasks.Where(t => t.IsAlive).ToDictionary(t => t, t => place(kernel, t));
            var moved = before.FirstOrDefault(t => _places.TryGetValue(t, out var was) && now.TryGetValue(t, out var isNow) && !Equals(was, isNow));
            var reason = moved is null ? null : $"{Restriction.Name} {moved.Name} moved from {_places[moved]} to {now[moved]} by {step.Written.Process} {step.Written.Call}";
            _places = now;
            return reason;
        }
    }
}
