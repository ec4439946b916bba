namespace Isolation.Model.Kernel.Cgroups;

/// <summary>
/// One cgroup of the v2 hierarchy (struct cgroup): its place in the tree, the controllers' states,
/// and the kernfs directory that shows it under <c>/sys/fs/cgroup</c>.
/// </summary>
/// <remarks>include/linux/cgroup-defs.h struct cgroup; kernel/cgroup/cgroup.c cgroup_create (6.12).</remarks>
public sealed class Cgroup
{
    private readonly Dictionary<CgroupSubsystem, CgroupSubsysState> _csses = [];

    /// <summary>Makes a cgroup called <paramref name="name"/> under <paramref name="parent"/> (null for the root).</summary>
    internal Cgroup(CgroupHierarchy hierarchy, Cgroup? parent, string name, int permissions, int uid, int gid)
    {
        Hierarchy = hierarchy;
        Parent = parent;
        Name = name;
        Directory = new CgroupDirectory(this, permissions, uid, gid);
    }

    /// <summary>The hierarchy the cgroup is in.</summary>
    public CgroupHierarchy Hierarchy { get; }

    /// <summary>The parent; null for the root cgroup.</summary>
    public Cgroup? Parent { get; }

    /// <summary>The directory name; empty for the root.</summary>
    public string Name { get; }

    /// <summary>The child cgroups by name.</summary>
    public SortedDictionary<string, Cgroup> Children { get; } = new(StringComparer.Ordinal);

    /// <summary>The directory inode (and, through it, the control files).</summary>
    public CgroupDirectory Directory { get; }

    /// <summary>False once rmdir removed the cgroup: its open files then answer ENODEV.</summary>
    public bool IsLive { get; internal set; } = true;

    /// <summary>The path as /proc/&lt;pid&gt;/cgroup shows it: <c>/</c>, <c>/c1/c2</c>.</summary>
    public string Path => Parent is null ? "/" : (Parent.Parent is null ? string.Empty : Parent.Path) + "/" + Name;

    /// <summary>cgroup_css: <paramref name="subsystem"/>'s state for this cgroup.</summary>
    public CgroupSubsysState Css(CgroupSubsystem subsystem) =>
        _csses.TryGetValue(subsystem, out var css) ? css : throw new InvalidOperationException($"cgroup {Path} has no {subsystem.Name} state");

    /// <summary>cgroup_is_descendant: whether this cgroup is <paramref name="ancestor"/> or below it.</summary>
    public bool IsDescendantOf(Cgroup ancestor)
    {
        for (var c = this; c is not null; c = c.Parent)
        {
            if (c == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>init_and_link_css: attaches a controller's state to this cgroup.</summary>
    internal void Link(CgroupSubsystem subsystem, CgroupSubsysState css)
    {
        css.Cgroup = this;
        _csses.Add(subsystem, css);
    }

    /// <summary>The controllers' states, in the order the controllers were registered.</summary>
    internal IEnumerable<(CgroupSubsystem Subsystem, CgroupSubsysState Css)> States =>
        Hierarchy.Subsystems.Select(ss => (ss, _csses[ss]));
}
