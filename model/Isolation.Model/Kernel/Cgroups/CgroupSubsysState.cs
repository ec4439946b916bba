namespace Isolation.Model.Kernel.Cgroups;

/// <summary>
/// A controller's state for one cgroup (struct cgroup_subsys_state): what a subsystem allocates in
/// <see cref="CgroupSubsystem.CssAlloc"/> and embeds its own fields in.
/// </summary>
/// <remarks>include/linux/cgroup-defs.h struct cgroup_subsys_state (6.12).</remarks>
public abstract class CgroupSubsysState
{
    /// <summary>The cgroup this state belongs to; set when the css is linked (init_and_link_css).</summary>
    public Cgroup? Cgroup { get; internal set; }
}
