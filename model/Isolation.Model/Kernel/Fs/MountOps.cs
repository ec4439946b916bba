using Isolation.Model.Abi;
using Isolation.Model.Kernel.Creds;
using Isolation.Model.Kernel.Fs.Proc;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Kernel.Fs;

/// <summary>
/// mount(2): the target lookup, security_sb_mount, CAP_SYS_ADMIN over the mount namespace's owner
/// (the initial user namespace: the model has one mount namespace), then what kind of mount it is.
/// A new tmpfs, ramfs or proc mount really covers the target; the other kinds are recorded.
/// </summary>
/// <remarks>fs/namespace.c (6.12): do_mount, path_mount, may_mount, do_new_mount, do_loopback,
/// do_remount, do_change_type, graft_tree; mm/shmem.c shmem_init_fs_context (root mode 1777, the caller's fsuid).</remarks>
public static class MountOps
{
    /// <summary>Runs mount(<paramref name="source"/>, <paramref name="target"/>, <paramref name="fsType"/>, <paramref name="flags"/>, data).</summary>
    public static Errno Mount(KernelState kernel, Task task, string? source, string target, string? fsType, long flags)
    {
        var fs = kernel.Fs;
        var error = PathWalk.Resolve(kernel, task, fs.Root, target, out var point);
        if (error != Errno.None)
        {
            return error;
        }

        if ((flags & MountAbi.MagicMask) == MountAbi.MagicValue)
        {
            flags &= ~MountAbi.MagicMask;
        }

        if ((flags & MountAbi.NoUser) != 0)
        {
            return Errno.EINVAL;
        }

        error = kernel.Security.SbMount(task, source ?? string.Empty, target, fsType ?? string.Empty, flags);
        if (error != Errno.None)
        {
            return error;
        }

        if (!Capabilities.NsCapable(kernel, task, kernel.InitUserNs, Capability.SysAdmin))
        {
            return Errno.EPERM;
        }

        if ((flags & (MountAbi.Remount | MountAbi.Propagation)) != 0)
        {
            // do_remount, do_reconfigure_mnt, do_change_type: the target must be the root of a mount.
            return Record(fs, point!, source, target, flags);
        }

        if ((flags & (MountAbi.Bind | MountAbi.Move)) != 0)
        {
            return BindOrMove(kernel, task, point!, source, target, flags);
        }

        if (fsType is null)
        {
            return Errno.EINVAL;
        }

        if (!MountAbi.KnownTypes.Contains(fsType))
        {
            return Errno.ENODEV;
        }

        if (!point!.IsDirectory)
        {
            return Errno.ENOTDIR;
        }

        Inode root = fsType switch
        {
            "proc" => new ProcRoot(),
            "tmpfs" => new TmpfsDirectory(0x3FF, task.Cred.Fsuid, task.Cred.Fsgid),
            _ => new TmpfsDirectory(0x1ED, task.Cred.Fsuid, task.Cred.Fsgid),
        };
        Attach(fs, point, root, source, target, fsType, flags);
        return Errno.None;
    }

    /// <summary>
    /// MS_BIND (do_loopback: the source looked up, a directory only on a directory, ENOTDIR) covers
    /// the target with the source; MS_MOVE (the source must be a mount's root, EINVAL) is recorded.
    /// </summary>
    private static Errno BindOrMove(KernelState kernel, Task task, Inode point, string? source, string target, long flags)
    {
        var fs = kernel.Fs;
        var error = PathWalk.Resolve(kernel, task, fs.Root, source ?? string.Empty, out var from);
        if (error != Errno.None)
        {
            return error;
        }

        if ((flags & MountAbi.Move) != 0)
        {
            return Record(fs, from!, source, target, flags);
        }

        if (from!.IsDirectory != point.IsDirectory)
        {
            return Errno.ENOTDIR;
        }

        Attach(fs, point, from, source, target, string.Empty, flags);
        return Errno.None;
    }

    private static void Attach(FileSystem fs, Inode point, Inode root, string? source, string target, string fsType, long flags)
    {
        point.MountedRoot = root;
        root.Parent ??= point.Parent;
        fs.Mounts.Add(new MountRecord(source ?? "none", target, fsType, flags, root));
    }

    /// <summary>A remount, propagation change or move: recorded, without effect on lookups; the mount acted on must be a mount's root (EINVAL).</summary>
    private static Errno Record(FileSystem fs, Inode mountRoot, string? source, string target, long flags)
    {
        if (!fs.Mounts.Any(m => m.Root == mountRoot && (m.Flags & (MountAbi.Remount | MountAbi.Propagation | MountAbi.Move)) == 0))
        {
            return Errno.EINVAL;
        }

        fs.Mounts.Add(new MountRecord(source ?? "none", target, string.Empty, flags, mountRoot));
        return Errno.None;
    }
}
