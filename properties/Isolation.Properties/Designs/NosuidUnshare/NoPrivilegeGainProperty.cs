using Isolation.Model.Kernel;
using Isolation.Model.Kernel.Creds;
using Isolation.Model.Kernel.Tasks;
using Isolation.Properties.Kinds;
using Isolation.Sim.Simulation;

namespace Isolation.Properties.Designs.NosuidUnshare;

/// <summary>
/// A task under a restriction gains no privilege by exec: after a successful execve its effective
/// ids are ids it held before and its permitted capabilities are a subset of the ones it had.
/// </summary>
/// <remarks>Seed 004, Biederman, 2009-12-24: "A one-way removal of the ability to exec suid programs".</remarks>
public static class NoPrivilegeGainProperty
{
    /// <summary>Makes the property for <paramref name="restriction"/>.</summary>
    public static Property Create(string design, Restriction restriction, string source, string quote) =>
        new($"{design}/no-privilege-gain", design, source, quote, () => new Monitor(restriction));

    /// <summary>Whether <paramref name="after"/> has an effective id or a permitted capability <paramref name="before"/> did not.</summary>
    public static bool Gains(Cred before, Cred after) =>
        (after.Euid != before.Uid && after.Euid != before.Euid && after.Euid != before.Suid) ||
        (after.Egid != before.Gid && after.Egid != before.Egid && after.Egid != before.Sgid) ||
        !after.Permitted.IsSubsetOf(before.Permitted);

    private sealed class Monitor(Restriction restriction) : PropertyMonitor
    {
        private Dictionary<Task, Cred> _restricted = [];

        public override string? OnStep(KernelState kernel, int index, Step step)
        {
            string? reason = null;
            if (step.Written.Call is "execve" or "execveat" &&
                kernel.FindTask(step.Written.Process) is { } task &&
                _restricted.TryGetValue(task, out var before) &&
                task.IsAlive && Gains(before, task.Cred))
            {
                reason = $"{restriction.Name} {task.Name} gained privilege by {step.Written.Call}";
            }

            _restricted = kernel.Tasks.Where(t => t.IsAlive && restriction.Applies(kernel, t)).ToDictionary(t => t, t => t.Cred);
            return reason;
        }
    }
}
