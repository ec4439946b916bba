using Isolation.Model.Abi;
using Isolation.Model.Kernel.Creds;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Tasks;

/// <summary>
/// Resource limits: Linux's boot values, read and changed as do_prlimit does. What a real runner's
/// p1 inherits from its shell differs, so a scenario reads a limit only after setting it.
/// </summary>
/// <remarks>kernel/sys.c do_prlimit, check_prlimit_permission; include/asm-generic/resource.h INIT_RLIMITS (6.12).</remarks>
public static class ResourceLimits
{
    /// <summary>The machine-dependent RLIMIT_NPROC and RLIMIT_SIGPENDING (max_threads/2); this is the development machine's.</summary>
    public const ulong ThreadLimit = 96364;

    private const ulong Inf = Rlimits.Infinity;

    private static readonly (ulong Cur, ulong Max)[] Defaults =
    [
        (Inf, Inf), (Inf, Inf), (Inf, Inf), (8 * 1024 * 1024, Inf), (0, Inf), (Inf, Inf),
        (ThreadLimit, ThreadLimit), (1024, 4096), (8 * 1024 * 1024, 8 * 1024 * 1024), (Inf, Inf), (Inf, Inf),
        (ThreadLimit, ThreadLimit), (819200, 819200), (0, 0), (0, 0), (Inf, Inf),
    ];

    /// <summary>
    /// The limit <paramref name="resource"/> of <paramref name="task"/>, or null when no such resource
    /// exists: Linux's below <see cref="Rlimits.Count"/>, and any a design adds (rlimit_resource hook point).
    /// </summary>
    public static (ulong Cur, ulong Max)? Find(KernelState kernel, Task task, long resource)
    {
        if (resource < 0 || resource > int.MaxValue)
        {
            return null;
        }

        var r = (int)resource;
        return task.Rlimits.TryGetValue(r, out var limit) ? limit
            : r < Rlimits.Count ? Defaults[r]
            : kernel.Security.RlimitResource(r);
    }

    /// <summary>The limit <paramref name="resource"/> (one of Linux's, below <see cref="Rlimits.Count"/>) of <paramref name="task"/>.</summary>
    public static (ulong Cur, ulong Max) Get(Task task, int resource) =>
        task.Rlimits.TryGetValue(resource, out var limit) ? limit : Defaults[resource];

    /// <summary>
    /// check_prlimit_permission: prlimit64 on another task needs the caller's real uid and gid to
    /// equal all of the target's, or CAP_SYS_RESOURCE over the target's namespace.
    /// </summary>
    public static Errno MayPrlimit(KernelState kernel, Task current, Task target)
    {
        if (current == target)
        {
            return Errno.None;
        }

        var cred = current.Cred;
        var tcred = target.Cred;
        var idsMatch = cred.Uid == tcred.Euid && cred.Uid == tcred.Suid && cred.Uid == tcred.Uid &&
                       cred.Gid == tcred.Egid && cred.Gid == tcred.Sgid && cred.Gid == tcred.Gid;
        return idsMatch || Capabilities.NsCapable(kernel, current, tcred.UserNs, Capability.SysResource) ? Errno.None : Errno.EPERM;
    }

    /// <summary>
    /// do_prlimit: EINVAL for an unknown resource (<see cref="Find"/>) or a soft limit above the hard one; EPERM for a
    /// RLIMIT_NOFILE hard limit above fs.nr_open, or for raising a hard limit without
    /// CAP_SYS_RESOURCE (over the initial namespace); then the task_setrlimit hook. Returns the old
    /// limit in <paramref name="old"/>; <paramref name="limit"/> null only reads.
    /// </summary>
    public static Errno Prlimit(KernelState kernel, Task current, Task target, long resource, (ulong Cur, ulong Max)? limit, out (ulong Cur, ulong Max) old)
    {
        old = default;
        if (Find(kernel, target, resource) is not { } was)
        {
            return Errno.EINVAL;
        }

        var r = (int)resource;
        if (limit is { } l)
        {
            if (l.Cur > l.Max)
            {
                return Errno.EINVAL;
            }

            if (r == Rlimits.NoFile && l.Max > Rlimits.NrOpen)
            {
                return Errno.EPERM;
            }

            if (l.Max > was.Max && !Capabilities.Capable(kernel, current, Capability.SysResource))
            {
                return Errno.EPERM;
            }

            var error = kernel.Security.TaskSetrlimit(current, target, r, l.Cur, l.Max);
            if (error != Errno.None)
            {
                return error;
            }
        }

        old = was;
        if (limit is { } set)
        {
            target.Rlimits[r] = set;
        }

        return Errno.None;
    }
}
