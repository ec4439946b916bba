using Isolation.Model.Abi;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Kernel.Fs;

/// <summary>
/// The calls that make and remove names: mkdir, mknod (and the socket node of a unix bind),
/// unlink and rmdir, each checking what Linux checks in Linux's order; the directory's own
/// operation (<see cref="Inode.Mkdir"/>, <see cref="Inode.Rmdir"/>, <see cref="Inode.Unlink"/>) does the rest.
/// </summary>
/// <remarks>fs/namei.c (6.12): filename_create, do_mkdirat/vfs_mkdir, do_mknodat/may_mknod/vfs_mknod/vfs_create,
/// do_unlinkat/vfs_unlink, do_rmdir/vfs_rmdir.</remarks>
public static class NameOps
{
    /// <summary>mkdir(2): EEXIST before any permission check (filename_create), then may_create (EACCES), then the directory's mkdir.</summary>
    public static Errno Mkdir(KernelState kernel, Task task, Inode start, string path, int mode)
    {
        var error = FilenameCreate(kernel, task, start, path, isDirectory: true, out var dir, out var name);
        if (error == Errno.None)
        {
            error = InodePermissions.MayCreate(kernel, task, dir!);
        }

        return error != Errno.None ? error : dir!.Mkdir(kernel, task, name!, mode & (FileModes.Permissions | FileModes.Sticky) & ~task.Umask);
    }

    /// <summary>
    /// mknod(2): may_mknod on the type (EPERM for a directory, EINVAL for an unknown type), the
    /// name (EEXIST, ENOENT), may_create (EACCES), CAP_MKNOD for devices (EPERM), then
    /// security_inode_mknod for everything but a regular file (which vfs_create makes).
    /// </summary>
    public static Errno Mknod(KernelState kernel, Task task, Inode start, string path, int mode, long dev)
    {
        switch (FileModes.TypeOf(mode))
        {
            case 0:
                return MakeNode(kernel, task, start, path, FileModes.Regular | mode, dev, out _);
            case FileModes.Regular:
            case FileModes.CharDevice:
            case FileModes.BlockDevice:
            case FileModes.Fifo:
            case FileModes.Socket:
                return MakeNode(kernel, task, start, path, mode, dev, out _);
            case FileModes.Directory:
                return Errno.EPERM;
            default:
                return Errno.EINVAL;
        }
    }

    /// <summary>
    /// unix_bind_bsd's node: vfs_mknod of S_IFSOCK with 0777 less the umask; a name that exists is
    /// EADDRINUSE (unix_bind maps EEXIST).
    /// </summary>
    public static Errno MakeSocketNode(KernelState kernel, Task task, string path, out Inode? node)
    {
        var error = MakeNode(kernel, task, kernel.Fs.Root, path, FileModes.Socket | FileModes.Permissions, 0, out node);
        return error == Errno.EEXIST ? Errno.EADDRINUSE : error;
    }

    /// <summary>lookup_open's create: a regular file for open(O_CREAT) once may_o_create passed; EACCES without a create operation.</summary>
    public static Errno CreateFile(KernelState kernel, Task task, Inode dir, string name, int mode, out Inode? file)
    {
        file = null;
        return dir is TmpfsDirectory parent
            ? Made(parent, name, new TmpfsFile(PrepareMode(kernel, task, dir, FileModes.Regular | mode), task.Cred.Fsuid, task.Cred.Fsgid), out file)
            : Errno.EACCES;
    }

    /// <summary>unlink(2): EISDIR for <c>.</c>, <c>..</c> and <c>/</c>; ENOENT, EISDIR or ENOTDIR for a trailing slash; may_delete; the directory's unlink.</summary>
    public static Errno Unlink(KernelState kernel, Task task, Inode start, string path)
    {
        var error = PathWalk.WalkParent(kernel, task, start, path, out var nd);
        if (error != Errno.None)
        {
            return error;
        }

        if (nd!.Kind != LastKind.Normal)
        {
            return Errno.EISDIR;
        }

        error = LookupForRemoval(kernel, task, nd, out var victim);
        if (error != Errno.None)
        {
            return error;
        }

        if (victim is null || nd.TrailingSlash)
        {
            // do_unlinkat's "slashes" label: the error depends on what the name is.
            return victim is null ? Errno.ENOENT : victim.IsDirectory ? Errno.EISDIR : Errno.ENOTDIR;
        }

        error = InodePermissions.MayDelete(kernel, task, nd.Dir, victim, isDir: false);
        return error != Errno.None ? error : nd.Dir.Unlink(kernel, task, nd.Last, victim);
    }

    /// <summary>rmdir(2): ENOTEMPTY for <c>..</c>, EINVAL for <c>.</c>, EBUSY for <c>/</c>; ENOENT; may_delete; the directory's rmdir.</summary>
    public static Errno Rmdir(KernelState kernel, Task task, Inode start, string path)
    {
        var error = PathWalk.WalkParent(kernel, task, start, path, out var nd);
        if (error != Errno.None)
        {
            return error;
        }

        switch (nd!.Kind)
        {
            case LastKind.DotDot:
                return Errno.ENOTEMPTY;
            case LastKind.Dot:
                return Errno.EINVAL;
            case LastKind.Root:
                return Errno.EBUSY;
        }

        error = LookupForRemoval(kernel, task, nd, out var victim);
        if (error == Errno.None && victim is null)
        {
            error = Errno.ENOENT;
        }

        if (error == Errno.None)
        {
            error = InodePermissions.MayDelete(kernel, task, nd.Dir, victim!, isDir: true);
        }

        return error != Errno.None ? error : nd.Dir.Rmdir(kernel, task, nd.Last, victim!);
    }

    /// <summary>
    /// filename_create: walk to the parent; <c>.</c>, <c>..</c> or <c>/</c> is EEXIST; an existing
    /// name is EEXIST; a trailing slash on a new non-directory is ENOENT. A directory whose lookup
    /// fails for a missing name (/proc) gives that error (ENOENT).
    /// </summary>
    private static Errno FilenameCreate(KernelState kernel, Task task, Inode start, string path, bool isDirectory, out Inode? dir, out string? name)
    {
        dir = null;
        name = null;
        var error = PathWalk.WalkParent(kernel, task, start, path, out var nd);
        if (error != Errno.None)
        {
            return error;
        }

        if (nd!.Kind != LastKind.Normal)
        {
            return Errno.EEXIST;
        }

        error = nd.Dir.Lookup(kernel, task, nd.Last, out var existing);
        if (existing is not null)
        {
            return Errno.EEXIST;
        }

        if (error != Errno.ENOENT || !nd.Dir.HasNegativeDentries)
        {
            return error;
        }

        if (nd.TrailingSlash && !isDirectory)
        {
            return Errno.ENOENT;
        }

        dir = nd.Dir;
        name = nd.Last;
        return Errno.None;
    }

    private static Errno MakeNode(KernelState kernel, Task task, Inode start, string path, int mode, long dev, out Inode? node)
    {
        node = null;
        var error = FilenameCreate(kernel, task, start, path, isDirectory: false, out var dir, out var name);
        if (error == Errno.None)
        {
            error = InodePermissions.MayCreate(kernel, task, dir!);
        }

        if (error != Errno.None)
        {
            return error;
        }

        var type = FileModes.TypeOf(mode);
        if (type == FileModes.Regular)
        {
            return CreateFile(kernel, task, dir!, name!, mode, out node);
        }

        // vfs_mknod: devices need CAP_MKNOD in the initial namespace; a directory without a mknod
        // operation is EPERM; then the LSM hook.
        if ((type == FileModes.CharDevice || type == FileModes.BlockDevice)
            && !Creds.Capabilities.Capable(kernel, task, Capability.Mknod))
        {
            return Errno.EPERM;
        }

        if (dir is not TmpfsDirectory parent)
        {
            return Errno.EPERM;
        }

        var created = new Inode(type | PrepareMode(kernel, task, dir, mode), task.Cred.Fsuid, task.Cred.Fsgid)
        {
            Rdev = type is FileModes.CharDevice or FileModes.BlockDevice ? dev : 0,
        };
        error = kernel.Security.InodeMknod(task, parent, name!, created.Mode, created.Rdev);
        return error != Errno.None ? error : Made(parent, name!, created, out node);
    }

    private static Errno Made(TmpfsDirectory dir, string name, Inode created, out Inode? node)
    {
        dir.Add(name, created);
        node = created;
        return Errno.None;
    }

    /// <summary>
    /// vfs_prepare_mode for a non-directory: mode_strip_sgid (in a set-group-id directory whose
    /// group the creator is not in, without CAP_FSETID, a group-executable file loses S_ISGID), then
    /// the umask. The result is the permission and special bits.
    /// </summary>
    private static int PrepareMode(KernelState kernel, Task task, Inode dir, int mode)
    {
        const int sgidExec = FileModes.SetGid | FileModes.GroupExec;
        if ((mode & sgidExec) == sgidExec && (dir.Mode & FileModes.SetGid) != 0
            && !InodePermissions.InGroupOrCapable(kernel, task, dir, dir.Gid))
        {
            mode &= ~FileModes.SetGid;
        }

        return mode & FileModes.AllBits & ~task.Umask;
    }

    /// <summary>The entry to remove, or null for a free name; a directory whose lookup fails (/proc) gives that error.</summary>
    private static Errno LookupForRemoval(KernelState kernel, Task task, NameData nd, out Inode? victim)
    {
        var error = nd.Dir.Lookup(kernel, task, nd.Last, out victim);
        return error == Errno.ENOENT && nd.Dir.HasNegativeDentries ? Errno.None : error;
    }
}
