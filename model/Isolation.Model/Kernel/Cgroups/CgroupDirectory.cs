using Isolation.Model.Abi;
using Isolation.Model.Kernel.Fds;
using Isolation.Model.Kernel.Fs;
using Isolation.Model.Syscalls;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Kernel.Cgroups;

/// <summary>
/// A cgroup's directory in the cgroup2 file system: its child cgroups, <c>cgroup.procs</c>, and
/// every controller's files. mkdir in it makes a child cgroup, rmdir removes one.
/// </summary>
/// <remarks>fs/kernfs/dir.c kernfs_iop_lookup, kernfs_iop_mkdir, kernfs_iop_rmdir;
/// kernel/cgroup/cgroup.c css_populate_dir (6.12).</remarks>
public sealed class CgroupDirectory : Inode
{
    private readonly Cgroup _cgroup;
    private Dictionary<string, CgroupFileInode>? _files;

    /// <summary>Makes the directory of <paramref name="cgroup"/>.</summary>
    internal CgroupDirectory(Cgroup cgroup, int permissions, int uid, int gid)
        : base(FileModes.Directory | (permissions & FileModes.AllBits), uid, gid)
    {
        _cgroup = cgroup;
        ProcsFile = new CgroupFileInode(cgroup, uid, gid) { Parent = this };
    }

    /// <summary>The cgroup shown.</summary>
    public Cgroup Cgroup => _cgroup;

    /// <summary>This cgroup's <c>cgroup.procs</c>, whose write permission governs moves out of and into the subtree.</summary>
    public CgroupFileInode ProcsFile { get; }

    /// <summary>The control files by name; the controllers are all bound at boot, so the set is made once.</summary>
    private Dictionary<string, CgroupFileInode> Files => _files ??= MakeFiles();

    /// <inheritdoc/>
    public override Errno Lookup(KernelState kernel, Task task, string name, out Inode? child)
    {
        child = _cgroup.Children.TryGetValue(name, out var sub) ? sub.Directory
            : Files.TryGetValue(name, out var file) ? file
            : null;
        return child is null ? Errno.ENOENT : Errno.None;
    }

    /// <inheritdoc/>
    public override Errno Open(SyscallContext ctx, int flags, out FileObject? file)
    {
        file = new DirectoryFile(this);
        return Errno.None;
    }

    /// <summary>kernfs_iop_lookup leaves a negative dentry for a missing name, so mkdir may make it.</summary>
    public override bool HasNegativeDentries => true;

    /// <summary>
    /// kernfs_iop_mkdir → cgroup_mkdir, once the VFS found the name free and may_create passed:
    /// makes the child cgroup <paramref name="name"/> with <paramref name="permissions"/> (mode less umask).
    /// </summary>
    public override Errno Mkdir(KernelState kernel, Task task, string name, int permissions)
    {
        var error = _cgroup.Hierarchy.Create(kernel, task, _cgroup, name, permissions);
        if (error == Errno.None)
        {
            _cgroup.Children[name].Directory.Parent = this;
        }

        return error;
    }

    /// <summary>
    /// kernfs_iop_rmdir → cgroup_rmdir, once may_delete passed: removes the child cgroup shown by
    /// <paramref name="victim"/> (EBUSY while populated or with children).
    /// </summary>
    public override Errno Rmdir(KernelState kernel, Task task, string name, Inode victim) =>
        victim is CgroupDirectory dir && dir.Parent == this ? _cgroup.Hierarchy.Destroy(dir.Cgroup) : Errno.ENOTDIR;

    private Dictionary<string, CgroupFileInode> MakeFiles()
    {
        var files = new Dictionary<string, CgroupFileInode>(StringComparer.Ordinal) { [ProcsFile.Name] = ProcsFile };
        foreach (var ss in _cgroup.Hierarchy.Subsystems)
        {
            foreach (var type in ss.Files)
            {
                var file = new CgroupFileInode(_cgroup, ss, type, Uid, Gid) { Parent = this };
                files.Add(file.Name, file);
            }
        }

        return files;
    }
}
