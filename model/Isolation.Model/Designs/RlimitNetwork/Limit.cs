using Isolation.Model.Abi;
using Isolation.Model.Kernel.Tasks;
using Isolation.Model.Lsm;

namespace Isolation.Model.Designs.RlimitNetwork;

/// <summary>The RLIMIT_NETWORK resource: it exists (at its boot value) only while the design is loaded, and the test every check makes.</summary>
/// <remarks>
/// include/asm-generic/resource.h hunk: <c>#define RLIMIT_NETWORK 16</c>, <c>RLIM_NLIMITS 17</c>,
/// <c>[RLIMIT_NETWORK] = { RLIM_INFINITY, RLIM_INFINITY }</c> (seed 004). setrlimit, getrlimit and
/// prlimit64 then handle it as any other resource (kernel/sys.c do_prlimit), inherited over fork and exec.
/// </remarks>
internal static class Limit
{
    /// <summary>Adds the resource to the model's do_prlimit.</summary>
    public static void Register(HookTable hooks, SecurityModule module) => hooks.RlimitResource.Add(module, RlimitResource);

    /// <summary><c>!current->signal->rlim[RLIMIT_NETWORK].rlim_cur</c>: the test in every hunk of the patch.</summary>
    public static bool IsNetworkOff(Task task) => Current(task).Cur == 0;

    /// <summary>A hard limit of 0: without CAP_SYS_RESOURCE the soft limit can never rise again ("permanently drop").</summary>
    public static bool IsDroppedForGood(Task task) => Current(task).Max == 0;

    // INIT_RLIMITS: { RLIM_INFINITY, RLIM_INFINITY }, so a task that never set it has the network.
    private static (ulong Cur, ulong Max)? RlimitResource(int resource) =>
        resource == SeedConstants.RlimitNetwork ? (Rlimits.Infinity, Rlimits.Infinity) : null;

    private static (ulong Cur, ulong Max) Current(Task task) =>
        task.Rlimits.TryGetValue(SeedConstants.RlimitNetwork, out var limit) ? limit : (Rlimits.Infinity, Rlimits.Infinity);
}
