using Isolation.Model.Kernel.Fds;
using Isolation.Model.Syscalls;
using Isolation.Traces.Syntax;

namespace Isolation.Model.Kernel.Fs;

/// <summary>read(2) of a file whose contents are known as bytes: a slice from the position, shown as strace shows the buffer.</summary>
public static class FileContent
{
    /// <summary>Index of read's buffer argument, which the answer fills.</summary>
    public const int BufferArg = 1;

    /// <summary>Reads up to <paramref name="count"/> bytes of <paramref name="content"/> at the file position and advances it.</summary>
    public static SyscallOutcome Read(OpenFile file, ReadOnlySpan<byte> content, int count)
    {
        var at = (int)Math.Min(file.Position, content.Length);
        var n = Math.Max(0, Math.Min(count, content.Length - at));
        file.Position = at + n;
        return SyscallOutcome.Ok(n).WithOutput(BufferArg, StringExpr.Of(content.Slice(at, n)));
    }
}
