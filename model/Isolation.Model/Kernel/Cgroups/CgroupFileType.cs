namespace Isolation.Model.Kernel.Cgroups;

/// <summary>
/// One control file of a controller (struct cftype): its name without the controller prefix, what
/// reading it shows, and what writing it does. The file appears in every cgroup as
/// <c>&lt;controller&gt;.&lt;name&gt;</c>, mode 0644 with a write handler and 0444 without.
/// </summary>
/// <param name="Name">The cftype name: <c>ipv4</c> for <c>network.ipv4</c>.</param>
/// <param name="Show">seq_show: the file's whole contents for this cgroup's state.</param>
/// <param name="Write">The write handler, or null for a read-only file.</param>
/// <remarks>include/linux/cgroup-defs.h struct cftype; kernel/cgroup/cgroup.c cgroup_file_mode (6.12).</remarks>
public sealed record CgroupFileType(string Name, Func<KernelState, CgroupSubsysState, byte[]> Show, CgroupWriteHandler? Write);

