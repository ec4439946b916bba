using Isolation.Model.Kernel.Fds;
using Isolation.Model.Syscalls;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Fs;

/// <summary>An open directory: usable as the directory of the *at calls; read(2) is EISDIR.</summary>
/// <remarks>fs/libfs.c generic_read_dir (6.12).</remarks>
public class DirectoryFile : FileObject
{
    private readonly Inode _inode;

    /// <summary>Opens the directory <paramref name="inode"/>.</summary>
    public DirectoryFile(Inode inode) => _inode = inode;

    /// <inheritdoc/>
    public override Inode Inode => _inode;

    /// <inheritdoc/>
    public override SyscallOutcome Read(SyscallContext ctx, OpenFile file, int count) => SyscallOutcome.Fail(Errno.EISDIR);

    /// <summary>The model lists /proc only (its extension of the format); listing other directories is not modelled.</summary>
    public override SyscallOutcome Getdents(SyscallContext ctx, OpenFile file, int count) =>
        throw ctx.Error(ctx.Arg(0), "getdents64 is modelled on /proc only");
}
