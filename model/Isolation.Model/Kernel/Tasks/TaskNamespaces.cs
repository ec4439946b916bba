using Isolation.Model.Abi;
using Isolation.Model.Kernel.Creds;
using Isolation.Model.Kernel.Ipc;
using Isolation.Model.Kernel.Netns;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Tasks;

/// <summary>
/// Namespaces as task state: the one mechanism behind clone's and unshare's CLONE_NEW* flags.
/// The model keeps the network and IPC namespaces; mount, UTS, cgroup and time namespaces are
/// checked and accepted but hold nothing the model reads, so they are not represented.
/// </summary>
/// <remarks>kernel/nsproxy.c copy_namespaces, unshare_nsproxy_namespaces; kernel/fork.c ksys_unshare, check_unshare_flags (6.12).</remarks>
public static class TaskNamespaces
{
    /// <summary>
    /// The CAP_SYS_ADMIN check both paths make before creating namespaces: <paramref name="current"/>'s
    /// credentials over <paramref name="userNs"/> (the new user namespace if one is being made, whose
    /// owner is then current's euid: so an unprivileged user may make any namespace inside its own user namespace).
    /// </summary>
    public static Errno MayCreate(KernelState kernel, Task current, UserNamespace userNs, long flags)
    {
        if ((flags & CloneFlags.NamespacesButUser) == 0)
        {
            return Errno.None;
        }

        return Capabilities.NsCapable(kernel, current, userNs, Capability.SysAdmin) ? Errno.None : Errno.EPERM;
    }

    /// <summary>Moves <paramref name="task"/> into fresh namespaces for the CLONE_NEW* bits of <paramref name="flags"/>, owned by <paramref name="userNs"/>.</summary>
    public static void Create(KernelState kernel, Task task, UserNamespace userNs, long flags)
    {
        if ((flags & CloneFlags.NewIpc) != 0)
        {
            task.IpcNs = new IpcNamespace(kernel.NextObjectId(), userNs);
        }

        if ((flags & CloneFlags.NewNet) != 0)
        {
            task.NetNs = NetNamespace.CreateFresh(kernel, userNs);
        }
    }

    /// <summary>
    /// unshare(2): EINVAL for a flag unshare does not know; CLONE_NEWUSER first (create_user_ns, so
    /// that the other namespaces are created inside it), then the other namespaces with
    /// CAP_SYS_ADMIN over the resulting user namespace (or a module's unshare_permit); credentials
    /// are committed last.
    /// </summary>
    public static Errno Unshare(KernelState kernel, Task task, long flags)
    {
        if ((flags & ~CloneFlags.UnshareAllowed) != 0)
        {
            return Errno.EINVAL;
        }

        Cred? newCred = null;
        if ((flags & CloneFlags.NewUser) != 0)
        {
            var error = UserNamespaces.Create(kernel, task, task.Cred, out var cred);
            if (error != Errno.None)
            {
                return error;
            }

            newCred = cred;
        }

        // A design may let unshare make namespaces without CAP_SYS_ADMIN (the unshare_permit hook point).
        var userNs = newCred?.UserNs ?? task.Cred.UserNs;
        var denied = MayCreate(kernel, task, userNs, flags);
        if (denied != Errno.None && !kernel.Security.UnsharePermit(task, flags & CloneFlags.NamespacesButUser))
        {
            return denied;
        }

        Create(kernel, task, userNs, flags);
        if (newCred is not null)
        {
            CredCommit.Commit(task, newCred);
        }

        return Errno.None;
    }
}
