using Isolation.Model.Abi;
using Isolation.Model.Kernel.Creds;
using Isolation.Traces;
using Isolation.Traces.Syntax;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Kernel.Fs;

/// <summary>The calls on an inode's attributes: chmod, chown, access, stat.</summary>
/// <remarks>fs/open.c chmod_common, chown_common, do_faccessat, access_override_creds; fs/attr.c
/// setattr_prepare, chown_ok, chgrp_ok, setattr_should_drop_sgid; fs/stat.c vfs_getattr (6.12).</remarks>
public static class AttrOps
{
    /// <summary>
    /// chmod on a resolved inode: only the owner or CAP_FOWNER (EPERM); S_ISGID is dropped unless
    /// the caller is in the file's group or has CAP_FSETID; /proc refuses mode changes (EPERM).
    /// </summary>
    public static Errno Chmod(KernelState kernel, Task task, Inode inode, int mode)
    {
        if (!inode.AcceptsModeChange || !InodePermissions.OwnerOrCapable(kernel, task, inode))
        {
            return Errno.EPERM;
        }

        var newMode = (mode & FileModes.AllBits) | (inode.Mode & ~FileModes.AllBits);
        if (!InodePermissions.InGroupOrCapable(kernel, task, inode, inode.Gid))
        {
            newMode &= ~FileModes.SetGid;
        }

        inode.Mode = newMode;
        return Errno.None;
    }

    /// <summary>
    /// chown on a resolved inode; -1 leaves an id alone. An id with no mapping in the caller's user
    /// namespace is EINVAL; changing the owner needs CAP_CHOWN (an owner may "change" it to itself);
    /// changing the group needs ownership and membership of the new group, or CAP_CHOWN (EPERM).
    /// A non-directory loses S_ISUID, and S_ISGID when group-executable.
    /// </summary>
    public static Errno Chown(KernelState kernel, Task task, Inode inode, int user, int group)
    {
        var ns = task.Cred.UserNs;
        if (inode.Immutable)
        {
            return Errno.EPERM; // may_setattr
        }

        int? uid = user == -1 ? null : ns.MakeKuid(user);
        int? gid = group == -1 ? null : ns.MakeKgid(group);
        if (uid == -1 || gid == -1)
        {
            return Errno.EINVAL;
        }

        var fsuid = task.Cred.Fsuid;
        if (uid is { } u && !(fsuid == inode.Uid && u == inode.Uid) && !InodePermissions.CapableWrtInode(kernel, task, inode, Capability.Chown))
        {
            return Errno.EPERM;
        }

        if (gid is { } g && !(fsuid == inode.Uid && (g == inode.Gid || InodePermissions.InGroup(task.Cred, g)))
            && !InodePermissions.CapableWrtInode(kernel, task, inode, Capability.Chown))
        {
            return Errno.EPERM;
        }

        if (!inode.IsDirectory)
        {
            var dropSgid = (inode.Mode & FileModes.SetGid) != 0
                && ((inode.Mode & FileModes.GroupExec) != 0 || !InodePermissions.InGroupOrCapable(kernel, task, inode, inode.Gid));
            inode.Mode &= ~(FileModes.SetUid | (dropSgid ? FileModes.SetGid : 0));
        }

        inode.Uid = uid ?? inode.Uid;
        inode.Gid = gid ?? inode.Gid;
        return Errno.None;
    }

    /// <summary>
    /// faccessat2: EINVAL for mode bits beyond R_OK|W_OK|X_OK, then for unknown flags; then, with
    /// the real ids (unless AT_EACCESS) and, for a real uid that is not its namespace's root, no
    /// effective capabilities, the lookup and the inode permission (a regular file with no
    /// execute bit fails X_OK even for root).
    /// </summary>
    public static Errno Access(KernelState kernel, Task task, Inode start, string path, int mode, int flags)
    {
        if ((mode & ~(FcntlAbi.ROk | FcntlAbi.WOk | FcntlAbi.XOk)) != 0
            || (flags & ~(FcntlAbi.AtEaccess | FcntlAbi.AtSymlinkNofollow | FcntlAbi.AtEmptyPath)) != 0)
        {
            return Errno.EINVAL;
        }

        var saved = task.Cred;
        if ((flags & FcntlAbi.AtEaccess) == 0)
        {
            task.Cred = saved with
            {
                Fsuid = saved.Uid,
                Fsgid = saved.Gid,
                Effective = saved.Uid == saved.UserNs.MakeKuid(0) ? saved.Permitted : CapSet.Empty,
            };
        }

        try
        {
            var error = PathWalk.Resolve(kernel, task, start, path, out var inode);
            if (error != Errno.None || mode == FcntlAbi.FOk)
            {
                return error;
            }

            return InodePermissions.Check(kernel, task, inode!, mode | MayMask.Access);
        }
        finally
        {
            task.Cred = saved;
        }
    }

    /// <summary>
    /// vfs_getattr: security_inode_getattr, then the attributes as strace's abbreviated form prints
    /// them: <c>{st_mode=S_IFDIR|0555, st_size=0, ...}</c> (<c>st_rdev</c> instead of the size for devices).
    /// </summary>
    public static Errno Stat(KernelState kernel, Task task, Inode inode, out Expr? rendered)
    {
        rendered = null;
        var error = kernel.Security.InodeGetattr(task, inode);
        if (error != Errno.None)
        {
            return error;
        }

        var type = FileModes.TypeOf(inode.Mode);
        var second = type is FileModes.CharDevice or FileModes.BlockDevice
            ? new FieldExpr("st_rdev", FileModes.RenderDevice(inode.Rdev), SourceSpan.None)
            : new FieldExpr("st_size", IntExpr.Of(inode.Size), SourceSpan.None);
        rendered = new StructExpr(
            [new FieldExpr("st_mode", FileModes.RenderStatMode(inode.Mode), SourceSpan.None), second, new EllipsisExpr(SourceSpan.None)],
            SourceSpan.None);
        return Errno.None;
    }
}
