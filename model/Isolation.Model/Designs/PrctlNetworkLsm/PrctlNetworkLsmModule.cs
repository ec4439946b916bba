using Isolation.Model.Designs.PrctlNetwork;
using Isolation.Model.Kernel.Tasks;
using Isolation.Model.Lsm;

namespace Isolation.Model.Designs.PrctlNetworkLsm;

/// <summary>
/// security/prctl_network.c as a module: the hooks of <c>prctl_network_security_ops</c> (Net.cs,
/// TaskHooks.cs) and the kernel/sys.c prctl of patch 1/3, which is v2's code (<see cref="NetworkPrctl"/>).
/// </summary>
/// <remarks>Seed 004_395e695cd1b36f96.txt, "[PATCH 2/3] Security: Implement prctl(PR_SET_NETWORK, PR_NETWORK_OFF) semantics. (v3)".</remarks>
public sealed class PrctlNetworkLsmModule : SecurityModule
{
    private readonly bool _refuseAbstract;

    /// <summary>Creates the module as posted, or (<paramref name="refuseAbstract"/>) the prctl-network-lsm-fixed variant.</summary>
    public PrctlNetworkLsmModule(bool refuseAbstract = false)
    {
        _refuseAbstract = refuseAbstract;
        Flags = new NetworkPrctl(this);
    }

    /// <inheritdoc/>
    public override string Name => _refuseAbstract ? PrctlNetworkLsmFixedDesign.Name : PrctlNetworkLsmDesign.Name;

    /// <summary><c>current-&gt;network</c> and the prctl that sets it.</summary>
    public NetworkPrctl Flags { get; }

    /// <summary>Whether <paramref name="task"/> has PR_NETWORK_OFF set.</summary>
    public bool IsNetworkOff(Task task) => Flags.IsNetworkOff(task);

    /// <inheritdoc/>
    public override void Register(HookTable hooks)
    {
        Flags.Register(hooks);
        new Net(this, Flags, _refuseAbstract).Register(hooks);
        TaskHooks.Register(hooks, this, Flags);
    }
}
