using Isolation.Model.Abi;
using Isolation.Model.Kernel.Fds;
using Isolation.Model.Syscalls;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Kernel.Fs;

/// <summary>
/// A directory of the tmpfs-like tree (the root, <c>/tmp</c>, what scenarios make): a table of
/// names, with every directory operation.
/// </summary>
/// <remarks>mm/shmem.c shmem_mkdir, shmem_mknod; fs/libfs.c simple_lookup, simple_unlink, simple_rmdir;
/// fs/inode.c inode_init_owner (6.12).</remarks>
public sealed class TmpfsDirectory : Inode
{
    /// <summary>BOGO_DIRENT_SIZE: what each entry (and <c>.</c> and <c>..</c>) adds to a tmpfs directory's st_size.</summary>
    public const int BogoDirentSize = 20;

    /// <summary>Makes an empty directory with permission bits <paramref name="permissions"/>.</summary>
    public TmpfsDirectory(int permissions, int uid, int gid)
        : base(FileModes.Directory | (permissions & FileModes.AllBits), uid, gid)
    {
    }

    /// <summary>The names in the directory, in byte order.</summary>
    public SortedDictionary<string, Inode> Entries { get; } = new(StringComparer.Ordinal);

    /// <summary>tmpfs counts 20 bytes per entry, <c>.</c> and <c>..</c> included.</summary>
    public override long Size => BogoDirentSize * (Entries.Count + 2);

    /// <inheritdoc/>
    public override bool HasNegativeDentries => true;

    /// <inheritdoc/>
    public override Errno Lookup(KernelState kernel, Task task, string name, out Inode? child) =>
        Entries.TryGetValue(name, out child) ? Errno.None : Errno.ENOENT;

    /// <inheritdoc/>
    public override Errno Open(SyscallContext ctx, int flags, out FileObject? file)
    {
        file = new DirectoryFile(this);
        return Errno.None;
    }

    /// <summary>shmem_mkdir: owned by the caller's fsuid and fsgid, or the group and S_ISGID of a set-group-id parent.</summary>
    public override Errno Mkdir(KernelState kernel, Task task, string name, int permissions)
    {
        Add(name, new TmpfsDirectory(permissions, task.Cred.Fsuid, task.Cred.Fsgid));
        return Errno.None;
    }

    /// <summary>A mountpoint is EBUSY (vfs_rmdir), a directory with entries ENOTEMPTY (simple_rmdir).</summary>
    public override Errno Rmdir(KernelState kernel, Task task, string name, Inode victim)
    {
        if (victim.MountedRoot is not null)
        {
            return Errno.EBUSY;
        }

        return victim is TmpfsDirectory { Entries.Count: > 0 } ? Errno.ENOTEMPTY : Remove(name);
    }

    /// <summary>A mountpoint (a bind-mounted file) is EBUSY (vfs_unlink).</summary>
    public override Errno Unlink(KernelState kernel, Task task, string name, Inode victim) =>
        victim.MountedRoot is not null ? Errno.EBUSY : Remove(name);

    /// <summary>Adds <paramref name="child"/> under <paramref name="name"/> with inode_init_owner's group rule.</summary>
    public void Add(string name, Inode child)
    {
        if ((Mode & FileModes.SetGid) != 0)
        {
            child.Gid = Gid;
            if (child.IsDirectory)
            {
                child.Mode |= FileModes.SetGid;
            }
        }

        Link(name, child);
    }

    /// <summary>Puts <paramref name="child"/> under <paramref name="name"/> as it is.</summary>
    public void Link(string name, Inode child)
    {
        Entries.Add(name, child);
        child.Parent = this;
    }

    private Errno Remove(string name)
    {
        Entries.Remove(name);
        return Errno.None;
    }
}
