using Isolation.Model.Abi;
using Isolation.Model.Kernel.Fds;
using Isolation.Model.Syscalls;

namespace Isolation.Model.Kernel.Fs;

/// <summary>An open regular file: reads and writes at the file position (O_APPEND writes at the end).</summary>
/// <remarks>mm/shmem.c shmem_file_read_iter, generic_file_write_iter (6.12).</remarks>
public sealed class RegularFile : FileObject
{
    private readonly TmpfsFile _inode;

    /// <summary>Opens <paramref name="inode"/>.</summary>
    public RegularFile(TmpfsFile inode) => _inode = inode;

    /// <inheritdoc/>
    public override Inode Inode => _inode;

    /// <inheritdoc/>
    public override bool CanSeek => true;

    /// <inheritdoc/>
    public override SyscallOutcome Read(SyscallContext ctx, OpenFile file, int count) =>
        FileContent.Read(file, [.. _inode.Data], count);

    /// <inheritdoc/>
    public override SyscallOutcome Write(SyscallContext ctx, OpenFile file, ReadOnlyMemory<byte> data)
    {
        if ((file.Flags & OpenFlags.Append) != 0)
        {
            file.Position = _inode.Data.Count;
        }

        var at = (int)file.Position;
        while (_inode.Data.Count < at)
        {
            _inode.Data.Add(0);
        }

        var bytes = data.Span;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (at + i < _inode.Data.Count)
            {
                _inode.Data[at + i] = bytes[i];
            }
            else
            {
                _inode.Data.Add(bytes[i]);
            }
        }

        file.Position += bytes.Length;
        return SyscallOutcome.Ok(bytes.Length);
    }
}
