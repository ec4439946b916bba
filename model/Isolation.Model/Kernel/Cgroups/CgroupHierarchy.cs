using Isolation.Model.Kernel.Fs;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Kernel.Cgroups;

/// <summary>
/// The cgroup v2 hierarchy mounted on <c>/sys/fs/cgroup</c> (cgrp_dfl_root): the cgroups, the
/// controllers the stacked designs bring, and which cgroup every task is in. p1 starts in the
/// root cgroup; a child starts in its parent's.
/// </summary>
/// <remarks>kernel/cgroup/cgroup.c (6.12): cgroup_init_subsys, cgroup_post_fork, cgroup_mkdir, cgroup_rmdir.</remarks>
public sealed class CgroupHierarchy
{
    /// <summary>The root directory's permission bits: kernfs_create_root makes it S_IRUGO|S_IXUGO.</summary>
    private const int RootPermissions = 0x16D;

    private readonly List<CgroupSubsystem> _subsystems = [];
    private readonly Dictionary<Task, Cgroup> _membership = [];

    /// <summary>Makes the hierarchy with its root cgroup and no controller.</summary>
    public CgroupHierarchy() => Root = new Cgroup(this, null, string.Empty, RootPermissions, 0, 0);

    /// <summary>The root cgroup (<c>/sys/fs/cgroup</c> itself).</summary>
    public Cgroup Root { get; }

    /// <summary>The controllers, in registration order (their ssid order).</summary>
    public IReadOnlyList<CgroupSubsystem> Subsystems => _subsystems;

    /// <summary>
    /// cgroup_init_subsys: binds a design's controller to the hierarchy and makes its root state.
    /// Only at boot, before any cgroup but the root exists.
    /// </summary>
    public void AddSubsystem(KernelState kernel, CgroupSubsystem subsystem)
    {
        if (Root.Children.Count > 0 || _subsystems.Any(s => s.Name == subsystem.Name))
        {
            throw new InvalidOperationException($"controller {subsystem.Name} added after boot or twice");
        }

        subsystem.Hierarchy = this;
        var error = subsystem.CssAlloc(kernel, null, null, out var css);
        if (error != Errno.None || css is null)
        {
            throw new InvalidOperationException($"controller {subsystem.Name} failed to make its root state: {error}");
        }

        _subsystems.Add(subsystem);
        Root.Link(subsystem, css);
    }

    /// <summary>
    /// Mounts the hierarchy on <c>/sys/fs/cgroup</c>, as a distribution's init does at boot:
    /// <c>/sys</c> (mode 0555, as sysfs shows it) and <c>/sys/fs</c> (0755) hold the mount point.
    /// </summary>
    public void MountOn(FileSystem fs)
    {
        var sys = new TmpfsDirectory(0x16D, 0, 0);
        var sysFs = new TmpfsDirectory(0x1ED, 0, 0);
        var mountpoint = new TmpfsDirectory(0x1ED, 0, 0);
        fs.Root.Link("sys", sys);
        sys.Link("fs", sysFs);
        sysFs.Link("cgroup", mountpoint);
        mountpoint.MountedRoot = Root.Directory;
        Root.Directory.Parent = sysFs;
        fs.Mounts.Add(new MountRecord("cgroup2", "/sys/fs/cgroup", "cgroup2", 0, Root.Directory));
    }

    /// <summary>The cgroup <paramref name="task"/> is in.</summary>
    public Cgroup CgroupOf(Task task) =>
        _membership.TryGetValue(task, out var cgroup) ? cgroup : throw new InvalidOperationException($"task {task.Name} is in no cgroup");

    /// <summary>cgroup_post_fork: a new task joins its parent's cgroup (p1, which has none in the model, the root).</summary>
    public void Fork(Task child) => _membership[child] = child.Parent is { } parent ? CgroupOf(parent) : Root;

    /// <summary>The live tasks in <paramref name="cgroup"/>, in creation order (what cgroup.procs lists).</summary>
    public IEnumerable<Task> Procs(Cgroup cgroup) =>
        _membership.Where(m => m.Value == cgroup && m.Key.IsAlive).Select(m => m.Key).OrderBy(t => t.Number);

    /// <summary>Moves <paramref name="task"/> into <paramref name="cgroup"/> (cgroup_migrate, after every check passed).</summary>
    internal void Move(Task task, Cgroup cgroup) => _membership[task] = cgroup;

    /// <summary>
    /// cgroup_mkdir after the VFS checks: EINVAL for a name with a newline, then every controller's
    /// css_alloc in registration order (the first error fails the mkdir and nothing is made). The
    /// directory gets <paramref name="permissions"/> (the mode less the umask) and belongs to the
    /// creator's fsuid and fsgid (cgroup_kn_set_ugid), as do its files.
    /// </summary>
    public Errno Create(KernelState kernel, Task current, Cgroup parent, string name, int permissions)
    {
        // "do not accept '\n' to prevent making /proc/<pid>/cgroup unparsable"
        if (name.Contains('\n'))
        {
            return Errno.EINVAL;
        }

        var cgroup = new Cgroup(this, parent, name, permissions, current.Cred.Fsuid, current.Cred.Fsgid);
        var made = new List<(CgroupSubsystem, CgroupSubsysState)>();
        foreach (var ss in _subsystems)
        {
            var error = ss.CssAlloc(kernel, current, parent.Css(ss), out var css);
            if (error != Errno.None)
            {
                // cgroup_destroy_locked frees what the controllers before this one made.
                foreach (var (done, state) in made)
                {
                    done.CssFree(state);
                }

                return error;
            }

            made.Add((ss, css!));
        }

        foreach (var (ss, css) in made)
        {
            cgroup.Link(ss, css);
        }

        parent.Children.Add(name, cgroup);
        return Errno.None;
    }

    /// <summary>
    /// cgroup_rmdir after the VFS checks: EBUSY while a live task is in the cgroup or it has
    /// children (cgroup_destroy_locked); then every controller frees its state.
    /// </summary>
    public Errno Destroy(Cgroup cgroup)
    {
        if (Procs(cgroup).Any() || cgroup.Children.Count > 0)
        {
            return Errno.EBUSY;
        }

        foreach (var (ss, css) in cgroup.States)
        {
            ss.CssFree(css);
        }

        cgroup.IsLive = false;
        cgroup.Parent!.Children.Remove(cgroup.Name);
        return Errno.None;
    }
}
