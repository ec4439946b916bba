using Isolation.Model.Abi;
using Isolation.Model.Kernel.Fds;
using Isolation.Model.Syscalls;
using Isolation.Traces;
using Isolation.Model.Kernel.Tasks;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Kernel.Fs.Proc;

/// <summary>
/// The root of /proc: <c>self</c>, one directory per process named by its logical name
/// (<c>/proc/p2</c>, the model's spelling of <c>/proc/&lt;pid&gt;</c>), <c>sys</c> and <c>net</c>. A reaped
/// process is not found (ENOENT). The task_lookup hook of seed 001 is not asked here: the patch
/// calls it only in get_tgid_list, the listing (<see cref="ProcRootFile"/>), so a task hidden from
/// the listing is still found by name.
/// </summary>
/// <remarks>fs/proc/root.c proc_root_lookup, fs/proc/base.c proc_pid_lookup (6.12).</remarks>
public sealed class ProcRoot : ProcInode
{
    /// <summary>Makes the root directory (S_IFDIR|0555, owned by root).</summary>
    public ProcRoot()
        : base(FileModes.Directory | 0x16D, 0, 0)
    {
    }

    /// <inheritdoc/>
    public override Errno Lookup(KernelState kernel, Task task, string name, out Inode? child)
    {
        child = null;
        if (name == "sys")
        {
            child = new SysctlDir(string.Empty) { Parent = this };
            return Errno.None;
        }

        if (name == "net")
        {
            child = new ProcNetDir(task.NetNs) { Parent = this };
            return Errno.None;
        }

        var target = name == "self" ? task : kernel.FindTask(name);
        if (target is null || target.State == TaskState.Dead)
        {
            return Errno.ENOENT;
        }

        child = ProcOwner.Assign(kernel, target, new ProcPidDir(target) { Parent = this });
        return Errno.None;
    }

    /// <inheritdoc/>
    public override Errno Open(SyscallContext ctx, int flags, out FileObject? file)
    {
        file = new ProcRootFile(this);
        return Errno.None;
    }
}
