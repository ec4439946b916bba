using Isolation.Model.Designs.Bsdjail;
using Isolation.Model.Kernel;
using Isolation.Model.Kernel.Tasks;
using Isolation.Sim.Simulation;

namespace Isolation.Properties.Designs.Bsdjail;

/// <summary>bsdjail/task-limit: a jail with an <c>nrtask</c> limit never holds more tasks (running or zombie) than it allows.</summary>
public static class TaskLimitProperty
{
    /// <summary>Makes the property.</summary>
    public static Property Create(string source, string quote) =>
        new($"{BsdjailDesign.Name}/task-limit", BsdjailDesign.Name, source, quote, () => new Monitor());

    private sealed class Monitor : PropertyMonitor
    {
        public override string? OnStep(KernelState kernel, int index, Step step)
        {
            if (BsdjailProperties.Module(kernel) is not { } module)
            {
                return null;
            }

            var over = kernel.Tasks
                .Where(t => t.State != TaskState.Dead && module.JailOf(t) is { InUse: true, MaxNrTask: > 0 })
                .GroupBy(t => module.JailOf(t)!)
                .FirstOrDefault(g => g.Count() > g.Key.MaxNrTask);
            return over is null ? null : $"a jail of nrtask {over.Key.MaxNrTask} holds {over.Count()} tasks ({string.Join(", ", over.Select(t => t.Name))})";
        }
    }
}
