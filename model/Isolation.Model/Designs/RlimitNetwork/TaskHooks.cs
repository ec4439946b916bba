using Isolation.Model.Kernel.Tasks;
using Isolation.Model.Lsm;
using Isolation.Model.Rules;
using Isolation.Traces;

namespace Isolation.Model.Designs.RlimitNetwork;

/// <summary>The kernel/ptrace.c hunk: a task whose RLIMIT_NETWORK soft limit is 0 may not ptrace, nor read another task's /proc entries that need ptrace access.</summary>
/// <remarks>
/// <c>if (!current-&gt;signal-&gt;rlim[RLIMIT_NETWORK].rlim_cur) return -EPERM;</c> in
/// __ptrace_may_access after the dumpable check and before security_ptrace_access_check (seed 004).
/// It applies to PTRACE_MODE_READ as well as ATTACH, and never to a task's access to itself, which
/// __ptrace_may_access allows first; PTRACE_TRACEME does not pass through it.
/// </remarks>
internal static class TaskHooks
{
    /// <summary>Registers the ptrace check on the model hook point for its place.</summary>
    public static void Register(HookTable hooks, SecurityModule module) => hooks.PtraceMayAccessInline.Add(module, PtraceMayAccessInline);

    /// <summary>EPERM when the tracer's RLIMIT_NETWORK soft limit is 0, whatever the target.</summary>
    public static Errno PtraceMayAccessInline(Task tracer, Task child, PtraceMode mode) =>
        NetworkOffRules.PtraceRlimit.Decide(Bits.Of(Limit.IsNetworkOff(tracer)));
}
