using Isolation.Model.Kernel;
using Isolation.Model.Lsm;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Designs.NetContainer;

/// <summary>
/// The network container module: the <c>network</c> cgroup controller (kernel/container_network.c,
/// patch 1/3) and its security hooks (patches 2/3 and 3/3). Each concern's hooks are in their own
/// file; of the nine hooks patch 2/3 registers only socket_bind does anything after patch 3/3.
/// </summary>
/// <remarks>Seed 002_d6ff0dffc80eb989.txt: network_security_ops, network_subsys.</remarks>
public sealed partial class NetContainerModule : SecurityModule
{
    /// <summary>Makes the module; <paramref name="canAttach"/> selects the variant with can_attach.</summary>
    public NetContainerModule(bool canAttach) => Subsystem = new NetworkSubsystem(canAttach);

    /// <inheritdoc/>
    public override string Name => Subsystem.CanAttachRequiresNetAdmin ? NetContainerDesign.CanAttachName : NetContainerDesign.Name;

    /// <summary>The <c>network</c> controller.</summary>
    public NetworkSubsystem Subsystem { get; }

    /// <inheritdoc/>
    public override void Register(HookTable hooks) => AddNetHooks(hooks);

    /// <summary>Binds the <c>network</c> controller to the hierarchy (SUBSYS(network) in container_subsys.h).</summary>
    public override void Init(KernelState kernel) => kernel.Cgroups.AddSubsystem(kernel, Subsystem);

    /// <summary>task_network: the container state of the cgroup <paramref name="task"/> is in.</summary>
    public Network NetworkOf(Task task) => (Network)Subsystem.CssOf(task);
}
