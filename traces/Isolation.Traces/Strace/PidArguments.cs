using System.Collections.Frozen;
using System.Collections.Immutable;
using Isolation.Traces.Syntax;

namespace Isolation.Traces.Strace;

/// <summary>
/// Rewrites the pids in a raw strace event to logical names: the child a fork-like call returns
/// (<c>= 1235</c> becomes <c>= p2</c>) and the pid arguments of calls that name a process
/// (<c>kill(1235, SIGKILL)</c> becomes <c>kill(p2, SIGKILL)</c>).
/// </summary>
/// <remarks>
/// Argument positions are those of the man pages (kill(2), tgkill(2), ptrace(2), wait4(2),
/// waitid(2), prlimit(2), setpgid(2), sched_setscheduler(2), setpriority(2), pidfd_open(2), …).
/// Only positive values are pids; 0, -1 and negative process groups are left as numbers.
/// </remarks>
internal static class PidArguments
{
    private static readonly FrozenSet<string> ForkCalls = FrozenSet.ToFrozenSet(["fork", "vfork", "clone", "clone3"]);

    private static readonly FrozenSet<string> SelfCalls = FrozenSet.ToFrozenSet(["getpid", "gettid", "set_tid_address"]);

    /// <summary>Per call, the argument positions holding a pid, each valid only when the first argument is the given symbol (if any).</summary>
    private static readonly FrozenDictionary<string, (int Index, string? When)[]> Positions = new Dictionary<string, (int, string?)[]>
    {
        ["kill"] = [(0, null)],
        ["tkill"] = [(0, null)],
        ["tgkill"] = [(0, null), (1, null)],
        ["rt_sigqueueinfo"] = [(0, null)],
        ["rt_tgsigqueueinfo"] = [(0, null), (1, null)],
        ["ptrace"] = [(1, null)],
        ["wait4"] = [(0, null)],
        ["waitid"] = [(1, "P_PID"), (1, "P_PGID")],
        ["prlimit64"] = [(0, null)],
        ["getpgid"] = [(0, null)],
        ["setpgid"] = [(0, null), (1, null)],
        ["getsid"] = [(0, null)],
        ["sched_setscheduler"] = [(0, null)],
        ["sched_getscheduler"] = [(0, null)],
        ["sched_setparam"] = [(0, null)],
        ["sched_getparam"] = [(0, null)],
        ["sched_setaffinity"] = [(0, null)],
        ["sched_getaffinity"] = [(0, null)],
        ["setpriority"] = [(1, "PRIO_PROCESS")],
        ["getpriority"] = [(1, "PRIO_PROCESS")],
        ["pidfd_open"] = [(0, null)],
        ["process_vm_readv"] = [(0, null)],
        ["process_vm_writev"] = [(0, null)],
        ["kcmp"] = [(0, null), (1, null)],
    }.ToFrozenDictionary();

    /// <summary>The event with its pids replaced by the names <paramref name="names"/> gives them.</summary>
    public static EventLine Rewrite(EventLine ev, PidNames names)
    {
        if (Positions.TryGetValue(ev.Call, out var positions))
        {
            var args = ev.Args.ToBuilder();
            foreach (var (index, when) in positions)
            {
                bool applies = when is null || ev.Args is [SymbolExpr { Name: var first }, ..] && first == when;
                if (applies && index < args.Count && args[index] is IntExpr { Value: > 0 } pid)
                {
                    args[index] = new SymbolExpr(names.ForArgument(pid.Value), pid.Span);
                }
            }

            ev = ev with { Args = args.ToImmutable() };
        }

        if (ev.Result is ValueResult { Value: > 0 } value)
        {
            if (ForkCalls.Contains(ev.Call))
            {
                ev = ev with { Result = new ProcessResult(names.Created(value.Value), value.Span) };
            }
            else if (SelfCalls.Contains(ev.Call))
            {
                names.Learn(ev.Process, value.Value);
            }
        }

        return ev;
    }
}
