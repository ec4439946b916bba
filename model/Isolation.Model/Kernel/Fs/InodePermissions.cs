using Isolation.Model.Abi;
using Isolation.Model.Kernel.Creds;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Kernel.Fs;

/// <summary>
/// The DAC rules of the VFS: mode bits, the capability overrides, the sticky bit, and the order in
/// which Linux asks them (each capability check also runs the modules' <c>capable</c> hooks).
/// </summary>
/// <remarks>fs/namei.c (6.12): inode_permission, generic_permission, acl_permission_check,
/// may_create, may_delete, __check_sticky; fs/inode.c inode_owner_or_capable;
/// kernel/capability.c capable_wrt_inode_uidgid.</remarks>
public static class InodePermissions
{
    /// <summary>
    /// inode_permission: EPERM for writing an immutable inode, then the inode's permission
    /// operation (generic_permission for most), then security_inode_permission.
    /// </summary>
    public static Errno Check(KernelState kernel, Task task, Inode inode, int mask)
    {
        if ((mask & MayMask.Write) != 0 && inode.Immutable)
        {
            return Errno.EPERM;
        }

        var error = inode.Permission(kernel, task, mask);
        return error != Errno.None ? error : kernel.Security.InodePermission(task, inode, mask);
    }

    /// <summary>
    /// generic_permission: the owner, group or other bits; when they refuse, CAP_DAC_READ_SEARCH
    /// (read, or search a directory) and then CAP_DAC_OVERRIDE (anything but executing a file
    /// with no execute bit) over the caller's user namespace, if the inode's ids are mapped there.
    /// </summary>
    public static Errno Generic(KernelState kernel, Task task, Inode inode, int mask)
    {
        if (AclPermissionCheck(task.Cred, inode, mask) == Errno.None)
        {
            return Errno.None;
        }

        if (inode.IsDirectory)
        {
            // A directory may always be read and searched with CAP_DAC_READ_SEARCH, and written with CAP_DAC_OVERRIDE.
            if ((mask & MayMask.Write) == 0 && CapableWrtInode(kernel, task, inode, Capability.DacReadSearch))
            {
                return Errno.None;
            }

            return CapableWrtInode(kernel, task, inode, Capability.DacOverride) ? Errno.None : Errno.EACCES;
        }

        // Reading is allowed with CAP_DAC_READ_SEARCH; CAP_DAC_OVERRIDE allows the rest, except
        // executing a file that has no execute bit at all.
        var rwx = mask & MayMask.Rwx;
        if (rwx == MayMask.Read && CapableWrtInode(kernel, task, inode, Capability.DacReadSearch))
        {
            return Errno.None;
        }

        if (((rwx & MayMask.Exec) == 0 || (inode.Mode & FileModes.AnyExec) != 0)
            && CapableWrtInode(kernel, task, inode, Capability.DacOverride))
        {
            return Errno.None;
        }

        return Errno.EACCES;
    }

    /// <summary>acl_permission_check (no ACLs): the owner's, the group's or the others' bits, by fsuid and fsgid.</summary>
    public static Errno AclPermissionCheck(Cred cred, Inode inode, int mask)
    {
        var mode = inode.Mode;
        mask &= MayMask.Rwx;
        if (cred.Fsuid == inode.Uid)
        {
            mode >>= 6;
        }
        else if (InGroup(cred, inode.Gid))
        {
            mode >>= 3;
        }

        return (mask & ~mode & MayMask.Rwx) != 0 ? Errno.EACCES : Errno.None;
    }

    /// <summary>in_group_p: the fsgid or a supplementary group.</summary>
    public static bool InGroup(Cred cred, int gid) => cred.Fsgid == gid || cred.Groups.Contains(gid);

    /// <summary>
    /// capable_wrt_inode_uidgid: <paramref name="cap"/> over the caller's own user namespace, and
    /// the inode's owner and group mapped in it.
    /// </summary>
    public static bool CapableWrtInode(KernelState kernel, Task task, Inode inode, Capability cap)
    {
        var ns = task.Cred.UserNs;
        return Capabilities.NsCapable(kernel, task, ns, cap) && ns.FromKuid(inode.Uid) >= 0 && ns.FromKgid(inode.Gid) >= 0;
    }

    /// <summary>inode_owner_or_capable: the fsuid owns the inode, or CAP_FOWNER with the owner mapped.</summary>
    public static bool OwnerOrCapable(KernelState kernel, Task task, Inode inode)
    {
        if (task.Cred.Fsuid == inode.Uid)
        {
            return true;
        }

        var ns = task.Cred.UserNs;
        return ns.FromKuid(inode.Uid) >= 0 && Capabilities.NsCapable(kernel, task, ns, Capability.Fowner);
    }

    /// <summary>may_create (the name is known to be free): write and search on the directory.</summary>
    public static Errno MayCreate(KernelState kernel, Task task, Inode dir) =>
        Check(kernel, task, dir, MayMask.Write | MayMask.Exec);

    /// <summary>
    /// may_delete: write and search on the directory (EACCES), the sticky-bit rule (EPERM), then the
    /// type checks: rmdir of a non-directory is ENOTDIR, unlink of a directory EISDIR.
    /// </summary>
    public static Errno MayDelete(KernelState kernel, Task task, Inode dir, Inode victim, bool isDir)
    {
        var error = Check(kernel, task, dir, MayMask.Write | MayMask.Exec);
        if (error != Errno.None)
        {
            return error;
        }

        if (IsStickyProtected(kernel, task, dir, victim))
        {
            return Errno.EPERM;
        }

        if (isDir)
        {
            return victim.IsDirectory ? Errno.None : Errno.ENOTDIR;
        }

        return victim.IsDirectory ? Errno.EISDIR : Errno.None;
    }

    /// <summary>
    /// check_sticky: in a sticky directory only the file's owner, the directory's owner, or a
    /// holder of CAP_FOWNER (with the file's ids mapped) may remove or rename an entry.
    /// </summary>
    public static bool IsStickyProtected(KernelState kernel, Task task, Inode dir, Inode victim)
    {
        if ((dir.Mode & FileModes.Sticky) == 0)
        {
            return false;
        }

        var fsuid = task.Cred.Fsuid;
        if (victim.Uid == fsuid || dir.Uid == fsuid)
        {
            return false;
        }

        return !CapableWrtInode(kernel, task, victim, Capability.Fowner);
    }

    /// <summary>in_group_or_capable: the group is the caller's, or CAP_FSETID (whether chmod keeps S_ISGID).</summary>
    public static bool InGroupOrCapable(KernelState kernel, Task task, Inode inode, int gid) =>
        InGroup(task.Cred, gid) || CapableWrtInode(kernel, task, inode, Capability.Fsetid);
}
