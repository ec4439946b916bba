using Isolation.Model.Abi;
using Isolation.Model.Kernel.Fds;
using Isolation.Model.Kernel.Sockets;
using Isolation.Model.Lsm;
using Isolation.Model.Syscalls;
using Isolation.Traces;
using Isolation.Traces.Syntax;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Kernel.Fs;

/// <summary>
/// A file system object: a directory, regular file, socket, fifo or device node of the tmpfs-like
/// tree, or a synthetic /proc entry (subclasses override lookup, permission and open).
/// </summary>
/// <remarks>include/linux/fs.h struct inode and inode_operations (6.12).</remarks>
public class Inode
{
    /// <summary>Makes an inode with <paramref name="mode"/> (type and permission bits) owned by <paramref name="uid"/>:<paramref name="gid"/>.</summary>
    public Inode(int mode, int uid, int gid)
    {
        Mode = mode;
        Uid = uid;
        Gid = gid;
    }

    /// <summary>The mode: S_IF* type bits and permission bits.</summary>
    public int Mode { get; set; }

    /// <summary>The owner (kernel uid).</summary>
    public int Uid { get; set; }

    /// <summary>The group (kernel gid).</summary>
    public int Gid { get; set; }

    /// <summary>The device number of a character or block device node (<c>st_rdev</c>).</summary>
    public long Rdev { get; init; }

    /// <summary>The security blobs of the stacked modules (i_security).</summary>
    public SecurityBlobs Security { get; } = new();

    /// <summary>The directory this entry is in (<c>..</c>); null for a file system's root.</summary>
    public Inode? Parent { get; set; }

    /// <summary>
    /// The bound unix socket of a socket node made by bind(2); cleared by the socket layer when the
    /// socket is released (unix_release_sock drops it from the bound table), after which connect
    /// finds no listener (ECONNREFUSED).
    /// </summary>
    public Socket? BoundSocket { get; set; }

    /// <summary>The root of what is mounted on this directory, if anything (the mount stack's top).</summary>
    public Inode? MountedRoot { get; set; }

    /// <summary>Whether this is a directory.</summary>
    public bool IsDirectory => FileModes.TypeOf(Mode) == FileModes.Directory;

    /// <summary>Whether this is a regular file.</summary>
    public bool IsRegular => FileModes.TypeOf(Mode) == FileModes.Regular;

    /// <summary>Whether this is a socket node.</summary>
    public bool IsSocket => FileModes.TypeOf(Mode) == FileModes.Socket;

    /// <summary><c>st_size</c>.</summary>
    public virtual long Size => 0;

    /// <summary>
    /// Whether a missing name looks up as a negative dentry, so that the create calls may go on
    /// to make it (tmpfs, kernfs); /proc instead fails the lookup itself (ENOENT).
    /// </summary>
    public virtual bool HasNegativeDentries => false;

    /// <summary>
    /// The lookup inode operation: the child called <paramref name="name"/> (never <c>.</c> or
    /// <c>..</c>), or ENOENT. Synthetic directories make their children here.
    /// </summary>
    public virtual Errno Lookup(KernelState kernel, Task task, string name, out Inode? child)
    {
        child = null;
        return IsDirectory ? Errno.ENOENT : Errno.ENOTDIR;
    }

    /// <summary>
    /// The mkdir inode operation, once the name is known free and may_create passed:
    /// <paramref name="permissions"/> is the mode less the umask. A directory without it is EPERM.
    /// </summary>
    public virtual Errno Mkdir(KernelState kernel, Task task, string name, int permissions) => Errno.EPERM;

    /// <summary>The rmdir inode operation, once may_delete passed for the directory <paramref name="victim"/> called <paramref name="name"/>; EPERM without it.</summary>
    public virtual Errno Rmdir(KernelState kernel, Task task, string name, Inode victim) => Errno.EPERM;

    /// <summary>The unlink inode operation, once may_delete passed for <paramref name="victim"/> called <paramref name="name"/>; EPERM without it.</summary>
    public virtual Errno Unlink(KernelState kernel, Task task, string name, Inode victim) => Errno.EPERM;

    /// <summary>
    /// The permission inode operation: generic_permission by default; /proc entries override it.
    /// <paramref name="mask"/> is a set of <see cref="MayMask"/> bits.
    /// </summary>
    public virtual Errno Permission(KernelState kernel, Task task, int mask) =>
        InodePermissions.Generic(kernel, task, this, mask);

    /// <summary>
    /// The open file operation after may_open passed: what the new descriptor refers to, or the
    /// error the driver's open gives (a socket node has no open: ENXIO).
    /// </summary>
    public virtual Errno Open(SyscallContext ctx, int flags, out FileObject? file)
    {
        file = null;
        return IsSocket ? Errno.ENXIO : throw new TraceException(ctx.Call.CallSpan, "opening a fifo or device node is not modelled");
    }

    /// <summary>S_IMMUTABLE: nobody gets write access, whatever the mode (a /proc/&lt;pid&gt; directory).</summary>
    public virtual bool Immutable => false;

    /// <summary>Whether chmod may change the mode (proc_setattr refuses any mode change with EPERM).</summary>
    public virtual bool AcceptsModeChange => true;
}
