using Isolation.Model.Kernel.Fds;
using Isolation.Model.Syscalls;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Fs.Proc;

/// <summary>
/// An open <c>/proc/&lt;pid&gt;/environ</c> or <c>mem</c>, after mm_access allowed it. The model's
/// processes have an empty environment (environ reads 0 bytes) and nothing mapped at the offsets
/// a scenario can name (mem reads and writes fail with EIO).
/// </summary>
/// <remarks>fs/proc/base.c environ_read, mem_rw (6.12).</remarks>
public sealed class ProcMemFile : FileObject
{
    private readonly bool _isMem;

    /// <summary>Opens mem (<paramref name="isMem"/>) or environ.</summary>
    public ProcMemFile(bool isMem) => _isMem = isMem;

    /// <inheritdoc/>
    public override bool CanSeek => true;

    /// <inheritdoc/>
    public override SyscallOutcome Read(SyscallContext ctx, OpenFile file, int count) =>
        _isMem ? SyscallOutcome.Fail(Errno.EIO) : FileContent.Read(file, [], count);

    /// <inheritdoc/>
    public override SyscallOutcome Write(SyscallContext ctx, OpenFile file, ReadOnlyMemory<byte> data) =>
        SyscallOutcome.Fail(_isMem ? Errno.EIO : Errno.EINVAL);
}
