using Isolation.Model.Abi;
using Isolation.Model.Kernel.Tasks;
using Isolation.Traces;
using Isolation.Traces.Syntax;

namespace Isolation.Model.Syscalls;

/// <summary>Signals: kill, tkill, tgkill (every process is one thread), and rt_sigaction with SIG_IGN or SIG_DFL.</summary>
/// <remarks>kernel/signal.c kill_proc_info, do_tkill, do_send_specific, do_sigaction (6.12); see <see cref="SignalDelivery"/>.</remarks>
internal static class SignalCalls
{
    /// <summary>The sigsetsize rt_sigaction requires on x86-64.</summary>
    private const long SigsetSize = 8;

    /// <summary>Adds this family's calls to <paramref name="table"/>.</summary>
    public static void Register(SyscallTable table)
    {
        table.Register("kill", Kill);
        table.Register("tkill", Tkill);
        table.Register("tgkill", Tgkill);
        table.Register("rt_sigaction", Sigaction);
    }

    // kill(p2, SIGUSR1): a process group or -1 names processes the model cannot enumerate.
    private static SyscallOutcome Kill(SyscallContext ctx)
    {
        ctx.Arity(2);
        if (ctx.Arg(0) is IntExpr { Value: <= 0 })
        {
            throw TaskArgs.NotModelled(ctx, ctx.Arg(0), "kill to a process group or to every process");
        }

        return Send(ctx, TaskArgs.Find(ctx, 0), 1);
    }

    // tkill(p2, SIGUSR2): EINVAL for a pid <= 0.
    private static SyscallOutcome Tkill(SyscallContext ctx)
    {
        ctx.Arity(2);
        return ctx.Arg(0) is IntExpr { Value: <= 0 } ? SyscallOutcome.Fail(Errno.EINVAL) : Send(ctx, TaskArgs.Find(ctx, 0), 1);
    }

    // tgkill(p2, p2, 0): EINVAL for an id <= 0; ESRCH when the thread is not in that thread group.
    private static SyscallOutcome Tgkill(SyscallContext ctx)
    {
        ctx.Arity(3);
        if (ctx.Arg(0) is IntExpr { Value: <= 0 } || ctx.Arg(1) is IntExpr { Value: <= 0 })
        {
            return SyscallOutcome.Fail(Errno.EINVAL);
        }

        var target = TaskArgs.Find(ctx, 1);
        return ctx.Process(0) != target ? SyscallOutcome.Fail(Errno.ESRCH) : Send(ctx, target, 2);
    }

    // The call returns before a fatal signal to oneself is acted on, except SIGKILL, which strace shows as "= ?".
    private static SyscallOutcome Send(SyscallContext ctx, Task target, int sigIndex)
    {
        var sig = ctx.Flags(sigIndex, Signals.Table);
        var error = SignalDelivery.Send(ctx.Kernel, ctx.Caller, target, sig);
        return error == Errno.None && sig == Signals.Kill && target == ctx.Caller
            ? SyscallOutcome.NoReturn
            : TaskArgs.Result(error);
    }

    // rt_sigaction(SIGCHLD, {sa_handler=SIG_IGN, sa_mask=[], sa_flags=0}, NULL, 8): the model's
    // processes run no handlers, so the new action is SIG_IGN or SIG_DFL; mask and flags are not kept.
    private static SyscallOutcome Sigaction(SyscallContext ctx)
    {
        ctx.Arity(4);
        var sig = ctx.Flags(0, Signals.Table);
        var hasAct = !ctx.IsNull(1);
        if (ctx.Int(3) != SigsetSize || sig < 1 || sig > Signals.Max || (hasAct && sig is Signals.Kill or Signals.Stop))
        {
            return SyscallOutcome.Fail(Errno.EINVAL);
        }

        var task = ctx.Caller;
        var s = (int)sig;
        var wasIgnored = task.IgnoredSignals.Contains(s);
        if (hasAct)
        {
            var act = ctx.Arg(1) as StructExpr ?? throw ctx.Error(ctx.Arg(1), "expected a struct sigaction");
            var handler = act.Field("sa_handler") ?? throw ctx.Error(act, "expected sa_handler=");
            switch (handler)
            {
                case SymbolExpr { Name: "SIG_IGN" }:
                    task.IgnoredSignals.Add(s);
                    task.PendingSignals.Remove(s); // Setting SIG_IGN discards a pending signal (POSIX 3.3.1.3).
                    break;
                case SymbolExpr { Name: "SIG_DFL" }:
                    task.IgnoredSignals.Remove(s);
                    if (SignalDelivery.DefaultAction(s) != SignalAction.Terminate)
                    {
                        task.PendingSignals.Remove(s);
                    }

                    break;
                default:
                    throw TaskArgs.NotModelled(ctx, handler, "a signal handler (only SIG_IGN and SIG_DFL)");
            }
        }

        var outcome = SyscallOutcome.Ok();
        if (ctx.IsNull(2))
        {
            return outcome;
        }

        var old = new StructExpr(
            [
                new FieldExpr("sa_handler", SymbolExpr.Of(wasIgnored ? "SIG_IGN" : "SIG_DFL"), SourceSpan.None),
                new FieldExpr("sa_mask", new ArrayExpr([], true, SourceSpan.None), SourceSpan.None),
                new FieldExpr("sa_flags", IntExpr.Of(0), SourceSpan.None),
            ],
            SourceSpan.None);
        return outcome.WithOutput(2, old);
    }
}
