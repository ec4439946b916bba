using System.Globalization;
using System.Text;
using Isolation.Model.Kernel;
using Isolation.Model.Kernel.Cgroups;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Designs.SocketTable;

/// <summary>
/// The <c>network_id</c> cgroup controller: every cgroup gets the next integer (the root 0, then 1,
/// 2, … in creation order, never reused), shown read-only in <c>network_id.id</c> so that rules can
/// name it. No capability is asked for, and there is no can_attach: moving tasks is the cgroup
/// core's business alone.
/// </summary>
/// <remarks>
/// Seed 002_d6ff0dffc80eb989.txt, Menage's proposal point 2. The proposal says nothing about how
/// a user learns a cgroup's id; the read-only file is this model's choice.
/// </remarks>
public sealed class NetworkIdSubsystem : CgroupSubsystem
{
    private long _next;

    /// <inheritdoc/>
    public override string Name => "network_id";

    /// <inheritdoc/>
    public override IReadOnlyList<CgroupFileType> Files { get; } =
        [new CgroupFileType("id", (_, css) => Encoding.ASCII.GetBytes(((NetworkId)css).Id.ToString(CultureInfo.InvariantCulture) + "\n"), null)];

    /// <inheritdoc/>
    public override Errno CssAlloc(KernelState kernel, Task? current, CgroupSubsysState? parent, out CgroupSubsysState? css)
    {
        css = new NetworkId(_next++);
        return Errno.None;
    }

    /// <summary>The network_id of the cgroup <paramref name="task"/> is in (what the control_group match reads).</summary>
    public long IdOf(Task task) => ((NetworkId)CssOf(task)).Id;
}
