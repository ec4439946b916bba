using Isolation.Model.Lsm;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Designs.Bsdjail;

/// <summary>
/// The bsdjail security module: one <see cref="Jail"/> reference per task (task-&gt;security), per
/// abstract unix socket (sk_security), per file with an owner (f_security), per SysV object and
/// per /proc inode. Each concern's hooks are in their own file, as bsdjail_security_ops lists them.
/// </summary>
/// <remarks>security/bsdjail.c bsdjail_security_ops, seed 000_b30739e92565e0a7.txt.</remarks>
public sealed partial class BsdjailModule : SecurityModule
{
    /// <inheritdoc/>
    public override string Name => BsdjailDesign.Name;

    /// <inheritdoc/>
    public override void Register(HookTable hooks)
    {
        AddTaskHooks(hooks);
        AddProcAttrHooks(hooks);
        AddNetHooks(hooks);
        AddFsHooks(hooks);
        AddFileHooks(hooks);
        AddIpcHooks(hooks);
    }

    /// <summary><c>task-&gt;security</c>: the jail the task is in or is setting up, or null.</summary>
    public Jail? JailOf(Task task) => Blob<Jail>(task.Security);

    /// <summary>in_jail: whether the task is in a jail that an exec enabled.</summary>
    public bool InJail(Task task) => JailOf(task) is { InUse: true };

    // The jail of a task that is in one (the hooks' "if (!tsec || !(tsec->jail_flags & IN_USE)) return 0").
    private Jail? ActiveJail(Task task) => JailOf(task) is { InUse: true } jail ? jail : null;
}
