using Isolation.Model.Abi;
using Isolation.Model.Kernel.Fds;
using Isolation.Model.Syscalls;
using Isolation.Traces;
using Isolation.Model.Kernel.Tasks;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Kernel.Fs.Proc;

/// <summary>
/// <c>/proc/&lt;pid&gt;</c> of one process: the entries the model has (status, environ, mem,
/// attr/, uid_map, gid_map, setgroups), each made at lookup with its owner and module labels.
/// </summary>
/// <remarks>fs/proc/base.c tgid_base_stuff, proc_pident_lookup, proc_pid_permission (hidepid off) (6.12).</remarks>
public sealed class ProcPidDir : ProcInode
{
    /// <summary>Makes the directory of <paramref name="task"/>.</summary>
    public ProcPidDir(Task task)
        : base(ProcOwner.DirMode, 0, 0) => Task = task;

    /// <summary>The process.</summary>
    public Task Task { get; }

    /// <summary>proc_pid_instantiate marks the directory S_IMMUTABLE: removing an entry is EPERM for everyone (checked on 6.18).</summary>
    public override bool Immutable => true;

    /// <inheritdoc/>
    public override Errno Lookup(KernelState kernel, Task task, string name, out Inode? child)
    {
        child = null;
        if (Task.State == TaskState.Dead)
        {
            return Errno.ENOENT; // proc_pident_lookup: the task is gone.
        }

        Inode? made = name switch
        {
            "attr" => new ProcAttrDir(Task),
            "status" => new ProcEntry(Task, ProcFileKind.Status, name, 0x124),
            "environ" => new ProcEntry(Task, ProcFileKind.Environ, name, 0x100),
            "mem" => new ProcEntry(Task, ProcFileKind.Mem, name, 0x180),
            "uid_map" => new ProcEntry(Task, ProcFileKind.UidMap, name, 0x1A4),
            "gid_map" => new ProcEntry(Task, ProcFileKind.GidMap, name, 0x1A4),
            "setgroups" => new ProcEntry(Task, ProcFileKind.Setgroups, name, 0x1A4),
            _ => null,
        };
        child = made is null ? null : ProcOwner.Assign(kernel, Task, made);
        if (child is not null)
        {
            child.Parent = this;
        }

        return child is null ? Errno.ENOENT : Errno.None;
    }

    /// <inheritdoc/>
    public override Errno Open(SyscallContext ctx, int flags, out FileObject? file)
    {
        file = new DirectoryFile(this);
        return Errno.None;
    }
}
