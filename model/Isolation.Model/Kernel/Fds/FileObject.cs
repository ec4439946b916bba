using Isolation.Model.Kernel.Fs;
using Isolation.Model.Syscalls;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Fds;

/// <summary>
/// What an open file refers to: a socket, a regular file, a directory, a /proc attribute file.
/// Subclasses override the operations they support; the defaults answer as Linux does for a file
/// without that operation.
/// </summary>
public abstract class FileObject
{
    /// <summary>read(2) on a descriptor open for reading.</summary>
    public virtual SyscallOutcome Read(SyscallContext ctx, OpenFile file, int count) => SyscallOutcome.Fail(Errno.EINVAL);

    /// <summary>write(2) on a descriptor open for writing.</summary>
    public virtual SyscallOutcome Write(SyscallContext ctx, OpenFile file, ReadOnlyMemory<byte> data) => SyscallOutcome.Fail(Errno.EINVAL);

    /// <summary>The inode the file was opened from (fstat, fchmod, a directory descriptor of the *at calls), or null.</summary>
    public virtual Inode? Inode => null;

    /// <summary>Whether lseek(2) moves the position (regular files, /proc files); others answer ESPIPE.</summary>
    public virtual bool CanSeek => false;

    /// <summary>getdents64(2): a file that is no directory has no iterate operation (ENOTDIR).</summary>
    public virtual SyscallOutcome Getdents(SyscallContext ctx, OpenFile file, int count) => SyscallOutcome.Fail(Errno.ENOTDIR);

    /// <summary>Called once, when the last descriptor for the open file is closed.</summary>
    public virtual void Release(KernelState kernel, OpenFile file)
    {
    }
}
