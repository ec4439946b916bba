using Isolation.Model.Abi;
using Isolation.Model.Kernel;
using Isolation.Model.Kernel.Cgroups;
using Isolation.Model.Rules;
using Isolation.Traces;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Designs.NetContainer;

/// <summary>
/// The <c>network</c> container subsystem (network_subsys): its create and destroy callbacks, its
/// one file <c>network.ipv4</c>, and — in the posted patch — no can_attach, so a task that may
/// write a cgroup.procs moves wherever it likes.
/// </summary>
/// <remarks>
/// Seed 002_d6ff0dffc80eb989.txt: network_create, network_destroy, network_subsys (patch 1/3), the
/// hook registration in network_create (patch 2/3); Hallyn's review of 1/3 for can_attach.
/// </remarks>
public sealed class NetworkSubsystem : CgroupSubsystem
{
    private readonly IReadOnlyList<CgroupFileType> _files;

    /// <summary>Makes the controller; <paramref name="canAttach"/> adds the reviewers' can_attach.</summary>
    public NetworkSubsystem(bool canAttach)
    {
        CanAttachRequiresNetAdmin = canAttach;
        _files = [new CgroupFileType(Ipv4File.Name, (_, css) => Ipv4File.Show((Network)css), (kernel, task, css, buffer) => Ipv4File.Write(kernel, task, (Network)css, buffer))];
    }

    /// <inheritdoc/>
    public override string Name => "network";

    /// <inheritdoc/>
    public override IReadOnlyList<CgroupFileType> Files => _files;

    /// <summary>Whether this is the variant whose can_attach wants CAP_NET_ADMIN.</summary>
    public bool CanAttachRequiresNetAdmin { get; }

    /// <summary>top_network: the root container's state, which the hooks never filter.</summary>
    public Network? Top { get; private set; }

    /// <summary>
    /// security_registered: set by the first child container, which "has the assignment to
    /// register the security hooks"; never cleared (the hooks are never unregistered).
    /// </summary>
    public bool SecurityRegistered { get; private set; }

    /// <summary>
    /// network_create: EPERM without CAP_NET_ADMIN ("Don't let anybody do that"), checked before
    /// anything else and so for every mkdir; the root gets top_network; the first child container
    /// registers the hooks.
    /// </summary>
    /// <remarks>
    /// 6.12 registers every LSM at boot, so the module's hooks are on the hook lists from the start
    /// and <see cref="SecurityRegistered"/> gates them instead; register_security can no longer fail,
    /// so the patch's EINVAL when neither it nor mod_reg_security accepts the hooks has no place.
    /// </remarks>
    public override Errno CssAlloc(KernelState kernel, Task? current, CgroupSubsysState? parent, out CgroupSubsysState? css)
    {
        css = null;
        if (!Capable(kernel, current, Capability.NetAdmin))
        {
            return Errno.EPERM;
        }

        if (parent is null)
        {
            css = Top = new Network();
            return Errno.None;
        }

        css = new Network();
        SecurityRegistered = true;
        return Errno.None;
    }

    /// <summary>network_destroy: flushes the address list.</summary>
    public override void CssFree(CgroupSubsysState css) => ((Network)css).Flush();

    /// <summary>
    /// The posted patch has <c>.can_attach = NULL</c>: any move the cgroup core permits. The variant
    /// refuses a move unless the writer has CAP_NET_ADMIN, the capability the patch already asks for
    /// creating a container and changing its addresses; EPERM as network_create and network_write give.
    /// </summary>
    public override Errno CanAttach(KernelState kernel, Task current, Task task, Cgroup destination) =>
        (CanAttachRequiresNetAdmin ? ContainerRules.CanAttachNetAdmin : ContainerRules.CanAttachPosted).Decide(Bits.Of(Capable(kernel, current, Capability.NetAdmin)));
}
