using Isolation.Model.Kernel;
using Isolation.Model.Kernel.Tasks;
using Isolation.Sim.Simulation;

namespace Isolation.Properties.Kinds;

/// <summary>
/// A monitor that remembers which tasks were restricted after the previous step, so the generic
/// kinds can compare before and after; subclasses say what must hold of the change.
/// </summary>
public abstract class RestrictionMonitor : PropertyMonitor
{
    private HashSet<Task> _restricted = [];

    /// <summary>For each task restricted now, the kernel clock of the event that restricted it (since it last was not).</summary>
    private readonly Dictionary<Task, long> _restrictedSince = [];

    /// <summary>Creates the monitor for <paramref name="restriction"/>.</summary>
    protected RestrictionMonitor(Restriction restriction) => Restriction = restriction;

    /// <summary>The design's restriction.</summary>
    protected Restriction Restriction { get; }

    /// <inheritdoc/>
    public sealed override string? OnStep(KernelState kernel, int index, Step step)
    {
        var now = kernel.Tasks.Where(t => t.IsAlive && Restriction.Applies(kernel, t)).ToHashSet();
        var reason = Check(kernel, step, _restricted, now);
        foreach (var task in _restricted.Except(now))
        {
            _restrictedSince.Remove(task);
        }

        foreach (var task in now.Except(_restricted))
        {
            _restrictedSince[task] = kernel.Clock;
        }

        _restricted = now;
        return reason;
    }

    /// <summary>Whether <paramref name="task"/> was restricted when the event at kernel clock <paramref name="clock"/> ran (by an earlier event).</summary>
    protected bool WasRestrictedAt(Task task, long clock) => _restrictedSince.TryGetValue(task, out var since) && since < clock;

    /// <summary>Returns why the step broke the property, given who was restricted before and after it, or null.</summary>
    protected abstract string? Check(KernelState kernel, Step step, IReadOnlySet<Task> before, IReadOnlySet<Task> after);
}
