using Isolation.Model.Kernel.Fds;
using Isolation.Model.Kernel.Ipc;
using Isolation.Model.Syscalls;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Kernel.Fs.Proc;

/// <summary>
/// An open <c>/proc/&lt;pid&gt;/attr/&lt;name&gt;</c>. Reading asks security_getprocattr (EINVAL with no
/// module that has the hook). Writing: EPERM unless the writer's address space is the one kept at
/// open (so writing another process's attributes is EPERM, checked on 6.18), EACCES for another
/// task sharing it, EINVAL past offset 0, then security_setprocattr (EINVAL with no module).
/// </summary>
/// <remarks>fs/proc/base.c proc_pid_attr_open, proc_pid_attr_read, proc_pid_attr_write (6.12).</remarks>
public sealed class ProcAttrFile : FileObject
{
    /// <summary>PAGE_SIZE: the most one write passes to the module.</summary>
    public const int PageSize = 4096;

    private readonly Task _task;
    private readonly string _name;
    private readonly AddressSpace? _opener;

    /// <summary>Opens attribute <paramref name="name"/> of <paramref name="task"/>; <paramref name="opener"/> is the address space mm_access granted, or null.</summary>
    public ProcAttrFile(Task task, string name, AddressSpace? opener)
    {
        _task = task;
        _name = name;
        _opener = opener;
    }

    /// <inheritdoc/>
    public override bool CanSeek => true;

    /// <inheritdoc/>
    public override SyscallOutcome Read(SyscallContext ctx, OpenFile file, int count)
    {
        var error = ctx.Kernel.Security.Getprocattr(ctx.Caller, _task, _name, out var value);
        return error != Errno.None ? SyscallOutcome.Fail(error) : FileContent.Read(file, value, count);
    }

    /// <inheritdoc/>
    public override SyscallOutcome Write(SyscallContext ctx, OpenFile file, ReadOnlyMemory<byte> data)
    {
        var caller = ctx.Caller;
        if (_opener is null || _opener != caller.Mm)
        {
            return SyscallOutcome.Fail(Errno.EPERM); // "A task may only write when it was the opener."
        }

        if (caller != _task)
        {
            return SyscallOutcome.Fail(Errno.EACCES); // "A task may only write its own attributes."
        }

        if (file.Position != 0)
        {
            return SyscallOutcome.Fail(Errno.EINVAL); // "No partial writes."
        }

        var value = data.Length > PageSize ? data[..PageSize] : data;
        var error = ctx.Kernel.Security.Setprocattr(caller, _name, value);
        return error != Errno.None ? SyscallOutcome.Fail(error) : SyscallOutcome.Ok(value.Length);
    }
}
