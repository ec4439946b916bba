using Isolation.Model.Kernel.Fds;

namespace Isolation.Model.Kernel.Fs;

/// <summary>An O_PATH descriptor: it names an inode and has no file operations (read and write are EBADF).</summary>
/// <remarks>fs/open.c do_dentry_open, the O_PATH branch (6.12).</remarks>
public sealed class PathFile : FileObject
{
    private readonly Inode _inode;

    /// <summary>Refers to <paramref name="inode"/>.</summary>
    public PathFile(Inode inode) => _inode = inode;

    /// <inheritdoc/>
    public override Inode Inode => _inode;
}
