using Isolation.Model.Abi;
using Isolation.Model.Kernel.Creds;
using Isolation.Model.Kernel.Tasks;
using Isolation.Traces;

namespace Isolation.Model.Syscalls;

/// <summary>prctl(2): the LSM stack first (the capability module, then the designs), then prctl's own options.</summary>
/// <remarks>kernel/sys.c SYSCALL_DEFINE5(prctl); security/security.c security_task_prctl (6.12).</remarks>
internal static class PrctlCalls
{
    /// <summary>Adds this family's calls to <paramref name="table"/>.</summary>
    public static void Register(SyscallTable table) => table.Register("prctl", Prctl);

    // prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0); strace leaves out arguments an option does not use.
    private static SyscallOutcome Prctl(SyscallContext ctx)
    {
        ctx.Arity(1, 5);
        var option = ctx.Flags(0, Abi.Prctl.Options);
        var a2 = TaskArgs.Optional(ctx, 1, Abi.Prctl.Arguments);
        var a3 = TaskArgs.Optional(ctx, 2, Abi.Prctl.Arguments);
        var a4 = TaskArgs.Optional(ctx, 3, Abi.Prctl.Arguments);
        var a5 = TaskArgs.Optional(ctx, 4, Abi.Prctl.Arguments);
        var task = ctx.Caller;
        var op = unchecked((int)option);

        // security_task_prctl: a module's 0 lets the next one run too; the first other answer wins.
        var rc = CapPrctl.Handle(ctx.Kernel, task, op, a2, a3, a4, a5);
        if (rc is CapPrctl.NotHandled or 0)
        {
            var modules = ctx.Kernel.Security.TaskPrctl(task, op, a2, a3, a4, a5);
            if (modules != CapPrctl.NotHandled)
            {
                rc = modules;
            }
        }

        if (rc != CapPrctl.NotHandled)
        {
            return rc < 0 ? SyscallOutcome.Fail((Errno)(-rc)) : SyscallOutcome.Ok(rc);
        }

        switch (op)
        {
            case Abi.Prctl.SetPdeathsig:
                if (!SignalDelivery.IsValid(a2))
                {
                    return SyscallOutcome.Fail(Errno.EINVAL);
                }

                task.PdeathSignal = (int)a2;
                return SyscallOutcome.Ok();
            case Abi.Prctl.GetDumpable:
                return SyscallOutcome.Ok(task.Dumpable);
            case Abi.Prctl.SetDumpable:
                if (a2 is not (Abi.Prctl.SuidDumpDisable or Abi.Prctl.SuidDumpUser))
                {
                    return SyscallOutcome.Fail(Errno.EINVAL);
                }

                task.Dumpable = (int)a2;
                return SyscallOutcome.Ok();
            case Abi.Prctl.SetNoNewPrivs:
                if (a2 != 1 || (a3 | a4 | a5) != 0)
                {
                    return SyscallOutcome.Fail(Errno.EINVAL);
                }

                task.NoNewPrivs = true;
                return SyscallOutcome.Ok();
            case Abi.Prctl.GetNoNewPrivs:
                return (a2 | a3 | a4 | a5) != 0 ? SyscallOutcome.Fail(Errno.EINVAL) : SyscallOutcome.Ok(task.NoNewPrivs ? 1 : 0);
            default:
                // An option Linux does not have is EINVAL (a seed design's too, when no loaded module
                // answered it); one Linux has that the model lacks cannot be answered.
                return Abi.Prctl.Options.NameOf(option) is { } name && !SeedConstants.IsPrctlOption(option)
                    ? throw TaskArgs.NotModelled(ctx, ctx.Arg(0), name)
                    : SyscallOutcome.Fail(Errno.EINVAL);
        }
    }
}
