using Isolation.Model.Kernel.Fds;
using Isolation.Model.Syscalls;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Kernel.Fs.Proc;

/// <summary>
/// <c>/proc/&lt;pid&gt;/attr</c>: the unprefixed attribute files, which belong to the first module
/// with procattr hooks (current, exec, fscreate, keycreate, sockcreate: 0666; prev: 0444).
/// </summary>
/// <remarks>fs/proc/base.c attr_dir_stuff, ATTR(LSM_ID_UNDEF, …) (6.12).</remarks>
public sealed class ProcAttrDir : ProcInode
{
    /// <summary>Makes the attr directory of <paramref name="task"/>.</summary>
    public ProcAttrDir(Task task)
        : base(ProcOwner.DirMode, 0, 0) => Task = task;

    /// <summary>The process.</summary>
    public Task Task { get; }

    /// <inheritdoc/>
    public override Errno Lookup(KernelState kernel, Task task, string name, out Inode? child)
    {
        int? permissions = name switch
        {
            "current" or "exec" or "fscreate" or "keycreate" or "sockcreate" => 0x1B6,
            "prev" => 0x124,
            _ => null,
        };
        child = permissions is { } p ? ProcOwner.Assign(kernel, Task, new ProcEntry(Task, ProcFileKind.Attr, name, p) { Parent = this }) : null;
        return child is null ? Errno.ENOENT : Errno.None;
    }

    /// <inheritdoc/>
    public override Errno Open(SyscallContext ctx, int flags, out FileObject? file)
    {
        file = new DirectoryFile(this);
        return Errno.None;
    }
}
