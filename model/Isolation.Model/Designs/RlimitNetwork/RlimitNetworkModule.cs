using Isolation.Model.Kernel.Tasks;
using Isolation.Model.Lsm;

namespace Isolation.Model.Designs.RlimitNetwork;

/// <summary>
/// The rlimit-network patch as a module. It has no LSM hook: every check the patch wrote inline
/// is registered on the model hook point standing for its place (see README.md).
/// </summary>
/// <remarks>Seed 004_395e695cd1b36f96.txt, "[PATCH] Security: Implement RLIMIT_NETWORK.".</remarks>
public sealed class RlimitNetworkModule : SecurityModule
{
    /// <inheritdoc/>
    public override string Name => RlimitNetworkDesign.Name;

    /// <summary>Whether <paramref name="task"/>'s RLIMIT_NETWORK soft limit is 0: every check of the patch then refuses.</summary>
    public static bool IsNetworkOff(Task task) => Limit.IsNetworkOff(task);

    /// <summary>Whether <paramref name="task"/> dropped networking for good: its hard limit is 0 too.</summary>
    public static bool IsDroppedForGood(Task task) => Limit.IsDroppedForGood(task);

    /// <inheritdoc/>
    public override void Register(HookTable hooks)
    {
        Limit.Register(hooks, this);
        new Net(this, Limit.IsNetworkOff).Register(hooks);
        TaskHooks.Register(hooks, this);
    }
}
