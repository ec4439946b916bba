using Isolation.Model.Abi;
using Isolation.Model.Kernel.Fds;
using Isolation.Model.Syscalls;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Kernel.Fs;

/// <summary>
/// open(2)/openat(2) up to the open file: flag checks, the walk, the last lookup with O_CREAT,
/// do_open's checks and may_open, security_file_open, then the file's own open.
/// </summary>
/// <remarks>fs/open.c build_open_flags, do_dentry_open; fs/namei.c open_last_lookups, lookup_open,
/// may_o_create, do_open, may_open, may_create_in_sticky (6.12). fs.protected_regular and
/// fs.protected_fifos are 0, the kernel default (and this machine's).</remarks>
public static class OpenOps
{
    /// <summary>O_PATH_FLAGS: what O_PATH keeps.</summary>
    private const int PathFlags = OpenFlags.Directory | OpenFlags.NoFollow | OpenFlags.Path | OpenFlags.CloseOnExec;

    /// <summary>The flags open keeps only for the call (do_dentry_open clears them from f_flags; O_CLOEXEC goes to the descriptor).</summary>
    private const int CallOnlyFlags = OpenFlags.Create | OpenFlags.Exclusive | OpenFlags.NoCtty | OpenFlags.Truncate | OpenFlags.CloseOnExec;

    /// <summary>Opens <paramref name="path"/> (relative to <paramref name="start"/>); the open file is not yet installed.</summary>
    public static Errno Open(SyscallContext ctx, Inode start, string path, int flags, int mode, out OpenFile? file)
    {
        file = null;
        var kernel = ctx.Kernel;
        var task = ctx.Caller;
        if ((flags & OpenFlags.Path) != 0)
        {
            flags &= PathFlags;
        }

        if ((flags & (OpenFlags.Directory | OpenFlags.Create)) == (OpenFlags.Directory | OpenFlags.Create))
        {
            return Errno.EINVAL;
        }

        var accMode = AccMode(flags);
        var error = PathWalk.WalkParent(kernel, task, start, path, out var nd);
        if (error != Errno.None)
        {
            return error;
        }

        error = LookupOpen(kernel, task, nd!, flags, mode, out var target, out var created);
        if (error != Errno.None)
        {
            return error;
        }

        error = DoOpen(kernel, task, nd!, target!, flags, created, ref accMode, out var truncate);
        if (error != Errno.None)
        {
            return error;
        }

        // do_dentry_open: an O_PATH file has no operations and no security_file_open; otherwise the
        // hook sees the file before the file's own open runs.
        var open = new OpenFile(new PathFile(target!), (flags & ~CallOnlyFlags) | FcntlAbi.LargeFile);
        if ((flags & OpenFlags.Path) != 0)
        {
            file = open;
            return Errno.None;
        }

        error = kernel.Security.FileOpen(task, open);
        if (error == Errno.None)
        {
            error = target!.Open(ctx, flags, out var obj);
            open.Object = obj!;
        }

        if (error != Errno.None)
        {
            return error;
        }

        if (truncate && target is TmpfsFile regular)
        {
            regular.Data.Clear();
        }

        file = open;
        return Errno.None;
    }

    /// <summary>build_open_flags' acc_mode: the access mode's MAY bits, MAY_WRITE for O_TRUNC, MAY_APPEND for O_APPEND; none for O_PATH.</summary>
    private static int AccMode(int flags)
    {
        if ((flags & OpenFlags.Path) != 0)
        {
            return 0;
        }

        var acc = (flags & OpenFlags.AccessMode) switch
        {
            OpenFlags.ReadOnly => MayMask.Read,
            OpenFlags.WriteOnly => MayMask.Write,
            _ => MayMask.Read | MayMask.Write,
        };
        if ((flags & OpenFlags.Truncate) != 0)
        {
            acc |= MayMask.Write;
        }

        if ((flags & OpenFlags.Append) != 0)
        {
            acc |= MayMask.Append;
        }

        return acc;
    }

    /// <summary>open_last_lookups and lookup_open: find or create the last component.</summary>
    private static Errno LookupOpen(KernelState kernel, Task task, NameData nd, int flags, int mode, out Inode? target, out bool created)
    {
        target = null;
        created = false;
        var create = (flags & OpenFlags.Create) != 0;
        if (nd.Kind != LastKind.Normal)
        {
            return PathWalk.LookupLast(kernel, task, nd, followMounts: true, out target);
        }

        if (create && nd.TrailingSlash)
        {
            return Errno.EISDIR;
        }

        var error = nd.Dir.Lookup(kernel, task, nd.Last, out var found);
        if (found is not null)
        {
            target = PathWalk.FollowMounts(found);
            return Errno.None;
        }

        if (error != Errno.ENOENT || !nd.Dir.HasNegativeDentries || !create)
        {
            return error;
        }

        // may_o_create: write and search on the directory; its error counts only because the name is free.
        error = InodePermissions.MayCreate(kernel, task, nd.Dir);
        if (error != Errno.None)
        {
            return error;
        }

        error = NameOps.CreateFile(kernel, task, nd.Dir, nd.Last, mode, out target);
        created = error == Errno.None;
        return error;
    }

    /// <summary>do_open and may_open: EEXIST, EISDIR, the sticky-create rule, ENOTDIR, then the inode permission for the access.</summary>
    private static Errno DoOpen(KernelState kernel, Task task, NameData nd, Inode target, int flags, bool created, ref int accMode, out bool truncate)
    {
        truncate = false;
        if ((flags & OpenFlags.Create) != 0)
        {
            if ((flags & OpenFlags.Exclusive) != 0 && !created)
            {
                return Errno.EEXIST;
            }

            if (target.IsDirectory)
            {
                return Errno.EISDIR;
            }

            if (!created && IsProtectedStickyCreate(task, nd.Dir, target))
            {
                return Errno.EACCES;
            }
        }

        if (((flags & OpenFlags.Directory) != 0 || nd.TrailingSlash) && !target.IsDirectory)
        {
            return Errno.ENOTDIR;
        }

        if (created)
        {
            accMode = 0;
        }
        else if (target.IsRegular && (flags & OpenFlags.Truncate) != 0)
        {
            truncate = true;
        }

        if (target.IsDirectory)
        {
            if ((accMode & MayMask.Write) != 0)
            {
                return Errno.EISDIR;
            }

            if ((accMode & MayMask.Exec) != 0)
            {
                return Errno.EACCES;
            }
        }
        else if (!target.IsRegular)
        {
            truncate = false;
        }

        return InodePermissions.Check(kernel, task, target, MayMask.Open | accMode);
    }

    /// <summary>
    /// may_create_in_sticky with protected_regular = protected_fifos = 0: O_CREAT of an existing
    /// socket or device node in a sticky world-writable directory, owned neither by the directory's
    /// owner nor by the caller, is EACCES.
    /// </summary>
    private static bool IsProtectedStickyCreate(Task task, Inode dir, Inode target)
    {
        if ((dir.Mode & FileModes.Sticky) == 0 || target.IsRegular || FileModes.TypeOf(target.Mode) == FileModes.Fifo)
        {
            return false;
        }

        return target.Uid != dir.Uid && target.Uid != task.Cred.Fsuid && (dir.Mode & 0x2) != 0;
    }
}
