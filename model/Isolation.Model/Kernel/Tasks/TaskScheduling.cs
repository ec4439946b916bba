using Isolation.Model.Abi;
using Isolation.Model.Kernel.Creds;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Tasks;

/// <summary>Nice values and scheduling policies: who may change whose, as setpriority(2) and sched_setscheduler(2) decide.</summary>
/// <remarks>kernel/sys.c set_one_prio, set_one_prio_perm; kernel/sched/syscalls.c can_nice, __sched_setscheduler, user_check_sched_setscheduler, check_same_owner (6.12).</remarks>
public static class TaskScheduling
{
    /// <summary>MIN_NICE.</summary>
    public const int MinNice = -20;

    /// <summary>MAX_NICE.</summary>
    public const int MaxNice = 19;

    /// <summary>MAX_RT_PRIO - 1: the highest real-time priority.</summary>
    public const int MaxRtPriority = 99;

    /// <summary>
    /// set_one_prio: EPERM unless the caller's euid is the target's uid or euid, or it has
    /// CAP_SYS_NICE over the target's namespace; EACCES to lower the nice value below what
    /// RLIMIT_NICE allows without CAP_SYS_NICE (over the initial namespace); then the capability
    /// module's cap_safe_nice and the task_setnice hook. <paramref name="nice"/> is clamped to -20..19.
    /// </summary>
    public static Errno SetNice(KernelState kernel, Task current, Task target, long nice)
    {
        var value = (int)Math.Clamp(nice, MinNice, MaxNice);
        var cred = current.Cred;
        var tcred = target.Cred;
        if (tcred.Uid != cred.Euid && tcred.Euid != cred.Euid &&
            !Capabilities.NsCapable(kernel, current, tcred.UserNs, Capability.SysNice))
        {
            return Errno.EPERM;
        }

        if (value < target.Nice && !CanNice(kernel, current, target, value))
        {
            return Errno.EACCES;
        }

        var error = CommonCap.SafeNice(kernel, current, target);
        if (error == Errno.None)
        {
            error = kernel.Security.TaskSetnice(current, target, value);
        }

        if (error != Errno.None)
        {
            return error;
        }

        target.Nice = value;
        return Errno.None;
    }

    /// <summary>getpriority's answer for one task: 20 - nice (1..40), so that no valid answer is negative.</summary>
    public static int Priority(Task task) => 20 - task.Nice;

    /// <summary>
    /// __sched_setscheduler from sched_setscheduler(2): EINVAL for an unknown policy or a priority
    /// that does not fit it (1..99 for SCHED_FIFO/RR, 0 otherwise); EPERM, without CAP_SYS_NICE,
    /// for a real-time policy beyond RLIMIT_RTPRIO, SCHED_DEADLINE, leaving SCHED_IDLE beyond
    /// RLIMIT_NICE, another user's task, or clearing SCHED_RESET_ON_FORK; then cap_safe_nice and
    /// the task_setscheduler hook.
    /// </summary>
    public static Errno SetScheduler(KernelState kernel, Task current, Task target, long policyWithFlags, long priority)
    {
        var resetOnFork = (policyWithFlags & Scheduling.ResetOnFork) != 0;
        var policy = policyWithFlags & ~(long)Scheduling.ResetOnFork;
        if (policy is not (Scheduling.Normal or Scheduling.Fifo or Scheduling.RoundRobin or Scheduling.Batch or Scheduling.Idle or Scheduling.Deadline))
        {
            return Errno.EINVAL;
        }

        var rt = policy is Scheduling.Fifo or Scheduling.RoundRobin;

        // A deadline task needs sched_setattr's runtime and period: from sched_setscheduler, __checkparam_dl fails.
        if (priority < 0 || priority > MaxRtPriority || rt != (priority != 0) || policy == Scheduling.Deadline)
        {
            return Errno.EINVAL;
        }

        if (NeedsPrivilege(current, target, (int)policy, (int)priority, resetOnFork) &&
            !Capabilities.Capable(kernel, current, Capability.SysNice))
        {
            return Errno.EPERM;
        }

        var error = CommonCap.SafeNice(kernel, current, target);
        if (error == Errno.None)
        {
            error = kernel.Security.TaskSetscheduler(current, target);
        }

        if (error != Errno.None)
        {
            return error;
        }

        target.SchedPolicy = (int)policy;
        target.RtPriority = (int)priority;
        target.SchedResetOnFork = resetOnFork;
        return Errno.None;
    }

    /// <summary>sched_getscheduler's answer: the policy, with SCHED_RESET_ON_FORK or'ed in when set.</summary>
    public static int Policy(Task task) => task.SchedPolicy | (task.SchedResetOnFork ? Scheduling.ResetOnFork : 0);

    // can_nice: is_nice_reduction (RLIMIT_NICE as 20 - nice) or CAP_SYS_NICE.
    private static bool CanNice(KernelState kernel, Task current, Task target, int nice) =>
        (ulong)(20 - nice) <= ResourceLimits.Get(target, Rlimits.Nice).Cur ||
        Capabilities.Capable(kernel, current, Capability.SysNice);

    // user_check_sched_setscheduler, up to its req_priv label (sched_setscheduler keeps the task's nice).
    private static bool NeedsPrivilege(Task current, Task target, int policy, int priority, bool resetOnFork)
    {
        if (policy is Scheduling.Fifo or Scheduling.RoundRobin)
        {
            var limit = ResourceLimits.Get(target, Rlimits.RtPrio).Cur;
            if ((policy != target.SchedPolicy && limit == 0) || (priority > target.RtPriority && (ulong)priority > limit))
            {
                return true;
            }
        }

        if (target.SchedPolicy == Scheduling.Idle && policy != Scheduling.Idle &&
            (ulong)(20 - target.Nice) > ResourceLimits.Get(target, Rlimits.Nice).Cur)
        {
            return true;
        }

        var cred = current.Cred;
        return (cred.Euid != target.Cred.Euid && cred.Euid != target.Cred.Uid) ||
               (target.SchedResetOnFork && !resetOnFork);
    }
}
