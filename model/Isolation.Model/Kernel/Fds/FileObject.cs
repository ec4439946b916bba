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

    /// <summary>Called once, when the last descriptor for the open file is closed.</summary>
    public virtual void Release(KernelState kernel, OpenFile file)
    {
    }
}
