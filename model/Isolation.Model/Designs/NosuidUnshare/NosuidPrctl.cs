using Isolation.Model.Abi;
using Isolation.Model.Kernel.Tasks;
using Isolation.Model.Lsm;
using Isolation.Model.Rules;
using Isolation.Traces;

namespace Isolation.Model.Designs.NosuidUnshare;

/// <summary>
/// The one-way flag and prctl(PR_SET_NOSUID, 1) / prctl(PR_GET_NOSUID). Biederman named no
/// interface; the model gives it PR_SET_NO_NEW_PRIVS's, the mainline answer to the same request:
/// only the value 1 with zero arguments, EINVAL otherwise, so it cannot be cleared.
/// </summary>
/// <remarks>
/// Seed 004: "a permanent disable of executing suid applications", "A one-way removal of the
/// ability to exec suid programs is generally simple and handy like chroot"; kernel/sys.c
/// PR_SET_NO_NEW_PRIVS / PR_GET_NO_NEW_PRIVS (6.12) for the argument checks.
/// </remarks>
public sealed class NosuidPrctl
{
    private static readonly NosuidState Initial = new(false, false);
    private readonly SecurityModule _owner;

    /// <summary>The state as a blob of <paramref name="owner"/>.</summary>
    public NosuidPrctl(SecurityModule owner) => _owner = owner;

    /// <summary>The task's state (nothing set at boot).</summary>
    public NosuidState Get(Task task) => _owner.Blob<NosuidState>(task.Security) ?? Initial;

    /// <summary>Replaces the task's state.</summary>
    public void Set(Task task, NosuidState state) => _owner.SetBlob(task.Security, state);

    /// <summary>Adds the prctl and the inheritance over fork (exec keeps the task, so the flag stays).</summary>
    public void Register(HookTable hooks)
    {
        hooks.TaskPrctl.Add(_owner, TaskPrctl);
        hooks.TaskAlloc.Add(_owner, TaskAlloc);
    }

    /// <summary>PR_SET_NOSUID and PR_GET_NOSUID; any other option is not this design's (-ENOSYS).</summary>
    public long TaskPrctl(Task task, int option, long arg2, long arg3, long arg4, long arg5)
    {
        switch (option)
        {
            case SeedConstants.SetNosuid:
                var args = new[] { Bits.Of(Get(task).NoSuid), Bits.Of(arg2), Bits.Of(arg3 | arg4 | arg5) };
                var error = NosuidRules.SetNosuid.Decide(args[1], args[2]);
                if (error != Errno.None)
                {
                    return -(long)error;
                }

                Set(task, Get(task) with { NoSuid = NosuidRules.NoSuidAfterSet.Holds(args) });
                return 0;
            case SeedConstants.GetNosuid:
                return (arg2 | arg3 | arg4 | arg5) != 0 ? -(long)Errno.EINVAL : Get(task).NoSuid ? 1 : 0;
            default:
                return -(long)Errno.ENOSYS;
        }
    }

    /// <summary>task_alloc: the child starts with its parent's state.</summary>
    public Errno TaskAlloc(Task parent, Task child, long cloneFlags)
    {
        _owner.SetBlob(child.Security, _owner.Blob<NosuidState>(parent.Security));
        return Errno.None;
    }
}
