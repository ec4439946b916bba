using Isolation.Model.Abi;
using Isolation.Model.Kernel.Fds;
using Isolation.Model.Syscalls;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Fs;

/// <summary>A regular file of the tmpfs-like tree: its bytes.</summary>
public sealed class TmpfsFile : Inode
{
    /// <summary>Makes an empty regular file with permission bits <paramref name="permissions"/>.</summary>
    public TmpfsFile(int permissions, int uid, int gid)
        : base(FileModes.Regular | (permissions & FileModes.AllBits), uid, gid)
    {
    }

    /// <summary>The contents.</summary>
    public List<byte> Data { get; } = [];

    /// <inheritdoc/>
    public override long Size => Data.Count;

    /// <inheritdoc/>
    public override Errno Open(SyscallContext ctx, int flags, out FileObject? file)
    {
        file = new RegularFile(this);
        return Errno.None;
    }
}
