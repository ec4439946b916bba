using Isolation.Model.Kernel.Creds;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Kernel.Cgroups;

/// <summary>
/// A cgroup controller (struct cgroup_subsys) brought by a design: how it makes and frees its
/// per-cgroup state, whether it lets a task move, and its control files. The model enables every
/// controller on every cgroup of the v2 hierarchy, as 6.12 does for an <c>implicit_on_dfl</c>
/// controller, so a cgroup made by mkdir has every controller's state at once.
/// </summary>
/// <remarks>include/linux/cgroup-defs.h struct cgroup_subsys; kernel/cgroup/cgroup.c (6.12).</remarks>
public abstract class CgroupSubsystem
{
    /// <summary>The controller's name: the prefix of its files (<c>network</c>).</summary>
    public abstract string Name { get; }

    /// <summary>The control files every cgroup gets for this controller.</summary>
    public abstract IReadOnlyList<CgroupFileType> Files { get; }

    /// <summary>The hierarchy the controller is bound to; set when the kernel boots.</summary>
    public CgroupHierarchy? Hierarchy { get; internal set; }

    /// <summary>
    /// css_alloc: makes the state for a new cgroup under <paramref name="parent"/> (null for the
    /// root, made at boot, when <paramref name="current"/> is null: init, with every capability).
    /// An error fails the mkdir with it.
    /// </summary>
    public abstract Errno CssAlloc(KernelState kernel, Task? current, CgroupSubsysState? parent, out CgroupSubsysState? css);

    /// <summary>css_free: the cgroup was removed.</summary>
    public virtual void CssFree(CgroupSubsysState css)
    {
    }

    /// <summary>
    /// can_attach: may <paramref name="current"/> move <paramref name="task"/> into
    /// <paramref name="destination"/>? Called only for a task that really changes cgroup. The
    /// default is the NULL callback: yes.
    /// </summary>
    public virtual Errno CanAttach(KernelState kernel, Task current, Task task, Cgroup destination) => Errno.None;

    /// <summary>task_css: this controller's state for the cgroup <paramref name="task"/> is in.</summary>
    public CgroupSubsysState CssOf(Task task) =>
        (Hierarchy ?? throw new InvalidOperationException($"controller {Name} is not bound to a hierarchy")).CgroupOf(task).Css(this);

    /// <summary>capable() as a css callback sees it: at boot (no current task) init has every capability.</summary>
    protected static bool Capable(KernelState kernel, Task? current, Abi.Capability cap) =>
        current is null || Capabilities.Capable(kernel, current, cap);
}
