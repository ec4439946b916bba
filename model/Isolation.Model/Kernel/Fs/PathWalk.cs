using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Kernel.Fs;

/// <summary>
/// Path resolution: search permission (MAY_EXEC) on each directory before looking a component up
/// in it, ENOENT for a missing component, ENOTDIR for a component that is not a directory, mounts
/// followed. Symbolic links are not modelled (the model's tree has none; /proc/self resolves directly).
/// </summary>
/// <remarks>fs/namei.c (6.12): link_path_walk, may_lookup, walk_component, lookup_last, follow_dotdot.</remarks>
public static class PathWalk
{
    /// <summary>Walks <paramref name="path"/> from <paramref name="start"/> (or the root for an absolute path) up to its last component.</summary>
    public static Errno WalkParent(KernelState kernel, Task task, Inode start, string path, out NameData? nd)
    {
        nd = null;
        if (path.Length == 0)
        {
            return Errno.ENOENT;
        }

        var root = kernel.Fs.Root;
        var current = FollowMounts(path[0] == '/' ? root : start);
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            nd = new NameData(current, string.Empty, LastKind.Root, false);
            return Errno.None;
        }

        for (var i = 0; ; i++)
        {
            var error = InodePermissions.Check(kernel, task, current, MayMask.Exec);
            if (error != Errno.None)
            {
                return error;
            }

            var name = parts[i];
            if (i == parts.Length - 1)
            {
                var kind = name switch { "." => LastKind.Dot, ".." => LastKind.DotDot, _ => LastKind.Normal };
                nd = new NameData(current, name, kind, path[^1] == '/');
                return Errno.None;
            }

            error = Step(kernel, task, current, name, out var next);
            if (error != Errno.None)
            {
                return error;
            }

            if (!next!.IsDirectory)
            {
                return Errno.ENOTDIR;
            }

            current = next;
        }
    }

    /// <summary>
    /// lookup_last: the inode the last component names, or ENOENT; ENOTDIR when the path ended in
    /// a slash and it is not a directory. <paramref name="followMounts"/> is false for the calls that
    /// act on the mountpoint itself (unlink, rmdir).
    /// </summary>
    public static Errno LookupLast(KernelState kernel, Task task, NameData nd, bool followMounts, out Inode? target)
    {
        target = null;
        Inode? found;
        switch (nd.Kind)
        {
            case LastKind.Root:
            case LastKind.Dot:
                found = nd.Dir;
                break;
            case LastKind.DotDot:
                found = Up(kernel, nd.Dir);
                break;
            default:
                var error = nd.Dir.Lookup(kernel, task, nd.Last, out found);
                if (error != Errno.None)
                {
                    return error;
                }

                found = followMounts ? FollowMounts(found!) : found!;
                break;
        }

        if (nd.TrailingSlash && !found.IsDirectory)
        {
            return Errno.ENOTDIR;
        }

        target = found;
        return Errno.None;
    }

    /// <summary>The whole lookup (user_path_at): walk, then the last component with mounts followed.</summary>
    public static Errno Resolve(KernelState kernel, Task task, Inode start, string path, out Inode? target)
    {
        target = null;
        var error = WalkParent(kernel, task, start, path, out var nd);
        return error != Errno.None ? error : LookupLast(kernel, task, nd!, followMounts: true, out target);
    }

    /// <summary>The root of the topmost file system mounted on <paramref name="inode"/>, or the inode itself.</summary>
    public static Inode FollowMounts(Inode inode)
    {
        while (inode.MountedRoot is { } mounted)
        {
            inode = mounted;
        }

        return inode;
    }

    private static Errno Step(KernelState kernel, Task task, Inode current, string name, out Inode? next)
    {
        switch (name)
        {
            case ".":
                next = current;
                return Errno.None;
            case "..":
                next = Up(kernel, current);
                return Errno.None;
            default:
                var error = current.Lookup(kernel, task, name, out next);
                if (error == Errno.None)
                {
                    next = FollowMounts(next!);
                }

                return error;
        }
    }

    private static Inode Up(KernelState kernel, Inode dir) => dir == kernel.Fs.Root ? dir : dir.Parent ?? dir;
}
