using Isolation.Model.Designs.RlimitNetwork;
using Isolation.Model.Kernel.Tasks;
using Isolation.Model.Lsm;

namespace Isolation.Model.Designs.PrctlNetwork;

/// <summary>
/// The prctl-network (v2) patches as a module: the flag and its prctl, the socket hunks of the
/// rlimit patch with <c>current-&gt;network</c> as the test, and the v2 ptrace rule, each on the
/// model hook point standing for its place (see README.md).
/// </summary>
/// <remarks>Seed 004_395e695cd1b36f96.txt, the three "(v2)" patches of 2009-12-18.</remarks>
public sealed class PrctlNetworkModule : SecurityModule
{
    /// <summary>Creates the module and its flag.</summary>
    public PrctlNetworkModule() => Flags = new NetworkPrctl(this);

    /// <inheritdoc/>
    public override string Name => PrctlNetworkDesign.Name;

    /// <summary><c>current-&gt;network</c> and the prctl that sets it.</summary>
    public NetworkPrctl Flags { get; }

    /// <summary>Whether <paramref name="task"/> has PR_NETWORK_OFF set.</summary>
    public bool IsNetworkOff(Task task) => Flags.IsNetworkOff(task);

    /// <inheritdoc/>
    public override void Register(HookTable hooks)
    {
        Flags.Register(hooks);
        new Net(this, Flags.IsNetworkOff).Register(hooks);
        TaskHooks.Register(hooks, this, Flags);
    }
}
