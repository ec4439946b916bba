using Isolation.Model.Kernel.Creds;
using Isolation.Model.Kernel.Fds;
using Isolation.Model.Kernel.Fs;
using Isolation.Model.Syscalls;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Cgroups;

/// <summary>
/// An open cgroup control file (a kernfs open file): it remembers the opener's credentials
/// (f_cred), which cgroup.procs checks; it answers ENODEV once its cgroup is removed.
/// </summary>
/// <remarks>fs/kernfs/file.c kernfs_fop_write_iter, kernfs_seq_start; kernel/cgroup/cgroup.c cgroup_file_write (6.12).</remarks>
public sealed class CgroupOpenFile : FileObject
{
    /// <summary>
    /// PAGE_SIZE, the atomic_write_len of every cgroup file: kernfs refuses a longer write with
    /// E2BIG before the handler runs.
    /// </summary>
    public const int MaxWrite = 4096;

    private readonly CgroupFileInode _inode;

    /// <summary>Opens <paramref name="inode"/> for a caller with credentials <paramref name="opener"/>.</summary>
    public CgroupOpenFile(CgroupFileInode inode, Cred opener)
    {
        _inode = inode;
        Opener = opener;
    }

    /// <summary>The credentials the file was opened with (f_cred).</summary>
    public Cred Opener { get; }

    /// <inheritdoc/>
    public override Inode Inode => _inode;

    /// <inheritdoc/>
    public override bool CanSeek => true;

    /// <inheritdoc/>
    public override SyscallOutcome Read(SyscallContext ctx, OpenFile file, int count) =>
        _inode.Cgroup.IsLive ? FileContent.Read(file, _inode.Show(ctx.Kernel), count) : SyscallOutcome.Fail(Errno.ENODEV);

    /// <summary>
    /// kernfs_fop_write_iter then cgroup_file_write: E2BIG over PAGE_SIZE, ENODEV for a removed
    /// cgroup, 0 for an empty write (the handler is not called), else the handler's errno or the
    /// whole byte count, by which the file position advances.
    /// </summary>
    public override SyscallOutcome Write(SyscallContext ctx, OpenFile file, ReadOnlyMemory<byte> data)
    {
        if (data.Length > MaxWrite)
        {
            return SyscallOutcome.Fail(Errno.E2BIG);
        }

        if (!_inode.Cgroup.IsLive)
        {
            return SyscallOutcome.Fail(Errno.ENODEV);
        }

        if (data.Length == 0)
        {
            return SyscallOutcome.Ok(0);
        }

        var error = _inode.Write(ctx.Kernel, ctx.Caller, Opener, data.Span);
        if (error != Errno.None)
        {
            return SyscallOutcome.Fail(error);
        }

        // kernfs_fop_write_iter advances the file position, which a later read on the same
        // descriptor starts from (checked on the patched 6.12 under qemu, traces/patched/netcontainer).
        file.Position += data.Length;
        return SyscallOutcome.Ok(data.Length);
    }
}
