using Isolation.Model.Designs.PrctlNetwork;
using Isolation.Model.Kernel.Tasks;
using Isolation.Model.Lsm;
using Isolation.Traces;

namespace Isolation.Model.Designs.PrctlNetworkLsm;

/// <summary>
/// prctl_network_ptrace_access_check_hook, v2's rule as an LSM hook. ptrace_traceme is left
/// unhooked, as posted (<c>/* static inline int prctl_network_ptrace_traceme(struct task_struct *parent) ? */</c>).
/// </summary>
/// <remarks>Seed 004, "[PATCH 2/3] … (v3)".</remarks>
internal static class TaskHooks
{
    /// <summary>Adds <c>.ptrace_access_check</c>.</summary>
    public static void Register(HookTable hooks, SecurityModule module, NetworkPrctl flags) =>
        hooks.PtraceAccessCheck.Add(module, (tracer, child, mode) => PtraceAccessCheck(flags, tracer, child));

    /// <summary><c>/* does current have networking restrictions not shared by child? */ if (current-&gt;network &amp; ~child-&gt;network) return -EPERM;</c></summary>
    public static Errno PtraceAccessCheck(NetworkPrctl flags, Task tracer, Task child) => flags.PtraceRule(tracer, child);
}
