using Isolation.Model.Kernel.Tasks;
using Isolation.Model.Lsm;
using Isolation.Traces;

namespace Isolation.Model.Designs.PrctlNetwork;

/// <summary>The kernel/ptrace.c hunk of v2: a task may ptrace (or read through /proc) only tasks that have all its network restrictions.</summary>
/// <remarks>
/// <c>/* does current have networking restrictions not shared by task? */ if (current-&gt;network &amp;
/// ~task-&gt;network) return -EPERM;</c> in __ptrace_may_access after the dumpable check, before
/// security_ptrace_access_check (seed 004, "[PATCH 2/3] … (v2)"); it replaced v1's
/// <c>if (current-&gt;network) return -EPERM;</c> after Biederman's and Seaborn's review.
/// </remarks>
internal static class TaskHooks
{
    /// <summary>Registers the rule on the model hook point for its place.</summary>
    public static void Register(HookTable hooks, SecurityModule module, NetworkPrctl flags) =>
        hooks.PtraceMayAccessInline.Add(module, (tracer, child, mode) => PtraceMayAccessInline(flags, tracer, child));

    /// <summary>EPERM when the tracer has a restriction the target lacks.</summary>
    public static Errno PtraceMayAccessInline(NetworkPrctl flags, Task tracer, Task child) => flags.PtraceRule(tracer, child);
}
