using Isolation.Model.Kernel.Tasks;
using Isolation.Model.Lsm;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Ptrace;

/// <summary>ptrace_may_access: the access check shared by ptrace(2) and /proc/&lt;pid&gt; entries.</summary>
/// <remarks>kernel/ptrace.c __ptrace_may_access (6.12).</remarks>
public static class PtraceAccess
{
    /// <summary>Errno.None if <paramref name="tracer"/> may access <paramref name="target"/> in <paramref name="mode"/>, else the error (EPERM, or a module's).</summary>
    public static Errno MayAccess(KernelState kernel, Task tracer, Task target, PtraceMode mode) =>
        throw new NotImplementedException("ptrace access rules: being written");
}
