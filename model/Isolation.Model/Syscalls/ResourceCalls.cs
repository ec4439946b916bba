using Isolation.Model.Abi;
using Isolation.Model.Kernel.Tasks;
using Isolation.Traces;
using Isolation.Traces.Syntax;

namespace Isolation.Model.Syscalls;

/// <summary>Resource limits and scheduling: setrlimit, getrlimit, prlimit64, setpriority, getpriority, sched_setscheduler, sched_getscheduler.</summary>
/// <remarks>kernel/sys.c, kernel/sched/syscalls.c (6.12); see <see cref="ResourceLimits"/> and <see cref="TaskScheduling"/>.</remarks>
internal static class ResourceCalls
{
    /// <summary>Adds this family's calls to <paramref name="table"/>.</summary>
    public static void Register(SyscallTable table)
    {
        table.Register("setrlimit", SetRlimit);
        table.Register("getrlimit", GetRlimit);
        table.Register("prlimit64", Prlimit64);
        table.Register("setpriority", SetPriority);
        table.Register("getpriority", GetPriority);
        table.Register("sched_setscheduler", SetScheduler);
        table.Register("sched_getscheduler", GetScheduler);
    }

    // setrlimit(RLIMIT_NOFILE, {rlim_cur=10, rlim_max=20}).
    private static SyscallOutcome SetRlimit(SyscallContext ctx)
    {
        ctx.Arity(2);
        return TaskArgs.Result(ResourceLimits.Prlimit(ctx.Kernel, ctx.Caller, ctx.Caller, ctx.Flags(0, Rlimits.Table), ReadLimit(ctx, 1), out _));
    }

    // getrlimit(RLIMIT_NOFILE, {rlim_cur=1024, rlim_max=4096}).
    private static SyscallOutcome GetRlimit(SyscallContext ctx)
    {
        ctx.Arity(2);
        var error = ResourceLimits.Prlimit(ctx.Kernel, ctx.Caller, ctx.Caller, ctx.Flags(0, Rlimits.Table), null, out var old);
        return error == Errno.None ? SyscallOutcome.Ok().WithOutput(1, Render(old)) : SyscallOutcome.Fail(error);
    }

    // prlimit64(0 or p2, RLIMIT_NOFILE, new or NULL, old or NULL): ESRCH, then the permission check, then do_prlimit.
    private static SyscallOutcome Prlimit64(SyscallContext ctx)
    {
        ctx.Arity(4);
        var target = TaskArgs.Find(ctx, 0, zeroIsCaller: true);
        (ulong Cur, ulong Max)? limit = ctx.IsNull(2) ? null : ReadLimit(ctx, 2);
        var error = ResourceLimits.MayPrlimit(ctx.Kernel, ctx.Caller, target);
        if (error == Errno.None)
        {
            error = ResourceLimits.Prlimit(ctx.Kernel, ctx.Caller, target, ctx.Flags(1, Rlimits.Table), limit, out var old);
            if (error == Errno.None)
            {
                return ctx.IsNull(3) ? SyscallOutcome.Ok() : SyscallOutcome.Ok().WithOutput(3, Render(old));
            }
        }

        return SyscallOutcome.Fail(error);
    }

    // setpriority(PRIO_PROCESS, 0 or p2, 5).
    private static SyscallOutcome SetPriority(SyscallContext ctx)
    {
        ctx.Arity(3);
        return Which(ctx) is { } error
            ? SyscallOutcome.Fail(error)
            : TaskArgs.Result(TaskScheduling.SetNice(ctx.Kernel, ctx.Caller, TaskArgs.Find(ctx, 1, zeroIsCaller: true), ctx.Int(2)));
    }

    // getpriority(PRIO_PROCESS, 0) = 20 - nice.
    private static SyscallOutcome GetPriority(SyscallContext ctx)
    {
        ctx.Arity(2);
        return Which(ctx) is { } error
            ? SyscallOutcome.Fail(error)
            : SyscallOutcome.Ok(TaskScheduling.Priority(TaskArgs.Find(ctx, 1, zeroIsCaller: true)));
    }

    // sched_setscheduler(0 or p2, SCHED_FIFO, [1]): EINVAL for a NULL parameter or a negative pid first.
    private static SyscallOutcome SetScheduler(SyscallContext ctx)
    {
        ctx.Arity(3);
        if (ctx.IsNull(2) || ctx.Arg(0) is IntExpr { Value: < 0 })
        {
            return SyscallOutcome.Fail(Errno.EINVAL);
        }

        var priority = ctx.Arg(2) switch
        {
            ArrayExpr { Items: [IntExpr p] } => p.Value,
            StructExpr s when s.Field("sched_priority") is IntExpr p => p.Value,
            var e => throw ctx.Error(e, "expected the priority as [N] or {sched_priority=N}"),
        };
        var target = TaskArgs.Find(ctx, 0, zeroIsCaller: true);
        return TaskArgs.Result(TaskScheduling.SetScheduler(ctx.Kernel, ctx.Caller, target, ctx.Flags(1, Scheduling.Policies), priority));
    }

    // sched_getscheduler(0 or p2).
    private static SyscallOutcome GetScheduler(SyscallContext ctx)
    {
        ctx.Arity(1);
        return ctx.Arg(0) is IntExpr { Value: < 0 }
            ? SyscallOutcome.Fail(Errno.EINVAL)
            : SyscallOutcome.Ok(TaskScheduling.Policy(TaskArgs.Find(ctx, 0, zeroIsCaller: true)));
    }

    // PRIO_PROCESS only: process groups and users name processes outside the scenario too.
    private static Errno? Which(SyscallContext ctx)
    {
        var which = ctx.Flags(0, Scheduling.Which);
        if (which is < Scheduling.PrioProcess or > 2)
        {
            return Errno.EINVAL;
        }

        return which == Scheduling.PrioProcess ? null : throw TaskArgs.NotModelled(ctx, ctx.Arg(0), "PRIO_PGRP and PRIO_USER");
    }

    private static (ulong Cur, ulong Max) ReadLimit(SyscallContext ctx, int index)
    {
        var s = ctx.Arg(index) as StructExpr ?? throw ctx.Error(ctx.Arg(index), "expected {rlim_cur=..., rlim_max=...}");
        return (LimitValue(ctx, s, "rlim_cur"), LimitValue(ctx, s, "rlim_max"));
    }

    private static ulong LimitValue(SyscallContext ctx, StructExpr s, string field) => s.Field(field) switch
    {
        SymbolExpr { Name: "RLIM_INFINITY" or "RLIM64_INFINITY" } => Rlimits.Infinity,
        IntExpr i => unchecked((ulong)i.Value),
        BinaryExpr { Left: IntExpr k, Operator: "*", Right: IntExpr { Value: 1024 } } => unchecked((ulong)k.Value * 1024),
        null => throw ctx.Error(s, $"expected {field}="),
        var e => throw ctx.Error(e, $"expected a number or RLIM64_INFINITY for {field}"),
    };

    // strace prints RLIM64_INFINITY by name and a multiple of 1024 above 1024 as N*1024.
    private static StructExpr Render((ulong Cur, ulong Max) limit) => new(
        [
            new FieldExpr("rlim_cur", RenderValue(limit.Cur), SourceSpan.None),
            new FieldExpr("rlim_max", RenderValue(limit.Max), SourceSpan.None),
        ],
        SourceSpan.None);

    private static Expr RenderValue(ulong value) => value switch
    {
        Rlimits.Infinity => SymbolExpr.Of("RLIM64_INFINITY"),
        > 1024 when value % 1024 == 0 => new BinaryExpr(IntExpr.Of((long)(value / 1024)), "*", IntExpr.Of(1024), SourceSpan.None),
        _ => IntExpr.Of((long)value),
    };
}
