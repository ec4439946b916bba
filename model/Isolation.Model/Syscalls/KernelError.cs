using Isolation.Traces;

namespace Isolation.Model.Syscalls;

/// <summary>
/// Unwinds a system call with an errno from deep inside a helper (a bad descriptor found while
/// decoding, say); the dispatcher turns it into <c>= -1 ERRNO</c>. Use a returned errno on hot paths.
/// </summary>
public sealed class KernelError : Exception
{
    /// <summary>Fails the current call with <paramref name="errno"/>.</summary>
    public KernelError(Errno errno)
        : base(errno.ToString()) => Errno = errno;

    /// <summary>The errno the call returns.</summary>
    public Errno Errno { get; }
}
