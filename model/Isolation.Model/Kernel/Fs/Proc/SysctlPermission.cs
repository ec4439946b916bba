using Isolation.Model.Abi;
using Isolation.Model.Kernel.Creds;
using Isolation.Model.Kernel.Netns;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Kernel.Fs.Proc;

/// <summary>
/// The permission rule of /proc/sys. The sysctl hook (security_sysctl, called at the head of
/// sysctl_perm in 2.6, which the seeds' designs use) comes first; then the entry's mode tested
/// against the effective uid, not capabilities: euid 0 gets the owner bits, egid 0 (or group 0)
/// the group bits, others the other bits; under <c>net/</c> a holder of CAP_NET_ADMIN over the
/// namespace's owner gets the owner bits.
/// </summary>
/// <remarks>fs/proc/proc_sysctl.c proc_sys_permission, sysctl_perm, test_perm;
/// net/sysctl_net.c net_ctl_permissions (6.12); kernel/sysctl.c sysctl_perm (2.6.24) for the hook.</remarks>
public static class SysctlPermission
{
    /// <summary>proc_sys_permission for the entry <paramref name="path"/> ("" for /proc/sys itself) of mode <paramref name="mode"/>.</summary>
    public static Errno Inode(KernelState kernel, Task task, string path, int mode, NetNamespace netNs, int mask)
    {
        if ((mask & MayMask.Exec) != 0 && FileModes.TypeOf(mode) == FileModes.Regular)
        {
            return Errno.EACCES; // "Executable files are not allowed under /proc/sys/".
        }

        if (path.Length == 0)
        {
            return (mask & MayMask.Write) != 0 ? Errno.EACCES : Errno.None; // "global root - r-xr-xr-x"
        }

        return Perm(kernel, task, path, mode, netNs, mask);
    }

    /// <summary>sysctl_perm: the hook, then test_perm on the (possibly widened) mode.</summary>
    public static Errno Perm(KernelState kernel, Task task, string path, int mode, NetNamespace netNs, int mask)
    {
        var error = kernel.Security.Sysctl(task, path, mask & MayMask.Rwx);
        if (error != Errno.None)
        {
            return error;
        }

        if (SysctlValues.IsNet(path) && Capabilities.NsCapable(kernel, task, netNs.Owner, Capability.NetAdmin))
        {
            var owner = (mode >> 6) & 7;
            mode = (owner << 6) | (owner << 3) | owner;
        }

        var cred = task.Cred;
        if (cred.Euid == 0)
        {
            mode >>= 6;
        }
        else if (cred.Egid == 0 || cred.Groups.Contains(0))
        {
            mode >>= 3;
        }

        return (mask & ~mode & MayMask.Rwx) == 0 ? Errno.None : Errno.EACCES;
    }
}
