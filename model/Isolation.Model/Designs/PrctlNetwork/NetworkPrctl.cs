using Isolation.Model.Abi;
using Isolation.Model.Kernel.Tasks;
using Isolation.Model.Lsm;
using Isolation.Model.Rules;
using Isolation.Traces;

namespace Isolation.Model.Designs.PrctlNetwork;

/// <summary>
/// <c>current-&gt;network</c> (a task_struct field in the patch, this module's task blob in the
/// model), its inheritance, and prctl(PR_SET_NETWORK) / prctl(PR_GET_NETWORK). v3
/// (prctl-network-lsm) posted the same kernel/sys.c code, so it uses this class too.
/// </summary>
/// <remarks>
/// kernel/sys.c prctl_set_network and prctl_get_network, kernel/fork.c
/// <c>p-&gt;network = current-&gt;network;</c> (seed 004, v2). Documentation/prctl/network.txt:
/// "current-&gt;network is a flags field which is preserved across all variants of fork() and exec()."
/// </remarks>
public sealed class NetworkPrctl
{
    private readonly SecurityModule _owner;

    /// <summary>The flag as a blob of <paramref name="owner"/>.</summary>
    public NetworkPrctl(SecurityModule owner) => _owner = owner;

    /// <summary><c>task-&gt;network</c>.</summary>
    public ulong Get(Task task) => _owner.Blob<NetworkFlags>(task.Security)?.Value ?? 0;

    /// <summary><c>if (current-&gt;network)</c>: the test every socket check makes.</summary>
    public bool IsNetworkOff(Task task) => Get(task) != 0;

    /// <summary>Registers the prctl and the inheritance over fork (exec keeps the task, so the flag stays).</summary>
    public void Register(HookTable hooks)
    {
        hooks.TaskPrctl.Add(_owner, TaskPrctl);
        hooks.TaskAlloc.Add(_owner, TaskAlloc);
    }

    /// <summary>
    /// The ptrace rule of v2 and v3: EPERM when the tracer has a restriction the target lacks
    /// (<c>current-&gt;network &amp; ~task-&gt;network</c>); "You may ptrace() any process that has all
    /// the network restrictions you do."
    /// </summary>
    public Errno PtraceRule(Task tracer, Task child) => NetworkFlagRules.Ptrace.Decide(Bits.Of(Get(tracer)), Bits.Of(Get(child)));

    /// <summary>
    /// The two options; any other is not this design's (-ENOSYS). PR_GET_NETWORK returns the flags
    /// and ignores its arguments, as prctl_get_network does.
    /// </summary>
    public long TaskPrctl(Task task, int option, long arg2, long arg3, long arg4, long arg5) => option switch
    {
        SeedConstants.SetNetwork => Set(task, unchecked((ulong)arg2)),
        SeedConstants.GetNetwork => (long)Get(task),
        _ => -(long)Errno.ENOSYS,
    };

    /// <summary>copy_process (v2: <c>p-&gt;network = current-&gt;network;</c>; v3: dup_task_struct's copy of the field).</summary>
    public Errno TaskAlloc(Task parent, Task child, long cloneFlags)
    {
        _owner.SetBlob(child.Security, _owner.Blob<NetworkFlags>(parent.Security));
        return Errno.None;
    }

    // prctl_set_network: the check and the flags it leaves are NetworkFlagRules'; arg3 to arg5 are never looked at.
    private long Set(Task task, ulong flags)
    {
        var args = new[] { Bits.Of(Get(task)), Bits.Of(flags) };
        var error = NetworkFlagRules.SetNetwork.Decide(args);
        if (error != Errno.None)
        {
            return -(long)error;
        }

        _owner.SetBlob(task.Security, new NetworkFlags((ulong)NetworkFlagRules.FlagsAfterSet.Evaluate(args)));
        return 0;
    }
}
