using Isolation.Model.Abi;
using Isolation.Model.Kernel.Tasks;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Creds;

/// <summary>Capability checks: the commoncap rule, then the stacked modules' <c>capable</c> hooks.</summary>
/// <remarks>security/commoncap.c cap_capable and kernel/capability.c ns_capable (6.12).</remarks>
public static class Capabilities
{
    /// <summary>ns_capable: whether <paramref name="task"/> has <paramref name="cap"/> over <paramref name="ns"/>.</summary>
    public static bool NsCapable(KernelState kernel, Task task, UserNamespace ns, Capability cap) =>
        CommonCapable(task.Cred, ns, cap) && kernel.Security.Capable(task, ns, cap) == Errno.None;

    /// <summary>capable: <see cref="NsCapable"/> over the initial user namespace.</summary>
    public static bool Capable(KernelState kernel, Task task, Capability cap) => NsCapable(kernel, task, kernel.InitUserNs, cap);

    /// <summary>
    /// cap_capable: a credential has a capability over a namespace if it is in that namespace with
    /// the capability effective, or owns an ancestor of it from the parent namespace.
    /// </summary>
    public static bool CommonCapable(Cred cred, UserNamespace targetNs, Capability cap)
    {
        for (var ns = targetNs; ; ns = ns.Parent!)
        {
            if (ns == cred.UserNs)
            {
                return cred.Effective.Has(cap);
            }

            if (ns.Level <= cred.UserNs.Level)
            {
                return false;
            }

            if (ns.Parent == cred.UserNs && ns.OwnerUid == cred.Euid)
            {
                return true;
            }
        }
    }
}
