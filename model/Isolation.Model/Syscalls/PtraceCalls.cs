using Isolation.Model.Abi;
using Isolation.Model.Kernel.Ptrace;
using Isolation.Model.Kernel.Tasks;
using Isolation.Traces;

namespace Isolation.Model.Syscalls;

/// <summary>ptrace(2): PTRACE_TRACEME, PTRACE_ATTACH, PTRACE_SEIZE, PTRACE_DETACH. Stops are invisible in a scenario.</summary>
/// <remarks>kernel/ptrace.c SYSCALL_DEFINE4(ptrace) (6.12); see <see cref="PtraceLinks"/>.</remarks>
internal static class PtraceCalls
{
    /// <summary>Adds this family's calls to <paramref name="table"/>.</summary>
    public static void Register(SyscallTable table) => table.Register("ptrace", Ptrace);

    // ptrace(PTRACE_TRACEME), ptrace(PTRACE_ATTACH, p2), ptrace(PTRACE_SEIZE, p2, NULL, opts), ptrace(PTRACE_DETACH, p2, NULL, 0).
    private static SyscallOutcome Ptrace(SyscallContext ctx)
    {
        ctx.Arity(1, 4);
        var request = ctx.Flags(0, PtraceRequests.Table);
        var kernel = ctx.Kernel;
        var caller = ctx.Caller;
        if (request == PtraceRequests.Traceme)
        {
            // The real parent of p1, or of an orphan, is the runner's reaper, outside the scenario.
            var parent = caller.Parent ?? throw TaskArgs.NotModelled(ctx, ctx.Arg(0), $"PTRACE_TRACEME by {caller.Name}, whose parent is outside the scenario,");
            return TaskArgs.Result(PtraceLinks.Traceme(kernel, caller, parent));
        }

        var target = TaskArgs.Find(ctx, 1);
        switch (request)
        {
            case PtraceRequests.Attach:
                return TaskArgs.Result(PtraceLinks.Attach(kernel, caller, target, seize: false, 0, 0));
            case PtraceRequests.Seize:
                var addr = ctx.Has(2) ? ctx.Int(2) : 0;
                var options = TaskArgs.Optional(ctx, 3, PtraceRequests.Options);
                return TaskArgs.Result(PtraceLinks.Attach(kernel, caller, target, seize: true, addr, options));
        }

        var attached = PtraceLinks.CheckAttached(caller, target);
        if (attached != Errno.None)
        {
            return SyscallOutcome.Fail(attached);
        }

        if (request != PtraceRequests.Detach)
        {
            // ptrace_request answers EIO for a request it does not know.
            return PtraceRequests.Table.NameOf(request) is { } name
                ? throw TaskArgs.NotModelled(ctx, ctx.Arg(0), name)
                : SyscallOutcome.Fail(Errno.EIO);
        }

        var sig = TaskArgs.Optional(ctx, 3, Signals.Table);
        if (!SignalDelivery.IsValid(sig))
        {
            return SyscallOutcome.Fail(Errno.EIO);
        }

        // Where a detach signal lands depends on the stop the runner left the tracee in.
        return sig != 0
            ? throw TaskArgs.NotModelled(ctx, ctx.Arg(3), "PTRACE_DETACH with a signal")
            : TaskArgs.Result(PtraceLinks.Detach(kernel, caller, target));
    }
}
