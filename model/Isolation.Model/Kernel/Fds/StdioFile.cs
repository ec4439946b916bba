using Isolation.Model.Syscalls;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Fds;

/// <summary>What descriptors 0–2 refer to when a scenario starts: a terminal nobody types on.</summary>
public sealed class StdioFile : FileObject
{
    /// <summary>Nothing to read yet; the scenario rule for a read that would block is EAGAIN.</summary>
    public override SyscallOutcome Read(SyscallContext ctx, OpenFile file, int count) => SyscallOutcome.Fail(Errno.EAGAIN);

    /// <summary>Output is accepted whole.</summary>
    public override SyscallOutcome Write(SyscallContext ctx, OpenFile file, ReadOnlyMemory<byte> data) => SyscallOutcome.Ok(data.Length);
}
