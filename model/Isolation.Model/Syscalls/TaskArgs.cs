using Isolation.Model.Kernel.Tasks;
using Isolation.Traces;
using Isolation.Traces.Syntax;

namespace Isolation.Model.Syscalls;

/// <summary>Reading process arguments the way the process calls need them: logical names, pid 0 for the caller, ESRCH for a reaped task.</summary>
internal static class TaskArgs
{
    /// <summary>
    /// The task named by argument <paramref name="index"/> (find_task_by_vpid); a reaped task is
    /// ESRCH. With <paramref name="zeroIsCaller"/>, pid 0 names the caller (setpriority, prlimit64,
    /// sched_setscheduler). Any other number is a scenario error: a real pid means nothing to the model.
    /// </summary>
    public static Task Find(SyscallContext ctx, int index, bool zeroIsCaller = false)
    {
        var task = ctx.Arg(index) is IntExpr { Value: 0 } && zeroIsCaller ? ctx.Caller : ctx.Process(index);
        return task.State == TaskState.Dead ? throw new KernelError(Errno.ESRCH) : task;
    }

    /// <summary>An optional trailing integer argument (strace omits prctl's unused ones): 0 when absent.</summary>
    public static long Optional(SyscallContext ctx, int index, Abi.SymbolTable table) =>
        ctx.Has(index) ? ctx.Flags(index, table) : 0;

    /// <summary>The outcome for an errno from a kernel function: success with <paramref name="value"/>, or the failure.</summary>
    public static SyscallOutcome Result(Errno error, long value = 0) =>
        error == Errno.None ? SyscallOutcome.Ok(value) : SyscallOutcome.Fail(error);

    /// <summary>A scenario error: the call or argument is one whose effect the model does not know, so it cannot answer.</summary>
    public static TraceException NotModelled(SyscallContext ctx, Expr? at, string what) =>
        new(at is null || at.Span == SourceSpan.None ? ctx.Call.CallSpan : at.Span, $"{ctx.Call.Call}: {what} is not modelled");
}
