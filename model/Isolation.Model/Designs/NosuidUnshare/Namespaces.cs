using Isolation.Model.Abi;
using Isolation.Model.Kernel.Tasks;
using Isolation.Model.Lsm;
using Isolation.Model.Rules;

namespace Isolation.Model.Designs.NosuidUnshare;

/// <summary>
/// "Another trivial patch to allow unsharing of the network namespace if executing suid
/// applications are disabled": unshare whose only new namespace is CLONE_NEWNET passes without
/// CAP_SYS_ADMIN when the flag is set. clone(CLONE_NEWNET) and every other namespace still need it.
/// </summary>
/// <remarks>
/// Seed 004, Biederman, 2009-12-18. The check it relaxes is kernel/nsproxy.c
/// unshare_nsproxy_namespaces' <c>ns_capable(user_ns, CAP_SYS_ADMIN)</c> (6.12), on the
/// unshare_permit model hook point. The new namespace belongs to the task's own user namespace,
/// so the task gets no CAP_NET_ADMIN in it: its loopback stays down.
/// </remarks>
internal static class Namespaces
{
    /// <summary>Adds the permission.</summary>
    public static void Register(HookTable hooks, SecurityModule module, NosuidPrctl state) =>
        hooks.UnsharePermit.Add(module, (task, flags) => UnsharePermit(state, task, flags));

    /// <summary>Yes for a task with the flag whose unshare makes no namespace but the network one; the task is then marked as sandboxed by it.</summary>
    public static bool UnsharePermit(NosuidPrctl state, Task task, long flags)
    {
        var current = state.Get(task);
        if (!NosuidRules.UnsharePermit.Holds(Bits.Of(current.NoSuid), Bits.Of(flags)))
        {
            return false;
        }

        state.Set(task, current with { UnsharedNet = true });
        return true;
    }
}
