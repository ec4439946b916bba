using Isolation.Model.Kernel.Fs.Proc;
using Isolation.Model.Kernel.Sockets;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Kernel.Fs;

/// <summary>
/// The small file system scenarios reach: a root directory holding <c>/tmp</c> (an empty tmpfs,
/// mode 1777, owned by root) and <c>/proc</c> (synthetic: <c>/proc/self</c>, <c>/proc/pN</c>,
/// <c>/proc/sys</c>), the mount table, and the pathname socket nodes of unix sockets.
/// </summary>
/// <remarks>The run environment of TRACE-FORMAT.md ("Scratch directory"); fs/namespace.c for mounts (6.12).</remarks>
public sealed class FileSystem
{
    /// <summary>Makes the tree every run starts with.</summary>
    public FileSystem()
    {
        Root = new TmpfsDirectory(0x1ED, 0, 0);
        Tmp = (TmpfsDirectory)MountOnNewDirectory("tmp", new TmpfsDirectory(0x3FF, 0, 0), "tmpfs");
        ProcRoot = (ProcRoot)MountOnNewDirectory("proc", new ProcRoot(), "proc");
        Mounts.Insert(0, new MountRecord("/dev/root", "/", "rootfs", 0, Root));
    }

    /// <summary>The root directory <c>/</c> (mode 0755, owned by root).</summary>
    public TmpfsDirectory Root { get; }

    /// <summary>The root of the tmpfs on <c>/tmp</c> (mode 1777, owned by root, empty at start).</summary>
    public TmpfsDirectory Tmp { get; }

    /// <summary>The root of /proc.</summary>
    public ProcRoot ProcRoot { get; }

    /// <summary>The mounts, in the order they were made (the initial ones first).</summary>
    public List<MountRecord> Mounts { get; } = [];

    /// <summary>The values behind /proc/sys.</summary>
    public SysctlValues Sysctl { get; } = new();

    /// <summary>The files modules add to /proc/net.</summary>
    public ProcNetEntries ProcNet { get; } = new();

    /// <summary>
    /// The node a unix socket bound to <paramref name="path"/> makes (unix_bind_bsd): mode 0777 less
    /// the umask (srwxr-xr-x with umask 022), owned by the caller's fsuid/fsgid. EADDRINUSE if the
    /// path exists; ENOENT, ENOTDIR or EACCES from the lookup; EACCES without write and search
    /// permission on the directory; a module's error from security_inode_mknod.
    /// </summary>
    public Errno CreateSocketNode(KernelState kernel, Task task, string path, Socket sock, out Inode? inode)
    {
        var error = NameOps.MakeSocketNode(kernel, task, path, out inode);
        if (error == Errno.None)
        {
            inode!.BoundSocket = sock;
        }

        return error;
    }

    /// <summary>
    /// The socket a unix connect or sendto to <paramref name="path"/> reaches (unix_find_bsd): the
    /// lookup's error (ENOENT, ENOTDIR, EACCES), EACCES without write permission on the node,
    /// ECONNREFUSED when the node is not a socket or no socket is bound to it any more.
    /// </summary>
    public Errno LookupSocketNode(KernelState kernel, Task task, string path, out Socket? sock)
    {
        sock = null;
        var error = PathWalk.Resolve(kernel, task, Root, path, out var inode);
        if (error == Errno.None)
        {
            error = InodePermissions.Check(kernel, task, inode!, MayMask.Write);
        }

        if (error != Errno.None)
        {
            return error;
        }

        sock = inode!.IsSocket ? inode.BoundSocket : null;
        return sock is null ? Errno.ECONNREFUSED : Errno.None;
    }

    private Inode MountOnNewDirectory(string name, Inode root, string fsType)
    {
        var mountpoint = new TmpfsDirectory(0x1ED, 0, 0);
        Root.Link(name, mountpoint);
        mountpoint.MountedRoot = root;
        root.Parent = Root;
        Mounts.Add(new MountRecord(fsType, "/" + name, fsType, 0, root));
        return root;
    }
}
