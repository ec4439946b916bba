using Isolation.Model.Abi;
using Isolation.Model.Kernel.Creds;
using Isolation.Model.Kernel.Fds;
using Isolation.Model.Kernel.Ptrace;
using Isolation.Model.Lsm;
using Isolation.Model.Syscalls;
using Isolation.Traces;
using Isolation.Model.Kernel.Tasks;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Kernel.Fs.Proc;

/// <summary>A regular file under <c>/proc/&lt;pid&gt;</c>; its open runs the file's own checks.</summary>
/// <remarks>fs/proc/base.c (6.12): proc_single_open, environ_open and mem_open (__mem_open, mm_access),
/// proc_pid_attr_open, proc_id_map_open, proc_setgroups_open.</remarks>
public sealed class ProcEntry : ProcInode
{
    /// <summary>Makes the entry <paramref name="name"/> of <paramref name="task"/>.</summary>
    public ProcEntry(Task task, ProcFileKind kind, string name, int permissions)
        : base(FileModes.Regular | permissions, 0, 0)
    {
        Task = task;
        Kind = kind;
        Name = name;
    }

    /// <summary>The process.</summary>
    public Task Task { get; }

    /// <summary>Which file it is.</summary>
    public ProcFileKind Kind { get; }

    /// <summary>The file name (for attr files, what security_getprocattr/setprocattr are asked about).</summary>
    public string Name { get; }

    /// <inheritdoc/>
    public override Errno Open(SyscallContext ctx, int flags, out FileObject? file)
    {
        file = null;
        var caller = ctx.Caller;
        if (Task.State == TaskState.Dead)
        {
            return Errno.ESRCH; // get_proc_task finds no task once it is reaped.
        }

        switch (Kind)
        {
            case ProcFileKind.Status:
                file = new ProcStatusFile(Task);
                return Errno.None;
            case ProcFileKind.Environ:
            case ProcFileKind.Mem:
                var mode = Kind == ProcFileKind.Mem ? PtraceMode.Attach : PtraceMode.Read;
                var error = MemAccess(ctx.Kernel, caller, mode);
                file = error == Errno.None ? new ProcMemFile(Kind == ProcFileKind.Mem) : null;
                return error;
            case ProcFileKind.Attr:
                // proc_pid_attr_open keeps the address space only when mm_access allowed it; its error is ignored.
                file = new ProcAttrFile(Task, Name, MemAccess(ctx.Kernel, caller, PtraceMode.Read) == Errno.None ? Task.Mm : null);
                return Errno.None;
            case ProcFileKind.Setgroups:
                var writing = (flags & OpenFlags.AccessMode) != OpenFlags.ReadOnly;
                error = writing ? UserNamespaces.MayOpenSetgroupsForWrite(ctx.Kernel, caller, Task.UserNs) : Errno.None;
                file = error == Errno.None ? new ProcIdMapFile(Task.UserNs, Kind, caller.Cred) : null;
                return error;
            default:
                file = new ProcIdMapFile(Task.UserNs, Kind, caller.Cred);
                return Errno.None;
        }
    }

    /// <summary>
    /// mm_access with PTRACE_MODE_FSCREDS: ESRCH when the task has no address space (a zombie);
    /// the caller's own address space needs no check; otherwise EACCES unless ptrace_may_access.
    /// </summary>
    private Errno MemAccess(KernelState kernel, Task caller, PtraceMode mode)
    {
        if (Task.IsZombie)
        {
            return Errno.ESRCH;
        }

        if (Task.Mm == caller.Mm)
        {
            return Errno.None;
        }

        return PtraceAccess.MayAccess(kernel, caller, Task, mode | PtraceMode.FsCreds) == Errno.None ? Errno.None : Errno.EACCES;
    }
}
