using Isolation.Model.Lsm;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Designs.TaskLookup;

/// <summary>
/// The task-lookup security module: a <see cref="Domain"/> per task, inherited at fork and
/// changed only by an exec after a write to /proc/self/attr/exec; task_lookup hides from a
/// confined task the tasks of every other domain.
/// </summary>
/// <remarks>Seed 001_5a97e7f75b7324ae.txt: security_task_lookup and selinux_task_lookup.</remarks>
public sealed partial class TaskLookupModule : SecurityModule
{
    /// <inheritdoc/>
    public override string Name => TaskLookupDesign.Name;

    /// <inheritdoc/>
    public override void Register(HookTable hooks)
    {
        AddTaskHooks(hooks);
        AddProcAttrHooks(hooks);
    }

    /// <summary>The task's label (unconfined when it has none).</summary>
    public Domain DomainOf(Task task) => Blob<Domain>(task.Security) ?? Domain.Unconfined;
}
